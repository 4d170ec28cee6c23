// The console's retry lines: a dead endpoint is said within a second of its first retry, in a
// terminal every progress interval, in CI once at first and then sparingly; the run id shards
// share; and a notice never reaches events.jsonl.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runIdFromEnv, runIdSequence } from '../../src/reporter/paths.js';
import { ProgressDisplay } from '../../src/reporter/progress-display.js';
import { EvalmatrixReporter } from '../../src/reporter/reporter.js';
import { formatRetry, QUIET_RETRY_INTERVAL_MS, RetryLines } from '../../src/reporter/retry-lines.js';
import type { RetryNotice } from '../../src/runner/retry-notices.js';
import { eventsArtifact, fakeTestCase, freshOutputRoot, samples, start } from './fake-case.js';

const notice = (attempt: number, extra: Partial<RetryNotice> = {}): RetryNotice => ({
  notice: 'retry',
  role: 'model',
  backend_id: 'litellm_openai',
  cause: 'connection refused',
  message: 'connect ECONNREFUSED 127.0.0.1:18085',
  attempt,
  max_attempts: 7,
  wait_ms: 4000,
  retries: attempt,
  ...extra,
});

describe('retry lines', () => {
  it('say who is retrying, why, which attempt of how many, and how long it waits', () => {
    expect(formatRetry('piqa › litellm_openai', notice(3))).toBe(
      'evalmatrix: piqa › litellm_openai: retrying litellm_openai (connection refused: connect ECONNREFUSED 127.0.0.1:18085), attempt 3/7, waiting 4 s; 3 retries so far',
    );
    expect(formatRetry('qa › m', notice(1, { role: 'judge', backend_id: 'grader', cause: 'HTTP 429 (rate limited)', message: 'Rate limit reached', wait_ms: 250 }))).toBe(
      'evalmatrix: qa › m: retrying judge grader (HTTP 429 (rate limited): Rate limit reached), attempt 1/7, waiting 250 ms; 1 retry so far',
    );
  });

  it('print the first notice of a case at once, then at most one per interval, the newest', () => {
    const lines: string[] = [];
    const clock = { t: 0 };
    const retries = new RetryLines((l) => lines.push(l), 2000, () => clock.t);
    retries.notice('a', 'qa › a', [notice(1)]);
    clock.t = 1500;
    retries.notice('a', 'qa › a', [notice(2)]);
    retries.notice('b', 'qa › b', [notice(1)]);
    clock.t = 2100;
    retries.notice('a', 'qa › a', [notice(2), notice(3)]);
    expect(lines.map((l) => l.match(/(qa › \w): .*attempt (\d)/)!.slice(1).join(' '))).toEqual(['qa › a 1', 'qa › b 1', 'qa › a 3']);
  });

  it('are shown with progress off (CI, a pipe), every QUIET_RETRY_INTERVAL_MS per case', () => {
    const lines: string[] = [];
    const clock = { t: 0 };
    const display = new ProgressDisplay((l) => lines.push(l), { enabled: false, intervalMs: 2000 }, () => clock.t);
    display.notice('a', 'qa › a', [notice(1)]);
    clock.t = QUIET_RETRY_INTERVAL_MS - 1;
    display.notice('a', 'qa › a', [notice(2)]);
    clock.t = QUIET_RETRY_INTERVAL_MS;
    display.notice('a', 'qa › a', [notice(3)]);
    expect(lines.map((l) => /attempt (\d)/.exec(l)![1])).toEqual(['1', '3']);
  });
});

describe('the reporter and notices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints a notice that came with an events batch, and writes only the events to events.jsonl', () => {
    const out = freshOutputRoot();
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const reporter = new EvalmatrixReporter({ progress: { enabled: false } });
    const testCase = fakeTestCase();
    reporter.onTestRunStart();
    reporter.onTestCaseArtifactRecord(testCase, { ...eventsArtifact([start(2), ...samples(0, 1)]), notices: [notice(1)] } as never);
    reporter.onTestCaseResult(testCase);
    reporter.onTestRunEnd();
    expect(printed[0]).toBe(formatRetry('t › m', notice(1)));
    const caseDir = path.join(out, 'p', 'm', 't');
    const runs = readdirSync(caseDir);
    expect(runs).toHaveLength(1);
    const file = path.join(caseDir, runs[0]!, 'events.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string });
    expect(lines.map((l) => l.event)).toEqual(['case_start', 'inference_end', 'auto_eval_sample']);
    expect(readFileSync(file, 'utf8')).not.toContain('retry');
  });
});

describe('EVALMATRIX_RUN_ID', () => {
  it('names the run, so shards of one CI run share it; a value that is not a run id is said and replaced', () => {
    expect(runIdFromEnv({})).toBeUndefined();
    expect(runIdFromEnv({ EVALMATRIX_RUN_ID: '20261129-150000-abc123' })).toEqual({ runId: '20261129-150000-abc123' });
    expect(runIdFromEnv({ EVALMATRIX_RUN_ID: '../../etc' })).toEqual({ error: expect.stringMatching(/^EVALMATRIX_RUN_ID="\.\.\/\.\.\/etc" is not a run id: give YYYYMMDD-HHMMSS-xxxxxx/) });
    const failures: string[] = [];
    const next = runIdSequence((m) => failures.push(m), { EVALMATRIX_RUN_ID: '20261129-150000-abc123' });
    // The first run takes it; a watch rerun is a run of its own.
    expect(next()).toBe('20261129-150000-abc123');
    expect(next()).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(next()).not.toBe('20261129-150000-abc123');
    const bad = runIdSequence((m) => failures.push(m), { EVALMATRIX_RUN_ID: 'latest' });
    expect(bad()).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(failures).toEqual([expect.stringContaining('EVALMATRIX_RUN_ID="latest" is not a run id')]);
  });
});
