// Which case a request belongs to, and what answered it: the one place this travels below the
// runner. When recordings are on, the runner runs each trial inside runInRequestScope(); the
// recorder, which sees requests only as HTTP (below the SDKs, where a task's own SDK calls and
// a judge's arrive too), reads currentRequestScope() to know the recordings file — the
// pipeline and the model under test — and notes there each request it keyed and whether a
// recording answered it. The runner reads that back to say, in inference_end, whether the
// answer was replayed (`cached`) and under which hash (`recording`).
//
// Like trial-context.ts, it costs a process-wide promise hook once entered (measured there:
// a tight await loop 1.9× slower), so the runner enters it only when recordings are on.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface KeyedRequest {
  /** The request's recording key (sha256 of its meaningful parts). */
  key: string;
  /** A recording answered it; false when it reached the provider (or the mocks). */
  replayed: boolean;
}

export interface RequestScope {
  /** metadata.name of the pipeline. */
  readonly pipeline: string;
  /** The case's model: its backend id, as in run folders. */
  readonly model: string;
  /** Every request keyed during the scope, in the order they were answered. */
  readonly requests: KeyedRequest[];
}

const scopes = new AsyncLocalStorage<RequestScope>();

export function newRequestScope(pipeline: string, model: string): RequestScope {
  return { pipeline, model, requests: [] };
}

/** Runs `fn` with `scope` as the scope of every request it makes. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** The scope of the request being made, or undefined outside a case with recordings on. */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** What inference_end says of the requests keyed so far: replayed (every one), and the last hash. */
export function replayFields(requests: readonly KeyedRequest[]): { cached?: boolean; recording?: string } {
  const last = requests.at(-1);
  if (last === undefined) return {};
  return { cached: requests.every((r) => r.replayed), recording: last.key };
}
