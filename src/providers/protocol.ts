// One attempt at one wire protocol: what each provider module implements. Retries, limits and
// timing wrap it (provider-client.ts), so a protocol only speaks its wire format.
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

export type Protocol = (messages: ChatMessage[], context: SendContext) => Promise<Completion>;
