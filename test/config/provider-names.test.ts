import { describe, expect, it } from 'vitest';
import { CANONICAL_PROVIDERS, canonicalProvider, describeKnownProviders } from '../../src/config/provider-names.js';

describe('canonicalProvider', () => {
  it('maps canonical names to themselves', () => {
    for (const provider of CANONICAL_PROVIDERS) expect(canonicalProvider(provider)).toBe(provider);
  });

  it('maps aliases, case-insensitively', () => {
    expect(canonicalProvider('google')).toBe('gemini');
    expect(canonicalProvider('Grok')).toBe('xai');
    expect(canonicalProvider('KIMI')).toBe('moonshot');
    expect(canonicalProvider('azure_openai')).toBe('azure');
    expect(canonicalProvider('OpenAI')).toBe('openai');
    expect(canonicalProvider('text-generation-inference')).toBe('tgi');
  });

  it('knows nothing else', () => {
    expect(canonicalProvider('opneai')).toBeUndefined();
    expect(canonicalProvider('toString')).toBeUndefined();
    expect(canonicalProvider('')).toBeUndefined();
  });
});

it('describes the known providers with their aliases', () => {
  expect(describeKnownProviders()).toBe('openai, anthropic, gemini (google), xai (grok), moonshot (kimi), azure (azure_openai), tgi (text-generation-inference), sglang');
});
