// The live benchmark's other side: what a user would write without a framework. The official
// `openai` SDK, one client, one pool of `concurrency` requests shared by every model, the rows
// read from the file, the prompt built with a template literal (live-prompt.ts), the reply's letter compared
// with the label. Nothing of evalmatrix is imported.
// Usage: node raw-openai.js <rows.jsonl> <samples> <concurrency> <base url> <model>...
// Prints one JSON line: each model's outcome, with its per-sample scores in row order.
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { rawPrompt } from './live-prompt.js';

const [rowsFile, samplesArg, concurrencyArg, baseURL, ...models] = process.argv.slice(2);
if (!rowsFile || !samplesArg || !concurrencyArg || !baseURL || models.length === 0) throw new Error('usage: raw-openai.js <rows.jsonl> <samples> <concurrency> <base url> <model>...');

interface Row {
  goal: string;
  sol1: string;
  sol2: string;
  label: number;
}

const started = performance.now();
const rows = readFileSync(rowsFile, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .slice(0, Number(samplesArg))
  .map((line) => JSON.parse(line) as Row);
const client = new OpenAI({ baseURL, apiKey: process.env.OPENAI_API_KEY });

const scores = new Map(models.map((model) => [model, new Array<string>(rows.length).fill('-')]));
const errors = new Map(models.map((model) => [model, 0]));
// Every model's requests, row by row, from one queue: the models run side by side.
const jobs = rows.flatMap((row, index) => models.map((model) => ({ model, row, index })));
let next = 0;

async function worker(): Promise<void> {
  while (next < jobs.length) {
    const { model, row, index } = jobs[next++]!;
    try {
      const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: rawPrompt(row) }], max_tokens: 64, temperature: 0.2 });
      const letter = /answer is ([AB])/.exec(completion.choices[0]?.message.content ?? '')?.[1];
      scores.get(model)![index] = letter === 'AB'[row.label] ? '1' : '0';
    } catch {
      errors.set(model, errors.get(model)! + 1);
    }
  }
}

await Promise.all(Array.from({ length: Number(concurrencyArg) }, worker));
const wallMs = performance.now() - started;
const cases = models.map((model) => {
  const s = scores.get(model)!.join('');
  const correct = s.split('').filter((c) => c === '1').length;
  return { model, samples: rows.length, errors: errors.get(model)!, mean: correct / rows.length, wall_ms: wallMs, scores: s };
});
console.log(JSON.stringify({ cases }));
