// defineMatrixSuite under real Vitest (test/fixtures/matrix-suite): one test per entry named
// `demo › <name>`, an entry that does not render is a failing test that says why while the
// others run, and a live-only matrix is skipped in mock mode without writing anything.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../fixtures/matrix-suite/', import.meta.url));
const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

interface JsonReport {
  testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

async function runVitest(dir: string, out: string, report: string): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', '--config', path.join(dir, 'vitest.config.ts'), '--reporter=json', `--outputFile=${report}`], {
      cwd: dir,
      env: { ...process.env, CI: '1', NO_COLOR: '1', EVALMATRIX_OUTPUT_DIR: out, EVALMATRIX_MODE: 'mock' },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

it('runs each entry as a test, fails the one that does not render with its reason, and skips the live-only matrix', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'em-matrix-suite-'));
  const report = path.join(out, 'report.json');
  const code = await runVitest(DIR, out, report);
  expect(code).toBe(1);

  const results = (JSON.parse(readFileSync(report, 'utf8')) as JsonReport).testResults.flatMap((file) => file.assertionResults);
  const byTitle = Object.fromEntries(results.map((r) => [r.title, r]));
  expect(byTitle['demo › first']?.status).toBe('passed');
  expect(byTitle['demo › second']?.status).toBe('passed');
  expect(byTitle['demo › broken']?.status).toBe('failed');
  expect(byTitle['demo › broken']?.failureMessages[0]).toContain('matrix entry broken was not rendered');
  expect(byTitle['demo › broken']?.failureMessages[0]).toContain('backends[0].config.api_base: expected a URL, got string "not a url" (the value comes from models[1].api_base');
  for (const name of ['gpt4o_mini', 'claude_haiku', 'gemini_flash', 'grok_3_mini', 'kimi_8k']) expect(byTitle[`demo › ${name}`]?.status).toBe('skipped');

  expect(readdirSync(path.join(out, 'fixture_matrix')).sort()).toEqual(['first', 'report.html', 'second', 'summary.index.json']);
  expect(existsSync(path.join(out, 'litellm_matrix'))).toBe(false);
});

it('split over two files by part: each case in one file, the entry that does not render in part 1 only', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'em-matrix-parts-'));
  const report = path.join(out, 'report.json');
  expect(await runVitest(fileURLToPath(new URL('../fixtures/matrix-parts/', import.meta.url)), out, report)).toBe(1);
  const byFile = Object.fromEntries(
    (JSON.parse(readFileSync(report, 'utf8')) as JsonReport).testResults.map((file) => [path.basename(file.name), file.assertionResults.map((r) => `${r.title}: ${r.status}`).sort()]),
  );
  expect(byFile).toEqual({ 'part-1.eval.ts': ['demo › broken: failed', 'demo › first: passed'], 'part-2.eval.ts': ['demo › second: passed'] });
  expect(readdirSync(path.join(out, 'fixture_matrix')).sort()).toEqual(['first', 'report.html', 'second', 'summary.index.json']);
});
