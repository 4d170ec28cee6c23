// llm_judge end to end in mock mode: the real OpenAI SDK calls the judge's backend over HTTP
// (answered by MSW handlers of this test at the judge's own base URL), through the same
// provider stack as the model under test. What the judge saw, what it said, how that became a
// score, and where its tokens were counted.
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAIChatCompletion, roughTokenCount, startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import { MissingKeyError } from '../../src/providers/index.js';
import { describeError } from '../../src/runner/describe-error.js';
import { createJudgeClients } from '../../src/runner/judge-clients.js';
import { DUT_BASE, JUDGE_BASE, ROWS, runScoring, scoringCase } from './scoring-case.js';

let mocks: MockInterception;
beforeAll(() => {
  mocks = startMockInterception();
});
afterEach(() => mocks.resetHandlers());
afterAll(() => mocks.close());

/** The model under test answers q2 wrongly and the rest rightly. */
const REPLIES: Record<string, string> = { 'Capital of France?': 'Paris', 'Two plus two?': '5', 'Largest planet?': 'Jupiter', 'Colour of the sky?': 'blue' };

interface JudgeRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
}
let judgeRequests: JudgeRequest[];

/** The judge grades by comparing the Answer and Reference lines its rubric was rendered with. */
function judgeAnswering(answer: (reply: string, reference: string) => string | Promise<string>, status = 200) {
  return http.post(`${JUDGE_BASE}/chat/completions`, async ({ request }) => {
    const body = (await request.json()) as JudgeRequest;
    judgeRequests.push(body);
    if (status !== 200) return HttpResponse.json({ error: { message: 'judge overloaded', type: 'server_error' } }, { status });
    const text = body.messages.at(-1)!.content;
    const [, reply = ''] = /Answer: (.*)/.exec(text) ?? [];
    const [, reference = ''] = /Reference: (.*)/.exec(text) ?? [];
    return HttpResponse.json(openAIChatCompletion({ model: body.model, content: await answer(reply, reference), promptTokens: 50 }));
  });
}

beforeEach(() => {
  judgeRequests = [];
  mocks.use(
    http.post(`${DUT_BASE}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as JudgeRequest;
      const question = body.messages.at(-1)!.content.replace(/^Q: /, '');
      return HttpResponse.json(openAIChatCompletion({ model: body.model, content: REPLIES[question] ?? '?', promptTokens: 7 }));
    }),
  );
});

const CHOICES_METRIC = `    - {metric_id: correct, implementation: llm_judge, params: {judge: grader_judge, choices: {Y: 1, N: 0}}, pass_threshold: 1}`;

describe('llm_judge in mock mode', () => {
  it('renders the rubric with output and reference, reads the choice, records the judge and counts its tokens apart', async () => {
    mocks.use(judgeAnswering((reply, reference) => (reply === reference ? 'Choice: Y' : 'Choice: N')));
    const { of, summary } = await runScoring(scoringCase({ metrics: CHOICES_METRIC, task: '    thresholds: {correct: {min: 0.7, on: pass_rate}}' }));

    // What the judge saw: its own model, the rubric rendered for the sample, then how to answer.
    expect(judgeRequests).toHaveLength(4);
    const q2 = judgeRequests.find((r) => r.messages.at(-1)!.content.includes('Two plus two?'))!;
    expect(q2.model).toBe('gpt-4o');
    expect(q2.messages).toEqual([
      { role: 'system', content: 'You grade answers.' },
      { role: 'user', content: 'Question: Two plus two?\nAnswer: 5\nReference: 4\n\nReply with one line "Choice: <label>", where <label> is one of: Y, N, and nothing else.' },
    ]);

    const scored = of('auto_eval_sample').sort((a, b) => a.sample_id.localeCompare(b.sample_id));
    expect(scored.map((e) => [e.sample_id, e.payload.score, e.payload.passed, e.payload.prediction, e.payload.reference])).toEqual([
      ['q1', 1, true, 'Y', 'Paris'],
      ['q2', 0, false, 'N', '4'],
      ['q3', 1, true, 'Y', 'Jupiter'],
      ['q4', 1, true, 'Y', 'blue'],
    ]);
    expect(scored[1]!.payload.judge).toEqual({ adapter_id: 'grader_judge', text: 'Choice: N', choice: 'N', usage: { prompt_tokens: 50, completion_tokens: roughTokenCount('Choice: N') } });

    // The judge's tokens are the judge's; the model's are the model's; usage is both.
    const judgeUsage = scored.reduce((n, e) => n + e.payload.judge!.usage.completion_tokens, 0);
    expect(judgeUsage).toBeGreaterThan(0);
    expect(summary.usage_by_role!.judge).toEqual({ prompt_tokens: 200, completion_tokens: judgeUsage, total_tokens: 200 + judgeUsage });
    expect(summary.usage_by_role!.dut.prompt_tokens).toBe(28);
    expect(summary.usage.prompt_tokens).toBe(228);
    expect(summary.usage.total_tokens).toBe(summary.usage_by_role!.dut.total_tokens + summary.usage_by_role!.judge.total_tokens);
    expect(summary.run.metadata.judges).toEqual([{ adapter_id: 'grader_judge', backend_id: 'grader', provider: 'openai', model: 'gpt-4o', api_base: JUDGE_BASE }]);

    // pass_rate beside the mean, and a threshold on it.
    expect(summary.metrics[0]).toMatchObject({ metric_id: 'correct', aggregation: 'mean', values: { acc: '0.75000', pass_rate: '0.75000' }, raw_values: { acc: 0.75, pass_rate: 0.75 }, count: 4 });
    expect(summary.thresholds).toEqual([{ metric_id: 'correct', min: 0.7, actual: 0.75, ok: true, on: 'pass_rate' }]);
    expect(summary.status).toBe('passed');
  });

  it('stays in-process with EVALMATRIX_SCORER_POOL=1: the judge client lives in this thread', async () => {
    mocks.use(judgeAnswering(() => 'Choice: Y'));
    const { of } = await runScoring(scoringCase({ metrics: CHOICES_METRIC }), { scorerPool: 'always' });
    expect(of('sample_error')).toEqual([]);
    expect(of('auto_eval_sample').map((e) => e.payload.judge?.choice)).toEqual(['Y', 'Y', 'Y', 'Y']);
  });

  it('a scale: the number normalized to [0, 1], the reasoning kept as the rationale with use_cot', async () => {
    const grades: Record<string, string> = { Paris: 'Spot on.\nScore: 10', '5': 'Wrong sum.\nScore: 1', Jupiter: 'Right.\n**Score:** 7/10', blue: 'Fine.\nScore: 8.5' };
    mocks.use(judgeAnswering((reply) => grades[reply]!));
    const metric = `    - {metric_id: quality, implementation: llm_judge, params: {judge: grader_judge, scale: {min: 1, max: 10}, use_cot: true}}`;
    const { of, summary } = await runScoring(scoringCase({ metrics: metric }));
    const scored = Object.fromEntries(of('auto_eval_sample').map((e) => [e.sample_id, e.payload]));
    expect(scored.q1).toMatchObject({ score: 1, prediction: '10', rationale: 'Spot on.' });
    expect(scored.q2).toMatchObject({ score: 0, prediction: '1', rationale: 'Wrong sum.' });
    expect(scored.q3!.score).toBeCloseTo(6 / 9, 12);
    expect(scored.q4!.score).toBeCloseTo(7.5 / 9, 12);
    expect(judgeRequests[0]!.messages.at(-1)!.content).toContain('First explain your reasoning step by step');
    // No pass criterion, no pass_rate.
    expect(summary.metrics[0]!.raw_values).not.toHaveProperty('pass_rate');
  });

  it('an answer with no choice is a scoring sample_error quoting it (capped); the others go on and its tokens still count', async () => {
    const rambling = `I cannot decide. ${'Maybe. '.repeat(80)}`;
    mocks.use(judgeAnswering((reply) => (reply === '5' ? rambling : 'Choice: Y')));
    const { of, summary } = await runScoring(scoringCase({ metrics: CHOICES_METRIC, task: '    max_errors: 1' }));
    const [error] = of('sample_error');
    expect(error).toMatchObject({ sample_id: 'q2', payload: { stage: 'scoring', error_type: 'judge_unparseable' } });
    expect(error!.payload.message).toMatch(/^metric "correct": the judge's answer gives no choice of Y, N \("Choice: <label>", or the label alone on the last line\): "I cannot decide\. Maybe\./);
    expect(error!.payload.message).toContain('…"');
    expect(error!.payload.message.length).toBeLessThan(450);
    expect(of('auto_eval_sample')).toHaveLength(3);
    expect(summary).toMatchObject({ error_count: 1, status: 'passed' });
    expect(summary.usage_by_role!.judge.prompt_tokens).toBe(200);
  });

  it("a judge that keeps failing is a scoring sample_error with the provider's status, after the backend's retries", async () => {
    mocks.use(judgeAnswering(() => '', 500));
    const { of, summary } = await runScoring(scoringCase({ metrics: CHOICES_METRIC, task: '    max_errors: 4' }));
    const errors = of('sample_error');
    expect(errors).toHaveLength(4);
    expect(errors[0]!.payload).toMatchObject({ stage: 'scoring', error_type: 'provider_http', status: 500, attempts: 2 });
    expect(errors[0]!.payload.message).toMatch(/^metric "correct" could not call its judge: openai 500: judge overloaded/);
    expect(judgeRequests).toHaveLength(8); // max_retries: 1
    expect(summary.usage_by_role!.judge.total_tokens).toBe(0);
    expect(of('inference_end')).toHaveLength(4);
  });

  it('a judge past metric_timeout_ms is cut off (its request aborted); other metrics of the sample still score', async () => {
    let aborted = false;
    mocks.use(
      http.post(`${JUDGE_BASE}/chat/completions`, async ({ request }) => {
        if (!(await request.clone().text()).includes('Answer: 5')) return HttpResponse.json(openAIChatCompletion({ model: 'gpt-4o', content: 'Choice: Y', promptTokens: 5 }));
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve, { once: true }));
        aborted = true;
        return HttpResponse.error();
      }),
    );
    const metrics = `${CHOICES_METRIC.replace('pass_threshold: 1}', 'pass_threshold: 1, metric_timeout_ms: 300}')}\n    - {metric_id: mc, implementation: multi_choice_accuracy}`;
    const { of } = await runScoring(scoringCase({ metrics, task: '    max_errors: 1' }));
    const [error] = of('sample_error');
    expect(error).toMatchObject({ sample_id: 'q2', payload: { stage: 'scoring', error_type: 'metric_timeout' } });
    expect(error!.payload.message).toContain('metric "correct" took longer than its metric_timeout_ms (300 ms)');
    expect(of('auto_eval_sample').filter((e) => e.sample_id === 'q2').map((e) => e.payload.metric_id)).toEqual(['mc']);
    expect(aborted).toBe(true);
  });

  it('live mode without the judge\'s key: a MissingKeyError naming the judge and the variable, so the case is skipped', () => {
    const spec = scoringCase({ metrics: CHOICES_METRIC });
    expect(() => createJudgeClients(spec, { env: {}, mode: 'live' })).toThrow(MissingKeyError);
    expect(() => createJudgeClients(spec, { env: {}, mode: 'live' })).toThrow('judge "grader_judge": openai: no API key; set JUDGE_KEY');
    expect(createJudgeClients(spec, { env: { JUDGE_KEY: 'k' }, mode: 'live' }).get('grader_judge')?.client.model).toBe('gpt-4o');
  });

  it("never writes the judge's key: a judge that echoes it back is redacted like the model", async () => {
    const key = 'sk-judge-secret-0123456789abcdef';
    mocks.use(
      http.post(`${JUDGE_BASE}/chat/completions`, ({ request }) =>
        HttpResponse.json(openAIChatCompletion({ model: 'gpt-4o', content: `${request.headers.get('authorization')}\nChoice: Y`, promptTokens: 3 })),
      ),
    );
    const spec = scoringCase({ metrics: CHOICES_METRIC });
    const { events } = await runScoring(spec, { mode: 'live', env: { JUDGE_KEY: key } });
    const text = JSON.stringify(events);
    expect(text).not.toContain(key);
    const judged = events.find((e) => e.event === 'auto_eval_sample');
    expect(judged?.event === 'auto_eval_sample' && judged.payload.judge?.text).toBe('Bearer [redacted]\nChoice: Y');
    expect(events.filter((e) => e.event === 'auto_eval_sample')).toHaveLength(ROWS.length);
  });
});
