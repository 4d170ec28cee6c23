// Builds a case's summary (without run identity) from its aggregate and verdict. A case that
// never ran (a live case without its key) gets the same shape, empty, status `skipped`.
import type { CaseSpec } from '../config/cases.js';
import { CaseAggregate } from './aggregate.js';
import type { Mode } from './run-case.js';
import type { Usage } from '../providers/types.js';
import type { CaseSummary, UsageTotals } from './summary.js';
import type { Verdict } from './verdict.js';
import type { CaseCost } from './cost.js';
import type { ErrorKind } from './error-kinds.js';

export interface BackendFacts {
  provider: string;
  model: string;
  apiBase: string;
}

export interface SummaryInput {
  spec: CaseSpec;
  mode: Mode;
  backend: BackendFacts;
  /** The case's judges, by adapter_id (none when it has no judging metric). */
  judges?: ReadonlyMap<string, BackendFacts>;
  startedAt: Date;
  wallMs: number;
  aggregate: CaseAggregate;
  /** What the case cost (absent for a case that never ran). */
  cost?: CaseCost;
  /** Its errors by kind, most frequent first. */
  errorKinds?: ErrorKind[];
  verdict: Pick<Verdict, 'thresholds' | 'reasons'> & { status: CaseSummary['status'] };
}

export function buildSummary(input: SummaryInput): CaseSummary {
  const { spec, aggregate, verdict, backend } = input;
  const cached = aggregate.cached;
  const replayed = cached === undefined ? {} : { cached_prompt_tokens: cached.prompt_tokens, cached_completion_tokens: cached.completion_tokens };
  const dut = { ...totals(aggregate.usage), ...replayed };
  const judge = totals(aggregate.judgeUsage);
  return {
    run: {
      task_id: spec.task.task_id,
      model: spec.model,
      timings: {
        started_at: input.startedAt.toISOString(),
        ended_at: new Date().toISOString(),
        wall_ms: input.wallMs,
        latency_ms: aggregate.latencyStats(),
      },
      metadata: {
        pipeline: spec.pipeline,
        mode: input.mode,
        backends: [{ backend_id: spec.backend.backend_id, provider: backend.provider, model: backend.model, api_base: backend.apiBase }],
        ...(spec.judges.length > 0 ? { judges: judgeInfo(spec, input.judges) } : {}),
      },
    },
    metrics: aggregate.metricSummaries(),
    sample_count: aggregate.sampleCount,
    error_count: aggregate.errorCount,
    repeats: aggregate.repeats,
    trial_count: aggregate.trialCount,
    trial_error_count: aggregate.trialErrorCount,
    usage: { ...totals({ prompt_tokens: dut.prompt_tokens + judge.prompt_tokens, completion_tokens: dut.completion_tokens + judge.completion_tokens }), ...replayed },
    usage_by_role: { dut, judge },
    ...(cached === undefined ? {} : { cached_count: cached.count }),
    ...(input.cost ? { cost_usd: input.cost.cost_usd, ...(input.cost.unpriced.length > 0 ? { cost_unpriced: input.cost.unpriced } : {}) } : {}),
    ...(input.errorKinds && input.errorKinds.length > 0 ? { errors_by_kind: input.errorKinds } : {}),
    status: verdict.status,
    thresholds: verdict.thresholds,
    reasons: verdict.reasons,
  };
}

function judgeInfo(spec: CaseSpec, facts: ReadonlyMap<string, BackendFacts> | undefined) {
  return spec.judges.map(({ adapter, backend }) => {
    const known = facts?.get(adapter.adapter_id);
    return {
      adapter_id: adapter.adapter_id,
      backend_id: backend.backend_id,
      provider: known?.provider ?? backend.config.provider,
      model: known?.model ?? backend.config.model,
      api_base: known?.apiBase ?? backend.config.api_base ?? '',
    };
  });
}

function totals(usage: Usage): UsageTotals {
  return { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
}

export function skippedSummary(spec: CaseSpec, mode: Mode, backend: BackendFacts, reason: string): CaseSummary {
  return buildSummary({
    spec,
    mode,
    backend,
    startedAt: new Date(),
    wallMs: 0,
    aggregate: new CaseAggregate(spec.metrics.map((m) => m.metric_id), spec.task.repeats),
    verdict: { status: 'skipped', thresholds: [], reasons: [reason] },
  });
}
