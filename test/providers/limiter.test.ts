// The limiter's parts: per-minute budgets, adaptive concurrency, and the gate that combines
// them, on a clock the test moves by hand.
import { describe, expect, it } from 'vitest';
import { AdaptiveLimit } from '../../src/providers/limiter/adaptive-limit.js';
import { Limiter, type Lease } from '../../src/providers/limiter/limiter.js';
import { LimiterRegistry } from '../../src/providers/limiter/registry.js';
import { ManualClock, settle } from './manual-clock.js';
import { TokenBucket } from '../../src/providers/limiter/token-bucket.js';

const limits = (over: Partial<{ maxConcurrency: number; rpm: number; tpm: number }> = {}) => ({ maxConcurrency: 8, rpm: undefined, tpm: undefined, ...over });

describe('TokenBucket', () => {
  it('spends a minute’s budget at once, then makes each taker wait its turn', () => {
    const bucket = new TokenBucket(60, 0); // one a second
    for (let i = 0; i < 60; i++) expect(bucket.take(1, 0)).toBe(0);
    expect(bucket.take(1, 0)).toBe(1000);
    expect(bucket.take(1, 0)).toBe(2000);
    expect(bucket.take(1, 2500)).toBeCloseTo(500);
  });

  it('refills with time, never above the budget', () => {
    const bucket = new TokenBucket(60, 0);
    bucket.take(60, 0);
    expect(bucket.take(30, 30_000)).toBe(0);
    expect(bucket.take(60, 10 * 60_000)).toBe(0);
  });

  it('a take larger than the budget waits for one whole budget, not forever', () => {
    expect(new TokenBucket(1000, 0).take(5000, 0)).toBe(0);
  });

  it('corrections charge or refund the difference', () => {
    const bucket = new TokenBucket(600, 0); // 10 a second
    bucket.take(600, 0);
    bucket.correct(-100, 0); // 100 fewer were used
    expect(bucket.take(100, 0)).toBe(0);
    bucket.correct(50, 0);
    expect(bucket.take(0, 0)).toBeCloseTo(5000);
  });
});

describe('AdaptiveLimit', () => {
  it('halves what was in flight on a 429, at least 1', () => {
    const limit = new AdaptiveLimit(16);
    limit.onRateLimited(1, 6, 6);
    expect(limit.current).toBe(3);
    limit.onRateLimited(7, 3, 9);
    expect(limit.current).toBe(1);
    limit.onRateLimited(10, 1, 10);
    expect(limit.current).toBe(1);
  });

  it('one burst of 429s cuts once: requests started before the cut do not cut again', () => {
    const limit = new AdaptiveLimit(16);
    limit.onRateLimited(3, 8, 8);
    limit.onRateLimited(5, 7, 8);
    limit.onRateLimited(8, 6, 8);
    expect(limit.current).toBe(4);
    limit.onRateLimited(9, 4, 9);
    expect(limit.current).toBe(2);
  });

  it('recovers about one a round of successes, up to the cap', () => {
    const limit = new AdaptiveLimit(4);
    limit.onRateLimited(1, 2, 1);
    expect(limit.current).toBe(1);
    limit.onSuccess();
    expect(limit.current).toBe(2);
    limit.onSuccess();
    limit.onSuccess();
    expect(limit.current).toBe(3);
    for (let i = 0; i < 20; i++) limit.onSuccess();
    expect(limit.current).toBe(4);
  });

  it('a lower cap from another backend takes effect at once', () => {
    const limit = new AdaptiveLimit(16);
    limit.lowerMax(2);
    expect(limit.current).toBe(2);
    limit.lowerMax(8);
    expect(limit.current).toBe(2);
  });
});

describe('Limiter', () => {
  it('lets max_concurrency through and queues the rest in order', async () => {
    const limiter = new Limiter(limits({ maxConcurrency: 2 }), new ManualClock());
    const order: number[] = [];
    const leases: Lease[] = [];
    const take = (i: number) => limiter.acquire(0).then((lease) => (order.push(i), leases.push(lease)));
    void take(1);
    void take(2);
    void take(3);
    void take(4);
    await settle();
    expect(order).toEqual([1, 2]);
    leases[0]!.release({ ok: true });
    await settle();
    expect(order).toEqual([1, 2, 3]);
    leases[1]!.release({ ok: true });
    leases[2]!.release({ ok: true });
    await settle();
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('halves on a 429 and recovers on success', async () => {
    const limiter = new Limiter(limits({ maxConcurrency: 8 }), new ManualClock());
    const leases = await Promise.all([1, 2, 3, 4].map(() => limiter.acquire(0)));
    leases[0]!.release({ rateLimited: true });
    expect(limiter.allowed).toBe(2);
    for (const lease of leases.slice(1)) lease.release({ ok: true });
    expect(limiter.allowed).toBe(3);
  });

  it('spaces requests to the rpm budget', async () => {
    const clock = new ManualClock();
    const limiter = new Limiter(limits({ rpm: 2 }), clock);
    const started: number[] = [];
    for (let i = 0; i < 3; i++) void limiter.acquire(0).then((lease) => (started.push(clock.now()), lease.release({ ok: true })));
    await settle();
    expect(started).toEqual([0, 0]);
    expect(clock.sleeping).toEqual([30_000]);
    await clock.advance(30_000);
    expect(started).toEqual([0, 0, 30_000]);
  });

  it('charges the tpm budget with the estimate, corrected by the real usage', async () => {
    const clock = new ManualClock();
    const limiter = new Limiter(limits({ tpm: 600 }), clock);
    const first = await limiter.acquire(600);
    first.release({ ok: true, tokensUsed: 300 });
    // 300 were refunded: a 300-token request goes at once, the next waits.
    (await limiter.acquire(300)).release({ ok: true, tokensUsed: 300 });
    void limiter.acquire(60);
    await settle();
    expect(clock.sleeping).toEqual([6000]);
  });

  it('a server’s pause holds back every request to it', async () => {
    const clock = new ManualClock();
    const limiter = new Limiter(limits(), clock);
    (await limiter.acquire(0)).release({ rateLimited: true, pauseMs: 2000 });
    let started = false;
    void limiter.acquire(0).then(() => (started = true));
    await settle();
    expect(started).toBe(false);
    await clock.advance(2000);
    expect(started).toBe(true);
  });

  it('a waiter whose case is cancelled leaves the queue', async () => {
    const limiter = new Limiter(limits({ maxConcurrency: 1 }), new ManualClock());
    const held = await limiter.acquire(0);
    const controller = new AbortController();
    const waiting = limiter.acquire(0, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    held.release({ ok: true });
    const next = await limiter.acquire(0);
    next.release({ ok: true });
  });
});

describe('LimiterRegistry', () => {
  it('one limiter per provider, base and key; the tighter limits win', () => {
    const registry = new LimiterRegistry(new ManualClock());
    const a = registry.limiterFor('openai', 'http://x/v1', 'key-1', limits({ maxConcurrency: 8 }));
    expect(registry.limiterFor('openai', 'http://x/v1/', 'key-1', limits({ maxConcurrency: 3 }))).toBe(a);
    expect(a.allowed).toBe(3);
    expect(registry.limiterFor('openai', 'http://x/v1', 'key-2', limits())).not.toBe(a);
    expect(registry.limiterFor('xai', 'http://x/v1', 'key-1', limits())).not.toBe(a);
  });
});
