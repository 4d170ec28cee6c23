// A metric that failed on one sample for a reason of its own (it threw, or its judge's call
// failed for good): one scoring sample_error that names the metric, and the rest go on.
// Timeouts and invalid returns have their own errors, which name the metric already.
import { MetricFault } from '../metrics/fault.js';
import { ProviderError } from '../providers/errors.js';

export class MetricError extends Error {
  /** describeError reports the name as the sample_error's error_type: `metric_error`, or a
   *  MetricFault's own type (a judge's provider failure keeps its provider_* type instead). */
  override readonly name: string;

  constructor(
    readonly metricId: string,
    cause: unknown,
  ) {
    super(`metric "${metricId}"${cause instanceof MetricFault ? ':' : ''} ${describeCause(cause)}`, { cause });
    this.name = cause instanceof MetricFault ? cause.name : 'metric_error';
  }

  /** The judge's provider failure behind this error, if that is what it was. */
  get providerError(): ProviderError | undefined {
    return this.cause instanceof ProviderError ? this.cause : undefined;
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof MetricFault) return cause.message;
  if (cause instanceof ProviderError) return `could not call its judge: ${cause.message}`;
  if (cause instanceof Error) return `threw ${cause.name}: ${cause.message}`;
  return `threw ${typeof cause === 'string' ? JSON.stringify(cause) : String(cause)}`;
}
