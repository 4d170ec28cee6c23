// zod's issues rewritten for people editing YAML: YAML words (mapping, list), the offending
// value, the accepted alternatives, and what to do.
import type { z } from 'zod';
import { knownKeysAt } from './known-keys.js';
import type { PathIssue } from './locate.js';
import { didYouMean } from './suggest.js';
import { isRecord } from './is-record.js';

type ZodIssue = z.core.$ZodIssue;

/** One zod issue as path issues (an unknown-keys issue becomes one per key). */
export function describeZodIssue(issue: ZodIssue, schema: z.ZodType, data: unknown): PathIssue[] {
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path, data) ?? [];
      const expected = known.length > 0 ? ` (expected one of: ${known.join(', ')})` : '';
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: 'key' as const,
        message: `unknown key "${key}"${expected}`,
        hint: `${didYouMean(key, known)}Rename or remove it`,
      }));
    }
    case 'invalid_type':
      return [invalidType(issue)];
    case 'invalid_value': {
      const values = issue.values.map(String);
      const expected = values.length === 1 ? `"${values[0]}"` : `one of: ${values.join(', ')}`;
      return [{ path, message: `expected ${expected}, got ${describeValue(issue.input)}`, hint: fix(issue.input, values) }];
    }
    case 'invalid_union': {
      // One branch had the input's type and failed inside (`{min, on: ci_lo}` for a threshold):
      // its own issues say what is wrong, where "expected number, got a mapping" would not.
      const inner = issue.discriminator === undefined ? matchingBranch(issue) : undefined;
      if (inner) return inner.flatMap((i) => describeZodIssue({ ...i, path: [...path, ...i.path] } as ZodIssue, schema, data));
      return [invalidUnion(issue)];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, message: outOfRange(issue) }];
    case 'invalid_format':
      return [
        {
          path,
          message:
            issue.format === 'regex'
              ? `${describeValue(issue.input)} is not allowed here: ${issue.message}`
              : `expected a ${issue.format === 'url' ? 'URL' : issue.format}, got ${describeValue(issue.input)}`,
        },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

function invalidType(issue: z.core.$ZodIssueInvalidType): PathIssue {
  const path = issue.path;
  const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
  const field = path[path.length - 1];
  if (field === undefined) {
    const found = issue.input === null || issue.input === undefined ? 'the file is empty' : `the file holds ${describeValue(issue.input)}`;
    return { path, message: `${found}; expected a PipelineConfig mapping`, hint: PIPELINE_START };
  }
  if (issue.input === undefined) {
    return { path, message: `missing required field "${String(field)}" (expected ${expected})`, hint: `Add "${String(field)}:" here` };
  }
  const issueText = { path, message: `expected ${expected}, got ${describeValue(issue.input)}` };
  if (issue.input === null) return { ...issueText, hint: 'Write a value after the colon' };
  if (expected === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'boolean')) {
    return { ...issueText, hint: `Quote it to keep it text: "${String(issue.input)}"` };
  }
  return issueText;
}

/** The issues of the only branch that failed for something other than the input's type. */
function matchingBranch(issue: z.core.$ZodIssueInvalidUnion): ZodIssue[] | undefined {
  const typed = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  return typed.length === 1 ? typed[0] : undefined;
}

/** A discriminated union names its discriminator; other unions list what each branch wanted. */
function invalidUnion(issue: z.core.$ZodIssueInvalidUnion): PathIssue {
  const path = issue.path;
  if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
    const options = issue.options.map(String);
    const tag = isRecord(issue.input) ? issue.input[issue.discriminator] : undefined;
    const listed = `(expected one of: ${options.join(', ')})`;
    if (tag === undefined) return { path, message: `missing required field "${issue.discriminator}" ${listed}` };
    return { path, message: `unknown ${issue.discriminator} "${String(tag)}" ${listed}`, hint: fix(tag, options) };
  }
  const wanted = issue.errors.flatMap((branch) =>
    branch.flatMap((inner) => (inner.code === 'invalid_type' && inner.path.length === 0 ? [TYPE_NAMES[inner.expected] ?? inner.expected] : [])),
  );
  if (wanted.length === 0) return { path, message: issue.message };
  return { path, message: `expected ${[...new Set(wanted)].join(' or ')}, got ${describeValue(issue.input)}` };
}

function outOfRange(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  const input = issue.input;
  switch (issue.origin) {
    case 'array':
      return `expected ${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}, got ${Array.isArray(input) ? input.length : 0}`;
    case 'string':
      return small && bound === 1 ? 'must not be empty' : `expected ${small ? 'at least' : 'at most'} ${bound} characters`;
    default: {
      const operator = small ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      return `expected a number ${operator} ${bound}, got ${String(input)}`;
    }
  }
}

const PIPELINE_START = 'A pipeline is a mapping that starts with api_version: evalmatrix/v1 and kind: PipelineConfig';

const TYPE_NAMES: Partial<Record<string, string>> = {
  object: 'mapping',
  array: 'list',
  int: 'integer',
  record: 'mapping',
};

/** `string "abc"`, `number 3`, `a list`, …: the value as the user wrote it. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

function fix(input: unknown, options: string[]): string {
  return typeof input === 'string' ? `${didYouMean(input, options)}Fix the value` : 'Fix the value';
}

