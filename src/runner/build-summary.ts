// Builds a case's summary (without run identity) from its aggregate and verdict. A case that
// never ran (a live case without its key) gets the same shape, empty, status `skipped`.
import type { CaseSpec } from '../config/cases.js';
import { CaseAggregate } from './aggregate.js';
import type { Mode } from './run-case.js';
import type { CaseSummary } from './summary.js';
import type { Verdict } from './verdict.js';

export interface BackendFacts {
  provider: string;
  model: string;
  apiBase: string;
}

export interface SummaryInput {
  spec: CaseSpec;
  mode: Mode;
  backend: BackendFacts;
  startedAt: Date;
  wallMs: number;
  aggregate: CaseAggregate;
  verdict: Pick<Verdict, 'thresholds' | 'reasons'> & { status: CaseSummary['status'] };
}

export function buildSummary(input: SummaryInput): CaseSummary {
  const { spec, aggregate, verdict, backend } = input;
  const { prompt_tokens, completion_tokens } = aggregate.usage;
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
      },
    },
    metrics: aggregate.metricSummaries(),
    sample_count: aggregate.sampleCount,
    error_count: aggregate.errorCount,
    usage: { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens },
    status: verdict.status,
    thresholds: verdict.thresholds,
    reasons: verdict.reasons,
  };
}

export function skippedSummary(spec: CaseSpec, mode: Mode, backend: BackendFacts, reason: string): CaseSummary {
  return buildSummary({
    spec,
    mode,
    backend,
    startedAt: new Date(),
    wallMs: 0,
    aggregate: new CaseAggregate(spec.metrics.map((m) => m.metric_id)),
    verdict: { status: 'skipped', thresholds: [], reasons: [reason] },
  });
}
