// A request's recording key: sha256 of the sorted JSON of its meaningful parts, which are kept
// (named) beside the hash in the file, so a miss can be diagnosed by diffing two lines.
//
// The parts come from the HTTP request the SDK built — the same for every provider, and for a
// task's own SDK calls: the method, the URL (its host names the provider, its path the base
// path and, for Gemini, the model), the body's JSON with its keys sorted (model, messages,
// parameters, response format, stream) and the trial. Never a header: keys, bearer tokens and
// the SDKs' volatile headers (x-stainless-retry-count, -timeout, idempotency keys) stay out, as
// does any query parameter that carries a key (Gemini's ?key=). The SDKs put nothing random in
// a body, so the same request keys the same from run to run.
import { createHash } from 'node:crypto';
import { canonicalJson, sortedKeys } from '../runner/canonical-json.js';

/** Query parameters that carry credentials; dropped from the key and from the file. */
export const SECRET_QUERY = /^(key|api[-_]?key|access[-_]?token|token|sig|signature)$/i;

export interface KeyParts {
  method: string;
  /** Origin and path, and the query without credentials (sorted). */
  url: string;
  /** The model: the body's `model`, or Gemini's from the path; null when neither says. */
  model: string | null;
  /** 0-based trial of the sample (0 without repeats). */
  trial: number;
  /** The body as JSON with sorted keys, its text when it is not JSON, null when empty. */
  body: unknown;
}

export interface KeyedRequestParts {
  key: string;
  parts: KeyParts;
}

export function requestKey(request: { method: string; url: string; body: string }, trial: number): KeyedRequestParts {
  const body = bodyPart(request.body);
  const url = keyUrl(request.url);
  const parts: KeyParts = { method: request.method.toUpperCase(), url, model: modelOf(body, url), trial, body };
  return { key: hashParts(parts), parts };
}

function hashParts(parts: KeyParts): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/** The URL without credentials in its query; the remaining parameters sorted. */
function keyUrl(raw: string): string {
  const url = new URL(raw);
  const kept = [...url.searchParams].filter(([name]) => !SECRET_QUERY.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

function bodyPart(text: string): unknown {
  if (text === '') return null;
  try {
    return sortedKeys(JSON.parse(text));
  } catch {
    return text;
  }
}

function modelOf(body: unknown, url: string): string | null {
  const named = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as { model?: unknown }).model : undefined;
  if (typeof named === 'string') return named;
  // Gemini: …/models/<model>:generateContent; Azure: …/deployments/<deployment>/chat/completions.
  const inPath = /\/(?:models|deployments)\/([^/:?]+)/.exec(new URL(url).pathname);
  return inPath ? decodeURIComponent(inPath[1]!) : null;
}
