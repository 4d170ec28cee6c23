// The house rules that keep src/ livable as it grows, checked on every test run: imports point
// down the layers only, only vitest/ and reporter/ import Vitest, and no source file grows past
// 200 lines (one idea a file). A failure names the file and the import or the line count.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** What each layer may import besides itself. A layer missing here may import nothing of ours. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  config: [],
  datasets: ['config'],
  providers: ['config'],
  prompts: ['config', 'datasets', 'providers'],
  metrics: ['config', 'datasets', 'prompts', 'providers'],
  mocks: ['config', 'prompts', 'providers'],
  runner: ['config', 'datasets', 'prompts', 'providers', 'metrics'],
  recordings: ['config', 'datasets', 'prompts', 'providers', 'metrics', 'runner', 'mocks'],
  reporter: ['config', 'datasets', 'prompts', 'providers', 'metrics', 'runner', 'recordings'],
  report: ['config', 'datasets', 'prompts', 'providers', 'metrics', 'runner', 'recordings', 'reporter'],
  vitest: ['config', 'datasets', 'prompts', 'providers', 'metrics', 'runner', 'recordings', 'mocks', 'reporter', 'report'],
  cli: ['config', 'datasets', 'prompts', 'providers', 'metrics', 'runner', 'recordings', 'mocks', 'reporter', 'report'],
};
const VITEST_LAYERS = new Set(['vitest', 'reporter']);
const MAX_LINES = 200;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const files = sourceFiles(SRC).map((file) => ({ file, rel: path.relative(SRC, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  for (const match of text.matchAll(/declare\s+module\s+['"]([^'"]+)['"]/g)) found.push(match[1]!);
  return found;
}

const layerOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '(root)');

describe('src/ layers', () => {
  it('knows every layer folder', () => {
    const layers = new Set(files.map((f) => layerOf(f.rel)).filter((l) => l !== '(root)'));
    expect([...layers].filter((l) => !(l in MAY_IMPORT))).toEqual([]);
  });

  it('imports point down only', () => {
    const wrong: string[] = [];
    for (const { file, rel, text } of files) {
      const layer = layerOf(rel);
      if (layer === '(root)') continue; // src/index.ts gathers the public API from every layer
      for (const spec of specifiers(text)) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
        const targetLayer = layerOf(target);
        if (targetLayer === layer) continue;
        if (!MAY_IMPORT[layer]?.includes(targetLayer)) wrong.push(`${rel} imports ${spec} (${layer} → ${targetLayer})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('only vitest/ and reporter/ import Vitest', () => {
    const wrong = files.flatMap(({ rel, text }) =>
      VITEST_LAYERS.has(layerOf(rel)) ? [] : specifiers(text).filter((s) => /^(vitest|@vitest\/)/.test(s)).map((s) => `${rel} imports ${s}`),
    );
    expect(wrong).toEqual([]);
  });

  it(`no source file is over ${MAX_LINES} lines`, () => {
    const long = files.map(({ rel, text }) => ({ rel, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) })).filter((f) => f.lines > MAX_LINES);
    expect(long.map((f) => `${f.rel}: ${f.lines} lines`)).toEqual([]);
  });
});
