// Reading a mapped column from a row: a plain column name, or a dotted path into nested
// fields (`answers.text`, `choices.0`). A key that itself contains dots (a CSV header such as
// "score.v2") wins over the nested reading.

export type Lookup = { found: true; value: unknown } | { found: false };

export function readColumn(row: Record<string, unknown>, path: string): Lookup {
  if (Object.hasOwn(row, path)) return { found: true, value: row[path] };
  let current: unknown = row;
  for (const segment of path.split('.')) {
    const next = child(current, segment);
    if (!next.found) return next;
    current = next.value;
  }
  return { found: true, value: current };
}

/** What is there instead of `path`, for the message that says it is missing: the keys of the
 *  deepest part of the path that exists ("this row has: a, b" or "answers has: text, start"). */
export function describeMissing(row: Record<string, unknown>, path: string): string {
  const segments = Object.hasOwn(row, path) ? [] : path.split('.');
  let current: unknown = row;
  let reached = 'this row';
  for (const segment of segments.slice(0, -1)) {
    const next = child(current, segment);
    if (!next.found) break;
    current = next.value;
    reached = reached === 'this row' ? segment : `${reached}.${segment}`;
  }
  return `${reached} has: ${keysOf(current)}`;
}

function child(value: unknown, segment: string): Lookup {
  if (Array.isArray(value)) {
    const index = /^\d+$/.test(segment) ? Number(segment) : -1;
    return index >= 0 && index < value.length ? { found: true, value: value[index] } : { found: false };
  }
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, segment)) {
    return { found: true, value: (value as Record<string, unknown>)[segment] };
  }
  return { found: false };
}

function keysOf(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null || typeof value !== 'object') return `no columns (it is ${value === null ? 'null' : typeof value})`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'no columns';
  const shown = keys.slice(0, 30).join(', ');
  return keys.length > 30 ? `${shown}, … (${keys.length} in all)` : shown;
}
