// Configs written for the Python workflow load: its api_version, custom_llm_provider as the
// provider, api_key: ${VAR} as the key variable, and its unused keys reported once, not fatal.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expandCases } from '../../src/config/cases.js';
import { formatIssue, type ConfigIssue } from '../../src/config/errors.js';
import { loadPipeline, parsePipeline } from '../../src/config/load.js';
import { configError, fixture, positionOf } from './helpers.js';

const FILE = fixture('compat/python_workflow.yaml');
const TEXT = readFileSync(FILE, 'utf8');

function load(text = TEXT) {
  const notices: ConfigIssue[] = [];
  const loaded = parsePipeline(text, FILE, { env: {}, onNotice: (notice) => notices.push(notice) });
  return { loaded, notices, messages: notices.map((n) => formatIssue(FILE, n)) };
}

function withText(find: string, replace: string): string {
  expect(TEXT.split(find)).toHaveLength(2);
  return TEXT.replace(find, replace);
}

afterEach(() => vi.restoreAllMocks());

describe('a Python-workflow pipeline', () => {
  it('loads, with its datasets, providers and key variables understood', () => {
    const { loaded } = load();
    expect(loaded.spec.api_version).toBe('gage/v1alpha1');
    expect(loaded.spec.datasets[0]).toEqual({
      dataset_id: 'piqa_hub',
      loader: 'hf_hub',
      hub_params: { hub_id: 'piqa', split: 'validation' },
      params: { preprocess: 'piqa' },
    });
    expect(loaded.spec.datasets[1]).toMatchObject({ loader: 'jsonl', path: 'data/rows.jsonl', params: { preprocess: 'none' } });
    const configs = loaded.spec.backends.map((b) => b.config);
    expect(configs.map((c) => [c.provider, c.api_key_env])).toEqual([
      ['openai', 'OPENAI_KEY_FOR_TESTS'],
      ['grok', undefined], // already xai: the hint agrees
      ['moonshot', undefined],
    ]);
    expect(expandCases(loaded).map((c) => c.name)).toEqual(['t1 › via_env', 't1 › grok_hinted', 't1 › routed', 't2 › via_env']);
  });

  it('reports each kind of unused key once, where it first appears, with how many more there are', () => {
    const { messages } = load();
    const at = (needle: string, n = 1) => {
      const { line, column } = positionOf(TEXT, needle, n);
      return `${line}:${column}`;
    };
    expect(messages).toContain(`test/config/fixtures/compat/python_workflow.yaml:${at('custom:')} custom: "custom" is not used by evalmatrix (tasks name their own steps); ignored`);
    expect(messages).toContain(
      `test/config/fixtures/compat/python_workflow.yaml:${at('reporting:')} tasks[0].reporting: "reporting" is not used by evalmatrix (the evalmatrix reporter writes events.jsonl and summary.json); ignored here and in 1 more place`,
    );
    expect(messages).toContain(
      `test/config/fixtures/compat/python_workflow.yaml:${at('capabilities:')} role_adapters[0].capabilities: "capabilities" is not used by evalmatrix (every adapter chats); ignored here and in 1 more place`,
    );
    for (const key of ['hub', 'trust_remote_code', 'streaming']) expect(messages.some((m) => m.includes(`"${key}" is not used`))).toBe(true);
    expect(messages).toContain(`test/config/fixtures/compat/python_workflow.yaml:${at('piqa_struct_only')} datasets[0].params.preprocess: preprocess "piqa_struct_only" is read as "piqa"`);
    expect(messages).toContain(`test/config/fixtures/compat/python_workflow.yaml:${at('custom_llm_provider: moonshot')} backends[2].config.custom_llm_provider: custom_llm_provider "moonshot" overrides provider "litellm", as in LiteLLM`);
  });

  it('never uses, or repeats, a key written into the file', () => {
    const { loaded, messages } = load();
    expect(messages.filter((m) => m.includes('backends[1].config.api_key:'))).toEqual([
      `test/config/fixtures/compat/python_workflow.yaml:${positionOf(TEXT, 'api_key: mock').line}:7 backends[1].config.api_key: api_key holds a value written into the file, which evalmatrix never uses (keys come only from the environment); ignored. Write api_key: \${VARIABLE} or api_key_env: VARIABLE`,
    ]);
    expect(JSON.stringify(loaded.spec)).not.toContain('mock-key-written-in');
    expect(messages.join('\n')).not.toContain('mock-key-written-in');
  });

  it('prints each notice once per process however often the file is loaded', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    loadPipeline(FILE, { env: {} });
    const once = warn.mock.calls.length;
    expect(once).toBeGreaterThan(0);
    loadPipeline(FILE, { env: {} });
    expect(warn.mock.calls.length).toBe(once);
  });
});

describe('strictness stays for everything else', () => {
  it('still rejects an unknown key that is not one of the workflow\'s', () => {
    const error = configError(() => load(withText('    reporting:\n      sinks: [{type: console}]', '    reportng:\n      sinks: [{type: console}]')));
    expect(error.message).toContain('tasks[1].reportng: unknown key "reportng" (expected one of: task_id, dataset_id,');
  });

  it('keeps a key the schema knows, even when the workflow used it too', () => {
    // `hub` is ignored on a dataset, but a metric has no such key: there it is an error.
    const error = configError(() => load(withText('implementation: multi_choice_accuracy', 'implementation: multi_choice_accuracy\n    hub: huggingface')));
    expect(error.message).toContain('metrics[0].hub: unknown key "hub"');
  });

  it('rejects api_key and api_key_env naming different variables', () => {
    const error = configError(() => load(withText('api_key: ${OPENAI_KEY_FOR_TESTS}', 'api_key: ${OPENAI_KEY_FOR_TESTS}\n      api_key_env: OTHER_KEY')));
    expect(error.message).toContain('backends[0].config.api_key: api_key names the variable OPENAI_KEY_FOR_TESTS but api_key_env names OTHER_KEY. Keep one of them');
  });

  it('rejects a custom_llm_provider it does not know when provider names none either', () => {
    const error = configError(() => load(withText('custom_llm_provider: moonshot', 'custom_llm_provider: openrouter')));
    expect(error.message).toContain('backends[2].config.custom_llm_provider: custom_llm_provider "openrouter" is not a provider evalmatrix knows, and provider does not name one either');
  });

  it('lets a known provider stand when the hint is unknown, with a notice', () => {
    const { loaded, messages } = load(withText('custom_llm_provider: xai', 'custom_llm_provider: together_ai'));
    expect(loaded.spec.backends[1]?.config.provider).toBe('grok');
    expect(messages.some((m) => m.includes('custom_llm_provider "together_ai" is not a provider evalmatrix knows; provider "grok" is used'))).toBe(true);
  });

  it('accepts evalmatrix/v1 and gage/v1alpha1 only', () => {
    const error = configError(() => load(withText('api_version: gage/v1alpha1', 'api_version: gage/v2')));
    expect(error.message).toContain('api_version: expected one of: evalmatrix/v1, gage/v1alpha1, got string "gage/v2"');
  });
});
