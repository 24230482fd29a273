/**
 * CPython 3.11 `Objects/dictobject.c` combined-table compact dict, generic over
 * key and value types.
 *
 * Layout mirrored exactly: `dk_indices` (one slot per index, as CPython's int8/16/32/64 array, with
 * DKIX_EMPTY = -1 and DKIX_DUMMY = -2), an entries array in insertion order
 * (keys/values plus the hash split in two int32 halves), `dk_usable`,
 * `dk_nentries`, DICT_KEYS_UNICODE vs DICT_KEYS_GENERAL kinds (the kind changes
 * the entry size and therefore `sys.getsizeof`), the shared empty keys object
 * (`Py_EMPTY_KEYS`), resize / growth rules (including 3.11's
 * `calculate_log2_keysize` bit trick, which maps small minsizes 1..7 to 16 slots),
 * deletion leaving dummies, LIFO `popitem`, the copy / merge fast paths.
 *
 * The split-table (key-sharing) variant is not implemented; see
 * `instanceDictGetsizeof` below for what 3.11 reports for instance `__dict__`s.
 *
 * Hashes are given by the caller (`number | bigint` canonical); equality by
 * `ops.eq(stored, key)` (may throw: the exception propagates and the table
 * stays consistent; may mutate the dict: the lookup restarts when the keys
 * object changed or the compared entry changed, like `_Py_dict_lookup`).
 * Identity (`===`) short-circuits `eq`. `ops.isExactStr(key)` tells whether a
 * key is an exact `str` (drives DICT_KEYS_UNICODE). Keys and values must not
 * be `undefined` (it marks empty entries).
 *
 * Reference counting: the optional `ops.retain(o)` / `ops.release(o)` hooks are
 * called whenever the table stores a new reference to a key/value or drops one;
 * references handed back to the caller (pop's value, popitem's key and value)
 * are not released. Without hooks, use the return values.
 *
 * Python operation -> entry point (3.11 semantics):
 *
 *   {} / dict()                     new DictTable(ops)                 (shared empty keys, getsizeof 64)
 *   {k1: v1, ...} (BUILD_MAP n) and BUILD_CONST_KEY_MAP n
 *                                   DictTable.newPresized(ops, n, allKeysExactStr) then set() in order
 *                                   (_PyDict_FromItems; presizing only when n > 5)
 *   {k: v for ...}                  BUILD_MAP 0 + MAP_ADD: new DictTable + set() per item
 *   d[k] = v                        set(k, hash, v)
 *   d[k], d.get(k), k in d          lookup(k, hash) -> entry index (-1 missing), valueAt(ix); get(); contains()
 *   del d[k]                        delete(k, hash) (false -> KeyError)
 *   d.pop(k[, default])             pop(k, hash) (undefined -> default/KeyError; CPython returns
 *                                   the default for an empty dict before hashing the key)
 *   d.popitem()                     popitem() -> outKey/outValue (false -> KeyError)
 *   d.setdefault(k, v)              setdefault(k, hash, v)
 *   d.clear()                       clear()
 *   d.copy(), copy.copy(d)          copy()   (PyDict_Copy: clones the keys -- same size, same
 *                                   dummies -- unless > 1/3 of the entries are deleted)
 *   dict(d2) / d.update(d2) / {**d2} / dict(**d2)  with d2 a dict whose __iter__ isn't overridden
 *                                   new DictTable + merge(d2, 1) (dict_merge: NOT the same as copy():
 *                                   clones only a clean d2 of 8 slots or more than half full,
 *                                   otherwise pre-resizes and re-inserts; {**d2} is BUILD_MAP 0 +
 *                                   DICT_UPDATE)
 *   dict display with > 15 items    the compiler splits it (compiler_dict, STACK_USE_GUIDELINE 30):
 *                                   chunks of 17 built with BUILD_MAP 0 + MAP_ADD, the last chunk of
 *                                   <= 15 with BUILD_MAP n (presized), merged with DICT_UPDATE;
 *                                   see dictDisplay() in test/core/runtime/tables/tables.test.ts
 *   f(**d2) argument dicts          merge(d2, 2)  (DICT_MERGE: duplicates -> MERGE_DUP_KEY)
 *   dict(pairs) / update(pairs) / update(mapping)   set() per item (PyDict_MergeFromSeq2 / keys())
 *   dict.fromkeys(d2, v) (d2 exact dict)   new DictTable + fromkeysDict(d2, v)
 *   dict.fromkeys(s, v) (s exact set/frozenset)   new DictTable + fromkeysSet(s, v)
 *   dict.fromkeys(it, v) otherwise  new DictTable + set() per item
 *   d == d2                         equals(d2, valueEq)
 *   iter(d) / keys / values / items new DictTableIter(d); reversed(d): new DictTableRevIter(d)
 *   d.__sizeof__() / getsizeof(d)   sizeof() / getsizeof()
 */

import { type Hash, hashHi, hashLo, joinHash, filled } from "./hash64";
import { GC_HEAD_SIZE, SET_DUMMY, type SetTable } from "./settable";

export const DICT_MINSIZE = 8;
export const DICT_LOG_MINSIZE = 3;
export const DKIX_EMPTY = -1;
export const DKIX_DUMMY = -2;
/** sizeof(PyDictObject) on 64-bit. */
export const DICT_BASICSIZE = 48;
/** sizeof(PyDictKeysObject) header (refcnt, log2 sizes, kind, version, usable, nentries). */
export const DICTKEYS_HEADER_SIZE = 32;
/** sizeof(PyDictKeyEntry) (hash, key, value) / sizeof(PyDictUnicodeEntry) (key, value). */
export const DICT_ENTRY_SIZE_GENERAL = 24;
export const DICT_ENTRY_SIZE_UNICODE = 16;

export const MERGE_OK = 0;
/** merge(.., 2) found a duplicate key (left in `outKey`): KeyError / "got multiple values". */
export const MERGE_DUP_KEY = -1;
/** The source dict changed its entries during merge: RuntimeError "dict mutated during update". */
export const MERGE_MUTATED = -2;

/** DictTableIter.next() results (non-negative values are entry indices). */
export const DICT_ITER_DONE = -1;
/** RuntimeError "dictionary changed size during iteration" (sticky). */
export const DICT_ITER_CHANGED_SIZE = -2;
/** RuntimeError "dictionary keys changed during iteration". */
export const DICT_ITER_KEYS_CHANGED = -3;

export interface DictKeyOps<K, V> {
  /** `PyObject_RichCompareBool(stored, key, Py_EQ)` minus the identity test. May throw / mutate. */
  eq(stored: K, key: K): boolean;
  /** PyUnicode_CheckExact(key). */
  isExactStr(key: K): boolean;
  retain?(o: K | V): void;
  release?(o: K | V): void;
}

/** USABLE_FRACTION(n) = (n << 1) / 3 */
export function usableFraction(n: number): number {
  return Math.floor((n * 2) / 3);
}

function bitLength(x: number): number {
  if (x < 4294967296) return 32 - Math.clz32(x);
  return 32 + bitLength(Math.floor(x / 4294967296));
}

/**
 * calculate_log2_keysize (3.11, 64-bit build):
 *   minsize = (minsize | PyDict_MINSIZE) - 1; return bit_length(minsize | (PyDict_MINSIZE-1))
 * NB: for 1 <= minsize <= 7 this gives 4 (16 slots), and for powers of two >= 16
 * it gives the next power (e.g. 16 -> 32).
 */
export function calculateLog2Keysize(minsize: number): number {
  let m: number;
  if (minsize < 0x40000000) m = ((minsize | DICT_MINSIZE) - 1) | (DICT_MINSIZE - 1);
  else m = (Math.floor(minsize / 8) % 2 === 1 ? minsize : minsize + 8) - 1; // | 7 doesn't change the bit length here
  return bitLength(m);
}

/** estimate_log2_keysize(n) = calculate_log2_keysize((n*3 + 1) / 2) */
export function estimateLog2Keysize(n: number): number {
  return calculateLog2Keysize(Math.floor((n * 3 + 1) / 2));
}

/** dk_log2_index_bytes for a given dk_log2_size (64-bit). */
export function log2IndexBytes(log2Size: number): number {
  if (log2Size < 8) return log2Size;
  if (log2Size < 16) return log2Size + 1;
  if (log2Size < 32) return log2Size + 2;
  return log2Size + 3;
}

/** _PyDict_KeysSize for a combined keys object. */
export function dictKeysSize(log2Size: number, unicode: boolean): number {
  const es = unicode ? DICT_ENTRY_SIZE_UNICODE : DICT_ENTRY_SIZE_GENERAL;
  return DICTKEYS_HEADER_SIZE + 2 ** log2IndexBytes(log2Size) + usableFraction(2 ** log2Size) * es;
}

/** Emptied PyDict_MINSIZE keys objects for reuse (the JS side of dictobject.c's keys free list:
 * an instance's or a small dict's keys are five arrays, allocated again for each new one
 * otherwise). Only memory is reused; nothing observable (sizes, order, counts) depends on it. */
// Larger than CPython's 80 (PyDict_MAXFREELIST): a young-generation collection frees up to ~700
// instance dicts at once, all of which the next allocations would otherwise build afresh.
const keysFreeList: DictKeys<unknown, unknown>[] = [];
const KEYS_FREELIST_MAX = 1024;

/** A keys object whose table was detached and whose entries the caller has finished reading
 * (dict_dealloc): emptied into the free list when it has PyDict_MINSIZE's shape. */
export function recycleKeys(k: DictKeys<unknown, unknown>): void {
  if (k.log2Size !== DICT_LOG_MINSIZE || k.shared || keysFreeList.length >= KEYS_FREELIST_MAX) return;
  const n = k.nentries;
  const ek = k.ekeys;
  const ev = k.evalues;
  const hi = k.ehi;
  const lo = k.elo;
  if (ek.length !== 5) return;
  for (let i = 0; i < n; i++) {
    ek[i] = undefined;
    ev[i] = undefined;
    hi[i] = 0;
    lo[i] = 0;
  }
  const ix = k.indices;
  for (let i = 0; i < 8; i++) ix[i] = DKIX_EMPTY;
  k.usable = 5;
  k.nentries = 0;
  keysFreeList.push(k);
}

/** dk_indices. Plain arrays of small integers: allocating typed arrays costs V8 about ten times
 * as much, and most dicts are small (the sizes CPython reports come from dictKeysSize). */
export type DictIndices = number[];

const EMPTY8: number[] = filled(8, DKIX_EMPTY);
const UNDEF5: undefined[] = filled(5, undefined);
const ZERO5: number[] = filled(5, 0);

/** PyDictKeysObject (combined). */
export class DictKeys<K, V> {
  log2Size: number;
  mask: number;
  indices: DictIndices;
  /** DICT_KEYS_UNICODE (true) or DICT_KEYS_GENERAL (false). */
  unicode: boolean;
  usable: number;
  nentries: number;
  ekeys: (K | undefined)[];
  evalues: (V | undefined)[];
  /** the entries' hashes as signed int32 halves */
  ehi: number[];
  elo: number[];
  /** true only for the shared empty keys object (never counted by __sizeof__, never written). */
  readonly shared: boolean;

  constructor(log2Size: number, unicode: boolean, shared = false) {
    const size = 2 ** log2Size;
    this.log2Size = log2Size;
    this.mask = size - 1;
    const usable = shared ? 0 : usableFraction(size);
    if (size === 8 && usable === 5) {
      // PyDict_MINSIZE: copies of ready-made arrays
      this.indices = EMPTY8.slice();
      this.ekeys = UNDEF5.slice() as (K | undefined)[];
      this.evalues = UNDEF5.slice() as (V | undefined)[];
      this.ehi = ZERO5.slice();
      this.elo = ZERO5.slice();
    } else {
      this.indices = filled(size, DKIX_EMPTY);
      this.ekeys = filled<K | undefined>(usable, undefined);
      this.evalues = filled<V | undefined>(usable, undefined);
      this.ehi = filled(usable, 0);
      this.elo = filled(usable, 0);
    }
    this.unicode = unicode;
    this.usable = usable;
    this.nentries = 0;
    this.shared = shared;
  }

  /** clone_combined_dict_keys */
  clone(): DictKeys<K, V> {
    const c = Object.create(DictKeys.prototype) as DictKeys<K, V>;
    c.log2Size = this.log2Size;
    c.mask = this.mask;
    c.indices = this.indices.slice();
    c.unicode = this.unicode;
    c.usable = this.usable;
    c.nentries = this.nentries;
    c.ekeys = this.ekeys.slice();
    c.evalues = this.evalues.slice();
    c.ehi = this.ehi.slice();
    c.elo = this.elo.slice();
    (c as { shared: boolean }).shared = false;
    return c;
  }

  /** Bytes of this keys object (_PyDict_KeysSize). */
  byteSize(): number {
    return dictKeysSize(this.log2Size, this.unicode);
  }
}

// (as objects/int.ts: dict_new's reuse of a freed keys object rewrites `unicode`; a throwaway keys
// object takes that write before any code is optimised)
{
  const k = new DictKeys(DICT_LOG_MINSIZE, true);
  k.unicode = false;
}

// Py_EMPTY_KEYS: log2 size 0, one DKIX_EMPTY index, usable 0, unicode kind.
const EMPTY_KEYS = new DictKeys<never, never>(0, true, true);

function emptyKeys<K, V>(): DictKeys<K, V> {
  return EMPTY_KEYS as unknown as DictKeys<K, V>;
}

/** lookdict_index: index slot holding entry `index`. */
function lookdictIndex(dk: DictKeys<unknown, unknown>, hi: number, lo: number, index: number): number {
  const mask = dk.mask;
  const idx = dk.indices;
  let i = lo & mask;
  let pLo = lo;
  let pHi = hi;
  for (;;) {
    const ix = idx[i];
    if (ix === index) return i;
    if (ix === DKIX_EMPTY) return DKIX_EMPTY;
    pLo = (pLo >>> 5) | (pHi << 27);
    pHi = pHi >>> 5;
    i = (i * 5 + pLo + 1) & mask;
  }
}

/** find_empty_slot: first slot holding DKIX_EMPTY or DKIX_DUMMY. */
function findEmptySlot(dk: DictKeys<unknown, unknown>, hi: number, lo: number): number {
  const mask = dk.mask;
  const idx = dk.indices;
  let i = lo & mask;
  let pLo = lo;
  let pHi = hi;
  while (idx[i] >= 0) {
    pLo = (pLo >>> 5) | (pHi << 27);
    pHi = pHi >>> 5;
    i = (i * 5 + pLo + 1) & mask;
  }
  return i;
}

/** build_indices_*: insert entries 0..n-1 into a fresh index table. */
function buildIndices(dk: DictKeys<unknown, unknown>, n: number): void {
  const mask = dk.mask;
  const idx = dk.indices;
  const ehi = dk.ehi;
  const elo = dk.elo;
  for (let ix = 0; ix < n; ix++) {
    const lo = elo[ix];
    let pLo = lo;
    let pHi = ehi[ix];
    let i = lo & mask;
    while (idx[i] !== DKIX_EMPTY) {
      pLo = (pLo >>> 5) | (pHi << 27);
      pHi = pHi >>> 5;
      i = (i * 5 + pLo + 1) & mask;
    }
    idx[i] = ix;
  }
}

export class DictTable<K, V> {
  readonly kind = "dict" as const;
  readonly ops: DictKeyOps<K, V>;
  keys: DictKeys<K, V>;
  /** ma_used = len(d). */
  used = 0;
  /** Mutation counter (like ma_version_tag: bumped by every mutation, incl. value replacement). */
  version = 0;
  /** tp_basicsize of the Python type (dict subclasses are larger). */
  basicSize: number;
  /** Out-parameters of popitem() (and the duplicate key of merge(.., 2)). */
  outKey: K | undefined = undefined;
  outValue: V | undefined = undefined;

  constructor(ops: DictKeyOps<K, V>, basicSize: number = DICT_BASICSIZE) {
    this.ops = ops;
    this.basicSize = basicSize;
    this.keys = emptyKeys<K, V>();
  }

  /** dict_new_presized(minused, unicode) (used by BUILD_MAP / BUILD_CONST_KEY_MAP / _PyDict_NewPresized). */
  static newPresized<K, V>(ops: DictKeyOps<K, V>, minused: number, unicode: boolean, basicSize?: number): DictTable<K, V> {
    const d = new DictTable<K, V>(ops, basicSize);
    if (minused <= usableFraction(DICT_MINSIZE)) return d;
    const log2MaxPresize = 17;
    const log2 = minused > usableFraction(2 ** log2MaxPresize) ? log2MaxPresize : estimateLog2Keysize(minused);
    d.keys = new DictKeys<K, V>(log2, unicode);
    return d;
  }

  get size(): number {
    return this.used;
  }

  // ---------------------------------------------------------------- lookup

  /** _Py_dict_lookup: entry index of `key`, or DKIX_EMPTY (-1). */
  lookup(key: K, hash: Hash): number {
    return this.lookupHL(key, hashHi(hash), hashLo(hash));
  }

  lookupHL(key: K, hi: number, lo: number): number {
    start: for (;;) {
      const dk = this.keys;
      const idx = dk.indices;
      const mask = dk.mask;
      const ekeys = dk.ekeys;
      const ehi = dk.ehi;
      const elo = dk.elo;
      let i = lo & mask;
      let pLo = lo;
      let pHi = hi;
      for (;;) {
        const ix = idx[i];
        if (ix >= 0) {
          const startkey = ekeys[ix] as K;
          if (startkey === key) return ix;
          if (elo[ix] === lo && ehi[ix] === hi) {
            const cmp = this.ops.eq(startkey, key);
            if (dk === this.keys && dk.ekeys[ix] === startkey) {
              if (cmp) return ix;
            } else {
              continue start; // the dict was mutated, restart
            }
          }
        } else if (ix === DKIX_EMPTY) {
          return DKIX_EMPTY;
        }
        pLo = (pLo >>> 5) | (pHi << 27);
        pHi = pHi >>> 5;
        i = (i * 5 + pLo + 1) & mask;
      }
    }
  }

  get(key: K, hash: Hash): V | undefined {
    const ix = this.lookupHL(key, hashHi(hash), hashLo(hash));
    return ix < 0 ? undefined : this.keys.evalues[ix];
  }

  /** get() with the hash already split (str keys cache their halves). */
  getHL(key: K, hi: number, lo: number): V | undefined {
    const ix = this.lookupHL(key, hi, lo);
    return ix < 0 ? undefined : this.keys.evalues[ix];
  }

  contains(key: K, hash: Hash): boolean {
    return this.lookupHL(key, hashHi(hash), hashLo(hash)) >= 0;
  }

  // ------------------------------------------------------------- accessors

  /** _PyDict_Next: index of the first live entry at or after `pos`, or -1. */
  nextIndex(pos: number): number {
    const dk = this.keys;
    const n = dk.nentries;
    const ev = dk.evalues;
    while (pos < n) {
      if (ev[pos] !== undefined) return pos;
      pos++;
    }
    return -1;
  }

  keyAt(ix: number): K {
    return this.keys.ekeys[ix] as K;
  }

  valueAt(ix: number): V {
    return this.keys.evalues[ix] as V;
  }

  /** Replaces the value of a live entry (e.g. after lookup); returns the old value. */
  setValueAt(ix: number, value: V): V {
    const ev = this.keys.evalues;
    const old = ev[ix] as V;
    if (old !== value) {
      ev[ix] = value;
      this.version++;
    }
    this.ops.retain?.(value);
    this.ops.release?.(old);
    return old;
  }

  hiAt(ix: number): number {
    return this.keys.ehi[ix];
  }

  loAt(ix: number): number {
    return this.keys.elo[ix];
  }

  hashAt(ix: number): Hash {
    return joinHash(this.keys.ehi[ix], this.keys.elo[ix]);
  }

  /** Live keys in insertion order. */
  keyList(): K[] {
    const out: K[] = [];
    for (let p = this.nextIndex(0); p >= 0; p = this.nextIndex(p + 1)) out.push(this.keys.ekeys[p] as K);
    return out;
  }

  /** Live values in insertion order. */
  valueList(): V[] {
    const out: V[] = [];
    for (let p = this.nextIndex(0); p >= 0; p = this.nextIndex(p + 1)) out.push(this.keys.evalues[p] as V);
    return out;
  }

  /** Number of entry slots (dk_nentries): iteration bound. */
  get nentries(): number {
    return this.keys.nentries;
  }

  // ------------------------------------------------------------- insertion

  /**
   * d[key] = value (PyDict_SetItem -> insert_to_emptydict / insertdict).
   * Returns the replaced value, or undefined when the key was inserted.
   * When replacing, the stored key is kept (the new key object is not stored).
   */
  set(key: K, hash: Hash, value: V): V | undefined {
    return this.setHL(key, hashHi(hash), hashLo(hash), value);
  }

  setHL(key: K, hi: number, lo: number, value: V): V | undefined {
    if (this.keys.shared) {
      this.insertToEmptyDict(key, hi, lo, value);
      return undefined;
    }
    return this.insertdict(key, hi, lo, value);
  }

  private insertToEmptyDict(key: K, hi: number, lo: number, value: V): void {
    const unicode = this.ops.isExactStr(key);
    let dk: DictKeys<K, V>;
    if (keysFreeList.length !== 0) {
      dk = keysFreeList.pop() as DictKeys<K, V>;
      dk.unicode = unicode;
    } else dk = new DictKeys<K, V>(DICT_LOG_MINSIZE, unicode);
    const i = lo & dk.mask;
    dk.indices[i] = 0;
    dk.ekeys[0] = key;
    dk.evalues[0] = value;
    dk.ehi[0] = hi;
    dk.elo[0] = lo;
    dk.nentries = 1;
    dk.usable--;
    this.keys = dk;
    this.used = 1;
    this.version++;
    this.ops.retain?.(key);
    this.ops.retain?.(value);
  }

  /** insertdict(mp, key, hash, value). */
  private insertdict(key: K, hi: number, lo: number, value: V): V | undefined {
    const isStr = this.ops.isExactStr(key);
    if (this.keys.unicode && !isStr) this.insertionResize(false);
    const ix = this.lookupHL(key, hi, lo);
    if (ix === DKIX_EMPTY) {
      this.appendEntry(key, hi, lo, value, isStr);
      return undefined;
    }
    return this.setValueAt(ix, value);
  }

  /** Tail of insertdict / PyDict_SetDefault for a missing key. */
  private appendEntry(key: K, hi: number, lo: number, value: V, isStr: boolean): void {
    if (this.keys.usable <= 0) this.insertionResize(true);
    // Defensive: a mutation during lookup may have left a unicode (e.g. the shared empty) table.
    if (this.keys.unicode && !isStr) this.insertionResize(false);
    else if (this.keys.shared) this.insertionResize(true);
    const dk = this.keys;
    const hashpos = findEmptySlot(dk as DictKeys<unknown, unknown>, hi, lo);
    const n = dk.nentries;
    dk.indices[hashpos] = n;
    dk.ekeys[n] = key;
    dk.evalues[n] = value;
    dk.ehi[n] = hi;
    dk.elo[n] = lo;
    this.used++;
    this.version++;
    dk.usable--;
    dk.nentries = n + 1;
    this.ops.retain?.(key);
    this.ops.retain?.(value);
  }

  /** insertion_resize(mp, unicode) = dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode). */
  private insertionResize(unicode: boolean): void {
    this.resize(calculateLog2Keysize(this.used * 3), unicode);
  }

  /** dictresize(mp, log2_newsize, unicode): compacts the live entries into a new keys object. */
  resize(log2NewSize: number, unicode: boolean): void {
    const old = this.keys;
    if (!old.unicode) unicode = false;
    const nk = new DictKeys<K, V>(log2NewSize, unicode);
    const n = this.used;
    if (n > nk.usable) throw new Error("dictresize: new table too small");
    const ok = old.ekeys;
    const ov = old.evalues;
    const ohi = old.ehi;
    const olo = old.elo;
    const nkk = nk.ekeys;
    const nkv = nk.evalues;
    const nhi = nk.ehi;
    const nlo = nk.elo;
    let src = 0;
    for (let i = 0; i < n; i++) {
      while (ov[src] === undefined) src++;
      nkk[i] = ok[src];
      nkv[i] = ov[src];
      nhi[i] = ohi[src];
      nlo[i] = olo[src];
      src++;
    }
    buildIndices(nk as DictKeys<unknown, unknown>, n);
    nk.usable -= n;
    nk.nentries = n;
    this.keys = nk;
  }

  /** dict.setdefault(key, default) (PyDict_SetDefault): the present value, or `dflt` after inserting it. */
  setdefault(key: K, hash: Hash, dflt: V): V {
    const hi = hashHi(hash);
    const lo = hashLo(hash);
    if (this.keys.shared) {
      this.insertToEmptyDict(key, hi, lo, dflt);
      return dflt;
    }
    const isStr = this.ops.isExactStr(key);
    if (!isStr && this.keys.unicode) this.insertionResize(false);
    const ix = this.lookupHL(key, hi, lo);
    if (ix === DKIX_EMPTY) {
      this.appendEntry(key, hi, lo, dflt, isStr);
      return dflt;
    }
    return this.keys.evalues[ix] as V;
  }

  // --------------------------------------------------------------- removal

  /** delitem_common: removes live entry `ix` (found with hash hi/lo). */
  private delitemCommon(hi: number, lo: number, ix: number): void {
    const dk = this.keys;
    const hashpos = lookdictIndex(dk as DictKeys<unknown, unknown>, hi, lo, ix);
    this.used--;
    this.version++;
    dk.indices[hashpos] = DKIX_DUMMY;
    dk.ekeys[ix] = undefined;
    dk.evalues[ix] = undefined;
  }

  /** del d[key]: false when missing (KeyError). Releases the stored key and the value. */
  delete(key: K, hash: Hash): boolean {
    return this.deleteHL(key, hashHi(hash), hashLo(hash));
  }

  deleteHL(key: K, hi: number, lo: number): boolean {
    const ix = this.lookupHL(key, hi, lo);
    if (ix < 0) return false;
    const dk = this.keys;
    const oldKey = dk.ekeys[ix] as K;
    const oldValue = dk.evalues[ix] as V;
    this.delitemCommon(hi, lo, ix);
    this.ops.release?.(oldKey);
    this.ops.release?.(oldValue);
    return true;
  }

  /**
   * d.pop(key): the removed value (owned by the caller: not released), or
   * undefined when missing. The stored key is released and left in `outKey`.
   */
  pop(key: K, hash: Hash): V | undefined {
    if (this.used === 0) return undefined;
    const hi = hashHi(hash);
    const lo = hashLo(hash);
    const ix = this.lookupHL(key, hi, lo);
    if (ix < 0) return undefined;
    const dk = this.keys;
    const oldKey = dk.ekeys[ix] as K;
    const oldValue = dk.evalues[ix] as V;
    this.delitemCommon(hi, lo, ix);
    this.outKey = oldKey;
    this.ops.release?.(oldKey);
    return oldValue;
  }

  /** d.popitem() (LIFO): false when empty; else key/value (owned by the caller) in outKey/outValue. */
  popitem(): boolean {
    if (this.used === 0) return false;
    const dk = this.keys;
    let i = dk.nentries - 1;
    while (i >= 0 && dk.evalues[i] === undefined) i--;
    const key = dk.ekeys[i] as K;
    const value = dk.evalues[i] as V;
    const hi = dk.ehi[i];
    const lo = dk.elo[i];
    dk.ekeys[i] = undefined;
    dk.evalues[i] = undefined;
    const j = lookdictIndex(dk as DictKeys<unknown, unknown>, hi, lo, i);
    dk.indices[j] = DKIX_DUMMY;
    // no dk_usable++: there is a DKIX_DUMMY in indices
    dk.nentries = i;
    this.used--;
    this.version++;
    this.outKey = key;
    this.outValue = value;
    return true;
  }

  /**
   * d.clear() (PyDict_Clear): back to the shared empty keys (getsizeof 64).
   * Returns the old entries (holes are undefined) for the caller to release;
   * the release hook is also called for each live key and value.
   */
  clear(): { keys: (K | undefined)[]; values: (V | undefined)[]; nentries: number } {
    const old = this.keys;
    const res = { keys: old.ekeys, values: old.evalues, nentries: old.nentries };
    if (this.used === 0 && old.shared) return res;
    this.keys = emptyKeys<K, V>();
    this.used = 0;
    this.version++;
    const rel = this.ops.release;
    if (rel) {
      for (let i = 0; i < res.nentries; i++) {
        const v = res.values[i];
        if (v !== undefined) {
          rel.call(this.ops, res.keys[i] as K);
          rel.call(this.ops, v);
        }
      }
    }
    return res;
  }

  /** Empties the table without releasing anything: the caller takes over the old entries
   * (dict_dealloc reads them from the keys object it held). */
  detach(): void {
    this.keys = emptyKeys<K, V>();
    this.used = 0;
    this.version++;
  }

  // -------------------------------------------------------- bulk operations

  /**
   * PyDict_Copy (d.copy(), dict(d) / copy.copy for exact dicts). `fastCopy`
   * must be false when type(d) overrides __iter__ (then dict_merge is used).
   */
  copy(fastCopy = true): DictTable<K, V> {
    const r = new DictTable<K, V>(this.ops);
    if (this.used === 0) return r;
    const dk = this.keys;
    if (fastCopy && this.used >= Math.floor((dk.nentries * 2) / 3)) {
      r.keys = dk.clone();
      r.used = this.used;
      r.version++;
      r.retainAll();
      return r;
    }
    r.merge(this, 1);
    return r;
  }

  private retainAll(): void {
    const ret = this.ops.retain;
    if (!ret) return;
    const dk = this.keys;
    for (let i = 0; i < dk.nentries; i++) {
      const v = dk.evalues[i];
      if (v !== undefined) {
        ret.call(this.ops, dk.ekeys[i] as K);
        ret.call(this.ops, v);
      }
    }
  }

  /**
   * dict_merge(a, b, override) for a dict `other` whose __iter__ is not
   * overridden. override 1: d.update / dict(d); 0: keep existing values;
   * 2: duplicates are an error (MERGE_DUP_KEY, key in outKey).
   */
  merge(other: DictTable<K, V>, override: 0 | 1 | 2 = 1): number {
    if (other === this || other.used === 0) return MERGE_OK;
    if (this.used === 0) {
      override = 1;
      const okeys = other.keys;
      if (
        other.used === okeys.nentries &&
        (okeys.log2Size === DICT_LOG_MINSIZE || usableFraction(2 ** okeys.log2Size / 2) < other.used)
      ) {
        const old = this.keys;
        this.keys = okeys.clone();
        this.used = other.used;
        this.version++;
        this.retainAll();
        void old; // old keys held no live entries
        return MERGE_OK;
      }
    }
    if (usableFraction(2 ** this.keys.log2Size) < other.used) {
      this.resize(estimateLog2Keysize(this.used + other.used), other.keys.unicode);
    }
    const origSize = other.keys.nentries;
    for (let pos = other.nextIndex(0); pos >= 0; pos = other.nextIndex(pos + 1)) {
      const ok = other.keys;
      const key = ok.ekeys[pos] as K;
      const value = ok.evalues[pos] as V;
      const hi = ok.ehi[pos];
      const lo = ok.elo[pos];
      if (override === 1) {
        this.setHL(key, hi, lo, value);
      } else if (this.lookupHL(key, hi, lo) < 0) {
        this.setHL(key, hi, lo, value);
      } else if (override === 2) {
        this.outKey = key;
        return MERGE_DUP_KEY;
      }
      if (origSize !== other.keys.nentries) return MERGE_MUTATED;
    }
    return MERGE_OK;
  }

  /** dict.fromkeys(d2, value) fast path (this must be a fresh empty dict). */
  fromkeysDict(src: DictTable<K, unknown>, value: V): void {
    this.resize(estimateLog2Keysize(src.used), src.keys.unicode);
    for (let pos = src.nextIndex(0); pos >= 0; pos = src.nextIndex(pos + 1)) {
      this.insertdict(src.keyAt(pos), src.hiAt(pos), src.loAt(pos), value);
    }
  }

  /** dict.fromkeys(s, value) fast path for an exact set/frozenset (general keys, table order). */
  fromkeysSet(src: SetTable<K>, value: V): void {
    this.resize(estimateLog2Keysize(src.used), false);
    for (let pos = src.next(0); pos >= 0; pos = src.next(pos + 1)) {
      const k = src.table[pos];
      if (k === undefined || k === SET_DUMMY) continue;
      this.insertdict(k, src.hi[pos], src.lo[pos], value);
    }
  }

  /** dict_equal(a, b): values compared with identity first, then valueEq (may throw). */
  equals(other: DictTable<K, V>, valueEq: (a: V, b: V) => boolean): boolean {
    if (this.used !== other.used) return false;
    for (let i = 0; i < this.keys.nentries; i++) {
      const dk = this.keys;
      const aval = dk.evalues[i];
      if (aval === undefined) continue;
      const key = dk.ekeys[i] as K;
      const bix = other.lookupHL(key, dk.ehi[i], dk.elo[i]);
      if (bix < 0) return false;
      const bval = other.keys.evalues[bix] as V;
      if (aval !== bval && !valueEq(aval, bval)) return false;
    }
    return true;
  }

  // ----------------------------------------------------------------- sizes

  /** dict.__sizeof__() (_PyDict_SizeOf, combined tables). */
  sizeof(): number {
    let res = this.basicSize;
    if (!this.keys.shared) res += this.keys.byteSize();
    return res;
  }

  /** sys.getsizeof(d) = __sizeof__ + GC header. */
  getsizeof(): number {
    return this.sizeof() + GC_HEAD_SIZE;
  }
}

/**
 * dictiter_iternext*: next() returns the entry index of the next item (read
 * keyAt / valueAt), DICT_ITER_DONE, DICT_ITER_CHANGED_SIZE (sticky), or
 * DICT_ITER_KEYS_CHANGED.
 */
export class DictTableIter<K, V> {
  dict: DictTable<K, V> | null;
  diUsed: number;
  pos = 0;
  len: number;

  constructor(d: DictTable<K, V>) {
    this.dict = d;
    this.diUsed = d.used;
    this.len = d.used;
  }

  next(): number {
    const d = this.dict;
    if (d === null) return DICT_ITER_DONE;
    if (this.diUsed !== d.used) {
      this.diUsed = -1;
      return DICT_ITER_CHANGED_SIZE;
    }
    const k = d.keys;
    const n = k.nentries;
    let i = this.pos;
    while (i < n && k.evalues[i] === undefined) i++;
    if (i >= n) {
      this.dict = null;
      return DICT_ITER_DONE;
    }
    if (this.len === 0) {
      this.dict = null;
      return DICT_ITER_KEYS_CHANGED;
    }
    this.pos = i + 1;
    this.len--;
    return i;
  }

  lengthHint(): number {
    return this.dict !== null && this.diUsed === this.dict.used ? this.len : 0;
  }
}

/** dictreviter_iternext (reversed(d)). */
export class DictTableRevIter<K, V> {
  dict: DictTable<K, V> | null;
  diUsed: number;
  pos: number;
  len: number;

  constructor(d: DictTable<K, V>) {
    this.dict = d;
    this.diUsed = d.used;
    this.len = d.used;
    this.pos = d.used === 0 ? -1 : d.keys.nentries - 1;
  }

  next(): number {
    const d = this.dict;
    if (d === null) return DICT_ITER_DONE;
    if (this.diUsed !== d.used) {
      this.diUsed = -1;
      return DICT_ITER_CHANGED_SIZE;
    }
    let i = this.pos;
    if (i < 0) {
      this.dict = null;
      return DICT_ITER_DONE;
    }
    const ev = d.keys.evalues;
    while (ev[i] === undefined) {
      if (--i < 0) {
        this.dict = null;
        return DICT_ITER_DONE;
      }
    }
    this.pos = i - 1;
    this.len--;
    return i;
  }

  /** dictiter_len (the reverse iterators share it) */
  lengthHint(): number {
    return this.dict !== null && this.diUsed === this.dict.used ? this.len : 0;
  }
}

// ---------------------------------------------------------------------------
// Instance __dict__ sizes (split tables / key sharing). The values of an instance whose dict is
// not an object live in the instance (objects/instance.ts, indexed by this model's `index`); a
// materialised split dict is a combined table here whose sys.getsizeof comes from this model.
//
// In 3.11, instances of ordinary classes keep their attribute values in an
// inline values array whose keys object is shared by the class
// (ht_cached_keys, created by _PyDict_NewKeysForClass with 64 slots, unicode,
// dk_usable = SHARED_KEYS_MAX_SIZE = 30). Observed on 3.11.7 and matching the C:
//  * each instance creation (init_inline_values) does `if (dk_usable > 1) dk_usable--`;
//  * each new attribute name inserted into the shared keys does nentries++, usable--;
//  * a materialised `obj.__dict__` is a split dict, `_PyDict_SizeOf` counts
//    48 + (nentries + usable) * 8 (the shared keys are not counted, dk_refcnt > 1),
//    so sys.getsizeof(obj.__dict__) = 64 + 8 * (nentries + usable):
//    296 for the first instance of a class (whatever its attributes), 288 for
//    the second, ... 72 from the 29th instance on;
//  * when the shared keys are full (usable == 0) a new attribute name turns the
//    instance dict into a combined unicode dict resized with
//    calculate_log2_keysize(used * 3) (e.g. 1584 bytes after 30 attributes);
//    a non-str key stored into obj.__dict__ makes it a combined general dict
//    (insertion_resize(mp, 0): e.g. 352 bytes with 2 items).
// `SharedKeysSizeModel` tracks one class's shared keys for this purpose.

export const SHARED_KEYS_MAX_SIZE = 30;

export class SharedKeysSizeModel {
  /** each attribute name in the shared keys -> its index (the order it joined) */
  index = new Map<string, number>();
  /** the same names in the order they joined */
  order: string[] = [];
  nentries = 0;
  usable = SHARED_KEYS_MAX_SIZE;

  /** A new instance of the class was created (init_inline_values). */
  onInstanceCreated(): void {
    if (this.usable > 1) this.usable--;
  }

  /**
   * A new attribute name is stored on some instance. Returns false when the
   * shared keys are full (that instance's dict must become a combined dict).
   */
  onNewAttributeName(): boolean {
    if (this.usable <= 0) return false;
    this.nentries++;
    this.usable--;
    return true;
  }

  addName(name: string): void {
    this.index.set(name, this.order.length);
    this.order.push(name);
  }

  /** sys.getsizeof(obj.__dict__) for an instance whose dict is still split. */
  instanceDictGetsizeof(): number {
    return DICT_BASICSIZE + GC_HEAD_SIZE + 8 * (this.nentries + this.usable);
  }
}

/** sys.getsizeof of a split instance __dict__ given the shared keys' nentries + usable. */
export function instanceDictGetsizeof(sharedNentries: number, sharedUsable: number): number {
  return DICT_BASICSIZE + GC_HEAD_SIZE + 8 * (sharedNentries + sharedUsable);
}
