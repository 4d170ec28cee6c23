// Helpers every part of the page uses. Text from the data only ever reaches the page as text
// nodes (append of a string, textContent) or through setAttribute — never innerHTML — so a
// reply holding HTML or a <script> is shown as the characters it is.
const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(node, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'class') node.setAttribute('class', value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of [].concat(children === undefined ? [] : children)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

function el(tag, props, children) {
  return fill(document.createElement(tag), props, children);
}

function svgEl(tag, props, children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

function isNum(x) {
  return typeof x === 'number' && !Number.isNaN(x);
}

function fmt(x, digits) {
  return isNum(x) ? x.toFixed(digits === undefined ? 3 : digits) : '—';
}

function fmtInt(x) {
  return isNum(x) ? Math.round(x).toLocaleString('en-US') : '—';
}

function fmtMs(x) {
  return isNum(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '—';
}

function fmtUsd(x) {
  return isNum(x) ? '$' + x.toFixed(x < 0.01 ? 5 : 4) : '—';
}

/** Red (0) through amber to green (1); no colour for scores outside [0, 1]. */
function scoreColour(score, lightness) {
  if (!isNum(score) || score < 0 || score > 1) return '';
  return 'hsl(' + Math.round(score * 120) + ', 65%, ' + (lightness || 86) + '%)';
}

function classSafe(text) {
  return String(text).replace(/[^A-Za-z0-9_-]/g, '_');
}

function badge(status) {
  return el('span', { class: 'badge status-' + classSafe(status), text: status });
}

/** Only relative links (the case's events.jsonl): nothing from the data becomes a javascript: URL. */
function safeHref(href) {
  return typeof href === 'string' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(href) && !href.startsWith('//') ? href : null;
}

function section(id, title, children) {
  return el('section', { id }, [el('h2', { text: title })].concat(children));
}

function table(className, header, rows) {
  const head = el('thead', {}, el('tr', {}, header.map((h) => el('th', { text: h.label || h, class: h.num ? 'num' : null }))));
  return el('table', { class: className }, [head, el('tbody', {}, rows)]);
}

function cell(text, props) {
  return el('td', props || {}, text);
}

function numCell(text) {
  return el('td', { class: 'num' }, text);
}

function headline(c) {
  return c.metrics.length > 0 ? c.metrics[0] : null;
}

function errorCount(c) {
  return c.summary ? c.summary.error_count : c.status_counts.error;
}

function pretty(value) {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
