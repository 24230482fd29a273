// The codecs' error handling (Python/codecs.c: the standard error handlers; Objects/exceptions.c:
// UnicodeEncodeError / UnicodeDecodeError with their encoding, object, start, end and reason).
// An encoder or decoder finds a range it cannot convert and hands it here with the error
// handler's name: 'strict' raises, the others give the replacement (and where to go on from).
// The handlers are the built-in ones: strict, ignore, replace, backslashreplace,
// xmlcharrefreplace (encoding only), surrogateescape and surrogatepass (the UTF codecs);
// namereplace needs the Unicode name table, which RefScope does not carry (reported as not
// supported); codecs.register_error's own handlers are not modelled.

import { PyObject, newRef, decref } from '../object';
import * as abs from '../abstract';
import { raise, typeError, unsupported } from '../errors';
import { newTuple } from './tuple';
import { newStr, PyStr } from './str';
import { newInt, PyInt } from './int';
import { PyBaseException } from './exception';
import * as E from './exception';
import { gcNewTracked } from './tuple';
import { newBytes, PyBytes, BytesType } from './bytes';

/** a UnicodeEncodeError / UnicodeDecodeError as PyUnicodeEncodeError_Create makes it: its args
 * are (encoding, object, start, end, reason); encoding, object and reason are the same objects,
 * start and end C Py_ssize_t fields */
export function newUnicodeError(type: typeof E.UnicodeEncodeError, encoding: string, object: PyObject, start: number, end: number, reason: string): PyBaseException {
  const items = [newStr(encoding), object, newInt(start), newInt(end), newStr(reason)];
  const e = new PyBaseException(type, newTuple(items));
  gcNewTracked(e);
  e.extra = { encoding: newRef(items[0]), object: newRef(object), reason: newRef(items[4]) };
  e.ustart = start;
  e.uend = end;
  return e;
}

const SSIZE_MAX = 2n ** 63n - 1n;
const SSIZE_MIN = -(2n ** 63n);
/** a Py_ssize_t from an int's value (PyLong_AsSsize_t's overflow check) */
function ssize(v: number | bigint): number | bigint {
  if (typeof v === 'number') return v;
  if (v > SSIZE_MAX || v < SSIZE_MIN) raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
  return Number.isSafeInteger(Number(v)) ? Number(v) : v;
}

/** UnicodeError_members' start and end (T_PYSSIZET) read: a new int */
export function unicodeErrorGetSize(e: PyBaseException, name: 'start' | 'end'): PyObject {
  return newInt(name === 'start' ? e.ustart : e.uend);
}

/** PyMember_SetOne for T_PYSSIZET: PyLong_AsSsize_t(v) is stored before its error is checked
 * (a failed assignment leaves -1) */
export function unicodeErrorSetSize(e: PyBaseException, name: 'start' | 'end', v: PyObject | null): void {
  if (v === null) typeError("can't delete numeric/char attribute");
  let n: number | bigint = -1;
  try {
    if (!(v instanceof PyInt)) typeError('an integer is required');
    n = ssize(v.v);
  } finally {
    if (name === 'start') e.ustart = n;
    else e.uend = n;
  }
}

/** UnicodeEncodeError.__init__(encoding, object, start, end, reason) ("UUnnU"; decode: "UOnnU",
 * then a bytes-like object other than bytes made bytes): UnicodeEncodeError_init /
 * UnicodeDecodeError_init */
export function unicodeErrorInit(e: PyBaseException, args: PyObject[]): void {
  const decode = e.type.isSubtype(E.UnicodeDecodeError);
  // Py_CLEAR(encoding), object, reason
  const old = e.extra;
  e.extra = null;
  if (old) for (const k of ['encoding', 'object', 'reason']) if (old[k]) decref(old[k]!);
  if (args.length !== 5) typeError(`function takes exactly 5 arguments (${args.length} given)`);
  const check = (i: number, ok: boolean, what: string) => {
    if (!ok) typeError(`argument ${i + 1} must be ${what}, not ${args[i].type.name}`);
  };
  // (PyArg_ParseTuple stores each value as it converts it)
  check(0, args[0] instanceof PyStr, 'str');
  if (!decode) check(1, args[1] instanceof PyStr, 'str');
  e.ustart = ssize(abs.index(args[2]));
  e.uend = ssize(abs.index(args[3]));
  check(4, args[4] instanceof PyStr, 'str');
  let object = newRef(args[1]);
  if (decode && !args[1].type.isSubtype(BytesType)) {
    // (a bytearray: the field is a bytes copy)
    if (!(args[1] instanceof PyBytes)) {
      decref(object);
      typeError(`a bytes-like object is required, not '${args[1].type.name}'`);
    }
    decref(object);
    object = newBytes((args[1] as PyBytes).v.slice());
  }
  e.extra = { encoding: newRef(args[0]), object, reason: newRef(args[4]) };
}

/** UnicodeEncodeError_str / UnicodeDecodeError_str */
export function unicodeErrorStr(e: PyBaseException, str: (o: PyObject) => string): string | null {
  const x = e.extra;
  if (!x || !x.object) return null;
  const obj = x.object;
  const reason = str(x.reason!);
  const encoding = str(x.encoding!);
  const start = Number(e.ustart);
  const end = Number(e.uend);
  if (e.type.isSubtype(E.UnicodeDecodeError)) {
    const b = obj instanceof PyBytes ? obj.v : new Uint8Array(0);
    if (start < b.length && end === start + 1) return `'${encoding}' codec can't decode byte 0x${hex2(b[start])} in position ${start}: ${reason}`;
    return `'${encoding}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  }
  const cps = obj instanceof PyStr ? Array.from(obj.v) : [];
  if (start < cps.length && end === start + 1) return `'${encoding}' codec can't encode character '${charEscape(cps[start].codePointAt(0)!)}' in position ${start}: ${reason}`;
  return `'${encoding}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
}

function hex2(c: number): string {
  return c.toString(16).padStart(2, '0');
}

/** '\xNN', '\uNNNN' or '\UNNNNNNNN' (the UnicodeEncodeError message's and backslashreplace's) */
export function charEscape(c: number): string {
  if (c <= 0xff) return `\\x${hex2(c)}`;
  if (c <= 0xffff) return `\\u${c.toString(16).padStart(4, '0')}`;
  return `\\U${c.toString(16).padStart(8, '0')}`;
}

const HANDLERS = new Set(['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace', 'surrogateescape', 'surrogatepass']);

/** PyCodec_LookupError: the handler's name, or LookupError */
function checkHandler(errors: string): void {
  if (!HANDLERS.has(errors)) raise(E.LookupError, `unknown error handler name '${errors}'`);
}

/** an encoder: `put` writes code point c's bytes and says whether c is encodable */
export interface Encoder {
  /** the name errors give */
  readonly name: string;
  /** ASCII characters are their own bytes (all codecs here but the EBCDIC charmaps) */
  readonly asciiIdentity: boolean;
  readonly reason: string;
  put(c: number, out: number[]): boolean;
  /** consecutive unencodable characters make one error (unicode_encode_ucs1, charmap, utf-8) */
  readonly group: boolean;
  /** surrogateescape writes the escapable characters at the error's start and raises from the
   * first other one (unicode_encode_ucs1 and the utf-8 encoder; the handler raises for the whole
   * range) */
  readonly escapeInline?: boolean;
  /** surrogatepass: the UTF codec's way to write a surrogate (else the handler raises) */
  readonly passSurrogate?: (c: number, out: number[]) => void;
  /** utf-16/utf-32: a handler's bytes must fill whole code units (surrogateescape's never do) */
  readonly unit?: number;
}

function cpsOf(s: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        cps.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
        continue;
      }
    }
    cps.push(c);
  }
  return cps;
}

/** encode `s` with `enc` and the error handler `errors` */
export function encodeWith(enc: Encoder, s: string, errors: string): Uint8Array {
  if (enc.asciiIdentity) {
    let ascii = true;
    for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 0x80;
    if (ascii) {
      const b = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
      return b;
    }
  }
  const out: number[] = [];
  const cps = cpsOf(s);
  const n = cps.length;
  const fail = (start: number, end: number): never => {
    throw newUnicodeError(E.UnicodeEncodeError, enc.name, newStr(s), start, end, enc.reason);
  };
  const putAscii = (t: string, start: number, end: number) => {
    for (let k = 0; k < t.length; k++) if (!enc.put(t.charCodeAt(k), out)) fail(start, end);
  };
  for (let i = 0; i < n; ) {
    const c = cps[i];
    const mark = out.length;
    if (enc.put(c, out)) {
      i++;
      continue;
    }
    out.length = mark;
    let end = i + 1;
    if (enc.group) {
      const probe: number[] = [];
      while (end < n && !enc.put(cps[end], probe)) end++;
    }
    if (errors !== 'strict') checkHandler(errors);
    if (errors === 'namereplace') unsupported("the 'namereplace' error handler");
    switch (errors) {
      case 'strict':
        fail(i, end);
        break;
      case 'ignore':
        break;
      case 'replace':
        for (let k = i; k < end; k++) putAscii('?', i, end);
        break;
      case 'xmlcharrefreplace':
        for (let k = i; k < end; k++) putAscii(`&#${cps[k]};`, i, end);
        break;
      case 'backslashreplace':
        for (let k = i; k < end; k++) putAscii(charEscape(cps[k]), i, end);
        break;
      case 'surrogateescape': {
        // PyCodec_SurrogateEscapeErrors: U+DC80..U+DCFF back to the bytes they stand for
        let k = i;
        if (enc.escapeInline) {
          while (k < end && cps[k] >= 0xdc80 && cps[k] <= 0xdcff) out.push(cps[k++] - 0xdc00);
          if (k < end) fail(k, end);
        } else {
          for (; k < end; k++) if (cps[k] < 0xdc80 || cps[k] > 0xdcff) fail(i, end);
          if (enc.unit && (end - i) % enc.unit) fail(i, end);
          for (k = i; k < end; k++) out.push(cps[k] - 0xdc00);
        }
        break;
      }
      case 'surrogatepass': {
        // PyCodec_SurrogatePassErrors: the UTF codecs write surrogates as other characters
        if (!enc.passSurrogate) fail(i, end);
        for (let k = i; k < end; k++) if (cps[k] < 0xd800 || cps[k] > 0xdfff) fail(i, end);
        for (let k = i; k < end; k++) enc.passSurrogate!(cps[k], out);
        break;
      }
    }
    i = end;
  }
  return Uint8Array.from(out);
}

/** a decoder's output and error handling over the input `b` */
export class DecodeState {
  out = '';
  constructor(
    readonly name: string,
    readonly b: Uint8Array,
    readonly errors: string,
    /** surrogatepass: the UTF codec's (bytes per surrogate, reader) */
    readonly surrogate: ((b: Uint8Array, at: number) => number) | null = null,
    readonly surrogateBytes = 3,
  ) {}
  /** bytes [start, end) cannot be decoded: raise, or add the replacement and return the
   * position to go on from */
  error(start: number, end: number, reason: string): number {
    const errors = this.errors;
    if (errors === 'strict') this.fail(start, end, reason);
    checkHandler(errors);
    const b = this.b;
    switch (errors) {
      case 'ignore':
        return end;
      case 'replace':
        this.out += '\ufffd';
        return end;
      case 'backslashreplace':
        for (let k = start; k < end; k++) this.out += `\\x${hex2(b[k])}`;
        return end;
      case 'surrogateescape': {
        // (at most 4 bytes, and up to the first ASCII one)
        let k = start;
        while (k < end && k - start < 4 && b[k] >= 0x80) this.out += String.fromCharCode(0xdc00 + b[k++]);
        if (k === start) this.fail(start, end, reason);
        return k;
      }
      case 'surrogatepass': {
        const c = this.surrogate && start + this.surrogateBytes <= b.length ? this.surrogate(b, start) : -1;
        if (c < 0xd800 || c > 0xdfff) this.fail(start, end, reason);
        this.out += String.fromCharCode(c);
        return start + this.surrogateBytes;
      }
      default:
        typeError("don't know how to handle UnicodeDecodeError in error callback");
    }
  }
  fail(start: number, end: number, reason: string): never {
    throw newUnicodeError(E.UnicodeDecodeError, this.name, newBytes(this.b.slice()), start, end, reason);
  }
}
