import { describe, expect, it } from 'vitest';
import { casesOfPart, parseCasePart, selectPart } from '../../src/config/case-part.js';
import type { CaseSpec } from '../../src/config/cases.js';

const cases = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name }) as CaseSpec);
const names = (list: CaseSpec[]) => list.map((c) => c.name);

describe('parseCasePart', () => {
  it('reads "i/N"', () => {
    expect(parseCasePart('1/2')).toEqual({ index: 1, of: 2 });
    expect(parseCasePart(' 3 / 3 ')).toEqual({ index: 3, of: 3 });
  });

  it('refuses anything else, with an example', () => {
    for (const bad of ['0/2', '3/2', '1', '1/0', 'a/b', '-1/2', '1.5/2', 2]) {
      const parsed = parseCasePart(bad);
      expect(parsed, String(bad)).toHaveProperty('error');
      expect((parsed as { error: string }).error).toContain('part must be "i/N" with 1 ≤ i ≤ N (for example "1/2" and "2/2" in two eval files)');
    }
  });
});

describe('casesOfPart', () => {
  it('deals the cases round-robin, so every case is in exactly one part', () => {
    const parts = [1, 2].map((index) => names(casesOfPart(cases, { index, of: 2 }, 'p.yaml')));
    expect(parts).toEqual([['a', 'c', 'e'], ['b', 'd']]);
    expect(names(casesOfPart(cases, { index: 1, of: 1 }, 'p.yaml'))).toEqual(names(cases));
  });

  it('refuses a part with no case', () => {
    expect(() => casesOfPart(cases.slice(0, 2), { index: 3, of: 3 }, '/x/p.yaml')).toThrow(/part "3\/3" of .*p\.yaml has no cases: the pipeline has 2, so split it into at most 2 parts/);
  });
});

describe('selectPart', () => {
  it('keeps every case without a part, and says which part reports what belongs to no case', () => {
    expect(names(selectPart(cases, undefined, 'p.yaml').cases)).toEqual(names(cases));
    expect(selectPart(cases, undefined, 'p.yaml').first).toBe(true);
    expect(selectPart(cases, ' 1/3', 'p.yaml')).toMatchObject({ first: true });
    expect(selectPart(cases, '2/3', 'p.yaml')).toMatchObject({ first: false });
    expect(names(selectPart(cases, '2/3', 'p.yaml').cases)).toEqual(['b', 'e']);
  });

  it('throws the parse error for a malformed part', () => {
    expect(() => selectPart(cases, 'half', 'p.yaml')).toThrow('part must be "i/N"');
  });
});
