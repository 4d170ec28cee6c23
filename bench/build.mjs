// Compiles src/ and bench/ to plain JavaScript in bench/.build (types stripped, nothing
// checked: `npm run typecheck` does that). Both sides of every benchmark then start like an
// installed package does, with no TypeScript loader in their start-up time. The other files of
// src/ (the HTML report's script and stylesheet, .mjs helpers) are copied beside them, as the
// package ships them.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transpileTs } from '../src/runner/from-source/transpile.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(repo, 'bench', '.build');

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
for (const top of ['src', 'bench']) {
  for (const file of sourceFiles(path.join(repo, top))) {
    const typescript = file.endsWith('.ts') && !file.endsWith('.d.ts');
    if (!typescript && top !== 'src') continue;
    const relative = path.relative(repo, file);
    const target = path.join(out, typescript ? relative.replace(/\.ts$/, '.js') : relative);
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
console.log(`bench: compiled ${compiled} files and copied ${copied} to ${path.relative(repo, out)}/`);
