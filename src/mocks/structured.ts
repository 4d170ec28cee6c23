// Structured requests answered offline: a request that asks for a JSON Schema gets a valid
// instance of it (json-schema-faker), the same one every time for the same request (seeded by a
// hash of its body); a request for any JSON gets a small object holding the echo.
import { generateSync } from 'json-schema-faker';

export type RequestedFormat = { kind: 'json' } | { kind: 'schema'; schema: Record<string, unknown> };

/** The answer's JSON text; throws when the generator cannot make an instance of the schema. */
export function jsonAnswer(format: RequestedFormat, body: unknown, echo: string): string {
  if (format.kind === 'json') return JSON.stringify({ answer: echo });
  return JSON.stringify(generateSync(format.schema as Parameters<typeof generateSync>[0], { seed: hashOf(JSON.stringify(body)) }));
}

/** FNV-1a over the text: a stable 32-bit seed per request. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
