// The report as one self-contained HTML file: inline CSS, the page's script inline, and the
// data as JSON in <script type="application/json"> elements (one for the run, one per case's
// samples, parsed only when that case is opened). No server, no CDN: it opens from file://.
//
// The page's script and stylesheet are plain files in src/report/client/ (the package ships
// src/, so the same URL finds them from src/ and from dist/). A Content-Security-Policy
// allows exactly that script, by hash: even markup that reached the page could run nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ReportData } from './report-data.js';

const CLIENT_DIR = new URL('../../../src/report/client/', import.meta.url);
/** In dependency order: helpers first, the start-up last. */
const SCRIPTS = ['dom.js', 'overview.js', 'charts.js', 'comparison.js', 'sample-detail.js', 'samples.js', 'main.js'];

let assets: { script: string; css: string } | undefined;

function clientAssets(): { script: string; css: string } {
  assets ??= {
    // One closure: the page defines no globals.
    script: `(function () {\n'use strict';\n${SCRIPTS.map((f) => readFileSync(new URL(f, CLIENT_DIR), 'utf8')).join('\n')}\n})();\n`,
    css: readFileSync(new URL('report.css', CLIENT_DIR), 'utf8'),
  };
  return assets;
}

/**
 * JSON that cannot end its <script> element: every `<` is written as \u003c (so neither
 * `</script>` nor `<!--` appears), and U+2028/2029 are escaped for older parsers.
 */
export function scriptSafeJson(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The whole page; `samples[i]` is case i's samples as a JSON array. */
export function renderReportHtml(data: ReportData, samples: readonly string[]): string {
  const { script, css } = clientAssets();
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>evalmatrix · ${escapeHtml(data.pipeline)} · ${escapeHtml(data.run_id)}</title>`,
    `<style>\n${css}</style>`,
    '</head>',
    '<body>',
    '<noscript>This report draws itself with JavaScript. Its data is in the script elements of this file; the raw events are in each case\'s events.jsonl.</noscript>',
    '<div id="app"></div>',
    `<script type="application/json" id="em-data">${scriptSafeJson(JSON.stringify(data))}</script>`,
    ...samples.map((json, i) => `<script type="application/json" id="em-samples-${i}">${scriptSafeJson(json)}</script>`),
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
