// The gate every request to one provider with one key passes: a concurrency cap that adapts
// to 429s, optional requests- and tokens-per-minute budgets, and a pause when the server asks
// everyone to wait. Shared by every case in the process (see registry.ts).
import { onAbort } from '../on-abort.js';
import { AdaptiveLimit } from './adaptive-limit.js';
import type { Clock } from './clock.js';
import type { Limits } from './limits.js';
import { StallWatch } from './stall-watch.js';
import { TokenBucket } from './token-bucket.js';

export interface LeaseOutcome {
  /** The provider answered 429. */
  rateLimited?: boolean;
  /** The server asked for this long a pause (ms) before anyone tries again. */
  pauseMs?: number;
  /** Tokens really used, to correct the tokens-per-minute estimate. */
  tokensUsed?: number;
  ok?: boolean;
  /** The server answered (an error status counts; a refused or dropped connection does not). */
  reached?: boolean;
}

export interface Lease {
  release(outcome: LeaseOutcome): void;
}

export class Limiter {
  private readonly concurrency: AdaptiveLimit;
  private rpm: TokenBucket | undefined;
  private tpm: TokenBucket | undefined;
  private inFlight = 0;
  private issued = 0;
  private pausedUntil = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly stalls = new StallWatch();
  private sweeping = false;
  /** Some request through this limiter reached the server: its endpoint is known to exist. */
  everAnswered = false;

  constructor(
    limits: Limits,
    private readonly clock: Clock,
  ) {
    this.concurrency = new AdaptiveLimit(limits.maxConcurrency);
    this.rpm = limits.rpm === undefined ? undefined : new TokenBucket(limits.rpm, clock.now());
    this.tpm = limits.tpm === undefined ? undefined : new TokenBucket(limits.tpm, clock.now());
  }

  /** Requests allowed in flight now. */
  get allowed(): number {
    return this.concurrency.current;
  }

  /** Another backend on the same provider and key: the tighter of each limit wins. */
  tighten(limits: Limits): void {
    this.concurrency.lowerMax(limits.maxConcurrency);
    if (limits.rpm !== undefined && (this.rpm === undefined || limits.rpm < this.rpm.perMinute)) this.rpm = new TokenBucket(limits.rpm, this.clock.now());
    if (limits.tpm !== undefined && (this.tpm === undefined || limits.tpm < this.tpm.perMinute)) this.tpm = new TokenBucket(limits.tpm, this.clock.now());
  }

  /** Waits for a slot and the budgets; `tokens` is the request's estimated token cost. */
  async acquire(tokens: number, signal?: AbortSignal): Promise<Lease> {
    await this.slot(signal);
    const seq = ++this.issued;
    try {
      const budgetWait = Math.max(this.rpm?.take(1, this.clock.now()) ?? 0, this.tpm?.take(tokens, this.clock.now()) ?? 0);
      const pauseWait = this.pausedUntil - this.clock.now();
      const wait = Math.max(budgetWait, pauseWait);
      if (wait > 0) await this.clock.sleep(wait, signal);
    } catch (error) {
      this.free();
      throw error;
    }
    let released = false;
    const watched = this.stalls.start(this.clock.now());
    return {
      release: (outcome) => {
        if (released) return;
        released = true;
        if (outcome.ok || outcome.reached) this.everAnswered = true;
        this.stalls.end(watched, this.clock.now(), outcome.ok === true);
        if (outcome.rateLimited) this.concurrency.onRateLimited(seq, this.inFlight, this.issued);
        else if (outcome.ok) this.concurrency.onSuccess();
        if (outcome.pauseMs !== undefined && outcome.pauseMs > 0) {
          this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + outcome.pauseMs);
        }
        if (outcome.tokensUsed !== undefined) this.tpm?.correct(outcome.tokensUsed - tokens, this.clock.now());
        // A stalled request already gave its slot back.
        if (!watched.detached) this.free();
      },
    };
  }

  /** While requests wait for a slot, look for stalled ones holding theirs (see stall-watch.ts). */
  private sweepStalls(): void {
    if (this.sweeping) return;
    this.sweeping = true;
    void (async () => {
      while (this.waiting.length > 0) {
        await this.clock.sleep(this.stalls.stallAfterMs / 4);
        for (const _ of this.stalls.detachOverdue(this.clock.now(), this.concurrency.max)) this.free();
      }
      this.sweeping = false;
    })();
  }

  private slot(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.inFlight < this.concurrency.current && this.waiting.length === 0) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        stopWatching?.();
        this.inFlight += 1;
        resolve();
      };
      const stopWatching = signal
        ? onAbort(signal, () => {
            const index = this.waiting.indexOf(grant);
            if (index >= 0) this.waiting.splice(index, 1);
            reject(signal.reason);
          })
        : undefined;
      this.waiting.push(grant);
      this.sweepStalls();
    });
  }

  private free(): void {
    this.inFlight -= 1;
    while (this.waiting.length > 0 && this.inFlight < this.concurrency.current) this.waiting.shift()!();
  }
}
