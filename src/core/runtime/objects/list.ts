// list (Objects/listobject.c), with CPython's over-allocation so that sys.getsizeof matches.

import { PyObject, TypeFlags, Edge, decref, type PyType, type Visit } from '../object';
import { makeType } from '../types';
import { gcNewTracked } from './tuple';

export class PyList extends PyObject {
  /** allocated slots (list_resize), for getsizeof */
  allocated: number;
  constructor(
    type: PyType,
    /** owned references */
    public items: PyObject[],
  ) {
    super(type);
    this.allocated = items.length;
  }
  override traverse(visit: Visit): void {
    const it = this.items;
    for (let i = 0; i < it.length; i++) visit(it[i], Edge.ITEM, i);
  }
  /** list_dealloc: items last-to-first */
  override dealloc(): void {
    const it = this.items;
    this.items = [];
    this.allocated = 0;
    for (let i = it.length - 1; i >= 0; i--) decref(it[i]);
  }
  override clear(): void {
    // _list_clear: items are released first-to-last... (list_clear uses a loop from the end)
    this.dealloc();
  }
  /** list_resize(newsize) bookkeeping */
  resized(newsize: number): void {
    const allocated = this.allocated;
    if (allocated >= newsize && newsize >= allocated >> 1) return;
    let newAllocated = (newsize + (newsize >> 3) + 6) & ~3;
    if (newsize - this.items.length > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
    if (newsize === 0) newAllocated = 0;
    this.allocated = newAllocated;
  }
}

export const ListType = makeType('list', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.LIST_SUBCLASS, 40);

/** A new list owning `items`. */
export function newList(items: PyObject[]): PyList {
  const l = new PyList(ListType, items);
  gcNewTracked(l);
  return l;
}

/** The largest list RefScope builds (a JS engine limit; CPython would run out of memory
 * somewhat later): beyond it, MemoryError. */
export const MAX_LIST_ITEMS = 100_000_000;

/** list.append with CPython's growth (app1 -> list_resize). Steals `v`. */
export function listAppend(l: PyList, v: PyObject): void {
  const n = l.items.length;
  if (l.allocated <= n) {
    if (n >= MAX_LIST_ITEMS) {
      decref(v);
      throw new RangeError('Invalid array length');
    }
    l.resized(n + 1);
  }
  l.items.push(v);
}
