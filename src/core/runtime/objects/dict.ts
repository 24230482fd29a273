// dict (Objects/dictobject.c) over the CPython-exact table in ../tables/dicttable.ts.
//
// Tracking (3.11 MAINTAIN_TRACKING): a dict is created untracked and becomes tracked when a key
// or value that may be tracked is inserted; only a full collection untracks it again.

import { PyObject, TypeFlags, Edge, GcWord, incref, decref, type PyType, type Visit } from '../object';
import { makeType } from '../types';
import { DictTable, recycleKeys, calculateLog2Keysize, type DictKeyOps, type SharedKeysSizeModel } from '../tables/dicttable';
import { hashHi, hashLo } from '../tables/hash64';
import { gcNewUntracked, TupleType } from './tuple';
import { PyStr, StrType } from './str';
import * as abs from '../abstract';

export const dictOps: DictKeyOps<PyObject, PyObject> = {
  eq: (a, b) => abs.richCompareBool(a, b, abs.Cmp.EQ),
  isExactStr: (k) => k.type === StrType,
  retain: incref,
  release: decref,
};

export class PyDict extends PyObject {
  t: DictTable<PyObject, PyObject>;
  /** instance attribute storage that is not an object yet (3.11 inline values) */
  inline = false;
  /** the class's shared keys while this instance dict is a split table (sizes only) */
  split: SharedKeysSizeModel | null = null;
  constructor(type: PyType, t?: DictTable<PyObject, PyObject>) {
    super(type);
    this.t = t ?? new DictTable(dictOps);
  }
  override traverse(visit: Visit): void {
    const k = this.t.keys;
    const n = k.nentries;
    for (let i = 0; i < n; i++) {
      const v = k.evalues[i];
      if (v === undefined) continue;
      const key = k.ekeys[i] as PyObject;
      visit(key, Edge.DICT_KEY, key);
      visit(v as PyObject, Edge.DICT_VALUE, key);
    }
  }
  /** dict_dealloc / free_keys_object: key then value of each entry, in insertion order */
  override dealloc(): void {
    const k = this.t.keys;
    const n = k.nentries;
    const ks = k.ekeys;
    const vs = k.evalues;
    this.t.detach();
    for (let i = 0; i < n; i++) {
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
    if (this.gcGen < 0 && !this.inline && (mayBeTracked(key) || mayBeTracked(value))) gcTrackDict(this);
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
    if (sk.order[this.t.used] === v || sk.names.has(v)) return;
    if (sk.onNewAttributeName()) sk.addName(v);
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

/** A dict that is nobody's object yet (instance attribute storage before `__dict__` is touched).
 * Such storage is never seen by Python code or the inspector as an object of its own, so the
 * storage of dead instances is reused (recycleInlineDict): an instance costs two JS objects
 * fewer (CPython 3.11 keeps the values inline in the object and allocates no dict either). */
export function newInlineDict(): PyDict {
  const pooled = inlinePool.pop();
  if (pooled !== undefined) return pooled;
  const d = new PyDict(DictType);
  d.inline = true;
  return d;
}

const inlinePool: PyDict[] = [];
const INLINE_POOL_MAX = 512;

/** The instance that owned inline storage `d` died, and `d.dealloc()` released its entries. */
export function recycleInlineDict(d: PyDict): void {
  if (!d.inline || d.rc !== 1 || d.gcw !== GcWord.INIT || d.t.used !== 0 || inlinePool.length >= INLINE_POOL_MAX) return;
  d.split = null;
  inlinePool.push(d);
}
