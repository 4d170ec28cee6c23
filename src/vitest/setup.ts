// Setup file for eval projects: in mock mode (the default) MSW answers every provider call in
// this worker, and any request no mock answers fails with its method and URL instead of
// reaching the network. With recordings on (README "Recordings") they answer first, in either
// mode; their files are complete (and, in `record`, rewritten) when the file's tests end. While the file runs, V8 paces its old generation closer to what the run
// holds (EVALMATRIX_HEAP_GROWING_PERCENT, 100 unless set; see heap-growth.ts), and its inline
// caches track up to 8 shapes (EVALMATRIX_POLYMORPHIC_MAPS; see polymorphic-maps.ts).
// The mocks (msw, its interceptors, graphql…) and the recorder are imported only by a run that
// uses them: a live run without recordings never loads them (measured: about 0.2 s less before
// the first sample and 10 MB less in the worker; README "Performance"). They are imported as this
// file loads, as static imports were, so no hook or test of the eval file waits on the loading.
import { afterAll, beforeAll } from 'vitest';
import { heapGrowingPercent, holdHeapGrowth } from './heap-growth.js';
import { applyPolymorphicMaps } from './polymorphic-maps.js';
import type { MockInterception } from '../mocks/interception.js';
import { resolveMode } from './mode.js';
import { interruptCasesOnSignals } from './interrupt.js';
import { activeRecordings } from './recordings.js';
import type { Recordings } from '../recordings/start.js';

let interception: MockInterception | undefined;
let recordings: Recordings | undefined;

const loadMocks = () => Promise.all([import('../mocks/interception.js'), import('../mocks/env-options.js'), import('./hub-passthrough.js')]);
const loadRecorder = () => import('../recordings/start.js');

/** What this worker's mode and recordings use, loading now. A wrong mode or recordings setting
 *  loads nothing here; it fails in beforeAll, naming itself, as it always did. */
function startLoading(): { mocks?: ReturnType<typeof loadMocks>; recorder?: ReturnType<typeof loadRecorder> } {
  try {
    const mode = resolveMode();
    return { ...(mode === 'mock' ? { mocks: loadMocks() } : {}), ...(activeRecordings(mode) ? { recorder: loadRecorder() } : {}) };
  } catch {
    return {};
  }
}
const loading = startLoading();
await Promise.all([loading.mocks, loading.recorder]);

interruptCasesOnSignals();
// Before any prompt renders: more shapes per inline cache (polymorphic-maps.ts).
applyPolymorphicMaps();

// Before the eval file is even collected: a limit V8 sets now stands until its next full GC.
// Without the variable this holds nothing.
afterAll(holdHeapGrowth(heapGrowingPercent()));

beforeAll(async () => {
  const mode = resolveMode();
  if (mode === 'mock') {
    const [{ startMockInterception }, { mockOptionsFromEnv }, hub] = await (loading.mocks ?? loadMocks());
    // A fallback: an eval file's own interception (or msw server), started at its top level
    // before this runs, is still asked first.
    interception = startMockInterception({ ...mockOptionsFromEnv(), fallback: true });
    if (hub.hubOnline()) interception.use(...hub.hubPassthroughHandlers());
  }
  // Not a fallback, so asked before the mocks: a recording answers before a mock does.
  const settings = activeRecordings(mode);
  if (settings) {
    const { startRecordings } = await (loading.recorder ?? loadRecorder());
    recordings = startRecordings(settings, { live: mode === 'live' });
  }
});

afterAll(async () => {
  await recordings?.close();
  recordings = undefined;
  interception?.close();
  interception = undefined;
});
