// Which requests get a fault. A request is known by its URL and body, and each repeat of the
// same request (a client's retry) is the next draw for it: the k-th try of a given request
// always meets the same fate, so a seeded run is reproducible however requests interleave.
// Only requests that are mid-retry are remembered; a success forgets its request.
import { unitHash } from './draw.js';
import { FAULT_KINDS, type FaultKind, type FaultRates } from './spec.js';

export interface Fault {
  kind: FaultKind;
  /** A second draw in [0, 1) for the fault's variant (500 or 503, broken JSON or a missing field). */
  variant: number;
}

export class FaultPlan {
  private readonly tries = new Map<number, number>();

  constructor(
    private readonly rates: FaultRates,
    private readonly seed = 0,
  ) {}

  /** The fault for this request's next try, or undefined to answer normally. */
  next(requestKey: string): Fault | undefined {
    const id = Math.floor(unitHash(this.seed, requestKey) * 2 ** 53);
    const tryIndex = this.tries.get(id) ?? 0;
    const draw = unitHash(this.seed, requestKey, tryIndex);
    let threshold = 0;
    for (const kind of FAULT_KINDS) {
      threshold += this.rates[kind] ?? 0;
      if (draw < threshold) {
        this.tries.set(id, tryIndex + 1);
        return { kind, variant: unitHash(this.seed, requestKey, tryIndex, 'variant') };
      }
    }
    this.tries.delete(id);
    return undefined;
  }
}
