// Which mode and folder a run gets, and what a request's key covers.
import { describe, expect, it } from 'vitest';
import { checkModeFits, recordingSettings, requestKey } from '../../src/recordings/index.js';

describe('recordingSettings', () => {
  const base = { env: {}, watch: false, root: '/project' };

  it('off for `vitest run`, auto in watch mode, under evals/__recordings__', () => {
    expect(recordingSettings(base)).toEqual({ mode: 'off', dir: '/project/evals/__recordings__' });
    expect(recordingSettings({ ...base, watch: true }).mode).toBe('auto');
  });

  it('EVALMATRIX_RECORD wins over the plugin option, which wins over the default', () => {
    expect(recordingSettings({ ...base, watch: true, option: 'off' }).mode).toBe('off');
    expect(recordingSettings({ ...base, option: 'replay', env: { EVALMATRIX_RECORD: ' Record ' } }).mode).toBe('record');
    expect(recordingSettings({ ...base, option: 'replay', env: { EVALMATRIX_RECORD: '' } }).mode).toBe('replay');
  });

  it('the folder: EVALMATRIX_RECORDINGS_DIR, else the plugin option, relative to the root', () => {
    expect(recordingSettings({ ...base, dirOption: 'cassettes' }).dir).toBe('/project/cassettes');
    expect(recordingSettings({ ...base, dirOption: 'cassettes', env: { EVALMATRIX_RECORDINGS_DIR: '/tmp/r' } }).dir).toBe('/tmp/r');
  });

  it('a mode that is not one names its source and the four that are', () => {
    expect(() => recordingSettings({ ...base, env: { EVALMATRIX_RECORD: 'yes' } })).toThrow(
      /^EVALMATRIX_RECORD is "yes", which is not a recordings mode; use auto .*replay .*record .*or off\.$/,
    );
    expect(() => recordingSettings({ ...base, option: 'always' })).toThrow(/the evalmatrix\(\) plugin's `record` option is "always"/);
  });

  it('record in mock mode is a mistake that says what to do', () => {
    expect(() => checkModeFits('record', false)).toThrow(/mock answers are never recorded\. Record with EVALMATRIX_MODE=live/);
    expect(() => checkModeFits('record', true)).not.toThrow();
    expect(() => checkModeFits('replay', false)).not.toThrow();
  });
});

describe('requestKey', () => {
  const request = { method: 'post', url: 'https://api.openai.com/v1/chat/completions', body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"temperature":0.2}' };
  const key = requestKey(request, 0);

  it('names its parts: method, URL, model, trial and the body with sorted keys', () => {
    expect(key.parts).toEqual({
      method: 'POST',
      url: 'https://api.openai.com/v1/chat/completions',
      model: 'gpt-4o-mini',
      trial: 0,
      body: { messages: [{ content: 'hi', role: 'user' }], model: 'gpt-4o-mini', temperature: 0.2 },
    });
    expect(key.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the trial, a parameter, the message, the path or the host; not with key order', () => {
    const other = (change: Partial<typeof request>, trial = 0) => requestKey({ ...request, ...change }, trial).key;
    expect(other({}, 1)).not.toBe(key.key);
    expect(other({ body: request.body.replace('0.2', '0.3') })).not.toBe(key.key);
    expect(other({ body: request.body.replace('"hi"', '"hello"') })).not.toBe(key.key);
    expect(other({ url: 'https://api.openai.com/v2/chat/completions' })).not.toBe(key.key);
    expect(other({ url: 'https://api.x.ai/v1/chat/completions' })).not.toBe(key.key);
    expect(other({ body: '{"temperature":0.2,"messages":[{"content":"hi","role":"user"}],"model":"gpt-4o-mini"}' })).toBe(key.key);
  });

  it('keeps meaningful query parameters and drops keys; Gemini\'s model comes from the path', () => {
    const gemini = requestKey({ method: 'POST', url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?key=AIza-secret&alt=sse', body: '{}' }, 0);
    expect(gemini.parts.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse');
    expect(gemini.parts.model).toBe('gemini-2.0-flash');
    const nonJson = requestKey({ method: 'POST', url: 'http://127.0.0.1:8080/generate', body: 'plain text' }, 0);
    expect(nonJson.parts).toMatchObject({ body: 'plain text', model: null });
  });
});
