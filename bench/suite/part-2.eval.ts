// Part 2 of 2 of the pipeline the scenario wrote (BENCH_PIPELINE): with BENCH_PARTS=2 the
// latency benchmark runs these two files instead of bench.eval.ts, in two workers.
import { defineEvalSuite } from 'evalmatrix/vitest';

const pipeline = process.env.BENCH_PIPELINE;
if (!pipeline) throw new Error('BENCH_PIPELINE names the pipeline YAML to run');
defineEvalSuite(pipeline, { part: '2/2' });
