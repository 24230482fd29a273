// Messages between the extension host and the reference-graph panel (the webview). The webview
// speaks first with `ready` (the host sends nothing before it: a message posted earlier is lost);
// the host answers with `setGraph`. Everything here is plain data (it crosses postMessage).

import type { GraphDirection, GraphModel } from '../core/inspect/graph-types';

/** The panel's toolbar settings (GraphOptions without `expand`, with every field present). */
export interface PanelOptions {
  direction: GraphDirection;
  maxDepth: number;
  tooMany: number;
  hideShared: boolean;
  showFrames: boolean;
}

export const DEFAULT_PANEL_OPTIONS: PanelOptions = { direction: 'backrefs', maxDepth: 3, tooMany: 10, hideShared: false, showFrames: false };

/** What the panel shows; the webview keeps the last one with vscode.setState (hide/show, reload). */
export interface SetGraphMessage {
  type: 'setGraph';
  /** null: nothing to draw (see `message`) */
  model: GraphModel | null;
  /** objgraph's DOT text for the model (the core's toDot), for "Export DOT" */
  dot?: string;
  /** the document the graph comes from, and the state it shows */
  uri: string;
  fileName: string;
  line: number;
  expr: string;
  /** the lines the timeline slider moves through */
  minLine: number;
  maxLine: number;
  options: PanelOptions;
  pinned: boolean;
  /** false when `line` never ran: the graph shows where the program stopped */
  ran?: boolean;
  /** a note to show above the graph (e.g. "no object named x after line 3"), already translated */
  message?: string;
}

export type HostToWebview =
  | SetGraphMessage
  /** the host is computing a new graph (the panel dims the old one) */
  | { type: 'busy'; busy: boolean };

export type ExportFormat = 'png' | 'svg' | 'dot';

export type WebviewToHost =
  | { type: 'ready' }
  /** double-click on a truncated node: draw it expanded beyond maxDepth */
  | { type: 'expand'; nodeId: string }
  | { type: 'pin'; pinned: boolean }
  | { type: 'options'; options: PanelOptions }
  /** "Reveal allocation": show this 1-based line of the graph's document */
  | { type: 'revealLine'; line: number }
  /** save an export: png as a data: URL, svg and dot as text */
  | { type: 'export'; format: ExportFormat; data: string }
  /** the timeline slider moved: the graph at the state after this 1-based line */
  | { type: 'timeline'; line: number };

/** What the webview stores with vscode.setState: the last graph, so a reload redraws at once. */
export interface PanelState {
  last: SetGraphMessage | null;
}

export function isWebviewToHost(m: unknown): m is WebviewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  switch (x.type) {
    case 'ready': return true;
    case 'expand': return typeof x.nodeId === 'string';
    case 'pin': return typeof x.pinned === 'boolean';
    case 'options': return isPanelOptions(x.options);
    case 'revealLine': case 'timeline': return typeof x.line === 'number' && Number.isInteger(x.line) && x.line >= 1;
    case 'export': return (x.format === 'png' || x.format === 'svg' || x.format === 'dot') && typeof x.data === 'string';
    default: return false;
  }
}

export function isPanelOptions(o: unknown): o is PanelOptions {
  if (typeof o !== 'object' || o === null) return false;
  const x = o as Record<string, unknown>;
  return (x.direction === 'refs' || x.direction === 'backrefs')
    && typeof x.maxDepth === 'number' && Number.isInteger(x.maxDepth) && x.maxDepth >= 1 && x.maxDepth <= 50
    && typeof x.tooMany === 'number' && Number.isInteger(x.tooMany) && x.tooMany >= 1 && x.tooMany <= 1000
    && typeof x.hideShared === 'boolean' && typeof x.showFrames === 'boolean';
}

// --- the commands' arguments -----------------------------------------------------------------

/** What refscope.showBackrefs / refscope.showRefs get: `(uri, line, expr)` (the hover's command
 *  links pass the JSON array `[uri, line, expr]`, which VS Code spreads; some callers pass the
 *  array itself). `uri` may be null (the active editor's document). Anything else: null. */
export function parseGraphArgs(args: unknown[]): { uri: string | null; line: number; expr: string } | null {
  const a = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (a.length < 3) return null;
  const [uri, line, expr] = a;
  if (uri !== null && uri !== undefined && typeof uri !== 'string') return null;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) return null;
  if (typeof expr !== 'string' || !expr.trim() || expr.length > 500) return null;
  return { uri: typeof uri === 'string' && uri ? uri : null, line, expr: expr.trim() };
}

const PY_KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except finally for '
  + 'from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '));

/** The name under the cursor for "follow the cursor" and the commands without arguments: a dotted
 *  name (`a`, `node.next`), cut after the part the cursor is in (`a.b.c` with the cursor on b gives
 *  `a.b`). `col` is 0-based (UTF-16, as VS Code positions). Keywords and numbers give null. */
export function exprAt(lineText: string, col: number): string | null {
  const re = /[\p{L}_][\p{L}\p{N}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{N}_]*)*/gu;
  for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
    const start = m.index, end = start + m[0].length;
    if (col < start || col > end) continue;
    if (start > 0 && /[\p{N}.'"]/u.test(lineText[start - 1])) return null; // 1e5, x.attr after a call, string prefixes
    const parts = m[0].split('.').map((p) => p.trim());
    let pos = start, keep = parts.length;
    for (let i = 0; i < parts.length; i++) {
      const seg = m[0].split('.')[i];
      const segEnd = pos + seg.length;
      if (col <= segEnd) { keep = i + 1; break; }
      pos = segEnd + 1;
    }
    const expr = parts.slice(0, keep);
    if (PY_KEYWORDS.has(expr[0])) return null;
    return expr.join('.');
  }
  return null;
}
