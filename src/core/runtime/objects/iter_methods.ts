// __reduce__, __setstate__ and __length_hint__ of the builtin iterators (listiter_reduce_general and
// listiter_setstate in Objects/listobject.c, tupleobject.c, unicodeobject.c, bytesobject.c,
// bytearrayobject.c, rangeobject.c, dictobject.c dictiter_reduce, setobject.c setiter_reduce,
// iterobject.c, enumobject.c, bltinmodule.c zip/map/filter): what pickle and the copy module
// (through object.__reduce_ex__) rebuild an iterator from; and the items an iterator has left
// (listiter_len and its likes), by which list(), sorted() and list.extend size their result
// (PyObject_LengthHint: sys.getsizeof shows it).

import { PyObject, PyType, newRef, decref } from '../object';
import * as abs from '../abstract';
import { raise, typeError } from '../errors';
import * as E from './exception';
import { PyInt, newInt, newBool } from './int';
import { PyStr, newStr } from './str';
import { PyList, newList } from './list';
import { PyTuple, newTuple } from './tuple';
import { PyBytes, ByteArrayIterType } from './bytes';
import { None } from './singletons';
import { PyDict } from './dict';
import { PySet } from './set';
import * as misc from './misc';
import { def, hasLen } from './common_methods';
import { NotImplemented } from './singletons';
import { newRange } from './range_slice_methods';
import { currentInterp } from '../current';

/** METH_NOARGS and METH_O methods ('list_iterator.__reduce__() takes no arguments (1 given)') */
function def0(t: PyType, name: string, fn: (self: PyObject) => PyObject): void {
  def(t, name, (self, args, kw) => {
    if (kw && kw.length) typeError(`${t.name}.${name}() takes no keyword arguments`);
    if (args.length) typeError(`${t.name}.${name}() takes no arguments (${args.length} given)`);
    return fn(self);
  });
}
function def1(t: PyType, name: string, fn: (self: PyObject, a: PyObject) => void): void {
  def(t, name, (self, args, kw) => {
    if (kw && kw.length) typeError(`${t.name}.${name}() takes no keyword arguments`);
    if (args.length !== 1) typeError(`${t.name}.${name}() takes exactly one argument (${args.length} given)`);
    fn(self, args[0]);
    return newRef(None);
  });
}

/** _PyEval_GetBuiltin: a new reference to builtins.iter / builtins.reversed */
function builtin(name: string): PyObject {
  return abs.getAttr(currentInterp.interp!.builtinsModule, name);
}

/** PyLong_AsSsize_t: an int (no __index__) */
function ssize(o: PyObject): number {
  if (!(o instanceof PyInt)) typeError('an integer is required');
  if (typeof o.v === 'bigint') raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
  return o.v;
}

/** (iter, (seq,), index), or once exhausted (iter, (empty,)) */
function seqReduce(fn: string, seq: PyObject | null, index: number, empty: () => PyObject): PyObject {
  if (seq) return newTuple([builtin(fn), newTuple([newRef(seq)]), newInt(index)]);
  return newTuple([builtin('iter'), newTuple([empty()])]);
}

/** the number of items an iterator of each kind walks (the length its setstate clamps to) */
function seqLength(it: misc.PySeqIter): number {
  const s = it.seq!;
  if (s instanceof PyList) return s.size;
  if (s instanceof PyTuple) return s.items.length;
  if (s instanceof PyStr) return s.codePoints()?.length ?? s.v.length;
  return (s as PyBytes).v.length;
}

/** the items left to an iterator of a dict or set, from a copy of its position (dictiter_reduce's
 * tmp = *di; PySequence_List(tmp)) */
function remaining(it: misc.PySeqIter, kind: 0 | 1 | 2): PyObject {
  const items: PyObject[] = [];
  type TableIter = { dict?: unknown; set?: unknown; next(): number };
  const ti = it.state as TableIter;
  const table = ti.dict ?? ti.set;
  if (it.seq && table) {
    // (the same class as the iterator's, its fields copied)
    const tmp = Object.assign(new (ti.constructor as new (t: unknown) => TableIter)(table), ti);
    const set = it.seq instanceof PySet ? it.seq : null;
    const d = it.seq as PyDict;
    try {
      for (;;) {
        const i = tmp.next();
        if (i === -2) raise(E.RuntimeError, set ? 'Set changed size during iteration' : 'dictionary changed size during iteration');
        if (i === -3) raise(E.RuntimeError, 'dictionary keys changed during iteration');
        if (i < 0) break;
        if (set) items.push(newRef(set.t.keyAt(i)));
        else if (kind === 0) items.push(newRef(d.t.keyAt(i)));
        else if (kind === 1) items.push(newRef(d.t.valueAt(i)));
        else {
          // (dictiter_iternextitem on the copy: it reuses the iterator's result tuple while
          // nobody else holds it)
          const kv = [newRef(d.t.keyAt(i)), newRef(d.t.valueAt(i))];
          items.push(misc.reuseResult(it.result, kv) ?? newTuple(kv));
        }
      }
    } catch (e) {
      for (const x of items) decref(x);
      throw e;
    }
  }
  return newTuple([builtin('iter'), newTuple([newList(items)])]);
}

/** listiter_setstate and its likes: the index, clamped to [lo, hi(it)]; nothing once exhausted */
function setIndex(it: misc.PySeqIter, state: PyObject, lo: number, hi: (it: misc.PySeqIter) => number): void {
  const index = ssize(state);
  if (it.seq) it.index = Math.max(lo, Math.min(index, hi(it)));
}

/** __length_hint__ of the iterators (Objects/listobject.c listiter_len, listreviter_len,
 * tupleobject.c tupleiter_len, unicodeobject.c unicodeiter_len, bytesobject.c striter_len,
 * bytearrayobject.c bytearrayiter_length_hint, rangeobject.c rangeiter_len, dictobject.c
 * dictiter_len, setobject.c setiter_len, enumobject.c reversed_len, iterobject.c iter_len) */
function installLengthHints(): void {
  const hint = (T: PyType, fn: (self: PyObject) => number | null) =>
    def0(T, '__length_hint__', (self) => {
      const n = fn(self);
      return n === null ? newRef(NotImplemented) : newInt(n);
    });
  // the sequence's length less the index, 0 once exhausted (bytearray's clamped at 0)
  for (const T of [misc.ListIterType, misc.TupleIterType, misc.StrIterType, misc.StrUnicodeIterType, misc.BytesIterType, ByteArrayIterType]) {
    hint(T, (self) => {
      const it = self as misc.PySeqIter;
      return it.seq ? Math.max(0, seqLength(it) - it.index) : 0;
    });
  }
  hint(misc.ListRevIterType, (self) => {
    const it = self as misc.PySeqIter;
    const index = it.index + 1;
    return it.seq === null || (it.seq as PyList).size < index ? 0 : index;
  });
  hint(misc.RangeIterType, (self) => (self as misc.PyRangeIter).remaining);
  // dictiter_len / setiter_len: what is left, while the size has not changed
  for (const T of [misc.DictKeyIterType, misc.DictValueIterType, misc.DictItemIterType, misc.DictRevKeyIterType, misc.DictRevValueIterType, misc.DictRevItemIterType, misc.SetIterType]) {
    hint(T, (self) => {
      const st = (self as misc.PySeqIter).state as { lengthHint(): number } | null;
      return st === null ? 0 : st.lengthHint();
    });
  }
  // reversed_len: index + 1, or 0 when the sequence got shorter (or it is exhausted)
  hint(misc.ReversedType, (self) => {
    const r = self as misc.PyChainIter;
    if (!r.parts.length) return 0;
    const size = abs.length(r.parts[0]);
    const position = (r.count as number) + 1;
    return size < position ? 0 : position;
  });
  // iter_len: NotImplemented for a sequence without __len__
  hint(misc.SeqIterType, (self) => {
    const it = self as misc.PySeqIter;
    if (it.seq) {
      if (!hasLen(it.seq)) return null;
      const len = abs.length(it.seq) - it.index;
      if (len >= 0) return len;
    }
    return 0;
  });
}

export function installIterMethods(): void {
  installLengthHints();
  const seqTypes: [PyType, () => PyObject][] = [
    [misc.ListIterType, () => newList([])],
    [misc.TupleIterType, () => newTuple([])],
    [misc.StrIterType, () => newStr('')],
    [misc.StrUnicodeIterType, () => newStr('')],
    [misc.BytesIterType, () => newTuple([])],
    [ByteArrayIterType, () => newTuple([])],
  ];
  for (const [T, empty] of seqTypes) {
    def0(T, '__reduce__', (self) => {
      const it = self as misc.PySeqIter;
      return seqReduce('iter', it.seq, it.index, empty);
    });
    def1(T, '__setstate__', (self, state) => setIndex(self as misc.PySeqIter, state, 0, (it) => seqLength(it)));
  }
  // listreviter: reversed(list) and the position; exhausted, iter([])
  def0(misc.ListRevIterType, '__reduce__', (self) => {
    const it = self as misc.PySeqIter;
    return seqReduce('reversed', it.seq, it.index, () => newList([]));
  });
  def1(misc.ListRevIterType, '__setstate__', (self, state) => setIndex(self as misc.PySeqIter, state, -1, (it) => (it.seq as PyList).size - 1));
  // seqiter (iterobject.c iter_reduce / iter_setstate): no upper bound
  def0(misc.SeqIterType, '__reduce__', (self) => {
    const it = self as misc.PySeqIter;
    return seqReduce('iter', it.seq, it.index, () => newTuple([]));
  });
  def1(misc.SeqIterType, '__setstate__', (self, state) => setIndex(self as misc.PySeqIter, state, 0, () => Infinity));
  // rangeiter_reduce: iter(range(start, start + len * step, step)) and the items taken
  def0(misc.RangeIterType, '__reduce__', (self) => {
    const it = self as misc.PyRangeIter;
    const index = it.len - it.remaining;
    const start = it.next - index * it.step;
    const r = newRange(start, start + it.len * it.step, it.step);
    return newTuple([builtin('iter'), newTuple([r]), newInt(index)]);
  });
  def1(misc.RangeIterType, '__setstate__', (self, state) => {
    // (PyLong_AsLong: __index__)
    const it = self as misc.PyRangeIter;
    const v = abs.index(state);
    if (typeof v === 'bigint') raise(E.OverflowError, 'Python int too large to convert to C long');
    const index = v < 0 ? 0 : v > it.len ? it.len : v;
    const start = it.next - (it.len - it.remaining) * it.step;
    it.remaining = it.len - index;
    it.next = start + index * it.step;
  });
  // dictiter_reduce / setiter_reduce: iter(list of what is left)
  const dictKinds: [PyType, 0 | 1 | 2][] = [
    [misc.DictKeyIterType, 0],
    [misc.DictValueIterType, 1],
    [misc.DictItemIterType, 2],
    [misc.DictRevKeyIterType, 0],
    [misc.DictRevValueIterType, 1],
    [misc.DictRevItemIterType, 2],
    [misc.SetIterType, 0],
  ];
  for (const [T, kind] of dictKinds) def0(T, '__reduce__', (self) => remaining(self as misc.PySeqIter, kind));
  // calliter_reduce: iter(callable, sentinel), or iter(()) once exhausted
  def0(misc.CallIterType, '__reduce__', (self) => {
    const p = (self as misc.PyChainIter).parts;
    if (p.length) return newTuple([builtin('iter'), newTuple([newRef(p[0]), newRef(p[1])])]);
    return newTuple([builtin('iter'), newTuple([newTuple([])])]);
  });
  // enum_reduce: type(e)(iterator, index)
  def0(misc.EnumerateType, '__reduce__', (self) => {
    const e = self as misc.PyChainIter;
    return newTuple([newRef(e.type), newTuple([newRef(e.parts[0]), newInt(e.count)])]);
  });
  // zip_reduce: type(z) and the tuple of iterators, and True when strict; zip_setstate
  def0(misc.ZipType, '__reduce__', (self) => {
    const z = self as misc.PyChainIter;
    const its = z.parts.length ? newRef(z.parts[0]) : newTuple([]);
    return newTuple(z.count === 1 ? [newRef(z.type), its, newBool(true)] : [newRef(z.type), its]);
  });
  def1(misc.ZipType, '__setstate__', (self, state) => {
    (self as misc.PyChainIter).count = abs.isTrue(state) ? 1 : 0;
  });
  // map_reduce: type(m)(func, *iterators)
  def0(misc.MapType, '__reduce__', (self) => {
    const m = self as misc.PyChainIter;
    const its = (m.parts[0] as PyTuple).items;
    return newTuple([newRef(m.type), newTuple([newRef(m.parts[1]), ...its.map((x) => newRef(x))])]);
  });
  // filter_reduce: type(f)(func, iterator)
  def0(misc.FilterType, '__reduce__', (self) => {
    const f = self as misc.PyChainIter;
    return newTuple([newRef(f.type), newTuple([newRef(f.parts[0]), newRef(f.parts[1])])]);
  });
  // reversed_reduce / reversed_setstate
  def0(misc.ReversedType, '__reduce__', (self) => {
    const r = self as misc.PyChainIter;
    if (r.parts.length) return newTuple([newRef(r.type), newTuple([newRef(r.parts[0])]), newInt(r.count)]);
    return newTuple([newRef(r.type), newTuple([newTuple([])])]);
  });
  def1(misc.ReversedType, '__setstate__', (self, state) => {
    const r = self as misc.PyChainIter;
    let index = ssize(state);
    if (r.parts.length) {
      const n = abs.length(r.parts[0]);
      if (index < -1) index = -1;
      else if (index > n - 1) index = n - 1;
      r.count = index;
    }
  });
}
