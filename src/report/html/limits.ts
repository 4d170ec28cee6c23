// The report's size cap. A run of 100,000 samples must still give a file a browser opens
// quickly and a CI artifact store accepts, so the drill-down carries at most this much; the
// rest stays in each case's events.jsonl, which the page links.

export interface ReportLimits {
  /** Samples embedded per case, errored first, then failed, then the rest in order. */
  maxSamplesPerCase: number;
  /** Bytes of embedded sample data in the whole file, shared evenly between the cases. */
  maxSampleBytes: number;
  /** Characters kept of any one string (a reply, a message, a rationale). */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: ReportLimits = {
  maxSamplesPerCase: 500,
  maxSampleBytes: 20 * 1024 * 1024,
  maxTextChars: 10_000,
};
