// Every English text the panel's script shows. The host translates each with vscode.l10n.t (their
// 简体中文 lives in l10n/parts/panel.zh-cn.json) and hands the map to the page (html.ts).

export const PANEL_STRINGS = [
  'Reference graph',
  'Back-references',
  'References',
  'Max depth',
  'Too many',
  'Hide shared objects',
  'Show frames and stack temporaries',
  'Pin',
  'Export PNG',
  'Export SVG',
  'Export DOT',
  'Line {0}',
  'State after line {0}',
  'Timeline',
  '{0} after line {1}',
  '{0}: line {1} did not run; the graph shows where the program stopped',
  'Reveal allocation',
  'Close',
  'Type',
  'Reference count',
  'Held by',
  'GC generation',
  'untracked',
  'Size',
  '{0} bytes',
  'Allocated at',
  'line {0}',
  'unknown',
  'In a reference cycle',
  'Unreachable: freed by the next gc.collect()',
  'Shared interpreter object: its count is not meaningful',
  'Not expanded (max depth): double-click to expand',
  '{0} more references were not drawn',
  'Legend',
  'root',
  'reference cycle',
  'freed by the next gc.collect()',
  'not expanded: double-click',
  'badge: exact reference count',
  'Nothing to show yet: put the cursor on a variable in a Python file and run the “Show back-references” or “Show references” command.',
  '{0} nodes, {1} edges',
  'Value',
  '{0} × {1}',
] as const;

export type PanelString = (typeof PANEL_STRINGS)[number];

/** `{0}` placeholders, as vscode.l10n.t formats them */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
