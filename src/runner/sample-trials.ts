// The samples whose trials are still running. A sample opens when the loop takes it from the
// dataset, gathers its trials' scores as they finish (in any order), and closes when its last
// trial ends: its tallies are then handed on (folded into the metrics' statistics) and it is
// forgotten. A sample's trials follow one another in the loop's stream, so only about
// `concurrency` samples are open at once, however long the dataset.
import { addTrial, emptyTally, type TrialTally } from './stats/trial-tally.js';

export interface OpenSample {
  /** Trials that have not ended yet. */
  remaining: number;
  /** A trial failed (inference or scoring). */
  failed: boolean;
  /** A trial was cut off by an interruption: the sample is then neither scored nor counted. */
  cut: boolean;
  /** Per metric, by its index in the case's metric order; created at its first score. */
  readonly tallies: (TrialTally | undefined)[];
}

export class SampleTrials {
  private readonly open = new Set<OpenSample>();

  constructor(
    private readonly repeats: number,
    private readonly onClose: (sample: OpenSample) => void,
  ) {}

  start(): OpenSample {
    const sample: OpenSample = { remaining: this.repeats, failed: false, cut: false, tallies: [] };
    this.open.add(sample);
    return sample;
  }

  score(sample: OpenSample, metricIndex: number, score: number, passed?: boolean): void {
    addTrial((sample.tallies[metricIndex] ??= emptyTally()), score, passed);
  }

  endTrial(sample: OpenSample, failed: boolean): void {
    if (failed) sample.failed = true;
    sample.remaining -= 1;
    if (sample.remaining === 0) this.close(sample);
  }

  /** At the case's end: close the samples whose trials will not all run (it was cancelled). */
  closeAll(): void {
    for (const sample of this.open) this.close(sample);
  }

  /** Samples still waiting for trials (for tests: it must empty as samples finish). */
  get openCount(): number {
    return this.open.size;
  }

  private close(sample: OpenSample): void {
    if (!this.open.delete(sample)) return;
    this.onClose(sample);
  }
}
