import { describe, expect, it } from 'vitest';
import { withBackpressure } from '../../src/runner/backpressure.js';
import { forEachConcurrent } from '../../src/runner/concurrency.js';
import { makeEvent } from '../../src/runner/events.js';

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
    }, { signal: controller.signal });
    expect(pulled.length).toBeLessThan(10);
  });

  it('pulls nothing while pause() holds it back, and goes on when it settles', async () => {
    const pulled: number[] = [];
    let hold: Promise<void> | undefined;
    let release!: () => void;
    const run = forEachConcurrent(numbers(50, pulled), 2, async (i) => {
      if (i === 9) hold = new Promise<void>((r) => (release = r));
    }, { pause: () => hold });
    await new Promise((r) => setTimeout(r, 20));
    const whileHeld = pulled.length;
    expect(whileHeld).toBeLessThanOrEqual(11);
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled.length).toBe(whileHeld);
    hold = undefined;
    release();
    await run;
    expect(pulled.length).toBe(50);
  });
});

describe('forEachConcurrent and the event loop', () => {
  it('lets timers run while handlers that never wait on I/O keep it busy', async () => {
    // Handlers that finish in microtasks (as samples against the in-process mocks do) would
    // otherwise hold the loop until every item is done.
    let done = 0;
    let doneWhenTimerRan = -1;
    setTimeout(() => (doneWhenTimerRan = done), 0);
    await forEachConcurrent(numbers(5000, []), 16, async () => {
      done += 1;
    });
    expect(doneWhenTimerRan).toBeGreaterThanOrEqual(0);
    expect(doneWhenTimerRan).toBeLessThan(5000);
  });
});

describe('withBackpressure', () => {
  it('hands pause() the sink\'s promise until it settles', async () => {
    const event = makeEvent('case_end', null, { sample_count: 0, error_count: 0, wall_ms: 0 });
    let release!: () => void;
    const behind = new Promise<void>((r) => (release = r));
    const answers: (Promise<void> | undefined)[] = [undefined, behind, undefined];
    const sink = withBackpressure(() => answers.shift());
    sink.emit(event);
    expect(sink.pause()).toBeUndefined();
    sink.emit(event);
    expect(sink.pause()).toBe(behind);
    sink.emit(event); // still behind: a later event that needs no wait doesn't clear it
    expect(sink.pause()).toBe(behind);
    release();
    await behind;
    await Promise.resolve();
    expect(sink.pause()).toBeUndefined();
  });
});
