// README "Datasets": the YAML there, as written, is valid dataset config (the schema and the
// mapping checks), so the section stays true as the schema changes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { datasetSchema, preprocessSchema } from '../../src/config/schema.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const section = readme.slice(readme.indexOf('## Datasets'), readme.indexOf('## Evaluating your own code'));
const yamlBlocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, unknown>);

it('every dataset and mapping example in README "Datasets" passes the schema', () => {
  expect(yamlBlocks.length).toBeGreaterThanOrEqual(2);
  const datasets = yamlBlocks.flatMap((block) => (Array.isArray(block.datasets) ? block.datasets : []));
  expect(datasets.map((d: { loader: string }) => d.loader)).toEqual(['csv', 'json', 'csv', 'inline']);
  for (const dataset of datasets) expect(datasetSchema.safeParse(dataset).error).toBeUndefined();
  const mappings = yamlBlocks.flatMap((block) => (block.params ? [(block.params as { preprocess: unknown }).preprocess] : []));
  expect(mappings).toHaveLength(1);
  expect(preprocessSchema.safeParse(mappings[0]).error).toBeUndefined();
});
