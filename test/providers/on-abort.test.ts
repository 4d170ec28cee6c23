// The shared watcher of a long-lived signal: one real listener however many watch it, each
// watcher called once on abort unless it stopped watching.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onAbort } from '../../src/providers/on-abort.js';

describe('onAbort', () => {
  it('adds one listener to the signal however many watch it, and calls each watcher that is left', () => {
    const controller = new AbortController();
    const called: number[] = [];
    const stops = Array.from({ length: 50 }, (_, i) => onAbort(controller.signal, () => called.push(i)));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    for (const stop of stops.slice(0, 48)) stop();
    controller.abort();
    expect(called).toEqual([48, 49]);
  });

  it('calls a watcher of an already aborted signal at once', () => {
    const controller = new AbortController();
    controller.abort();
    let called = 0;
    onAbort(controller.signal, () => (called += 1));
    expect(called).toBe(1);
  });

  it('watches a signal again after it aborted without growing (a fresh signal each case)', () => {
    for (let i = 0; i < 3; i++) {
      const controller = new AbortController();
      let called = 0;
      onAbort(controller.signal, () => (called += 1));
      controller.abort();
      expect(called).toBe(1);
    }
  });
});
