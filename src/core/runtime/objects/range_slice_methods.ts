// Methods of range and slice (Objects/rangeobject.c, Objects/sliceobject.c).

import { PyObject, newRef, decref } from '../object';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import * as N from '../numeric';
import { PyInt, newInt, newBool } from './int';
import { newStr } from './str';
import { PyTuple, newTuple, gcNewTracked } from './tuple';
import { None } from './singletons';
import { PyRange, RangeType, PySlice, SliceType, PyRangeIter } from './misc';
import { defAttr } from '../define';
import { def, def1, defBin, defUn, notImpl, posArgs, sliceIndices, hasIndex, seqRichCompare } from './common_methods';
import { hashTupleCombine, hashInt } from '../primitives/hash';

function rangeLen(start: N.Int, stop: N.Int, step: N.Int): N.Int {
  // compute_range_length
  let lo: N.Int, hi: N.Int, st: N.Int;
  if (N.intSign(step) > 0) {
    lo = start;
    hi = stop;
    st = step;
  } else {
    lo = stop;
    hi = start;
    st = N.intNeg(step);
  }
  if (N.intCmp(lo, hi) >= 0) return 0;
  return N.intAdd(N.intFloorDiv(N.intSub(N.intSub(hi, lo), 1), st), 1);
}

function idx(o: PyObject): N.Int {
  if (!hasIndex(o)) typeError(`'${o.type.name}' object cannot be interpreted as an integer`);
  return abs.index(o);
}

export function newRange(start: N.Int, stop: N.Int, step: N.Int): PyRange {
  return new PyRange(start, stop, step, rangeLen(start, stop, step));
}

function rangeItem(r: PyRange, i: N.Int): N.Int {
  return N.intAdd(r.start, N.intMul(i, r.step));
}

function rangeContainsInt(r: PyRange, v: N.Int): boolean {
  const { start, stop, step } = r;
  if (N.intSign(step) > 0) {
    if (N.intCmp(v, start) < 0 || N.intCmp(v, stop) >= 0) return false;
  } else if (N.intCmp(v, start) > 0 || N.intCmp(v, stop) <= 0) return false;
  return N.intSign(N.intMod(N.intSub(v, start), step)) === 0;
}

function rangeContains(r: PyRange, x: PyObject): boolean {
  if (x instanceof PyInt) return rangeContainsInt(r, x.v);
  // _PySequence_IterSearch
  const n = Number(r.len);
  for (let i = 0; i < n; i++) {
    const v = newInt(rangeItem(r, i));
    try {
      if (abs.richCompareBool(v, x, abs.Cmp.EQ)) return true;
    } finally {
      decref(v);
    }
  }
  return false;
}

function rangeEq(a: PyRange, b: PyRange): boolean {
  if (a === b) return true;
  if (N.intCmp(a.len, b.len) !== 0) return false;
  if (a.len === 0) return true;
  if (N.intCmp(a.start, b.start) !== 0) return false;
  if (a.len === 1) return true;
  return N.intCmp(a.step, b.step) === 0;
}

export function installRangeSliceMethods(): void {
  const R = RangeType;
  R.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('range() takes no keyword arguments');
    const n = args.length;
    if (n === 0) typeError('range expected at least 1 argument, got 0');
    if (n > 3) typeError(`range expected at most 3 arguments, got ${n}`);
    if (n === 1) return newRange(0, idx(args[0]), 1);
    const start = idx(args[0]);
    const stop = idx(args[1]);
    const step = n > 2 ? idx(args[2]) : 1;
    if (step === 0) raise(E.ValueError, 'range() arg 3 must not be zero');
    return newRange(start, stop, step);
  };
  R.slots.hash = (o) => {
    const r = o as PyRange;
    const items: (number | bigint)[] = [hashInt(r.len)];
    if (r.len === 0) items.push(abs.hash(None), abs.hash(None));
    else if (r.len === 1) items.push(hashInt(r.start), abs.hash(None));
    else items.push(hashInt(r.start), hashInt(r.step));
    return hashTupleCombine(items);
  };
  const len = (r: PyRange): number => {
    if (typeof r.len === 'bigint') raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
    return r.len;
  };
  R.slots.len = (o) => len(o as PyRange);
  defUn(R, '__len__', (self) => newInt(len(self as PyRange)));
  defUn(R, '__bool__', (self) => newBool((self as PyRange).len !== 0));
  defUn(R, '__iter__', (self) => R.slots.iter!(self));
  defUn(R, '__repr__', (self) => newStr(R.slots.repr!(self)));
  defUn(R, '__hash__', (self) => newInt(R.slots.hash!(self)));
  defUn(R, '__reversed__', (self) => {
    const r = self as PyRange;
    if (typeof r.len !== 'number' || typeof r.start !== 'number' || typeof r.step !== 'number') typeError('range too large (longrange_iterator not supported yet)');
    const last = r.start + (r.len - 1) * r.step;
    return new PyRangeIter(r.len === 0 ? r.start : last, -r.step, r.len);
  });
  defBin(R, '__getitem__', (self, k) => {
    const r = self as PyRange;
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(k, Number(r.len));
      return newRange(rangeItem(r, start), rangeItem(r, stop), N.intMul(r.step, step));
    }
    if (!hasIndex(k)) typeError(`range indices must be integers or slices, not ${k.type.name}`);
    let i = abs.index(k);
    if (N.intSign(i) < 0) i = N.intAdd(i, r.len);
    if (N.intSign(i) < 0 || N.intCmp(i, r.len) >= 0) raise(E.IndexError, 'range object index out of range');
    return newInt(rangeItem(r, i));
  });
  defBin(R, '__contains__', (self, x) => newBool(rangeContains(self as PyRange, x)));
  def1(R, 'count', (self, x) => {
    const r = self as PyRange;
    if (x.type.name === 'int' || x.type.name === 'bool') return newInt(rangeContainsInt(r, (x as PyInt).v) ? 1 : 0);
    let c = 0;
    for (let i = 0; i < Number(r.len); i++) {
      const v = newInt(rangeItem(r, i));
      try {
        if (abs.richCompareBool(v, x, abs.Cmp.EQ)) c++;
      } finally {
        decref(v);
      }
    }
    return newInt(c);
  });
  def1(R, 'index', (self, x) => {
    const r = self as PyRange;
    if (x instanceof PyInt) {
      if (rangeContainsInt(r, x.v)) return newInt(N.intFloorDiv(N.intSub(x.v, r.start), r.step));
    } else {
      for (let i = 0; i < Number(r.len); i++) {
        const v = newInt(rangeItem(r, i));
        try {
          if (abs.richCompareBool(v, x, abs.Cmp.EQ)) return newInt(i);
        } finally {
          decref(v);
        }
      }
    }
    raise(E.ValueError, `${abs.repr(x)} is not in range`);
  });
  defBin(R, '__eq__', (self, o) => (o instanceof PyRange ? newBool(rangeEq(self as PyRange, o)) : notImpl()));
  defBin(R, '__ne__', (self, o) => (o instanceof PyRange ? newBool(!rangeEq(self as PyRange, o)) : notImpl()));
  for (const n of ['__lt__', '__le__', '__gt__', '__ge__']) defBin(R, n, () => notImpl());

  // ---------------------------------------------------------------- slice
  const S = SliceType;
  S.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('slice() takes no keyword arguments');
    const n = args.length;
    if (n === 0) typeError('slice expected at least 1 argument, got 0');
    if (n > 3) typeError(`slice expected at most 3 arguments, got ${n}`);
    let s: PySlice;
    if (n === 1) s = new PySlice(newRef(None), newRef(args[0]), newRef(None));
    else s = new PySlice(newRef(args[0]), newRef(args[1]), newRef(n > 2 ? args[2] : None));
    gcNewTracked(s);
    return s;
  };
  defAttr(S, '__hash__', None);
  defUn(S, '__repr__', (self) => newStr(S.slots.repr!(self)));
  def(S, 'indices', (self, args, kw) => {
    posArgs('slice.indices', args, kw, 1, 1);
    const n = abs.index(args[0]);
    if (N.intSign(n) < 0) raise(E.ValueError, 'length should not be negative');
    const [start, stop, step] = sliceIndices(self as PySlice, Number(n));
    return newTuple([newInt(start), newInt(stop), newInt(step)]);
  });
  const cmp = (op: abs.Cmp) => (self: PyObject, o: PyObject) => {
    if (!(o instanceof PySlice)) return notImpl();
    const a = self as PySlice;
    return seqRichCompare([a.start, a.stop, a.step], [o.start, o.stop, o.step], op, false);
  };
  defBin(S, '__lt__', cmp(abs.Cmp.LT));
  defBin(S, '__le__', cmp(abs.Cmp.LE));
  defBin(S, '__eq__', cmp(abs.Cmp.EQ));
  defBin(S, '__ne__', cmp(abs.Cmp.NE));
  defBin(S, '__gt__', cmp(abs.Cmp.GT));
  defBin(S, '__ge__', cmp(abs.Cmp.GE));
  void PyTuple;
}
