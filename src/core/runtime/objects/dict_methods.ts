// Methods of dict and the dict views (Objects/dictobject.c).

import { PyObject, PyType, TypeFlags, newRef, decref, incref } from '../object';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import { PyDict, DictType, newDict, mayBeTracked, gcTrackDict, dictOps } from './dict';
import { PyTuple, newTuple, gcNewTracked, gcNewUntracked, gcNewGenericAlloc } from './tuple';
import { PyList } from './list';
import { PyStr, newStr } from './str';
import { PySet, SetType, FrozenSetType, newSet } from './set';
import { newInt, newBool } from './int';
import { None } from './singletons';
import * as misc from './misc';
import { DictTable, DictTableIter, DictTableRevIter, MERGE_MUTATED } from '../tables/dicttable';
import { defClassMethod, defAttr, defGetter } from '../define';
import { def, def0, def1, defBin, defUn, posArgs, notImpl, none, withTypeEdge } from './common_methods';

const PyDictSub = withTypeEdge(PyDict);

/** A fresh dict of type t. */
export function allocDict(t: PyType, table?: DictTable<PyObject, PyObject>): PyDict {
  if (t === DictType && !table) return newDict();
  const d = t === DictType ? new PyDict(t, table) : new PyDictSub(t, table);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  if (t !== DictType) gcNewTracked(d);
  else {
    gcNewUntracked(d);
    maybeTrack(d);
  }
  return d;
}

function maybeTrack(d: PyDict): void {
  if (d.gcGen >= 0) return;
  for (const [k, v] of d.entries()) {
    if (mayBeTracked(k) || mayBeTracked(v)) {
      gcTrackDict(d);
      return;
    }
  }
}

export function raiseKeyError(k: PyObject): never {
  const e = new E.PyBaseException(E.KeyError, newTuple([newRef(k)]));
  gcNewTracked(e);
  throw e;
}

/** type(d) is dict or a subclass that does not override __iter__ (dict_merge's fast path) */
function isPlainDict(o: PyObject): o is PyDict {
  if (!(o instanceof PyDict)) return false;
  if (o.type === DictType) return true;
  const f = abs.typeLookup(o.type, '__iter__');
  return !!f && f.type.flags & TypeFlags.METHOD_DESCRIPTOR ? true : false;
}

/** PyDict_Merge(a, b, override=1) for any mapping b. */
export function dictMerge(d: PyDict, m: PyObject): void {
  if (isPlainDict(m)) {
    const r = d.t.merge(m.t, 1);
    if (r === MERGE_MUTATED) raise(E.RuntimeError, 'dict mutated during update');
    maybeTrack(d);
    return;
  }
  const keysFn = abs.getAttr(m, 'keys');
  let keys: PyObject;
  try {
    keys = abs.call(keysFn, [], null);
  } finally {
    decref(keysFn);
  }
  let ks: PyObject[];
  try {
    ks = abs.toArray(keys);
  } finally {
    decref(keys);
  }
  try {
    for (const k of ks) {
      const v = abs.getItem(m, k);
      try {
        d.setItem(k, v);
      } finally {
        decref(v);
      }
    }
  } finally {
    for (const k of ks) decref(k);
  }
}

/** PyDict_MergeFromSeq2 */
function mergeFromSeq2(d: PyDict, seq: PyObject): void {
  const it = abs.getIter(seq);
  try {
    for (let i = 0; ; i++) {
      const item = abs.iterNext(it);
      if (!item) break;
      try {
        let parts: PyObject[];
        if (item instanceof PyList || item instanceof PyTuple) parts = item.items.map(newRef);
        else {
          if (!abs.getIterOrNullSafe(item)) typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
          parts = abs.toArray(item);
        }
        try {
          if (parts.length !== 2) raise(E.ValueError, `dictionary update sequence element #${i} has length ${parts.length}; 2 is required`);
          d.setItem(parts[0], parts[1]);
        } finally {
          for (const p of parts) decref(p);
        }
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(it);
  }
}

/** dict_update_arg */
export function dictUpdateArg(d: PyDict, arg: PyObject): void {
  if (isPlainDict(arg)) return dictMerge(d, arg);
  const f = abs.lookupAttr(arg, 'keys');
  if (f) {
    decref(f);
    return dictMerge(d, arg);
  }
  mergeFromSeq2(d, arg);
}

/** dict_update_common: positional arg then keywords */
function dictUpdateCommon(d: PyDict, args: PyObject[], kw: string[] | null, name: string): void {
  const npos = args.length - (kw ? kw.length : 0);
  if (npos > 1) typeError(`${name} expected at most 1 argument, got ${npos}`);
  if (npos === 1) dictUpdateArg(d, args[0]);
  if (kw) for (let i = 0; i < kw.length; i++) {
    const k = newStr(kw[i]);
    try {
      d.setItem(k, args[npos + i]);
    } finally {
      decref(k);
    }
  }
}

function dictGetItem(self: PyObject, k: PyObject): PyObject {
  const d = self as PyDict;
  const v = d.getItem(k);
  if (v !== undefined) return newRef(v);
  if (d.type !== DictType) {
    const missing = abs.typeLookup(d.type, '__missing__');
    if (missing) return abs.callMethodObj(missing, d, [k]);
  }
  raiseKeyError(k);
}

export function dictCopy(d: PyDict): PyDict {
  const t = d.t.copy(isPlainDict(d));
  const r = new PyDict(DictType, t);
  gcNewUntracked(r);
  if (d.gcGen >= 0) gcTrackDict(r);
  else maybeTrack(r);
  return r;
}

function newView(t: PyType, d: PyObject): PyObject {
  const v = new misc.PyDictView(t, d);
  gcNewTracked(v);
  return v;
}

function viewRepr(o: PyObject): string {
  const v = o as misc.PyDictView;
  const d = v.dict as PyDict;
  if (!abs.reprEnter(o)) return '...';
  try {
    const parts: string[] = [];
    for (const [k, val] of d.entries()) {
      if (o.type === misc.DictKeysType) parts.push(abs.repr(k));
      else if (o.type === misc.DictValuesType) parts.push(abs.repr(val));
      else {
        const t = newTuple([newRef(k), newRef(val)]);
        try {
          parts.push(abs.repr(t));
        } finally {
          decref(t);
        }
      }
    }
    return `${o.type.name}([${parts.join(', ')}])`;
  } finally {
    abs.reprLeave(o);
  }
}

/** a set built from an iterable (for view set operations) */
function setFrom(o: PyObject): PySet {
  const s = newSet(SetType);
  try {
    if (o instanceof PySet || (o instanceof PyDict && o.type === DictType)) s.t.update(o.t);
    else {
      const items = abs.toArray(o);
      try {
        for (const x of items) s.add(x);
      } finally {
        for (const x of items) decref(x);
      }
    }
  } catch (e) {
    decref(s);
    throw e;
  }
  return s;
}

function viewContains(view: PyObject, x: PyObject): boolean {
  const d = (view as misc.PyDictView).dict as PyDict;
  if (view.type === misc.DictKeysType) return d.t.contains(x, abs.hash(x));
  if (view.type === misc.DictItemsType) {
    if (!(x instanceof PyTuple) || x.items.length !== 2) return false;
    const v = d.getItem(x.items[0]);
    if (v === undefined) return false;
    incref(v);
    try {
      return abs.richCompareBool(v, x.items[1], abs.Cmp.EQ);
    } finally {
      decref(v);
    }
  }
  return abs.contains(view, x);
}

export function installDictMethods(): void {
  const T = DictType;
  // dict_new: type->tp_alloc is PyType_GenericAlloc (never the free list); an exact dict is
  // untracked again at once
  T.slots.new = (t) => {
    if (t !== DictType) return allocDict(t);
    const d = new PyDict(DictType);
    gcNewGenericAlloc(d, false);
    return d;
  };
  T.slots.init = (self, args, kw) => dictUpdateCommon(self as PyDict, args, kw, 'dict');
  T.slots.len = (o) => (o as PyDict).t.used;
  defAttr(T, '__hash__', None);
  def(T, '__init__', (self, args, kw) => {
    dictUpdateCommon(self as PyDict, args, kw, 'dict');
    return none();
  });
  defUn(T, '__len__', (self) => newInt((self as PyDict).t.used));
  defBin(T, '__getitem__', dictGetItem);
  def(T, '__setitem__', (self, args, kw) => {
    posArgs('__setitem__', args, kw, 2, 2);
    (self as PyDict).setItem(args[0], args[1]);
    return none();
  });
  defBin(T, '__delitem__', (self, k) => {
    if (!(self as PyDict).delItem(k)) raiseKeyError(k);
    return none();
  });
  def1(T, '__contains__', (self, k) => newBool((self as PyDict).t.contains(k, abs.hash(k))));
  defUn(T, '__iter__', (self) => T.slots.iter!(self));
  defUn(T, '__reversed__', (self) => {
    const it = misc.newSeqIter(misc.DictRevKeyIterType, self);
    it.state = new DictTableRevIter((self as PyDict).t);
    return it;
  });
  def(T, 'get', (self, args, kw) => {
    posArgs('dict.get', args, kw, 1, 2);
    const v = (self as PyDict).getItem(args[0]);
    if (v !== undefined) return newRef(v);
    return newRef(args.length > 1 ? args[1] : None);
  });
  def(T, 'setdefault', (self, args, kw) => {
    posArgs('dict.setdefault', args, kw, 1, 2);
    const d = self as PyDict;
    const dflt = args.length > 1 ? args[1] : None;
    const k = args[0];
    const before = d.t.used;
    const r = d.t.setdefault(k, abs.hash(k), dflt);
    if (d.t.used !== before && d.gcGen < 0 && (mayBeTracked(k) || mayBeTracked(dflt))) gcTrackDict(d);
    return newRef(r);
  });
  def(T, 'pop', (self, args, kw) => {
    posArgs('dict.pop', args, kw, 1, 2);
    const d = self as PyDict;
    if (d.t.used === 0) {
      if (args.length > 1) return newRef(args[1]);
      raiseKeyError(args[0]);
    }
    const v = d.t.pop(args[0], abs.hash(args[0]));
    if (v === undefined) {
      if (args.length > 1) return newRef(args[1]);
      raiseKeyError(args[0]);
    }
    return v;
  });
  def0(T, 'popitem', (self) => {
    const d = self as PyDict;
    if (!d.t.popitem()) raise(E.KeyError, 'popitem(): dictionary is empty');
    const k = d.t.outKey!;
    const v = d.t.outValue!;
    d.t.outKey = d.t.outValue = undefined;
    return newTuple([k, v]);
  });
  def0(T, 'keys', (self) => newView(misc.DictKeysType, self));
  def0(T, 'values', (self) => newView(misc.DictValuesType, self));
  def0(T, 'items', (self) => newView(misc.DictItemsType, self));
  def(T, 'update', (self, args, kw) => {
    dictUpdateCommon(self as PyDict, args, kw, 'update');
    return none();
  });
  def0(T, 'copy', (self) => dictCopy(self as PyDict));
  def0(T, 'clear', (self) => {
    (self as PyDict).t.clear();
    return none();
  });
  defClassMethod(T, 'fromkeys', (args, kw, cls) => {
    posArgs('dict.fromkeys', args, kw, 1, 2);
    const value = args.length > 1 ? args[1] : None;
    const t = cls as PyType;
    const it = args[0];
    const d = abs.call(t, [], null);
    try {
      if (d.type === DictType && d instanceof PyDict) {
        if (it instanceof PyDict && it.type === DictType && d.t.used === 0) {
          d.t.fromkeysDict(it.t, value);
          maybeTrack(d);
          return newRef(d);
        }
        if (it instanceof PySet && (it.type === SetType || it.type === FrozenSetType) && d.t.used === 0) {
          d.t.fromkeysSet(it.t, value);
          maybeTrack(d);
          return newRef(d);
        }
      }
      const iter = abs.getIter(it);
      try {
        for (;;) {
          const k = abs.iterNext(iter);
          if (!k) break;
          try {
            if (d.type === DictType) (d as PyDict).setItem(k, value);
            else abs.setItem(d, k, value);
          } finally {
            decref(k);
          }
        }
      } finally {
        decref(iter);
      }
      return newRef(d);
    } finally {
      decref(d);
    }
  });
  defBin(T, '__or__', (self, o) => {
    if (!(o instanceof PyDict)) return notImpl();
    const r = dictCopy(self as PyDict);
    try {
      dictUpdateArg(r, o);
    } catch (e) {
      decref(r);
      throw e;
    }
    return r;
  });
  defBin(T, '__ror__', (self, o) => {
    if (!(o instanceof PyDict)) return notImpl();
    const r = dictCopy(o);
    try {
      dictUpdateArg(r, self);
    } catch (e) {
      decref(r);
      throw e;
    }
    return r;
  });
  defBin(T, '__ior__', (self, o) => {
    dictUpdateArg(self as PyDict, o);
    return newRef(self);
  });
  const eq = (self: PyObject, o: PyObject): boolean =>
    (self as PyDict).t.equals((o as PyDict).t, (a, b) => {
      incref(a);
      incref(b);
      try {
        return abs.richCompareBool(a, b, abs.Cmp.EQ);
      } finally {
        decref(a);
        decref(b);
      }
    });
  defBin(T, '__eq__', (self, o) => (o instanceof PyDict ? newBool(eq(self, o)) : notImpl()));
  defBin(T, '__ne__', (self, o) => (o instanceof PyDict ? newBool(!eq(self, o)) : notImpl()));
  for (const n of ['__lt__', '__le__', '__gt__', '__ge__']) defBin(T, n, () => notImpl());
  defUn(T, '__sizeof__', (self) => newInt((self as PyDict).t.sizeof()));
  defUn(T, '__repr__', (self) => newStr(T.slots.repr!(self)));

  // ------------------------------------------------------------ views
  for (const V of [misc.DictKeysType, misc.DictValuesType, misc.DictItemsType]) {
    V.slots.repr = viewRepr;
    defUn(V, '__len__', (self) => newInt(((self as misc.PyDictView).dict as PyDict).t.used));
    defUn(V, '__iter__', (self) => V.slots.iter!(self));
    defUn(V, '__reversed__', (self) => {
      const d = (self as misc.PyDictView).dict as PyDict;
      // dictreviter_new: the items iterator gets its result holder (di_result)
      const it = misc.newSeqIter(V === misc.DictKeysType ? misc.DictRevKeyIterType : V === misc.DictValuesType ? misc.DictRevValueIterType : misc.DictRevItemIterType, d);
      it.state = new DictTableRevIter(d.t);
      if (V === misc.DictItemsType) it.result = newTuple([newRef(None), newRef(None)]);
      return it;
    });
    defUn(V, '__repr__', (self) => newStr(viewRepr(self)));
    defGetter(V, 'mapping', (self) => newRef((self as misc.PyDictView).dict));
  }
  for (const V of [misc.DictKeysType, misc.DictItemsType]) {
    defBin(V, '__contains__', (self, x) => newBool(viewContains(self, x)));
    const setop = (name: string, swap: boolean) =>
      defBin(V, name, (self, o) => {
        const [a, b] = swap ? [o, self] : [self, o];
        if (!abs.getIterOrNullSafe(b) || !abs.getIterOrNullSafe(a)) return notImpl();
        const s = setFrom(a);
        try {
          const m = abs.typeLookup(SetType, { __and__: 'intersection_update', __rand__: 'intersection_update', __or__: 'update', __ror__: 'update', __sub__: 'difference_update', __rsub__: 'difference_update', __xor__: 'symmetric_difference_update', __rxor__: 'symmetric_difference_update' }[name]!)!;
          const r = abs.callMethodObj(m, s, [b]);
          decref(r);
          return newRef(s);
        } finally {
          decref(s);
        }
      });
    for (const n of ['__and__', '__or__', '__sub__', '__xor__']) setop(n, false);
    for (const n of ['__rand__', '__ror__', '__rsub__', '__rxor__']) setop(n, true);
    def1(V, 'isdisjoint', (self, o) => {
      const it = abs.getIter(o);
      try {
        for (;;) {
          const x = abs.iterNext(it);
          if (!x) return newBool(true);
          try {
            if (viewContains(self, x)) return newBool(false);
          } finally {
            decref(x);
          }
        }
      } finally {
        decref(it);
      }
    });
    const cmp = (op: abs.Cmp) => (self: PyObject, o: PyObject) => {
      if (!(o instanceof PySet) && o.type !== misc.DictKeysType && o.type !== misc.DictItemsType) return notImpl();
      const a = abs.length(self);
      const b = abs.length(o);
      const allIn = (x: PyObject, y: PyObject): boolean => {
        const it = abs.getIter(x);
        try {
          for (;;) {
            const e = abs.iterNext(it);
            if (!e) return true;
            try {
              if (!abs.contains(y, e)) return false;
            } finally {
              decref(e);
            }
          }
        } finally {
          decref(it);
        }
      };
      let r: boolean;
      switch (op) {
        case abs.Cmp.EQ:
          r = a === b && allIn(self, o);
          break;
        case abs.Cmp.NE:
          r = !(a === b && allIn(self, o));
          break;
        case abs.Cmp.LT:
          r = a < b && allIn(self, o);
          break;
        case abs.Cmp.LE:
          r = a <= b && allIn(self, o);
          break;
        case abs.Cmp.GT:
          r = a > b && allIn(o, self);
          break;
        default:
          r = a >= b && allIn(o, self);
      }
      return newBool(r);
    };
    defBin(V, '__lt__', cmp(abs.Cmp.LT));
    defBin(V, '__le__', cmp(abs.Cmp.LE));
    defBin(V, '__eq__', cmp(abs.Cmp.EQ));
    defBin(V, '__ne__', cmp(abs.Cmp.NE));
    defBin(V, '__gt__', cmp(abs.Cmp.GT));
    defBin(V, '__ge__', cmp(abs.Cmp.GE));
    defAttr(V, '__hash__', None);
  }
  void DictTableIter;
  void PyStr;
  void dictOps;
}
