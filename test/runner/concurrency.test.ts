import { describe, expect, it } from 'vitest';
import { forEachConcurrent } from '../../src/runner/concurrency.js';

async function* numbers(n: number, pulled: number[]) {
  for (let i = 0; i < n; i++) {
    pulled.push(i);
    yield i;
  }
}

describe('forEachConcurrent', () => {
  it('never runs more than the limit at once and handles every item', async () => {
    let active = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachConcurrent(numbers(25, []), 4, async (i) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      seen.push(i);
      active -= 1;
    });
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('pulls lazily: no more items read than are being worked on', async () => {
    const pulled: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = forEachConcurrent(numbers(100, pulled), 3, () => gate);
    await new Promise((r) => setTimeout(r, 10));
    expect(pulled.length).toBe(3);
    release();
    await run;
    expect(pulled.length).toBe(100);
  });

  it('stops pulling once the signal aborts', async () => {
    const pulled: number[] = [];
    const controller = new AbortController();
    await forEachConcurrent(numbers(100, pulled), 2, async (i) => {
      if (i === 5) controller.abort();
    }, controller.signal);
    expect(pulled.length).toBeLessThan(10);
  });
});
