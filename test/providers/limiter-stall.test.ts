import { describe, expect, it } from 'vitest';
import { Limiter } from '../../src/providers/limiter/limiter.js';
import { MIN_STALL_MS, StallWatch } from '../../src/providers/limiter/stall-watch.js';
import { ManualClock } from './manual-clock.js';

// A request that hangs while 429s have cut the limit to one must not hold its provider: once
// it has been in flight far longer than requests take, it stops counting and others go on.
describe('StallWatch', () => {
  it('counts a request as stalled after ten times the usual latency, never sooner than MIN_STALL_MS', () => {
    const watch = new StallWatch();
    expect(watch.stallAfterMs).toBe(MIN_STALL_MS);
    for (let i = 0; i < 50; i++) watch.end(watch.start(0), 400, true);
    expect(watch.stallAfterMs).toBeCloseTo(4000, -1);
    const hung = watch.start(1000);
    expect(watch.detachOverdue(3000, 8)).toEqual([]);
    expect(watch.detachOverdue(5100, 8)).toEqual([hung]);
    expect(watch.detachOverdue(9000, 8)).toEqual([]); // once
  });

  it('detaches no more than the limit at once', () => {
    const watch = new StallWatch();
    for (let i = 0; i < 5; i++) watch.start(0);
    expect(watch.detachOverdue(10_000, 2)).toHaveLength(2);
    expect(watch.detachOverdue(20_000, 2)).toHaveLength(0);
  });
});

describe('Limiter with a hung request at a collapsed limit', () => {
  it('lets the next request through once the hung one is overdue, and counts it once when it ends', async () => {
    const clock = new ManualClock();
    const limiter = new Limiter({ maxConcurrency: 2, rpm: undefined, tpm: undefined }, clock);
    // A burst of 429s collapses the limit to one.
    const burst = await Promise.all([1, 2].map(() => limiter.acquire(1)));
    for (const lease of burst) lease.release({ rateLimited: true });
    expect(limiter.allowed).toBe(1);

    const hung = await limiter.acquire(1);
    let next = false;
    const waiting = limiter.acquire(1).then((lease) => {
      next = true;
      return lease;
    });
    const advanceBy = async (ms: number): Promise<void> => {
      // The sweep sleeps again each time it wakes: move the clock in steps.
      for (let t = 0; t < ms; t += 50) await clock.advance(50);
    };
    await advanceBy(MIN_STALL_MS / 2);
    expect(next).toBe(false);
    await advanceBy(MIN_STALL_MS);
    expect(next).toBe(true);
    const second = await waiting;

    // The hung request ends (its timeout); its slot was already given back, so the limit's
    // accounting stays right: one more request may start once the second is done.
    hung.release({});
    second.release({ ok: true });
    const third = await Promise.race([limiter.acquire(1), new Promise((r) => setTimeout(() => r('blocked'), 50))]);
    expect(third).not.toBe('blocked');
  });
});
