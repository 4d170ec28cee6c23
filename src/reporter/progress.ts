// Progress of the running cases, counted from the event batches the reporter receives:
// samples done / total, rate and ETA. Counters only, never per-sample data.
import { counted } from '../config/plural.js';
import type { EmittedEvent } from '../runner/events.js';

interface CaseCount {
  done: number;
  /** max_samples from case_start; null when the dataset's length isn't known up front. */
  total: number | null;
  startedAt: number;
}

export interface ProgressSnapshot {
  running: number;
  done: number;
  /** Null unless every running case knows its total. */
  total: number | null;
  /** Samples per second since the earliest running case started. */
  rate: number;
  /** Seconds left at the current rate; null when the total or the rate is unknown. */
  etaS: number | null;
  /** How long the longest-running case has been going, in ms. */
  longestMs: number;
}

/** A sample is done when its inference ended or it failed before getting there. */
function samplesDone(events: readonly EmittedEvent[]): number {
  let n = 0;
  for (const e of events) {
    if (e.event === 'inference_end') n += 1;
    else if (e.event === 'sample_error' && e.sample_id !== null && e.payload.stage !== 'scoring') n += 1;
  }
  return n;
}

export class ProgressTracker {
  private readonly cases = new Map<string, CaseCount>();

  record(caseKey: string, events: readonly EmittedEvent[], now: number): void {
    let c = this.cases.get(caseKey);
    if (!c) {
      c = { done: 0, total: null, startedAt: now };
      this.cases.set(caseKey, c);
    }
    const start = events.find((e) => e.event === 'case_start');
    if (start?.event === 'case_start') c.total = start.payload.max_samples;
    c.done += samplesDone(events);
  }

  end(caseKey: string): void {
    this.cases.delete(caseKey);
  }

  snapshot(now: number): ProgressSnapshot {
    const cases = [...this.cases.values()];
    const done = cases.reduce((sum, c) => sum + c.done, 0);
    const total = cases.length > 0 && cases.every((c) => c.total !== null) ? cases.reduce((sum, c) => sum + c.total!, 0) : null;
    const longestMs = cases.length === 0 ? 0 : now - Math.min(...cases.map((c) => c.startedAt));
    const rate = longestMs > 0 ? done / (longestMs / 1000) : 0;
    const etaS = total !== null && rate > 0 ? Math.max(0, total - done) / rate : null;
    return { running: cases.length, done, total, rate, etaS, longestMs };
  }
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** `evalmatrix: 3,200/10,000 samples (32%) · 1,250/s · ETA 6s · 2 cases running` */
export function formatProgress(p: ProgressSnapshot): string {
  const parts = [
    p.total === null ? counted(Math.round(p.done), 'sample') : `${count(p.done)}/${counted(p.total, 'sample')} (${Math.floor((100 * p.done) / Math.max(1, p.total))}%)`,
    `${count(p.rate)}/s`,
  ];
  if (p.etaS !== null) parts.push(`ETA ${duration(p.etaS)}`);
  parts.push(`${counted(p.running, 'case')} running`);
  return `evalmatrix: ${parts.join(' · ')}`;
}
