// A V8 setting evalmatrix gives its test workers (heap-growth.ts, young-generation.ts), read the
// same way for each: a whole number from its environment variable, its default when unset, 0 to
// leave V8 alone — and left alone too when the worker is started with the flag already (its
// execArgv or NODE_OPTIONS), which is the user's own choice.

export interface V8Setting {
  /** The V8 flag without dashes: heap-growing-percent. */
  flag: string;
  /** The variable that overrides the default: EVALMATRIX_HEAP_GROWING_PERCENT. */
  variable: string;
  fallback: number;
  /** For the error message: "percent", "MB". */
  unit: string;
}

/** The value to apply, or undefined to leave V8's own. */
export function v8Setting(setting: V8Setting, env: Record<string, string | undefined>, execArgv: readonly string[]): number | undefined {
  const fromNode = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (fromNode.some((arg) => arg.replace(/_/g, '-').startsWith(`--${setting.flag}`))) return undefined;
  const raw = (env[setting.variable] ?? '').trim();
  if (raw === '') return setting.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${setting.variable}="${raw}" is not understood; use a whole number of ${setting.unit} (0 leaves V8's own).`);
  }
  return value === 0 ? undefined : value;
}
