// `vitest --merge-reports` on blobs from a run: what README ("Sharded CI runs") promises — every
// case's summary and the index again, under the merge's own run_id, and no events.jsonl, since
// events are not kept in blob reports.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseDirs, freshOutDir, PIPELINE, readSummary, runFixture, startFixture } from './fixture-run.js';

function mergeReports(blobDir: string, outDir: string): Promise<{ code: number | null; output: string }> {
  const { child, output } = startFixture([`--merge-reports=${blobDir}`], {}, outDir);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output() }));
  });
}

describe('--merge-reports', () => {
  it('rebuilds every summary and the index from the blobs, without events', async () => {
    const blobDir = mkdtempSync(path.join(tmpdir(), 'em-blobs-'));
    const shard = await runFixture({}, ['--reporter=blob', `--outputFile=${path.join(blobDir, 'blob-1.json')}`]);
    expect(shard.code).toBe(0);
    const shardDirs = caseDirs(shard.outDir);
    expect(shardDirs).toHaveLength(2);

    const mergedOut = freshOutDir();
    const merged = await mergeReports(blobDir, mergedOut);
    expect(merged.code, merged.output).toBe(0);
    const mergedDirs = caseDirs(mergedOut);
    expect(mergedDirs).toHaveLength(2);

    const byModel = (dirs: string[]) => new Map(dirs.map((dir) => [readSummary(dir).run.model, readSummary(dir)]));
    const [before, after] = [byModel(shardDirs), byModel(mergedDirs)];
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [model, summary] of after) {
      const original = before.get(model)!;
      expect(summary.sample_count).toBe(original.sample_count);
      expect(summary.error_count).toBe(original.error_count);
      expect(summary.metrics).toEqual(original.metrics);
      expect(summary.status).toBe(original.status);
      expect(summary.run.run_id).not.toBe(original.run.run_id);
    }
    for (const dir of mergedDirs) expect(existsSync(path.join(dir, 'events.jsonl'))).toBe(false);
    const index = JSON.parse(readFileSync(path.join(mergedOut, PIPELINE, 'summary.index.json'), 'utf8')) as { count: number };
    expect(index.count).toBe(2);
  });
});
