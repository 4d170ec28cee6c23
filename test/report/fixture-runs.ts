// The hand-written runs under test/fixtures/runs (see its README.md for what each run plants).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportData } from '../../src/report/html/report-data.js';
import type { SampleRecord } from '../../src/report/read/sample-records.js';

export const RUNS_DIR = fileURLToPath(new URL('../fixtures/runs/', import.meta.url));
export const QA_ROOT = path.join(RUNS_DIR, 'qa_pipeline');
export const BROKEN_ROOT = path.join(RUNS_DIR, 'broken_pipeline');
/** Run ids of qa_pipeline, oldest first: a noisy rerun, the baseline, the current run. */
export const NOISE_RUN = '20261119-100000-cccccc';
export const BASE_RUN = '20261120-100000-aaaaaa';
export const CURRENT_RUN = '20261121-100000-bbbbbb';
export const BROKEN_RUN = '20261121-120000-dddddd';

/** A copy of a fixture pipeline in a temp dir, for tests that write report.html into it. */
export function copyOf(root: string): string {
  const dest = path.join(mkdtempSync(path.join(tmpdir(), 'em-report-')), path.basename(root));
  cpSync(root, dest, { recursive: true });
  return dest;
}

function scriptJson(html: string, id: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html);
  if (!match) throw new Error(`no <script id="${id}"> in the report`);
  return JSON.parse(match[1]!);
}

/** The data a report.html embeds for its page. */
export function reportData(html: string): ReportData {
  return scriptJson(html, 'em-data') as ReportData;
}

/** Case `index`'s embedded samples. */
export function reportSamples(html: string, index: number): SampleRecord[] {
  return scriptJson(html, `em-samples-${index}`) as SampleRecord[];
}
