// Each built-in benchmark against its fixture, written in the dataset's real column format.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PreprocessName } from '../../src/config/schema.js';
import { arc } from '../../src/datasets/benchmarks/arc.js';
import { boolq } from '../../src/datasets/benchmarks/boolq.js';
import { gsm8k } from '../../src/datasets/benchmarks/gsm8k.js';
import { hellaswag } from '../../src/datasets/benchmarks/hellaswag.js';
import { seededShuffle, truthfulqaMc1 } from '../../src/datasets/benchmarks/truthfulqa-mc1.js';
import { loadDataset } from '../../src/datasets/load.js';
import type { Sample } from '../../src/datasets/sample.js';

async function samples(name: PreprocessName, fixture: string): Promise<Sample[]> {
  const resolvedPath = fileURLToPath(new URL(`../../fixtures/${fixture}`, import.meta.url));
  const out: Sample[] = [];
  for await (const item of loadDataset({ dataset_id: name, loader: 'jsonl', path: resolvedPath, resolvedPath, params: { preprocess: name } })) {
    if (!item.ok) throw new Error(item.error.message);
    out.push(item.sample);
  }
  return out;
}

const failure = (result: ReturnType<typeof arc.apply>): string => (result.ok ? 'ok' : result.message);

describe('built-in benchmarks on their fixtures', () => {
  it('mmlu: the answer index as a letter, four options, the subject kept', async () => {
    const mmlu = await samples('mmlu', 'mmlu_mini.jsonl');
    expect(mmlu.map((s) => s.reference)).toEqual(['C', 'B', 'A', 'D', 'B', 'C', 'A', 'B']);
    expect(mmlu[0]).toMatchObject({
      sample_id: 'mmlu-0001',
      question: 'Which of the following is a prime number?',
      subject: 'elementary_mathematics',
      metadata: { option_map: { A: '21', B: '27', C: '29', D: '33' } },
    });
  });

  it('arc: the answer key found among the row\'s own labels (A–D or 1–4, three to five options), lettered A, B, C…', async () => {
    const rows = await samples('arc', 'arc_mini.jsonl');
    expect(rows.map((s) => [s.sample_id, s.reference, Object.keys(s.metadata.option_map as object).join('')])).toEqual([
      ['EVALMATRIX_ARC_0001', 'B', 'ABCD'],
      ['EVALMATRIX_ARC_0002', 'C', 'ABCD'],
      ['EVALMATRIX_ARC_0003', 'C', 'ABCD'],
      ['EVALMATRIX_ARC_0004', 'A', 'ABC'],
      ['EVALMATRIX_ARC_0005', 'C', 'ABCDE'],
      ['EVALMATRIX_ARC_0006', 'C', 'ABCD'],
    ]);
    expect((rows[2]!.metadata.option_map as Record<string, string>).C).toBe('wind');
    const row = { question: 'Q', choices: { text: ['a', 'b'], label: ['A', 'B'] }, answerKey: 'E' };
    expect(failure(arc.apply(row, 1))).toBe('answerKey "E" is not one of choices.label (A, B)');
  });

  it('hellaswag: the context and endings without WikiHow markup, the string label as a letter', async () => {
    const rows = await samples('hellaswag', 'hellaswag_mini.jsonl');
    expect(rows.map((s) => s.reference)).toEqual(['A', 'B', 'C', 'D', 'A']);
    expect(rows[2]!.question).toBe('How to water a potted plant. Check the soil first. Push a finger into the soil up to the first knuckle.');
    expect((rows[2]!.metadata.option_map as Record<string, string>).C).toBe('If the soil feels dry, pour water slowly until it drains from the bottom.');
    expect(rows[0]).toMatchObject({ sample_id: 'hellaswag-0001', activity_label: 'Washing dishes' });
    const unlabelled = { ctx: 'c', endings: ['a', 'b', 'c', 'd'], label: '' };
    expect(failure(hellaswag.apply(unlabelled, 1))).toMatch(/^label holds an empty string/);
  });

  it('boolq: true/false as yes/no, the passage as context', async () => {
    const rows = await samples('boolq', 'boolq_mini.jsonl');
    expect(rows.map((s) => s.reference)).toEqual(['yes', 'no', 'yes', 'no', 'yes', 'no']);
    expect(rows[0]).toMatchObject({ input: rows[0]!.question, context: expect.stringMatching(/^The Pacific Ocean/), metadata: { labels: ['no', 'yes'] } });
    expect(boolq.apply({ question: 'q', passage: 'p', answer: 'False' }, 1)).toMatchObject({ ok: true, sample: { reference: 'no' } });
    expect(boolq.apply({ question: 'q', answer: true }, 1)).toMatchObject({ ok: false, missingColumn: 'passage' });
  });

  it('gsm8k: the number after #### (separators dropped) as reference, the worked solution as rationale', async () => {
    const rows = await samples('gsm8k', 'gsm8k_mini.jsonl');
    expect(rows.map((s) => s.reference)).toEqual(['72', '38', '180', '1200', '12', '58']);
    expect(rows[1]!.rationale).toBe('After giving some away Tom has 45 - 17 = <<45-17=28>>28 marbles.\nAfter buying more he has 28 + 10 = <<28+10=38>>38 marbles.');
    expect(failure(gsm8k.apply({ question: 'q', answer: 'just 4' }, 1))).toBe('column "answer" has no "#### <final answer>" line');
  });

  it('truthfulqa_mc1: the one true answer, shuffled out of first place the same way every run', async () => {
    const rows = await samples('truthfulqa_mc1', 'truthfulqa_mc1_mini.jsonl');
    for (const sample of rows) {
      const targets = sample.mc1_targets as { choices: string[] };
      const options = sample.metadata.option_map as Record<string, string>;
      expect(options[sample.reference!]).toBe(targets.choices[0]);
      expect([...(sample.metadata.choice_order as number[])].sort()).toEqual(targets.choices.map((_, i) => i));
    }
    expect(new Set(rows.map((s) => s.reference)).size).toBeGreaterThan(1);
    expect((await samples('truthfulqa_mc1', 'truthfulqa_mc1_mini.jsonl')).map((s) => s.metadata)).toEqual(rows.map((s) => s.metadata));
    expect(seededShuffle(5, 'same question')).toEqual(seededShuffle(5, 'same question'));
    const twoTrue = { question: 'q', mc1_targets: { choices: ['a', 'b'], labels: [1, 1] } };
    expect(failure(truthfulqaMc1.apply(twoTrue, 1))).toBe('mc1_targets.labels marks 2 choices true; exactly one must be 1');
  });
});
