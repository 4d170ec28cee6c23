#!/usr/bin/env node
// Runs the compiled CLI (dist/ is built by `npm run build`, which `npm ci` runs via prepare).
// SIGINT and SIGTERM end a long-running command (mock serve) cleanly instead of killing it.
import { main } from '../dist/cli/main.js';

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop.abort());

process.exitCode = await main(process.argv.slice(2), { out: console.log, err: console.error, stop: stop.signal });