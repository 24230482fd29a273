// LOAD_ATTR, LOAD_METHOD and STORE_ATTR with inline caches, after CPython 3.11's specialized
// instructions (Python/specialize.c: LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR_SLOT,
// LOAD_METHOD_WITH_VALUES / LOAD_METHOD_NO_DICT, STORE_ATTR_INSTANCE_VALUE, STORE_ATTR_SLOT).
//
// A cache remembers what the generic lookup found along the MRO of one type, keyed by the
// type's version tag (PyType.version, replaced by PyType_Modified on any change to the type or
// an ancestor). A hit does only what the generic lookup would do after finding that: it reads the
// instance's dict or slot, or calls the descriptor, so the results, the references taken and the
// exceptions raised are those of abstract.ts's getAttr/setAttr. Whatever the cache does not cover
// goes to the generic path.

import { PyObject, PyType, TypeFlags, decref } from '../object';
import { PyStr, attrKey } from '../objects/str';
import { PyInstance, PyModule } from '../objects/instance';
import { PyFunction, PyWrapper } from '../objects/function';
import { PyBaseException } from '../objects/exception';
import type { PyDict } from '../objects/dict';
import { ObjectType, PyBuiltinFunction } from '../types';
import { PyMember, memberSet } from '../typeobject';
import * as abs from '../abstract';

type DescrGet = (d: PyObject, obj: PyObject | null, type: PyType) => PyObject;

const enum Kind {
  /** not cacheable (or not yet seen): the generic path */
  GENERIC,
  /** LOAD_ATTR: no descriptor on the type; the value lives in the instance's dict */
  DICT,
  /** LOAD_ATTR / STORE_ATTR: a __slots__ member */
  SLOT,
  /** LOAD_ATTR: a data descriptor (property, getset, a class with __set__): its __get__ */
  DATA,
  /** LOAD_ATTR: a non-data descriptor or a plain class attribute, shadowed by the instance dict */
  NONDATA,
  /** LOAD_ATTR: a non-data descriptor or class attribute of an object without an instance dict */
  NONDATA_NODICT,
  /** LOAD_METHOD: a method descriptor; the instance dict may shadow it */
  METHOD,
  /** LOAD_METHOD: a method descriptor of an object without an instance dict */
  METHOD_NODICT,
  /** STORE_ATTR: into the instance's dict */
  STORE_DICT,
}

export class AttrCache {
  type: PyType | null = null;
  version = 0;
  kind: Kind = Kind.GENERIC;
  descr: PyObject | null = null;
  get: DescrGet | null = null;
  /** the slot index (SLOT) or the dict entry the attribute was last found at (DICT, STORE_DICT) */
  index = 0;
  /** the name's index in the type's shared keys (an instance's inline values), or -1 */
  ix = -1;
  /** the shared keys' size when `ix` was last looked up and found nothing */
  skn = -1;
  constructor(readonly key: PyStr) {}
}

/** The instance's dict when the object is an instance of a class defined in Python
 * (PyInstance; the type decides the layout, and `__class__` cannot be assigned). */
function hasInstanceLayout(o: PyObject): boolean {
  return o instanceof PyInstance;
}

/** Objects of this type never have an instance dict (a builtin type whose objects keep no dict:
 * abstract.instanceDict's classes, or a heap type that could get one in extraDicts). */
function neverHasDict(o: PyObject, t: PyType): boolean {
  if (t.flags & TypeFlags.HEAPTYPE) return false;
  return !(o instanceof PyInstance || o instanceof PyFunction || o instanceof PyModule || o instanceof PyBaseException || o instanceof PyWrapper);
}

/** The borrowed value of the cache's key in an instance dict, trying the entry it was last at. */
function dictLookup(d: PyDict, c: AttrCache): PyObject | undefined {
  const t = d.t;
  const k = t.keys;
  const ix = c.index;
  if (ix < k.nentries && k.ekeys[ix] === c.key) {
    const v = k.evalues[ix];
    if (v !== undefined) return v;
  }
  const key = c.key;
  const j = t.lookupHL(key, key.hhi, key.hlo);
  if (j < 0) return undefined;
  c.index = j;
  return k.evalues[j];
}

/** The cache's name's index in the inline values of type t's instances, or -1 (looked up again
 * only when names have joined the shared keys since). */
function sharedIndex(c: AttrCache, t: PyType): number {
  const ix = c.ix;
  if (ix >= 0) return ix;
  const sk = t.sharedKeys;
  if (sk === null || sk.nentries === c.skn) return -1;
  c.skn = sk.nentries;
  return (c.ix = sk.find(c.key.v));
}

/** The borrowed value of the cache's name among an instance's own attributes (inline values or
 * dict), or undefined. */
function ownLookup(o: PyInstance, c: AttrCache, t: PyType): PyObject | undefined {
  const vals = o.vals;
  if (vals !== null) {
    const ix = sharedIndex(c, t);
    if (ix < 0 || ix >= vals.length) return undefined;
    const v = vals[ix];
    return v === null ? undefined : v;
  }
  const d = o.dict;
  if (d === null || d.t.used === 0) return undefined;
  return dictLookup(d, c);
}

function newCache(caches: (AttrCache | null)[], pc: number, name: string): AttrCache {
  const c = new AttrCache(attrKey(name));
  caches[pc] = c;
  return c;
}

/** The type's generic lookup is object's: no __getattribute__/__getattr__ slot of its own. */
function genericGetattrType(o: PyObject, t: PyType): boolean {
  return t.slots.getattr === undefined && !(o instanceof PyType) && !(o instanceof PyModule);
}

/** Start the cache over for type t (what it found before belongs to another type or version). */
function reset(c: AttrCache, t: PyType): void {
  c.type = t;
  c.version = t.versionTag();
  c.kind = Kind.GENERIC;
  c.descr = null;
  c.get = null;
  c.ix = -1;
  c.skn = -1;
}

function fillLoadAttr(c: AttrCache, o: PyObject): void {
  const t = o.type;
  reset(c, t);
  if (!genericGetattrType(o, t)) return;
  // a class with __getattr__ calls it when a descriptor raises AttributeError: generic path
  if (t.flags & TypeFlags.HEAPTYPE && abs.typeLookup(t, '__getattr__') !== null) return;
  const descr = abs.typeLookup(t, c.key.v);
  if (descr === null) {
    if (hasInstanceLayout(o)) c.kind = Kind.DICT;
    return;
  }
  if (descr instanceof PyMember && hasInstanceLayout(o)) {
    c.kind = Kind.SLOT;
    c.index = descr.index;
    c.descr = descr;
    return;
  }
  const get = abs.descrGetFn(descr);
  if (get !== null && abs.isDataDescr(descr)) {
    c.kind = Kind.DATA;
    c.descr = descr;
    c.get = get;
    return;
  }
  if (hasInstanceLayout(o)) c.kind = Kind.NONDATA;
  else if (neverHasDict(o, t)) c.kind = Kind.NONDATA_NODICT;
  else return;
  c.descr = descr;
  c.get = get;
}

/** LOAD_ATTR: getattr(o, name), a new reference. */
/**
 * LOAD_ATTR's cache hit that reads an instance's inline value or a filled `__slots__` slot: the
 * borrowed value, or undefined for anything else (a miss, another kind, a dict to search). It
 * never calls out, raises or fills the cache: compiled code calls it on an object it holds no
 * reference to (jit.ts), and goes to loadAttr otherwise.
 */
export function attrHit(caches: (AttrCache | null)[], pc: number, o: PyObject): PyObject | undefined {
  const c = caches[pc];
  if (c === null) return undefined;
  const t = o.type;
  if (c.type !== t || c.version !== t.version) return undefined;
  if (c.kind === Kind.SLOT) return (o as PyInstance).getSlot(c.index) ?? undefined;
  // (ownLookup's inline values only: a dict is searched by loadAttr)
  if (c.kind === Kind.DICT && (o as PyInstance).vals !== null) return ownLookup(o as PyInstance, c, t);
  return undefined;
}

/**
 * LOAD_METHOD's cache hit for an object without an instance dict (a builtin type's instance: a
 * list's `append`): the borrowed method descriptor, or undefined for anything else. Like
 * attrHit it never calls out, raises or fills the cache (loadMethod does the rest).
 */
export function methodHit(caches: (AttrCache | null)[], pc: number, o: PyObject): PyObject | undefined {
  const c = caches[pc];
  if (c === null || c.kind !== Kind.METHOD_NODICT) return undefined;
  const t = o.type;
  return c.type === t && c.version === t.version ? c.descr! : undefined;
}

/**
 * STORE_ATTR's cache hit that sets an instance's inline value or a `__slots__` slot that is empty
 * or whose old value stays alive (another reference holds it): true when it stored `v` (taking a
 * reference to it), false when it did nothing. Like attrHit, it never calls out, raises, frees an
 * object or fills the cache.
 */
export function storeAttrHit(caches: (AttrCache | null)[], pc: number, o: PyObject, v: PyObject): boolean {
  const c = caches[pc];
  if (c === null) return false;
  const t = o.type;
  if (c.type !== t || c.version !== t.version) return false;
  if (c.kind === Kind.STORE_DICT) {
    const vals = (o as PyInstance).vals;
    if (vals === null) return false;
    const ix = sharedIndex(c, t);
    if (ix < 0) return false;
    const old = ix < vals.length ? vals[ix] : null;
    if (old === null) {
      // a new attribute of the instance (an __init__'s stores): nothing is released
      (o as PyInstance).putValue(ix, v);
      return true;
    }
    if (old.rc <= 1) return false;
    v.rc++;
    vals[ix] = v;
    old.rc--;
    return true;
  }
  if (c.kind === Kind.SLOT) {
    const i = (c.descr as PyMember).index;
    const old = o.getSlot(i);
    if (old !== null && old.rc <= 1) return false;
    v.rc++;
    o.setSlot(i, v);
    if (old !== null) old.rc--;
    return true;
  }
  return false;
}

export function loadAttr(caches: (AttrCache | null)[], pc: number, o: PyObject, name: string): PyObject {
  let c = caches[pc];
  const t = o.type;
  if (c === null || c.type !== t || c.version !== t.version) {
    if (c === null) c = newCache(caches, pc, name);
    fillLoadAttr(c, o);
  }
  switch (c.kind) {
    case Kind.DICT: {
      // LOAD_ATTR_INSTANCE_VALUE (or LOAD_ATTR_WITH_HINT once the dict is an object)
      const v = ownLookup(o as PyInstance, c, t);
      if (v !== undefined) {
        v.rc++;
        return v;
      }
      break;
    }
    case Kind.SLOT: {
      // member_get of a filled slot (an empty one raises through the generic path)
      const v = (o as PyInstance).getSlot(c.index);
      if (v) {
        v.rc++;
        return v;
      }
      break;
    }
    case Kind.DATA:
      return c.get!(c.descr!, o, t);
    case Kind.NONDATA: {
      const v = ownLookup(o as PyInstance, c, t);
      if (v !== undefined) {
        v.rc++;
        return v;
      }
      if (c.key.v === '__dict__') break; // the instance's own __dict__ (genericGetAttr)
      if (c.get !== null) return c.get(c.descr!, o, t);
      c.descr!.rc++;
      return c.descr!;
    }
    case Kind.NONDATA_NODICT: {
      if (c.get !== null) return c.get(c.descr!, o, t);
      c.descr!.rc++;
      return c.descr!;
    }
  }
  return abs.getAttr(o, name);
}

/**
 * LOAD_METHOD's lookup (_PyObject_GetMethod): the method descriptor found on the type (borrowed)
 * when `o.name(...)` can call it unbound with `o` as its first argument, else null.
 */
export function loadMethod(caches: (AttrCache | null)[], pc: number, o: PyObject, name: string): PyObject | null {
  let c = caches[pc];
  const t = o.type;
  if (c === null || c.type !== t || c.version !== t.version) {
    if (c === null) c = newCache(caches, pc, name);
    reset(c, t);
    if (genericGetattrType(o, t)) {
      const descr = abs.typeLookup(t, name);
      if (descr !== null && descr.type.flags & TypeFlags.METHOD_DESCRIPTOR) {
        c.descr = descr;
        if (hasInstanceLayout(o)) c.kind = Kind.METHOD;
        else if (neverHasDict(o, t)) c.kind = Kind.METHOD_NODICT;
        else c.kind = Kind.GENERIC;
      }
    }
  }
  switch (c.kind) {
    case Kind.METHOD_NODICT:
      return c.descr;
    case Kind.METHOD:
      // LOAD_METHOD_WITH_VALUES: unless the instance shadows the name
      return ownLookup(o as PyInstance, c, t) === undefined ? c.descr : null;
    case Kind.GENERIC: {
      // what the cache does not cover: _PyObject_GetMethod's lookup for this object
      if (!genericGetattrType(o, t)) return null;
      const descr = abs.typeLookup(t, name);
      if (!descr || !(descr.type.flags & TypeFlags.METHOD_DESCRIPTOR)) return null;
      if (abs.ownAttr(o, c.key) !== undefined) return null;
      return descr;
    }
  }
  return null;
}

/** PyObject_CallMethodNoArgs (PyObject_VectorcallMethod): o.name() with _PyObject_GetMethod's
 * lookup, so that a function on the type is called unbound (no bound-method object is made) */
export function callMethodNoArgs(o: PyObject, name: string): PyObject {
  const descr = loadMethod([null], 0, o, name);
  if (descr !== null) return abs.callMethodObj(descr, o, []);
  const m = abs.getAttr(o, name);
  try {
    return abs.call(m, [], null);
  } finally {
    decref(m);
  }
}

/** STORE_ATTR: setattr(o, name, v); v is borrowed. */
export function storeAttr(caches: (AttrCache | null)[], pc: number, o: PyObject, name: string, v: PyObject): void {
  let c = caches[pc];
  const t = o.type;
  if (c === null || c.type !== t || c.version !== t.version) {
    if (c === null) c = newCache(caches, pc, name);
    reset(c, t);
    if (hasInstanceLayout(o) && t.flags & TypeFlags.HEAPTYPE && c.key.interned) {
      // tp_setattro is object's (PyObject_GenericSetAttr): no __setattr__ of the class's own
      const sa = abs.typeLookup(t, '__setattr__');
      if (sa === null || (sa instanceof PyBuiltinFunction && sa.owner === ObjectType)) {
        const descr = abs.typeLookup(t, name);
        // (`__class__` has no descriptor here: abstract.ts setClass)
        if (descr === null) c.kind = name === '__class__' ? Kind.GENERIC : Kind.STORE_DICT;
        else if (descr instanceof PyMember) {
          c.kind = Kind.SLOT;
          c.descr = descr;
        }
      }
    }
  }
  switch (c.kind) {
    case Kind.STORE_DICT: {
      const inst = o as PyInstance;
      const vals = inst.vals;
      if (vals !== null) {
        // STORE_ATTR_INSTANCE_VALUE
        const ix = sharedIndex(c, t);
        if (ix >= 0) {
          if (ix < vals.length) {
            const old = vals[ix];
            if (old !== null) {
              v.rc++;
              vals[ix] = v;
              decref(old);
              return;
            }
          }
          inst.putValue(ix, v);
        } else inst.storeAttrValue(c.key, v);
        return;
      }
      const d = inst.dict;
      if (d === null) break;
      d.setItem(c.key, v);
      // a new attribute is the last entry (the next instance's __init__ stores it there too)
      const k = d.t.keys;
      const j = k.nentries - 1;
      if (j >= 0 && k.ekeys[j] === c.key) c.index = j;
      return;
    }
    case Kind.SLOT:
      memberSet(c.descr!, o, v);
      return;
  }
  abs.setAttr(o, name, v);
}
