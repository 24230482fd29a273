// "Export SVG": the laid-out graph (positions read from cytoscape) written as a standalone SVG
// document. Pure: every text goes through escapeXml, so a label is always text, never markup.

import { escapeXml } from './elements';

export interface SvgNode {
  x: number; y: number; w: number; h: number;
  label: string; fill: string; font: string;
  shape: 'box' | 'doublecircle';
  border: string; borderStyle: 'solid' | 'dashed' | 'dotted'; borderWidth: number;
  badge?: string;
}
export interface SvgEdge {
  x1: number; y1: number; x2: number; y2: number;
  label: string; color: string; dotted: boolean;
}
export interface SvgScene {
  nodes: SvgNode[]; edges: SvgEdge[];
  background: string; text: string; fontFamily: string;
}

const dash = (s: SvgNode['borderStyle']) => (s === 'dashed' ? ' stroke-dasharray="6 3"' : s === 'dotted' ? ' stroke-dasharray="2 2"' : '');

function lines(label: string, x: number, cy: number, lineH: number, attrs: string): string {
  const ls = label.split('\n');
  const top = cy - ((ls.length - 1) * lineH) / 2;
  return `<text x="${fmt(x)}" y="${fmt(top)}" ${attrs} text-anchor="middle" dominant-baseline="central">`
    + ls.map((l, i) => `<tspan x="${fmt(x)}" dy="${i === 0 ? 0 : lineH}">${escapeXml(l) || ' '}</tspan>`).join('')
    + '</text>';
}

const fmt = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0');

export function toSvg(scene: SvgScene): string {
  const pad = 20;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of scene.nodes) {
    minX = Math.min(minX, n.x - n.w / 2); maxX = Math.max(maxX, n.x + n.w / 2);
    minY = Math.min(minY, n.y - n.h / 2); maxY = Math.max(maxY, n.y + n.h / 2);
  }
  if (!scene.nodes.length) { minX = minY = 0; maxX = maxY = 10; }
  const W = maxX - minX + 2 * pad, H = maxY - minY + 2 * pad;
  const ff = escapeXml(scene.fontFamily);
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(W)}" height="${fmt(H)}" viewBox="${fmt(minX - pad)} ${fmt(minY - pad)} ${fmt(W)} ${fmt(H)}">`);
  out.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>`);
  out.push(`<rect x="${fmt(minX - pad)}" y="${fmt(minY - pad)}" width="${fmt(W)}" height="${fmt(H)}" fill="${escapeXml(scene.background)}"/>`);
  for (const e of scene.edges) {
    out.push(`<line x1="${fmt(e.x1)}" y1="${fmt(e.y1)}" x2="${fmt(e.x2)}" y2="${fmt(e.y2)}" stroke="${escapeXml(e.color)}" stroke-width="1.2"${e.dotted ? ' stroke-dasharray="2 2"' : ''} marker-end="url(#arrow)"/>`);
    if (e.label) out.push(lines(e.label, (e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2, 12, `font-family="${ff}" font-size="10" fill="${escapeXml(scene.text)}"`));
  }
  for (const n of scene.nodes) {
    const stroke = `stroke="${escapeXml(n.border)}" stroke-width="${fmt(n.borderWidth)}"${dash(n.borderStyle)}`;
    if (n.shape === 'doublecircle') {
      const r = Math.min(n.w, n.h) / 2;
      out.push(`<circle cx="${fmt(n.x)}" cy="${fmt(n.y)}" r="${fmt(r)}" fill="${escapeXml(n.fill)}" ${stroke}/>`);
      out.push(`<circle cx="${fmt(n.x)}" cy="${fmt(n.y)}" r="${fmt(r - 3)}" fill="none" ${stroke}/>`);
    } else {
      out.push(`<rect x="${fmt(n.x - n.w / 2)}" y="${fmt(n.y - n.h / 2)}" width="${fmt(n.w)}" height="${fmt(n.h)}" fill="${escapeXml(n.fill)}" ${stroke}/>`);
    }
    out.push(lines(n.label, n.x, n.y, 15, `font-family="${ff}" font-size="12" fill="${escapeXml(n.font)}"`));
    if (n.badge) {
      const bw = Math.max(16, n.badge.length * 7 + 8);
      const bx = n.x + n.w / 2 - bw - 2, by = n.y - n.h / 2 + 2;
      out.push(`<rect x="${fmt(bx)}" y="${fmt(by)}" rx="7.5" width="${bw}" height="15" fill="#3572b0"/>`);
      out.push(`<text x="${fmt(bx + bw / 2)}" y="${fmt(by + 11.5)}" font-family="sans-serif" font-size="11" text-anchor="middle" fill="#ffffff">${escapeXml(n.badge)}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
