// `evalmatrix compare <baseline> <current>`: per case, each metric's paired delta and test,
// the flipped samples, latency, errors and cost, as a table, Markdown or JSON. Exit 1 only
// with --fail-on regression and a significant drop; 2 when the runs cannot be found.
import { compareRuns } from '../report/compare/compare-runs.js';
import { renderComparisonMarkdown } from '../report/compare/render-markdown.js';
import { renderComparisonText } from '../report/compare/render-text.js';
import { resolveRun } from '../report/read/resolve-run.js';
import { scanRun } from '../report/read/scan-run.js';
import type { CliIO } from './io.js';
import { soleRoot } from './pipeline-roots.js';

export const COMPARE_FORMATS = ['text', 'markdown', 'json'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareArgs {
  baseline: string;
  current: string;
  root?: string;
  format: CompareFormat;
  failOn?: 'regression';
}

/** Exit code when the runs cannot be compared at all (unlike 1, a significant regression). */
export const CANNOT_COMPARE = 2;

export async function runCompare(args: CompareArgs, io: CliIO): Promise<number> {
  const { root, hint } = soleRoot(args.root);
  const refs = [];
  for (const [side, ref] of [['baseline', args.baseline], ['current', args.current]] as const) {
    const resolved = resolveRun(ref, root);
    if ('error' in resolved) {
      io.err(`evalmatrix compare: ${side}: ${resolved.error}${root === undefined && hint ? ` (${hint})` : ''}`);
      return CANNOT_COMPARE;
    }
    refs.push(resolved);
  }
  const [base, cur] = await Promise.all(refs.map((r) => scanRun(r.root, r.run_id)));
  for (const [side, run] of [['baseline', base!], ['current', cur!]] as const) {
    for (const p of run.problems) io.err(`evalmatrix compare: ${side}: ${p}`);
  }
  const cmp = compareRuns(base!, cur!);
  if (args.format === 'json') io.out(JSON.stringify(cmp, null, 2));
  else if (args.format === 'markdown') io.out(renderComparisonMarkdown(cmp).trimEnd());
  else io.out(renderComparisonText(cmp));
  return args.failOn === 'regression' && cmp.regressions > 0 ? 1 : 0;
}
