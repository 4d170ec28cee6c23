// Watches a case's events as they are emitted: tallies its errors by kind, and stops the case
// early when going on cannot help — its endpoint is not there (a request gave up because it
// could not connect, and none to it had ever got through), or it has spent its max_cost_usd.
// A stop is said in the case's reasons and fails it; what ran stays counted.
import { counted } from '../config/plural.js';
import { errorClass, isUnreachable } from './error-class.js';
import { ErrorKinds, essentialMessage } from './error-kinds.js';
import type { EmittedEvent } from './events.js';

export interface CaseWatchOptions {
  /** The model under test's backend_id, for the reasons. */
  backendId: string;
  /** Stop starting samples; those in flight finish (they are paid for). */
  stopStarting: () => void;
  /** Stop starting samples and cut those in flight (they would fail the same way). */
  stopAll: () => void;
  /** The case's cost so far in US dollars; null when a model has no known price. */
  costSoFar: () => number | null;
  maxCostUsd?: number | undefined;
  /** Samples started so far. */
  samplesStarted: () => number;
}

export class CaseWatch {
  readonly errors = new ErrorKinds();
  /** Why the case stopped early; empty when it ran to the end. */
  readonly stops: string[] = [];
  private modelAnswered = false;
  private judgeAnswered = false;

  constructor(private readonly options: CaseWatchOptions) {}

  see(event: EmittedEvent): void {
    switch (event.event) {
      case 'inference_end':
        this.modelAnswered = true;
        this.checkCost();
        return;
      case 'auto_eval_sample':
        if (event.payload.judge) this.judgeAnswered = true;
        this.checkCost();
        return;
      case 'sample_error':
        this.errors.add(event.payload);
        this.checkReachable(event.payload);
        return;
      default:
        return;
    }
  }

  private checkReachable(error: Extract<EmittedEvent, { event: 'sample_error' }>['payload']): void {
    if (this.stops.length > 0 || !isUnreachable(error)) return;
    // The model's request (inference) or a judge's (scoring); one that got through before proves
    // the endpoint is there, and this refusal passing.
    const model = error.stage === 'inference';
    if (model ? this.modelAnswered : this.judgeAnswered) return;
    const whose = model ? `backend "${this.options.backendId}"` : 'its judge';
    this.stops.push(`stopped early: ${whose} could not be reached (${errorClass(error)}: ${essentialMessage(error.message)}) and no request to it had got through, so the remaining samples were not run`);
    this.options.stopAll();
  }

  private checkCost(): void {
    const max = this.options.maxCostUsd;
    if (max === undefined || this.stops.length > 0) return;
    const cost = this.options.costSoFar();
    if (cost === null || cost <= max) return;
    this.stops.push(`stopped early: the cost passed max_cost_usd ($${max}) after ${counted(this.options.samplesStarted(), 'sample')} had started; no sample started after that`);
    this.options.stopStarting();
  }
}
