// Options every mock handler factory takes. Read from the environment in one place:
// env-options.ts.
import type { FaultRates } from './faults/spec.js';

export interface MockOptions {
  /** Delay before each answer, in ms (EVALMATRIX_MOCK_LATENCY_MS). */
  latencyMs?: number;
  /** Share of requests answered with each fault (EVALMATRIX_MOCK_FAULTS). */
  faults?: FaultRates;
  /** Makes the faults reproducible (EVALMATRIX_MOCK_SEED; 0 when unset). */
  seed?: number;
  /** An OpenAI-compatible server the Anthropic and Gemini mocks forward to instead of echoing (MOCK_TARGET). */
  target?: MockTarget;
}

export interface MockTarget {
  /** Its base URL, up to and including /v1: `/chat/completions` is appended. */
  base: string;
  /** Sent as `Authorization: Bearer` (MOCK_TARGET_API_KEY); a placeholder otherwise. */
  apiKey?: string;
  /** The model to ask for (MOCK_TARGET_MODEL); the requested model otherwise. */
  model?: string;
}
