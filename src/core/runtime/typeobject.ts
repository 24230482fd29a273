// Classes: type.__call__, type.__new__ (class creation, C3 MRO, __slots__), object.__new__ /
// __init__, super, __build_class__ (Objects/typeobject.c, Python/bltinmodule.c).

import { PyObject, PyType, TypeFlags, incref, decref, newRef, xdecref, Edge, addressOf, setRemoveSubclassRef, settleShape, type Visit } from './object';
import { newInt as newIntObj, newBool } from './objects/int';
import { TypeType, ObjectType, PyBuiltinFunction, makeType, PyGetSet, GetSetDescriptorType, shortTypeName } from './types';
import * as abs from './abstract';
import { PyStr, StrType, newStr } from './objects/str';
import { PyTuple, TupleType, newTuple, gcNewTracked } from './objects/tuple';
import { PyDict, DictType, newDict, SharedKeys } from './objects/dict';
import { PyList, newList } from './objects/list';
import { PyInstance } from './objects/instance';
import { PyFunction, PyCell, PyWrapper, PyMethod, PyProperty, StaticMethodType, ClassMethodType } from './objects/function';
import { PyBaseException, BaseException } from './objects/exception';
import { None } from './objects/singletons';
import { raise, typeError } from './errors';
import { TYPE_DOCS, TP_DOC_ONLY } from './docstrings';
import * as E from './objects/exception';
import { callFunction, makeFrame, runFrame } from './vm/call';
import { vmState } from './vm/eval';
import { Frame } from './vm/frame';

// ------------------------------------------------------------------ calling a type
/** builtin types that CPython 3.11 calls through tp_call (no tp_vectorcall) */
export function registerTpCallOnly(...ts: PyType[]): void {
  for (const t of ts) t.tpCallOnly = true;
}
/** _PyObject_MakeTpCall's argument tuple: new references to the positional arguments */
export function argsTuple(args: PyObject[], kwnames: string[] | null): PyTuple {
  const npos = args.length - (kwnames ? kwnames.length : 0);
  const items: PyObject[] = [];
  for (let i = 0; i < npos; i++) {
    const a = args[i];
    a.rc++;
    items.push(a);
  }
  return newTuple(items);
}
/** A METH_VARARGS(|METH_KEYWORDS) builtin (min, max, vars, dir in 3.11; _csv's reader, writer
 * and register_dialect) has no vectorcall: _PyObject_MakeTpCall packs its arguments in a tuple
 * (and a keyword dict) for the call, released when f returns. */
export function varargsCall<T>(args: PyObject[], kw: string[] | null, f: () => T): T {
  const t = argsTuple(args, kw);
  const d = kw && kw.length ? buildKwDict(args, kw) : null;
  try {
    return f();
  } finally {
    decref(t);
    if (d) decref(d);
  }
}
/** the arguments typeCall packed into a tuple (_PyObject_MakeTpCall), while tp_new runs */
let packed: { args: PyObject[]; tuple: PyTuple } | null = null;
/** The tuple a type call made of exactly these positional `args`, if this is such a call's
 * tp_new (BaseException_new keeps it as the exception's args), else null. */
export function packedArgsTuple(args: PyObject[]): PyTuple | null {
  return packed !== null && packed.args === args ? packed.tuple : null;
}

/** type.__call__ (type_call) */
export function typeCall(callable: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const t = callable as PyType;
  if (t === TypeType && args.length === 1 && !kwnames) return newRef(args[0].type);
  const isHeap = (t.flags & TypeFlags.HEAPTYPE) !== 0;
  // heap types, and builtin types without a tp_vectorcall in 3.11 (int, str, zip, ...), go
  // through _PyObject_MakeTpCall: the arguments are packed into a tuple. A quickened
  // `str(x)` is PRECALL_NO_KW_STR_1 (PyObject_Str, no tuple: specialize_class_call).
  let tuple: PyTuple | null = null;
  let posArgs = args;
  if (
    isHeap ||
    t === TypeType ||
    t.slots.new === undefined ||
    (t.tpCallOnly && !(t === StrType && args.length === 1 && !kwnames && vmState.current !== null && vmState.current.code.warmup === 0))
  ) {
    tuple = argsTuple(args, kwnames);
    posArgs = args;
  }
  // _PyObject_MakeTpCall's keyword dict (_PyStack_AsDict) for a builtin type's tp_call,
  // released after the tuple
  const builtinKw = tuple !== null && !isHeap && kwnames && kwnames.length ? buildKwDict(args, kwnames) : null;
  try {
    const newFn = t.slots.new;
    let obj: PyObject;
    if (!newFn) typeError(`cannot create '${t.name}' instances`);
    const outer = packed;
    packed = tuple !== null && !kwnames ? { args: posArgs, tuple } : null;
    try {
      obj = newFn(t, posArgs, kwnames);
    } finally {
      packed = outer;
    }
    if (!obj.type.isSubtype(t)) return obj;
    const init = obj.type.slots.init;
    if (init) {
      // (the tuple's items are the positional arguments themselves: __init__ gets `args`)
      const initArgs = args;
      // a keyword dict is built for tp_call, and _PyStack_UnpackDict gives every argument a
      // temporary reference on the way to __init__
      const kwdict = isHeap && kwnames && kwnames.length ? buildKwDict(args, kwnames) : null;
      if (kwdict) for (const x of initArgs) incref(x);
      try {
        init(obj, initArgs, kwnames);
      } catch (e) {
        decref(obj);
        throw e;
      } finally {
        if (kwdict) {
          for (const x of initArgs) decref(x);
          decref(kwdict);
        }
      }
    }
    return obj;
  } finally {
    if (tuple) decref(tuple);
    if (builtinKw) decref(builtinKw);
  }
}

/**
 * The class's `__init__` when calling it is type_call -> object_new -> slot_tp_init on a Python
 * function, with no metaclass `__call__` and no abstract methods: what CALL's specialization
 * (callPlainClass in vm/call.ts) may do without the generic path. Cached per type version (any
 * change along the MRO replaces it); null when the class needs the generic path.
 */
export function plainInitOf(t: PyType): PyFunction | null {
  if (t.ctorVersion === t.version) return t.ctorInit as PyFunction | null;
  let init: PyFunction | null = null;
  if (t.flags & TypeFlags.HEAPTYPE && t.type === TypeType && t.slots.new === objectNew && t.slots.init === slotInit) {
    const am = abs.typeLookup(t, '__abstractmethods__');
    const f = abs.typeLookup(t, '__init__');
    if ((am === null || am === None || am instanceof PyBuiltinFunction) && f instanceof PyFunction) init = f;
  }
  t.ctorVersion = t.versionTag();
  t.ctorInit = init;
  return init;
}

/** _PyStack_AsDict: the keyword arguments as a dict (values are the last args) */
export function buildKwDict(args: PyObject[], kwnames: string[]): PyDict {
  const d = newDict();
  const npos = args.length - kwnames.length;
  for (let i = 0; i < kwnames.length; i++) d.setItem(abs.nameKeyObj(kwnames[i]), args[npos + i]);
  return d;
}

/** excess_args: positional or keyword arguments (keyword values follow the positional ones) */
function excessArgs(args: PyObject[]): boolean {
  return args.length > 0;
}

/** object.__new__ (object_new) */
export function objectNew(t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  if (excessArgs(args)) {
    if (t.slots.new !== objectNew) typeError('object.__new__() takes exactly one argument (the type to instantiate)');
    if (t.slots.init === objectInit) typeError(`${t.name}() takes no arguments`);
  }
  void kwnames;
  // abstract classes (abc): the type's __abstractmethods__ must be empty
  if (t.flags & TypeFlags.HEAPTYPE) {
    const am = abs.typeLookup(t, '__abstractmethods__');
    if (am && am !== None && !(am instanceof PyBuiltinFunction)) {
      const names = abs.toArray(am).map((n) => {
        const s = abs.str(n);
        decref(n);
        return s;
      });
      if (names.length) {
        names.sort();
        typeError(`Can't instantiate abstract class ${t.name} with abstract method${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
      }
    }
  }
  return allocInstance(t);
}

/** the base's instances already have a dict (tp_dictoffset != 0): heap types with one, and
 *  BaseException, which keeps its own */
function baseKeepsDict(base: PyType): boolean {
  return base.hasDict || base.isSubtype(BaseException);
}

export function allocInstance(t: PyType): PyObject {
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  const sb = t.solidBase;
  let o: PyObject;
  if (sb === ObjectType) o = new PyInstance(t);
  else if (sb.isSubtype(BaseException)) {
    o = new PyBaseException(t, newTuple([]));
  } else {
    const f = solidAllocators.get(sb);
    if (!f) typeError(`cannot subclass '${sb.name}' here yet`);
    o = f(t);
  }
  // plain object() instances are not gc objects (PyBaseObject_Type has no Py_TPFLAGS_HAVE_GC)
  if (t.flags & TypeFlags.HAVE_GC) gcNewTracked(o);
  return o;
}

/** how to allocate an instance of a builtin base (list, dict, int, ...) for a subclass */
export const solidAllocators = new Map<PyType, (t: PyType) => PyObject>();

/** object.__init__ (object_init) */
export function objectInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  void kwnames;
  if (excessArgs(args)) {
    const t = self.type;
    if (t.slots.init !== objectInit) typeError('object.__init__() takes exactly one argument (the instance to initialize)');
    if (t.slots.new === objectNew) typeError(`${t.name}() takes no arguments`);
  }
}

/** slot_tp_init: call __init__ through the C path (+1 reference per argument). */
function slotInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  const f = abs.typeLookup(self.type, '__init__')!;
  const r = abs.callMethodObj(f, self, args, kwnames);
  if (r !== None) {
    decref(r);
    typeError(`__init__() should return None, not '${r.type.name}'`);
  }
  decref(r);
}

/** slot_tp_new: call the class's __new__ (a staticmethod) with the type prepended. */
function slotNew(t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  const f = abs.typeLookup(t, '__new__')!;
  const fn = f instanceof PyWrapper && f.type === StaticMethodType ? f.callable : f;
  return abs.call(fn, [t, ...args], kwnames);
}

// ------------------------------------------------------------------ tp_subclasses
let newWeakRefTo: ((o: PyObject) => PyObject) | null = null;
export function setSubclassWeakrefFactory(f: (o: PyObject) => PyObject): void {
  newWeakRefTo = f;
}
function addSubclassRef(b: PyType, t: PyType): void {
  if (!newWeakRefTo) return;
  if (!b.subclassRefs) b.subclassRefs = new Map();
  if (b.flags & TypeFlags.HEAPTYPE && !b.subclassesDict) b.subclassesDict = newDict();
  const wr = newWeakRefTo(t);
  b.subclassRefs.set(t, wr);
  if (b.subclassesDict) {
    const key = newIntKey(t);
    (b.subclassesDict as PyDict).setItem(key, wr);
    decref(key);
    decref(wr); // the dict owns it
  }
}
setRemoveSubclassRef((b, t) => {
  const wr = b.subclassRefs?.get(t);
  if (!wr) return;
  b.subclassRefs!.delete(t);
  if (b.subclassesDict) {
    const key = newIntKey(t);
    (b.subclassesDict as PyDict).delItem(key);
    decref(key);
  } else decref(wr);
});
function newIntKey(t: PyType): PyObject {
  return newIntObj(addressOf(t));
}

// ------------------------------------------------------------------ C3 linearization (mro_implementation)
function c3(t: PyType, bases: PyType[]): PyType[] {
  // check_duplicates
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) if (bases[i] === bases[j]) typeError(`duplicate base class ${bases[i].name}`);
  }
  const seqs: PyType[][] = bases.map((b) => [...b.mro]);
  seqs.push([...bases]);
  const out: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length);
    if (!nonEmpty.length) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const h = s[0];
      if (!nonEmpty.some((o) => o.indexOf(h) > 0)) {
        cand = h;
        break;
      }
    }
    if (!cand) {
      // (mro_error names each class by its __name__)
      const names = [...new Set(nonEmpty.map((s) => shortTypeName(s[0])))];
      typeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${names.join(', ')}`);
    }
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/**
 * solid_base / extra_ivars (Objects/typeobject.c): the nearest type whose instances carry fields
 * of their own — a builtin type larger than its base's layout (int, str, list, dict, OrderedDict,
 * BaseException...; the exceptions that add nothing share BaseException's), a class whose
 * __slots__ add storage — else its base's.
 */
const PYTHON_CLASSES = new Set(['collections.Counter']);
function layoutSolid(t: PyType): PyType {
  const base = t.base;
  if (base === null) return t;
  const b = layoutSolid(base);
  // (collections.Counter is a Python class in CPython: its basicsize is dict's and a __weakref__)
  if (t.flags & TypeFlags.HEAPTYPE || PYTHON_CLASSES.has(`${t.module}.${t.name}`)) return (t.slotNames?.length ?? 0) > (base.slotNames?.length ?? 0) ? t : b;
  return t.basicsize !== b.basicsize || t.itemsize !== b.itemsize ? t : b;
}

// ------------------------------------------------------------------ type.__new__ (type_new)
/** type_new. `basesTuple`: the tuple type() was given (type_new_alloc keeps it as tp_bases when
 * it is not empty; only a class without bases gets a new (object,)). */
export function typeNew(meta: PyType, name: string, bases: PyType[], ns: PyDict, basesTuple: PyObject | null = null): PyType {
  if (bases.length === 0) {
    bases = [ObjectType];
    basesTuple = null;
  }
  for (const b of bases) {
    if (!(b.flags & TypeFlags.BASETYPE)) typeError(`type '${b.name}' is not an acceptable base type`);
  }
  // best_base: the base whose instance layout (solid_base) extends all the others'; two layouts
  // neither of which extends the other cannot be combined
  let base = bases[0];
  let winner: PyType | null = null;
  for (const b of bases) {
    const cand = layoutSolid(b);
    if (winner === null || (cand !== winner && cand.isSubtype(winner))) {
      winner = cand;
      base = b;
    } else if (!winner.isSubtype(cand)) typeError('multiple bases have instance lay-out conflict');
  }
  // the MRO is computed first: a conflict raises before anything is allocated
  const placeholder = { name } as PyType;
  const mro = c3(placeholder, bases);
  const t = new PyType(name, base, TypeFlags.HEAPTYPE | TypeFlags.BASETYPE | TypeFlags.HAVE_GC | (base.flags & 0xff000000), meta);
  t.rc = 1;
  if (meta.flags & TypeFlags.HEAPTYPE) incref(meta);
  t.bases = bases;
  t.mro = [t, ...mro.slice(1)];
  // tp_base, tp_bases and tp_mro are strong references (tp_mro holds the type itself)
  incref(base);
  t.basesTuple = basesTuple !== null ? newRef(basesTuple) : newTuple(bases.map((b) => newRef(b as PyObject)));
  for (const b of bases) b.subclasses.push(t);
  // add_subclass: each base keeps a weak reference to the new class
  for (const b of bases) addSubclassRef(b, t);
  try {
    typeNewBody(t, base, bases, ns);
  } catch (e) {
    // an invalid namespace (__slots__, __qualname__, __classcell__): the type made so far is
    // released (CPython checks them before type_new_alloc)
    decref(t);
    throw e;
  }
  return t;
}

/** type_new_impl after the type's allocation: its dict, slots, MRO tuple and descriptors. */
function typeNewBody(t: PyType, base: PyType, bases: PyType[], ns: PyDict): void {
  // the class dict is a copy of the namespace
  const d = newDict();
  for (const [k, v] of ns.entries()) d.setItem(k, v);
  t.dict = d;
  const qn = d.getItem(abs.strKey('__qualname__'));
  if (qn) {
    if (!(qn instanceof PyStr)) typeError(`type __qualname__ must be a str, not ${qn.type.name}`);
    t.qualname = qn.v;
    d.delItem(abs.strKey('__qualname__'));
  }
  // type_new_set_module: a namespace without __module__ gets the calling frame's __name__
  if (d.getItem(abs.strKey('__module__')) === undefined) {
    const caller = vmState.current;
    const modName = caller !== null ? caller.globals.getItem(abs.strKey('__name__')) : undefined;
    if (modName !== undefined) d.setItem(abs.strKey('__module__'), modName);
  }
  const mod = d.getItem(abs.strKey('__module__'));
  if (mod instanceof PyStr) t.module = mod.v;
  const doc = d.getItem(abs.strKey('__doc__'));
  if (doc instanceof PyStr) t.doc = doc.v;
  // __slots__
  const slots = d.getItem(abs.strKey('__slots__'));
  const inheritedSlots = base.slotNames ?? [];
  let hasDict = t.mro.some((m) => m !== t && m.hasDict);
  if (slots) {
    const names: string[] = [];
    // type_new_get_slots: __slots__ as a tuple (a str: packed in one; any other iterable: copied)
    const slotsSeq = slots instanceof PyStr ? newTuple([newRef(slots)]) : slots.type === TupleType ? newRef(slots) : newTuple(abs.toArray(slots));
    const items = (slotsSeq as PyTuple).items;
    for (const s of items) {
      if (!(s instanceof PyStr)) {
        decref(slotsSeq);
        typeError(`__slots__ items must be strings, not '${s.type.name}'`);
      }
      if (s.v === '__dict__') hasDict = true;
      else if (s.v === '__weakref__') t.weakrefable = true;
      // type_new_visit_slots / _Py_Mangle: a private name is stored mangled (`__y` -> `_B__y`)
      else names.push(s.v.startsWith('__') && !s.v.endsWith('__') && t.name.replace(/^_+/, '') ? `_${t.name.replace(/^_+/, '')}${s.v}` : s.v);
    }
    for (const n of names) {
      if (d.getItem(abs.strKey(n)) !== undefined) {
        decref(slotsSeq);
        raise(E.ValueError, `'${n}' in __slots__ conflicts with class variable`);
      }
    }
    // type_new_copy_slots: the names (without __dict__ / __weakref__) in a new list, sorted, copied
    // into the tuple the class keeps (ht_slots); the list is freed, the first tuple replaced
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const tmp = newList(sorted.map((n) => newStr(n)));
    t.slotsTuple = newTuple((tmp.items as PyObject[]).map((o) => newRef(o)));
    decref(tmp);
    decref(slotsSeq);
    t.slotNames = [...inheritedSlots, ...names];
    for (const n of names) {
      const idx = t.slotNames.indexOf(n);
      const m = makeMemberDescr(t, n, idx);
      d.setItem(abs.nameKeyObj(n), m);
      decref(m);
    }
    // type_new_descriptors (3.11): a __dict__ slot is managed (pre-header) when the base has no
    // items, a __weakref__ slot is one more pointer
    const addDict = hasDict && !baseKeepsDict(base);
    const addWeak = t.weakrefable && !base.weakrefable;
    t.basicsize = base.basicsize + 8 * names.length + (addDict && base.itemsize !== 0 ? 8 : 0) + (addWeak ? 8 : 0);
    t.managedDict = addDict ? base.itemsize === 0 : base.managedDict;
  } else {
    const addDict = !baseKeepsDict(base);
    // (type_new_descriptors: no weak reference slot after a variable-size base's items; str's
    // tp_itemsize is 0 in CPython, its `itemsize` here the 1 byte per character of its size)
    const addWeak = !base.weakrefable && (base.itemsize === 0 || base.isSubtype(StrType));
    hasDict = true;
    t.weakrefable = base.weakrefable || addWeak;
    t.slotNames = base.slotNames;
    t.basicsize = base.basicsize + (addWeak ? 8 : 0) + (addDict && base.itemsize !== 0 ? 8 : 0);
    t.managedDict = addDict ? base.itemsize === 0 : base.managedDict;
  }
  // PyType_Ready (after the slots, whose first tuple may be on the free list by now): tp_mro.
  // mro_implementation merges several bases' MROs in a list it then copies (the list goes to the
  // free list); one base's MRO is built as a tuple directly
  if (bases.length > 1) decref(newList([]));
  t.mroTuple = newTuple(t.mro.map((m) => newRef(m as PyObject)));
  // _PyDict_NewKeysForClass: each managed-dict class has its own shared keys
  if (t.managedDict) t.sharedKeys = new SharedKeys();
  t.hasDict = hasDict;
  // __classcell__
  const cell = d.getItem(abs.strKey('__classcell__'));
  if (cell) {
    if (!(cell instanceof PyCell)) typeError(`__classcell__ must be a nonlocal cell, not ${cell.type.name}`);
    const old = cell.ref;
    cell.ref = newRef(t);
    xdecref(old);
    d.delItem(abs.strKey('__classcell__'));
  }
  // __new__ is implicitly a staticmethod, __init_subclass__/__class_getitem__ classmethods
  for (const [nm, wrap] of [
    ['__new__', StaticMethodType],
    ['__init_subclass__', ClassMethodType],
    ['__class_getitem__', ClassMethodType],
  ] as const) {
    const f = d.getItem(abs.strKey(nm));
    if (f instanceof PyFunction) {
      const w = new PyWrapper(wrap, f);
      gcNewTracked(w);
      d.setItem(abs.nameKeyObj(nm), w);
      decref(w);
    }
  }
  // PyType_Ready adds the __dict__ / __weakref__ getset descriptors (each holds the type), then
  // __doc__ is set when the body did not define it
  // (a base with an instance dict of its own, exceptions' among them, needs no descriptor)
  const baseHasDict = t.mro.slice(1).some((m) => m.hasDict) || base.solidBase !== ObjectType || base.isSubtype(BaseException);
  if (t.hasDict && !baseHasDict) addTypeGetSet(t, '__dict__');
  if (t.weakrefable && !base.weakrefable) addTypeGetSet(t, '__weakref__');
  if (d.getItem(abs.strKey('__doc__')) === undefined) d.setItem(abs.nameKeyObj('__doc__'), None);
  fixupSlots(t);
}

/** subtype_dict (PyObject_GenericGetDict): the instance's dict, made on first use */
export function subtypeDictGet(o: PyObject): PyObject {
  if (o instanceof PyInstance && o.type.hasDict) return o.materializeDict();
  const d = abs.instanceDictForSet(o);
  if (!d) abs.raiseNoAttr(o, '__dict__');
  return newRef(d);
}
/** subtype_setdict: any dict (or subclass) replaces the instance's; `del` removes it */
export function subtypeDictSet(o: PyObject, v: PyObject | null): void {
  if (v !== null && !(v instanceof PyDict)) typeError(`__dict__ must be set to a dictionary, not a '${v.type.name}'`);
  if (o instanceof PyInstance && o.type.hasDict) {
    o.replaceDict(v as PyDict | null);
    return;
  }
  abs.raiseNoAttr(o, '__dict__');
}

function addTypeGetSet(t: PyType, name: string): void {
  if (t.dict.getItem(abs.strKey(name)) !== undefined) return;
  const get = name === '__dict__' ? subtypeDictGet : () => newRef(None);
  const set = name === '__dict__' ? subtypeDictSet : null;
  const g = new PyGetSet(GetSetDescriptorType, name, t, get, set);
  incref(t);
  gcNewTracked(g);
  t.dict.setItem(abs.nameKeyObj(name), g);
  decref(g);
}

/** Point a heap type's native slots at its Python-level special methods (fixup_slot_dispatchers). */
export function fixupSlots(t: PyType): void {
  const has = (n: string) => abs.typeLookup(t, n);
  const base = t.base!;
  const prevNew = t.slots.new;
  t.slots = { ...base.slots, ...t.nativeSlots };
  const initF = has('__init__');
  if (initF && !(initF instanceof PyBuiltinFunction)) t.slots.init = slotInit;
  const newF = has('__new__');
  if (newF && !(newF instanceof PyBuiltinFunction)) t.slots.new = slotNew;
  // update_one_slot keeps the current tp_new when __new__ resolves to a builtin type's __new__
  // (tp_new_wrapper): a class whose own __new__ was deleted keeps slot_tp_new
  else if (prevNew === slotNew) t.slots.new = slotNew;
  // Python-level dunders are dispatched by name in abstract.ts; drop inherited native fast
  // slots that a Python method overrides
  const map: [keyof typeof t.slots, string][] = [
    ['repr', '__repr__'],
    ['str', '__str__'],
    ['hash', '__hash__'],
    ['iter', '__iter__'],
    ['next', '__next__'],
    ['call', '__call__'],
    ['len', '__len__'],
    ['bool', '__bool__'],
  ];
  for (const [slot, dn] of map) {
    const f = has(dn);
    if (f && !(f instanceof PyBuiltinFunction)) delete t.slots[slot];
  }
  if (has('__getattribute__') && !(has('__getattribute__') instanceof PyBuiltinFunction)) {
    t.slots.getattr = (o, name) => {
      const ga = abs.typeLookup(o.type, '__getattribute__')!;
      try {
        return abs.callMethodObj(ga, o, [abs.strKey(name)]);
      } catch (e) {
        if (e instanceof PyBaseException && e.type.isSubtype(E.AttributeError)) {
          const gf = abs.typeLookup(o.type, '__getattr__');
          decref(e);
          if (gf) return abs.callMethodObj(gf, o, [abs.strKey(name)]);
          return null;
        }
        throw e;
      }
    };
  }
  // __eq__ without __hash__ makes instances unhashable
  const ownDict = t.dict;
  if (ownDict.getItem(abs.strKey('__eq__')) !== undefined && ownDict.getItem(abs.strKey('__hash__')) === undefined) {
    ownDict.setItem(abs.nameKeyObj('__hash__'), None);
  }
  t.hasFinalizer = !!has('__del__') && !(has('__del__') instanceof PyBuiltinFunction);
  t.invalidate();
}

// ------------------------------------------------------------------ __slots__ members
export const MemberDescrType = makeType('member_descriptor', null, TypeFlags.HAVE_GC, 48);
export class PyMember extends PyObject {
  constructor(
    public owner: PyType,
    public name: string,
    public index: number,
  ) {
    super(MemberDescrType);
  }
  override traverse(visit: Visit): void {
    visit(this.owner, Edge.OTHER, '__objclass__');
  }
  override dealloc(): void {
    decref(this.owner);
  }
}
// (object.ts settleShape: the member descriptors of a program's `__slots__` classes)
settleShape(new PyMember(MemberDescrType, '', 0));
// member_repr (Objects/descrobject.c)
MemberDescrType.slots.repr = (o) => `<member '${(o as PyMember).name}' of '${(o as PyMember).owner.name}' objects>`;
function makeMemberDescr(owner: PyType, name: string, index: number): PyObject {
  const m = new PyMember(owner, name, index);
  incref(owner); // d_type
  gcNewTracked(m);
  return m;
}
export function memberGet(d: PyObject, obj: PyObject): PyObject | undefined {
  if (!(d instanceof PyMember)) return undefined;
  const v = obj.getSlot(d.index);
  if (!v) raise(E.AttributeError, `'${obj.type.name}' object has no attribute '${d.name}'`, { name: newStr(d.name), obj: newRef(obj) });
  return newRef(v);
}
export function memberSet(d: PyObject, obj: PyObject, v: PyObject | null): boolean {
  if (!(d instanceof PyMember)) return false;
  const so = obj;
  const old = so.getSlot(d.index);
  // PyMember_SetOne (Python/structmember.c): deleting an empty T_OBJECT_EX slot
  if (!v && !old) raise(E.AttributeError, d.name);
  if (v) v.rc++;
  so.setSlot(d.index, v);
  xdecref(old);
  return true;
}
export function isMember(d: PyObject): boolean {
  return d instanceof PyMember;
}

// ------------------------------------------------------------------ __build_class__
export function buildClass(args: PyObject[], kwnames: string[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos < 2) typeError('__build_class__: not enough arguments');
  const func = args[0];
  const nameObj = args[1];
  if (!(func instanceof PyFunction)) typeError('__build_class__: func must be a function');
  if (!(nameObj instanceof PyStr)) typeError('__build_class__: name is not a string');
  const bases = args.slice(2, npos);
  let meta: PyObject | null = null;
  const kwArgs: PyObject[] = [];
  const kwNames: string[] = [];
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] === 'metaclass') meta = args[npos + i];
    else {
      kwArgs.push(args[npos + i]);
      kwNames.push(kwnames![i]);
    }
  }
  for (const b of bases) {
    if (!(b instanceof PyType)) {
      const mro = abs.lookupAttr(b, '__mro_entries__');
      if (mro) {
        decref(mro);
        raise(E.TypeError, 'unsupported base (__mro_entries__)');
      }
      typeError(`bases must be types`);
    }
  }
  if (!meta) meta = bases.length ? bases[0].type : TypeType;
  // most derived metaclass
  if (meta instanceof PyType) {
    for (const b of bases) {
      const bm = b.type;
      if (bm.isSubtype(meta as PyType)) meta = bm;
      else if (!(meta as PyType).isSubtype(bm)) typeError('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
    }
  }
  // the namespace: meta.__prepare__(name, bases, **kwds) (type's own makes a new dict)
  let ns: PyObject;
  const prep = abs.lookupAttr(meta, '__prepare__');
  if (prep === null || (prep instanceof PyBuiltinFunction && prep.owner === TypeType)) {
    xdecref(prep);
    ns = newDict();
  } else {
    const basesTuple = newTuple(bases.map(newRef));
    try {
      ns = abs.call(prep, [nameObj, basesTuple, ...kwArgs], kwNames.length ? kwNames : null);
    } finally {
      decref(basesTuple);
      decref(prep);
    }
    if (!abs.mappingCheck(ns)) {
      const what = meta instanceof PyType ? meta.name : '<metaclass>';
      const nsType = ns.type.name;
      decref(ns);
      typeError(`${what}.__prepare__() must return a mapping, not ${nsType}`);
    }
  }
  try {
    // run the class body with the namespace as its locals
    const f = new Frame(func.code, newRef(func), func.globals, vmState.builtins!, newRef(ns));
    // free variables of the body (its closure)
    const u = func.code.unit;
    let fi = 0;
    for (let i = 0; i < u.localsplusKinds.length; i++) {
      const k = u.localsplusKinds[i];
      if (k & 0x80) f.fast[i] = newRef(func.closure!.items[fi++]);
      else if (k & 0x40) f.fast[i] = newCellObj();
    }
    const cell = runFrame(f);
    const basesTuple = newTuple(bases.map(newRef));
    let cls: PyObject;
    try {
      cls = abs.call(meta, [nameObj, basesTuple, ns, ...kwArgs], kwNames.length ? kwNames : null);
    } catch (e) {
      // (the body's result, the __class__ cell, goes with the frame: __build_class__'s Py_DECREF)
      decref(cell);
      throw e;
    } finally {
      decref(basesTuple);
    }
    if (cell instanceof PyCell && cls instanceof PyType && cell.ref !== cls) {
      // the class body's __class__ cell must hold the class the metaclass returned
      const cellCls = cell.ref;
      try {
        const clsRepr = abs.repr(cls);
        if (cellCls === null) raise(E.RuntimeError, `__class__ not set defining ${abs.repr(nameObj)} as ${clsRepr}. Was __classcell__ propagated to type.__new__?`);
        raise(E.TypeError, `__class__ set to ${abs.repr(cellCls)} defining ${abs.repr(nameObj)} as ${clsRepr}`);
      } finally {
        decref(cls);
        decref(cell);
      }
    }
    decref(cell);
    return cls;
  } finally {
    decref(ns);
  }
}

let newCellObj: () => PyObject = () => {
  throw new Error('cell factory not set');
};
export function setCellFactory(f: () => PyObject): void {
  newCellObj = f;
}

/** type(name, bases, dict) and type.__new__ */
export function typeTypeNew(meta: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  const npos = args.length - (kwnames ? kwnames.length : 0);
  if (npos === 1 && meta === TypeType) return newRef(args[0].type);
  if (npos !== 3) typeError('type() takes 1 or 3 arguments');
  const [name, bases, ns] = args;
  if (!(name instanceof PyStr)) typeError(`type.__new__() argument 1 must be str, not ${name.type.name}`);
  if (!(bases instanceof PyTuple)) typeError(`type.__new__() argument 2 must be tuple, not ${bases.type.name}`);
  if (!(ns instanceof PyDict)) typeError(`type.__new__() argument 3 must be dict, not ${ns.type.name}`);
  const t = typeNew(meta, name.v, bases.items as PyType[], ns, bases);
  gcNewTracked(t);
  try {
    // __set_name__ and __init_subclass__ (type_new_set_names, type_new_init_subclass)
    // type_new_set_names iterates over a copy of the class dict
    const names = newDict();
    try {
      for (const [k, v] of t.dict.entries()) names.setItem(k, v);
      for (const [k, v] of [...names.entries()]) {
        const sn = abs.typeLookup(v.type, '__set_name__');
        if (sn) decref(abs.callMethodObj(sn, v, [t, k]));
      }
    } finally {
      decref(names);
    }
    const sup = superNew(SuperType, [t, t], null);
    try {
      const isub = superGetAttr(sup, '__init_subclass__');
      if (isub) {
        const kwv = kwnames ? args.slice(npos) : [];
        try {
          decref(abs.call(isub, kwv, kwnames));
        } finally {
          decref(isub);
        }
      }
    } finally {
      decref(sup);
    }
  } catch (e) {
    decref(t);
    throw e;
  }
  return t;
}

// ------------------------------------------------------------------ super
export const SuperType = makeType('super', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 40);
export class PySuper extends PyObject {
  constructor(
    public thisType: PyType,
    /** null for an unbound super (`super(B)`) */
    public obj: PyObject | null,
    public objType: PyType | null,
  ) {
    super(SuperType);
  }
  override traverse(visit: Visit): void {
    visit(this.thisType, Edge.OTHER, '__thisclass__');
    if (this.obj !== null) visit(this.obj, Edge.SELF, '__self__');
    if (this.objType !== null) visit(this.objType, Edge.OTHER, '__self_class__');
  }
  override dealloc(): void {
    xdecref(this.obj);
    decref(this.thisType);
    xdecref(this.objType);
  }
}
// (object.ts settleShape: the super objects of a program's `super()` calls)
settleShape(new PySuper(SuperType, null, null));

export function superNew(_t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  void kwnames;
  let thisType: PyObject;
  let obj: PyObject;
  if (args.length === 0) {
    // zero-argument form: __class__ cell and the first argument of the calling frame
    const f = vmState.current;
    if (!f || !f.func) raise(E.RuntimeError, 'super(): no arguments');
    const u = f.code.unit;
    if (u.argcount === 0 && !(u.flags & 0x4)) raise(E.RuntimeError, 'super(): no arguments');
    let first = f.fast[0];
    if (first && u.localsplusKinds[0] & 0x40) first = (first as PyCell).ref;
    if (!first) raise(E.RuntimeError, 'super(): arg[0] deleted');
    let ci = f.code.classCell;
    if (ci === -2) ci = f.code.classCell = u.localsplusNames.lastIndexOf('__class__');
    if (ci < 0 || !(u.localsplusKinds[ci] & 0x80)) raise(E.RuntimeError, 'super(): __class__ cell not found');
    const cell = f.fast[ci] as PyCell;
    if (!cell.ref) raise(E.RuntimeError, 'super(): empty __class__ cell');
    thisType = cell.ref;
    obj = first;
  } else {
    thisType = args[0];
    obj = args[1] ?? None;
  }
  if (!(thisType instanceof PyType)) typeError(`super() argument 1 must be a type, not ${thisType.type.name}`);
  // super_init_impl: super(type) and super(type, None) are unbound
  if (obj === None) {
    const s = new PySuper(newRef(thisType), null, null);
    gcNewTracked(s);
    return s;
  }
  let objType: PyType;
  if (obj instanceof PyType && obj.isSubtype(thisType)) objType = obj;
  else if (obj.type.isSubtype(thisType)) objType = obj.type;
  else typeError('super(type, obj): obj must be an instance or subtype of type');
  const s = new PySuper(newRef(thisType), newRef(obj), newRef(objType));
  gcNewTracked(s);
  return s;
}

export function superGetAttr(o: PyObject, name: string): PyObject | null {
  const s = o as PySuper;
  if (name === '__class__') return newRef(s.type);
  // super_getattro: an unbound super looks in itself only
  if (s.objType === null) return abs.genericGetAttr(o, name, true);
  const mro = s.objType.mro;
  const key = abs.strKey(name);
  let i = mro.indexOf(s.thisType) + 1;
  for (; i < mro.length; i++) {
    const v = mro[i].dict.getItem(key);
    if (v !== undefined) {
      // super_getattro: bind with obj (NULL when obj is the start type itself)
      return abs.descrGet(v, s.obj === s.objType ? null : s.obj, s.objType);
    }
  }
  return abs.genericGetAttr(o, name, true);
}

void PyList;
void DictType;
void TupleType;
void StrType;
void callFunction;
void makeFrame;

// ------------------------------------------------------------------ add_operators
/** the builtin types whose tp_getattro is set (to PyObject_GenericGetAttr or a getattro of their
 * own that RefScope keeps in slots.getattr), so that add_operators gives them a
 * `__getattribute__` slot wrapper (CPython 3.11's dicts; type, module, super and method, whose
 * getattro differs, are left out) */
const GETATTRO_TYPES = new Set([
  'BaseException', 'builtin_function_or_method', 'bytearray', 'bytearray_iterator', 'bytes', 'bytes_iterator',
  'callable_iterator', 'cell', 'classmethod_descriptor', 'code', 'complex', 'dict', 'dict_itemiterator',
  'dict_items', 'dict_keyiterator', 'dict_keys', 'dict_valueiterator', 'dict_values', 'ellipsis', 'enumerate',
  'filter', 'float', 'frame', 'frozenset', 'generator', 'getset_descriptor', 'int', 'iterator', 'list',
  'list_iterator', 'list_reverseiterator', 'longrange_iterator', 'map', 'mappingproxy', 'member_descriptor',
  'method-wrapper', 'method_descriptor', 'property', 'range', 'range_iterator', 'reversed', 'set', 'set_iterator',
  'slice', 'str', 'str_ascii_iterator', 'str_iterator', 'traceback', 'tuple', 'tuple_iterator', 'wrapper_descriptor', 'zip',
]);

/** the types of other modules whose tp_getattro is set (PyObject_GenericGetAttr in their static
 * type or their spec): CPython 3.11's, by `__module__.__name__` (the names RefScope gives some of
 * them too) */
const MODULE_GETATTRO_TYPES = new Set([
  '_collections._deque_iterator', '_collections._deque_reverse_iterator', 'collections._deque_iterator',
  'collections._deque_reverse_iterator', '_io.FileIO', '_struct.Struct', '_struct.unpack_iterator', 'struct.Struct',
  'struct.unpack_iterator', 'array.array', 'array.arrayiterator', 'collections.defaultdict', 'collections.deque',
  'datetime.date', 'datetime.datetime', 'datetime.time', 'datetime.timedelta', 'datetime.tzinfo', 'decimal.Context',
  'decimal.ContextManager', 'decimal.Decimal', 'decimal.SignalDictMixin', 'functools.KeyWrapper', 'functools.partial',
  'itertools._grouper', 'itertools._tee_dataobject', 'itertools.accumulate', 'itertools.chain', 'itertools.combinations',
  'itertools.combinations_with_replacement', 'itertools.compress', 'itertools.count', 'itertools.cycle',
  'itertools.dropwhile', 'itertools.filterfalse', 'itertools.groupby', 'itertools.islice', 'itertools.pairwise',
  'itertools.permutations', 'itertools.product', 'itertools.repeat', 'itertools.starmap', 'itertools.takewhile',
  'itertools.zip_longest', 'operator.attrgetter', 'operator.itemgetter', 'operator.methodcaller',
  'types.GenericAlias', 'types.SimpleNamespace', 'types.UnionType', 'unicodedata.UCD', 'weakref.CallableProxyType',
  'weakref.ProxyType',
]);

/** slots of other modules' types that RefScope sets where CPython's type inherits the slot or has
 * the method in Python code: no slot wrapper for them (measured against CPython 3.11's dicts) */
const MODULE_NO_WRAPPER: Record<string, string[]> = {
  'collections.Counter': ['__bool__', '__new__'],
  'collections.OrderedDict': ['__bool__', '__new__'],
  'collections.defaultdict': ['__bool__', '__new__'],
  '_io.BufferedRandom': ['__iter__'],
  '_io.BufferedReader': ['__iter__'],
  '_io.BufferedWriter': ['__iter__', '__next__'],
  '_io.TextIOWrapper': ['__iter__'],
  '_io.StringIO': ['__iter__', '__repr__'],
  'encodings.utf_8.IncrementalDecoder': ['__repr__'],
  'encodings.utf_8.IncrementalEncoder': ['__repr__'],
  'functools._lru_cache_wrapper': ['__repr__'],
  'itertools._tee_dataobject': ['__iter__', '__next__'],
  'random.Random': ['__new__'],
  're.Match': ['__bool__'],
  'datetime.time': ['__bool__'],
  'string.Template': ['__new__'],
};

/** the builtin exceptions whose tp_new is inherited (ComplexExtendsException and
 * MiddlingExtendsException with no new of their own): no `__new__` in their dict */
const EXC_INHERIT_NEW = new Set([
  'AttributeError', 'BlockingIOError', 'BrokenPipeError', 'ChildProcessError', 'ConnectionAbortedError', 'ConnectionError',
  'ConnectionRefusedError', 'ConnectionResetError', 'FileExistsError', 'FileNotFoundError', 'ImportError', 'IndentationError',
  'InterruptedError', 'IsADirectoryError', 'KeyError', 'ModuleNotFoundError', 'NameError', 'NotADirectoryError',
  'PermissionError', 'ProcessLookupError', 'StopIteration', 'SyntaxError', 'SystemExit', 'TabError', 'TimeoutError',
  'UnboundLocalError',
]);

/** builtin types with a tp_descr_get (a `__get__` slot wrapper) RefScope computes natively */
const DESCR_GET_TYPES = new Set(['function', 'property', 'staticmethod', 'classmethod', 'method_descriptor', 'wrapper_descriptor', 'classmethod_descriptor', 'getset_descriptor', 'member_descriptor']);
/** builtin types with a tp_call that the VM runs natively (a `__call__` slot wrapper) */
const CALL_TYPES = new Set(['function', 'builtin_function_or_method', 'method', 'method-wrapper', 'method_descriptor', 'wrapper_descriptor', 'classmethod_descriptor']);

/** check_num_args / the wrappers' "takes no keyword arguments" (Objects/typeobject.c, descrobject.c) */
function wrapperArgs(name: string, args: PyObject[], kw: string[] | null, n: number): void {
  if (kw && kw.length) typeError(`wrapper ${name}() takes no keyword arguments`);
  if (args.length !== n) typeError(`expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
}

/**
 * typeobject.c add_operators: a slot wrapper in the dict of each builtin type for the slots it
 * defines itself (not inherited from its base) and that its dict does not name yet: __repr__,
 * __str__, __iter__, __next__, __call__, __len__, __bool__ and __init__ (every builtin exception
 * sets tp_init); __getattribute__, __call__ and __get__ for the types of GETATTRO_TYPES,
 * CALL_TYPES and DESCR_GET_TYPES, whose slots the VM and abstract.ts implement by type. Run once, after the
 * builtin types' own methods are installed.
 */
export function addOperators(
  types: readonly PyType[],
  define: (t: PyType, name: string, fn: (args: PyObject[], kw: string[] | null, self: PyObject | null) => PyObject) => void,
  // (objects/methods.ts defNew, passed in: importing that module here makes an import cycle in which
  // dict_methods.ts runs before dict.ts)
  defNew: (t: PyType) => void,
  /** the types of other modules instead (after each module's first import: the slots its types
   * have by then; a type's wrappers are added once, a name its dict has is left alone) */
  moduleTypes = false,
): void {
  for (const t of types) {
    // (a type named 'module.Name' is one of another module's, whatever its __module__ says yet)
    if (t.flags & TypeFlags.HEAPTYPE || (t.module !== 'builtins' || t.name.includes('.')) !== moduleTypes) continue;
    // (the modules' exceptions are classes, as PyErr_NewException makes them)
    if (moduleTypes && t.isSubtype(BaseException)) continue;
    // (so is builtins.ExceptionGroup: its slots are BaseExceptionGroup's, its dict has no wrappers)
    if (t.name === 'ExceptionGroup' && t.module === 'builtins') continue;
    const key = t.name.includes('.') ? t.name : `${t.module}.${t.name}`;
    // (after each import the module types are looked at again, every one of them: a type whose
    // name and own slots are what they were the last time has its wrappers already)
    let fingerprint = '';
    if (moduleTypes) {
      let bits = 0;
      for (let i = 0; i < WRAPPED_SLOTS.length; i++) {
        const k = WRAPPED_SLOTS[i];
        if (t.slots[k] !== undefined && (t.base === null || t.slots[k] !== t.base.slots[k])) bits |= 1 << i;
      }
      fingerprint = `${key}|${bits}`;
      if (moduleTypesSeen.get(t) === fingerprint) continue;
    }
    const skip = moduleTypes ? MODULE_NO_WRAPPER[key] : undefined;
    const has = (n: string) => t.dict?.getStr(abs.strKey(n)) !== undefined || (skip !== undefined && skip.includes(n));
    const own = <K extends keyof typeof t.slots>(k: K) => t.slots[k] !== undefined && (t.base === null || t.slots[k] !== t.base.slots[k]);
    const s = t.slots;
    if (own('repr') && !has('__repr__')) {
      define(t, '__repr__', (a, k, self) => (wrapperArgs('__repr__', a, k, 0), newStr(t.slots.repr!(self!))));
    }
    if (own('str') && !has('__str__')) {
      define(t, '__str__', (a, k, self) => (wrapperArgs('__str__', a, k, 0), newStr(t.slots.str!(self!))));
    }
    if (own('iter') && !has('__iter__')) {
      define(t, '__iter__', (a, k, self) => (wrapperArgs('__iter__', a, k, 0), t.slots.iter!(self!)));
    }
    if (own('next') && !has('__next__')) {
      // wrap_next: an exhausted iterator raises StopIteration
      define(t, '__next__', (a, k, self) => {
        wrapperArgs('__next__', a, k, 0);
        const r = t.slots.next!(self!);
        if (r === null) raise(E.StopIteration, null);
        return r;
      });
    }
    if (own('call') && !has('__call__') && !CALL_TYPES.has(t.name)) {
      define(t, '__call__', (a, k, self) => t.slots.call!(self!, a, k));
    }
    if (CALL_TYPES.has(t.name) && !has('__call__')) {
      // wrapper_call -> tp_call (none of these types can be subclassed)
      define(t, '__call__', (a, k, self) => abs.call(self!, a, k));
    }
    const descrGet = DESCR_GET_TYPES.has(t.name) ? abs.builtinDescrGet(t) : null;
    if (descrGet !== null && !has('__get__')) {
      // wrap_descr_get: __get__(instance, owner=None); None for either is no value
      define(t, '__get__', (a, k, self) => {
        if (k && k.length) typeError('wrapper __get__() takes no keyword arguments');
        if (a.length < 1 || a.length > 2) typeError(a.length < 1 ? `expected at least 1 argument, got ${a.length}` : `expected at most 2 arguments, got ${a.length}`);
        const obj = a[0] === None ? null : a[0];
        const type = a.length > 1 && a[1] !== None ? a[1] : null;
        if (obj === null && type === null) typeError('__get__(None, None) is invalid');
        return descrGet(self!, obj, (type ?? obj!.type) as PyType);
      });
    }
    if (own('len') && !has('__len__')) {
      define(t, '__len__', (a, k, self) => (wrapperArgs('__len__', a, k, 0), newIntObj(t.slots.len!(self!))));
    }
    if (own('bool') && !has('__bool__')) {
      define(t, '__bool__', (a, k, self) => (wrapperArgs('__bool__', a, k, 0), newBool(t.slots.bool!(self!))));
    }
    const isExc = t.isSubtype(BaseException);
    // add_tp_new_wrapper: a type that sets tp_new itself; of the builtin exceptions, those made
    // with SimpleExtendsException (BaseException_new) and the few with a tp_new of their own
    if ((isExc ? !EXC_INHERIT_NEW.has(t.name) : own('new')) && s.new !== undefined && !has('__new__')) defNew(t);
    if ((own('init') || isExc) && s.init !== undefined && !has('__init__')) {
      define(t, '__init__', (a, k, self) => (t.slots.init!(self!, a, k), newRef(None)));
    }
    const getattro = moduleTypes ? MODULE_GETATTRO_TYPES.has(key) : GETATTRO_TYPES.has(t.name);
    if (getattro && !has('__getattribute__')) {
      // wrap_getattr(o, name) -> this type's tp_getattro
      define(t, '__getattribute__', (a, k, self) => {
        wrapperArgs('__getattribute__', a, k, 1);
        const n = a[0];
        if (!(n instanceof PyStr)) typeError(`attribute name must be string, not '${n.type.name}'`);
        const native = t.slots.getattr;
        const r = (native ? native(self!, n.v) : null) ?? abs.genericGetAttr(self!, n.v, true);
        if (r === null) abs.raiseNoAttr(self!, n.v);
        return r;
      });
    }
    if (moduleTypes) moduleTypesSeen.set(t, fingerprint);
  }
}

/** the slots addOperators gives wrappers for (and, for the module types, whose presence it
 * remembers: moduleTypesSeen) */
const WRAPPED_SLOTS = ['repr', 'str', 'iter', 'next', 'call', 'len', 'bool', 'new', 'init'] as const;
/** module types addOperators has looked at, with their name and own WRAPPED_SLOTS then */
const moduleTypesSeen = new WeakMap<PyType, string>();

/** builtin types whose __doc__ is a member or getset descriptor of their own */
const DOC_GETSET_TYPES = new Set(['property', 'function', 'builtin_function_or_method', 'method', 'method-wrapper', 'method_descriptor', 'wrapper_descriptor', 'classmethod_descriptor', 'getset_descriptor', 'member_descriptor']);

/** the __doc__ of a function, method or descriptor (None when it has none) */
function docOf(o: PyObject): PyObject {
  if (o instanceof PyFunction) return newRef(o.doc ?? None);
  if (o instanceof PyBuiltinFunction) return o.doc !== null ? newStr(o.doc) : newRef(None);
  // method_get_doc: the function's
  if (o instanceof PyMethod) return abs.getAttr(o.func, '__doc__');
  if (o instanceof PyProperty) return newRef(o.doc ?? None);
  return newRef(None);
}

/** the __doc__ member of functions and properties (T_OBJECT, writable; a deletion stores NULL) */
function setMemberDoc(o: PyObject, v: PyObject | null): void {
  const p = o as PyProperty | PyFunction;
  const old = p.doc;
  p.doc = v === null ? null : newRef(v);
  xdecref(old);
}

/** type_ready's type_dict_set_doc: a builtin type's __doc__ (its tp_doc, or None) in its dict,
 * with CPython 3.11.7's text (docstrings.ts) */
export function setTypeDocs(types: readonly PyType[]): void {
  for (const t of types) {
    if (!(t.flags & TypeFlags.HEAPTYPE) && t.module === 'builtins' && t.name in TP_DOC_ONLY) t.doc = TP_DOC_ONLY[t.name];
    if (DOC_GETSET_TYPES.has(t.name) && !(t.flags & TypeFlags.HEAPTYPE) && t.dict.getStr(abs.strKey('__doc__')) === undefined) {
      // their __doc__ is a descriptor (func_memberlist, meth_getsets, method_getset, ...):
      // the function's own docstring, never object's
      const g = new PyGetSet(GetSetDescriptorType, '__doc__', t, docOf, t.name === 'property' || t.name === 'function' ? setMemberDoc : null);
      g.rc = 1_000_000_000;
      t.dict.setItem(abs.strKey('__doc__'), g);
      t.invalidate();
      continue;
    }
    if (t.flags & TypeFlags.HEAPTYPE || t.module !== 'builtins') continue;
    if (!(t.name in TYPE_DOCS)) continue;
    if (t.dict.getStr(abs.strKey('__doc__')) !== undefined) continue;
    const doc = TYPE_DOCS[t.name];
    t.doc = doc;
    let v: PyObject = None;
    if (doc !== null) {
      v = newStr(doc);
      v.rc = 1_000_000_000;
    }
    t.dict.setItem(abs.strKey('__doc__'), v);
    t.invalidate();
  }
}
