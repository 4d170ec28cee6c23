// `replay` found no recording for a request: the request fails as a network error would (so the
// SDK rejects, the retry policy gives up at once, and the sample becomes an inference
// sample_error), naming the request's hash, the file it was looked for in, and what to do.
import { displayPath } from '../config/display-path.js';
import type { KeyParts } from './request-key.js';

export class RecordingMissError extends Error {
  override readonly name = 'RecordingMissError';
  // With `code` and `errno` @mswjs/interceptors rejects the fetch with this error (a network
  // error) instead of answering 500; providers/retry/decision.ts never retries this code.
  readonly code = 'EVALMATRIX_NOT_RECORDED';
  readonly errno = 0;

  constructor(
    readonly key: string,
    readonly file: string,
    readonly parts: KeyParts,
  ) {
    super(
      `no recording of ${parts.method} ${parts.url} (model ${parts.model ?? 'unknown'}, trial ${parts.trial}) with hash ${key} in ${displayPath(file)} ` +
        '(EVALMATRIX_RECORD=replay answers from recordings only). Record it: run with EVALMATRIX_RECORD=auto EVALMATRIX_MODE=live, and commit the file; ' +
        'if the request changed (a prompt, a parameter, an SDK upgrade), compare its parts with the lines of that file.',
    );
  }
}
