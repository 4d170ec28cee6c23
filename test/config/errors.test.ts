import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../src/config/errors.js';

describe('ConfigError', () => {
  it('puts each problem on its own line and exposes where the first one is', () => {
    const error = new ConfigError(resolve('evals/piqa.yaml'), [
      { message: 'first', hint: 'Do this', line: 3, column: 7, yamlPath: 'tasks[0].concurrency' },
      { message: 'second', line: 9, column: 1 },
    ]);
    expect(error.message).toBe('evals/piqa.yaml:3:7 tasks[0].concurrency: first. Do this\nevals/piqa.yaml:9:1: second');
    expect(error).toMatchObject({ name: 'ConfigError', line: 3, column: 7, yamlPath: 'tasks[0].concurrency' });
  });

  it('shows files outside the working directory by their absolute path', () => {
    expect(formatIssue('/elsewhere/p.yaml', { message: 'gone' })).toBe('/elsewhere/p.yaml: gone');
  });
});
