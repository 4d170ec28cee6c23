import { describe, expect, it } from 'vitest';
import { createProviderClient, MissingKeyError } from '../../src/providers/index.js';
import { AZURE_DEFAULT_API_VERSION, resolveProvider } from '../../src/providers/resolve.js';
import { backend } from './backend.js';

const resolve = (provider: string, env: Record<string, string | undefined> = {}, extra: { api_base?: string; api_key_env?: string } = {}) =>
  resolveProvider(backend({ provider, model: 'm', ...extra }).config, env);

describe('resolveProvider', () => {
  it.each([
    ['openai', 'openai', 'https://api.openai.com/v1', ['OPENAI_API_KEY']],
    ['anthropic', 'anthropic', 'https://api.anthropic.com', ['ANTHROPIC_API_KEY']],
    ['gemini', 'gemini', 'https://generativelanguage.googleapis.com', ['GOOGLE_API_KEY', 'GEMINI_API_KEY']],
    ['google', 'gemini', 'https://generativelanguage.googleapis.com', ['GOOGLE_API_KEY', 'GEMINI_API_KEY']],
    ['xai', 'xai', 'https://api.x.ai/v1', ['XAI_API_KEY', 'GROK_API_KEY']],
    ['grok', 'xai', 'https://api.x.ai/v1', ['XAI_API_KEY', 'GROK_API_KEY']],
    ['moonshot', 'moonshot', 'https://api.moonshot.cn/v1', ['MOONSHOT_API_KEY', 'KIMI_API_KEY']],
    ['kimi', 'moonshot', 'https://api.moonshot.cn/v1', ['MOONSHOT_API_KEY', 'KIMI_API_KEY']],
  ])('%s → %s at %s, keys from %j', (name, provider, base, keyVariables) => {
    expect(resolve(name)).toEqual({ provider, apiBase: base, apiKey: undefined, keyVariables, keyVariable: undefined });
  });

  it('takes the first key variable that is set, in order', () => {
    expect(resolve('gemini', { GOOGLE_API_KEY: 'g', GEMINI_API_KEY: 'm' })).toMatchObject({ apiKey: 'g', keyVariable: 'GOOGLE_API_KEY' });
    expect(resolve('gemini', { GEMINI_API_KEY: 'm' })).toMatchObject({ apiKey: 'm', keyVariable: 'GEMINI_API_KEY' });
    expect(resolve('kimi', { KIMI_API_KEY: 'k' })).toMatchObject({ apiKey: 'k', keyVariable: 'KIMI_API_KEY' });
  });

  it('treats an empty variable as unset', () => {
    expect(resolve('grok', { XAI_API_KEY: '', GROK_API_KEY: 'g' })).toMatchObject({ apiKey: 'g', keyVariable: 'GROK_API_KEY' });
    expect(resolve('openai', { OPENAI_API_KEY: '  ' })).toMatchObject({ apiKey: undefined, keyVariable: undefined });
  });

  it('never borrows another provider’s key', () => {
    const everyOtherKey = { OPENAI_API_KEY: 'o', ANTHROPIC_API_KEY: 'a', GOOGLE_API_KEY: 'g', AZURE_OPENAI_API_KEY: 'z' };
    expect(resolve('xai', everyOtherKey).apiKey).toBeUndefined();
    expect(resolve('moonshot', everyOtherKey).apiKey).toBeUndefined();
    expect(resolve('anthropic', { OPENAI_API_KEY: 'o' }).apiKey).toBeUndefined();
  });

  it('consults only api_key_env when it is given', () => {
    expect(resolve('openai', { OPENAI_API_KEY: 'default', TEAM_KEY: 'team' }, { api_key_env: 'TEAM_KEY' })).toMatchObject({
      apiKey: 'team',
      keyVariables: ['TEAM_KEY'],
      keyVariable: 'TEAM_KEY',
    });
    expect(resolve('openai', { OPENAI_API_KEY: 'default' }, { api_key_env: 'TEAM_KEY' })).toMatchObject({
      apiKey: undefined,
      keyVariables: ['TEAM_KEY'],
    });
  });

  it('keeps an explicit api_base', () => {
    expect(resolve('kimi', {}, { api_base: 'https://api.moonshot.ai/v1' }).apiBase).toBe('https://api.moonshot.ai/v1');
  });

  it('resolves Azure from AZURE_OPENAI_* with a default API version', () => {
    const env = { AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', AZURE_OPENAI_API_KEY: 'z' };
    expect(resolve('azure_openai', env)).toEqual({
      provider: 'azure',
      apiBase: 'https://res.openai.azure.com',
      apiVersion: AZURE_DEFAULT_API_VERSION,
      apiKey: 'z',
      keyVariables: ['AZURE_OPENAI_API_KEY'],
      keyVariable: 'AZURE_OPENAI_API_KEY',
    });
    expect(resolve('azure', { ...env, AZURE_OPENAI_API_VERSION: '2024-06-01' })).toMatchObject({ apiVersion: '2024-06-01' });
    expect(resolve('azure', env, { api_base: 'https://other.openai.azure.com' }).apiBase).toBe('https://other.openai.azure.com');
  });

  it('asks for an Azure endpoint when there is none', () => {
    expect(() => resolve('azure', { AZURE_OPENAI_API_KEY: 'z' })).toThrow(/AZURE_OPENAI_ENDPOINT/);
  });

  it('TGI and SGLang: api_base required, a key only if one is set', () => {
    expect(resolve('tgi', {}, { api_base: 'http://127.0.0.1:8080' })).toEqual({
      provider: 'tgi',
      apiBase: 'http://127.0.0.1:8080',
      keyOptional: true,
      apiKey: undefined,
      keyVariables: ['TGI_API_KEY', 'HF_TOKEN'],
      keyVariable: undefined,
    });
    expect(resolve('text-generation-inference', { HF_TOKEN: 'hf' }, { api_base: 'http://h' })).toMatchObject({ provider: 'tgi', apiKey: 'hf', keyVariable: 'HF_TOKEN' });
    expect(resolve('sglang', { SGLANG_API_KEY: 's' }, { api_base: 'http://h' })).toMatchObject({ provider: 'sglang', apiKey: 's', keyVariables: ['SGLANG_API_KEY'] });
    expect(() => resolve('sglang')).toThrow('sglang has no public endpoint: set api_base');
  });

  it('a self-hosted server without a key gets none, even live; a hosted provider is skipped', () => {
    const live = { env: {} };
    expect(() => createProviderClient(backend({ provider: 'tgi', model: 'm', api_base: 'http://127.0.0.1:8080' }), live)).not.toThrow();
    expect(() => createProviderClient(backend({ provider: 'openai', model: 'm' }), live)).toThrow(MissingKeyError);
  });

  it('names the known providers when the name is unknown', () => {
    expect(() => resolve('openia')).toThrow(/Unknown provider "openia".*openai, anthropic, gemini \(google\)/);
  });
});
