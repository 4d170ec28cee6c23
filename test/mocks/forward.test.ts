// MOCK_TARGET: the Anthropic and Gemini mocks answer through an OpenAI-compatible server,
// translating both ways — the in-process OpenAI mock, or a real server on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { anthropicHandlers, geminiHandlers, openAIHandlers } from '../../src/mocks/index.js';
import { post } from './post.js';

/** A downstream on loopback that answers in upper case, and remembers what it was asked. */
let downstream: Server;
let downstreamBase: string;
const asked: Array<Record<string, unknown>> = [];
beforeAll(async () => {
  downstream = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { model: string; messages: Array<{ content: string }> };
      asked.push({ ...body, authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (body.model === 'busy') {
        res.statusCode = 429;
        res.end(JSON.stringify({ error: { message: 'downstream is busy', type: 'requests', param: null, code: null } }));
        return;
      }
      res.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: body.messages.at(-1)!.content.toUpperCase() }, finish_reason: 'length' }],
          usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => downstream.listen(0, '127.0.0.1', resolve));
  downstreamBase = `http://127.0.0.1:${(downstream.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise((resolve) => downstream.close(resolve)));

const anthropicRequest = { model: 'claude-x', max_tokens: 64, system: 'Be brief.', messages: [{ role: 'user', content: 'say a' }] };
const geminiRequest = { systemInstruction: { parts: [{ text: 'Be brief.' }] }, contents: [{ role: 'user', parts: [{ text: 'say a' }] }] };

describe('forwarding to a real server on 127.0.0.1', () => {
  const server = setupServer();
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.use(...anthropicHandlers({ target: { base: downstreamBase, apiKey: 'downstream-key', model: 'local-model' } }), ...geminiHandlers({ target: { base: downstreamBase } }));
  });
  afterAll(() => server.close());

  it('Anthropic: the request in OpenAI form there, the answer in Anthropic form back', async () => {
    const { status, json } = await post('http://127.0.0.1:18081/v1/messages', anthropicRequest, { 'x-api-key': 'k' });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      type: 'message',
      model: 'claude-x',
      content: [{ type: 'text', text: 'SAY A' }],
      stop_reason: 'max_tokens',
      usage: { input_tokens: 11, output_tokens: 7 },
    });
    expect(asked.at(-1)).toEqual({
      model: 'local-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'say a' },
      ],
      max_tokens: 64,
      authorization: 'Bearer downstream-key',
    });
  });

  it('Gemini: contents and generationConfig there, candidates back', async () => {
    const { json } = await post('http://127.0.0.1:18082/v1beta/models/gemini-x:generateContent', { ...geminiRequest, generationConfig: { maxOutputTokens: 9, stopSequences: ['!'] } }, { 'x-goog-api-key': 'k' });
    expect(json).toMatchObject({
      candidates: [{ content: { role: 'model', parts: [{ text: 'SAY A' }] }, finishReason: 'MAX_TOKENS' }],
      usageMetadata: { promptTokenCount: 11, candidatesTokenCount: 7, totalTokenCount: 18 },
      modelVersion: 'gemini-x',
    });
    expect(asked.at(-1)).toMatchObject({ model: 'gemini-x', max_tokens: 9, stop: ['!'] });
  });

  it('a downstream error comes back in the provider’s own error shape', async () => {
    server.use(...anthropicHandlers({ target: { base: downstreamBase, model: 'busy' } }));
    const busy = await post('http://127.0.0.1:18081/v1/messages', anthropicRequest, { 'x-api-key': 'k' });
    expect(busy).toMatchObject({ status: 429, json: { type: 'error', error: { type: 'rate_limit_error', message: 'downstream is busy' } } });
  });

  it('streams the forwarded answer in the provider’s stream format', async () => {
    const response = await fetch('http://127.0.0.1:18082/v1beta/models/gemini-x:streamGenerateContent?alt=sse', {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k' },
      body: JSON.stringify(geminiRequest),
    });
    const text = await response.text();
    expect(text).toContain('"text":"SAY "');
    expect(text).toContain('"finishReason":"MAX_TOKENS"');
  });
});

describe('forwarding to the in-process OpenAI mock', () => {
  const server = setupServer();
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.use(...openAIHandlers(), ...anthropicHandlers({ target: { base: 'http://127.0.0.1:18080/v1' } }));
  });
  afterAll(() => server.close());

  it('answers without leaving the process', async () => {
    const before = asked.length;
    const { status, json } = await post('http://127.0.0.1:18081/v1/messages', anthropicRequest, { authorization: 'Bearer k' });
    expect(status).toBe(200);
    expect(json.content).toEqual([{ type: 'text', text: 'say a' }]);
    expect(json.stop_reason).toBe('end_turn');
    expect(asked.length).toBe(before);
  });
});
