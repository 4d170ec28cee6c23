// EVALMATRIX_HUB_ONLINE=1: mock mode lets the Hugging Face hosts through (hub-passthrough.ts), so
// a mock run can fill the dataset cache. Its own file so eval files can ask without loading msw.
import { envFlag } from '../datasets/env-flag.js';

export function hubOnline(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return envFlag(env.EVALMATRIX_HUB_ONLINE);
}
