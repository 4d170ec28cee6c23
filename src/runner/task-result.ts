// What a `task` function may return, read strictly: a string, or {output, usage?, metadata?}.
// Anything else is that sample's inference error, with a message that says what came back and
// what to return instead. Pure, so tests call it directly.
import type { Usage } from '../providers/types.js';

export interface TaskOutput {
  output: string;
  /** Tokens the task spent outside `client` (its own SDK calls); never negative. */
  usage: Usage;
  /** JSON-safe: it is written to events.jsonl. */
  metadata?: Record<string, unknown>;
}

export class TaskResultError extends Error {
  override readonly name = 'TaskResultError';
}

const SHAPE = 'return a string, or {output: string, usage?: {prompt_tokens, completion_tokens}, metadata?: {...}}';

export function readTaskReturn(value: unknown): TaskOutput {
  if (typeof value === 'string') return { output: value, usage: { prompt_tokens: 0, completion_tokens: 0 } };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TaskResultError(`the task returned ${describe(value)}; ${SHAPE}`);
  const { output, usage, metadata } = value as Record<string, unknown>;
  if (typeof output !== 'string') throw new TaskResultError(`the task's output is ${describe(output)}, not a string; ${SHAPE}`);
  return { output, usage: readUsage(usage), ...(metadata === undefined ? {} : { metadata: jsonSafe(metadata) }) };
}

function readUsage(usage: unknown): Usage {
  if (usage === undefined) return { prompt_tokens: 0, completion_tokens: 0 };
  if (usage === null || typeof usage !== 'object') throw new TaskResultError(`the task's usage is ${describe(usage)}; give {prompt_tokens, completion_tokens}`);
  const count = (key: 'prompt_tokens' | 'completion_tokens'): number => {
    const n = (usage as Record<string, unknown>)[key] ?? 0;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new TaskResultError(`the task's usage.${key} is ${describe(n)}; give a count of tokens (0 or more)`);
    return n;
  };
  return { prompt_tokens: count('prompt_tokens'), completion_tokens: count('completion_tokens') };
}

/** A copy that survives JSON (what the events file will hold), or an error saying why not. */
function jsonSafe(metadata: unknown): Record<string, unknown> {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) throw new TaskResultError(`the task's metadata is ${describe(metadata)}; give an object`);
  try {
    return JSON.parse(JSON.stringify(metadata)) as Record<string, unknown>;
  } catch (error) {
    throw new TaskResultError(`the task's metadata cannot be written as JSON (${(error as Error).message}); keep it to plain data`);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (undefined)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
