// Configs written for the original Python workflow (api_version gage/v1alpha1) load as they
// are. Before interpolation and validation, on a copy of the parsed document:
// - `custom_llm_provider` (LiteLLM's routing name) decides the provider;
// - `api_key: ${VAR}` becomes `api_key_env: VAR`; a key written into the file is never used;
// - keys that workflow used and evalmatrix does not (reporting sinks, capabilities, …) are
//   dropped with a notice, unless the schema has since learnt them. Every other unknown key
//   stays an error: strictness is what catches typos.
// Working on the document rather than on plain data keeps every line number right, and an
// ignored key's `${VAR}` is never looked up.
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import type { ZodType } from 'zod';
import { knownKeysAt } from './known-keys.js';
import type { DataPath, PathIssue } from './locate.js';
import { canonicalProvider, describeKnownProviders } from './provider-names.js';

export interface CompatResult {
  doc: Document;
  /** Things changed or ignored; worth telling the user, never fatal. */
  notices: PathIssue[];
  /** Contradictions the rules cannot settle. */
  issues: PathIssue[];
}

/** Keys of the Python workflow that evalmatrix has no use for, by where they sit. */
const UNUSED_KEYS: ReadonlyArray<{ parent: readonly string[]; key: string; why: string }> = [
  { parent: [], key: 'custom', why: 'tasks name their own steps' },
  { parent: ['datasets', '*'], key: 'hub', why: 'loader: hf_hub reads the Hugging Face hub' },
  { parent: ['datasets', '*', 'hub_params'], key: 'trust_remote_code', why: 'no dataset code is run' },
  { parent: ['datasets', '*', 'params'], key: 'streaming', why: 'datasets always stream' },
  { parent: ['backends', '*', 'config'], key: 'max_retries', why: 'one retry policy governs every provider' },
  { parent: ['backends', '*', 'config'], key: 'retry_sleep', why: 'one retry policy governs every provider' },
  { parent: ['backends', '*', 'config'], key: 'retry_multiplier', why: 'one retry policy governs every provider' },
  { parent: ['role_adapters', '*'], key: 'capabilities', why: 'every adapter chats' },
  { parent: ['tasks', '*'], key: 'reporting', why: 'the evalmatrix reporter writes events.jsonl and summary.json' },
];

/** Preprocessor names of the Python workflow that mean one of ours. */
const PREPROCESS_ALIASES: Readonly<Record<string, string>> = { piqa_struct_only: 'piqa' };

const WHOLE_PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}$/;

export function applyCompat(original: Document, schema: ZodType): CompatResult {
  const doc = original.clone();
  const result: CompatResult = { doc, notices: [], issues: [] };
  for (const { map, path } of mapsAt(doc.contents, ['backends', '*', 'config'])) {
    providerHint(map, path, result);
    apiKey(map, path, result);
  }
  for (const { map, path } of mapsAt(doc.contents, ['datasets', '*'])) datasetParams(map, path, result);
  unusedKeys(doc, schema, result);
  return result;
}

/** LiteLLM routes by custom_llm_provider, so it wins over `provider` when it names a known one. */
function providerHint(config: YAMLMap, path: DataPath, result: CompatResult): void {
  const hint = scalarText(config.get('custom_llm_provider', true));
  if (hint === undefined) return;
  config.delete('custom_llm_provider');
  const at = [...path, 'custom_llm_provider'];
  const provider = scalarText(config.get('provider', true));
  const hinted = canonicalProvider(hint);
  if (hinted === undefined) {
    if (provider !== undefined && canonicalProvider(provider) !== undefined) {
      result.notices.push({ path: at, at: 'key', message: `custom_llm_provider "${hint}" is not a provider evalmatrix knows; provider "${provider}" is used` });
    } else {
      result.issues.push({
        path: at,
        message: `custom_llm_provider "${hint}" is not a provider evalmatrix knows, and provider does not name one either; known providers: ${describeKnownProviders()}`,
        hint: 'Set provider (or custom_llm_provider) to a known provider; an OpenAI-compatible server is provider: openai with api_base',
      });
    }
    return;
  }
  if (provider === undefined || canonicalProvider(provider) !== hinted) {
    if (provider !== undefined) {
      result.notices.push({ path: at, at: 'key', message: `custom_llm_provider "${hint}" overrides provider "${provider}", as in LiteLLM` });
    }
    config.set('provider', hint);
  }
}

/** Keys come from the environment only: `${VAR}` names the variable; a literal is dropped unread. */
function apiKey(config: YAMLMap, path: DataPath, result: CompatResult): void {
  if (!config.has('api_key')) return;
  const raw = scalarText(config.get('api_key', true));
  config.delete('api_key');
  const at = [...path, 'api_key'];
  const placeholder = raw === undefined ? null : WHOLE_PLACEHOLDER.exec(raw.trim());
  // Never quote the value in a message: it may be a real key.
  if (!placeholder) {
    result.notices.push({
      path: at,
      at: 'key',
      message: 'api_key holds a value written into the file, which evalmatrix never uses (keys come only from the environment); ignored',
      hint: 'Write api_key: ${VARIABLE} or api_key_env: VARIABLE',
    });
    return;
  }
  const variable = placeholder[1]!;
  const declared = scalarText(config.get('api_key_env', true));
  if (declared !== undefined && declared !== variable) {
    result.issues.push({
      path: at,
      message: `api_key names the variable ${variable} but api_key_env names ${declared}`,
      hint: 'Keep one of them',
    });
    return;
  }
  config.set('api_key_env', variable);
  if (placeholder[2] !== undefined) {
    result.notices.push({ path: at, at: 'key', message: `api_key's default is not used: the key comes only from ${variable}` });
  }
}

/** The Python workflow's `params.path` and preprocessor names. */
function datasetParams(dataset: YAMLMap, path: DataPath, result: CompatResult): void {
  const params = dataset.get('params', true);
  if (!isMap(params)) return;
  if (params.has('path') && !dataset.has('path')) {
    dataset.set('path', params.get('path', true));
    params.delete('path');
  }
  const preprocess = params.get('preprocess', true);
  const name = scalarText(preprocess);
  if (name !== undefined && isScalar(preprocess) && Object.hasOwn(PREPROCESS_ALIASES, name)) {
    preprocess.value = PREPROCESS_ALIASES[name];
    result.notices.push({ path: [...path, 'params', 'preprocess'], message: `preprocess "${name}" is read as "${PREPROCESS_ALIASES[name]}"` });
  }
}

/** Drops UNUSED_KEYS; one notice per kind of key, however many places it appears in. */
function unusedKeys(doc: Document, schema: ZodType, result: CompatResult): void {
  const data: unknown = doc.toJS();
  for (const rule of UNUSED_KEYS) {
    const places: DataPath[] = [];
    for (const { map, path } of mapsAt(doc.contents, rule.parent)) {
      if (!map.has(rule.key) || knownKeysAt(schema, path, data)?.includes(rule.key)) continue;
      places.push([...path, rule.key]);
    }
    const [first, ...more] = places;
    if (first === undefined) continue;
    result.notices.push({
      path: first,
      at: 'key',
      message: `"${rule.key}" is not used by evalmatrix (${rule.why}); ignored${more.length > 0 ? ` here and in ${more.length} more place${more.length === 1 ? '' : 's'}` : ''}`,
    });
    // The notice is placed in the original document, where the key still is.
    for (const place of places) doc.deleteIn(place);
  }
}

/** The mappings at a path pattern, where `*` stands for every item of a list. */
function* mapsAt(node: unknown, pattern: readonly string[], path: DataPath = []): Generator<{ map: YAMLMap; path: DataPath }> {
  if (pattern.length === 0) {
    if (isMap(node)) yield { map: node, path };
    return;
  }
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '*') {
    if (!isSeq(node)) return;
    for (let i = 0; i < node.items.length; i++) yield* mapsAt(node.items[i], rest, [...path, i]);
  } else if (isMap(node)) {
    yield* mapsAt(node.get(head, true), rest, [...path, head]);
  }
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}
