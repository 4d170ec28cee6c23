// The top of the page: what run this is, what could not be read, the task × model matrix
// and the per-case table of metrics, latency, tokens and cost.

function renderHeader(data) {
  const counts = data.cases.length + (data.cases.length === 1 ? ' case' : ' cases');
  return el('header', {}, [
    el('h1', {}, ['evalmatrix report · ', el('span', { id: 'pipeline-name', text: data.pipeline })]),
    el('p', { class: 'run-line' }, [
      'run ', el('code', { id: 'run-id', text: data.run_id }), ' · ' + counts + ' · ', el('code', { text: data.root }),
      ' · generated ' + data.generated_at,
    ]),
  ]);
}

function renderProblems(data) {
  if (data.problems.length === 0) return null;
  return el('section', { id: 'problems', class: 'problems' }, [
    el('h2', { text: 'Found and skipped while reading this run' }),
    el('ul', {}, data.problems.map((p) => el('li', { text: p }))),
  ]);
}

function renderMatrix(data, openCase) {
  const tasks = [...new Set(data.cases.map((c) => c.task_id))];
  const models = [...new Set(data.cases.map((c) => c.model))];
  const byKey = new Map(data.cases.map((c) => [c.task_id + '\u0000' + c.model, c]));
  const rows = tasks.map((task) =>
    el('tr', {}, [el('th', { scope: 'row', text: task })].concat(models.map((model) => {
      const c = byKey.get(task + '\u0000' + model);
      if (!c) return el('td', { class: 'empty', text: '—' });
      const h = headline(c);
      const errors = errorCount(c);
      const button = el('button', { class: 'matrix-cell', 'data-case': c.index, title: 'Open ' + c.label, onclick: () => openCase(c.index) }, [
        el('span', { class: 'score', text: h ? fmt(h.mean) : '—' }),
        el('span', { class: 'metric-name', text: h ? h.metric_id : 'no metric' }),
        el('span', { class: 'cell-foot' }, [badge(c.status), errors > 0 ? el('span', { class: 'errors', text: errors + (errors === 1 ? ' error' : ' errors') }) : null]),
      ]);
      const td = el('td', {}, button);
      button.style.backgroundColor = scoreColour(h && h.mean);
      return td;
    }))),
  );
  return section('matrix', 'Matrix: task × model', [
    el('p', { class: 'hint', text: 'Each cell is one case: its first metric (colour: red 0 → green 1), status and errors. Click a cell for its samples.' }),
    el('div', { class: 'scroll' }, table('matrix', [{ label: 'task \\ model' }].concat(models.map((m) => ({ label: m }))), rows)),
  ]);
}

function metricsText(c) {
  return c.metrics.map((m) => m.metric_id + ' ' + fmt(m.mean) + (m.ci95 ? ' [' + fmt(m.ci95[0]) + ', ' + fmt(m.ci95[1]) + ']' : '') + ' (n=' + m.count + ')').join('\n') || '—';
}

function renderCaseTable(data, openCase) {
  const hasJudge = data.cases.some((c) => c.summary && c.summary.usage_by_role && c.summary.usage_by_role.judge);
  const hasCost = data.cases.some((c) => c.summary && c.summary.cost_usd);
  const header = ['case', 'status', { label: 'samples', num: true }, { label: 'errors', num: true }, 'metrics (95% interval when known)',
    { label: 'latency ms mean / p50 / p95 / p99', num: true }, { label: 'tokens in / out / total', num: true }];
  if (hasJudge) header.push({ label: 'judge tokens in / out', num: true });
  if (hasCost) header.push({ label: 'cost (model / judge)', num: true });
  header.push('reasons');
  const rows = data.cases.map((c) => {
    const s = c.summary;
    const l = c.latency_ms;
    const u = s && s.usage;
    const tds = [
      el('td', {}, el('button', { class: 'link case-link', 'data-case': c.index, onclick: () => openCase(c.index), text: c.label })),
      el('td', {}, badge(c.status)),
      numCell(fmtInt(c.sample_total)),
      numCell(fmtInt(errorCount(c))),
      el('td', { class: 'pre metrics' }, metricsText(c)),
      numCell(l ? [l.mean, l.p50, l.p95, l.p99].map(fmtMs).join(' / ') : '—'),
      numCell(u ? [u.prompt_tokens, u.completion_tokens, u.total_tokens].map(fmtInt).join(' / ') : '—'),
    ];
    if (hasJudge) {
      const j = s && s.usage_by_role && s.usage_by_role.judge;
      tds.push(numCell(j ? fmtInt(j.prompt_tokens) + ' / ' + fmtInt(j.completion_tokens) : '—'));
    }
    if (hasCost) {
      const cost = s && s.cost_usd;
      tds.push(numCell(cost ? fmtUsd(cost.total) + ' (' + fmtUsd(cost.dut) + ' / ' + fmtUsd(cost.judge) + ')' : 'no known price'));
    }
    tds.push(el('td', { class: 'pre reasons' }, (s && s.reasons.join('\n')) || ''));
    return el('tr', { 'data-case': c.index }, tds);
  });
  return section('cases', 'Cases', el('div', { class: 'scroll' }, table('cases', header, rows)));
}
