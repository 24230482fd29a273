// Methods of set and frozenset (Objects/setobject.c) over tables/settable.ts.

import { PyObject, PyType, TypeFlags, newRef, decref, incref } from '../object';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import { PySet, SetType, FrozenSetType, newSet, setOps } from './set';
import { PyDict, DictType } from './dict';
import { newTuple, gcNewTracked } from './tuple';
import { newInt, newBool } from './int';
import { newStr } from './str';
import { None } from './singletons';
import { SetTable } from '../tables/settable';
import { defAttr } from '../define';
import { def, def0, def1, defBin, defUn, notImpl, none, withTypeEdge } from './common_methods';

function isSet(o: PyObject): o is PySet {
  return o instanceof PySet;
}
function baseType(o: PyObject): PyType {
  return o.type.isSubtype(FrozenSetType) ? FrozenSetType : SetType;
}

const PySetSub = withTypeEdge(PySet);

/** a set/frozenset of type t holding `table` */
export function makeSet(t: PyType, table?: SetTable<PyObject>): PySet {
  if (t === SetType || t === FrozenSetType) return newSet(t, table);
  const s = new PySetSub(t, table);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  gcNewTracked(s);
  return s;
}

/** set_update_internal */
export function setUpdateInternal(s: PySet, other: PyObject): void {
  if (isSet(other) || (other instanceof PyDict && other.type === DictType)) {
    s.t.update((other as PySet | PyDict).t);
    return;
  }
  const it = abs.getIter(other);
  try {
    for (;;) {
      const x = abs.iterNext(it);
      if (!x) break;
      try {
        s.add(x);
      } finally {
        decref(x);
      }
    }
  } finally {
    decref(it);
  }
}

/** a new exact set built from any iterable */
function tmpSet(o: PyObject): PySet {
  const s = newSet(SetType);
  try {
    setUpdateInternal(s, o);
  } catch (e) {
    decref(s);
    throw e;
  }
  return s;
}

/** hash of a key, retrying a set key as a frozenset (set_contains / set_discard_key) */
function withKey<T>(k: PyObject, f: (key: PyObject, h: number | bigint) => T): T {
  let h: number | bigint;
  try {
    h = abs.hash(k);
  } catch (e) {
    if (e instanceof E.PyBaseException && e.type.isSubtype(E.TypeError) && k instanceof PySet) {
      decref(e);
      const fz = newSet(FrozenSetType, k.t.copy());
      try {
        return f(fz, fz.t.frozensetHash());
      } finally {
        decref(fz);
      }
    }
    throw e;
  }
  return f(k, h);
}

function doIntersection(s: PySet, other: PyObject): PySet {
  if (isSet(other)) return newSet(baseType(s), s.t.intersection(other.t));
  const r = newSet(baseType(s));
  try {
    const it = abs.getIter(other);
    try {
      for (;;) {
        const x = abs.iterNext(it);
        if (!x) break;
        try {
          const h = abs.hash(x);
          if (s.t.contains(x, h)) {
            r.t.add(x, h);
            if (r.t.used >= s.t.used) break;
          }
        } finally {
          decref(x);
        }
      }
    } finally {
      decref(it);
    }
  } catch (e) {
    decref(r);
    throw e;
  }
  return r;
}

function doDifference(s: PySet, other: PyObject): PySet {
  if (isSet(other) || (other instanceof PyDict && other.type === DictType)) return newSet(baseType(s), s.t.difference((other as PySet).t));
  const r = newSet(baseType(s), s.t.copy());
  try {
    differenceUpdateIter(r, other);
  } catch (e) {
    decref(r);
    throw e;
  }
  return r;
}
function differenceUpdateIter(r: PySet, other: PyObject): void {
  const it = abs.getIter(other);
  try {
    for (;;) {
      const x = abs.iterNext(it);
      if (!x) break;
      try {
        r.t.discard(x, abs.hash(x));
      } finally {
        decref(x);
      }
    }
  } finally {
    decref(it);
  }
  r.t.purgeDummies();
}
function differenceUpdate(s: PySet, other: PyObject): void {
  if (isSet(other) || (other instanceof PyDict && other.type === DictType)) s.t.differenceUpdate((other as PySet).t);
  else differenceUpdateIter(s, other);
}

function symDiffUpdate(s: PySet, other: PyObject): void {
  if (isSet(other) || (other instanceof PyDict && other.type === DictType)) {
    s.t.symmetricDifferenceUpdate((other as PySet).t);
    return;
  }
  const tmp = tmpSet(other);
  try {
    s.t.symmetricDifferenceUpdate(tmp.t);
  } finally {
    decref(tmp);
  }
}
function symDiff(s: PySet, other: PyObject): PySet {
  if (isSet(other) || (other instanceof PyDict && other.type === DictType)) return newSet(baseType(s), s.t.symmetricDifference((other as PySet).t));
  const tmp = tmpSet(other);
  try {
    return newSet(baseType(s), s.t.symmetricDifference(tmp.t));
  } finally {
    decref(tmp);
  }
}

function issubset(s: PySet, other: PyObject): boolean {
  if (isSet(other)) return s.t.issubset(other.t);
  const tmp = tmpSet(other);
  try {
    return s.t.issubset(tmp.t);
  } finally {
    decref(tmp);
  }
}

function setCopy(s: PySet): PySet {
  return newSet(baseType(s), s.t.copy());
}

export function installSetMethods(): void {
  for (const T of [SetType, FrozenSetType]) {
    const frozen = T === FrozenSetType;
    const name = T.name;
    T.slots.len = (o) => (o as PySet).t.used;
    defUn(T, '__len__', (self) => newInt((self as PySet).t.used));
    defUn(T, '__iter__', (self) => T.slots.iter!(self));
    defUn(T, '__repr__', (self) => newStr(T.slots.repr!(self)));
    defUn(T, '__sizeof__', (self) => newInt((self as PySet).t.sizeof()));
    def1(T, '__contains__', (self, k) => newBool(withKey(k, (key, h) => (self as PySet).t.contains(key, h))));
    def0(T, 'copy', (self) => (frozen && self.type === FrozenSetType ? newRef(self) : setCopy(self as PySet)));
    def(T, 'union', (self, args, kw) => {
      if (kw && kw.length) typeError(`${name}.union() takes no keyword arguments`);
      const r = setCopy(self as PySet);
      try {
        for (const o of args) if (o !== self) setUpdateInternal(r, o);
      } catch (e) {
        decref(r);
        throw e;
      }
      return r;
    });
    def(T, 'intersection', (self, args, kw) => {
      if (kw && kw.length) typeError(`${name}.intersection() takes no keyword arguments`);
      if (args.length === 0) return setCopy(self as PySet);
      let r: PySet = newRef(self as PySet);
      for (const o of args) {
        try {
          const n = doIntersection(r, o);
          decref(r);
          r = n;
        } catch (e) {
          decref(r);
          throw e;
        }
      }
      return r;
    });
    def(T, 'difference', (self, args, kw) => {
      if (kw && kw.length) typeError(`${name}.difference() takes no keyword arguments`);
      if (args.length === 0) return setCopy(self as PySet);
      const r = doDifference(self as PySet, args[0]);
      try {
        for (const o of args.slice(1)) differenceUpdate(r, o);
      } catch (e) {
        decref(r);
        throw e;
      }
      return r;
    });
    def1(T, 'symmetric_difference', (self, o) => symDiff(self as PySet, o));
    def1(T, 'issubset', (self, o) => newBool(issubset(self as PySet, o)));
    def1(T, 'issuperset', (self, o) => {
      if (isSet(o)) return newBool(o.t.issubset((self as PySet).t));
      const it = abs.getIter(o);
      try {
        for (;;) {
          const x = abs.iterNext(it);
          if (!x) return newBool(true);
          try {
            if (!(self as PySet).t.contains(x, abs.hash(x))) return newBool(false);
          } finally {
            decref(x);
          }
        }
      } finally {
        decref(it);
      }
    });
    def1(T, 'isdisjoint', (self, o) => {
      const s = self as PySet;
      if (isSet(o)) return newBool(s.t.isdisjoint(o.t));
      const it = abs.getIter(o);
      try {
        for (;;) {
          const x = abs.iterNext(it);
          if (!x) return newBool(true);
          try {
            if (s.t.contains(x, abs.hash(x))) return newBool(false);
          } finally {
            decref(x);
          }
        }
      } finally {
        decref(it);
      }
    });
    const binop = (dn: string, f: (s: PySet, o: PySet) => PySet) =>
      defBin(T, dn, (self, o) => {
        if (!isSet(o)) return notImpl();
        return f(self as PySet, o);
      });
    binop('__or__', (s, o) => newSet(baseType(s), s.t.union(o.t)));
    binop('__and__', (s, o) => doIntersection(s, o));
    binop('__sub__', (s, o) => doDifference(s, o));
    binop('__xor__', (s, o) => symDiff(s, o));
    binop('__ror__', (s, o) => newSet(baseType(o), o.t.union(s.t)));
    binop('__rand__', (s, o) => doIntersection(o, s));
    binop('__rsub__', (s, o) => doDifference(o, s));
    binop('__rxor__', (s, o) => symDiff(o, s));
    const cmp = (op: abs.Cmp) => (self: PyObject, o: PyObject): PyObject => {
      if (!isSet(o)) return notImpl();
      const a = self as PySet;
      switch (op) {
        case abs.Cmp.EQ:
          return newBool(a.t.equals(o.t));
        case abs.Cmp.NE:
          return newBool(!a.t.equals(o.t));
        case abs.Cmp.LE:
          return newBool(a.t.issubset(o.t));
        case abs.Cmp.GE:
          return newBool(o.t.issubset(a.t));
        case abs.Cmp.LT:
          return newBool(a.t.used < o.t.used && a.t.issubset(o.t));
        default:
          return newBool(a.t.used > o.t.used && o.t.issubset(a.t));
      }
    };
    defBin(T, '__lt__', cmp(abs.Cmp.LT));
    defBin(T, '__le__', cmp(abs.Cmp.LE));
    defBin(T, '__eq__', cmp(abs.Cmp.EQ));
    defBin(T, '__ne__', cmp(abs.Cmp.NE));
    defBin(T, '__gt__', cmp(abs.Cmp.GT));
    defBin(T, '__ge__', cmp(abs.Cmp.GE));
  }

  // ---------------------------------------------------------------- frozenset only
  FrozenSetType.slots.new = (t, args, kw) => {
    if (kw && kw.length && t === FrozenSetType) typeError('frozenset() takes no keyword arguments');
    const npos = args.length - (kw ? kw.length : 0);
    if (npos > 1) typeError(`frozenset expected at most 1 argument, got ${npos}`);
    if (npos === 0) return makeSet(t);
    const it = args[0];
    if (t === FrozenSetType && it.type === FrozenSetType) return newRef(it);
    const s = makeSet(t);
    try {
      setUpdateInternal(s, it);
    } catch (e) {
      decref(s);
      throw e;
    }
    return s;
  };
  FrozenSetType.slots.hash = (o) => (o as PySet).t.frozensetHash();
  defUn(FrozenSetType, '__hash__', (self) => newInt((self as PySet).t.frozensetHash()));

  // ---------------------------------------------------------------- set only
  const S = SetType;
  S.slots.new = (t) => makeSet(t);
  S.slots.init = (self, args, kw) => {
    if (kw && kw.length && self.type === SetType) typeError('set() takes no keyword arguments');
    const npos = args.length - (kw ? kw.length : 0);
    if (npos > 1) typeError(`set expected at most 1 argument, got ${npos}`);
    const s = self as PySet;
    if (s.t.used) s.t.clear();
    if (npos === 1) setUpdateInternal(s, args[0]);
  };
  defAttr(S, '__hash__', None);
  def(S, '__init__', (self, args, kw) => {
    S.slots.init!(self, args, kw);
    return none();
  });
  def1(S, 'add', (self, x) => {
    (self as PySet).add(x);
    return none();
  });
  def1(S, 'discard', (self, x) => {
    withKey(x, (k, h) => (self as PySet).t.discard(k, h));
    return none();
  });
  def1(S, 'remove', (self, x) => {
    const r = withKey(x, (k, h) => (self as PySet).t.discard(k, h));
    if (r === undefined) {
      const e = new E.PyBaseException(E.KeyError, newTuple([newRef(x)]));
      gcNewTracked(e);
      throw e;
    }
    return none();
  });
  def0(S, 'pop', (self) => {
    const k = (self as PySet).t.pop();
    if (k === undefined) raise(E.KeyError, 'pop from an empty set');
    return k;
  });
  def0(S, 'clear', (self) => {
    (self as PySet).t.clear();
    return none();
  });
  def(S, 'update', (self, args, kw) => {
    if (kw && kw.length) typeError('set.update() takes no keyword arguments');
    for (const o of args) setUpdateInternal(self as PySet, o);
    return none();
  });
  def(S, 'intersection_update', (self, args, kw) => {
    if (kw && kw.length) typeError('set.intersection_update() takes no keyword arguments');
    const s = self as PySet;
    for (const o of args) {
      if (isSet(o)) {
        const old = s.t.intersectionUpdate(o.t);
        old.clear();
      } else {
        const r = doIntersection(s, o);
        const oldT = s.t;
        s.t = r.t;
        r.t = oldT;
        decref(r);
      }
    }
    return none();
  });
  def(S, 'difference_update', (self, args, kw) => {
    if (kw && kw.length) typeError('set.difference_update() takes no keyword arguments');
    for (const o of args) differenceUpdate(self as PySet, o);
    return none();
  });
  def1(S, 'symmetric_difference_update', (self, o) => {
    symDiffUpdate(self as PySet, o);
    return none();
  });
  const ibinop = (dn: string, f: (s: PySet, o: PySet) => void) =>
    defBin(S, dn, (self, o) => {
      if (!isSet(o)) return notImpl();
      f(self as PySet, o);
      return newRef(self);
    });
  ibinop('__ior__', (s, o) => s.t.update(o.t));
  ibinop('__iand__', (s, o) => s.t.intersectionUpdate(o.t).clear());
  ibinop('__isub__', (s, o) => differenceUpdate(s, o));
  ibinop('__ixor__', (s, o) => symDiffUpdate(s, o));
  void setOps;
}
