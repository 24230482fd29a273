// The graph panel's HTML: the one place it is built (the extension and the tests call this).
// No vscode and no DOM import: the host passes what it got from vscode (cspSource, asWebviewUri
// strings, a nonce, the translated strings). A strict Content-Security-Policy: nothing by default,
// scripts only with the nonce, styles, fonts and images only from the extension's own files
// (plus data: images for the refcount badges and the PNG export; style elements only with the nonce).

import { PANEL_STRINGS, type PanelString } from './strings';

export interface PanelHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  /** a fresh random nonce (base64 or hex) for every HTML built */
  nonce: string;
  /** asWebviewUri(dist/webview.js) */
  scriptUri: string;
  /** asWebviewUri(media/graph.css) */
  styleUri: string;
  /** translator (vscode.l10n.t); identity when absent */
  t?: (s: string) => string;
  /** the UI language, for <html lang> */
  lang?: string;
}

export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }[c]!));
}

/** JSON that is safe inside <script type="application/json">: no "</script", no "<!--". */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const MAX_DEPTHS = [1, 2, 3, 4, 5, 6, 8, 10];
const TOO_MANY = [5, 10, 20, 50, 100];

/** webview.cspSource: one or more space-separated sources, each 'self' or a scheme/host source
 * (VS Code 1.139 sends "'self' https://*.vscode-cdn.net"); nothing that could end the directive
 * or add a keyword such as 'unsafe-inline'. */
export function validCspSource(c: string): boolean {
  if (!c || /[;,"]/.test(c)) return false;
  return c
    .trim()
    .split(/\s+/)
    .every((s) => /^('self'|[a-z][a-z0-9+.-]*:(\/\/[A-Za-z0-9*.+-]+(:\d+)?)?[^\s'"]*)$/i.test(s));
}

export function buildPanelHtml(input: PanelHtmlInput): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(input.nonce)) throw new Error('buildPanelHtml: the nonce must be at least 16 base64/hex characters');
  if (!validCspSource(input.cspSource)) throw new Error(`buildPanelHtml: bad cspSource ${JSON.stringify(input.cspSource)}`);
  const t = input.t ?? ((s: string) => s);
  const T = (s: PanelString) => escapeHtml(t(s));
  const strings: Record<string, string> = {};
  for (const s of PANEL_STRINGS) strings[s] = t(s);
  const nonce = escapeHtml(input.nonce);
  const src = input.cspSource;
  const csp = [
    `default-src 'none'`,
    `img-src ${src} data:`,
    // the nonce lets the toolkit's FAST feature probe (canUseFocusVisible) add its empty <style>;
    // FAST reads it from <meta property="csp-nonce">
    `style-src ${src} 'nonce-${input.nonce}'`,
    `script-src 'nonce-${input.nonce}'`,
    `font-src ${src}`,
  ].join('; ');
  const opt = (v: number, sel: number) => `<vscode-option value="${v}"${v === sel ? ' selected' : ''}>${v}</vscode-option>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(input.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta property="csp-nonce" content="${nonce}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<!-- the id tells cytoscape its container rule is here (graph.css): it does not inject a <style>, which the CSP forbids -->
<link id="__________cytoscape_stylesheet" rel="stylesheet" href="${escapeHtml(input.styleUri)}">
<title>${T('Reference graph')}</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="${T('Reference graph')}">
  <vscode-dropdown id="direction" aria-label="${T('Back-references')} / ${T('References')}">
    <vscode-option value="backrefs" selected>${T('Back-references')}</vscode-option>
    <vscode-option value="refs">${T('References')}</vscode-option>
  </vscode-dropdown>
  <label class="field"><span>${T('Max depth')}</span>
    <vscode-dropdown id="maxDepth" class="narrow">${MAX_DEPTHS.map((v) => opt(v, 3)).join('')}</vscode-dropdown></label>
  <label class="field"><span>${T('Too many')}</span>
    <vscode-dropdown id="tooMany" class="narrow">${TOO_MANY.map((v) => opt(v, 10)).join('')}</vscode-dropdown></label>
  <vscode-checkbox id="hideShared">${T('Hide shared objects')}</vscode-checkbox>
  <vscode-checkbox id="showFrames">${T('Show frames and stack temporaries')}</vscode-checkbox>
  <vscode-checkbox id="pin">${T('Pin')}</vscode-checkbox>
  <span class="spacer"></span>
  <vscode-button id="exportPng" appearance="secondary">${T('Export PNG')}</vscode-button>
  <vscode-button id="exportSvg" appearance="secondary">${T('Export SVG')}</vscode-button>
  <vscode-button id="exportDot" appearance="secondary">${T('Export DOT')}</vscode-button>
</div>
<div id="timeline">
  <label for="line">${T('Timeline')}</label>
  <input type="range" id="line" min="1" max="1" value="1" step="1" disabled>
  <span id="lineLabel"></span>
</div>
<div id="title"></div>
<div id="message" role="status"></div>
<div id="main">
  <div id="cy" role="img" aria-label="${T('Reference graph')}"></div>
  <aside id="details" hidden>
    <div class="details-head"><strong id="detailsTitle"></strong>
      <vscode-button id="detailsClose" appearance="icon" aria-label="${T('Close')}">✕</vscode-button></div>
    <dl id="detailsList"></dl>
    <vscode-button id="revealAlloc">${T('Reveal allocation')}</vscode-button>
  </aside>
</div>
<div id="legend" aria-label="${T('Legend')}">
  <span class="lg lg-root">${T('root')}</span>
  <span class="lg lg-cycle">${T('reference cycle')}</span>
  <span class="lg lg-unreachable">${T('freed by the next gc.collect()')}</span>
  <span class="lg lg-truncated">${T('not expanded: double-click')}</span>
  <span class="lg lg-badge">${T('badge: exact reference count')}</span>
  <span id="counts"></span>
</div>
<script type="application/json" id="refscope-l10n" nonce="${nonce}">${jsonForScript(strings)}</script>
<script nonce="${nonce}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>
`;
}
