// Every built-in through the registry and through createSampleScorer, in-process and in the
// scorer pool: what gets recorded (score, passed, prediction, reference, rationale, metadata)
// is the metric's result normalized, and a worker scores exactly as the main thread does
// (params cross to it as plain data; json_schema recompiles there from the schema's text).
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricSpec } from '../../src/config/schema.js';
import type { Sample } from '../../src/datasets/sample.js';
import { BUILTIN_METRICS } from '../../src/metrics/builtins.js';
import type { MetricScore } from '../../src/metrics/metric.js';
import { MetricRegistry } from '../../src/metrics/registry.js';
import { describeError } from '../../src/runner/describe-error.js';
import { createSampleScorer, type SampleScorer } from '../../src/runner/scorer.js';

interface Row {
  spec: Omit<MetricSpec, 'metric_id'>;
  sample: Partial<Sample>;
  text: string;
  recorded: MetricScore;
}

const ROWS: Row[] = [
  { spec: { implementation: 'multi_choice_accuracy', params: {} }, sample: { reference: 'B' }, text: 'The answer is B', recorded: { score: 1, prediction: 'B', reference: 'B' } },
  {
    spec: { implementation: 'exact_match', params: { normalize: ['lowercase', 'trim'] } },
    sample: { reference: 'Paris' },
    text: ' paris ',
    recorded: { score: 1, prediction: 'paris', reference: 'paris' },
  },
  {
    spec: { implementation: 'includes', params: { all: ['Paris', 'Seine'] }, pass_threshold: 1 },
    sample: {},
    text: 'Paris',
    recorded: { score: 0, passed: false, prediction: null, reference: null, rationale: 'missing "Seine"', metadata: { missing: ['Seine'] } },
  },
  {
    spec: { implementation: 'regex', params: { pattern: String.raw`Answer:\s*(\w+)`, group: 1, normalize: 'lowercase' } },
    sample: { reference: 'yes' },
    text: 'Answer: YES',
    recorded: { score: 1, prediction: 'yes', reference: 'yes' },
  },
  {
    spec: { implementation: 'numeric_match', params: {} },
    sample: { reference: '#### 1234' },
    text: 'So she pays $1,234.',
    recorded: { score: 1, prediction: '1234', reference: '1234', metadata: { extracted_from: 'last_number', matched: '$1,234' } },
  },
  {
    spec: { implementation: 'token_f1', params: {}, pass_threshold: 0.5 },
    sample: { references: ['Denver Broncos', 'the Broncos'] },
    text: 'The Denver Broncos won the game', // vs "denver broncos": P = 2/4, R = 1 → 2/3
    recorded: { score: 2 / 3, passed: true, prediction: 'denver broncos won game', reference: 'denver broncos', metadata: { precision: 0.5, recall: 1 } },
  },
  { spec: { implementation: 'json_valid', params: { type: 'object' } }, sample: {}, text: '```json\n{"ok": true}\n```', recorded: { score: 1, prediction: 'object', reference: null } },
  {
    spec: { implementation: 'json_schema', params: { schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'integer' } } } } } },
    sample: {},
    text: '{"items": [1, 2.5]}',
    recorded: {
      score: 0,
      prediction: null,
      reference: null,
      rationale: '/items/1: must be integer',
      metadata: { path: '/items/1', message: 'must be integer', keyword: 'type', schema_path: '#/properties/items/items/type' },
    },
  },
  { spec: { implementation: 'levenshtein', params: {} }, sample: { reference: 'sitting' }, text: 'kitten', recorded: { score: 4 / 7, prediction: 'kitten', reference: 'sitting', metadata: { distance: 3 } } },
  {
    spec: { implementation: 'rouge_l', params: {} },
    sample: { reference: 'the cat sat on the mat' },
    text: 'the cat lay on the mat', // LCS 5 of 6 both ways
    recorded: { score: 5 / 6, prediction: null, reference: 'the cat sat on the mat', metadata: { precision: 5 / 6, recall: 5 / 6, lcs: 5 } },
  },
];

const scorers: SampleScorer[] = [];
afterEach(async () => {
  await Promise.all(scorers.splice(0).map((s) => s.close()));
});

const specOf = (row: Row): MetricSpec => ({ metric_id: `m_${row.spec.implementation}`, ...row.spec });
const sampleOf = (row: Row): Sample => ({ sample_id: 's-0001', metadata: {}, ...row.sample });

describe('the built-in metrics', () => {
  it('are listed to users, every one, and resolve by name', () => {
    const registry = new MetricRegistry();
    const names = [...ROWS.map((r) => r.spec.implementation), 'llm_judge'];
    expect(registry.names().builtin).toEqual(names);
    expect(BUILTIN_METRICS.map((m) => m.name)).toEqual(names);
    for (const name of names) expect(registry.resolve({ metric_id: 'x', implementation: name }).name).toBe(name);
    expect(() => registry.resolve({ metric_id: 'acc', implementation: 'rouge' })).toThrow(
      'metric "acc": unknown implementation "rouge" (built-in: multi_choice_accuracy, exact_match, includes, regex, numeric_match, token_f1, json_valid, json_schema, levenshtein, rouge_l, llm_judge)',
    );
  });

  it('send only rouge_l (quadratic in the length of the reply) to the scorer pool by default', () => {
    expect(BUILTIN_METRICS.filter((m) => m.cpu_heavy).map((m) => m.name)).toEqual(['rouge_l']);
  });

  for (const mode of ['never', 'always'] as const) {
    it(`record the normalized result through createSampleScorer (${mode === 'never' ? 'in-process' : 'scorer pool'})`, async () => {
      const scorer = createSampleScorer(ROWS.map(specOf), mode);
      scorers.push(scorer);
      for (const row of ROWS) {
        // Every spec scores every sample; only the row's own metric is checked against it.
        const outcomes = await scorer.score(sampleOf(row), { text: row.text });
        const outcome = outcomes.find((o) => o.metric_id === specOf(row).metric_id);
        expect(outcome, row.spec.implementation).toEqual({ metric_id: specOf(row).metric_id, scored: row.recorded });
      }
    });

    it(`fail only the sample whose reference is missing, as a bad_reference scoring error (${mode})`, async () => {
      const scorer = createSampleScorer([{ metric_id: 'f1', implementation: 'token_f1', params: {} }], mode);
      scorers.push(scorer);
      const [outcome] = await scorer.score({ sample_id: 'q-7', metadata: {} }, { text: 'Broncos' });
      const described = outcome && 'error' in outcome && describeError(outcome.error);
      expect(described).toMatchObject({ message: expect.stringContaining('token_f1: sample "q-7" has no reference') });
      // The same error_type in the pool: a worker's error name survives the thread boundary.
      expect(described).toMatchObject({ error_type: 'bad_reference' });
    });
  }

  it('reject bad params when the scorer is built from specs in code', () => {
    expect(() => createSampleScorer([{ metric_id: 'r', implementation: 'regex', params: { pattern: '[' } }], 'never')).toThrow(
      'metric "r" (regex): bad params: pattern: does not compile: Invalid regular expression: /[/: Unterminated character class',
    );
  });
});
