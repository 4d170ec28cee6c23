// Every file in test/fixtures/bad-configs/ is a pipeline a hostile or careless user could
// write. Each must fail to load with a ConfigError that names the file and, for problems that
// sit somewhere in the text, the line and column; none may crash the loader, hang it, dump the
// file into the message, or carry stack frames of evalmatrix's own code. One real Vitest run
// checks what a user sees on the terminal.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/config/display-path.js';
import { ConfigError } from '../../src/config/errors.js';
import { loadPipeline } from '../../src/config/load.js';
import { runProject, workDir } from './project-run.js';

const CORPUS = fileURLToPath(new URL('../fixtures/bad-configs/', import.meta.url));
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort();

/** Problems with the file as a whole: named by file (and byte offset), not line. */
const WHOLE_FILE = new Set([
  'binary-garbage.yaml',
  'binary-nul-in-text.yaml',
  'latin1-encoded.yaml',
  'utf16-encoded.yaml',
  'truncated-utf8.yaml',
  'yaml-alias-bomb.yaml',
  'empty.yaml',
  'only-comments.yaml',
]);

function loadError(file: string): ConfigError {
  try {
    loadPipeline(file, { env: {}, onNotice: () => {} });
  } catch (error) {
    expect(error, `${path.basename(file)} threw ${(error as Error)?.name}: ${(error as Error)?.message}`).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`${path.basename(file)} loaded without an error`);
}

describe('the bad-config corpus', () => {
  it('holds 40 to 60 hostile configs', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.length).toBeLessThanOrEqual(60);
  });

  it.each(files)('%s: a located ConfigError, no stack frames, no dump', (name) => {
    const file = path.join(CORPUS, name);
    const error = loadError(file);
    expect(error.message.startsWith(displayPath(file))).toBe(true);
    expect(error.stack).toBe(`ConfigError: ${error.message}`);
    expect(error.message.length, error.message.slice(0, 500)).toBeLessThan(1500);
    expect(error.issues.length).toBeGreaterThan(0);
    if (!WHOLE_FILE.has(name)) {
      for (const issue of error.issues) expect(issue.line, error.message).toBeGreaterThan(0);
    } else {
      expect(error.message).toMatch(/byte offset \d+|alias|YAML|expected/);
    }
    // A credential in the file is never quoted back.
    expect(error.message).not.toContain('placeholder-password');
  });

  it('names the first YAML error with the flow-mapping hint, not the cascade', () => {
    const error = loadError(path.join(CORPUS, 'yaml-placeholder-in-flow-mapping.yaml'));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toMatch(/more errors? after it/);
    expect(error.message).toContain('block style');
  });

  it('names the file and the offset of binary and non-UTF-8 input', () => {
    expect(loadError(path.join(CORPUS, 'latin1-encoded.yaml')).message).toMatch(/not valid UTF-8 \(at byte offset \d+\)/);
    expect(loadError(path.join(CORPUS, 'binary-garbage.yaml')).message).toMatch(/(binary file|not valid UTF-8).*byte offset \d+/);
  });

  it('stops an alias bomb, naming the file and why', () => {
    expect(loadError(path.join(CORPUS, 'yaml-alias-bomb.yaml')).message).toMatch(/yaml-alias-bomb\.yaml: .*aliases .*too many/);
  });

  it('names the path of a folder or a missing file', () => {
    const dir = path.join(workDir(), 'folder.yaml');
    mkdirSync(dir);
    expect(loadError(dir).message).toContain(`${dir} is a folder, not a file`);
    const missing = path.join(workDir(), 'missing.yaml');
    expect(loadError(missing).message).toContain(`not found: looked for ${missing}`);
  });

  it('refuses ids that share an output folder, naming both, and ids over the length cap', () => {
    expect(loadError(path.join(CORPUS, 'ids-dots-and-underscores.yaml')).message).toMatch(/backend_id "__" and "\.\." would be written to the same folder/);
    expect(loadError(path.join(CORPUS, 'ids-dot-and-underscore.yaml')).message).toMatch(/task_id "_" and "\." would be written to the same folder/);
    expect(loadError(path.join(CORPUS, 'ids-case-only.yaml')).message).toMatch(/"BE_OPENAI" and "be_openai" .*case-insensitive/);
    expect(loadError(path.join(CORPUS, 'ids-too-long.yaml')).message).toMatch(/tasks\[0\]\.task_id: task_id is 300 characters long; .* at most 100/);
  });

  it('refuses a key in api_base userinfo at load without quoting it', () => {
    const error = loadError(path.join(CORPUS, 'secret-userinfo-in-api-base.yaml'));
    expect(error.message).toMatch(/backends\[0\]\.config\.api_base: .*user name or password/);
    expect(error.message).not.toContain('placeholder-password');
  });

  it('shows a user one located error and no internal frames when Vitest loads a bad config', async () => {
    const dir = workDir();
    const run = await runProject(path.join(CORPUS, 'ids-dots-and-underscores.yaml'), dir);
    expect(run.code).toBe(1);
    expect(run.output).toContain('ids-dots-and-underscores.yaml:');
    expect(run.output).toContain('would be written to the same folder');
    expect(run.output).not.toMatch(/src\/config\/[a-z-]+\.ts/);
    expect(readFileSync(path.join(CORPUS, 'ids-dots-and-underscores.yaml'), 'utf8')).toContain('"__"');
  });
});
