// Reading a model's answer as JSON: the one parser behind inference_end's output_json and the
// json_valid / json_schema metrics, so they never disagree about what parses. Models often
// wrap JSON in a Markdown fence, with or without a language tag; that wrapper is not the answer.

export type JsonAnswer = { ok: true; value: unknown } | { ok: false; error: string };

const FENCED = /^\s*```[A-Za-z0-9_-]*[^\S\r\n]*\r?\n([\s\S]*?)\r?\n?```\s*$/;

/** The text with one surrounding Markdown code fence removed, trimmed. */
export function stripFences(text: string): string {
  const fenced = FENCED.exec(text);
  return (fenced ? fenced[1]! : text).trim();
}

export function parseJsonAnswer(text: string): JsonAnswer {
  const body = stripFences(text);
  if (body === '') return { ok: false, error: 'the answer is empty' };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
}
