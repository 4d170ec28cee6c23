// The judges of a case, ready to call: for each judge_model adapter its metrics name, a
// provider client made exactly like the model's (retries, the shared limiter, mock mode, key
// redaction) and its rubric prompt compiled once. A judge without its key in live mode is a
// MissingKeyError, so the case is skipped naming the variable, as for the model's own key.
import type { CaseSpec, JudgeSpec } from '../config/cases.js';
import type { JudgeHandle, JudgeRecord } from '../metrics/judge/handle.js';
import type { MetricOutput } from '../metrics/metric.js';
import type { Sample } from '../datasets/sample.js';
import { compilePrompt, type RenderPrompt } from '../prompts/render.js';
import { createProviderClient, MissingKeyError } from '../providers/index.js';
import type { ProviderClient, Usage } from '../providers/types.js';

export interface JudgeRuntime {
  adapterId: string;
  client: ProviderClient;
  render: RenderPrompt;
}

/** adapter_id → its judge. */
export type JudgeClients = ReadonlyMap<string, JudgeRuntime>;

export interface JudgeClientOptions {
  env: Record<string, string | undefined>;
  mode: 'mock' | 'live';
}

/** Throws MissingJudgeKeyError (a MissingKeyError) when a judge's key is missing in live mode. */
export function createJudgeClients(spec: Pick<CaseSpec, 'judges'>, options: JudgeClientOptions): JudgeClients {
  return new Map(spec.judges.map((judge) => [judge.adapter.adapter_id, createJudge(judge, options)]));
}

function createJudge(judge: JudgeSpec, options: JudgeClientOptions): JudgeRuntime {
  const adapterId = judge.adapter.adapter_id;
  let client: ProviderClient;
  try {
    client = createProviderClient(judge.backend, {
      env: options.env,
      allowMissingKey: options.mode === 'mock',
    });
  } catch (error) {
    if (error instanceof MissingKeyError) throw new MissingJudgeKeyError(adapterId, error);
    throw error;
  }
  return { adapterId, client, render: compilePrompt(judge.prompt) };
}

export class MissingJudgeKeyError extends MissingKeyError {
  constructor(
    readonly adapterId: string,
    missing: MissingKeyError,
  ) {
    super(missing.provider, missing.variables);
    this.message = `judge "${adapterId}": ${missing.message}`;
  }
}

export interface JudgeSession {
  handle: JudgeHandle;
  /** Tokens of every call made so far (failed calls report none). */
  usage: Usage;
  /** What auto_eval_sample.judge records, once the judge has answered at least once. */
  record(choice: string | null): JudgeRecord | undefined;
}

/** One sample's judge handle; `signal` aborts its calls when the metric times out. */
export function openJudgeSession(judge: JudgeRuntime, sample: Sample, output: MetricOutput, signal: AbortSignal): JudgeSession {
  const usage = { prompt_tokens: 0, completion_tokens: 0 };
  let lastText: string | undefined;
  return {
    usage,
    handle: {
      adapter_id: judge.adapterId,
      messages: () => judge.render(sample, { output: output.text, output_json: output.json ?? null, reference: sample.reference ?? null }),
      async ask(messages) {
        const result = await judge.client.chat({ messages, signal });
        usage.prompt_tokens += result.usage.prompt_tokens;
        usage.completion_tokens += result.usage.completion_tokens;
        lastText = result.text;
        return result.text;
      },
    },
    record: (choice) => (lastText === undefined ? undefined : { adapter_id: judge.adapterId, text: lastText, choice, usage: { ...usage } }),
  };
}
