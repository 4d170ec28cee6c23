// The case folders of a pipeline root, at the fixed depth ARTIFACTS.md gives them:
// <root>/<model>/<task>/<run_id>/. A folder counts when it holds a summary.json or an
// events.jsonl, so a case that never finished (no summary) is still found.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { EVENTS_FILE, SUMMARY_FILE } from '../../reporter/collect-index.js';

export { EVENTS_FILE, SUMMARY_FILE };

export interface CaseFolder {
  /** Folder names: the model (backend id) and the task, as sanitized on disk. */
  model: string;
  task: string;
  run_id: string;
  /** Absolute path of the case folder. */
  dir: string;
  /** `<model>/<task>/<run_id>`, POSIX, relative to the pipeline root. */
  rel: string;
  hasSummary: boolean;
  hasEvents: boolean;
}

// Every folder counts, dotted ones too: a backend_id may start with a dot (".hidden"), and its
// cases are in the index (reporter/collect-index.ts), so the report, compare and resume see them.
function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export function listCaseFolders(root: string): CaseFolder[] {
  if (!existsSync(root)) return [];
  const found: CaseFolder[] = [];
  for (const model of subfolders(root)) {
    for (const task of subfolders(path.join(root, model))) {
      for (const runId of subfolders(path.join(root, model, task))) {
        const dir = path.join(root, model, task, runId);
        const hasSummary = existsSync(path.join(dir, SUMMARY_FILE));
        const hasEvents = existsSync(path.join(dir, EVENTS_FILE));
        if (hasSummary || hasEvents) found.push({ model, task, run_id: runId, dir, rel: `${model}/${task}/${runId}`, hasSummary, hasEvents });
      }
    }
  }
  return found;
}

/** The run ids found under a root, oldest first (run ids sort by their UTC time stamp). */
export function runIdsOf(folders: readonly CaseFolder[]): string[] {
  return [...new Set(folders.map((f) => f.run_id))].sort();
}

/** The pipeline folders under an output root (runs/) that hold at least one case folder. */
export function pipelineFolders(outRoot: string): string[] {
  if (!existsSync(outRoot)) return [];
  return subfolders(outRoot)
    .map((name) => path.join(outRoot, name))
    .filter((dir) => listCaseFolders(dir).length > 0);
}
