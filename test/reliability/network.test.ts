// Mock mode lets nothing leave the machine: a run over every provider, and a backend whose
// api_base no mock serves, with every socket connect of Vitest and its workers counted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROVIDERS, runProject, sampleErrors, workDir, writePipeline, writeRows } from './project-run.js';

const COUNTER = fileURLToPath(new URL('./fixtures/count-connects.cjs', import.meta.url));

describe('network isolation in mock mode', () => {
  it('opens no TCP connection, and refuses a base no mock serves', async () => {
    const dir = workDir();
    const rows = writeRows(dir, 5);
    const log = path.join(dir, 'connects.log');
    const env = { NODE_OPTIONS: `--require ${COUNTER}`, REL_CONNECT_LOG: log, EVALMATRIX_MODE: 'mock' };

    const all = await runProject(writePipeline(dir, { name: 'all', rows, samples: 5, providers: PROVIDERS }), dir, env);
    expect(all.code, all.output).toBe(0);
    const unmocked = await runProject(
      writePipeline(dir, { name: 'unmocked', rows, samples: 2, providers: ['openai'], backendConfig: { api_base: 'https://api.example.invalid/v1' } }),
      dir,
      env,
    );
    const errors = sampleErrors(path.join(dir, 'unmocked')).map((e) => e.message);
    expect(errors).toHaveLength(2);
    for (const m of errors) expect(m).toMatch(/no mock answers POST https:\/\/api\.example\.invalid\/v1\/chat\/completions/);
    expect(unmocked.output).toContain('Tests');

    // The counter ran (Vitest's own processes connect nowhere over TCP either).
    const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
    const tcp = lines.filter((l) => l.split(' ')[1] === 'tcp');
    expect(tcp).toEqual([]);
  });

  it('the counter sees a real connection (so a zero above means something)', async () => {
    const dir = workDir();
    const log = path.join(dir, 'connects.log');
    const { spawnSync } = await import('node:child_process');
    spawnSync(process.execPath, ['--require', COUNTER, '-e', "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"], {
      env: { ...process.env, REL_CONNECT_LOG: log },
    });
    expect(readFileSync(log, 'utf8')).toMatch(/tcp 127\.0\.0\.1:9/);
  });
});
