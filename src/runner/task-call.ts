// Inference for one sample: the backend's chat call, or the user's own code when the suite was
// given a `task` (defineEvalSuite(config, {task})). The task gets the sample, the rendered
// messages, the backend's client (counted), the case's abort signal and the trial's index, and
// produces the output the metrics score. Its latency is the task's own wall time; its usage is
// what it reports plus what went through `client`. A task that throws or returns something else
// fails that sample (an inference sample_error), and the others go on.
import type { ResponseFormat } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import { ProviderError } from '../providers/errors.js';
import type { ChatMessage, ChatResult, ProviderClient } from '../providers/types.js';
import { countingClient } from './counting-client.js';
import { readTaskReturn } from './task-result.js';

export interface TaskInput {
  sample: Sample;
  /** The prompt rendered for this sample: what the backend would have been sent. */
  messages: ChatMessage[];
  /** The configured backend, with its retries, rate limits and (offline) mocks. */
  client: ProviderClient;
  /** Aborts when the case is cancelled or times out: pass it on to long calls. */
  signal: AbortSignal;
  /** Which run of this sample this is, 0-based: 0 to repeats − 1 (always 0 without repeats).
   *  For seeds or logs; requests made during the call see it too (providers/trial-context.ts). */
  trial: number;
}

export type TaskReturn = string | { output: string; usage?: { prompt_tokens?: number; completion_tokens?: number }; metadata?: Record<string, unknown> };
export type TaskFunction = (input: TaskInput) => TaskReturn | Promise<TaskReturn>;

/** What inference_end records: the chat result, and for a task what only it can say. */
export type Inference = ChatResult & {
  messages?: ChatMessage[];
  task?: true;
  client_calls?: number;
  client_messages?: ChatMessage[][];
  metadata?: Record<string, unknown>;
};

export type Infer = (sample: Sample, messages: ChatMessage[], signal: AbortSignal | undefined, trial: number) => Promise<Inference>;

export class TaskError extends Error {
  override readonly name = 'TaskError';
}

/** `responseFormat`: the prompt's, which wins over the backend's (the client applies that). */
export function inferenceFor(client: ProviderClient, task: TaskFunction | undefined, responseFormat?: ResponseFormat): Infer {
  if (task === undefined) return (_sample, messages, signal) => client.chat({ messages, responseFormat, ...(signal ? { signal } : {}) });
  return (sample, messages, signal, trial) => runTask(task, client, { sample, messages, signal: signal ?? new AbortController().signal, trial });
}

async function runTask(task: TaskFunction, backend: ProviderClient, input: Omit<TaskInput, 'client'>): Promise<Inference> {
  const { client, tally } = countingClient(backend);
  const started = performance.now();
  let returned: unknown;
  try {
    returned = await task({ ...input, client });
  } catch (error) {
    // A provider error keeps its status and attempts; anything else says the task threw it.
    if (error instanceof ProviderError) throw error;
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new TaskError(`the task threw ${what}`, { cause: error });
  }
  const latency_ms = Math.round(performance.now() - started);
  const { output, usage, metadata } = readTaskReturn(returned);
  return {
    provider: backend.provider,
    model: tally.last?.model ?? backend.model,
    text: output,
    finish_reason: tally.last?.finish_reason ?? null,
    usage: { prompt_tokens: usage.prompt_tokens + tally.usage.prompt_tokens, completion_tokens: usage.completion_tokens + tally.usage.completion_tokens },
    latency_ms,
    attempts: tally.attempts,
    retry_wait_ms: Math.round(tally.retryWaitMs),
    adjusted_parameters: tally.last?.adjusted_parameters ?? [],
    messages: input.messages,
    // What the task's last call through `client` sent; a task that made none sent nothing of ours.
    parameters: tally.last?.parameters ?? {},
    task: true,
    client_calls: tally.calls,
    client_messages: tally.messages,
    ...(metadata === undefined ? {} : { metadata }),
  };
}
