// Instances of Python classes (Objects/typeobject.c subtype_dealloc, 3.11 inline values) and
// modules (Objects/moduleobject.c).
//
// 3.11 keeps instance attributes in an inline values array indexed by the class's shared keys
// (Objects/dictobject.c _PyObject_StoreInstanceAttribute, init_inline_values): no dict object
// exists until `__dict__` is touched or the shared keys cannot take a name. `vals` is that array;
// `dict` is the dict object once there is one (and `vals` is then null).

import { PyObject, TypeFlags, Edge, decref, settleShape, type PyType, type Visit } from '../object';
import { makeType, ObjectType } from '../types';
import { PyDict, DictType, newDict, type SharedKeys } from './dict';
import { StrType, type PyStr } from './str';

/** value arrays of dead instances, reused by new ones */
const valsPool: (PyObject | null)[][] = [];
const VALS_POOL_MAX = 512;

export class PyInstance extends PyObject {
  /** the instance's dict object (the managed dict pointer), or null */
  dict: PyDict | null = null;
  /** the inline values: vals[i] is the value of the class's shared key i (null = not set); null
   * once the dict is an object */
  vals: (PyObject | null)[] | null = null;
  /** the insertion order of `vals` as shared-key indices (the values' order array), or null while
   * it is ascending index order */
  ord: number[] | null = null;
  /** `__slots__` values (null = empty): the first four in fields of the object itself, so a
   * member read is one load as at CPython's fixed offset (PyMemberDef.offset), the rest in `sx` */
  s0: PyObject | null = null;
  s1: PyObject | null = null;
  s2: PyObject | null = null;
  s3: PyObject | null = null;
  sx: (PyObject | null)[] | null = null;
  constructor(type: PyType) {
    super(type);
    const sk = type.sharedKeys;
    if (sk !== null) {
      // init_inline_values
      sk.onInstanceCreated();
      const pooled = valsPool.pop();
      this.vals = pooled !== undefined ? pooled : [];
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

  /** The attribute `key` in the instance's values or dict (borrowed), or undefined. */
  getAttrValue(key: PyStr): PyObject | undefined {
    if (this.vals !== null) {
      const v = this.inlineValue(key.v);
      return v === null ? undefined : v;
    }
    const d = this.dict;
    return d === null ? undefined : d.getStr(key);
  }
  /** The inline value of attribute `name` (borrowed), or null. */
  inlineValue(name: string): PyObject | null {
    const vals = this.vals;
    if (vals === null) return null;
    const ix = (this.type.sharedKeys as SharedKeys).find(name);
    return ix < 0 || ix >= vals.length ? null : vals[ix];
  }

  /**
   * `obj.key = v` (v borrowed) or `del obj.key` (v null) in the instance's own storage:
   * _PyObject_StoreInstanceAttribute while the values are inline, the dict's setitem/delitem
   * after. False when the attribute to delete does not exist.
   */
  storeAttrValue(key: PyStr, v: PyObject | null): boolean {
    const vals = this.vals;
    if (vals === null) {
      let d = this.dict;
      if (d === null) {
        if (v === null) return false;
        // _PyObjectDict_SetItem: the dict is created with the first attribute
        d = this.dict = newDict();
      }
      if (v !== null) {
        d.setItem(key, v);
        return true;
      }
      return d.delItem(key);
    }
    const ix = key.type === StrType ? (this.type.sharedKeys as SharedKeys).insert(key.v) : -1;
    if (ix < 0) {
      // the shared keys are full (or the name is not an exact str): the values become a dict
      // object (make_dict_from_instance_attributes), which then takes the name
      const d = this.makeDict();
      if (v !== null) {
        d.setItem(key, v);
        return true;
      }
      return d.delItem(key);
    }
    while (vals.length <= ix) vals.push(null);
    const old = vals[ix];
    if (v !== null) v.rc++;
    vals[ix] = v;
    if (old === null) {
      if (v === null) return false;
      this.addToOrder(ix);
    } else {
      if (v === null) this.deleteFromOrder(ix);
      decref(old);
    }
    return true;
  }

  /** STORE_ATTR_INSTANCE_VALUE: `obj.name = v` (v borrowed) for a name at index ix of the shared
   * keys, while the values are inline */
  putValue(ix: number, v: PyObject): void {
    const vals = this.vals!;
    while (vals.length <= ix) vals.push(null);
    const old = vals[ix];
    v.rc++;
    vals[ix] = v;
    if (old === null) this.addToOrder(ix);
    else decref(old);
  }

  /** _PyDictValues_AddToInsertionOrder (vals[ix] was just set) */
  private addToOrder(ix: number): void {
    const ord = this.ord;
    if (ord !== null) {
      ord.push(ix);
      return;
    }
    const vals = this.vals!;
    for (let j = ix + 1; j < vals.length; j++) {
      if (vals[j] !== null) {
        // set before a name that joined the shared keys earlier: the order is its own now
        const o: number[] = [];
        for (let i = 0; i < vals.length; i++) if (i !== ix && vals[i] !== null) o.push(i);
        o.push(ix);
        this.ord = o;
        return;
      }
    }
  }

  /** delete_index_from_values */
  private deleteFromOrder(ix: number): void {
    const ord = this.ord;
    if (ord === null) return;
    const i = ord.indexOf(ix);
    if (i >= 0) ord.splice(i, 1);
  }

  /** The shared-key indices of the set values in insertion order. */
  valueOrder(): number[] {
    if (this.ord !== null) return this.ord.slice();
    const vals = this.vals;
    const o: number[] = [];
    if (vals !== null) for (let i = 0; i < vals.length; i++) if (vals[i] !== null) o.push(i);
    return o;
  }

  /** subtype_setdict: the instance's dict replaced by `d` (the inline values first become a dict
   * object, as _PyObject_GetDictPtr makes one), or removed (null: the next use makes a new one) */
  replaceDict(d: PyDict | null): void {
    if (this.vals !== null) this.makeDict();
    const old = this.dict;
    if (d !== null) d.rc++;
    this.dict = d;
    if (old !== null) decref(old);
  }

  /** make_dict_from_instance_attributes: the values become a split dict object (in insertion
   * order), which the instance then holds instead */
  private makeDict(): PyDict {
    const vals = this.vals!;
    const sk = this.type.sharedKeys as SharedKeys;
    const order = this.valueOrder();
    const d = new PyDict(DictType);
    for (const ix of order) {
      const k = sk.keys[ix];
      const v = vals[ix]!;
      // the dict takes over the instance's reference to each value
      d.t.setHL(k, k.hhi, k.hlo, v);
      v.rc--;
    }
    d.split = sk;
    this.vals = null;
    this.ord = null;
    vals.fill(null);
    recycleVals(vals);
    this.dict = d;
    materializeHook(d);
    return d;
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
    // _PyObject_VisitInstanceAttributes: the values in shared-key order
    const vals = this.vals;
    if (vals !== null) {
      const keys = (this.type.sharedKeys as SharedKeys).keys;
      for (let i = 0; i < vals.length; i++) {
        const v = vals[i];
        if (v !== null) visit(v, Edge.ATTR, keys[i]);
      }
    } else if (this.dict !== null) visit(this.dict, Edge.DICT, '__dict__');
  }
  /** subtype_dealloc after the finalizer: slots, then the values (_PyObject_FreeInstanceAttributes,
   * in shared-key order) or the dict */
  override dealloc(): void {
    this.clearSlots();
    const vals = this.vals;
    if (vals !== null) {
      this.vals = null;
      this.ord = null;
      // (each emptied before it is released, so that the array can be reused as it is; nothing
      // can see this instance's values any more)
      clearValues(vals);
      recycleVals(vals);
    }
    this.clearDict();
  }
  /** subtype_clear: slots, the values (_PyObject_ClearInstanceAttributes: each emptied, then
   * released; the array stays), then the dict */
  override clear(): void {
    this.clearSlots();
    const vals = this.vals;
    if (vals !== null) {
      this.ord = null;
      clearValues(vals);
    }
    this.clearDict();
  }
  /** clear_slots: each slot emptied before its value is released */
  private clearSlots(): void {
    const names = this.type.slotNames;
    if (names === null) return;
    for (let i = 0; i < names.length; i++) {
      const v = this.getSlot(i);
      if (v !== null) {
        this.setSlot(i, null);
        decref(v);
      }
    }
  }
  private clearDict(): void {
    const d = this.dict;
    if (d !== null) {
      this.dict = null;
      decref(d);
    }
  }
  /** `obj.__dict__` (PyObject_GenericGetDict): the dict object, made from the values (or empty)
   * when there is none yet; a new reference. */
  materializeDict(): PyDict {
    let d = this.dict;
    if (d === null) d = this.vals !== null ? this.makeDict() : (this.dict = newDict());
    d.rc++;
    return d;
  }
}

/** Py_CLEAR of each value in index order. */
function clearValues(vals: (PyObject | null)[]): void {
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v !== null) {
      vals[i] = null;
      decref(v);
    }
  }
}

/** Keep an emptied values array (all null) for the next instance. */
function recycleVals(vals: (PyObject | null)[]): void {
  if (valsPool.length < VALS_POOL_MAX) valsPool.push(vals);
}

export let materializeHook: (d: PyDict) => void = () => {};
export function setMaterializeHook(f: (d: PyDict) => void): void {
  materializeHook = f;
}

export const ModuleType = makeType('module', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 56);
ModuleType.weakrefable = true;
export class PyModule extends PyObject {
  /** md_state: an object a native module keeps outside its dict (the struct module's cache of
   * Struct objects), visited by its m_traverse and released with the module */
  state: PyObject | null = null;
  constructor(
    public name: string,
    public dict: PyDict,
  ) {
    super(ModuleType);
  }
  override traverse(visit: Visit): void {
    visit(this.dict, Edge.DICT, '__dict__');
    if (this.state) visit(this.state, Edge.OTHER, 'module state');
  }
  override dealloc(): void {
    const d = this.dict;
    const st = this.state;
    this.dict = null as unknown as PyDict;
    this.state = null;
    if (d) decref(d);
    if (st) decref(st);
  }
  override clear(): void {
    this.dealloc();
  }
}
// (object.ts settleShape: module_dealloc's release of md_dict and of a native module's state)
settleShape(new PyModule('', null as unknown as PyDict), ['dict', 'state']);

void ObjectType;
