// A batch that reaches the reporter after its case's result (the case went on past its
// timeout, then flushed) is still written, with event ids that keep counting.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EvalmatrixReporter } from '../../src/reporter/reporter.js';
import { makeEvent, writtenEventSchema } from '../../src/runner/events.js';
import { eventsArtifact, fakeTestCase, freshOutputRoot, samples, start } from './fake-case.js';

const previousOut = process.env.EVALMATRIX_OUTPUT_DIR;
afterEach(() => {
  vi.restoreAllMocks();
  if (previousOut === undefined) delete process.env.EVALMATRIX_OUTPUT_DIR;
  else process.env.EVALMATRIX_OUTPUT_DIR = previousOut;
});

describe('the reporter, for a batch after the case result', () => {
  it('appends it to the same events.jsonl with the next event ids, and prints no progress for it', () => {
    const root = freshOutputRoot();
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const reporter = new EvalmatrixReporter({ progress: { enabled: true, intervalMs: 0 }, table: false });
    const testCase = fakeTestCase();
    reporter.onTestRunStart();
    reporter.onTestCaseArtifactRecord(testCase, eventsArtifact([start(10), ...samples(0, 2)]));
    reporter.onTestCaseResult(testCase);
    const progressLines = printed.length;
    reporter.onTestCaseArtifactRecord(testCase, eventsArtifact([...samples(2, 1), makeEvent('case_end', null, { sample_count: 3, error_count: 0, wall_ms: 9 })]));
    reporter.onTestRunEnd();

    const caseDir = path.join(root, 'p', 'm', 't');
    const [runId] = readdirSync(caseDir);
    const lines = readFileSync(path.join(caseDir, runId!, 'events.jsonl'), 'utf8').trimEnd().split('\n');
    const events = lines.map((l) => writtenEventSchema.parse(JSON.parse(l)));
    expect(events.map((e) => e.event_id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.at(-1)!.event).toBe('case_end');
    expect(printed.slice(progressLines).some((l) => l.includes('samples'))).toBe(false);
  });
});
