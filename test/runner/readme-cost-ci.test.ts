// README "Cost" and "CI" stay true to the code: the price table's version and date, which
// providers' entries were confirmed, the backend price example, and the console lines quoted.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { backendConfigSchema } from '../../src/config/schema.js';
import { PRICE_TABLE } from '../../src/providers/prices/table.js';
import { formatRetry } from '../../src/reporter/retry-lines.js';
import { formatErrorKinds } from '../../src/runner/error-kinds.js';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const section = (title: string): string => {
  const start = README.indexOf(`\n## ${title}\n`);
  expect(start, title).toBeGreaterThan(0);
  return README.slice(start, README.indexOf('\n## ', start + 1));
};

describe('README Cost', () => {
  const cost = section('Cost');

  it("gives the price table's version and date", () => {
    expect(cost).toContain(`(\`version: ${PRICE_TABLE.version}\`, \`as_of: ${PRICE_TABLE.as_of}\``);
  });

  it('says truly which providers were confirmed on their own pricing page', () => {
    const confirmed = new Set(PRICE_TABLE.entries.filter((e) => e.checked === 'confirmed').map((e) => e.provider));
    const unconfirmed = new Set(PRICE_TABLE.entries.filter((e) => e.checked === 'unconfirmed').map((e) => e.provider));
    expect([...confirmed]).toEqual(['anthropic']);
    expect([...unconfirmed].sort()).toEqual(['gemini', 'moonshot', 'openai', 'xai']);
    expect(cost).toContain('(the Anthropic entries)');
    expect(cost).toContain('(the OpenAI, Gemini, xAI and Moonshot entries)');
  });

  it("shows a backend price that loads", () => {
    const yaml = /```yaml\n(backends:[\s\S]*?)```/.exec(cost)![1]!;
    const backend = (parse(yaml) as { backends: { config: unknown }[] }).backends[0]!;
    expect(backendConfigSchema.parse(backend.config).price).toEqual({ input_per_mtok: 0.2, output_per_mtok: 0.6 });
  });
});

describe('README CI', () => {
  const ci = section('CI');

  it('quotes the retry line as the console prints it', () => {
    const line = formatRetry('capitals › model', {
      notice: 'retry', role: 'model', backend_id: 'model', cause: 'connection refused', message: 'connect ECONNREFUSED 127.0.0.1:18997',
      attempt: 1, max_attempts: 7, wait_ms: 1000, retries: 1,
    });
    expect(ci).toContain(line);
  });

  it('quotes errors by kind as a failed case lists them', () => {
    const [line] = formatErrorKinds([{ kind: 'HTTP 429 (rate limited)', stage: 'inference', count: 17, first_message: 'openai 429: Rate limit reached for gpt-4o-mini (gave up after 7 attempts)' }]);
    expect(ci).toContain(`        ${line}`);
  });
});
