// The panel's HTML builder: strict CSP, a nonce on every script, only the given asset URLs, and
// every piece of data escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPanelHtml, escapeHtml, jsonForScript } from '../../webview/html';
import { PANEL_STRINGS } from '../../webview/strings';

const base = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'q1w2e3r4t5y6u7i8o9p0AZ==',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/graph.css',
};

function csp(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'a CSP meta tag');
  return m[1].replace(/&#39;/g, "'");
}

test('the CSP starts from default-src none and allows scripts only with the nonce', () => {
  const html = buildPanelHtml(base);
  const policy = csp(html);
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], [`'nonce-${base.nonce}'`]);
  assert.deepEqual(directives['img-src'], [base.cspSource, 'data:']);
  assert.deepEqual(directives['style-src'], [base.cspSource, `'nonce-${base.nonce}'`]);
  assert.deepEqual(directives['font-src'], [base.cspSource]);
  assert.ok(!policy.includes('unsafe-inline') && !policy.includes('unsafe-eval') && !policy.includes('*'));
  // the CSP meta comes before anything that loads
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
});

test('every <script> carries the nonce; the only executable one is the bundle', () => {
  const html = buildPanelHtml(base);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 2);
  for (const attrs of scripts) assert.match(attrs, new RegExp(`nonce="${base.nonce.replace(/[+/=]/g, (c) => '\\' + c)}"`));
  assert.match(scripts[0], /type="application\/json"/);
  assert.match(scripts[1], new RegExp(`src="${base.scriptUri.replace(/[.+/]/g, (c) => '\\' + c)}"`));
  assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handler attributes');
  assert.ok(!/\sstyle=/i.test(html), 'no inline style attributes (the CSP forbids them)');
});

test('no remote URLs: every src/href is one of the given webview URIs', () => {
  const html = buildPanelHtml(base);
  const urls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(urls.sort(), [base.scriptUri, base.styleUri].sort());
  const all = [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
  for (const u of all) assert.ok(u.startsWith(base.cspSource) || u.startsWith('//'), `unexpected URL ${u}`);
});

test('a fresh nonce each time is the caller’s; a bad nonce or cspSource is refused', () => {
  assert.throws(() => buildPanelHtml({ ...base, nonce: 'short' }), /nonce/);
  assert.throws(() => buildPanelHtml({ ...base, nonce: `abcdefghijklmnopqrst'; script-src *` }), /nonce/);
  assert.throws(() => buildPanelHtml({ ...base, cspSource: "x; script-src 'unsafe-inline'" }), /cspSource/);
  assert.throws(() => buildPanelHtml({ ...base, cspSource: '' }), /cspSource/);
  assert.throws(() => buildPanelHtml({ ...base, cspSource: "'unsafe-inline'" }), /cspSource/);
  assert.throws(() => buildPanelHtml({ ...base, cspSource: 'https://a.b "x' }), /cspSource/);
  // what VS Code 1.139 passes: two sources, one quoted
  const real = "'self' https://*.vscode-cdn.net";
  const html = buildPanelHtml({ ...base, cspSource: real });
  assert.match(html, /img-src &#39;self&#39; https:\/\/\*\.vscode-cdn\.net data:/);
  for (const ok of ['https://*.vscode-cdn.net', 'vscode-webview://abc', 'https://file+.vscode-resource.vscode-cdn.net']) assert.doesNotThrow(() => buildPanelHtml({ ...base, cspSource: ok }), ok);
});

test('translated strings and URIs are escaped, in markup and in the JSON block', () => {
  const evil = '<img src=x onerror=alert(1)>"\'&</script><!--';
  const html = buildPanelHtml({ ...base, t: (s) => (s === 'Pin' ? evil : s), lang: 'zh-cn"><script>', scriptUri: base.scriptUri + '?a="b"' });
  assert.ok(!html.includes('<img'), 'no <img> tag');
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'only the two real script ends');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;/script&gt;&lt;!--'));
  assert.ok(html.includes('lang="zh-cn&quot;&gt;&lt;script&gt;"'));
  assert.ok(html.includes('webview.js?a=&quot;b&quot;'));
  // the JSON block parses back to the translated strings
  const json = /<script type="application\/json" id="refscope-l10n"[^>]*>([^]*?)<\/script>/.exec(html)![1];
  const strings = JSON.parse(json) as Record<string, string>;
  assert.equal(strings['Pin'], evil);
  assert.equal(Object.keys(strings).length, PANEL_STRINGS.length);
});

test('escapeHtml and jsonForScript', () => {
  assert.equal(escapeHtml(`<a href="x">'&\``), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#96;');
  const s = jsonForScript({ a: '</script><!-- & \u2028' });
  assert.ok(!s.includes('<') && !s.includes('>') && !s.includes('&') && !s.includes('\u2028'));
  assert.deepEqual(JSON.parse(s), { a: '</script><!-- & \u2028' });
});

test('every string the panel shows has a 简体中文 translation in l10n/parts/panel.zh-cn.json', () => {
  const zh = JSON.parse(readFileSync(join(import.meta.dirname, '../../l10n/parts/panel.zh-cn.json'), 'utf8')) as Record<string, string>;
  for (const s of PANEL_STRINGS) assert.ok(typeof zh[s] === 'string' && zh[s].length, `missing: ${s}`);
  // the host's strings too (every t('...') in graphPanel.ts)
  const host = readFileSync(join(import.meta.dirname, '../../src/extension/graphPanel.ts'), 'utf8');
  const keys = [...host.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
  assert.ok(keys.length >= 8);
  for (const k of keys) assert.ok(zh[k], `missing host string: ${k}`);
  // placeholders survive translation
  for (const [en, cn] of Object.entries(zh)) {
    const ph = (x: string) => (x.match(/\{\d+\}/g) ?? []).sort().join();
    assert.equal(ph(cn), ph(en), `placeholders of ${en}`);
  }
});
