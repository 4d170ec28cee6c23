// The scorer worker when evalmatrix runs from its TypeScript sources (this repository's own
// tests and evals): worker threads don't get Vitest's transforms, so this entry teaches the
// thread to load .ts first. The published package runs the compiled scorer-worker.js instead.
import { register } from 'node:module';

register('./from-source/hooks.mjs', import.meta.url);
const { default: scoreInWorker } = await import('./scorer-worker.ts');
export default scoreInWorker;
