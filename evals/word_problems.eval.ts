// Arithmetic word problems scored by numeric_match and a regex: see word_problems.yaml.
import { defineEvalSuite } from 'evalmatrix/vitest';

defineEvalSuite('./word_problems.yaml');
