// README "Repeats" stays true: its YAML is the shipped evals/repeats.yaml, and the summary entry
// it shows is what that pipeline gives offline (run here through runCase and the MSW mocks), as
// is the failure reason it quotes for a higher ci_low threshold.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expandCases } from '../../src/config/cases.js';
import { startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import { createProviderClient } from '../../src/providers/index.js';
import { parseEvalPipeline } from '../../src/runner/load-eval-pipeline.js';
import { runCase } from '../../src/runner/run-case.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const section = readme.slice(readme.indexOf('\n## Repeats\n'), readme.indexOf('\n## Modes and providers\n'));
const EVAL_FILE = fileURLToPath(new URL('../../evals/repeats.yaml', import.meta.url));
const evalText = readFileSync(EVAL_FILE, 'utf8');

let server: MockInterception;
beforeAll(() => {
  server = startMockInterception();
});
afterAll(() => server.close());

const rounded = (value: unknown): unknown => JSON.parse(JSON.stringify(value), (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(12)) : v));

async function runShipped(text: string) {
  const [spec] = expandCases(parseEvalPipeline(text, EVAL_FILE, { env: {} }));
  const client = createProviderClient(spec!.backend, { env: {}, allowMissingKey: true });
  return runCase(spec!, { mode: 'mock', client, emit: () => undefined });
}

it('shows the tasks of evals/repeats.yaml as they are', () => {
  const yaml = /```yaml\n# evals\/repeats\.yaml \(excerpt\)[^\n]*\n([\s\S]*?)```/.exec(section)![1]!;
  expect(evalText).toContain(yaml);
});

it("shows the summary entry evals/repeats.yaml gives offline, and the reason a missed ci_low gives", async () => {
  const shown = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as Record<string, unknown>;
  const summary = await runShipped(evalText);
  expect(summary.status).toBe('passed');
  // Samples finish in any order, and the running sums with them: equal to 12 places.
  expect(rounded(summary.metrics[0])).toEqual(rounded(shown));

  const strict = await runShipped(evalText.replace('piqa_acc: {min: 0.0, on: ci_low}', 'piqa_acc: {min: 0.3, on: ci_low}'));
  expect(strict.status).toBe('failed');
  expect(section.replace(/\s+/g, ' ')).toContain(strict.reasons[0]);
});
