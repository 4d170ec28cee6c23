// What kind of failure an error is, in a few words a CI log reader knows: "connection refused",
// "HTTP 429 (rate limited)", "timed out", or the error's own type. Read from what a sample_error
// records (error_type, status, code) and what a retrying request knows, so the console's retry
// lines and a failed case's error summary use the same words.

export interface ErrorFacts {
  error_type: string;
  status?: number | null;
  /** A network error's code (ECONNREFUSED, ENOTFOUND…), when the failure had one. */
  code?: string | null;
  /** Where it happened (a sample_error's stage): names an error whose type says nothing. */
  stage?: string;
}

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
};

const STATUS_WORDS: Readonly<Record<number, string>> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  408: 'request timeout',
  409: 'conflict',
  413: 'request too large',
  422: 'unprocessable',
  429: 'rate limited',
  500: 'server error',
  502: 'bad gateway',
  503: 'unavailable',
  504: 'gateway timeout',
  529: 'overloaded',
};

export function errorClass(facts: ErrorFacts): string {
  const { error_type: type, status, code } = facts;
  if (type === 'provider_http' || (status !== null && status !== undefined)) {
    const words = status === null || status === undefined ? undefined : STATUS_WORDS[status] ?? (status >= 500 ? 'server error' : undefined);
    return `HTTP ${status ?? '?'}${words ? ` (${words})` : ''}`;
  }
  if (code && NETWORK_CODES[code]) return NETWORK_CODES[code];
  if (type === 'provider_timeout') return 'timed out';
  if (type === 'provider_malformed') return 'malformed response';
  if (type === 'provider_network') return code ? `network error (${code})` : 'network error';
  // A plain Error says nothing by its type; where it happened does (a bad dataset row).
  return type === 'Error' && facts.stage ? `${facts.stage} error` : type;
}

/** Failures that say the endpoint is not there at all, rather than busy or wrong about one request. */
export function isUnreachable(facts: ErrorFacts): boolean {
  return facts.error_type === 'provider_network' && ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH'].includes(facts.code ?? '');
}
