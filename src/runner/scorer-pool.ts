// The scorer pool: CPU-heavy metrics score in worker threads (tinypool), so the thread that
// drives the requests never stalls on them and measured latencies stay true. One pool per
// process, shared by the cases running in it and sized to the spare cores.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { MetricScore } from '../metrics/metric.js';
import { MetricTimeoutError } from './metric-timeout.js';
import { WARM_UP, type ScoreJob, type WorkerAnswer } from './scorer-worker.js';
import { Slots } from './slots.js';

// Compiled, the worker is the sibling .js; from the TypeScript sources it needs a loader first.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_FILE = fileURLToPath(new URL(fromSource ? './scorer-worker.dev.mjs' : './scorer-worker.js', import.meta.url));

export function defaultScorerThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export class ScorerPool {
  private readonly pool: Tinypool;
  // A job is handed to tinypool only when a thread is free, so its timeout measures scoring,
  // not time spent queued behind other samples.
  private readonly slots: Slots;
  private readonly ready: Promise<void>;

  constructor(readonly threads = defaultScorerThreads()) {
    this.pool = new Tinypool({ filename: WORKER_FILE, minThreads: threads, maxThreads: threads, isolateWorkers: false });
    this.slots = new Slots(threads);
    this.ready = Promise.all(Array.from({ length: threads }, () => this.pool.run(WARM_UP))).then(() => undefined);
    this.ready.catch(() => undefined); // surfaced by score(), not as an unhandled rejection
  }

  async score(job: ScoreJob, timeoutMs: number): Promise<MetricScore> {
    await this.ready;
    const release = await this.slots.acquire();
    try {
      const answer = (await this.pool.run(job, { signal: AbortSignal.timeout(timeoutMs) })) as WorkerAnswer;
      if (answer.ok) return answer.scored;
      throw new PooledMetricError(answer.error.name, answer.error.message);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
      // Tinypool has terminated the thread mid-score; let its replacement start up before this
      // slot is reused, so the next job's timeout isn't spent waiting for it.
      await this.pool.run(WARM_UP);
      throw new MetricTimeoutError(job.metric.metric_id, timeoutMs);
    } finally {
      release();
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}

/** A pooled metric's failure, as the worker named and told it (invalid_score, metric_error). */
class PooledMetricError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

let shared: { pool: ScorerPool; users: number } | undefined;

/** The process's pool, started on first use; release() ends it once its last user is done. */
export function acquireScorerPool(): { pool: ScorerPool; release: () => Promise<void> } {
  shared ??= { pool: new ScorerPool(), users: 0 };
  const lease = shared;
  lease.users += 1;
  let released = false;
  return {
    pool: lease.pool,
    release: async () => {
      if (released) return;
      released = true;
      lease.users -= 1;
      if (lease.users > 0) return;
      if (shared === lease) shared = undefined;
      await lease.pool.destroy();
    },
  };
}
