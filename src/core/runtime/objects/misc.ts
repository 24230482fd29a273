// range, slice, iterators and dict views (Objects/rangeobject.c, sliceobject.c, listobject.c
// listiter, tupleobject.c tupleiter, dictobject.c dictiter/views, enumobject.c, bltinmodule.c
// map/filter/zip).

import { PyObject, TypeFlags, Edge, decref, xdecref, incref, settleShape, type PyType, type Visit } from '../object';
import { makeType } from '../types';
import type { Int } from '../numeric';
import { gcNewTracked } from './tuple';

export const RangeType = makeType('range', null, 0, 48);
export class PyRange extends PyObject {
  constructor(
    public start: Int,
    public stop: Int,
    public step: Int,
    public len: Int,
  ) {
    super(RangeType);
  }
}

export const SliceType = makeType('slice', null, TypeFlags.HAVE_GC, 40);
export class PySlice extends PyObject {
  constructor(
    public start: PyObject,
    public stop: PyObject,
    public step: PyObject,
  ) {
    super(SliceType);
  }
  override traverse(visit: Visit): void {
    visit(this.start, Edge.OTHER, 'start');
    visit(this.stop, Edge.OTHER, 'stop');
    visit(this.step, Edge.OTHER, 'step');
  }
  override dealloc(): void {
    decref(this.step);
    decref(this.start);
    decref(this.stop);
  }
}

/**
 * A sequence iterator (list_iterator, tuple_iterator, str_ascii_iterator, set_iterator,
 * dict_keyiterator, ...): holds its sequence until exhausted (listiter_next sets it_seq = NULL).
 */
export class PySeqIter extends PyObject {
  index = 0;
  /** table iterator state for sets/dicts */
  state: unknown = null;
  /** the reused result tuple of dict item iterators (di_result) */
  result: PyObject | null = null;
  constructor(
    type: PyType,
    public seq: PyObject | null,
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    if (this.seq) visit(this.seq, Edge.ITERATED, 'iterated object');
    if (this.result) visit(this.result, Edge.OTHER, 'result tuple');
  }
  override dealloc(): void {
    const s = this.seq;
    this.seq = null;
    const r = this.result;
    this.result = null;
    xdecref(s);
    xdecref(r);
  }
  /** exhausted: drop the sequence */
  exhaust(): void {
    const s = this.seq;
    if (s) {
      this.seq = null;
      decref(s);
    }
  }
}

export const ListIterType = makeType('list_iterator', null, TypeFlags.HAVE_GC, 32);
export const ListRevIterType = makeType('list_reverseiterator', null, TypeFlags.HAVE_GC, 32);
export const TupleIterType = makeType('tuple_iterator', null, TypeFlags.HAVE_GC, 32);
export const StrIterType = makeType('str_ascii_iterator', null, TypeFlags.HAVE_GC, 32);
/** PyUnicodeIter_Type: the iterator of a str that is not all ASCII (unicode_iter picks by
 * PyUnicode_IS_COMPACT_ASCII) */
export const StrUnicodeIterType = makeType('str_iterator', null, TypeFlags.HAVE_GC, 32);
const NON_ASCII = /[^\x00-\x7f]/;
/** iter(str) */
export function newStrIter(s: PyObject & { v: string }): PySeqIter {
  return newSeqIter(NON_ASCII.test(s.v) ? StrUnicodeIterType : StrIterType, s);
}
export const SetIterType = makeType('set_iterator', null, TypeFlags.HAVE_GC, 48);
export const DictKeyIterType = makeType('dict_keyiterator', null, TypeFlags.HAVE_GC, 56);
export const DictValueIterType = makeType('dict_valueiterator', null, TypeFlags.HAVE_GC, 56);
export const DictItemIterType = makeType('dict_itemiterator', null, TypeFlags.HAVE_GC, 56);
// reversed(dict), reversed(dict.keys()/values()/items()): PyDictRevIter*_Type
export const DictRevKeyIterType = makeType('dict_reversekeyiterator', null, TypeFlags.HAVE_GC, 56);
export const DictRevValueIterType = makeType('dict_reversevalueiterator', null, TypeFlags.HAVE_GC, 56);
export const DictRevItemIterType = makeType('dict_reverseitemiterator', null, TypeFlags.HAVE_GC, 56);
export const RangeIterType = makeType('range_iterator', null, 0, 48);
export const CallIterType = makeType('callable_iterator', null, TypeFlags.HAVE_GC, 32);
export const SeqIterType = makeType('iterator', null, TypeFlags.HAVE_GC, 32);
export const BytesIterType = makeType('bytes_iterator', null, TypeFlags.HAVE_GC, 32);

export function newSeqIter(type: PyType, seq: PyObject): PySeqIter {
  incref(seq);
  const it = new PySeqIter(type, seq);
  if (type.flags & TypeFlags.HAVE_GC) gcNewTracked(it);
  return it;
}

export class PyRangeIter extends PyObject {
  constructor(
    public next: number,
    public step: number,
    public remaining: number,
    /** the items in all (rangeiter's len: __reduce__ and __setstate__ count from the start) */
    public readonly len = remaining,
  ) {
    super(RangeIterType);
  }
}
export const LongRangeIterType = makeType('longrange_iterator', null, 0, 48);

export const DictKeysType = makeType('dict_keys', null, TypeFlags.HAVE_GC, 24);
export const DictValuesType = makeType('dict_values', null, TypeFlags.HAVE_GC, 24);
export const DictItemsType = makeType('dict_items', null, TypeFlags.HAVE_GC, 24);
export class PyDictView extends PyObject {
  constructor(
    type: PyType,
    public dict: PyObject,
  ) {
    super(type);
    incref(dict);
  }
  override traverse(visit: Visit): void {
    visit(this.dict, Edge.ITERATED, 'mapping');
  }
  override dealloc(): void {
    decref(this.dict);
  }
}

/** enumerate, zip, map, filter, reversed: iterators over other iterators */
export class PyChainIter extends PyObject {
  count: Int = 0;
  /** owned references */
  parts: PyObject[];
  /** a reused result tuple (enumerate/zip reuse theirs when nobody else holds it) */
  result: PyObject | null = null;
  constructor(type: PyType, parts: PyObject[]) {
    super(type);
    this.parts = parts;
  }
  override traverse(visit: Visit): void {
    for (const p of this.parts) visit(p, Edge.ITERATED, 'iterator');
    if (this.result) visit(this.result, Edge.OTHER, 'result tuple');
  }
  override dealloc(): void {
    const p = this.parts;
    this.parts = [];
    const r = this.result;
    this.result = null;
    for (const x of p) decref(x);
    xdecref(r);
  }
}
export const EnumerateType = makeType('enumerate', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 56);
export const ZipType = makeType('zip', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 48);
export const MapType = makeType('map', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 32);
export const FilterType = makeType('filter', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 32);
export const ReversedType = makeType('reversed', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 32);

export function newChainIter(type: PyType, parts: PyObject[]): PyChainIter {
  const it = new PyChainIter(type, parts);
  gcNewTracked(it);
  return it;
}

/**
 * Reuse a cached 2+-tuple when nobody else holds it (enum_next, zip_next, dictiter_iternextitem).
 * `items` are new references that replace the old ones. Returns a new reference, or null when the
 * cache cannot be reused.
 */
export function reuseResult(cache: PyObject | null, items: PyObject[]): PyObject | null {
  if (!cache || cache.rc !== 1) return null;
  const t = cache as unknown as { items: PyObject[] };
  cache.rc++;
  const old = t.items.slice();
  for (let i = 0; i < items.length; i++) t.items[i] = items[i];
  for (const o of old) decref(o);
  if (cache.gcGen < 0) retrackHook(cache);
  return cache;
}
let retrackHook: (o: PyObject) => void = () => {};
export function setRetrackHook(f: (o: PyObject) => void): void {
  retrackHook = f;
}

// (object.ts settleShape: the first range, slice and iterators of a program's run would change
// their maps' fields while evalLoop is compiled; throwaways take those writes now)
{
  const r = new PyRange(0, 1, 1, 1);
  settleShape(r);
  settleShape(new PySlice(r, r, r));
  settleShape(new PySeqIter(ListIterType, null), ['index', 'seq', 'result']);
  settleShape(new PyRangeIter(0, 1, 1), ['next', 'remaining']);
  settleShape(new PyChainIter(ZipType, []), ['count', 'parts', 'result']);
}
