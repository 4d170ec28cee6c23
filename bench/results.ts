// bench/results/latest.json: every figure of one run, with the conditions it was taken under.
import type { FaultsResult } from './scenarios/faults.js';
import type { LagResult } from './scenarios/lag.js';
import type { LatencyResult } from './scenarios/latency.js';
import type { LiveResult } from './scenarios/live.js';
import type { OverheadResult } from './scenarios/overhead.js';
import type { ScaleResult } from './scenarios/scale.js';
import type { WatchResult } from './scenarios/watch.js';
import type { RecordingsWatchResult } from './scenarios/recordings-watch.js';
import type { TargetCheck } from './targets.js';

export interface Machine {
  cpus: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and ended: other work on the machine. */
  load_avg: { start: number; end: number };
}

export interface Results {
  mode: 'full' | 'quick';
  started_at: string;
  duration_s: number;
  machine: Machine;
  overhead: OverheadResult;
  live: LiveResult;
  latency: LatencyResult;
  scale: ScaleResult;
  lag: LagResult;
  watch: WatchResult;
  faults: FaultsResult;
  recordings_watch: RecordingsWatchResult;
  targets?: TargetCheck[];
}
