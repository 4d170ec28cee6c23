// Each built-in's params schema turns bad params into messages naming the param (the load-time
// check places them in the YAML). The messages asserted are the ones users read.
import { describe, expect, it } from 'vitest';
import { exactMatch } from '../../src/metrics/builtins/exact-match.js';
import { includes } from '../../src/metrics/builtins/includes.js';
import { jsonSchema } from '../../src/metrics/builtins/json-schema.js';
import { jsonValid } from '../../src/metrics/builtins/json-valid.js';
import { numericMatch } from '../../src/metrics/builtins/numeric-match.js';
import { regex } from '../../src/metrics/builtins/regex.js';
import { rougeL } from '../../src/metrics/builtins/rouge-l.js';
import { paramsErrors } from './score-with.js';

describe('regex params', () => {
  it('requires a pattern, as a string', () => {
    expect(paramsErrors(regex, {})).toEqual(['pattern: Invalid input: expected string, received undefined']);
    expect(paramsErrors(regex, { pattern: 5 })).toEqual(['pattern: Invalid input: expected string, received number']);
  });

  it("rejects a pattern that does not compile with the RegExp's own reason", () => {
    expect(paramsErrors(regex, { pattern: '(a' })).toEqual(['pattern: does not compile: Invalid regular expression: /(a/: Unterminated group']);
    expect(paramsErrors(regex, { pattern: 'a', flags: 'q' })).toEqual(["flags: Invalid flags supplied to RegExp constructor 'q'"]);
  });

  it('rejects g and y, which would make matching depend on the previous reply', () => {
    expect(paramsErrors(regex, { pattern: 'a', flags: 'gi' })).toEqual(['flags: flag g is not supported: the pattern is tried once per reply (the first match counts); remove it']);
  });

  it('rejects a group the pattern does not have', () => {
    expect(paramsErrors(regex, { pattern: '(a)(b)', group: 3 })).toEqual(['group: the pattern has 2 capture groups, so there is no group 3']);
    expect(paramsErrors(regex, { pattern: '(?<x>a)', group: 'y' })).toEqual(['group: the pattern has no group named "y" (it has "x")']);
    expect(paramsErrors(regex, { pattern: '(a)(b)', group: 2 })).toEqual([]);
  });

  it('rejects unknown params (a misspelt one would otherwise be ignored)', () => {
    expect(paramsErrors(regex, { pattern: 'a', patern: 'b' })).toEqual(['(params): Unrecognized key: "patern"']);
  });
});

describe('json_schema params', () => {
  it('requires a schema mapping', () => {
    expect(paramsErrors(jsonSchema, {})).toEqual(['schema: Invalid input: expected record, received undefined']);
    expect(paramsErrors(jsonSchema, { schema: 'object' })).toEqual(['schema: Invalid input: expected record, received string']);
  });

  it("rejects a schema that is itself invalid with ajv's reason", () => {
    expect(paramsErrors(jsonSchema, { schema: { type: 'strin' } })).toEqual([
      'schema: not a valid JSON Schema: schema is invalid: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf',
    ]);
    expect(paramsErrors(jsonSchema, { schema: { type: 'object', requird: ['a'] } })).toEqual(['schema: not a valid JSON Schema: strict mode: unknown keyword: "requird"']);
    expect(paramsErrors(jsonSchema, { schema: { $ref: '#/$defs/missing' } })).toEqual(["schema: not a valid JSON Schema: can't resolve reference #/$defs/missing from id #"]);
  });
});

describe('other built-ins', () => {
  it('reject a normalize step that does not exist, naming the steps', () => {
    expect(paramsErrors(exactMatch, { normalize: ['lowercase', 'stem'] })).toEqual([
      'normalize.1: Invalid option: expected one of "lowercase"|"strip_punctuation"|"strip_articles"|"collapse_whitespace"|"trim"',
    ]);
    expect(paramsErrors(exactMatch, { normalize: 5 })).toEqual(['normalize: Invalid input: expected array, received number']);
  });

  it('reject wrong types and ranges', () => {
    expect(paramsErrors(includes, { any: 'Paris' })).toEqual(['any: Invalid input: expected array, received string']);
    expect(paramsErrors(includes, { all: [] })).toEqual(['all: Too small: expected array to have >=1 items']);
    expect(paramsErrors(includes, { all: [''] })).toEqual(['all.0: an empty string is contained in every reply; remove it']);
    expect(paramsErrors(numericMatch, { abs_tol: -1 })).toEqual(['abs_tol: Too small: expected number to be >=0']);
    expect(paramsErrors(numericMatch, { rel_tol: '1%' })).toEqual(['rel_tol: Invalid input: expected number, received string']);
    expect(paramsErrors(rougeL, { beta: 0 })).toEqual(['beta: Too small: expected number to be >0']);
    expect(paramsErrors(jsonValid, { type: 'string' })).toEqual(['type: Invalid option: expected one of "object"|"array"']);
  });
});
