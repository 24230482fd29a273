// A self-contained SVG drawing of a graph model, for `refscope graph --format svg` and objgraph's
// filename='x.svg' in the CLI (no Graphviz needed): a layered top-down layout — one row per
// breadth-first depth, the rows ordered to reduce crossings by a few barycentre sweeps — with
// objgraph's fill colours, red roots and labelled edges. The editor's panel lays out with
// cytoscape-dagre instead.

import type { GraphModel, GraphNode } from './graph-types';

const CHAR_W = 7;
const LINE_H = 15;
const PAD_X = 8;
const PAD_Y = 6;
const GAP_X = 24;
const GAP_Y = 60;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "h,s,v" (0..1 each) -> "#rrggbb" */
export function hsvToHex(hsv: string): string {
  const [h, s, v] = hsv.split(',').map(Number);
  const i = Math.floor(h * 6);
  const f = h * 6 - i;
  const p = v * (1 - s);
  const q = v * (1 - f * s);
  const t = v * (1 - (1 - f) * s);
  const [r, g, b] = [
    [v, t, p],
    [q, v, p],
    [p, v, t],
    [p, q, v],
    [t, p, v],
    [v, p, q],
  ][((i % 6) + 6) % 6];
  const hex = (x: number) =>
    Math.round(Math.max(0, Math.min(1, x)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

interface Box {
  node: GraphNode;
  lines: string[];
  w: number;
  h: number;
  x: number;
  y: number;
}

export function toSvg(model: GraphModel): string {
  const boxes = new Map<string, Box>();
  const rows: Box[][] = [];
  for (const n of model.nodes) {
    const lines = n.label.split('\n');
    const w = Math.max(...lines.map((l) => Array.from(l).length)) * CHAR_W + 2 * PAD_X;
    const h = lines.length * LINE_H + 2 * PAD_Y;
    const b: Box = { node: n, lines, w, h, x: 0, y: 0 };
    boxes.set(n.id, b);
    (rows[n.depth] ??= []).push(b);
  }
  // barycentre ordering: each row sorted by the mean position of its neighbours in the row above
  const neighbours = new Map<string, string[]>();
  for (const e of model.edges) {
    (neighbours.get(e.from) ?? neighbours.set(e.from, []).get(e.from)!).push(e.to);
    (neighbours.get(e.to) ?? neighbours.set(e.to, []).get(e.to)!).push(e.from);
  }
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let d = 1; d < rows.length; d++) {
      const above = new Map((rows[d - 1] ?? []).map((b, i) => [b.node.id, i]));
      const key = (b: Box) => {
        const ps = (neighbours.get(b.node.id) ?? []).map((id) => above.get(id)).filter((x): x is number => x !== undefined);
        return ps.length ? ps.reduce((a, c) => a + c, 0) / ps.length : Infinity;
      };
      rows[d] = (rows[d] ?? []).map((b, i) => ({ b, k: key(b), i })).sort((p, q) => p.k - q.k || p.i - q.i).map((p) => p.b);
    }
  }
  let width = 0;
  let y = 20;
  for (const row of rows) {
    if (!row) continue;
    let x = 20;
    let rowH = 0;
    for (const b of row) {
      b.x = x;
      b.y = y;
      x += b.w + GAP_X;
      rowH = Math.max(rowH, b.h);
    }
    width = Math.max(width, x);
    y += rowH + GAP_Y;
  }
  // centre each row
  for (const row of rows) {
    if (!row || !row.length) continue;
    const last = row[row.length - 1];
    const shift = (width - (last.x + last.w + GAP_X)) / 2;
    for (const b of row) b.x += shift;
  }
  const height = y - GAP_Y + 20;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#000"/></marker></defs>');
  out.push(`<title>${esc(model.direction === 'refs' ? 'references' : 'back-references')}</title>`);
  for (const e of model.edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (!a || !b) continue;
    const [x1, y1] = [a.x + a.w / 2, a.y + (a.y < b.y ? a.h : a.y > b.y ? 0 : a.h / 2)];
    const [x2, y2] = [b.x + b.w / 2, b.y + (a.y < b.y ? 0 : a.y > b.y ? b.h : b.h / 2)];
    const dotted = e.style === 'dotted';
    out.push(`<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${dotted ? 'red' : '#000'}"${dotted ? ' stroke-dasharray="2,3"' : ''} marker-end="url(#arrow)"/>`);
    if (e.label) {
      const lines = e.label.split('\n');
      const mx = (x1 + x2) / 2 + 4;
      const my = (y1 + y2) / 2;
      lines.forEach((l, i) => out.push(`<text x="${mx.toFixed(1)}" y="${(my + i * LINE_H).toFixed(1)}" font-size="11">${esc(l)}</text>`));
    }
  }
  for (const b of boxes.values()) {
    const n = b.node;
    const fill = hsvToHex(n.color);
    const stroke = n.kind === 'object' ? '#000' : 'red';
    if (n.kind === 'del') {
      const r = Math.max(b.w, b.h) / 2;
      out.push(`<circle cx="${(b.x + b.w / 2).toFixed(1)}" cy="${(b.y + b.h / 2).toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" stroke="red"/>`);
    } else {
      out.push(`<rect x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.w}" height="${b.h}" fill="${fill}" stroke="${stroke}"${n.unreachable ? ' stroke-dasharray="4,2"' : ''}/>`);
    }
    const color = n.isRoot ? 'red' : n.fontColor || '#000';
    b.lines.forEach((l, i) => {
      out.push(`<text x="${(b.x + b.w / 2).toFixed(1)}" y="${(b.y + PAD_Y + (i + 0.8) * LINE_H).toFixed(1)}" text-anchor="middle" fill="${color}">${esc(l)}</text>`);
    });
  }
  out.push('</svg>\n');
  return out.join('\n');
}
