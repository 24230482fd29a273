// The codec tables (codec_cjk.ts, codec_charmap.ts) on known pairs from CPython 3.11, without
// CPython (tools/verify-codecs.ts compares every code against it), and the encoding-name lookup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../../src/core/run';
import { moduleEncode, moduleDecode, codecModule, codecName } from '../../../src/core/runtime/objects/codec_registry';
import { cjkTable } from '../../../src/core/runtime/objects/codec_cjk';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h: string) => Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));

// [codec, text, CPython's bytes]
const PAIRS: [string, string, string][] = [
  ['gbk', '中文', 'd6d0cec4'],
  ['gbk', '\u00b7\u2014\u2015\u4e02\u9fa5', 'a1a4a1aaa8448140fd9b'],
  ['gb2312', '中文', 'd6d0cec4'],
  ['gb2312', '\u30fb\u2015', 'a1a4a1aa'],
  ['gb2312', '啊阿埃', 'b0a1b0a2b0a3'],
  ['gb18030', '中文€', 'd6d0cec4a2e3'],
  ['gb18030', '\u0080\u00e9\u1e3f\ufe10\uffff', '81308130a8a68135f437843182368431a439'],
  ['gb18030', '\ue5e5\ue7c7', 'a3a0a8bc'],
  ['gb18030', '\u{10000}\u{1f600}\u{10ffff}', '903081309439fc36e3329a35'],
  ['big5', '繁體中文', 'c163c5e9a4a4a4e5'],
  ['big5', '\u3000\u2022\u203e\uff0f\u5341', 'a140a145a1c2a241a451'],
  ['big5', '一乙丁', 'a440a441a442'],
  ['cp1252', '€‚ƒ„…Ÿ\u00a0ÿ', '80828384859fa0ff'],
  ['cp1251', 'Привет', 'cff0e8e2e5f2'],
  ['koi8_r', 'Привет', 'f0d2c9d7c5d4'],
  ['iso8859_2', 'Łódź', 'a3f364bc'],
  ['iso8859_15', '€Šš', 'a4a6a8'],
  ['cp437', 'ÇüéΣ', '808182e4'],
  ['mac_roman', 'Äπ', '80b9'],
  ['cp037', 'Hello', 'c885939396'],
  ['mac_arabic', ' !', 'a0a1'],
  ['cp1006', '\ufe8e', 'b2'],
];

test('encode and decode known pairs', () => {
  for (const [codec, text, want] of PAIRS) {
    assert.equal(hex(moduleEncode(codec, text, 'strict')), want, `${codec} encode ${text}`);
    if (codec !== 'mac_arabic' && codec !== 'cp1006') assert.equal(moduleDecode(codec, bytes(want), 'strict'), text, `${codec} decode ${want}`);
  }
});

test('table sizes are CPython 3.11 table sizes', () => {
  assert.equal(cjkTable('gbk').size, 21791);
  assert.equal(cjkTable('gb2312').size, 7445);
  assert.equal(cjkTable('gb18030').size, 23940);
  assert.equal(cjkTable('big5').size, 13710);
});

test('undefined codes', () => {
  for (const [codec, h] of [['gbk', 'a140'], ['gbk', 'aaa1'], ['gb2312', 'a2a1'], ['gb2312', 'f8a1'], ['big5', '8840'], ['big5', 'a3e1'], ['gb18030', '8431a530'], ['cp1252', '81']]) {
    assert.throws(() => moduleDecode(codec, bytes(h), 'strict'), () => true, `${codec} ${h}`);
  }
  for (const [codec, s] of [['gb2312', '€'], ['gbk', '\u{1f600}'], ['big5', '€'], ['gb18030', '\ud800'], ['cp1252', '\u0100']]) {
    assert.throws(() => moduleEncode(codec, s, 'strict'), () => true, `${codec} ${s}`);
  }
});

test('encoding names as CPython looks them up', () => {
  const cases: [string, string | null][] = [
    ['utf8', 'utf_8'], ['UTF-8', 'utf_8'], [' utf  8 ', 'utf_8'], ['u8', 'utf_8'], ['latin1', 'latin_1'], ['ISO-8859-1', 'latin_1'],
    ['windows-1252', 'cp1252'], ['GBK', 'gbk'], ['cp936', 'gbk'], ['GB2312', 'gb2312'], ['euc-cn', 'gb2312'], ['chinese', 'gb2312'],
    ['big5-tw', 'big5'], ['csbig5', 'big5'], ['l2', 'iso8859_2'], ['cyrillic', 'iso8859_5'],
    ['gb-2312', null], ['latin-2', null], ['utf.8', null], ['nope', null],
  ];
  for (const [name, mod] of cases) assert.equal(codecModule(name), mod, name);
  assert.equal(codecName('latin_1'), 'iso8859-1');
  assert.equal(codecName('iso8859_2'), 'iso8859-2');
  assert.equal(codecName('utf_8'), 'utf-8');
  assert.equal(codecName('mac_roman'), 'mac-roman');
});
