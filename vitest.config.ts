import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs the plugin's own tests; `evals` runs the shipped eval suites.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
