// PIQA with repeats: 5 — pass@k, pass^k, trial agreement and a 95% interval (README "Repeats").
import { defineEvalSuite } from 'evalmatrix/vitest';

defineEvalSuite('./repeats.yaml');
