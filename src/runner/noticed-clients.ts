// The case's clients — the model's and each judge's — telling every retry to the case's
// notifier (retry-notices.ts), so the console can show a struggling endpoint while it struggles.
import type { CaseSpec } from '../config/cases.js';
import type { ProviderClient } from '../providers/types.js';
import type { JudgeClients } from './judge-clients.js';
import { retryNotifier, withRetryListener, type ProgressNotice } from './retry-notices.js';

export function noticedClients(spec: Pick<CaseSpec, 'backend' | 'judges'>, client: ProviderClient, judges: JudgeClients, notify: ((notice: ProgressNotice) => void) | undefined): { client: ProviderClient; judges: JudgeClients } {
  if (notify === undefined) return { client, judges };
  const listen = retryNotifier(notify);
  const judgeBackend = new Map(spec.judges.map((j) => [j.adapter.adapter_id, j.backend.backend_id]));
  return {
    client: withRetryListener(client, listen('model', spec.backend.backend_id)),
    judges: new Map(
      [...judges].map(([id, judge]) => [id, { ...judge, client: withRetryListener(judge.client, listen('judge', judgeBackend.get(id) ?? id)) }]),
    ),
  };
}
