// The cyclic garbage collector of CPython 3.11 (Modules/gcmodule.c) over the instrumented heap:
// three generations, allocation counting with the list/dict/tuple free lists, automatic
// collection inside the allocation that crosses threshold 0, and gc_collect_main's phases
// (update_refs, subtract_refs, move_unreachable, untrack_tuples/dicts, weakrefs, PEP 442
// finalizers, resurrection, tp_clear).

import { interpreterObjectsAtStart } from './gcbaseline';
import { PyObject, TypeFlags, GcWord, type ObjectSetView, heap, traverseFull, clearExtraSlots, incref, decref, gcSlotOf, withGcSlot } from './object';
import { profile } from './profile';
import { ListType, type PyList } from './objects/list';
import { TupleType, type PyTuple } from './objects/tuple';
import { DictType } from './objects/dict';
import { PyInstance } from './objects/instance';
import { SliceType } from './objects/misc';

export interface GenStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

/** the gc word's generation code of generation g (-2..3) */
function genCode(g: number): number {
  return g + 2;
}

/**
 * A generation's list (gcmodule.c's gc_list, a doubly linked list): objects in the order they
 * joined, O(1) append and O(1) removal. A removed object leaves a hole (its slot, kept in the gc
 * word, is cleared) that the next compaction drops; an object is in one list at a time.
 */
export class GenList {
  private objs: (PyObject | null)[] = [];
  private holes = 0;
  size = 0;
  constructor(from?: PyObject[]) {
    if (from) for (const o of from) this.add(o);
  }
  add(o: PyObject): void {
    o.gcw = withGcSlot(o.gcw, this.objs.length);
    this.objs.push(o);
    this.size++;
  }
  /** add, setting the object's generation code in the same write */
  addAs(o: PyObject, code: number): void {
    const w = o.gcw;
    o.gcw = (w & (GcWord.LOW_MASK - GcWord.GEN_MASK)) + code + (this.objs.length + 1) * GcWord.SLOT_UNIT;
    this.objs.push(o);
    this.size++;
  }
  delete(o: PyObject): void {
    const w = o.gcw;
    const i = gcSlotOf(w);
    const objs = this.objs;
    const n = objs.length;
    if (i < 0 || i >= n || objs[i] !== o) return;
    o.gcw = withGcSlot(w, -1);
    this.size--;
    if (i === n - 1) {
      // the newest object (most die young, in the order they were made): the list gets shorter,
      // with the holes that were left just before it, and the order of the rest is the same
      objs.pop();
      while (this.holes !== 0 && objs.length !== 0 && objs[objs.length - 1] === null) {
        objs.pop();
        this.holes--;
      }
      return;
    }
    objs[i] = null;
    if (++this.holes > 1024 && this.holes > n >> 1) this.compact();
  }
  /** the slots in use, holes included (tests) */
  get slots(): number {
    return this.objs.length;
  }
  /** drop the holes, in place */
  private compact(): void {
    const objs = this.objs;
    let n = 0;
    for (let i = 0; i < objs.length; i++) {
      const o = objs[i];
      if (o === null) continue;
      if (n !== i) {
        objs[n] = o;
        o.gcw = withGcSlot(o.gcw, n);
      }
      n++;
    }
    objs.length = n;
    this.holes = 0;
  }
  /** the objects in list order (a fresh array) */
  toArray(): PyObject[] {
    if (this.holes) this.compact();
    return this.objs.slice() as PyObject[];
  }
  /** the objects in list order, leaving the list empty (the array itself: no copy) */
  take(): PyObject[] {
    if (this.holes) this.compact();
    const a = this.objs as PyObject[];
    this.objs = [];
    this.size = 0;
    return a;
  }
  /** a list of `objs` (taken over, not copied), each set to generation code `code` */
  static adopt(objs: PyObject[], code: number): GenList {
    const l = new GenList();
    for (let i = 0; i < objs.length; i++) {
      const o = objs[i];
      o.gcw = (o.gcw & (GcWord.LOW_MASK - GcWord.GEN_MASK)) + code + (i + 1) * GcWord.SLOT_UNIT;
    }
    l.objs = objs;
    l.size = objs.length;
    return l;
  }
  [Symbol.iterator](): Iterator<PyObject> {
    return this.toArray()[Symbol.iterator]();
  }
  /** whether `pred` holds for an object of the list (no copy) */
  some(pred: (o: PyObject) => boolean): boolean {
    const objs = this.objs;
    for (let i = 0; i < objs.length; i++) {
      const o = objs[i];
      if (o !== null && pred(o)) return true;
    }
    return false;
  }
}

export interface GCState {
  /** generation lists; Set keeps insertion order like gc's doubly linked lists */
  gens: [GenList, GenList, GenList];
  permanent: GenList;
  count: [number, number, number];
  threshold: [number, number, number];
  enabled: boolean;
  collecting: boolean;
  debug: number;
  longLivedPending: number;
  longLivedTotal: number;
  /** CPython's own long-lived objects that RefScope does not have (gcbaseline.ts), counted in
   * long_lived_total after each full collection */
  interpreterObjects: number;
  /** where those are: generation 2, or the permanent generation after gc.freeze() */
  interpreterObjectsFrozen: boolean;
  stats: [GenStats, GenStats, GenStats];
  /** free lists (numfree) of exact lists, dicts and tuples by size; `slice`: whether the
   * interpreter's one-slice cache (interp->slice_cache) holds a slice */
  freeLists: { list: number; dict: number; tuple: number[]; slice: number };
  /** gc objects allocated (for the status line) */
  allocations: number;
  /** collections run (for the status line) */
  runs: number;
}

export const gcState: GCState = newState();

function newState(): GCState {
  return {
    gens: [new GenList(), new GenList(), new GenList()],
    permanent: new GenList(),
    count: [0, 0, 0],
    threshold: [...profile.gcThresholds],
    enabled: true,
    collecting: false,
    debug: 0,
    longLivedPending: 0,
    longLivedTotal: 0,
    interpreterObjects: interpreterObjectsAtStart(),
    interpreterObjectsFrozen: false,
    stats: [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 })) as [GenStats, GenStats, GenStats],
    // (CPython's start-up leaves a slice in the cache)
    freeLists: { list: 0, dict: 0, tuple: new Array(20).fill(0), slice: 1 },
    allocations: 0,
    runs: 0,
  };
}

export const DEBUG_STATS = 1;
export const DEBUG_COLLECTABLE = 2;
export const DEBUG_UNCOLLECTABLE = 4;
export const DEBUG_SAVEALL = 32;
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

const LIST_FREELIST = 80;
const DICT_FREELIST = 80;
const TUPLE_MAXSAVESIZE = 20;
const TUPLE_FREELIST = 2000;

/** What the collector needs from the rest of the runtime (set by the interpreter). */
export interface GCHooks {
  /** exact type checks for the free lists */
  kindOf(o: PyObject): 'list' | 'dict' | 'tuple' | null;
  tupleSize(o: PyObject): number;
  /** _PyObject_GC_MAY_BE_TRACKED for the items of tuples and dicts */
  mayBeTracked(o: PyObject): boolean;
  tupleItems(o: PyObject): PyObject[] | null;
  dictEntries(o: PyObject): PyObject[] | null;
  /** run tp_finalize (__del__, generator close); errors are unraisable */
  finalize(o: PyObject): void;
  hasFinalizer(o: PyObject): boolean;
  /** handle_weakrefs: clear weakrefs to unreachable objects, return callbacks to run */
  handleWeakrefs(unreachable: ObjectSetView): [PyObject, PyObject][];
  /** call a weakref callback (errors unraisable) */
  callCallback(wr: PyObject, cb: PyObject): void;
  /** gc.callbacks: called with ("start"|"stop", info) */
  runCallbacks(phase: 'start' | 'stop', generation: number, collected: number, uncollectable: number): void;
  /** DEBUG_SAVEALL: append to gc.garbage */
  saveGarbage(o: PyObject): void;
  writeStderr(s: string): void;
  describe(o: PyObject): string;
}

let hooks: GCHooks | null = null;
export function setGCHooks(h: GCHooks): void {
  hooks = h;
}

/** _PyObject_GC_Link (+ _PyObject_GC_TRACK when `track`): a fresh gc object. `tupleSize`: the
 *  size a tuple was allocated with when it differs from its items (PySequence_Tuple allocates
 *  its guess, tuple_alloc's maybe_freelist_pop takes that size's free list, and fills later). */
export function gcNewObject(o: PyObject, track: boolean, tupleSize = -1, generic = false): void {
  const st = gcState;
  st.allocations++;
  let counted = true;
  // (`generic`: PyType_GenericAlloc, as list_vectorcall and dict_new use: never a free list)
  if (hooks && !generic) {
    // the free lists of exact lists, dicts and tuples (their allocations are not counted)
    const t = o.type;
    if (t === ListType) {
      if (st.freeLists.list > 0) {
        st.freeLists.list--;
        counted = false;
      }
    } else if (t === DictType) {
      if (st.freeLists.dict > 0) {
        st.freeLists.dict--;
        counted = false;
      }
    } else if (t === TupleType) {
      const n = tupleSize >= 0 ? tupleSize : (o as PyTuple).items.length;
      if (n > 0 && n < TUPLE_MAXSAVESIZE && st.freeLists.tuple[n] > 0) {
        st.freeLists.tuple[n]--;
        counted = false;
      }
    } else if (t === SliceType) {
      // Objects/sliceobject.c PySlice_New: the cached slice, if any
      if (st.freeLists.slice > 0) {
        st.freeLists.slice = 0;
        counted = false;
      }
    }
  }
  if (counted) countAllocation();
  // tracked by its constructor after gc_alloc: a collection triggered by this allocation does
  // not see the new object (it would otherwise survive into an older generation)
  if (track && (o.gcw & GcWord.GEN_MASK) < genCode(0)) st.gens[0].addAs(o, genCode(0));
}

/** _PyObject_GC_Link, then PyObject_GC_Del, of an object no Python code can reach between the
 * two (the bound `write` method print() takes for each piece, used and dropped in C): the count
 * goes up, which may start a collection (the object is not tracked yet, so it is not in it), and
 * back down. Call gcTransientFree when the object would be released. */
export function gcTransientAlloc(): void {
  gcState.allocations++;
  countAllocation();
}

/** count[0] += 1; the allocation that pushes count[0] over threshold[0] collects, synchronously */
function countAllocation(): void {
  const st = gcState;
  const count = st.count;
  count[0]++;
  if (count[0] > st.threshold[0] && st.enabled && st.threshold[0] !== 0 && !st.collecting && hooks) {
    st.collecting = true;
    try {
      collectGenerations();
    } finally {
      st.collecting = false;
    }
  }
}
export function gcTransientFree(): void {
  if (gcState.count[0] > 0) gcState.count[0]--;
}

export function gcTrackObject(o: PyObject): void {
  if (o.gcGen >= 0) return;
  gcState.gens[0].addAs(o, genCode(0));
}

export function gcUntrackObject(o: PyObject): void {
  const g = o.gcGen;
  if (g < 0) return;
  if (g === 3) gcState.permanent.delete(o);
  else gcState.gens[g].delete(o);
  o.gcGen = -1;
}

/** PyObject_GC_Del: a gc object's memory is released (or goes to a free list). */
function onFree(o: PyObject): void {
  const t = o.type;
  if ((o.gcw & GcWord.GEN_MASK) >= genCode(0)) gcUntrackObject(o);
  if (!(t.flags & TypeFlags.HAVE_GC)) return;
  const st = gcState;
  if (hooks) {
    if (t === ListType) {
      if (st.freeLists.list < LIST_FREELIST) {
        st.freeLists.list++;
        return;
      }
    } else if (t === DictType) {
      if (st.freeLists.dict < DICT_FREELIST) {
        st.freeLists.dict++;
        return;
      }
    } else if (t === TupleType) {
      const n = (o as PyTuple).items.length;
      if (n > 0 && n < TUPLE_MAXSAVESIZE && st.freeLists.tuple[n] < TUPLE_FREELIST) {
        st.freeLists.tuple[n]++;
        return;
      }
    } else if (t === SliceType) {
      // slice_dealloc: into the empty cache, else PyObject_GC_Del
      if (st.freeLists.slice === 0) {
        st.freeLists.slice = 1;
        return;
      }
    }
  }
  if (st.count[0] > 0) st.count[0]--;
}
heap.onGcFree = onFree;

export function resetGC(): void {
  Object.assign(gcState, newState());
}

/** gc_collect_generations: the oldest generation over its threshold (with the 25% rule). */
function collectGenerations(): number {
  const st = gcState;
  for (let i = 2; i >= 0; i--) {
    if (st.count[i] > st.threshold[i]) {
      if (i === 2 && st.longLivedPending < st.longLivedTotal / 4) continue;
      return collectWithCallback(i);
    }
  }
  return 0;
}

export function collectWithCallback(generation: number): number {
  hooks!.runCallbacks('start', generation, 0, 0);
  const [collected, uncollectable] = collectMain(generation);
  hooks!.runCallbacks('stop', generation, collected, uncollectable);
  return collected + uncollectable;
}

/** does `o` (a tuple or a dict) hold anything that _PyObject_GC_MAY_BE_TRACKED? */
let mayTrackFound = false;
function mayTrackVisit(c: PyObject): void {
  if (!mayTrackFound && hooks!.mayBeTracked(c)) mayTrackFound = true;
}

/** gc.collect(generation): returns [collected, uncollectable]. */
export function collectMain(generation: number): [number, number] {
  const st = gcState;
  const h = hooks!;
  st.runs++;
  if (st.debug & DEBUG_STATS) {
    h.writeStderr(`gc: collecting generation ${generation}...\n`);
    // (with CPython's own objects where they would be: generation 2 or, frozen, permanent)
    h.writeStderr(`gc: objects in each generation: ${st.gens[0].size} ${st.gens[1].size} ${st.gens[2].size + hiddenIn(st, false)}\n`);
    h.writeStderr(`gc: objects in permanent generation: ${permanentSize()}\n`);
  }
  if (generation + 1 < 3) st.count[generation + 1]++;
  for (let i = 0; i <= generation; i++) st.count[i] = 0;
  // merge younger generations into the one being collected (gc_list_merge appends each younger
  // list to the end of the collected one)
  const young = st.gens[generation].take();
  for (let i = 0; i < generation; i++) {
    const l = st.gens[i].take();
    for (let j = 0; j < l.length; j++) young.push(l[j]);
  }
  // young becomes the reachable objects, in move_unreachable's order
  const unreachable = deduceUnreachable(young, genCode(generation));
  // untrack_tuples(young): a tuple holding nothing that may be tracked leaves the gc
  const mayBeTracked = h.mayBeTracked;
  let kept = 0;
  for (let i = 0; i < young.length; i++) {
    const o = young[i];
    if (o.type === TupleType) {
      const items = (o as PyTuple).items;
      let may = false;
      for (let j = 0; j < items.length; j++) {
        if (mayBeTracked(items[j])) {
          may = true;
          break;
        }
      }
      if (!may) {
        o.gcw = withGcSlot(o.gcw - (o.gcw & GcWord.GEN_MASK) + GcWord.GEN_UNTRACKED, -1);
        continue;
      }
    }
    young[kept++] = o;
  }
  young.length = kept;
  // survivors move to the next generation
  const next = Math.min(generation + 1, 2);
  if (generation < 2) {
    if (generation === 1) st.longLivedPending += young.length;
    const older = st.gens[next];
    const code = genCode(next);
    for (let i = 0; i < young.length; i++) older.addAs(young[i], code);
  } else {
    // untrack_dicts, only in full collections
    let n = 0;
    for (let i = 0; i < young.length; i++) {
      const o = young[i];
      if (o.type === DictType) {
        mayTrackFound = false;
        o.traverse(mayTrackVisit);
        if (!mayTrackFound) {
          o.gcw = withGcSlot(o.gcw - (o.gcw & GcWord.GEN_MASK) + GcWord.GEN_UNTRACKED, -1);
          continue;
        }
      }
      young[n++] = o;
    }
    young.length = n;
    st.gens[2] = GenList.adopt(young, genCode(2));
    st.longLivedPending = 0;
    st.longLivedTotal = n + hiddenIn(st, false);
  }
  let m = 0;
  if (unreachable.length) m = finishCollection(generation, unreachable);
  if (st.debug & DEBUG_STATS) h.writeStderr(`gc: done, ${m} unreachable, 0 uncollectable, 0.0000s elapsed\n`);
  if (generation === 2) {
    // clear_freelists (_PyGC_ClearAllFreeLists leaves the slice cache alone)
    st.freeLists = { list: 0, dict: 0, tuple: new Array(20).fill(0), slice: st.freeLists.slice };
  }
  const s = st.stats[generation];
  s.collections++;
  s.collected += m;
  return [m, 0];
}

/** The unreachable list as a set (handle_weakrefs asks whether a weakref is in it): an object is
 * in it when its gc word says -2 and its slot is its index here (deduceUnreachable). */
class UnreachableView implements ObjectSetView {
  constructor(private readonly objs: PyObject[]) {}
  has(o: PyObject): boolean {
    const w = o.gcw;
    return (w & GcWord.GEN_MASK) === GcWord.GEN_UNREACHABLE && this.objs[gcSlotOf(w)] === o;
  }
  get items(): readonly PyObject[] {
    return this.objs;
  }
  [Symbol.iterator](): Iterator<PyObject> {
    return this.objs[Symbol.iterator]();
  }
}

/** The unreachable objects of a collection (their gc word says -2): weakref callbacks, PEP 442
 * finalizers, resurrection, tp_clear. Returns the number collected. */
function finishCollection(generation: number, unreachable: PyObject[]): number {
  const st = gcState;
  const h = hooks!;
  const next = Math.min(generation + 1, 2);
  if (st.debug & DEBUG_COLLECTABLE) for (const o of unreachable) h.writeStderr(`gc: collectable <${h.describe(o)}>\n`);
  // keep every unreachable object alive while finalizers and callbacks run
  for (let i = 0; i < unreachable.length; i++) unreachable[i].rc++;
  let m = 0;
  try {
    // handle_weakrefs: callbacks of reachable weakrefs to unreachable objects
    const callbacks = h.handleWeakrefs(new UnreachableView(unreachable));
    for (const [wr, cb] of callbacks) {
      h.callCallback(wr, cb);
      // a callback weakref that died right after its callback counts as collected
      if (wr.rc === 1) m++;
      decref(wr);
      decref(cb);
    }
    // finalize_garbage: tp_finalize once per object (PEP 442)
    let ran = callbacks.length !== 0;
    for (let i = 0; i < unreachable.length; i++) {
      const o = unreachable[i];
      if (h.hasFinalizer(o) && !o.finalized) {
        o.finalized = true;
        ran = true;
        h.finalize(o);
      }
    }
    // handle_resurrected_objects: what is still unreachable after the finalizers (the gc words
    // are restored afterwards: a finalizer may have tracked an object again). When no callback
    // and no finalizer ran, nothing changed since deduce_unreachable: the second pass would find
    // the same objects in the same order, and it is skipped.
    let finalUnreachable = unreachable;
    if (ran) {
      const again = unreachable.slice();
      const words = again.map((o) => o.gcw);
      for (const o of again) o.rc--; // our temporary references
      finalUnreachable = deduceUnreachable(again, GcWord.GEN_UNREACHABLE);
      for (let i = 0; i < unreachable.length; i++) {
        const o = unreachable[i];
        o.rc++;
        o.gcw = words[i];
      }
      // `again` now holds the resurrected objects
      for (const o of again) st.gens[next].addAs(o, genCode(next));
    }
    m += finalUnreachable.length;
    // delete_garbage: tp_clear breaks the cycles
    for (const o of finalUnreachable) {
      if (o.rc <= 0) continue;
      if (st.debug & DEBUG_SAVEALL) {
        h.saveGarbage(o);
      } else {
        incref(o);
        try {
          clearExtraSlots(o);
          o.clear();
        } finally {
          decref(o);
        }
      }
      if (o.rc > 1 && o.gcGen === -2) {
        // still alive: back to the old generation
        st.gens[next].addAs(o, genCode(next));
      }
    }
  } finally {
    for (const o of unreachable) {
      if (o.gcGen === -2 && o.rc > 1) st.gens[next].addAs(o, genCode(next));
      decref(o);
    }
  }
  return m;
}

/** gc_refs of the objects being collected, by their index (reused between collections) */
let gcRefs = new Int32Array(1024);
/** the list move_unreachable walks (it grows when a tentatively unreachable object is rescued) */
let walk: PyObject[] = [];

/** subtract_refs' visit_decref */
function visitDecref(c: PyObject): void {
  const w = c.gcw;
  if ((w & GcWord.GEN_MASK) >= GcWord.GEN_COLLECTING) gcRefs[gcSlotOf(w)]--;
}
/** move_unreachable's visit_reachable */
function visitReachable(c: PyObject): void {
  const w = c.gcw;
  const code = w & GcWord.GEN_MASK;
  if (code < GcWord.GEN_COLLECTING) return;
  const i = gcSlotOf(w);
  if (code === GcWord.GEN_TENTATIVE) {
    // tentatively unreachable, but reachable after all: back to the end of young
    c.gcw = w - 1;
    gcRefs[i] = 1;
    walk.push(c);
  } else if (gcRefs[i] === 0) {
    gcRefs[i] = 1;
  }
}

/**
 * deduce_unreachable: gc_refs = refcount minus references from inside the set; objects with
 * gc_refs > 0 and everything they reach stay (move_unreachable's order is kept: the
 * reachable list in traversal order, the unreachable list in the order objects were set aside).
 * `list` is rewritten in place to the reachable objects (their generation code set to
 * `reachableCode`); the unreachable ones are returned with code -2 (GEN_UNREACHABLE), each with
 * its index in the returned list as its slot.
 */
function deduceUnreachable(list: PyObject[], reachableCode: number): PyObject[] {
  const n = list.length;
  if (gcRefs.length < n) gcRefs = new Int32Array(Math.max(n, gcRefs.length * 2));
  const refs = gcRefs;
  // update_refs: gc_refs = ob_refcnt; the object is COLLECTING, its slot its index here
  for (let i = 0; i < n; i++) {
    const o = list[i];
    refs[i] = o.rc;
    o.gcw = (o.gcw & (GcWord.LOW_MASK - GcWord.GEN_MASK)) + GcWord.GEN_COLLECTING + (i + 1) * GcWord.SLOT_UNIT;
  }
  // subtract_refs: minus the references from inside the collected set (exact lists and tuples,
  // the most common containers, are walked here, in any order: only the counts matter; such
  // objects have no extra slots or dict)
  for (let i = 0; i < n; i++) {
    const o = list[i];
    const t = o.type;
    if (t === ListType || t === TupleType) {
      // (a list's unboxed ints are numbers: no objects, in no cycle)
      const items = t === ListType ? (o as PyList).raw : (o as PyTuple).items;
      for (let j = 0; j < items.length; j++) {
        const x = items[j];
        if (typeof x === 'number') continue;
        const w = x.gcw;
        if ((w & GcWord.GEN_MASK) >= GcWord.GEN_COLLECTING) refs[gcSlotOf(w)]--;
      }
    } else if (o instanceof PyInstance) {
      // subtype_traverse (PyInstance.traverse): its heap type, its __slots__ values, then its
      // inline values or its dict
      if (t.flags & TypeFlags.HEAPTYPE) {
        const w = t.gcw;
        if ((w & GcWord.GEN_MASK) >= GcWord.GEN_COLLECTING) refs[gcSlotOf(w)]--;
      }
      const names = t.slotNames;
      if (names !== null) {
        for (let j = 0; j < names.length; j++) {
          const v = o.getSlot(j);
          if (v === null) continue;
          const w = v.gcw;
          if ((w & GcWord.GEN_MASK) >= GcWord.GEN_COLLECTING) refs[gcSlotOf(w)]--;
        }
      }
      const vals = o.vals;
      if (vals !== null) {
        for (let j = 0; j < vals.length; j++) {
          const v = vals[j];
          if (v === null) continue;
          const w = v.gcw;
          if ((w & GcWord.GEN_MASK) >= GcWord.GEN_COLLECTING) refs[gcSlotOf(w)]--;
        }
      } else if (o.dict !== null) {
        const w = o.dict.gcw;
        if ((w & GcWord.GEN_MASK) >= GcWord.GEN_COLLECTING) refs[gcSlotOf(w)]--;
      }
    } else traverseFull(o, visitDecref);
  }
  // move_unreachable: `list` is walked and compacted to the reachable objects in place (rescued
  // objects are appended to it and reached again later)
  const savedWalk = walk;
  walk = list;
  const unreachable: PyObject[] = [];
  let kept = 0;
  try {
    for (let i = 0; i < list.length; i++) {
      const o = list[i];
      const w = o.gcw;
      if ((w & GcWord.GEN_MASK) !== GcWord.GEN_COLLECTING) continue; // set aside, or already handled
      if (refs[gcSlotOf(w)] > 0) {
        // handled: not COLLECTING any more (gc_clear_collecting)
        o.gcw = w - GcWord.GEN_COLLECTING + reachableCode;
        list[kept++] = o;
        const t = o.type;
        // tupletraverse, list_traverse: from the last item to the first (the order in which
        // rescued items rejoin the list, hence the order of their finalizers at the next
        // collection: a module-level list's items die last-to-first at exit)
        if (t === TupleType) {
          const items = (o as PyTuple).items;
          for (let j = items.length - 1; j >= 0; j--) visitReachable(items[j]);
        } else if (t === ListType) {
          const items = (o as PyList).raw;
          for (let j = items.length - 1; j >= 0; j--) {
            const x = items[j];
            if (typeof x !== 'number') visitReachable(x);
          }
        } else if (o instanceof PyInstance) {
          if (t.flags & TypeFlags.HEAPTYPE) visitReachable(t);
          const names = t.slotNames;
          if (names !== null) {
            for (let j = 0; j < names.length; j++) {
              const v = o.getSlot(j);
              if (v !== null) visitReachable(v);
            }
          }
          const vals = o.vals;
          if (vals !== null) {
            for (let j = 0; j < vals.length; j++) {
              const v = vals[j];
              if (v !== null) visitReachable(v);
            }
          } else if (o.dict !== null) visitReachable(o.dict);
        } else traverseFull(o, visitReachable);
      } else {
        o.gcw = w + 1; // GEN_TENTATIVE
        unreachable.push(o);
      }
    }
  } finally {
    walk = savedWalk;
  }
  list.length = kept;
  let u = 0;
  for (let i = 0; i < unreachable.length; i++) {
    const o = unreachable[i];
    const w = o.gcw;
    if ((w & GcWord.GEN_MASK) !== GcWord.GEN_TENTATIVE) continue; // rescued
    // GEN_UNREACHABLE, the slot its index in the returned list (see UnreachableView)
    o.gcw = (w & (GcWord.LOW_MASK - GcWord.GEN_MASK)) + (u + 1) * GcWord.SLOT_UNIT;
    unreachable[u++] = o;
  }
  unreachable.length = u;
  if (gcRefs.length > 1 << 20) gcRefs = new Int32Array(1024);
  return unreachable;
}

/** whether `pred` holds for a tracked object (any generation, or the permanent one) */
export function someTracked(pred: (o: PyObject) => boolean): boolean {
  const st = gcState;
  return st.gens[0].some(pred) || st.gens[1].some(pred) || st.gens[2].some(pred) || st.permanent.some(pred);
}

/** An object of CPython's start-up made later (sys.stdout.buffer's, on first use): tracked in
 * generation 2 as the start-up objects are, not counted as an allocation of the program. */
export function gcTrackStartupObject(o: PyObject): void {
  if ((o.gcw & GcWord.GEN_MASK) < genCode(0)) gcState.gens[2].addAs(o, genCode(2));
}

/** gc.get_objects(generation) order: the generation lists. */
export function trackedObjects(generation: number | null): PyObject[] {
  if (generation === null) return [...gcState.gens[0].toArray(), ...gcState.gens[1].toArray(), ...gcState.gens[2].toArray()];
  return gcState.gens[generation].toArray();
}

/** The objects the interpreter made before the script starts join generation 2, as CPython's
 * start-up objects do (the collections during `site`'s imports moved them there; what the script
 * makes is young): gc.get_objects(0) and gc.get_referrers list the script's objects before them.
 * The generations' counts are the model's (gcbaseline), not these lists' sizes. */
export function gcStartupObjectsOld(): void {
  const st = gcState;
  for (let g = 0; g < 2; g++) for (const o of st.gens[g].take()) st.gens[2].addAs(o, genCode(2));
}

/** CPython's own objects (gcbaseline.ts) in generation 2 (frozen: false) or the permanent one */
function hiddenIn(st: GCState, frozen: boolean): number {
  return st.interpreterObjectsFrozen === frozen ? st.interpreterObjects : 0;
}

/** gc.get_freeze_count(): the permanent generation, CPython's own objects in it after a freeze */
export function permanentSize(): number {
  return gcState.permanent.size + hiddenIn(gcState, true);
}

export function gcFreeze(): void {
  const st = gcState;
  st.interpreterObjectsFrozen = true;
  for (let i = 0; i < 3; i++) {
    for (const o of st.gens[i].toArray()) {
      o.gcGen = 3;
      st.permanent.add(o);
    }
    st.gens[i] = new GenList();
    // gc_freeze_impl resets generations[0].count inside its loop (only generation 0's)
    st.count[0] = 0;
  }
}
export function gcUnfreeze(): void {
  const st = gcState;
  st.interpreterObjectsFrozen = false;
  for (const o of st.permanent.toArray()) {
    o.gcGen = 2;
    st.gens[2].add(o);
  }
  st.permanent = new GenList();
}
