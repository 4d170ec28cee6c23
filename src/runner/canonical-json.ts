// JSON with every object's keys sorted, so two values that differ only in key order hash alike:
// a case's fingerprint (resume) and a request's recording key (an SDK upgrade that builds its
// body in another order still hits).

/** `value` with object keys sorted at every depth (arrays keep their order). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return out;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}
