// One line of a recordings file: the request's key and its named parts, the answer (status,
// the header that matters, the body as JSON, its text, or a stream's chunks as they came) and
// when it was recorded. Field order is fixed, so files diff line by line.
import { z } from 'zod';
import { redactKey } from '../providers/error-mapping.js';
import { MIN_SECRET_LENGTH } from '../runner/secret-guard.js';

const keyPartsSchema = z.object({
  method: z.string(),
  url: z.string(),
  model: z.string().nullable(),
  trial: z.number().int().min(0),
  body: z.unknown(),
});

const responseSchema = z
  .object({
    status: z.number().int().min(200).max(299),
    /** content-type only: rate-limit counters and request ids are noise in a diff. */
    headers: z.record(z.string(), z.string()),
    /** A JSON answer, as JSON. */
    body: z.unknown().optional(),
    /** Any other text answer. */
    text: z.string().optional(),
    /** A streamed answer (server-sent events): its events, one string each, replayed one a chunk. */
    chunks: z.array(z.string()).optional(),
  })
  .refine((r) => ['body', 'text', 'chunks'].filter((k) => k in r).length === 1, 'a response holds exactly one of body, text or chunks');

export const recordingLineSchema = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex'),
  request: keyPartsSchema,
  response: responseSchema,
  recorded_at: z.string(),
});
export type RecordingLine = z.infer<typeof recordingLineSchema>;
export type RecordedResponse = RecordingLine['response'];

/** The line's JSON text, without its newline, keys and tokens of `secrets` replaced. */
export function encodeRecordingLine(line: RecordingLine, secrets: readonly string[]): string {
  const ordered = {
    key: line.key,
    request: line.request,
    response: line.response,
    recorded_at: line.recorded_at,
  };
  return redactSecrets(JSON.stringify(ordered), secrets);
}

/** The line, or why it is not one (for the warning that skips it). */
export function decodeRecordingLine(text: string): { line: RecordingLine } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message}); a line cut short by a killed run looks like this` };
  }
  const parsed = recordingLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: `${issue.path.join('.') || 'the line'}: ${issue.message}` };
  }
  return { line: parsed.data };
}

/** Every secret replaced by `[redacted]`, as written and as JSON escapes it. */
function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Shorter strings are not keys (and replacing them would mangle the answer).
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) out = redactKey(out, form);
  }
  return out;
}
