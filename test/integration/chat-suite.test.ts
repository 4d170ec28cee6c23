// Chat prompts through real Vitest (test/fixtures/chat-suite): few-shot turns from each row,
// a schema-constrained prompt, and a backend answering through its mock_reply; the events show
// what was sent (messages, parameters) and the parsed answer, and a row the prompt cannot be
// rendered for is a prompt sample_error naming the missing field.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { writtenEventSchema, type WrittenEvent } from '../../src/runner/events.js';

const DIR = fileURLToPath(new URL('../fixtures/chat-suite/', import.meta.url));
const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

function eventsOf(out: string, model: string): WrittenEvent[] {
  const taskDir = path.join(out, 'chat_pipeline', model, 'capitals');
  const [run] = readdirSync(taskDir);
  return readFileSync(path.join(taskDir, run!, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => writtenEventSchema.parse(JSON.parse(line)));
}

const inference = (events: WrittenEvent[], sampleId: string) => {
  const event = events.find((e) => e.event === 'inference_end' && e.sample_id === sampleId);
  if (event?.event !== 'inference_end') throw new Error(`no inference_end for ${sampleId}`);
  return event.payload;
};

const FRANCE_TURNS = [
  { role: 'system', content: 'You are a geography tutor. Answer with the city only.' },
  { role: 'user', content: 'Capital of Spain?' },
  { role: 'assistant', content: 'Madrid' },
  { role: 'user', content: 'Capital of Peru?' },
  { role: 'assistant', content: 'Lima' },
  { role: 'user', content: 'Capital of France?' },
];

it('records the rendered few-shot messages, the wire parameters and the parsed JSON; a missing field is a prompt error', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'em-chat-suite-'));
  let output = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', '--config', path.join(DIR, 'vitest.config.ts')], {
      cwd: DIR,
      env: { ...process.env, CI: '1', NO_COLOR: '1', EVALMATRIX_OUTPUT_DIR: out, EVALMATRIX_MODE: 'mock' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  expect(code, output).toBe(0);

  const bot = eventsOf(out, 'capital_bot');
  expect(inference(bot, 'fr')).toMatchObject({ text: 'Paris', messages: FRANCE_TURNS, parameters: {} });
  expect(inference(bot, 'it')).toMatchObject({ text: 'Rome', messages: [FRANCE_TURNS[0], { role: 'user', content: 'Capital of Japan?' }, { role: 'assistant', content: 'Tokyo' }, { role: 'user', content: 'Capital of Italy?' }] });
  const missing = bot.find((e) => e.event === 'sample_error' && e.sample_id === 'nq');
  expect(missing?.payload).toMatchObject({ stage: 'prompt', error_type: 'MissingVariableError', message: expect.stringContaining('sample.question is undefined (printed)') });

  const claude = eventsOf(out, 'claude');
  expect(inference(claude, 'fr')).toMatchObject({ text: 'Capital of France?', messages: FRANCE_TURNS, parameters: { max_tokens: 64 } });

  const gemini = inference(eventsOf(out, 'gemini'), 'fr');
  expect(gemini.messages).toEqual([{ role: 'user', content: 'Capital of France? Reply in JSON.' }]);
  expect(gemini.parameters).toEqual({ generationConfig: { responseMimeType: 'application/json', responseJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } } });
  expect(gemini.output_json).toEqual({ city: expect.any(String) });
  expect(JSON.parse(gemini.text)).toEqual(gemini.output_json);
});
