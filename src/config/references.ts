// Checks that need the whole pipeline, run once the schema has passed: ids unique within each
// list, every reference pointing at something defined, every provider name known.
import type { PathIssue } from './locate.js';
import { canonicalProvider, describeKnownProviders, knownProviderNames } from './provider-names.js';
import type { PipelineSpec } from './schema.js';
import { didYouMean } from './suggest.js';

interface Kind {
  noun: string;
  list: 'prompts' | 'datasets' | 'backends' | 'role_adapters' | 'metrics' | 'tasks';
  idKey: string;
}

const PROMPT: Kind = { noun: 'prompt', list: 'prompts', idKey: 'prompt_id' };
const DATASET: Kind = { noun: 'dataset', list: 'datasets', idKey: 'dataset_id' };
const BACKEND: Kind = { noun: 'backend', list: 'backends', idKey: 'backend_id' };
const ADAPTER: Kind = { noun: 'role adapter', list: 'role_adapters', idKey: 'adapter_id' };
const METRIC: Kind = { noun: 'metric', list: 'metrics', idKey: 'metric_id' };
const TASK: Kind = { noun: 'task', list: 'tasks', idKey: 'task_id' };

export function checkReferences(spec: PipelineSpec): PathIssue[] {
  const ids = (kind: Kind): string[] =>
    (spec[kind.list] as ReadonlyArray<Record<string, unknown>>).map((item) => String(item[kind.idKey]));
  const issues: PathIssue[] = [PROMPT, DATASET, BACKEND, ADAPTER, METRIC, TASK].flatMap((kind) => duplicates(kind, ids(kind)));

  const refer = (path: PathIssue['path'], owner: string, kind: Kind, id: string): void => {
    const known = ids(kind);
    if (!known.includes(id)) issues.push(dangling(path, owner, kind, id, known));
  };

  spec.backends.forEach((backend, i) => {
    const provider = backend.config.provider;
    if (canonicalProvider(provider) === undefined) {
      issues.push({
        path: ['backends', i, 'config', 'provider'],
        message: `unknown provider "${provider}"; known providers: ${describeKnownProviders()}`,
        hint: `${didYouMean(provider, knownProviderNames())}Fix the value, or use provider: openai with api_base for an OpenAI-compatible server`,
      });
    }
  });
  spec.role_adapters.forEach((adapter, i) => {
    const owner = `role adapter "${adapter.adapter_id}"`;
    refer(['role_adapters', i, 'backend_id'], owner, BACKEND, adapter.backend_id);
    refer(['role_adapters', i, 'prompt_id'], owner, PROMPT, adapter.prompt_id);
  });
  spec.tasks.forEach((task, i) => {
    const owner = `task "${task.task_id}"`;
    refer(['tasks', i, 'dataset_id'], owner, DATASET, task.dataset_id);
    task.steps.forEach((step, s) => {
      const at = ['tasks', i, 'steps', s];
      if (step.step === 'inference') {
        if (step.adapter_id !== undefined) refer([...at, 'adapter_id'], owner, ADAPTER, step.adapter_id);
        step.adapter_ids?.forEach((id, a) => refer([...at, 'adapter_ids', a], owner, ADAPTER, id));
      } else {
        step.metric_ids?.forEach((id, m) => refer([...at, 'metric_ids', m], owner, METRIC, id));
      }
    });
    for (const metricId of Object.keys(task.thresholds)) {
      const known = ids(METRIC);
      if (!known.includes(metricId)) issues.push({ ...dangling(['tasks', i, 'thresholds', metricId], `the threshold of ${owner}`, METRIC, metricId, known), at: 'key' });
    }
  });
  return issues;
}

function duplicates(kind: Kind, ids: string[]): PathIssue[] {
  return ids.flatMap((id, index) => {
    const first = ids.indexOf(id);
    if (first === index) return [];
    return [
      {
        path: [kind.list, index, kind.idKey],
        message: `duplicate ${kind.idKey} "${id}": ${kind.list}[${first}] already uses it`,
        hint: `Ids must be unique within ${kind.list}; rename one`,
      },
    ];
  });
}

function dangling(path: PathIssue['path'], owner: string, kind: Kind, id: string, known: string[]): PathIssue {
  const plural = `${kind.noun}s`;
  return {
    path,
    message: `${owner} refers to ${kind.noun} "${id}", which is not defined; known ${plural}: ${known.join(', ')}`,
    hint: `${didYouMean(id, known)}Fix the id, or add the ${kind.noun} to ${kind.list} with ${kind.idKey}: ${id}`,
  };
}
