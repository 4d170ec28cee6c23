// Compiles src/ and bench/ to plain JavaScript in bench/.build (types stripped, nothing
// checked: `npm run typecheck` does that), so both sides of every benchmark start like an
// installed package does, with no TypeScript loader in their start-up time.
// src/ becomes a package, bench/.build/node_modules/evalmatrix (its other files — the HTML
// report's script and stylesheet, .mjs helpers — copied beside the compiled ones, as the package
// ships them): the benchmarks' config and eval file import `evalmatrix/vitest` as a user's do,
// and Vite leaves a package's import to Node. Imported from a path outside node_modules, Vite
// bundled the plugin's whole module graph into the config instead, which alone kept about
// 50 MB more in Vitest's main process than an installed package does. bench/.build/src links
// to the package's sources for the bench's own scripts (the baseline imports them directly).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transpileTs } from '../src/runner/from-source/transpile.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(repo, 'bench', '.build');
const pkg = path.join(out, 'node_modules', 'evalmatrix');

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'results') yield* sourceFiles(full);
    else if (entry.isFile()) yield full;
  }
}

rmSync(out, { recursive: true, force: true });
let compiled = 0;
let copied = 0;
for (const [top, into] of [
  ['src', path.join(pkg, 'src')],
  ['bench', path.join(out, 'bench')],
]) {
  const from = path.join(repo, top);
  for (const file of sourceFiles(from)) {
    const typescript = file.endsWith('.ts') && !file.endsWith('.d.ts');
    if (!typescript && top !== 'src') continue;
    const relative = path.relative(from, file);
    const target = path.join(into, typescript ? relative.replace(/\.ts$/, '.js') : relative);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typescript) {
      writeFileSync(target, transpileTs(readFileSync(file, 'utf8'), file));
      compiled += 1;
    } else {
      copyFileSync(file, target);
      copied += 1;
    }
  }
}
const entry = (name) => `./src/${name}.js`;
writeFileSync(
  path.join(pkg, 'package.json'),
  JSON.stringify({ name: 'evalmatrix', type: 'module', exports: { '.': entry('index'), './vitest': entry('vitest/index'), './plugin': entry('vitest/plugin'), './reporter': entry('reporter/index'), './mocks': entry('mocks/index') } }, null, 2) + '\n',
);
symlinkSync(path.join('node_modules', 'evalmatrix', 'src'), path.join(out, 'src'), 'dir');
// A package boundary of its own: under the repository's package.json (named evalmatrix), Node
// would resolve `evalmatrix/vitest` as the repository importing itself, to its dist/.
writeFileSync(path.join(out, 'package.json'), JSON.stringify({ name: 'evalmatrix-bench', private: true, type: 'module' }, null, 2) + '\n');
console.log(`bench: compiled ${compiled} files and copied ${copied} into ${path.relative(repo, out)}/ (src/ as node_modules/evalmatrix)`);
