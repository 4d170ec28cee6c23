// What crosses from the test worker to the reporter, through Vitest's own channels:
// batches of events as test artifacts, and the case's summary in the test's meta (JSON-safe,
// so it survives --merge-reports). Both sides import this one file.
import type { EmittedEvent } from '../runner/events.js';
import type { CaseSummary } from '../runner/summary.js';
import type { ProgressNotice } from '../runner/retry-notices.js';

export const EVENTS_ARTIFACT = 'evalmatrix:events' as const;
/** The case's summary, sent once its events are through: the reporter writes summary.json
 *  before the test can pass, and a write that fails comes back to the test as its error. */
export const SUMMARY_ARTIFACT = 'evalmatrix:summary' as const;
export const META_KEY = 'evalmatrix' as const;

/** Names the case's output folder: runs/<pipeline>/<model>/<task_id>/<run_id>. */
export interface CaseIdentity {
  pipeline: string;
  model: string;
  task_id: string;
}

export interface EventsArtifact {
  type: typeof EVENTS_ARTIFACT;
  case: CaseIdentity;
  events: EmittedEvent[];
  /** For the console only (requests retrying); never written to events.jsonl. */
  notices?: ProgressNotice[];
}

export interface SummaryArtifact {
  type: typeof SUMMARY_ARTIFACT;
  case: CaseIdentity;
  summary: CaseSummary;
}

export interface CaseMeta {
  case: CaseIdentity;
  summary: CaseSummary;
  /** The case finished in the run being resumed: its summary.json stays as it is. */
  kept?: true;
}

/** Files a test module read (configs, datasets): editing one reruns that module in watch mode. */
export const DEPS_META_KEY = 'evalmatrixDeps' as const;

declare module '@vitest/runner' {
  interface TestArtifactRegistry {
    [EVENTS_ARTIFACT]: EventsArtifact;
    [SUMMARY_ARTIFACT]: SummaryArtifact;
  }
  interface TaskMeta {
    [META_KEY]?: CaseMeta;
    [DEPS_META_KEY]?: string[];
  }
}
