// What defines a case, as recorded in case_start: a change to the prompt, the dataset (its
// spec or its file's content), the model's parameters, the metrics or repeats is named; what
// does not change the samples (concurrency, thresholds, where the API lives) is not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCases, type CaseSpec } from '../../src/config/cases.js';
import { parsePipeline } from '../../src/config/load.js';
import { caseFingerprint, fingerprintChanges } from '../../src/runner/case-fingerprint.js';

const dir = mkdtempSync(path.join(tmpdir(), 'em-fingerprint-'));
writeFileSync(path.join(dir, 'rows.jsonl'), '{"question": "q1", "answer": "a"}\n');

interface Knobs {
  template?: string;
  temperature?: number;
  base?: string;
  metric?: string;
  repeats?: number;
  concurrency?: number;
  threshold?: number;
  maxSamples?: number;
}

function caseOf(k: Knobs = {}): CaseSpec {
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: fp}
prompts:
  - {prompt_id: p, template: "${k.template ?? 'Q: {{ sample.question }}'}"}
datasets:
  - {dataset_id: d, loader: jsonl, path: rows.jsonl, params: {preprocess: {type: qa, question: question, answer: answer}}}
backends:
  - backend_id: b
    config: {provider: openai, model: gpt-4o-mini, api_base: "${k.base ?? 'http://127.0.0.1:18080/v1'}", generation_parameters: {temperature: ${k.temperature ?? 0}}}
role_adapters:
  - {adapter_id: a, backend_id: b, prompt_id: p}
metrics:
  - {metric_id: m, implementation: ${k.metric ?? 'exact_match'}}
tasks:
  - task_id: t
    dataset_id: d
    steps: [{step: inference, adapter_id: a}, {step: auto_eval}]
    repeats: ${k.repeats ?? 1}
    concurrency: ${k.concurrency ?? 2}
    max_samples: ${k.maxSamples ?? 10}
    thresholds: {m: ${k.threshold ?? 0.5}}
`;
  return expandCases(parsePipeline(yaml, path.join(dir, 'p.yaml'), { env: {} }))[0]!;
}

async function changes(before: Knobs, after: Knobs): Promise<string[]> {
  const was = await caseFingerprint(caseOf(before));
  return fingerprintChanges(caseOf(after), { ...was }, await caseFingerprint(caseOf(after)));
}

describe('case fingerprint', () => {
  it('names each part that changed', async () => {
    expect(await changes({}, { template: 'Question: {{ sample.question }}' })).toEqual(['the prompt (p)']);
    expect(await changes({}, { temperature: 0.7 })).toEqual([expect.stringMatching(/^the model \(b: /)]);
    expect(await changes({}, { metric: 'includes' })).toEqual([expect.stringMatching(/^the metrics/)]);
    expect(await changes({}, { repeats: 3 })).toEqual(['repeats (1 then, 3 now)']);
    expect(await changes({}, { maxSamples: 20 })).toEqual([expect.stringMatching(/^the dataset \(d: /)]);
    expect(await changes({}, { template: 'x', repeats: 2 })).toHaveLength(2);
  });

  it('ignores what does not change the samples: concurrency, thresholds, the API base', async () => {
    expect(await changes({}, { concurrency: 8, threshold: 0.9, base: 'http://127.0.0.1:9999/v1' })).toEqual([]);
  });

  it("covers the dataset file's content", async () => {
    const spec = caseOf();
    const before = await caseFingerprint(spec);
    writeFileSync(path.join(dir, 'rows.jsonl'), '{"question": "q1", "answer": "b"}\n');
    const after = await caseFingerprint(spec);
    expect(fingerprintChanges(spec, { ...before }, after)).toEqual([expect.stringMatching(/^the dataset \(d: its file's content/)]);
  });

  it('cannot check a run written before fingerprints, and says so', async () => {
    expect(fingerprintChanges(caseOf(), undefined, await caseFingerprint(caseOf()))).toEqual([expect.stringMatching(/no fingerprint/)]);
  });
});
