// `evalmatrix matrix render`: one validated pipeline file per matrix entry, written to --out
// (or only listed with --dry-run), and every skipped entry with its reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import type { RenderedEntry } from '../config/matrix.js';
import { metricRegistry, renderEvalMatrix } from '../runner/load-eval-pipeline.js';
import { importMetrics } from './metrics-module.js';
import { renderedFileName, renderedFileText } from '../config/matrix-output.js';
import { displayPath } from '../config/display-path.js';
import type { CliIO } from './io.js';

export interface MatrixRenderArgs {
  matrix: string;
  template: string;
  out: string;
  dryRun: boolean;
  /** A module exporting the metrics defined in TypeScript that the template names. */
  metrics?: string;
}

/** 0 when every entry rendered; 1 when any was skipped (the others are still written) or the files are unusable. */
export async function runMatrixRender(args: MatrixRenderArgs, io: CliIO): Promise<number> {
  let metrics;
  try {
    metrics = metricRegistry(args.metrics === undefined ? [] : await importMetrics(args.metrics));
  } catch (error) {
    io.err(`evalmatrix matrix render: ${(error as Error).message}`);
    return 1;
  }
  let matrix;
  try {
    matrix = renderEvalMatrix(args.matrix, args.template, { metrics });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`evalmatrix matrix render: ${error.message}`);
    return 1;
  }
  const outDir = path.resolve(args.out);
  const verb = args.dryRun ? 'would write' : 'wrote';
  for (const rendered of matrix.rendered) {
    const file = path.join(outDir, renderedFileName(rendered));
    if (!args.dryRun) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(file, renderedFileText(rendered, outDir, matrix.matrixFile));
    }
    io.out(`${verb} ${displayPath(file)}  ${describeEntry(rendered)}`);
  }
  for (const skipped of matrix.skipped) {
    io.err(`skipped ${skipped.name}:\n  ${skipped.reason.split('\n').join('\n  ')}`);
  }
  const count = `${matrix.rendered.length} config${matrix.rendered.length === 1 ? '' : 's'}`;
  const skippedNote = matrix.skipped.length > 0 ? `, ${matrix.skipped.length} entr${matrix.skipped.length === 1 ? 'y' : 'ies'} skipped` : '';
  io.out(`\n${args.dryRun ? `${count} would be written to ${displayPath(outDir)}/ (dry run)` : `${count} written to ${displayPath(outDir)}/`}${skippedNote}`);
  return matrix.skipped.length > 0 ? 1 : 0;
}

/** `openai gpt-4o-mini at http://127.0.0.1:18080/v1, 5 samples` */
function describeEntry({ entry, pipeline }: RenderedEntry): string {
  const samples = pipeline.spec.tasks.map((t) => t.max_samples).find((n) => n !== undefined);
  return `${entry.provider} ${entry.model_name} at ${entry.api_base}, ${samples === undefined ? 'all' : samples} samples`;
}
