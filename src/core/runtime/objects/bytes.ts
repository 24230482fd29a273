// bytes and bytearray (Objects/bytesobject.c, Objects/bytearrayobject.c): data, construction,
// repr, hashing, sequence protocol and the common methods.

import { PyObject, PyType, TypeFlags, newRef, decref, incref } from '../object';
import { makeType } from '../types';
import { defMethod, defClassMethod, argParserInit, parseArgs, checkArgs } from '../define';
import * as abs from '../abstract';
import { Cmp } from '../abstract';
import { PyInt, IntType, newInt, newBool, True, False } from './int';
import { PyStr, newStr } from './str';
import { PyTuple, newTuple, gcNewTracked } from './tuple';
import { hasIndex, withTypeEdge, adjustIndices, defBin, defUn, def1, posArgs } from './common_methods';
import { newList, PyList } from './list';
import { PySlice, BytesIterType, newSeqIter, PySeqIter } from './misc';
import { None, NotImplemented } from './singletons';
import { raise, typeError } from '../errors';
import * as E from './exception';
import { hashBytes } from '../primitives/hash';
import * as strMod from './str';
import { encodeStr, decodeBytes } from './codec_registry';
import { utf8Encode, utf8Decode } from './codec_utf';
export { encodeStr, decodeBytes, utf8Encode, utf8Decode };
import { bytesRepr } from '../primitives/bytesrepr';
export { bytesRepr };

export class PyBytes extends PyObject {
  h: number | bigint | undefined = undefined;
  /** bytearray: ob_alloc (PyByteArray_FromStringAndSize allocates size + 1) */
  alloc: number;
  /** bytearray: ob_start - ob_bytes (deleting from the front advances the logical start) */
  offset = 0;
  /** bytearray: ob_exports (buffers held by memoryviews: no resizing meanwhile) */
  exports = 0;
  constructor(
    type: PyType,
    public v: Uint8Array,
  ) {
    super(type);
    this.alloc = v.length ? v.length + 1 : 0;
  }
}

export const BytesType = makeType('bytes', null, TypeFlags.BASETYPE | TypeFlags.BYTES_SUBCLASS, 33, 1);
export const ByteArrayType = makeType('bytearray', null, TypeFlags.BASETYPE, 56);

const emptyBytes = new PyBytes(BytesType, new Uint8Array(0));
emptyBytes.rc = 1_000_000_000;
const singleBytes: PyBytes[] = [];
for (let i = 0; i < 256; i++) {
  const b = new PyBytes(BytesType, Uint8Array.of(i));
  b.rc = 1_000_000_000;
  singleBytes.push(b);
}

export function newBytes(v: Uint8Array): PyBytes {
  if (v.length === 0) return newRef(emptyBytes);
  if (v.length === 1) return newRef(singleBytes[v[0]]);
  return new PyBytes(BytesType, v);
}

export function newByteArray(v: Uint8Array): PyBytes {
  return new PyBytes(ByteArrayType, v.slice());
}

/** The bytes of a bytes-like object (PyObject_GetBuffer), or null. */
export function bytesLike(o: PyObject): Uint8Array | null {
  if (o instanceof PyBytes) return o.v;
  for (let i = 0; i < bufferExporters.length; i++) {
    const b = bufferExporters[i](o);
    if (b !== null) return b;
  }
  return null;
}

/** the other types whose objects export a buffer (memoryview, array.array): each gives the object's bytes (a
 * copy) or null for another type's object */
const bufferExporters: ((o: PyObject) => Uint8Array | null)[] = [];
export function addBufferExporter(f: (o: PyObject) => Uint8Array | null): void {
  bufferExporters.push(f);
}

function fromObject(o: PyObject, what: string): Uint8Array {
  const b = bytesLike(o);
  if (b) return b.slice();
  if (o instanceof PyStr) typeError(what === 'bytes' ? 'string argument without an encoding' : 'string argument without an encoding');
  if (o instanceof PyInt || hasIndex(o)) {
    const v = abs.index(o);
    if (typeof v === 'bigint') raise(E.OverflowError, 'cannot fit \'int\' into an index-sized integer');
    if (v < 0) raise(E.ValueError, 'negative count');
    return new Uint8Array(v);
  }
  const it = abs.getIterOrNull(o);
  if (!it) typeError(`cannot convert '${o.type.name}' object to ${what}`);
  const out: number[] = [];
  try {
    for (;;) {
      const x = abs.iterNext(it);
      if (!x) break;
      try {
        const v = abs.index(x);
        if (typeof v !== 'number' || v < 0 || v > 255) raise(E.ValueError, what === 'bytes' ? 'bytes must be in range(0, 256)' : 'byte must be in range(0, 256)');
        out.push(v);
      } finally {
        decref(x);
      }
    }
  } finally {
    decref(it);
  }
  return Uint8Array.from(out);
}

/** an Argument Clinic `str` parameter: "f() argument 'name' must be str, not T" */
function textArg(o: PyObject, fname: string, name: string): string {
  if (!(o instanceof PyStr)) typeError(`${fname}() argument '${name}' must be str, not ${o.type.name}`);
  return o.v;
}

export function argsNew(type: PyType, args: PyObject[], kw: string[] | null, what: 'bytes' | 'bytearray', source?: { src?: PyObject }): Uint8Array {
  const npos = args.length - (kw ? kw.length : 0);
  let src: PyObject | undefined = npos > 0 ? args[0] : undefined;
  let encoding: string | null = null;
  let errors: string | null = null;
  if (npos >= 2) encoding = textArg(args[1], what, 'encoding');
  if (npos >= 3) errors = textArg(args[2], what, 'errors');
  for (let i = 0; i < (kw ? kw.length : 0); i++) {
    const v = args[npos + i];
    if (kw![i] === 'encoding') encoding = textArg(v, what, 'encoding');
    else if (kw![i] === 'errors') errors = textArg(v, what, 'errors');
    else if (kw![i] === 'source') src = v;
    else typeError(`'${kw![i]}' is an invalid keyword argument for ${what}()`);
  }
  void type;
  if (source) source.src = src;
  if (src === undefined) {
    if (encoding !== null) typeError('encoding without a string argument');
    if (errors !== null) typeError('errors without a string argument');
    return new Uint8Array(0);
  }
  if (src instanceof PyStr) {
    if (encoding === null) typeError('string argument without an encoding');
    return encodeStr(src.v, encoding, errors ?? 'strict');
  }
  if (encoding !== null) typeError('encoding without a string argument');
  if (errors !== null) typeError('errors without a string argument');
  return fromObject(src, what);
}

// bytes_subscript / bytearray_subscript: their messages differ
function seqIndex(b: Uint8Array, k: PyObject, what: string): number {
  let i = abs.asIndex(k, `${what === 'bytes' ? 'byte' : what} indices must be integers or slices, not ${k.type.name}`);
  if (i < 0) i += b.length;
  if (i < 0 || i >= b.length) raise(E.IndexError, what === 'bytes' ? 'index out of range' : `${what} index out of range`);
  return i;
}

export function sliceIndices(s: PySlice, len: number): [number, number, number, number] {
  const toInt = (o: PyObject, d: number) => (o === None ? d : abs.asIndex(o, 'slice indices must be integers or None or have an __index__ method'));
  const step = toInt(s.step, 1);
  if (step === 0) raise(E.ValueError, 'slice step cannot be zero');
  let start: number;
  let stop: number;
  if (step > 0) {
    start = toInt(s.start, 0);
    stop = toInt(s.stop, len);
    if (start < 0) start = Math.max(0, start + len);
    else start = Math.min(start, len);
    if (stop < 0) stop = Math.max(0, stop + len);
    else stop = Math.min(stop, len);
  } else {
    start = toInt(s.start, len - 1);
    stop = toInt(s.stop, -1 - len);
    if (start < 0) start = Math.max(-1, start + len);
    else start = Math.min(start, len - 1);
    if (stop < 0) stop = Math.max(-1, stop + len);
    else stop = Math.min(stop, len - 1);
  }
  let n = 0;
  if (step > 0 && start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  if (step < 0 && stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  return [start, stop, step, n];
}

let installed = false;
export const ByteArrayIterType = makeType('bytearray_iterator', null, TypeFlags.HAVE_GC, 32);
for (const it of [BytesIterType, ByteArrayIterType]) {
  it.slots.iter = (o) => newRef(o);
  it.slots.next = (o) => {
    const s = o as PySeqIter;
    const b = s.seq ? (s.seq as PyBytes).v : null;
    if (!b || s.index >= b.length) {
      s.exhaust();
      return null;
    }
    return newInt(b[s.index++]);
  };
}

/** an instance of a subclass (a heap type holds a reference to its class) */
const PyBytesSub = withTypeEdge(PyBytes);

export function installBytes(): void {
  if (installed) return;
  installed = true;
  for (const t of [BytesType, ByteArrayType]) {
    const what = t === BytesType ? 'bytes' : 'bytearray';
    const mk = (v: Uint8Array) => (t === BytesType ? newBytes(v) : newByteArray(v));
    t.slots.repr = (o) => {
      const r = bytesRepr((o as PyBytes).v, t !== BytesType);
      // bytearray_repr names the object's own type
      return t === BytesType ? r : `${o.type.name}(${r})`;
    };
    t.slots.str = t.slots.repr;
    t.slots.len = (o) => (o as PyBytes).v.length;
    t.slots.new = (type, args, kw) => {
      // bytes_new_impl: an object with __bytes__ (not a str: that needs an encoding) gives its result
      if (t === BytesType && args.length === 1 && !kw && !(args[0] instanceof PyStr)) {
        const f = abs.typeLookup(args[0].type, '__bytes__');
        if (f !== null) {
          const r = abs.callMethodObj(f, args[0], []);
          if (!(r instanceof PyBytes) || r.type === ByteArrayType) {
            const name = r.type.name;
            decref(r);
            typeError(`__bytes__ returned non-bytes (type ${name})`);
          }
          if (type === BytesType) return r;
          const v = r.v.slice();
          decref(r);
          const o = new PyBytesSub(type, v);
          if (type.flags & TypeFlags.HEAPTYPE) incref(type);
          if (type.flags & TypeFlags.HAVE_GC) gcNewTracked(o);
          return o;
        }
      }
      // bytearray: PyType_GenericNew; bytearray.__init__ fills it
      const v = t === BytesType ? argsNew(type, args, kw, what) : new Uint8Array(0);
      if (type === BytesType) return newBytes(v);
      if (type === ByteArrayType) return new PyBytes(ByteArrayType, v);
      const o = new PyBytesSub(type, v);
      if (type.flags & TypeFlags.HEAPTYPE) incref(type);
      // a heap subclass is a gc type (type_new_alloc: all heap types have Py_TPFLAGS_HAVE_GC)
      if (type.flags & TypeFlags.HAVE_GC) gcNewTracked(o);
      return o;
    };
    if (t === BytesType) {
      t.slots.hash = (o) => {
        const b = o as PyBytes;
        if (b.h === undefined) b.h = hashBytes(b.v);
        return b.h;
      };
    } else {
      defMethod(t, '__hash__', () => typeError("unhashable type: 'bytearray'"));
      t.dict.setItem(abs.nameKeyObj('__hash__'), None);
    }
    defBin(t, '__getitem__', (self, k) => {
      const b = (self as PyBytes).v;
      if (k instanceof PySlice) {
        const [start, , step, n] = sliceIndices(k, b.length);
        const out = new Uint8Array(n);
        for (let i = 0, j = start; i < n; i++, j += step) out[i] = b[j];
        return mk(out);
      }
      return newInt(b[seqIndex(b, k, what)]);
    });
    // bytes_iter / bytearray_iter: an iterator over the object itself (striterobject: 32 bytes)
    const iterType = t === BytesType ? BytesIterType : ByteArrayIterType;
    defUn(t, '__iter__', (self) => newSeqIter(iterType, self));
    defBin(t, '__contains__', (self, x) => {
      const b = (self as PyBytes).v;
      if (x instanceof PyInt) {
        // _Py_bytes_contains: an int must be a byte value
        const v = x.v;
        if (typeof v === 'bigint' || v < 0 || v > 255) raise(E.ValueError, 'byte must be in range(0, 256)');
        return newBool(b.includes(v));
      }
      const sub = bytesLike(x);
      if (!sub) typeError(`a bytes-like object is required, not '${x.type.name}'`);
      return newBool(indexOf(b, sub, 0) >= 0);
    });
    defBin(t, '__add__', (self, x) => {
      const o = bytesLike(x);
      if (!o) typeError(`can't concat ${x.type.name} to ${what}`);
      const a = (self as PyBytes).v;
      const r = new Uint8Array(a.length + o.length);
      r.set(a);
      r.set(o, a.length);
      return mk(r);
    });
    const mul = (args: PyObject[], _k: string[] | null, self: PyObject | null) => {
      if (!(args[0] instanceof PyInt)) return newRef(NotImplemented);
      const n = Math.max(0, Number(args[0].v));
      const a = (self as PyBytes).v;
      const r = new Uint8Array(a.length * n);
      for (let i = 0; i < n; i++) r.set(a, i * a.length);
      return mk(r);
    };
    defMethod(t, '__mul__', mul);
    defMethod(t, '__rmul__', mul);
    // bytes_richcompare takes two bytes (a bytearray compares the same either way);
    // bytearray_richcompare any two buffers
    const cmp = (op: Cmp) => (self: PyObject, x: PyObject) => {
      const o = t === BytesType ? (x instanceof PyBytes ? x.v : null) : bytesLike(x);
      if (!o) return newRef(NotImplemented);
      const a = (self as PyBytes).v;
      let c = 0;
      const n = Math.min(a.length, o.length);
      for (let i = 0; i < n && c === 0; i++) c = a[i] - o[i];
      if (c === 0) c = a.length - o.length;
      return newRef(abs.cmpResult(c, op) ? True : False);
    };
    defBin(t, '__eq__', cmp(Cmp.EQ));
    defBin(t, '__ne__', cmp(Cmp.NE));
    defBin(t, '__lt__', cmp(Cmp.LT));
    defBin(t, '__le__', cmp(Cmp.LE));
    defBin(t, '__gt__', cmp(Cmp.GT));
    defBin(t, '__ge__', cmp(Cmp.GE));
    defMethod(t, 'decode', (args, kw, self) => {
      const npos = args.length - (kw ? kw.length : 0);
      if ((kw && kw.length) || npos > 2) argParserInit(`${t.name}.decode`, ['encoding', 'errors']);
      if (args.length > 2) typeError(`decode() takes at most 2 arguments (${args.length} given)`);
      let enc = npos > 0 ? textArg(args[0], 'decode', 'encoding') : 'utf-8';
      let errors = npos > 1 ? textArg(args[1], 'decode', 'errors') : 'strict';
      for (let i = 0; i < (kw ? kw.length : 0); i++) {
        if (kw![i] === 'encoding') enc = textArg(args[npos + i], 'decode', 'encoding');
        else if (kw![i] === 'errors') errors = textArg(args[npos + i], 'decode', 'errors');
        else typeError(`'${kw![i]}' is an invalid keyword argument for decode()`);
      }
      return newStr(decodeBytes((self as PyBytes).v, enc, errors));
    });
    // bytes_join (METH_O): PySequence_Fast(x, "can only join an iterable")
    def1(t, 'join', (self, x) => {
      if (!(x instanceof PyList) && !(x instanceof PyTuple) && !abs.getIterOrNullSafe(x)) typeError('can only join an iterable');
      const items = abs.toArray(x);
      try {
        const sep = (self as PyBytes).v;
        const parts: Uint8Array[] = [];
        items.forEach((x, i) => {
          const b = bytesLike(x);
          if (!b) typeError(`sequence item ${i}: expected a bytes-like object, ${x.type.name} found`);
          parts.push(b);
        });
        const total = parts.reduce((s, p) => s + p.length, 0) + sep.length * Math.max(0, parts.length - 1);
        const r = new Uint8Array(total);
        let o = 0;
        parts.forEach((p, i) => {
          if (i) {
            r.set(sep, o);
            o += sep.length;
          }
          r.set(p, o);
          o += p.length;
        });
        return mk(r);
      } finally {
        for (const x of items) decref(x);
      }
    });
    // bytes.split / rsplit (sep=None, maxsplit=-1): runs of whitespace, or each separator
    const splitArgs = (name: string, args: PyObject[], kw: string[] | null): [Uint8Array | null, number] => {
      const [sepO, maxO] = parseArgs({ name, params: ['sep', 'maxsplit'] }, args, kw);
      const sep = sepO !== undefined && sepO !== None ? bytesLike(sepO) : null;
      if (sepO !== undefined && sepO !== None && sep === null) typeError(`a bytes-like object is required, not '${sepO.type.name}'`);
      if (sep !== null && !sep.length) raise(E.ValueError, 'empty separator');
      const max = maxO === undefined ? -1 : abs.asIndex(maxO);
      return [sep, max < 0 ? Infinity : max];
    };
    defMethod(t, 'split', (args, kw, self) => {
      const b = (self as PyBytes).v;
      const [sep, max] = splitArgs('split', args, kw);
      const parts: Uint8Array[] = [];
      if (!sep) {
        let i = 0;
        while (i < b.length) {
          while (i < b.length && isSpace(b[i])) i++;
          if (i >= b.length) break;
          if (parts.length >= max) {
            let j = b.length;
            while (j > i && isSpace(b[j - 1])) j--;
            parts.push(b.slice(i, j));
            break;
          }
          const j0 = i;
          while (i < b.length && !isSpace(b[i])) i++;
          parts.push(b.slice(j0, i));
        }
      } else {
        let start = 0;
        for (let i = indexOf(b, sep, 0); i >= 0 && parts.length < max; i = indexOf(b, sep, start)) {
          parts.push(b.slice(start, i));
          start = i + sep.length;
        }
        parts.push(b.slice(start));
      }
      return newList(parts.map(mk));
    });
    defMethod(t, 'rsplit', (args, kw, self) => {
      const b = (self as PyBytes).v;
      const [sep, max] = splitArgs('rsplit', args, kw);
      const parts: Uint8Array[] = [];
      if (!sep) {
        let i = b.length;
        while (i > 0) {
          while (i > 0 && isSpace(b[i - 1])) i--;
          if (i <= 0) break;
          if (parts.length >= max) {
            let j = 0;
            while (j < i && isSpace(b[j])) j++;
            parts.push(b.slice(j, i));
            break;
          }
          const j0 = i;
          while (i > 0 && !isSpace(b[i - 1])) i--;
          parts.push(b.slice(i, j0));
        }
      } else {
        let end = b.length;
        while (parts.length < max) {
          let at = -1;
          for (let i = end - sep.length; i >= 0; i--) {
            let k = 0;
            while (k < sep.length && b[i + k] === sep[k]) k++;
            if (k === sep.length) {
              at = i;
              break;
            }
          }
          if (at < 0) break;
          parts.push(b.slice(at + sep.length, end));
          end = at;
        }
        parts.push(b.slice(0, end));
      }
      return newList(parts.reverse().map(mk));
    });
    installBytesMethods2(t, mk);
  }
  // int.to_bytes / int.from_bytes (Objects/longobject.c int_to_bytes_impl, int_from_bytes_impl)
  defMethod(IntType, 'to_bytes', (args, kw, self) => {
    const npos = args.length - (kw ? kw.length : 0);
    let length: PyObject | undefined = npos > 0 ? args[0] : undefined;
    let order: PyObject | undefined = npos > 1 ? args[1] : undefined;
    let signed = false;
    for (let i = 0; i < (kw ? kw.length : 0); i++) {
      const v = args[npos + i];
      if (kw![i] === 'length') length = v;
      else if (kw![i] === 'byteorder') order = v;
      else if (kw![i] === 'signed') signed = abs.isTrue(v);
      else typeError(`'${kw![i]}' is an invalid keyword argument for to_bytes()`);
    }
    const n = length ? abs.asIndex(length) : 1;
    if (n < 0) raise(E.ValueError, 'length argument must be non-negative');
    const ord = order ? (order as PyStr).v : 'big';
    if (ord !== 'big' && ord !== 'little') raise(E.ValueError, "byteorder must be either 'little' or 'big'");
    let v = BigInt((self as PyInt).v);
    if (v < 0n && !signed) raise(E.OverflowError, "can't convert negative int to unsigned");
    const bits = BigInt(n * 8);
    const fits = signed ? v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n) : v < 1n << bits;
    if (!fits || (n === 0 && v !== 0n)) raise(E.OverflowError, 'int too big to convert');
    if (v < 0n) v += 1n << bits;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[ord === 'big' ? n - 1 - i : i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return newBytes(out);
  });
  defClassMethod(IntType, 'from_bytes', (args, kw, self) => {
    const npos = args.length - (kw ? kw.length : 0);
    let src: PyObject | undefined = npos > 0 ? args[0] : undefined;
    let order: PyObject | undefined = npos > 1 ? args[1] : undefined;
    let signed = false;
    for (let i = 0; i < (kw ? kw.length : 0); i++) {
      const v = args[npos + i];
      if (kw![i] === 'bytes') src = v;
      else if (kw![i] === 'byteorder') order = v;
      else if (kw![i] === 'signed') signed = abs.isTrue(v);
      else typeError(`'${kw![i]}' is an invalid keyword argument for from_bytes()`);
    }
    if (!src) typeError("from_bytes() missing required argument 'bytes' (pos 1)");
    const b = bytesLike(src) ?? fromObject(src, 'bytes');
    const ord = order ? (order as PyStr).v : 'big';
    if (ord !== 'big' && ord !== 'little') raise(E.ValueError, "byteorder must be either 'little' or 'big'");
    let v = 0n;
    for (let i = 0; i < b.length; i++) v = (v << 8n) | BigInt(b[ord === 'big' ? i : b.length - 1 - i]);
    if (signed && b.length && v >= 1n << BigInt(b.length * 8 - 1)) v -= 1n << BigInt(b.length * 8);
    const r = newInt(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
    if (self !== IntType) {
      try {
        return abs.call(self!, [r], null);
      } finally {
        decref(r);
      }
    }
    return r;
  });
  // str.encode lives with bytes until the str methods define it
  const { StrType } = strMod;
  if (StrType.dict.getItem(abs.nameKeyObj('encode')) === undefined) {
    defMethod(StrType, 'encode', (args, kw, self) => {
      const npos = args.length - (kw ? kw.length : 0);
      if (kw && kw.length) argParserInit('str.encode', ['encoding', 'errors']);
      let enc = npos > 0 ? textArg(args[0], 'encode', 'encoding') : 'utf-8';
      let errors = npos > 1 ? textArg(args[1], 'encode', 'errors') : 'strict';
      for (let i = 0; i < (kw ? kw.length : 0); i++) {
        if (kw![i] === 'encoding') enc = textArg(args[npos + i], 'encode', 'encoding');
        else if (kw![i] === 'errors') errors = textArg(args[npos + i], 'encode', 'errors');
        else if (kw![i] !== 'encoding') typeError(`'${kw![i]}' is an invalid keyword argument for encode()`);
      }
      return newBytes(encodeStr((self as PyStr).v, enc, errors));
    });
  }
  void newTuple;
  void IntType;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function indexOf(b: Uint8Array, sub: Uint8Array, from: number): number {
  outer: for (let i = from; i + sub.length <= b.length; i++) {
    for (let j = 0; j < sub.length; j++) if (b[i + j] !== sub[j]) continue outer;
    return i;
  }
  return -1;
}

// ---------------------------------------------------------------- search, strip, split helpers
// (Objects/bytes_methods.c, Objects/stringlib: find/count/startswith with optional slice bounds,
// strip/partition/removeprefix, the is* predicates, splitlines)

/** ADJUST_INDICES after _PyEval_SliceIndex (None: the default) */
function byteRange(b: Uint8Array, s: PyObject | undefined, e: PyObject | undefined): [number, number] {
  const idx = (o: PyObject | undefined, dflt: number): number => {
    if (o === undefined || o === None) return dflt;
    if (!hasIndex(o)) typeError('slice indices must be integers or None or have an __index__ method');
    const v = abs.index(o);
    if (typeof v === 'bigint') return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
    return v;
  };
  return adjustIndices(idx(s, 0), idx(e, Number.MAX_SAFE_INTEGER), b.length);
}

/** parse_args_finds_byte: the subsection, a bytes-like object or an int in range(256) */
function subArg(o: PyObject): Uint8Array {
  if (!(o instanceof PyBytes) && !(o instanceof PyStr) && hasIndex(o)) {
    const v = abs.index(o);
    if (typeof v === 'bigint' || v < 0 || v > 255) raise(E.ValueError, 'byte must be in range(0, 256)');
    return Uint8Array.of(v);
  }
  const b = bytesLike(o);
  if (!b) typeError(`argument should be integer or bytes-like object, not '${o.type.name}'`);
  return b;
}

function lastIndexOf(b: Uint8Array, sub: Uint8Array, from: number, to: number): number {
  outer: for (let i = to - sub.length; i >= from; i--) {
    for (let j = 0; j < sub.length; j++) if (b[i + j] !== sub[j]) continue outer;
    return i;
  }
  return -1;
}

function bufferArg(o: PyObject): Uint8Array {
  const b = bytesLike(o);
  if (!b) typeError(`a bytes-like object is required, not '${o.type.name}'`);
  return b;
}

function checkPositional(name: string, args: PyObject[], kw: string[] | null, min: number, max: number): void {
  if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
  const n = args.length;
  if (n < min) typeError(`${name}() takes at least ${min} argument${min === 1 ? '' : 's'} (${n} given)`);
  if (n > max) typeError(`${name}() takes at most ${max} argument${max === 1 ? '' : 's'} (${n} given)`);
}

export function installBytesMethods2(t: PyType, mk: (v: Uint8Array) => PyObject): void {
  // bytes.fromhex / bytearray.fromhex (_PyBytes_FromHex): pairs of hex digits, ASCII whitespace
  // between them skipped; a subclass is called with the result
  defClassMethod(t, 'fromhex', (args, kw, cls) => {
    // METH_O
    checkArgs(`${t.name}.fromhex`, args, kw, 1, 1);
    const s = args[0];
    if (!(s instanceof PyStr)) typeError(`fromhex() argument must be str, not ${s.type.name}`);
    const str = s.v;
    const out: number[] = [];
    const hexval = (c: string): number => (/^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1);
    for (let i = 0; i < str.length; ) {
      if (' \t\n\r\x0b\x0c'.includes(str[i])) {
        i++;
        continue;
      }
      const top = hexval(str[i]);
      if (top < 0) raise(E.ValueError, `non-hexadecimal number found in fromhex() arg at position ${i}`);
      const bot = i + 1 < str.length ? hexval(str[i + 1]) : -1;
      if (bot < 0) raise(E.ValueError, `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
      out.push(top * 16 + bot);
      i += 2;
    }
    const r = mk(Uint8Array.from(out));
    if (cls === t) return r;
    try {
      return abs.call(cls!, [r], null);
    } finally {
      decref(r);
    }
  });
  // bytes.hex(sep=<unrepresentable>, bytes_per_sep=1) (Python/pystrhex.c _Py_strhex_impl):
  // sep goes between groups of bytes_per_sep bytes counted from the right (from the left when
  // negative)
  defMethod(t, 'hex', (args, kw, self) => {
    const [sepO, bpsO] = parseArgs({ name: 'hex', params: ['sep', 'bytes_per_sep'] }, args, kw);
    const b = (self! as PyBytes).v;
    const hex = Array.from(b, (c) => c.toString(16).padStart(2, '0'));
    if (sepO === undefined) return newStr(hex.join(''));
    let sep: string;
    if (sepO instanceof PyStr) sep = sepO.v;
    else if (sepO instanceof PyBytes) sep = String.fromCharCode(...sepO.v);
    else typeError(`object of type '${sepO.type.name}' has no len()`);
    if (sep.length !== 1) raise(E.ValueError, 'sep must be length 1.');
    if (sep.charCodeAt(0) > 127) raise(E.ValueError, 'sep must be ASCII.');
    let bps = 1;
    if (bpsO !== undefined) {
      const v = abs.index(bpsO);
      bps = typeof v === 'bigint' ? (v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER) : v;
    }
    if (bps === 0 || b.length === 0) return newStr(hex.join(''));
    const n = Math.abs(bps);
    let out = '';
    for (let i = 0; i < hex.length; i++) {
      // a separator before byte i when a group boundary falls there
      if (i > 0 && (bps > 0 ? (hex.length - i) % n === 0 : i % n === 0)) out += sep;
      out += hex[i];
    }
    return newStr(out);
  });
  const exact = (self: PyObject) => t === BytesType && self.type === BytesType;
  const find = (name: string, rev: boolean, raises: boolean) =>
    defMethod(t, name, (args, kw, self) => {
      checkPositional(name, args, kw, 1, 3);
      const b = (self! as PyBytes).v;
      const sub = subArg(args[0]);
      const [start, end] = byteRange(b, args[1], args[2]);
      let r = -1;
      if (end - start >= sub.length) {
        if (rev) r = lastIndexOf(b, sub, start, end);
        else {
          const i = indexOf(b.subarray(0, end), sub, start);
          r = i;
        }
      }
      if (r < 0 && raises) raise(E.ValueError, 'subsection not found');
      return newInt(r);
    });
  find('find', false, false);
  find('rfind', true, false);
  find('index', false, true);
  find('rindex', true, true);
  defMethod(t, 'count', (args, kw, self) => {
    checkPositional('count', args, kw, 1, 3);
    const b = (self! as PyBytes).v;
    const sub = subArg(args[0]);
    const [start, end] = byteRange(b, args[1], args[2]);
    if (end - start < sub.length) return newInt(0);
    if (sub.length === 0) return newInt(end - start + 1);
    const hay = b.subarray(0, end);
    let n = 0;
    for (let i = indexOf(hay, sub, start); i >= 0; i = indexOf(hay, sub, i + sub.length)) n++;
    return newInt(n);
  });
  const startsEnds = (name: string, ends: boolean) =>
    defMethod(t, name, (args, kw, self) => {
      checkPositional(name, args, kw, 1, 3);
      const b = (self! as PyBytes).v;
      const [start, end] = byteRange(b, args[1], args[2]);
      const test = (p: Uint8Array): boolean => {
        if (start > b.length || end - start < p.length) return false;
        const off = ends ? end - p.length : start;
        for (let i = 0; i < p.length; i++) if (b[off + i] !== p[i]) return false;
        return true;
      };
      const x = args[0];
      if (x instanceof PyTuple) {
        for (const p of x.items) {
          const pb = bytesLike(p);
          if (!pb) typeError(`a bytes-like object is required, not '${p.type.name}'`);
          if (test(pb)) return newBool(true);
        }
        return newBool(false);
      }
      const pb = bytesLike(x);
      if (!pb) typeError(`${name} first arg must be bytes or a tuple of bytes, not ${x.type.name}`);
      return newBool(test(pb));
    });
  startsEnds('startswith', false);
  startsEnds('endswith', true);
  defMethod(t, 'replace', (args, kw, self) => {
    posArgs(`${t.name}.replace`, args, kw, 2, 3);
    const b = (self! as PyBytes).v;
    const old = bufferArg(args[0]);
    const rep = bufferArg(args[1]);
    let count = -1;
    if (args.length > 2) {
      const v = abs.index(args[2]);
      count = typeof v === 'bigint' ? (v < 0n ? -1 : Number.MAX_SAFE_INTEGER) : v;
    }
    if (count < 0) count = Number.MAX_SAFE_INTEGER;
    const out: number[] = [];
    let n = 0;
    let i = 0;
    if (old.length === 0) {
      // insert `rep` before every byte and at the end
      for (; i <= b.length; i++) {
        if (n < count) {
          out.push(...rep);
          n++;
        }
        if (i < b.length) out.push(b[i]);
      }
    } else {
      while (i < b.length) {
        if (n < count && i + old.length <= b.length && old.every((c, j) => b[i + j] === c)) {
          out.push(...rep);
          i += old.length;
          n++;
        } else out.push(b[i++]);
      }
    }
    // stringlib replace: nothing replaced gives the object itself (bytes) or a copy
    if (n === 0 && exact(self!)) return newRef(self!);
    return mk(Uint8Array.from(out));
  });
  const strip = (name: string, left: boolean, right: boolean) =>
    defMethod(t, name, (args, kw, self) => {
      posArgs(`${t.name}.${name}`, args, kw, 0, 1);
      const b = (self! as PyBytes).v;
      const chars = args.length && args[0] !== None ? bufferArg(args[0]) : null;
      const drop = (c: number) => (chars ? chars.includes(c) : isSpace(c));
      let i = 0;
      let j = b.length;
      if (left) while (i < j && drop(b[i])) i++;
      if (right) while (j > i && drop(b[j - 1])) j--;
      if (i === 0 && j === b.length && exact(self!)) return newRef(self!);
      return mk(b.slice(i, j));
    });
  strip('strip', true, true);
  strip('lstrip', true, false);
  strip('rstrip', false, true);
  const partition = (name: string, rev: boolean) =>
    defMethod(t, name, (args, kw, self) => {
      checkArgs(`${t.name}.${name}`, args, kw, 1, 1);
      const b = (self! as PyBytes).v;
      const sep = bufferArg(args[0]);
      if (sep.length === 0) raise(E.ValueError, 'empty separator');
      const i = rev ? lastIndexOf(b, sep, 0, b.length) : indexOf(b, sep, 0);
      // stringlib partition: bytes give the object itself and the separator argument itself
      const whole = () => (t === BytesType ? newRef(self!) : mk(b.slice()));
      if (i < 0) return rev ? newTuple([mk(new Uint8Array(0)), mk(new Uint8Array(0)), whole()]) : newTuple([whole(), mk(new Uint8Array(0)), mk(new Uint8Array(0))]);
      const sepObj = t === BytesType ? newRef(args[0]) : mk(sep.slice());
      return newTuple([mk(b.slice(0, i)), sepObj, mk(b.slice(i + sep.length))]);
    });
  partition('partition', false);
  partition('rpartition', true);
  const remove = (name: string, suffix: boolean) =>
    defMethod(t, name, (args, kw, self) => {
      checkArgs(`${t.name}.${name}`, args, kw, 1, 1);
      const b = (self! as PyBytes).v;
      const p = bufferArg(args[0]);
      if (p.length > 0 && p.length <= b.length) {
        const off = suffix ? b.length - p.length : 0;
        if (p.every((c, i) => b[off + i] === c)) return mk(suffix ? b.slice(0, b.length - p.length) : b.slice(p.length));
      }
      return exact(self!) ? newRef(self!) : mk(b.slice());
    });
  remove('removeprefix', false);
  remove('removesuffix', true);
  const isUpper = (c: number) => c >= 65 && c <= 90;
  const isLower = (c: number) => c >= 97 && c <= 122;
  const isDigit = (c: number) => c >= 48 && c <= 57;
  const pred = (name: string, f: (b: Uint8Array) => boolean) =>
    defMethod(t, name, (args, kw, self) => {
      // METH_NOARGS: method_check_args
      if (kw && kw.length) typeError(`${t.name}.${name}() takes no keyword arguments`);
      if (args.length) typeError(`${t.name}.${name}() takes no arguments (${args.length} given)`);
      return newBool(f((self! as PyBytes).v));
    });
  pred('isdigit', (b) => b.length > 0 && b.every(isDigit));
  pred('isalpha', (b) => b.length > 0 && b.every((c) => isUpper(c) || isLower(c)));
  pred('isalnum', (b) => b.length > 0 && b.every((c) => isUpper(c) || isLower(c) || isDigit(c)));
  pred('isspace', (b) => b.length > 0 && b.every(isSpace));
  pred('isascii', (b) => b.every((c) => c < 128));
  pred('isupper', (b) => b.some(isUpper) && !b.some(isLower));
  pred('islower', (b) => b.some(isLower) && !b.some(isUpper));
  defMethod(t, 'splitlines', (args, kw, self) => {
    const [ke] = parseArgs({ name: 'splitlines', params: ['keepends'] }, args, kw);
    const keep = ke !== undefined && abs.isTrue(ke);
    const b = (self! as PyBytes).v;
    const parts: PyObject[] = [];
    let i = 0;
    while (i < b.length) {
      let j = i;
      while (j < b.length && b[j] !== 10 && b[j] !== 13) j++;
      let eol = j;
      if (j < b.length) eol = b[j] === 13 && b[j + 1] === 10 ? j + 2 : j + 1;
      // a single line that is the whole object: the object itself (bytes)
      if (i === 0 && (keep ? eol : j) === b.length && exact(self!)) parts.push(newRef(self!));
      else parts.push(mk(b.slice(i, keep ? eol : j)));
      i = eol;
    }
    return newList(parts);
  });
}
