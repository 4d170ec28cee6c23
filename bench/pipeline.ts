// The pipeline YAML every benchmark runs, written per scenario: both sides read the same file,
// so they send the same prompts to the same mocks at the same concurrency and score alike.
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { mockBase, type MockProvider } from '../src/mocks/ports.js';

export const ALL_PROVIDERS: readonly MockProvider[] = ['openai', 'anthropic', 'gemini', 'grok', 'kimi'];

const MODELS: Record<MockProvider, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  gemini: 'gemini-2.0-flash',
  grok: 'grok-3',
  kimi: 'moonshot-v1-8k',
};

export interface BenchPipeline {
  name: string;
  providers: readonly MockProvider[];
  rowsFile: string;
  samples: number;
  concurrency: number;
  /** Default multi_choice_accuracy. */
  metric?: { implementation: 'multi_choice_accuracy' | 'test_cpu_burn'; params?: Record<string, unknown> };
  /** The prompt's last line; the watch benchmark edits it. The mocks echo the prompt, so its
   *  "The answer is A" is every reply's answer: right for half the rows, a mean of 0.5. */
  instruction?: string;
  /** Seconds a request may take (the backend's `timeout`; default 60). */
  timeoutS?: number;
  /** Samples allowed to fail before a case fails (default 0). */
  maxErrors?: number;
  /** One task per instruction, each with a prompt of its own (the recordings benchmark edits
   *  one of them); `instruction` is then unused. */
  instructions?: readonly string[];
  /** Where each provider is called (default its mock's port): a server the benchmark started. */
  apiBases?: Partial<Record<MockProvider, string>>;
  /** Backends of its own instead of one per provider (the live benchmark: five OpenAI models on
   *  one server, sharing one limit of requests in flight); `providers` is then unused. */
  backends?: readonly BenchBackend[];
}

export interface BenchBackend {
  id: string;
  provider: string;
  model: string;
  apiBase: string;
  maxConcurrency?: number;
}

function defaultBackends(p: BenchPipeline): BenchBackend[] {
  return p.providers.map((provider) => ({ id: provider, provider, model: MODELS[provider], apiBase: p.apiBases?.[provider] ?? mockBase(provider) }));
}

export function writePipeline(file: string, p: BenchPipeline): void {
  const instructions = p.instructions ?? [p.instruction ?? 'Reply like this: The answer is A.'];
  // Named as they always were when there is one prompt: older results stay comparable.
  const suffix = (i: number): string => (p.instructions === undefined ? '' : `_${i}`);
  const backends = p.backends ?? defaultBackends(p);
  const spec = {
    api_version: 'evalmatrix/v1',
    kind: 'PipelineConfig',
    metadata: { name: p.name },
    prompts: instructions.map((instruction, i) => ({
      prompt_id: `piqa_prompt${suffix(i)}`,
      params: { instruction },
      template: [
        'Question: {{ sample.goal }}',
        '{% for label, text in (sample.metadata.option_map or {}).items() %}',
        '{{ label }}. {{ text }}',
        '{% endfor %}',
        '{{ instruction }}',
        '',
      ].join('\n'),
    })),
    datasets: [{ dataset_id: 'rows', loader: 'jsonl', path: p.rowsFile, params: { preprocess: 'piqa' } }],
    backends: backends.map((b) => ({
      backend_id: `bench_${b.id}`,
      config: {
        provider: b.provider,
        model: b.model,
        api_base: b.apiBase,
        generation_parameters: { max_new_tokens: 64, temperature: 0.2 },
        ...(p.timeoutS === undefined ? {} : { timeout: p.timeoutS }),
        ...(b.maxConcurrency === undefined ? {} : { max_concurrency: b.maxConcurrency }),
      },
    })),
    role_adapters: instructions.flatMap((_, i) =>
      backends.map((b) => ({ adapter_id: `dut_${b.id}${suffix(i)}`, backend_id: `bench_${b.id}`, prompt_id: `piqa_prompt${suffix(i)}` })),
    ),
    metrics: [{ metric_id: 'acc', implementation: p.metric?.implementation ?? 'multi_choice_accuracy', params: p.metric?.params ?? {} }],
    tasks: instructions.map((_, i) => ({
      task_id: `bench${suffix(i)}`,
      dataset_id: 'rows',
      steps: [{ step: 'inference', adapter_ids: backends.map((b) => `dut_${b.id}${suffix(i)}`) }, { step: 'auto_eval' }],
      max_samples: p.samples,
      concurrency: p.concurrency,
      ...(p.maxErrors === undefined ? {} : { max_errors: p.maxErrors }),
    })),
  };
  writeFileSync(file, stringify(spec));
}
