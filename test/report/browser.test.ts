// The report in a real browser (headless Chromium, from file://): the matrix, a case's
// samples, a failing sample's error and messages, the filters, the comparison, and markup in
// a reply that must stay text.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/write-report.js';
import { launchChromium, openReport, screenshot } from './chromium.js';
import { BASE_RUN, BROKEN_ROOT, copyOf, QA_ROOT } from './fixture-runs.js';

let browser: Browser;
let qaReport: string;

beforeAll(async () => {
  browser = await launchChromium();
  const root = copyOf(QA_ROOT);
  const written = await writeReport(root, { baseline: 'previous' });
  if ('error' in written) throw new Error(written.error);
  qaReport = written.file;
});

afterAll(async () => {
  await browser?.close();
});

describe('the report in Chromium', () => {
  it('shows the matrix: one cell per case with its metric, errors and status', async () => {
    const { page, errors } = await openReport(browser, qaReport);
    const cells = page.locator('#matrix .matrix-cell');
    expect(await cells.count()).toBe(4);
    const regress = page.locator('#matrix .matrix-cell[data-case="2"]');
    expect(await regress.innerText()).toMatch(/0\.200\s+exact\s+failed\s+2 errors/);
    expect(await regress.evaluate((b) => (globalThis as any).getComputedStyle(b).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('#cases tbody tr').count()).toBe(4);
    expect(await page.locator('#score-chart rect.bar').count()).toBe(4);
    expect(await page.locator('#latency-chart rect.hist').count()).toBeGreaterThan(4);
    // Nothing was parsed or drawn for the samples before a case is opened.
    expect(await page.locator('#samples').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(statSync(await screenshot(page, 'overview')).size).toBeGreaterThan(10_000);
  });

  it("shows each case's cost from summary.json, split by role, and says when a model has no known price", async () => {
    const { page, errors } = await openReport(browser, qaReport);
    const headers = await page.locator('#cases thead th').allInnerTexts();
    const costColumn = headers.indexOf('cost (model / judge)');
    expect(costColumn).toBeGreaterThan(0);
    const costOf = async (label: string): Promise<string> =>
      page.locator('#cases tbody tr', { has: page.locator('.case-link', { hasText: label }) }).locator('td').nth(costColumn).innerText();
    // model_regress: {total: 0.0012, dut: 0.0012, judge: 0}; model_new: cost_usd null.
    expect(await costOf('qa › model_regress')).toBe('$0.00120 ($0.00120 / $0.00000)');
    expect(await costOf('qa › model_new')).toBe('no known price');
    expect(errors).toEqual([]);
  });

  it("opens a case's samples and a failing sample: its error and the messages sent", async () => {
    const { page, errors } = await openReport(browser, qaReport);
    await page.click('#matrix .matrix-cell[data-case="2"]');
    expect(await page.locator('#case-detail .case-title').innerText()).toBe('qa › model_regress');
    expect(await page.locator('#sample-count').innerText()).toBe('12 of 12 samples on this page');
    // s09: answered, then its metric timed out.
    await page.click('#samples tr[data-key="s09"]');
    const detail = page.locator('#sample-detail');
    expect(await detail.locator('.error-message').innerText()).toBe('metric exact timed out after 5000 ms on sample s09');
    expect(await detail.locator('.message-content').allInnerTexts()).toEqual(['Answer with one word.', 'What is the capital of Ireland?']);
    expect(await detail.locator('.reply-text').innerText()).toBe('Cork');
    // s12: the call never came back.
    await page.click('#samples tr[data-key="s12"]');
    expect(await detail.locator('.error-message').innerText()).toBe('connection refused: connect ECONNREFUSED 127.0.0.1:18080 (gave up after 3 attempts)');
    expect(await detail.innerText()).toContain('APIConnectionError');
    // s01: a wrong answer, after two retries.
    await page.click('#samples tr[data-key="s01"]');
    expect(await detail.locator('table.scores tbody tr').first().innerText()).toMatch(/exact\s+0\.000\s+fail\s+Lyon\s+Paris/);
    expect(await detail.innerText()).toMatch(/retries\s+2 retries, waited 750 ms/);
    expect(errors).toEqual([]);
    await screenshot(page, 'failing-sample');
  });

  it('filters the samples: failed or errored, errors only, search', async () => {
    const { page } = await openReport(browser, qaReport);
    await page.click('#matrix .matrix-cell[data-case="2"]');
    await page.check('#filter-failed');
    expect(await page.locator('#sample-count').innerText()).toBe('10 of 12 samples on this page');
    await page.check('#filter-errors');
    expect(await page.locator('#samples tr.sample-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual(['s09', 's12']);
    await page.uncheck('#filter-failed');
    await page.uncheck('#filter-errors');
    await page.fill('#filter-search', 'ECONNREFUSED');
    expect(await page.locator('#sample-count').innerText()).toBe('1 of 12 samples on this page');
    await page.fill('#filter-search', 'capital of spain');
    expect(await page.locator('#samples tr.sample-row').getAttribute('data-key')).toBe('s04');
  });

  it('shows markup in a reply as text: nothing runs, no element is made from it', async () => {
    const { page, errors } = await openReport(browser, qaReport, '#case=2&sample=s03');
    const detail = page.locator('#sample-detail');
    expect(await detail.locator('.reply-text').innerText()).toBe('<img src=x onerror="window.__pwned=1"><script>window.__pwned2=1</script></script><b>bold</b>');
    expect(await detail.locator('.message-content').nth(1).innerText()).toBe('Repeat this: </script><script>window.__pwned3=1</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#app script, #app b').count()).toBe(0);
    expect(await page.evaluate(() => ['__pwned', '__pwned2', '__pwned3'].map((name) => typeof (globalThis as any)[name]))).toEqual(['undefined', 'undefined', 'undefined']);
    expect(errors).toEqual([]);
  });

  it('shows the comparison with the baseline; a flipped sample opens in the drill-down', async () => {
    const { page } = await openReport(browser, qaReport);
    const section = page.locator('#comparison');
    expect(await section.locator('h2').innerText()).toBe(`Compared with run ${BASE_RUN}`);
    expect(await section.locator('.verdict-line').innerText()).toMatch(/^1 significant regression, 0 significant improvements/);
    expect(await section.locator('tr.verdict-regression').innerText()).toMatch(/qa › model_regress\s+exact\s+pass rate\s+0\.833\s+0\.167\s+-0\.667\s+12\s+McNemar p=0\.0215\s+regression/);
    await section.locator('button.flip-id', { hasText: 's05' }).click();
    expect(await page.locator('#sample-detail h3').innerText()).toMatch(/^Sample s05\s+failed$/);
    await screenshot(page, 'comparison');
  });

  it('lists what it skipped while reading a damaged run, and shows the rest', async () => {
    const written = await writeReport(copyOf(BROKEN_ROOT));
    if ('error' in written) throw new Error(written.error);
    const { page, errors } = await openReport(browser, written.file);
    const items = await page.locator('#problems li').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items.join('\n')).toMatch(/m_corrupt\/t\/20261121-120000-dddddd\/summary\.json: skipped, invalid JSON/);
    expect(items.join('\n')).toMatch(/m_truncated\/t\/20261121-120000-dddddd\/events\.jsonl: line 7 skipped: truncated or invalid JSON/);
    expect(await page.locator('#matrix .matrix-cell').count()).toBe(3);
    await page.click('#matrix .matrix-cell[data-case="0"]');
    expect(await page.locator('#sample-count').innerText()).toBe('3 of 3 samples on this page');
    expect(errors).toEqual([]);
    await screenshot(page, 'damaged-run');
  });

  it('says how many samples a capped case carries and links the rest in events.jsonl', async () => {
    const root = copyOf(QA_ROOT);
    const written = await writeReport(root, { limits: { maxSamplesPerCase: 3 } });
    if ('error' in written) throw new Error(written.error);
    const { page } = await openReport(browser, written.file, '#case=2');
    expect(await page.locator('.case-meta').innerText()).toContain('This page carries 3 of them (errored first, then failed, then the rest; at most 3 samples per case');
    const href = await page.locator('.case-meta a.events-link').getAttribute('href');
    expect(path.resolve(root, href!)).toBe(path.join(root, 'model_regress', 'qa', '20261121-100000-bbbbbb', 'events.jsonl'));
    expect(await page.locator('#sample-count').innerText()).toBe('3 of 3 samples on this page');
  });
});
