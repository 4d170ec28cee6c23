import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { anthropicHandlers } from '../../src/mocks/index.js';
import { post } from './post.js';

const server = setupServer(...anthropicHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const message = { model: 'claude-x', max_tokens: 64, system: 'Be brief.', messages: [{ role: 'user', content: 'Say A' }] };

describe('Anthropic mock', () => {
  it.each(['https://api.anthropic.com/v1/messages', 'http://127.0.0.1:18081/v1/messages'])('%s echoes in the message shape', async (url) => {
    const { status, json } = await post(url, message, { 'x-api-key': 'k' });
    expect(status).toBe(200);
    expect(json).toEqual({
      id: expect.stringMatching(/^msg_/),
      type: 'message',
      role: 'assistant',
      model: 'claude-x',
      content: [{ type: 'text', text: 'Say A' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: Math.ceil('Be brief.\nSay A'.length / 4), output_tokens: 2 },
    });
  });

  it('accepts Authorization: Bearer as well as x-api-key, and content blocks', async () => {
    const blocks = { ...message, messages: [{ role: 'user', content: [{ type: 'text', text: 'Say B' }] }] };
    const { json } = await post('http://127.0.0.1:18081/v1/messages', blocks, { authorization: 'Bearer k' });
    expect(json.content).toEqual([{ type: 'text', text: 'Say B' }]);
  });

  it('answers 401 authentication_error without a key', async () => {
    const { status, json } = await post('http://127.0.0.1:18081/v1/messages', message, {});
    expect(status).toBe(401);
    expect(json).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'x-api-key header is required' } });
  });

  it.each([
    ['no max_tokens', { model: 'c', messages: message.messages }, 'max_tokens: Field required'],
    ['no messages', { model: 'c', max_tokens: 5 }, 'messages: Field required'],
    ['no model', { max_tokens: 5, messages: message.messages }, 'model: Field required'],
    ['a body that is not JSON', 'nope', 'The request body is not valid JSON.'],
  ])('answers 400 invalid_request_error for %s', async (_what, body, text) => {
    const { status, json } = await post('http://127.0.0.1:18081/v1/messages', body, { 'x-api-key': 'k' });
    expect(status).toBe(400);
    expect(json).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: text }, request_id: expect.stringMatching(/^req_/) });
  });
});
