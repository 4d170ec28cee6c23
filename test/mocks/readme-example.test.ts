// README "The mocks in your own tests", as written there: the example must keep working as
// the mocks change. (In this repository `evalmatrix/mocks` resolves to src/mocks.)
import { http, HttpResponse } from 'msw';
import OpenAI from 'openai';
import { afterAll, afterEach, expect, it } from 'vitest';
import { mockBase, openAIError, startMockInterception } from 'evalmatrix/mocks';

const mocks = startMockInterception({ latencyMs: 5 }); // also: faults, seed
afterEach(() => mocks.resetHandlers());
afterAll(() => mocks.close());

const client = new OpenAI({ baseURL: mockBase('openai'), apiKey: 'test', maxRetries: 0 });

it('surfaces a rate limit', async () => {
  mocks.use(
    http.post(`${mockBase('openai')}/chat/completions`, () =>
      HttpResponse.json(openAIError('slow down', { type: 'rate_limit_exceeded' }), { status: 429 }),
    ),
  );
  await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow(/429/);
});

it('answers with the mock again after resetHandlers()', async () => {
  const reply = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
  expect(reply.choices[0]?.message.content).toContain('hi');
});
