// Runs one `evalmatrix` command line in-process and keeps what it printed.
import { main } from '../../src/cli/main.js';

export async function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
