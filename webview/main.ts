// The reference-graph panel's script (bundled to dist/webview.js). It draws the GraphModel the host
// sends with cytoscape in top-down layers like Graphviz's dot: dagre lays out graphs up to
// DAGRE_MAX_NODES nodes, the layered layout of layout.ts the larger ones. It shows a node's details
// and sends the toolbar's requests back. Data never becomes markup: the graph is canvas text and
// the details pane is built with textContent.

import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeCheckbox, vsCodeDropdown, vsCodeOption } from '@vscode/webview-ui-toolkit';
import type { GraphNode } from '../src/core/inspect/graph-types';
import type { HostToWebview, PanelOptions, PanelState, SetGraphMessage, WebviewToHost, ExportFormat } from '../src/protocol/graph';
import { toElements, badgeUrl } from './elements';
import { layeredLayout } from './layout';
import { graphStyle, type Theme } from './style';
import { readTheme } from './theme';
import { toSvg, type SvgNode, type SvgEdge } from './svg';
import { format, type PanelString } from './strings';

interface VsCodeApi { postMessage(m: unknown): void; getState(): unknown; setState(s: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewToHost) => vscode.postMessage(m);

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeDropdown(), vsCodeOption());
cytoscape.use(dagre);

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const strings: Record<string, string> = (() => {
  try { return JSON.parse($('refscope-l10n')?.textContent ?? '{}'); } catch { return {}; }
})();
const t = (k: PanelString, ...args: (string | number)[]) => format(strings[k] ?? k, ...args);

type Ctl = HTMLElement & { value: string; checked: boolean; disabled: boolean };
const ctl = {
  direction: $<Ctl>('direction'), maxDepth: $<Ctl>('maxDepth'), tooMany: $<Ctl>('tooMany'),
  hideShared: $<Ctl>('hideShared'), showFrames: $<Ctl>('showFrames'), pin: $<Ctl>('pin'),
  exportPng: $<Ctl>('exportPng'), exportSvg: $<Ctl>('exportSvg'), exportDot: $<Ctl>('exportDot'),
  line: $<HTMLInputElement>('line'), lineLabel: $('lineLabel'), title: $('title'), message: $('message'),
  details: $('details'), detailsTitle: $('detailsTitle'), detailsList: $('detailsList'),
  detailsClose: $<Ctl>('detailsClose'), revealAlloc: $<Ctl>('revealAlloc'), counts: $('counts'), main: $('main'),
};

let theme: Theme = readTheme(document.body);
let current: SetGraphMessage | null = null;
let nodesById = new Map<string, GraphNode>();
let selected: string | null = null;
/** fit the graph to the panel on resize, until the user zooms or pans */
let autoFit = true;
type LayoutName = 'dagre' | 'layered';
/** dagre (Graphviz dot's look: network-simplex ranks, its crossing minimisation and x placement)
 *  for graphs up to this many nodes; above it the layered layout of layout.ts, which places 2,000
 *  nodes in milliseconds. dagre's cost grows much faster than the size: on objgraph's trees with a
 *  shared class node (one long edge per instance) it takes ~0.3 s at 135 nodes, ~1 s at 215 and
 *  ~9 s at 2,000 in headless Chromium. objgraph's default graphs (max depth 3, too many 10) stay
 *  far below this. */
const DAGRE_MAX_NODES = 150;
/** tests and debugging force one layout; 'auto' picks by size */
let layoutChoice: LayoutName | 'auto' = 'auto';
/** how long the last draw took and which layout ran (the benchmarks read it through the debug hook) */
let lastTimings = { elementsMs: 0, addMs: 0, layoutMs: 0, layout: 'dagre' as LayoutName, nodes: 0 };
/** the layout that placed the graph shown */
let shownLayout: LayoutName = 'dagre';

const MIN_ZOOM = 0.05;
const cy = cytoscape({
  container: $('cy'),
  elements: [],
  style: graphStyle(theme) as unknown as cytoscape.StylesheetJson,
  minZoom: MIN_ZOOM,
  maxZoom: 4,
  wheelSensitivity: 0.3,
  boxSelectionEnabled: false,
  autoungrabify: false,
});

// --- drawing ---------------------------------------------------------------------------------

function badgeData(badge: string) {
  return { badgeUrl: badgeUrl(badge, theme.badgeBackground, theme.badgeForeground), badgeW: Math.max(16, badge.length * 7 + 8) };
}

function draw(m: SetGraphMessage) {
  current = m;
  vscode.setState({ last: m } satisfies PanelState);
  syncControls(m);
  const model = m.model;
  nodesById = new Map((model?.nodes ?? []).map((n) => [n.id, n]));
  cy.elements().remove();
  if (model) {
    const t0 = performance.now();
    const els = toElements(model);
    const t1 = performance.now();
    const layout: LayoutName = layoutChoice !== 'auto' ? layoutChoice : els.nodes.length > DAGRE_MAX_NODES ? 'layered' : 'dagre';
    // the layered layout runs before the elements exist: they are added at their places (no
    // second pass over the nodes, no position events); its sizes are the ones the style draws
    // (data(w), data(h)), so nothing is measured
    const placed = layout === 'layered' ? layeredLayout({
      nodes: els.nodes.map((n) => ({ id: n.data.id, w: n.data.w, h: n.data.h })),
      edges: els.edges.map((e) => e.data),
      roots: model.roots,
      direction: model.direction,
      nodeSep: 24,
      rankSep: 56,
    }) : null;
    const t2 = performance.now();
    // the stylesheet of the graph's size (no elements yet: switching costs nothing)
    if ((layout === 'layered') !== (shownLayout === 'layered')) cy.style(graphStyle(theme, layout === 'layered') as unknown as cytoscape.StylesheetJson);
    shownLayout = layout;
    cy.batch(() => {
      cy.add([
        ...els.nodes.map((n, i) => ({
          group: 'nodes' as const,
          data: n.data.badge ? { ...n.data, ...badgeData(n.data.badge) } : n.data,
          classes: n.classes,
          ...(placed ? { position: { x: placed.x[i], y: placed.y[i] } } : {}),
        })),
        ...els.edges.map((e) => ({ group: 'edges' as const, data: e.data, classes: e.classes })),
      ]);
    });
    const t3 = performance.now();
    if (layout === 'dagre') {
      // outside the batch: dagre reads each node's size from its computed style
      cy.layout({ name: 'dagre', rankDir: 'TB', nodeSep: 24, rankSep: 56, edgeSep: 10, animate: false, fit: false } as cytoscape.LayoutOptions).run();
    }
    autoFit = true;
    fitGraph();
    const t4 = performance.now();
    // the layout's time: computing the places (layered) or running dagre on the added nodes, and
    // fitting the view; adding the elements is addMs
    lastTimings = { elementsMs: t1 - t0, addMs: t3 - t2, layoutMs: (t2 - t1) + (t4 - t3), layout, nodes: els.nodes.length };
    ctl.counts.textContent = t('{0} nodes, {1} edges', cy.nodes().length, cy.edges().length);
  } else {
    ctl.counts.textContent = '';
  }
  const title = m.expr ? t('{0} after line {1}', m.expr, m.line) + (m.fileName ? ` — ${m.fileName}` : '') : '';
  ctl.title.textContent = title;
  const note = m.message ?? (m.ran === false ? t('{0}: line {1} did not run; the graph shows where the program stopped', m.expr, m.line) : '');
  ctl.message.textContent = note || (model ? '' : t('Nothing to show yet: put the cursor on a variable in a Python file and run the “Show back-references” or “Show references” command.'));
  ctl.message.hidden = !ctl.message.textContent;
  if (selected && nodesById.has(selected)) showDetails(selected); else hideDetails();
  ctl.main.classList.remove('busy');
}

/** fit the graph in the view, but never larger than 1.6× (a small graph stays readable, not huge) */
function fitGraph() {
  if (shownLayout === 'layered' && cy.nodes().length) {
    // a large graph: the box of the nodes from their places and sizes (data(w), data(h)) instead of
    // cytoscape's bounding box, which first computes every element's style and label; a little
    // margin covers borders and the refcount badges' bounds-expansion
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    cy.nodes().forEach((n) => {
      const p = n.position(), w = Number(n.data('w')) / 2 + 6, h = Number(n.data('h')) / 2 + 6;
      if (p.x - w < x1) x1 = p.x - w;
      if (p.x + w > x2) x2 = p.x + w;
      if (p.y - h < y1) y1 = p.y - h;
      if (p.y + h > y2) y2 = p.y + h;
    });
    // the whole graph fits at first, however wide (cytoscape's fit stops at minZoom)
    const fitZoom = Math.min((cy.width() - 48) / (x2 - x1), (cy.height() - 48) / (y2 - y1));
    cy.minZoom(Math.min(MIN_ZOOM, fitZoom > 0 && Number.isFinite(fitZoom) ? fitZoom : MIN_ZOOM));
    cy.fit({ x1, y1, x2, y2 } as unknown as cytoscape.CollectionArgument, 24);
  } else {
    cy.minZoom(MIN_ZOOM);
    cy.fit(undefined, 24);
  }
  if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }
}

function syncControls(m: SetGraphMessage) {
  const o = m.options;
  ctl.direction.value = o.direction;
  ctl.maxDepth.value = String(o.maxDepth);
  ctl.tooMany.value = String(o.tooMany);
  ctl.hideShared.checked = o.hideShared;
  ctl.showFrames.checked = o.showFrames;
  ctl.pin.checked = m.pinned;
  ctl.exportDot.disabled = !m.dot;
  const hasLines = m.maxLine >= m.minLine && m.minLine >= 1;
  ctl.line.min = String(hasLines ? m.minLine : 1);
  ctl.line.max = String(hasLines ? m.maxLine : 1);
  ctl.line.value = String(m.line);
  ctl.line.disabled = !hasLines || !m.model && !m.expr;
  ctl.lineLabel.textContent = t('Line {0}', m.line);
}

function readOptions(): PanelOptions | null {
  if (!current) return null;
  const num = (c: Ctl, d: number) => { const v = Number.parseInt(c.value, 10); return Number.isInteger(v) && v > 0 ? v : d; };
  return {
    direction: ctl.direction.value === 'refs' ? 'refs' : 'backrefs',
    maxDepth: num(ctl.maxDepth, current.options.maxDepth),
    tooMany: num(ctl.tooMany, current.options.tooMany),
    hideShared: !!ctl.hideShared.checked,
    showFrames: !!ctl.showFrames.checked,
  };
}

function optionsChanged() {
  const o = readOptions();
  if (!current || !o) return;
  const c = current.options;
  if (o.direction === c.direction && o.maxDepth === c.maxDepth && o.tooMany === c.tooMany && o.hideShared === c.hideShared && o.showFrames === c.showFrames) return;
  current = { ...current, options: o };
  ctl.main.classList.add('busy');
  post({ type: 'options', options: o });
}

// --- details ---------------------------------------------------------------------------------

function row(term: string, value: string | Node) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
  ctl.detailsList.append(dt, dd);
}

function showDetails(id: string) {
  const n = nodesById.get(id);
  if (!n) return hideDetails();
  selected = id;
  cy.nodes().unselect();
  cy.getElementById(id).select();
  ctl.detailsTitle.textContent = n.kind === 'more' ? n.label : n.typeName;
  ctl.detailsList.replaceChildren();
  if (n.kind === 'more') {
    row(t('Value'), t('{0} more references were not drawn', n.more ?? 0));
  } else {
    row(t('Type'), n.typeName);
    const pre = document.createElement('pre');
    pre.textContent = n.repr;
    row(t('Value'), pre);
    row(t('Reference count'), String(n.refcount));
    if (n.holders?.length) {
      const ul = document.createElement('ul');
      for (const h of n.holders) {
        const li = document.createElement('li');
        li.textContent = h.count === 1 ? h.name : t('{0} × {1}', h.name, h.count);
        ul.appendChild(li);
      }
      row(t('Held by'), ul);
    }
    if (n.gcGeneration !== undefined) row(t('GC generation'), n.gcGeneration === null ? t('untracked') : String(n.gcGeneration));
    if (n.size !== undefined) row(t('Size'), t('{0} bytes', n.size));
    row(t('Allocated at'), typeof n.allocLine === 'number' ? t('line {0}', n.allocLine) : t('unknown'));
    const flags: string[] = [];
    if (n.scc !== undefined && n.scc !== null) flags.push(t('In a reference cycle'));
    if (n.unreachable) flags.push(t('Unreachable: freed by the next gc.collect()'));
    if (n.shared) flags.push(t('Shared interpreter object: its count is not meaningful'));
    if (n.truncated) flags.push(t('Not expanded (max depth): double-click to expand'));
    for (const f of flags) {
      const p = document.createElement('p');
      p.className = 'flag';
      p.textContent = f;
      ctl.detailsList.appendChild(p);
    }
  }
  ctl.revealAlloc.disabled = typeof n.allocLine !== 'number';
  ctl.details.hidden = false;
}

function hideDetails() {
  selected = null;
  ctl.details.hidden = true;
  ctl.detailsList.replaceChildren();
  cy.nodes().unselect();
}

function activate(id: string) {
  const n = nodesById.get(id);
  if (!n || !current) return;
  if (n.truncated) {
    ctl.main.classList.add('busy');
    post({ type: 'expand', nodeId: id });
  } else if (n.kind === 'more') {
    // "N more references": draw more of them (the next too-many step)
    const steps = [5, 10, 20, 50, 100];
    const next = steps.find((s) => s > current!.options.tooMany);
    if (next) { ctl.tooMany.value = String(next); optionsChanged(); }
  }
}

cy.on('tap', 'node', (e) => showDetails(e.target.id()));
cy.on('tap', (e) => { if (e.target === cy) hideDetails(); });
cy.on('dbltap', 'node', (e) => activate(e.target.id()));

// --- toolbar ---------------------------------------------------------------------------------

for (const c of [ctl.direction, ctl.maxDepth, ctl.tooMany, ctl.hideShared, ctl.showFrames]) c.addEventListener('change', optionsChanged);
ctl.pin.addEventListener('change', () => {
  if (!current || current.pinned === !!ctl.pin.checked) return;
  current = { ...current, pinned: !!ctl.pin.checked };
  vscode.setState({ last: current } satisfies PanelState);
  post({ type: 'pin', pinned: current.pinned });
});
ctl.line.addEventListener('input', () => { ctl.lineLabel.textContent = t('Line {0}', ctl.line.value); });
ctl.line.addEventListener('change', () => {
  const line = Number.parseInt(ctl.line.value, 10);
  if (!current || !Number.isInteger(line) || line === current.line) return;
  ctl.main.classList.add('busy');
  post({ type: 'timeline', line });
});
ctl.detailsClose.addEventListener('click', hideDetails);
ctl.revealAlloc.addEventListener('click', () => {
  const n = selected ? nodesById.get(selected) : undefined;
  if (n && typeof n.allocLine === 'number') post({ type: 'revealLine', line: n.allocLine });
});

function exportData(format: ExportFormat): string | null {
  if (format === 'dot') return current?.dot ?? null;
  if (!cy.nodes().length) return null;
  if (format === 'png') {
    // twice the graph's size, but at most 8192 px a side: a large graph is scaled down instead of
    // asking for a canvas the browser cannot allocate (which exports an empty "data:,").
    // cytoscape's png() multiplies `scale` by the device pixel ratio.
    const bb = cy.elements().boundingBox();
    const px = window.devicePixelRatio || 1;
    const scale = Math.min(2, 8192 / Math.max(1, bb.w * px), 8192 / Math.max(1, bb.h * px));
    return cy.png({ full: true, scale, bg: theme.background, output: 'base64uri' }) as unknown as string;
  }
  const nodes: SvgNode[] = cy.nodes().map((n) => {
    const p = n.position();
    return {
      x: p.x, y: p.y, w: n.width(), h: n.height(), label: String(n.data('label') ?? ''),
      fill: String(n.data('fill')), font: String(n.style('color')),
      shape: n.data('kind') === 'del' ? 'doublecircle' : 'box',
      border: String(n.style('border-color')),
      borderStyle: (['dashed', 'dotted'].includes(n.style('border-style')) ? n.style('border-style') : 'solid') as SvgNode['borderStyle'],
      borderWidth: Number.parseFloat(n.style('border-width')) || 1,
      badge: n.data('badge') || undefined,
    };
  });
  const edges: SvgEdge[] = cy.edges().map((e) => {
    const s = e.sourceEndpoint(), d = e.targetEndpoint();
    return { x1: s.x, y1: s.y, x2: d.x, y2: d.y, label: String(e.data('label') ?? ''), color: String(e.style('line-color')), dotted: e.hasClass('dotted') };
  });
  return toSvg({ nodes, edges, background: theme.background, text: theme.foreground, fontFamily: theme.fontFamily });
}

for (const [btn, format] of [[ctl.exportPng, 'png'], [ctl.exportSvg, 'svg'], [ctl.exportDot, 'dot']] as const) {
  btn.addEventListener('click', () => {
    const data = exportData(format);
    if (data) post({ type: 'export', format, data });
  });
}

// --- theme -----------------------------------------------------------------------------------

function applyTheme() {
  theme = readTheme(document.body);
  cy.style(graphStyle(theme, shownLayout === 'layered') as unknown as cytoscape.StylesheetJson);
  cy.nodes('.badged').forEach((n) => { n.data(badgeData(n.data('badge'))); });
}
new MutationObserver(applyTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// --- messages --------------------------------------------------------------------------------

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as HostToWebview;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'setGraph') draw(m);
  else if (m.type === 'busy') ctl.main.classList.toggle('busy', m.busy);
});
// Keep the graph fitted when the panel or the details pane changes size, until the user zooms or pans.
cy.on('scrollzoom pinchzoom dragpan', () => { autoFit = false; });
new ResizeObserver(() => { cy.resize(); if (autoFit && cy.nodes().length) fitGraph(); }).observe($('cy'));

// A read-only view for tests and for debugging from the webview's developer tools.
(window as unknown as { __refscopeGraph: unknown }).__refscopeGraph = {
  nodeCount: () => cy.nodes().length,
  edgeCount: () => cy.edges().length,
  labels: () => cy.nodes().map((n) => String(n.data('label'))),
  edgeLabels: () => cy.edges().map((e) => String(e.data('label'))),
  boxes: () => cy.nodes().map((n) => ({ id: n.id(), ...n.boundingBox({ includeLabels: false, includeOverlays: false }) })),
  ids: () => cy.nodes().map((n) => n.id()),
  style: (id: string, prop: string) => String(cy.getElementById(id).style(prop)),
  edgeColor: () => { const e = cy.edges().filter((x) => !x.hasClass('cycle') && !x.hasClass('dotted')); return e.length ? String(e[0].style('line-color')) : null; },
  theme: () => ({ ...theme }),
  select: (id: string) => showDetails(id),
  activate: (id: string) => activate(id),
  renderedPosition: (id: string) => cy.getElementById(id).renderedPosition(),
  zoomTo: (id: string, zoom: number) => { autoFit = false; cy.zoom(zoom); cy.center(cy.getElementById(id)); },
  zoom: () => cy.zoom(),
  /** the part of the graph the view shows, in graph coordinates */
  extent: () => cy.extent(),
  exportData: (f: ExportFormat) => exportData(f),
  timings: () => ({ ...lastTimings }),
  /** force a layout for the next draws ('auto': dagre up to DAGRE_MAX_NODES nodes, else layered) */
  useLayout: (name: LayoutName | 'auto') => { layoutChoice = name; },
  positions: () => Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }])),
  dagreMaxNodes: DAGRE_MAX_NODES,
};

// The handshake: `ready` is the first message (the host sends the graph in reply). A reloaded
// panel (hidden and shown again, or restored after a window reload) redraws its last graph at once.
post({ type: 'ready' });
const saved = vscode.getState() as PanelState | undefined;
if (saved?.last) draw(saved.last);
else ctl.message.textContent = t('Nothing to show yet: put the cursor on a variable in a Python file and run the “Show back-references” or “Show references” command.');
