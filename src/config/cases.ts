// The model matrix: one case (one Vitest test) per task × adapter of its inference step.
import { resolve } from 'node:path';
import { loadPipeline, type LoadedPipeline, type LoadOptions } from './load.js';
import { FILE_LOADERS, type BackendSpec, type DatasetSpec, type FileDatasetSpec, type MetricSpec, type PromptSpec, type RoleAdapterSpec, type TaskSpec } from './schema.js';
import { judgeAdapterOf } from './judge-ref.js';
import { inferenceSteps, stepAdapterIds, taskMetricIds } from './task-steps.js';

/** A dataset with its file, if it has one, made absolute: a relative `path` is relative to the config file. */
export type ResolvedDataset = (FileDatasetSpec & { resolvedPath: string }) | (Exclude<DatasetSpec, FileDatasetSpec> & { resolvedPath?: undefined });

export interface CaseSpec {
  /** metadata.name */
  pipeline: string;
  task: TaskSpec;
  adapter: RoleAdapterSpec;
  backend: BackendSpec;
  prompt: PromptSpec;
  dataset: ResolvedDataset;
  /** The auto_eval step's metrics (every metric when it names none; none without the step). */
  metrics: MetricSpec[];
  /** The judge_model adapters those metrics name in `params.judge`, each once. */
  judges: JudgeSpec[];
  /** backend.backend_id: the model's name in run paths and test names. */
  model: string;
  /** `${task_id} › ${model}` */
  name: string;
  /** Absolute path of the pipeline file. */
  configFile: string;
}

/** A judge as a case needs it: its role adapter, the backend it calls, its prompt (the rubric). */
export interface JudgeSpec {
  adapter: RoleAdapterSpec;
  backend: BackendSpec;
  prompt: PromptSpec;
}

/** Cases in config order: tasks as listed, and within a task its adapters as listed.
 *  Expects a pipeline from loadPipeline, whose references are already checked. */
export function expandCases(loaded: LoadedPipeline): CaseSpec[] {
  const { spec } = loaded;
  const byId = <T>(items: T[], id: (item: T) => string) => (key: string): T => {
    const found = items.find((item) => id(item) === key);
    if (found === undefined) throw new Error(`evalmatrix: unchecked reference "${key}" in ${loaded.file}`);
    return found;
  };
  const adapterById = byId(spec.role_adapters, (a) => a.adapter_id);
  const backendById = byId(spec.backends, (b) => b.backend_id);
  const promptById = byId(spec.prompts, (p) => p.prompt_id);
  const datasetById = byId(spec.datasets, (d) => d.dataset_id);
  const metricById = byId(spec.metrics, (m) => m.metric_id);
  const allMetricIds = spec.metrics.map((metric) => metric.metric_id);

  return spec.tasks.flatMap((task) => {
    const dataset = datasetById(task.dataset_id);
    const resolvedDataset = resolveDataset(dataset, loaded.baseDir);
    const metrics = taskMetricIds(task, allMetricIds).map(metricById);
    const judges = [...new Set(metrics.flatMap((m) => judgeAdapterOf(m) ?? []))].map((judgeId): JudgeSpec => {
      const adapter = adapterById(judgeId);
      return { adapter, backend: backendById(adapter.backend_id), prompt: promptById(adapter.prompt_id) };
    });
    return inferenceSteps(task)
      .flatMap(stepAdapterIds)
      .map((adapterId): CaseSpec => {
        const adapter = adapterById(adapterId);
        const backend = backendById(adapter.backend_id);
        return {
          pipeline: spec.metadata.name,
          task,
          adapter,
          backend,
          prompt: promptById(adapter.prompt_id),
          dataset: resolvedDataset,
          metrics,
          judges,
          model: backend.backend_id,
          name: `${task.task_id} › ${backend.backend_id}`,
          configFile: loaded.file,
        };
      });
  });
}

export function isFileDataset(dataset: DatasetSpec): dataset is FileDatasetSpec {
  return (FILE_LOADERS as readonly string[]).includes(dataset.loader);
}

function resolveDataset(dataset: DatasetSpec, baseDir: string): ResolvedDataset {
  return isFileDataset(dataset) ? { ...dataset, resolvedPath: resolve(baseDir, dataset.path) } : (dataset as Exclude<DatasetSpec, FileDatasetSpec>);
}

/** loadPipeline, then expandCases. */
export function loadCases(file: string, options: LoadOptions = {}): CaseSpec[] {
  return expandCases(loadPipeline(file, options));
}
