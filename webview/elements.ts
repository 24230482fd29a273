// Pure helpers of the graph panel: objgraph's colours to CSS and a GraphModel to cytoscape element
// definitions. No DOM and no cytoscape import, so node's test runner checks them directly.

import type { GraphModel, GraphNode } from '../src/core/inspect/graph-types';

/** Graphviz's HSV colour ("h,s,v", each 0..1, as objgraph writes fillcolor; also "0,.5,1") to
 *  "#rrggbb". Anything else that is a plain colour name or #hex is passed through; the rest (bad
 *  input from a model) becomes `fallback`. */
export function hsvToCss(color: string | undefined | null, fallback = '#ffffff'): string {
  if (typeof color !== 'string') return fallback;
  const c = color.trim();
  const parts = c.split(/\s*[, ]\s*/);
  if (parts.length === 3 && parts.every((p) => /^(\d+\.?\d*|\.\d+)$/.test(p))) {
    const [h, s, v] = parts.map((p) => Math.min(1, Math.max(0, Number(p))));
    // the standard HSV -> RGB sectors (as Python's colorsys.hsv_to_rgb), rounded to the nearest byte
    const hh = (h >= 1 ? 0 : h) * 6;
    const i = Math.floor(hh);
    const f = hh - i;
    const p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
    const [r, g, b] = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][i % 6];
    const hex = (x: number) => Math.round(x * 255).toString(16).padStart(2, '0');
    return `#${hex(r)}${hex(g)}${hex(b)}`;
  }
  if (/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(c) || /^[a-zA-Z]{3,20}$/.test(c)) return c.toLowerCase();
  return fallback;
}

/** Approximate label box of a node: the panel draws labels in a monospace font of FONT_PX. */
export const FONT_PX = 12;
const CHAR_W = 7.3;
const LINE_H = 15;
/** room on the right of a node for its refcount badge */
export const BADGE_W = 24;

export interface NodeData {
  id: string;
  label: string;
  kind: GraphNode['kind'];
  fill: string;
  /** '' when the theme's default text colour applies */
  font: string;
  w: number;
  h: number;
  depth: number;
  refcount: number;
  /** refcount badge text ('' for none: markers and shared interpreter objects) */
  badge: string;
  scc: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  weight: number;
}

export interface ElementDef<D> {
  group: 'nodes' | 'edges';
  data: D;
  classes: string;
}

export interface Elements {
  nodes: ElementDef<NodeData>[];
  edges: ElementDef<EdgeData>[];
}

export function labelSize(label: string, badge: boolean): { w: number; h: number } {
  const lines = label.split('\n');
  const longest = Math.max(...lines.map((l) => [...l].length));
  return {
    w: Math.round(Math.min(420, Math.max(36, longest * CHAR_W + 16)) + (badge ? BADGE_W : 0)),
    h: Math.round(lines.length * LINE_H + 12),
  };
}

/** objgraph's font colour names to CSS ('' = the default: dark text on objgraph's light fills) */
function fontCss(node: GraphNode): string {
  if (node.fontColor) return hsvToCss(node.fontColor, '');
  return '';
}

/** The cytoscape elements for a model. Classes: root, more, del, cycle (in a strongly connected
 *  component), unreachable, truncated, shared; edges: cycle (both ends in the same component),
 *  dotted (objgraph's marker edges), multi (another edge joins the same two nodes). Edges whose ends are not drawn are left out. */
export function toElements(model: GraphModel): Elements {
  const nodes: ElementDef<NodeData>[] = [];
  const byId = new Map<string, GraphNode>();
  for (const n of model.nodes) {
    if (byId.has(n.id)) continue;
    byId.set(n.id, n);
    const isObject = n.kind === 'object';
    const badge = isObject && !n.shared && Number.isFinite(n.refcount) ? String(n.refcount) : '';
    const size = n.kind === 'del' ? { w: 44, h: 44 } : labelSize(n.label, badge !== '');
    const classes: string[] = [n.kind];
    if (n.isRoot) classes.push('root');
    if (n.scc !== undefined && n.scc !== null) classes.push('cycle');
    if (n.unreachable) classes.push('unreachable');
    if (n.truncated) classes.push('truncated');
    if (n.shared) classes.push('shared');
    if (badge) classes.push('badged');
    nodes.push({
      group: 'nodes',
      data: {
        id: n.id, label: n.label, kind: n.kind,
        fill: hsvToCss(n.color, n.kind === 'more' ? '#ff0000' : '#ffffff'),
        font: fontCss(n), w: size.w, h: size.h, depth: n.depth, refcount: n.refcount, badge,
        scc: n.scc ?? -1,
      },
      classes: classes.join(' '),
    });
  }
  const edges: ElementDef<EdgeData>[] = [];
  // pairs of nodes joined by more than one edge (either way): only those need curved edges
  const pairs = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const e of model.edges) { const k = pairKey(e.from, e.to); pairs.set(k, (pairs.get(k) ?? 0) + 1); }
  model.edges.forEach((e, i) => {
    const a = byId.get(e.from), b = byId.get(e.to);
    if (!a || !b) return;
    const classes: string[] = [];
    if (a.scc !== undefined && a.scc !== null && a.scc === b.scc) classes.push('cycle');
    if (e.style === 'dotted') classes.push('dotted');
    if (e.from !== e.to && pairs.get(pairKey(e.from, e.to))! > 1) classes.push('multi');
    edges.push({
      group: 'edges',
      data: { id: `e${i}`, source: e.from, target: e.to, label: e.label ?? '', weight: e.weight ?? 1 },
      classes: classes.join(' '),
    });
  });
  return { nodes, edges };
}

/** The refcount badge drawn on a node's top-right corner, as an SVG data: URL (img-src data: is
 *  allowed by the panel's CSP). `text` is digits only when it comes from toElements. */
export function badgeUrl(text: string, bg: string, fg: string): string {
  const w = Math.max(16, text.length * 7 + 8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="16" viewBox="0 0 ${w} 16">`
    + `<rect x="0.5" y="0.5" rx="7.5" ry="7.5" width="${w - 1}" height="15" fill="${escapeXml(bg)}"/>`
    + `<text x="${w / 2}" y="12" font-family="sans-serif" font-size="11" text-anchor="middle" fill="${escapeXml(fg)}">${escapeXml(text)}</text></svg>`;
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

/** cytoscape parses #rgb, #rrggbb, rgb(a)(), hsl(a)() and names, but not the #rrggbbaa / #rgba
 *  forms VS Code themes use for many colours: those become rgba(). */
export function cssColorForCanvas(c: string): string {
  let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (m) return `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${(parseInt(m[4], 16) / 255).toFixed(3)})`;
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (m) return `rgba(${parseInt(m[1] + m[1], 16)}, ${parseInt(m[2] + m[2], 16)}, ${parseInt(m[3] + m[3], 16)}, ${(parseInt(m[4] + m[4], 16) / 255).toFixed(3)})`;
  return c;
}
