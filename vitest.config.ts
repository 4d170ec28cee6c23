import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { evalmatrix } from './src/vitest/plugin.js';

// In this repository `evalmatrix/*` resolves to the TypeScript sources, so evals and tests
// always run the code as it is now (installed users get dist/ through package exports).
const src = (p: string): string => fileURLToPath(new URL(`./src/${p}`, import.meta.url));
const alias = [
  { find: /^evalmatrix$/, replacement: src('index.ts') },
  { find: /^evalmatrix\/(vitest|reporter|mocks)$/, replacement: src('$1/index.ts') },
];

// Two projects: `unit` runs the plugin's own tests; `evals` runs the shipped eval suites.
export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['test/**/*.test.ts'], testTimeout: 60_000 } },
      { resolve: { alias }, plugins: [evalmatrix()], test: { name: 'evals', include: ['evals/**/*.eval.ts'] } },
    ],
  },
});
