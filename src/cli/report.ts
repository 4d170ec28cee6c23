// `evalmatrix report`: write the static HTML report of each pipeline's latest run (or of one
// pipeline, one run), and say what was found and skipped on the way.
import { existsSync } from 'node:fs';
import { displayPath } from '../config/display-path.js';
import { describeReport, writeReport } from '../report/write-report.js';
import type { CliIO } from './io.js';
import { rootsFromOption } from './pipeline-roots.js';

export interface ReportArgs {
  root?: string;
  out?: string;
  run?: string;
  baseline?: string;
  maxSamples?: number;
  maxMb?: number;
}

export async function runReport(args: ReportArgs, io: CliIO): Promise<number> {
  const found = rootsFromOption(args.root);
  if ('error' in found) {
    io.err(`evalmatrix report: ${found.error}`);
    return 1;
  }
  if (args.out !== undefined && found.roots.length > 1) {
    io.err(`evalmatrix report: --out names one file, but ${found.roots.length} pipelines hold runs; pass --root runs/<pipeline> too.`);
    return 1;
  }
  let code = 0;
  for (const root of found.roots) {
    if (!existsSync(root)) {
      io.err(`evalmatrix report: ${displayPath(root)} does not exist. Pass --root runs/<pipeline> (the folder named after metadata.name).`);
      code = 1;
      continue;
    }
    const limits = {
      ...(args.maxSamples !== undefined ? { maxSamplesPerCase: args.maxSamples } : {}),
      ...(args.maxMb !== undefined ? { maxSampleBytes: Math.round(args.maxMb * 1024 * 1024) } : {}),
    };
    const written = await writeReport(root, { outFile: args.out, run: args.run, baseline: args.baseline, limits });
    if ('error' in written) {
      io.err(`evalmatrix report: ${written.error}`);
      code = 1;
      continue;
    }
    const { warnings, line } = describeReport(written);
    for (const w of warnings) io.err(`evalmatrix report: ${w}`);
    io.out(`wrote ${line}`);
  }
  return code;
}
