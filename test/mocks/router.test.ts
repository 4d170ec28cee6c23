// The router must choose exactly what MSW would choose with one handler per route: the same
// route (first match wins), the same path parameters, and nothing where MSW finds nothing.
import { describe, expect, it } from 'vitest';
import { getResponse, http, HttpResponse } from 'msw';
import { anthropicRoutes } from '../../src/mocks/handlers/anthropic.js';
import { geminiRoutes } from '../../src/mocks/handlers/gemini.js';
import { grokRoutes } from '../../src/mocks/handlers/grok.js';
import { kimiRoutes } from '../../src/mocks/handlers/kimi.js';
import { openAIRoutes } from '../../src/mocks/handlers/openai.js';
import { sglangRoutes } from '../../src/mocks/handlers/sglang.js';
import { tgiRoutes } from '../../src/mocks/handlers/tgi.js';
import { createRouteMatcher, mockRouter, type MockRoute } from '../../src/mocks/router.js';

// Every real route, its resolver swapped for one that names the route and echoes its params.
const realRoutes = [...openAIRoutes(), ...anthropicRoutes(), ...geminiRoutes(), ...grokRoutes(), ...kimiRoutes(), ...tgiRoutes(), ...sglangRoutes()];
const tagged: MockRoute[] = realRoutes.map((route, index) => ({
  ...route,
  resolver: ({ params }) => HttpResponse.json({ route: index, params }),
}));

/** A URL each route pattern answers, with the Gemini model filled in. */
const concrete = (path: string, model = 'gemini-2.0-flash'): string => path.replace(':model\\:', `${model}:`);

const urls = [
  ...tagged.map((route) => concrete(route.path)),
  ...tagged.map((route) => `${concrete(route.path)}?key=secret&alt=sse`),
  ...tagged.map((route) => `${concrete(route.path)}/`),
  concrete('http://127.0.0.1:18082/v1beta/models/:model\\:generateContent', 'tuned%2Fmodel-7'),
  concrete('http://127.0.0.1:18082/v1beta/models/:model\\:generateContent', 'gemini-1.5-pro'),
  'http://127.0.0.1:18082/v1beta/models/gemini-2.0-flash:countTokens',
  'http://127.0.0.1:18080/v2/chat/completions',
  'http://127.0.0.1:18089/v1/chat/completions',
  'https://api.openai.com/v1/chat/completions#fragment',
  'http://LOCALHOST:18081/v1/messages',
];

async function answer(handlers: Parameters<typeof getResponse>[0], method: string, url: string): Promise<unknown> {
  const response = await getResponse(handlers, new Request(url, method === 'GET' ? { method } : { method, body: '{}' }));
  return response === undefined ? 'unhandled' : response.json();
}

describe('mock router', () => {
  const perRoute = tagged.map((route) => http.post(route.path, route.resolver));

  it.each(urls.flatMap((url) => [['POST', url] as const, ['GET', url] as const]))('%s %s: the same answer as one MSW handler per route', async (method, url) => {
    // A fresh router per URL, then the same router asked twice: the remembered answer must match too.
    const router = [mockRouter(tagged)];
    const expected = await answer(perRoute, method, url);
    expect(await answer(router, method, url)).toEqual(expected);
    expect(await answer(router, method, url)).toEqual(expected);
  });

  it('answers every URL it was built for and only those (so the comparison is not all "unhandled")', async () => {
    const answers = await Promise.all(urls.map((url) => answer([mockRouter(tagged)], 'POST', url)));
    expect(urls.filter((_, i) => answers[i] === 'unhandled')).toEqual([
      'http://127.0.0.1:18082/v1beta/models/gemini-2.0-flash:countTokens',
      'http://127.0.0.1:18080/v2/chat/completions',
      'http://127.0.0.1:18089/v1/chat/completions',
    ]);
  });

  it('lets the earlier of two overlapping routes win, as MSW does', async () => {
    const overlapping: MockRoute[] = ['http://127.0.0.1:9/x/:id', 'http://127.0.0.1:9/x/special'].map((path, index) => ({
      method: 'POST',
      path,
      resolver: () => HttpResponse.json({ route: index }),
    }));
    for (const routes of [overlapping, [...overlapping].reverse()]) {
      const msw = await answer(routes.map((route) => http.post(route.path, route.resolver)), 'POST', 'http://127.0.0.1:9/x/special');
      expect(await answer([mockRouter(routes)], 'POST', 'http://127.0.0.1:9/x/special')).toEqual(msw);
      expect(msw).toEqual({ route: routes === overlapping ? 0 : 1 });
    }
  });

  it('keeps each URL’s own parameters once remembered', () => {
    const match = createRouteMatcher(tagged);
    const base = 'http://127.0.0.1:18082/v1beta/models/:model\\:generateContent';
    expect(match('POST', concrete(base, 'a'))?.params).toEqual({ model: 'a' });
    expect(match('POST', concrete(base, 'b'))?.params).toEqual({ model: 'b' });
    expect(match('POST', `${concrete(base, 'a')}?key=x`)?.params).toEqual({ model: 'a' });
  });

  it('answers with a Response a route throws, as msw does, and names the way out when a route asks for finalize()', async () => {
    const routes: MockRoute[] = [
      { method: 'POST', path: 'http://127.0.0.1:9/thrown', resolver: () => { throw HttpResponse.json({ thrown: true }, { status: 418 }); } },
      { method: 'POST', path: 'http://127.0.0.1:9/finalize', resolver: ({ finalize }) => (finalize(() => undefined), HttpResponse.json({})) },
    ];
    const thrown = await getResponse([mockRouter(routes)], new Request('http://127.0.0.1:9/thrown', { method: 'POST', body: '{}' }));
    expect([thrown?.status, await thrown?.json()]).toEqual([418, { thrown: true }]);
    await expect(getResponse([mockRouter(routes)], new Request('http://127.0.0.1:9/finalize', { method: 'POST', body: '{}' }))).rejects.toThrow(
      'mock routes cannot use finalize(); for a handler that needs it, add an msw handler with startMockInterception().use()',
    );
  });

  it('stays right past its memory limit', () => {
    const match = createRouteMatcher(tagged);
    const base = 'http://127.0.0.1:18082/v1/models/:model\\:streamGenerateContent';
    for (let i = 0; i < 3000; i++) expect(match('POST', concrete(base, `m${i}`))?.params).toEqual({ model: `m${i}` });
  });
});
