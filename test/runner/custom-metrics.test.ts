// Metrics defined in TypeScript, run by runCase: what they see, what is recorded of what they
// return, and every way one can go wrong on a sample (throw, NaN, out of range, not a number,
// too slow) becoming that sample's scoring error naming the metric and the value while the
// other samples and metrics go on.
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMetric, type MetricInput } from '../../src/metrics/metric.js';
import { openAIChatCompletion, startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import { heavyBroken, replyLength } from './fixtures/heavy-metric.js';
import { DUT_BASE, runScoring, scoringCase } from './scoring-case.js';

let mocks: MockInterception;
beforeAll(() => {
  mocks = startMockInterception();
});
afterEach(() => mocks.resetHandlers());
afterAll(() => mocks.close());

/** The model answers each question with a JSON object naming the question. */
beforeEach(() => {
  mocks.use(
    http.post(`${DUT_BASE}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as { model: string; messages: Array<{ content: string }> };
      const question = body.messages.at(-1)!.content.replace(/^Q: /, '');
      return HttpResponse.json(openAIChatCompletion({ model: body.model, content: JSON.stringify({ q: question }), promptTokens: 4 }));
    }),
  );
});

/** Returns, per sample id, what `wrongly` says (or a fine result). */
function misbehaving(wrongly: Record<string, (input: MetricInput) => unknown>) {
  return defineMetric({
    name: 'misbehaving',
    score: (input) => (wrongly[input.sample.sample_id] ?? (() => ({ score: 0.5, passed: true, rationale: 'fine', metadata: { seen_json: input.output.json } })))(input) as number,
  });
}

const metricLines = (...ids: string[]) => ids.map((id) => `    - {metric_id: ${id}, implementation: ${id === 'mc' ? 'multi_choice_accuracy' : id}}`).join('\n');

describe('custom metrics in a case', () => {
  it('see the reply text and its parsed JSON, and have everything they return recorded', async () => {
    const seen: unknown[] = [];
    const probe = defineMetric({
      name: 'probe',
      params: z.object({ key: z.string() }).strict(),
      score: ({ output, params, sample }) => {
        seen.push(output.json);
        return { score: 1, passed: true, prediction: String((output.json as Record<string, unknown>)[params.key]), rationale: 'has the key', metadata: { question: sample.question } };
      },
    });
    const spec = scoringCase({ metrics: '    - {metric_id: probe_it, implementation: probe, params: {key: q}}' }, [probe]);
    const { of, summary } = await runScoring(spec, { metrics: [probe] });
    expect(seen).toContainEqual({ q: 'Two plus two?' });
    const q2 = of('auto_eval_sample').find((e) => e.sample_id === 'q2')!;
    expect(q2.payload).toEqual({ metric_id: 'probe_it', score: 1, passed: true, prediction: 'Two plus two?', reference: null, rationale: 'has the key', metadata: { question: 'Two plus two?' } });
    expect(summary.metrics[0]).toMatchObject({ values: { acc: '1.00000', pass_rate: '1.00000' } });
  });

  it('a throw, NaN, a score outside [0, 1] or a non-number fails only that sample, naming the metric and the value', async () => {
    const metric = misbehaving({
      q1: () => {
        throw new TypeError('cannot read the reply');
      },
      q2: () => NaN,
      q3: () => ({ score: 1.5 }),
      q4: () => 'high',
    });
    const spec = scoringCase({ metrics: metricLines('misbehaving'), task: '    max_errors: 4' }, [metric]);
    const { of, summary } = await runScoring(spec, { metrics: [metric] });
    const errors = Object.fromEntries(of('sample_error').map((e) => [e.sample_id, e.payload]));
    expect(errors.q1).toMatchObject({ stage: 'scoring', error_type: 'metric_error', message: 'metric "misbehaving" threw TypeError: cannot read the reply' });
    expect(errors.q2).toMatchObject({ stage: 'scoring', error_type: 'invalid_score', message: expect.stringContaining('metric "misbehaving" returned the score NaN, outside [0, 1]') });
    expect(errors.q3).toMatchObject({ error_type: 'invalid_score', message: expect.stringContaining('metric "misbehaving" returned the score 1.5, outside [0, 1]') });
    expect(errors.q4).toMatchObject({ error_type: 'invalid_score', message: expect.stringContaining('metric "misbehaving" returned the score "high", not a number') });
    expect(of('inference_end')).toHaveLength(4);
    expect(summary).toMatchObject({ error_count: 4, sample_count: 4, status: 'passed' });
  });

  it('an async metric past metric_timeout_ms is cut off and told to stop; the other samples score', async () => {
    let stopped = false;
    const slow = defineMetric({
      name: 'slow',
      score: ({ sample, signal }) =>
        sample.sample_id !== 'q3'
          ? 1
          : new Promise<number>((resolve) => {
              signal.addEventListener('abort', () => {
                stopped = true;
                resolve(1);
              });
            }),
    });
    const spec = scoringCase({ metrics: '    - {metric_id: slow, implementation: slow, metric_timeout_ms: 200}', task: '    max_errors: 1' }, [slow]);
    const { of } = await runScoring(spec, { metrics: [slow] });
    expect(of('sample_error').map((e) => [e.sample_id, e.payload.error_type])).toEqual([['q3', 'metric_timeout']]);
    expect(of('auto_eval_sample')).toHaveLength(3);
    expect(stopped).toBe(true);
  });

  it('a cpu_heavy metric defined in TypeScript scores in a worker thread, imported from its module', async () => {
    const spec = scoringCase({ metrics: '    - {metric_id: length, implementation: reply_length, params: {max_chars: 1000}}\n    - {metric_id: broken, implementation: heavy_broken}', task: '    max_errors: 4' }, [replyLength, heavyBroken]);
    const { of } = await runScoring(spec, { metrics: [replyLength, heavyBroken] });
    const scored = of('auto_eval_sample');
    expect(scored).toHaveLength(4);
    expect(scored.every((e) => e.payload.metadata?.main_thread === false)).toBe(true);
    expect(scored.find((e) => e.sample_id === 'q1')!.payload.score).toBeCloseTo(JSON.stringify({ q: 'Capital of France?' }).length / 1000, 12);
    // A failure in the worker is named as it would be in-process.
    expect(of('sample_error')[0]!.payload).toMatchObject({ stage: 'scoring', error_type: 'metric_error', message: 'metric "broken" threw RangeError: no good' });
  });
});
