// Where a backend's requests go and which key they carry, from its config and an environment.
// Pure: the environment is passed in, so tests and the CLI see exactly what a run would.
import type { BackendConfig } from '../config/schema.js';
import { canonicalProvider, describeKnownProviders, type CanonicalProvider } from '../config/provider-names.js';

/** The Azure OpenAI data-plane version used when AZURE_OPENAI_API_VERSION is unset (a GA release). */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21';

type PublicProvider = Exclude<CanonicalProvider, 'azure' | SelfHostedProvider>;
type SelfHostedProvider = 'tgi' | 'sglang';

const DEFAULTS: Record<PublicProvider, { base: string; keyVariables: readonly string[] }> = {
  openai: { base: 'https://api.openai.com/v1', keyVariables: ['OPENAI_API_KEY'] },
  // The client appends /v1/messages.
  anthropic: { base: 'https://api.anthropic.com', keyVariables: ['ANTHROPIC_API_KEY'] },
  // The client appends the version (v1beta unless the base names one).
  gemini: { base: 'https://generativelanguage.googleapis.com', keyVariables: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'] },
  xai: { base: 'https://api.x.ai/v1', keyVariables: ['XAI_API_KEY', 'GROK_API_KEY'] },
  // Keys are region-locked: international keys need api_base https://api.moonshot.ai/v1.
  moonshot: { base: 'https://api.moonshot.cn/v1', keyVariables: ['MOONSHOT_API_KEY', 'KIMI_API_KEY'] },
};

// Azure has no public endpoint: each resource has its own.
const AZURE_KEY_VARIABLES = ['AZURE_OPENAI_API_KEY'] as const;

// Self-hosted servers have no public endpoint either, and run without a key unless started
// with one (TGI behind a Hugging Face endpoint takes the HF token).
const SELF_HOSTED_KEY_VARIABLES: Record<SelfHostedProvider, readonly string[]> = {
  tgi: ['TGI_API_KEY', 'HF_TOKEN'],
  sglang: ['SGLANG_API_KEY'],
};

interface ResolvedCommon {
  apiBase: string;
  apiKey: string | undefined;
  /** The variables consulted for the key, in order. */
  keyVariables: string[];
  /** The variable the key came from; undefined when none of them is set. */
  keyVariable: string | undefined;
}

export type ResolvedProvider = ResolvedCommon &
  (
    | { provider: PublicProvider }
    | { provider: 'azure'; apiVersion: string }
    /** A self-hosted server: a missing key means none is sent, not a skipped case. */
    | { provider: SelfHostedProvider; keyOptional: true }
  );

type Env = Record<string, string | undefined>;

export function resolveProvider(config: BackendConfig, env: Env): ResolvedProvider {
  const provider = canonicalProvider(config.provider);
  if (provider === undefined) {
    throw new Error(`Unknown provider "${config.provider}"; known providers: ${describeKnownProviders()}.`);
  }
  // An explicit api_key_env is the only variable consulted: falling back to the default one
  // could silently bill another account. A key is never taken from another provider's variable.
  const keyVariables = config.api_key_env ? [config.api_key_env] : [...defaultKeyVariables(provider)];
  const keyVariable = keyVariables.find((name) => nonEmpty(env[name]) !== undefined);
  const key = { apiKey: keyVariable === undefined ? undefined : env[keyVariable], keyVariables, keyVariable };

  if (provider === 'azure') {
    const endpoint = config.api_base ?? nonEmpty(env.AZURE_OPENAI_ENDPOINT);
    if (endpoint === undefined) {
      throw new Error('azure has no endpoint: set api_base in the backend config or AZURE_OPENAI_ENDPOINT (https://<resource>.openai.azure.com).');
    }
    return { provider, apiBase: endpoint, apiVersion: nonEmpty(env.AZURE_OPENAI_API_VERSION) ?? AZURE_DEFAULT_API_VERSION, ...key };
  }
  if (provider === 'tgi' || provider === 'sglang') {
    if (config.api_base === undefined) {
      throw new Error(`${provider} has no public endpoint: set api_base in the backend config to your server (e.g. http://127.0.0.1:8080).`);
    }
    return { provider, apiBase: config.api_base, keyOptional: true, ...key };
  }
  return { provider, apiBase: config.api_base ?? DEFAULTS[provider].base, ...key };
}

/** Every variable any provider takes its key from, plus MOCK_TARGET_API_KEY: the values that
 *  must never leave in a prompt (see runner/secret-guard.ts). */
export const KNOWN_KEY_VARIABLES: readonly string[] = [
  ...Object.values(DEFAULTS).flatMap((d) => d.keyVariables),
  ...AZURE_KEY_VARIABLES,
  ...Object.values(SELF_HOSTED_KEY_VARIABLES).flat(),
  'MOCK_TARGET_API_KEY',
];

function defaultKeyVariables(provider: CanonicalProvider): readonly string[] {
  if (provider === 'azure') return AZURE_KEY_VARIABLES;
  if (provider === 'tgi' || provider === 'sglang') return SELF_HOSTED_KEY_VARIABLES[provider];
  return DEFAULTS[provider].keyVariables;
}

/** A variable set to "" (or spaces) counts as unset, as in a shell's `${VAR:-default}`. */
function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
