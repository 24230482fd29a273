// Methods of str (Objects/unicodeobject.c, Objects/stringlib, Python/formatter_unicode.c,
// Objects/stringlib/unicode_format.h for str.format).

import { PyObject, PyType, TypeFlags, newRef, decref, incref } from '../object';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import { PyStr, StrType, newStr, freshStr, strSizeof, internStr, flatten } from './str';
import { PyTuple, newTuple, TupleType } from './tuple';
import { PyList, newList, ListType } from './list';
import { PyDict, newDict } from './dict';
import { PyInt, newInt, newBool } from './int';
import { PyFloat } from './float';
import { None } from './singletons';
import { PySlice, newStrIter, newSeqIter } from './misc';
import { gcNewTracked } from './tuple';
import { parseArgs, strArg } from '../define';
import { PyBytes, decodeBytes } from './bytes';
import { typeDict } from '../define';
import { PyBuiltinFunction, BuiltinFunctionType } from '../types';
import { formatObject } from '../../modules/shared';
import { percentFormat, type PercentArgs } from '../primitives/format';
import { FormatError } from '../primitives/errors';
import { isPySpace, strToInt } from '../primitives/intstr';
import { isUpperCp, isLowerCp, isTitleCp, isCasedCp, isAlphaCp, isDecimalCp, isDigitCp, isNumericCp, isPrintableCp, isXidStartCp, isXidContinueCp, upperFull, lowerAt, foldFull, titleFull } from '../unicase';
import { intToFloat, floatToInt } from '../numeric';
import { def, def0, defBin, defUn, posArgs, notImpl, sliceIndices, seqIndexOf, repeatCount, hasIndex, withTypeEdge, adjustIndices as adjust } from './common_methods';
import { otherMayReflect, listExtend } from './list_methods';

// ---------------------------------------------------------------- code point helpers
/** the string as an array of code points when it has astral characters, else the string itself */
function cps(s: PyStr | string): string | string[] {
  const v = typeof s === 'string' ? s : s.v;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return Array.from(v);
  }
  return v;
}
function cpLen(s: string): number {
  const a = cps(s);
  return a.length;
}
function join(a: string | string[], i: number, j: number): string {
  return typeof a === 'string' ? a.slice(i, j) : a.slice(i, j).join('');
}
/** code point index of a UTF-16 index in s */
function toCp(s: string, u: number): number {
  if (u < 0) return u;
  let n = 0;
  for (let i = 0; i < u; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < u) i++;
    n++;
  }
  return n;
}
/** UTF-16 index of code point index k */
function toU(s: string, k: number): number {
  let i = 0;
  for (let n = 0; n < k && i < s.length; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return i;
}

function argStr(o: PyObject, msg: string): string {
  if (!(o instanceof PyStr)) typeError(msg);
  return o.v;
}
function mustStr(o: PyObject): string {
  return argStr(o, `must be str, not ${o.type.name}`);
}

function sliceIdx(o: PyObject | undefined, dflt: number): number {
  if (o === undefined || o === None) return dflt;
  if (!hasIndex(o)) typeError('slice indices must be integers or None or have an __index__ method');
  const v = abs.index(o);
  if (typeof v === 'bigint') return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  return v;
}

/** find in code point units within [start, end) */
function findIn(s: string, sub: string, start: number, end: number, rev: boolean): number {
  const len = cpLen(s);
  [start, end] = adjust(start, end, len);
  if (end - start < cpLen(sub)) return -1;
  const us = toU(s, start);
  const ue = toU(s, end);
  const hay = s.slice(us, ue);
  const i = rev ? hay.lastIndexOf(sub) : hay.indexOf(sub);
  if (i < 0) return -1;
  return start + toCp(hay, i);
}
function countIn(s: string, sub: string, start: number, end: number): number {
  const len = cpLen(s);
  [start, end] = adjust(start, end, len);
  if (end < start) return 0;
  const subLen = cpLen(sub);
  if (end - start < subLen) return 0;
  if (sub.length === 0) return end - start + 1;
  const hay = s.slice(toU(s, start), toU(s, end));
  let c = 0;
  for (let i = hay.indexOf(sub); i >= 0; i = hay.indexOf(sub, i + sub.length)) c++;
  return c;
}

/** the code points of s (a lone surrogate is one) */
function codePoints(s: string): number[] {
  const a: number[] = [];
  for (const ch of s) a.push(ch.codePointAt(0)!);
  return a;
}
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** do_upper */
function pyUpper(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) out += upperFull(ch.codePointAt(0)!);
  return out;
}
/** do_lower (lower_ucs4: the final sigma) */
function pyLower(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  const cps = codePoints(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}
/** do_casefold */
function pyCasefold(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += foldFull(ch.codePointAt(0)!);
  return out;
}
/** do_swapcase */
function pySwapcase(s: string): string {
  const cps = codePoints(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    out += isUpperCp(c) ? lowerAt(cps, i) : isLowerCp(c) ? upperFull(c) : String.fromCodePoint(c);
  }
  return out;
}
/** do_capitalize: the first character in title case, the rest in lower case */
function pyCapitalize(s: string): string {
  const cps = codePoints(s);
  if (cps.length === 0) return s;
  let out = titleFull(cps[0]);
  for (let i = 1; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}
/** do_title */
function pyTitle(s: string): string {
  const cps = codePoints(s);
  let out = '';
  let prevCased = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    out += prevCased ? lowerAt(cps, i) : titleFull(c);
    prevCased = isCasedCp(c);
  }
  return out;
}

/** every character has the property ('' has none) */
function allCps(s: string, f: (cp: number) => boolean): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!f(ch.codePointAt(0)!)) return false;
  return true;
}

function splitWhitespace(s: string, maxsplit: number): string[] {
  const a = Array.from(s);
  const out: string[] = [];
  let i = 0;
  const n = a.length;
  const sp = (ch: string) => isPySpace(ch.codePointAt(0)!);
  while (i < n) {
    while (i < n && sp(a[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      let j = n;
      while (j > i && sp(a[j - 1])) j--;
      out.push(a.slice(i, n).join('').replace(/\s+$/u, (m) => m).slice(0));
      // CPython keeps trailing whitespace of the remainder (only leading is skipped)
      out[out.length - 1] = a.slice(i, n).join('');
      break;
    }
    let j = i;
    while (j < n && !sp(a[j])) j++;
    out.push(a.slice(i, j).join(''));
    i = j;
  }
  return out;
}
function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const a = Array.from(s);
  const out: string[] = [];
  let i = a.length;
  const sp = (ch: string) => isPySpace(ch.codePointAt(0)!);
  while (i > 0) {
    while (i > 0 && sp(a[i - 1])) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(a.slice(0, i).join(''));
      break;
    }
    let j = i;
    while (j > 0 && !sp(a[j - 1])) j--;
    out.push(a.slice(j, i).join(''));
    i = j;
  }
  return out.reverse();
}

function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  const a = Array.from(s);
  let i = 0;
  let j = a.length;
  const set = chars === null ? null : new Set(Array.from(chars));
  const strip = (ch: string) => (set ? set.has(ch) : isPySpace(ch.codePointAt(0)!));
  if (left) while (i < j && strip(a[i])) i++;
  if (right) while (j > i && strip(a[j - 1])) j--;
  return a.slice(i, j).join('');
}

const LINE_BREAKS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029]);
function splitlines(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  let start = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (LINE_BREAKS.has(c)) {
      let eol = i + 1;
      if (c === 0x0d && i + 1 < n && s.charCodeAt(i + 1) === 0x0a) eol = i + 2;
      out.push(s.slice(start, keepends ? eol : i));
      start = i = eol;
    } else i++;
  }
  if (start < n) out.push(s.slice(start));
  return out;
}


function strResult(self: PyObject, r: string): PyObject {
  // CPython returns the same object when nothing changed for an exact str (unicode_result_unchanged)
  if (self.type === StrType && (self as PyStr).v === r) return newRef(self);
  return newStr(r);
}

export function asciiOf(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 128) out += ch;
    else if (c < 256) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

function fillChar(o: PyObject | undefined, name: string): string {
  if (o === undefined) return ' ';
  if (!(o instanceof PyStr)) typeError(`${name}() argument 2 must be str of length 1, not ${o.type.name}`);
  if (cpLen(o.v) !== 1) typeError('The fill character must be exactly one character long');
  return o.v;
}

function widthArg(o: PyObject): number {
  if (!hasIndex(o)) typeError(`'${o.type.name}' object cannot be interpreted as an integer`);
  const v = abs.index(o);
  if (typeof v === 'bigint') raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
  return v;
}

function pad(s: string, left: number, right: number, fill: string): string {
  return (left > 0 ? fill.repeat(left) : '') + s + (right > 0 ? fill.repeat(right) : '');
}

// ---------------------------------------------------------------- str.format
function formatFieldValue(fieldName: string, args: PyObject[], kwargs: PyDict | null, state: { auto: number; manual: boolean | null }): PyObject {
  // parse the first part
  let i = 0;
  while (i < fieldName.length && fieldName[i] !== '.' && fieldName[i] !== '[') i++;
  const first = fieldName.slice(0, i);
  let obj: PyObject;
  if (first === '') {
    if (state.manual === true) raise(E.ValueError, 'cannot switch from manual field specification to automatic field numbering');
    state.manual = false;
    const idx = state.auto++;
    if (idx >= args.length) raise(E.IndexError, `Replacement index ${idx} out of range for positional args tuple`);
    obj = newRef(args[idx]);
  } else if (/^[0-9]+$/.test(first)) {
    if (state.manual === false) raise(E.ValueError, 'cannot switch from automatic field numbering to manual field specification');
    state.manual = true;
    const idx = parseInt(first, 10);
    if (idx >= args.length) raise(E.IndexError, `Replacement index ${idx} out of range for positional args tuple`);
    obj = newRef(args[idx]);
  } else {
    const k = newStr(first);
    try {
      const v = kwargs ? kwargs.getItem(k) : undefined;
      if (v === undefined) {
        const e = new E.PyBaseException(E.KeyError, newTuple([newRef(k)]));
        gcNewTracked(e);
        throw e;
      }
      obj = newRef(v);
    } finally {
      decref(k);
    }
  }
  try {
    while (i < fieldName.length) {
      if (fieldName[i] === '.') {
        let j = i + 1;
        while (j < fieldName.length && fieldName[j] !== '.' && fieldName[j] !== '[') j++;
        const name = fieldName.slice(i + 1, j);
        if (name === '') raise(E.ValueError, 'Empty attribute in format string');
        const nv = abs.getAttr(obj, name);
        decref(obj);
        obj = nv;
        i = j;
      } else if (fieldName[i] === '[') {
        const j = fieldName.indexOf(']', i);
        if (j < 0) raise(E.ValueError, "Missing ']' in format string");
        const key = fieldName.slice(i + 1, j);
        if (key === '') raise(E.ValueError, 'Empty attribute in format string');
        const k = /^[0-9]+$/.test(key) ? newInt(parseInt(key, 10)) : newStr(key);
        try {
          const nv = abs.getItem(obj, k);
          decref(obj);
          obj = nv;
        } finally {
          decref(k);
        }
        i = j + 1;
        if (i < fieldName.length && fieldName[i] !== '.' && fieldName[i] !== '[') raise(E.ValueError, 'Only \'.\' or \'[\' may follow \']\' in format field specifier');
      } else raise(E.ValueError, 'Only \'.\' or \'[\' may follow \']\' in format field specifier');
    }
  } catch (e) {
    decref(obj);
    throw e;
  }
  return obj;
}

/** One piece of a parsed str.format template (see parseFormatTemplate). */
type FormatPiece =
  | { k: FieldKind.LITERAL; text: string }
  | { k: FieldKind.AUTO | FieldKind.INDEX | FieldKind.NAME; name: string; index: number; conv: string | null; spec: string; nested: boolean }
  | { k: FieldKind.ERROR; message: string };
const enum FieldKind {
  LITERAL,
  /** `{}` / `{!r:spec}`: the next automatic index, nothing after it */
  AUTO,
  /** `{0}`: a plain index, nothing after it */
  INDEX,
  /** anything else: formatFieldValue resolves it (keywords, attributes, items) */
  NAME,
  /** a malformed template: the ValueError raised once rendering reaches this point */
  ERROR,
}

/**
 * A template split into literal text and replacement fields, as CPython's rendering loop meets
 * them (Objects/stringlib/unicode_format.h MarkupIterator_next and parse_field). A template is
 * parsed once and cached; a syntax error becomes an ERROR piece, raised when rendering reaches
 * it, so that the fields before it are still formatted first (their __format__ may run code).
 */
function parseFormatTemplate(fmt: string): FormatPiece[] {
  let pieces = templateCache.get(fmt);
  if (pieces !== undefined) return pieces;
  pieces = [];
  const out = pieces;
  let lit = '';
  const fail = (message: string): void => {
    if (lit !== '') out.push({ k: FieldKind.LITERAL, text: lit });
    lit = '';
    out.push({ k: FieldKind.ERROR, message });
  };
  const end = fmt.length;
  let pos = 0;
  outer: while (pos < end) {
    // MarkupIterator_next: literal text up to the first '{' or '}'
    const start = pos;
    let c = '';
    let markup = false;
    while (pos < end) {
      c = fmt[pos++];
      if (c === '{' || c === '}') {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (c === '}' && (atEnd || fmt[pos] !== c)) {
      fail("Single '}' encountered in format string");
      break;
    }
    if (atEnd && c === '{') {
      fail("Single '{' encountered in format string");
      break;
    }
    if (!atEnd) {
      if (fmt[pos] === c) {
        // an escaped '{{' or '}}': literal text only
        pos++;
        markup = false;
      } else len--;
    }
    if (len > 0) lit += start === 0 && len === end ? fmt : fmt.slice(start, start + len);
    if (!markup) continue;
    // parse_field: the field name ends at '}', ':' or '!' (brackets skip to their ']')
    const nameStart = pos;
    c = '';
    scan: while (pos < end) {
      c = fmt[pos++];
      switch (c) {
        case '{':
          fail("unexpected '{' in field name");
          break outer;
        case '[':
          while (pos < end && fmt[pos] !== ']') pos++;
          continue;
        case '}':
        case ':':
        case '!':
          break scan;
        default:
          continue;
      }
    }
    const name = fmt.slice(nameStart, pos - 1);
    let conv: string | null = null;
    let spec = '';
    let nested = false;
    if (c === '!' || c === ':') {
      let specDone = false;
      if (c === '!') {
        if (pos >= end) {
          fail('end of string while looking for conversion specifier');
          break;
        }
        conv = String.fromCodePoint(fmt.codePointAt(pos)!);
        pos += conv.length;
        if (pos < end) {
          c = fmt[pos++];
          if (c === '}') specDone = true;
          else if (c !== ':') {
            fail("expected ':' after conversion specifier");
            break;
          }
        }
      }
      if (!specDone) {
        const specStart = pos;
        let count = 1;
        for (;;) {
          if (pos >= end) {
            fail("unmatched '{' in format spec");
            break outer;
          }
          c = fmt[pos++];
          if (c === '{') {
            nested = true;
            count++;
          } else if (c === '}' && --count === 0) break;
        }
        spec = fmt.slice(specStart, pos - 1);
      }
    } else if (c !== '}') {
      fail("expected '}' before end of string");
      break;
    }
    if (lit !== '') out.push({ k: FieldKind.LITERAL, text: lit });
    lit = '';
    const kind = name === '' ? FieldKind.AUTO : /^[0-9]+$/.test(name) ? FieldKind.INDEX : FieldKind.NAME;
    out.push({ k: kind, name, index: kind === FieldKind.INDEX ? parseInt(name, 10) : -1, conv, spec, nested });
  }
  if (lit !== '') out.push({ k: FieldKind.LITERAL, text: lit });
  if (templateCache.size >= TEMPLATE_CACHE_MAX) templateCache.clear();
  templateCache.set(fmt, out);
  return out;
}
const templateCache = new Map<string, FormatPiece[]>();
const TEMPLATE_CACHE_MAX = 1024;

export function strFormat(fmt: string, args: PyObject[], kwargs: PyDict | null, state = { auto: 0, manual: null as boolean | null }, depth = 2): string {
  if (depth < 0) raise(E.ValueError, 'Max string recursion exceeded');
  const pieces = parseFormatTemplate(fmt);
  let out = '';
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    if (piece.k === FieldKind.LITERAL) {
      out += piece.text;
      continue;
    }
    if (piece.k === FieldKind.ERROR) raise(E.ValueError, piece.message);
    let obj: PyObject;
    if (piece.k === FieldKind.AUTO) {
      if (state.manual === true) raise(E.ValueError, 'cannot switch from manual field specification to automatic field numbering');
      state.manual = false;
      const idx = state.auto++;
      if (idx >= args.length) raise(E.IndexError, `Replacement index ${idx} out of range for positional args tuple`);
      obj = newRef(args[idx]);
    } else if (piece.k === FieldKind.INDEX) {
      if (state.manual === false) raise(E.ValueError, 'cannot switch from automatic field numbering to manual field specification');
      state.manual = true;
      const idx = piece.index;
      if (idx >= args.length) raise(E.IndexError, `Replacement index ${idx} out of range for positional args tuple`);
      obj = newRef(args[idx]);
    } else obj = formatFieldValue(piece.name, args, kwargs, state);
    try {
      const conv = piece.conv;
      let spec = piece.spec;
      if (conv !== null) {
        let s: string;
        if (conv === 'r') s = abs.repr(obj);
        else if (conv === 's') s = abs.str(obj);
        else if (conv === 'a') s = asciiOf(abs.repr(obj));
        else {
          // do_conversion
          const cp = conv.codePointAt(0)!;
          raise(E.ValueError, `Unknown conversion specifier ${cp > 32 && cp < 127 ? conv : '\\x' + cp.toString(16)}`);
        }
        if (piece.nested) spec = strFormat(spec, args, kwargs, state, depth - 1);
        // format() of an exact str with an empty spec is the str itself
        if (spec === '') out += s;
        else {
          const tmp = newStr(s);
          try {
            out += formatObject(tmp, spec);
          } finally {
            decref(tmp);
          }
        }
      } else {
        if (piece.nested) spec = strFormat(spec, args, kwargs, state, depth - 1);
        out += formatObject(obj, spec);
      }
    } finally {
      decref(obj);
    }
  }
  // one flat string (see concatStrs)
  if (out.length >= 13) flatten(out);
  return out;
}

// ---------------------------------------------------------------- % formatting
/** PercentArgs over the right operand of `str % arg` (one object per call: no closures). */
class StrPercentArgs implements PercentArgs {
  readonly isTuple: boolean;
  readonly isMapping: boolean;
  constructor(
    readonly arg: PyObject,
    readonly temps: PyObject[],
  ) {
    this.isTuple = arg instanceof PyTuple;
    this.isMapping = !this.isTuple && !(arg instanceof PyStr) && abs.mappingCheck(arg);
  }
  count(): number | null {
    return this.isTuple ? (this.arg as PyTuple).items.length : null;
  }
  get(i: number): unknown {
    return (this.arg as PyTuple).items[i];
  }
  single(): unknown {
    return this.arg;
  }
  getKey(key: string): unknown {
    const k = newStr(key);
    try {
      const v = abs.getItem(this.arg, k);
      this.temps.push(v);
      return v;
    } finally {
      decref(k);
    }
  }
  str(o: unknown): string {
    return abs.str(o as PyObject);
  }
  repr(o: unknown): string {
    return abs.repr(o as PyObject);
  }
  ascii(o: unknown): string {
    return asciiOf(abs.repr(o as PyObject));
  }
  typeName(o: unknown): string {
    return (o as PyObject).type.name;
  }
  toInt(o0: unknown, conv: 'd' | 'i' | 'u' | 'o' | 'x' | 'X'): number | bigint | null {
    const o = o0 as PyObject;
    if (o instanceof PyInt) return o.v;
    if (conv === 'o' || conv === 'x' || conv === 'X') {
      if (!abs.typeLookup(o.type, '__index__')) return null;
      return abs.index(o);
    }
    if (o instanceof PyFloat) {
      if (isNaN(o.v)) raise(E.ValueError, 'cannot convert float NaN to integer');
      if (!isFinite(o.v)) raise(E.OverflowError, 'cannot convert float infinity to integer');
      return floatToInt(o.v);
    }
    for (const m of ['__int__', '__index__', '__trunc__']) {
      const r = abs.callSpecial(o, m, []);
      if (r) {
        try {
          if (r instanceof PyInt) return r.v;
          return null;
        } finally {
          decref(r);
        }
      }
    }
    return null;
  }
  toFloat(o0: unknown): number | null {
    const o = o0 as PyObject;
    if (o instanceof PyFloat) return o.v;
    if (o instanceof PyInt) return intToFloat(o.v);
    for (const m of ['__float__', '__index__']) {
      const r = abs.callSpecial(o, m, []);
      if (r) {
        try {
          if (r instanceof PyFloat) return r.v;
          if (r instanceof PyInt) return intToFloat(r.v);
          return null;
        } finally {
          decref(r);
        }
      }
    }
    return null;
  }
  toChar(o0: unknown): string | number | bigint | null {
    const o = o0 as PyObject;
    if (o instanceof PyStr) return o.v;
    if (o instanceof PyInt) return o.v;
    if (abs.typeLookup(o.type, '__index__')) return abs.index(o);
    return null;
  }
  starInt(o0: unknown): number | bigint | null {
    return (o0 as PyObject) instanceof PyInt ? (o0 as PyInt).v : null;
  }
}

export function percentArgsFor(arg: PyObject, temps: PyObject[]): PercentArgs {
  return new StrPercentArgs(arg, temps);
}

export function mapFormatError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof FormatError) raise(E.excTypes.get(e.pyType)!, e.message);
    throw e;
  }
}

/** do_markup for a template that is one replacement field and nothing else ('{}', '{0}', '{name}',
 * '{!s}', '{:}'), naming an exact str: the writer's readonly buffer is that str itself; else null */
function formatSame(self: PyStr, args: PyObject[], npos: number, kwargs: PyDict | null): PyObject | null {
  const fmt = self.v;
  // (a template with no field and no brace is written whole: itself)
  if (self.type === StrType && !fmt.includes('{') && !fmt.includes('}')) return newRef(self);
  if (fmt.length < 2 || fmt.charCodeAt(0) !== 0x7b || fmt.charCodeAt(fmt.length - 1) !== 0x7d) return null;
  const m = /^\{(\d*|[A-Za-z_][A-Za-z_0-9]*)(?:!s)?:?\}$/.exec(fmt);
  if (m === null) return null;
  let v: PyObject | undefined;
  if (m[1] === '' || /^\d+$/.test(m[1])) {
    const i = m[1] === '' ? 0 : Number(m[1]);
    v = i < npos ? args[i] : undefined;
  } else v = kwargs?.getItem(abs.strKey(m[1]));
  if (v === undefined || v.type !== StrType) return null;
  return newRef(v);
}

/** PyUnicode_Format's writer given one exact str for a format that is a single %s with nothing
 * around it, at a width it fills and a precision it keeps (unicode_format_arg_output's fast path,
 * _PyUnicodeWriter_WriteStr's readonly buffer): the result is that str itself; else null */
function percentSame(self: PyStr, arg: PyObject): PyObject | null {
  const fmt = self.v;
  // (no conversion, and no argument to convert: the template written whole, itself)
  if (self.type === StrType && !fmt.includes('%') && ((arg.type === TupleType && (arg as PyTuple).items.length === 0) || arg instanceof PyDict)) return newRef(self);
  if (fmt.length < 2 || fmt.charCodeAt(0) !== 0x25 || fmt.charCodeAt(fmt.length - 1) !== 0x73) return null;
  const m = /^%(-?)(\d*)(?:\.(\d*))?s$/.exec(fmt);
  if (m === null) return null;
  let v = arg;
  if (arg instanceof PyTuple) {
    if (arg.type !== TupleType || arg.items.length !== 1) return null;
    v = arg.items[0];
  }
  if (v.type !== StrType) return null;
  const len = cpLen((v as PyStr).v);
  if (m[2] !== '' && Number(m[2]) > len) return null;
  if (m[3] !== undefined && Number(m[3] || '0') < len) return null;
  return newRef(v);
}

/** str % args */
export function strPercent(fmt: string, arg: PyObject): string {
  const temps: PyObject[] = [];
  try {
    return percentFormat(fmt, new StrPercentArgs(arg, temps));
  } catch (e) {
    if (e instanceof FormatError) raise(E.excTypes.get(e.pyType)!, e.message);
    throw e;
  } finally {
    for (let i = 0; i < temps.length; i++) decref(temps[i]);
  }
}

const PyStrSub = withTypeEdge(PyStr);

/** A fresh str of type t (subclasses keep the value). */
export function makeStr(t: PyType, v: string): PyObject {
  if (t === StrType) return newStr(v);
  const o = new PyStrSub(t, v);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  // a heap subclass is a gc type (type_new_alloc: all heap types have Py_TPFLAGS_HAVE_GC)
  if (t.flags & TypeFlags.HAVE_GC) gcNewTracked(o);
  return o;
}

function startsEnds(self: PyObject, args: PyObject[], kw: string[] | null, name: string, ends: boolean): PyObject {
  posArgs(name, args, kw, 1, 3);
  const s = (self as PyStr).v;
  const len = cpLen(s);
  let [start, end] = adjust(sliceIdx(args[1], 0), sliceIdx(args[2], Number.MAX_SAFE_INTEGER), len);
  const test = (p: string): boolean => {
    const pl = cpLen(p);
    if (start > len) return false;
    if (end - start < pl) return false;
    const a = cps(s);
    if (ends) return join(a, end - pl, end) === p;
    return join(a, start, start + pl) === p;
  };
  const pre = args[0];
  if (pre instanceof PyTuple) {
    for (const p of pre.items) {
      if (!(p instanceof PyStr)) typeError(`tuple for ${name} must only contain str, not ${p.type.name}`);
      if (test(p.v)) return newBool(true);
    }
    return newBool(false);
  }
  if (!(pre instanceof PyStr)) typeError(`${name} first arg must be str or a tuple of str, not ${pre.type.name}`);
  void end;
  void start;
  [start, end] = [start, end];
  return newBool(test(pre.v));
}

/** A new list of `items` (stolen) sized as PyList_New(prealloc) followed by PyList_Append for
 *  the items beyond it (list_resize growth), as the split functions build theirs. */
function preallocated(items: PyObject[], prealloc: number): PyObject {
  const l = newList(items);
  let alloc = prealloc;
  for (let size = prealloc; size < items.length; size++) {
    if (alloc > size) continue;
    const ns = size + 1;
    let na = (ns + (ns >> 3) + 6) & ~3;
    if (ns - size > na - ns) na = (ns + 3) & ~3;
    alloc = na;
  }
  l.allocated = alloc;
  return l;
}

function isSurrogate(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdfff;
}

/** s with every code unit `from` made `to` (neither a surrogate: a character either way), in one
 * pass over a copy of the code units (replace()'s one-character case, as CPython's
 * replace_1char_inplace) */
function replaceUnit(s: string, from: number, to: number): string {
  const first = s.indexOf(String.fromCharCode(from));
  if (first < 0) return s;
  const n = s.length;
  const a = new Uint16Array(n);
  for (let i = 0; i < first; i++) a[i] = s.charCodeAt(i);
  for (let i = first; i < n; i++) {
    const c = s.charCodeAt(i);
    a[i] = c === from ? to : c;
  }
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, a.subarray(i, i + 8192) as unknown as number[]);
  flatten(out);
  return out;
}

/** PyUnicode_Join over the items (borrowed) */
function joinStrs(sep: PyStr, items: PyObject[]): PyObject {
  const n = items.length;
  if (n === 1 && items[0].type === StrType) return newRef(items[0]);
  // concatenation in chunks of 256 items, each flattened (see concatStrs): about twice as fast
  // as Array.prototype.join in V8, without a rope node per item alive at the end
  const sv = sep.v;
  let out = '';
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const x = items[i];
    if (!(x instanceof PyStr)) typeError(`sequence item ${i}: expected str instance, ${x.type.name} found`);
    if (i !== 0 && sv !== '') chunk += sv;
    chunk += x.v;
    if ((i & 255) === 255) {
      flatten(chunk);
      out += chunk;
      chunk = '';
    }
  }
  out += chunk;
  flatten(out);
  return newStr(out);
}

export function installStrMethods(): void {
  const T = StrType;
  T.slots.new = (t, args, kw) => {
    // str(x): the common call, without parsing arguments (unicode_new_impl → PyObject_Str)
    if (t === StrType && args.length === 1 && (kw === null || kw.length === 0)) return abs.strObj(args[0]);
    const [obj, encoding, errors] = parseArgs({ name: 'str', params: ['object', 'encoding', 'errors'] }, args, kw);
    if (encoding !== undefined || errors !== undefined) {
      // (the clinic converters check encoding and errors first)
      const enc = encoding === undefined ? 'utf-8' : strArg(encoding, 'str', "'encoding'");
      const err = errors === undefined ? 'strict' : strArg(errors, 'str', "'errors'");
      if (obj === undefined) return makeStr(t, '');
      // PyUnicode_FromEncodedObject
      if (obj instanceof PyStr) typeError('decoding str is not supported');
      if (!(obj instanceof PyBytes)) typeError(`decoding to str: need a bytes-like object, ${obj.type.name} found`);
      return makeStr(t, decodeBytes(obj.v, enc, err));
    }
    if (obj === undefined) return makeStr(t, '');
    if (t === StrType) return abs.strObj(obj);
    return makeStr(t, abs.str(obj));
  };
  T.slots.len = (o) => (o as PyStr).length;
  T.slots.hash = (o) => (o as PyStr).hash();
  defUn(T, '__len__', (self) => newInt((self as PyStr).length));
  defUn(T, '__hash__', (self) => newInt((self as PyStr).hash()));
  defUn(T, '__str__', (self) => (self.type === StrType ? newRef(self) : newStr((self as PyStr).v)));
  defUn(T, '__repr__', (self) => newStr(T.slots.repr!(self)));
  defUn(T, '__iter__', (self) => newStrIter(self as PyStr));
  defUn(T, '__sizeof__', (self) => newInt(strSizeof(self as PyStr)));
  defUn(T, '__getnewargs__', (self) => newTuple([newStr((self as PyStr).v)]));
  defBin(T, '__getitem__', (self, k) => {
    const s = self as PyStr;
    const a = cps(s.v);
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, a.length);
      if (n === a.length && step === 1 && s.type === StrType) return newRef(s);
      if (step === 1) return newStr(join(a, start, start + n));
      let out = '';
      for (let i = 0, cur = start; i < n; i++, cur += step) out += a[cur];
      return newStr(out);
    }
    if (!hasIndex(k)) typeError(`string indices must be integers, not '${k.type.name}'`);
    let i = seqIndexOf(k, 'string');
    if (i < 0) i += a.length;
    if (i < 0 || i >= a.length) raise(E.IndexError, 'string index out of range');
    return newStr(a[i]);
  });
  defBin(T, '__contains__', (self, x) => {
    if (!(x instanceof PyStr)) typeError(`'in <string>' requires string as left operand, not ${x.type.name}`);
    return newBool((self as PyStr).v.includes(x.v));
  });
  defBin(T, '__add__', (self, o) => {
    if (!(o instanceof PyStr)) {
      if (otherMayReflect(o, '__radd__')) return notImpl();
      typeError(`can only concatenate str (not "${o.type.name}") to str`);
    }
    const a = (self as PyStr).v;
    if (o.v === '' && self.type === StrType) return newRef(self);
    if (a === '' && o.type === StrType) return newRef(o);
    return newStr(a + o.v);
  });
  const mul = (self: PyObject, o: PyObject): PyObject => {
    const n = repeatCount(o);
    if (n === null) {
      if (otherMayReflect(o, '__rmul__')) return notImpl();
      typeError(`can't multiply sequence by non-int of type '${o.type.name}'`);
    }
    const s = (self as PyStr).v;
    if (n === 1 && self.type === StrType) return newRef(self);
    if (s.length === 0 || n === 0) return newStr('');
    if (n > 1) {
      // unicode_repeat: past PY_SSIZE_T_MAX characters an OverflowError, else PyUnicode_New's
      // allocation (MemoryError where a JS string cannot be that long)
      if (BigInt(s.length) * BigInt(n) > 0x7fffffffffffffffn) raise(E.OverflowError, 'repeated string is too long');
      if (s.length * n > 2 ** 29) raise(E.MemoryError, null);
    }
    return newStr(s.repeat(n));
  };
  defBin(T, '__mul__', mul);
  defBin(T, '__rmul__', mul);
  defBin(T, '__mod__', (self, o) => percentSame(self as PyStr, o) ?? newStr(strPercent((self as PyStr).v, o)));
  defBin(T, '__rmod__', () => notImpl());
  const cmp = (op: abs.Cmp) => (self: PyObject, o: PyObject) => {
    if (!(o instanceof PyStr)) return notImpl();
    return newBool(abs.cmpResult(abs.strCompare((self as PyStr).v, o.v), op));
  };
  defBin(T, '__lt__', cmp(abs.Cmp.LT));
  defBin(T, '__le__', cmp(abs.Cmp.LE));
  defBin(T, '__eq__', cmp(abs.Cmp.EQ));
  defBin(T, '__ne__', cmp(abs.Cmp.NE));
  defBin(T, '__gt__', cmp(abs.Cmp.GT));
  defBin(T, '__ge__', cmp(abs.Cmp.GE));
  defBin(T, '__format__', (self, spec) => {
    const sp = argStr(spec, `format() argument 1 must be str, not ${spec.type.name}`);
    // unicode__format__: an empty spec gives str(self) (a subclass's __str__ runs)
    if (sp === '') return self.type === StrType ? newRef(self) : newStr(abs.str(self));
    if (self.type === StrType) return newStr(formatObject(self, sp));
    const tmp = newStrTemp((self as PyStr).v);
    try {
      return newStr(formatObject(tmp, sp));
    } finally {
      decref(tmp);
    }
  });

  // ------------------------------------------------------------ case
  // (ascii_upper_or_lower / case_operation: always a new str, even of one character, but '')
  const caseMethod = (name: string, f: (s: string) => string) => def0(T, name, (self) => freshStr(f((self as PyStr).v)));
  caseMethod('upper', pyUpper);
  caseMethod('lower', pyLower);
  caseMethod('casefold', pyCasefold);
  caseMethod('swapcase', pySwapcase);
  caseMethod('capitalize', pyCapitalize);
  caseMethod('title', pyTitle);
  const pred = (name: string, f: (s: string) => boolean) => def0(T, name, (self) => newBool(f((self as PyStr).v)));
  pred('isdigit', (s) => allCps(s, isDigitCp));
  pred('isdecimal', (s) => allCps(s, isDecimalCp));
  pred('isnumeric', (s) => allCps(s, isNumericCp));
  pred('isalpha', (s) => allCps(s, isAlphaCp));
  // (Py_UNICODE_ISALNUM)
  pred('isalnum', (s) => allCps(s, (c) => isAlphaCp(c) || isDecimalCp(c) || isDigitCp(c) || isNumericCp(c)));
  pred('isspace', (s) => allCps(s, isPySpace));
  pred('isascii', (s) => ASCII_ONLY.test(s));
  // (unicode_isprintable: '' is printable)
  pred('isprintable', (s) => {
    for (const ch of s) if (!isPrintableCp(ch.codePointAt(0)!)) return false;
    return true;
  });
  // _PyUnicode_ScanIdentifier: no normalization here (the tokenizer's NFKC is for source names)
  pred('isidentifier', (s) => {
    const cps = codePoints(s);
    if (cps.length === 0 || !(isXidStartCp(cps[0]) || cps[0] === 95)) return false;
    for (let i = 1; i < cps.length; i++) if (!isXidContinueCp(cps[i])) return false;
    return true;
  });
  // unicode_isupper_impl, unicode_islower_impl, unicode_istitle_impl (one character: its flag)
  pred('isupper', (s) => {
    const cps = codePoints(s);
    if (cps.length === 1) return isUpperCp(cps[0]);
    let cased = false;
    for (const c of cps) {
      if (isLowerCp(c) || isTitleCp(c)) return false;
      if (!cased && isUpperCp(c)) cased = true;
    }
    return cased;
  });
  pred('islower', (s) => {
    const cps = codePoints(s);
    if (cps.length === 1) return isLowerCp(cps[0]);
    let cased = false;
    for (const c of cps) {
      if (isUpperCp(c) || isTitleCp(c)) return false;
      if (!cased && isLowerCp(c)) cased = true;
    }
    return cased;
  });
  pred('istitle', (s) => {
    const cps = codePoints(s);
    if (cps.length === 1) return isTitleCp(cps[0]) || isUpperCp(cps[0]);
    let cased = false;
    let prevCased = false;
    for (const c of cps) {
      if (isUpperCp(c) || isTitleCp(c)) {
        if (prevCased) return false;
        prevCased = cased = true;
      } else if (isLowerCp(c)) {
        if (!prevCased) return false;
        prevCased = cased = true;
      } else prevCased = false;
    }
    return cased;
  });

  // ------------------------------------------------------------ search
  const findLike = (name: string, rev: boolean, raising: boolean) =>
    def(T, name, (self, args, kw) => {
      if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
      if (args.length < 1 || args.length > 3) typeError(args.length < 1 ? `${name}() takes at least 1 argument (0 given)` : `${name}() takes at most 3 arguments (${args.length} given)`);
      const sub = mustStr(args[0]);
      const s = (self as PyStr).v;
      const r = findIn(s, sub, sliceIdx(args[1], 0), sliceIdx(args[2], Number.MAX_SAFE_INTEGER), rev);
      if (r < 0 && raising) raise(E.ValueError, 'substring not found');
      return newInt(r);
    });
  findLike('find', false, false);
  findLike('rfind', true, false);
  findLike('index', false, true);
  findLike('rindex', true, true);
  def(T, 'count', (self, args, kw) => {
    if (kw && kw.length) typeError('count() takes no keyword arguments');
    if (args.length < 1 || args.length > 3) typeError(args.length < 1 ? 'count() takes at least 1 argument (0 given)' : `count() takes at most 3 arguments (${args.length} given)`);
    const sub = mustStr(args[0]);
    return newInt(countIn((self as PyStr).v, sub, sliceIdx(args[1], 0), sliceIdx(args[2], Number.MAX_SAFE_INTEGER)));
  });
  def(T, 'startswith', (self, args, kw) => startsEnds(self, args, kw, 'startswith', false));
  def(T, 'endswith', (self, args, kw) => startsEnds(self, args, kw, 'endswith', true));

  // ------------------------------------------------------------ split / join / strip
  const splitLike = (name: string, rev: boolean) =>
    def(T, name, (self, args, kw) => {
      const [sepO, maxO] = parseArgs({ name, params: ['sep', 'maxsplit'], clinic: `str.${name}` }, args, kw);
      const s = (self as PyStr).v;
      let maxsplit = maxO === undefined ? -1 : widthArg(maxO);
      if (maxsplit < 0) maxsplit = -1;
      let parts: string[];
      if (sepO === undefined || sepO === None) parts = rev ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit);
      else {
        const sep = argStr(sepO, `must be str or None, not ${sepO.type.name}`);
        if (sep === '') raise(E.ValueError, 'empty separator');
        const all = s.split(sep);
        if (maxsplit < 0 || all.length - 1 <= maxsplit) parts = all;
        else if (!rev) parts = [...all.slice(0, maxsplit), all.slice(maxsplit).join(sep)];
        else parts = [all.slice(0, all.length - maxsplit).join(sep), ...all.slice(all.length - maxsplit)];
      }
      // PyList_New(PREALLOC_SIZE(maxsplit)) (Objects/stringlib/split.h, MAX_PREALLOC 12)
      const pre = maxsplit < 0 || maxsplit >= 12 ? 12 : maxsplit + 1;
      if (parts.length === 1 && self.type === StrType && parts[0] === s) return preallocated([newRef(self)], pre);
      return preallocated(parts.map((p) => newStr(p)), pre);
    });
  splitLike('split', false);
  splitLike('rsplit', true);
  def(T, 'splitlines', (self, args, kw) => {
    const [ke] = parseArgs({ name: 'splitlines', params: ['keepends'], clinic: 'str.splitlines' }, args, kw);
    const parts = splitlines((self as PyStr).v, ke ? abs.isTrue(ke) : false);
    return preallocated(parts.map((p) => newStr(p)), 0); // PyList_New(0) + PyList_Append
  });
  def(T, 'join', (self, args, kw) => {
    posArgs('str.join', args, kw, 1, 1);
    const it = args[0];
    // PySequence_Fast: an exact list or tuple is read in place (no Python code runs while joining)
    if (it.type === ListType || it.type === TupleType) return joinStrs(self as PyStr, (it as PyList | PyTuple).items);
    if (!abs.getIterOrNullSafe(it)) typeError('can only join an iterable');
    // PySequence_Fast -> PySequence_List: a new list (PyList_New(0)) extended from the iterator
    const iter = abs.getIter(it);
    let l: PyList;
    try {
      l = newList([]);
      try {
        listExtend(l, iter);
      } catch (e) {
        decref(l);
        throw e;
      }
    } finally {
      decref(iter);
    }
    try {
      return joinStrs(self as PyStr, l.items);
    } finally {
      decref(l);
    }
  });
  const stripLike = (name: string, l: boolean, r: boolean) =>
    def(T, name, (self, args, kw) => {
      posArgs(name, args, kw, 0, 1);
      let chars: string | null = null;
      if (args.length && args[0] !== None) chars = argStr(args[0], `${name} arg must be None or str`);
      return strResult(self, stripChars((self as PyStr).v, chars, l, r));
    });
  stripLike('strip', true, true);
  stripLike('lstrip', true, false);
  stripLike('rstrip', false, true);
  def(T, 'replace', (self, args, kw) => {
    posArgs('str.replace', args, kw, 2, 3);
    const old = argStr(args[0], `replace() argument 1 must be str, not ${args[0].type.name}`);
    const nw = argStr(args[1], `replace() argument 2 must be str, not ${args[1].type.name}`);
    let count = args.length > 2 ? widthArg(args[2]) : -1;
    const s = (self as PyStr).v;
    if (count < 0) count = Number.MAX_SAFE_INTEGER;
    let out: string;
    if (old === '') {
      const a = Array.from(s);
      out = '';
      let done = 0;
      for (let i = 0; i <= a.length; i++) {
        if (done < count) {
          out += nw;
          done++;
        }
        if (i < a.length) out += a[i];
      }
    } else if (count === Number.MAX_SAFE_INTEGER && old.length === 1 && nw.length === 1 && s.length >= 256 && !isSurrogate(old) && !isSurrogate(nw)) {
      out = replaceUnit(s, old.charCodeAt(0), nw.charCodeAt(0));
    } else if (count === Number.MAX_SAFE_INTEGER) {
      // every occurrence, left to right without overlaps (V8's replaceAll is several times slower)
      out = s.split(old).join(nw);
    } else {
      const parts = s.split(old);
      if (parts.length - 1 <= count) out = parts.join(nw);
      else out = parts.slice(0, count + 1).join(nw) + old + parts.slice(count + 1).join(old);
    }
    return strResult(self, out);
  });
  const partitionLike = (name: string, rev: boolean) =>
    def(T, name, (self, args, kw) => {
      posArgs(name, args, kw, 1, 1);
      const sep = mustStr(args[0]);
      if (sep === '') raise(E.ValueError, 'empty separator');
      const s = (self as PyStr).v;
      const i = rev ? s.lastIndexOf(sep) : s.indexOf(sep);
      if (i < 0) {
        const me = self.type === StrType ? newRef(self) : newStr(s);
        return rev ? newTuple([newStr(''), newStr(''), me]) : newTuple([me, newStr(''), newStr('')]);
      }
      return newTuple([newStr(s.slice(0, i)), newRef(args[0].type === StrType ? args[0] : newStr(sep)), newStr(s.slice(i + sep.length))]);
    });
  partitionLike('partition', false);
  partitionLike('rpartition', true);
  def(T, 'removeprefix', (self, args, kw) => {
    posArgs('str.removeprefix', args, kw, 1, 1);
    const p = argStr(args[0], `removeprefix() argument must be str, not ${args[0].type.name}`);
    const s = (self as PyStr).v;
    return strResult(self, p && s.startsWith(p) ? s.slice(p.length) : s);
  });
  def(T, 'removesuffix', (self, args, kw) => {
    posArgs('str.removesuffix', args, kw, 1, 1);
    const p = argStr(args[0], `removesuffix() argument must be str, not ${args[0].type.name}`);
    const s = (self as PyStr).v;
    return strResult(self, p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s);
  });

  // ------------------------------------------------------------ padding
  const padLike = (name: string, how: (s: string, marg: number, fill: string, width: number) => string) =>
    def(T, name, (self, args, kw) => {
      posArgs(name, args, kw, 1, 2);
      const width = widthArg(args[0]);
      const fill = fillChar(args[1], name);
      const s = (self as PyStr).v;
      const len = cpLen(s);
      if (len >= width) return strResult(self, s);
      return newStr(how(s, width - len, fill, width));
    });
  padLike('ljust', (s, m, f) => pad(s, 0, m, f));
  padLike('rjust', (s, m, f) => pad(s, m, 0, f));
  padLike('center', (s, m, f, width) => {
    const left = Math.floor(m / 2) + (m & width & 1);
    return pad(s, left, m - left, f);
  });
  def(T, 'zfill', (self, args, kw) => {
    posArgs('str.zfill', args, kw, 1, 1);
    const width = widthArg(args[0]);
    const s = (self as PyStr).v;
    const len = cpLen(s);
    if (len >= width) return strResult(self, s);
    const fill = width - len;
    let out = '0'.repeat(fill) + s;
    if (s[0] === '+' || s[0] === '-') out = s[0] + '0'.repeat(fill) + s.slice(1);
    return newStr(out);
  });
  def(T, 'expandtabs', (self, args, kw) => {
    const [ts] = parseArgs({ name: 'expandtabs', params: ['tabsize'], clinic: 'str.expandtabs' }, args, kw);
    const tab = ts === undefined ? 8 : widthArg(ts);
    let out = '';
    let col = 0;
    for (const ch of (self as PyStr).v) {
      if (ch === '\t') {
        if (tab > 0) {
          const n = tab - (col % tab);
          out += ' '.repeat(n);
          col += n;
        }
      } else {
        out += ch;
        col = ch === '\n' || ch === '\r' ? 0 : col + 1;
      }
    }
    return strResult(self, out);
  });

  // ------------------------------------------------------------ format
  def(T, 'format', (self, args, kw) => {
    const npos = args.length - (kw ? kw.length : 0);
    let kwargs: PyDict | null = null;
    if (kw && kw.length) {
      kwargs = newDict();
      for (let i = 0; i < kw.length; i++) {
        const k = newStr(kw[i]);
        kwargs.setItem(k, args[npos + i]);
        decref(k);
      }
    }
    try {
      const same = formatSame(self as PyStr, args, npos, kwargs);
      if (same !== null) return same;
      return newStr(strFormat((self as PyStr).v, args.slice(0, npos), kwargs));
    } finally {
      if (kwargs) decref(kwargs);
    }
  });
  def(T, 'format_map', (self, args, kw) => {
    posArgs('str.format_map', args, kw, 1, 1);
    const m = args[0];
    // format_map looks keys up with getitem on the mapping itself
    const tmp = new MappingProxy(m);
    return newStr(strFormatMap((self as PyStr).v, tmp));
  });

  // ------------------------------------------------------------ translate / maketrans
  def(T, 'translate', (self, args, kw) => {
    posArgs('str.translate', args, kw, 1, 1);
    const table = args[0];
    let out = '';
    for (const ch of (self as PyStr).v) {
      const key = newInt(ch.codePointAt(0)!);
      let v: PyObject | null = null;
      try {
        v = abs.getItem(table, key);
      } catch (e) {
        if (e instanceof E.PyBaseException && e.type.isSubtype(E.LookupError)) {
          decref(e);
          v = null;
        } else {
          decref(key);
          throw e;
        }
      }
      decref(key);
      if (v === null) {
        out += ch;
        continue;
      }
      try {
        if (v === None) continue;
        if (v instanceof PyInt) {
          const c = Number(v.v);
          if (c < 0 || c > 0x10ffff) raise(E.ValueError, 'character mapping must be in range(0x110000)');
          out += String.fromCodePoint(c);
        } else if (v instanceof PyStr) out += v.v;
        else typeError('character mapping must return integer, None or str');
      } finally {
        decref(v);
      }
    }
    // (_PyUnicode_TranslateCharmap writes a new str, even when nothing maps)
    return newStr(out);
  });
  const maketrans = (args: PyObject[], kw: string[] | null): PyObject => {
    posArgs('str.maketrans', args, kw, 1, 3);
    const d = newDict();
    try {
      if (args.length === 1) {
        const m = args[0];
        if (!(m instanceof PyDict)) typeError('if you give only one argument to maketrans it must be a dict');
        for (const [k, v] of m.entries()) {
          if (k instanceof PyStr) {
            if (cpLen(k.v) !== 1) raise(E.ValueError, 'string keys in translate table must be of length 1');
            const ik = newInt(k.v.codePointAt(0)!);
            d.setItem(ik, v);
            decref(ik);
          } else if (k instanceof PyInt) d.setItem(k, v);
          else typeError('keys in translate table must be strings or integers');
        }
      } else {
        const x = argStr(args[0], `maketrans() argument 1 must be str, not ${args[0].type.name}`);
        const y = argStr(args[1], `maketrans() argument 2 must be str, not ${args[1].type.name}`);
        const xa = Array.from(x);
        const ya = Array.from(y);
        if (xa.length !== ya.length) raise(E.ValueError, 'the first two maketrans arguments must have equal length');
        for (let i = 0; i < xa.length; i++) {
          const k = newInt(xa[i].codePointAt(0)!);
          const v = newInt(ya[i].codePointAt(0)!);
          d.setItem(k, v);
          decref(k);
          decref(v);
        }
        if (args.length > 2) {
          const z = argStr(args[2], `maketrans() argument 3 must be str, not ${args[2].type.name}`);
          for (const ch of z) {
            const k = newInt(ch.codePointAt(0)!);
            d.setItem(k, None);
            decref(k);
          }
        }
      }
    } catch (e) {
      decref(d);
      throw e;
    }
    return d;
  };
  // a staticmethod: callable on the type and on instances without binding
  // a staticmethod: a plain builtin function in the type's dict (no binding, no owner)
  const mk = new PyBuiltinFunction(BuiltinFunctionType, 'maketrans', (args, kw) => maketrans(args, kw), null, null, 'str.maketrans');
  mk.rc = 1_000_000_000;
  typeDict(T).setItem(internStr('maketrans'), mk);
  T.invalidate();
  staticMaketrans = maketrans;
  void PyList;
  void strToInt;
}

let staticMaketrans: ((args: PyObject[], kw: string[] | null) => PyObject) | null = null;
export function getMaketrans(): typeof staticMaketrans {
  return staticMaketrans;
}

function newStrTemp(s: string): PyObject {
  return newStr(s);
}

/** format_map: kwargs are a mapping looked up with getitem */
class MappingProxy {
  constructor(public m: PyObject) {}
}
function strFormatMap(fmt: string, mp: MappingProxy): string {
  // reuse strFormat with a dict-like shim: build the lookups lazily via a subclass of PyDict is
  // overkill; emulate by scanning the names used
  const names = new Set<string>();
  const re = /\{([^{}!:.[\]]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt.replace(/\{\{|\}\}/g, '')))) if (m[1] !== '' && !/^[0-9]+$/.test(m[1])) names.add(m[1]);
  const d = newDict();
  try {
    for (const n of names) {
      const k = newStr(n);
      try {
        const v = abs.getItem(mp.m, k);
        d.setItem(k, v);
        decref(v);
      } finally {
        decref(k);
      }
    }
    if (/\{[0-9]*[}!:.[]/.test(fmt.replace(/\{\{|\}\}/g, ''))) raise(E.ValueError, 'Format string contains positional fields');
    return strFormat(fmt, [], d);
  } finally {
    decref(d);
  }
}
