import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStaleTemp, removeIfStaleTemp, STALE_TEMP_AGE_MS, tempWriterPid } from '../../src/reporter/stale-temp.js';

describe('stale temp files of atomic writes', () => {
  it("reads the writer's pid from the name, and nothing from other files", () => {
    expect(tempWriterPid('summary.index.json.4242.0badc0de.tmp')).toBe(4242);
    expect(tempWriterPid('summary.json')).toBeUndefined();
    expect(tempWriterPid('notes.tmp')).toBeUndefined();
  });

  it('is stale when its writer is gone or it is old, not while a live writer may rename it', () => {
    expect(isStaleTemp(1, 0, () => false)).toBe(true);
    expect(isStaleTemp(1, 0, () => true)).toBe(false);
    expect(isStaleTemp(1, STALE_TEMP_AGE_MS + 1, () => true)).toBe(true);
  });

  it('removes a dead writer’s file and keeps a live one’s', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'em-stale-'));
    const dead = path.join(dir, 'summary.json.999999.0badc0de.tmp');
    const live = path.join(dir, `summary.json.${process.ppid}.0badc0de.tmp`);
    writeFileSync(dead, '{');
    writeFileSync(live, '{');
    expect(removeIfStaleTemp(dead, path.basename(dead))).toBe(true);
    expect(removeIfStaleTemp(live, path.basename(live))).toBe(false);
    expect([existsSync(dead), existsSync(live)]).toEqual([false, true]);
  });
});
