// The evalmatrix reporter: writes each case's events.jsonl as batches arrive, its summary.json
// when the case ends, then rebuilds every touched pipeline's summary.index.json and prints a
// table. It keeps no per-sample data: events go to disk and are dropped from the artifact.
import path from 'node:path';
import type { TestArtifact } from '@vitest/runner';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import type { EvalmatrixReporterOptions } from './reporter-options.js';
import type { CaseSummary, Summary } from '../runner/summary.js';
import { writeJsonAtomic } from './atomic-write.js';
import { writeIndexes } from './write-indexes.js';
import { EventsFile } from './events-file.js';
import { ProgressDisplay } from './progress-display.js';
import { newRunId, outputRoot, pipelineRoot, runDir, runIdSequence } from './paths.js';
import { DEPS_META_KEY, EVENTS_ARTIFACT, META_KEY, SUMMARY_ARTIFACT, type CaseIdentity } from './protocol.js';
import { OutputWriteError } from './write-error.js';
import { endOfRunText } from './run-notes.js';

interface CaseOutput {
  identity: CaseIdentity;
  dir: string;
  events: EventsFile;
  /** Its result is in; a late batch is still written, but no longer counts as progress. */
  ended: boolean;
  /** The status of the summary.json on disk, once one is written. */
  written?: Summary['status'];
  /** Writing summary.json failed (and was said). */
  summaryFailed?: boolean;
}

export type { EvalmatrixReporterOptions };

export class EvalmatrixReporter implements Reporter {
  private vitest: Vitest | undefined;
  private runId = newRunId();
  private resumedRunId: string | undefined;
  /** This run's cases by test id; kept until the next run starts. */
  private readonly cases = new Map<string, CaseOutput>();
  private readonly touchedRoots = new Set<string>();
  /** By test id: a cancelled test can be reported twice. */
  private readonly summaries = new Map<string, Summary>();
  /** Dependency file → test modules that read it, for watch-mode reruns. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly progress: ProgressDisplay;
  private readonly nextRunId = runIdSequence((message) => this.fail(message));

  constructor(private readonly options: EvalmatrixReporterOptions = {}) {
    this.progress = new ProgressDisplay((line) => this.log(line), options.progress);
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  /** EVALMATRIX_RESUME: the next run writes into this earlier run instead of a new one. */
  resumeInto(runId: string): void {
    this.resumedRunId = runId;
  }

  onTestRunStart(): void {
    [this.runId, this.resumedRunId] = [this.resumedRunId ?? this.nextRunId(), undefined];
    this.cases.clear();
    this.summaries.clear();
    this.touchedRoots.clear();
  }

  onTestModuleCollected(module: TestModule): void {
    for (const dep of module.meta()[DEPS_META_KEY] ?? []) {
      const set = this.dependents.get(dep) ?? new Set<string>();
      set.add(module.moduleId);
      this.dependents.set(dep, set);
    }
  }

  /** Test modules that read `file` (a pipeline YAML, a dataset), for watchTriggerPatterns. */
  modulesDependingOn(file: string): string[] {
    return [...(this.dependents.get(path.resolve(file)) ?? [])];
  }

  /** A write that fails here throws back to the test that recorded the artifact: it fails. */
  onTestCaseArtifactRecord(testCase: TestCase, artifact: TestArtifact): void {
    if (artifact.type === SUMMARY_ARTIFACT) {
      const c = this.caseFor(testCase.id, artifact.case);
      this.guard(testCase, () => this.writeSummary(c, artifact.summary, artifact.summary.status), { rethrow: true });
      return;
    }
    if (artifact.type !== EVENTS_ARTIFACT) return;
    const c = this.caseFor(testCase.id, artifact.case);
    const events = artifact.events;
    // Vitest keeps artifacts on the task; drop the events so memory doesn't grow with the run.
    artifact.events = [];
    // After the first failure the file takes nothing more; the case already knows, say it once.
    this.guard(testCase, () => c.events.append(events), { rethrow: true, loud: !c.events.failed });
    // Counted after the write: a resumed case's file goes on from the lines already in it.
    const firstLine = c.events.eventCount - events.length + 1;
    this.guard(testCase, () => this.options.onEventsWritten?.(c.events.file, events, firstLine), { rethrow: false, loud: false });
    if (c.ended) return;
    this.progress.record(testCase.id, events);
    if (artifact.notices) this.progress.notice(testCase.id, `${c.identity.task_id} › ${c.identity.model}`, artifact.notices);
  }

  onTestCaseResult(testCase: TestCase): void {
    const meta = testCase.meta()[META_KEY];
    const known = this.cases.get(testCase.id);
    if (!meta && !known) return;
    const c = known ?? this.caseFor(testCase.id, meta!.case);
    // Closed but kept until the next run: a batch that arrives late (a case that went on after
    // its timeout) is appended with event ids that keep counting, not restarted at 1.
    c.events.close();
    c.ended = true;
    this.progress.end(testCase.id);
    if (!meta) return; // the case crashed before it could summarize; its events are on disk
    if (meta.kept) return void this.summaries.set(testCase.id, meta.summary as Summary); // resumed: stays as it is
    const state = testCase.result().state;
    const own = meta.summary.status;
    // An interrupted case says so whatever Vitest made of the cancelled test (failed, skipped).
    const status = own === 'interrupted' ? own : state === 'skipped' ? 'skipped' : state === 'failed' ? 'failed' : own;
    // Already on disk with this status (sent by the test before it passed): nothing to redo.
    const summary = c.written === status ? this.stamp(c, meta.summary, status) : this.guard(testCase, () => this.writeSummary(c, meta.summary, status), { rethrow: false, loud: !c.summaryFailed });
    if (summary) this.summaries.set(testCase.id, summary);
  }

  async onTestRunEnd(): Promise<void> {
    for (const c of this.cases.values()) c.events.close();
    const roots = [...this.touchedRoots].sort();
    writeIndexes(roots, this.projectRoot(), (line) => this.log(line), (message) => this.fail(message));
    for (const text of endOfRunText([...this.summaries.values()], this.options.table !== false)) this.log(text);
    if (this.options.afterRun && roots.length > 0) {
      try {
        await this.options.afterRun(roots, (line) => this.log(line));
      } catch (error) {
        this.log(`evalmatrix: after the run: ${(error as Error).stack ?? String(error)}`);
      }
    }
  }

  private stamp(c: CaseOutput, summary: CaseSummary, status: Summary['status']): Summary {
    return { ...summary, run: { run_id: this.runId, run_dir: runDir(c.identity.model, c.identity.task_id, this.runId), ...summary.run }, status };
  }

  private writeSummary(c: CaseOutput, caseSummary: CaseSummary, status: Summary['status']): Summary {
    const summary = this.stamp(c, caseSummary, status);
    const file = path.join(c.dir, 'summary.json');
    try {
      writeJsonAtomic(file, summary);
    } catch (error) {
      c.summaryFailed = true;
      throw new OutputWriteError(file, error);
    }
    c.written = status;
    return summary;
  }

  /** Runs a write; when it fails, says so (unless told it was said), fails the run, and
   *  rethrows to the test when there is still a test to fail. */
  private guard<T>(testCase: TestCase, write: () => T, options: { rethrow: boolean; loud?: boolean }): T | undefined {
    try {
      return write();
    } catch (error) {
      if (options.loud !== false) this.fail(`${testCase.fullName}: ${(error as Error).message}`);
      if (options.rethrow) throw error;
      return undefined;
    }
  }

  /** An output that could not be written fails the run, even when every test passed. */
  private fail(message: string): void {
    process.exitCode = 1;
    const line = `evalmatrix: ERROR ${message}`;
    if (this.vitest) this.vitest.logger.error(line);
    else console.error(line);
  }

  private caseFor(testId: string, identity: CaseIdentity): CaseOutput {
    let c = this.cases.get(testId);
    if (!c) {
      const root = pipelineRoot(outputRoot(this.projectRoot()), identity.pipeline);
      const dir = path.join(root, ...runDir(identity.model, identity.task_id, this.runId).split('/'));
      c = { identity, dir, events: new EventsFile(path.join(dir, 'events.jsonl'), this.runId), ended: false };
      this.cases.set(testId, c);
      this.touchedRoots.add(root);
    }
    return c;
  }

  private projectRoot(): string {
    return this.vitest?.config.root ?? process.cwd();
  }

  private log(message: string): void {
    if (this.vitest) this.vitest.logger.log(message);
    else console.log(message);
  }
}
