// The drill-down of one case: its samples, parsed from the case's own data element only when
// the case is opened (so a large report opens fast), with filters and the chosen sample in full.

const parsedSamples = new Map();

function samplesOf(index) {
  if (!parsedSamples.has(index)) {
    const node = document.getElementById('em-samples-' + index);
    parsedSamples.set(index, node ? JSON.parse(node.textContent) : []);
  }
  return parsedSamples.get(index);
}

function searchableText(s) {
  const parts = [s.id];
  for (const inf of s.inferences) {
    parts.push(inf.text);
    for (const m of inf.messages || []) parts.push(m.content);
  }
  for (const sc of s.scores) parts.push(sc.metric_id, sc.prediction || '', sc.reference || '', sc.rationale || '', sc.judge ? sc.judge.text : '');
  for (const e of s.errors) parts.push(e.error_type, e.message);
  return parts.join('\n').toLowerCase();
}

function sampleMatches(s, filters) {
  if (filters.failed && s.status !== 'failed' && s.status !== 'error') return false;
  if (filters.errors && s.status !== 'error') return false;
  return filters.search === '' || searchableText(s).includes(filters.search.toLowerCase());
}

function headlineScore(s) {
  return s.scores.length > 0 ? fmt(s.scores[0].score) : '—';
}

function snippet(s) {
  const text = s.errors.length > 0 ? s.errors[0].message : s.inferences.length > 0 ? s.inferences[0].text : '';
  return text.length > 120 ? text.slice(0, 120) + '…' : text;
}

function caseSummaryLine(c, limitsText, eventsLink) {
  const counts = c.status_counts;
  const line = [fmtInt(c.sample_total) + ' samples: ' + counts.passed + ' passed, ' + counts.failed + ' failed, ' + counts.error + ' errored' +
    (counts.unscored ? ', ' + counts.unscored + ' unscored' : '') + '. '];
  if (c.samples_embedded < c.sample_total) {
    line.push('This page carries ' + c.samples_embedded + ' of them (errored first, then failed, then the rest; at most ' + limitsText + '); all of them are in ');
  } else {
    line.push('All events: ');
  }
  return line.concat([eventsLink, ' (', el('code', { text: c.dir }), ')']);
}

function renderCasePanel(data, c, state, rerender) {
  const href = safeHref(c.events_href);
  const eventsLink = href ? el('a', { href, class: 'events-link', text: 'events.jsonl' }) : el('span', { class: 'muted', text: '(no events.jsonl)' });
  const limitsText = data.limits.maxSamplesPerCase + ' samples per case and ' + Math.round(data.limits.maxSampleBytes / 1048576) + ' MB per report';
  const filterBox = (name, label) => el('label', {}, [el('input', { type: 'checkbox', id: 'filter-' + name, checked: state.filters[name] ? '' : null,
    onchange: (e) => { state.filters[name] = e.target.checked; rerender(); } }), ' ' + label]);
  const search = el('input', { type: 'search', id: 'filter-search', placeholder: 'search ids, messages, replies, errors', value: state.filters.search,
    oninput: (e) => { state.filters.search = e.target.value; rerender(); } });
  return [
    el('h2', {}, ['Case ', el('span', { class: 'case-title', text: c.label }), ' ', badge(c.status)]),
    el('p', { class: 'case-meta' }, caseSummaryLine(c, limitsText, eventsLink)),
    c.summary && c.summary.reasons.length > 0 ? el('ul', { class: 'reasons' }, c.summary.reasons.map((r) => el('li', { text: r }))) : null,
    c.case_errors.length > 0 ? el('ul', { class: 'case-errors' }, c.case_errors.map((e) => el('li', { text: e.stage + ' ' + e.error_type + ': ' + e.message }))) : null,
    el('div', { class: 'filters' }, [filterBox('failed', 'failed or errored only'), filterBox('errors', 'errors only'), search]),
  ];
}

function renderSampleList(samples, state, selectSample) {
  const visible = samples.filter((s) => sampleMatches(s, state.filters));
  const rows = visible.map((s) => el('tr', { 'data-key': s.key, class: 'sample-row' + (s.key === state.selected ? ' selected' : ''), tabindex: 0,
    onclick: () => selectSample(s.key), onkeydown: (e) => { if (e.key === 'Enter') selectSample(s.key); } }, [
    el('td', {}, el('code', { text: s.id + (s.trial !== undefined ? ' #' + s.trial : '') })), el('td', {}, badge(s.status)), numCell(headlineScore(s)), el('td', { class: 'snippet', text: snippet(s) }),
  ]));
  return [
    el('p', { class: 'count', id: 'sample-count', text: visible.length + ' of ' + samples.length + ' samples on this page' }),
    el('div', { class: 'sample-list' }, table('samples', ['sample', 'status', { label: 'score', num: true }, 'reply or error'], rows)),
  ];
}

/** Opens case `index` below the overview; `sampleKey` also opens one of its samples. */
function openCasePanel(data, index, sampleKey) {
  const c = data.cases[index];
  const host = document.getElementById('case-detail');
  if (!c || !host) return;
  const samples = samplesOf(index);
  const state = { filters: { failed: false, errors: false, search: '' }, selected: sampleKey || null };
  const listHost = el('div', { id: 'samples' });
  const detailHost = el('div', { id: 'sample-detail' });
  const select = (key) => {
    state.selected = key;
    history.replaceState(null, '', '#case=' + index + '&sample=' + encodeURIComponent(key));
    rerender();
  };
  function rerender() {
    listHost.replaceChildren(...renderSampleList(samples, state, select));
    const chosen = samples.find((s) => s.key === state.selected);
    detailHost.replaceChildren(chosen ? renderSampleDetail(chosen)
      : el('p', { class: 'muted', text: state.selected ? 'Sample ' + state.selected + ' is not on this page; see events.jsonl.' : 'Click a sample to see it in full.' }));
  }
  host.replaceChildren(...renderCasePanel(data, c, state, rerender).filter(Boolean), el('div', { class: 'samples-layout' }, [listHost, detailHost]));
  host.hidden = false;
  rerender();
  host.scrollIntoView({ block: 'start' });
}
