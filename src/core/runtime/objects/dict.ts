// dict (Objects/dictobject.c) over the CPython-exact table in ../tables/dicttable.ts.
//
// Tracking (3.11 MAINTAIN_TRACKING): a dict is created untracked and becomes tracked when a key
// or value that may be tracked is inserted; only a full collection untracks it again.

import { PyObject, TypeFlags, Edge, incref, decref, type PyType, type Visit } from '../object';
import { makeType } from '../types';
import { DictTable, recycleKeys, calculateLog2Keysize, SharedKeysSizeModel, type DictKeyOps } from '../tables/dicttable';
import { hashHi, hashLo } from '../tables/hash64';
import { gcNewUntracked, TupleType } from './tuple';
import { PyStr, StrType, attrKey } from './str';
import * as abs from '../abstract';

export const dictOps: DictKeyOps<PyObject, PyObject> = {
  eq: (a, b) => abs.richCompareBool(a, b, abs.Cmp.EQ),
  isExactStr: (k) => k.type === StrType,
  retain: incref,
  release: decref,
};

/**
 * ht_cached_keys (3.11 _PyDict_NewKeysForClass): a managed-dict class's shared attribute names.
 * Name i is slot i of each instance's inline values (PyInstance.vals). The key objects are
 * attrKey's strs, which are never freed, so the keys hold no counted references.
 */
export class SharedKeys extends SharedKeysSizeModel {
  keys: PyStr[] = [];
  /** the index of an attribute name, or -1 */
  find(name: string): number {
    const ix = this.index.get(name);
    return ix === undefined ? -1 : ix;
  }
  /** insert_into_dictkeys: the index of `name`, added while the keys have room; -1 when full */
  insert(name: string): number {
    const ix = this.index.get(name);
    if (ix !== undefined) return ix;
    if (!this.onNewAttributeName()) return -1;
    this.addKey(name);
    return this.keys.length - 1;
  }
  addKey(name: string): void {
    this.addName(name);
    this.keys.push(attrKey(name));
  }
}

export class PyDict extends PyObject {
  t: DictTable<PyObject, PyObject>;
  /** the class's shared keys while this instance dict is a split table */
  split: SharedKeys | null = null;
  constructor(type: PyType, t?: DictTable<PyObject, PyObject>) {
    super(type);
    this.t = t ?? new DictTable(dictOps);
  }
  override traverse(visit: Visit): void {
    const k = this.t.keys;
    const n = k.nentries;
    const order = this.split !== null ? splitValueOrder(this) : null;
    for (let j = 0; j < n; j++) {
      const i = order === null ? j : order[j];
      if (i === undefined) break;
      const v = k.evalues[i];
      if (v === undefined) continue;
      const key = k.ekeys[i] as PyObject;
      visit(key, Edge.DICT_KEY, key);
      visit(v as PyObject, Edge.DICT_VALUE, key);
    }
  }
  /** dict_dealloc / free_keys_object: key then value of each entry, in insertion order (a split
   * table's values in shared-key order, free_values) */
  override dealloc(): void {
    const k = this.t.keys;
    const n = k.nentries;
    const ks = k.ekeys;
    const vs = k.evalues;
    const order = this.split !== null ? splitValueOrder(this) : null;
    this.t.detach();
    for (let j = 0; j < n; j++) {
      const i = order === null ? j : order[j];
      if (i === undefined) break;
      const v = vs[i];
      if (v === undefined) continue;
      decref(ks[i] as PyObject);
      decref(v as PyObject);
    }
    recycleKeys(k);
  }
  override clear(): void {
    // dict_tp_clear -> PyDict_Clear: values are released in order, then keys
    this.dealloc();
  }

  get size(): number {
    return this.t.used;
  }

  /** borrowed value or undefined (may run __eq__/__hash__) */
  getItem(key: PyObject): PyObject | undefined {
    if (key.type === StrType) {
      const s = key as PyStr;
      if ((s.hhi | s.hlo) === 0) s.hashHL();
      return this.t.getHL(s, s.hhi, s.hlo);
    }
    return this.t.get(key, abs.hash(key));
  }
  /** borrowed value for a str key (an exact str or a subclass: the hash is str's either way) */
  getStr(key: PyStr): PyObject | undefined {
    if ((key.hhi | key.hlo) === 0) key.hashHL();
    return this.t.getHL(key, key.hhi, key.hlo);
  }
  /** d[key] = value; neither reference is stolen */
  setItem(key: PyObject, value: PyObject): void {
    let hi: number, lo: number;
    if (key.type === StrType) {
      const s = key as PyStr;
      if ((s.hhi | s.hlo) === 0) s.hashHL();
      hi = s.hhi;
      lo = s.hlo;
    } else {
      const h = abs.hash(key);
      hi = hashHi(h);
      lo = hashLo(h);
    }
    if (this.split) this.noteSplitInsert(key);
    this.t.setHL(key, hi, lo, value);
    if (this.gcGen < 0 && (mayBeTracked(key) || mayBeTracked(value))) gcTrackDict(this);
  }
  /** insert_into_dictkeys (3.11): a new str name joins the shared keys while they have room;
   *  otherwise (or for a non-str key) the dict becomes a combined table */
  private noteSplitInsert(key: PyObject): void {
    const sk = this.split!;
    if (!(key instanceof PyStr) || key.type !== StrType) {
      this.leaveSplit(false);
      return;
    }
    // (most instances get their attributes in the shared keys' order: one comparison)
    const v = key.v;
    if (sk.order[this.t.used] === v || sk.index.has(v)) return;
    if (sk.onNewAttributeName()) sk.addKey(v);
    else this.leaveSplit(true);
  }
  /** insertdict on a split table that cannot take the key (a non-str key, or shared keys with no
   * room): insertion_resize gives a combined table sized for GROWTH_RATE = used * 3 */
  private leaveSplit(unicode: boolean): void {
    this.split = null;
    this.t.resize(calculateLog2Keysize(this.t.used * 3), unicode);
  }
  /** delete; false when missing */
  delItem(key: PyObject): boolean {
    if (key.type === StrType) {
      const s = key as PyStr;
      if ((s.hhi | s.hlo) === 0) s.hashHL();
      return this.t.deleteHL(s, s.hhi, s.hlo);
    }
    return this.t.delete(key, abs.hash(key));
  }
  *entries(): Generator<[PyObject, PyObject]> {
    const k = this.t.keys;
    for (let i = 0; i < k.nentries; i++) {
      const v = k.evalues[i];
      if (v !== undefined) yield [k.ekeys[i] as PyObject, v as PyObject];
    }
  }
  keyList(): PyObject[] {
    return this.t.keyList();
  }
}

export const DictType = makeType('dict', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.DICT_SUBCLASS, 48);

/** _PyObject_GC_MAY_BE_TRACKED */
export function mayBeTracked(o: PyObject): boolean {
  const t = o.type;
  if (!(t.flags & TypeFlags.HAVE_GC)) return false;
  if (t === TupleType && o.gcGen < 0) return false;
  return true;
}

export let gcTrackDict: (d: PyDict) => void = () => {};
export function setDictTrackHook(f: (d: PyDict) => void): void {
  gcTrackDict = f;
}

export function newDict(): PyDict {
  const d = new PyDict(DictType);
  gcNewUntracked(d);
  return d;
}

/**
 * The entry indices of a split dict in shared-key order (the order of its values array, which
 * dict_traverse and free_values walk), or null when that is the insertion order.
 */
function splitValueOrder(d: PyDict): number[] | null {
  const sk = d.split!;
  const k = d.t.keys;
  let prev = -1;
  let sorted = true;
  const pos: number[] = [];
  for (let i = 0; i < k.nentries; i++) {
    if (k.evalues[i] === undefined) continue;
    const ix = sk.find((k.ekeys[i] as PyStr).v);
    if (ix < prev) sorted = false;
    prev = ix;
    pos.push(ix, i);
  }
  if (sorted) return null;
  const pairs: [number, number][] = [];
  for (let j = 0; j < pos.length; j += 2) pairs.push([pos[j], pos[j + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.map((p) => p[1]);
}
