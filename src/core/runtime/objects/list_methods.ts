// Methods of list (Objects/listobject.c).

import { PyObject, PyType, TypeFlags, newRef, decref, incref } from '../object';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import { PyList, ListType, listAppend, newList, pushItem } from './list';
import { PyTuple } from './tuple';
import { gcNewTracked, gcNewGenericAlloc } from './tuple';
import { PyInt, newInt, newBool } from './int';
import { newStr } from './str';
import { None } from './singletons';
import { PySlice, PySeqIter, ListRevIterType, newSeqIter } from './misc';
import { parseArgs, defAttr } from '../define';
import { sortList } from '../../modules/shared';
import { MAX_LIST_ITEMS } from './list';
import { def, def0, def1, defBin, defUn, posArgs, notImpl, none, sliceIndices, seqIndexOf, optIndex, lengthHint, hasLen, sizeOrNone, repeatCount, seqRichCompare, hasIndex, withTypeEdge } from './common_methods';

const PyListSub = withTypeEdge(PyList);

/** A fresh (empty) list of type t (list_new / PyType_GenericAlloc for subclasses). */
export function allocList(t: PyType): PyList {
  if (t === ListType) return newList([]);
  const l = new PyListSub(t, []);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  gcNewTracked(l);
  return l;
}

/** Borrowed items of a list or tuple, else null. */
function fastItems(o: PyObject): PyObject[] | null {
  if (o instanceof PyList || o instanceof PyTuple) return o.items;
  return null;
}

/** list.extend(iterable) (list_extend), with CPython's resizing. */
export function listExtend(l: PyList, it: PyObject): void {
  const fast = fastItems(it);
  if (fast) {
    const n = fast.length;
    if (n === 0) return;
    const src = fast === l.items ? fast.slice() : fast;
    // list_extend: an empty list with no item array is preallocated (list_preallocate_exact:
    // rounded up to an even number of items)
    if (l.allocated === 0) l.allocated = (n + 1) & ~1;
    else l.resized(l.items.length + n);
    for (const x of src) l.items.push(newRef(x));
    return;
  }
  const iter = abs.getIter(it);
  try {
    const hint = lengthHint(it, 8);
    // (the guess is allocated at once: one RefScope cannot hold fails now, as CPython's
    // PyMem_New / list_resize of such a size does, instead of after MAX_LIST_ITEMS appends)
    if (hint > MAX_LIST_ITEMS) raise(E.MemoryError, null);
    const m = l.size;
    if (l.allocated === 0) {
      if (hint > 0) l.allocated = (hint + 1) & ~1; // ob_item == NULL: list_preallocate_exact
    } else if (m + hint > m) l.resized(m + hint);
    for (;;) {
      const x = abs.iterNext(iter);
      if (!x) break;
      if (l.size < l.allocated) pushItem(l, x);
      else listAppend(l, x);
    }
    if (l.size < l.allocated) l.resized(l.size);
  } finally {
    decref(iter);
  }
}

/** list_ass_slice(ilow, ihigh, items): `items` are borrowed. Releases the old items last-to-first. */
export function listAssSlice(l: PyList, ilow: number, ihigh: number, items: PyObject[]): void {
  const a = l.items;
  const len = a.length;
  if (ilow < 0) ilow = 0;
  else if (ilow > len) ilow = len;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > len) ihigh = len;
  const norig = ihigh - ilow;
  const n = items.length;
  const d = n - norig;
  if (len + d === 0) {
    listClear(l);
    return;
  }
  const recycle = a.slice(ilow, ihigh);
  if (d !== 0) l.resized(len + d);
  for (const x of items) incref(x);
  l.items.splice(ilow, norig, ...items);
  for (let k = recycle.length - 1; k >= 0; k--) decref(recycle[k]);
}

/** _list_clear: items released last-to-first, storage freed. */
export function listClear(l: PyList): void {
  const items = l.items;
  l.items = [];
  l.allocated = 0;
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]);
}

function listIndexItem(l: PyList, k: PyObject): PyObject {
  let i = seqIndexOf(k, 'list');
  const n = l.size;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(E.IndexError, 'list index out of range');
  return newRef(l.itemAt(i));
}

export function listGetItem(self: PyObject, k: PyObject): PyObject {
  const l = self as PyList;
  if (k instanceof PySlice) {
    const [start, , step, n] = sliceIndices(k, l.items.length);
    const out: PyObject[] = [];
    for (let i = 0, cur = start; i < n; i++, cur += step) out.push(newRef(l.items[cur]));
    return newList(out);
  }
  if (!hasIndex(k)) typeError(`list indices must be integers or slices, not ${k.type.name}`);
  return listIndexItem(l, k);
}

function listSetItem(l: PyList, k: PyObject, v: PyObject | null): void {
  if (k instanceof PySlice) {
    const [start0, stop0, step0, n] = sliceIndices(k, l.items.length);
    if (step0 === 1) {
      if (v === null) {
        listAssSlice(l, start0, stop0, []);
        return;
      }
      let items: PyObject[];
      let owned: PyObject[] | null = null;
      const fast = fastItems(v);
      if (fast) items = v === l ? fast.slice() : fast;
      else {
        if (!abs.getIterOrNullSafe(v)) typeError('can only assign an iterable');
        owned = abs.toArray(v);
        items = owned;
      }
      try {
        listAssSlice(l, start0, stop0, items);
      } finally {
        if (owned) for (const x of owned) decref(x);
      }
      return;
    }
    if (v === null) {
      if (n <= 0) return;
      let start = start0;
      let step = step0;
      if (step < 0) {
        const stop = start + 1;
        start = stop + step * (n - 1) - 1;
        step = -step;
      }
      const garbage: PyObject[] = [];
      const keep: PyObject[] = [];
      const items = l.items;
      let next = start;
      let taken = 0;
      for (let i = 0; i < items.length; i++) {
        if (taken < n && i === next) {
          garbage.push(items[i]);
          taken++;
          next += step;
        } else keep.push(items[i]);
      }
      l.resized(items.length - n);
      l.items = keep;
      for (const g of garbage) decref(g);
      return;
    }
    // extended slice assignment
    let seq: PyObject[];
    let owned: PyObject[] | null = null;
    const fast = fastItems(v);
    if (fast) seq = fast.slice();
    else {
      if (!abs.getIterOrNullSafe(v)) typeError('must assign iterable to extended slice');
      owned = abs.toArray(v);
      seq = owned;
    }
    try {
      if (seq.length !== n) raise(E.ValueError, `attempt to assign sequence of size ${seq.length} to extended slice of size ${n}`);
      if (n === 0) return;
      const garbage: PyObject[] = [];
      for (let i = 0, cur = start0; i < n; i++, cur += step0) {
        garbage.push(l.items[cur]);
        l.items[cur] = newRef(seq[i]);
      }
      for (const g of garbage) decref(g);
    } finally {
      if (owned) for (const x of owned) decref(x);
    }
    return;
  }
  if (!hasIndex(k)) typeError(`list indices must be integers or slices, not ${k.type.name}`);
  let i = seqIndexOf(k, 'list');
  const len = l.items.length;
  if (i < 0) i += len;
  if (i < 0 || i >= len) raise(E.IndexError, 'list assignment index out of range');
  if (v === null) {
    listAssSlice(l, i, i + 1, []);
    return;
  }
  const old = l.items[i];
  l.items[i] = newRef(v);
  decref(old);
}

/** binary op helpers: return NotImplemented when the other operand's type may handle it in Python */
export function otherMayReflect(o: PyObject, rname: string): boolean {
  const f = abs.typeLookup(o.type, rname);
  if (!f || f.type.flags & TypeFlags.METHOD_DESCRIPTOR) return false;
  // a builtin sequence's __rmul__ is its sq_repeat, which PyNumber_Multiply only tries for the
  // left operand: `[0] * "a"` names the str ("can't multiply sequence by non-int of type 'str'")
  if (rname === '__rmul__' && abs.isSequenceSlot(f)) return false;
  return true;
}

export function installListMethods(): void {
  const T = ListType;
  // list_vectorcall / PyType_GenericNew: tp_alloc is PyType_GenericAlloc, never the free list
  T.slots.new = (t) => {
    if (t !== ListType) return allocList(t);
    const l = new PyList(ListType, []);
    gcNewGenericAlloc(l, true);
    return l;
  };
  T.slots.init = (self, args, kw) => {
    if (kw && kw.length && self.type === ListType) typeError('list() takes no keyword arguments');
    const npos = args.length - (kw ? kw.length : 0);
    if (npos > 1) typeError(`list expected at most 1 argument, got ${npos}`);
    const l = self as PyList;
    if (l.items.length) listClear(l);
    if (npos === 1) {
      const it = args[0];
      // list___init___impl: a sized iterable's size (a TypeError from __len__: no guess)
      if (hasLen(it)) {
        const n = sizeOrNone(it);
        if (n > MAX_LIST_ITEMS) raise(E.MemoryError, null);
        if (n > 0 && l.allocated === 0) l.allocated = (n + 1) & ~1; // list_preallocate_exact
      }
      listExtend(l, it);
    }
  };
  T.slots.len = (o) => (o as PyList).size;
  defAttr(T, '__hash__', None);
  def(T, '__init__', (self, args, kw) => {
    T.slots.init!(self, args, kw);
    return none();
  });
  def1(T, 'append', (self, x) => {
    listAppend(self as PyList, newRef(x));
    return none();
  });
  def1(T, 'extend', (self, x) => {
    listExtend(self as PyList, x);
    return none();
  });
  def(T, 'insert', (self, args, kw) => {
    posArgs('list.insert', args, kw, 2, 2);
    const l = self as PyList;
    let i = abs.asIndex(args[0]);
    const n = l.items.length;
    if (i < 0) {
      i += n;
      if (i < 0) i = 0;
    }
    if (i > n) i = n;
    l.resized(n + 1);
    l.items.splice(i, 0, newRef(args[1]));
    return none();
  });
  def(T, 'pop', (self, args, kw) => {
    posArgs('list.pop', args, kw, 0, 1);
    const l = self as PyList;
    let i = args.length ? abs.asIndex(args[0]) : -1;
    const n = l.items.length;
    if (n === 0) raise(E.IndexError, 'pop from empty list');
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(E.IndexError, 'pop index out of range');
    const v = l.items[i];
    if (i === n - 1) {
      l.resized(n - 1);
      l.items.pop();
      return v;
    }
    incref(v);
    listAssSlice(l, i, i + 1, []);
    return v;
  });
  def1(T, 'remove', (self, x) => {
    const l = self as PyList;
    for (let i = 0; i < l.items.length; i++) {
      const item = l.items[i];
      incref(item);
      let eq: boolean;
      try {
        eq = abs.richCompareBool(item, x, abs.Cmp.EQ);
      } finally {
        decref(item);
      }
      if (eq) {
        listAssSlice(l, i, i + 1, []);
        return none();
      }
    }
    raise(E.ValueError, 'list.remove(x): x not in list');
  });
  def(T, 'index', (self, args, kw) => {
    posArgs('list.index', args, kw, 1, 3);
    const l = self as PyList;
    const start = optIndex(args[1], 0, l.items.length);
    const stop = optIndex(args[2], Number.MAX_SAFE_INTEGER, l.items.length);
    for (let i = start; i < stop && i < l.items.length; i++) {
      const item = l.items[i];
      incref(item);
      let eq: boolean;
      try {
        eq = abs.richCompareBool(item, args[0], abs.Cmp.EQ);
      } finally {
        decref(item);
      }
      if (eq) return newInt(i);
    }
    raise(E.ValueError, `${abs.repr(args[0])} is not in list`);
  });
  def1(T, 'count', (self, x) => {
    const l = self as PyList;
    let c = 0;
    for (let i = 0; i < l.items.length; i++) {
      const item = l.items[i];
      if (item === x) {
        c++;
        continue;
      }
      incref(item);
      try {
        if (abs.richCompareBool(item, x, abs.Cmp.EQ)) c++;
      } finally {
        decref(item);
      }
    }
    return newInt(c);
  });
  def0(T, 'clear', (self) => {
    listClear(self as PyList);
    return none();
  });
  def0(T, 'copy', (self) => newList((self as PyList).items.map(newRef)));
  def0(T, 'reverse', (self) => {
    (self as PyList).items.reverse();
    return none();
  });
  def(T, 'sort', (self, args, kw) => {
    const npos = args.length - (kw ? kw.length : 0);
    if (npos > 0) typeError('sort() takes no positional arguments');
    const [key, reverse] = parseArgs({ name: 'sort', params: ['*', 'key', 'reverse'], clinic: 'list.sort' }, args, kw);
    // (clinic's `reverse: bool(accept={int})`: an int, or something with __index__)
    sortList(self as PyList, key && key !== None ? key : null, reverse ? abs.asIndex(reverse) !== 0 : false);
    return none();
  });
  defUn(T, '__len__', (self) => newInt((self as PyList).size));
  defBin(T, '__getitem__', listGetItem);
  def(T, '__setitem__', (self, args, kw) => {
    posArgs('__setitem__', args, kw, 2, 2);
    listSetItem(self as PyList, args[0], args[1]);
    return none();
  });
  defBin(T, '__delitem__', (self, k) => {
    listSetItem(self as PyList, k, null);
    return none();
  });
  defBin(T, '__contains__', (self, x) => {
    const l = self as PyList;
    for (let i = 0; i < l.items.length; i++) {
      const item = l.items[i];
      if (item === x) return newBool(true);
      incref(item);
      try {
        if (abs.richCompareBool(item, x, abs.Cmp.EQ)) return newBool(true);
      } finally {
        decref(item);
      }
    }
    return newBool(false);
  });
  defUn(T, '__iter__', (self) => newSeqIter(misc_ListIter(), self));
  defUn(T, '__reversed__', (self) => {
    const it = newSeqIter(ListRevIterType, self);
    (it as PySeqIter).index = (self as PyList).items.length - 1;
    return it;
  });
  defBin(T, '__add__', (self, o) => {
    if (!(o instanceof PyList)) {
      if (otherMayReflect(o, '__radd__')) return notImpl();
      typeError(`can only concatenate list (not "${o.type.name}") to list`);
    }
    const a = (self as PyList).items;
    return newList([...a, ...o.items].map(newRef));
  });
  defBin(T, '__iadd__', (self, o) => {
    listExtend(self as PyList, o);
    return newRef(self);
  });
  const mul = (self: PyObject, o: PyObject): PyObject => {
    const n = repeatCount(o);
    if (n === null) {
      if (otherMayReflect(o, '__rmul__')) return notImpl();
      typeError(`can't multiply sequence by non-int of type '${o.type.name}'`);
    }
    const a = (self as PyList).items;
    if (a.length === 0 || n === 0) return newList([]);
    if (a.length * n > MAX_LIST_ITEMS) raise(E.MemoryError, null);
    const out: PyObject[] = [];
    for (let k = 0; k < n; k++) for (const x of a) out.push(newRef(x));
    return newList(out);
  };
  defBin(T, '__mul__', mul);
  defBin(T, '__rmul__', mul);
  defBin(T, '__imul__', (self, o) => {
    const n = repeatCount(o);
    if (n === null) typeError(`can't multiply sequence by non-int of type '${o.type.name}'`);
    const l = self as PyList;
    if (n === 0 || l.items.length === 0) {
      listClear(l);
      return newRef(self);
    }
    if (n === 1) return newRef(self);
    // list_inplace_repeat: PyErr_NoMemory past the largest list
    if (l.items.length * n > MAX_LIST_ITEMS) raise(E.MemoryError, null);
    const a = l.items.slice();
    l.resized(a.length * n);
    for (let k = 1; k < n; k++) for (const x of a) l.items.push(newRef(x));
    return newRef(self);
  });
  const cmp = (op: abs.Cmp) => (self: PyObject, o: PyObject) => {
    if (!(o instanceof PyList)) return notImpl();
    return seqRichCompare((self as PyList).items, o.items, op, true);
  };
  defBin(T, '__lt__', cmp(abs.Cmp.LT));
  defBin(T, '__le__', cmp(abs.Cmp.LE));
  defBin(T, '__eq__', cmp(abs.Cmp.EQ));
  defBin(T, '__ne__', cmp(abs.Cmp.NE));
  defBin(T, '__gt__', cmp(abs.Cmp.GT));
  defBin(T, '__ge__', cmp(abs.Cmp.GE));
  defUn(T, '__sizeof__', (self) => newInt(40 + 8 * (self as PyList).allocated));
  defUn(T, '__repr__', (self) => newStr(T.slots.repr!(self)));
  void PyInt;
}

import { ListIterType } from './misc';
function misc_ListIter(): PyType {
  return ListIterType;
}
