// Every English string the hover can show has its 简体中文 translation in
// l10n/parts/hover.zh-cn.json, with the same placeholders and Markdown code spans.
import { test } from 'node:test';
import assert from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InspectSession } from '../../../src/core/inspect/session';
import { hoverAt } from '../../../src/core/inspect/hover';
import { makeTranslator, recordingTranslator } from '../../../src/core/inspect/translate';

const ROOT = join(__dirname, '..', '..', '..');
const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/parts/hover.zh-cn.json'), 'utf8')) as Record<string, string>;
const unquote = (s: string) => s.replace(/\\'/g, "'");

/** The English texts in the sources: t('...') calls, holder templates, root names, in-flight values. */
function sourceStrings(): string[] {
  const read = (f: string) => readFileSync(join(ROOT, 'src/core/inspect', f), 'utf8');
  const out = new Set<string>();
  const add = (re: RegExp, text: string) => {
    for (const m of text.matchAll(re)) out.add(unquote(m[1] ?? m[2]));
  };
  for (const f of ['hover.ts', 'explain.ts']) add(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g, read(f));
  const holders = read('holders.ts');
  add(/\b(?:mk|h)\('[a-zA-Z]+', '((?:[^'\\]|\\.)*)'/g, holders);
  add(/\[\s*'[a-zA-Z]+',\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\]/g, holders);
  add(/'([^']*\(in flight\))'/g, read('session.ts'));
  return [...out];
}

test('the sources\' strings are found (the scan works)', () => {
  const s = sourceStrings();
  assert.ok(s.length >= 70, `only ${s.length} strings found`);
  assert.ok(s.includes('global `{0}`'));
  assert.ok(s.includes('Show back-references'));
  assert.ok(s.includes('the return value of `{0}` (in flight)'));
});

test('every string of the hover has a Chinese translation', () => {
  const missing = sourceStrings().filter((k) => !(k in zh));
  assert.deepStrictEqual(missing, []);
});

test('translations keep the placeholders and code spans', () => {
  for (const [en, cn] of Object.entries(zh)) {
    const ph = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');
    assert.strictEqual(ph(cn), ph(en), `placeholders of '${en}'`);
    assert.strictEqual((cn.match(/`/g) ?? []).length, (en.match(/`/g) ?? []).length, `code spans of '${en}'`);
    assert.strictEqual((cn.match(/\*\*/g) ?? []).length, (en.match(/\*\*/g) ?? []).length, `bold of '${en}'`);
    assert.ok(cn.trim().length > 0);
  }
});

test('the hovers of the fixtures ask only for translated strings, and come out in Chinese', () => {
  const dir = join(__dirname, 'fixtures', 'hover');
  const seen = new Set<string>();
  const t = recordingTranslator(seen, makeTranslator(zh));
  let hovers = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.py'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    const s = new InspectSession(src, f);
    src.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/[A-Za-z_]\w*/g)) {
        const r = hoverAt(s, i + 1, m.index! + 1, t, { commandLinks: true });
        if (r) hovers++;
      }
    });
  }
  assert.ok(hovers > 50);
  const missing = [...seen].filter((k) => !(k in zh));
  assert.deepStrictEqual(missing, []);
  const s = new InspectSession('import sys\na = []\nprint(sys.getrefcount(a))\n', 'z.py');
  const md = hoverAt(s, 3, 23, makeTranslator(zh), { commandLinks: true })!.markdown;
  assert.match(md, /会打印 \*\*2\*\*/);
  assert.match(md, /全局变量 `a`/);
  assert.match(md, /显示反向引用/);
});
