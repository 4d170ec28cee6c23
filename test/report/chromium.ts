// Headless Chromium for the report's browser tests: Debian's `chromium` package (or the binary
// CHROMIUM_PATH names), driven by playwright-core, which never downloads a browser itself.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

/** Screenshots land here (ignored by git), one per test that takes one. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('./__screenshots__/', import.meta.url));

export function chromiumPath(candidates: readonly string[] = CANDIDATES, env = process.env): string {
  const found = [env.CHROMIUM_PATH, ...candidates].find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'The report\'s browser tests need Chromium and found none at ' + candidates.join(', ') +
        '. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu; .ci/run does this in CI), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath() });
}

export interface OpenedReport {
  page: Page;
  /** Console errors and uncaught exceptions the page produced (a CSP refusal shows up here). */
  errors: string[];
}

/** Opens a report file from file://, waits until its script has drawn the page. */
export async function openReport(browser: Browser, file: string, hash = ''): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href + hash);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
