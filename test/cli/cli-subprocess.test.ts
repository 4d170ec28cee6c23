// The built `evalmatrix` command run as a subprocess: help on every command, usage errors,
// `collect` and `matrix render` success and error paths. Each test has its own files, so they
// run side by side: a subprocess mostly waits for Node to start.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandCases } from '../../src/config/cases.js';
import { loadPipeline } from '../../src/config/load.js';
import { writeIndex } from '../../src/reporter/collect-index.js';
import { ensureBuilt, REPO_ROOT, runCli } from './built-cli.js';
import { pipelineWithSummaries } from './summary-fixture.js';

// A stale dist/ is rebuilt first, which takes a while.
beforeAll(() => ensureBuilt(), 180_000);

const temp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

describe.concurrent('help and usage', () => {
  it.each([[[]], [['collect']], [['resume']], [['matrix']], [['matrix', 'render']], [['mock']], [['mock', 'serve']]])('evalmatrix %j --help prints its usage and exits 0', async (command) => {
    const result = await runCli([...command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: evalmatrix${command.length > 0 ? ` ${command.join(' ')}` : ''} [options]`);
  });

  it('exits 1 naming an unknown command or option, with a pointer to --help', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("error: unknown command 'frobnicate'");
    const option = await runCli(['matrix', 'render', '--dryrun']);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("error: unknown option '--dryrun'");
    expect(option.stderr).toContain('(Did you mean --dry-run?)');
  });
});

const pipelineRoot = () =>
  pipelineWithSummaries([
    ['m', '20261122-000001-aaaaaa'],
    ['n', '20261122-000002-bbbbbb'],
  ]);

describe.concurrent('evalmatrix collect', () => {
  it('rebuilds the index the reporter writes, byte for byte, and prints the table', async () => {
    const root = pipelineRoot();
    const index = path.join(root, 'summary.index.json');
    writeIndex(root, { label: root });
    const byReporter = readFileSync(index, 'utf8');
    const result = await runCli(['collect', '--root', root]);
    expect(result.code).toBe(0);
    expect(readFileSync(index, 'utf8')).toBe(byReporter);
    expect(result.stdout).toMatch(/m\s+t\s+2\s+acc=0\.50000\s+0\s+20261122-000001-aaaaaa\s+passed/);
    expect(result.stdout).toContain(`wrote ${index} (2 items)`);
  });

  it('reports a corrupt summary.json and skips it', async () => {
    const root = pipelineRoot();
    const corrupt = path.join(root, 'n', 't', '20261122-000002-bbbbbb', 'summary.json');
    writeFileSync(corrupt, '{"run": ');
    const output = path.join(temp('em-cli-out-'), 'index.json');
    const result = await runCli(['collect', '--root', root, '--output', output]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${corrupt}: skipped, invalid JSON`);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ count: 1, items: [{ model: 'm' }] });
  });

  it('exits 1 for a root that is missing or holds no summary', async () => {
    const missing = await runCli(['collect', '--root', '/nonexistent/evalmatrix-runs/p']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('/nonexistent/evalmatrix-runs/p does not exist. Pass --root runs/<pipeline>');
    const empty = await runCli(['collect', '--root', temp('em-cli-empty-')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no summary.json under');
  });
});

describe.concurrent('evalmatrix matrix render', () => {
  it('--dry-run lists the five shipped configs and writes nothing', async () => {
    const out = path.join(temp('em-cli-render-'), 'generated');
    const result = await runCli(['matrix', 'render', '--dry-run', '--out', out]);
    expect(result.code).toBe(0);
    const listed = result.stdout.split('\n').filter((line) => line.startsWith('would write '));
    expect(listed.map((line) => path.basename(line.split(/\s+/)[2]!))).toEqual(['openai_mock.yaml', 'anthropic_mock.yaml', 'google_mock.yaml', 'grok_mock.yaml', 'kimi_mock.yaml']);
    expect(result.stdout).toContain('5 configs would be written to');
    expect(() => readdirSync(out)).toThrow();
  });

  it('writes one config per entry, each loading and reaching the dataset from where it is written', async () => {
    const out = path.join(temp('em-cli-render-'), 'generated');
    const result = await runCli(['matrix', 'render', '--out', out], { env: { MAX_SAMPLES: '3' } });
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['anthropic_mock.yaml', 'google_mock.yaml', 'grok_mock.yaml', 'kimi_mock.yaml', 'openai_mock.yaml']);
    for (const file of readdirSync(out)) {
      const [only] = expandCases(loadPipeline(path.join(out, file), { env: {} }));
      expect(only?.name).toBe(`demo › ${file.replace('.yaml', '')}`);
      expect(only?.task.max_samples).toBe(3);
      expect(only?.dataset.resolvedPath).toBe(path.join(REPO_ROOT, 'fixtures', 'piqa_mini.jsonl'));
    }
  });

  it('writes the good entries, lists a bad one with its reason, and exits 1', async () => {
    const dir = temp('em-cli-matrix-');
    const matrix = path.join(dir, 'matrix.yaml');
    const entry = (name: string, timeout: string) =>
      `  - {name: ${name}, provider: openai, model_name: "m: \\"x\\"\\nline two", api_base: "http://127.0.0.1:18080/v1", api_key_env: K, max_new_tokens: 8, timeout: ${timeout}}\n`;
    writeFileSync(matrix, `pipeline: cli_matrix\nmodels:\n${entry('good', '5')}${entry('bad', '-1')}`);
    const out = path.join(dir, 'out');
    const result = await runCli(['matrix', 'render', '--matrix', matrix, '--template', 'evals/template.yaml', '--out', out]);
    expect(result.code).toBe(1);
    expect(readdirSync(out)).toEqual(['good.yaml']);
    expect(loadPipeline(path.join(out, 'good.yaml'), { env: {} }).spec.backends[0]?.config.model).toBe('m: "x"\nline two');
    expect(result.stderr).toContain(`skipped bad:\n  ${matrix}:4:`);
    expect(result.stderr).toContain('models[1].timeout: expected a number > 0, got -1');
    expect(result.stdout).toContain('1 config written to');
    expect(result.stdout).toContain(', 1 entry skipped');
  });

  it('checks the metrics a template names: an unknown one is a located error; --metrics <module> registers yours', async () => {
    const dir = temp('em-cli-metrics-');
    const template = path.join(dir, 'template.yaml');
    writeFileSync(template, readFileSync(path.join(REPO_ROOT, 'evals', 'template.yaml'), 'utf8').replace('implementation: multi_choice_accuracy', 'implementation: shout'));
    const unknown = await runCli(['matrix', 'render', '--dry-run', '--template', template]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/template\.yaml:\d+:\d+ metrics\[0\]\.implementation: metric "\w+": unknown implementation "shout" \(built-in: [^)]+; registered from TypeScript: none\)/);

    const module = path.join(dir, 'metrics.mjs');
    writeFileSync(module, `import { defineMetric } from ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'index.js'))};\nexport const shout = defineMetric({ name: 'shout', score: ({ output }) => output.text === output.text.toUpperCase() });\n`);
    const known = await runCli(['matrix', 'render', '--dry-run', '--template', template, '--metrics', module]);
    expect(known.stderr).toBe('');
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('5 configs would be written to');

    const missing = await runCli(['matrix', 'render', '--dry-run', '--template', template, '--metrics', path.join(dir, 'nope.mjs')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`evalmatrix matrix render: --metrics ${path.join(dir, 'nope.mjs')}: cannot import`);
  });

  it('exits 1 naming the file for a matrix that does not exist, from MODEL_MATRIX too', async () => {
    const result = await runCli(['matrix', 'render', '--dry-run'], { env: { MODEL_MATRIX: 'evals/nope.yaml' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`evalmatrix matrix render: evals/nope.yaml: model matrix file not found: looked for ${path.join(REPO_ROOT, 'evals', 'nope.yaml')}`);
  });
});
