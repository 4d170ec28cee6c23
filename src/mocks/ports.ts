// The seed layout's five local mock ports, and the api_base a backend uses to reach each mock.

export const MOCK_PORTS = { openai: 18080, anthropic: 18081, gemini: 18082, grok: 18083, kimi: 18084 } as const;
export type MockProvider = keyof typeof MOCK_PORTS;

/** Both spellings of the local host, so `localhost` in an api_base is mocked like 127.0.0.1. */
export function localOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** The api_base for a backend config that should talk to this mock. */
export function mockBase(provider: MockProvider): string {
  const origin = `http://127.0.0.1:${MOCK_PORTS[provider]}`;
  // Anthropic's base is the bare host (its client appends /v1/messages); Gemini's client adds
  // the version; the OpenAI-compatible ones include /v1 as their public bases do.
  return provider === 'anthropic' || provider === 'gemini' ? origin : `${origin}/v1`;
}
