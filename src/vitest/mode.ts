// Mock (the default) or live, from EVALMATRIX_MODE.
import type { Mode } from '../runner/run-case.js';

export function resolveMode(env: Record<string, string | undefined> = process.env): Mode {
  const raw = (env.EVALMATRIX_MODE ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'mock') return 'mock';
  if (raw === 'live') return 'live';
  throw new Error(`EVALMATRIX_MODE="${env.EVALMATRIX_MODE}" is not a mode; use "mock" (the default, offline) or "live" (real endpoints, keys from the environment).`);
}
