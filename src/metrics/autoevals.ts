// Braintrust autoevals scorers as evalmatrix metrics. An autoevals scorer takes
// `{output, expected, input, ...args}` and returns `{name, score, metadata?}`; here `output` is
// the reply text, `expected` the sample's reference, `input` its question, and the YAML
// `params` are passed along as further args. Typed structurally, so evalmatrix does not
// depend on autoevals: any function of that shape works.
import type { z } from 'zod';
import type { Sample } from '../datasets/sample.js';
import { defineMetric, type MetricDefinition, type MetricOutput, type MetricResult } from './metric.js';

/** What an autoevals scorer returns (autoevals' `Score`). */
export interface AutoevalsScore {
  name?: string;
  score: number | null;
  metadata?: Record<string, unknown>;
  error?: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each scorer types its own args
export type AutoevalsScorer = ((args: any) => AutoevalsScore | Promise<AutoevalsScore>) & { name: string };

export interface AutoevalsOptions<P = Record<string, unknown>> {
  /** The `implementation` YAML names; the scorer's own name (e.g. "Levenshtein") by default. */
  name?: string;
  /** What the scorer gets as `output`; the reply text by default. */
  output?: (output: MetricOutput, sample: Sample) => unknown;
  /** What it gets as `expected`; the sample's reference by default. */
  expected?: (sample: Sample) => unknown;
  /** What it gets as `input`; the sample's question by default. */
  input?: (sample: Sample) => unknown;
  /** Checks the YAML params (passed to the scorer as further args) when the pipeline loads. */
  params?: z.ZodType<P>;
}

/** `fromAutoevals(Levenshtein)`: a metric that YAML names `implementation: Levenshtein`. */
export function fromAutoevals<P = Record<string, unknown>>(scorer: AutoevalsScorer, options: AutoevalsOptions<P> = {}): MetricDefinition<P> {
  const name = options.name ?? scorer.name;
  if (!name) throw new Error('fromAutoevals: this scorer has no name of its own; pass one: fromAutoevals(scorer, { name: "my_scorer" })');
  return defineMetric<P>({
    name,
    ...(options.params ? { params: options.params } : {}),
    async score({ sample, output, params }): Promise<MetricResult> {
      const result = await scorer({
        ...(params as Record<string, unknown>),
        output: options.output ? options.output(output, sample) : output.text,
        expected: options.expected ? options.expected(sample) : sample.reference,
        input: options.input ? options.input(sample) : sample.question,
      });
      if (typeof result?.score !== 'number') {
        const why = result?.error === undefined ? '' : ` (${String(result.error)})`;
        throw new Error(`the autoevals scorer ${name} returned score ${String(result?.score)}${why}: it could not score this sample`);
      }
      const rationale = result.metadata?.rationale;
      return {
        score: result.score,
        ...(typeof rationale === 'string' ? { rationale } : {}),
        ...(result.metadata ? { metadata: result.metadata } : {}),
      };
    },
  });
}
