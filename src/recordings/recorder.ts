// What recordings do with one intercepted request. Only a case's requests are theirs (made
// inside a request scope, which names the pipeline and model: the file); anything else — a
// dataset download, a test's own fetch — is left to whoever comes next. A case's request is
// keyed; `auto` and `replay` answer it from its recording when there is one (and `replay` fails
// it when there is none); otherwise live mode calls the provider for real and records the
// answer, while mock mode leaves it to the mocks (mock answers are never recorded).
import { bypass } from 'msw';
import { currentRequestScope } from '../providers/request-scope.js';
import { currentTrial } from '../providers/trial-context.js';
import { captureResponse } from './capture.js';
import { RecordingMissError } from './miss.js';
import { encodeRecordingLine } from './recording-line.js';
import { replayResponse } from './replay.js';
import { requestKey } from './request-key.js';
import { requestSecrets } from './secrets.js';
import type { RecordingsStore } from './store.js';
import type { Warn } from './recordings-file.js';

export interface RecorderOptions {
  store: RecordingsStore;
  /** Live mode: a request not answered from a recording goes to the network, and is recorded. */
  live: boolean;
  warn: Warn;
}

/** A Response to answer with, or undefined to leave the request to the next in line. */
export type Recorder = (request: Request) => Promise<Response | undefined>;

export function recorder({ store, live, warn }: RecorderOptions): Recorder {
  return async (request) => {
    const scope = currentRequestScope();
    if (scope === undefined) return undefined;
    const file = store.pathFor(scope.pipeline, scope.model);
    const { key, parts } = requestKey({ method: request.method, url: request.url, body: await request.clone().text() }, currentTrial() ?? 0);
    if (store.mode !== 'record') {
      const found = await store.find(file, key);
      if (found !== undefined) {
        scope.requests.push({ key, replayed: true });
        return replayResponse(found.response, key);
      }
      if (store.mode === 'replay') throw new RecordingMissError(key, file, parts);
    }
    scope.requests.push({ key, replayed: false });
    if (!live) return undefined;
    const secrets = requestSecrets(request);
    // bypass(): past every interception (ours included) to the network.
    const upstream = await fetch(bypass(request)).catch((error: unknown) => {
      throw asNetworkError(error);
    });
    return captureResponse(upstream, (response) => {
      const text = encodeRecordingLine({ key, request: parts, response, recorded_at: new Date().toISOString() }, secrets);
      store.save(file, key, text).catch((error: unknown) => warn(`could not record ${key} into ${file}: ${(error as Error).message}`));
    });
  };
}

/**
 * fetch's own failure ("fetch failed", its cause ECONNREFUSED…) as a Node network error, which
 * the interception hands back to the caller as such; thrown as it is, it would come back as a
 * 500 answer, and a provider that cannot be reached would look like one that failed.
 */
function asNetworkError(error: unknown): Error {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown } | undefined)?.code;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(message, { cause: error }), { code: typeof code === 'string' ? code : 'ECONNRESET', errno: 0 });
}
