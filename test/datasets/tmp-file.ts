// Test helper: a throwaway file per test, so dataset tests need no shared fixtures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tmpFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'evalmatrix-')), name);
  writeFileSync(file, content);
  return file;
}
