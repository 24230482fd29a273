/**
 * CPython 3.11 `Objects/setobject.c` hash table, generic over the key type.
 *
 * Reproduces the table layout exactly (open addressing, `LINEAR_PROBES` 9,
 * perturbation, dummies, `fill`/`used`, the 8-slot small table, the resize
 * rule), so that iteration order (= table order), `set.pop()` order and
 * `sys.getsizeof` match CPython 3.11 64-bit.
 *
 * The table knows nothing about Python objects: hashes are given by the caller
 * (`number | bigint`, canonical), equality by `ops.eq(stored, key)` which may
 * throw (the exception propagates; the table stays consistent) and may mutate
 * the table (CPython's restart rules are mirrored). Identity (`===`)
 * short-circuits `eq` as in CPython. Keys must not be `undefined`.
 *
 * Reference counting: optional `ops.retain(k)` / `ops.release(k)` hooks are
 * called whenever the table stores a new reference to a key / drops one, for
 * every operation (single and bulk). If you do not install the hooks, use the
 * return values of the single-key operations (added?, removed key, cleared keys).
 *
 * Which Python operation maps to which entry point (3.11 semantics):
 *
 *   set() / frozenset()             new SetTable(ops)
 *   {a, b, c} with a non-constant   BUILD_SET n: new SetTable + add(a), add(b), add(c) in source order
 *   {1, 2, 3} all constants (>=3)   compiler emits BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE:
 *                                   the constant frozenset is built with add() in source order, then
 *                                   new SetTable().update(thatFrozenset)  (set_merge: pre-resizes to
 *                                   used*2 and re-inserts in the frozenset's table order -> a different,
 *                                   smaller table: sys.getsizeof({1,2,3,4,5}) == 472, not 728).
 *                                   NB merge_consts_recursive (compile.c) rebuilds the constant as
 *                                   frozenset(tuple(first_frozenset in table order)), which changes
 *                                   the order of e.g. 40-str literals: mirror that too.
 *   {x for x in it}                 BUILD_SET 0 + SET_ADD: add() per item
 *   {*a, *b}                        BUILD_SET 0 + SET_UPDATE per starred operand: update(a) if a is a
 *                                   set/frozenset/dict, else add() per item
 *   set(it) / frozenset(it) / s.update(it) / s |= it (it iterable)
 *                                   set_update_internal: update(other) when other is an exact set,
 *                                   frozenset (or subclass) or exact dict; otherwise add() per item
 *   s.add(x)                        add(x, hash)
 *   x in s                          contains(x, hash)
 *   s.remove(x) / s.discard(x)      discard(x, hash) (remove raises KeyError when it returns NOT_FOUND)
 *   s.pop()                         pop()
 *   s.clear()                       clear()
 *   s.copy() / frozenset copies     copy()   (frozenset.copy()/frozenset(fs) of an exact frozenset
 *                                   return the same object: caller's business)
 *   s | t, s.union(t, ...)          union(t) for one set operand; for s.union(*others) do
 *                                   r = s.copy(); then per other (skipping other === s): r.update(o) or adds
 *   s & t, s.intersection(t)        intersection(t) when t is a set/frozenset; for another iterable:
 *                                   r = new; for x in it: h = hash(x); if s.contains(x,h) { r.add(x,h);
 *                                   if (r.used >= s.used) break }      (3.11 stops early)
 *   s &= t, s.intersection_update   intersectionUpdate(t) (swaps bodies with the result)
 *   s - t, s.difference(t)          difference(t) for set/frozenset/dict t; other iterables:
 *                                   r = s.copy(); r.discard(x) per item; r.purgeDummies()
 *   s -= t, s.difference_update(t)  differenceUpdate(t) for sets/dicts; other iterables:
 *                                   discard() per item, then purgeDummies()
 *   s ^ t, s.symmetric_difference   symmetricDifference(t) (t set or dict); other iterables: build a
 *                                   set tmp from it first (set(it) recipe), then symmetricDifference(tmp)
 *   s ^= t                          symmetricDifferenceUpdate(t) (t set or dict; else via tmp set)
 *   s <= t, s.issubset(t)           issubset(t) (for non-set t build set(t) first); s >= t: t.issubset(s)
 *   s == t                          equals(t)
 *   s.isdisjoint(t)                 isdisjoint(t) for sets; other iterables: contains() per item
 *   hash(frozenset)                 frozensetHash()
 *   s.__sizeof__() / getsizeof(s)   sizeof() / getsizeof()
 *   iter(s)                         new SetTableIter(s)
 */

import { type Hash, hashHi, hashLo, joinHash, filled } from "./hash64";
import type { DictTable } from "./dicttable";

export const SET_MINSIZE = 8;
export const LINEAR_PROBES = 9;
/** sizeof(setentry) on 64-bit: key pointer + Py_hash_t. */
export const SETENTRY_SIZE = 16;
/** sizeof(PySetObject) on 64-bit (includes the 8-entry smalltable). */
export const SET_BASICSIZE = 200;
/** PyGC_Head on 64-bit 3.11. */
export const GC_HEAD_SIZE = 16;

/** Marker stored in a slot whose key was deleted (CPython's `dummy`). */
export const SET_DUMMY: unique symbol = Symbol("set-dummy");
export type SetSlot<K> = K | typeof SET_DUMMY | undefined;

export interface SetKeyOps<K> {
  /** `PyObject_RichCompareBool(stored, key, Py_EQ)` minus the identity test. May throw / mutate. */
  eq(stored: K, key: K): boolean;
  /** Called when the table stores a new reference to `key`. */
  retain?(key: K): void;
  /** Called after the table dropped its reference to `key`. */
  release?(key: K): void;
}

/** Iterator results of SetTableIter.next() (non-negative values are slot indices). */
export const ITER_DONE = -1;
export const ITER_CHANGED_SIZE = -2;

export class SetTable<K> {
  readonly kind = "set" as const;
  readonly ops: SetKeyOps<K>;
  /** Active + dummy slots. */
  fill = 0;
  /** Active slots (= len(s)). */
  used = 0;
  /** Table size - 1. */
  mask = SET_MINSIZE - 1;
  /** Slot keys: a key, SET_DUMMY, or undefined (never used). */
  table: SetSlot<K>[];
  /** High / low int32 halves of each slot's hash (dummies: -1/-1, unused: 0/0). */
  hi: number[];
  lo: number[];
  /** Search finger for pop(). */
  finger = 0;
  /** Cached frozenset hash; -1 = not computed. */
  hashCache: Hash = -1;
  /** Basic size of the Python type (tp_basicsize); subclasses are larger. */
  basicSize: number;
  private readonly smallTable: SetSlot<K>[];
  private readonly smallHi: number[];
  private readonly smallLo: number[];

  constructor(ops: SetKeyOps<K>, basicSize: number = SET_BASICSIZE) {
    this.ops = ops;
    this.basicSize = basicSize;
    this.smallTable = filled<SetSlot<K>>(SET_MINSIZE, undefined);
    this.smallHi = filled(SET_MINSIZE, 0);
    this.smallLo = filled(SET_MINSIZE, 0);
    this.table = this.smallTable;
    this.hi = this.smallHi;
    this.lo = this.smallLo;
  }

  get size(): number {
    return this.used;
  }

  /** True when the table is the embedded 8-slot small table. */
  get isSmall(): boolean {
    return this.table === this.smallTable;
  }

  // ------------------------------------------------------------------ core

  /** set.add: returns true if the key was inserted, false if already present. */
  add(key: K, hash: Hash): boolean {
    return this.addHL(key, hashHi(hash), hashLo(hash));
  }

  /** set_add_entry with the hash given as int32 halves. */
  addHL(key: K, hi: number, lo: number): boolean {
    restart: for (;;) {
      const table = this.table;
      const hiA = this.hi;
      const loA = this.lo;
      let mask = this.mask;
      let i = lo & mask;
      let pLo = lo;
      let pHi = hi;
      let freeslot = -1;
      let j: number;
      for (;;) {
        j = i;
        let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
          const k = table[j];
          if (k === undefined) break;
          if (loA[j] === lo && hiA[j] === hi) {
            const startkey = k as K;
            if (startkey === key) return false;
            const cmp = this.ops.eq(startkey, key);
            if (cmp) return false;
            if (table !== this.table || table[j] !== startkey) continue restart;
            mask = this.mask;
          } else if (k === SET_DUMMY) {
            freeslot = j; // 3.11: the last dummy seen on the probe path (no `freeslot == NULL` test)
          }
          j++;
        } while (probes-- > 0);
        if (probes < 0) {
          // loop ran out: next probe sequence
          pLo = (pLo >>> 5) | (pHi << 27);
          pHi = pHi >>> 5;
          i = (i * 5 + 1 + pLo) & mask;
          continue;
        }
        break;
      }
      // found_unused_or_dummy
      if (freeslot >= 0) {
        this.used++;
        table[freeslot] = key;
        hiA[freeslot] = hi;
        loA[freeslot] = lo;
        this.ops.retain?.(key);
        return true;
      }
      this.fill++;
      this.used++;
      table[j] = key;
      hiA[j] = hi;
      loA[j] = lo;
      this.ops.retain?.(key);
      if (this.fill * 5 < mask * 3) return true;
      this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
      return true;
    }
  }

  /** set_lookkey: slot index of the active entry equal to key, or -1. */
  lookupHL(key: K, hi: number, lo: number): number {
    restart: for (;;) {
      const table = this.table;
      const hiA = this.hi;
      const loA = this.lo;
      let mask = this.mask;
      let i = lo & mask;
      let pLo = lo;
      let pHi = hi;
      for (;;) {
        let j = i;
        let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
          const k = table[j];
          if (k === undefined) return -1;
          if (loA[j] === lo && hiA[j] === hi) {
            const startkey = k as K;
            if (startkey === key) return j;
            const cmp = this.ops.eq(startkey, key);
            if (table !== this.table || table[j] !== startkey) continue restart;
            if (cmp) return j;
            mask = this.mask;
          }
          j++;
        } while (probes-- > 0);
        pLo = (pLo >>> 5) | (pHi << 27);
        pHi = pHi >>> 5;
        i = (i * 5 + 1 + pLo) & mask;
      }
    }
  }

  contains(key: K, hash: Hash): boolean {
    return this.lookupHL(key, hashHi(hash), hashLo(hash)) >= 0;
  }

  containsHL(key: K, hi: number, lo: number): boolean {
    return this.lookupHL(key, hi, lo) >= 0;
  }

  /** The stored key equal to `key` (it may be a different object), or undefined. */
  getStoredKey(key: K, hash: Hash): K | undefined {
    const j = this.lookupHL(key, hashHi(hash), hashLo(hash));
    return j < 0 ? undefined : (this.table[j] as K);
  }

  /** set_discard_entry: returns the removed stored key, or undefined when not found. */
  discard(key: K, hash: Hash): K | undefined {
    return this.discardHL(key, hashHi(hash), hashLo(hash));
  }

  discardHL(key: K, hi: number, lo: number): K | undefined {
    const j = this.lookupHL(key, hi, lo);
    if (j < 0) return undefined;
    const old = this.table[j] as K;
    this.table[j] = SET_DUMMY;
    this.hi[j] = -1;
    this.lo[j] = -1;
    this.used--;
    this.ops.release?.(old);
    return old;
  }

  /** set.pop(): removes and returns a key (finger rule), or undefined when empty (KeyError). */
  pop(): K | undefined {
    if (this.used === 0) return undefined;
    const table = this.table;
    const mask = this.mask;
    let i = this.finger & mask;
    let k = table[i];
    while (k === undefined || k === SET_DUMMY) {
      i++;
      if (i > mask) i = 0;
      k = table[i];
    }
    table[i] = SET_DUMMY;
    this.hi[i] = -1;
    this.lo[i] = -1;
    this.used--;
    this.finger = i + 1;
    // the caller owns the returned reference (no release call)
    return k;
  }

  /** set_clear_internal: returns the keys that were in the table (table order). */
  clear(): K[] {
    const table = this.table;
    const fill = this.fill;
    let old: SetSlot<K>[] = table;
    if (table !== this.smallTable) {
      this.emptyToMinsize();
    } else if (fill > 0) {
      old = table.slice();
      this.emptyToMinsize();
    } else {
      return [];
    }
    const out: K[] = [];
    for (let i = 0; i < old.length; i++) {
      const k = old[i];
      if (k !== undefined && k !== SET_DUMMY) out.push(k);
    }
    const rel = this.ops.release;
    if (rel) for (const k of out) rel.call(this.ops, k);
    return out;
  }

  private emptyToMinsize(): void {
    this.smallTable.fill(undefined);
    this.smallHi.fill(0);
    this.smallLo.fill(0);
    this.fill = 0;
    this.used = 0;
    this.mask = SET_MINSIZE - 1;
    this.table = this.smallTable;
    this.hi = this.smallHi;
    this.lo = this.smallLo;
    this.hashCache = -1;
  }

  /** set_table_resize(so, minused). */
  resize(minused: number): void {
    let newsize = SET_MINSIZE;
    while (newsize <= minused) newsize *= 2;
    let oldTable = this.table;
    let oldHi = this.hi;
    let oldLo = this.lo;
    let newTable: SetSlot<K>[];
    let newHi: number[];
    let newLo: number[];
    if (newsize === SET_MINSIZE) {
      newTable = this.smallTable;
      newHi = this.smallHi;
      newLo = this.smallLo;
      if (newTable === oldTable) {
        if (this.fill === this.used) return; // no dummies
        oldTable = oldTable.slice();
        oldHi = oldHi.slice();
        oldLo = oldLo.slice();
      }
      newTable.fill(undefined);
      newHi.fill(0);
      newLo.fill(0);
    } else {
      newTable = filled<SetSlot<K>>(newsize, undefined);
      newHi = filled(newsize, 0);
      newLo = filled(newsize, 0);
    }
    const newmask = newsize - 1;
    this.mask = newmask;
    this.table = newTable;
    this.hi = newHi;
    this.lo = newLo;
    this.fill = this.used;
    for (let j = 0; j < oldTable.length; j++) {
      const k = oldTable[j];
      if (k !== undefined && k !== SET_DUMMY) {
        insertClean(newTable, newHi, newLo, newmask, k, oldHi[j], oldLo[j]);
      }
    }
  }

  /** Slot index of the first active slot at or after `pos`, or -1 (set_next). */
  next(pos: number): number {
    const table = this.table;
    const mask = this.mask;
    while (pos <= mask) {
      const k = table[pos];
      if (k !== undefined && k !== SET_DUMMY) return pos;
      pos++;
    }
    return -1;
  }

  /** Key at an active slot. */
  keyAt(slot: number): K {
    return this.table[slot] as K;
  }

  /** Hash stored at an active slot (canonical form). */
  hashAt(slot: number): Hash {
    return joinHash(this.hi[slot], this.lo[slot]);
  }

  /** Active keys in iteration (table) order. */
  keys(): K[] {
    const out: K[] = [];
    for (let p = this.next(0); p >= 0; p = this.next(p + 1)) out.push(this.table[p] as K);
    return out;
  }

  // ---------------------------------------------------------- bulk operations

  /**
   * set_update_internal for an exact set/frozenset (set_merge) or an exact
   * dict (dict fast path). Other iterables: the caller calls add() per item.
   */
  update(other: SetTable<K> | DictTable<K, unknown>): void {
    if (other.kind === "set") {
      this.merge(other);
      return;
    }
    const dictsize = other.used;
    if ((this.fill + dictsize) * 5 >= this.mask * 3) {
      this.resize((this.used + dictsize) * 2);
    }
    for (let pos = other.nextIndex(0); pos >= 0; pos = other.nextIndex(pos + 1)) {
      this.addHL(other.keyAt(pos), other.hiAt(pos), other.loAt(pos));
    }
  }

  /** set_merge(so, other). */
  merge(other: SetTable<K>): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) {
      this.resize((this.used + other.used) * 2);
    }
    const retain = this.ops.retain;
    const otable = other.table;
    const ohi = other.hi;
    const olo = other.lo;
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      const table = this.table;
      for (let i = 0; i <= other.mask; i++) {
        const k = otable[i];
        if (k !== undefined) {
          table[i] = k;
          this.hi[i] = ohi[i];
          this.lo[i] = olo[i];
          if (retain) retain.call(this.ops, k as K);
        }
      }
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      const table = this.table;
      const mask = this.mask;
      this.fill = other.used;
      this.used = other.used;
      for (let i = 0; i <= other.mask; i++) {
        const k = otable[i];
        if (k !== undefined && k !== SET_DUMMY) {
          insertClean(table, this.hi, this.lo, mask, k, ohi[i], olo[i]);
          if (retain) retain.call(this.ops, k);
        }
      }
      return;
    }
    for (let i = 0; i <= other.mask; i++) {
      const k = other.table[i];
      if (k !== undefined && k !== SET_DUMMY) {
        this.addHL(k, other.hi[i], other.lo[i]);
      }
    }
  }

  /** set_copy: a new set built by set_update_internal(new, this). */
  copy(basicSize: number = this.basicSize): SetTable<K> {
    const r = new SetTable<K>(this.ops, basicSize);
    r.merge(this);
    return r;
  }

  /** set_or / single-operand set.union: copy() then update(other). */
  union(other: SetTable<K> | DictTable<K, unknown>): SetTable<K> {
    const r = this.copy();
    if ((other as unknown) === this) return r;
    r.update(other);
    return r;
  }

  /** set_intersection with a set/frozenset operand (iterates the smaller one). */
  intersection(other: SetTable<K>): SetTable<K> {
    if (other === this) return this.copy();
    const result = new SetTable<K>(this.ops, this.basicSize);
    let so: SetTable<K> = this;
    let ot: SetTable<K> = other;
    if (ot.used > so.used) {
      const t = so;
      so = ot;
      ot = t;
    }
    for (let pos = ot.next(0); pos >= 0; pos = ot.next(pos + 1)) {
      const k = ot.table[pos] as K;
      const hi = ot.hi[pos];
      const lo = ot.lo[pos];
      if (so.containsHL(k, hi, lo)) result.addHL(k, hi, lo);
    }
    return result;
  }

  /**
   * set_intersection_update: computes the intersection and swaps bodies with
   * it. Returns the temporary set that now holds the old body (the caller
   * releases its keys, e.g. with clear()).
   */
  intersectionUpdate(other: SetTable<K>): SetTable<K> {
    const tmp = this.intersection(other);
    swapBodies(this, tmp, false);
    return tmp;
  }

  /** set_isdisjoint with a set operand. */
  isdisjoint(other: SetTable<K>): boolean {
    if (other === this) return this.used === 0;
    let so: SetTable<K> = this;
    let ot: SetTable<K> = other;
    if (ot.used > so.used) {
      const t = so;
      so = ot;
      ot = t;
    }
    for (let pos = ot.next(0); pos >= 0; pos = ot.next(pos + 1)) {
      if (so.containsHL(ot.table[pos] as K, ot.hi[pos], ot.lo[pos])) return false;
    }
    return true;
  }

  /** set_difference with a set/frozenset/dict operand. */
  difference(other: SetTable<K> | DictTable<K, unknown>): SetTable<K> {
    const otherSize = other.used;
    if (this.used >> 2 > otherSize) return this.copyAndDifference(other);
    const result = new SetTable<K>(this.ops, this.basicSize);
    for (let pos = this.next(0); pos >= 0; pos = this.next(pos + 1)) {
      const k = this.table[pos] as K;
      const hi = this.hi[pos];
      const lo = this.lo[pos];
      const found = other.kind === "set" ? other.containsHL(k, hi, lo) : other.lookupHL(k, hi, lo) >= 0;
      if (!found) result.addHL(k, hi, lo);
    }
    return result;
  }

  /** set_copy_and_difference. */
  copyAndDifference(other: SetTable<K> | DictTable<K, unknown>): SetTable<K> {
    const r = this.copy();
    r.differenceUpdate(other);
    return r;
  }

  /**
   * set_difference_update_internal for a set/frozenset operand, or for a dict
   * (the generic-iterable path over its keys; same result).
   */
  differenceUpdate(other: SetTable<K> | DictTable<K, unknown>): void {
    if ((other as unknown) === this) {
      this.clear();
      return;
    }
    if (other.kind === "set") {
      let o: SetTable<K> = other;
      if (o.used >> 3 > this.used) o = this.intersection(o);
      for (let pos = o.next(0); pos >= 0; pos = o.next(pos + 1)) {
        this.discardHL(o.table[pos] as K, o.hi[pos], o.lo[pos]);
      }
      if (o !== other) o.clear();
    } else {
      for (let pos = other.nextIndex(0); pos >= 0; pos = other.nextIndex(pos + 1)) {
        this.discardHL(other.keyAt(pos), other.hiAt(pos), other.loAt(pos));
      }
    }
    this.purgeDummies();
  }

  /** Tail of set_difference_update_internal: "if more than 1/4th are dummies, resize them away". */
  purgeDummies(): void {
    if (this.fill - this.used <= this.mask >>> 2) return;
    this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  /** set_symmetric_difference_update with a set/frozenset or dict operand. */
  symmetricDifferenceUpdate(other: SetTable<K> | DictTable<K, unknown>): void {
    if ((other as unknown) === this) {
      this.clear();
      return;
    }
    if (other.kind === "dict") {
      for (let pos = other.nextIndex(0); pos >= 0; pos = other.nextIndex(pos + 1)) {
        const k = other.keyAt(pos);
        const hi = other.hiAt(pos);
        const lo = other.loAt(pos);
        if (this.discardHL(k, hi, lo) === undefined) this.addHL(k, hi, lo);
      }
      return;
    }
    for (let pos = other.next(0); pos >= 0; pos = other.next(pos + 1)) {
      const k = other.table[pos] as K;
      const hi = other.hi[pos];
      const lo = other.lo[pos];
      if (this.discardHL(k, hi, lo) === undefined) this.addHL(k, hi, lo);
    }
  }

  /** set_symmetric_difference: new set from `other`, then ^= this. */
  symmetricDifference(other: SetTable<K> | DictTable<K, unknown>): SetTable<K> {
    const r = new SetTable<K>(this.ops, this.basicSize);
    r.update(other);
    r.symmetricDifferenceUpdate(this);
    return r;
  }

  /** set_issubset with a set operand. */
  issubset(other: SetTable<K>): boolean {
    if (this.used > other.used) return false;
    for (let pos = this.next(0); pos >= 0; pos = this.next(pos + 1)) {
      if (!other.containsHL(this.table[pos] as K, this.hi[pos], this.lo[pos])) return false;
    }
    return true;
  }

  /** set_richcompare Py_EQ (for frozensets the cached hashes are compared first). */
  equals(other: SetTable<K>): boolean {
    if (this.used !== other.used) return false;
    if (this.hashCache !== -1 && other.hashCache !== -1 && this.hashCache !== other.hashCache) return false;
    return this.issubset(other);
  }

  /** frozenset_hash (computed once, cached in hashCache). */
  frozensetHash(): Hash {
    if (this.hashCache !== -1) return this.hashCache;
    let h = 0n;
    for (let pos = this.next(0); pos >= 0; pos = this.next(pos + 1)) {
      h ^= shuffleBits(this.hi[pos], this.lo[pos]);
    }
    const res = finishFrozensetHash(h, this.used);
    this.hashCache = res;
    return res;
  }

  // ----------------------------------------------------------------- sizes

  /** set.__sizeof__() */
  sizeof(): number {
    let res = this.basicSize;
    if (this.table !== this.smallTable) res += (this.mask + 1) * SETENTRY_SIZE;
    return res;
  }

  /** sys.getsizeof(s): __sizeof__ + GC header. */
  getsizeof(): number {
    return this.sizeof() + GC_HEAD_SIZE;
  }
}

/** set_insert_clean: insert into a table known to hold no dummies nor the key. */
function insertClean<K>(
  table: SetSlot<K>[],
  hiA: number[],
  loA: number[],
  mask: number,
  key: K,
  hi: number,
  lo: number,
): void {
  let i = lo & mask;
  let pLo = lo;
  let pHi = hi;
  for (;;) {
    if (table[i] === undefined) {
      table[i] = key;
      hiA[i] = hi;
      loA[i] = lo;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = i + 1; j <= i + LINEAR_PROBES; j++) {
        if (table[j] === undefined) {
          table[j] = key;
          hiA[j] = hi;
          loA[j] = lo;
          return;
        }
      }
    }
    pLo = (pLo >>> 5) | (pHi << 27);
    pHi = pHi >>> 5;
    i = (i * 5 + 1 + pLo) & mask;
  }
}

/** set_swap_bodies(a, b). `bothFrozen`: both are frozensets (then the hashes are swapped). */
export function swapBodies<K>(a: SetTable<K>, b: SetTable<K>, bothFrozen: boolean): void {
  // Access the private small tables through an index signature view.
  type Priv = { smallTable: SetSlot<K>[]; smallHi: number[]; smallLo: number[] };
  const pa = a as unknown as Priv;
  const pb = b as unknown as Priv;
  let t = a.fill;
  a.fill = b.fill;
  b.fill = t;
  t = a.used;
  a.used = b.used;
  b.used = t;
  t = a.mask;
  a.mask = b.mask;
  b.mask = t;
  const aSmall = a.table === pa.smallTable;
  const bSmall = b.table === pb.smallTable;
  const aTab = a.table, aHi = a.hi, aLo = a.lo;
  if (bSmall) {
    a.table = pa.smallTable;
    a.hi = pa.smallHi;
    a.lo = pa.smallLo;
  } else {
    a.table = b.table;
    a.hi = b.hi;
    a.lo = b.lo;
  }
  if (aSmall) {
    b.table = pb.smallTable;
    b.hi = pb.smallHi;
    b.lo = pb.smallLo;
  } else {
    b.table = aTab;
    b.hi = aHi;
    b.lo = aLo;
  }
  if (aSmall || bSmall) {
    const tt = pa.smallTable.slice();
    const th = pa.smallHi.slice();
    const tl = pa.smallLo.slice();
    for (let i = 0; i < SET_MINSIZE; i++) {
      pa.smallTable[i] = pb.smallTable[i];
      pa.smallHi[i] = pb.smallHi[i];
      pa.smallLo[i] = pb.smallLo[i];
      pb.smallTable[i] = tt[i];
      pb.smallHi[i] = th[i];
      pb.smallLo[i] = tl[i];
    }
  }
  if (bothFrozen) {
    const h = a.hashCache;
    a.hashCache = b.hashCache;
    b.hashCache = h;
  } else {
    a.hashCache = -1;
    b.hashCache = -1;
  }
}

const M64 = (1n << 64n) - 1n;

/** _shuffle_bits(h) of setobject.c on the unsigned 64-bit hash given as halves. */
function shuffleBits(hi: number, lo: number): bigint {
  const h = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
  return ((h ^ 89869747n ^ ((h << 16n) & M64)) * 3644798167n) & M64;
}

function finishFrozensetHash(xorOfShuffled: bigint, used: number): Hash {
  let hash = xorOfShuffled;
  hash ^= ((BigInt(used) + 1n) * 1927868237n) & M64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M64;
  if (hash === M64) hash = 590923713n;
  const s = BigInt.asIntN(64, hash);
  if (s >= -9007199254740991n && s <= 9007199254740991n) return Number(s);
  return s;
}

/** Frozenset hash of a multiset-free list of element hashes (same result as frozensetHash()). */
export function frozensetHashOf(hashes: readonly Hash[]): Hash {
  let h = 0n;
  for (const x of hashes) h ^= shuffleBits(hashHi(x), hashLo(x));
  return finishFrozensetHash(h, hashes.length);
}

/**
 * setiter: `next()` returns the slot index of the next key (read it with
 * set.keyAt(i)), ITER_DONE when exhausted, or ITER_CHANGED_SIZE when the set's
 * size changed since the iterator was created (RuntimeError "Set changed size
 * during iteration"; sticky, like CPython's si_used = -1).
 */
export class SetTableIter<K> {
  set: SetTable<K> | null;
  siUsed: number;
  pos = 0;
  len: number;

  constructor(set: SetTable<K>) {
    this.set = set;
    this.siUsed = set.used;
    this.len = set.used;
  }

  next(): number {
    const so = this.set;
    if (so === null) return ITER_DONE;
    if (this.siUsed !== so.used) {
      this.siUsed = -1;
      return ITER_CHANGED_SIZE;
    }
    const i = so.next(this.pos);
    if (i < 0) {
      this.pos = so.mask + 2;
      this.set = null;
      return ITER_DONE;
    }
    this.pos = i + 1;
    this.len--;
    return i;
  }

  /** __length_hint__ */
  lengthHint(): number {
    return this.set !== null && this.siUsed === this.set.used ? this.len : 0;
  }
}
