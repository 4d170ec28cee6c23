// The reporter's onEventsWritten hook (the after-run report's tap) is told the line each batch
// starts on in events.jsonl: a resumed case's file already holds lines, so its first batch does
// not start on line 1, and the tap must not take the new lines for the whole file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EvalmatrixReporter } from '../../src/reporter/reporter.js';
import type { EmittedEvent } from '../../src/runner/events.js';
import { eventsArtifact, fakeTestCase, freshOutputRoot, samples, start } from './fake-case.js';

const previousOut = process.env.EVALMATRIX_OUTPUT_DIR;
afterEach(() => {
  if (previousOut === undefined) delete process.env.EVALMATRIX_OUTPUT_DIR;
  else process.env.EVALMATRIX_OUTPUT_DIR = previousOut;
});

type Seen = { file: string; count: number; firstLine: number };

function reporterSeeing(seen: Seen[]): EvalmatrixReporter {
  const onEventsWritten = (file: string, events: readonly EmittedEvent[], firstLine: number) => void seen.push({ file, count: events.length, firstLine });
  return new EvalmatrixReporter({ table: false, progress: { enabled: false }, onEventsWritten });
}

describe('the reporter’s onEventsWritten hook', () => {
  it('gives each batch the line it starts on', () => {
    freshOutputRoot();
    const seen: Seen[] = [];
    const reporter = reporterSeeing(seen);
    reporter.onTestRunStart();
    reporter.onTestCaseArtifactRecord(fakeTestCase(), eventsArtifact([start(3), ...samples(0, 2)]));
    reporter.onTestCaseArtifactRecord(fakeTestCase(), eventsArtifact(samples(2, 1)));
    expect(seen.map(({ count, firstLine }) => [count, firstLine])).toEqual([[5, 1], [2, 6]]);
  });

  it('counts on from the lines already in a resumed case’s file', () => {
    const root = freshOutputRoot();
    const first: Seen[] = [];
    const before = reporterSeeing(first);
    before.onTestRunStart();
    before.onTestCaseArtifactRecord(fakeTestCase(), eventsArtifact([start(3), ...samples(0, 1)]));
    before.onTestRunEnd();
    const [runId] = readdirSync(path.join(root, 'p', 'm', 't'));

    const seen: Seen[] = [];
    const resumed = reporterSeeing(seen);
    resumed.resumeInto(runId!);
    resumed.onTestRunStart();
    resumed.onTestCaseArtifactRecord(fakeTestCase(), eventsArtifact([start(3), ...samples(1, 2)]));
    expect(seen).toEqual([{ file: first[0]!.file, count: 5, firstLine: 4 }]);
  });
});
