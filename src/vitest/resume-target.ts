// Which run EVALMATRIX_RESUME (and EVALMATRIX_RERUN=errors) means, decided once in Vitest's
// main process before any test runs: `latest` (the newest run id under the output root, all
// pipelines together) or a run id. The reporter writes into that run and every worker reads
// the same answer (provided to them by the plugin), so they can never disagree.
import path from 'node:path';
import { displayPath } from '../config/display-path.js';
import { listCaseFolders, pipelineFolders } from '../report/read/case-folders.js';
import type { Rerun } from '../recordings/resume/restore.js';

export const RESUME_KEY = 'evalmatrixResume' as const;

export interface ResumeTarget {
  runId: string;
  /** Absolute output root (runs/). */
  outRoot: string;
  rerun: Rerun;
}

declare module 'vitest' {
  interface ProvidedContext {
    [RESUME_KEY]: ResumeTarget | null;
  }
}

/** Bad input, said in full by its message: no stack trace follows it. */
export class ResumeError extends Error {
  override name = 'ResumeError';
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

const SHOWN_RUNS = 10;

/** undefined when neither variable asks for a resume; throws ResumeError naming what is wrong. */
export function resumeTargetFromEnv(outRoot: string, env: Record<string, string | undefined> = process.env): ResumeTarget | undefined {
  const ref = env.EVALMATRIX_RESUME?.trim() || undefined;
  const rerunValue = env.EVALMATRIX_RERUN?.trim() || undefined;
  if (rerunValue !== undefined && rerunValue !== 'errors') {
    throw new ResumeError(`EVALMATRIX_RERUN="${rerunValue}": its one value is "errors" (run again the samples of a run that failed; EVALMATRIX_RESUME names the run, latest by default).`);
  }
  if (ref === undefined && rerunValue === undefined) return undefined;
  const rerun: Rerun = rerunValue === 'errors' ? 'errors' : 'unfinished';
  const asked = ref ?? 'latest';
  const variable = ref === undefined ? 'EVALMATRIX_RERUN=errors' : `EVALMATRIX_RESUME=${asked}`;
  const runs = runsUnder(outRoot);
  const ids = [...runs.keys()].sort();
  if (ids.length === 0) throw new ResumeError(`${variable}: there is no run under ${displayPath(outRoot)} to resume. Run the evals first (npx vitest run evals/); EVALMATRIX_OUTPUT_DIR moves the output root.`);
  if (asked === 'latest') return { runId: ids[ids.length - 1]!, outRoot, rerun };
  if (runs.has(asked)) return { runId: asked, outRoot, rerun };
  const newest = ids.reverse().slice(0, SHOWN_RUNS).map((id) => `${id} (${describe(runs.get(id)!)})`);
  const more = ids.length > SHOWN_RUNS ? `, and ${ids.length - SHOWN_RUNS} older` : '';
  throw new ResumeError(`${variable}: there is no run ${asked} under ${displayPath(outRoot)}. Runs there, newest first: ${newest.join(', ')}${more}. Name one of them, or latest.`);
}

interface RunCase {
  pipeline: string;
  hasSummary: boolean;
}

/** Every case folder under the output root, by run id. */
function runsUnder(outRoot: string): Map<string, RunCase[]> {
  const runs = new Map<string, RunCase[]>();
  for (const root of pipelineFolders(outRoot)) {
    for (const folder of listCaseFolders(root)) {
      const list = runs.get(folder.run_id) ?? [];
      list.push({ pipeline: path.basename(root), hasSummary: folder.hasSummary });
      runs.set(folder.run_id, list);
    }
  }
  return runs;
}

function describe(cases: RunCase[]): string {
  const pipelines = [...new Set(cases.map((c) => c.pipeline))].join(', ');
  const unfinished = cases.filter((c) => !c.hasSummary).length;
  return `${cases.length} ${cases.length === 1 ? 'case' : 'cases'} of ${pipelines}${unfinished > 0 ? `, ${unfinished} without summary` : ''}`;
}
