// The built-in metrics, one module each. A new built-in is added here and nowhere else.
import type { MetricDefinition } from './metric.js';
import { llmJudge } from './judge/llm-judge.js';
import { multiChoiceAccuracy } from './multi-choice.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each built-in has its own params type
export const BUILTIN_METRICS: readonly MetricDefinition<any>[] = [multiChoiceAccuracy, llmJudge];
