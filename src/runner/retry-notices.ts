// Requests that are retrying, told while the case runs so a dead or throttled endpoint shows in
// seconds rather than after minutes of silence. They go to the console (the reporter's progress
// display), never to events.jsonl: that file's readers expect the events of samples, and the
// retries are there already — in each inference_end's attempts and retry_wait_ms, and in the
// sample_error of a request that gave up.
import type { ChatRequest, ProviderClient, RetryInfo } from '../providers/types.js';
import { describeError } from './describe-error.js';
import { errorClass } from './error-class.js';
import { essentialMessage } from './error-kinds.js';

export interface RetryNotice {
  notice: 'retry';
  /** Whose request: the model under test's, or a judge's. */
  role: 'model' | 'judge';
  backend_id: string;
  /** "connection refused", "HTTP 429 (rate limited)", … */
  cause: string;
  message: string;
  /** The attempt that failed, of the attempts allowed. */
  attempt: number;
  max_attempts: number;
  wait_ms: number;
  /** Retries of this case so far, this one included. */
  retries: number;
}

/** What a running case says besides its events. */
export type ProgressNotice = RetryNotice;

/** At most one notice per case this often: a display prints far less often than this. */
export const NOTICE_INTERVAL_MS = 500;

export type RetryListener = (info: RetryInfo) => void;

/** One case's notifier: `listen(role, backend)` gives the listener for that backend's requests. */
export function retryNotifier(notify: (notice: ProgressNotice) => void, now: () => number = () => performance.now()) {
  let retries = 0;
  let last = -Infinity;
  return (role: RetryNotice['role'], backendId: string): RetryListener =>
    (info) => {
      retries += 1;
      const t = now();
      if (t - last < NOTICE_INTERVAL_MS) return;
      last = t;
      const { error } = info;
      notify({
        notice: 'retry',
        role,
        backend_id: backendId,
        cause: errorClass(describeError(error)),
        message: essentialMessage(error.message),
        attempt: info.attempt,
        max_attempts: info.maxAttempts,
        wait_ms: Math.round(info.waitMs),
        retries,
      });
    };
}

/** The same client, telling `listener` of every retry of every request made through it. */
export function withRetryListener(client: ProviderClient, listener: RetryListener): ProviderClient {
  return {
    provider: client.provider,
    model: client.model,
    apiBase: client.apiBase,
    chat: (request: ChatRequest) =>
      client.chat({
        ...request,
        onRetry: (info) => {
          request.onRetry?.(info);
          listener(info);
        },
      }),
  };
}
