// Live: the comparison users make. Five OpenAI models answered over HTTP by one server in a
// process of its own (live-server.ts), evalmatrix in live mode through `vitest run` against the
// raw `openai` SDK loop (raw-openai.ts) with one shared pool of the same concurrency — in
// evalmatrix, each case's `concurrency` slots behind one shared `max_concurrency` limit, the
// five backends being one provider, endpoint and key. Alternating, after a warm-up pair, at two
// sizes: the per-sample cost is the slope, the start-up difference the intercepts' (fit.ts),
// on wall and CPU time; the whole process tree's peak RSS (the server is outside both trees).
// Every run must make every call (the server counts them) and both sides must score every
// sample alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { checkRun, checkSameSampleScores, checkSameScores } from '../check.js';
import type { Side } from '../fit.js';
import { LIVE_INSTRUCTION } from '../live-prompt.js';
import { alternate } from '../pair.js';
import type { Plan } from '../plan.js';
import { BUILT, runEvalmatrix, runRawOpenAI, type SideRun } from '../sides.js';
import { SizedRuns, type SizedFits } from '../sized-runs.js';
import { median, round } from '../stats.js';
import { pipelineFile, rowsFile } from '../workspace.js';
import path from 'node:path';

export const LIVE_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano'] as const;
const KEY = 'bench-not-a-real-key';

export interface LiveResult extends SizedFits {
  /** `baseline` in the figures below is the raw SDK loop. */
  models: number;
  /** CPU seconds ÷ wall seconds at the larger size (medians): above 1, both cores were busy. */
  cpu_per_wall: Record<Side, number | null>;
  /** The whole process tree's peak at the larger size, the highest over repetitions. */
  peak_rss_mb: Record<Side, number | null>;
  /** Medians over every measured run: seconds from spawning the side to the server's first
   *  request, and from the server's last answer to the side's exit (start-up and wind-down seen
   *  directly, beside the fitted intercepts). */
  to_first_request_s: Record<Side, number>;
  after_last_answer_s: Record<Side, number>;
}

interface Timed extends SideRun {
  toFirstS: number;
  afterLastS: number;
}

export async function live(plan: Plan['live'], log: (line: string) => void): Promise<LiveResult> {
  const [small, large] = plan.sizes;
  const rows = await rowsFile(large);
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${server.port}/v1`;
    const backends = LIVE_MODELS.map((model) => ({ id: model, provider: 'openai', model, apiBase: base, maxConcurrency: plan.concurrency }));
    const files = Object.fromEntries(
      plan.sizes.map((n) => [n, pipelineFile({ name: `live_${n}`, providers: [], backends, rowsFile: rows, samples: n, concurrency: plan.concurrency, instruction: LIVE_INSTRUCTION })]),
    );
    const env = { OPENAI_API_KEY: KEY };
    const expected = LIVE_MODELS.length;
    const counted = async <T extends SideRun>(n: number, run: () => Promise<T>): Promise<T & Timed> => {
      const before = await server.reset();
      const result = await run();
      const after = await server.stats();
      const made = after.completions - before;
      if (made !== expected * n) throw new Error(`live: ${made} completions served, expected ${expected * n}`);
      const { spawnedAt, exitedAt } = result.measured;
      return { ...result, toFirstS: (after.first_at! - spawnedAt) / 1000, afterLastS: (exitedAt - after.last_at!) / 1000 };
    };
    const pairAt = async (rep: number, n: number) => {
      const pair = await alternate(
        rep,
        () => counted(n, () => runEvalmatrix(files[n]!, { EVALMATRIX_MODE: 'live', ...env }, { sampleScores: true })),
        () => counted(n, () => runRawOpenAI(rows, n, plan.concurrency, base, LIVE_MODELS, env)),
      );
      checkRun('evalmatrix', pair.evalmatrix.cases, expected, n);
      checkRun('raw', pair.baseline.cases, expected, n);
      const asBackend = (model: string): string => `bench_${model}`;
      checkSameScores(pair.evalmatrix.cases, pair.baseline.cases.map((c) => ({ ...c, model: asBackend(c.model) })));
      checkSameSampleScores(pair.evalmatrix.cases, pair.baseline.cases, asBackend);
      return pair;
    };

    await pairAt(0, small); // warm-up: caches, the server's JIT; not counted
    const runs = new SizedRuns(plan);
    const rss: Record<Side, number[]> = { evalmatrix: [], baseline: [] };
    const toFirst: Record<Side, number[]> = { evalmatrix: [], baseline: [] };
    const afterLast: Record<Side, number[]> = { evalmatrix: [], baseline: [] };
    for (let rep = 0; rep < plan.repetitions; rep++) {
      for (const n of plan.sizes) {
        const pair = await pairAt(rep, n);
        for (const side of ['evalmatrix', 'baseline'] as const) {
          const m = pair[side].measured;
          runs.add(side, n, m);
          if (n === large && m.peakRssMb !== null) rss[side].push(m.peakRssMb);
          toFirst[side].push(pair[side].toFirstS);
          afterLast[side].push(pair[side].afterLastS);
        }
        const ends = (side: Side): string => `${round(pair[side].toFirstS, 2)}+…+${round(pair[side].afterLastS, 2)}`;
        log(`live ${rep + 1}/${plan.repetitions} n=${n}: ${runs.lastLine(n, 'raw')}; to first request + … + after last answer ${ends('evalmatrix')} / ${ends('baseline')} s)`);
      }
    }
    const busy = (side: Side): number | null => (runs.cpuKnown ? round(median(runs.cpu[side][large]!) / median(runs.wall[side][large]!), 2) : null);
    return {
      models: LIVE_MODELS.length,
      ...runs.fits(LIVE_MODELS.length),
      cpu_per_wall: { evalmatrix: busy('evalmatrix'), baseline: busy('baseline') },
      peak_rss_mb: { evalmatrix: rss.evalmatrix.length ? Math.max(...rss.evalmatrix) : null, baseline: rss.baseline.length ? Math.max(...rss.baseline) : null },
      to_first_request_s: { evalmatrix: round(median(toFirst.evalmatrix), 3), baseline: round(median(toFirst.baseline), 3) },
      after_last_answer_s: { evalmatrix: round(median(afterLast.evalmatrix), 3), baseline: round(median(afterLast.baseline), 3) },
    };
  } finally {
    await server.stop();
  }
}

interface LiveServer {
  port: number;
  /** Starts the first/last times over; returns the completions served so far. */
  reset(): Promise<number>;
  stats(): Promise<{ completions: number; first_at: number | null; last_at: number | null }>;
  stop(): Promise<void>;
}

async function startServer(): Promise<LiveServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(BUILT, 'live-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`live server exited (${code}) before listening: ${output}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const found = /port=(\d+)/.exec(output);
      if (found) resolve(Number(found[1]));
    });
  });
  const stats = async () => (await (await fetch(`http://127.0.0.1:${port}/stats`)).json()) as Awaited<ReturnType<LiveServer['stats']>>;
  return {
    port,
    stats,
    reset: async () => {
      await fetch(`http://127.0.0.1:${port}/reset`, { method: 'POST' });
      return (await stats()).completions;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
