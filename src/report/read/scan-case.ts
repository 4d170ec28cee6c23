// The first pass over a case's events.jsonl: every sample's outcome, the latencies and the
// case-level events — what the matrix, the charts and the comparison need, without the texts.
// A resumed run appends parts to the file, each opened by a case_start: a sample run again in
// a later part (a rerun of errors) has the outcome of that later run, as its summary counts it.
import type { EmittedEvent, PayloadOf } from '../../runner/events.js';
import { readEvents } from './events.js';
import { passOf, sampleKey, type SampleOutcome } from './outcome.js';
import type { Problems } from './problems.js';
import { RecordCollector, type SampleRecord } from './sample-records.js';

export interface CaseScan {
  /** Sample key → outcome, in the order samples first appeared. */
  outcomes: Map<string, SampleOutcome>;
  /** latency_ms of every live (not replayed) inference. */
  latencies: number[];
  /** sample_error events not tied to a sample (a dataset that could not be read). */
  caseErrors: PayloadOf<'sample_error'>[];
  start: PayloadOf<'case_start'> | undefined;
  end: PayloadOf<'case_end'> | undefined;
  /** Metrics seen in auto_eval_sample events, in order of first appearance. */
  metricIds: string[];
  /** Every sample's record, when asked for and the case stayed within `keepRecords.upTo` samples. */
  records: Map<string, SampleRecord> | null;
  /** Line number → the `order` of the sample whose event it holds (a hole: none), for a second pass. */
  lineOwners: number[];
}

export interface KeepRecords {
  upTo: number;
  maxTextChars: number;
}

/** The first pass; with `keep`, a case of at most `keep.upTo` samples is read in this one pass. */
export async function scanCase(eventsFile: string, problems: Problems, keep?: KeepRecords): Promise<CaseScan> {
  const scanner = new CaseScanner(keep);
  for await (const { line, event } of readEvents(eventsFile, problems)) scanner.add(event, line);
  return scanner.result();
}

/**
 * The first pass, one event at a time, wherever the events come from: read back from the file
 * (scanCase), or handed over by the reporter as it writes them (report/run-tap.ts), which spares
 * the report a second reading of every events.jsonl after the run.
 */
export class CaseScanner {
  private readonly scan: CaseScan = { outcomes: new Map(), latencies: [], caseErrors: [], start: undefined, end: undefined, metricIds: [], records: null, lineOwners: [] };
  private readonly metrics = new Set<string>();
  private collector: RecordCollector | null;
  /** The part (1 per case_start) each sample was last seen in. */
  private part = 0;
  private readonly partOf = new Map<string, number>();

  constructor(private readonly keep?: KeepRecords) {
    this.collector = keep ? new RecordCollector(keep.maxTextChars) : null;
  }

  /** The event on 1-based `line` of the case's events.jsonl; lines come in order. */
  add(e: EmittedEvent, line: number): void {
    const scan = this.scan;
    this.collector?.add(e);
    // Past the cap, a second pass reads only the samples chosen for the page.
    if (this.collector && scan.outcomes.size > this.keep!.upTo) this.collector = null;
    switch (e.event) {
      case 'case_start':
        scan.start = e.payload;
        this.part += 1;
        break;
      case 'case_end':
        scan.end = e.payload;
        break;
      case 'inference_end':
        scan.lineOwners[line] = this.latest(e.sample_id, e.payload.trial).order;
        if (e.payload.cached !== true) scan.latencies.push(e.payload.latency_ms);
        break;
      case 'auto_eval_sample': {
        const { metric_id, score, passed, trial } = e.payload;
        const o = this.latest(e.sample_id, trial);
        o.metrics.set(metric_id, { score, passed: passOf(score, passed) });
        scan.lineOwners[line] = o.order;
        this.metrics.add(metric_id);
        break;
      }
      case 'sample_error':
        if (e.sample_id === null) scan.caseErrors.push(e.payload);
        else {
          const o = this.latest(e.sample_id, e.payload.trial);
          o.errored = true;
          scan.lineOwners[line] = o.order;
        }
        break;
    }
  }

  result(): CaseScan {
    return { ...this.scan, metricIds: [...this.metrics], records: this.collector?.records ?? null };
  }

  /** The sample's outcome, cleared when this part runs it again (a rerun of errors). */
  private latest(id: string, trial: number | undefined): SampleOutcome {
    const key = sampleKey(id, trial);
    let o = this.scan.outcomes.get(key);
    if (!o) {
      o = { id, trial, order: this.scan.outcomes.size, errored: false, metrics: new Map() };
      this.scan.outcomes.set(key, o);
    }
    if ((this.partOf.get(key) ?? this.part) < this.part) {
      o.errored = false;
      o.metrics.clear();
    }
    this.partOf.set(key, this.part);
    return o;
  }
}
