// `evalmatrix collect`: rebuild a pipeline's summary.index.json and print the table.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../reporter/atomic-write.js';
import { collectIndex, INDEX_FILE, pipelineRoots, type SummaryIndex } from '../reporter/collect-index.js';
import { counted } from '../config/plural.js';
import { metricCell, renderTable } from '../reporter/table.js';

export interface CollectArgs {
  root: string;
  output?: string;
}

/** Returns the process exit code; writes human output through `out`/`err`. */
export function runCollect(args: CollectArgs, out: (s: string) => void, err: (s: string) => void): number {
  const root = path.resolve(args.root);
  if (!existsSync(root)) {
    err(`evalmatrix collect: ${root} does not exist. Pass --root runs/<pipeline> (the folder named after metadata.name).`);
    return 1;
  }
  const label = args.root.replace(/\/+$/, '');
  const { index, problems } = collectIndex(root, { label, sweep: true });
  for (const p of problems) err(`evalmatrix collect: ${p}`);
  if (index.count === 0) {
    err(`evalmatrix collect: no summary.json under ${root}, nor an events.jsonl of a run that did not finish. Run the evals first (npx vitest run evals/).`);
    return 1;
  }
  // runs/ itself rather than runs/<pipeline>: its summaries lie one folder deeper than a
  // pipeline's (<pipeline>/<model>/<task>/<run_id>/summary.json).
  if (index.items.every((item) => item.path.split('/').length > 4)) {
    if (args.output !== undefined) {
      err(`evalmatrix collect: ${root} holds several pipelines; --output writes one index. Pass --root ${label}/<pipeline> (one of: ${pipelineRoots(root).map((r) => path.basename(r)).join(', ')}).`);
      return 1;
    }
    for (const pipeline of pipelineRoots(root)) {
      const code = runCollect({ root: path.join(args.root, path.basename(pipeline)) }, out, err);
      if (code !== 0) return code;
    }
    return 0;
  }
  return writeAndPrint(index, path.resolve(args.output ?? path.join(root, INDEX_FILE)), out);
}

function writeAndPrint(index: SummaryIndex, output: string, out: (s: string) => void): number {
  writeFileAtomic(output, JSON.stringify(index, null, 2) + '\n');
  const rows = index.items.map((i) => [
    i.model,
    i.task_id,
    String(i.sample_count),
    metricCell(i.metrics),
    String(i.error_count),
    i.run_id,
    i.status,
  ]);
  out(renderTable(rows, ['model', 'task', 'samples', 'metric', 'errors', 'run_id', 'status']));
  out(`\nwrote ${output} (${counted(index.count, 'item')})`);
  return 0;
}

