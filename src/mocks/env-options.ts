// Mock options from the environment, read the same way wherever the mocks start: in a test
// worker (vitest/setup.ts) and as real servers (`evalmatrix mock serve`).
import { parseFaultSpec } from './faults/spec.js';
import type { MockOptions } from './options.js';

export function mockOptionsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): MockOptions {
  const options: MockOptions = {};
  const latency = Number(env.EVALMATRIX_MOCK_LATENCY_MS);
  if (Number.isFinite(latency) && latency > 0) options.latencyMs = latency;
  const faults = env.EVALMATRIX_MOCK_FAULTS?.trim();
  if (faults) options.faults = parseFaultSpec(faults);
  const seed = env.EVALMATRIX_MOCK_SEED?.trim();
  if (seed) {
    if (!/^-?\d+$/.test(seed)) throw new Error(`EVALMATRIX_MOCK_SEED="${seed}" is not an integer.`);
    options.seed = Number(seed);
  }
  const target = env.MOCK_TARGET?.trim();
  if (target) {
    options.target = {
      base: target,
      ...(env.MOCK_TARGET_API_KEY ? { apiKey: env.MOCK_TARGET_API_KEY } : {}),
      ...(env.MOCK_TARGET_MODEL ? { model: env.MOCK_TARGET_MODEL } : {}),
    };
  }
  return options;
}
