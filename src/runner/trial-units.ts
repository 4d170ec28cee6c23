// The units of work of a case's loop: each dataset sample becomes its `repeats` trials, one
// after another in the stream, so the loop's bounded concurrency covers trials too (at most
// `concurrency` requests in flight in all), a sample's trials run side by side rather than
// waiting for each other, and a sample finishes soon after it starts. A sample is rendered once,
// when it is taken; a row that did not load or a prompt that did not render is one unit that
// fails the sample, never k. A resumed case (prior-work.ts) skips what earlier parts of its run
// finished and runs only the trials they left.
import type { DatasetItem, Sample } from '../datasets/sample.js';
import type { ChatMessage } from '../providers/types.js';
import type { OpenSample } from './aggregate.js';
import type { PriorWork } from './prior-work.js';

export type WorkUnit =
  | { kind: 'trial'; sample: Sample; messages: ChatMessage[]; trial: number; open: OpenSample }
  | { kind: 'failed'; sampleId: string; stage: 'dataset' | 'prompt'; error: unknown };

export interface TrialSource {
  repeats: number;
  render: (sample: Sample) => ChatMessage[];
  /** Called once per sample that will run (see CaseAggregate.startSample). */
  startSample: () => OpenSample;
  /** A resumed case: what its run already did. */
  prior?: PriorWork;
}

export async function* trialUnits(items: AsyncIterable<DatasetItem>, source: TrialSource): AsyncGenerator<WorkUnit> {
  for await (const item of items) {
    const left = source.prior?.left(item.ok ? item.sample.sample_id : item.error.sample_id);
    if (left === 'done') continue;
    if (!item.ok) {
      yield { kind: 'failed', sampleId: item.error.sample_id, stage: 'dataset', error: new Error(item.error.message) };
      continue;
    }
    let messages: ChatMessage[];
    try {
      messages = source.render(item.sample);
    } catch (error) {
      yield { kind: 'failed', sampleId: item.sample.sample_id, stage: 'prompt', error };
      continue;
    }
    const open = left?.open ?? source.startSample();
    const trials = left?.trials ?? Array.from({ length: source.repeats }, (_, trial) => trial);
    for (const trial of trials) yield { kind: 'trial', sample: item.sample, messages, trial, open };
  }
}
