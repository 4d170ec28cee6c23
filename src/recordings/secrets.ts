// The credentials a request carries, so none of them reaches a recordings file even when a
// server echoes one back: the key headers of every provider (OpenAI-style bearer, Anthropic's
// x-api-key, Azure's api-key, Gemini's x-goog-api-key) and key-bearing query parameters.
import { SECRET_QUERY } from './request-key.js';

const KEY_HEADERS = ['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key'];

export function requestSecrets(request: Request): string[] {
  const secrets: string[] = [];
  for (const name of KEY_HEADERS) {
    const value = request.headers.get(name)?.trim();
    if (!value) continue;
    secrets.push(value);
    // "Bearer sk-…": the token alone, wherever it is quoted.
    const token = /^\S+\s+(\S+)$/.exec(value)?.[1];
    if (token) secrets.push(token);
  }
  for (const [name, value] of new URL(request.url).searchParams) if (SECRET_QUERY.test(name) && value) secrets.push(value);
  // The longest first: a key that contains another is replaced whole.
  return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}
