// Live mode records through the real SDKs and the real network (the mocks served over HTTP),
// and replays, with the servers gone, exactly what was received: a stream as the same chunks,
// for each provider family's streaming (OpenAI-style SSE, Anthropic's named events, Gemini SSE)
// and for a plain JSON answer.
import { afterEach, describe, expect, it } from 'vitest';
import { RECORDING_HEADER, startRecordings, type Recordings } from '../../src/recordings/index.js';
import { replayResponse } from '../../src/recordings/replay.js';
import { chatInScope, freshDir, recordedLines, serveMocks } from './live-server.js';

let recordings: Recordings | undefined;
afterEach(async () => {
  await recordings?.close();
  recordings = undefined;
});

const CASES = [
  { provider: 'openai', model: 'gpt-4o-mini', stream: true, events: /^data: /m },
  { provider: 'anthropic', model: 'claude-3-5-haiku-latest', stream: true, events: /^event: message_start/m },
  { provider: 'gemini', model: 'gemini-2.0-flash', stream: true, events: /^data: \{"candidates"/m },
  { provider: 'openai', model: 'gpt-4o-mini', stream: false, events: undefined },
] as const;

describe('recorded live, replayed with the server gone', () => {
  for (const c of CASES) {
    it(`${c.provider} ${c.stream ? 'streaming' : 'JSON'}: the same answer, usage and chunks`, async () => {
      const dir = freshDir();
      const servers = await serveMocks();
      const config = { provider: c.provider, model: c.model, api_base: servers.base(c.provider), stream: c.stream };
      recordings = startRecordings({ mode: 'auto', dir }, { live: true });
      const live = await chatInScope(config, 'Which is heavier, A or B? Say A.');
      expect(live.scope.requests).toEqual([{ key: expect.stringMatching(/^[0-9a-f]{64}$/), replayed: false }]);
      await recordings.store.close();
      await servers.close();

      const [line] = recordedLines(dir);
      expect(line!.key).toBe(live.scope.requests[0]!.key);
      if (c.events) {
        expect(line!.response.headers['content-type']).toContain('text/event-stream');
        expect(line!.response.chunks.length).toBeGreaterThan(1);
        expect(line!.response.chunks.join('')).toMatch(c.events);
      } else {
        expect(line!.response.body).toMatchObject({ object: 'chat.completion' });
      }

      const replayed = await chatInScope(config, 'Which is heavier, A or B? Say A.');
      expect(replayed.scope.requests).toEqual([{ key: line!.key, replayed: true }]);
      expect(replayed.result.text).toBe(live.result.text);
      expect(replayed.result.text).toContain('Which is heavier');
      expect(replayed.result.usage).toEqual(live.result.usage);
      expect(replayed.result.finish_reason).toBe(live.result.finish_reason);
    });
  }
});

describe('a replayed stream', () => {
  it('arrives one recorded event a chunk, marked with its recording', async () => {
    const chunks = ['data: {"choices":[{"delta":{"content":"The "}}]}\n\n', 'data: {"choices":[{"delta":{"content":"answer"}}]}\n\n', 'data: [DONE]\n\n'];
    const response = replayResponse({ status: 200, headers: { 'content-type': 'text/event-stream' }, chunks }, 'a'.repeat(64));
    expect(response.headers.get(RECORDING_HEADER)).toBe('a'.repeat(64));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const received: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) received.push(new TextDecoder().decode(read.value));
    expect(received).toEqual(chunks);
  });
});
