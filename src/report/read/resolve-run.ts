// Which run a name on the command line (or the plugin's `baseline:`) means: `latest`,
// `previous`, a run id (or a unique prefix of one) under the root, a case folder
// (<root>/<model>/<task>/<run_id>) or another pipeline folder (its latest run, e.g. a runs
// folder downloaded from the main branch's CI).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../../config/display-path.js';
import { EVENTS_FILE, listCaseFolders, SUMMARY_FILE } from './case-folders.js';
import { listRuns } from './scan-run.js';

export interface RunRef {
  root: string;
  run_id: string;
}

export type Resolved = RunRef | { error: string };

function latestUnder(root: string): Resolved {
  const runs = listRuns(root);
  if (runs.length === 0) return { error: `no runs under ${displayPath(root)} (no <model>/<task>/<run_id>/ folder with a summary.json or events.jsonl); run the evals first (npx vitest run evals/)` };
  return { root, run_id: runs[runs.length - 1]! };
}

function fromFolder(dir: string): Resolved {
  if (existsSync(path.join(dir, SUMMARY_FILE)) || existsSync(path.join(dir, EVENTS_FILE))) {
    return { root: path.resolve(dir, '..', '..', '..'), run_id: path.basename(dir) };
  }
  if (listCaseFolders(dir).length > 0) return latestUnder(dir);
  return { error: `${displayPath(dir)} is neither a case folder (<model>/<task>/<run_id>) nor a pipeline folder holding runs` };
}

export function resolveRun(ref: string, root: string | undefined): Resolved {
  if (ref === 'latest' || ref === 'previous') {
    if (root === undefined) return { error: `"${ref}" needs a pipeline folder: pass --root runs/<pipeline>` };
    const runs = listRuns(root);
    if (runs.length === 0) return latestUnder(root);
    if (ref === 'latest') return { root, run_id: runs[runs.length - 1]! };
    if (runs.length < 2) return { error: `only one run under ${displayPath(root)} (${runs[0]}), so there is no previous run` };
    return { root, run_id: runs[runs.length - 2]! };
  }
  if (root !== undefined) {
    const runs = listRuns(root);
    const matches = runs.includes(ref) ? [ref] : runs.filter((r) => r.startsWith(ref));
    if (matches.length === 1) return { root, run_id: matches[0]! };
    if (matches.length > 1) return { error: `"${ref}" matches ${matches.length} runs under ${displayPath(root)} (${matches.join(', ')}); give more of the run id` };
  }
  const dir = path.resolve(ref);
  if (existsSync(dir) && statSync(dir).isDirectory()) return fromFolder(dir);
  const known = root === undefined ? '' : ` Runs under ${displayPath(root)}: ${listRuns(root).join(', ') || 'none'}.`;
  return { error: `"${ref}" is not a run: give a run id, a run folder, latest or previous.${known}` };
}
