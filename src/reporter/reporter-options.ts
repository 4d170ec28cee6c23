// What the evalmatrix reporter can be asked to do, and the hooks the plugin gives it.
import type { EmittedEvent } from '../runner/events.js';
import type { ProgressOptions } from './progress-display.js';

export interface EvalmatrixReporterOptions {
  /** Print the results table at the end of each run (default true). */
  table?: boolean;
  /** Progress lines while cases run: by default only in an interactive terminal outside CI. */
  progress?: ProgressOptions;
  /** Called at the end of each run, after the indexes, with the pipeline folders the run wrote
   *  to (the plugin writes each one's report.html here). Its failure is logged, never fatal. */
  afterRun?: (roots: readonly string[], log: (line: string) => void) => Promise<void> | void;
  /** Called with each batch once it is written to `file`, as lines `firstLine` on (the plugin's
   *  report folds them in as they come). Its failure is ignored: the file is what counts. */
  onEventsWritten?: (file: string, events: readonly EmittedEvent[], firstLine: number) => void;
}
