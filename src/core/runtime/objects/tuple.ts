// tuple (Objects/tupleobject.c). The empty tuple is shared.

import { PyObject, IMMORTAL_RC, TypeFlags, Edge, decref, newRef, type PyType, type Visit } from '../object';
import { None } from './singletons';
import { makeType } from '../types';

export class PyTuple extends PyObject {
  constructor(
    type: PyType,
    /** owned references */
    public items: PyObject[],
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    const it = this.items;
    for (let i = 0; i < it.length; i++) visit(it[i], Edge.ITEM, i);
  }
  /** tupledealloc: items last-to-first */
  override dealloc(): void {
    const it = this.items;
    this.items = [];
    for (let i = it.length - 1; i >= 0; i--) decref(it[i]);
  }
}

export const TupleType = makeType('tuple', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.TUPLE_SUBCLASS, 24, 8);
export const EmptyTuple = new PyTuple(TupleType, []);
EmptyTuple.rc = IMMORTAL_RC + 550;

/** Build a tuple that takes ownership of `items` (the references are stolen). */
export function newTuple(items: PyObject[]): PyTuple {
  if (items.length === 0) {
    EmptyTuple.rc++;
    return EmptyTuple;
  }
  const t = new PyTuple(TupleType, items);
  gcNewTracked(t);
  return t;
}

/** A new tuple object with room for `size` items that the caller fills (PyTuple_New(size)):
 * counted and tracked as a tuple of that size (free list). */
export function newTupleSized(size: number): PyTuple {
  const t = new PyTuple(TupleType, []);
  gcNewTupleSized(t, size);
  return t;
}

/**
 * Release a tuple from newTupleSized that got fewer items than its size (a partly filled
 * PyTuple_New(size), or _PyTuple_Resize shrinking it away): None placeholders stand for the
 * NULL slots, so that tupledealloc puts it on the free list of its allocated size.
 */
export function releaseUnfilledTuple(t: PyTuple, size: number): void {
  const items = t.items;
  while (items.length < size) items.push(newRef(None));
  decref(t);
}

/** set by gc.ts (gcNewObject): registers a fresh gc object (count[0] += 1, tracked in generation 0) */
export let gcNewTracked: (o: PyObject) => void = () => {};
export let gcNewUntracked: (o: PyObject) => void = () => {};
/** a fresh tracked tuple allocated with `size` items (filled later) */
export let gcNewTupleSized: (o: PyObject, size: number) => void = () => {};
/** a fresh object from PyType_GenericAlloc (counted even when its type has a free list) */
export let gcNewGenericAlloc: (o: PyObject, track: boolean) => void = () => {};

/** The gc.ts allocation entry point behind the hooks above: gcNewObject(o, track, tupleSize, generic). */
export function setGcAllocHook(alloc: (o: PyObject, track: boolean, tupleSize: number, generic: boolean) => void): void {
  gcNewTracked = (o) => alloc(o, true, -1, false);
  gcNewUntracked = (o) => alloc(o, false, -1, false);
  gcNewTupleSized = (o, n) => alloc(o, true, n, false);
  gcNewGenericAlloc = (o, track) => alloc(o, track, -1, true);
}
