// array.array and its iterator (Modules/arraymodule.c, CPython 3.11): a sequence of C values of
// one type code, kept as the bytes CPython's buffer would hold (little-endian, this machine's C
// sizes: 64-bit Linux), with CPython's over-allocation (array_resize) so that sys.getsizeof
// matches. The array module (modules/array.ts) binds the type.
//
// Like CPython 3.11's (a heap type made by PyType_FromModuleAndSpec with Py_TPFLAGS_HAVE_GC and
// a tp_traverse that visits the type), arrays are gc objects, tracked when made; they can be
// weakly referenced. RefScope's type is static (it lives as long as the process), so an array
// holds no counted reference to it and gc.get_referents(arr) is empty where CPython lists the
// type.

import { PyObject, PyType, TypeFlags, Edge, heap, newRef, decref, incref, type Visit } from '../object';
import { makeType } from '../types';
import { defMethod, defGetter, defAttr, typeDict } from '../define';
import * as abs from '../abstract';
import { Cmp } from '../abstract';
import { raise, typeError } from '../errors';
import * as E from './exception';
import { PyInt, newInt, newBool } from './int';
import { PyFloat, newFloat } from './float';
import { PyStr, newStr } from './str';
import { PyList, newList } from './list';
import { PyTuple, newTuple, gcNewTracked } from './tuple';
import { PyBytes, BytesType, newBytes, bytesLike, addBufferExporter } from './bytes';
import { PySlice } from './misc';
import { None } from './singletons';
import { def, defBin, defUn, posArgs, notImpl, none, sliceIndices, hasIndex, repeatCount } from './common_methods';
import { registerTpCallOnly } from '../typeobject';
import { sizeofHooks } from '../sizes';
import { defNew } from './methods';
import { toDouble } from '../../modules/modutil';
import * as N from '../numeric';
import { currentInterp } from '../current';

// ------------------------------------------------------------------ type codes
const enum Kind {
  SIGNED,
  UNSIGNED,
  FLOAT,
  UNICODE,
}

/** struct arraydescr: a type code, its C size on 64-bit Linux and how its values convert */
export interface ArrayDescr {
  code: string;
  itemsize: number;
  kind: Kind;
}

const DESCRS: ArrayDescr[] = [
  { code: 'b', itemsize: 1, kind: Kind.SIGNED },
  { code: 'B', itemsize: 1, kind: Kind.UNSIGNED },
  { code: 'u', itemsize: 4, kind: Kind.UNICODE }, // wchar_t
  { code: 'h', itemsize: 2, kind: Kind.SIGNED },
  { code: 'H', itemsize: 2, kind: Kind.UNSIGNED },
  { code: 'i', itemsize: 4, kind: Kind.SIGNED },
  { code: 'I', itemsize: 4, kind: Kind.UNSIGNED },
  { code: 'l', itemsize: 8, kind: Kind.SIGNED },
  { code: 'L', itemsize: 8, kind: Kind.UNSIGNED },
  { code: 'q', itemsize: 8, kind: Kind.SIGNED },
  { code: 'Q', itemsize: 8, kind: Kind.UNSIGNED },
  { code: 'f', itemsize: 4, kind: Kind.FLOAT },
  { code: 'd', itemsize: 8, kind: Kind.FLOAT },
];
/** array.typecodes */
export const TYPECODES = DESCRS.map((d) => d.code).join('');

// ------------------------------------------------------------------ the object
export class PyArray extends PyObject {
  /** ob_descr */
  d: ArrayDescr;
  /** Py_SIZE: the number of items */
  n = 0;
  /** self->allocated: the items CPython's buffer has room for (array_resize), for getsizeof;
   * 0 when it has no buffer (ob_item == NULL) */
  allocated = 0;
  /** the items' bytes (little-endian); its length is RefScope's own capacity (>= n * itemsize) */
  bytes: Uint8Array;
  dv: DataView;
  /** the address buffer_info() reported for the current buffer (0: none asked yet) */
  bufAddr = 0;
  constructor(type: PyType, d: ArrayDescr) {
    super(type);
    this.d = d;
    this.bytes = EMPTY;
    this.dv = EMPTY_DV;
  }
  /** array_tp_traverse visits the type; only a subclass's (a heap type) is counted here */
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
  }
  override dealloc(): void {
    this.bytes = EMPTY;
    this.dv = EMPTY_DV;
    this.n = this.allocated = 0;
  }
  /** array.__sizeof__ (array_array___sizeof___impl): the object plus its allocated items */
  sizeof(): number {
    return this.type.basicsize + this.allocated * this.d.itemsize;
  }
  /** array_resize(newsize): CPython's bookkeeping (the items already there stay) */
  resize(newsize: number): void {
    const allocated = this.allocated;
    if (allocated >= newsize && this.n < newsize + 16 && allocated > 0) {
      this.setSize(newsize);
      return;
    }
    this.bufAddr = 0; // PyMem_Realloc / PyMem_Free: the buffer moves (or goes)
    if (newsize === 0) {
      this.allocated = 0;
      this.setSize(0);
      return;
    }
    // "0, 4, 8, 16, 25, 34, 46, 56, 67, 79, ...": mild over-allocation (about 1/16th)
    this.allocated = (newsize >> 4) + (this.n < 8 ? 3 : 7) + newsize;
    this.setSize(newsize);
  }
  /** Py_SET_SIZE, with room in `bytes` */
  setSize(n: number): void {
    const need = n * this.d.itemsize;
    if (need > this.bytes.length) {
      const b = new Uint8Array(Math.max(need, this.bytes.length * 2, 16));
      b.set(this.bytes.subarray(0, this.n * this.d.itemsize));
      this.bytes = b;
      this.dv = new DataView(b.buffer);
    }
    this.n = n;
  }
  /** the items' bytes (a view: valid until the array changes) */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.n * this.d.itemsize);
  }
  /** getarrayitem: item i (in range) as a new object */
  get(i: number): PyObject {
    const dv = this.dv;
    const k = this.d.itemsize;
    const off = i * k;
    switch (this.d.code) {
      case 'b':
        return newInt(dv.getInt8(off));
      case 'B':
        return newInt(dv.getUint8(off));
      case 'h':
        return newInt(dv.getInt16(off, true));
      case 'H':
        return newInt(dv.getUint16(off, true));
      case 'i':
        return newInt(dv.getInt32(off, true));
      case 'I':
        return newInt(dv.getUint32(off, true));
      case 'l':
      case 'q': {
        const hi = dv.getInt32(off + 4, true);
        if (hi >= -0x200000 && hi < 0x200000) return newInt(hi * 0x100000000 + dv.getUint32(off, true));
        return newInt(dv.getBigInt64(off, true));
      }
      case 'L':
      case 'Q': {
        const hi = dv.getUint32(off + 4, true);
        if (hi < 0x200000) return newInt(hi * 0x100000000 + dv.getUint32(off, true));
        return newInt(dv.getBigUint64(off, true));
      }
      case 'f':
        return newFloat(dv.getFloat32(off, true));
      case 'd':
        return newFloat(dv.getFloat64(off, true));
      default:
        return newStr(codePointStr(dv.getUint32(off, true)));
    }
  }
  /** the setitem conversion of `v` (the C value to store); raises as CPython's *_setitem */
  convert(v: PyObject): number | bigint {
    return convertItem(this.d, v);
  }
  /** stores a converted value at item i (in range) */
  put(i: number, x: number | bigint): void {
    const dv = this.dv;
    const off = i * this.d.itemsize;
    switch (this.d.code) {
      case 'b':
      case 'B':
        dv.setUint8(off, Number(x) & 0xff);
        return;
      case 'h':
      case 'H':
        dv.setUint16(off, Number(x) & 0xffff, true);
        return;
      case 'i':
      case 'I':
      case 'u':
        dv.setUint32(off, Number(x) >>> 0, true);
        return;
      case 'f':
        dv.setFloat32(off, x as number, true);
        return;
      case 'd':
        dv.setFloat64(off, x as number, true);
        return;
      default:
        if (typeof x === 'number') {
          const hi = Math.floor(x / 0x100000000);
          dv.setUint32(off, x - hi * 0x100000000, true);
          dv.setInt32(off + 4, hi | 0, true);
        } else dv.setBigUint64(off, BigInt.asUintN(64, x), true);
    }
  }
  /** the items as JS strings ('u' arrays): tounicode */
  text(): string {
    let s = '';
    for (let i = 0; i < this.n; i++) s += codePointStr(this.dv.getUint32(4 * i, true));
    return s;
  }
}

const EMPTY = new Uint8Array(0);
const EMPTY_DV = new DataView(EMPTY.buffer);

/** PyUnicode_FromWideChar of one wchar_t (a code point beyond U+10FFFF is refused) */
function codePointStr(c: number): string {
  if (c > 0x10ffff) raise(E.ValueError, `character U+${c.toString(16)} is not in range [U+0000; U+10ffff]`);
  return String.fromCodePoint(c);
}

/** array.array (basicsize: sizeof(arrayobject) = 64) */
export const ArrayType = makeType('array.array', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 64);
ArrayType.module = 'array';
ArrayType.weakrefable = true;
ArrayType.solidBase = ArrayType;
// (a heap type in CPython: no tp_vectorcall, so calling it packs an argument tuple)
registerTpCallOnly(ArrayType);
sizeofHooks.set(ArrayType, (o) => (o as PyArray).sizeof());

/** array.arrayiterator (sizeof(arrayiterobject) = 40) */
export const ArrayIterType = makeType('array.arrayiterator', null, TypeFlags.HAVE_GC, 40);
ArrayIterType.module = 'array';

export class PyArrayIter extends PyObject {
  index = 0;
  constructor(public ao: PyArray | null) {
    super(ArrayIterType);
  }
  override traverse(visit: Visit): void {
    if (this.ao) visit(this.ao, Edge.ITERATED, 'iterated object');
  }
  override dealloc(): void {
    const a = this.ao;
    this.ao = null;
    if (a) decref(a);
  }
}

// ------------------------------------------------------------------ conversions (*_setitem)
const TWO64 = 1n << 64n;

/** PyLong_AsLong after __index__ ('b', 'h', 'i', 'l' format units): a C long */
function cLong(v: PyObject): number | bigint {
  const x = abs.index(v);
  if (typeof x === 'bigint' && (x < -(1n << 63n) || x >= 1n << 63n)) raise(E.OverflowError, 'Python int too large to convert to C long');
  return x;
}
function inRange(x: number | bigint, lo: number, hi: number, less: string, greater: string): number {
  if (x < lo) raise(E.OverflowError, less);
  if (x > hi) raise(E.OverflowError, greater);
  return Number(x);
}

/** b_setitem, BB_setitem, ...: the C value `v` converts to for type code d, or the error */
export function convertItem(d: ArrayDescr, v: PyObject): number | bigint {
  switch (d.code) {
    case 'b': {
      // 'h' format, then the signed char range
      const x = inRange(cLong(v), -32768, 32767, 'signed short integer is less than minimum', 'signed short integer is greater than maximum');
      return inRange(x, -128, 127, 'signed char is less than minimum', 'signed char is greater than maximum');
    }
    case 'B':
      return inRange(cLong(v), 0, 255, 'unsigned byte integer is less than minimum', 'unsigned byte integer is greater than maximum');
    case 'h':
      return inRange(cLong(v), -32768, 32767, 'signed short integer is less than minimum', 'signed short integer is greater than maximum');
    case 'H': {
      // 'i' format, then the unsigned short range
      const x = inRange(cLong(v), -2147483648, 2147483647, 'signed integer is less than minimum', 'signed integer is greater than maximum');
      return inRange(x, 0, 65535, 'unsigned short is less than minimum', 'unsigned short is greater than maximum');
    }
    case 'i':
      return inRange(cLong(v), -2147483648, 2147483647, 'signed integer is less than minimum', 'signed integer is greater than maximum');
    case 'l':
      return cLong(v);
    case 'q': {
      // 'L' format: PyLong_AsLongLong
      const x = abs.index(v);
      if (typeof x === 'bigint' && (x < -(1n << 63n) || x >= 1n << 63n)) raise(E.OverflowError, 'int too big to convert');
      return x;
    }
    case 'I':
    case 'L': {
      // PyLong_AsUnsignedLong after _PyNumber_Index
      const x = abs.index(v);
      if (x < 0) raise(E.OverflowError, "can't convert negative value to unsigned int");
      if (typeof x === 'bigint' && x >= TWO64) raise(E.OverflowError, 'Python int too large to convert to C unsigned long');
      if (d.code === 'I' && x > 0xffffffff) raise(E.OverflowError, 'unsigned int is greater than maximum');
      return x;
    }
    case 'Q': {
      // PyLong_AsUnsignedLongLong
      const x = abs.index(v);
      if (x < 0) raise(E.OverflowError, "can't convert negative int to unsigned");
      if (typeof x === 'bigint' && x >= TWO64) raise(E.OverflowError, 'int too big to convert');
      return x;
    }
    case 'f':
      // (float)x: a double beyond float's range becomes an infinity
      return Math.fround(toDouble(v));
    case 'd':
      return toDouble(v);
    default: {
      // u_setitem: PyArg_Parse "u#", one wchar_t
      if (!(v instanceof PyStr) || v.length !== 1) typeError('array item must be unicode character');
      return v.v.codePointAt(0)!;
    }
  }
}

// ------------------------------------------------------------------ construction
function descrOf(c: string): ArrayDescr | undefined {
  return DESCRS.find((d) => d.code === c);
}

/** newarrayobject(type, size, descr): `size` items (uninitialized: zero bytes), allocated exactly */
export function newArray(type: PyType, size: number, d: ArrayDescr): PyArray {
  const a = new PyArray(type, d);
  if (type.flags & TypeFlags.HEAPTYPE) incref(type);
  gcNewTracked(a);
  if (size > 0) {
    a.allocated = size;
    a.setSize(size);
  }
  return a;
}

function isArray(o: PyObject): o is PyArray {
  return o instanceof PyArray;
}

/** ins1(self, where, v) */
function ins1(a: PyArray, where: number, v: PyObject): void {
  const x = a.convert(v);
  const n = a.n;
  a.resize(n + 1);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  const k = a.d.itemsize;
  if (where !== n) a.bytes.copyWithin((where + 1) * k, where * k, n * k);
  a.put(where, x);
}

/** array_iter_extend */
function iterExtend(a: PyArray, it: PyObject): void {
  const iter = abs.getIter(it);
  try {
    for (;;) {
      const v = abs.iterNext(iter);
      if (!v) break;
      try {
        ins1(a, a.n, v);
      } finally {
        decref(v);
      }
    }
  } finally {
    decref(iter);
  }
}

/** array_do_extend */
function doExtend(a: PyArray, bb: PyObject): void {
  if (!isArray(bb)) {
    iterExtend(a, bb);
    return;
  }
  if (a.d !== bb.d) typeError('can only extend with array of same kind');
  const old = a.n;
  const src = bb.view().slice(); // (bb may be a itself)
  a.resize(old + bb.n);
  a.bytes.set(src, old * a.d.itemsize);
}

/** array_array_frombytes on a buffer */
function fromBytes(a: PyArray, b: Uint8Array): void {
  const k = a.d.itemsize;
  if (b.length % k !== 0) raise(E.ValueError, 'bytes length not a multiple of item size');
  const n = b.length / k;
  if (n > 0) {
    const old = a.n;
    const src = b.slice();
    a.resize(old + n);
    a.bytes.set(src, old * k);
  }
}

/** the Py_buffer argument of frombytes (a contiguous buffer of bytes) */
function bufferArg(o: PyObject, fname: string): Uint8Array {
  if (isArray(o)) {
    if (o.d.itemsize !== 1) typeError('a bytes-like object is required');
    return o.view();
  }
  const b = bytesLike(o);
  if (!b) typeError(`a bytes-like object is required, not '${o.type.name}'`);
  void fname;
  return b;
}

/** array_new */
function arrayNew(type: PyType, args: PyObject[], kw: string[] | null): PyObject {
  if (kw && kw.length && (type === ArrayType || type.slots.init === ArrayType.slots.init)) typeError('array.array() takes no keyword arguments');
  const npos = args.length - (kw ? kw.length : 0);
  if (npos < 1) typeError(`array() takes at least 1 argument (${npos} given)`);
  if (npos > 2) typeError(`array() takes at most 2 arguments (${npos} given)`);
  const tc = args[0];
  if (!(tc instanceof PyStr) || tc.length !== 1) {
    typeError(`array() argument 1 must be a unicode character, not ${tc instanceof PyStr ? 'str' : tc.type.name}`);
  }
  const c = tc.v;
  let initial: PyObject | null = npos > 1 ? args[1] : null;
  if (initial !== null && c !== 'u') {
    if (initial instanceof PyStr) typeError(`cannot use a str to initialize an array with typecode '${c}'`);
    if (isArray(initial) && initial.d.code === 'u') typeError(`cannot use a unicode array to initialize an array with typecode '${c}'`);
  }
  let it: PyObject | null = null;
  if (
    initial !== null &&
    !(initial instanceof PyList || initial instanceof PyBytes || initial instanceof PyTuple || (c === 'u' && initial instanceof PyStr) || (isArray(initial) && initial.d.code === c))
  ) {
    it = abs.getIter(initial);
    initial = null;
  }
  try {
    const d = descrOf(c);
    if (!d) raise(E.ValueError, 'bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)');
    let len = 0;
    if (initial instanceof PyList) len = initial.size;
    else if (initial instanceof PyTuple) len = initial.items.length;
    else if (initial !== null && isArray(initial)) len = initial.n;
    const a = newArray(type, len, d);
    try {
      if (len > 0 && !isArray(initial!)) {
        // (list or tuple: PySequence_GetItem, then setitem, item by item)
        for (let i = 0; i < len; i++) {
          const seq = initial as PyList | PyTuple;
          if (seq instanceof PyList && i >= seq.size) raise(E.IndexError, 'list index out of range');
          const v = seq instanceof PyList ? seq.itemAt(i) : seq.items[i];
          incref(v);
          try {
            a.put(i, a.convert(v));
          } finally {
            decref(v);
          }
        }
      } else if (initial instanceof PyBytes) fromBytes(a, initial.v);
      else if (initial instanceof PyStr) {
        // PyUnicode_AsWideCharString: the buffer holds exactly the characters
        const cps = Array.from(initial.v, (ch) => ch.codePointAt(0)!);
        if (cps.length > 0) {
          a.allocated = cps.length;
          a.setSize(cps.length);
          for (let i = 0; i < cps.length; i++) a.put(i, cps[i]);
        }
      } else if (initial !== null && isArray(initial) && len > 0) a.bytes.set(initial.view());
      if (it !== null) iterExtend(a, it);
    } catch (e) {
      decref(a);
      throw e;
    }
    return a;
  } finally {
    if (it !== null) decref(it);
  }
}

// ------------------------------------------------------------------ repr, compare, subscript
function arrayRepr(o: PyObject): string {
  const a = o as PyArray;
  const t = a.type.name;
  const name = t.slice(t.lastIndexOf('.') + 1);
  const c = a.d.code;
  if (a.n === 0) return `${name}('${c}')`;
  const v = c === 'u' ? newStr(a.text()) : tolist(a);
  try {
    return `${name}('${c}', ${abs.repr(v)})`;
  } finally {
    decref(v);
  }
}

function tolist(a: PyArray): PyObject {
  const items: PyObject[] = [];
  for (let i = 0; i < a.n; i++) items.push(a.get(i));
  return newList(items);
}

/** array_richcompare (3.11: item by item) */
function richCompare(v: PyArray, w: PyObject, op: Cmp): PyObject {
  if (!isArray(w)) return notImpl();
  if (v.n !== w.n && (op === Cmp.EQ || op === Cmp.NE)) return newBool(op === Cmp.NE);
  let vi: PyObject | null = null;
  let wi: PyObject | null = null;
  let i = 0;
  for (; i < v.n && i < w.n; i++) {
    vi = v.get(i);
    wi = w.get(i);
    let eq: boolean;
    try {
      eq = abs.richCompareBool(vi, wi, Cmp.EQ);
    } catch (e) {
      decref(vi);
      decref(wi);
      throw e;
    }
    if (!eq) break;
    decref(vi);
    decref(wi);
    vi = wi = null;
  }
  if (vi === null || wi === null) return newBool(abs.cmpResult(v.n < w.n ? -1 : v.n > w.n ? 1 : 0, op));
  try {
    if (op === Cmp.EQ) return newBool(false);
    if (op === Cmp.NE) return newBool(true);
    return abs.richCompare(vi, wi, op);
  } finally {
    decref(vi);
    decref(wi);
  }
}

/** an index argument (PyNumber_AsSsize_t(item, PyExc_IndexError)) */
function ssizeIndex(k: PyObject): number {
  return abs.asIndex(k);
}

/** array_subscr */
function subscript(a: PyArray, item: PyObject): PyObject {
  if (hasIndex(item)) {
    let i = ssizeIndex(item);
    if (i < 0) i += a.n;
    if (i < 0 || i >= a.n) raise(E.IndexError, 'array index out of range');
    return a.get(i);
  }
  if (item instanceof PySlice) {
    const [start, , step, len] = sliceIndices(item, a.n);
    const k = a.d.itemsize;
    if (len <= 0) return newArray(ArrayType, 0, a.d);
    const r = newArray(ArrayType, len, a.d);
    if (step === 1) r.bytes.set(a.bytes.subarray(start * k, (start + len) * k));
    else for (let i = 0, cur = start; i < len; i++, cur += step) r.bytes.set(a.bytes.subarray(cur * k, cur * k + k), i * k);
    return r;
  }
  typeError('array indices must be integers');
}

/** array_ass_subscr (value null: deletion) */
function assSubscript(a: PyArray, item: PyObject, value: PyObject | null): void {
  let start: number;
  let stop: number;
  let step: number;
  let slicelength: number;
  if (hasIndex(item)) {
    let i = ssizeIndex(item);
    if (i < 0) i += a.n;
    if (i < 0 || i >= a.n) raise(E.IndexError, 'array assignment index out of range');
    if (value !== null) {
      a.put(i, a.convert(value));
      return;
    }
    start = i;
    stop = i + 1;
    step = 1;
    slicelength = 1;
  } else if (item instanceof PySlice) {
    [start, stop, step, slicelength] = sliceIndices(item, a.n);
  } else typeError('array indices must be integers');
  let src: Uint8Array = EMPTY;
  let needed = 0;
  if (value !== null) {
    if (!isArray(value)) typeError(`can only assign array (not "${value.type.name}") to array slice`);
    if (value.d !== a.d) typeError('bad argument type for built-in operation');
    needed = value.n;
    src = value.view().slice(); // ("self[i:j] = self": a copy first)
  }
  const k = a.d.itemsize;
  // for 'a[2:1] = ...', the insertion point is 'start', not 'stop'
  if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
  if (step === 1) {
    if (slicelength > needed) {
      a.bytes.copyWithin((start + needed) * k, stop * k, a.n * k);
      a.resize(a.n + needed - slicelength);
    } else if (slicelength < needed) {
      const n = a.n;
      a.resize(n + needed - slicelength);
      a.bytes.copyWithin((start + needed) * k, stop * k, n * k);
    }
    if (needed > 0) a.bytes.set(src, start * k);
    return;
  }
  if (needed === 0) {
    // delete an extended slice: keep the other items in order
    if (slicelength <= 0) return;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    const old = a.view().slice();
    let w = 0;
    for (let i = 0; i < a.n; i++) {
      if (i >= start && (i - start) % step === 0 && (i - start) / step < slicelength) continue;
      a.bytes.set(old.subarray(i * k, i * k + k), w * k);
      w++;
    }
    a.resize(a.n - slicelength);
    return;
  }
  if (needed !== slicelength) raise(E.ValueError, `attempt to assign array of size ${needed} to extended slice of size ${slicelength}`);
  for (let i = 0, cur = start; i < slicelength; i++, cur += step) a.bytes.set(src.subarray(i * k, i * k + k), cur * k);
}

/** array_del_slice(ilow, ihigh) */
function delSlice(a: PyArray, ilow: number, ihigh: number): void {
  const k = a.d.itemsize;
  const d = ihigh - ilow;
  if (d > 0) {
    a.bytes.copyWithin(ilow * k, ihigh * k, a.n * k);
    a.resize(a.n - d);
  }
}

/** a method's array (unbound calls are checked by `def`) */
function arr(o: PyObject): PyArray {
  return o as PyArray;
}

/** the address buffer_info() reports: a new one, from the addresses id() hands out, each time
 * the buffer moves (CPython's is the malloc'd item buffer; 0 when the array has none) */
function bufferAddress(a: PyArray): number {
  if (a.allocated === 0) return 0;
  if (a.bufAddr === 0) {
    a.bufAddr = heap.nextAddr;
    heap.nextAddr += 16 * Math.max(1, Math.ceil((a.allocated * a.d.itemsize) / 16));
  }
  return a.bufAddr;
}

const ARRAY_DOC =
  "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character.\nThe following type codes are defined:\n\n    Type code   C Type             Minimum size in bytes\n    'b'         signed integer     1\n    'B'         unsigned integer   1\n    'u'         Unicode character  2 (see note)\n    'h'         signed integer     2\n    'H'         unsigned integer   2\n    'i'         signed integer     2\n    'I'         unsigned integer   2\n    'l'         signed integer     4\n    'L'         unsigned integer   4\n    'q'         signed integer     8 (see note)\n    'Q'         unsigned integer   8 (see note)\n    'f'         floating-point     4\n    'd'         floating-point     8\n\nNOTE: The 'u' typecode corresponds to Python's unicode character. On\nnarrow builds this is 2-bytes on wide builds this is 4-bytes.\n\nNOTE: The 'q' and 'Q' type codes are only available if the platform\nC compiler used to build Python supports 'long long', or, on Windows,\n'__int64'.\n\nMethods:\n\nappend() -- append a new item to the end of the array\nbuffer_info() -- return information giving the current memory info\nbyteswap() -- byteswap all the items of the array\ncount() -- return number of occurrences of an object\nextend() -- extend array by appending multiple elements from an iterable\nfromfile() -- read items from a file object\nfromlist() -- append items from the list\nfrombytes() -- append items from the string\nindex() -- return index of first occurrence of an object\ninsert() -- insert a new item into the array at a provided position\npop() -- remove and return item (default last)\nremove() -- remove first occurrence of an object\nreverse() -- reverse the order of the items in the array\ntofile() -- write all items to a file object\ntolist() -- return the array converted to an ordinary list\ntobytes() -- return the array converted to a string\n\nAttributes:\n\ntypecode -- the typecode character used to create the array\nitemsize -- the length in bytes of one array item\n";

// ------------------------------------------------------------------ methods
let installed = false;
/** The array type's slots and methods (on the module's first import). */
export function installArray(): void {
  if (installed) return;
  installed = true;
  const T = ArrayType;
  T.doc = ARRAY_DOC;
  T.slots.new = arrayNew;
  defNew(T);
  T.slots.len = (o) => arr(o).n;
  T.slots.repr = arrayRepr;
  T.slots.iter = (o) => {
    const it = new PyArrayIter(newRef(arr(o)));
    gcNewTracked(it);
    return it;
  };
  defAttr(T, '__doc__', newStr(ARRAY_DOC));
  typeDict(T).getStr(abs.strKey('__doc__'))!.rc = 1_000_000_000;
  defAttr(T, '__hash__', None);
  defUn(T, '__repr__', (self) => newStr(arrayRepr(self)));
  defUn(T, '__len__', (self) => newInt(arr(self).n));
  defUn(T, '__iter__', (self) => T.slots.iter!(self));
  defBin(T, '__getitem__', (self, k) => subscript(arr(self), k));
  def(T, '__setitem__', (self, args, kw) => {
    posArgs('__setitem__', args, kw, 2, 2);
    assSubscript(arr(self), args[0], args[1]);
    return none();
  });
  defBin(T, '__delitem__', (self, k) => {
    assSubscript(arr(self), k, null);
    return none();
  });
  defBin(T, '__contains__', (self, v) => {
    const a = arr(self);
    for (let i = 0; i < a.n; i++) {
      const x = a.get(i);
      try {
        if (abs.richCompareBool(x, v, Cmp.EQ)) return newBool(true);
      } finally {
        decref(x);
      }
    }
    return newBool(false);
  });
  // array_concat / array_repeat (sq_concat, sq_repeat) and their in-place forms
  defBin(T, '__add__', (self, bb) => {
    const a = arr(self);
    if (!isArray(bb)) typeError(`can only append array (not "${bb.type.name}") to array`);
    if (a.d !== bb.d) typeError('bad argument type for built-in operation');
    const r = newArray(ArrayType, a.n + bb.n, a.d);
    r.bytes.set(a.view());
    r.bytes.set(bb.view(), a.n * a.d.itemsize);
    return r;
  });
  const repeat = (self: PyObject, o: PyObject): PyObject => {
    const n = repeatCount(o);
    if (n === null) typeError(`can't multiply sequence by non-int of type '${o.type.name}'`);
    const a = arr(self);
    const size = a.n * n;
    if (a.n !== 0 && (n > Number.MAX_SAFE_INTEGER / a.n || size * a.d.itemsize > 0x7fffffff)) raise(E.MemoryError, null);
    const r = newArray(ArrayType, size, a.d);
    const src = a.view();
    for (let i = 0; i < n && src.length; i++) r.bytes.set(src, i * src.length);
    return r;
  };
  defBin(T, '__mul__', repeat);
  defBin(T, '__rmul__', repeat);
  defBin(T, '__iadd__', (self, bb) => {
    if (!isArray(bb)) typeError(`can only extend array with array (not "${bb.type.name}")`);
    doExtend(arr(self), bb);
    return newRef(self);
  });
  defBin(T, '__imul__', (self, o) => {
    const n = repeatCount(o);
    if (n === null) typeError(`can't multiply sequence by non-int of type '${o.type.name}'`);
    const a = arr(self);
    if (a.n > 0 && n !== 1) {
      if (n > Number.MAX_SAFE_INTEGER / a.n || a.n * n * a.d.itemsize > 0x7fffffff) raise(E.MemoryError, null);
      const src = a.view().slice();
      a.resize(a.n * n);
      for (let i = 1; i < n; i++) a.bytes.set(src, i * src.length);
    }
    return newRef(self);
  });
  const cmp = (op: Cmp) => (self: PyObject, o: PyObject) => richCompare(arr(self), o, op);
  defBin(T, '__lt__', cmp(Cmp.LT));
  defBin(T, '__le__', cmp(Cmp.LE));
  defBin(T, '__eq__', cmp(Cmp.EQ));
  defBin(T, '__ne__', cmp(Cmp.NE));
  defBin(T, '__gt__', cmp(Cmp.GT));
  defBin(T, '__ge__', cmp(Cmp.GE));
  defUn(T, '__sizeof__', (self) => newInt(arr(self).sizeof()));
  const copy = (self: PyObject): PyObject => {
    const a = arr(self);
    const r = newArray(ArrayType, a.n, a.d);
    r.bytes.set(a.view());
    return r;
  };
  def0(T, '__copy__', copy);
  def1(T, '__deepcopy__', (self) => copy(self));
  def(T, '__reduce_ex__', (self, args, kw) => {
    classArgs('__reduce_ex__', args, kw, 1);
    const proto = args[0];
    // (the list form, as for protocols below 3; pickling itself is not provided)
    if (!(proto instanceof PyInt)) typeError('__reduce_ex__ argument should be an integer');
    const a = arr(self);
    return newTuple([newRef(a.type), newTuple([newStr(a.d.code), tolist(a)]), newRef(None)]);
  });
  def1(T, 'append', (self, v) => {
    const a = arr(self);
    ins1(a, a.n, v);
    return none();
  });
  def(T, 'fromfile', (self, args, kw) => {
    classArgs('fromfile', args, kw, 2);
    const a = arr(self);
    const n = pySsize(args[1]);
    if (n < 0) raise(E.ValueError, 'negative count');
    const nbytes = n * a.d.itemsize;
    const sizeArg = newInt(nbytes);
    let b: PyObject;
    try {
      b = callMethodName(args[0], 'read', sizeArg);
    } finally {
      decref(sizeArg);
    }
    try {
      if (!(b instanceof PyBytes) || b.type !== BytesType) typeError("read() didn't return bytes");
      fromBytes(a, b.v);
      if (b.v.length !== nbytes) raise(E.EOFError, "read() didn't return enough bytes");
    } finally {
      decref(b);
    }
    return none();
  });
  def(T, 'tofile', (self, args, kw) => {
    classArgs('tofile', args, kw, 1);
    const f = args[0];
    // array_array_tofile: the items in blocks of 64K, each written with f.write(bytes)
    const a = arr(self);
    const all = a.view().slice();
    const BLOCK = 64 * 1024;
    for (let i = 0; i < all.length; i += BLOCK) {
      const chunk = newBytes(all.slice(i, i + BLOCK));
      try {
        decref(callMethodName(f, 'write', chunk));
      } finally {
        decref(chunk);
      }
    }
    return none();
  });
  def0(T, 'buffer_info', (self) => {
    const a = arr(self);
    return newTuple([newInt(bufferAddress(a)), newInt(a.n)]);
  });
  def0(T, 'byteswap', (self) => {
    const a = arr(self);
    const k = a.d.itemsize;
    const b = a.bytes;
    for (let i = 0; i < a.n * k; i += k) b.subarray(i, i + k).reverse();
    return none();
  });
  def1(T, 'count', (self, v) => {
    const a = arr(self);
    let c = 0;
    for (let i = 0; i < a.n; i++) {
      const x = a.get(i);
      try {
        if (abs.richCompareBool(x, v, Cmp.EQ)) c++;
      } finally {
        decref(x);
      }
    }
    return newInt(c);
  });
  def(T, 'extend', (self, args, kw) => {
    classArgs('extend', args, kw, 1);
    doExtend(arr(self), args[0]);
    return none();
  });
  def1(T, 'frombytes', (self, b) => {
    fromBytes(arr(self), bufferArg(b, 'frombytes'));
    return none();
  });
  def1(T, 'fromlist', (self, list) => {
    const a = arr(self);
    if (!(list instanceof PyList)) typeError('arg must be list');
    const n = list.size;
    if (n > 0) {
      const old = a.n;
      a.resize(old + n);
      for (let i = 0; i < n; i++) {
        const v = list.itemAt(i);
        try {
          a.put(old + i, a.convert(v));
        } catch (e) {
          a.resize(old);
          throw e;
        }
        if (n !== list.size) {
          a.resize(old);
          raise(E.RuntimeError, 'list changed size during iteration');
        }
      }
    }
    return none();
  });
  def1(T, 'fromunicode', (self, s) => {
    const a = arr(self);
    if (!(s instanceof PyStr)) typeError(`fromunicode() argument must be str, not ${s.type.name}`);
    if (a.d.code !== 'u') raise(E.ValueError, 'fromunicode() may only be called on unicode type arrays');
    const cps = Array.from(s.v, (ch) => ch.codePointAt(0)!);
    if (cps.length > 0) {
      const old = a.n;
      a.resize(old + cps.length);
      for (let i = 0; i < cps.length; i++) a.put(old + i, cps[i]);
    }
    return none();
  });
  def(T, 'index', (self, args, kw) => {
    posArgs('array.index', args, kw, 1, 3);
    const a = arr(self);
    const sliceIdx = (o: PyObject | undefined, dflt: number): number => {
      if (o === undefined) return dflt;
      if (!hasIndex(o)) typeError('slice indices must be integers or have an __index__ method');
      const v = abs.index(o);
      return typeof v === 'number' ? v : v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
    };
    let start = sliceIdx(args[1], 0);
    let stop = sliceIdx(args[2], Number.MAX_SAFE_INTEGER);
    if (start < 0) {
      start += a.n;
      if (start < 0) start = 0;
    }
    if (stop < 0) stop += a.n;
    for (let i = start; i < stop && i < a.n; i++) {
      const x = a.get(i);
      try {
        if (abs.richCompareBool(x, args[0], Cmp.EQ)) return newInt(i);
      } finally {
        decref(x);
      }
    }
    raise(E.ValueError, 'array.index(x): x not in array');
  });
  def(T, 'insert', (self, args, kw) => {
    posArgs('array.insert', args, kw, 2, 2);
    const i = pySsize(args[0]);
    ins1(arr(self), i, args[1]);
    return none();
  });
  def(T, 'pop', (self, args, kw) => {
    posArgs('array.pop', args, kw, 0, 1);
    const a = arr(self);
    let i = args.length ? pySsize(args[0]) : -1;
    if (a.n === 0) raise(E.IndexError, 'pop from empty array');
    if (i < 0) i += a.n;
    if (i < 0 || i >= a.n) raise(E.IndexError, 'pop index out of range');
    const v = a.get(i);
    delSlice(a, i, i + 1);
    return v;
  });
  def1(T, 'remove', (self, v) => {
    const a = arr(self);
    for (let i = 0; i < a.n; i++) {
      const x = a.get(i);
      let eq: boolean;
      try {
        eq = abs.richCompareBool(x, v, Cmp.EQ);
      } finally {
        decref(x);
      }
      if (eq) {
        delSlice(a, i, i + 1);
        return none();
      }
    }
    raise(E.ValueError, 'array.remove(x): x not in array');
  });
  def0(T, 'reverse', (self) => {
    const a = arr(self);
    const k = a.d.itemsize;
    const b = a.view();
    b.reverse(); // the bytes, then each item's back
    if (k > 1) for (let i = 0; i < b.length; i += k) b.subarray(i, i + k).reverse();
    return none();
  });
  def0(T, 'tobytes', (self) => newBytes(arr(self).view().slice()));
  def0(T, 'tolist', (self) => tolist(arr(self)));
  def0(T, 'tounicode', (self) => {
    const a = arr(self);
    if (a.d.code !== 'u') raise(E.ValueError, 'tounicode() may only be called on unicode type arrays');
    return newStr(a.text());
  });
  defGetter(T, 'typecode', (o) => newStr(arr(o).d.code));
  defGetter(T, 'itemsize', (o) => newInt(arr(o).d.itemsize));

  // (heap types made from a spec: __module__ in the dict, and the iterator's tp_doc is NULL)
  defAttr(T, '__module__', immortalStr('array'));
  const IT = ArrayIterType;
  defAttr(IT, '__module__', immortalStr('array'));
  defAttr(IT, '__doc__', None);
  IT.slots.iter = (o) => newRef(o);
  IT.slots.next = (o) => {
    // arrayiter_next: the array is let go once the iterator is exhausted
    const it = o as PyArrayIter;
    const a = it.ao;
    if (a === null) return null;
    if (it.index < a.n) return a.get(it.index++);
    it.ao = null;
    decref(a);
    return null;
  };
  defUn(IT, '__iter__', (self) => newRef(self));
  def0(IT, '__reduce__', (self) => {
    // arrayiter_reduce: iter(arr) and the position, or iter(()) once exhausted
    const it = self as PyArrayIter;
    const iterFn = abs.getAttr(currentInterp.interp!.builtinsModule, 'iter');
    if (it.ao === null) return newTuple([iterFn, newTuple([newTuple([])])]);
    return newTuple([iterFn, newTuple([newRef(it.ao)]), newInt(it.index)]);
  });
  def1(IT, '__setstate__', (self, state) => {
    const it = self as PyArrayIter;
    let index = pySsize(state);
    if (it.ao !== null) {
      if (index < 0) index = 0;
      else if (index > it.ao.n) index = it.ao.n;
      it.index = index;
    }
    return none();
  });
  defUn(IT, '__next__', (self) => {
    const r = IT.slots.next!(self);
    if (r === null) raise(E.StopIteration, null);
    return r;
  });
  void PyFloat;
  void defMethod;
  void N;
}

/** PyObject_CallMethodOneArg */
function callMethodName(o: PyObject, name: string, arg: PyObject): PyObject {
  const m = abs.getAttr(o, name);
  try {
    return abs.call(m, [arg], null);
  } finally {
    decref(m);
  }
}

function immortalStr(s: string): PyObject {
  const o = newStr(s);
  o.rc = 1_000_000_000;
  return o;
}

/** the positional-only parameters of a method with a defining class (METH_METHOD: extend,
 * fromfile, tofile, __reduce_ex__), checked as _PyArg_UnpackKeywords does */
function classArgs(name: string, args: PyObject[], kw: string[] | null, n: number): void {
  const nkw = kw ? kw.length : 0;
  const npos = args.length - nkw;
  if (args.length > n) typeError(`${name}() takes at most ${n} ${npos === 0 ? 'keyword ' : ''}argument${n === 1 ? '' : 's'} (${args.length} given)`);
  if (npos < n) typeError(`${name}() takes exactly ${n} positional argument${n === 1 ? '' : 's'} (${npos} given)`);
}

/** METH_NOARGS and METH_O methods: their messages name the method by its qualname ('array.tolist') */
function def0(t: PyType, name: string, fn: (self: PyObject) => PyObject): void {
  def(t, name, (self, args, kw) => {
    if (kw && kw.length) typeError(`array.${name}() takes no keyword arguments`);
    if (args.length) typeError(`array.${name}() takes no arguments (${args.length} given)`);
    return fn(self);
  });
}
function def1(t: PyType, name: string, fn: (self: PyObject, a: PyObject) => PyObject): void {
  def(t, name, (self, args, kw) => {
    if (kw && kw.length) typeError(`array.${name}() takes no keyword arguments`);
    if (args.length !== 1) typeError(`array.${name}() takes exactly one argument (${args.length} given)`);
    return fn(self, args[0]);
  });
}

/** a Py_ssize_t argument (the clinic's converter: an int or __index__, OverflowError beyond it) */
function pySsize(o: PyObject): number {
  if (o instanceof PyFloat) typeError("'float' object cannot be interpreted as an integer");
  const v = abs.index(o);
  if (typeof v === 'bigint') raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
  return v;
}

// buffers: bytes(arr), bytearray(arr), b''.join, ... read an array's items as bytes
addBufferExporter((o) => (o instanceof PyArray ? o.view().slice() : null));
