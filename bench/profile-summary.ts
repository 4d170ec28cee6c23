// Reads a V8 .cpuprofile (from `node --cpu-prof`) and prints where the time went: the functions
// with the most self time, and the packages/folders they belong to.
// Usage: node bench/.build/bench/profile-summary.js <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/msw`, `src/runner`, `(program)`, `node:internal`… */
function area(url: string, name: string): string {
  if (url === '') return name.startsWith('RegExp:') ? '(regexp)' : `(${name.replace(/[()]/g, '') || 'native'})`;
  // evalmatrix itself, installed as bench/.build/node_modules/evalmatrix: by its layer.
  const layer = /node_modules\/evalmatrix\/(src\/[^/]+)\//.exec(url);
  if (layer) return layer[1]!;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `node_modules/${pkg[1]}`;
  // src/<layer> wherever it is (bench/.build/src/runner/… is src/runner), then bench/<file>.
  const own = /\/(src\/[^/]+)\//.exec(url) ?? /\/bench\/(?:\.build\/bench\/)?([^/]+)$/.exec(url);
  if (own) return own[1]!.startsWith('src/') ? own[1]! : `bench/${own[1]!}`;
  return url.startsWith('node:') ? 'node:internal' : url;
}

export function summarizeProfile(file: string, rows = 20): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(/^.*?\/node_modules\/evalmatrix\//, '').replace(/^.*?\/(node_modules|src)\//, '$1/');
    const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const pct = (us: number): string => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows).map(([k, us]) => `  ${pct(us)}  ${k}`);
  return [`${(total / 1e6).toFixed(2)} s sampled`, 'by area:', ...top(areas), 'by function (self time):', ...top(fns)].join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.js')) {
  const [file, rows] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.js <file.cpuprofile> [rows]');
  console.log(summarizeProfile(file, rows ? Number(rows) : 20));
}
