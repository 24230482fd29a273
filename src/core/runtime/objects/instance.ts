// Instances of Python classes (Objects/typeobject.c subtype_dealloc, 3.11 inline values) and
// modules (Objects/moduleobject.c).
//
// 3.11 keeps instance attributes in an inline values array: no dict object exists until
// `__dict__` is touched. `dict` holds the attributes either way; `dictIsObject` says whether it
// has become a real object (it then counts for gc and is a node of its own).

import { PyObject, TypeFlags, Edge, decref, xdecref, heap, type PyType, type Visit } from '../object';
import { makeType, ObjectType } from '../types';
import { PyDict, newInlineDict, newDict, recycleInlineDict } from './dict';

export class PyInstance extends PyObject {
  dict: PyDict | null = null;
  dictIsObject = false;
  /** `__slots__` values (null = empty): the first four in fields of the object itself, so a
   * member read is one load as at CPython's fixed offset (PyMemberDef.offset), the rest in `sx` */
  s0: PyObject | null = null;
  s1: PyObject | null = null;
  s2: PyObject | null = null;
  s3: PyObject | null = null;
  sx: (PyObject | null)[] | null = null;
  constructor(type: PyType) {
    super(type);
    if (type.hasDict) {
      const d = newInlineDict();
      const sk = type.sharedKeys;
      if (sk) {
        sk.onInstanceCreated();
        d.split = sk;
      }
      if (heap.live) heap.live.delete(d);
      this.dict = d;
    }
    const sn = type.slotNames;
    if (sn !== null && sn.length > 4) {
      const sx: (PyObject | null)[] = [];
      for (let i = 4; i < sn.length; i++) sx.push(null);
      this.sx = sx;
    }
  }
  override get ownSlots(): boolean {
    return true;
  }
  override getSlot(i: number): PyObject | null {
    switch (i) {
      case 0:
        return this.s0;
      case 1:
        return this.s1;
      case 2:
        return this.s2;
      case 3:
        return this.s3;
    }
    const sx = this.sx;
    return sx === null ? null : sx[i - 4];
  }
  /** stores v (the reference moves in; the caller releases the old value it read first) */
  override setSlot(i: number, v: PyObject | null): void {
    switch (i) {
      case 0:
        this.s0 = v;
        return;
      case 1:
        this.s1 = v;
        return;
      case 2:
        this.s2 = v;
        return;
      case 3:
        this.s3 = v;
        return;
    }
    if (this.sx === null) {
      const sx: (PyObject | null)[] = [];
      for (let j = 4; j < this.type.slotNames!.length; j++) sx.push(null);
      this.sx = sx;
    }
    this.sx[i - 4] = v;
  }
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    const names = this.type.slotNames;
    if (names !== null) {
      for (let i = 0; i < names.length; i++) {
        const v = this.getSlot(i);
        if (v !== null) visit(v, Edge.SLOT, names[i]);
      }
    }
    const d = this.dict;
    if (d) {
      if (this.dictIsObject) visit(d, Edge.DICT, '__dict__');
      else {
        // the inline values in insertion order, straight from the table (no iterator per visit)
        const keys = d.t.keys;
        const n = keys.nentries;
        for (let i = 0; i < n; i++) {
          const v = keys.evalues[i];
          if (v === undefined) continue;
          const k = keys.ekeys[i] as PyObject;
          visit(v as PyObject, Edge.ATTR, k);
          visit(k, Edge.OTHER, 'attribute name');
        }
      }
    }
  }
  /** subtype_dealloc after the finalizer: slots, then the attribute values / dict */
  override dealloc(): void {
    const names = this.type.slotNames;
    if (names !== null) {
      // clear_slots: each slot emptied before its value is released
      for (let i = 0; i < names.length; i++) {
        const v = this.getSlot(i);
        if (v !== null) {
          this.setSlot(i, null);
          decref(v);
        }
      }
    }
    const d = this.dict;
    if (d) {
      this.dict = null;
      if (this.dictIsObject) decref(d);
      else {
        d.dealloc();
        recycleInlineDict(d);
      }
    }
  }
  /** subtype_clear: slots and the attribute values / dict */
  override clear(): void {
    this.dealloc();
    if (this.type.hasDict && !this.dictIsObject) {
      const d = newInlineDict();
      d.split = this.type.sharedKeys;
      if (heap.live) heap.live.delete(d);
      this.dict = d;
    }
  }
  /** `obj.__dict__`: make the dict an object of its own (a new reference). */
  materializeDict(): PyDict {
    let d = this.dict;
    if (!d) {
      d = newDict();
      this.dict = d;
      this.dictIsObject = true;
    } else if (!this.dictIsObject) {
      this.dictIsObject = true;
      d.inline = false;
      if (heap.live) heap.live.add(d);
      materializeHook(d);
    }
    d.rc++;
    return d;
  }
}

export let materializeHook: (d: PyDict) => void = () => {};
export function setMaterializeHook(f: (d: PyDict) => void): void {
  materializeHook = f;
}

export const ModuleType = makeType('module', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 56);
ModuleType.weakrefable = true;
export class PyModule extends PyObject {
  constructor(
    public name: string,
    public dict: PyDict,
  ) {
    super(ModuleType);
  }
  override traverse(visit: Visit): void {
    visit(this.dict, Edge.DICT, '__dict__');
  }
  override dealloc(): void {
    const d = this.dict;
    this.dict = null as unknown as PyDict;
    if (d) decref(d);
  }
  override clear(): void {
    this.dealloc();
  }
}

void ObjectType;
