// The two ways a provider call fails. A ProviderError is one request that went wrong (the
// runner records it and a retry policy may try again); a MissingKeyError is a case that cannot
// run at all (live mode skips it, naming the variables to set).

export type ProviderErrorType = 'http' | 'timeout' | 'network' | 'malformed';

export interface ProviderErrorInit {
  provider: string;
  type: ProviderErrorType;
  /** What the provider (or the transport) said, already free of secrets. */
  providerMessage: string;
  status?: number;
  attempts?: number;
  /** Appended to the message, e.g. "(key from OPENAI_API_KEY)". */
  hint?: string;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: string;
  readonly type: ProviderErrorType;
  readonly status: number | undefined;
  readonly providerMessage: string;
  /** Requests made before giving up; the retry policy raises it when it has tried more than once. */
  attempts: number;

  constructor(init: ProviderErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.provider = init.provider;
    this.type = init.type;
    this.status = init.status;
    this.providerMessage = init.providerMessage;
    this.attempts = init.attempts ?? 1;
  }
}

function formatMessage({ provider, type, status, providerMessage, hint }: ProviderErrorInit): string {
  const head =
    type === 'http' ? `${provider} ${status ?? '(no status)'}`
    : type === 'timeout' ? `${provider} timed out`
    : type === 'network' ? `${provider} network error`
    : `${provider} malformed response`;
  return `${head}: ${providerMessage}${hint ? ` ${hint}` : ''}`;
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
