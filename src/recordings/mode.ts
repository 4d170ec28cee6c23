// The four ways recordings work, and which one a run gets: EVALMATRIX_RECORD, else the plugin's
// `record` option, else `auto` in watch mode (iterate on prompts and pay only for what changed)
// and `off` for a one-off `vitest run` (a run measures the model, and writes nothing into the
// repository unasked). A pipeline-level key would make one YAML behave differently in CI and on
// a laptop; the mode belongs to the run, so it is set where runs are configured.
import path from 'node:path';

export const RECORD_MODES = ['auto', 'replay', 'record', 'off'] as const;
export type RecordMode = (typeof RECORD_MODES)[number];

/** Where recordings live unless told: committed next to the evals. */
export const DEFAULT_RECORDINGS_DIR = 'evals/__recordings__';

export interface RecordingChoices {
  env: Readonly<Record<string, string | undefined>>;
  /** The plugin's `record` option. */
  option?: string | undefined;
  /** The plugin's `recordingsDir` option. */
  dirOption?: string | undefined;
  /** Vitest runs in watch mode. */
  watch: boolean;
  /** The Vitest root: relative folders are relative to it. */
  root: string;
}

export interface RecordingSettings {
  mode: RecordMode;
  /** Absolute folder holding <pipeline>/<model>.jsonl. */
  dir: string;
}

/** A mode that records or replays something. */
export type ActiveRecordMode = Exclude<RecordMode, 'off'>;
export type ActiveRecordingSettings = RecordingSettings & { mode: ActiveRecordMode };

export class RecordModeError extends Error {
  override readonly name = 'RecordModeError';
}

export function recordingSettings(choices: RecordingChoices): RecordingSettings {
  const fromEnv = choices.env.EVALMATRIX_RECORD?.trim();
  const mode =
    fromEnv ? parseMode(fromEnv, 'EVALMATRIX_RECORD')
    : choices.option !== undefined ? parseMode(choices.option, "the evalmatrix() plugin's `record` option")
    : choices.watch ? 'auto'
    : 'off';
  const dir = choices.env.EVALMATRIX_RECORDINGS_DIR?.trim() || choices.dirOption || DEFAULT_RECORDINGS_DIR;
  return { mode, dir: path.resolve(choices.root, dir) };
}

function parseMode(raw: string, source: string): RecordMode {
  const mode = raw.trim().toLowerCase();
  if ((RECORD_MODES as readonly string[]).includes(mode)) return mode as RecordMode;
  throw new RecordModeError(
    `${source} is "${raw}", which is not a recordings mode; use auto (replay what is recorded, record the rest), ` +
      'replay (recorded answers only: a missing one fails its sample), record (call and record every request) or off.',
  );
}

/** Mock mode never records (its answers are not a model's): `record` there is a mistake to name. */
export function checkModeFits(mode: RecordMode, live: boolean): void {
  if (mode === 'record' && !live) {
    throw new RecordModeError(
      'recordings mode `record` calls the providers and records their answers, but mock mode answers every call itself ' +
        'and mock answers are never recorded. Record with EVALMATRIX_MODE=live (and the providers\' keys), or replay in mock mode with EVALMATRIX_RECORD=replay.',
    );
  }
}
