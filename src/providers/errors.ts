// The two ways a provider call fails. A ProviderError is one request that went wrong (the
// runner records it and the retry policy may try again); a MissingKeyError is a case that cannot
// run at all (live mode skips it, naming the variables to set).

export type ProviderErrorType = 'http' | 'timeout' | 'network' | 'malformed';

export interface ProviderErrorInit {
  provider: string;
  type: ProviderErrorType;
  /** What the provider (or the transport) said, already free of secrets. */
  providerMessage: string;
  status?: number;
  /** A network error's code (ECONNRESET, ENOTFOUND…), for the retry decision. */
  code?: string;
  /** How long the server asked us to wait (its retry or reset headers), in ms. */
  retryAfterMs?: number;
  attempts?: number;
  /** Total ms spent waiting between attempts. */
  retryWaitMs?: number;
  /** Appended to the message, e.g. "(key from OPENAI_API_KEY)". */
  hint?: string;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: string;
  readonly type: ProviderErrorType;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly providerMessage: string;
  readonly retryAfterMs: number | undefined;
  /** Requests made before giving up. */
  readonly attempts: number;
  readonly retryWaitMs: number;
  // An ES private field: not enumerable, so never printed or serialized with the error.
  readonly #init: ProviderErrorInit;

  constructor(init: ProviderErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.#init = init;
    this.provider = init.provider;
    this.type = init.type;
    this.status = init.status;
    this.code = init.code;
    this.providerMessage = init.providerMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
    this.retryWaitMs = init.retryWaitMs ?? 0;
  }

  /** The same failure as the final word after `attempts` requests (the message says how many). */
  afterAttempts(attempts: number, retryWaitMs: number): ProviderError {
    return new ProviderError({ ...this.#init, attempts, retryWaitMs });
  }
}

function formatMessage({ provider, type, status, providerMessage, hint, attempts }: ProviderErrorInit): string {
  const head =
    type === 'http' ? `${provider} ${status ?? '(no status)'}`
    : type === 'timeout' ? `${provider} timed out`
    : type === 'network' ? `${provider} network error`
    : `${provider} malformed response`;
  const tries = attempts !== undefined && attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
  return `${head}: ${providerMessage}${hint ? ` ${hint}` : ''}${tries}`;
}

export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError';

  constructor(
    readonly provider: string,
    /** The environment variables consulted, in order. */
    readonly variables: readonly string[],
  ) {
    super(`${provider}: no API key; set ${variables.join(' or ')} (or run in mock mode, EVALMATRIX_MODE=mock)`);
  }
}
