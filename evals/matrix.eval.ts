// The model matrix against the real endpoints: runs only with EVALMATRIX_MODE=live
// (`npm run eval:matrix`); otherwise its tests are skipped. Keys come from the variables each
// entry names; an entry whose key is missing is skipped with the variable named.
import { defineMatrixSuite } from 'evalmatrix/vitest';

defineMatrixSuite({ matrix: './model_matrix.yaml', template: './template.yaml', onlyIn: 'live' });
