// An HTTP proxy in front of `evalmatrix mock serve`, counting what reaches the providers: one
// port for the whole test (recordings key requests by URL, so the bases must not move when the
// server restarts on new ports), routing /<provider>/… to that provider's mock.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  provider: string;
  path: string;
  body: string;
}

export interface CountingProxy {
  /** The api_base a backend of `provider` gets (with `suffix`, e.g. /v1). */
  base(provider: string, suffix?: string): string;
  /** Where each provider's mock is now (origins); a provider with none answers 502. */
  route(origins: Record<string, string>): void;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startCountingProxy(): Promise<CountingProxy> {
  let origins: Record<string, string> = {};
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [, provider = '', ...rest] = (req.url ?? '/').split('/');
      const path = `/${rest.join('/')}`;
      const body = Buffer.concat(chunks);
      seen.push({ provider, path, body: body.toString('utf8') });
      const origin = origins[provider];
      if (origin === undefined) return void res.writeHead(502).end('no upstream');
      const upstream = httpRequest(`${origin}${path}`, { method: req.method, headers: { ...req.headers, host: new URL(origin).host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end('upstream down'));
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: (provider, suffix = '') => `http://127.0.0.1:${port}/${provider}${suffix}`,
    route(next) {
      origins = next;
    },
    seen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
