// A ProviderClient around one protocol: every attempt passes the shared limiter, failures go
// through the one retry policy, and the result says how many attempts and how much waiting it
// took and which parameters were adjusted.
import { attempt, type AttemptResult } from './attempt.js';
import type { ClientSettings } from './client-settings.js';
import { redactKey } from './error-mapping.js';
import { ProviderError } from './errors.js';
import type { Limiter } from './limiter/limiter.js';
import type { ParameterAdjustment } from './parameters/adjustments.js';
import type { Protocol } from './protocol.js';
import { retryWaitMs } from './retry/decision.js';
import type { RetryPolicy } from './retry/policy.js';
import type { ChatMessage, ChatRequest, ChatResult, ProviderClient } from './types.js';

export interface CallDeps {
  limiter: Limiter;
  policy: RetryPolicy;
  /** Waits between attempts; rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Jitter source in [0, 1). */
  random(): number;
  adjustments: ParameterAdjustment[];
  /** The most tokens one answer may use, for the tokens-per-minute estimate. */
  maxOutputTokens: number;
}

export function providerClient(settings: ClientSettings, protocol: Protocol, deps: CallDeps): ProviderClient {
  return {
    provider: settings.provider,
    model: settings.model,
    apiBase: settings.apiBase,
    async chat({ messages, signal }: ChatRequest): Promise<ChatResult> {
      const estimate = estimateTokens(messages) + deps.maxOutputTokens;
      let waited = 0;
      for (let attempts = 1; ; attempts += 1) {
        const lease = await deps.limiter.acquire(estimate, signal);
        let result: AttemptResult;
        try {
          result = await attempt(settings, protocol, messages, signal);
        } catch (error) {
          if (!(error instanceof ProviderError)) {
            lease.release({});
            throw error;
          }
          const rateLimited = error.status === 429;
          lease.release({ rateLimited, ...(rateLimited && error.retryAfterMs !== undefined ? { pauseMs: error.retryAfterMs } : {}) });
          const wait = retryWaitMs(error, attempts, deps.policy, deps.random());
          if (wait === undefined) throw error.afterAttempts(attempts, Math.round(waited));
          await deps.sleep(wait, signal);
          waited += wait;
          continue;
        }
        const { usage } = result.completion;
        lease.release({ ok: true, tokensUsed: usage.prompt_tokens + usage.completion_tokens });
        return chatResult(settings, result, attempts, waited, deps.adjustments);
      }
    },
  };
}

function chatResult(settings: ClientSettings, result: AttemptResult, attempts: number, waited: number, adjustments: ParameterAdjustment[]): ChatResult {
  const { completion, latency_ms, ttft_ms } = result;
  return {
    provider: settings.provider,
    model: completion.model,
    // A server that echoes the key back must not get it into events.jsonl.
    text: redactKey(completion.text, settings.apiKey),
    finish_reason: completion.finish_reason,
    usage: completion.usage,
    latency_ms,
    attempts,
    retry_wait_ms: Math.round(waited),
    adjusted_parameters: adjustments,
    ...(settings.stream ? streamTimings(ttft_ms, latency_ms, completion.usage.completion_tokens) : {}),
  };
}

function streamTimings(ttftMs: number | undefined, latencyMs: number, completionTokens: number) {
  return {
    ...(ttftMs === undefined ? {} : { ttft_ms: ttftMs }),
    ...(latencyMs > 0 ? { tokens_per_second: (completionTokens * 1000) / latencyMs } : {}),
  };
}

/** About four characters a token: enough to keep a tokens-per-minute budget honest. */
function estimateTokens(messages: ChatMessage[]): number {
  return Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4);
}
