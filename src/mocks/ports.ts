// The seed layout's five local mock ports (and TGI's and SGLang's next to them), and the
// api_base a backend uses to reach each mock.

export const MOCK_PORTS = { openai: 18080, anthropic: 18081, gemini: 18082, grok: 18083, kimi: 18084 } as const;
export type MockProvider = keyof typeof MOCK_PORTS;

/** Both spellings of the local host, so `localhost` in an api_base is mocked like 127.0.0.1. */
export function localOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** The api_base for a backend config that should talk to this mock (on another port when served elsewhere). */
export function mockBase(provider: MockProvider, port: number = MOCK_PORTS[provider]): string {
  const origin = `http://127.0.0.1:${port}`;
  // Anthropic's base is the bare host (its client appends /v1/messages); Gemini's client adds
  // the version; the OpenAI-compatible ones include /v1 as their public bases do.
  return provider === 'anthropic' || provider === 'gemini' ? origin : `${origin}/v1`;
}

/** Self-hosted servers' mocks, beside the seed layout: their native routes sit at the root. */
export const SELF_HOSTED_MOCK_PORTS = { tgi: 18085, sglang: 18086 } as const;
export type SelfHostedMock = keyof typeof SELF_HOSTED_MOCK_PORTS;

export function selfHostedMockBase(server: SelfHostedMock, port: number = SELF_HOSTED_MOCK_PORTS[server]): string {
  return `http://127.0.0.1:${port}`;
}

/** Every mock `mock serve` can run: the five providers and the two self-hosted servers. */
export type ServableMock = MockProvider | SelfHostedMock;
export const SERVABLE_MOCK_PORTS: Readonly<Record<ServableMock, number>> = { ...MOCK_PORTS, ...SELF_HOSTED_MOCK_PORTS };

/** The api_base that reaches a servable mock listening on `port`. */
export function servedMockBase(mock: ServableMock, port: number): string {
  return Object.hasOwn(SELF_HOSTED_MOCK_PORTS, mock) ? selfHostedMockBase(mock as SelfHostedMock, port) : mockBase(mock as MockProvider, port);
}
