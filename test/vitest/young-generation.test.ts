import { describe, expect, it } from 'vitest';
import { semiSpaceFlag } from '../../src/vitest/young-generation.js';

describe('semiSpaceFlag', () => {
  it('caps forked workers at 4 MB a semi-space unless EVALMATRIX_SEMI_SPACE_MB says otherwise; 0 leaves V8 alone', () => {
    expect(semiSpaceFlag('forks', [], {})).toBe('--max-semi-space-size=4');
    expect(semiSpaceFlag('vmForks', [], {})).toBe('--max-semi-space-size=4');
    expect(semiSpaceFlag('forks', [], { EVALMATRIX_SEMI_SPACE_MB: ' 8 ' })).toBe('--max-semi-space-size=8');
    expect(semiSpaceFlag('forks', [], { EVALMATRIX_SEMI_SPACE_MB: '0' })).toBeUndefined();
  });

  it('leaves worker threads alone: they refuse the flag', () => {
    expect(semiSpaceFlag('threads', [], {})).toBeUndefined();
    expect(semiSpaceFlag('vmThreads', [], {})).toBeUndefined();
  });

  it('leaves a size the workers are given already alone', () => {
    expect(semiSpaceFlag('forks', ['--max-semi-space-size=16'], {})).toBeUndefined();
    expect(semiSpaceFlag('forks', [], { NODE_OPTIONS: '--max_semi_space_size=2', EVALMATRIX_SEMI_SPACE_MB: '8' })).toBeUndefined();
  });

  it('rejects what it does not understand, naming the variable', () => {
    expect(() => semiSpaceFlag('forks', [], { EVALMATRIX_SEMI_SPACE_MB: 'small' })).toThrow(/EVALMATRIX_SEMI_SPACE_MB="small".*whole number of MB/);
  });
});
