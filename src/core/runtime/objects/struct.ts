// _struct.Struct and _struct.unpack_iterator (Modules/_struct.c, CPython 3.11): format strings
// compiled to codes (prepare_s), packing and unpacking with the native table (byte order, sizes
// and alignment of 64-bit Linux: '@') and the standard ones ('=', '<', '>', '!'), and CPython's
// error wording. The struct module (modules/struct.ts) binds the functions, its Struct cache
// and struct.error.

import { PyObject, PyType, TypeFlags, Edge, newRef, decref, incref, type Visit } from '../object';
import { makeType } from '../types';
import { defGetter, defAttr, parseArgs } from '../define';
import * as abs from '../abstract';
import { raise, typeError } from '../errors';
import * as E from './exception';
import { PyBaseException } from './exception';
import { PyInt, newInt, newBool } from './int';
import { PyFloat, newFloat } from './float';
import { PyStr, newStr } from './str';
import { newTuple, gcNewTracked } from './tuple';
import { PyBytes, BytesType, ByteArrayType, newBytes, bytesLike } from './bytes';
import { PyArray } from './array';
import { None } from './singletons';
import { def, defUn, none } from './common_methods';
import { registerTpCallOnly } from '../typeobject';
import { sizeofHooks } from '../sizes';
import { defNew } from './methods';
import { toDouble } from '../../modules/modutil';

// ------------------------------------------------------------------ errors
let StructError: PyType | null = null;
/** struct.error, made by the module (an Exception subclass written in Python) */
export function setStructError(t: PyType): void {
  StructError = t;
}
/** PyErr_SetString(state->StructError, msg): the class called with the message when the error
 * is normalized */
function structError(msg: string): never {
  const m = newStr(msg);
  let exc: PyObject;
  try {
    exc = abs.call(StructError!, [m], null);
  } finally {
    decref(m);
  }
  throw exc;
}

// ------------------------------------------------------------------ format tables
/** a formatdef: size and alignment of a format char in a table */
interface FormatDef {
  size: number;
  align: number;
}
/** the format chars (_struct.c native_table and lilendian_table/bigendian_table): native size
 * (aligned to itself, except the byte-sized ones but '?'), then the standard size (no
 * alignment; null: native only, n N P) */
const FORMATS: [string, number, number, number | null][] = [
  ['x', 1, 0, 1],
  ['c', 1, 0, 1],
  ['b', 1, 0, 1],
  ['B', 1, 0, 1],
  ['?', 1, 1, 1],
  ['h', 2, 2, 2],
  ['H', 2, 2, 2],
  ['i', 4, 4, 4],
  ['I', 4, 4, 4],
  ['l', 8, 8, 4],
  ['L', 8, 8, 4],
  ['q', 8, 8, 8],
  ['Q', 8, 8, 8],
  ['n', 8, 8, null],
  ['N', 8, 8, null],
  ['e', 2, 2, 2],
  ['f', 4, 4, 4],
  ['d', 8, 8, 8],
  ['s', 1, 0, 1],
  ['p', 1, 0, 1],
  ['P', 8, 8, null],
];
const NATIVE: Record<string, FormatDef> = {};
const STANDARD: Record<string, FormatDef> = {};
for (const [c, size, align, std] of FORMATS) {
  NATIVE[c] = { size, align };
  if (std !== null) STANDARD[c] = { size: std, align: 0 };
}

/** a formatcode: one format char with its place in the packed bytes */
interface Code {
  c: string;
  offset: number;
  /** bytes of one item ('s', 'p': of the whole string) */
  size: number;
  repeat: number;
}

/** a compiled format (PyStructObject's s_size, s_len, s_codes) */
export interface Layout {
  /** the format's text, for Struct.format */
  text: string;
  native: boolean;
  le: boolean;
  size: number;
  /** the size as CPython's Py_ssize_t when it is beyond a JS number's exact range */
  sizeBig: bigint;
  /** the number of values packed */
  len: number;
  codes: Code[];
}

const SSIZE_MAX = (1n << 63n) - 1n;
const SPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);

/** prepare_s: compile a format (str or bytes) */
export function compileFormat(fmt: PyObject): Layout {
  let text: string;
  if (fmt instanceof PyStr) {
    text = fmt.v;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        const cp = text.codePointAt(i)!;
        const esc = cp < 256 ? `\\x${cp.toString(16).padStart(2, '0')}` : cp < 65536 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
        raise(E.UnicodeEncodeError, `'ascii' codec can't encode character '${esc}' in position ${i}: ordinal not in range(128)`);
      }
    }
  } else if (fmt instanceof PyBytes && fmt.type === BytesType) {
    text = String.fromCharCode(...fmt.v);
  } else typeError(`Struct() argument 1 must be a str or bytes object, not ${fmt.type.name}`);
  if (text.includes('\0')) structError('embedded null character');
  let s = 0;
  let native = true;
  let le = true;
  const first = text[0];
  if (first === '<' || first === '>' || first === '!' || first === '=' || first === '@') {
    s = 1;
    native = first === '@';
    le = first === '<' || first === '=' || first === '@';
  }
  const table = native ? NATIVE : STANDARD;
  const overflow = (): never => structError('total struct size too long');
  let size = 0n;
  let len = 0;
  const codes: Code[] = [];
  while (s < text.length) {
    let c = text[s++];
    if (SPACE.has(c)) continue;
    let num = 1n;
    if (c >= '0' && c <= '9') {
      num = BigInt(c);
      for (;;) {
        c = s < text.length ? text[s++] : '\0';
        if (!(c >= '0' && c <= '9')) break;
        num = num * 10n + BigInt(c);
        if (num > SSIZE_MAX) overflow();
      }
      if (c === '\0') structError('repeat count given without format specifier');
    }
    const e = table[c];
    if (!e) structError('bad char in struct format');
    // align: native formats pad to the item's alignment
    if (e.align && size > 0n) {
      const a = BigInt(e.align);
      size += (a - 1n - ((size - 1n) % a));
      if (size > SSIZE_MAX) overflow();
    }
    const itemsize = BigInt(e.size);
    if (num > (SSIZE_MAX - size) / itemsize) overflow();
    if (c === 's' || c === 'p') {
      codes.push({ c, offset: Number(size), size: Number(num), repeat: 1 });
      len++;
    } else if (c !== 'x' && num > 0n) {
      codes.push({ c, offset: Number(size), size: e.size, repeat: Number(num) });
      len += Number(num);
    }
    size += num * itemsize;
  }
  return { text, native, le, size: Number(size), sizeBig: size, len, codes };
}

// ------------------------------------------------------------------ numbers
/** get_pylong: an int, or __index__'s; else struct.error */
function pyLong(v: PyObject): bigint | number {
  if (v instanceof PyInt) return v.v;
  if (abs.typeLookup(v.type, '__index__')) return abs.index(v);
  structError('required argument is not an integer');
}
const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const ULONG_MAX = (1n << 64n) - 1n;
/** get_long / get_longlong / get_ssize_t */
function getLong(v: PyObject): bigint {
  const x = BigInt(pyLong(v));
  if (x < LONG_MIN || x > LONG_MAX) structError('argument out of range');
  return x;
}
/** get_ulong / get_ulonglong / get_size_t */
function getULong(v: PyObject): bigint {
  const x = BigInt(pyLong(v));
  if (x < 0n || x > ULONG_MAX) structError('argument out of range');
  return x;
}
/** _range_error: "'%c' format requires ..." */
function rangeError(c: string, size: number, unsigned: boolean): never {
  const ulargest = (1n << BigInt(size * 8)) - 1n;
  if (unsigned) structError(`'${c}' format requires 0 <= number <= ${ulargest}`);
  const largest = ulargest >> 1n;
  structError(`'${c}' format requires ${-largest - 1n} <= number <= ${largest}`);
}

/** PyFloat_AsDouble for a packed float: any failure is "required argument is not a float" */
function floatArg(v: PyObject): number {
  if (v instanceof PyFloat) return v.v;
  try {
    return toDouble(v);
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    decref(e);
    structError('required argument is not a float');
  }
}

const f64 = new DataView(new ArrayBuffer(8));
/** PyFloat_Pack2: IEEE 754 half precision, rounding half to even */
function packHalf(x: number): number {
  let sign: number;
  let e: number;
  let bits: number;
  f64.setFloat64(0, x);
  const negBit = f64.getUint8(0) >> 7;
  if (x === 0) {
    sign = negBit;
    e = 0;
    bits = 0;
  } else if (x === Infinity || x === -Infinity) {
    sign = x < 0 ? 1 : 0;
    e = 0x1f;
    bits = 0;
  } else if (Number.isNaN(x)) {
    sign = negBit;
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0 ? 1 : 0;
    if (sign) x = -x;
    // frexp: x = f * 2**e with 0.5 <= f < 1, then f normalized to [1, 2)
    e = Math.floor(Math.log2(x)) + 1;
    let f = x / Math.pow(2, e);
    if (f >= 1) {
      f /= 2;
      e++;
    } else if (f < 0.5) {
      f *= 2;
      e--;
    }
    f *= 2;
    e--;
    if (e >= 16) throw new HalfOverflow();
    else if (e < -25) {
      f = 0;
      e = 0;
    } else if (e < -14) {
      f = f * Math.pow(2, 14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1;
    }
    f *= 1024;
    bits = Math.floor(f);
    if (f - bits > 0.5 || (f - bits === 0.5 && bits % 2 === 1)) {
      bits++;
      if (bits === 1024) {
        bits = 0;
        e++;
        if (e === 31) throw new HalfOverflow();
      }
    }
  }
  return bits | (e << 10) | (sign << 15);
}
class HalfOverflow {}

/** PyFloat_Unpack2 */
function unpackHalf(h: number): number {
  const sign = h >> 15;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  let x: number;
  if (e === 0x1f) x = f === 0 ? Infinity : NaN;
  else if (e === 0) x = f * Math.pow(2, -24);
  else x = (1 + f / 1024) * Math.pow(2, e - 15);
  return sign ? -x : x;
}

// ------------------------------------------------------------------ packing
/** the value of code `c` packed at byte `off` of `dv` (pack functions of the tables) */
function packOne(L: Layout, dv: DataView, off: number, c: string, v: PyObject): void {
  const le = L.le;
  const native = L.native;
  // the little-endian table's entries whose size is the native one use the native functions on
  // a little-endian machine (PyInit__struct's swap): their checks and messages
  const nat = native || le;
  switch (c) {
    case 'c': {
      if (!(v instanceof PyBytes) || v.type !== BytesType || v.v.length !== 1) structError('char format requires a bytes object of length 1');
      dv.setUint8(off, v.v[0]);
      return;
    }
    case 'b': {
      const x = getLong(v);
      if (x < -128n || x > 127n) structError('byte format requires -128 <= number <= 127');
      dv.setInt8(off, Number(x));
      return;
    }
    case 'B': {
      const x = getLong(v);
      if (x < 0n || x > 255n) structError('ubyte format requires 0 <= number <= 255');
      dv.setUint8(off, Number(x));
      return;
    }
    case '?':
      dv.setUint8(off, abs.isTrue(v) ? 1 : 0);
      return;
    case 'h': {
      const x = getLong(v);
      if (nat) {
        if (x < -32768n || x > 32767n) structError('short format requires -32768 <= number <= 32767');
      } else if (x < -32768n || x > 32767n) rangeError(c, 2, false);
      dv.setInt16(off, Number(x), le);
      return;
    }
    case 'H': {
      if (nat) {
        const x = getLong(v);
        if (x < 0n || x > 65535n) structError('ushort format requires 0 <= number <= 65535');
        dv.setUint16(off, Number(x), le);
        return;
      }
      const x = getULong(v);
      if (x > 65535n) rangeError(c, 2, true);
      dv.setUint16(off, Number(x), le);
      return;
    }
    case 'i':
    case 'l': {
      const x = getLong(v);
      if (c === 'l' && native) dv.setBigInt64(off, x, le);
      else {
        if (x < -2147483648n || x > 2147483647n) rangeError(c, 4, false);
        dv.setInt32(off, Number(x), le);
      }
      return;
    }
    case 'I':
    case 'L': {
      const x = getULong(v);
      if (c === 'L' && native) dv.setBigUint64(off, x, le);
      else {
        if (x > 4294967295n) rangeError(c, 4, true);
        dv.setUint32(off, Number(x), le);
      }
      return;
    }
    case 'q': {
      if (nat) {
        dv.setBigInt64(off, getLong(v), le);
        return;
      }
      // bp_longlong: _PyLong_AsByteArray's OverflowError
      const x = BigInt(pyLong(v));
      if (x < LONG_MIN || x > LONG_MAX) raise(E.OverflowError, 'int too big to convert');
      dv.setBigInt64(off, x, le);
      return;
    }
    case 'Q': {
      if (nat) {
        dv.setBigUint64(off, getULong(v), le);
        return;
      }
      const x = BigInt(pyLong(v));
      if (x < 0n) raise(E.OverflowError, "can't convert negative int to unsigned");
      if (x > ULONG_MAX) raise(E.OverflowError, 'int too big to convert');
      dv.setBigUint64(off, x, le);
      return;
    }
    case 'n':
      dv.setBigInt64(off, getLong(v), le);
      return;
    case 'N':
      dv.setBigUint64(off, getULong(v), le);
      return;
    case 'P': {
      // PyLong_AsVoidPtr: a signed or unsigned 64-bit value, else OverflowError
      const x = BigInt(pyLong(v));
      if (x < LONG_MIN || x > ULONG_MAX) raise(E.OverflowError, 'int too large to convert');
      dv.setBigUint64(off, BigInt.asUintN(64, x), le);
      return;
    }
    case 'e': {
      const x = floatArg(v);
      let h: number;
      try {
        h = packHalf(x);
      } catch (e) {
        if (e instanceof HalfOverflow) raise(E.OverflowError, 'float too large to pack with e format');
        throw e;
      }
      dv.setUint16(off, h, le);
      return;
    }
    case 'f': {
      const x = floatArg(v);
      const y = Math.fround(x);
      // PyFloat_Pack4 (standard sizes) refuses a double beyond float's range; the native
      // table's (float) cast makes it an infinity
      if (!native && !Number.isFinite(y) && Number.isFinite(x)) raise(E.OverflowError, 'float too large to pack with f format');
      dv.setFloat32(off, y, le);
      return;
    }
    case 'd':
      dv.setFloat64(off, floatArg(v), le);
      return;
  }
}

/** s_pack_internal: the values args[from..] packed into buf at offset off (zeroed first) */
function packInternal(L: Layout, args: PyObject[], from: number, buf: Uint8Array, off: number): void {
  buf.fill(0, off, off + L.size);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let a = from;
  for (const code of L.codes) {
    if (code.c === 's' || code.c === 'p') {
      const v = args[a++];
      if (!(v instanceof PyBytes)) structError(`argument for '${code.c}' must be a bytes object`);
      const at = off + code.offset;
      if (code.c === 's') {
        buf.set(v.v.subarray(0, Math.min(v.v.length, code.size)), at);
      } else {
        let n = v.v.length;
        if (n > code.size - 1) n = code.size - 1;
        if (n > 0) buf.set(v.v.subarray(0, n), at + 1);
        if (n > 255) n = 255;
        if (code.size > 0) buf[at] = n;
      }
      continue;
    }
    for (let k = 0; k < code.repeat; k++) {
      const v = args[a++];
      try {
        packOne(L, dv, off + code.offset + k * code.size, code.c, v);
      } catch (e) {
        // an OverflowError for an int argument becomes struct.error
        if (v instanceof PyInt && e instanceof PyBaseException && e.type.isSubtype(E.OverflowError)) {
          decref(e);
          structError('int too large to convert');
        }
        throw e;
      }
    }
  }
}

/** s_unpack_internal: a tuple of the values packed in buf at offset off */
function unpackInternal(L: Layout, buf: Uint8Array, off: number): PyObject {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const le = L.le;
  const out: PyObject[] = [];
  for (const code of L.codes) {
    const at = off + code.offset;
    if (code.c === 's') {
      out.push(newBytes(buf.slice(at, at + code.size)));
      continue;
    }
    if (code.c === 'p') {
      let n = code.size > 0 ? buf[at] : 0;
      if (n >= code.size) n = code.size - 1;
      out.push(newBytes(buf.slice(at + 1, at + 1 + Math.max(n, 0))));
      continue;
    }
    for (let k = 0; k < code.repeat; k++) {
      const p = at + k * code.size;
      out.push(unpackOne(L, dv, p, code.c, le));
    }
  }
  return newTuple(out);
}

function unpackOne(L: Layout, dv: DataView, p: number, c: string, le: boolean): PyObject {
  switch (c) {
    case 'c':
      return newBytes(Uint8Array.of(dv.getUint8(p)));
    case 'b':
      return newInt(dv.getInt8(p));
    case 'B':
      return newInt(dv.getUint8(p));
    case '?':
      return newBool(dv.getUint8(p) !== 0);
    case 'h':
      return newInt(dv.getInt16(p, le));
    case 'H':
      return newInt(dv.getUint16(p, le));
    case 'i':
      return newInt(dv.getInt32(p, le));
    case 'I':
      return newInt(dv.getUint32(p, le));
    case 'l':
      return L.native ? bigInt(dv.getBigInt64(p, le)) : newInt(dv.getInt32(p, le));
    case 'L':
      return L.native ? bigInt(dv.getBigUint64(p, le)) : newInt(dv.getUint32(p, le));
    case 'q':
    case 'n':
      return bigInt(dv.getBigInt64(p, le));
    case 'Q':
    case 'N':
    case 'P':
      return bigInt(dv.getBigUint64(p, le));
    case 'e':
      return newFloat(unpackHalf(dv.getUint16(p, le)));
    case 'f':
      return newFloat(dv.getFloat32(p, le));
    default:
      return newFloat(dv.getFloat64(p, le));
  }
}

function bigInt(x: bigint): PyObject {
  return newInt(x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x);
}

// ------------------------------------------------------------------ buffers
/** a readable buffer argument (Py_buffer): its bytes */
function readBuffer(o: PyObject): Uint8Array {
  const b = bytesLike(o);
  if (b === null) typeError(`a bytes-like object is required, not '${o.type.name}'`);
  return b;
}
/** a writable buffer ("w*"): the bytes the packed values go into */
function writableBuffer(o: PyObject): Uint8Array {
  if (o instanceof PyBytes && o.type.isSubtype(ByteArrayType)) return o.v;
  if (o instanceof PyArray) return o.view();
  typeError(`argument must be read-write bytes-like object, not ${o.type.name}`);
}

/** a Py_ssize_t argument with __index__ (PyNumber_AsSsize_t) */
function ssize(o: PyObject): number {
  const v = abs.index(o);
  if (typeof v === 'bigint') raise(E.OverflowError, `Python int too large to convert to C ssize_t`);
  return v;
}

// ------------------------------------------------------------------ the Struct type
export class PyStruct extends PyObject {
  L: Layout | null = null;
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
  }
}

/** _struct.Struct: sizeof(PyStructObject) = 56, plus 32 bytes per formatcode (and the end mark) */
export const StructType = makeType('_struct.Struct', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 56);
StructType.weakrefable = true;
StructType.solidBase = StructType;
registerTpCallOnly(StructType);
sizeofHooks.set(StructType, (o) => o.type.basicsize + 32 * (((o as PyStruct).L?.codes.length ?? 0) + 1));

function layoutOf(o: PyObject): Layout {
  const L = (o as PyStruct).L;
  if (L === null) typeError('Struct object is not initialized');
  return L;
}

/** Struct(format): a new compiled struct */
export function newStruct(type: PyType, fmt: PyObject): PyStruct {
  const L = compileFormat(fmt);
  const s = new PyStruct(type);
  if (type.flags & TypeFlags.HEAPTYPE) incref(type);
  gcNewTracked(s);
  s.L = L;
  return s;
}

/** s_pack: `args` are the values */
export function structPack(s: PyObject, args: PyObject[]): PyObject {
  const L = layoutOf(s);
  if (args.length !== L.len) structError(`pack expected ${L.len} items for packing (got ${args.length})`);
  if (L.size > 0x7fffffff) raise(E.MemoryError, null);
  const buf = new Uint8Array(L.size);
  packInternal(L, args, 0, buf, 0);
  return newBytes(buf);
}

/** s_pack_into: args are buffer, offset, values */
export function structPackInto(s: PyObject, args: PyObject[]): PyObject {
  const L = layoutOf(s);
  if (args.length !== L.len + 2) {
    if (args.length === 0) structError('pack_into expected buffer argument');
    if (args.length === 1) structError('pack_into expected offset argument');
    structError(`pack_into expected ${L.len} items for packing (got ${args.length - 2})`);
  }
  const buf = writableBuffer(args[0]);
  let offset = abs.asIndex(args[1]);
  if (offset < 0) {
    if (offset + L.size > 0) structError(`no space to pack ${L.size} bytes at offset ${offset}`);
    if (offset + buf.length < 0) structError(`offset ${offset} out of range for ${buf.length}-byte buffer`);
    offset += buf.length;
  }
  if (buf.length - offset < L.size) {
    structError(`pack_into requires a buffer of at least ${L.size + offset} bytes for packing ${L.size} bytes at offset ${offset} (actual buffer size is ${buf.length})`);
  }
  packInternal(L, args, 2, buf, offset);
  return none();
}

/** s_unpack */
export function structUnpack(s: PyObject, buffer: PyObject): PyObject {
  const L = layoutOf(s);
  const b = readBuffer(buffer);
  if (b.length !== L.size) structError(`unpack requires a buffer of ${L.size} bytes`);
  return unpackInternal(L, b, 0);
}

/** s_unpack_from */
export function structUnpackFrom(s: PyObject, buffer: PyObject, offsetObj: PyObject | undefined): PyObject {
  const L = layoutOf(s);
  const b = readBuffer(buffer);
  let offset = offsetObj === undefined ? 0 : ssize(offsetObj);
  const given = offset;
  if (offset < 0) {
    if (offset + b.length < 0) structError(`offset ${offset} out of range for ${b.length}-byte buffer`);
    offset += b.length;
  }
  if (b.length - offset < L.size) {
    if (given < 0) structError(`not enough data to unpack ${L.size} bytes at offset ${given}`);
    structError(`unpack_from requires a buffer of at least ${L.size + offset} bytes for unpacking ${L.size} bytes at offset ${offset} (actual buffer size is ${b.length})`);
  }
  return unpackInternal(L, b, offset);
}

/** _struct.unpack_iterator: sizeof(unpackiterobject) = 112 */
export const UnpackIterType = makeType('_struct.unpack_iterator', null, TypeFlags.HAVE_GC, 112);

export class PyUnpackIter extends PyObject {
  index = 0;
  constructor(
    public so: PyStruct | null,
    /** the object whose buffer is read (released once exhausted) */
    public obj: PyObject | null,
    public buf: Uint8Array,
  ) {
    super(UnpackIterType);
  }
  override traverse(visit: Visit): void {
    if (this.so) visit(this.so, Edge.OTHER, 'struct');
    if (this.obj) visit(this.obj, Edge.ITERATED, 'buffer');
  }
  override dealloc(): void {
    const { so, obj } = this;
    this.so = this.obj = null;
    if (so) decref(so);
    if (obj) decref(obj);
  }
}

/** Struct.iter_unpack (s_iter_unpack) */
export function structIterUnpack(s: PyObject, buffer: PyObject): PyObject {
  const L = layoutOf(s);
  if (L.size === 0) structError('cannot iteratively unpack with a struct of length 0');
  const b = readBuffer(buffer);
  if (b.length % L.size !== 0) structError(`iterative unpacking requires a buffer of a multiple of ${L.size} bytes`);
  const it = new PyUnpackIter(newRef(s as PyStruct), newRef(buffer), b);
  gcNewTracked(it);
  return it;
}

/** methods shared by Struct's: METH_O (exactly one argument) */
function oneArg(name: string, args: PyObject[], kw: string[] | null): PyObject {
  if (kw && kw.length) typeError(`Struct.${name}() takes no keyword arguments`);
  if (args.length !== 1) typeError(`Struct.${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

let installed = false;
export function installStruct(): void {
  if (installed) return;
  installed = true;
  const T = StructType;
  T.doc = 'Struct(fmt) --> compiled struct object\n\n';
  T.slots.new = (t) => {
    // s_new: an uninitialized struct (s_init compiles the format)
    const s = new PyStruct(t);
    if (t.flags & TypeFlags.HEAPTYPE) incref(t);
    gcNewTracked(s);
    return s;
  };
  T.slots.init = (self, args, kw) => {
    if (args.length === 0) typeError("Struct() missing required argument 'format' (pos 1)");
    const [fmt] = parseArgs({ name: 'Struct', params: ['format'], required: 1 }, args, kw);
    (self as PyStruct).L = compileFormat(fmt!);
  };
  defNew(T);
  def(T, '__init__', (self, args, kw) => {
    T.slots.init!(self, args, kw);
    return none();
  });
  defAttr(T, '__doc__', immortal(newStr(T.doc)));
  defAttr(T, '__module__', immortal(newStr('_struct')));
  def(T, 'pack', (self, args, kw) => {
    if (kw && kw.length) typeError('pack() takes no keyword arguments');
    return structPack(self, args);
  });
  def(T, 'pack_into', (self, args, kw) => {
    if (kw && kw.length) typeError('pack_into() takes no keyword arguments');
    return structPackInto(self, args);
  });
  def(T, 'unpack', (self, args, kw) => structUnpack(self, oneArg('unpack', args, kw)));
  def(T, 'unpack_from', (self, args, kw) => {
    const [buffer, offset] = parseArgs({ name: 'unpack_from', params: ['buffer', 'offset'], required: 1 }, args, kw);
    return structUnpackFrom(self, buffer!, offset);
  });
  def(T, 'iter_unpack', (self, args, kw) => structIterUnpack(self, oneArg('iter_unpack', args, kw)));
  defUn(T, '__sizeof__', (self) => newInt(T.basicsize + 32 * (layoutOf(self).codes.length + 1)));
  defGetter(T, 'format', (o) => newStr(layoutOf(o).text));
  defGetter(T, 'size', (o) => newInt(layoutOf(o).size));

  const IT = UnpackIterType;
  defAttr(IT, '__module__', immortal(newStr('_struct')));
  defAttr(IT, '__doc__', None);
  IT.slots.iter = (o) => newRef(o);
  IT.slots.next = (o) => {
    // unpackiter_iternext: the buffer is released at the end
    const it = o as PyUnpackIter;
    if (it.so === null) return null;
    const L = it.so.L!;
    if (it.index >= it.buf.length) {
      const { so, obj } = it;
      it.so = it.obj = null;
      decref(so);
      if (obj) decref(obj);
      return null;
    }
    const r = unpackInternal(L, it.buf, it.index);
    it.index += L.size;
    return r;
  };
  defUn(IT, '__iter__', (self) => newRef(self));
  defUn(IT, '__next__', (self) => {
    const r = IT.slots.next!(self);
    if (r === null) raise(E.StopIteration, null);
    return r;
  });
  def(IT, '__length_hint__', (self, args, kw) => {
    if (kw && kw.length) typeError('unpack_iterator.__length_hint__() takes no keyword arguments');
    if (args.length) typeError(`unpack_iterator.__length_hint__() takes no arguments (${args.length} given)`);
    const it = self as PyUnpackIter;
    if (it.so === null) return newInt(0);
    return newInt((it.buf.length - it.index) / it.so.L!.size);
  });
  void PyStr;
}

function immortal<T extends PyObject>(o: T): T {
  o.rc = 1_000_000_000;
  return o;
}
