// Compiles src/ and bench/ to plain JavaScript in bench/.build (types stripped, nothing
// checked: `npm run typecheck` does that). Both sides of every benchmark then start like an
// installed package does, with no TypeScript loader in their start-up time.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transpileTs } from '../src/runner/from-source/transpile.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(repo, 'bench', '.build');

function* typescriptFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'results') yield* typescriptFiles(full);
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

rmSync(out, { recursive: true, force: true });
let count = 0;
for (const top of ['src', 'bench']) {
  for (const file of typescriptFiles(path.join(repo, top))) {
    const target = path.join(out, path.relative(repo, file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, transpileTs(readFileSync(file, 'utf8'), file));
    count += 1;
  }
}
console.log(`bench: compiled ${count} files to ${path.relative(repo, out)}/`);
