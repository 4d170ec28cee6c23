// The `evalmatrix` command. Argument parsing uses node:util parseArgs (part of Node itself).
import { parseArgs } from 'node:util';
import { runCollect } from './collect.js';

const HELP = `evalmatrix — evaluate LLMs as Vitest test cases

Usage:
  evalmatrix collect --root runs/<pipeline> [--output file]
      Rebuild summary.index.json from every summary.json under the root and print a table.
  evalmatrix --help

Run the evals themselves with Vitest: npx vitest run evals/`;

const COLLECT_HELP = `evalmatrix collect --root runs/<pipeline> [--output file]

  --root     the pipeline's output folder (runs/<metadata.name>)
  --output   where to write the index (default: <root>/summary.index.json)
Exit code 1 when the root is missing or holds no summary.json.`;

export function main(argv: string[], out = console.log, err = console.error): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(HELP);
    return command === undefined ? 1 : 0;
  }
  if (command === 'collect') {
    let values;
    try {
      ({ values } = parseArgs({
        args: rest,
        options: { root: { type: 'string' }, output: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
        strict: true,
      }));
    } catch (error) {
      err(`evalmatrix collect: ${(error as Error).message}\n\n${COLLECT_HELP}`);
      return 1;
    }
    if (values.help) {
      out(COLLECT_HELP);
      return 0;
    }
    if (!values.root) {
      err(`evalmatrix collect: --root is required\n\n${COLLECT_HELP}`);
      return 1;
    }
    return runCollect(values.output ? { root: values.root, output: values.output } : { root: values.root }, out, err);
  }
  err(`evalmatrix: unknown command "${command}"\n\n${HELP}`);
  return 1;
}
