// Wall and CPU seconds of both sides at two sizes, repetition by repetition, and the fits the
// overhead and live scenarios report from them (fit.ts). One place for the bookkeeping both
// scenarios share.
import { fitOverhead, type Fit, type Runs, type Side } from './fit.js';
import type { Measured } from './measure.js';
import { round } from './stats.js';

export interface SizedPlan {
  sizes: [number, number];
  repetitions: number;
  concurrency: number;
}

export interface SizedFits extends Fit, SizedPlan {
  runs_wall_s: Runs;
  runs_cpu_s: Runs | null;
  /** The same fit on CPU seconds (user + system of the whole process tree). */
  cpu: Fit | null;
}

export class SizedRuns {
  readonly wall: Runs;
  readonly cpu: Runs;
  /** False once a run's CPU time could not be read: the CPU fit is then left out. */
  cpuKnown = true;

  constructor(private readonly plan: SizedPlan) {
    const sizes = plan.sizes;
    const empty = (): Runs => ({ evalmatrix: { [sizes[0]]: [], [sizes[1]]: [] }, baseline: { [sizes[0]]: [], [sizes[1]]: [] } });
    this.wall = empty();
    this.cpu = empty();
  }

  add(side: Side, n: number, m: Measured): void {
    this.wall[side][n]!.push(round(m.wallS, 3));
    if (m.cpuS === null) this.cpuKnown = false;
    else this.cpu[side][n]!.push(round(m.cpuS, 3));
  }

  /** "1.234 s, baseline 0.987 s (CPU 1.5 / 1.2 s)" for the last runs at `n`, as the logs say it. */
  lastLine(n: number, other: string): string {
    const last = (runs: Runs, side: Side) => runs[side][n]!.at(-1);
    return `evalmatrix ${last(this.wall, 'evalmatrix')} s, ${other} ${last(this.wall, 'baseline')} s (CPU ${last(this.cpu, 'evalmatrix') ?? '-'} / ${last(this.cpu, 'baseline') ?? '-'} s`;
  }

  fits(cases: number): SizedFits {
    const { sizes, repetitions, concurrency } = this.plan;
    return {
      concurrency,
      sizes,
      repetitions,
      ...fitOverhead(this.wall, sizes, cases),
      runs_wall_s: this.wall,
      runs_cpu_s: this.cpuKnown ? this.cpu : null,
      cpu: this.cpuKnown ? fitOverhead(this.cpu, sizes, cases) : null,
    };
  }
}
