// list (Objects/listobject.c), with CPython's over-allocation so that sys.getsizeof matches.
//
// Unboxed ints. The lesson builds `[i for i in range(10000000)]`: ten million int objects, each
// held only by the list. A JS object per int costs V8 more (allocation, young-generation copies,
// old-generation marking) than CPython's whole program, so an exact list may keep such an int as
// a plain JS number in its slot: an int object that nothing but this slot holds (count 1), that
// nobody asked the address of (id()) and whose value is a JS number carries nothing a program
// could observe beyond its value, and a new object with that value and a count of 1 is made again
// when someone reads the slot (the read keeps it there, so `a[0] is a[0]`). listAppend unboxes the
// previous last item when it is such an int (in the comprehension, the loop variable has moved on
// by then), and a list iterator the items it has passed (iterItem). The editor's graph and
// gc.get_referents read `items`, so they show every int.
//
// `raw` holds PyObject | number. Code that reads the items through `items` gets every slot boxed
// and the list pinned: it never unboxes again, so an items array someone holds on to can never
// see a number appear. The hot paths that know about numbers (append, len, subscript, iteration,
// dealloc, the collector's and psutil's walks) read `raw`.

import { PyObject, TypeFlags, GcWord, Edge, decref, heap, FREE_POOL_MAX, type PyType, type Visit } from '../object';
import { makeType } from '../types';
import { gcNewTracked } from './tuple';
import { PyInt, IntType, newInt } from './int';

/** a list slot: an object (an owned reference) or an unboxed int (see the header) */
export type ListSlot = PyObject | number;

/** `packed` when the list has been pinned */
const PINNED = -1;

export class PyList extends PyObject {
  /** allocated slots (list_resize), for getsizeof */
  allocated: number;
  /** the slots; objects are owned references, numbers unboxed ints */
  raw: ListSlot[];
  /** how many slots hold numbers; PINNED: none, and none will */
  packed: number;
  constructor(type: PyType, items: PyObject[]) {
    super(type);
    this.raw = items;
    this.packed = 0;
    this.allocated = items.length;
  }
  /** the items as objects (owned references): boxes every slot and pins the list */
  get items(): PyObject[] {
    if (this.packed !== PINNED) this.pin();
    return this.raw as PyObject[];
  }
  set items(xs: PyObject[]) {
    this.raw = xs;
    this.packed = PINNED;
  }
  /** boxes every unboxed slot; the list never unboxes again */
  pin(): void {
    if (this.packed > 0) {
      const raw = this.raw;
      for (let i = 0; i < raw.length; i++) {
        const x = raw[i];
        if (typeof x === 'number') raw[i] = newInt(x);
      }
    }
    this.packed = PINNED;
  }
  /** the item at index i (0 <= i < size), boxed in place if needed: a borrowed reference */
  itemAt(i: number): PyObject {
    const x = this.raw[i];
    if (typeof x !== 'number') return x;
    const o = newInt(x);
    this.raw[i] = o;
    this.packed--;
    return o;
  }
  /** Py_SIZE */
  get size(): number {
    return this.raw.length;
  }
  /** the objects among the slots (an unboxed int is no object: nothing to visit, it can be in no
   * cycle and no count; gc.get_referents and objgraph read `items`, which boxes them) */
  override traverse(visit: Visit): void {
    const it = this.raw;
    if (this.packed > 0) {
      for (let i = 0; i < it.length; i++) {
        const x = it[i];
        if (typeof x !== 'number') visit(x, Edge.ITEM, i);
      }
    } else for (let i = 0; i < it.length; i++) visit(it[i] as PyObject, Edge.ITEM, i);
  }
  /** list_dealloc: items last-to-first */
  override dealloc(): void {
    const it = this.raw;
    const packed = this.packed;
    this.raw = [];
    this.packed = PINNED;
    this.allocated = 0;
    if (packed > 0) {
      for (let i = it.length - 1; i >= 0; i--) {
        const x = it[i];
        if (typeof x !== 'number') decref(x);
      }
    } else for (let i = it.length - 1; i >= 0; i--) decref(it[i] as PyObject);
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
    if (newsize - this.raw.length > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
    if (newsize === 0) newAllocated = 0;
    this.allocated = newAllocated;
  }
}

export const ListType = makeType('list', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.LIST_SUBCLASS, 40);
// (as int.ts: the first list whose slots are replaced (dealloc, `items =`), whose count of unboxed
// slots changes or that is resized would change PyList's map or a field's constness while the
// list code is optimised, deoptimizing a dozen functions at once; a throwaway list takes those
// changes now, with slot arrays of each kind)
{
  const l = new PyList(ListType, []);
  l.raw = [0];
  l.raw = [0.5];
  l.raw = [l];
  l.packed = 1;
  l.packed = PINNED;
  l.allocated = 4;
  l.raw = [];
  l.allocated = 0;
}

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
  const n = l.raw.length;
  if (l.allocated <= n) {
    if (n >= MAX_LIST_ITEMS) {
      decref(v);
      throw new RangeError('Invalid array length');
    }
    l.resized(n + 1);
  }
  pushItem(l, v);
}

/** Appends `v` (stolen) where the list has room (allocated > size), unboxing the previous last
 * item if it is an int only this slot holds (see the header). */
export function pushItem(l: PyList, v: PyObject): void {
  const raw = l.raw;
  const n = raw.length;
  if (n > 0) unboxSlot(l, n - 1);
  raw.push(v);
}

/** Slot i (in range) becomes a number again if it holds an int only it holds (see the header);
 * appending does it for the previous last item, a list iterator for the item it has passed. */
export function unboxSlot(l: PyList, i: number): void {
  if (l.packed === PINNED || !heap.unboxInts) return;
  const p = l.raw[i];
  if (typeof p !== 'number' && p.type === IntType && p.rc === 1 && p.gcw === GcWord.INIT && typeof (p as PyInt).v === 'number' && l.type === ListType) {
    l.raw[i] = (p as PyInt).v as number;
    l.packed++;
    p.rc = 0;
    // the object is gone (as destroy() does for an int, without a dealloc to account for)
    const live = heap.live;
    if (live !== null) {
      if (heap.lazyLeaves) heap.lazyLeafCount--;
      else live.delete(p);
    } else {
      const pool = IntType.freePool;
      if (pool !== null && pool.length < FREE_POOL_MAX) pool.push(p);
    }
  }
}

/** The next item of a forward list iterator at index i (in range): a borrowed reference, boxed
 * in place. The items it passed become numbers again when nothing kept them (a `for` loop's
 * variable lets go of item i-2 when it takes item i-1; sum() of item i-1 at once). */
export function iterItem(l: PyList, i: number): PyObject {
  const raw = l.raw;
  // (unboxSlot's first tests here: a list of other objects, the common case, costs two loads and
  // two type checks per item, no calls)
  if (i > 0 && l.packed !== PINNED) {
    if (i > 1) {
      const b = raw[i - 2];
      if (typeof b !== 'number' && b.type === IntType) unboxSlot(l, i - 2);
    }
    const a = raw[i - 1];
    if (typeof a !== 'number' && a.type === IntType) unboxSlot(l, i - 1);
  }
  const x = raw[i];
  return typeof x !== 'number' ? x : l.itemAt(i);
}
