// Everything recorded about a sample (what was sent, the reply, each metric's verdict, the
// errors), for the report's drill-down. Collected during the first pass while a case is within
// the cap, else by a second pass over the chosen samples only: a case of any length costs the
// cap, not its size.
import type { EmittedEvent, PayloadOf } from '../../runner/events.js';
import { clipStrings } from './clip.js';
import { readEvents } from './events.js';
import { sampleKey, type SampleStatus } from './outcome.js';
import { Problems } from './problems.js';

export interface SampleRecord {
  key: string;
  id: string;
  trial: number | undefined;
  status: SampleStatus;
  inferences: PayloadOf<'inference_end'>[];
  scores: PayloadOf<'auto_eval_sample'>[];
  errors: PayloadOf<'sample_error'>[];
}

/** Folds sample events into records; the status is the caller's to set (it knows the outcome). */
export class RecordCollector {
  readonly records = new Map<string, SampleRecord>();

  constructor(private readonly maxTextChars: number) {}

  add(e: EmittedEvent): void {
    if (e.sample_id === null) return; // case_start, case_end, errors of the whole case
    const key = sampleKey(e.sample_id, e.payload.trial);
    let r = this.records.get(key);
    if (!r) {
      r = { key, id: e.sample_id, trial: e.payload.trial, status: 'unscored', inferences: [], scores: [], errors: [] };
      this.records.set(key, r);
    }
    if (e.event === 'inference_end') r.inferences.push(clipStrings(e.payload, this.maxTextChars));
    else if (e.event === 'auto_eval_sample') r.scores.push(clipStrings(e.payload, this.maxTextChars));
    else r.errors.push(clipStrings(e.payload, this.maxTextChars));
  }
}

/** The second pass: the given lines (the first pass noted whose they are), for the `wanted` samples. */
export async function readSampleRecords(
  eventsFile: string,
  lines: ReadonlySet<number>,
  wanted: ReadonlySet<string>,
  maxTextChars: number,
): Promise<Map<string, SampleRecord>> {
  const collector = new RecordCollector(maxTextChars);
  // The first pass reported the file's problems; this one reads the same lines.
  for await (const { event } of readEvents(eventsFile, new Problems(), lines)) {
    if (event.sample_id !== null && wanted.has(sampleKey(event.sample_id, event.payload.trial))) collector.add(event);
  }
  return collector.records;
}
