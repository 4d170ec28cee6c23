// Which recordings a test worker runs with: the plugin provides its options, the Vitest root and
// whether this is watch mode (only the main process knows); the environment has the final say
// (recordings/mode.ts). The setup file starts them and the case tests scope their trials from
// the same answer.
import { existsSync } from 'node:fs';
import { inject } from 'vitest';
import { checkModeFits, recordingSettings, type ActiveRecordingSettings } from '../recordings/mode.js';
import type { Mode } from '../runner/run-case.js';
import { RECORDINGS_KEY, type ProvidedRecordings } from './recordings-key.js';

/**
 * The recordings of this worker, or undefined when none apply: `off`, or `auto` in mock mode with
 * no recordings folder (nothing to replay, and mock answers are never recorded).
 */
export function activeRecordings(mode: Mode, env: Record<string, string | undefined> = process.env): ActiveRecordingSettings | undefined {
  // Without the plugin (the setup file added by hand) nothing is provided: not watch mode, and
  // the folder is relative to where Vitest runs.
  const provided = inject(RECORDINGS_KEY) as ProvidedRecordings | undefined;
  const settings = recordingSettings({ env, option: provided?.record, dirOption: provided?.dir, watch: provided?.watch ?? false, root: provided?.root ?? process.cwd() });
  if (settings.mode === 'off') return undefined;
  checkModeFits(settings.mode, mode === 'live');
  if (settings.mode === 'auto' && mode === 'mock' && !existsSync(settings.dir)) return undefined;
  return { ...settings, mode: settings.mode };
}
