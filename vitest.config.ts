import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { evalmatrix } from './src/vitest/plugin.js';

// In this repository `evalmatrix/*` resolves to the TypeScript sources, so evals and tests
// always run the code as it is now (installed users get dist/ through package exports).
const src = (p: string): string => fileURLToPath(new URL(`./src/${p}`, import.meta.url));
const alias = [
  { find: /^evalmatrix$/, replacement: src('index.ts') },
  { find: /^evalmatrix\/plugin$/, replacement: src('vitest/plugin.ts') },
  { find: /^evalmatrix\/(vitest|reporter|mocks)$/, replacement: src('$1/index.ts') },
];

// Three projects: `unit` runs the plugin's own tests, `reliability` the slower suite that
// proves the README's promises with real processes, and `evals` the shipped eval suites.
export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/reliability/**'], testTimeout: 60_000 } },
      // Real processes under faults, kills and hostile input (npm run test:reliability; see README "Reliability").
      { resolve: { alias }, test: { name: 'reliability', include: ['test/reliability/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 60_000, fileParallelism: false } },
      { resolve: { alias }, plugins: [evalmatrix()], test: { name: 'evals', include: ['evals/**/*.eval.ts'] } },
    ],
  },
});
