// Runs the reliability eval project (fixtures/project) with real Vitest in a child process of
// its own process group, on a pipeline the test wrote, and reads what it left behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { stringify } from 'yaml';
import { writtenEventSchema, type WrittenEvent } from '../../src/runner/events.js';

export const PROJECT_DIR = fileURLToPath(new URL('./fixtures/project/', import.meta.url));
const VITEST_BIN = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

export interface Run {
  child: ChildProcess;
  output: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

const made: string[] = [];
// Each test file that uses the helpers removes its folders when it ends (runs of thousands of
// samples leave megabytes); a folder still mounted (full-disk) is left to its own afterAll.
afterAll(() => {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // busy: a mount point the test unmounts itself
    }
  }
});

export function workDir(prefix = 'em-rel-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Starts `vitest run` on the project; `outDir` receives runs/. */
export function startProject(pipelineFile: string, outDir: string, env: Record<string, string> = {}, args: string[] = []): Run {
  const child = spawn(process.execPath, [VITEST_BIN, 'run', ...args, '--config', path.join(PROJECT_DIR, 'vitest.config.ts')], {
    cwd: PROJECT_DIR,
    env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', EVALMATRIX_OUTPUT_DIR: outDir, REL_PIPELINE: pipelineFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
  return { child, output: () => output, done };
}

export function runProject(pipelineFile: string, outDir: string, env: Record<string, string> = {}, args: string[] = []): Run['done'] {
  return startProject(pipelineFile, outDir, env, args).done;
}

/** Kills the run's whole process group (Vitest and its workers); quiet when it is gone. */
export function killGroup(run: Run, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-run.child.pid!, signal);
  } catch {
    // already gone
  }
}

export const PROVIDERS = ['openai', 'anthropic', 'gemini', 'grok', 'kimi'] as const;
export type Provider = (typeof PROVIDERS)[number];
const BASES: Record<Provider, string> = {
  openai: 'http://127.0.0.1:18080/v1',
  anthropic: 'http://127.0.0.1:18081',
  gemini: 'http://127.0.0.1:18082',
  grok: 'http://127.0.0.1:18083/v1',
  kimi: 'http://127.0.0.1:18084/v1',
};
const MODELS: Record<Provider, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  gemini: 'gemini-2.0-flash',
  grok: 'grok-3',
  kimi: 'moonshot-v1-8k',
};

export interface PipelineOptions {
  name?: string;
  rows: string;
  samples: number;
  concurrency?: number;
  providers?: readonly Provider[];
  /** backend_id per provider (default `be_<provider>`). */
  backendIds?: Partial<Record<Provider, string>>;
  /** Seconds. */
  timeout?: number;
  template?: string;
  backendConfig?: Record<string, unknown>;
  maxErrors?: number;
}

/** Writes a PIQA-style pipeline over the mocks and returns its path. */
export function writePipeline(dir: string, o: PipelineOptions): string {
  const providers = o.providers ?? ['openai'];
  const id = (p: Provider): string => o.backendIds?.[p] ?? `be_${p}`;
  const spec = {
    api_version: 'evalmatrix/v1',
    kind: 'PipelineConfig',
    metadata: { name: o.name ?? 'rel' },
    prompts: [{ prompt_id: 'p', template: o.template ?? 'Question: {{ sample.goal }}\nA. {{ sample.metadata.option_map.A }}\nB. {{ sample.metadata.option_map.B }}\nThe answer is A.' }],
    datasets: [{ dataset_id: 'rows', loader: 'jsonl', path: o.rows, params: { preprocess: 'piqa' } }],
    backends: providers.map((p) => ({
      backend_id: id(p),
      config: { provider: p, model: MODELS[p], api_base: BASES[p], timeout: o.timeout ?? 60, ...o.backendConfig },
    })),
    role_adapters: providers.map((p) => ({ adapter_id: `a_${p}`, backend_id: id(p), prompt_id: 'p' })),
    metrics: [{ metric_id: 'acc', implementation: 'multi_choice_accuracy' }],
    tasks: [
      {
        task_id: 'task',
        dataset_id: 'rows',
        steps: [{ step: 'inference', adapter_ids: providers.map((p) => `a_${p}`) }, { step: 'auto_eval' }],
        max_samples: o.samples,
        concurrency: o.concurrency ?? 4,
        max_errors: o.maxErrors ?? o.samples,
      },
    ],
  };
  const file = path.join(dir, `${o.name ?? 'rel'}.yaml`);
  writeFileSync(file, stringify(spec));
  return file;
}

/** `n` PIQA rows in a JSONL file. */
export function writeRows(dir: string, n: number): string {
  const file = path.join(dir, 'rows.jsonl');
  writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ goal: `goal ${i}`, sol1: 'one', sol2: 'two', label: i % 2 })).join('\n') + '\n');
  return file;
}

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string, rel: string): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${rel}${e.name}/`);
      else found.push(`${rel}${e.name}`);
    }
  };
  walk(dir, '');
  return found.sort();
}

/** The case folders (<model>/<task>/<run_id>) of a pipeline root. */
export function caseFolders(pipelineRoot: string): string[] {
  return [...new Set(filesUnder(pipelineRoot).filter((f) => f.split('/').length === 4).map((f) => f.split('/').slice(0, 3).join('/')))];
}

export function readLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

/** The events of one case folder, each line parsed (throws on a torn line). */
export function caseEvents(pipelineRoot: string, caseFolder: string): WrittenEvent[] {
  return readFileSync(path.join(pipelineRoot, caseFolder, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => writtenEventSchema.parse(JSON.parse(l)));
}

/** Every sample_error of every case under a pipeline root. */
export function sampleErrors(pipelineRoot: string): Array<{ stage: string; error_type: string; message: string; attempts: number }> {
  return caseFolders(pipelineRoot).flatMap((c) =>
    caseEvents(pipelineRoot, c).flatMap((e) =>
      e.event === 'sample_error' ? [{ stage: e.payload.stage, error_type: e.payload.error_type, message: e.payload.message, attempts: e.payload.attempts }] : [],
    ),
  );
}
