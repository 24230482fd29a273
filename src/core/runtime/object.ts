// The instrumented heap: the base of every Python object and the one API through which every
// reference count changes (incref / decref / newRef; "steal" = a reference handed over without
// a count change, which is documented at each such place).
//
// CPython counterparts: Include/object.h (Py_INCREF/Py_DECREF, _Py_Dealloc),
// Objects/typeobject.c subtype_dealloc (finalizer, weakrefs, slots/dict, type decref),
// Include/cpython/object.h Py_TRASHCAN_BEGIN (deep deallocation is deferred past depth 50).

/** What a reference from a container to an object is (for the audit, the gc and the editor). */
export const enum Edge {
  ITEM, // list/tuple item: key = index
  DICT_KEY, // key = the key object
  DICT_VALUE, // key = the key object
  SET_ITEM,
  ATTR, // instance attribute: key = name (string)
  SLOT, // __slots__ member: key = name
  DICT, // the __dict__ of an object
  TYPE, // an instance's reference to its heap type
  CELL, // cell contents
  CLOSURE, // function -> closure tuple
  GLOBALS, // function -> globals dict
  DEFAULTS,
  KWDEFAULTS,
  CODE,
  CONST, // code -> constant: key = index
  SELF, // bound method -> __self__
  FUNC, // bound method -> __func__
  ITERATED, // iterator -> its sequence
  LOCAL, // frame local: key = name
  STACK, // frame value stack: key = depth
  FRAME, // generator/traceback -> frame
  OTHER, // key = a description
}

export type Visit = (child: PyObject, edge: Edge, key: unknown) => void;

/**
 * PyObject.gcw, the gc word: one small integer (a V8 Smi) instead of seven fields, so that an
 * object is its JS header plus rc, type and gcw (56 bytes, not 104; lean objects keep type and
 * gcw on their prototype: see leanLayout). Every update
 * is arithmetic (never `|` on the whole word), so the word stays exact beyond 2**31 slots.
 *   bits 0-2  the gc generation + 2: 0 = in the collector's unreachable list (-2), 1 = not
 *             tracked (-1), 2..4 = generations 0..2, 5 = permanent (gc.freeze, 3); during
 *             deduce_unreachable 6 = COLLECTING and 7 = COLLECTING + tentatively UNREACHABLE
 *             (gcmodule.c's PREV_MASK_COLLECTING / NEXT_MASK_UNREACHABLE)
 *   bit 3     FINALIZED (PEP 442: __del__ already ran; _PyGC_FINALIZED)
 *   bit 4     HAS_WEAKREFS: the object's weakref list is in `weakrefLists`
 *   bit 5     HAS_EXTRA_DICT: the object has an entry in `extraDicts`
 *   bit 6     HAS_ADDR: id() gave the object an address, kept in `addresses`
 *   bits 7-   gcSlot + 1 (the object's index in its generation's list, gc.ts GenList)
 */
export const enum GcWord {
  GEN_MASK = 7,
  GEN_UNREACHABLE = 0,
  GEN_UNTRACKED = 1,
  GEN_COLLECTING = 6,
  GEN_TENTATIVE = 7,
  FINALIZED = 8,
  HAS_WEAKREFS = 16,
  HAS_EXTRA_DICT = 32,
  HAS_ADDR = 64,
  LOW_MASK = 127,
  SLOT_UNIT = 128,
  /** untracked, no slot */
  INIT = 1,
}

/** The object's index in its generation's list (-1: none). */
export function gcSlotOf(w: number): number {
  return (w < 0x80000000 ? w >> 7 : Math.floor(w / GcWord.SLOT_UNIT)) - 1;
}
/** `w` with its slot replaced */
export function withGcSlot(w: number, slot: number): number {
  return (w & GcWord.LOW_MASK) + (slot + 1) * GcWord.SLOT_UNIT;
}

/**
 * Lean objects: the exact ints, floats and strs (millions of them in a program's lists) are
 * made with `type` undefined, so the JS object holds only its count and its own fields, and
 * the class's prototype supplies `type` and an untracked `gcw`: an int is 40 bytes instead of
 * 56 (the lesson's 10,000,000-int list: 160 MB less for V8 to copy, promote and page in). A
 * write to either field (id() sets HAS_ADDR in gcw) makes it the object's own property, which JS
 * reads before the prototype's, so nothing else needs to know.
 */
export function leanLayout(cls: { prototype: PyObject }, type: PyType): void {
  Object.defineProperty(cls.prototype, 'type', { value: type, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(cls.prototype, 'gcw', { value: GcWord.INIT, writable: true, enumerable: false, configurable: true });
}

/** the weakref lists of objects with HAS_WEAKREFS (consulted only when the bit is set) */
const weakrefLists = new WeakMap<PyObject, PyObject[]>();

/** id() addresses of the objects with HAS_ADDR: most objects are never asked for one, so the
 * field would only make every object (ten million ints in the lesson's list) a word larger */
const addresses = new WeakMap<PyObject, number>();
const ADDR_ORIGIN = 0x7f5a3c000000;

export class PyObject {
  /** ob_refcnt */
  rc: number;
  /** ob_type */
  type!: PyType;
  /** the gc word (see GcWord): generation, finalized, weakrefs, extra dict, gc slot */
  gcw!: number;

  /** `type` undefined: a lean object, whose class keeps `type` and `gcw` on its prototype
   * (see leanLayout) */
  constructor(type: PyType | null | undefined) {
    this.rc = 1;
    if (type !== undefined) {
      this.type = type as PyType;
      this.gcw = GcWord.INIT;
    }
    // (a session's exact ints and floats join the live set later: HeapState.lazyLeaves)
    if (heap.live !== null) {
      const t = this.type;
      if (t && t.liveWhenMaterialized) {
        /* a frame: an object (and in the live set) only once materialized (vm/frame.ts) */
      } else if (heap.lazyLeaves && t && t.lazyLeaf) heap.lazyLeafCount++;
      else heap.live.add(this);
    }
  }

  /** `__slots__` values (null = empty). Instances of Python subclasses of builtin types whose
   * layout has no room for them (list, int, ...) keep them in a side table; PyInstance and
   * weakrefs override these and `ownSlots`. */
  getSlot(i: number): PyObject | null {
    const xs = extraSlots.get(this);
    return xs === undefined ? null : xs[i];
  }
  /** stores v (the reference moves in; the caller releases the old value it read first) */
  setSlot(i: number, v: PyObject | null): void {
    let xs = extraSlots.get(this);
    if (xs === undefined) {
      xs = this.type.slotNames!.map(() => null);
      extraSlots.set(this, xs);
    }
    xs[i] = v;
  }
  /** the object's own traverse and dealloc visit its `__slots__` values */
  get ownSlots(): boolean {
    return false;
  }

  /** gc generation 0..2 (3: permanent), -1 when not tracked (or not a gc type), -2 while in
   * the collector's unreachable list */
  get gcGen(): number {
    return (this.gcw & GcWord.GEN_MASK) - 2;
  }
  set gcGen(g: number) {
    const w = this.gcw;
    this.gcw = w - (w & GcWord.GEN_MASK) + (g + 2);
  }
  /** PEP 442: __del__ already ran */
  get finalized(): boolean {
    return (this.gcw & GcWord.FINALIZED) !== 0;
  }
  set finalized(b: boolean) {
    const w = this.gcw;
    if (b) {
      if (!(w & GcWord.FINALIZED)) this.gcw = w + GcWord.FINALIZED;
    } else if (w & GcWord.FINALIZED) this.gcw = w - GcWord.FINALIZED;
  }
  /** weak references to this object, in creation order (PEP 442 / weakrefobject.c); kept in a
   * side table since few objects have any */
  get weakrefs(): PyObject[] | null {
    return this.gcw & GcWord.HAS_WEAKREFS ? weakrefLists.get(this)! : null;
  }
  set weakrefs(l: PyObject[] | null) {
    const w = this.gcw;
    if (l) {
      weakrefLists.set(this, l);
      if (!(w & GcWord.HAS_WEAKREFS)) this.gcw = w + GcWord.HAS_WEAKREFS;
    } else if (w & GcWord.HAS_WEAKREFS) {
      weakrefLists.delete(this);
      this.gcw = w - GcWord.HAS_WEAKREFS;
    }
  }
  /** the address id() reports; 0 until someone asks (addressOf) */
  get addr(): number {
    return this.gcw & GcWord.HAS_ADDR ? addresses.get(this)! : 0;
  }
  /** the object's slot in its generation's list (gc.ts GenList); during a collection, its
   * index in the collected list (gc_refs live in a side array there) */
  get gcSlot(): number {
    return gcSlotOf(this.gcw);
  }
  set gcSlot(i: number) {
    this.gcw = withGcSlot(this.gcw, i);
  }

  /** tp_traverse: every strong reference this object holds. */
  traverse(_visit: Visit): void {}
  /** tp_dealloc body: release held references in CPython's order. */
  dealloc(): void {}
  /** tp_clear: drop references so that cycles fall apart (gc). Types without tp_clear
   * (tuple, bound method, iterators, ...) keep theirs: they die with the rest of the cycle. */
  clear(): void {}
}

/** Native slot functions of a type (a subset of CPython's tp_* slots, JS-level). */
export interface TypeSlots {
  repr?: (o: PyObject) => string;
  str?: (o: PyObject) => string;
  hash?: (o: PyObject) => number | bigint;
  iter?: (o: PyObject) => PyObject;
  /** returns a new reference, or null when exhausted */
  next?: (o: PyObject) => PyObject | null;
  call?: (callable: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;
  /** returns a new reference or null when not found (no exception) */
  getattr?: (o: PyObject, name: string) => PyObject | null;
  len?: (o: PyObject) => number;
  bool?: (o: PyObject) => boolean;
  /** create a new instance (tp_new) */
  new?: (type: PyType, args: PyObject[], kwnames: string[] | null) => PyObject;
  init?: (self: PyObject, args: PyObject[], kwnames: string[] | null) => void;
}

export const enum TypeFlags {
  HEAPTYPE = 1 << 9,
  BASETYPE = 1 << 10,
  HAVE_GC = 1 << 14,
  METHOD_DESCRIPTOR = 1 << 17,
  LONG_SUBCLASS = 1 << 24,
  LIST_SUBCLASS = 1 << 25,
  TUPLE_SUBCLASS = 1 << 26,
  BYTES_SUBCLASS = 1 << 27,
  UNICODE_SUBCLASS = 1 << 28,
  DICT_SUBCLASS = 1 << 29,
  BASE_EXC_SUBCLASS = 1 << 30,
  TYPE_SUBCLASS = 1 << 31,
}

/** the last type version tag handed out (PyType.version) */
const typeVersions = { last: 0 };

/** A type object. Builtin types are created at start-up; classes by `__build_class__`. */
export class PyType extends PyObject {
  /** tp_name: what error messages name the type by ('module.Name' for a C type outside
   * builtins); __name__ is the part after the last dot for a C type (see cTypeName) */
  name: string;
  qualname: string;
  module = 'builtins';
  /** a class written in Python that stands for one of CPython's C types (decimal.Decimal): its
   * `name` is the C type's dotted tp_name */
  cTypeName = false;
  /** a C type whose instances are called through tp_call and _PyObject_MakeTpCall (no vectorcall
   * in 3.11): such a call counts a recursion level (functools._lru_cache_wrapper) */
  makeTpCall = false;
  base: PyType | null;
  bases: PyType[];
  mro: PyType[] = [];
  /** The type's attributes (tp_dict). For builtin types filled at start-up. */
  dict!: import('./objects/dict').PyDict;
  flags: number;
  slots: TypeSlots = {};
  /** a heap type built natively (namedtuple): the slots its factory installed, which a later
   * fixupSlots (a special attribute set on the class) keeps, as CPython's tp_* fields stay */
  nativeSlots: TypeSlots | null = null;
  /** basicsize for sys.getsizeof (64-bit CPython 3.11) */
  basicsize = 16;
  itemsize = 0;
  /** has a Python-level __del__ (tp_finalize) */
  hasFinalizer = false;
  /** instances are freed by setting the count to 0 and nothing else: not a gc type, no
   * finalizer, no weakrefs, no __dict__, no references, not a heap type (exact int) */
  plainDealloc = false;
  /** plainDealloc instances freed while nothing watches the heap, kept for reuse by the type's
   * constructor (newInt); null: none kept (see destroy) */
  freePool: PyObject[] | null = null;
  /** exact int and float: leaves that hash by value, in an editor session's live set only once
   * they have an id() address (see HeapState.lazyLeaves) */
  lazyLeaf = false;
  /** frame: the interpreter's frames are PyObjects, but an object (PyFrameObject: in the live set,
   * with an id() address in an editor session) only once materialize() makes them one */
  liveWhenMaterialized = false;
  /** instances have a __dict__ */
  hasDict = false;
  /** __slots__ names (own and inherited), or null */
  slotNames: string[] | null = null;
  /** instances can be weakly referenced */
  weakrefable = false;
  /** Py_TPFLAGS_MANAGED_DICT (3.11): the dict pointers live in a pre-header before the object */
  managedDict = false;
  /** ht_cached_keys of a managed-dict class, for sys.getsizeof of its instances' __dict__ */
  sharedKeys: import('./objects/dict').SharedKeys | null = null;
  /** a builtin type CPython 3.11 calls through tp_call (no tp_vectorcall): calls pack a tuple */
  tpCallOnly = false;
  /** attribute lookup cache: name -> found object (borrowed) or null; cleared on any change */
  cache = new Map<string, PyObject | null>();
  /** tp_version_tag: a number no other state of any type had, or 0 (no valid tag). A cache that
   * saw (type, version) may reuse what it found along the MRO; it takes the tag through
   * versionTag(), which gives the type and its bases one. Any change to this type's or an
   * ancestor's attributes sets it back to 0 (PyType_Modified), and a type without a tag has no
   * subclass with one, so the many changes made while builtin types are built visit nothing. */
  version = 0;
  /** typeobject.ts plainInitOf: the version it was computed for, and the `__init__` it found */
  ctorVersion = -1;
  ctorInit: PyObject | null = null;
  /** subclasses (to invalidate caches) */
  subclasses: PyType[] = [];
  /** the JS class used for instances (builtin base's instance layout) */
  solidBase!: PyType;
  /** name of the file/line where a class was defined (for the editor) */
  definedAt: string | null = null;
  doc: string | null = null;

  constructor(name: string, base: PyType | null, flags: number, meta: PyType | null = null) {
    super(meta);
    this.name = name;
    this.qualname = name;
    this.base = base;
    this.bases = base ? [base] : [];
    this.flags = flags;
    if (base) {
      this.slots = { ...base.slots };
      this.basicsize = base.basicsize;
      this.itemsize = base.itemsize;
      this.solidBase = base.solidBase;
      this.weakrefable = base.weakrefable;
    } else {
      this.solidBase = this;
    }
  }

  isSubtype(t: PyType): boolean {
    if (this === t) return true;
    const m = this.mro;
    for (let i = 0; i < m.length; i++) if (m[i] === t) return true;
    return false;
  }

  /** PyType_Modified: drop what was found along the MRO, here and in every subclass. Only a type
   * with a tag can have cached anything (typeLookup and the inline caches take one first), and its
   * bases have tags too (assign_version_tag), so a type without one has nothing to drop below. */
  invalidate(): void {
    if (this.version === 0) return;
    this.version = 0;
    this.cache.clear();
    for (const s of this.subclasses) s.invalidate();
  }

  /** assign_version_tag: this type's tag, given (with its bases') when it has none. */
  versionTag(): number {
    if (this.version !== 0) return this.version;
    for (const b of this.bases) b.versionTag();
    return (this.version = ++typeVersions.last);
  }

  /** tp_subclasses: a weak reference to each subclass (owned here). For heap types the
   * registry is a dict object of their own (allocated with the first subclass). */
  subclassRefs: Map<PyType, PyObject> | null = null;
  subclassesDict: PyObject | null = null;
  /** heap types: tp_bases and tp_mro as tuples (tp_mro contains the type itself: a cycle) */
  basesTuple: PyObject | null = null;
  mroTuple: PyObject | null = null;
  /** heap types with __slots__: ht_slots, the sorted slot names (not visited by type_traverse) */
  slotsTuple: PyObject | null = null;

  /** type_traverse */
  override traverse(visit: Visit): void {
    if (!(this.flags & TypeFlags.HEAPTYPE)) return;
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    if (this.dict) visit(this.dict, Edge.DICT, '__dict__');
    if (this.mroTuple) visit(this.mroTuple, Edge.OTHER, '__mro__');
    if (this.basesTuple) visit(this.basesTuple, Edge.OTHER, '__bases__');
    if (this.base) visit(this.base, Edge.OTHER, '__base__');
    if (this.subclassesDict) visit(this.subclassesDict, Edge.OTHER, '__subclasses__');
  }
  /** type_dealloc (heap types only reach it) */
  override dealloc(): void {
    const { base, dict, basesTuple, mroTuple } = this;
    this.basesTuple = this.mroTuple = null;
    if (base) decref(base);
    if (dict) decref(dict);
    if (basesTuple) decref(basesTuple);
    if (mroTuple) decref(mroTuple);
    for (const b of this.bases) {
      const i = b.subclasses.indexOf(this);
      if (i >= 0) b.subclasses.splice(i, 1);
      removeSubclassRef(b, this);
    }
    const sd = this.subclassesDict;
    this.subclassesDict = null;
    if (sd) decref(sd);
    const slots = this.slotsTuple;
    this.slotsTuple = null;
    if (slots) decref(slots);
  }
  /** type_clear (gc): empty the dict, drop the MRO tuple */
  override clear(): void {
    const mroTuple = this.mroTuple;
    this.mroTuple = null;
    if (this.dict) this.dict.clear();
    this.invalidate();
    if (mroTuple) decref(mroTuple);
  }
}

// ---------------------------------------------------------------------------- the heap

/** A read-only set of objects (the collector's unreachable list, for handle_weakrefs). */
export interface ObjectSetView {
  has(o: PyObject): boolean;
  /** the members in order */
  readonly items: readonly PyObject[];
  [Symbol.iterator](): Iterator<PyObject>;
}

export interface HeapState {
  /** every live object, when the audit is on */
  live: Set<PyObject> | null;
  /** lists may keep ints held only by them as JS numbers (objects/list.ts) */
  unboxInts: boolean;
  /** the editor's sessions (inspect/session.ts): `live` leaves out the instances of lazyLeaf
   * types (exact int, float) until they get an id() address. They hold nothing, so no holder,
   * graph or collector walk needs them, and a live set of every int made (a Set insertion and a
   * deletion each) was a fifth of a session's run. */
  lazyLeaves: boolean;
  /** the lazyLeaf objects alive and left out of `live` (so that liveCount() stays exact) */
  lazyLeafCount: number;
  /** deallocation nesting (trashcan) */
  deallocDepth: number;
  trash: PyObject[];
  /** called when an object with a Python __del__ reaches zero: runs it (set by the VM) */
  runFinalizer: ((o: PyObject) => void) | null;
  /** called when an object with weakrefs dies (set by the weakref module) */
  clearWeakrefs: ((o: PyObject) => void) | null;
  /** gc bookkeeping hooks (gc.ts) */
  onGcFree: ((o: PyObject) => void) | null;
  /** handle_weakrefs for the collector (set by the weakref module) */
  gcWeakrefs: ((unreachable: ObjectSetView) => [PyObject, PyObject][]) | null;
  nextAddr: number;
  freedAddrs: number[];
}

export const heap: HeapState = {
  live: null,
  unboxInts: false,
  lazyLeaves: false,
  lazyLeafCount: 0,
  deallocDepth: 0,
  trash: [],
  runFinalizer: null,
  clearWeakrefs: null,
  onGcFree: null,
  gcWeakrefs: null,
  nextAddr: ADDR_ORIGIN,
  freedAddrs: [],
};

/** Py_INCREF */
/**
 * V8 keeps, on each map, whether each field was ever written after construction and what kind of
 * value it holds. evalLoop's optimised code relies on both (a FieldConstnessDependency per map it
 * reads), so the first object of a class whose fields a run writes (its refcount, its gc word,
 * what its dealloc clears) drops an evalLoop compile in progress (~50-90 ms of V8's compiler
 * thrown away, the interpreter unoptimised meanwhile) or deoptimizes it. A class that start-up
 * leaves untouched (super, property, cell, bound method, iterators, generators, ...) takes those
 * writes on a throwaway instance when its module loads: `rc`, `gcw` where the instance has its
 * own, and `fields`, each written once with another value of its kind and set back. The
 * throwaway is never tracked, counted or freed.
 */
export function settleShape(o: PyObject, fields: readonly string[] = []): void {
  const r = o as unknown as Record<string, unknown>;
  for (const k of ['rc', 'gcw', ...fields]) {
    if (!Object.prototype.hasOwnProperty.call(r, k)) continue;
    const v = r[k];
    if (typeof v === 'number') r[k] = v + 1;
    else if (typeof v === 'boolean') r[k] = !v;
    else if (Array.isArray(v)) r[k] = [];
    else r[k] = v === null || v === undefined ? o : null;
    r[k] = v;
  }
}

export function incref(o: PyObject): void {
  o.rc++;
}
/** Py_XINCREF */
export function xincref(o: PyObject | null): void {
  if (o) o.rc++;
}
/** Py_NewRef */
export function newRef<T extends PyObject>(o: T): T {
  o.rc++;
  return o;
}
/** Py_DECREF */
export function decref(o: PyObject): void {
  if (--o.rc === 0) destroy(o);
}
/** Py_XDECREF */
export function xdecref(o: PyObject | null | undefined): void {
  if (o && --o.rc === 0) destroy(o);
}

const TRASHCAN_LIMIT = 50;
/** objects kept per type's freePool */
export const FREE_POOL_MAX = 1024;

/** _Py_Dealloc: the count reached zero. */
export function destroy(o: PyObject): void {
  const t = o.type;
  // what release() would do for such an object, when nothing else is pending
  if (t.plainDealloc && heap.trash.length === 0) {
    const live = heap.live;
    if (live === null) {
      // an object no side table knows (no id() address: its gc word is the initial one) can be
      // handed out again by the type's constructor, as CPython's allocator reuses the block: a
      // JS allocation and a young-generation copy fewer per temporary int
      const pool = t.freePool;
      if (pool !== null && o.gcw === GcWord.INIT && pool.length < FREE_POOL_MAX) pool.push(o);
      return;
    }
    // a session's int or float that never joined the live set: its count of 0 is all (not
    // reused: the editor may still look at the object it named, as `del x` does)
    if (heap.lazyLeaves && t.lazyLeaf && o.gcw === GcWord.INIT) {
      heap.lazyLeafCount--;
      return;
    }
  }
  if (t.hasFinalizer && !(o.gcw & GcWord.FINALIZED) && heap.runFinalizer) {
    // PyObject_CallFinalizerFromDealloc: temporarily resurrect, run __del__ once
    o.rc = 1;
    o.gcw += GcWord.FINALIZED;
    heap.deallocDepth++;
    try {
      heap.runFinalizer(o);
    } finally {
      heap.deallocDepth--;
    }
    if (--o.rc !== 0) return; // resurrected
  }
  if (heap.deallocDepth >= TRASHCAN_LIMIT && t.flags & TypeFlags.HAVE_GC) {
    heap.trash.push(o);
    return;
  }
  heap.deallocDepth++;
  try {
    release(o);
  } finally {
    heap.deallocDepth--;
  }
  if (heap.deallocDepth === 0 && heap.trash.length) {
    while (heap.trash.length) {
      const x = heap.trash.shift()!;
      heap.deallocDepth++;
      try {
        release(x);
      } finally {
        heap.deallocDepth--;
      }
    }
  }
}

/** A WeakMap that keeps each key's HAS_EXTRA_DICT bit, so that the heap looks an object up only
 * when it has an entry. */
class ExtraDictMap extends WeakMap<PyObject, PyObject> {
  override get(o: PyObject): PyObject | undefined {
    return o.gcw & GcWord.HAS_EXTRA_DICT ? super.get(o) : undefined;
  }
  override has(o: PyObject): boolean {
    return (o.gcw & GcWord.HAS_EXTRA_DICT) !== 0 && super.has(o);
  }
  override set(o: PyObject, d: PyObject): this {
    if (!(o.gcw & GcWord.HAS_EXTRA_DICT)) o.gcw += GcWord.HAS_EXTRA_DICT;
    return super.set(o, d);
  }
  override delete(o: PyObject): boolean {
    if (o.gcw & GcWord.HAS_EXTRA_DICT) o.gcw -= GcWord.HAS_EXTRA_DICT;
    return super.delete(o);
  }
}

/** __dict__ of objects whose layout has no dict slot (instances of Python subclasses of int,
 * str, list, ...): created on first use, released with the object (subtype_dealloc). */
export const extraDicts: WeakMap<PyObject, PyObject> = new ExtraDictMap();

/** `__slots__` values of objects whose layout has no room for them (PyObject.getSlot). */
const extraSlots = new WeakMap<PyObject, (PyObject | null)[]>();

/** subtype_clear's slots for an object whose layout keeps them in the side table (gc.ts runs it
 * before the base type's tp_clear, as subtype_clear does). */
export function clearExtraSlots(o: PyObject): void {
  if (o.type.slotNames === null || o.ownSlots) return;
  const xs = extraSlots.get(o);
  if (xs === undefined) return;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (v !== null) {
      xs[i] = null;
      decref(v);
    }
  }
}

/** tp_traverse plus the references the heap keeps outside the object's own fields. */
export function traverseFull(o: PyObject, visit: Visit): void {
  o.traverse(visit);
  if (o.type.slotNames !== null && !o.ownSlots) {
    const xs = extraSlots.get(o);
    if (xs !== undefined) {
      const names = o.type.slotNames;
      for (let i = 0; i < xs.length; i++) if (xs[i] !== null) visit(xs[i]!, Edge.SLOT, names[i]);
    }
  }
  if (o.gcw & GcWord.HAS_EXTRA_DICT) {
    const xd = extraDicts.get(o);
    if (xd) visit(xd, Edge.DICT, '__dict__');
  }
}

function release(o: PyObject): void {
  if (o.gcw & GcWord.HAS_WEAKREFS && heap.clearWeakrefs) heap.clearWeakrefs(o);
  if (heap.onGcFree) heap.onGcFree(o);
  if (heap.live && !heap.live.delete(o) && heap.lazyLeaves && o.type.lazyLeaf) heap.lazyLeafCount--;
  o.rc = 0;
  o.dealloc();
  if (o.type.slotNames !== null && !o.ownSlots) {
    // subtype_dealloc's clear_slots for a builtin base's layout
    const xs = extraSlots.get(o);
    if (xs !== undefined) {
      extraSlots.delete(o);
      for (let i = 0; i < xs.length; i++) if (xs[i] !== null) decref(xs[i]!);
    }
  }
  if (o.gcw & GcWord.HAS_EXTRA_DICT) {
    const xd = extraDicts.get(o);
    extraDicts.delete(o);
    if (xd) decref(xd);
  }
  const t = o.type;
  if (t.flags & TypeFlags.HEAPTYPE) decref(t);
}

/** address -> object, for the objects given an address while it is on (ctypes reads an object's
 * count by address); null: off, as in most runs (a map entry per object would cost memory) */
let addressIndex: Map<number, WeakRef<PyObject>> | null = null;
/** from now on addressOf records which object has each address (until resetAddressIndex) */
export function indexAddresses(): void {
  if (addressIndex === null) addressIndex = new Map();
}
export function resetAddressIndex(): void {
  addressIndex = null;
}
/** the object given address `addr` while the index was on, if the JS object is still there */
export function indexedObjectAt(addr: number): PyObject | undefined {
  return addressIndex?.get(addr)?.deref();
}
/** the address id() gave `o`, if it gave one */
export function knownAddress(o: PyObject): number | undefined {
  return o.gcw & GcWord.HAS_ADDR ? addresses.get(o) : undefined;
}

/** id(): a stable address-like number (CPython returns the object's address). */
export function addressOf(o: PyObject): number {
  if (o.gcw & GcWord.HAS_ADDR) return addresses.get(o)!;
  // heap.nextAddr starts at ADDR_ORIGIN and only grows: an address is never reused
  const addr = heap.nextAddr;
  addresses.set(o, addr);
  if (addressIndex !== null) addressIndex.set(addr, new WeakRef(o));
  o.gcw += GcWord.HAS_ADDR;
  heap.nextAddr += 16 * Math.max(1, Math.ceil(basicSizeOf(o) / 16));
  // a session's int or float joins the live set with its address (ctypes finds it there)
  if (heap.lazyLeaves && heap.live !== null && o.type && o.type.lazyLeaf) {
    heap.lazyLeafCount--;
    heap.live.add(o);
  }
  return addr;
}

/** The number of live objects (heap.live set: the audit's or a session's), with the lazy leaves. */
export function liveCount(): number {
  return heap.live === null ? 0 : heap.live.size + heap.lazyLeafCount;
}

/** Whether o is alive and in the live set, or would be but for HeapState.lazyLeaves (heap.live
 * set: the audit's or a session's). */
export function inLiveSet(o: PyObject): boolean {
  const live = heap.live;
  if (live === null || o.rc <= 0) return false;
  return live.has(o) || (heap.lazyLeaves && o.type.lazyLeaf && !(o.gcw & GcWord.HAS_ADDR));
}
function basicSizeOf(o: PyObject): number {
  return o.type ? o.type.basicsize : 16;
}

/** remove_subclass: the base's registry drops its weak reference to a dying subclass */
export let removeSubclassRef: (base: PyType, sub: PyType) => void = () => {};
export function setRemoveSubclassRef(f: (base: PyType, sub: PyType) => void): void {
  removeSubclassRef = f;
}

/** A refcount for an object the interpreter shares (small ints, None, ...): ~1e9 as in 3.11. */
export const IMMORTAL_RC = 1_000_000_000;
