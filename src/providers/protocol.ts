// One wire protocol: what each provider module implements. A protocol plans a call once per
// response format — the parameters that go on the wire besides the messages, and what its rules
// changed — and the plan sends one attempt. Retries, limits and timing wrap it
// (provider-client.ts), so a protocol only speaks its wire format.
import type { ParameterAdjustment } from './parameters/adjustments.js';
import type { StructuredFormat } from './structured/format.js';
import type { ChatMessage, Usage } from './types.js';

/** What one successful request yields. */
export interface Completion {
  /** The model the server names, else the configured one. */
  model: string;
  text: string;
  finish_reason: string | null;
  usage: Usage;
}

export interface SendContext {
  /** Aborts on the caller's cancel and on the attempt's timeout. */
  signal: AbortSignal;
  /** A streaming protocol calls this when the first piece of text arrives. */
  firstToken(): void;
}

export type Send = (messages: ChatMessage[], context: SendContext) => Promise<Completion>;

export interface PlannedCall {
  /** The request body without the model and the messages (or prompt text), as sent: what
   *  inference_end records as `parameters`. JSON, and never a key or a header. */
  parameters: Record<string, unknown>;
  /** What the protocol's rules changed about the response format (the generation parameters'
   *  changes are the client's, made once per backend). */
  adjustments: ParameterAdjustment[];
  send: Send;
}

export interface Protocol {
  plan(format: StructuredFormat | undefined): PlannedCall;
  /** Loads what the first request needs (an SDK imported on first use), so that its load is not
   *  timed as the first sample's latency; the client awaits it before the first attempt. */
  prepare?(): Promise<void>;
}

/** The value without undefined fields, at any depth of plain objects: what JSON would carry. */
export function definedOnly<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    out[key] = isPlainObject(field) ? definedOnly(field) : field;
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
