// The evalmatrix reporter: writes each case's events.jsonl as batches arrive, its summary.json
// when the case ends, then rebuilds every touched pipeline's summary.index.json and prints a
// table. It keeps no per-sample data: events go to disk and are dropped from the artifact.
import path from 'node:path';
import type { TestArtifact } from '@vitest/runner';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import type { Summary } from '../runner/summary.js';
import { writeJsonAtomic } from './atomic-write.js';
import { writeIndex } from './collect-index.js';
import { EventsFile } from './events-file.js';
import { newRunId, outputRoot, pipelineRoot, runDir, displayPath } from './paths.js';
import { DEPS_META_KEY, EVENTS_ARTIFACT, META_KEY, type CaseIdentity } from './protocol.js';
import { byModelAndTask, renderTable, summaryRow } from './table.js';

export interface EvalmatrixReporterOptions {
  /** Print the results table at the end of each run (default true). */
  table?: boolean;
}

interface OpenCase {
  identity: CaseIdentity;
  dir: string;
  events: EventsFile;
}

export class EvalmatrixReporter implements Reporter {
  private vitest: Vitest | undefined;
  private runId = newRunId();
  private readonly open = new Map<string, OpenCase>();
  private readonly touchedRoots = new Set<string>();
  private summaries: Summary[] = [];
  /** Dependency file → test modules that read it, for watch-mode reruns. */
  private readonly dependents = new Map<string, Set<string>>();

  constructor(private readonly options: EvalmatrixReporterOptions = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunStart(): void {
    this.runId = newRunId();
    this.summaries = [];
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

  onTestCaseArtifactRecord(testCase: TestCase, artifact: TestArtifact): void {
    if (artifact.type !== EVENTS_ARTIFACT) return;
    this.caseFor(testCase.id, artifact.case).events.append(artifact.events);
    // Vitest keeps artifacts on the task; drop the events so memory doesn't grow with the run.
    artifact.events = [];
  }

  onTestCaseResult(testCase: TestCase): void {
    const meta = testCase.meta()[META_KEY];
    const opened = this.open.get(testCase.id);
    if (!meta && !opened) return;
    const c = opened ?? this.caseFor(testCase.id, meta!.case);
    c.events.close();
    this.open.delete(testCase.id);
    if (!meta) return; // the case crashed before it could summarize; its events are on disk
    const state = testCase.result().state;
    const status = state === 'skipped' ? 'skipped' : state === 'failed' ? 'failed' : meta.summary.status;
    const summary: Summary = {
      ...meta.summary,
      run: { run_id: this.runId, run_dir: runDir(c.identity.model, c.identity.task_id, this.runId), ...meta.summary.run },
      status,
    };
    writeJsonAtomic(path.join(c.dir, 'summary.json'), summary);
    this.summaries.push(summary);
  }

  onTestRunEnd(): void {
    for (const c of this.open.values()) c.events.close();
    this.open.clear();
    const projectRoot = this.projectRoot();
    for (const root of [...this.touchedRoots].sort()) {
      const { problems, index } = writeIndex(root, { label: displayPath(root, projectRoot) });
      for (const p of problems) this.log(`evalmatrix: ${p}`);
      this.log(`evalmatrix: ${displayPath(path.join(root, 'summary.index.json'), projectRoot)} (${index.count} items)`);
    }
    if (this.options.table !== false && this.summaries.length > 0) {
      this.log('\n' + renderTable(this.summaries.map(summaryRow).sort(byModelAndTask)) + '\n');
    }
  }

  private caseFor(testId: string, identity: CaseIdentity): OpenCase {
    let c = this.open.get(testId);
    if (!c) {
      const root = pipelineRoot(this.outRoot(), identity.pipeline);
      const dir = path.join(root, ...runDir(identity.model, identity.task_id, this.runId).split('/'));
      c = { identity, dir, events: new EventsFile(path.join(dir, 'events.jsonl'), this.runId) };
      this.open.set(testId, c);
      this.touchedRoots.add(root);
    }
    return c;
  }

  private projectRoot(): string {
    return this.vitest?.config.root ?? process.cwd();
  }

  private outRoot(): string {
    return outputRoot(this.projectRoot());
  }

  private log(message: string): void {
    if (this.vitest) this.vitest.logger.log(message);
    else console.log(message);
  }
}
