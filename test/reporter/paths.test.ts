import { describe, expect, it } from 'vitest';
import { newRunId, outputRoot, runDir, sanitizeSegment } from '../../src/reporter/paths.js';

describe('paths', () => {
  it('run ids are YYYYMMDD-HHMMSS-xxxxxx in UTC', () => {
    expect(newRunId(new Date('2026-11-22T03:15:09.123Z'))).toMatch(/^20261122-031509-[0-9a-f]{6}$/);
    expect(newRunId()).not.toBe(newRunId());
  });

  it('directory names keep only [A-Za-z0-9._-] and never escape', () => {
    expect(sanitizeSegment('gpt-4o mini/..')).toBe('gpt-4o_mini_..');
    expect(sanitizeSegment('..')).toBe('__');
    expect(sanitizeSegment('.')).toBe('_');
    expect(sanitizeSegment('')).toBe('_');
    expect(sanitizeSegment('/etc/passwd')).toBe('_etc_passwd');
    expect(runDir('a b', 't', 'r')).toBe('a_b/t/r');
  });

  it('EVALMATRIX_OUTPUT_DIR overrides runs/', () => {
    expect(outputRoot('/proj', {})).toBe('/proj/runs');
    expect(outputRoot('/proj', { EVALMATRIX_OUTPUT_DIR: 'out/x' })).toBe('/proj/out/x');
    expect(outputRoot('/proj', { EVALMATRIX_OUTPUT_DIR: '/abs' })).toBe('/abs');
  });
});
