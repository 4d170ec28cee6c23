// A metric's statistics over samples, folded one finished sample at a time (running sums, no
// list of samples): the mean of per-sample means with its stderr and 95% interval, and with
// repeats > 1, pass@k and pass^k at k = repeats and the share of samples whose trials agree.
//
// Which samples count: the interval is over samples with at least one scored trial (a failed
// trial is left out of its sample's mean, as a failed sample is left out of the mean today);
// pass@k and pass^k over samples whose k trials all carried a pass verdict (a sample with a
// failed trial has fewer than k draws, and the estimators need k); agreement over samples with
// at least two scored trials.
import { meanInterval, type MeanInterval } from './mean-interval.js';
import { passAtK, passHatK } from './pass-at-k.js';
import { ExactSum } from './exact-sum.js';
import { RunningMoments } from './running-moments.js';
import type { TrialTally } from './trial-tally.js';

export interface MetricStats extends MeanInterval {
  /** Trials per sample (repeats); present when it is more than 1. */
  k?: number;
  /** Mean over samples of the chance that k trials hold at least one pass / only passes. */
  pass_at_k?: number;
  pass_hat_k?: number;
  /** Share of samples whose trials all gave the same result (pass verdict, else score). */
  trial_agreement?: number;
}

export class MetricStatsAccumulator {
  private readonly means = new RunningMoments();
  private readonly passAtKSum = new ExactSum();
  private readonly passHatKSum = new ExactSum();
  private passSamples = 0;
  private agreeing = 0;
  private compared = 0;

  constructor(private readonly repeats: number) {}

  addSample(tally: TrialTally): void {
    if (tally.scored === 0) return;
    this.means.add(tally.sum.value() / tally.scored);
    if (this.repeats === 1) return;
    if (tally.scored >= 2) {
      this.compared += 1;
      if (tally.agreed) this.agreeing += 1;
    }
    if (tally.judged === this.repeats) {
      this.passSamples += 1;
      this.passAtKSum.add(passAtK(tally.judged, tally.passed, this.repeats));
      this.passHatKSum.add(passHatK(tally.judged, tally.passed, this.repeats));
    }
  }

  /** undefined when no sample was scored. */
  result(): MetricStats | undefined {
    const interval = meanInterval(this.means);
    if (interval === undefined || this.repeats === 1) return interval;
    return {
      ...interval,
      k: this.repeats,
      ...(this.passSamples > 0 ? { pass_at_k: this.passAtKSum.value() / this.passSamples, pass_hat_k: this.passHatKSum.value() / this.passSamples } : {}),
      ...(this.compared > 0 ? { trial_agreement: this.agreeing / this.compared } : {}),
    };
  }
}
