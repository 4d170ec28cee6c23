// PIQA over the five providers: one test per task × model. Offline by default (MSW mocks);
// EVALMATRIX_MODE=live calls the real endpoints with keys from the environment.
import { defineEvalSuite } from 'evalmatrix/vitest';

defineEvalSuite('./piqa.yaml');
