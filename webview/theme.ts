// Reads the VS Code theme the webview is in: the body class (vscode-light, vscode-dark,
// vscode-high-contrast, vscode-high-contrast-light) and the --vscode-* CSS variables VS Code sets.

import type { Theme } from './style';
import { cssColorForCanvas } from './elements';

export function themeKind(body: HTMLElement): Theme['kind'] {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

const DEFAULTS: Record<Theme['kind'], Omit<Theme, 'kind'>> = {
  light: { background: '#ffffff', foreground: '#333333', line: '#555555', cycle: '#c4600c', unreachable: '#8a2be2',
    selection: '#0090f1', badgeBackground: '#007acc', badgeForeground: '#ffffff', fontFamily: 'monospace' },
  dark: { background: '#1e1e1e', foreground: '#cccccc', line: '#a0a0a0', cycle: '#f0a040', unreachable: '#c586c0',
    selection: '#007fd4', badgeBackground: '#4d4d4d', badgeForeground: '#ffffff', fontFamily: 'monospace' },
  'high-contrast': { background: '#000000', foreground: '#ffffff', line: '#ffffff', cycle: '#ffaa00', unreachable: '#ff66ff',
    selection: '#f38518', badgeBackground: '#000000', badgeForeground: '#ffffff', fontFamily: 'monospace' },
  'high-contrast-light': { background: '#ffffff', foreground: '#292929', line: '#292929', cycle: '#b5200d', unreachable: '#6c00d9',
    selection: '#006bbd', badgeBackground: '#0f4a85', badgeForeground: '#ffffff', fontFamily: 'monospace' },
};

export function readTheme(body: HTMLElement): Theme {
  const kind = themeKind(body);
  const d = DEFAULTS[kind];
  const cs = getComputedStyle(body);
  const v = (name: string, fallback: string) => cssColorForCanvas(cs.getPropertyValue(name).trim()) || fallback;
  const fg = v('--vscode-editor-foreground', v('--vscode-foreground', d.foreground));
  return {
    kind,
    background: v('--vscode-editor-background', d.background),
    foreground: fg,
    line: kind.startsWith('high-contrast') ? v('--vscode-contrastBorder', fg) : v('--vscode-descriptionForeground', d.line),
    cycle: v('--vscode-charts-orange', d.cycle),
    unreachable: v('--vscode-charts-purple', d.unreachable),
    selection: v('--vscode-focusBorder', d.selection),
    badgeBackground: v('--vscode-badge-background', d.badgeBackground),
    badgeForeground: v('--vscode-badge-foreground', d.badgeForeground),
    fontFamily: cs.getPropertyValue('--vscode-editor-font-family').trim() || d.fontFamily,
  };
}

