// A user's own msw server inside an eval file in mock mode: started at the file's top level its
// handlers answer first and the plugin's mocks the rest; started later (beforeAll) it could
// never be asked, so requests are refused saying where to start it (and not retried).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseEvents, caseFolders, runProject, sampleErrors, workDir, writePipeline, writeRows } from './project-run.js';

function answers(root: string): Record<string, string[]> {
  return Object.fromEntries(
    caseFolders(root).map((c) => [c.split('/')[0]!, caseEvents(root, c).flatMap((e) => (e.event === 'inference_end' ? [e.payload.text] : []))]),
  );
}

describe("a user's msw server in an eval file", () => {
  it('started at the top level: its handler answers its route, the mocks answer the rest', async () => {
    const dir = workDir();
    const file = writePipeline(dir, { name: 'own', rows: writeRows(dir, 3), samples: 3, providers: ['openai', 'anthropic'] });
    const run = await runProject(file, dir, { REL_EVAL_FILE: 'own-server.eval.ts', REL_SERVER_START: 'top' });
    expect(run.code, run.output).toBe(0);
    const texts = answers(path.join(dir, 'own'));
    expect(texts.be_openai).toEqual(Array(3).fill('from the own server: The answer is A'));
    expect(texts.be_anthropic).toHaveLength(3);
    for (const t of texts.be_anthropic!) expect(t).toMatch(/^Question: goal \d/);
  });

  it('started in beforeAll: every request refused with where to start it, at once', async () => {
    const dir = workDir();
    const file = writePipeline(dir, { name: 'late', rows: writeRows(dir, 2), samples: 2, providers: ['openai'] });
    const run = await runProject(file, dir, { REL_EVAL_FILE: 'own-server.eval.ts', REL_SERVER_START: 'beforeAll' });
    expect(run.code, run.output).toBe(0); // max_errors allows them; the errors say why
    const errors = sampleErrors(path.join(dir, 'late'));
    expect(errors).toHaveLength(2);
    for (const e of errors) {
      expect(e.message).toMatch(/msw server .* was started after evalmatrix's mocks.*Start it at the top level of the eval file/);
      expect(e.attempts).toBe(1);
    }
  });
});
