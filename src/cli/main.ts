// The `evalmatrix` command. Arguments are parsed by commander: every command and subcommand
// gets --help, unknown options and missing values are errors that show the usage. Vitest runs
// the evals themselves (npx vitest run evals/); this command does what happens around them.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCollect } from './collect.js';
import { COMPARE_FORMATS, runCompare, type CompareArgs } from './compare.js';
import type { CliIO } from './io.js';
import { runMatrixRender } from './matrix-render.js';
import { runMockServe } from './mock-serve.js';
import { runReport, type ReportArgs } from './report.js';
import { runResume } from './resume.js';
import { MOCK_PROVIDERS, SERVABLE_MOCKS } from '../mocks/server.js';

const DEFAULT_MATRIX = 'evals/model_matrix.mock.yaml';
const DEFAULT_TEMPLATE = 'evals/template.yaml';

/** Runs one command line; resolves to the process exit code. */
export async function main(argv: string[], io: CliIO = { out: console.log, err: console.error }): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (result) => {
    code = result;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // Help, usage errors and --version: commander has printed what it had to say.
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return code;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function buildProgram(io: CliIO, exit: (code: number) => void): Command {
  const program = new Command('evalmatrix')
    .description('Evaluate LLMs as Vitest test cases. Run the evals with Vitest (npx vitest run evals/); this command renders model matrices, serves the provider mocks, collects results, writes reports and compares runs.')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  // Subcommands inherit the output and error handling.
  const command = (parent: Command, name: string): Command =>
    parent.command(name).exitOverride().showHelpAfterError('(add --help for usage)').configureOutput(program.configureOutput());

  command(program, 'collect')
    .description('Rebuild summary.index.json from every summary.json under a pipeline folder (and every case a killed run left without one, as incomplete) and print the table.')
    .requiredOption('--root <dir>', 'the pipeline folder: runs/<metadata.name>')
    .option('--output <file>', 'where to write the index (default: <root>/summary.index.json)')
    .addHelpText('after', '\nExit code 1 when the root is missing or holds neither a summary.json nor an events.jsonl; a corrupt summary.json is reported and skipped.')
    .action((options: { root: string; output?: string }) => {
      exit(runCollect(options, io.out, io.err));
    });

  command(program, 'report')
    .description("Write the static HTML report (report.html) of a pipeline's latest run: matrix, charts, every case's samples.")
    .option('--root <dir>', 'the pipeline folder, runs/<metadata.name> (default: every pipeline under runs/)')
    .option('--out <file>', 'where to write it (default: <root>/report.html)')
    .option('--run <run>', 'the run to show: a run id, a run folder, latest or previous', 'latest')
    .option('--baseline <run>', 'add a comparison with this run: a run id, a run folder, previous')
    .option('--max-samples <n>', 'samples embedded per case, errored and failed first (default 500)', positiveNumber)
    .option('--max-mb <n>', 'megabytes of sample data per report, shared by the cases (default 20)', positiveNumber)
    .addHelpText('after', '\nWhat cannot be read (a corrupt summary.json, a truncated events.jsonl) is listed with its path and skipped;\nthe rest is reported. Exit code 1 when there is no run to report.')
    .action(async (options: ReportArgs) => {
      exit(await runReport(options, io));
    });

  command(program, 'compare')
    .description('Compare two runs case by case: paired tests per metric (McNemar for pass/fail, a bootstrap interval for scores), flipped samples, latency and cost.')
    .argument('<baseline>', 'a run id, a run folder, latest or previous')
    .argument('<current>', 'a run id, a run folder, latest or previous')
    .option('--root <dir>', 'the pipeline folder, runs/<metadata.name> (default: the only pipeline under runs/)')
    .addOption(new Option('--format <format>', 'output format').choices(COMPARE_FORMATS).default('text'))
    .addOption(new Option('--fail-on <what>', 'exit 1 when a metric dropped significantly (alpha 0.05)').choices(['regression']))
    .addHelpText('after', '\nExit code 0 when nothing dropped significantly (or without --fail-on), 1 on a significant regression with\n--fail-on regression, 2 when a run cannot be found.')
    .action(async (baseline: string, current: string, options: Omit<CompareArgs, 'baseline' | 'current'>) => {
      exit(await runCompare({ ...options, baseline, current }, io));
    });

  command(program, 'resume')
    .description('Finish an interrupted run: run Vitest with EVALMATRIX_RESUME set, so only the samples the run did not finish run, into the same files.')
    .argument('[run]', 'the run: a run id, or latest (the newest under runs/, or EVALMATRIX_OUTPUT_DIR)', 'latest')
    .argument('[vitest-args...]', 'after --: the files and options of the Vitest run (as for vitest run), e.g. -- evals/')
    .option('--errors', 'also run again the samples that failed (EVALMATRIX_RERUN=errors)', false)
    .addHelpText('after', '\nExit code: Vitest\'s. A run id that does not exist, or a case whose config changed since the run, is an\nerror naming the run and what changed (see README, Resuming a run).')
    .action(async (run: string, vitestArgs: string[], options: { errors: boolean }) => {
      exit(await runResume({ run, errors: options.errors, vitestArgs }, io));
    });

  const matrix = command(program, 'matrix').description('Model matrices: a list of models rendered through a pipeline template.');
  command(matrix, 'render')
    .description('Write one validated pipeline config per matrix entry; list skipped entries with the reason.')
    .addOption(new Option('--matrix <file>', 'the model matrix').env('MODEL_MATRIX').default(DEFAULT_MATRIX))
    .option('--template <file>', 'the pipeline template with ${{ matrix.<field> }} placeholders', DEFAULT_TEMPLATE)
    .option('--out <dir>', 'where the configs go, one <name>.yaml per entry', '.generated/')
    .option('--dry-run', 'list what would be written, write nothing', false)
    .option('--metrics <module>', 'a module exporting the metrics defined in TypeScript (defineMetric) that the template names')
    .addHelpText('after', '\nMAX_SAMPLES in the environment overrides every entry\'s max_samples.\nExit code 1 when an entry is skipped (the others are still written) or a file is invalid.')
    .action(async (options: { matrix: string; template: string; out: string; dryRun: boolean; metrics?: string }) => {
      exit(await runMatrixRender(options, io));
    });

  const mock = command(program, 'mock').description('The provider mocks.');
  command(mock, 'serve')
    .description('Serve the provider mocks over HTTP on 127.0.0.1 until Ctrl-C (SIGINT) or SIGTERM.')
    .option('--only <names>', `comma-separated mocks to serve, of ${SERVABLE_MOCKS.join(',')} (default: ${MOCK_PROVIDERS.join(',')})`)
    .option('--config <pipeline.yaml>', "answer each backend that sets mock_reply with its template (keyed by the backend's model)")
    .addHelpText(
      'after',
      '\nPorts: openai 18080, anthropic 18081, gemini 18082, grok 18083, kimi 18084, tgi 18085, sglang 18086;\nMOCK_OPENAI_PORT, MOCK_ANTHROPIC_PORT, …, MOCK_TGI_PORT, MOCK_SGLANG_PORT move them.\nThe handlers are those of mock mode, so their environment settings (EVALMATRIX_MOCK_LATENCY_MS, …) apply.',
    )
    .action(async (options: { only?: string; config?: string }) => {
      exit(await runMockServe(options, io));
    });
  return program;
}
