// A ProviderClient around one protocol: every attempt passes the shared limiter, failures go
// through the one retry policy, and the result says what was sent (messages and wire
// parameters), how many attempts and how much waiting it took, which parameters were adjusted,
// and, when a response format asked for JSON, the parsed answer or why there is none.
import type { ResponseFormat } from '../config/schema.js';
import { attempt, type AttemptResult } from './attempt.js';
import type { ClientSettings } from './client-settings.js';
import { redactKey } from './error-mapping.js';
import { ProviderError } from './errors.js';
import type { Limiter } from './limiter/limiter.js';
import type { ParameterAdjustment } from './parameters/adjustments.js';
import type { PlannedCall, Protocol } from './protocol.js';
import { allowedRetries, retryWaitMs } from './retry/decision.js';
import type { RetryPolicy } from './retry/policy.js';
import { jsonOutcome } from './structured/answer.js';
import { structuredFormat, type StructuredFormat } from './structured/format.js';
import type { ChatMessage, ChatRequest, ChatResult, ProviderClient, RetryInfo } from './types.js';

export interface CallDeps {
  limiter: Limiter;
  policy: RetryPolicy;
  /** Waits between attempts; rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Jitter source in [0, 1). */
  random(): number;
  /** What the parameter rules changed in the backend's generation_parameters. */
  adjustments: ParameterAdjustment[];
  /** The backend's response_format, for requests that bring none of their own. */
  responseFormat?: ResponseFormat | undefined;
  /** The most tokens one answer may use, for the tokens-per-minute estimate. */
  maxOutputTokens: number;
}

interface Plan extends PlannedCall {
  format: StructuredFormat | undefined;
  /** The generation parameters' adjustments and the response format's, as recorded. */
  allAdjustments: ParameterAdjustment[];
}

export function providerClient(settings: ClientSettings, protocol: Protocol, deps: CallDeps): ProviderClient {
  // A plan per response format (the backend's and each prompt's): planned once, not per sample.
  const plans = new Map<ResponseFormat | undefined, Plan>();
  const planFor = (requested: ResponseFormat | undefined): Plan => {
    let plan = plans.get(requested);
    if (plan === undefined) {
      const format = structuredFormat(requested);
      const planned = protocol.plan(format);
      plan = { ...planned, format, allAdjustments: [...deps.adjustments, ...planned.adjustments] };
      plans.set(requested, plan);
    }
    return plan;
  };
  // Until the protocol has what its first request needs (see Protocol.prepare).
  let preparing = protocol.prepare?.().then(() => {
    preparing = undefined;
  });
  preparing?.catch(() => undefined); // a failed load surfaces from chat(), not as unhandled
  return {
    provider: settings.provider,
    model: settings.model,
    apiBase: settings.apiBase,
    async chat({ messages, signal, responseFormat, onRetry }: ChatRequest): Promise<ChatResult> {
      if (preparing) await preparing;
      const plan = planFor(responseFormat ?? deps.responseFormat);
      const estimate = estimateTokens(messages) + deps.maxOutputTokens;
      let waited = 0;
      for (let attempts = 1; ; attempts += 1) {
        const lease = await deps.limiter.acquire(estimate, signal);
        let result: AttemptResult;
        try {
          result = await attempt(settings, plan.send, messages, signal);
        } catch (error) {
          if (!(error instanceof ProviderError)) {
            lease.release({});
            throw error;
          }
          const rateLimited = error.status === 429;
          const reached = error.type === 'http' || error.type === 'malformed';
          lease.release({ rateLimited, reached, ...(rateLimited && error.retryAfterMs !== undefined ? { pauseMs: error.retryAfterMs } : {}) });
          const wait = retryWaitMs(error, attempts, deps.policy, deps.random(), deps.limiter);
          if (wait === undefined) throw error.afterAttempts(attempts, Math.round(waited));
          tell(onRetry, { attempt: attempts, maxAttempts: allowedRetries(error, deps.policy, deps.limiter) + 1, waitMs: wait, error });
          await deps.sleep(wait, signal);
          waited += wait;
          continue;
        }
        const { usage } = result.completion;
        lease.release({ ok: true, tokensUsed: usage.prompt_tokens + usage.completion_tokens });
        return chatResult(settings, result, { attempts, waited, messages, plan });
      }
    },
  };
}

/** A listener that throws must not turn a retry into a failure. */
function tell(onRetry: ChatRequest['onRetry'], retry: RetryInfo): void {
  try {
    onRetry?.(retry);
  } catch {
    // ignored: the notice is for display only
  }
}

function chatResult(settings: ClientSettings, result: AttemptResult, sent: { attempts: number; waited: number; messages: ChatMessage[]; plan: Plan }): ChatResult {
  const { completion, latency_ms, ttft_ms } = result;
  // A server that echoes the key back must not get it into events.jsonl.
  const text = redactKey(completion.text, settings.apiKey);
  return {
    provider: settings.provider,
    model: completion.model,
    text,
    finish_reason: completion.finish_reason,
    usage: completion.usage,
    latency_ms,
    attempts: sent.attempts,
    retry_wait_ms: Math.round(sent.waited),
    adjusted_parameters: sent.plan.allAdjustments,
    ...(settings.stream ? streamTimings(ttft_ms, latency_ms, completion.usage.completion_tokens) : {}),
    messages: recordedMessages(sent.messages),
    parameters: sent.plan.parameters,
    ...(sent.plan.format === undefined ? {} : jsonOutcome(text, sent.plan.format)),
  };
}

function streamTimings(ttftMs: number | undefined, latencyMs: number, completionTokens: number) {
  return {
    ...(ttftMs === undefined ? {} : { ttft_ms: ttftMs }),
    ...(latencyMs > 0 ? { tokens_per_second: (completionTokens * 1000) / latencyMs } : {}),
  };
}

/** The longest message content an event records; a longer one is cut, saying how much was left
 *  out. Every inference_end carries its messages, so a long-context eval (a whole document per
 *  sample) would otherwise write it once per sample into events.jsonl. */
export const RECORDED_CONTENT_CHARS = 20_000;

function recordedMessages(messages: ChatMessage[]): ChatMessage[] {
  if (messages.every((m) => m.content.length <= RECORDED_CONTENT_CHARS)) return messages;
  return messages.map((m) =>
    m.content.length <= RECORDED_CONTENT_CHARS ? m : { ...m, content: `${m.content.slice(0, RECORDED_CONTENT_CHARS)}… [${(m.content.length - RECORDED_CONTENT_CHARS).toLocaleString('en-US')} more characters not recorded]` },
  );
}

/** About four characters a token: enough to keep a tokens-per-minute budget honest. */
function estimateTokens(messages: ChatMessage[]): number {
  return Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4);
}
