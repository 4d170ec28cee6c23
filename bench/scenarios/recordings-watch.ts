// Watch reruns that pay only for what changed: `vitest --watch`, live mode, against the OpenAI
// mock served over HTTP with a fixed latency (a stand-in for a provider's answer time), five prompts of 400
// samples each (2,000 samples a run). After the first run, one prompt is edited and the rerun
// timed, counting the requests that reached the server: with recordings off (EVALMATRIX_RECORD=off:
// every sample is called again) and with them on (auto, watch mode's default: only the edited
// prompt's 400 samples are called; the other 1,600 replay).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { http } from 'msw';
import { createMockHandlers } from '../../src/mocks/all.js';
import { startMockServers } from '../../src/mocks/server.js';
import type { Plan } from '../plan.js';
import { round } from '../stats.js';
import { startWatch } from '../watch-session.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export interface RecordingsWatchSide {
  /** Seconds from starting Vitest to the end of the first run (recording it, with recordings on). */
  first_run_s: number;
  /** Requests the server answered in the first run, and in the rerun after the edit. */
  first_run_requests: number;
  rerun_requests: number;
  /** Seconds from writing the edited YAML to the end of the rerun. */
  rerun_s: number;
}

export interface RecordingsWatchResult {
  samples: number;
  prompts: number;
  concurrency: number;
  latency_ms: number;
  off: RecordingsWatchSide;
  auto: RecordingsWatchSide & { recordings_mb: number };
}

const instruction = (i: number): string => `Reply like this: The answer is A. (prompt ${i})`;

export async function recordingsWatch(plan: Plan['recordingsWatch'], log: (line: string) => void): Promise<RecordingsWatchResult> {
  const perPrompt = plan.samples / plan.prompts;
  const rows = await rowsFile(perPrompt);
  let answered = 0;
  const counting = http.all('*', () => {
    answered += 1;
    return undefined;
  });
  const servers = await startMockServers({ only: ['openai'], env: { MOCK_OPENAI_PORT: '0' }, handlers: [counting, ...createMockHandlers({ latencyMs: plan.latencyMs })] });
  try {
    const side = async (record: 'off' | 'auto'): Promise<RecordingsWatchSide & { recordings_mb: number }> => {
      const instructions = Array.from({ length: plan.prompts }, (_, i) => instruction(i));
      const file = pipelineFile({ name: `recordings_watch_${record}`, providers: ['openai'], rowsFile: rows, samples: perPrompt, concurrency: plan.concurrency, instructions, apiBases: { openai: servers.served[0]!.base } });
      const scratch = mkdtempSync(path.join(tmpdir(), 'em-bench-recordings-'));
      const recordings = path.join(scratch, 'recordings');
      const session = startWatch({
        EVALMATRIX_MODE: 'live',
        OPENAI_API_KEY: 'bench-not-a-real-key',
        EVALMATRIX_RECORD: record,
        EVALMATRIX_RECORDINGS_DIR: recordings,
        BENCH_PIPELINE: file,
        EVALMATRIX_OUTPUT_DIR: path.join(scratch, 'runs'),
      });
      try {
        const start = answered;
        const launched = performance.now();
        await session.nextRunEnd(0);
        const firstRun = answered - start;
        const firstRunS = round((performance.now() - launched) / 1000, 2);
        const before = session.runsEnded();
        const edited = answered;
        const started = performance.now();
        writeFileSync(file, readFileSync(file, 'utf8').replace(instruction(0), `${instruction(0)} (edited)`));
        await session.nextRunEnd(before);
        const result = { first_run_s: firstRunS, first_run_requests: firstRun, rerun_requests: answered - edited, rerun_s: round((performance.now() - started) / 1000, 2) };
        const size = statSync(path.join(recordings, `recordings_watch_${record}`, 'bench_openai.jsonl'), { throwIfNoEntry: false })?.size ?? 0;
        log(`recordings ${record}: first run ${result.first_run_requests} requests, ${firstRunS} s; rerun after a one-prompt edit ${result.rerun_requests} requests, ${result.rerun_s} s`);
        return { ...result, recordings_mb: round(size / 1e6, 2) };
      } finally {
        session.stop();
        rmSync(scratch, { recursive: true, force: true });
      }
    };
    const { recordings_mb: _, ...off } = await side('off');
    const auto = await side('auto');
    return { samples: plan.samples, prompts: plan.prompts, concurrency: plan.concurrency, latency_ms: plan.latencyMs, off, auto };
  } finally {
    await servers.close();
  }
}
