// A pipeline over every provider's mock, PIQA rows from the shipped fixture, for tests that
// run whole cases through runCase.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandCases, type CaseSpec } from '../../src/config/cases.js';
import { parsePipeline } from '../../src/config/load.js';
import { mockBase, selfHostedMockBase } from '../../src/mocks/index.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/piqa_mini.jsonl', import.meta.url));

export const EVERY_PROVIDER = [
  { id: 'openai', provider: 'openai', model: 'gpt-4o-mini', api_base: mockBase('openai') },
  { id: 'anthropic', provider: 'anthropic', model: 'claude-3-5-haiku-latest', api_base: mockBase('anthropic') },
  { id: 'gemini', provider: 'google', model: 'gemini-2.0-flash', api_base: mockBase('gemini') },
  { id: 'grok', provider: 'grok', model: 'grok-3', api_base: mockBase('grok') },
  { id: 'kimi', provider: 'kimi', model: 'moonshot-v1-8k', api_base: mockBase('kimi') },
  { id: 'tgi', provider: 'tgi', model: 'tgi-model', api_base: selfHostedMockBase('tgi') },
  { id: 'sglang', provider: 'sglang', model: 'sglang-model', api_base: selfHostedMockBase('sglang') },
] as const;

/** One case per provider; `backendExtra` is YAML flow-map content added to every backend's config. */
export function everyProviderCases(options: { samples: number; backendExtra?: string; maxErrors?: number }): CaseSpec[] {
  const extra = options.backendExtra ? `, ${options.backendExtra}` : '';
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: every_provider}
prompts:
  - prompt_id: p
    template: "Question: {{ sample.goal }}\\nA. {{ sample.metadata.option_map.A }}\\nB. {{ sample.metadata.option_map.B }}"
datasets:
  - {dataset_id: d, loader: jsonl, path: ${JSON.stringify(FIXTURE)}, params: {preprocess: piqa}}
backends:
${EVERY_PROVIDER.map((b) => `  - {backend_id: ${b.id}, config: {provider: ${b.provider}, model: ${b.model}, api_base: ${JSON.stringify(b.api_base)}, generation_parameters: {max_new_tokens: 64, temperature: 0.2}${extra}}}`).join('\n')}
role_adapters:
${EVERY_PROVIDER.map((b) => `  - {adapter_id: a_${b.id}, backend_id: ${b.id}, prompt_id: p}`).join('\n')}
metrics:
  - {metric_id: acc, implementation: multi_choice_accuracy}
tasks:
  - task_id: t
    dataset_id: d
    steps: [{step: inference, adapter_ids: [${EVERY_PROVIDER.map((b) => `a_${b.id}`).join(', ')}]}, {step: auto_eval}]
    max_samples: ${options.samples}
    concurrency: 4
    max_errors: ${options.maxErrors ?? 0}
`;
  return expandCases(parsePipeline(yaml, path.join(path.dirname(FIXTURE), 'every-provider.yaml'), { env: {} }));
}
