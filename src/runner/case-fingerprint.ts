// What defines a case, as short hashes recorded in its case_start: the prompt, the dataset (its
// spec, max_samples and the file's content, or rows given as an array), the model (provider,
// model, generation parameters, response format, mock reply), the metrics (with their judges)
// and repeats. A resume compares them with the run's and refuses when one changed: samples
// scored under another prompt or dataset must not be mixed into one summary. Code (a `task`
// function, metrics defined in TypeScript, rows from a function) cannot be hashed and is not.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { CaseSpec } from '../config/cases.js';
import type { DatasetRows } from '../datasets/loaders/code.js';
import { canonicalJson } from './canonical-json.js';

export interface CaseFingerprint {
  prompt: string;
  dataset: string;
  model: string;
  metrics: string;
  repeats: number;
}

const short = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
const hashOf = (value: unknown): string => short(canonicalJson(value));

export async function caseFingerprint(spec: CaseSpec, rows?: DatasetRows): Promise<CaseFingerprint> {
  const { resolvedPath, ...dataset } = spec.dataset;
  const content = rows !== undefined ? rowsPart(rows) : resolvedPath !== undefined ? await fileHash(resolvedPath) : null;
  return {
    prompt: hashOf(spec.prompt),
    dataset: hashOf({ dataset, max_samples: spec.task.max_samples ?? null, content }),
    model: hashOf(modelPart(spec.backend.config)),
    metrics: hashOf({ metrics: spec.metrics, judges: spec.judges.map((j) => ({ adapter: j.adapter, model: modelPart(j.backend.config), prompt: j.prompt })) }),
    repeats: spec.task.repeats,
  };
}

/** What changed between a run's fingerprint and now, in words; empty when nothing did. A part
 *  the run did not record (written before it was fingerprinted) counts as changed. */
export function fingerprintChanges(spec: CaseSpec, before: Record<string, string | number> | undefined, now: CaseFingerprint): string[] {
  if (before === undefined) return ['the run has no fingerprint (it was written by an older evalmatrix), so nothing can be checked'];
  const said: Record<keyof CaseFingerprint, string> = {
    prompt: `the prompt (${spec.prompt.prompt_id})`,
    dataset: `the dataset (${spec.dataset.dataset_id}: its file's content, loader, params or max_samples)`,
    model: `the model (${spec.backend.backend_id}: provider, model, generation_parameters, response_format or mock_reply)`,
    metrics: 'the metrics (their implementation, params, pass criteria or judges)',
    repeats: `repeats (${String(before.repeats)} then, ${now.repeats} now)`,
  };
  return (Object.keys(said) as (keyof CaseFingerprint)[]).filter((part) => before[part] !== now[part]).map((part) => said[part]);
}

function modelPart(config: CaseSpec['backend']['config']): unknown {
  const { provider, model, generation_parameters, response_format, mock_reply } = config;
  return { provider, model, generation_parameters, response_format: response_format ?? null, mock_reply: mock_reply ?? null };
}

function rowsPart(rows: DatasetRows): string {
  return Array.isArray(rows) ? hashOf(rows) : 'rows from a function';
}

/** Hashed once per file version in a process: every case of a task reads the same file. */
const fileHashes = new Map<string, Promise<string>>();

function fileHash(file: string): Promise<string> {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return Promise.resolve('missing');
  }
  if (!stat.isFile()) return Promise.resolve('not a file');
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  let hash = fileHashes.get(key);
  if (!hash) {
    hash = new Promise<string>((resolve) => {
      const digest = createHash('sha256');
      createReadStream(file)
        .on('data', (chunk) => digest.update(chunk))
        .on('error', () => resolve('unreadable'))
        .on('end', () => resolve(digest.digest('hex').slice(0, 16)));
    });
    fileHashes.set(key, hash);
  }
  return hash;
}
