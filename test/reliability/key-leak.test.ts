// No key is ever written to disk or printed. Fake keys everywhere: every provider's variable and
// a custom api_key_env in the environment, a key interpolated into a prompt (refused before
// sending, naming the variable), a key in api_base's userinfo (refused at load), and a server
// that echoes the key it was sent into its answers and its errors. Then every file written and
// everything printed is searched for the keys.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseEvents, caseFolders, filesUnder, PROVIDERS, runProject, workDir, writePipeline, writeRows } from './project-run.js';

const VARIABLES = [
  'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GOOGLE_API_KEY', 'GEMINI_API_KEY', 'XAI_API_KEY', 'GROK_API_KEY', 'MOONSHOT_API_KEY',
  'KIMI_API_KEY', 'AZURE_OPENAI_API_KEY', 'TGI_API_KEY', 'HF_TOKEN', 'SGLANG_API_KEY', 'MOCK_TARGET_API_KEY', 'MY_TEAM_KEY',
];
const KEYS = Object.fromEntries(VARIABLES.map((v, i) => [v, `sk-FAKE${i}${v.toLowerCase().replace(/_/g, '')}0123456789abcdef`]));

function events(root: string) {
  return caseFolders(root).flatMap((c) => caseEvents(root, c).map((event) => ({ model: c.split('/')[0]!, event })));
}

describe('keys never leave', () => {
  it('are refused in prompts, redacted from echoes, refused in api_base, and found in no file or output', async () => {
    const dir = workDir();
    const rows = writeRows(dir, 4);
    const outputs: string[] = [];

    // A key interpolated into the prompt: refused at render, for every provider.
    const interpolated = writePipeline(dir, {
      name: 'interpolated',
      rows,
      samples: 4,
      providers: PROVIDERS,
      template: 'Question: {{ sample.goal }} (auth ${ANTHROPIC_API_KEY})',
      backendConfig: { api_key_env: 'MY_TEAM_KEY' },
    });
    const a = await runProject(interpolated, dir, KEYS);
    outputs.push(a.output);
    const refused = events(path.join(dir, 'interpolated')).filter((e) => e.event.event === 'sample_error');
    expect(refused).toHaveLength(4 * PROVIDERS.length);
    for (const { event } of refused) {
      expect(event.event === 'sample_error' && event.payload).toMatchObject({ stage: 'prompt', error_type: 'SecretInPrompt' });
      expect(event.event === 'sample_error' && event.payload.message).toMatch(/contains the value of ANTHROPIC_API_KEY/);
    }
    expect(events(path.join(dir, 'interpolated')).some((e) => e.event.event === 'inference_end')).toBe(false);

    // A server that echoes the bearer key in answers and in 401 errors.
    const echoed = writePipeline(dir, { name: 'echoed', rows, samples: 4, providers: ['openai'] });
    const b = await runProject(echoed, dir, { ...KEYS, REL_EVAL_FILE: 'echo-key.eval.ts' });
    outputs.push(b.output);
    const texts = events(path.join(dir, 'echoed')).flatMap(({ event }) =>
      event.event === 'inference_end' ? [event.payload.text] : event.event === 'sample_error' ? [event.payload.message] : [],
    );
    expect(texts.filter((t) => t.includes('[redacted]')).length).toBeGreaterThanOrEqual(2);

    // A key in api_base's userinfo: refused when the pipeline loads.
    const userinfo = writePipeline(dir, {
      name: 'userinfo',
      rows,
      samples: 2,
      providers: ['openai'],
      backendConfig: { api_base: `http://user:${KEYS.OPENAI_API_KEY}@127.0.0.1:18080/v1` },
    });
    const c = await runProject(userinfo, dir, KEYS);
    outputs.push(c.output);
    expect(c.code).toBe(1);
    expect(c.output).toMatch(/api_base: backend "be_openai": api_base carries a user name or password/);

    // The pipeline files themselves hold the userinfo key on purpose; everything evalmatrix wrote must not.
    const written = filesUnder(dir).filter((f) => !f.endsWith('.yaml') && f !== 'rows.jsonl');
    expect(written.some((f) => f.endsWith('summary.json'))).toBe(true);
    for (const [variable, key] of Object.entries(KEYS)) {
      for (const f of written) expect(readFileSync(path.join(dir, f), 'utf8').includes(key), `${variable}'s key in ${f}`).toBe(false);
      for (const out of outputs) expect(out.includes(key), `${variable}'s key printed`).toBe(false);
    }
  });
});
