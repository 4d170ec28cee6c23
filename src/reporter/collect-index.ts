// The one collector of summary.index.json, called by the reporter after every run, by the
// global teardown and by the CLI. Deterministic: rebuilding twice gives the same file. A case
// folder with events but no summary.json (a killed run) is listed too, `incomplete`, with the
// counts its events give (incomplete-item.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { summarySchema, type MetricSummary, type CaseStatus } from '../runner/summary.js';
import { writeJsonAtomic } from './atomic-write.js';
import { displayPath } from '../config/display-path.js';
import { removeIfStaleTemp } from './stale-temp.js';
import { incompleteCase } from './incomplete-item.js';

export const INDEX_FILE = 'summary.index.json';
export const SUMMARY_FILE = 'summary.json';
export const EVENTS_FILE = 'events.jsonl';

export interface IndexItem {
  model: string;
  task_id: string;
  run_id: string;
  /** POSIX, relative to the pipeline root. */
  path: string;
  sample_count: number;
  error_count: number;
  metrics: MetricSummary[];
  backends: string[];
  /** `incomplete`: events but no summary.json (the run was killed); `path` is then its events.jsonl. */
  status: CaseStatus | 'incomplete';
}

export interface SummaryIndex {
  root: string;
  count: number;
  items: IndexItem[];
}

export interface CollectResult {
  index: SummaryIndex;
  /** One line per summary.json that could not be read; those are skipped, never fatal. */
  problems: string[];
}

/** Every summary.json, and every events.jsonl without one beside it (as path segments),
 *  dot-prefixed folders included: a backend_id may start with a dot. With `sweep`, stale temp
 *  files of killed writes are removed on the way. */
function* findSummaries(dir: string, rel: string[] = [], sweep = false): Generator<string[]> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const hasSummary = entries.some((e) => e.name === SUMMARY_FILE && !e.isDirectory());
  for (const entry of entries) {
    if (entry.isDirectory()) yield* findSummaries(path.join(dir, entry.name), [...rel, entry.name], sweep);
    else if (entry.name === SUMMARY_FILE && rel.length >= 2) yield [...rel, entry.name];
    else if (entry.name === EVENTS_FILE && !hasSummary && rel.length >= 3) yield [...rel, entry.name];
    else if (sweep && entry.name.endsWith('.tmp')) removeIfStaleTemp(path.join(dir, entry.name), entry.name);
  }
}

function compareItems(a: IndexItem, b: IndexItem): number {
  for (const key of ['model', 'task_id', 'run_id'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

export function collectIndex(root: string, options: { label?: string; sweep?: boolean } = {}): CollectResult {
  const problems: string[] = [];
  const items: IndexItem[] = [];
  for (const segments of existsSync(root) ? findSummaries(root, [], options.sweep) : []) {
    const relPath = segments.join('/');
    const file = path.join(root, ...segments);
    if (segments[segments.length - 1] === EVENTS_FILE) {
      const item = incompleteItem(root, segments, file, problems);
      if (item) items.push(item);
      continue;
    }
    let summary;
    try {
      summary = summarySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      const why = error instanceof SyntaxError ? `invalid JSON (${error.message})` : 'not a summary.json of this format';
      problems.push(`${displayPath(file)}: skipped, ${why}`);
      continue;
    }
    items.push({
      model: segments[0]!,
      task_id: summary.run.task_id,
      run_id: segments[segments.length - 2]!,
      path: relPath,
      sample_count: summary.sample_count,
      error_count: summary.error_count,
      metrics: summary.metrics,
      backends: summary.run.metadata.backends.map((b) => b.backend_id),
      status: summary.status,
    });
  }
  items.sort(compareItems);
  return { index: { root: options.label ?? displayPath(root), count: items.length, items }, problems };
}

function incompleteItem(root: string, segments: string[], file: string, problems: string[]): IndexItem | undefined {
  try {
    const c = incompleteCase(root, segments);
    const { task_id, sample_count, error_count, metrics } = c;
    return { model: segments[0]!, task_id, run_id: segments[segments.length - 2]!, path: segments.join('/'), sample_count, error_count, metrics, backends: [c.backend], status: 'incomplete' };
  } catch (error) {
    problems.push(`${displayPath(file)}: skipped, its events could not be read (${(error as Error).message})`);
    return undefined;
  }
}

/** Collects and writes <root>/summary.index.json atomically, removing stale temp files of
 *  killed writes under the root on the way. */
export function writeIndex(root: string, options: { label?: string } = {}): CollectResult & { file: string } {
  const result = collectIndex(root, { ...options, sweep: true });
  const file = path.join(root, INDEX_FILE);
  writeJsonAtomic(file, result.index);
  return { ...result, file };
}

/** Every pipeline folder under the output root that holds at least one summary. */
export function pipelineRoots(outRoot: string): string[] {
  if (!existsSync(outRoot)) return [];
  return readdirSync(outRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(outRoot, e.name))
    .filter((dir) => !findSummaries(dir).next().done);
}
