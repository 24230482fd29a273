// Headless-Chromium harness for the graph panel: serves the page buildPanelHtml() makes (with its
// real CSP) plus dist/webview.js and media/ over 127.0.0.1, with a fake acquireVsCodeApi that
// records what the page posts and keeps its state in sessionStorage (so a reload restores it).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildPanelHtml } from '../../webview/html';

export const root = resolve(import.meta.dirname, '../..');

/** Debian's chromium (or REFSCOPE_CHROMIUM). Missing: a failure that says how to install it. */
export function findChromium(): string {
  const candidates = [process.env.REFSCOPE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const w = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'], { encoding: 'utf8' });
  if (w.status === 0 && w.stdout.trim()) return w.stdout.trim();
  throw new Error('the graph panel test needs Chromium: `apt-get install chromium` (Debian; or `node scripts/e2e-setup.mjs`), or set REFSCOPE_CHROMIUM=/path/to/chrome');
}

/** Rebuild dist/webview.js with the options esbuild.mjs uses. */
export async function buildWebview(): Promise<void> {
  const esbuild = await import('esbuild');
  // @ts-expect-error: a plain .mjs module without types
  const { webviewBuild } = (await import('../../webview/bundle.mjs')) as { webviewBuild: Record<string, unknown> };
  await esbuild.build({ ...webviewBuild, absWorkingDir: root, logLevel: 'error' });
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf' };

export interface Served { url: string; server: Server; close(): Promise<void> }

export async function serve(opts: { lang?: string; t?: (s: string) => string } = {}): Promise<Served> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = `http://${req.headers.host}`;
    if (url.pathname === '/' || url.pathname === '/panel.html') {
      const html = buildPanelHtml({
        cspSource: origin, nonce: randomBytes(16).toString('base64'),
        scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/media/graph.css`, t: opts.t, lang: opts.lang,
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = join(root, rel);
    if (!/^(dist|media)\//.test(rel) || rel.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Runs in the page before its scripts: the fake VS Code API and the CSP violation log. */
export const FAKE_VSCODE = `
  window.__posted = [];
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => { const s = sessionStorage.getItem('vscodeState'); return s ? JSON.parse(s) : undefined; },
    setState: (s) => { sessionStorage.setItem('vscodeState', JSON.stringify(s)); return s; },
  });
`;

/** VS Code's theme variables as it sets them on <html> (a few, from Dark Modern and Light Modern). */
export const THEMES = {
  dark: { cls: 'vscode-dark', vars: { '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d', '--vscode-charts-orange': '#d18616', '--vscode-charts-purple': '#b180d7', '--vscode-focusBorder': '#0078d4',
    '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8', '--vscode-panel-border': '#2b2b2b',
    '--vscode-font-family': 'sans-serif', '--vscode-editor-font-family': 'monospace', '--vscode-sideBar-background': '#181818',
    '--vscode-dropdown-background': '#313131', '--vscode-dropdown-foreground': '#cccccc', '--vscode-dropdown-border': '#3c3c3c',
    '--vscode-checkbox-background': '#313131', '--vscode-checkbox-border': '#3c3c3c', '--vscode-checkbox-foreground': '#cccccc',
    '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff',
    '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc' } },
  light: { cls: 'vscode-light', vars: { '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#3b3b3b', '--vscode-charts-orange': '#d18616', '--vscode-charts-purple': '#652d90', '--vscode-focusBorder': '#005fb8',
    '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b', '--vscode-panel-border': '#e5e5e5',
    '--vscode-font-family': 'sans-serif', '--vscode-editor-font-family': 'monospace', '--vscode-sideBar-background': '#f8f8f8',
    '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-foreground': '#3b3b3b', '--vscode-dropdown-border': '#cecece',
    '--vscode-checkbox-background': '#f8f8f8', '--vscode-checkbox-border': '#cecece', '--vscode-checkbox-foreground': '#3b3b3b',
    '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff',
    '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b' } },
} as const;

/** A page-side script that switches the theme as VS Code does (variables on <html>, class on <body>). */
export function setThemeScript(name: keyof typeof THEMES): string {
  const th = THEMES[name];
  return `(() => {
    const vars = ${JSON.stringify(th.vars)};
    for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light');
    document.body.classList.add(${JSON.stringify(th.cls)});
  })()`;
}
