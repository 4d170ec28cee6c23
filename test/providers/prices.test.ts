// The price table: the shipped one passes its schema, every kind of bad entry is refused with
// the entry named, lookups are exact (an id the table does not list has no price, never a
// neighbour's), and a backend's own `price:` wins — and is checked like a table entry, at load.
import { describe, expect, it } from 'vitest';
import { parsePipeline } from '../../src/config/load.js';
import { parseEvalPipeline } from '../../src/runner/load-eval-pipeline.js';
import { priceFor, tablePrice } from '../../src/providers/prices/lookup.js';
import { PRICE_TABLE } from '../../src/providers/prices/table.js';
import { priceTableSchema } from '../../src/providers/prices/table-schema.js';
import { configError, piqaWith, positionOf } from '../config/helpers.js';

const ENTRY = { provider: 'openai', model: 'm-1', input_per_mtok: 1, output_per_mtok: 2, source: 'https://example.com/pricing', checked: 'confirmed' };
const table = (entries: unknown[], extra: Record<string, unknown> = {}) => ({ version: 1, as_of: '2026-11-29', currency: 'USD', entries, ...extra });

/** Where the schema says an entry is wrong, as `path: message`. */
function problems(data: unknown): string[] {
  const parsed = priceTableSchema.safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the price table', () => {
  it('is dated, versioned, and says for every entry where its figures come from and how they were checked', () => {
    expect(priceTableSchema.parse(PRICE_TABLE)).toEqual(PRICE_TABLE);
    expect(PRICE_TABLE.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const providers = new Set(PRICE_TABLE.entries.map((e) => e.provider));
    expect([...providers].sort()).toEqual(['anthropic', 'gemini', 'moonshot', 'openai', 'xai']);
    for (const entry of PRICE_TABLE.entries) expect(['confirmed', 'unconfirmed']).toContain(entry.checked);
    // Every model the shipped evals use live has a price.
    for (const [provider, model] of [['openai', 'gpt-4o-mini'], ['openai', 'gpt-4o'], ['anthropic', 'claude-3-5-haiku-latest'], ['gemini', 'gemini-2.0-flash'], ['xai', 'grok-3'], ['xai', 'grok-3-mini'], ['moonshot', 'moonshot-v1-8k']]) {
      expect(tablePrice(provider!, model!), `${provider}/${model}`).toBeDefined();
    }
  });

  it.each([
    ['a negative input price', { ...ENTRY, input_per_mtok: -0.5 }, 'entries.0.input_per_mtok: Too small: expected number to be >=0'],
    ['a negative output price', { ...ENTRY, output_per_mtok: -1 }, 'entries.0.output_per_mtok: Too small: expected number to be >=0'],
    ['a negative cached price', { ...ENTRY, cached_input_per_mtok: -0.1 }, 'entries.0.cached_input_per_mtok: Too small: expected number to be >=0'],
    ['no input price', (({ input_per_mtok: _, ...rest }) => rest)(ENTRY), 'entries.0.input_per_mtok: Invalid input: expected number, received undefined'],
    ['no output price', (({ output_per_mtok: _, ...rest }) => rest)(ENTRY), 'entries.0.output_per_mtok: Invalid input: expected number, received undefined'],
    ['a price as text', { ...ENTRY, input_per_mtok: '0.15' }, 'entries.0.input_per_mtok: Invalid input: expected number, received string'],
    ['no source', (({ source: _, ...rest }) => rest)(ENTRY), 'entries.0.source: Invalid input: expected string, received undefined'],
    ['a source that is not a URL', { ...ENTRY, source: 'the pricing page' }, 'entries.0.source: Invalid URL'],
    ['no word on how it was checked', (({ checked: _, ...rest }) => rest)(ENTRY), 'entries.0.checked: Invalid option: expected one of "confirmed"|"unconfirmed"'],
    ['an unknown provider', { ...ENTRY, provider: 'openia' }, 'entries.0.provider: Invalid option: expected one of "openai"|"anthropic"|"gemini"|"xai"|"moonshot"|"azure"|"tgi"|"sglang"'],
    ['a misspelt figure', { ...ENTRY, cached_per_mtok: 0.1 }, 'entries.0: Unrecognized key: "cached_per_mtok"'],
  ])('refuses an entry with %s, naming it', (_what, entry, problem) => {
    expect(problems(table([entry]))).toEqual([problem]);
  });

  it('refuses a model priced twice, directly or as an alias, and a table without date, version or entries', () => {
    expect(problems(table([ENTRY, { ...ENTRY, model: 'm-2', aliases: ['m-1'] }]))).toEqual(['entries.1: openai/m-1 is already priced by entries[0]']);
    expect(problems(table([ENTRY, ENTRY]))).toEqual(['entries.1: openai/m-1 is already priced by entries[0]']);
    // The same id under another provider is another model.
    expect(problems(table([ENTRY, { ...ENTRY, provider: 'xai' }]))).toEqual([]);
    expect(problems(table([ENTRY], { as_of: '29.11.2026' }))).toEqual(['as_of: Invalid ISO date']);
    expect(problems(table([ENTRY], { version: 0 }))).toEqual(['version: Too small: expected number to be >0']);
    expect(problems(table([]))).toEqual(['entries: Too small: expected array to have >=1 items']);
  });

  it('finds a price by the id as configured or an alias, through provider aliases, and never guesses', () => {
    expect(tablePrice('openai', 'gpt-4o-mini')).toEqual({ input_per_mtok: 0.15, output_per_mtok: 0.6, cached_input_per_mtok: 0.075 });
    expect(tablePrice('openai', 'gpt-4o-mini-2024-07-18')).toEqual(tablePrice('openai', 'gpt-4o-mini'));
    expect(tablePrice('grok', 'grok-3')).toEqual(tablePrice('xai', 'grok-3'));
    // A snapshot the table does not list, a fine-tune, another provider's id, a self-hosted model.
    expect(tablePrice('openai', 'gpt-4o-mini-2099-01-01')).toBeUndefined();
    expect(tablePrice('openai', 'ft:gpt-4o-mini:acme::abc')).toBeUndefined();
    expect(tablePrice('azure', 'gpt-4o-mini')).toBeUndefined();
    expect(tablePrice('tgi', 'meta-llama/Llama-3.1-8B-Instruct')).toBeUndefined();
  });

  it("takes a backend's own price over the table's", () => {
    expect(priceFor({ provider: 'openai', model: 'gpt-4o-mini' })).toEqual({ price: tablePrice('openai', 'gpt-4o-mini'), from: 'table' });
    const own = { input_per_mtok: 0.1, output_per_mtok: 0.2 };
    expect(priceFor({ provider: 'openai', model: 'gpt-4o-mini', price: own })).toEqual({ price: own, from: 'config' });
    expect(priceFor({ provider: 'tgi', model: 'llama', price: own })).toEqual({ price: own, from: 'config' });
    expect(priceFor({ provider: 'tgi', model: 'llama' })).toBeUndefined();
  });
});

describe("a backend's price in the config", () => {
  const OPENAI_TIMEOUT = '      timeout: 60\n';
  const withPrice = (price: string): string => piqaWith(OPENAI_TIMEOUT, `${OPENAI_TIMEOUT}      price: ${price}\n`);
  const load = (text: string) => parsePipeline(text, '/evals/piqa.yaml', { env: {}, onNotice: () => {} });

  it('loads with its figures', () => {
    const loaded = load(withPrice('{input_per_mtok: 0.5, output_per_mtok: 1.5, cached_input_per_mtok: 0.05}'));
    expect(loaded.spec.backends[0]!.config.price).toEqual({ input_per_mtok: 0.5, output_per_mtok: 1.5, cached_input_per_mtok: 0.05 });
  });

  it.each([
    ['{input_per_mtok: -1, output_per_mtok: 2}', 'backends[0].config.price.input_per_mtok: expected a number >= 0, got -1'],
    ['{input_per_mtok: 1, output_per_mtok: 2, cached_input_per_mtok: -0.5}', 'backends[0].config.price.cached_input_per_mtok: expected a number >= 0, got -0.5'],
    ['{input_per_mtok: 1}', 'backends[0].config.price.output_per_mtok: missing required field "output_per_mtok" (expected number). Add "output_per_mtok:" here'],
    ['{input_per_mtok: "cheap", output_per_mtok: 1}', 'backends[0].config.price.input_per_mtok: expected number, got string "cheap"'],
    ['12', 'backends[0].config.price: expected mapping, got number 12'],
  ])('refuses price: %s at load, located on its line', (price, message) => {
    const text = withPrice(price);
    const error = configError(() => load(text));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain(`/evals/piqa.yaml:${positionOf(text, `price: ${price}`).line}:`);
    expect(error.message).toContain(message);
  });

  it('refuses a max_cost_usd the prices cannot check, at load, located at the task, naming the backend', () => {
    const text = piqaWith('model: gpt-4o-mini', 'model: my-finetune').replace('    max_samples:', '    max_cost_usd: 1\n    max_samples:');
    const error = configError(() => parseEvalPipeline(text, '/evals/piqa.yaml', { env: {}, onNotice: () => {} }));
    expect(error.issues).toEqual([
      expect.objectContaining({
        line: positionOf(text, 'max_cost_usd: 1').line,
        message: 'task "piqa_validation_openai" caps its cost, but backend "litellm_openai" (openai/my-finetune) has no known price, so the cap could not be checked',
        hint: 'Give that backend a price: price: {input_per_mtok: …, output_per_mtok: …} (US dollars per million tokens), or remove max_cost_usd',
      }),
    ]);
    // Priced by the table, or by the backend itself: it loads.
    expect(() => parseEvalPipeline(piqaWith('    max_samples:', '    max_cost_usd: 1\n    max_samples:'), '/evals/piqa.yaml', { env: {}, onNotice: () => {} })).not.toThrow();
    const ownPrice = text.replace('      timeout: 60\n', '      timeout: 60\n      price: {input_per_mtok: 1, output_per_mtok: 2}\n');
    expect(() => parseEvalPipeline(ownPrice, '/evals/piqa.yaml', { env: {}, onNotice: () => {} })).not.toThrow();
  });
});
