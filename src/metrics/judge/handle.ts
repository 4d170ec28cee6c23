// What a metric sees of its judge: the judge adapter's prompt (the rubric) rendered for the
// sample, and calls through the judge's backend. The runner makes one handle per sample and
// metric, so every call is counted as judge usage whatever the metric does with it.
import type { ChatMessage, Usage } from '../../providers/types.js';

export interface JudgeHandle {
  /** The judge_model role adapter named by the metric's `params.judge`. */
  readonly adapter_id: string;
  /** The adapter's prompt rendered for this sample, with `sample`, `output` (the reply text),
   *  `output_json` (the parsed reply, when it is JSON) and `reference` in scope. */
  messages(): ChatMessage[];
  /** One call to the judge's backend through the same provider stack as the model under test
   *  (retries, the shared limiter, mock mode, key redaction); resolves to the judge's text. */
  ask(messages: ChatMessage[]): Promise<string>;
}

/** auto_eval_sample.judge: which adapter judged, what it said last, the choice read from it
 *  (the metric's prediction), and the tokens of every call it made for the sample. */
export interface JudgeRecord {
  adapter_id: string;
  text: string;
  choice: string | null;
  usage: Usage;
}
