// Setup file for eval projects: in mock mode (the default) MSW answers every provider call in
// this worker, and any request no mock answers fails with its method and URL instead of
// reaching the network.
import { afterAll, beforeAll } from 'vitest';
import { mockOptionsFromEnv } from '../mocks/env-options.js';
import { startMockInterception, type MockInterception } from '../mocks/index.js';
import { hubOnline, hubPassthroughHandlers } from './hub-passthrough.js';
import { resolveMode } from './mode.js';

let interception: MockInterception | undefined;

beforeAll(() => {
  if (resolveMode() !== 'mock') return;
  interception = startMockInterception(mockOptionsFromEnv());
  if (hubOnline()) interception.use(...hubPassthroughHandlers());
});

afterAll(() => {
  interception?.close();
  interception = undefined;
});
