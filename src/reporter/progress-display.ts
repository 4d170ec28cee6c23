// When progress is printed: in an interactive terminal, outside CI, one line every `intervalMs`
// once a case has run that long (short cases print nothing). Elsewhere — CI logs, pipes — it
// stays quiet and the final table is the only output, except for requests that are retrying,
// which are said there too, more sparingly (retry-lines.ts). Lines go through Vitest's logger,
// which prints them above its own live summary instead of tearing it.
import { isCI } from '../config/ci.js';
import { formatProgress, ProgressTracker } from './progress.js';
import type { EmittedEvent } from '../runner/events.js';
import type { ProgressNotice } from '../runner/retry-notices.js';
import { QUIET_RETRY_INTERVAL_MS, RetryLines } from './retry-lines.js';

export interface ProgressOptions {
  /** Default: stdout is a TTY and CI is not set. */
  enabled?: boolean;
  /** Default 2000. */
  intervalMs?: number;
}

export function progressEnabledByDefault(
  stream: { isTTY?: boolean } = process.stdout,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return stream.isTTY === true && !isCI(env);
}

export class ProgressDisplay {
  private readonly tracker = new ProgressTracker();
  private readonly enabled: boolean;
  private readonly intervalMs: number;
  private lastPrinted = -Infinity;
  private readonly retries: RetryLines;

  constructor(
    private readonly print: (line: string) => void,
    options: ProgressOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.enabled = options.enabled ?? progressEnabledByDefault();
    this.intervalMs = options.intervalMs ?? 2000;
    this.retries = new RetryLines(print, this.enabled ? this.intervalMs : QUIET_RETRY_INTERVAL_MS, now);
  }

  /** What a case told the console besides its events (requests retrying), progress on or off. */
  notice(caseKey: string, caseName: string, notices: readonly ProgressNotice[]): void {
    this.retries.notice(caseKey, caseName, notices.filter((n) => n.notice === 'retry'));
  }

  /** One events batch of one case arrived. */
  record(caseKey: string, events: readonly EmittedEvent[]): void {
    if (!this.enabled) return;
    const now = this.now();
    this.tracker.record(caseKey, events, now);
    const snapshot = this.tracker.snapshot(now);
    if (snapshot.longestMs < this.intervalMs || now - this.lastPrinted < this.intervalMs) return;
    this.lastPrinted = now;
    this.print(formatProgress(snapshot));
  }

  end(caseKey: string): void {
    this.tracker.end(caseKey);
    this.retries.end(caseKey);
  }
}
