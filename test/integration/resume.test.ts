// Resuming a run through real Vitest (README "Resuming a run"): a run killed with SIGKILL or
// stopped with SIGTERM about half way, then EVALMATRIX_RESUME=latest, ends with the summaries an
// uninterrupted run gives (counts, metrics, statistics, usage) and every (sample, trial, metric)
// scored exactly once in events.jsonl, under the one run_id with event ids unbroken; before the
// resume, the index lists the killed cases as `incomplete` with their counts. A rerun of errors
// runs only the failed samples again.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCollect } from '../../src/cli/collect.js';
import type { IndexItem } from '../../src/reporter/collect-index.js';
import { readEvents, readSummary } from './fixture-run.js';
import { allCaseDirs, interruptHalfWay, PIPELINES, QUESTIONS, runResumeSuite, SAMPLES, scoreCounts, summariesOf } from './resume-run.js';

const MINUTES = 60_000;
let clean: Record<string, unknown>;

beforeAll(async () => {
  const run = await runResumeSuite(undefined);
  expect(run.code, run.output).toBe(0);
  clean = summariesOf(run.outDir);
  expect(Object.keys(clean).sort()).toEqual(['resume_plain/be_anthropic/plain', 'resume_plain/be_openai/plain', 'resume_trials/be_openai/trials']);
}, 3 * MINUTES);

const runIdOf = (outDir: string): string => {
  const ids = new Set(allCaseDirs(outDir).map((d) => path.basename(d)));
  expect(ids.size).toBe(1);
  return [...ids][0]!;
};

/** Every case ran all of its samples' trials once, in one file of one run, ids unbroken. */
function expectScoredOnce(outDir: string, runId: string): void {
  for (const dir of allCaseDirs(outDir)) {
    const counts = scoreCounts(dir);
    const trials = dir.includes('resume_trials');
    expect(counts.size, dir).toBe(trials ? QUESTIONS * 3 * 2 : SAMPLES);
    expect([...counts.values()].every((n) => n === 1), dir).toBe(true);
    const events = readEvents(dir);
    expect(events.map((e) => e.event_id)).toEqual(events.map((_, i) => i + 1));
    expect(new Set(events.map((e) => e.run_id))).toEqual(new Set([runId]));
    expect(events.at(-1)).toMatchObject({ event: 'case_end', payload: { status: 'completed' } });
  }
}

function readIndex(outDir: string, pipeline: string): { count: number; items: IndexItem[] } {
  return JSON.parse(readFileSync(path.join(outDir, pipeline, 'summary.index.json'), 'utf8')) as { count: number; items: IndexItem[] };
}

describe('kill -9 about half way, then EVALMATRIX_RESUME=latest', () => {
  it('collect lists the killed cases as incomplete; the resumed run ends as an uninterrupted one, every sample scored once', async () => {
    const killed = await interruptHalfWay('SIGKILL');
    const { outDir } = killed;
    const runId = runIdOf(outDir);
    const unfinished = allCaseDirs(outDir).filter((d) => !existsSync(path.join(d, 'summary.json')));
    expect(unfinished.length, killed.output).toBeGreaterThan(0);

    // Before the resume: the index has every case with events, the killed ones `incomplete`
    // with the samples their events finished.
    for (const pipeline of PIPELINES) {
      const root = path.join(outDir, pipeline);
      if (!existsSync(root)) continue;
      expect(runCollect({ root }, () => {}, () => {})).toBe(0);
      for (const item of readIndex(outDir, pipeline).items) {
        const dir = path.join(root, path.dirname(item.path));
        if (existsSync(path.join(dir, 'summary.json'))) continue;
        expect(item.status).toBe('incomplete');
        expect(item.path).toBe(`${item.model}/${item.task_id}/${runId}/events.jsonl`);
        const finishedSamples = new Set([...scoreCounts(dir).keys()].map((key) => key.split('#')[0]));
        // A trial of the trials case counts once both its metrics are in; plain has one metric.
        if (pipeline === 'resume_plain') expect(item.sample_count).toBe(finishedSamples.size);
        else expect(item.sample_count).toBeLessThanOrEqual(finishedSamples.size);
        expect(item.sample_count).toBeGreaterThan(0);
      }
    }

    const resumed = await runResumeSuite(outDir, { EVALMATRIX_RESUME: 'latest' });
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain(`evalmatrix: resuming run ${runId}`);
    expect(summariesOf(outDir)).toEqual(clean);
    expectScoredOnce(outDir, runId);
    for (const dir of unfinished) {
      const starts = readEvents(dir).filter((e) => e.event === 'case_start');
      expect(starts).toHaveLength(2);
      expect(starts[1]!.payload.resumed).toMatchObject({ rerun: 'unfinished' });
    }
    const items = PIPELINES.flatMap((p) => readIndex(outDir, p).items);
    expect(items.map((i) => [i.status, i.path.endsWith('/summary.json')])).toEqual([
      ['passed', true],
      ['passed', true],
      ['passed', true],
    ]);
  }, 5 * MINUTES);
});

describe('SIGTERM about half way, then EVALMATRIX_RESUME=<run id>', () => {
  it('the interrupted summaries become the uninterrupted ones', async () => {
    const stopped = await interruptHalfWay('SIGTERM');
    expect(stopped.code, stopped.output).toBe(143);
    const { outDir } = stopped;
    const runId = runIdOf(outDir);
    const statuses = allCaseDirs(outDir).map((d) => readSummary(d).status);
    expect(statuses).toContain('interrupted');

    const resumed = await runResumeSuite(outDir, { EVALMATRIX_RESUME: runId });
    expect(resumed.code, resumed.output).toBe(0);
    expect(summariesOf(outDir)).toEqual(clean);
    expectScoredOnce(outDir, runId);
  }, 5 * MINUTES);
});

describe('EVALMATRIX_RERUN=errors', () => {
  it('runs again only the samples that failed; their error events stay, the summary counts each sample once', async () => {
    const faulty = await runResumeSuite(undefined, { EVALMATRIX_MOCK_FAULTS: 'server_error:0.1', RESUME_RETRIES: '0' });
    expect(faulty.code, faulty.output).toBe(0);
    const { outDir } = faulty;
    const runId = runIdOf(outDir);
    const failedBefore = new Map(allCaseDirs(outDir).map((d) => [d, readEvents(d).flatMap((e) => (e.event === 'sample_error' ? [`${e.sample_id}#${e.payload.trial ?? 0}`] : []))]));
    for (const [dir, failed] of failedBefore) {
      expect(failed.length, dir).toBeGreaterThan(0);
      expect(readSummary(dir).error_count).toBe(new Set(failed.map((k) => k.split('#')[0])).size);
    }

    const rerun = await runResumeSuite(outDir, { EVALMATRIX_RERUN: 'errors', RESUME_RETRIES: '0' });
    expect(rerun.code, rerun.output).toBe(0);
    expect(summariesOf(outDir)).toEqual(clean);
    expectScoredOnce(outDir, runId);
    for (const [dir, failed] of failedBefore) {
      const events = readEvents(dir);
      const secondStart = events.findLastIndex((e) => e.event === 'case_start');
      // The old errors stay before the resumed part; after it, exactly the failed trials ran.
      expect(events.slice(0, secondStart).filter((e) => e.event === 'sample_error')).toHaveLength(failed.length);
      const ranAgain = events.slice(secondStart).flatMap((e) => (e.event === 'inference_end' ? [`${e.sample_id}#${e.payload.trial ?? 0}`] : []));
      expect(ranAgain.sort()).toEqual([...failed].sort());
      expect(events[secondStart]!.event === 'case_start' && events[secondStart]!.payload.resumed?.rerun).toBe('errors');
    }
  }, 5 * MINUTES);
});
