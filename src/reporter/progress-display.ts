// When progress is printed: in an interactive terminal, outside CI, one line every `intervalMs`
// once a case has run that long (short cases print nothing). Elsewhere — CI logs, pipes — it
// stays quiet and the final table is the only output. Lines go through Vitest's logger, which
// prints them above its own live summary instead of tearing it.
import { formatProgress, ProgressTracker } from './progress.js';
import type { EmittedEvent } from '../runner/events.js';

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
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return stream.isTTY === true && !ci;
}

export class ProgressDisplay {
  private readonly tracker = new ProgressTracker();
  private readonly enabled: boolean;
  private readonly intervalMs: number;
  private lastPrinted = -Infinity;

  constructor(
    private readonly print: (line: string) => void,
    options: ProgressOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.enabled = options.enabled ?? progressEnabledByDefault();
    this.intervalMs = options.intervalMs ?? 2000;
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
  }
}
