// One sample in full: its errors, what was sent, the reply and how it came back, and every
// metric's verdict with its prediction, reference, rationale and judge.

function field(label, value) {
  return value === undefined || value === null || value === '' ? null : el('span', { class: 'field' }, [el('span', { class: 'label', text: label }), ' ' + value]);
}

function renderErrors(errors) {
  if (errors.length === 0) return null;
  return el('div', { class: 'block errors-block' }, [el('h4', { text: errors.length === 1 ? 'Error' : 'Errors (' + errors.length + ')' })].concat(errors.map((e) =>
    el('div', { class: 'sample-error' }, [
      el('div', { class: 'fields' }, [field('stage', e.stage), field('type', e.error_type), field('http status', e.status), field('attempts', e.attempts)]),
      el('pre', { class: 'error-message', text: e.message }),
    ]))));
}

function renderMessages(messages) {
  if (!messages) return el('p', { class: 'muted', text: 'The messages sent were not recorded in this run.' });
  return el('ol', { class: 'messages' }, messages.map((m) =>
    el('li', { class: 'message role-' + classSafe(m.role) }, [el('span', { class: 'role', text: m.role }), el('pre', { class: 'message-content', text: m.content })])));
}

function renderInference(inf, index, total) {
  const usage = inf.usage ? fmtInt(inf.usage.prompt_tokens) + ' in / ' + fmtInt(inf.usage.completion_tokens) + ' out' : null;
  const retries = inf.attempts > 1 ? (inf.attempts - 1) + (inf.attempts === 2 ? ' retry' : ' retries') + (isNum(inf.retry_wait_ms) ? ', waited ' + fmtMs(inf.retry_wait_ms) + ' ms' : '') : null;
  const parts = [
    el('h4', { text: 'Messages sent' + (total > 1 ? ' (call ' + (index + 1) + ' of ' + total + ')' : '') }),
    renderMessages(inf.messages),
    el('h4', { text: 'Reply' }),
    el('pre', { class: 'reply-text', text: inf.text }),
    el('div', { class: 'fields' }, [
      field('model', inf.provider + ' ' + inf.model), field('finish', inf.finish_reason), field('latency', fmtMs(inf.latency_ms) + ' ms'),
      field('attempts', inf.attempts), field('retries', retries), field('tokens', usage),
      field('ttft', isNum(inf.ttft_ms) ? fmtMs(inf.ttft_ms) + ' ms' : null), field('trial', inf.trial),
      field('replayed', inf.cached === true ? 'yes (from a recording)' : null),
    ]),
  ];
  if (inf.output_json !== undefined) parts.push(el('h4', { text: 'Parsed JSON answer' }), el('pre', { class: 'json', text: pretty(inf.output_json) }));
  if (inf.output_json_error) parts.push(el('p', { class: 'bad', text: 'JSON answer: ' + inf.output_json_error }));
  if (inf.parameters) parts.push(el('details', {}, [el('summary', { text: 'Parameters sent' }), el('pre', { class: 'json', text: pretty(inf.parameters) })]));
  if (inf.adjusted_parameters && inf.adjusted_parameters.length > 0) {
    parts.push(el('details', {}, [el('summary', { text: 'Parameters adjusted for the provider (' + inf.adjusted_parameters.length + ')' }),
      el('ul', {}, inf.adjusted_parameters.map((a) => el('li', { text: a.parameter + ': ' + a.action + ' — ' + a.reason })))]));
  }
  return el('div', { class: 'block inference' }, parts);
}

function renderScores(scores) {
  if (scores.length === 0) return el('p', { class: 'muted', text: 'No metric scored this sample.' });
  const rows = [];
  for (const s of scores) {
    const passed = s.passed === undefined ? '' : s.passed ? 'pass' : 'fail';
    rows.push(el('tr', { class: s.passed === false ? 'failed' : null }, [
      cell(s.metric_id), numCell(fmt(s.score)), cell(passed), el('td', { class: 'pre prediction' }, s.prediction === null ? '—' : s.prediction),
      el('td', { class: 'pre reference' }, s.reference === null ? '—' : s.reference), el('td', { class: 'pre rationale' }, s.rationale || ''),
    ]));
    if (s.judge) {
      rows.push(el('tr', { class: 'judge-row' }, el('td', { colspan: 6 }, [
        el('div', { class: 'fields' }, [field('judge', s.judge.adapter_id), field('choice', s.judge.choice),
          field('tokens', fmtInt(s.judge.usage.prompt_tokens) + ' in / ' + fmtInt(s.judge.usage.completion_tokens) + ' out')]),
        el('pre', { class: 'judge-text', text: s.judge.text }),
      ])));
    }
    if (s.metadata && Object.keys(s.metadata).length > 0) {
      rows.push(el('tr', { class: 'metadata-row' }, el('td', { colspan: 6 }, el('details', {}, [el('summary', { text: s.metric_id + ' metadata' }), el('pre', { class: 'json', text: pretty(s.metadata) })]))));
    }
  }
  return table('scores', ['metric', { label: 'score', num: true }, 'passed', 'prediction', 'reference', 'rationale'], rows);
}

function renderSampleDetail(sample) {
  return el('div', { class: 'sample-detail-body', 'data-key': sample.key }, [
    el('h3', {}, ['Sample ', el('code', { text: sample.id }), sample.trial !== undefined ? ' trial ' + sample.trial : '', ' ', badge(sample.status)]),
    renderErrors(sample.errors),
    el('div', { class: 'block' }, [el('h4', { text: 'Scores' }), renderScores(sample.scores)]),
  ].concat(sample.inferences.map((inf, i) => renderInference(inf, i, sample.inferences.length))));
}
