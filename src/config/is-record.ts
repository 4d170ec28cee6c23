// A plain object (not null, not an array): the check every reader of parsed JSON or YAML makes.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
