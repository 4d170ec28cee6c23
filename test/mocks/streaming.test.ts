// The mocks' streams on the wire, as each provider sends them: SSE framing, event order, where
// the finish reason and the usage ride.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createMockHandlers } from '../../src/mocks/index.js';

const server = setupServer(...createMockHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function stream(url: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  const events = text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: ?(.*)$/m.exec(block)![1]!;
      return { event, data: data === '[DONE]' ? data : JSON.parse(data) };
    });
  return { response, text, events };
}

const chat = { model: 'm', messages: [{ role: 'user', content: 'Say A now' }], stream: true };

describe('OpenAI-compatible streams', () => {
  it('chat.completion.chunk deltas, the finish chunk, usage when asked, [DONE]', async () => {
    const { response, events } = await stream('http://127.0.0.1:18080/v1/chat/completions', { ...chat, stream_options: { include_usage: true } }, { authorization: 'Bearer k' });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const chunks = events.slice(0, -1).map((e) => e.data);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'm' && c.id === chunks[0].id)).toBe(true);
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('Say A now');
    expect(chunks.at(-2).choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 } });
    expect(events.at(-1)!.data).toBe('[DONE]');
  });

  it('no usage chunk unless asked; Kimi puts usage in the last choice', async () => {
    const plain = await stream('http://127.0.0.1:18083/v1/chat/completions', chat, { authorization: 'Bearer k' });
    expect(plain.events.some((e) => e.data !== '[DONE]' && 'usage' in e.data)).toBe(false);
    const kimi = await stream('http://127.0.0.1:18084/v1/chat/completions', chat, { authorization: 'Bearer k' });
    expect(kimi.events.at(-2)!.data.choices[0]).toMatchObject({ finish_reason: 'stop', usage: { completion_tokens: expect.any(Number) } });
  });
});

describe('Anthropic stream', () => {
  it('named events in order, text deltas, stop reason and output tokens in message_delta', async () => {
    const { events } = await stream('http://127.0.0.1:18081/v1/messages', { ...chat, max_tokens: 64 }, { 'x-api-key': 'k' });
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events.every((e) => e.data.type === e.event)).toBe(true);
    expect(events[0]!.data.message).toMatchObject({ model: 'm', content: [], stop_reason: null, usage: { input_tokens: 3 } });
    expect(events.filter((e) => e.event === 'content_block_delta').map((e) => e.data.delta.text).join('')).toBe('Say A now');
    expect(events[7]!.data).toEqual({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 3 } });
  });
});

describe('Gemini stream', () => {
  const body = { contents: [{ role: 'user', parts: [{ text: 'Say A now' }] }] };
  const url = 'http://127.0.0.1:18082/v1beta/models/gemini-2.0-flash:streamGenerateContent';

  it('alt=sse: partial responses, the last with finishReason', async () => {
    const { events } = await stream(`${url}?alt=sse`, body, { 'x-goog-api-key': 'k' });
    expect(events.map((e) => e.data.candidates[0].content.parts[0].text).join('')).toBe('Say A now');
    expect(events.map((e) => e.data.candidates[0].finishReason)).toEqual([undefined, undefined, 'STOP']);
    expect(events.at(-1)!.data.usageMetadata).toEqual({ promptTokenCount: 3, candidatesTokenCount: 3, totalTokenCount: 6 });
  });

  it('without alt=sse: one JSON array of the same responses', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'x-goog-api-key': 'k' }, body: JSON.stringify(body) });
    const chunks = (await response.json()) as Array<{ candidates: Array<{ content: { parts: Array<{ text: string }> } }> }>;
    expect(chunks.map((c) => c.candidates[0]!.content.parts[0]!.text).join('')).toBe('Say A now');
  });
});

describe('TGI /generate_stream', () => {
  it('a token an event (data: without a space), the whole text and details at the end', async () => {
    const { text, events } = await stream('http://127.0.0.1:18085/generate_stream', { inputs: 'Say A now', parameters: { max_new_tokens: 20 } });
    expect(text.startsWith('data:{')).toBe(true);
    expect(events.map((e) => e.data.token.text).join('')).toBe('Say A now');
    expect(events.slice(0, -1).every((e) => e.data.generated_text === null && e.data.details === null)).toBe(true);
    expect(events.at(-1)!.data).toMatchObject({ generated_text: 'Say A now', details: { finish_reason: 'eos_token', generated_tokens: 3 } });
  });
});

describe('SGLang /generate stream', () => {
  it('the text so far in each event, finish reason last, then [DONE]', async () => {
    const { events } = await stream('http://127.0.0.1:18086/generate', { text: 'Say A now', sampling_params: { max_new_tokens: 2 }, stream: true });
    // Two tokens are about eight characters: the reply is cut there.
    expect(events.slice(0, -1).map((e) => e.data.text)).toEqual(['Say ', 'Say A ', 'Say A no']);
    expect(events.at(-2)!.data.meta_info).toMatchObject({ finish_reason: { type: 'length', length: 2 }, completion_tokens: 2 });
    expect(events.at(-1)!.data).toBe('[DONE]');
  });
});
