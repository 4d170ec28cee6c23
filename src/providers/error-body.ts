// The provider's own words from an error body, whichever shape it has: OpenAI-compatible and
// SGLang `{error:{message}}`, Gemini `{error:{message,status,details}}`, TGI `{error:"…"}`,
// FastAPI `{detail}`, or plain text (a proxy's HTML page). Gemini also says when to retry.
import { isRecord } from './body.js';
import { parseDuration } from './retry/hints.js';

export interface ErrorBody {
  message: string;
  /** Gemini's google.rpc.RetryInfo `retryDelay` ("37s"), in ms. */
  retryAfterMs?: number;
}

export function readErrorBody(text: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { message: text.trim().slice(0, 500) || '(empty body)' };
  }
  if (isRecord(parsed)) {
    const { error } = parsed;
    if (typeof error === 'string') return { message: error };
    if (isRecord(error) && typeof error.message === 'string') {
      const status = typeof error.status === 'string' ? ` (${error.status})` : '';
      const retryAfterMs = retryDelay(error.details);
      return { message: `${error.message}${status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
    if (typeof parsed.message === 'string') return { message: parsed.message };
    if (typeof parsed.detail === 'string') return { message: parsed.detail };
  }
  return { message: text.trim().slice(0, 500) };
}

function retryDelay(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    if (isRecord(detail) && typeof detail.retryDelay === 'string') return parseDuration(detail.retryDelay);
  }
  return undefined;
}
