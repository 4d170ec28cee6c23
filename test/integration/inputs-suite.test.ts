// Real Vitest on test/fixtures/inputs-suite: datasets from TypeScript and a `task` function.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseDirs, readEvents, readSummary, runFixture } from './fixture-run.js';

const DIR = fileURLToPath(new URL('../fixtures/inputs-suite/', import.meta.url));
const PIPELINE = 'inputs_pipeline';

describe('vitest run with rows from TypeScript and a task', () => {
  it('runs the task for each row, records what it sent, and fails only the case whose dataset is empty', async () => {
    const run = await runFixture({}, ['inputs.eval.ts'], DIR);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/no_rows › be_openai failed:\n\s+- dataset "empty_rows" is empty \(rows from defineEvalSuite\): it has no rows/);
    expect(run.output).toContain('2 passed');

    const byTask = new Map(caseDirs(run.outDir, PIPELINE).map((dir) => [path.basename(path.dirname(dir)), dir]));
    expect([...byTask.keys()].sort()).toEqual(['no_rows', 'own_code', 'replaced_rows']);

    const own = readEvents(byTask.get('own_code')!);
    const ends = own.filter((e) => e.event === 'inference_end');
    expect(ends.map((e) => e.sample_id).sort()).toEqual(['k1', 'k2']);
    const k1 = ends.find((e) => e.sample_id === 'k1')!.payload as Record<string, unknown>;
    expect(k1).toMatchObject({ task: true, client_calls: 1, metadata: { notes: 'Apples grow on trees.' } });
    expect((k1.client_messages as Array<Array<{ content: string }>>)[0]![0]!.content).toBe('Notes: Apples grow on trees.');
    expect((k1.messages as Array<{ content: string }>)[0]!.content).toContain('Question: Which is a fruit?');
    const error = own.find((e) => e.event === 'sample_error')!;
    expect(error).toMatchObject({ sample_id: 'k3', payload: { stage: 'inference', error_type: 'TaskError', message: 'the task threw Error: retriever down' } });
    expect(own.filter((e) => e.event === 'auto_eval_sample').map((e) => (e.payload as { score: number }).score)).toEqual([1, 1]);
    expect(readSummary(byTask.get('own_code')!)).toMatchObject({ status: 'passed', sample_count: 3, error_count: 1 });

    expect(readSummary(byTask.get('replaced_rows')!)).toMatchObject({ status: 'passed', sample_count: 1 });
    const r1 = readEvents(byTask.get('replaced_rows')!).find((e) => e.event === 'inference_end')!;
    expect(r1.sample_id).toBe('r1');
    // Answered by the OpenAI mock through the task's own SDK: nothing went through `client`,
    // the usage is what the task reported.
    expect(r1.payload).toMatchObject({ task: true, client_calls: 0, text: expect.stringContaining('Question: Two plus two?') });
    expect((r1.payload as { usage: { prompt_tokens: number } }).usage.prompt_tokens).toBeGreaterThan(0);
    expect(readSummary(byTask.get('no_rows')!)).toMatchObject({ status: 'failed', sample_count: 0 });
  });

  it('refuses at definition an unknown dataset id, naming the known ones, and code datasets given no rows', async () => {
    const run = await runFixture({}, ['unknown-id.eval.ts'], DIR);
    expect(run.code).toBe(1);
    expect(run.output).toContain('has no dataset "questionz". Did you mean "questions"? Its datasets: questions, empty_rows, replaced');
    expect(run.output).toContain('dataset "questions" has loader: code, but no rows were given for it');
    expect(run.output).toContain('dataset "empty_rows" has loader: code, but no rows were given for it');
  });
});
