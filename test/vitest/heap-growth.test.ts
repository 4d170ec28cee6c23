import { afterEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));

const { heapGrowingPercent, holdHeapGrowth } = await import('../../src/vitest/heap-growth.js');

describe('heapGrowingPercent', () => {
  it('is 100 unless EVALMATRIX_HEAP_GROWING_PERCENT says otherwise, and 0 leaves V8 alone', () => {
    expect(heapGrowingPercent({}, [])).toBe(100);
    expect(heapGrowingPercent({ EVALMATRIX_HEAP_GROWING_PERCENT: '' }, [])).toBe(100);
    expect(heapGrowingPercent({ EVALMATRIX_HEAP_GROWING_PERCENT: ' 50 ' }, [])).toBe(50);
    expect(heapGrowingPercent({ EVALMATRIX_HEAP_GROWING_PERCENT: '0' }, [])).toBeUndefined();
  });

  it('leaves a flag the worker was started with alone', () => {
    expect(heapGrowingPercent({}, ['--heap-growing-percent=80'])).toBeUndefined();
    const asked = { EVALMATRIX_HEAP_GROWING_PERCENT: '20' };
    expect(heapGrowingPercent(asked, ['--heap-growing-percent=80'])).toBeUndefined();
    expect(heapGrowingPercent({ ...asked, NODE_OPTIONS: '--heap_growing_percent=80' }, [])).toBeUndefined();
  });

  it('rejects what it does not understand', () => {
    expect(() => heapGrowingPercent({ EVALMATRIX_HEAP_GROWING_PERCENT: 'lots' }, [])).toThrow(/EVALMATRIX_HEAP_GROWING_PERCENT="lots"/);
    expect(() => heapGrowingPercent({ EVALMATRIX_HEAP_GROWING_PERCENT: '-5' }, [])).toThrow(/whole number/);
  });
});

describe('holdHeapGrowth', () => {
  afterEach(() => setFlagsFromString.mockClear());

  it('sets the flag for the first holder and restores V8 default after the last', () => {
    const a = holdHeapGrowth(20);
    const b = holdHeapGrowth(20);
    expect(setFlagsFromString.mock.calls).toEqual([['--heap-growing-percent=20']]);
    a();
    a(); // releasing twice counts once
    expect(setFlagsFromString).toHaveBeenCalledTimes(1);
    b();
    expect(setFlagsFromString.mock.calls.at(-1)).toEqual(['--heap-growing-percent=0']);
  });

  it('does nothing when pacing is off', () => {
    holdHeapGrowth(undefined)();
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
