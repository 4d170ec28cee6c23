// Records the JSON body of every request the mocks are about to answer, without answering it
// (the resolver returns nothing, so MSW goes on to the mocks): what a client really sent.
import { http } from 'msw';
import type { MockInterception } from '../../src/mocks/index.js';

export function captureBodies(server: MockInterception): Array<Record<string, unknown>> {
  const bodies: Array<Record<string, unknown>> = [];
  server.use(
    http.post(/.*/, async ({ request }) => {
      bodies.push((await request.clone().json()) as Record<string, unknown>);
    }),
  );
  return bodies;
}
