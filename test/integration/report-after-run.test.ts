// Real Vitest on the fixture suite: the plugin writes runs/<pipeline>/report.html after the
// run, the report opens in Chromium with the run's cases and the malformed row's error, a
// `baseline:` adds the comparison, and `report: false` writes none.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReport, screenshot } from '../report/chromium.js';
import { reportData } from '../report/fixture-runs.js';
import { caseDirs, FIXTURE_DIR, PIPELINE, runFixture } from './fixture-run.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the report after a run', () => {
  it('is written after every run, opens in a browser, and compares with the baseline when one is set', async () => {
    const first = await runFixture();
    expect(first.code).toBe(0);
    const report = path.join(first.outDir, PIPELINE, 'report.html');
    expect(first.output).toMatch(/evalmatrix: .*mini_pipeline\/report\.html \(run \S+, 2 cases, \d+ KB\)/);
    const firstRun = path.basename(caseDirs(first.outDir)[0]!);

    const { page, errors } = await openReport(browser, report);
    expect(await page.locator('#run-id').innerText()).toBe(firstRun);
    expect(await page.locator('#matrix .matrix-cell').allInnerTexts()).toEqual([
      expect.stringMatching(/acc[\s\S]*passed[\s\S]*1 error/),
      expect.stringMatching(/acc[\s\S]*passed[\s\S]*1 error/),
    ]);
    await page.click('#matrix .matrix-cell >> nth=1');
    expect(await page.locator('#sample-count').innerText()).toBe('9 of 9 samples on this page');
    await page.check('#filter-errors');
    await page.click('#samples tr[data-key="piqa-0005"]');
    expect(await page.locator('#sample-detail .error-message').innerText()).toMatch(/rows\.jsonl:5: /);
    await page.uncheck('#filter-errors');
    await page.click('#samples tr[data-key="piqa-0001"]');
    expect(await page.locator('#sample-detail .reply-text').innerText()).toContain('Question: How do you keep item 0 dry?');
    expect(errors).toEqual([]);
    await screenshot(page, 'fixture-run');

    // A second run into the same folder, compared with the one before.
    const second = await runFixture({ FIXTURE_BASELINE: 'previous' }, [], FIXTURE_DIR, first.outDir);
    expect(second.code).toBe(0);
    expect(second.output).toContain(`against ${firstRun}: 0 significant regressions, 0 significant improvements`);
    const data = reportData(readFileSync(report, 'utf8'));
    expect(data.run_id).not.toBe(firstRun);
    expect(data.comparison).toMatchObject({ baseline: { run_id: firstRun }, regressions: 0 });
    expect(data.comparison!.cases.map((c) => c.samples.shared)).toEqual([9, 9]);
  });

  it('is not written with report: false', async () => {
    const run = await runFixture({ FIXTURE_REPORT: 'off' });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(run.outDir, PIPELINE, 'summary.index.json'))).toBe(true);
    expect(existsSync(path.join(run.outDir, PIPELINE, 'report.html'))).toBe(false);
    expect(run.output).not.toContain('report.html');
  });
});
