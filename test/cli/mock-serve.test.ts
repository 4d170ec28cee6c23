// `evalmatrix mock serve` as a subprocess: the mocks answer real HTTP in each provider's wire
// format, it stops cleanly on SIGINT and SIGTERM, and port problems name the port and variable.
// Ports are 0 (the OS picks free ones), so parallel test files never collide on 18080–18084.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT, runCli, startCli, type RunningCli } from './built-cli.js';

// A stale dist/ is rebuilt first, which takes a while.
beforeAll(() => ensureBuilt(), 180_000);

const FREE_PORTS = { MOCK_OPENAI_PORT: '0', MOCK_ANTHROPIC_PORT: '0', MOCK_GEMINI_PORT: '0', MOCK_GROK_PORT: '0', MOCK_KIMI_PORT: '0', MOCK_TGI_PORT: '0', MOCK_SGLANG_PORT: '0' };

const running: RunningCli[] = [];
afterEach(() => {
  // Never leave a server behind, whatever the test did.
  for (const cli of running.splice(0)) if (cli.process.exitCode === null && cli.process.signalCode === null) cli.process.kill('SIGKILL');
});

async function serve(args: string[] = [], env: Record<string, string> = {}): Promise<{ cli: RunningCli; bases: Record<string, string> }> {
  const cli = startCli(['mock', 'serve', ...args], { env: { ...FREE_PORTS, ...env } });
  running.push(cli);
  // Printed after every server listens.
  await cli.waitFor('ready; Ctrl-C stops them');
  const bases = Object.fromEntries([...cli.stdout().matchAll(/^ {2}(\w+)\s+(http:\/\/127\.0\.0\.1:\d+(?:\/v1)?)\s+MOCK_\w+_PORT=\d+$/gm)].map((m) => [m[1]!, m[2]!]));
  return { cli, bases };
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const chat = (model: string) => ({ model, messages: [{ role: 'user', content: 'hello there' }] });

describe('serving the five mocks', () => {
  it('answers each base in its provider\'s format, then stops cleanly on SIGINT', async () => {
    const { cli, bases } = await serve();
    expect(Object.keys(bases)).toEqual(['openai', 'anthropic', 'gemini', 'grok', 'kimi']);

    const openai = await postJson(`${bases.openai}/chat/completions`, chat('gpt-4o-mini'), { authorization: 'Bearer k' });
    expect(openai.status).toBe(200);
    expect(openai.json).toMatchObject({ object: 'chat.completion', choices: [{ message: { role: 'assistant', content: 'hello there' }, finish_reason: 'stop' }] });

    const anthropic = await postJson(`${bases.anthropic}/v1/messages`, { ...chat('claude-3-5-haiku-latest'), max_tokens: 16 }, { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' });
    expect(anthropic.status).toBe(200);
    expect(anthropic.json).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'text', text: 'hello there' }], usage: { input_tokens: expect.any(Number) } });

    const gemini = await postJson(`${bases.gemini}/v1beta/models/gemini-2.0-flash:generateContent`, { contents: [{ role: 'user', parts: [{ text: 'hello there' }] }] }, { 'x-goog-api-key': 'k' });
    expect(gemini.status).toBe(200);
    expect(gemini.json).toMatchObject({ candidates: [{ content: { role: 'model', parts: [{ text: 'hello there' }] }, finishReason: 'STOP' }] });

    const grok = await postJson(`${bases.grok}/chat/completions`, chat('grok-3'), { authorization: 'Bearer k' });
    expect(grok.json).toMatchObject({ choices: [{ message: { content: 'mock-grok(grok-3): hello there' } }] });
    const kimi = await postJson(`${bases.kimi}/chat/completions`, chat('moonshot-v1-8k'), { authorization: 'Bearer k' });
    expect(kimi.json).toMatchObject({ choices: [{ message: { content: 'mock-kimi(moonshot-v1-8k): hello there' } }] });

    const unknown = await fetch(`${bases.kimi}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { message: 'no kimi mock answers GET /v1/nothing-here', type: 'not_found_error' } });

    cli.process.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toContain('evalmatrix mock serve: stopped');
    await expect(fetch(`${bases.openai}/chat/completions`)).rejects.toThrow();
  });

  it('stops cleanly on SIGTERM, and serves only the mocks --only names (aliases too)', async () => {
    const { cli, bases } = await serve(['--only', 'google,moonshot']);
    expect(Object.keys(bases)).toEqual(['gemini', 'kimi']);
    cli.process.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it('serves the self-hosted TGI and SGLang mocks when named, at their native routes', async () => {
    const { bases } = await serve(['--only', 'tgi,sglang']);
    expect(Object.keys(bases)).toEqual(['tgi', 'sglang']);
    const tgi = await postJson(`${bases.tgi}/generate`, { inputs: 'hello there', parameters: { max_new_tokens: 16 } });
    expect(tgi.status).toBe(200);
    expect(tgi.json).toMatchObject({ generated_text: 'hello there', details: { finish_reason: 'eos_token' } });
    const sglang = await postJson(`${bases.sglang}/generate`, { text: 'hello there', sampling_params: { max_new_tokens: 16 } });
    expect(sglang.status).toBe(200);
    expect(sglang.json).toMatchObject({ text: 'hello there', meta_info: { finish_reason: { type: 'stop' } } });
  });
});

describe('the mocks\' own settings apply to the servers', () => {
  it('injects the faults EVALMATRIX_MOCK_FAULTS names', async () => {
    const { bases } = await serve(['--only', 'openai'], { EVALMATRIX_MOCK_FAULTS: 'rate_limit:1' });
    const limited = await postJson(`${bases.openai}/chat/completions`, chat('gpt-4o-mini'), { authorization: 'Bearer k' });
    expect(limited.status).toBe(429);
    const reset = await serve(['--only', 'kimi'], { EVALMATRIX_MOCK_FAULTS: 'reset:1' });
    await expect(postJson(`${reset.bases.kimi}/chat/completions`, chat('moonshot-v1-8k'))).rejects.toThrow('fetch failed');
  });

  it('forwards Anthropic requests to MOCK_TARGET and answers with its text', async () => {
    const target = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'local', choices: [{ index: 0, message: { role: 'assistant', content: 'from the target' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } }));
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    try {
      const port = (target.address() as { port: number }).port;
      const { bases } = await serve(['--only', 'anthropic'], { MOCK_TARGET: `http://127.0.0.1:${port}/v1` });
      const answer = await postJson(`${bases.anthropic}/v1/messages`, { ...chat('claude'), max_tokens: 8 }, { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' });
      expect(answer.json).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'from the target' }] });
    } finally {
      target.close();
    }
  });

  it('answers the mock_reply of each backend of --config, by model, on whatever port it serves', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'em-mock-serve-'));
    const config = path.join(dir, 'judges.yaml');
    const fixture = path.join(REPO_ROOT, 'fixtures', 'piqa_mini.jsonl');
    writeFileSync(
      config,
      [
        'api_version: evalmatrix/v1',
        'kind: PipelineConfig',
        'metadata: {name: judges}',
        'prompts: [{prompt_id: p, template: "{{ sample.goal }}"}]',
        `datasets: [{dataset_id: d, loader: jsonl, path: ${JSON.stringify(fixture)}, params: {preprocess: piqa}}]`,
        'backends:',
        `  - {backend_id: judge, config: {provider: openai, model: judge-model, api_base: "http://127.0.0.1:18080/v1", mock_reply: "{% if 'Paris' in last_message %}Y{% else %}N{% endif %}"}}`,
        `  - {backend_id: grader, config: {provider: anthropic, model: grader-model, api_base: "http://127.0.0.1:18081", mock_reply: "grade for {{ model }}"}}`,
        'role_adapters: [{adapter_id: a, backend_id: judge, prompt_id: p}]',
        'metrics: [{metric_id: acc, implementation: multi_choice_accuracy}]',
        'tasks: [{task_id: t, dataset_id: d, steps: [{step: inference, adapter_id: a}]}]',
        '',
      ].join('\n'),
    );
    const { cli, bases } = await serve(['--only', 'openai,anthropic', '--config', config]);
    expect(cli.stdout()).toContain('mock_reply: judge (openai judge-model)');
    const ask = async (model: string, content: string) =>
      (await postJson(`${bases.openai}/chat/completions`, { model, messages: [{ role: 'user', content }] }, { authorization: 'Bearer k' })).json;
    expect(await ask('judge-model', 'It is Paris.')).toMatchObject({ choices: [{ message: { content: 'Y' } }] });
    expect(await ask('judge-model', 'It is Lyon.')).toMatchObject({ choices: [{ message: { content: 'N' } }] });
    expect(await ask('gpt-4o-mini', 'It is Paris.')).toMatchObject({ choices: [{ message: { content: 'It is Paris.' } }] });
    const graded = await postJson(`${bases.anthropic}/v1/messages`, { ...chat('grader-model'), max_tokens: 16 }, { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' });
    expect(graded.json).toMatchObject({ content: [{ type: 'text', text: 'grade for grader-model' }] });
  });

  it('refuses a --config whose mock_reply does not parse, at its line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'em-mock-serve-'));
    const config = path.join(dir, 'bad.yaml');
    writeFileSync(config, readFileSync(path.join(REPO_ROOT, 'evals', 'piqa.yaml'), 'utf8').replace('timeout: 60\n', 'timeout: 60\n      mock_reply: "{% if %}"\n'));
    const result = await runCli(['mock', 'serve', '--config', config], { env: FREE_PORTS });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yaml:\d+:\d+ backends\[0\]\.config\.mock_reply: Jinja syntax error: Unexpected token: CloseStatement/);
  });

  it('says what is wrong with a bad setting instead of crashing', async () => {
    const result = await runCli(['mock', 'serve'], { env: { ...FREE_PORTS, EVALMATRIX_MOCK_SEED: 'abc' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('evalmatrix mock serve: EVALMATRIX_MOCK_SEED="abc" is not an integer.\n');
  });
});

describe('port and name problems', () => {
  let blocker: Server;
  afterEach(() => void blocker?.close());

  it('names the port in use and the variable that moves it, and leaves nothing running', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const result = await runCli(['mock', 'serve'], { env: { ...FREE_PORTS, MOCK_ANTHROPIC_PORT: String(port) } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`evalmatrix mock serve: port ${port} for the anthropic mock is already in use`);
    expect(result.stderr).toContain('MOCK_ANTHROPIC_PORT=<free port>');
  });

  it('rejects a port variable that is not a port, and an unknown --only name', async () => {
    const port = await runCli(['mock', 'serve'], { env: { ...FREE_PORTS, MOCK_KIMI_PORT: 'eighty' } });
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('MOCK_KIMI_PORT="eighty" is not a port');
    const only = await runCli(['mock', 'serve', '--only', 'openai,claude'], { env: FREE_PORTS });
    expect(only.code).toBe(1);
    expect(only.stderr).toContain('--only: unknown mock "claude"; known: openai, anthropic, gemini, grok, kimi, tgi, sglang');
  });
});
