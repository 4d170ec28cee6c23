// The parts of the report that decide what reaches the page: long texts clipped, JSON that
// cannot close its script element, and the browser tests' own loud failure without Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from '../../src/report/html/render-html.js';
import { clipStrings, clipText } from '../../src/report/read/clip.js';
import { pickSamples, type SampleOutcome } from '../../src/report/read/outcome.js';
import { writeReport } from '../../src/report/write-report.js';
import { chromiumPath } from './chromium.js';
import { copyOf, QA_ROOT, reportSamples } from './fixture-runs.js';

describe('what reaches the page', () => {
  it('clips long strings and says how much is left in events.jsonl', () => {
    expect(clipText('abcdef', 10)).toBe('abcdef');
    expect(clipText('abcdefghij-and-more', 10)).toBe('abcdefghij… [9 more characters in events.jsonl]');
    expect(clipStrings({ a: ['x'.repeat(12)], n: 3, z: null }, 4)).toEqual({ a: ['xxxx… [8 more characters in events.jsonl]'], n: 3, z: null });
  });

  it('writes JSON whose text cannot end its <script> element, and reads back the same', () => {
    const value = { reply: '</script><script>alert(1)</script><!-- \u2028' };
    const safe = scriptSafeJson(JSON.stringify(value));
    expect(safe).not.toMatch(/<\/script|<!--|\u2028/);
    expect(JSON.parse(safe)).toEqual(value);
  });

  it('keeps errored samples first, then failed ones, then the rest, each in order', () => {
    const o = (errored: boolean, passed?: boolean): SampleOutcome => ({
      id: 'x', trial: undefined, order: 0, errored, metrics: passed === undefined ? new Map() : new Map([['m', { score: passed ? 1 : 0, passed }]]),
    });
    const outcomes: [string, SampleOutcome][] = [['a', o(false, true)], ['b', o(false, false)], ['c', o(true)], ['d', o(false, false)], ['e', o(true)]];
    expect(pickSamples(outcomes, 4)).toEqual(['c', 'e', 'b', 'd']);
    expect(pickSamples(outcomes, 0)).toEqual([]);
  });

  it('embeds the same records whether a case is read in one pass (within the cap) or two', async () => {
    const onePass = await writeReport(copyOf(QA_ROOT));
    const twoPasses = await writeReport(copyOf(QA_ROOT), { limits: { maxSamplesPerCase: 3 } });
    if ('error' in onePass || 'error' in twoPasses) throw new Error('no report');
    const all = reportSamples(readFileSync(onePass.file, 'utf8'), 2);
    const capped = reportSamples(readFileSync(twoPasses.file, 'utf8'), 2);
    expect(all).toHaveLength(12);
    expect(capped).toEqual(all.slice(0, 3));
    expect(capped[0]).toMatchObject({ key: 's09', inferences: [{ text: 'Cork' }], scores: [], errors: [{ error_type: 'MetricTimeout' }] });
  });

  it('clips a reply longer than maxTextChars in the embedded samples', async () => {
    const written = await writeReport(copyOf(QA_ROOT), { limits: { maxTextChars: 20 } });
    if ('error' in written) throw new Error(written.error);
    const s12 = reportSamples(readFileSync(written.file, 'utf8'), 2).find((s) => s.key === 's12')!;
    // 83 characters: 20 kept, 63 left out.
    expect(s12.errors[0]!.message).toBe('connection refused: … [63 more characters in events.jsonl]');
  });
});

describe('the browser tests without Chromium', () => {
  it('fail loudly, saying how to install it', () => {
    expect(() => chromiumPath([path.join('/nonexistent', 'chromium')], {})).toThrow(/need Chromium .*sudo apt-get install -y chromium.*CHROMIUM_PATH/s);
  });
});
