// The comparison with a baseline run (when one was given): per case and metric, the paired
// delta and its test, the samples that flipped (click one to open it), latency, errors, cost.

function testText(m) {
  if (m.test === 'mcnemar') return 'McNemar p=' + fmt(m.p_value, 4);
  if (m.test === 'bootstrap') return '95% CI [' + fmt(m.ci95[0]) + ', ' + fmt(m.ci95[1]) + ']';
  return 'not tested';
}

function signedText(x, digits) {
  return isNum(x) ? (x > 0 ? '+' : '') + x.toFixed(digits === undefined ? 3 : digits) : '—';
}

function pairText(p, digits) {
  return p ? fmt(p.baseline, digits) + ' → ' + fmt(p.current, digits) + ' (' + signedText(p.current - p.baseline, digits) + ')' : '—';
}

function flipList(ids, total, caseIndex, openCase) {
  if (total === 0) return el('span', { class: 'muted', text: 'none' });
  const items = ids.map((id) =>
    caseIndex === undefined ? el('code', { text: id }) : el('button', { class: 'link flip-id', onclick: () => openCase(caseIndex, id), text: id }));
  if (total > ids.length) items.push(el('span', { class: 'muted', text: '… and ' + (total - ids.length) + ' more' }));
  return el('span', { class: 'flips' }, items);
}

function renderComparison(data, openCase) {
  const cmp = data.comparison;
  if (!cmp) return data.comparison_note ? section('comparison', 'Comparison', el('p', { class: 'note', text: data.comparison_note })) : null;
  const indexOf = new Map(data.cases.map((c) => [c.label, c.index]));
  const rows = [];
  const flips = [];
  for (const c of cmp.cases) {
    for (const m of c.metrics) {
      const tr = el('tr', { class: 'verdict-' + classSafe(m.verdict) }, [
        cell(c.case), cell(m.metric_id), cell(m.measure), numCell(fmt(m.baseline)), numCell(fmt(m.current)), numCell(signedText(m.delta)),
        numCell(String(m.paired)), cell(testText(m)), el('td', {}, el('span', { class: 'verdict', text: m.verdict })),
      ]);
      rows.push(tr);
      if (m.to_fail_count + m.to_pass_count > 0) {
        flips.push(el('li', {}, [
          el('strong', { text: c.case + ' · ' + m.metric_id }),
          el('div', {}, ['pass → fail (' + m.to_fail_count + '): ', flipList(m.to_fail, m.to_fail_count, indexOf.get(c.case), openCase)]),
          el('div', {}, ['fail → pass (' + m.to_pass_count + '): ', flipList(m.to_pass, m.to_pass_count, indexOf.get(c.case), openCase)]),
        ]));
      }
    }
  }
  const costRows = cmp.cases.map((c) => el('tr', {}, [
    cell(c.case), numCell(c.samples.baseline + ' / ' + c.samples.current + ' / ' + c.samples.shared),
    numCell(pairText(c.latency_ms && { baseline: c.latency_ms.baseline.p50, current: c.latency_ms.current.p50 }, 1)),
    numCell(pairText(c.latency_ms && { baseline: c.latency_ms.baseline.p95, current: c.latency_ms.current.p95 }, 1)),
    numCell(pairText(c.errors, 0)), numCell(pairText(c.cost_usd, 4)),
  ]));
  const notes = cmp.notes.concat(cmp.cases.flatMap((c) => c.notes.map((n) => c.case + ': ' + n)));
  const plural = (n, w) => n + ' significant ' + w + (n === 1 ? '' : 's');
  return section('comparison', 'Compared with run ' + cmp.baseline.run_id, [
    el('p', { class: cmp.regressions > 0 ? 'verdict-line bad' : 'verdict-line' },
      plural(cmp.regressions, 'regression') + ', ' + plural(cmp.improvements, 'improvement') + ' (paired tests on the samples both runs have, alpha ' + cmp.alpha + ')'),
    el('div', { class: 'scroll' }, table('comparison', ['case', 'metric', 'measure', { label: 'baseline', num: true }, { label: 'current', num: true },
      { label: 'delta', num: true }, { label: 'paired', num: true }, 'test', 'verdict'], rows)),
    flips.length > 0 ? el('details', { open: '' }, [el('summary', { text: 'Flipped samples' }), el('ul', { class: 'flip-list' }, flips)]) : null,
    el('div', { class: 'scroll' }, table('comparison-costs', ['case', { label: 'samples base / cur / shared', num: true }, { label: 'p50 ms', num: true },
      { label: 'p95 ms', num: true }, { label: 'errors', num: true }, { label: 'cost USD', num: true }], costRows)),
    notes.length > 0 ? el('ul', { class: 'notes' }, notes.map((n) => el('li', { text: n }))) : null,
  ]);
}
