// Runs that do not end normally. kill -9 at random points leaves only whole lines; the next
// run of the pipeline removes the temp files a killed write left and rebuilds the index (the
// killed cases in it as `incomplete`).
// SIGINT (to the process group, as a terminal's Ctrl-C) and SIGTERM (to Vitest alone, as a
// process manager) end the running cases as `interrupted` with what they had: events on disk
// ending with case_end, a summary marked interrupted, the index rebuilt, exit 128 + signal.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writtenEventSchema } from '../../src/runner/events.js';
import { summarySchema } from '../../src/runner/summary.js';
import { caseFolders, filesUnder, killGroup, runProject, startProject, workDir, writePipeline, writeRows, type Run } from './project-run.js';

const running: Run[] = [];
afterEach(() => {
  while (running.length) killGroup(running.pop()!);
});

function eventLines(root: string): number {
  let n = 0;
  for (const c of caseFolders(root)) {
    const file = path.join(root, c, 'events.jsonl');
    if (existsSync(file)) n += readFileSync(file, 'utf8').split('\n').length - 1;
  }
  return n;
}

async function waitFor(probe: () => boolean, ms: number, what: string, run: Run): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function parseEvents(file: string) {
  const text = readFileSync(file, 'utf8');
  expect(text === '' || text.endsWith('\n'), `${file} ends mid-line`).toBe(true);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => writtenEventSchema.parse(JSON.parse(l)));
}

describe('kill -9 at random points', () => {
  it('leaves whole lines; the next run removes stale temp files and indexes every summary', async () => {
    const dir = workDir();
    const rows = writeRows(dir, 4000);
    const file = writePipeline(dir, { name: 'killed', rows, samples: 4000, concurrency: 8, providers: ['openai', 'anthropic'] });
    const root = path.join(dir, 'killed');
    // Random points: after 50 to 1,500 lines on disk, three times over (the seed is printed).
    const seed = Date.now() % 100_000;
    let state = seed;
    const random = (): number => ((state = (state * 48271) % 2147483647) / 2147483647);
    console.log(`kill points seed ${seed}`);
    for (let round = 0; round < 3; round++) {
      const before = eventLines(root);
      const target = before + 50 + Math.floor(random() * 1450);
      const run = startProject(file, dir, { EVALMATRIX_MOCK_LATENCY_MS: '2' });
      running.push(run);
      await waitFor(() => eventLines(root) >= target, 60_000, `${target} event lines`, run);
      killGroup(run, 'SIGKILL');
      await run.done;
    }
    for (const c of caseFolders(root)) {
      const events = parseEvents(path.join(root, c, 'events.jsonl'));
      expect(events.map((e) => e.event_id)).toEqual(events.map((_, i) => i + 1));
    }
    // What a kill between a temp file's write and its rename leaves (the window is too short
    // to hit by chance): temp files of a writer that is gone.
    const [someCase] = caseFolders(root);
    const staleSummary = path.join(root, someCase!, 'summary.json.999999.0badc0de.tmp');
    const staleIndex = path.join(root, 'summary.index.json.999999.0badc0de.tmp');
    writeFileSync(staleSummary, '{"half": ');
    writeFileSync(staleIndex, '{"half": ');

    const finished = await runProject(writePipeline(dir, { name: 'killed', rows, samples: 3, concurrency: 2, providers: ['openai', 'anthropic'] }), dir);
    expect(finished.code, finished.output).toBe(0);
    expect(filesUnder(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const index = JSON.parse(readFileSync(path.join(root, 'summary.index.json'), 'utf8')) as { count: number; items: { path: string; status: string }[] };
    const summaries = filesUnder(root).filter((f) => f.endsWith('/summary.json'));
    // The killed cases are there too, `incomplete`, by their events.jsonl (README "Resuming a run").
    const killed = filesUnder(root).filter((f) => f.endsWith('/events.jsonl') && !existsSync(path.join(root, path.dirname(f), 'summary.json')));
    expect(index.items.filter((i) => i.status !== 'incomplete').map((i) => i.path).sort()).toEqual(summaries);
    expect(index.items.filter((i) => i.status === 'incomplete').map((i) => i.path).sort()).toEqual(killed);
    expect(summaries).toHaveLength(2);
  });
});

describe.each([
  { signal: 'SIGINT' as const, to: 'the process group' as const, code: 130 },
  { signal: 'SIGTERM' as const, to: 'Vitest alone' as const, code: 143 },
])('$signal to $to', ({ signal, to, code }) => {
  it(`ends the running cases interrupted, with their events and summaries on disk, exit ${code}`, async () => {
    const dir = workDir();
    const rows = writeRows(dir, 4000);
    const file = writePipeline(dir, { name: 'stopped', rows, samples: 4000, concurrency: 4, providers: ['openai', 'anthropic'] });
    const root = path.join(dir, 'stopped');
    const run = startProject(file, dir, { EVALMATRIX_MOCK_LATENCY_MS: '5' });
    running.push(run);
    await waitFor(() => eventLines(root) > 200, 60_000, 'events on disk', run);
    if (to === 'Vitest alone') run.child.kill(signal);
    else killGroup(run, signal);
    const done = await run.done;
    expect(done.code, done.output).toBe(code);

    const cases = caseFolders(root);
    expect(cases).toHaveLength(2);
    for (const c of cases) {
      const events = parseEvents(path.join(root, c, 'events.jsonl'));
      const last = events.at(-1)!;
      expect(last.event).toBe('case_end');
      expect(last.event === 'case_end' && last.payload.status).toBe('interrupted');
      const summary = summarySchema.parse(JSON.parse(readFileSync(path.join(root, c, 'summary.json'), 'utf8')));
      expect(summary.status).toBe('interrupted');
      expect(summary.reasons[0]).toMatch(/^interrupted: /);
      // What it had: every sample that answered, none cut off counted as an error.
      const answered = events.filter((e) => e.event === 'inference_end').length;
      expect(summary.sample_count).toBe(answered);
      expect(summary.sample_count).toBeLessThan(4000);
      expect(summary.error_count).toBe(0);
    }
    const index = JSON.parse(readFileSync(path.join(root, 'summary.index.json'), 'utf8')) as { items: { status: string }[] };
    expect(index.items.map((i) => i.status)).toEqual(['interrupted', 'interrupted']);
  });
});
