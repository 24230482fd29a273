// Editor-side figure: layout of a 2,000-node graph in headless Chromium (Debian's chromium through
// playwright-core, as the webview tests use it).
//  - "webview layout": the graph panel itself (dist/webview.js) given the model. It needs the
//    panel's bundle, and a way to know a layout finished: the panel posting a message whose type
//    contains "layout" with a numeric `ms` (its own measurement), e.g. {type: 'layoutDone', ms, nodes}.
//    Until both exist it reports "not measured".
//  - "cytoscape-dagre layout (library alone)": the layered layout the panel is built on
//    (cytoscape + cytoscape-dagre, rankDir TB), on the same model: a floor under the panel's figure.
//   node bench/editor/layout.mjs [--quick]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, quick, tmpDir, figure, missing, percentile, ms } from './lib/common.mjs';
import { graphBuilder } from './lib/graph.mjs';

const PANEL = join(ROOT, 'dist', 'webview.js');
const M_PANEL = 'webview layout';
const M_LIB = 'cytoscape-dagre layout (library alone)';

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}
const chromiumPath = process.env.REFSCOPE_CHROMIUM || which('chromium') || which('chromium-browser') || which('google-chrome');

const g = await graphBuilder();
if (g.missing || !chromiumPath) {
  const why = g.missing ?? 'no Chromium (apt-get install chromium, or set REFSCOPE_CHROMIUM)';
  missing(M_PANEL, existsSync(PANEL) ? why : `dist/webview.js (the graph panel's bundle) does not exist yet; ${why}`, '2,000 nodes, headless Chromium');
  missing(M_LIB, why, '2,000 nodes, headless Chromium');
  process.exit(0);
}
const { model } = g.sized();

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
try {
  // ---------------------------------------------------------------------------- the library alone
  const libJs = join(tmpDir, 'layout-lib.js');
  await esbuild.build({
    stdin: {
      resolveDir: ROOT,
      contents: `
        import cytoscape from 'cytoscape';
        import dagre from 'cytoscape-dagre';
        cytoscape.use(dagre);
        window.layoutOnce = (model) => new Promise((resolve) => {
          const el = document.getElementById('cy');
          const t0 = performance.now();
          const cy = cytoscape({
            container: el,
            elements: [
              ...model.nodes.map((n) => ({ data: { id: n.id, label: n.label } })),
              ...model.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.from, target: e.to, label: e.label } })),
            ],
            style: [{ selector: 'node', style: { label: 'data(label)', shape: 'round-rectangle', width: 'label', height: 'label', padding: 6, 'text-wrap': 'wrap' } }],
            layout: { name: 'preset' },
          });
          const t1 = performance.now();
          const layout = cy.layout({ name: 'dagre', rankDir: 'TB', animate: false });
          layout.one('layoutstop', () => requestAnimationFrame(() => requestAnimationFrame(() => {
            const ms = performance.now() - t0;
            const n = cy.nodes().length;
            cy.destroy();
            resolve({ ms, elementsMs: t1 - t0, nodes: n });
          })));
          layout.run();
        });`,
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    outfile: libJs,
    logLevel: 'error',
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const html = join(tmpDir, 'layout-lib.html');
  writeFileSync(html, `<!doctype html><html><body style="margin:0"><div id="cy" style="width:1400px;height:900px"></div><script src="layout-lib.js"></script></body></html>`);
  await page.goto(`file://${html}`);
  const times = [];
  const elements = [];
  for (let k = 0; k < (quick ? 1 : 3); k++) {
    const r = await page.evaluate((m) => window.layoutOnce(m), model);
    if (r.nodes !== model.nodes.length) throw new Error(`cytoscape drew ${r.nodes} nodes, the model has ${model.nodes.length}`);
    times.push(r.ms);
    elements.push(r.elementsMs);
  }
  figure(
    M_LIB,
    ms(percentile(times, 50)),
    'ms',
    `${model.nodes.length} nodes, ${model.edges.length} edges from buildGraph; creating the elements (${ms(percentile(elements, 50))} ms) + dagre (TB) + 2 frames; median of ${times.length}`,
    '(panel ≤ 500 ms)',
  );
  await page.close();

  // ---------------------------------------------------------------------------- the panel
  if (!existsSync(PANEL)) {
    missing(M_PANEL, "dist/webview.js (the graph panel's bundle) does not exist yet", '2,000 nodes, headless Chromium');
  } else {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const phtml = join(tmpDir, 'panel.html');
    writeFileSync(join(tmpDir, 'webview.js'), readFileSync(PANEL));
    // acquireVsCodeApi as VS Code gives it; what the panel posts is collected
    writeFileSync(
      phtml,
      `<!doctype html><html><head><script>
        window.__posted = [];
        window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });
      </script></head><body><div id="app"></div><div id="graph"></div><div id="cy"></div><script src="webview.js"></script></body></html>`,
    );
    await p.goto(`file://${phtml}`);
    const r = await p.evaluate(
      (m) =>
        new Promise((resolve) => {
          const t0 = performance.now();
          window.postMessage({ type: 'graph', model: m }, '*');
          const deadline = t0 + 60_000;
          const poll = () => {
            const done = window.__posted.find((x) => x && typeof x.type === 'string' && /layout/i.test(x.type) && typeof x.ms === 'number');
            if (done) resolve({ ms: done.ms, nodes: done.nodes ?? null });
            else if (performance.now() > deadline) resolve(null);
            else setTimeout(poll, 10);
          };
          poll();
        }),
      model,
    );
    if (!r) missing(M_PANEL, 'dist/webview.js did not post a {type: "…layout…", ms} message within 60 s of {type: "graph", model}', '2,000 nodes, headless Chromium');
    else figure(M_PANEL, ms(r.ms), 'ms', `${r.nodes ?? model.nodes.length} nodes, the panel's own measurement`, '≤ 500 ms');
    await p.close();
  }
} finally {
  await browser.close();
}
process.exit(0);
