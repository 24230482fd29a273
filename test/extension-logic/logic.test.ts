// Status bar text, diagnostics mapping and the 简体中文 coverage of the extension's strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { statusText, diagnosticFor, stdioSetting, RUN_SETTINGS } from '../../src/extension/logic';
import { makeTranslator } from '../../src/core/inspect/translate';
import { InspectSession } from '../../src/core/inspect/session';

const t = makeTranslator(null);

test('status bar: time, objects and gc runs, or the error', () => {
  const s = new InspectSession('import gc\nx = [1]\ngc.collect()\n', 'a.py').run();
  const text = statusText(s, t);
  assert.match(text, /^RefScope: \d+ ms · [\d,]+ objects · \d+ gc runs$/);
  const bad = new InspectSession('1/0\n', 'b.py').run();
  assert.equal(statusText(bad, t), 'RefScope: ZeroDivisionError: division by zero');
  const zh = makeTranslator(JSON.parse(readFileSync('l10n/parts/extension.zh-cn.json', 'utf8')));
  assert.match(statusText(s, zh), /^RefScope：\d+ 毫秒/);
});

test('diagnostics: the raising line, traceback frames as related information', () => {
  const src = 'def f():\n    return 1 / 0\n\nf()\n';
  const s = new InspectSession(src, '/w/a.py').run();
  const d = diagnosticFor(s.error, '/w/a.py', t)!;
  assert.equal(d.severity, 'error');
  assert.equal(d.line, 1);
  assert.equal(d.message, 'ZeroDivisionError: division by zero');
  assert.deepEqual(d.related.map((r) => r.line), [3, 1]);
  const syn = diagnosticFor(new InspectSession('x = (\n', '/w/s.py').run().error, '/w/s.py', t)!;
  assert.equal(syn.severity, 'error');
  assert.match(syn.message, /SyntaxError/);
  const uns = diagnosticFor(new InspectSession('async def f():\n    pass\n', '/w/u.py').run().error, '/w/u.py', t)!;
  assert.equal(uns.severity, 'warning');
  assert.match(uns.message, /^Not supported by RefScope yet: /);
  assert.equal(diagnosticFor(new InspectSession('x = 1\n', '/w/ok.py').run().error, '/w/ok.py', t), null);
});

function sources(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    if (f.isDirectory()) sources(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('every string of the extension has a 简体中文 translation', () => {
  const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
  const keys = new Set<string>();
  for (const f of sources('src/extension')) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\\\/g, '\\').replace(/\\'/g, "'"));
  }
  assert.ok(keys.size >= 10, `found ${keys.size} strings`);
  const missing = [...keys].filter((k) => !(k in bundle));
  assert.deepEqual(missing, []);
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8'));
  const nlsZh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8'));
  assert.deepEqual(Object.keys(nls).filter((k) => !(k in nlsZh)), []);
  const pkg = readFileSync('package.json', 'utf8');
  for (const m of pkg.matchAll(/"%([^%]+)%"/g)) assert.ok(m[1] in nls, `package.json uses %${m[1]}% without package.nls.json`);
});

test('refscope.stdout: a terminal is line buffered, anything else a pipe', () => {
  assert.equal(stdioSetting('terminal'), 'tty');
  assert.equal(stdioSetting('pipe'), 'pipe');
  assert.equal(stdioSetting(undefined), 'pipe');
  assert.equal(stdioSetting('tty'), 'pipe', 'only the values package.json offers');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties['refscope.stdout'].enum, ['pipe', 'terminal']);
});

test('the settings a run reads are the ones whose change runs the documents again', () => {
  const props = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties;
  for (const k of RUN_SETTINGS) assert.ok(k in props, `${k} is a contributed setting`);
  // every setting extension.ts reads for a run, except the edit delay (it only times the next run)
  const src = readFileSync('src/extension/extension.ts', 'utf8');
  const run = src.slice(src.indexOf('async run(doc'), src.indexOf('/** The reference graph of'));
  const read = [...run.matchAll(/cfg\.get<\w+>\('(\w+)'/g)].map((m) => `refscope.${m[1]}`);
  assert.deepEqual([...read].sort(), [...RUN_SETTINGS].sort());
});
