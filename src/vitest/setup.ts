// Setup file for eval projects: in mock mode (the default) MSW answers every provider call in
// this worker, and any request no mock answers fails with its method and URL instead of
// reaching the network. With recordings on (README "Recordings") they answer first, in either
// mode; their files are complete (and, in `record`, rewritten) when the file's tests end. While the file runs, V8 paces its old generation closer to what the run
// holds (EVALMATRIX_HEAP_GROWING_PERCENT, 100 unless set; see heap-growth.ts).
import { afterAll, beforeAll } from 'vitest';
import { heapGrowingPercent, holdHeapGrowth } from './heap-growth.js';
import { mockOptionsFromEnv } from '../mocks/env-options.js';
import { startMockInterception, type MockInterception } from '../mocks/index.js';
import { hubOnline, hubPassthroughHandlers } from './hub-passthrough.js';
import { resolveMode } from './mode.js';
import { interruptCasesOnSignals } from './interrupt.js';
import { activeRecordings } from './recordings.js';
import { startRecordings, type Recordings } from '../recordings/index.js';

let interception: MockInterception | undefined;
let recordings: Recordings | undefined;

interruptCasesOnSignals();

// Before the eval file is even collected: a limit V8 sets now stands until its next full GC.
// Without the variable this holds nothing.
afterAll(holdHeapGrowth(heapGrowingPercent()));

beforeAll(() => {
  const mode = resolveMode();
  if (mode === 'mock') {
    // A fallback: an eval file's own interception (or msw server), started at its top level
    // before this runs, is still asked first.
    interception = startMockInterception({ ...mockOptionsFromEnv(), fallback: true });
    if (hubOnline()) interception.use(...hubPassthroughHandlers());
  }
  // Not a fallback, so asked before the mocks: a recording answers before a mock does.
  const settings = activeRecordings(mode);
  if (settings) recordings = startRecordings(settings, { live: mode === 'live' });
});

afterAll(async () => {
  await recordings?.close();
  recordings = undefined;
  interception?.close();
  interception = undefined;
});
