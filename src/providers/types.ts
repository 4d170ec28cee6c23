// The provider layer's contract with the runner. No Vitest here.
import type { ResponseFormat } from '../config/schema.js';
import type { ProviderError } from './errors.js';
import type { ParameterAdjustment } from './parameters/adjustments.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** One answered call. The runner spreads it into the inference_end event, so it stays JSON. */
export interface ChatResult {
  provider: string;
  /** The model the server says answered (falls back to the configured one). */
  model: string;
  text: string;
  finish_reason: string | null;
  usage: Usage;
  /** The successful attempt's whole exchange. */
  latency_ms: number;
  /** Requests made, the successful one included. */
  attempts: number;
  /** Total ms waited between attempts (backoff and server hints). */
  retry_wait_ms: number;
  /** Parameters the provider's rules dropped, clamped, renamed or defaulted before sending. */
  adjusted_parameters: ParameterAdjustment[];
  /** Streaming only: ms from sending to the first text. */
  ttft_ms?: number;
  /** Streaming only: completion tokens per second over the whole exchange. */
  tokens_per_second?: number;
  /** What was sent: the chat messages as rendered (each provider maps them to its wire its own
   *  way; a content past RECORDED_CONTENT_CHARS is cut, saying so), and the wire parameters after
   *  the provider's rules (never a key or a header). */
  messages: ChatMessage[];
  parameters: Record<string, unknown>;
  /** A response format was asked for: the answer parsed (and valid against the schema)… */
  output_json?: unknown;
  /** …or why not: it did not parse, or does not match the schema. */
  output_json_error?: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Structured output for this request (a prompt's); the backend's response_format when unset. */
  responseFormat?: ResponseFormat | undefined;
  signal?: AbortSignal;
  /** Told before each wait between attempts, so a caller can show that the request is retrying
   *  (and why) long before it gives up. Its errors are ignored. */
  onRetry?: (retry: RetryInfo) => void;
}

/** A request that failed and will be tried again. */
export interface RetryInfo {
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** Attempts the retry policy allows in all (max_retries + 1). */
  maxAttempts: number;
  /** How long it waits before the next one. */
  waitMs: number;
  error: ProviderError;
}

export interface ProviderClient {
  /** Canonical provider name: openai | anthropic | gemini | xai | moonshot | azure | tgi | sglang. */
  readonly provider: string;
  readonly model: string;
  readonly apiBase: string;
  chat(request: ChatRequest): Promise<ChatResult>;
}
