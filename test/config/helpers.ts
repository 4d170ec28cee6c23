// Shared by the config tests: the fixture pipelines, variants of them, and where a piece of
// text sits in a file (so expected line numbers follow the fixture instead of being hard-coded).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const PIQA_FILE = fixture('evals/piqa.yaml');
export const PIQA_TEXT = readFileSync(PIQA_FILE, 'utf8');

/** The example pipeline with one piece of text replaced (which must be there exactly once). */
export function piqaWith(find: string, replace: string): string {
  expect(PIQA_TEXT.split(find)).toHaveLength(2);
  return PIQA_TEXT.replace(find, replace);
}

/** 1-based line and column where `needle` starts in `text` (the nth occurrence, default first). */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let n = 0; n < occurrence; n++) index = text.indexOf(needle, index + 1);
  expect(index, `"${needle}" not found`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The ConfigError `run` throws; fails the test when it throws nothing or something else. */
export function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}
