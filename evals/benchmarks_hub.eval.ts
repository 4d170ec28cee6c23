// The built-in benchmark mappings straight from the Hugging Face hub. It needs the network once
// (then the cache), so it is left out of the default offline run:
//   EVALMATRIX_HUB_ONLINE=1 npx vitest run evals/benchmarks_hub.eval.ts
import { describe } from 'vitest';
import { defineEvalSuite, hubOnline } from 'evalmatrix/vitest';

describe.skipIf(!hubOnline())('hub datasets (EVALMATRIX_HUB_ONLINE=1)', () => {
  defineEvalSuite('./benchmarks_hub.yaml');
});
