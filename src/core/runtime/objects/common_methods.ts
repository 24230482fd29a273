// Helpers shared by the *_methods.ts files: method definition with unbound-call support,
// argument checks, slice/index arithmetic (Objects/sliceobject.c), NotImplemented.

import { PyObject, PyType, TypeFlags, Edge, newRef, decref, type Visit } from '../object';
import { defMethod } from '../define';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import { PyInt, newBool } from './int';
import { PySlice } from './misc';
import { None, NotImplemented } from './singletons';
import type { Int } from '../numeric';

export type Meth = (self: PyObject, args: PyObject[], kw: string[] | null) => PyObject;

/**
 * Define a method. When the descriptor is called unbound (`list.append(l, x)`, or through
 * LOAD_METHOD/CALL which passes the instance as the first argument and `self` null), the
 * instance is taken from args[0] and checked like method_vectorcall_* does.
 */
export function def(t: PyType, name: string, fn: Meth): void {
  defMethod(t, name, (args, kw, self) => {
    if (self === null) {
      const npos = args.length - (kw ? kw.length : 0);
      if (npos < 1) typeError(`unbound method ${abs.typeQualname(t)}.${name}() needs an argument`);
      const s = args[0];
      if (!s.type.isSubtype(t)) typeError(`descriptor '${name}' for '${t.name}' objects doesn't apply to a '${s.type.name}' object`);
      return fn(s, args.slice(1), kw);
    }
    return fn(self, args, kw);
  });
}

/** METH_NOARGS */
export function def0(t: PyType, name: string, fn: (self: PyObject) => PyObject): void {
  def(t, name, (self, args, kw) => {
    if (kw && kw.length) typeError(`${t.name}.${name}() takes no keyword arguments`);
    if (args.length) typeError(`${t.name}.${name}() takes no arguments (${args.length} given)`);
    return fn(self);
  });
}

/** METH_O */
export function def1(t: PyType, name: string, fn: (self: PyObject, a: PyObject) => PyObject): void {
  def(t, name, (self, args, kw) => {
    if (kw && kw.length) typeError(`${t.name}.${name}() takes no keyword arguments`);
    if (args.length !== 1) typeError(`${t.name}.${name}() takes exactly one argument (${args.length} given)`);
    return fn(self, args[0]);
  });
}

/** A binary dunder (slot wrapper): exactly one argument. */
export function defBin(t: PyType, name: string, fn: (self: PyObject, a: PyObject) => PyObject): void {
  def(t, name, (self, args, kw) => {
    if (kw && kw.length) typeError(`wrapper ${name}() takes no keyword arguments`);
    if (args.length !== 1) typeError(`expected 1 argument, got ${args.length}`);
    return fn(self, args[0]);
  });
}
/** A unary dunder (slot wrapper). */
export function defUn(t: PyType, name: string, fn: (self: PyObject) => PyObject): void {
  def(t, name, (self, args, kw) => {
    if (kw && kw.length) typeError(`wrapper ${name}() takes no keyword arguments`);
    if (args.length !== 0) typeError(`expected 0 arguments, got ${args.length}`);
    return fn(self);
  });
}

/** Positional-only arguments with a count check in Argument Clinic wording (`name` like
 * 'list.insert': the keyword message names the type, the count messages the method alone). */
export function posArgs(name: string, args: PyObject[], kw: string[] | null, min: number, max: number): PyObject[] {
  if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
  const n = args.length;
  if (n < min || n > max) {
    // (_PyArg_CheckPositional names the method alone: 'list.pop' -> 'pop')
    name = name.slice(name.lastIndexOf('.') + 1);
    if (min === max) typeError(`${name} expected ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
    if (n < min) typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
    typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
  }
  return args;
}

export function notImpl(): PyObject {
  return newRef(NotImplemented);
}
export function none(): PyObject {
  return newRef(None);
}

/** _PyEval_SliceIndex: None -> undefined, else an index (clamped to +-2**63 like CPython). */
function sliceIndex(o: PyObject): number | undefined {
  if (o === None) return undefined;
  if (!(o instanceof PyInt) && !abs.typeLookup(o.type, '__index__')) {
    typeError('slice indices must be integers or None or have an __index__ method');
  }
  const v = abs.index(o);
  return clampInt(v);
}
function clampInt(v: Int): number {
  if (typeof v === 'number') return v;
  return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}

/** PySlice_Unpack + PySlice_AdjustIndices: [start, stop, step, slicelength]. */
export function sliceIndices(s: PySlice, len: number): [number, number, number, number] {
  let step = 1;
  if (s.step !== None) {
    step = sliceIndex(s.step)!;
    if (step === 0) raise(E.ValueError, 'slice step cannot be zero');
  }
  const st = sliceIndex(s.start);
  const sp = sliceIndex(s.stop);
  let start = st === undefined ? (step < 0 ? Number.MAX_SAFE_INTEGER : 0) : st;
  let stop = sp === undefined ? (step < 0 ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER) : sp;
  if (start < 0) {
    start += len;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= len) start = step < 0 ? len - 1 : len;
  if (stop < 0) {
    stop += len;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= len) stop = step < 0 ? len - 1 : len;
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  return [start, stop, step, n];
}

/** An index for a sequence of length len (negative counts from the end); no range check. */
export function seqIndexOf(k: PyObject, seqName: string): number {
  if (!(k instanceof PyInt) && !abs.typeLookup(k.type, '__index__')) {
    typeError(`${seqName} indices must be integers or slices, not ${k.type.name}`);
  }
  const v = abs.index(k);
  if (typeof v === 'bigint') raise(E.IndexError, `cannot fit '${k.type.name}' into an index-sized integer`);
  return v;
}

/** ADJUST_INDICES (Objects/stringlib/find.h): slice bounds of a str/bytes search clipped to [0, len]. */
export function adjustIndices(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return [start, end];
}

export function hasIndex(o: PyObject): boolean {
  return o instanceof PyInt || abs.typeLookup(o.type, '__index__') !== null;
}

/** Clamp an optional start/end argument of list.index / tuple.index (`_PyEval_SliceIndexNotNone`
 * + adjust: None is refused too). */
export function optIndex(o: PyObject | undefined, dflt: number, len: number): number {
  if (o === undefined) return dflt;
  if (!hasIndex(o)) typeError('slice indices must be integers or have an __index__ method');
  let v = clampInt(abs.index(o));
  if (v < 0) {
    v += len;
    if (v < 0) v = 0;
  }
  return v;
}

/** Release every reference in `xs` (in order). */
export function decrefAll(xs: PyObject[]): void {
  for (const x of xs) decref(x);
}

/** _PyObject_HasLen: the type has a length (sq_length or mp_length; __len__ on a class) */
export function hasLen(o: PyObject): boolean {
  return !!o.type.slots.len || abs.typeLookup(o.type, '__len__') !== null;
}

/** PyObject_Size where a TypeError means "no size" (list___init__'s guess): -1 then. */
export function sizeOrNone(o: PyObject): number {
  try {
    return abs.length(o);
  } catch (e) {
    if (e instanceof E.PyBaseException && e.type.isSubtype(E.TypeError)) {
      decref(e);
      return -1;
    }
    throw e;
  }
}

/** PyObject_LengthHint (Objects/abstract.c): len(o) when o has a length, else what
 * o.__length_hint__() returns (a TypeError from it, NotImplemented or no such method: `dflt`). */
export function lengthHint(o: PyObject, dflt: number): number {
  if (hasLen(o)) {
    const n = sizeOrNone(o);
    if (n >= 0) return n;
  }
  let r: PyObject | null;
  try {
    r = abs.callSpecial(o, '__length_hint__', []);
  } catch (e) {
    if (e instanceof E.PyBaseException && e.type.isSubtype(E.TypeError)) {
      decref(e);
      return dflt;
    }
    throw e;
  }
  if (r === null) return dflt;
  if (r === NotImplemented) {
    decref(r);
    return dflt;
  }
  if (!(r instanceof PyInt)) {
    const name = r.type.name;
    decref(r);
    typeError(`__length_hint__ must be an integer, not ${name}`);
  }
  const v = r.v;
  decref(r);
  // PyLong_AsSsize_t
  if (typeof v === 'bigint') raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
  if (v < 0) raise(E.ValueError, '__length_hint__() should return >= 0');
  return v;
}

/** Python-style repetition count (n < 0 -> 0). */
export function repeatCount(o: PyObject): number | null {
  if (!hasIndex(o)) return null;
  const v = abs.index(o);
  if (typeof v === 'bigint') {
    // sequence_repeat: PyNumber_AsSsize_t(n, PyExc_OverflowError) fails only beyond Py_ssize_t;
    // a larger count than a JS number holds exactly is far past any sequence's limit anyway
    if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) raise(E.OverflowError, `cannot fit 'int' into an index-sized integer`);
    return v < 0n ? 0 : Number(v);
  }
  return v < 0 ? 0 : v;
}

/** list_richcompare / tuplerichcompare over two item arrays. */
export function seqRichCompare(v: PyObject[], w: PyObject[], op: abs.Cmp, hold = true): PyObject {
  const vl = v.length;
  const wl = w.length;
  if (vl !== wl && (op === abs.Cmp.EQ || op === abs.Cmp.NE)) return newBool(op === abs.Cmp.NE);
  let i = 0;
  for (; i < vl && i < wl; i++) {
    const a = v[i];
    const b = w[i];
    if (a === b) continue;
    // list_richcompare holds the items during __eq__; tuplerichcompare does not
    if (hold) {
      a.rc++;
      b.rc++;
    }
    try {
      if (!abs.richCompareBool(a, b, abs.Cmp.EQ)) break;
    } finally {
      if (hold) {
        decref(a);
        decref(b);
      }
    }
  }
  if (i >= v.length || i >= w.length) return newBool(abs.cmpResult(v.length < w.length ? -1 : v.length > w.length ? 1 : 0, op));
  if (op === abs.Cmp.EQ) return newBool(false);
  if (op === abs.Cmp.NE) return newBool(true);
  return abs.richCompare(v[i], w[i], op);
}

/**
 * Instances of Python subclasses of builtin types hold a reference to their (heap) type: this
 * mixin reports it to the gc/audit (subtype_traverse visits Py_TYPE(self)).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withTypeEdge<T extends new (...a: any[]) => PyObject>(Base: T): T {
  return class extends Base {
    override traverse(visit: Visit): void {
      if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
      super.traverse(visit);
    }
  };
}
