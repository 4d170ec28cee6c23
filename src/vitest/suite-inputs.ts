// What an eval file hands defineEvalSuite besides the config: rows for datasets, and its own
// code under test. Checked when the suite is defined; each case then gets its share.
import type { CaseSpec } from '../config/cases.js';
import type { LoadedPipeline } from '../config/load.js';
import { checkSuppliedDatasets, type SuppliedDatasets } from '../datasets/supplied.js';
import type { RunCaseOptions } from '../runner/run-case.js';
import type { TaskFunction } from '../runner/task-call.js';

export interface SuiteInputs {
  /** Rows by dataset id: they supply a `loader: code` dataset, or replace another loader's. */
  datasets?: SuppliedDatasets;
  /** Produces each sample's output instead of the provider call (see README, "Evaluating your own code"). */
  task?: TaskFunction;
}

export function checkSuiteInputs(pipeline: LoadedPipeline, inputs: SuiteInputs): SuiteInputs {
  checkSuppliedDatasets(pipeline.spec.datasets, inputs.datasets, pipeline.file);
  if (inputs.task !== undefined && typeof inputs.task !== 'function') {
    throw new Error(`defineEvalSuite: task must be a function ({sample, messages, client, signal}) => output, not ${typeof inputs.task}`);
  }
  return { ...(inputs.datasets ? { datasets: inputs.datasets } : {}), ...(inputs.task ? { task: inputs.task } : {}) };
}

/** The options runCase takes from the suite's inputs for one case. */
export function caseInputs(spec: CaseSpec, inputs: SuiteInputs | undefined): Pick<RunCaseOptions, 'task' | 'rows'> {
  const rows = inputs?.datasets?.[spec.dataset.dataset_id];
  return { ...(inputs?.task ? { task: inputs.task } : {}), ...(rows ? { rows } : {}) };
}
