// The limiter tests' clock: time stands still until a test moves it.
import type { Clock } from '../../src/providers/limiter/clock.js';

/** Time stands still until advance() moves it; sleepers wake in order. */
export class ManualClock implements Clock {
  private t = 0;
  private sleepers: Array<{ at: number; wake: () => void }> = [];
  now = () => this.t;
  sleep = (ms: number) => new Promise<void>((wake) => this.sleepers.push({ at: this.t + ms, wake }));
  async advance(ms: number): Promise<void> {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.at <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const s of due) s.wake();
    await settle();
  }
  get sleeping(): number[] {
    return this.sleepers.map((s) => s.at - this.t);
  }
}

export const settle = () => new Promise((resolve) => setImmediate(resolve));
