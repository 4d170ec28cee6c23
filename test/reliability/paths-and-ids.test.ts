// Where results land. Ids that would share a folder are refused at load (the corpus checks the
// messages); a backend_id starting with a dot is written and indexed like any other; and
// `evalmatrix collect --root runs` (the folder of pipelines, not one pipeline) indexes each
// pipeline instead of putting pipeline names in the model column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadPipeline } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/errors.js';
import { caseFolders, runProject, workDir, writePipeline, writeRows } from './project-run.js';

async function collect(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('paths and ids', () => {
  it('refuses, at load, two backends that would share a folder, before anything is written', () => {
    const dir = workDir();
    const file = writePipeline(dir, { rows: writeRows(dir, 2), samples: 2, providers: ['openai', 'anthropic'], backendIds: { openai: '..', anthropic: '__' } });
    expect(() => loadPipeline(file, { env: {} })).toThrow(ConfigError);
    expect(() => loadPipeline(file, { env: {} })).toThrow(/backends\[1\]\.backend_id: backend_id "__" and "\.\." would be written to the same folder/);
  });

  it('writes and indexes a backend whose id starts with a dot; collect --root on runs/ indexes each pipeline', async () => {
    const dir = workDir();
    const rows = writeRows(dir, 2);
    const first = writePipeline(dir, { name: 'first', rows, samples: 2, providers: ['openai', 'anthropic'], backendIds: { openai: '.hidden', anthropic: 'visible' } });
    const second = writePipeline(dir, { name: 'second', rows, samples: 2, providers: ['openai'] });
    for (const file of [first, second]) {
      const run = await runProject(file, dir);
      expect(run.code, run.output).toBe(0);
    }
    const index = JSON.parse(readFileSync(path.join(dir, 'first', 'summary.index.json'), 'utf8')) as { count: number; items: { model: string }[] };
    expect(index.items.map((i) => i.model)).toEqual(['.hidden', 'visible']);
    expect(caseFolders(path.join(dir, 'first'))).toHaveLength(2);

    const r = await collect(['collect', '--root', dir]);
    expect(r.code, r.err).toBe(0);
    for (const [pipeline, models] of [['first', ['.hidden', 'visible']], ['second', ['be_openai']]] as const) {
      const rebuilt = JSON.parse(readFileSync(path.join(dir, pipeline, 'summary.index.json'), 'utf8')) as { items: { model: string; path: string }[] };
      expect(rebuilt.items.map((i) => i.model)).toEqual(models);
      for (const item of rebuilt.items) expect(item.path.split('/')).toHaveLength(4);
    }
    expect(r.out).not.toMatch(/^first\s/m);
    const refused = await collect(['collect', '--root', dir, '--output', path.join(dir, 'one.json')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/holds several pipelines; .*Pass --root .*\/<pipeline> \(one of: first, second\)/);
  });
});
