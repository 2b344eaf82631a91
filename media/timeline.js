// Timeline webview script: shows the SVG chart the extension renders (hover details are the SVG's <title>s).
// The SVG is produced by src/timeline from runtime events, with every text escaped there.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const chart = document.getElementById('chart');
  const summary = document.getElementById('summary');
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type !== 'chart') return;
    const doc = new DOMParser().parseFromString(m.svg, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.nodeName !== 'svg') return;
    chart.replaceChildren(document.importNode(svg, true));
    summary.textContent = m.summary;
  });
  // A click on a row opens the object's source (the extension's Go to Object).
  chart.addEventListener('click', (ev) => {
    const row = ev.target instanceof Element ? ev.target.closest('g.row[data-object]') : null;
    if (row) vscode.postMessage({ type: 'openObject', object: row.getAttribute('data-object') });
  });
  const width = () => chart.clientWidth || document.body.clientWidth;
  let resizeTimer;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(() => vscode.postMessage({ type: 'resize', width: width() }), 150); });
  vscode.postMessage({ type: 'ready', width: width() });
})();
