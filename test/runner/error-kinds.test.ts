// A failed case says why in the words of its errors: the kinds, with counts and the first
// message of each, tallied in constant memory; and its watch stops it early when its endpoint is
// not there at all. Pure functions and classes, called directly.
import { describe, expect, it } from 'vitest';
import { CaseWatch } from '../../src/runner/case-watch.js';
import { errorClass, isUnreachable } from '../../src/runner/error-class.js';
import { ErrorKinds, essentialMessage, formatErrorKinds, MAX_ERROR_KINDS, messageClass } from '../../src/runner/error-kinds.js';
import { makeEvent } from '../../src/runner/events.js';

const refused = (port: number, attempts = 7) => ({
  stage: 'inference',
  error_type: 'provider_network',
  status: null,
  code: 'ECONNREFUSED',
  message: `openai network error: Connection error.; cause: fetch failed; cause: connect ECONNREFUSED 127.0.0.1:${port} (gave up after ${attempts} attempts)`,
});

describe('error classes', () => {
  it('names a failure as a CI log reader knows it', () => {
    expect(errorClass({ error_type: 'provider_network', code: 'ECONNREFUSED' })).toBe('connection refused');
    expect(errorClass({ error_type: 'provider_network', code: 'ENOTFOUND' })).toBe('host not found');
    expect(errorClass({ error_type: 'provider_network', code: 'EWEIRD' })).toBe('network error (EWEIRD)');
    expect(errorClass({ error_type: 'provider_network' })).toBe('network error');
    expect(errorClass({ error_type: 'provider_http', status: 429 })).toBe('HTTP 429 (rate limited)');
    expect(errorClass({ error_type: 'provider_http', status: 401 })).toBe('HTTP 401 (unauthorized)');
    expect(errorClass({ error_type: 'provider_http', status: 599 })).toBe('HTTP 599 (server error)');
    expect(errorClass({ error_type: 'provider_http', status: 418 })).toBe('HTTP 418');
    expect(errorClass({ error_type: 'provider_timeout' })).toBe('timed out');
    expect(errorClass({ error_type: 'provider_malformed' })).toBe('malformed response');
    expect(errorClass({ error_type: 'DatasetError' })).toBe('DatasetError');
    expect(errorClass({ error_type: 'Error', stage: 'dataset' })).toBe('dataset error');
  });

  it('knows an endpoint that is not there from one that is busy', () => {
    expect(isUnreachable({ error_type: 'provider_network', code: 'ECONNREFUSED' })).toBe(true);
    expect(isUnreachable({ error_type: 'provider_network', code: 'ENOTFOUND' })).toBe(true);
    expect(isUnreachable({ error_type: 'provider_network', code: 'ECONNRESET' })).toBe(false);
    expect(isUnreachable({ error_type: 'provider_http', status: 503 })).toBe(false);
    expect(isUnreachable({ error_type: 'TaskError', code: 'ECONNREFUSED' })).toBe(false);
  });
});

describe('errors by kind', () => {
  it('counts one kind however its numbers vary, keeps the first message, and sorts by count', () => {
    const kinds = new ErrorKinds();
    for (let i = 0; i < 42; i++) kinds.add(refused(18085, i % 3 === 0 ? 7 : 6));
    kinds.add({ stage: 'dataset', error_type: 'DatasetError', status: null, message: 'dataset "qa": fixtures/missing.jsonl not found' });
    kinds.add({ stage: 'inference', error_type: 'provider_http', status: 429, message: 'openai 429: Rate limit reached for requests (gave up after 7 attempts)' });
    kinds.add({ stage: 'inference', error_type: 'provider_http', status: 429, message: 'openai 429: Rate limit reached for requests (gave up after 7 attempts)' });
    expect(kinds.list().map((k) => [k.count, k.kind, k.stage])).toEqual([
      [42, 'connection refused', 'inference'],
      [2, 'HTTP 429 (rate limited)', 'inference'],
      [1, 'DatasetError', 'dataset'],
    ]);
    expect(kinds.list()[0]!.first_message).toBe(refused(18085, 7).message);
    expect(formatErrorKinds(kinds.list())).toEqual([
      '42 × connection refused: connect ECONNREFUSED 127.0.0.1:18085 (gave up after 7 attempts)',
      '2 × HTTP 429 (rate limited): Rate limit reached for requests (gave up after 7 attempts)',
      '1 × DatasetError: dataset "qa": fixtures/missing.jsonl not found',
    ]);
  });

  it('keeps at most MAX_ERROR_KINDS kinds, counting the rest, and says how many more there were', () => {
    const kinds = new ErrorKinds();
    for (let i = 0; i < MAX_ERROR_KINDS + 5; i++) kinds.add({ stage: 'scoring', error_type: `Error${'x'.repeat(i)}`, status: null, message: 'boom' });
    expect(kinds.list()).toHaveLength(MAX_ERROR_KINDS);
    expect(kinds.other).toBe(5);
    const lines = formatErrorKinds(kinds.list(), kinds.other);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(`… and ${MAX_ERROR_KINDS - 3 + 5} more errors of other kinds`);
  });

  it('masks the parts of a message that vary per sample, and keeps a message to its cause', () => {
    expect(messageClass('row 12 of qa.jsonl:  not JSON at column 7')).toBe('row # of qa.jsonl: not JSON at column #');
    expect(essentialMessage('anthropic 529: Overloaded (gave up after 7 attempts)')).toBe('Overloaded (gave up after 7 attempts)');
    expect(essentialMessage('metric "exact" timed out after 5000 ms')).toBe('metric "exact" timed out after 5000 ms');
    expect(essentialMessage('x'.repeat(400), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe("a case's watch", () => {
  function watch(maxCostUsd?: number, cost = 0) {
    const calls: string[] = [];
    const w = new CaseWatch({
      backendId: 'litellm_openai',
      stopStarting: () => calls.push('starting'),
      stopAll: () => calls.push('all'),
      costSoFar: () => cost,
      maxCostUsd,
      samplesStarted: () => 3,
    });
    return { w, calls };
  }
  const error = (payload: ReturnType<typeof refused>) => makeEvent('sample_error', 's1', { ...payload, stage: payload.stage as 'inference', attempts: 7 });
  const answered = makeEvent('inference_end', 's0', { provider: 'openai', model: 'm', text: 'x', finish_reason: 'stop', usage: { prompt_tokens: 1, completion_tokens: 1 }, latency_ms: 1, attempts: 1 });

  it('stops the case when its endpoint refused a request that then gave up, and none had got through', () => {
    const { w, calls } = watch();
    w.see(error(refused(18085)));
    expect(calls).toEqual(['all']);
    expect(w.stops).toEqual([
      'stopped early: backend "litellm_openai" could not be reached (connection refused: connect ECONNREFUSED 127.0.0.1:18085 (gave up after 7 attempts)) and no request to it had got through, so the remaining samples were not run',
    ]);
    expect(w.errors.list()).toHaveLength(1);
  });

  it('goes on once a request got through: the endpoint is there, the refusal was passing', () => {
    const { w, calls } = watch();
    w.see(answered);
    w.see(error(refused(18085)));
    expect(calls).toEqual([]);
    expect(w.stops).toEqual([]);
  });

  it("stops the case when its judge cannot be reached and never answered; not once it has", () => {
    const judgeError = makeEvent('sample_error', 's1', { ...refused(18090), stage: 'scoring', error_type: 'provider_network', attempts: 7 });
    const dead = watch();
    dead.w.see(answered);
    dead.w.see(judgeError);
    expect(dead.calls).toEqual(['all']);
    expect(dead.w.stops[0]).toMatch(/^stopped early: its judge could not be reached \(connection refused: connect ECONNREFUSED 127\.0\.0\.1:18090/);
    const alive = watch();
    alive.w.see(makeEvent('auto_eval_sample', 's0', { metric_id: 'graded', score: 1, prediction: 'Y', reference: null, judge: { adapter_id: 'j', text: 'Y', choice: 'Y', usage: { prompt_tokens: 1, completion_tokens: 1 } } }));
    alive.w.see(judgeError);
    expect(alive.calls).toEqual([]);
  });

  it('stops starting samples once the cost passed max_cost_usd, and only then', () => {
    const under = watch(0.01, 0.009);
    under.w.see(answered);
    expect(under.calls).toEqual([]);
    const over = watch(0.01, 0.0101);
    over.w.see(answered);
    over.w.see(answered);
    expect(over.calls).toEqual(['starting']);
    expect(over.w.stops).toEqual(['stopped early: the cost passed max_cost_usd ($0.01) after 3 samples had started; no sample started after that']);
  });
});
