// runCase with `repeats` against the real OpenAI SDK client and MSW: each sample runs k times,
// every event and every request knows its trial, the case's concurrency bounds the trials in
// flight, and a failed trial costs its sample once. The mock answers by the trial it reads from
// the request's context — the same way a recorder at the HTTP level will key its replays.
import { delay, http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAIChatCompletion, startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import { currentTrial } from '../../src/providers/index.js';
import { runCase } from '../../src/runner/run-case.js';
import type { TaskFunction } from '../../src/runner/task-call.js';
import { firstCase, runInProcess } from './in-process-case.js';

let server: MockInterception;
beforeAll(() => {
  server = startMockInterception();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const URL_ = 'http://127.0.0.1:18080/v1/chat/completions';
const ROWS = [
  { id: 'q1', question: 'Capital of France?', answer: 'Paris' },
  { id: 'q2', question: 'Two plus two?', answer: '4' },
  { id: 'q3', question: 'Largest planet?', answer: 'Jupiter' },
  { id: 'q4', question: 'Colour of the sky?', answer: 'blue' },
];
/** How many of its first trials each question answers right. */
const RIGHT_TRIALS: Record<string, number> = { 'Capital of France?': 3, 'Two plus two?': 0, 'Largest planet?': 1, 'Colour of the sky?': 2 };

function caseFor(task: string) {
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: repeats_test}
prompts:
  - {prompt_id: p, template: "{{ sample.question }}"}
datasets:
  - {dataset_id: d, loader: code, params: {preprocess: {type: qa, question: question, answer: answer}}}
backends:
  - backend_id: b
    config: {provider: openai, model: gpt-4o-mini, api_base: "http://127.0.0.1:18080/v1", max_retries: 0}
role_adapters:
  - {adapter_id: a, backend_id: b, prompt_id: p}
metrics:
  - {metric_id: exact, implementation: exact_match, pass_threshold: 1}
tasks:
  - task_id: t
    dataset_id: d
    steps: [{step: inference, adapter_id: a}, {step: auto_eval}]
${task}
`;
  return firstCase(yaml, { prefix: 'em-repeats-' });
}

function run(spec: ReturnType<typeof caseFor>, task?: TaskFunction) {
  return runInProcess(spec, { rows: ROWS, ...(task ? { task } : {}) });
}

/** Answers right on a question's first RIGHT_TRIALS trials, by the trial the request carries. */
interface InFlight {
  now: number;
  most: number;
  /** Each request waits until this many are in flight (or 3 s pass), unless it is the last of
   *  `total`: the count is then the loop's doing, not the machine's speed. */
  gather: number;
  arrived: number;
  total: number;
}

function answerByTrial(seen: (number | undefined)[], options: { failing?: { question: string; trial: number }; inFlight?: InFlight } = {}) {
  server.use(
    http.post(URL_, async ({ request }) => {
      const trial = currentTrial();
      seen.push(trial);
      const body = (await request.json()) as { messages: { content: string }[] };
      const question = body.messages.at(-1)!.content;
      const counter = options.inFlight;
      if (counter) {
        counter.most = Math.max(counter.most, ++counter.now);
        counter.arrived += 1;
      }
      try {
        for (let waited = 0; counter && counter.now < counter.gather && counter.arrived < counter.total && waited < 3000; waited += 5) await delay(5);
        if (options.failing?.question === question && options.failing.trial === trial) return HttpResponse.json({ error: { message: 'overloaded' } }, { status: 500 });
        const right = (trial ?? 0) < RIGHT_TRIALS[question]!;
        const row = ROWS.find((r) => r.question === question)!;
        return HttpResponse.json(openAIChatCompletion({ model: 'gpt-4o-mini', content: right ? row.answer : 'no idea', promptTokens: 3 }));
      } finally {
        if (counter) counter.now -= 1;
      }
    }),
  );
}

describe('runCase with repeats', () => {
  it('runs each sample k times; every event and request carries its trial; the summary has pass@k', async () => {
    const seen: (number | undefined)[] = [];
    answerByTrial(seen);
    const { summary, of } = await run(caseFor('    repeats: 3\n    concurrency: 4'));

    expect(seen.sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    const trialsOf = (name: 'inference_end' | 'auto_eval_sample', id: string) => of(name).filter((e) => e.sample_id === id).map((e) => e.payload.trial).sort();
    for (const { id } of ROWS) {
      expect(trialsOf('inference_end', id)).toEqual([0, 1, 2]);
      expect(trialsOf('auto_eval_sample', id)).toEqual([0, 1, 2]);
    }
    // Each scored trial matches its own answer: q3 is right only in trial 0.
    const q3 = of('auto_eval_sample').filter((e) => e.sample_id === 'q3');
    expect(q3.map((e) => [e.payload.trial, e.payload.passed]).sort()).toEqual([[0, true], [1, false], [2, false]]);

    expect(summary).toMatchObject({ sample_count: 4, error_count: 0, repeats: 3, trial_count: 12, trial_error_count: 0, status: 'passed' });
    const [exact] = summary.metrics;
    // 3 + 0 + 1 + 2 right of 12 trials.
    expect(exact).toMatchObject({ values: { acc: '0.50000', pass_rate: '0.50000' }, count: 12 });
    // Per-sample means 1, 0, 1/3, 2/3: mean 1/2; s² = (1/4 + 1/4 + 1/36 + 1/36)/3 = 5/27; stderr = √(5/27/4).
    expect(exact!.stats!.stderr).toBeCloseTo(Math.sqrt(5 / 108), 14);
    // pass@3: some trial right in q1, q3, q4 → 3/4; pass^3: every trial right only in q1 → 1/4;
    // all trials agree in q1 (all right) and q2 (all wrong) → 2/4.
    expect(exact!.stats).toMatchObject({ samples: 4, mean: 0.5, k: 3, pass_at_k: 0.75, pass_hat_k: 0.25, trial_agreement: 0.5 });
  });

  it('keeps single-trial events as they were: no trial field, and no trial context on the request', async () => {
    const seen: (number | undefined)[] = [];
    answerByTrial(seen);
    const { events, summary } = await run(caseFor('    concurrency: 2'));
    expect(seen).toEqual([undefined, undefined, undefined, undefined]);
    expect(events.filter((e) => 'trial' in (e.payload as object))).toEqual([]);
    expect(summary).toMatchObject({ sample_count: 4, repeats: 1, trial_count: 4 });
    expect(Object.keys(summary.metrics[0]!.stats!).sort()).toEqual(['ci95', 'mean', 'samples', 'stderr']);
  });

  it("bounds the trials in flight by the task's concurrency, and runs one sample's trials side by side", async () => {
    // Room for two: both slots used, never a third request.
    const inFlight = { now: 0, most: 0, gather: 2, arrived: 0, total: 20 };
    answerByTrial([], { inFlight });
    await run(caseFor('    repeats: 5\n    concurrency: 2'));
    expect(inFlight.most).toBe(2);

    const alone = { now: 0, most: 0, gather: 5, arrived: 0, total: 5 };
    answerByTrial([], { inFlight: alone });
    // One sample, five trials, room for five: none waits for another.
    const { summary } = await run(caseFor('    repeats: 5\n    concurrency: 8\n    max_samples: 1'));
    expect(summary.trial_count).toBe(5);
    expect(alone.most).toBe(5);
  });

  it('counts a sample with a failed trial once, names the trial, and leaves it out of pass@k', async () => {
    answerByTrial([], { failing: { question: 'Capital of France?', trial: 1 } });
    const { summary, of } = await run(caseFor('    repeats: 3\n    concurrency: 4'));
    const [error] = of('sample_error');
    expect(of('sample_error')).toHaveLength(1);
    expect(error).toMatchObject({ sample_id: 'q1', payload: { stage: 'inference', status: 500, trial: 1 } });
    expect(summary).toMatchObject({ sample_count: 4, error_count: 1, trial_count: 12, trial_error_count: 1, status: 'failed' });
    expect(summary.reasons).toEqual([expect.stringMatching(/^1 of 4 samples failed \(error budget: max_errors 0\); by kind \(each a sample_error in events\.jsonl\):\n      1 × HTTP 500 \(server error\): /)]);
    // q1 keeps its two scored trials (both right) in the mean; pass@3 and pass^3 are over
    // q2, q3, q4 (0, 1 and 2 right of 3): 2/3 and 0.
    expect(summary.metrics[0]!.stats).toMatchObject({ samples: 4, mean: 0.5, pass_at_k: 2 / 3, pass_hat_k: 0 });
  });

  it('gives the task its trial, the same one its requests see', async () => {
    answerByTrial([]);
    const told: [number, number | undefined][] = [];
    const task: TaskFunction = async ({ sample, client, messages, trial }) => {
      told.push([trial, currentTrial()]);
      const reply = await client.chat({ messages });
      return trial === 0 ? reply.text : String(sample.reference);
    };
    const { summary } = await run(caseFor('    repeats: 2\n    concurrency: 3'), task);
    expect(told.sort()).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [1, 1], [1, 1], [1, 1], [1, 1]]);
    // Trial 0 as the mock answers (q1, q3, q4 right), trial 1 always right: 7 of 8.
    expect(summary.metrics[0]!.raw_values.acc).toBe(7 / 8);
  });

  it('fails a case on ci_low when the interval reaches below the threshold, though the mean is above', async () => {
    answerByTrial([]);
    // Per-sample means 1, 0, 1/3, 2/3 (see above): mean 0.5, but over 4 samples the interval is
    // 0.5 ± 3.18245·0.21517, clipped to [0, 1].
    const { summary } = await run(caseFor('    repeats: 3\n    thresholds: {exact: {min: 0.2, on: ci_low}}'));
    expect(summary.status).toBe('failed');
    expect(summary.thresholds).toEqual([{ metric_id: 'exact', min: 0.2, actual: 0, ok: false, on: 'ci_low' }]);
    expect(summary.reasons).toEqual(['exact ci_low (the lower end of its 95% interval) = 0.00000 is below the threshold 0.2']);
  });
});
