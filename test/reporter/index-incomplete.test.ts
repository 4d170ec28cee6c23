// A case with events but no summary.json (its run was killed) is in the index as `incomplete`,
// with the counts and metrics its events give, beside the cases that finished.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectIndex, pipelineRoots } from '../../src/reporter/collect-index.js';
import { encodeEventLine } from '../../src/runner/events.js';
import { resumeCase, runResumeCase } from '../recordings/resume-case.js';

const RUN = '20261122-031500-a1b2c3';

describe('collectIndex with a killed case', () => {
  it.each([1, 3])('lists it as incomplete with the counts and metrics of its finished samples (repeats %i)', async (repeats) => {
    const out = mkdtempSync(path.join(tmpdir(), 'em-index-incomplete-'));
    const root = path.join(out, 'resume_unit');
    const { events, summary } = await runResumeCase(resumeCase(repeats));
    // Everything but case_end, and a torn last line: what a kill after the last sample leaves.
    const dir = path.join(root, 'b', 't', RUN);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'events.jsonl'), events.slice(0, -1).map((e, i) => encodeEventLine(RUN, i + 1, e)).join('') + '{"run_id":"' + RUN);
    const finished = path.join(root, 'b', 't', '20261122-031400-000000');
    mkdirSync(finished, { recursive: true });
    writeFileSync(path.join(finished, 'summary.json'), JSON.stringify({ ...summary, run: { ...summary.run, run_id: '20261122-031400-000000', run_dir: 'b/t/20261122-031400-000000' } }));

    const { index, problems } = collectIndex(root);
    expect(problems).toEqual([]);
    expect(index.items.map((i) => [i.run_id, i.status, i.path])).toEqual([
      ['20261122-031400-000000', 'passed', 'b/t/20261122-031400-000000/summary.json'],
      [RUN, 'incomplete', `b/t/${RUN}/events.jsonl`],
    ]);
    const [done, killed] = index.items;
    const { status: _s, path: _p, run_id: _r, ...counts } = killed!;
    const { status: _s2, path: _p2, run_id: _r2, ...countsDone } = done!;
    expect(counts).toEqual(countsDone);
    expect(killed!.sample_count).toBe(12);
    expect(killed!.error_count).toBe(repeats === 1 ? 1 : 2);
    expect(pipelineRoots(out)).toEqual([root]);
  });

  it('finds a pipeline whose only case was killed before its summary', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'em-index-incomplete-'));
    const dir = path.join(out, 'p', 'b', 't', RUN);
    mkdirSync(dir, { recursive: true });
    const { events } = await runResumeCase(resumeCase(1));
    writeFileSync(path.join(dir, 'events.jsonl'), events.slice(0, 5).map((e, i) => encodeEventLine(RUN, i + 1, e)).join(''));
    expect(pipelineRoots(out)).toEqual([path.join(out, 'p')]);
    const [item] = collectIndex(path.join(out, 'p')).index.items;
    expect(item).toMatchObject({ model: 'b', task_id: 't', backends: ['b'], status: 'incomplete' });
    expect(item!.sample_count).toBeLessThan(12);
    expect(item!.metrics.map((m) => m.metric_id)).toEqual(['exact', 'boom']);
  });
});
