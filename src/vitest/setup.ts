// Setup file for eval projects: in mock mode (the default) MSW answers every provider call in
// this worker, and any request no mock answers fails with its method and URL instead of
// reaching the network.
import { afterAll, beforeAll } from 'vitest';
import { startMockInterception, type MockInterception } from '../mocks/index.js';
import { resolveMode } from './mode.js';

let interception: MockInterception | undefined;

beforeAll(() => {
  if (resolveMode() !== 'mock') return;
  const latency = Number(process.env.EVALMATRIX_MOCK_LATENCY_MS);
  interception = startMockInterception(Number.isFinite(latency) && latency > 0 ? { latencyMs: latency } : {});
});

afterAll(() => {
  interception?.close();
  interception = undefined;
});
