// Starts the page: reads the embedded data, draws the overview, and opens the case (and
// sample) named in the address's #case=…&sample=…, so a link can point at one sample.

function openFromHash(data) {
  const params = new URLSearchParams(location.hash.slice(1));
  const index = Number(params.get('case'));
  if (params.has('case') && Number.isInteger(index)) openCasePanel(data, index, params.get('sample'));
}

function start() {
  const data = JSON.parse(document.getElementById('em-data').textContent);
  const openCase = (index, sampleKey) => {
    history.replaceState(null, '', '#case=' + index + (sampleKey ? '&sample=' + encodeURIComponent(sampleKey) : ''));
    openCasePanel(data, index, sampleKey);
  };
  const main = el('main', {}, [
    renderProblems(data),
    renderMatrix(data, openCase),
    renderComparison(data, openCase),
    el('section', { id: 'case-detail', hidden: '' }),
    renderCharts(data),
    renderCaseTable(data, openCase),
  ]);
  document.getElementById('app').replaceChildren(renderHeader(data), main);
  window.addEventListener('hashchange', () => openFromHash(data));
  openFromHash(data);
  document.body.setAttribute('data-ready', 'true');
}

start();
