// The console's lines about retrying requests: a dead or throttled endpoint shows within a
// second of its first retry, not after the case gives up. In an interactive terminal each case
// that is retrying gets a line every progress interval; in CI logs and pipes (where progress is
// off) its first retry gets a line at once and later ones at most every `quietIntervalMs`, so
// an outage stays visible without flooding the log.
import type { RetryNotice } from '../runner/retry-notices.js';

/** `piqa › litellm_openai: retrying litellm_openai (connection refused: connect ECONNREFUSED
 *  127.0.0.1:18085), attempt 3/7, waiting 4 s; 12 retries so far` */
export function formatRetry(caseName: string, n: RetryNotice): string {
  const who = n.role === 'judge' ? `judge ${n.backend_id}` : n.backend_id;
  const wait = n.wait_ms >= 1000 ? `${Math.round(n.wait_ms / 100) / 10} s` : `${n.wait_ms} ms`;
  const detail = n.message === '' || n.message === n.cause ? n.cause : `${n.cause}: ${n.message}`;
  return `evalmatrix: ${caseName}: retrying ${who} (${detail}), attempt ${n.attempt}/${n.max_attempts}, waiting ${wait}; ${n.retries} ${n.retries === 1 ? 'retry' : 'retries'} so far`;
}

export class RetryLines {
  private readonly lastPrinted = new Map<string, number>();

  constructor(
    private readonly print: (line: string) => void,
    /** ms between lines of one case: the progress interval in a terminal, longer in CI. */
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Notices of one case, as a batch brought them: the newest says the most. */
  notice(caseKey: string, caseName: string, notices: readonly RetryNotice[]): void {
    const latest = notices[notices.length - 1];
    if (latest === undefined) return;
    const t = this.now();
    const last = this.lastPrinted.get(caseKey);
    if (last !== undefined && t - last < this.intervalMs) return;
    this.lastPrinted.set(caseKey, t);
    this.print(formatRetry(caseName, latest));
  }

  end(caseKey: string): void {
    this.lastPrinted.delete(caseKey);
  }
}

/** How often a case's retries are said where progress is off (CI, pipes). */
export const QUIET_RETRY_INTERVAL_MS = 30_000;
