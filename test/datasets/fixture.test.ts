import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/datasets/load.js';

const resolvedPath = fileURLToPath(new URL('../../fixtures/piqa_mini.jsonl', import.meta.url));

describe('fixtures/piqa_mini.jsonl', () => {
  it('has at least 50 valid piqa rows with both labels well represented', async () => {
    const labels: unknown[] = [];
    const spec = { dataset_id: 'piqa_mini', loader: 'jsonl' as const, path: resolvedPath, params: { preprocess: 'piqa' as const } };
    for await (const item of loadDataset({ ...spec, resolvedPath })) {
      if (!item.ok) throw new Error(item.error.message);
      labels.push(item.sample.label);
    }
    expect(labels.length).toBeGreaterThanOrEqual(50);
    const zeros = labels.filter((l) => l === 0).length;
    expect(zeros / labels.length).toBeGreaterThan(0.4);
    expect(zeros / labels.length).toBeLessThan(0.6);
  });
});
