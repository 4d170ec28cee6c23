// One limiter per provider, endpoint and key, shared by every case in the process: two cases
// calling the same account draw on the same budget. The key is hashed: the map never holds it.
import { createHash } from 'node:crypto';
import { realClock, type Clock } from './clock.js';
import { Limiter } from './limiter.js';
import type { Limits } from './limits.js';

export class LimiterRegistry {
  private readonly limiters = new Map<string, Limiter>();

  constructor(private readonly clock: Clock = realClock) {}

  limiterFor(provider: string, apiBase: string, apiKey: string, limits: Limits): Limiter {
    const id = `${provider} ${apiBase.replace(/\/+$/, '')} ${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
    const existing = this.limiters.get(id);
    if (existing) {
      existing.tighten(limits);
      return existing;
    }
    const limiter = new Limiter(limits, this.clock);
    this.limiters.set(id, limiter);
    return limiter;
  }
}

/** The process-wide registry every client uses unless given another. */
export const sharedLimiters = new LimiterRegistry();
