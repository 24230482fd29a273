// Instances of Python classes (Objects/typeobject.c subtype_dealloc, 3.11 inline values) and
// modules (Objects/moduleobject.c).
//
// 3.11 keeps instance attributes in an inline values array: no dict object exists until
// `__dict__` is touched. `dict` holds the attributes either way; `dictIsObject` says whether it
// has become a real object (it then counts for gc and is a node of its own).

import { PyObject, TypeFlags, Edge, decref, xdecref, heap, type PyType, type Visit } from '../object';
import { makeType, ObjectType } from '../types';
import { PyDict, newInlineDict, newDict } from './dict';

export class PyInstance extends PyObject {
  dict: PyDict | null = null;
  dictIsObject = false;
  slotValues: (PyObject | null)[] | null = null;
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
    if (sn !== null) {
      const sv: (PyObject | null)[] = [];
      for (let i = 0; i < sn.length; i++) sv.push(null);
      this.slotValues = sv;
    }
  }
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    const sv = this.slotValues;
    if (sv) {
      const names = this.type.slotNames!;
      for (let i = 0; i < sv.length; i++) if (sv[i]) visit(sv[i]!, Edge.SLOT, names[i]);
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
    const sv = this.slotValues;
    if (sv) {
      this.slotValues = null;
      for (let i = 0; i < sv.length; i++) xdecref(sv[i]);
    }
    const d = this.dict;
    if (d) {
      this.dict = null;
      if (this.dictIsObject) decref(d);
      else d.dealloc();
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
