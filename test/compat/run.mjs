// npm run test:compat: the supported stacks, each in a throwaway folder (the repository's
// lockfile and node_modules are never touched).
//  1. The shipped evals (`vitest run evals/`) and `vitest list evals/` under vitest 5 + msw 3, on
//     Node 22 and Node 24 (runtimes from the `node` package on npm), with no
//     MaxListenersExceededWarning and both indexes written.
//  2. A CommonJS consumer (a package.json without "type": "module") that installs the packed
//     tarball and loads evalmatrix/vitest from its vitest.config.ts, on the same runtimes, with
//     vitest 5 + msw 3, and on this machine's Node with vitest 4 + msw 2.
// Prints one line per check and a closing "N passed, N failed"; exits 1 when any failed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WORK = mkdtempSync(path.join(tmpdir(), 'em-compat-'));
const keep = process.argv.includes('--keep');
const RUNTIMES = ['22', '24'];
const results = [];

const log = (line) => console.log(`compat: ${line}`);

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options, env: { ...process.env, CI: '1', NO_COLOR: '1', ...options.env } });
  return { code: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function npm(args, cwd, env = {}) {
  const r = sh('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env });
  if (r.code !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${r.output}`);
  return r.output;
}

function check(name, run) {
  const t0 = Date.now();
  try {
    run();
    results.push({ name, ok: true });
    log(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    log(`✗ ${name}: ${error.message}`);
  }
}

/** node@<major> from npm into WORK/node<major>; returns the binary. */
function runtime(major) {
  const dir = path.join(WORK, `node${major}`);
  mkdirSync(dir, { recursive: true });
  npm(['install', '--no-save', '--prefix', dir, `node@${major}`], dir);
  const bin = path.join(dir, 'node_modules', '.bin', 'node');
  log(`runtime ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()}`);
  return bin;
}

/** The evals of this repository, copied, with vitest 5 and msw 3 in place of the dev versions. */
function repoCopyOnVitest5() {
  const copy = path.join(WORK, 'repo');
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(path.join(REPO, f))) continue;
    mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    cpSync(path.join(REPO, f), path.join(copy, f));
  }
  npm(['install', '--no-save', '--ignore-scripts', 'vitest@5', 'msw@3', '@types/node@22'], copy);
  const version = JSON.parse(readFileSync(path.join(copy, 'node_modules/vitest/package.json'), 'utf8')).version;
  const msw = JSON.parse(readFileSync(path.join(copy, 'node_modules/msw/package.json'), 'utf8')).version;
  log(`repository copy on vitest ${version}, msw ${msw}`);
  return copy;
}

function runEvals(node, copy) {
  const out = mkdtempSync(path.join(WORK, 'runs-'));
  const vitest = path.join(copy, 'node_modules', 'vitest', 'vitest.mjs');
  const r = sh(node, [vitest, 'run', 'evals/'], { cwd: copy, env: { EVALMATRIX_OUTPUT_DIR: out } });
  if (r.code !== 0) throw new Error(`vitest run evals/ exited ${r.code}:\n${r.output.slice(-3000)}`);
  if (/MaxListenersExceededWarning/.test(r.output)) throw new Error(`listener warnings:\n${r.output.slice(-2000)}`);
  for (const pipeline of ['piqa_litellm_local', 'litellm_mock_matrix']) {
    const index = JSON.parse(readFileSync(path.join(out, pipeline, 'summary.index.json'), 'utf8'));
    if (index.count !== 5) throw new Error(`${pipeline}: ${index.count} items in the index, expected 5`);
  }
  const list = sh(node, [vitest, 'list', 'evals/'], { cwd: copy, env: { EVALMATRIX_OUTPUT_DIR: out } });
  if (list.code !== 0 || !list.output.includes('piqa_validation_openai › litellm_openai')) {
    throw new Error(`vitest list evals/ exited ${list.code}:\n${list.output.slice(-2000)}`);
  }
}

/** A project without "type": "module" whose vitest.config.ts imports evalmatrix/vitest. */
function cjsConsumer(tarball, name, deps) {
  const dir = path.join(WORK, name);
  mkdirSync(path.join(dir, 'evals'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }, null, 2));
  writeFileSync(
    path.join(dir, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\nimport { evalmatrix } from 'evalmatrix/vitest';\n\nexport default defineConfig({ plugins: [evalmatrix()], test: { include: ['evals/**/*.eval.ts'] } });\n",
  );
  writeFileSync(path.join(dir, 'evals', 'mini.eval.ts'), "import { defineEvalSuite } from 'evalmatrix/vitest';\n\ndefineEvalSuite('./mini.yaml');\n");
  const yaml = readFileSync(path.join(REPO, 'test/fixtures/suite/mini.yaml'), 'utf8').replace('${MINI_ROWS:-rows.jsonl}', 'rows.jsonl');
  writeFileSync(path.join(dir, 'evals', 'mini.yaml'), yaml);
  cpSync(path.join(REPO, 'test/fixtures/suite/rows.jsonl'), path.join(dir, 'evals', 'rows.jsonl'));
  npm(['install', '--ignore-scripts', tarball, ...deps], dir);
  return dir;
}

function runConsumer(node, dir) {
  const vitest = path.join(dir, 'node_modules', 'vitest', 'vitest.mjs');
  const out = mkdtempSync(path.join(WORK, 'runs-'));
  const r = sh(node, [vitest, 'run'], { cwd: dir, env: { EVALMATRIX_OUTPUT_DIR: out } });
  if (r.code !== 0) throw new Error(`vitest run exited ${r.code}:\n${r.output.slice(-3000)}`);
  if (/MaxListenersExceededWarning/.test(r.output)) throw new Error(`listener warnings:\n${r.output.slice(-2000)}`);
  const index = JSON.parse(readFileSync(path.join(out, 'mini_pipeline', 'summary.index.json'), 'utf8'));
  if (index.count !== 2) throw new Error(`${index.count} items in the index, expected 2`);
}

try {
  log(`working in ${WORK}`);
  npm(['pack', '--pack-destination', WORK], REPO);
  const tarball = path.join(WORK, JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).name + '-' + JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version + '.tgz');
  const nodes = Object.fromEntries(RUNTIMES.map((major) => [major, runtime(major)]));
  const copy = repoCopyOnVitest5();
  for (const major of RUNTIMES) check(`shipped evals and vitest list, vitest 5 + msw 3, Node ${major}`, () => runEvals(nodes[major], copy));
  const consumer5 = cjsConsumer(tarball, 'cjs-vitest5', ['vitest@5', 'msw@3']);
  for (const major of RUNTIMES) check(`CommonJS consumer of the packed tarball, vitest 5 + msw 3, Node ${major}`, () => runConsumer(nodes[major], consumer5));
  const consumer4 = cjsConsumer(tarball, 'cjs-vitest4', ['vitest@4', 'msw@2']);
  check(`CommonJS consumer of the packed tarball, vitest 4 + msw 2, Node ${process.versions.node}`, () => runConsumer(process.execPath, consumer4));
} catch (error) {
  results.push({ name: 'setup', ok: false });
  log(`✗ setup: ${error.message}`);
} finally {
  if (!keep) rmSync(WORK, { recursive: true, force: true });
}
const passed = results.filter((r) => r.ok).length;
console.log(`\n${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length ? 0 : 1;
