// `params.preprocess` → the function that turns a row into a sample: a built-in benchmark's
// name, or a column mapping.
import type { PreprocessName, PreprocessSpec } from '../config/schema.js';
import { arc } from './benchmarks/arc.js';
import { boolq } from './benchmarks/boolq.js';
import { gsm8k } from './benchmarks/gsm8k.js';
import { hellaswag } from './benchmarks/hellaswag.js';
import { mmlu } from './benchmarks/mmlu.js';
import { truthfulqaMc1 } from './benchmarks/truthfulqa-mc1.js';
import { classification } from './mappings/classification.js';
import { multipleChoice } from './mappings/multiple-choice.js';
import { qa } from './mappings/qa.js';
import { none } from './none.js';
import { piqa } from './piqa.js';
import type { Preprocessor } from './preprocessor.js';

export const BUILT_IN_PREPROCESSORS: Readonly<Record<PreprocessName, Preprocessor>> = {
  none,
  piqa,
  mmlu,
  arc,
  hellaswag,
  boolq,
  gsm8k,
  truthfulqa_mc1: truthfulqaMc1,
};

export function preprocessorFor(spec: PreprocessSpec): Preprocessor {
  if (typeof spec === 'string') return BUILT_IN_PREPROCESSORS[spec];
  switch (spec.type) {
    case 'multiple_choice':
      return multipleChoice(spec);
    case 'qa':
      return qa(spec);
    case 'classification':
      return classification(spec);
  }
}
