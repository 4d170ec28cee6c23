// `vitest list` on Vitest 5 finds tests by parsing test files statically (staticParse, on by
// default): it looks for test() and describe() calls, and an eval file has none of its own —
// defineEvalSuite makes them from the pipeline YAML — so it reports "No test suite found".
// With the plugin, collecting defaults to running the files (what Vitest 4 always did, and
// `--staticParse=false` asks for); an explicit --staticParse still wins.
import type { Vitest } from 'vitest/node';

type Collect = (filters?: string[], options?: { staticParse?: boolean }) => Promise<unknown>;

const wrapped = new WeakSet<object>();

export function collectByRunningFiles(vitest: Vitest): void {
  const target = vitest as unknown as { collect: Collect };
  if (wrapped.has(target)) return;
  wrapped.add(target);
  const collect = target.collect.bind(vitest);
  target.collect = (filters, options = {}) => collect(filters, { ...options, staticParse: options.staticParse ?? false });
}
