// The event protocol: what a case emits while it runs, and how one line of events.jsonl is
// encoded. The runner emits events without run_id/event_id; the reporter stamps both when it
// writes them, because only it knows the run and the order of the file.
import { z } from 'zod';
import { ADJUSTMENT_ACTIONS } from '../providers/parameters/adjustments.js';

const usageSchema = z.object({ prompt_tokens: z.number(), completion_tokens: z.number() });

/** A chat message as sent (after rendering). */
const messageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });

/** 0-based trial index, present when a task repeats each sample (`repeats` > 1). */
const trial = z.number().int().min(0).optional();

export const caseStartPayload = z.object({
  task_id: z.string(),
  model: z.string(),
  provider: z.string(),
  provider_model: z.string(),
  mode: z.enum(['mock', 'live']),
  max_samples: z.number().nullable(),
  concurrency: z.number(),
  /** The case's metrics in order, and its trials per sample: what makes a sample finished. */
  metric_ids: z.array(z.string()).optional(),
  repeats: z.number().optional(),
  /** Hashes of what defines the case (runner/case-fingerprint.ts): a resume checks them. */
  fingerprint: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** This case_start begins a resumed part of the run (README "Resuming a run"). */
  resumed: z
    .object({ rerun: z.enum(['unfinished', 'errors']), kept_samples: z.number(), kept_trials: z.number() })
    .optional(),
});

export const inferenceEndPayload = z.object({
  provider: z.string(),
  model: z.string(),
  text: z.string(),
  finish_reason: z.string().nullable(),
  usage: usageSchema,
  latency_ms: z.number(),
  attempts: z.number(),
  /** ms waited between attempts (backoff and server hints). */
  retry_wait_ms: z.number().optional(),
  /** What the provider's parameter rules dropped, clamped, renamed or defaulted before sending. */
  adjusted_parameters: z
    .array(
      z.object({
        parameter: z.string(),
        action: z.enum(ADJUSTMENT_ACTIONS),
        value: z.unknown().optional(),
        sent: z.unknown().optional(),
        reason: z.string(),
      }),
    )
    .optional(),
  /** Streaming backends: ms to the first text, and completion tokens per second. */
  ttft_ms: z.number().optional(),
  tokens_per_second: z.number().optional(),
  /** What was sent: the rendered chat messages, and the parameters after the provider's rules. */
  messages: z.array(messageSchema).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  /** When a response format asked for JSON: the parsed answer, or why it did not parse/validate. */
  output_json: z.unknown().optional(),
  output_json_error: z.string().optional(),
  /** Produced by the suite's `task` function rather than a provider call: how many calls it
   *  made through `client`, the messages each sent, and the metadata it returned. */
  task: z.literal(true).optional(),
  client_calls: z.number().optional(),
  client_messages: z.array(z.array(messageSchema)).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** Replayed from a recording (true) and the request's hash. */
  cached: z.boolean().optional(),
  recording: z.string().optional(),
  trial,
});

export const autoEvalSamplePayload = z.object({
  metric_id: z.string(),
  score: z.number(),
  prediction: z.string().nullable(),
  reference: z.string().nullable(),
  /** The sample passed the metric's criterion (its own, or pass_threshold). */
  passed: z.boolean().optional(),
  rationale: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** LLM judges: which adapter judged, what it said, the choice read from it, its usage. */
  judge: z
    .object({ adapter_id: z.string(), text: z.string(), choice: z.string().nullable(), usage: usageSchema })
    .optional(),
  trial,
});

export const sampleErrorPayload = z.object({
  /** `dataset` (unreadable row or file), `prompt` (render failed), `inference` or `scoring`. */
  stage: z.enum(['dataset', 'prompt', 'inference', 'scoring']),
  error_type: z.string(),
  status: z.number().nullable(),
  message: z.string(),
  attempts: z.number(),
  /** A network failure's code (ECONNREFUSED, ENOTFOUND…), when it had one. */
  code: z.string().optional(),
  trial,
  /** Scoring errors: the metric that failed, and what its judge (which adapter) spent before it did. */
  metric_id: z.string().optional(),
  judge_usage: usageSchema.optional(),
  judge_adapter: z.string().optional(),
});

export const caseEndPayload = z.object({
  sample_count: z.number(),
  error_count: z.number(),
  wall_ms: z.number(),
  /** `interrupted` when SIGINT/SIGTERM or a cancel ended the case early. */
  status: z.enum(['completed', 'interrupted']).optional(),
});

/** One event as the runner emits it. */
export const emittedEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('case_start'), sample_id: z.null(), created_at: z.number(), payload: caseStartPayload }),
  z.object({ event: z.literal('inference_end'), sample_id: z.string(), created_at: z.number(), payload: inferenceEndPayload }),
  z.object({ event: z.literal('auto_eval_sample'), sample_id: z.string(), created_at: z.number(), payload: autoEvalSamplePayload }),
  z.object({ event: z.literal('sample_error'), sample_id: z.string().nullable(), created_at: z.number(), payload: sampleErrorPayload }),
  z.object({ event: z.literal('case_end'), sample_id: z.null(), created_at: z.number(), payload: caseEndPayload }),
]);
export type EmittedEvent = z.infer<typeof emittedEventSchema>;
export type EventName = EmittedEvent['event'];
export type PayloadOf<E extends EventName> = Extract<EmittedEvent, { event: E }>['payload'];

/** One line of events.jsonl, as written. */
export const writtenEventSchema = z.intersection(
  z.object({ run_id: z.string(), event_id: z.number().int().positive() }),
  emittedEventSchema,
);
export type WrittenEvent = z.infer<typeof writtenEventSchema>;

/** Epoch seconds with fractions, as ARTIFACTS.md asks. */
export function nowSeconds(): number {
  return Date.now() / 1000;
}

export function makeEvent<E extends EventName>(
  event: E,
  sample_id: Extract<EmittedEvent, { event: E }>['sample_id'],
  payload: PayloadOf<E>,
): EmittedEvent {
  return { event, sample_id, created_at: nowSeconds(), payload } as EmittedEvent;
}

/** Encodes one event as a JSON line (with its trailing newline); field order as in ARTIFACTS.md. */
export function encodeEventLine(runId: string, eventId: number, e: EmittedEvent): string {
  return (
    JSON.stringify({
      run_id: runId,
      event_id: eventId,
      event: e.event,
      sample_id: e.sample_id,
      created_at: e.created_at,
      payload: e.payload,
    }) + '\n'
  );
}
