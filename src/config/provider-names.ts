// The provider name table: the one place that decides which `provider:` values a pipeline may
// name and what they mean. The config layer validates against it; the providers layer picks
// its client from the canonical name.

export const CANONICAL_PROVIDERS = ['openai', 'anthropic', 'gemini', 'xai', 'moonshot', 'azure', 'tgi', 'sglang'] as const;
export type CanonicalProvider = (typeof CANONICAL_PROVIDERS)[number];

/** Other names people use for the same providers (LiteLLM's and the vendors' own). */
const ALIASES: Readonly<Record<string, CanonicalProvider>> = {
  google: 'gemini',
  grok: 'xai',
  kimi: 'moonshot',
  azure_openai: 'azure',
  'text-generation-inference': 'tgi',
};

/** The canonical provider for a name as written in config (case-insensitive), or undefined. */
export function canonicalProvider(name: string): CanonicalProvider | undefined {
  const key = name.trim().toLowerCase();
  if ((CANONICAL_PROVIDERS as readonly string[]).includes(key)) return key as CanonicalProvider;
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

/** Every accepted name, for "did you mean" suggestions. */
export function knownProviderNames(): string[] {
  return [...CANONICAL_PROVIDERS, ...Object.keys(ALIASES)];
}

/** "openai, anthropic, gemini (google), …": the canonical names with their aliases, for messages. */
export function describeKnownProviders(): string {
  return CANONICAL_PROVIDERS.map((provider) => {
    const aliases = Object.keys(ALIASES).filter((alias) => ALIASES[alias] === provider);
    return aliases.length > 0 ? `${provider} (${aliases.join(', ')})` : provider;
  }).join(', ');
}
