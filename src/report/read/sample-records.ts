// The second pass over a case's events.jsonl: everything recorded about the chosen samples
// (what was sent, the reply, each metric's verdict, the errors), for the report's drill-down.
// Only the chosen samples are kept, so a case of any length costs the cap, not its size.
import type { PayloadOf } from '../../runner/events.js';
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

export async function readSampleRecords(
  eventsFile: string,
  wanted: ReadonlyMap<string, SampleStatus>,
  maxTextChars: number,
): Promise<Map<string, SampleRecord>> {
  const records = new Map<string, SampleRecord>();
  const recordFor = (id: string, trial: number | undefined): SampleRecord | undefined => {
    const key = sampleKey(id, trial);
    const status = wanted.get(key);
    if (status === undefined) return undefined;
    let r = records.get(key);
    if (!r) {
      r = { key, id, trial, status, inferences: [], scores: [], errors: [] };
      records.set(key, r);
    }
    return r;
  };
  // Problems were reported by the first pass; this one reads the same lines.
  for await (const e of readEvents(eventsFile, new Problems())) {
    if (e.sample_id === null) continue;
    if (e.event === 'inference_end') recordFor(e.sample_id, e.payload.trial)?.inferences.push(clipStrings(e.payload, maxTextChars));
    else if (e.event === 'auto_eval_sample') recordFor(e.sample_id, e.payload.trial)?.scores.push(clipStrings(e.payload, maxTextChars));
    else if (e.event === 'sample_error') recordFor(e.sample_id, e.payload.trial)?.errors.push(clipStrings(e.payload, maxTextChars));
  }
  return records;
}
