// EventBatcher: events leave in batches (size or delay), in order, all of them at close, and
// at once when the case is aborted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBatcher } from '../../src/runner/event-batcher.js';
import { makeEvent, type EmittedEvent } from '../../src/runner/events.js';

const sampleEvent = (i: number): EmittedEvent => makeEvent('auto_eval_sample', `s-${i}`, { metric_id: 'acc', score: 1, prediction: 'A', reference: 'A' });

function recording(options: { maxBatch?: number; maxDelayMs?: number; signal?: AbortSignal } = {}) {
  const batches: string[][] = [];
  const batcher = new EventBatcher({ ...options, send: (events) => void batches.push(events.map((e) => e.sample_id ?? '-')) });
  return { batcher, batches };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('EventBatcher', () => {
  it('sends a batch when it fills, and the rest at close, in order', async () => {
    const { batcher, batches } = recording({ maxBatch: 100 });
    for (let i = 0; i < 99; i++) batcher.emit(sampleEvent(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([]);
    batcher.emit(sampleEvent(99));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((b) => b.length)).toEqual([100]);
    for (let i = 100; i < 130; i++) batcher.emit(sampleEvent(i));
    await batcher.close();
    expect(batches.map((b) => b.length)).toEqual([100, 30]);
    expect(batches.flat()).toEqual(Array.from({ length: 130 }, (_, i) => `s-${i}`));
  });

  it('while a send is in flight, gathers what arrives into the next, larger batch', async () => {
    const { batcher, batches } = recording({ maxBatch: 100 });
    // Emitted in one go: the first 100 leave at once, the other 150 wait for that send.
    for (let i = 0; i < 250; i++) batcher.emit(sampleEvent(i));
    await batcher.close();
    expect(batches.map((b) => b.length)).toEqual([100, 150]);
    expect(batches.flat()).toEqual(Array.from({ length: 250 }, (_, i) => `s-${i}`));
  });

  it('asks the runner to wait past highWater unsent events, until the sink catches up', async () => {
    let finishSend!: () => void;
    const sent: number[] = [];
    const batcher = new EventBatcher({
      maxBatch: 10,
      highWater: 30,
      send: (events) => new Promise<void>((resolve) => (finishSend = () => (sent.push(events.length), resolve()))),
    });
    const answers = Array.from({ length: 40 }, (_, i) => batcher.emit(sampleEvent(i)));
    // 10 in flight, 30 waiting: the 40th emit is the first past the mark.
    expect(answers.slice(0, 39).every((a) => a === undefined)).toBe(true);
    const behind = answers[39]!;
    let caughtUp = false;
    void behind.then(() => (caughtUp = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(caughtUp).toBe(false);
    finishSend();
    await vi.advanceTimersByTimeAsync(0);
    expect(caughtUp).toBe(true);
    expect(sent).toEqual([10]);
    finishSend();
    await batcher.close();
    expect(sent).toEqual([10, 30]);
  });

  it('sends a partial batch once it is maxDelayMs old', async () => {
    const { batcher, batches } = recording({ maxBatch: 100, maxDelayMs: 200 });
    batcher.emit(sampleEvent(0));
    batcher.emit(sampleEvent(1));
    await vi.advanceTimersByTimeAsync(199);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([['s-0', 's-1']]);
    await batcher.close();
    expect(batches).toHaveLength(1);
  });

  it('sends what it holds as soon as the case is aborted', async () => {
    const controller = new AbortController();
    const { batcher, batches } = recording({ maxBatch: 100, maxDelayMs: 60_000, signal: controller.signal });
    batcher.emit(sampleEvent(0));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([['s-0']]);
    // Events after the abort (the in-flight samples' errors, case_end) still go out at close.
    batcher.emit(sampleEvent(1));
    await batcher.close();
    expect(batches).toEqual([['s-0'], ['s-1']]);
  });

  it('sends one batch at a time and reports a failed send at close', async () => {
    let inFlight = 0;
    let most = 0;
    const batcher = new EventBatcher({
      maxBatch: 1,
      send: async (events) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 10));
        inFlight -= 1;
        if (events.some((e) => e.sample_id === 's-2')) throw new Error('channel closed');
      },
    });
    for (let i = 0; i < 4; i++) batcher.emit(sampleEvent(i));
    const closed = expect(batcher.close()).rejects.toThrow('channel closed');
    await vi.advanceTimersByTimeAsync(100);
    await closed;
    expect(most).toBe(1);
  });
});
