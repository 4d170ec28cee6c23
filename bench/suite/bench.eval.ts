// The one eval file of the benchmarks: the pipeline the scenario wrote (BENCH_PIPELINE).
import { defineEvalSuite } from 'evalmatrix/vitest';

const pipeline = process.env.BENCH_PIPELINE;
if (!pipeline) throw new Error('BENCH_PIPELINE names the pipeline YAML to run');
defineEvalSuite(pipeline);
