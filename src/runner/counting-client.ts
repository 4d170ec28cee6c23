// The backend's ProviderClient as a task sees it: the same calls (retries, limiter, mocks), but
// counted, so the sample's inference_end can say what went through it: tokens, attempts, the
// waiting between them, and the messages each call sent.
import type { ChatMessage, ChatRequest, ChatResult, ProviderClient, Usage } from '../providers/types.js';

export interface ClientTally {
  calls: number;
  usage: Usage;
  attempts: number;
  retryWaitMs: number;
  /** The messages of each call, in the order the calls were made. */
  messages: ChatMessage[][];
  /** The last answer, for the model and finish_reason it reported. */
  last: ChatResult | undefined;
}

export function countingClient(client: ProviderClient): { client: ProviderClient; tally: ClientTally } {
  const tally: ClientTally = { calls: 0, usage: { prompt_tokens: 0, completion_tokens: 0 }, attempts: 0, retryWaitMs: 0, messages: [], last: undefined };
  const counted: ProviderClient = {
    provider: client.provider,
    model: client.model,
    apiBase: client.apiBase,
    async chat(request: ChatRequest): Promise<ChatResult> {
      tally.calls += 1;
      tally.messages.push(request.messages.map((m) => ({ role: m.role, content: m.content })));
      const result = await client.chat(request);
      tally.usage.prompt_tokens += result.usage.prompt_tokens;
      tally.usage.completion_tokens += result.usage.completion_tokens;
      tally.attempts += result.attempts;
      tally.retryWaitMs += result.retry_wait_ms;
      tally.last = result;
      return result;
    },
  };
  return { client: counted, tally };
}
