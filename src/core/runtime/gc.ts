// The cyclic garbage collector of CPython 3.11 (Modules/gcmodule.c) over the instrumented heap:
// three generations, allocation counting with the list/dict/tuple free lists, automatic
// collection inside the allocation that crosses threshold 0, and gc_collect_main's phases
// (update_refs, subtract_refs, move_unreachable, untrack_tuples/dicts, weakrefs, PEP 442
// finalizers, resurrection, tp_clear).

import { PyObject, TypeFlags, heap, traverseFull, incref, decref } from './object';
import { profile } from './profile';

export interface GenStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

/**
 * A generation's list (gcmodule.c's gc_list, a doubly linked list): objects in the order they
 * joined, O(1) append and O(1) removal. A removed object leaves a hole (its slot, o.gcSlot, is
 * cleared) that the next compaction drops; an object is in one list at a time.
 */
export class GenList {
  private objs: (PyObject | null)[] = [];
  private holes = 0;
  size = 0;
  constructor(from?: PyObject[]) {
    if (from) for (const o of from) this.add(o);
  }
  add(o: PyObject): void {
    o.gcSlot = this.objs.length;
    this.objs.push(o);
    this.size++;
  }
  delete(o: PyObject): void {
    const i = o.gcSlot;
    if (i < 0 || this.objs[i] !== o) return;
    this.objs[i] = null;
    o.gcSlot = -1;
    this.size--;
    if (++this.holes > 1024 && this.holes > this.objs.length >> 1) this.compact();
  }
  private compact(): void {
    const out: PyObject[] = [];
    for (const o of this.objs) if (o) {
      o.gcSlot = out.length;
      out.push(o);
    }
    this.objs = out;
    this.holes = 0;
  }
  /** the objects in list order (a fresh array) */
  toArray(): PyObject[] {
    if (this.holes) this.compact();
    return this.objs.slice() as PyObject[];
  }
  [Symbol.iterator](): Iterator<PyObject> {
    return this.toArray()[Symbol.iterator]();
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
  stats: [GenStats, GenStats, GenStats];
  /** free lists (numfree) of exact lists, dicts and tuples by size */
  freeLists: { list: number; dict: number; tuple: number[] };
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
    stats: [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 })) as [GenStats, GenStats, GenStats],
    freeLists: { list: 0, dict: 0, tuple: new Array(20).fill(0) },
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
  handleWeakrefs(unreachable: Set<PyObject>): [PyObject, PyObject][];
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

/** _PyObject_GC_Link (+ _PyObject_GC_TRACK when `track`): a fresh gc object. */
export function gcNewObject(o: PyObject, track: boolean): void {
  const st = gcState;
  st.allocations++;
  let counted = true;
  if (hooks) {
    const k = hooks.kindOf(o);
    if (k === 'list' && st.freeLists.list > 0) {
      st.freeLists.list--;
      counted = false;
    } else if (k === 'dict' && st.freeLists.dict > 0) {
      st.freeLists.dict--;
      counted = false;
    } else if (k === 'tuple') {
      const n = hooks.tupleSize(o);
      if (n > 0 && n < TUPLE_MAXSAVESIZE && st.freeLists.tuple[n] > 0) {
        st.freeLists.tuple[n]--;
        counted = false;
      }
    }
  }
  if (counted) {
    st.count[0]++;
    // the allocation that pushes count[0] over threshold[0] collects, synchronously
    if (st.count[0] > st.threshold[0] && st.enabled && st.threshold[0] !== 0 && !st.collecting && hooks) {
      st.collecting = true;
      try {
        collectGenerations();
      } finally {
        st.collecting = false;
      }
    }
  }
  // tracked by its constructor after gc_alloc: a collection triggered by this allocation does
  // not see the new object (it would otherwise survive into an older generation)
  if (track) gcTrackObject(o);
}

export function gcTrackObject(o: PyObject): void {
  if (o.gcGen >= 0) return;
  o.gcGen = 0;
  gcState.gens[0].add(o);
}

export function gcUntrackObject(o: PyObject): void {
  if (o.gcGen < 0) return;
  if (o.gcGen === 3) gcState.permanent.delete(o);
  else gcState.gens[o.gcGen].delete(o);
  o.gcGen = -1;
}

/** PyObject_GC_Del: a gc object's memory is released (or goes to a free list). */
function onFree(o: PyObject): void {
  if (o.gcGen >= 0) gcUntrackObject(o);
  if (!(o.type.flags & TypeFlags.HAVE_GC)) return;
  const st = gcState;
  if (hooks) {
    const k = hooks.kindOf(o);
    if (k === 'list' && st.freeLists.list < LIST_FREELIST) {
      st.freeLists.list++;
      return;
    }
    if (k === 'dict' && st.freeLists.dict < DICT_FREELIST) {
      st.freeLists.dict++;
      return;
    }
    if (k === 'tuple') {
      const n = hooks.tupleSize(o);
      if (n > 0 && n < TUPLE_MAXSAVESIZE && st.freeLists.tuple[n] < TUPLE_FREELIST) {
        st.freeLists.tuple[n]++;
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

const COLLECTING = 1;
const UNREACHABLE = 2;
const HANDLED = 4;

/** gc.collect(generation): returns [collected, uncollectable]. */
export function collectMain(generation: number): [number, number] {
  const st = gcState;
  const h = hooks!;
  st.runs++;
  if (st.debug & DEBUG_STATS) {
    h.writeStderr(`gc: collecting generation ${generation}...\n`);
    h.writeStderr(`gc: objects in each generation: ${st.gens[0].size} ${st.gens[1].size} ${st.gens[2].size}\n`);
    h.writeStderr(`gc: objects in permanent generation: ${st.permanent.size}\n`);
  }
  if (generation + 1 < 3) st.count[generation + 1]++;
  for (let i = 0; i <= generation; i++) st.count[i] = 0;
  // merge younger generations into the one being collected
  const young = st.gens[generation].toArray();
  for (let i = 0; i < generation; i++) {
    for (const o of st.gens[i].toArray()) {
      o.gcGen = generation;
      young.push(o);
    }
    st.gens[i] = new GenList();
  }
  st.gens[generation] = new GenList();
  const [reachable, unreachable] = deduceUnreachable(young);
  // untrack_tuples(young)
  const kept: PyObject[] = [];
  for (const o of reachable) {
    if (h.kindOf(o) === 'tuple' && o.gcGen >= 0) {
      const items = h.tupleItems(o);
      if (items && !items.some((x) => h.mayBeTracked(x))) {
        o.gcGen = -1;
        continue;
      }
    }
    kept.push(o);
  }
  // survivors move to the next generation
  if (generation < 2) {
    if (generation === 1) st.longLivedPending += kept.length;
    for (const o of kept) {
      o.gcGen = generation + 1;
      st.gens[generation + 1].add(o);
    }
  } else {
    // untrack_dicts, only in full collections
    const survivors: PyObject[] = [];
    for (const o of kept) {
      if (h.kindOf(o) === 'dict') {
        const e = h.dictEntries(o);
        if (e && !e.some((x) => h.mayBeTracked(x))) {
          o.gcGen = -1;
          continue;
        }
      }
      survivors.push(o);
    }
    st.gens[2] = new GenList(survivors);
    st.longLivedPending = 0;
    st.longLivedTotal = survivors.length;
  }
  const old = st.gens[Math.min(generation + 1, 2)];
  for (const o of unreachable) o.gcGen = -2; // in the unreachable list
  if (st.debug & DEBUG_COLLECTABLE) for (const o of unreachable) h.writeStderr(`gc: collectable <${h.describe(o)}>\n`);
  // keep every unreachable object alive while finalizers and callbacks run
  for (const o of unreachable) incref(o);
  let m = 0;
  try {
    // handle_weakrefs: callbacks of reachable weakrefs to unreachable objects
    const unreachableSet = new Set(unreachable);
    const callbacks = h.handleWeakrefs(unreachableSet);
    for (const [wr, cb] of callbacks) {
      h.callCallback(wr, cb);
      // a callback weakref that died right after its callback counts as collected
      if (wr.rc === 1) m++;
      decref(wr);
      decref(cb);
    }
    // finalize_garbage: tp_finalize once per object (PEP 442)
    for (const o of unreachable) {
      if (h.hasFinalizer(o) && !o.finalized) {
        o.finalized = true;
        h.finalize(o);
      }
    }
    // handle_resurrected_objects: what is still unreachable after the finalizers
    for (const o of unreachable) o.rc--; // our temporary references
    const [resurrected, finalUnreachable] = deduceUnreachable(unreachable);
    for (const o of unreachable) o.rc++;
    for (const o of resurrected) {
      o.gcGen = Math.min(generation + 1, 2);
      st.gens[o.gcGen].add(o);
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
          o.clear();
        } finally {
          decref(o);
        }
      }
      if (o.rc > 1 && o.gcGen === -2) {
        // still alive: back to the old generation
        o.gcGen = old === st.gens[2] ? 2 : Math.min(generation + 1, 2);
        st.gens[o.gcGen].add(o);
      }
    }
  } finally {
    for (const o of unreachable) {
      if (o.gcGen === -2 && o.rc > 1) {
        o.gcGen = Math.min(generation + 1, 2);
        st.gens[o.gcGen].add(o);
      }
      decref(o);
    }
  }
  if (st.debug & DEBUG_STATS) h.writeStderr(`gc: done, ${m} unreachable, 0 uncollectable, 0.0000s elapsed\n`);
  if (generation === 2) {
    // clear_freelists
    st.freeLists = { list: 0, dict: 0, tuple: new Array(20).fill(0) };
  }
  const s = st.stats[generation];
  s.collections++;
  s.collected += m;
  return [m, 0];
}

/**
 * deduce_unreachable: gc_refs = refcount minus references from inside the set; objects with
 * gc_refs > 0 and everything they reach stay (move_unreachable's order is kept: the
 * reachable list in traversal order, the unreachable list in the order objects were set aside).
 */
function deduceUnreachable(list: PyObject[]): [PyObject[], PyObject[]] {
  // update_refs: gc_refs (here refs[o.gcSlot]) = ob_refcnt
  const refs = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    o.gcSlot = i;
    refs[i] = o.rc;
    o.gcFlags = COLLECTING;
  }
  // subtract_refs: minus the references from inside the collected set
  const subtract = (c: PyObject) => {
    if (c.gcFlags & COLLECTING) refs[c.gcSlot]--;
  };
  for (const o of list) traverseFull(o, subtract);
  // move_unreachable
  const queue = list.slice();
  const reachable: PyObject[] = [];
  const unreachable: PyObject[] = [];
  const visitReachable = (c: PyObject) => {
    if (!(c.gcFlags & COLLECTING)) return;
    if (c.gcFlags & UNREACHABLE) {
      // tentatively unreachable, but reachable after all: back to the end of young
      c.gcFlags &= ~UNREACHABLE;
      refs[c.gcSlot] = 1;
      queue.push(c);
    } else if (refs[c.gcSlot] === 0) {
      refs[c.gcSlot] = 1;
    }
  };
  for (let i = 0; i < queue.length; i++) {
    const o = queue[i];
    if (o.gcFlags & UNREACHABLE) continue;
    if (refs[o.gcSlot] > 0) {
      if (o.gcFlags & HANDLED) continue;
      o.gcFlags |= HANDLED;
      reachable.push(o);
      traverseFull(o, visitReachable);
    } else {
      o.gcFlags |= UNREACHABLE;
      unreachable.push(o);
    }
  }
  const finalUnreachable = unreachable.filter((o) => o.gcFlags & UNREACHABLE);
  for (const o of list) {
    o.gcFlags = 0;
    o.gcSlot = -1;
  }
  return [reachable, finalUnreachable];
}

/** gc.get_objects(generation) order: the generation lists. */
export function trackedObjects(generation: number | null): PyObject[] {
  if (generation === null) return [...gcState.gens[0].toArray(), ...gcState.gens[1].toArray(), ...gcState.gens[2].toArray()];
  return gcState.gens[generation].toArray();
}

export function gcFreeze(): void {
  const st = gcState;
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
  for (const o of st.permanent.toArray()) {
    o.gcGen = 2;
    st.gens[2].add(o);
  }
  st.permanent = new GenList();
}
