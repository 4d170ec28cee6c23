// Valid recordings lines for file-level tests.
import { createHash } from 'node:crypto';
import { encodeRecordingLine } from '../../src/recordings/recording-line.js';

export function keyOf(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** The line recording `name` with the answer `content`. */
export function testLine(name: string, content: string, recordedAt = '2026-01-01T00:00:00.000Z'): { key: string; text: string } {
  const key = keyOf(name);
  const text = encodeRecordingLine(
    {
      key,
      request: { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', model: 'gpt-4o-mini', trial: 0, body: { messages: [{ role: 'user', content: name }] } },
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: { choices: [{ message: { content } }] } },
      recorded_at: recordedAt,
    },
    [],
  );
  return { key, text };
}
