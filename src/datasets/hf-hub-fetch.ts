// GET JSON from the Hugging Face hub and its dataset viewer: HF_TOKEN as a bearer token, a
// rate limit (429) or a server fault retried with the server's Retry-After or a growing
// pause, and every other failure turned into a message that says what to check. The token
// never appears in a message.
// (The providers layer has its own retry policy; datasets sit below it and must not import it.)

export const VIEWER_URL = 'https://datasets-server.huggingface.co';
export const HUB_URL = 'https://huggingface.co';

export interface HubFetchOptions {
  token?: string;
  /** Attempts per request, the first included (default 5). */
  attempts?: number;
  /** Pause before the first retry when the server names none; doubles each time (default 1000 ms). */
  retryDelayMs?: number;
}

/** The hub answered, but not with what was asked for. */
export class HubHttpError extends Error {
  override readonly name = 'HubHttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The hub could not be reached at all (offline, DNS, refused, or mock mode's interception). */
export class HubUnreachableError extends Error {
  override readonly name = 'HubUnreachableError';
}

const RETRIED = new Set([408, 429, 500, 502, 503, 504]);

/** `what` names the request in messages ("rows 0–99 of piqa/plain_text/validation"). */
export async function getHubJson(url: string, what: string, options: HubFetchOptions = {}): Promise<unknown> {
  const attempts = Math.max(1, options.attempts ?? 5);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { headers });
    } catch (error) {
      throw new HubUnreachableError(`cannot reach ${new URL(url).origin} for ${what}: ${causeOf(error)}`, { cause: error });
    }
    if (response.ok) return response.json();
    const detail = await errorDetail(response);
    if (RETRIED.has(response.status) && attempt < attempts) {
      await sleep(retryDelay(response, attempt, options.retryDelayMs ?? 1000));
      continue;
    }
    throw new HubHttpError(response.status, `${what}: HTTP ${response.status}${detail ? ` (${detail})` : ''}${advice(response.status, attempt, options.token)}`);
  }
}

function advice(status: number, attempts: number, token: string | undefined): string {
  if (status === 401 || status === 403) {
    return token
      ? '. The HF_TOKEN in the environment has no access to it: accept the dataset\'s terms on its hub page, or use a token that can read it'
      : '. The dataset may be gated or private: set HF_TOKEN to a token that can read it';
  }
  if (status === 404) return '. Check hub_id, config and split against the dataset\'s page on huggingface.co';
  if (RETRIED.has(status)) return `, still failing after ${attempts} attempts. Try again later${token ? '' : ', or set HF_TOKEN for a higher rate limit'}`;
  return '';
}

/** Retry-After in seconds when the server sends it; otherwise base × 2^(attempt−1). */
function retryDelay(response: Response, attempt: number, baseMs: number): number {
  const header = response.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 60) * 1000;
  return baseMs * 2 ** (attempt - 1);
}

/** The viewer answers errors as {"error": "..."}; fall back to a short piece of the body. */
async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined;
    if (typeof error === 'string') return error;
  } catch {
    // not JSON
  }
  return text.trim().slice(0, 200);
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
