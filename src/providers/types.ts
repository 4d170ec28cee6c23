// The provider layer's contract with the runner. No Vitest here.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface ChatResult {
  provider: string;
  /** The model the server says answered (falls back to the configured one). */
  model: string;
  text: string;
  finish_reason: string | null;
  usage: Usage;
  latency_ms: number;
  attempts: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  signal?: AbortSignal;
}

export interface ProviderClient {
  /** Canonical provider name: openai | anthropic | gemini | xai | moonshot | azure. */
  readonly provider: string;
  readonly model: string;
  readonly apiBase: string;
  chat(request: ChatRequest): Promise<ChatResult>;
}
