import { describe, expect, it } from 'vitest';
import { polymorphicMaps, polymorphicMapsFlag } from '../../src/vitest/polymorphic-maps.js';

describe('polymorphicMaps', () => {
  it('is 8 unless EVALMATRIX_POLYMORPHIC_MAPS says otherwise; 0 leaves V8 alone', () => {
    expect(polymorphicMaps({}, [])).toBe(8);
    expect(polymorphicMaps({ EVALMATRIX_POLYMORPHIC_MAPS: '16' }, [])).toBe(16);
    expect(polymorphicMaps({ EVALMATRIX_POLYMORPHIC_MAPS: '0' }, [])).toBeUndefined();
    expect(polymorphicMapsFlag(polymorphicMaps({}, []))).toBe('--max-valid-polymorphic-map-count=8');
    expect(polymorphicMapsFlag(undefined)).toBeUndefined();
  });

  it('leaves a count the worker was started with alone', () => {
    expect(polymorphicMaps({}, ['--max-valid-polymorphic-map-count=6'])).toBeUndefined();
    expect(polymorphicMaps({ NODE_OPTIONS: '--max_valid_polymorphic_map_count=2' }, [])).toBeUndefined();
  });

  it('rejects what it does not understand, naming the variable', () => {
    expect(() => polymorphicMaps({ EVALMATRIX_POLYMORPHIC_MAPS: 'many' }, [])).toThrow(/EVALMATRIX_POLYMORPHIC_MAPS="many".*whole number of shapes/);
  });
});
