// The json package: CPython 3.11's Lib/json/__init__.py, decoder.py, scanner.py and encoder.py run
// from their source (pysrc/json_*.ts, under CPython's file names, so a traceback through them is
// CPython's), over `_json` written here as Modules/_json.c: the Scanner (c_make_scanner:
// scan_once_unicode, scanstring_unicode, _parse_object/_parse_array, _match_number), the
// Encoder (c_make_encoder: encoder_listencode_obj/_dict/_list, encoder_encode_float),
// scanstring and encode_basestring(_ascii).

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
import { execStdlibSource, pyInt, noKw, STDLIB_DIR } from './modutil';
import { Edge, TypeFlags, type Visit } from '../runtime/object';
import { makeType, inModule } from '../runtime/types';
import { parseArgs, defGetter } from '../runtime/define';
import { gcNewObject } from '../runtime/gc';
import { PyBaseException } from '../runtime/objects/exception';
import { IntType } from '../runtime/objects/int';
import { FloatType } from '../runtime/objects/float';
import { vmState } from '../runtime/vm/eval';
import { JSON_INIT_SRC } from './pysrc/json_init';
import { JSON_DECODER_SRC } from './pysrc/json_decoder';
import { JSON_SCANNER_SRC } from './pysrc/json_scanner';
import { JSON_ENCODER_SRC } from './pysrc/json_encoder';
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
  /** the encoder() to call for each str, null for c_encode_basestring(_ascii) itself */
  encoder: PyObject | null;
}

/** encoder_encode_string: the JSON text of str s */
function encodeStr(v: PyStr, o: EncOpts): string {
  if (!o.encoder) return encodeString(v.v, o.ascii);
  const r = abs.call(o.encoder, [v], null);
  try {
    if (!(r instanceof PyStr)) typeError(`encoder() must return a string, not ${r.type.name}`);
    return r.v;
  } finally {
    decref(r);
  }
}

function encodeFloat(x: number, o: EncOpts): string {
  if (!Number.isFinite(x)) {
    if (!o.allowNan) raise(E.ValueError, 'Out of range float values are not JSON compliant');
    return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  }
  return floatRepr(x);
}

function encodeObj(v: PyObject, o: EncOpts, markers: Set<PyObject>, level: number, out: string[]): void {
  // (encoder_listencode_obj's order of tests)
  if (v === None) out.push('null');
  else if (v === True) out.push('true');
  else if (v === False) out.push('false');
  else if (v instanceof PyStr) out.push(encodeStr(v, o));
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
      out.push(k instanceof PyStr ? encodeStr(k, o) : encodeString(ks, o.ascii));
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

// ------------------------------------------------------------------ scanner
interface DecOpts {
  s: string;
  doc: PyStr;
  objectHook: PyObject | null;
  pairsHook: PyObject | null;
  /** null: float itself (PyFloat_FromString) */
  parseFloat: PyObject | null;
  /** null: int itself (PyLong_FromString) */
  parseInt: PyObject | null;
  parseConstant: PyObject;
  strict: boolean;
  memo: PyDict;
}

/** JSONDecodeError, as raise_errmsg finds it: json.decoder's attribute */
function jsonDecodeError(): PyObject {
  const mod = vmState.importModule!('json.decoder', vmState.current!);
  try {
    return abs.getAttr(mod, 'JSONDecodeError');
  } finally {
    decref(mod);
  }
}

class Decoder {
  constructor(public o: DecOpts) {}
  /** pos (a code unit index) counted in code points */
  cp(pos: number): number {
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
    return cp;
  }
  /** raise_errmsg: JSONDecodeError(msg, doc, pos) */
  fail(msg: string, pos: number): never {
    const errcls = jsonDecodeError();
    const m = newStr(msg);
    const p = newInt(this.cp(pos));
    let exc: PyObject;
    try {
      exc = abs.call(errcls, [m, this.o.doc, p], null);
    } finally {
      decref(m);
      decref(p);
      decref(errcls);
    }
    throw exc;
  }
  /** raise_stop_iteration: no JSON value at pos (raw_decode makes it "Expecting value") */
  stop(pos: number): never {
    const e = new PyBaseException(E.StopIteration, newTuple([newInt(this.cp(pos))]));
    gcNewObject(e, true);
    throw e;
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
    if (i >= s.length) this.stop(i);
    const c = s[i];
    switch (c) {
      case '"':
        return this.string(i + 1);
      case '{':
        abs.enterRecursiveCall(' while decoding a JSON object from a unicode string');
        try {
          return this.object(i + 1);
        } finally {
          abs.leaveRecursiveCall();
        }
      case '[':
        abs.enterRecursiveCall(' while decoding a JSON array from a unicode string');
        try {
          return this.array(i + 1);
        } finally {
          abs.leaveRecursiveCall();
        }
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
  /** _parse_constant: parse_constant(name) */
  constant(name: string): PyObject {
    const n = newStr(name);
    try {
      return abs.call(this.o.parseConstant, [n], null);
    } finally {
      decref(n);
    }
  }
  number(i: number): [PyObject, number] {
    const s = this.o.s;
    const m = /^(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(s.slice(i, i + 4000));
    if (!m) this.stop(i);
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
  /** _parse_object_unicode: i is just after the '{' */
  object(i: number): [PyObject, number] {
    const s = this.o.s;
    const pairs = this.o.pairsHook !== null;
    const rval: PyObject = pairs ? newList([]) : newDict();
    try {
      i = this.ws(i);
      if (i >= s.length || s[i] !== '}') {
        for (;;) {
          if (i >= s.length || s[i] !== '"') this.fail('Expecting property name enclosed in double quotes', i);
          const [kv, kend] = this.stringJS(i + 1);
          let key: PyObject = newStr(kv);
          // memokey = PyDict_SetDefault(s->memo, key, key)
          const memo = this.o.memo.getItem(key);
          if (memo) {
            incref(memo);
            decref(key);
            key = memo;
          } else this.o.memo.setItem(key, key);
          let val: PyObject;
          try {
            i = this.ws(kend);
            if (i >= s.length || s[i] !== ':') this.fail("Expecting ':' delimiter", i);
            i = this.ws(i + 1);
            [val, i] = this.value(i);
          } catch (e) {
            decref(key);
            throw e;
          }
          if (pairs) listAppend(rval as PyList, newTuple([key, val])); // (both stolen)
          else {
            try {
              (rval as PyDict).setItem(key, val);
            } finally {
              decref(key);
              decref(val);
            }
          }
          i = this.ws(i);
          if (i < s.length && s[i] === '}') break;
          if (i >= s.length || s[i] !== ',') this.fail("Expecting ',' delimiter", i);
          i = this.ws(i + 1);
        }
      }
    } catch (e) {
      decref(rval);
      throw e;
    }
    i++;
    const hook = pairs ? this.o.pairsHook : this.o.objectHook;
    if (hook) {
      try {
        return [abs.call(hook, [rval], null), i];
      } finally {
        decref(rval);
      }
    }
    return [rval, i];
  }
  /** _parse_array_unicode: i is just after the '[' */
  array(i: number): [PyObject, number] {
    const s = this.o.s;
    const l = newList([]);
    try {
      i = this.ws(i);
      if (i >= s.length || s[i] !== ']') {
        for (;;) {
          const [v, end] = this.value(i);
          listAppend(l, v); // steals
          i = this.ws(end);
          if (i < s.length && s[i] === ']') break;
          if (i >= s.length || s[i] !== ',') this.fail("Expecting ',' delimiter", i);
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

/** the code unit index of code point idx of s */
function unitIndex(s: string, idx: number): number {
  let i = 0;
  for (let c = 0; c < idx && i < s.length; c++) {
    const ch = s.charCodeAt(i);
    i += ch >= 0xd800 && ch <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

function strictBool(name: string, o: PyObject): boolean {
  if (o === True || o === False) return o === True;
  if (o instanceof PyInt) return abs.isTrue(o);
  typeError(`'${o.type.name}' object cannot be interpreted as an integer`);
  void name;
}

function ssizeArg(fname: string, o: PyObject): number {
  if (!(o instanceof PyInt) && !abs.typeLookup(o.type, '__index__')) typeError(`'${o.type.name}' object cannot be interpreted as an integer`);
  return Number(abs.index(o));
}

// ------------------------------------------------------------------ _json.Scanner (c_make_scanner)
const ScannerType = inModule(makeType('Scanner', null, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 64), '_json');
ScannerType.doc = 'JSON scanner object';

class PyScanner extends PyObject {
  strict = true;
  fields: PyObject[] = [];
  /** object_hook, object_pairs_hook, parse_float, parse_int, parse_constant */
  constructor(public memo: PyDict) {
    super(ScannerType);
  }
  override traverse(visit: Visit): void {
    const names = ['object_hook', 'object_pairs_hook', 'parse_float', 'parse_int', 'parse_constant'];
    this.fields.forEach((f, i) => visit(f, Edge.OTHER, names[i]));
    visit(this.memo, Edge.OTHER, 'memo');
  }
  override dealloc(): void {
    const f = this.fields;
    this.fields = [];
    for (const x of f) decref(x);
    decref(this.memo);
  }
}

// scanner_new: the context's strict, object_hook, object_pairs_hook, parse_float, parse_int,
// parse_constant, read once
ScannerType.slots.new = (_t, args, kw) => {
  const [ctx] = parseArgs({ name: 'make_scanner', params: ['context'], required: 1 }, args, kw);
  const sc = new PyScanner(newDict());
  gcNewObject(sc, true);
  try {
    const strict = abs.getAttr(ctx!, 'strict');
    try {
      sc.strict = abs.isTrue(strict);
    } finally {
      decref(strict);
    }
    for (const name of ['object_hook', 'object_pairs_hook', 'parse_float', 'parse_int', 'parse_constant']) sc.fields.push(abs.getAttr(ctx!, name));
  } catch (e) {
    decref(sc);
    throw e;
  }
  return sc;
};

// scanner_call: scan_once(string, idx) -> (value, end), StopIteration(idx) when no value starts there
ScannerType.slots.call = (o, args, kw) => {
  const sc = o as PyScanner;
  const [so, idxO] = parseArgs({ name: 'scan_once', params: ['string', 'idx'], required: 2 }, args, kw);
  const idx = ssizeArg('scan_once', idxO!);
  if (!(so instanceof PyStr)) typeError(`first argument must be a string, not ${so!.type.name}`);
  const [oh, ph, pf, pi, pc] = sc.fields;
  const dec = new Decoder({
    s: so.v,
    doc: so,
    objectHook: oh === None ? null : oh,
    pairsHook: ph === None ? null : ph,
    parseFloat: pf === FloatType ? null : pf,
    parseInt: pi === IntType ? null : pi,
    parseConstant: pc,
    strict: sc.strict,
    memo: sc.memo,
  });
  let v: PyObject;
  let end: number;
  try {
    if (idx < 0) raise(E.ValueError, 'idx cannot be negative');
    [v, end] = dec.value(unitIndex(so.v, idx));
  } finally {
    sc.memo.clear();
  }
  return newTuple([v, newInt(dec.cp(end))]);
};

for (const name of ['strict', 'object_hook', 'object_pairs_hook', 'parse_float', 'parse_int', 'parse_constant']) {
  const k = name === 'strict' ? -1 : ['object_hook', 'object_pairs_hook', 'parse_float', 'parse_int', 'parse_constant'].indexOf(name);
  defGetter(ScannerType, name, (o) => (k < 0 ? newRef((o as PyScanner).strict ? True : False) : newRef((o as PyScanner).fields[k])), () =>
    raise(E.AttributeError, 'readonly attribute'),
  );
}

// ------------------------------------------------------------------ _json.Encoder (c_make_encoder)
const EncoderType = inModule(makeType('Encoder', null, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 80), '_json');
EncoderType.doc = 'Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)';

const ENC_FIELDS = ['markers', 'default', 'encoder', 'indent', 'key_separator', 'item_separator'];
class PyEncoder extends PyObject {
  /** markers, default, encoder, indent, key_separator, item_separator */
  fields: PyObject[] = [];
  sortKeys = false;
  skipkeys = false;
  allowNan = true;
  constructor() {
    super(EncoderType);
  }
  override traverse(visit: Visit): void {
    this.fields.forEach((f, i) => visit(f, Edge.OTHER, ENC_FIELDS[i]));
  }
  override dealloc(): void {
    const f = this.fields;
    this.fields = [];
    for (const x of f) decref(x);
  }
}

let encodeAsciiFn: PyObject | null = null;
let encodeUnicodeFn: PyObject | null = null;

// encoder_new: "OOOOUUppp:make_encoder"
EncoderType.slots.new = (_t, args, kw) => {
  const a = parseArgs({ name: 'make_encoder', params: [...ENC_FIELDS, 'sort_keys', 'skipkeys', 'allow_nan'], required: 9 }, args, kw);
  const [markers, , , , ksep, isep] = a;
  if (markers !== None && !(markers instanceof PyDict)) typeError(`make_encoder() argument 1 must be dict or None, not ${markers!.type.name}`);
  if (!(ksep instanceof PyStr)) typeError(`make_encoder() argument 5 must be str, not ${ksep!.type.name}`);
  if (!(isep instanceof PyStr)) typeError(`make_encoder() argument 6 must be str, not ${isep!.type.name}`);
  const flags = [a[6]!, a[7]!, a[8]!].map((x) => abs.isTrue(x));
  const e = new PyEncoder();
  for (let i = 0; i < 6; i++) e.fields.push(newRef(a[i]!));
  [e.sortKeys, e.skipkeys, e.allowNan] = flags;
  gcNewObject(e, true);
  return e;
};

// encoder_call: _iterencode(obj, _current_indent_level) -> [the whole text]
EncoderType.slots.call = (o, args, kw) => {
  const enc = o as PyEncoder;
  const [obj, lvl] = parseArgs({ name: '_iterencode', params: ['obj', '_current_indent_level'], required: 2 }, args, kw);
  ssizeArg('_iterencode', lvl!);
  const [markers, dflt, encoder, , ksep, isep] = enc.fields;
  const fast = encoder === encodeAsciiFn ? 'ascii' : encoder === encodeUnicodeFn ? 'unicode' : null;
  const opts: EncOpts = {
    skipkeys: enc.skipkeys,
    ascii: fast !== 'unicode',
    circular: markers !== None,
    allowNan: enc.allowNan,
    sortKeys: enc.sortKeys,
    indent: null,
    itemSep: (isep as PyStr).v,
    keySep: (ksep as PyStr).v,
    dflt,
    encoder: fast ? null : encoder,
  };
  const out: string[] = [];
  encodeObj(obj!, opts, new Set(), 0, out);
  return newList([newStr(out.join(''))]);
};
for (let k = 0; k < ENC_FIELDS.length; k++) {
  defGetter(EncoderType, ENC_FIELDS[k], (o) => newRef((o as PyEncoder).fields[k]), () => raise(E.AttributeError, 'readonly attribute'));
}
defGetter(EncoderType, 'sort_keys', (o) => newRef((o as PyEncoder).sortKeys ? True : False), () => raise(E.AttributeError, 'readonly attribute'));
defGetter(EncoderType, 'skipkeys', (o) => newRef((o as PyEncoder).skipkeys ? True : False), () => raise(E.AttributeError, 'readonly attribute'));

registerModule('_json', (m: ModuleBuilder) => {
  m.own('__file__', newStr(`${STDLIB_DIR}/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so`));
  m.fn('encode_basestring_ascii', (args, kw) => {
    noKw('encode_basestring_ascii', kw);
    if (args.length !== 1) typeError(`encode_basestring_ascii() takes exactly one argument (${args.length} given)`);
    if (!(args[0] instanceof PyStr)) typeError(`first argument must be a string, not ${args[0].type.name}`);
    return newStr(encodeString(args[0].v, true));
  });
  m.fn('encode_basestring', (args, kw) => {
    noKw('encode_basestring', kw);
    if (args.length !== 1) typeError(`encode_basestring() takes exactly one argument (${args.length} given)`);
    if (!(args[0] instanceof PyStr)) typeError(`first argument must be a string, not ${args[0].type.name}`);
    return newStr(encodeString(args[0].v, false));
  });
  encodeAsciiFn = m.dict.getStr(abs.strKey('encode_basestring_ascii'))!;
  encodeUnicodeFn = m.dict.getStr(abs.strKey('encode_basestring'))!;
  // py_scanstring: scanstring(string, end, strict=True) -> (str, end)
  m.fn('scanstring', (args, kw) => {
    noKw('scanstring', kw);
    if (args.length < 2 || args.length > 3) typeError(`scanstring expected ${args.length < 2 ? 'at least 2' : 'at most 3'} arguments, got ${args.length}`);
    const [so, endO] = args;
    const end = ssizeArg('scanstring', endO);
    const strict = args.length > 2 ? strictBool('strict', args[2]) : true;
    if (!(so instanceof PyStr)) typeError(`first argument must be a string, not ${so.type.name}`);
    const dec = dec0(so, strict);
    if (end < 0 || end > dec.cp(so.v.length)) raise(E.ValueError, 'end is out of bounds');
    const u = unitIndex(so.v, end);
    const [v, e] = dec.stringJS(u);
    return newTuple([newStr(v), newInt(dec.cp(e))]);
  });
  m.set('make_scanner', ScannerType);
  m.set('make_encoder', EncoderType);
});

function dec0(so: PyStr, strict = true): Decoder {
  return new Decoder({ s: so.v, doc: so, objectHook: null, pairsHook: null, parseFloat: null, parseInt: null, parseConstant: None, strict, memo: null! });
}

// ------------------------------------------------------------------ the json package (Lib/json/*.py)
function submoduleInit(rel: string, src: string): (m: ModuleBuilder) => void {
  return (m) => execStdlibSource(m, src, rel);
}
registerModule('json', (m) => {
  m.own('__path__', newList([newStr(`${STDLIB_DIR}/json`)]));
  execStdlibSource(m, JSON_INIT_SRC, 'json/__init__.py');
});
registerModule('json.decoder', submoduleInit('json/decoder.py', JSON_DECODER_SRC));
registerModule('json.scanner', submoduleInit('json/scanner.py', JSON_SCANNER_SRC));
registerModule('json.encoder', submoduleInit('json/encoder.py', JSON_ENCODER_SRC));
