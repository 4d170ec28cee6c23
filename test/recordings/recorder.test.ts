// What recordings do with a case's requests, through the real SDKs: the trial keeps repeated
// draws apart, keys never reach a file, a request of another shape is a miss (never a wrong
// replay), `replay` fails a miss with its hash and file and no retry, and in mock mode a
// recording answers before the mocks while a miss is the mocks' (and not recorded).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import { ProviderError } from '../../src/providers/errors.js';
import { newRequestScope, runInRequestScope } from '../../src/providers/request-scope.js';
import { runInTrial } from '../../src/providers/trial-context.js';
import { recordingsFilePath, startRecordings, type Recordings } from '../../src/recordings/index.js';
import { encodeRecordingLine } from '../../src/recordings/recording-line.js';
import { chatInScope, FAKE_KEY, freshDir, openAIServer, recordedLines } from './live-server.js';

let recordings: Recordings | undefined;
let mocks: MockInterception | undefined;
afterEach(async () => {
  await recordings?.close();
  recordings = undefined;
  mocks?.close();
  mocks = undefined;
});

const openai = (api_base: string) => ({ provider: 'openai', model: 'gpt-4o-mini', api_base });

describe('live mode', () => {
  it('keys each trial apart: k draws recorded, and replayed each to its own trial', async () => {
    const dir = freshDir();
    const server = await openAIServer((_req, n) => `draw ${n}`);
    recordings = startRecordings({ mode: 'auto', dir }, { live: true });
    const draw = (trial: number) => runInTrial(trial, () => chatInScope(openai(server.base), 'Pick a number'));
    const live = [];
    for (const trial of [0, 1, 2]) live.push((await draw(trial)).result.text);
    expect(live).toEqual(['draw 1', 'draw 2', 'draw 3']);
    await recordings.store.close();
    await server.close();
    expect(recordedLines(dir).map((l) => l.request.trial)).toEqual([0, 1, 2]);

    const replayed = [];
    for (const trial of [2, 0, 1]) replayed.push((await draw(trial)).result.text);
    expect(replayed).toEqual(['draw 3', 'draw 1', 'draw 2']);
  });

  it('writes no key: not the bearer token a server echoes, not a key in the query', async () => {
    const dir = freshDir();
    const server = await openAIServer((req) => `you sent ${req.headers.authorization}`);
    recordings = startRecordings({ mode: 'auto', dir }, { live: true });
    const { result } = await chatInScope(openai(server.base), 'Echo my header');
    // The answer itself is redacted by the provider client; the file by the recorder.
    expect(result.text).toBe('you sent Bearer [redacted]');
    const scope = newRequestScope('p', 'm');
    await runInRequestScope(scope, async () => (await fetch(`${server.base}/chat/completions?key=${FAKE_KEY}&alt=sse`, { method: 'POST', body: '{}' })).text());
    await recordings.close();
    recordings = undefined;
    await server.close();

    const file = recordingsFilePath(dir, 'p', 'm');
    const lines = recordedLines(dir);
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain(FAKE_KEY);
    expect(lines[0]!.response.body.choices[0].message.content).toBe('you sent [redacted]');
    expect(lines[1]!.request.url).toBe(`${server.base}/chat/completions?alt=sse`);
    // Only what matters of the answer's headers: not x-request-id and the like.
    expect(lines[0]!.response.headers).toEqual({ 'content-type': 'application/json' });
    expect(existsSync(file)).toBe(true);
  });

  it('a request of another shape is a miss, not a wrong replay; key order alone is not another shape', async () => {
    const dir = freshDir();
    const server = await openAIServer((_req, n) => `answer ${n}`);
    recordings = startRecordings({ mode: 'auto', dir }, { live: true });
    const send = (body: string) => {
      const scope = newRequestScope('p', 'm');
      return runInRequestScope(scope, async () => ({ text: await (await fetch(`${server.base}/chat/completions`, { method: 'POST', body })).text(), scope }));
    };
    const first = await send('{"model":"m","messages":[{"role":"user","content":"hi"}]}');
    const reordered = await send('{"messages":[{"content":"hi","role":"user"}],"model":"m"}');
    const reshaped = await send('{"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":0}');
    expect(reordered.scope.requests[0]).toEqual({ key: first.scope.requests[0]!.key, replayed: true });
    expect(reordered.text).toBe(first.text);
    expect(reshaped.scope.requests[0]!.replayed).toBe(false);
    expect(reshaped.scope.requests[0]!.key).not.toBe(first.scope.requests[0]!.key);
    expect(JSON.parse(reshaped.text).choices[0].message.content).toBe('answer 2');
    expect(server.requests()).toBe(2);
    await server.close();
  });

  it('replay: a miss fails at once (no retry) as a network error naming the hash and the file', async () => {
    const dir = freshDir();
    recordings = startRecordings({ mode: 'replay', dir }, { live: true });
    const error = await chatInScope({ ...openai('http://127.0.0.1:9/v1'), max_retries: 3 }, 'never recorded').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    const failure = error as ProviderError;
    expect(failure.type).toBe('network');
    expect(failure.code).toBe('EVALMATRIX_NOT_RECORDED');
    expect(failure.attempts).toBe(1);
    expect(failure.message).toMatch(/no recording of POST http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions \(model gpt-4o-mini, trial 0\) with hash [0-9a-f]{64} in .*\/p\/m\.jsonl/);
  });
});

describe('mock mode', () => {
  it('a recording answers before the mocks; a miss is answered by the mocks and not recorded', async () => {
    const dir = freshDir();
    mocks = startMockInterception();
    recordings = startRecordings({ mode: 'auto', dir }, { live: false });
    const base = 'http://127.0.0.1:18080/v1';
    const echoed = await chatInScope(openai(base), 'What is recorded?');
    expect(echoed.result.text).toBe('What is recorded?');
    const key = echoed.scope.requests[0]!.key;
    expect(echoed.scope.requests).toEqual([{ key, replayed: false }]);
    expect(existsSync(recordingsFilePath(dir, 'p', 'm'))).toBe(false);

    // A real answer to that very request, as a live run would have recorded it.
    const file = recordingsFilePath(dir, 'p', 'm');
    mkdirSync(path.dirname(file), { recursive: true });
    const answer = { id: 'c1', object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: 'A recorded answer' }, finish_reason: 'stop' }], usage: { prompt_tokens: 4, completion_tokens: 3 } };
    const line = { key, request: { method: 'POST', url: `${base}/chat/completions`, model: 'gpt-4o-mini', trial: 0, body: {} }, response: { status: 200, headers: { 'content-type': 'application/json' }, body: answer }, recorded_at: '2026-01-01T00:00:00.000Z' };
    writeFileSync(file, encodeRecordingLine(line, []) + '\n');
    await recordings.close();
    recordings = startRecordings({ mode: 'replay', dir }, { live: false });

    const replayed = await chatInScope(openai(base), 'What is recorded?');
    expect(replayed.result.text).toBe('A recorded answer');
    expect(replayed.result.usage).toEqual({ prompt_tokens: 4, completion_tokens: 3 });
    expect(replayed.scope.requests).toEqual([{ key, replayed: true }]);
    await expect(chatInScope(openai(base), 'Not recorded')).rejects.toThrow(/no recording of POST/);
  });
});
