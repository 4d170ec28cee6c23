// What the plugin (main process) tells the test workers about recordings, under one key of
// Vitest's provide/inject. Kept apart from recordings.ts, which imports Vitest's test API: the
// plugin loads in the main process.

/** JSON: it crosses to the workers. */
export interface ProvidedRecordings {
  /** The plugin's `record` option. */
  record?: string;
  /** The plugin's `recordingsDir` option. */
  dir?: string;
  /** The Vitest root. */
  root: string;
  /** Vitest runs in watch mode (only the main process knows). */
  watch: boolean;
}

export const RECORDINGS_KEY = 'evalmatrix:recordings';

declare module 'vitest' {
  export interface ProvidedContext {
    'evalmatrix:recordings': ProvidedRecordings;
  }
}
