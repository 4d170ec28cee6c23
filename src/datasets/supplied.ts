// The rows an eval file gives in TypeScript (defineEvalSuite(config, {datasets: {<id>: rows}})),
// checked when the suite is defined rather than when a case first reads them: every id must
// name a dataset of the pipeline, every value must be rows, and every `loader: code` dataset
// must be given some.
import type { DatasetSpec } from '../config/schema.js';
import { didYouMean } from '../config/suggest.js';
import { isDatasetRows, type DatasetRows } from './loaders/code.js';
import { kindOf } from './value-kind.js';

export type SuppliedDatasets = Readonly<Record<string, DatasetRows>>;

/** Throws one error listing every problem; `pipeline` names the config in it. */
export function checkSuppliedDatasets(datasets: readonly DatasetSpec[], supplied: Readonly<Record<string, unknown>> | undefined, pipeline: string): void {
  const known = datasets.map((dataset) => dataset.dataset_id);
  const given = supplied ?? {};
  const problems: string[] = [];
  for (const [id, rows] of Object.entries(given)) {
    if (!known.includes(id)) {
      problems.push(`datasets.${id}: ${pipeline} has no dataset "${id}". ${didYouMean(id, known)}Its datasets: ${known.join(', ') || 'none'}`);
    } else if (!isDatasetRows(rows)) {
      problems.push(`datasets.${id}: give an array of row objects, or a function returning an iterable or async iterable of them (not ${kindOf(rows)})`);
    }
  }
  for (const dataset of datasets) {
    if (dataset.loader === 'code' && !Object.hasOwn(given, dataset.dataset_id)) {
      problems.push(`dataset "${dataset.dataset_id}" has loader: code, but no rows were given for it: add datasets: {${dataset.dataset_id}: rows} to defineEvalSuite's options`);
    }
  }
  if (problems.length > 0) throw new Error(`defineEvalSuite: ${problems.join('\n  ')}`);
}
