// A process recording into a shared recordings file, for the concurrent-writers test: runs
// evalmatrix's TypeScript sources through the repository's module hooks.
// argv: <file> <auto|record> <writer name> <count>
import { register } from 'node:module';
import path from 'node:path';

register('../../src/runner/from-source/hooks.mjs', import.meta.url);
const { RecordingsStore } = await import('../../src/recordings/store.ts');
const { testLine } = await import('./lines.ts');

const [file, mode, who, count] = process.argv.slice(2);
const store = new RecordingsStore(path.dirname(file), mode, (message) => console.error(message));
const saves = [];
for (let i = 0; i < Number(count); i++) {
  const { key, text } = testLine(`${who}-${i}`, i % 10 === 0 ? 'x'.repeat(200_000) : `${who} answer ${i}`);
  saves.push(store.save(file, key, text));
  if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
}
await Promise.all(saves);
await store.close();
