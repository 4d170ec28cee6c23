// How a path is shown in messages and files: relative to `from` (the working directory by
// default) when it lies inside it — short, and clickable in terminals — else absolute; POSIX.
import path from 'node:path';

export function displayPath(target: string, from = process.cwd()): string {
  const rel = path.relative(from, target);
  const shown = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? target : rel;
  return shown.split(path.sep).join('/');
}
