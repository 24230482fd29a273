// The json module. The encoder and the scanner are native (Modules/_json.c: encoder_listencode_obj/
// _dict/_list, encoder_encode_float, py_encode_basestring(_ascii), scan_once_unicode,
// scanstring_unicode, _parse_object/_parse_array, _match_number); JSONEncoder/JSONDecoder/
// JSONDecodeError and dumps/loads/dump/load follow Lib/json/*.py, written as Python source
// that calls the native parts.

import { PyObject, newRef, decref, incref } from '../runtime/object';
import { registerModule, type ModuleBuilder } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { PyInt, True, False, newInt } from '../runtime/objects/int';
import { PyFloat, newFloat } from '../runtime/objects/float';
import { PyStr, newStr } from '../runtime/objects/str';
import { PyTuple, newTuple } from '../runtime/objects/tuple';
import { PyList, newList, listAppend } from '../runtime/objects/list';
import { PyDict, newDict } from '../runtime/objects/dict';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { floatRepr } from '../runtime/primitives/floatrepr';
import { intToDecimalString } from '../runtime/primitives/intstr';
import { execSource, pyInt } from './modutil';
import { PyBytes, decodeBytes } from '../runtime/objects/bytes';

// ------------------------------------------------------------------ encoder
function hex4(n: number): string {
  return '\\u' + n.toString(16).padStart(4, '0');
}
const ESC: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
/** py_encode_basestring_ascii / py_encode_basestring */
export function encodeString(s: string, ascii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    const e = ESC[ch];
    if (e) out += e;
    else if (c < 0x20) out += hex4(c);
    else if (ascii && c > 0x7e) out += hex4(c); // surrogate pairs come out as two \\u escapes
    else out += ch;
  }
  return out + '"';
}

interface EncOpts {
  skipkeys: boolean;
  ascii: boolean;
  circular: boolean;
  allowNan: boolean;
  sortKeys: boolean;
  indent: string | null;
  itemSep: string;
  keySep: string;
  dflt: PyObject;
}

function encodeFloat(x: number, o: EncOpts): string {
  if (!Number.isFinite(x)) {
    if (!o.allowNan) raise(E.ValueError, 'Out of range float values are not JSON compliant');
    return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  }
  return floatRepr(x);
}

function encodeObj(v: PyObject, o: EncOpts, markers: Set<PyObject>, level: number, out: string[]): void {
  if (v instanceof PyStr) out.push(encodeString(v.v, o.ascii));
  else if (v === None) out.push('null');
  else if (v === True) out.push('true');
  else if (v === False) out.push('false');
  else if (v instanceof PyInt) out.push(intToDecimalString(v.v));
  else if (v instanceof PyFloat) out.push(encodeFloat(v.v, o));
  else if (v instanceof PyList || v instanceof PyTuple) nested(o, () => encodeList(v, o, markers, level, out));
  else if (v instanceof PyDict) nested(o, () => encodeDict(v, o, markers, level, out));
  else {
    if (o.circular) {
      if (markers.has(v)) raise(E.ValueError, 'Circular reference detected');
      markers.add(v);
    }
    const r = abs.call(o.dflt, [v], null);
    try {
      nested(o, () => encodeObj(r, o, markers, level, out));
    } finally {
      decref(r);
    }
    if (o.circular) markers.delete(v);
  }
}

/**
 * _json.c encoder_listencode_obj: each container (and each default() result) is encoded inside
 * Py_EnterRecursiveCall(" while encoding a JSON object"), on the counter Python frames use. Only
 * the C encoder does that; with an indent CPython encodes in Python (json.encoder's
 * _make_iterencode), whose generators RefScope does not model frame by frame.
 */
function nested(o: EncOpts, f: () => void): void {
  if (o.indent !== null) return f();
  abs.enterRecursiveCall(' while encoding a JSON object');
  try {
    f();
  } finally {
    abs.leaveRecursiveCall();
  }
}

function encodeList(v: PyList | PyTuple, o: EncOpts, markers: Set<PyObject>, level: number, out: string[]): void {
  if (v.items.length === 0) {
    out.push('[]');
    return;
  }
  if (o.circular) {
    if (markers.has(v)) raise(E.ValueError, 'Circular reference detected');
    markers.add(v);
  }
  out.push('[');
  let sep = o.itemSep;
  let nl = '';
  if (o.indent !== null) {
    level++;
    nl = '\n' + o.indent.repeat(level);
    sep = o.itemSep + nl;
    out.push(nl);
  }
  const items = v.items.slice();
  for (const x of items) incref(x);
  try {
    for (let i = 0; i < items.length; i++) {
      if (i) out.push(sep);
      encodeObj(items[i], o, markers, level, out);
    }
  } finally {
    for (const x of items) decref(x);
  }
  if (o.indent !== null) out.push('\n' + o.indent.repeat(level - 1));
  out.push(']');
  if (o.circular) markers.delete(v);
}

function encodeKey(k: PyObject, o: EncOpts): string | null {
  if (k instanceof PyStr) return k.v;
  if (k instanceof PyFloat) return encodeFloat(k.v, o);
  if (k === True) return 'true';
  if (k === False) return 'false';
  if (k === None) return 'null';
  if (k instanceof PyInt) return intToDecimalString(k.v);
  if (o.skipkeys) return null;
  typeError(`keys must be str, int, float, bool or None, not ${k.type.name}`);
}

function encodeDict(d: PyDict, o: EncOpts, markers: Set<PyObject>, level: number, out: string[]): void {
  if (d.size === 0) {
    out.push('{}');
    return;
  }
  if (o.circular) {
    if (markers.has(d)) raise(E.ValueError, 'Circular reference detected');
    markers.add(d);
  }
  out.push('{');
  let sep = o.itemSep;
  if (o.indent !== null) {
    level++;
    const nl = '\n' + o.indent.repeat(level);
    sep = o.itemSep + nl;
    out.push(nl);
  }
  const entries = [...d.entries()];
  for (const [k, v] of entries) {
    incref(k);
    incref(v);
  }
  try {
    if (o.sortKeys) {
      // PyList_Sort of the items: the keys are compared (they are distinct)
      const idx = entries.map((_, i) => i);
      mergeSort(idx, (a, b) => abs.richCompareBool(entries[a][0], entries[b][0], abs.Cmp.LT));
      const sorted = idx.map((i) => entries[i]);
      entries.splice(0, entries.length, ...sorted);
    }
    let first = true;
    for (const [k, v] of entries) {
      const ks = encodeKey(k, o);
      if (ks === null) continue;
      if (!first) out.push(sep);
      first = false;
      out.push(encodeString(ks, o.ascii));
      out.push(o.keySep);
      encodeObj(v, o, markers, level, out);
    }
  } finally {
    for (const [k, v] of entries) {
      decref(k);
      decref(v);
    }
  }
  if (o.indent !== null) out.push('\n' + o.indent.repeat(level - 1));
  out.push('}');
  if (o.circular) markers.delete(d);
}

/** a stable sort with a "less than" predicate (list.sort semantics) */
function mergeSort(a: number[], lt: (x: number, y: number) => boolean): void {
  if (a.length < 2) return;
  const mid = a.length >> 1;
  const l = a.slice(0, mid);
  const r = a.slice(mid);
  mergeSort(l, lt);
  mergeSort(r, lt);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < l.length && j < r.length) a[k++] = lt(r[j], l[i]) ? r[j++] : l[i++];
  while (i < l.length) a[k++] = l[i++];
  while (j < r.length) a[k++] = r[j++];
}

// _encode(o, skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys, indent, item_separator, key_separator, default)
function nativeEncode(args: PyObject[]): PyObject {
  if (args.length !== 10) typeError('_encode expects 10 arguments');
  const [obj, sk, ea, cc, an, sortk, ind, isep, ksep, dflt] = args;
  let indent: string | null = null;
  if (ind !== None) {
    if (ind instanceof PyStr) indent = ind.v;
    else indent = ' '.repeat(Math.max(0, Number(abs.index(ind))));
  }
  if (!(isep instanceof PyStr) || !(ksep instanceof PyStr)) typeError('separators must be str');
  const o: EncOpts = {
    skipkeys: abs.isTrue(sk),
    ascii: abs.isTrue(ea),
    circular: abs.isTrue(cc),
    allowNan: abs.isTrue(an),
    sortKeys: abs.isTrue(sortk),
    indent,
    itemSep: isep.v,
    keySep: ksep.v,
    dflt,
  };
  const out: string[] = [];
  encodeObj(obj, o, new Set(), 0, out);
  return newStr(out.join(''));
}

// ------------------------------------------------------------------ scanner
interface DecOpts {
  s: string;
  doc: PyStr;
  objectHook: PyObject | null;
  pairsHook: PyObject | null;
  parseFloat: PyObject | null;
  parseInt: PyObject | null;
  parseConstant: PyObject | null;
  strict: boolean;
  errcls: PyObject;
  memo: Map<string, PyStr>;
}

class Decoder {
  constructor(public o: DecOpts) {}
  /** JSONDecodeError(msg, doc, pos); pos counted in code points */
  fail(msg: string, pos: number): never {
    const s = this.o.s;
    let cp = pos;
    for (let i = 0; i < pos && i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp--;
          i++;
        }
      }
    }
    const m = newStr(msg);
    const p = newInt(cp);
    let exc: PyObject;
    try {
      exc = abs.call(this.o.errcls, [m, this.o.doc, p], null);
    } finally {
      decref(m);
      decref(p);
    }
    throw exc;
  }
  ws(i: number): number {
    const s = this.o.s;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    return i;
  }
  /** scan_once_unicode: a value at i (no leading whitespace) -> [value, end] */
  value(i: number): [PyObject, number] {
    const s = this.o.s;
    if (i >= s.length) this.fail('Expecting value', i);
    const c = s[i];
    switch (c) {
      case '"':
        return this.string(i + 1);
      case '{':
        return this.object(i + 1);
      case '[':
        return this.array(i + 1);
      case 'n':
        if (s.startsWith('null', i)) return [newRef(None), i + 4];
        break;
      case 't':
        if (s.startsWith('true', i)) return [newRef(True), i + 4];
        break;
      case 'f':
        if (s.startsWith('false', i)) return [newRef(False), i + 5];
        break;
      case 'N':
        if (s.startsWith('NaN', i)) return [this.constant('NaN'), i + 3];
        break;
      case 'I':
        if (s.startsWith('Infinity', i)) return [this.constant('Infinity'), i + 8];
        break;
      case '-':
        if (s.startsWith('-Infinity', i)) return [this.constant('-Infinity'), i + 9];
        break;
    }
    return this.number(i);
  }
  constant(name: string): PyObject {
    if (this.o.parseConstant) {
      const n = newStr(name);
      try {
        return abs.call(this.o.parseConstant, [n], null);
      } finally {
        decref(n);
      }
    }
    return newFloat(name === 'NaN' ? NaN : name === 'Infinity' ? Infinity : -Infinity);
  }
  number(i: number): [PyObject, number] {
    const s = this.o.s;
    const m = /^(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(s.slice(i, i + 4000));
    if (!m) this.fail('Expecting value', i);
    const text = m[0];
    const end = i + text.length;
    if (m[2] || m[3]) {
      if (this.o.parseFloat) {
        const t = newStr(text);
        try {
          return [abs.call(this.o.parseFloat, [t], null), end];
        } finally {
          decref(t);
        }
      }
      return [newFloat(Number(text)), end];
    }
    if (this.o.parseInt) {
      const t = newStr(text);
      try {
        return [abs.call(this.o.parseInt, [t], null), end];
      } finally {
        decref(t);
      }
    }
    return [text.length > 15 ? pyInt(BigInt(text)) : newInt(Number(text)), end];
  }
  /** scanstring_unicode: i is just after the opening quote */
  stringJS(i: number): [string, number] {
    const s = this.o.s;
    const begin = i - 1;
    let out = '';
    for (;;) {
      let j = i;
      while (j < s.length) {
        const c = s.charCodeAt(j);
        if (c === 34 || c === 92) break;
        if (c < 0x20 && this.o.strict) this.fail('Invalid control character at', j);
        j++;
      }
      if (j >= s.length) this.fail('Unterminated string starting at', begin);
      out += s.slice(i, j);
      if (s.charCodeAt(j) === 34) return [out, j + 1];
      // backslash
      j++;
      if (j >= s.length) this.fail('Unterminated string starting at', begin);
      const e = s[j];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) {
        out += simple[e];
        i = j + 1;
        continue;
      }
      if (e !== 'u') this.fail('Invalid \\escape', j - 1);
      const h = s.slice(j + 1, j + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(h)) this.fail('Invalid \\uXXXX escape', j - 1);
      let cp = parseInt(h, 16);
      i = j + 5;
      if (cp >= 0xd800 && cp <= 0xdbff && s[i] === '\\' && s[i + 1] === 'u') {
        const h2 = s.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(h2)) this.fail('Invalid \\uXXXX escape', i);
        const lo = parseInt(h2, 16);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i += 6;
        }
      }
      out += String.fromCodePoint(cp);
    }
  }
  string(i: number): [PyObject, number] {
    const [v, end] = this.stringJS(i);
    return [newStr(v), end];
  }
  object(i: number): [PyObject, number] {
    const s = this.o.s;
    const pairs: [PyObject, PyObject][] = [];
    const release = () => {
      for (const [k, v] of pairs) {
        decref(k);
        decref(v);
      }
    };
    try {
      i = this.ws(i);
      if (s[i] !== '}') {
        for (;;) {
          if (s[i] !== '"') this.fail('Expecting property name enclosed in double quotes', i);
          const [kv, kend] = this.stringJS(i + 1);
          let key = this.o.memo.get(kv);
          if (key) incref(key);
          else {
            key = newStr(kv);
            this.o.memo.set(kv, key);
            incref(key);
          }
          i = kend;
          if (s[i] !== ':') {
            i = this.ws(i);
            if (s[i] !== ':') {
              decref(key);
              this.fail("Expecting ':' delimiter", i);
            }
          }
          i = this.ws(i + 1);
          let val: PyObject;
          try {
            [val, i] = this.value(i);
          } catch (e) {
            decref(key);
            throw e;
          }
          pairs.push([key, val]);
          i = this.ws(i);
          if (s[i] === '}') break;
          if (s[i] !== ',') this.fail("Expecting ',' delimiter", i);
          i = this.ws(i + 1);
        }
      }
      i++;
    } catch (e) {
      release();
      throw e;
    }
    if (this.o.pairsHook) {
      const l = newList(pairs.map(([k, v]) => newTuple([k, v])));
      try {
        return [abs.call(this.o.pairsHook, [l], null), i];
      } finally {
        decref(l);
      }
    }
    const d = newDict();
    for (const [k, v] of pairs) d.setItem(k, v);
    release();
    if (this.o.objectHook) {
      try {
        return [abs.call(this.o.objectHook, [d], null), i];
      } finally {
        decref(d);
      }
    }
    return [d, i];
  }
  array(i: number): [PyObject, number] {
    const s = this.o.s;
    const l = newList([]);
    try {
      i = this.ws(i);
      if (s[i] !== ']') {
        for (;;) {
          const [v, end] = this.value(i);
          listAppend(l, v); // steals
          i = this.ws(end);
          if (s[i] === ']') break;
          if (s[i] !== ',') this.fail("Expecting ',' delimiter", i);
          i = this.ws(i + 1);
        }
      }
    } catch (e) {
      decref(l);
      throw e;
    }
    return [l, i + 1];
  }
}

/** json.detect_encoding (Lib/json/__init__.py): the codec of JSON bytes, by BOM or by where the
 * zero bytes of the first ASCII characters are */
function detectEncoding(b: Uint8Array): string {
  const starts = (...p: number[]) => b.length >= p.length && p.every((x, i) => b[i] === x);
  if (starts(0, 0, 0xfe, 0xff) || starts(0xff, 0xfe, 0, 0)) return 'utf-32';
  if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) return 'utf-16';
  if (starts(0xef, 0xbb, 0xbf)) return 'utf-8-sig';
  if (b.length >= 4) {
    if (!b[0]) return b[1] ? 'utf-16-be' : 'utf-32-be';
    if (!b[1]) return b[2] || b[3] ? 'utf-16-le' : 'utf-32-le';
  } else if (b.length === 2) {
    if (!b[0]) return 'utf-16-be';
    if (!b[1]) return 'utf-16-le';
  }
  return 'utf-8';
}

/** b.decode(detect_encoding(b), 'surrogatepass') */
function decodeJsonBytes(b: Uint8Array): string {
  return decodeBytes(b, detectEncoding(b), 'surrogatepass');
}

// _decode(s, idx, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict, errcls, raw)
function nativeDecode(args: PyObject[]): PyObject {
  if (args.length !== 10) typeError('_decode expects 10 arguments');
  const [so, idxO, oh, ph, pf, pi, pc, strict, errcls, raw] = args;
  if (!(so instanceof PyStr)) {
    // JSONDecoder.decode matches WHITESPACE (a str pattern) first; raw_decode is scan_once's check
    if (abs.isTrue(raw)) typeError(`first argument must be a string, not ${so.type.name}`);
    if (so instanceof PyBytes) typeError('cannot use a string pattern on a bytes-like object');
    typeError(`expected string or bytes-like object, got '${so.type.name}'`);
  }
  const opt = (x: PyObject) => (x === None ? null : x);
  const memo = new Map<string, PyStr>();
  const dec = new Decoder({
    s: so.v,
    doc: so,
    objectHook: opt(oh),
    pairsHook: opt(ph),
    parseFloat: opt(pf),
    parseInt: opt(pi),
    parseConstant: opt(pc),
    strict: abs.isTrue(strict),
    errcls,
    memo,
  });
  try {
    // positions are code units here; idx is a code point index
    let i = 0;
    const want = Number(abs.index(idxO));
    for (let c = 0; c < want && i < so.v.length; c++) {
      const ch = so.v.charCodeAt(i);
      i += ch >= 0xd800 && ch <= 0xdbff ? 2 : 1;
    }
    if (abs.isTrue(raw)) {
      if (want < 0) raise(E.ValueError, 'idx cannot be negative');
      const [v, end] = dec.value(i);
      let cpEnd = 0;
      for (let k = 0; k < end; k++) {
        const ch = so.v.charCodeAt(k);
        if (!(ch >= 0xdc00 && ch <= 0xdfff)) cpEnd++;
      }
      return newTuple([v, newInt(cpEnd)]);
    }
    if (so.v.startsWith('\ufeff')) dec.fail('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
    i = dec.ws(i);
    const [v, end] = dec.value(i);
    const e2 = dec.ws(end);
    if (e2 !== so.v.length) {
      decref(v);
      dec.fail('Extra data', e2);
    }
    return v;
  } finally {
    for (const k of memo.values()) decref(k);
  }
}

const JSON_SRC = `
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\\n', 0, pos) + 1
        colno = pos - doc.rfind('\\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)

JSONDecodeError.__module__ = 'json.decoder'


class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        return _encode(o, self.skipkeys, self.ensure_ascii, self.check_circular,
                       self.allow_nan, self.sort_keys, self.indent,
                       self.item_separator, self.key_separator, self.default)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

JSONEncoder.__module__ = 'json.encoder'


class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return _decode(s, 0, self.object_hook, self.object_pairs_hook, self.parse_float,
                       self.parse_int, self.parse_constant, self.strict, JSONDecodeError, False)

    def raw_decode(self, s, idx=0):
        return _decode(s, idx, self.object_hook, self.object_pairs_hook, self.parse_float,
                       self.parse_int, self.parse_constant, self.strict, JSONDecodeError, True)

JSONDecoder.__module__ = 'json.decoder'

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
        allow_nan=True, cls=None, indent=None, separators=None,
        default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
        cls is None and indent is None and separators is None and
        default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
        allow_nan=True, cls=None, indent=None, separators=None,
        default=None, sort_keys=False, **kw):
    fp.write(dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                   check_circular=check_circular, allow_nan=allow_nan, cls=cls,
                   indent=indent, separators=separators, default=default,
                   sort_keys=sort_keys, **kw))


def loads(s, *, cls=None, object_hook=None, parse_float=None,
        parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = _decode_bytes(s)
    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
        parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(),
        cls=cls, object_hook=object_hook,
        parse_float=parse_float, parse_int=parse_int,
        parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']
`;

registerModule('json', (m: ModuleBuilder) => {
  // its functions are _json's in CPython (their __self__)
  m.functionsOf('_json');
  m.fn('_encode', (args) => nativeEncode(args));
  m.fn('_decode', (args) => nativeDecode(args));
  m.fn('_decode_bytes', (args) => newStr(decodeJsonBytes((args[0] as PyBytes).v)));
  m.fn('detect_encoding', (args, kw) => {
    if ((kw && kw.length) || args.length !== 1) typeError(`detect_encoding() takes 1 positional argument but ${args.length} were given`);
    const b = args[0];
    // (b.startswith((codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE)) is its first step)
    if (b instanceof PyStr) typeError('tuple for startswith must only contain str, not bytes');
    if (!(b instanceof PyBytes)) raise(E.AttributeError, `'${b.type.name}' object has no attribute 'startswith'`);
    return newStr(detectEncoding(b.v));
  });
  execSource(m, JSON_SRC, '<frozen json>');
});

void PyList;
