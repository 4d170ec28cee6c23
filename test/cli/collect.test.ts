import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture } from './capture.js';
import { pipelineWithSummaries } from './summary-fixture.js';

describe('evalmatrix collect', () => {
  it('rebuilds the index and prints the table', async () => {
    const root = pipelineWithSummaries([['m', '20261122-000001-aaaaaa']]);
    const r = await capture(['collect', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/m\s+t\s+2\s+acc=0\.50000\s+0\s+20261122-000001-aaaaaa\s+passed/);
    const index = JSON.parse(readFileSync(path.join(root, 'summary.index.json'), 'utf8'));
    expect(index).toMatchObject({ count: 1, items: [{ model: 'm', task_id: 't', path: 'm/t/20261122-000001-aaaaaa/summary.json' }] });
  });

  it('exits 1 with a clear message for a missing root, an empty root, or no --root', async () => {
    const missing = await capture(['collect', '--root', '/nonexistent/evalmatrix-runs']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('/nonexistent/evalmatrix-runs does not exist');
    const empty = await capture(['collect', '--root', mkdtempSync(path.join(tmpdir(), 'em-cli-'))]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('no summary.json under');
    const noRoot = await capture(['collect']);
    expect(noRoot.code).toBe(1);
    expect(noRoot.err).toContain("required option '--root <dir>' not specified");
    expect((await capture(['collect', '--help'])).code).toBe(0);
    expect((await capture(['frobnicate'])).err).toContain("unknown command 'frobnicate'");
  });
});
