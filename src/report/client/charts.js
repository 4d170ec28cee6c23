// Two plain SVG charts, drawn from the data with no library: the headline score per model
// (bars, whiskers for the 95% interval when the summary has one) and each case's latency
// distribution on a shared axis. Labels are text nodes like everything else.

function renderScoreChart(data) {
  const cases = data.cases.filter((c) => headline(c) && isNum(headline(c).mean));
  if (cases.length === 0) return el('p', { class: 'hint', text: 'No case has a scored metric yet.' });
  // Bars grouped by model; when a model ran several tasks, each bar is labelled with its task.
  const models = [...new Set(cases.map((c) => c.model))];
  const grouped = models.some((m) => cases.filter((c) => c.model === m).length > 1);
  const bar = 34, gap = 8, groupGap = 28, left = 110, top = 16, plotH = 160, bottom = grouped ? 110 : 84;
  const values = cases.flatMap((c) => [headline(c).mean].concat(headline(c).ci95 || []));
  const yMax = Math.max(...values) <= 1 && Math.min(...values) >= 0 ? 1 : Math.max(...values) * 1.1 || 1;
  const y = (v) => top + plotH - (Math.max(0, v) / yMax) * plotH;
  const parts = [];
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(svgEl('line', { x1: left, x2: '100%', y1: y(f * yMax), y2: y(f * yMax), class: 'grid' }));
    parts.push(svgEl('text', { x: left - 6, y: y(f * yMax) + 4, class: 'axis', 'text-anchor': 'end', text: fmt(f * yMax, 2) }));
  }
  let x = left + gap;
  for (const model of models) {
    const start = x;
    for (const c of cases.filter((k) => k.model === model)) {
      const h = headline(c);
      const rect = svgEl('rect', { x, y: y(h.mean), width: bar, height: top + plotH - y(h.mean), class: 'bar', 'data-case': c.index },
        svgEl('title', { text: c.label + ': ' + h.metric_id + ' ' + fmt(h.mean) + (h.ci95 ? ' [' + fmt(h.ci95[0]) + ', ' + fmt(h.ci95[1]) + ']' : '') }));
      rect.style.fill = scoreColour(h.mean, 55) || '#6b8fd6';
      parts.push(rect);
      if (h.ci95) {
        const cx = x + bar / 2;
        parts.push(svgEl('line', { x1: cx, x2: cx, y1: y(h.ci95[0]), y2: y(h.ci95[1]), class: 'whisker' }));
        for (const v of h.ci95) parts.push(svgEl('line', { x1: cx - 6, x2: cx + 6, y1: y(v), y2: y(v), class: 'whisker' }));
      }
      parts.push(svgEl('text', { x: x + bar / 2, y: y(h.ci95 ? h.ci95[1] : h.mean) - 4, class: 'value', 'text-anchor': 'middle', text: fmt(h.mean, 2) }));
      const lx = x + bar / 2, ly = top + plotH + 12;
      parts.push(svgEl('text', { x: lx, y: ly, class: 'axis', 'text-anchor': 'end', transform: 'rotate(-35 ' + lx + ' ' + ly + ')', text: grouped ? c.task_id : c.model }));
      x += bar + gap;
    }
    if (grouped) parts.push(svgEl('text', { x: (start + x - gap) / 2, y: top + plotH + bottom - 6, class: 'axis task', 'text-anchor': 'middle', text: model }));
    x += grouped ? groupGap : 0;
  }
  const width = Math.max(320, x);
  return svgEl('svg', { id: 'score-chart', width, height: top + plotH + bottom, viewBox: '0 0 ' + width + ' ' + (top + plotH + bottom), role: 'img', 'aria-label': 'Score per model' }, parts);
}

function renderLatencyChart(data) {
  const cases = data.cases.filter((c) => c.latency_counts.some((n) => n > 0));
  if (cases.length === 0) return el('p', { class: 'hint', text: 'No latencies recorded (no events.jsonl, or every answer was replayed).' });
  const edges = data.latency_edges;
  const bins = edges.length - 1;
  const labelW = 260, plotW = 480, rowH = 34, top = 8, axisH = 30;
  const binW = plotW / bins;
  const xOf = (ms) => labelW + Math.min(plotW, (ms / edges[bins]) * plotW);
  const parts = [];
  cases.forEach((c, row) => {
    const y0 = top + row * rowH;
    const peak = Math.max(...c.latency_counts);
    parts.push(svgEl('text', { x: labelW - 8, y: y0 + rowH / 2 + 4, 'text-anchor': 'end', class: 'axis', text: c.label }));
    c.latency_counts.forEach((n, i) => {
      if (n === 0) return;
      const h = (n / peak) * (rowH - 8);
      const upper = i === bins - 1 ? '≥ ' + fmtMs(edges[i]) : fmtMs(edges[i]) + '–' + fmtMs(edges[i + 1]);
      parts.push(svgEl('rect', { x: labelW + i * binW + 1, y: y0 + rowH - 4 - h, width: binW - 2, height: h, class: 'hist' }, svgEl('title', { text: upper + ' ms: ' + n })));
    });
    const l = c.latency_ms;
    if (l) {
      for (const [name, v] of [['p50', l.p50], ['p95', l.p95]]) {
        parts.push(svgEl('line', { x1: xOf(v), x2: xOf(v), y1: y0 + 2, y2: y0 + rowH - 4, class: 'marker marker-' + name }, svgEl('title', { text: name + ' ' + fmtMs(v) + ' ms' })));
      }
    }
  });
  const axisY = top + cases.length * rowH;
  parts.push(svgEl('line', { x1: labelW, x2: labelW + plotW, y1: axisY, y2: axisY, class: 'grid' }));
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    const ms = f * edges[bins];
    parts.push(svgEl('text', { x: labelW + f * plotW, y: axisY + 16, 'text-anchor': 'middle', class: 'axis', text: (f === 1 ? '≥ ' : '') + fmtMs(ms) + ' ms' }));
  }
  const width = labelW + plotW + 40, height = axisY + axisH;
  return svgEl('svg', { id: 'latency-chart', width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'Latency distribution per case' }, parts);
}

function renderCharts(data) {
  return section('charts', 'Charts', [
    el('div', { class: 'charts' }, [
      el('figure', {}, [el('figcaption', { text: 'Score per model (first metric; whiskers: 95% interval when the summary has one)' }), el('div', { class: 'scroll' }, renderScoreChart(data))]),
      el('figure', {}, [el('figcaption', { text: 'Latency distribution per case (bars: share of calls; lines: p50 blue, p95 orange)' }), el('div', { class: 'scroll' }, renderLatencyChart(data))]),
    ]),
  ]);
}
