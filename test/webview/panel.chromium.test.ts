// The graph panel in headless Chromium (Debian's chromium + playwright-core): the real page from
// buildPanelHtml() with its CSP, the bundled dist/webview.js, a fake acquireVsCodeApi, and recorded
// `setGraph` messages. Fixtures: the lesson's `a = [1, 2, 3]; b = [4, 5, 6]; a.append(b);
// b.append(a)` refs graph of `a` (`refscope graph fixtures/lesson.py --line 4 --name a --refs
// --format json`, 8 nodes as objgraph.show_refs draws on CPython 3.11) and a list holding the
// strings `<img src=x onerror=alert(1)>` and `</script><script>alert(2)</script>` (fixtures/xss.py);
// two instances of a class with __del__ in a cycle (fixtures/del.py, refs of `n`, 17 nodes).
//
// REFSCOPE_PANEL_SCREENSHOT=media/screenshots/graph-panel.png also writes the README's screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWebview, findChromium, serve, FAKE_VSCODE, setThemeScript, root, type Served } from './harness';
import type { SetGraphMessage } from '../../src/protocol/graph';
import { objgraphTree } from './bigGraph';

const fixtures = join(import.meta.dirname, 'fixtures');
const lesson = JSON.parse(readFileSync(join(fixtures, 'lesson-refs.message.json'), 'utf8')) as SetGraphMessage;
const del = JSON.parse(readFileSync(join(fixtures, 'del-refs.message.json'), 'utf8')) as SetGraphMessage;
const xss = JSON.parse(readFileSync(join(fixtures, 'xss-refs.message.json'), 'utf8')) as SetGraphMessage;
const shots = join(root, 'test-results', 'webview');

let browser: Browser;
let served: Served;

before(async () => {
  const executablePath = findChromium(); // throws "apt-get install chromium" when missing: the test fails, never skips
  await buildWebview();
  served = await serve();
  browser = await chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await served?.close();
});

interface Opened { page: Page; dialogs: string[]; errors: string[] }

/**
 * Waits until `expr` is true in the page, polling from here with page.evaluate (as CDP's
 * Runtime.evaluate, which the panel's CSP allows). page.waitForFunction evaluates its predicate
 * with eval inside the page when it has to poll, which the CSP (no 'unsafe-eval') refuses: it
 * passed only when the condition already held at its first check.
 */
async function waitFor(page: Page, expr: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(`!!(${expr})`)) return;
    if (Date.now() > end) throw new Error(`waitFor: timed out after ${timeout} ms: ${expr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function open(theme: 'dark' | 'light' = 'dark'): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(FAKE_VSCODE);
  await page.goto(served.url);
  await page.evaluate(setThemeScript(theme));
  await waitFor(page, '!!window.__refscopeGraph && !!customElements.get("vscode-button")');
  return { page, dialogs, errors };
}

async function postGraph(page: Page, msg: SetGraphMessage): Promise<void> {
  await page.evaluate((m) => (globalThis as any).postMessage(m, '*'), msg as unknown as Record<string, unknown>);
  await waitFor(page, `window.__refscopeGraph.nodeCount() === ${msg.model?.nodes.length ?? 0}`);
}

const hook = <T>(page: Page, expr: string) => page.evaluate(`window.__refscopeGraph.${expr}`) as Promise<T>;
const posted = (page: Page) => page.evaluate('window.__posted') as Promise<{ type: string; [k: string]: unknown }[]>;

/** no two node boxes overlap (the layout used the nodes' real sizes) */
async function assertNoOverlap(page: Page) {
  const boxes = await hook<{ id: string; x1: number; x2: number; y1: number; y2: number }[]>(page, 'boxes()');
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const overlap = a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1;
      assert.ok(!overlap, `nodes ${a.id} and ${b.id} overlap: ${JSON.stringify(a)} ${JSON.stringify(b)}`);
    }
  }
}

function assertPng(file: string) {
  const buf = readFileSync(file);
  assert.ok(statSync(file).size > 5000, `${file} is too small to show a graph (${statSync(file).size} bytes)`);
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
}

test('ready is the first message; the lesson graph renders 8 nodes with objgraph labels; screenshot', async () => {
  const { page, errors } = await open('dark');
  const before = await posted(page);
  assert.equal(before.length, 1, 'nothing but ready before the host answers');
  assert.equal(before[0].type, 'ready');
  await postGraph(page, lesson);
  assert.equal(await hook<number>(page, 'nodeCount()'), 8);
  assert.equal(await hook<number>(page, 'edgeCount()'), 8);
  // a small graph is laid out by dagre, with curved edges
  const timings = await hook<{ layout: string; nodes: number; layoutMs: number }>(page, 'timings()');
  assert.equal(timings.layout, 'dagre');
  assert.equal(timings.nodes, 8);
  assert.ok(timings.layoutMs > 0);
  assert.equal(await hook<string>(page, `style('e0', 'curve-style')`), 'bezier');
  await assertNoOverlap(page);
  const labels = (await hook<string[]>(page, 'labels()')).sort();
  assert.deepEqual(labels, ['int\n1', 'int\n2', 'int\n3', 'int\n4', 'int\n5', 'int\n6', 'list\n4 items', 'list\n4 items']);
  // the root's font is red, the cycle a <-> b is highlighted
  const rootId = lesson.model!.roots[0];
  assert.equal(await hook<string>(page, `style(${JSON.stringify(rootId)}, 'color')`), 'rgb(255,0,0)');
  assert.equal(await hook<string>(page, `style(${JSON.stringify(rootId)}, 'border-color')`), 'rgb(209,134,22)');
  assert.match(await page.locator('#counts').innerText(), /8/);
  // click a node: the details pane shows its count and holders
  const pos = await hook<{ x: number; y: number }>(page, `renderedPosition(${JSON.stringify(rootId)})`);
  const box = (await page.locator('#cy').boundingBox())!;
  await page.mouse.click(box.x + pos.x, box.y + pos.y);
  await page.locator('#details:not([hidden])').waitFor();
  const details = await page.locator('#details').innerText();
  assert.match(details, /global a/);
  assert.match(details, /item \[3\] of list b/);
  assert.match(details, /\b2\b/);
  // the relayout after the details pane opened keeps every node
  const file = join(shots, 'lesson-refs-dark.png');
  await page.screenshot({ path: file });
  assertPng(file);
  if (process.env.REFSCOPE_PANEL_SCREENSHOT) {
    const dest = resolve(root, process.env.REFSCOPE_PANEL_SCREENSHOT);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(file, dest);
  }
  assert.deepEqual(await page.evaluate('window.__csp'), [], 'no Content-Security-Policy violation');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a label with <img src=x onerror=alert(1)> stays text (graph and details pane)', async () => {
  const { page, dialogs, errors } = await open('dark');
  await postGraph(page, xss);
  const labels = await hook<string[]>(page, 'labels()');
  assert.ok(labels.includes("str\n'<img src=x onerror=alert(1)>'"), labels.join(' | '));
  for (const n of xss.model!.nodes) await hook(page, `select(${JSON.stringify(n.id)})`);
  const imgNode = xss.model!.nodes.find((n) => n.label.includes('<img'))!;
  await hook(page, `select(${JSON.stringify(imgNode.id)})`);
  const details = await page.locator('#details').innerText();
  assert.ok(details.includes('<img src=x onerror=alert(1)>'), details);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate('document.querySelectorAll("img").length'), 0, 'no <img> element was created');
  assert.equal(await page.evaluate('document.querySelectorAll("script").length'), 2, 'no script element was added');
  assert.deepEqual(dialogs, [], 'no alert fired');
  // the SVG export escapes it too
  const svg = await hook<string>(page, "exportData('svg')");
  assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!svg.includes('<img'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the theme switch (body class and VS Code variables) restyles the page and the graph', async () => {
  const { page } = await open('dark');
  await postGraph(page, lesson);
  const read = async () => ({
    body: await page.evaluate('getComputedStyle(document.body).backgroundColor') as string,
    edge: await hook<string>(page, 'edgeColor()'),
    kind: (await hook<{ kind: string }>(page, 'theme()')).kind,
  });
  const dark = await read();
  await page.evaluate(setThemeScript('light'));
  await waitFor(page, `window.__refscopeGraph.theme().kind === 'light'`);
  const light = await read();
  assert.equal(dark.kind, 'dark');
  assert.equal(dark.body, 'rgb(31, 31, 31)');
  assert.equal(light.body, 'rgb(255, 255, 255)');
  assert.notEqual(light.edge, dark.edge, 'edges restyled');
  assert.equal(light.edge, 'rgb(59,59,59)');
  const file = join(shots, 'lesson-refs-light.png');
  await page.screenshot({ path: file });
  assertPng(file);
  // high contrast: thicker lines and borders
  const edgeId = lesson.model!.edges.findIndex((e) => e.to === lesson.model!.nodes[2].id);
  const width = () => hook<string>(page, `style('e${edgeId}', 'width')`);
  assert.equal(await width(), '1.2px');
  await page.evaluate(`document.body.classList.replace('vscode-light', 'vscode-high-contrast')`);
  await waitFor(page, `window.__refscopeGraph.theme().kind === 'high-contrast'`);
  assert.equal(await width(), '2px');
  // back to dark
  await page.evaluate(setThemeScript('dark'));
  await waitFor(page, `window.__refscopeGraph.theme().kind === 'dark'`);
  assert.equal(await hook<string>(page, 'edgeColor()'), dark.edge);
  await page.close();
});

test('toolbar, timeline, exports and double-click post typed messages', async () => {
  const { page } = await open('dark');
  const truncatedId = lesson.model!.nodes[5].id;
  const msg: SetGraphMessage = { ...lesson, model: { ...lesson.model!, nodes: lesson.model!.nodes.map((n) => (n.id === truncatedId ? { ...n, truncated: true } : n)) } };
  await postGraph(page, msg);
  await page.locator('#hideShared').click();
  await page.locator('#pin').click();
  await page.locator('#exportDot').click();
  await page.locator('#exportPng').click();
  await page.locator('#exportSvg').click();
  await page.evaluate(`(() => { const r = document.getElementById('line'); r.value = '2'; r.dispatchEvent(new Event('input')); r.dispatchEvent(new Event('change')); })()`);
  const pos = await hook<{ x: number; y: number }>(page, `renderedPosition(${JSON.stringify(truncatedId)})`);
  const box = (await page.locator('#cy').boundingBox())!;
  await page.mouse.dblclick(box.x + pos.x, box.y + pos.y);
  await waitFor(page, `window.__posted.some((m) => m.type === 'expand')`, 5000);
  const msgs = await posted(page);
  const types = msgs.map((m) => m.type);
  assert.equal(types[0], 'ready');
  const opts = msgs.find((m) => m.type === 'options');
  assert.deepEqual(opts?.options, { ...lesson.options, hideShared: true });
  assert.deepEqual(msgs.find((m) => m.type === 'pin'), { type: 'pin', pinned: true });
  const exports = msgs.filter((m) => m.type === 'export');
  assert.deepEqual(exports.map((m) => m.format), ['dot', 'png', 'svg']);
  assert.equal(exports[0].data, lesson.dot);
  assert.match(String(exports[1].data), /^data:image\/png;base64,iVBORw0KGgo/);
  assert.ok(String(exports[1].data).length > 4000);
  assert.match(String(exports[2].data), /^<\?xml[^]*<svg [^]*list<\/tspan>[^]*4 items/);
  assert.equal((String(exports[2].data).match(/<rect x=/g) ?? []).length, 1 + 8 + 2, 'background, 8 nodes, 2 badges');
  assert.deepEqual(msgs.find((m) => m.type === 'timeline'), { type: 'timeline', line: 2 });
  assert.deepEqual(msgs.find((m) => m.type === 'expand'), { type: 'expand', nodeId: truncatedId });
  await page.close();
});

test('the state survives a reload: the page redraws its last graph before the host answers', async () => {
  const { page } = await open('dark');
  await postGraph(page, lesson);
  await page.reload();
  await page.evaluate(setThemeScript('dark'));
  await waitFor(page, '!!window.__refscopeGraph && window.__refscopeGraph.nodeCount() === 8');
  const msgs = await posted(page);
  assert.deepEqual(msgs.map((m) => m.type), ['ready']);
  assert.match(await page.locator('#title').innerText(), /a after line 4/);
  await page.close();
});

test('__del__ markers are double circles, truncated nodes dotted, edges keep their labels', async () => {
  const { page, errors } = await open('dark');
  await postGraph(page, del);
  assert.equal(await hook<number>(page, 'nodeCount()'), 17);
  await assertNoOverlap(page);
  const m = del.model!;
  const dels = m.nodes.filter((n) => n.kind === 'del');
  assert.equal(dels.length, 2);
  for (const n of dels) {
    assert.equal(await hook<string>(page, `style(${JSON.stringify(n.id)}, 'shape')`), 'ellipse');
    assert.equal(await hook<string>(page, `style(${JSON.stringify(n.id)}, 'border-style')`), 'double');
  }
  const truncated = m.nodes.filter((n) => n.truncated);
  assert.ok(truncated.length >= 1);
  for (const n of truncated) assert.equal(await hook<string>(page, `style(${JSON.stringify(n.id)}, 'border-style')`), 'dotted');
  const edgeLabels = await page.evaluate(`window.__refscopeGraph.edgeLabels()`) as string[];
  for (const l of ['name', 'next', '__init__', '__del__', '__dict__']) assert.ok(edgeLabels.includes(l), `edge label ${l}`);
  const file = join(shots, 'del-refs-dark.png');
  await page.screenshot({ path: file });
  assertPng(file);
  assert.deepEqual(await page.evaluate('window.__csp'), []);
  assert.deepEqual(errors, []);
  await page.close();
});

type Box = { id: string; x1: number; x2: number; y1: number; y2: number };

/** no two of many boxes overlap (sorted by left edge, each box against those starting before its right edge) */
function assertNoOverlapMany(boxes: Box[]): number {
  const sorted = [...boxes].sort((a, b) => a.x1 - b.x1);
  let compared = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x1 < a.x2 - 1; j++) {
      const b = sorted[j];
      compared++;
      if (a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1) assert.fail(`nodes ${a.id} and ${b.id} overlap: ${JSON.stringify(a)} ${JSON.stringify(b)}`);
    }
  }
  return compared;
}

test('a 2,000-node graph: the layered layout places every node, no overlaps, ranks by depth, edges down, all in view', async () => {
  const { page, errors } = await open('dark');
  const model = objgraphTree(753);
  assert.ok(model.nodes.length >= 2000);
  const msg: SetGraphMessage = { ...lesson, model, expr: 'root', dot: undefined };
  await postGraph(page, msg);
  const timings = await hook<{ layout: string; nodes: number; layoutMs: number }>(page, 'timings()');
  assert.equal(timings.layout, 'layered');
  assert.equal(timings.nodes, model.nodes.length);
  assert.ok(timings.layoutMs > 0);
  assert.equal(await hook<number>(page, 'edgeCount()'), model.edges.length);
  assert.match(await page.locator('#counts').innerText(), new RegExp(String(model.nodes.length)));
  // every node placed
  const pos = await hook<Record<string, { x: number; y: number }>>(page, 'positions()');
  for (const n of model.nodes) assert.ok(Number.isFinite(pos[n.id]?.x) && Number.isFinite(pos[n.id]?.y), `${n.id} has no position`);
  // no two node boxes overlap (the boxes cytoscape draws, borders and badges included)
  const boxes = await hook<Box[]>(page, 'boxes()');
  assert.equal(boxes.length, model.nodes.length);
  assert.ok(assertNoOverlapMany(boxes) > 0);
  const box = new Map(boxes.map((b) => [b.id, b]));
  // ranks by breadth-first depth: one y per depth, deeper is lower
  const depthY = new Map<number, number>();
  for (const n of model.nodes) {
    const y = depthY.get(n.depth);
    if (y === undefined) depthY.set(n.depth, pos[n.id].y); else assert.equal(pos[n.id].y, y, `${n.id} is not in the rank of depth ${n.depth}`);
  }
  const depths = [...depthY.keys()].sort((a, b) => a - b);
  for (let i = 1; i < depths.length; i++) assert.ok(depthY.get(depths[i])! > depthY.get(depths[i - 1])!, `depth ${depths[i]} is not below depth ${depths[i - 1]}`);
  // every edge to a deeper rank points down: its target's box starts below its source's box
  const depth = new Map(model.nodes.map((n) => [n.id, n.depth]));
  let down = 0;
  for (const e of model.edges) {
    if (depth.get(e.to)! <= depth.get(e.from)!) continue;
    down++;
    assert.ok(box.get(e.to)!.y1 > box.get(e.from)!.y2, `${e.from} -> ${e.to} does not point down`);
  }
  assert.ok(down > model.edges.length / 2);
  // large graphs: straight edges and the whole graph in view at first, below the usual minimum zoom
  assert.equal(await hook<string>(page, `style('e0', 'curve-style')`), 'straight');
  assert.ok((await hook<number>(page, 'zoom()')) < 0.05);
  const ext = await hook<{ x1: number; x2: number; y1: number; y2: number }>(page, 'extent()');
  for (const b of boxes) assert.ok(b.x1 >= ext.x1 && b.x2 <= ext.x2 && b.y1 >= ext.y1 && b.y2 <= ext.y2, `${b.id} is out of view`);
  // the PNG export of a graph this wide is scaled down to a canvas the browser can allocate
  const png = await hook<string>(page, "exportData('png')");
  assert.match(png, /^data:image\/png;base64,iVBORw0KGgo/);
  const head = Buffer.from(png.slice('data:image/png;base64,'.length, 'data:image/png;base64,'.length + 64), 'base64');
  const [pngW, pngH] = [head.readUInt32BE(16), head.readUInt32BE(20)];
  assert.ok(pngW <= 8192 && pngH <= 8192 && pngW >= 4000, `PNG ${pngW}×${pngH}`);
  // the details pane still works on a large graph
  await hook(page, `select('n5')`);
  assert.match(await page.locator('#details').innerText(), /Node/);
  // a theme switch keeps the large graph's stylesheet
  await page.evaluate(setThemeScript('light'));
  await waitFor(page, `window.__refscopeGraph.theme().kind === 'light'`);
  assert.equal(await hook<string>(page, `style('e0', 'curve-style')`), 'straight');
  const file = join(shots, 'large-tree-light.png');
  await page.screenshot({ path: file });
  assertPng(file);
  // the next small graph is dagre's again, with curved edges and the usual zoom range
  await postGraph(page, lesson);
  assert.equal((await hook<{ layout: string }>(page, 'timings()')).layout, 'dagre');
  assert.equal(await hook<string>(page, `style('e0', 'curve-style')`), 'bezier');
  assert.ok((await hook<number>(page, 'zoom()')) >= 0.05);
  await assertNoOverlap(page);
  assert.deepEqual(await page.evaluate('window.__csp'), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the layered layout on the small graphs: forced by the debug hook, it keeps every node apart and edges down', async () => {
  const { page, errors } = await open('dark');
  await hook(page, `useLayout('layered')`);
  for (const msg of [lesson, del]) {
    await postGraph(page, msg);
    assert.equal((await hook<{ layout: string }>(page, 'timings()')).layout, 'layered');
    await assertNoOverlap(page);
    const boxes = new Map((await hook<Box[]>(page, 'boxes()')).map((b) => [b.id, b]));
    const depth = new Map(msg.model!.nodes.map((n) => [n.id, n.depth]));
    for (const e of msg.model!.edges) {
      if (depth.get(e.to)! === depth.get(e.from)! + 1 && msg.model!.nodes.find((n) => n.id === e.to)!.kind === 'object') {
        assert.ok(boxes.get(e.to)!.y1 > boxes.get(e.from)!.y2, `${e.from} -> ${e.to} does not point down`);
      }
    }
  }
  // the a <-> b pair of the lesson keeps two curves in the large graphs' stylesheet
  await postGraph(page, lesson);
  const pair = lesson.model!.edges.findIndex((e) => lesson.model!.edges.some((f) => f.from === e.to && f.to === e.from));
  assert.ok(pair >= 0);
  assert.equal(await hook<string>(page, `style('e${pair}', 'curve-style')`), 'bezier');
  assert.deepEqual(errors, []);
  await page.close();
});
