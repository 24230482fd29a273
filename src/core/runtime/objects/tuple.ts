// tuple (Objects/tupleobject.c). The empty tuple is shared.

import { PyObject, IMMORTAL_RC, TypeFlags, Edge, decref, type PyType, type Visit } from '../object';
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

/** set by gc.ts: registers a fresh gc object (count[0] += 1, tracked in generation 0) */
export let gcNewTracked: (o: PyObject) => void = () => {};
export let gcNewUntracked: (o: PyObject) => void = () => {};
/** a fresh tracked tuple allocated with `size` items (filled later) */
export let gcNewTupleSized: (o: PyObject, size: number) => void = () => {};
/** a fresh object from PyType_GenericAlloc (counted even when its type has a free list) */
export let gcNewGenericAlloc: (o: PyObject, track: boolean) => void = () => {};
export function setGenericAllocHook(f: (o: PyObject, track: boolean) => void): void {
  gcNewGenericAlloc = f;
}
export function setGcHooks(tracked: (o: PyObject) => void, untracked: (o: PyObject) => void, sized?: (o: PyObject, size: number) => void): void {
  gcNewTracked = tracked;
  gcNewUntracked = untracked;
  if (sized) gcNewTupleSized = sized;
}
