// Editor-side figure: the graph panel (dist/webview.js, cytoscape) laying out a ~2,000-node graph in
// headless Chromium (Debian's chromium through playwright-core, as test/webview does): the page
// buildPanelHtml() makes, with its CSP, served over 127.0.0.1 with a stand-in acquireVsCodeApi;
// after the panel's `ready` it gets a `setGraph` message with buildGraph's model. The figure is the
// panel's own timing of its layout (window.__refscopeGraph.timings().layoutMs: computing the places
// and fitting the view; at this size the layered layout of webview/layout.ts, dagre for small
// graphs); the detail names the layout that ran and adds the time from the message to two frames
// later (elements, layout, styles and the first paint).
//   node bench/editor/layout.mjs [--quick]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { ROOT, DIST, quick, importBundle, figure, missing, percentile, ms } from './lib/common.mjs';
import { graphBuilder } from './lib/graph.mjs';

const METRIC = 'webview layout';
const DETAIL = '2,000 nodes, headless Chromium';
const PANEL = join(DIST, 'webview.js');
const HTML_TS = join(ROOT, 'webview', 'html.ts');

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}
const chromiumPath = process.env.REFSCOPE_CHROMIUM || which('chromium') || which('chromium-browser') || which('google-chrome');

const g = await graphBuilder();
const why = g.missing ?? (!existsSync(PANEL) ? "dist/webview.js (the graph panel's bundle) does not exist yet" : !existsSync(HTML_TS) ? 'webview/html.ts (buildPanelHtml) does not exist yet' : !chromiumPath ? 'no Chromium (apt-get install chromium, or set REFSCOPE_CHROMIUM)' : null);
if (why) {
  missing(METRIC, why, DETAIL);
  process.exit(0);
}
const { model } = g.sized();
const { buildPanelHtml } = await importBundle('panel-html', "export { buildPanelHtml } from './webview/html';");

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf', '.map': 'application/json' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const origin = `http://${req.headers.host}`;
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(buildPanelHtml({ cspSource: origin, nonce: randomBytes(16).toString('base64'), scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/media/graph.css` }));
    return;
  }
  const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const file = rel.startsWith('dist/') ? join(DIST, rel.slice(5)) : join(ROOT, rel);
  if (!/^(dist|media)\//.test(rel) || rel.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const port = server.address().port;

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
try {
  const layout = [];
  const total = [];
  const used = new Set();
  for (let k = 0; k < (quick ? 1 : 3); k++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(`
      window.__posted = [];
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: (s) => s });`);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.__posted.some((m) => m && m.type === 'ready') && window.__refscopeGraph, null, { timeout: 60_000 });
    const message = {
      type: 'setGraph',
      model,
      uri: 'file:///bench/tree.py',
      fileName: 'tree.py',
      line: 10,
      expr: 'root',
      minLine: 1,
      maxLine: 10,
      options: { direction: 'refs', maxDepth: g.opts.maxDepth, tooMany: g.opts.tooMany, hideShared: true, showFrames: false },
      pinned: false,
    };
    const r = await page.evaluate(
      (m) =>
        new Promise((resolve) => {
          const t0 = performance.now();
          window.postMessage(m, '*');
          // the panel draws in its message handler; two frames later the first paint is done
          setTimeout(() =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve({ total: performance.now() - t0, nodes: window.__refscopeGraph.nodeCount(), timings: window.__refscopeGraph.timings() })),
            ),
          );
        }),
      message,
    );
    await page.close();
    if (r.nodes !== model.nodes.length) throw new Error(`the panel drew ${r.nodes} nodes, the model has ${model.nodes.length}`);
    if (!(r.timings?.layoutMs > 0)) throw new Error(`the panel reported no layout time: ${JSON.stringify(r.timings)}`);
    used.add(r.timings.layout ?? 'dagre');
    layout.push(r.timings.layoutMs);
    total.push(r.total);
  }
  figure(
    METRIC,
    ms(percentile(layout, 50)),
    'ms',
    `${model.nodes.length} nodes, ${model.edges.length} edges from buildGraph, headless Chromium; ${[...used].join(' and ')} layout as the panel times it (places and fit); message → drawn (elements, layout, styles, 2 frames) ${ms(percentile(total, 50))} ms; median of ${layout.length}`,
    '≤ 500 ms',
  );
} finally {
  await browser.close();
  server.close();
}
process.exit(0);
