// A standard benchmark through its built-in column mapping: see mmlu.yaml.
import { defineEvalSuite } from 'evalmatrix/vitest';

defineEvalSuite('./mmlu.yaml');
