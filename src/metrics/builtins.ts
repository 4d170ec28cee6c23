// The built-in metrics, one module each. A new built-in is added here and nowhere else.
import type { MetricDefinition } from './metric.js';
import { exactMatch } from './builtins/exact-match.js';
import { includes } from './builtins/includes.js';
import { jsonSchema } from './builtins/json-schema.js';
import { jsonValid } from './builtins/json-valid.js';
import { levenshtein } from './builtins/levenshtein.js';
import { numericMatch } from './builtins/numeric-match.js';
import { regex } from './builtins/regex.js';
import { rougeL } from './builtins/rouge-l.js';
import { tokenF1 } from './builtins/token-f1.js';
import { llmJudge } from './judge/llm-judge.js';
import { multiChoiceAccuracy } from './multi-choice.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each built-in has its own params type
export const BUILTIN_METRICS: readonly MetricDefinition<any>[] = [
  multiChoiceAccuracy,
  exactMatch,
  includes,
  regex,
  numericMatch,
  tokenF1,
  jsonValid,
  jsonSchema,
  levenshtein,
  rougeL,
  llmJudge,
];
