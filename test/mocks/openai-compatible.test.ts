// The OpenAI, Grok and Kimi mocks (and Gemini's OpenAI route): one handler factory, five places.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createMockHandlers } from '../../src/mocks/index.js';
import { post } from './post.js';

const server = setupServer(...createMockHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const chat = { model: 'some-model', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say A' }] };

describe('OpenAI-compatible mocks', () => {
  it.each([
    ['https://api.openai.com/v1/chat/completions', 'Say A'],
    ['http://127.0.0.1:18080/v1/chat/completions', 'Say A'],
    ['http://127.0.0.1:18080/chat/completions', 'Say A'],
    ['http://localhost:18080/v1/chat/completions', 'Say A'],
    ['http://127.0.0.1:18082/v1/chat/completions', 'Say A'],
    ['https://api.x.ai/v1/chat/completions', 'mock-grok(some-model): Say A'],
    ['http://127.0.0.1:18083/v1/chat/completions', 'mock-grok(some-model): Say A'],
    ['http://127.0.0.1:18083/chat/completions', 'mock-grok(some-model): Say A'],
    ['https://api.moonshot.cn/v1/chat/completions', 'mock-kimi(some-model): Say A'],
    ['https://api.moonshot.ai/v1/chat/completions', 'mock-kimi(some-model): Say A'],
    ['http://127.0.0.1:18084/v1/chat/completions', 'mock-kimi(some-model): Say A'],
    ['http://127.0.0.1:18084/chat/completions', 'mock-kimi(some-model): Say A'],
  ])('%s answers %j in the chat.completion shape', async (url, content) => {
    const { status, json } = await post(url, chat);
    expect(status).toBe(200);
    expect(json).toEqual({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'some-model',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: Math.ceil('Be brief.\nSay A'.length / 4),
        completion_tokens: Math.ceil(content.length / 4),
        total_tokens: Math.ceil('Be brief.\nSay A'.length / 4) + Math.ceil(content.length / 4),
      },
    });
  });

  it('reads the text parts of a content list', async () => {
    const parts = { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'Say ' }, { type: 'text', text: 'B' }] }] };
    expect((await post('http://127.0.0.1:18080/v1/chat/completions', parts)).json.choices[0].message.content).toBe('Say B');
  });

  it('answers 401 in the OpenAI error shape without an Authorization header', async () => {
    const { status, json } = await post('https://api.x.ai/v1/chat/completions', chat, {});
    expect(status).toBe(401);
    expect(json).toEqual({ error: { message: expect.stringContaining('API key'), type: 'invalid_request_error', param: null, code: null } });
  });

  it.each([
    ['a body that is not JSON', '{"model":', 'We could not parse the JSON body of your request.'],
    ['no messages', { model: 'm' }, "Missing required parameter: 'messages'."],
    ['empty messages', { model: 'm', messages: [] }, "Missing required parameter: 'messages'."],
    ['no model', { messages: chat.messages }, "Missing required parameter: 'model'."],
  ])('answers 400 for %s', async (_what, body, message) => {
    const { status, json } = await post('http://127.0.0.1:18084/v1/chat/completions', body);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ message, type: 'invalid_request_error' });
  });
});
