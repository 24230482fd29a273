// Methods of tuple (Objects/tupleobject.c).

import { PyObject, PyType, TypeFlags, newRef, decref, incref } from '../object';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import { PyTuple, TupleType, newTuple, gcNewTracked, newTupleSized, releaseUnfilledTuple } from './tuple';
import { newInt, newBool } from './int';
import { newStr } from './str';
import { PySlice, TupleIterType, newSeqIter, MapType, FilterType, ZipType, EnumerateType, CallIterType } from './misc';
import { GeneratorType } from './generator';
import { defAttr } from '../define';
import { hashTupleCombine } from '../primitives/hash';
import { def, def1, defBin, defUn, posArgs, notImpl, sliceIndices, seqIndexOf, optIndex, repeatCount, seqRichCompare, hasIndex, withTypeEdge } from './common_methods';
import { otherMayReflect } from './list_methods';

const PyTupleSub = withTypeEdge(PyTuple);

/** A tuple of type t owning `items` (steals them). */
export function makeTuple(t: PyType, items: PyObject[]): PyTuple {
  if (t === TupleType) return newTuple(items);
  const o = new PyTupleSub(t, items);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  gcNewTracked(o);
  return o;
}

/** Iterables whose PyObject_LengthHint is the default (no __len__, no __length_hint__). */
function guessesTen(o: PyObject): boolean {
  const t = o.type;
  if (t === GeneratorType || t === MapType || t === FilterType || t === ZipType || t === EnumerateType || t === CallIterType) return true;
  return (t.flags & TypeFlags.HEAPTYPE) !== 0 && !t.slots.len && !abs.typeLookup(t, '__len__') && !abs.typeLookup(t, '__length_hint__');
}

/**
 * PySequence_Tuple over an iterator without a length hint: the result is allocated before the
 * iteration with the guess of 10 items (tuple_alloc takes that size's free list), grown by
 * `n + 10 + n/4` when full (_PyTuple_Resize: no new allocation) and cut back to the items read.
 */
function sequenceTupleGuess(v: PyObject): PyObject {
  const it = abs.getIter(v);
  let result: PyTuple;
  try {
    result = newTupleSized(10);
  } catch (e) {
    decref(it);
    throw e;
  }
  try {
    for (;;) {
      const x = abs.iterNext(it);
      if (!x) break;
      result.items.push(x);
    }
  } catch (e) {
    decref(result);
    throw e;
  } finally {
    decref(it);
  }
  if (result.items.length === 0) {
    // _PyTuple_Resize to 0: the 10-tuple is released, the empty tuple returned
    releaseUnfilledTuple(result, 10);
    return newTuple([]);
  }
  return result;
}

export function installTupleMethods(): void {
  const T = TupleType;
  T.slots.new = (t, args, kw) => {
    if (kw && kw.length && t === TupleType) typeError('tuple() takes no keyword arguments');
    const npos = args.length - (kw ? kw.length : 0);
    if (npos > 1) typeError(`tuple expected at most 1 argument, got ${npos}`);
    if (npos === 0) return makeTuple(t, []);
    const it = args[0];
    if (t === TupleType && it.type === TupleType) return newRef(it);
    if (t === TupleType && guessesTen(it)) return sequenceTupleGuess(it);
    return makeTuple(t, abs.toArray(it));
  };
  T.slots.len = (o) => (o as PyTuple).items.length;
  defUn(T, '__len__', (self) => newInt((self as PyTuple).items.length));
  defBin(T, '__getitem__', (self, k) => {
    const t = self as PyTuple;
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, t.items.length);
      if (n === t.items.length && step === 1 && t.type === TupleType) return newRef(t);
      const out: PyObject[] = [];
      for (let i = 0, cur = start; i < n; i++, cur += step) out.push(newRef(t.items[cur]));
      return newTuple(out);
    }
    if (!hasIndex(k)) typeError(`tuple indices must be integers or slices, not ${k.type.name}`);
    let i = seqIndexOf(k, 'tuple');
    if (i < 0) i += t.items.length;
    if (i < 0 || i >= t.items.length) raise(E.IndexError, 'tuple index out of range');
    return newRef(t.items[i]);
  });
  defBin(T, '__contains__', (self, x) => {
    for (const item of (self as PyTuple).items) if (abs.richCompareBool(item, x, abs.Cmp.EQ)) return newBool(true);
    return newBool(false);
  });
  def1(T, 'count', (self, x) => {
    let c = 0;
    for (const item of (self as PyTuple).items) if (abs.richCompareBool(item, x, abs.Cmp.EQ)) c++;
    return newInt(c);
  });
  def(T, 'index', (self, args, kw) => {
    posArgs('tuple.index', args, kw, 1, 3);
    const items = (self as PyTuple).items;
    const start = optIndex(args[1], 0, items.length);
    const stop = optIndex(args[2], Number.MAX_SAFE_INTEGER, items.length);
    for (let i = start; i < stop && i < items.length; i++) if (abs.richCompareBool(items[i], args[0], abs.Cmp.EQ)) return newInt(i);
    raise(E.ValueError, 'tuple.index(x): x not in tuple');
  });
  defUn(T, '__iter__', (self) => newSeqIter(TupleIterType, self));
  defUn(T, "__hash__", (self) => newInt(abs.hash(self)));
  T.slots.hash = (o) => hashTupleCombine((o as PyTuple).items.map(abs.hash));
  defBin(T, '__add__', (self, o) => {
    if (!(o instanceof PyTuple)) {
      if (otherMayReflect(o, '__radd__')) return notImpl();
      typeError(`can only concatenate tuple (not "${o.type.name}") to tuple`);
    }
    const a = self as PyTuple;
    if (o.items.length === 0 && a.type === TupleType) return newRef(a);
    if (a.items.length === 0 && o.type === TupleType) return newRef(o);
    return newTuple([...a.items, ...o.items].map(newRef));
  });
  const mul = (self: PyObject, o: PyObject): PyObject => {
    const n = repeatCount(o);
    if (n === null) {
      if (otherMayReflect(o, '__rmul__')) return notImpl();
      typeError(`can't multiply sequence by non-int of type '${o.type.name}'`);
    }
    const a = (self as PyTuple).items;
    if (a.length === 0 || n === 0) return newTuple([]);
    if (n === 1 && self.type === TupleType) return newRef(self);
    if (a.length * n > 2 ** 31) raise(E.MemoryError, '');
    const out: PyObject[] = [];
    for (let k = 0; k < n; k++) for (const x of a) out.push(newRef(x));
    return newTuple(out);
  };
  defBin(T, '__mul__', mul);
  defBin(T, '__rmul__', mul);
  const cmp = (op: abs.Cmp) => (self: PyObject, o: PyObject) => {
    if (!(o instanceof PyTuple)) return notImpl();
    return seqRichCompare((self as PyTuple).items, o.items, op, false);
  };
  defBin(T, '__lt__', cmp(abs.Cmp.LT));
  defBin(T, '__le__', cmp(abs.Cmp.LE));
  defBin(T, '__eq__', cmp(abs.Cmp.EQ));
  defBin(T, '__ne__', cmp(abs.Cmp.NE));
  defBin(T, '__gt__', cmp(abs.Cmp.GT));
  defBin(T, '__ge__', cmp(abs.Cmp.GE));
  defUn(T, '__sizeof__', (self) => newInt(24 + 8 * (self as PyTuple).items.length));
  defUn(T, '__repr__', (self) => newStr(T.slots.repr!(self)));
  defUn(T, '__getnewargs__', (self) => newTuple([newTuple((self as PyTuple).items.map(newRef))]));
  void defAttr;
  void decref;
}
