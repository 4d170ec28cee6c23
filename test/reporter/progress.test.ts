// Progress: counted from event batches; printed as lines in an interactive terminal, nothing
// in CI or a pipe (where the final table is the only output).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressDisplay, progressEnabledByDefault } from '../../src/reporter/progress-display.js';
import { formatProgress, ProgressTracker } from '../../src/reporter/progress.js';
import { EvalmatrixReporter } from '../../src/reporter/reporter.js';
import { makeEvent, type EmittedEvent } from '../../src/runner/events.js';
import { eventsArtifact, fakeTestCase, freshOutputRoot, samples, start } from './fake-case.js';

const failed = (id: string | null, stage: 'dataset' | 'inference' | 'scoring'): EmittedEvent =>
  makeEvent('sample_error', id, { stage, error_type: 'x', status: null, message: 'm', attempts: 1 });

describe('ProgressTracker', () => {
  it('counts each sample once (inference or an early failure), with rate and ETA', () => {
    const t = new ProgressTracker();
    t.record('a', [start(100), ...samples(0, 10), failed('s10', 'dataset'), failed('s3', 'scoring')], 0);
    t.record('a', samples(11, 9), 2000);
    expect(t.snapshot(2000)).toEqual({ running: 1, done: 20, total: 100, rate: 10, etaS: 8, longestMs: 2000 });
    expect(formatProgress(t.snapshot(2000))).toBe('evalmatrix: 20/100 samples (20%) · 10/s · ETA 8s · 1 case running');
  });

  it('sums cases, and drops the total and ETA while any case has no max_samples', () => {
    const t = new ProgressTracker();
    t.record('a', [start(1000), ...samples(0, 100)], 0);
    t.record('b', [start(null), ...samples(0, 50)], 1000);
    expect(formatProgress(t.snapshot(10_000))).toBe('evalmatrix: 150 samples · 15/s · 2 cases running');
    t.end('b');
    expect(formatProgress(t.snapshot(100_000))).toBe('evalmatrix: 100/1,000 samples (10%) · 1/s · ETA 15m00s · 1 case running');
  });
});

describe('ProgressDisplay', () => {
  function feed(display: ProgressDisplay, clock: { t: number }): void {
    display.record('a', [start(600)]);
    for (let i = 0; i < 6; i++) {
      clock.t += 1000;
      display.record('a', samples(i * 100, 100));
    }
    display.end('a');
  }

  it('in a terminal, prints a line every interval once a case has run that long', () => {
    const lines: string[] = [];
    const clock = { t: 0 };
    feed(new ProgressDisplay((l) => lines.push(l), { enabled: true, intervalMs: 2000 }, () => clock.t), clock);
    expect(lines).toEqual([
      'evalmatrix: 200/600 samples (33%) · 100/s · ETA 4s · 1 case running',
      'evalmatrix: 400/600 samples (66%) · 100/s · ETA 2s · 1 case running',
      'evalmatrix: 600/600 samples (100%) · 100/s · ETA 0s · 1 case running',
    ]);
  });

  it('prints nothing when not enabled (CI, a pipe)', () => {
    const lines: string[] = [];
    const clock = { t: 0 };
    feed(new ProgressDisplay((l) => lines.push(l), { enabled: false, intervalMs: 2000 }, () => clock.t), clock);
    expect(lines).toEqual([]);
  });

  it('is on by default only for a TTY outside CI', () => {
    expect(progressEnabledByDefault({ isTTY: true }, {})).toBe(true);
    expect(progressEnabledByDefault({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(progressEnabledByDefault({ isTTY: true }, { CI: '0' })).toBe(true);
    expect(progressEnabledByDefault({ isTTY: false }, {})).toBe(false);
    expect(progressEnabledByDefault({}, {})).toBe(false);
  });
});

describe('the reporter', () => {
  const previousOut = process.env.EVALMATRIX_OUTPUT_DIR;
  afterEach(() => {
    vi.restoreAllMocks();
    if (previousOut === undefined) delete process.env.EVALMATRIX_OUTPUT_DIR;
    else process.env.EVALMATRIX_OUTPUT_DIR = previousOut;
  });

  /** A run of one case through the reporter's hooks; returns what it printed. */
  function runThrough(reporter: EvalmatrixReporter): string[] {
    freshOutputRoot();
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const testCase = fakeTestCase();
    reporter.onTestRunStart();
    for (const events of [[start(200), ...samples(0, 100)], samples(100, 100)]) reporter.onTestCaseArtifactRecord(testCase, eventsArtifact(events));
    reporter.onTestCaseResult(testCase);
    reporter.onTestRunEnd();
    return printed;
  }

  it('prints progress from the event batches when enabled', () => {
    const printed = runThrough(new EvalmatrixReporter({ progress: { enabled: true, intervalMs: 0 } }));
    expect(printed.filter((l) => l.includes('samples ('))).toEqual([
      expect.stringMatching(/^evalmatrix: 100\/200 samples \(50%\) · /),
      expect.stringMatching(/^evalmatrix: 200\/200 samples \(100%\) · /),
    ]);
  });

  it('prints only the index line and the final table when not', () => {
    const printed = runThrough(new EvalmatrixReporter({ progress: { enabled: false, intervalMs: 0 } }));
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(/^evalmatrix: .*summary\.index\.json \(1 item\)$/);
    expect(printed[1]).toContain('model  task  samples');
  });
});
