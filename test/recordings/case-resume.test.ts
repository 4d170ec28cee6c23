// What a resume does with one case folder of the run: keep a finished case, resume a killed or
// interrupted one, run one the run never reached, and refuse — naming the run, the case and
// what is wrong — a case whose config or mode changed, or whose rows share a sample_id.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseResume, type CaseResumeInput } from '../../src/recordings/resume/case-resume.js';
import { TrialLedger } from '../../src/recordings/resume/trial-ledger.js';
import { caseFingerprint } from '../../src/runner/case-fingerprint.js';
import { encodeEventLine, type EmittedEvent } from '../../src/runner/events.js';
import { ROWS, resumeCase, runResumeCase } from './resume-case.js';

const RUN = '20261122-031500-a1b2c3';

async function folder(events: readonly EmittedEvent[], summary?: object): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'em-case-resume-')), 'b', 't', RUN);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'events.jsonl'), events.map((e, i) => encodeEventLine(RUN, i + 1, e)).join(''));
  if (summary) writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary));
  return dir;
}

async function input(dir: string, over: Partial<CaseResumeInput> = {}): Promise<CaseResumeInput> {
  const spec = over.spec ?? resumeCase(1);
  return { spec, dir, runId: RUN, mode: 'mock', fingerprint: await caseFingerprint(spec, ROWS), rerun: 'unfinished', ...over };
}

describe('caseResume', () => {
  it('keeps a finished case, resumes an interrupted one, runs one the run has no folder for', async () => {
    const spec = resumeCase(1);
    const { events, summary } = await runResumeCase(spec);
    const stamped = { ...summary, run: { ...summary.run, run_id: RUN, run_dir: `b/t/${RUN}` } };
    expect(caseResume(await input(await folder(events, stamped), { spec }))).toMatchObject({ kind: 'kept', summary: { status: summary.status } });
    expect(caseResume(await input(await folder(events, { ...stamped, status: 'interrupted' }), { spec })).kind).toBe('resumed');
    expect(caseResume(await input(await folder(events.slice(0, 7)), { spec })).kind).toBe('resumed');
    expect(caseResume(await input(path.join(tmpdir(), 'em-no-such-case', RUN), { spec })).kind).toBe('fresh');
    // A rerun of errors reopens a finished case that had errors (this one has one).
    expect(caseResume(await input(await folder(events, stamped), { spec, rerun: 'errors' })).kind).toBe('resumed');
  });

  it('refuses a case whose config or mode changed, kept or not, naming the run, the case and the change', async () => {
    const { events, summary } = await runResumeCase(resumeCase(1));
    const stamped = { ...summary, run: { ...summary.run, run_id: RUN, run_dir: `b/t/${RUN}` } };
    for (const dir of [await folder(events.slice(0, 7)), await folder(events, stamped)]) {
      const changed = caseResume(await input(dir, { spec: resumeCase(3), mode: 'live' }));
      expect(changed.kind).toBe('refused');
      expect(changed.kind === 'refused' && changed.message).toBe(
        `cannot resume run ${RUN} for t › b (${dir}): its config changed since that run: the mode (mock then, live now: EVALMATRIX_MODE); repeats (1 then, 3 now). Undo the change to resume the run, or run the evals anew without EVALMATRIX_RESUME.`,
      );
    }
  });

  it('refuses a case whose rows share a sample_id: a resume could not tell them apart', async () => {
    const { events } = await runResumeCase(resumeCase(1));
    const s1 = events.filter((e) => e.sample_id === 's1');
    const refused = caseResume(await input(await folder([...events.slice(0, -1), ...s1])));
    expect(refused.kind === 'refused' && refused.message).toMatch(/rows of its dataset share a sample_id \(s1\), and a resume tells samples apart by it/);
  });
});

describe('TrialLedger and repeated ids', () => {
  it('tells a sample finished twice in one part from one run again in a later part', async () => {
    const { events } = await runResumeCase(resumeCase(1));
    const s1 = events.filter((e) => e.sample_id === 's1');
    const twice = new TrialLedger();
    for (const e of [...events, ...s1]) twice.add(e);
    expect([...twice.repeatedIds]).toEqual(['s1']);
    const again = new TrialLedger();
    for (const e of [...events, events[0]!, ...s1]) again.add(e);
    expect(again.repeatedIds.size).toBe(0);
  });
});
