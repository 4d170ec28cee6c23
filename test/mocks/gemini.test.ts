import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { geminiHandlers, UnmockedRequestError } from '../../src/mocks/index.js';
import { post } from './post.js';

const server = setupServer(...geminiHandlers());
beforeAll(() =>
  server.listen({
    onUnhandledRequest(request) {
      throw new UnmockedRequestError(request.method, request.url);
    },
  }),
);
afterAll(() => server.close());

const request = {
  systemInstruction: { parts: [{ text: 'Be brief.' }] },
  contents: [
    { role: 'user', parts: [{ text: 'Say A' }] },
    { role: 'model', parts: [{ text: 'A' }] },
    { role: 'user', parts: [{ text: 'Say B' }] },
  ],
};
const KEY = { 'x-goog-api-key': 'k' };

describe('Gemini mock', () => {
  it.each([
    'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent',
    'https://generativelanguage.googleapis.com/v1/models/gemini-2.0-flash:generateContent',
    'http://127.0.0.1:18082/v1beta/models/gemini-2.0-flash:generateContent',
    'http://127.0.0.1:18082/v1/models/gemini-2.0-flash:generateContent',
  ])('%s echoes the last user text', async (url) => {
    const { status, json } = await post(url, request, KEY);
    expect(status).toBe(200);
    expect(json).toEqual({
      candidates: [{ content: { role: 'model', parts: [{ text: 'Say B' }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: {
        promptTokenCount: Math.ceil('Be brief.\nSay A\nA\nSay B'.length / 4),
        candidatesTokenCount: 2,
        totalTokenCount: Math.ceil('Be brief.\nSay A\nA\nSay B'.length / 4) + 2,
      },
      modelVersion: 'gemini-2.0-flash',
      responseId: expect.any(String),
    });
  });

  it('takes the model from the path segment before the colon', async () => {
    const { json } = await post('http://127.0.0.1:18082/v1beta/models/gemini-1.5-pro-002:generateContent', request, KEY);
    expect(json.modelVersion).toBe('gemini-1.5-pro-002');
  });

  it('does not answer other methods of the model (countTokens)', async () => {
    await expect(post('http://127.0.0.1:18082/v1beta/models/gemini-2.0-flash:countTokens', request, KEY)).rejects.toThrow(
      /no mock answers POST http:\/\/127.0.0.1:18082\/v1beta\/models\/gemini-2.0-flash:countTokens/,
    );
  });

  it('accepts the key as ?key=', async () => {
    const { status } = await post('http://127.0.0.1:18082/v1beta/models/m:generateContent?key=k', request, {});
    expect(status).toBe(200);
  });

  it('answers a call without a key as Google does: 403 PERMISSION_DENIED', async () => {
    const { status, json } = await post('http://127.0.0.1:18082/v1beta/models/m:generateContent', request, {});
    expect(status).toBe(403);
    expect(json).toEqual({ error: { code: 403, message: expect.stringContaining('unregistered callers'), status: 'PERMISSION_DENIED' } });
  });

  it.each([
    ['no contents', {}, 'contents is not specified'],
    ['empty contents', { contents: [] }, 'contents is not specified'],
    ['a body that is not JSON', '{', 'Invalid JSON payload received.'],
  ])('answers 400 INVALID_ARGUMENT for %s', async (_what, body, message) => {
    const { status, json } = await post('http://127.0.0.1:18082/v1/models/m:generateContent', body, KEY);
    expect(status).toBe(400);
    expect(json).toEqual({ error: { code: 400, message: expect.stringContaining(message), status: 'INVALID_ARGUMENT' } });
  });
});
