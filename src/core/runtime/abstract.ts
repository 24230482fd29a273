// The object protocols (Objects/abstract.c, Objects/object.c, Objects/typeobject.c lookups):
// attribute access, calls, operators, comparisons, hashing, iteration, repr/str.
//
// Conventions: functions returning PyObject return a NEW reference; arguments are borrowed.

import { PyObject, PyType, TypeFlags, incref, decref, newRef, addressOf, xdecref, extraDicts } from './object';
import { TypeType, ObjectType, PyBuiltinFunction, PyGetSet, MethodDescriptorType, BuiltinFunctionType, WrapperDescriptorType, ClassMethodDescriptorType, GetSetDescriptorType } from './types';
import { PyInt, IntType, BoolType, newInt, newBool, True, False } from './objects/int';
import { PyFloat, FloatType, newFloat } from './objects/float';
import { PyStr, StrType, newStr, freshStr, attrKey } from './objects/str';
import { PyTuple, TupleType, newTuple } from './objects/tuple';
import { newMappingProxy } from './objects/mappingproxy';
import { PyList, ListType, newList, listAppend } from './objects/list';
import { PyDict, DictType, newDict } from './objects/dict';
import { PySet, SetType, FrozenSetType } from './objects/set';
import { None, NoneType, NotImplemented, Ellipsis } from './objects/singletons';
import { PyFunction, PyMethod, PyWrapper, ClassMethodType, StaticMethodType, PyProperty, PropertyType, newMethod, FunctionType, PyCode, PyCell } from './objects/function';
import { PyInstance, PyModule } from './objects/instance';
import { PyBaseException, excMembers } from './objects/exception';
import { unicodeErrorGetSize, unicodeErrorSetSize } from './objects/codec_errors';
import * as E from './objects/exception';
import { raise, typeError, newException, numErrException, Unsupported } from './errors';
import { isMissingStdlibAttr } from './stdlibattrs';
import { STDLIB_DIR } from './stdlibnames';
import { hashInt, hashFloat, hashTupleCombine, hashPointer } from './primitives/hash';
import { floatRepr } from './primitives/floatrepr';
import { intToDecimalString, strRepr } from './primitives/intstr';
import * as N from './numeric';
import { callFunction } from './vm/call';
import { vmState } from './vm/eval';
import { PyRange, PySlice } from './objects/misc';
import { isMember, memberGet, memberSet, PyMember, MemberDescrType } from './typeobject';
import { newMethodWrapper } from './objects/method_wrapper';
import { osErrorField } from './objects/oserror';

export const enum Cmp {
  LT,
  LE,
  EQ,
  NE,
  GT,
  GE,
}
const CMP_SYM = ['<', '<=', '==', '!=', '>', '>='];
const CMP_DUNDER = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const CMP_SWAP = [Cmp.GT, Cmp.GE, Cmp.EQ, Cmp.NE, Cmp.LT, Cmp.LE];

export function typeName(o: PyObject): string {
  return o.type.name;
}

// ------------------------------------------------------------------ type lookup (_PyType_Lookup)
/** Borrowed reference to the attribute `name` found along type's MRO, or null. */
export function typeLookup(t: PyType, name: string): PyObject | null {
  const c = t.cache.get(name);
  if (c !== undefined) return c;
  let found: PyObject | null = null;
  const mro = t.mro;
  const key = attrKey(name);
  for (let i = 0; i < mro.length; i++) {
    const d = mro[i].dict;
    if (!d) continue;
    const v = d.t.getHL(key, key.hhi, key.hlo);
    if (v !== undefined) {
      found = v;
      break;
    }
  }
  if (t.version === 0) t.versionTag();
  t.cache.set(name, found);
  return found;
}

/** The key object for an attribute name: the shared interned str (borrowed; hash cached). */
export function strKey(name: string): PyStr {
  return attrKey(name);
}

// ------------------------------------------------------------------ descriptors
export function descrGetFn(descr: PyObject): ((d: PyObject, obj: PyObject | null, type: PyType) => PyObject) | null {
  if (descr instanceof PyFunction) return funcGet;
  const t = descr.type;
  if (t === MethodDescriptorType || t === WrapperDescriptorType) return methodDescrGet;
  if (t === ClassMethodDescriptorType) return classMethodDescrGet;
  if (t === ClassMethodType) return classMethodGet;
  if (t === StaticMethodType) return staticMethodGet;
  if (descr instanceof PyProperty) return propertyGet;
  if (descr instanceof PyMember) return memberDescrGet;
  if (descr instanceof PyGetSet) return getSetGet;
  if (t.flags & TypeFlags.HEAPTYPE) {
    const g = typeLookup(t, '__get__');
    if (g) return (d, obj, type) => callMethodObj(g, d, [obj ?? None, type]);
  }
  return null;
}
/** the tp_descr_get of a builtin type (what its `__get__` slot wrapper calls), or null */
export function builtinDescrGet(t: PyType): ((d: PyObject, obj: PyObject | null, type: PyType) => PyObject) | null {
  if (t === FunctionType) return funcGet;
  if (t === MethodDescriptorType || t === WrapperDescriptorType) return methodDescrGet;
  if (t === ClassMethodDescriptorType) return classMethodDescrGet;
  if (t === ClassMethodType) return classMethodGet;
  if (t === StaticMethodType) return staticMethodGet;
  if (t === PropertyType) return propertyGet;
  if (t === MemberDescrType) return memberDescrGet;
  if (t === GetSetDescriptorType) return getSetGet;
  return null;
}
export function isDataDescr(descr: PyObject): boolean {
  if (descr instanceof PyProperty || descr instanceof PyGetSet || isMember(descr)) return true;
  const t = descr.type;
  if (t.flags & TypeFlags.HEAPTYPE) return typeLookup(t, '__set__') !== null || typeLookup(t, '__delete__') !== null;
  return false;
}
function staticMethodGet(d: PyObject): PyObject {
  return newRef((d as PyWrapper).callable);
}
function memberDescrGet(d: PyObject, obj: PyObject | null): PyObject {
  return obj ? memberGet(d, obj)! : newRef(d);
}
function getSetGet(d: PyObject, obj: PyObject | null): PyObject {
  return obj ? (d as PyGetSet).get(obj) : newRef(d);
}
function funcGet(d: PyObject, obj: PyObject | null): PyObject {
  if (!obj) return newRef(d);
  return newMethod(d, obj);
}
function methodDescrGet(d: PyObject, obj: PyObject | null): PyObject {
  const m = d as PyBuiltinFunction;
  if (!obj) return newRef(d);
  if (m.owner && !obj.type.isSubtype(m.owner)) {
    typeError(`descriptor '${m.name}' for '${m.owner.name}' objects doesn't apply to a '${obj.type.name}' object`);
  }
  if (m.type === WrapperDescriptorType) return newMethodWrapper(m, obj); // wrapperdescr_get
  const b = new PyBuiltinFunction(BuiltinFunctionType, m.name, m.fn, obj, null, m.qualname);
  gcTrackNew(b);
  return b;
}
function classMethodDescrGet(d: PyObject, obj: PyObject | null, type: PyType): PyObject {
  const m = d as PyBuiltinFunction;
  const b = new PyBuiltinFunction(BuiltinFunctionType, m.name, m.fn, type, null, m.qualname);
  gcTrackNew(b);
  void obj;
  return b;
}
function classMethodGet(d: PyObject, obj: PyObject | null, type: PyType): PyObject {
  void obj;
  return newMethod((d as PyWrapper).callable, type);
}
function propertyGet(d: PyObject, obj: PyObject | null): PyObject {
  const p = d as PyProperty;
  if (!obj) return newRef(d);
  if (!p.fget) raise(E.AttributeError, propertyMissing(p, obj, 'getter'));
  return call(p.fget, [obj], null);
}
/** property_descr_get / property_descr_set (3.11): "property %R of %R object has no setter" with
 * the name __set_name__ gave it (else without one) and the object's type's qualname */
function propertyMissing(p: PyProperty, obj: PyObject, what: string): string {
  const qn = strRepr(typeQualname(obj.type));
  return p.name !== null ? `property ${repr(p.name)} of ${qn} object has no ${what}` : `property of ${qn} object has no ${what}`;
}

let gcTrackNew: (o: PyObject) => void = () => {};
export function setAbstractGcHook(f: (o: PyObject) => void): void {
  gcTrackNew = f;
}

// ------------------------------------------------------------------ getattr
/** getattr(o, name) (PyObject_GetAttr): a new reference, or raises AttributeError. An
 * AttributeError raised by a descriptor (a property's getter, an empty slot) propagates as it
 * is, as from CPython's tp_getattro; a class with `__getattr__` gets it called instead
 * (slot_tp_getattr_hook), and what `__getattr__` raises propagates too. */
export function getAttr(o: PyObject, name: string): PyObject {
  const t = o.type;
  let r: PyObject | null;
  if (t.slots.getattr !== undefined && t.flags & TypeFlags.HEAPTYPE) {
    const gab = typeLookup(t, '__getattribute__');
    if (gab !== null && !(gab instanceof PyBuiltinFunction)) {
      // slot_tp_getattr_hook: the class's __getattribute__, then __getattr__ on an
      // AttributeError; without __getattr__ the error propagates as it was raised
      try {
        return callMethodObj(gab, o, [strKey(name)]);
      } catch (e) {
        if (!(e instanceof PyBaseException && e.type.isSubtype(E.AttributeError))) throw e;
        const ga = typeLookup(t, '__getattr__');
        if (ga === null) throw e;
        decref(e);
        return callMethodObj(ga, o, [strKey(name)]);
      }
    }
  }
  if (t.slots.getattr !== undefined || o instanceof PyType) r = lookupAttr(o, name);
  else if (t.flags & TypeFlags.HEAPTYPE) {
    // __getattr__ is looked up only when the generic lookup fails
    try {
      r = genericGetAttr(o, name, false);
    } catch (e) {
      if (!(e instanceof PyBaseException && e.type.isSubtype(E.AttributeError))) throw e;
      const ga = typeLookup(t, '__getattr__');
      if (ga === null) throw e;
      decref(e);
      return callMethodObj(ga, o, [strKey(name)]);
    }
    if (r === null) {
      const ga = typeLookup(t, '__getattr__');
      if (ga !== null) return callMethodObj(ga, o, [strKey(name)]);
    }
  } else r = genericGetAttr(o, name, false);
  if (r === null && o instanceof PyModule) r = siteSubmodule(o, name) ?? moduleGetattr(o, name);
  if (r === null) raiseNoAttr(o, name);
  return r;
}

/** Attributes of RefScope's own modules made when first looked up ('sys.implementation': its
 * value needs types.SimpleNamespace, which start-up does not import); a new reference. */
export const lazyModuleAttrs = new Map<string, () => PyObject>();

/** module_getattro (PEP 562): the module's own __getattr__, called with the name, when the
 * lookup found nothing */
function moduleGetattr(o: PyModule, name: string): PyObject | null {
  const key = `${o.name}.${name}`;
  const lazy = lazyModuleAttrs.get(key);
  if (lazy !== undefined) {
    // made on first use, then an ordinary attribute (the entry goes first: a maker that does not
    // define it cannot come back here)
    lazyModuleAttrs.delete(key);
    const v = lazy();
    (o.dict as PyDict).setItem(strKey(name), v);
    return v;
  }
  const ga = (o.dict as PyDict).getStr(strKey('__getattr__'));
  return ga === undefined ? null : call(ga, [strKey(name)], null);
}

/** A submodule CPython's start-up (site) has imported already, so that it is an attribute of
 * its package in any program (collections.abc): imported here when first reached. */
const SITE_SUBMODULES: Record<string, string> = { 'collections.abc': 'collections.abc' };
function siteSubmodule(o: PyModule, name: string): PyObject | null {
  const full = SITE_SUBMODULES[`${o.name}.${name}`];
  if (!full || !vmState.importModule || !vmState.current) return null;
  decref(vmState.importModule(full, vmState.current));
  return genericGetAttr(o, name, false);
}

/** A standard library function RefScope's module lacks (not a module of the program's own files)
 * is reported as not supported, not as missing (getattr, `from m import name`). */
export function checkStdlibAttr(o: PyModule, name: string): void {
  // (a standard module has no __file__ or one in the standard library directory)
  const file = o.dict.getItem(strKey('__file__'));
  if (isMissingStdlibAttr(o.name, name) && (file === undefined || (file instanceof PyStr && file.v.startsWith(STDLIB_DIR + '/')))) {
    throw new Unsupported(`${o.name === 'posixpath' ? 'os.path' : o.name}.${name}`);
  }
}

export function raiseNoAttr(o: PyObject, name: string): never {
  if (o instanceof PyType) {
    raise(E.AttributeError, `type object '${o.name}' has no attribute '${name}'`, { name: newStr(name), obj: newRef(o) });
  }
  if (o instanceof PyModule) {
    checkStdlibAttr(o, name);
    raise(E.AttributeError, `module '${o.name}' has no attribute '${name}'`, { name: newStr(name), obj: newRef(o) });
  }
  raise(E.AttributeError, `'${o.type.name}' object has no attribute '${name}'`, { name: newStr(name), obj: newRef(o) });
}

/** PyCallable_Check */
export function isCallable(o: PyObject): boolean {
  return o instanceof PyFunction || o instanceof PyBuiltinFunction || o instanceof PyMethod || o instanceof PyType || !!o.type.slots.call || typeLookup(o.type, '__call__') !== null;
}

/** A new reference, or null when the attribute does not exist (AttributeError swallowed). */
export function lookupAttr(o: PyObject, name: string): PyObject | null {
  const t = o.type;
  const custom = t.slots.getattr;
  if (custom) return custom(o, name);
  if (o instanceof PyType) return typeGetAttr(o, name);
  const r = genericGetAttr(o, name, true);
  if (r !== null) return r;
  if (o instanceof PyModule) {
    try {
      return siteSubmodule(o, name) ?? moduleGetattr(o, name);
    } catch (e) {
      if (e instanceof PyBaseException && e.type.isSubtype(E.AttributeError)) {
        decref(e);
        return null;
      }
      throw e;
    }
  }
  if (t.flags & TypeFlags.HEAPTYPE) {
    const ga = typeLookup(t, '__getattr__');
    if (ga) {
      try {
        return callMethodObj(ga, o, [strKey(name)]);
      } catch (e) {
        if (e instanceof PyBaseException && e.type.isSubtype(E.AttributeError)) {
          decref(e);
          return null;
        }
        throw e;
      }
    }
  }
  return null;
}

/** PyObject_GenericGetAttr; `suppress` = return null instead of raising. */
export function genericGetAttr(o: PyObject, name: string, suppress: boolean): PyObject | null {
  const t = o.type;
  const descr = typeLookup(t, name);
  let get: ((d: PyObject, obj: PyObject | null, type: PyType) => PyObject) | null = null;
  if (descr !== null) {
    if (descr instanceof PyMember) {
      // member_get of a filled __slots__ slot (the common case, read inline)
      const v = o.getSlot(descr.index);
      if (v) {
        v.rc++;
        return v;
      }
    }
    get = descrGetFn(descr);
    if (get !== null && isDataDescr(descr)) return suppress ? getSuppressed(get, descr, o, t) : get(descr, o, t);
  }
  if (o instanceof PyInstance) {
    const v = o.getAttrValue(strKey(name));
    if (v !== undefined) {
      v.rc++;
      return v;
    }
    if (name === '__dict__' && o.type.hasDict) return o.materializeDict();
  } else {
    const d = instanceDict(o);
    if (d !== null) {
      const v = d.getStr(strKey(name));
      if (v !== undefined) {
        v.rc++;
        return v;
      }
    }
  }
  if (descr !== null) {
    if (get !== null) return suppress ? getSuppressed(get, descr, o, t) : get(descr, o, t);
    descr.rc++;
    return descr;
  }
  const special = specialAttr(o, name);
  if (special) return special;
  return null;
}

/** A descriptor's __get__ whose AttributeError means "no such attribute" (null). */
function getSuppressed(get: (d: PyObject, obj: PyObject | null, type: PyType) => PyObject, descr: PyObject, o: PyObject, t: PyType): PyObject | null {
  try {
    return get(descr, o, t);
  } catch (e) {
    if (e instanceof PyBaseException && e.type.isSubtype(E.AttributeError)) {
      decref(e);
      return null;
    }
    throw e;
  }
}

/** An attribute in the object's own storage (instance values or dict), borrowed, or undefined. */
export function ownAttr(o: PyObject, key: PyStr): PyObject | undefined {
  if (o instanceof PyInstance) return o.getAttrValue(key);
  const d = instanceDict(o);
  return d === null ? undefined : d.getStr(key);
}

/** The dict object where an object's attributes live (borrowed), if any: for an instance whose
 * values are still inline, none (ownAttr reads them; `__dict__` makes the dict). */
export function instanceDict(o: PyObject): PyDict | null {
  if (o instanceof PyInstance) return o.dict;
  if (o instanceof PyFunction) return o.dict;
  if (o instanceof PyModule) return o.dict;
  if (o instanceof PyBaseException) return o.dict;
  if (o instanceof PyWrapper) return o.dict;
  const xd = extraDicts.get(o);
  return xd ? (xd as PyDict) : null;
}

/** The dict an attribute assignment stores into, created on demand for subclass instances
 * (PyObject_GenericGetDict: also what `__dict__` gives). */
export function instanceDictForSet(o: PyObject): PyDict | null {
  const d = instanceDict(o);
  if (d) return d;
  if (o instanceof PyBaseException || o instanceof PyFunction || o instanceof PyWrapper) return (o.dict = newDictObj());
  if (o instanceof PyInstance || o instanceof PyModule) return null;
  const t = o.type;
  // (a class's instances, and those of the C types with a tp_dictoffset RefScope keeps aside:
  // functools.partial, collections.OrderedDict)
  if (t.hasDict && !(o instanceof PyType)) {
    const nd = newDictObj();
    extraDicts.set(o, nd);
    return nd;
  }
  return null;
}

/** Attributes that CPython exposes through getset descriptors; computed here. */
function specialAttr(o: PyObject, name: string): PyObject | null {
  switch (name) {
    case '__class__':
      return newRef(o.type);
    case '__doc__':
      if (o instanceof PyFunction) return newRef(o.doc ?? None);
      // meth_get__doc__ / method_get_doc (RefScope keeps few builtin docstrings: None otherwise)
      if (o instanceof PyBuiltinFunction) return o.doc !== null ? newStr(o.doc) : newRef(None);
      return null;
  }
  if (o instanceof PyFunction) {
    switch (name) {
      case '__name__':
        return newStr(o.name);
      case '__qualname__':
        return newStr(o.qualname);
      case '__code__':
        return newRef(o.code);
      case '__globals__':
        return newRef(o.globals);
      case '__defaults__':
        return newRef(o.defaults ?? None);
      case '__kwdefaults__':
        return newRef(o.kwdefaults ?? None);
      case '__closure__':
        return newRef(o.closure ?? None);
      case '__module__':
        return newRef(o.module ?? None);
      case '__dict__': {
        if (!o.dict) o.dict = newDictObj();
        return newRef(o.dict);
      }
      case '__annotations__': {
        // func_get_annotations: MAKE_FUNCTION stores a flat (name, value, ...) tuple
        if (o.annotations instanceof PyTuple) {
          const d = newDictObj();
          const it = o.annotations.items;
          for (let i = 0; i + 1 < it.length; i += 2) d.setItem(it[i], it[i + 1]);
          decref(o.annotations);
          o.annotations = d;
        }
        if (!o.annotations) o.annotations = newDictObj();
        return newRef(o.annotations);
      }
    }
  }
  if (o instanceof PyMethod) {
    if (name === '__self__') return newRef(o.self);
    if (name === '__func__') return newRef(o.func);
    return lookupAttr(o.func, name);
  }
  if (o instanceof PyBuiltinFunction) {
    if (name === '__name__') return newStr(o.name);
    if (name === '__qualname__') return newStr(o.qualname);
    if (name === '__self__') return newRef(o.self ?? None);
    if (name === '__module__' && o.type === BuiltinFunctionType) {
      // meth_memberlist's m_module: the defining module's name for a module function, None
      // for a method bound to an object
      if (o.self instanceof PyModule) return newStr(o.self.name);
      return newRef(None);
    }
  }
  if (o instanceof PyBaseException) {
    switch (name) {
      case 'args':
        return newRef(o.args);
      case '__traceback__':
        return newRef(o.traceback ?? None);
      case '__context__':
        return newRef(o.context ?? None);
      case '__cause__':
        return newRef(o.cause ?? None);
      case '__suppress_context__':
        return newBool(o.suppressContext);
      case '__dict__':
        if (!o.dict) o.dict = newDictObj();
        return newRef(o.dict);
    }
    if ((name === 'start' || name === 'end') && isUnicodeCodecError(o)) return unicodeErrorGetSize(o, name);
    if (o.extra && name in o.extra) return newRef(o.extra[name] ?? None);
    const osField = osErrorField(o, name);
    if (osField !== undefined) return osField;
    // a member the init function did not set (an exception made without it): what it would have
    // set, else None
    if (excMembers(o.type)?.includes(name)) {
      if (o.type.isSubtype(E.StopIteration) && name === 'value') return newRef(o.args.items[0] ?? None);
      if (o.type.isSubtype(E.SystemExit) && name === 'code') return newRef(o.args.items.length === 0 ? None : o.args.items.length === 1 ? o.args.items[0] : o.args);
      if (o.type.isSubtype(E.ImportError) && name === 'msg') return newRef(o.args.items.length === 1 ? o.args.items[0] : None);
      return newRef(None);
    }
  }
  if (o instanceof PyModule) {
    if (name === '__dict__') return newRef(o.dict);
  }
  if (o instanceof PyCell && name === 'cell_contents') {
    if (!o.ref) raise(E.ValueError, 'Cell is empty');
    return newRef(o.ref);
  }
  if (o instanceof PyCode) {
    const u = o.unit;
    switch (name) {
      case 'co_name':
        return newStr(u.name);
      case 'co_qualname':
        return newStr(u.qualname);
      case 'co_filename':
        return newStr(u.filename);
      case 'co_firstlineno':
        return newInt(u.firstlineno);
      case 'co_argcount':
        return newInt(u.argcount);
      case 'co_consts':
        return newTuple(o.consts.map((c) => newRef(c)));
      case 'co_varnames':
        return newTuple(u.localsplusNames.slice(0, u.nlocals).map((n) => newStr(n)));
      case 'co_names':
        return newTuple(u.names.map((n) => newStr(n)));
      case 'co_cellvars':
        return newTuple(u.localsplusNames.filter((_n, i) => u.localsplusKinds[i] & 0x40).map((n) => newStr(n)));
      case 'co_freevars':
        return newTuple(u.localsplusNames.filter((_n, i) => u.localsplusKinds[i] & 0x80).map((n) => newStr(n)));
      case 'co_nlocals':
        return newInt(u.nlocals);
      case 'co_flags':
        return newInt(u.flags);
      case 'co_kwonlyargcount':
        return newInt(u.kwonlyargcount);
      case 'co_posonlyargcount':
        return newInt(u.posonlyargcount);
      case 'co_stacksize':
        return newInt(u.stacksize);
    }
  }
  if (o instanceof PyFloat) {
    if (name === 'real') return newRef(o);
    if (name === 'imag') return newFloat(0);
  }
  if (o instanceof PyInt) {
    if (name === 'real' || name === 'numerator') return newInt(o.v);
    if (name === 'imag') return newInt(0);
    if (name === 'denominator') return newInt(1);
  }
  if (o instanceof PySlice) {
    if (name === 'start') return newRef(o.start);
    if (name === 'stop') return newRef(o.stop);
    if (name === 'step') return newRef(o.step);
  }
  if (o instanceof PyRange) {
    if (name === 'start') return newInt(o.start);
    if (name === 'stop') return newInt(o.stop);
    if (name === 'step') return newInt(o.step);
  }
  if (o instanceof PyProperty) {
    if (name === 'fget') return newRef(o.fget ?? None);
    if (name === 'fset') return newRef(o.fset ?? None);
    if (name === 'fdel') return newRef(o.fdel ?? None);
  }
  if (o instanceof PyWrapper) {
    // cm_memberlist / sm_memberlist (__func__, __wrapped__), cm_getsetlist's __isabstractmethod__
    if (name === '__func__' || name === '__wrapped__') return newRef(o.callable);
    if (name === '__dict__') {
      // PyObject_GenericGetDict
      if (!o.dict) o.dict = newDictObj();
      return newRef(o.dict);
    }
    if (name === '__isabstractmethod__') {
      const v = lookupAttr(o.callable, '__isabstractmethod__');
      if (v === null) return newRef(False);
      try {
        return newBool(isTrue(v));
      } finally {
        decref(v);
      }
    }
  }
  return null;
}

let newDictObj: () => PyDict = () => {
  throw new Error('dict factory not set');
};
/** define.ts typeDict (set by the bootstrap): a static type's dict, made on first use (a type
 * finished on a module's import with no attribute of its own has none yet) */
let typeDictOf: ((t: PyType) => PyDict) | null = null;
export function setTypeDictMaker(f: (t: PyType) => PyDict): void {
  typeDictOf = f;
}
export function setDictFactory(f: () => PyDict): void {
  newDictObj = f;
}

/** type_getattro */
const TYPE_DATA_DESCRIPTORS = new Set(['__dict__', '__mro__', '__bases__', '__base__', '__name__', '__qualname__', '__class__', '__basicsize__', '__itemsize__']);

export function typeGetAttr(t: PyType, name: string): PyObject | null {
  // getset descriptors of `type` itself win over the class's own attributes
  if (TYPE_DATA_DESCRIPTORS.has(name)) return typeSpecial(t, name);
  // type_get_doc: a builtin type's tp_doc comes first
  if (name === '__doc__' && !(t.flags & TypeFlags.HEAPTYPE) && t.doc !== null) return newStr(t.doc);
  const meta = t.type;
  const metaAttr = typeLookup(meta, name);
  let metaGet: ((d: PyObject, obj: PyObject | null, type: PyType) => PyObject) | null = null;
  if (metaAttr) {
    metaGet = descrGetFn(metaAttr);
    if (metaGet && isDataDescr(metaAttr)) return metaGet(metaAttr, t, meta);
  }
  const attr = typeLookup(t, name);
  if (attr) {
    const get = descrGetFn(attr);
    if (get) return get(attr, null, t);
    return newRef(attr);
  }
  const sp = typeSpecial(t, name);
  if (sp) return sp;
  if (metaAttr) {
    if (metaGet) return metaGet(metaAttr, t, meta);
    return newRef(metaAttr);
  }
  return null;
}

/** type_name / type_qualname / type_module for a C type (not a heap type, or a class that
 * stands for one): its tp_name 'module.Name' gives __name__ and __qualname__ after the last dot
 * and __module__ before it */
function cTypeNames(t: PyType): boolean {
  return (!(t.flags & TypeFlags.HEAPTYPE) || t.cTypeName) && t.name.includes('.');
}

/** type_qualname */
export function typeQualname(t: PyType): string {
  return cTypeNames(t) && !t.cTypeName ? t.name.slice(t.name.lastIndexOf('.') + 1) : t.qualname;
}
/** type_module */
export function typeModule(t: PyType): string {
  return cTypeNames(t) && t.module === 'builtins' ? t.name.slice(0, t.name.lastIndexOf('.')) : t.module;
}

function typeSpecial(t: PyType, name: string): PyObject | null {
  switch (name) {
    case '__name__':
      return newStr(cTypeNames(t) ? t.name.slice(t.name.lastIndexOf('.') + 1) : t.name);
    case '__qualname__':
      return newStr(typeQualname(t));
    case '__module__':
      return newStr(typeModule(t));
    case '__mro__':
      return t.mroTuple ? newRef(t.mroTuple) : newTuple(t.mro.map((m) => newRef(m)));
    case '__bases__':
      return t.basesTuple ? newRef(t.basesTuple) : newTuple(t.bases.map((m) => newRef(m)));
    case '__base__':
      return newRef(t.base ?? None);
    case '__dict__':
      // type_dict: a new read-only proxy of the type's dict on every access
      return newMappingProxy(t.dict ?? typeDictOf!(t));
    case '__doc__':
      return t.doc === null ? newRef(None) : newStr(t.doc);
    case '__class__':
      return newRef(t.type);
    case '__basicsize__':
      return newInt(t.basicsize);
    case '__itemsize__':
      return newInt(t.itemsize);
  }
  return null;
}

// ------------------------------------------------------------------ setattr
/** a builtin function's attributes that setattr and delattr refuse */
const BUILTIN_READONLY = new Set(['__name__', '__qualname__', '__doc__', '__self__', '__text_signature__']);

export function setAttr(o: PyObject, name: string, v: PyObject | null): void {
  const t = o.type;
  if (o instanceof PyType) {
    // a metaclass's own __setattr__/__delattr__ (slot_tp_setattro), else type_setattro
    if (t !== TypeType) {
      const sa = typeLookup(t, v ? '__setattr__' : '__delattr__');
      if (sa !== null && !(sa instanceof PyBuiltinFunction && (sa.owner === TypeType || sa.owner === ObjectType))) {
        decref(callMethodObj(sa, o, v ? [strKey(name), v] : [strKey(name)]));
        return;
      }
    }
    return typeSetAttr(o, name, v);
  }
  // tp_setattro: a __setattr__/__delattr__ other than object's (Python-level, or a native
  // type's own such as weakref proxies)
  const sa = typeLookup(t, v ? '__setattr__' : '__delattr__');
  if (sa !== null && !(sa instanceof PyBuiltinFunction && sa.owner === ObjectType)) {
    decref(callMethodObj(sa, o, v ? [strKey(name), v] : [strKey(name)]));
    return;
  }
  genericSetAttr(o, name, v);
}

/** an instance of UnicodeEncodeError or UnicodeDecodeError (PyUnicodeErrorObject's layout) */
function isUnicodeCodecError(e: PyBaseException): boolean {
  return e.type.isSubtype(E.UnicodeEncodeError) || e.type.isSubtype(E.UnicodeDecodeError);
}

/** BaseException_getset's setters (Objects/exceptions.c): args, __traceback__, __context__,
 * __cause__ and the __suppress_context__ member; false for any other name */
function exceptionSetAttr(e: PyBaseException, name: string, v: PyObject | null): boolean {
  switch (name) {
    case 'args': {
      if (v === null) typeError('args may not be deleted');
      const items = toArray(v);
      const old = e.args;
      e.args = newTuple(items);
      decref(old);
      return true;
    }
    case '__traceback__': {
      if (v === null) typeError('__traceback__ may not be deleted');
      if (v !== None && v.type.name !== 'traceback') typeError('__traceback__ must be a traceback or None');
      const old = e.traceback;
      e.traceback = v === None ? null : (newRef(v) as typeof e.traceback);
      xdecref(old);
      return true;
    }
    case '__context__':
    case '__cause__': {
      const which = name === '__cause__' ? 'cause' : 'context';
      if (v === null) typeError(`${name} may not be deleted`);
      if (v !== None && !(v instanceof PyBaseException)) typeError(`exception ${which} must be None or derive from BaseException`);
      const old = e[which];
      e[which] = v === None ? null : newRef(v as PyBaseException);
      xdecref(old);
      // PyException_SetCause: an explicit cause suppresses the context
      if (which === 'cause') e.suppressContext = true;
      return true;
    }
    case '__suppress_context__':
      if (v === null) typeError("can't delete numeric/char attribute");
      if (v.type !== BoolType) typeError('attribute value type must be bool');
      e.suppressContext = v === True;
      return true;
  }
  // UnicodeError_members' T_PYSSIZET start and end
  if ((name === 'start' || name === 'end') && isUnicodeCodecError(e)) {
    unicodeErrorSetSize(e, name, v);
    return true;
  }
  // the subclass's object members (T_OBJECT: deleting leaves NULL, read as None)
  if (excMembers(e.type)?.includes(name)) {
    const x = (e.extra ??= {});
    const old = x[name] ?? null;
    x[name] = v === null ? null : newRef(v);
    xdecref(old);
    return true;
  }
  return false;
}

export function genericSetAttr(o: PyObject, name: string, v: PyObject | null): void {
  const t = o.type;
  if (o instanceof PyBaseException && exceptionSetAttr(o, name, v)) return;
  const descr = typeLookup(t, name);
  if (descr === null && name === '__class__') {
    setClass(o, v);
    return;
  }
  if (descr === null) {
    // the common case: an attribute of an instance of a class without __slots__
    if (v !== null && o instanceof PyInstance && o.type.hasDict) {
      if (o.vals === null && o.dict !== null) storeAttr(o.dict, name, v);
      else o.storeAttrValue(strKey(name), v);
      return;
    }
    // meth_getsets / meth_members (Objects/methodobject.c): read-only getters and READONLY members
    if (o instanceof PyBuiltinFunction && BUILTIN_READONLY.has(name)) raise(E.AttributeError, `attribute '${name}' of '${t.name}' objects is not writable`);
  } else {
    if (descr instanceof PyMember) {
      memberSet(descr, o, v);
      return;
    }
    if (descr instanceof PyProperty) {
      const f = v ? descr.fset : descr.fdel;
      if (!f) {
        // property_descr_set (3.11)
        raise(E.AttributeError, propertyMissing(descr, o, v ? 'setter' : 'deleter'));
      }
      decref(call(f, v ? [o, v] : [o], null));
      return;
    }
    if (descr instanceof PyGetSet) {
      if (!descr.set) raise(E.AttributeError, `attribute '${name}' of '${t.name}' objects is not writable`);
      descr.set(o, v);
      return;
    }
    if (isMember(descr)) {
      memberSet(descr, o, v);
      return;
    }
    if (descr.type.flags & TypeFlags.HEAPTYPE) {
      const s = typeLookup(descr.type, v ? '__set__' : '__delete__');
      if (s) {
        decref(callMethodObj(s, descr, v ? [o, v] : [o]));
        return;
      }
    }
  }
  if (o instanceof PyFunction && descr === null && funcSetSpecial(o, name, v)) return;
  if (o instanceof PyInstance && t.hasDict) {
    if (v !== null && o.vals === null && o.dict !== null) storeAttr(o.dict, name, v);
    else if (!o.storeAttrValue(strKey(name), v)) raise(E.AttributeError, `'${t.name}' object has no attribute '${name}'`, { name: newStr(name), obj: newRef(o) });
    return;
  }
  let d = instanceDictForSet(o);
  if (!d && o instanceof PyFunction) {
    d = o.dict = newDictObj();
  }
  if (!d && o instanceof PyBaseException) {
    d = o.dict = newDictObj();
  }
  if (!d) {
    if (descr) raise(E.AttributeError, `'${t.name}' object attribute '${name}' is read-only`);
    raise(E.AttributeError, `'${t.name}' object has no attribute '${name}'`, { name: newStr(name), obj: newRef(o) });
  }
  if (v) {
    storeAttr(d, name, v);
  } else {
    if (!d.delItem(strKey(name))) {
      raise(E.AttributeError, `'${t.name}' object has no attribute '${name}'`, { name: newStr(name), obj: newRef(o) });
    }
  }
}

/** `o.__class__ = v`: Objects/typeobject.c object_set_class and compatible_for_assignment (types
 * whose instances have the same layout: the same base layout, `__slots__`, `__dict__` and
 * `__weakref__`). The instance's inline values become its dict first, as they are indexed by the
 * old class's shared keys. */
export function setClass(o: PyObject, v: PyObject | null): void {
  if (v === null) typeError("can't delete __class__ attribute");
  if (!(v instanceof PyType)) typeError(`__class__ must be set to a class, not '${v.type.name}' object`);
  const oldto = o.type;
  if (!(v.flags & TypeFlags.HEAPTYPE) || !(oldto.flags & TypeFlags.HEAPTYPE)) typeError('__class__ assignment only supported for mutable types or ModuleType subclasses');
  const same = (a: string[] | null, b: string[] | null) => (a ?? []).join(',') === (b ?? []).join(',');
  // the builtin type whose layout the instances have (the first base that is not a class)
  const builtinBase = (t: PyType) => {
    let b = t;
    while (b.flags & TypeFlags.HEAPTYPE && b.base !== null) b = b.base;
    return b;
  };
  if (
    builtinBase(v) !== builtinBase(oldto) ||
    !same(v.slotNames, oldto.slotNames) ||
    v.hasDict !== oldto.hasDict ||
    v.weakrefable !== oldto.weakrefable ||
    v.managedDict !== oldto.managedDict
  ) {
    typeError(`__class__ assignment: '${v.name}' object layout differs from '${oldto.name}'`);
  }
  // _PyObject_GetDictPtr: the values become a dict object
  if (o instanceof PyInstance && o.vals !== null) decref(o.materializeDict());
  incref(v);
  o.type = v;
  decref(oldto);
}

/** The function attributes CPython keeps in fields (Objects/funcobject.c func_getsetlist and
 * func_memberlist, with their setters' checks and messages); false for any other name. */
function funcSetSpecial(o: PyFunction, name: string, v: PyObject | null): boolean {
  switch (name) {
    case '__code__': {
      // func_set_code
      if (v === null || !(v instanceof PyCode)) typeError('__code__ must be set to a code object');
      const nfree = v.unit.nfrees;
      const nclosure = o.closure === null ? 0 : o.closure.items.length;
      if (nclosure !== nfree) raise(E.ValueError, `${o.name}() requires a code object with ${nclosure} free vars, not ${nfree}`);
      const old = o.code;
      o.code = newRef(v);
      decref(old);
      return true;
    }
    case '__defaults__': {
      // func_set_defaults: None or a deletion clears them
      if (v === None) v = null;
      if (v !== null && !(v instanceof PyTuple)) typeError('__defaults__ must be set to a tuple object');
      const old = o.defaults;
      o.defaults = v === null ? null : (newRef(v) as PyTuple);
      xdecref(old);
      return true;
    }
    case '__kwdefaults__': {
      if (v === None) v = null;
      if (v !== null && !(v instanceof PyDict)) typeError('__kwdefaults__ must be set to a dict object');
      const old = o.kwdefaults;
      o.kwdefaults = v === null ? null : (newRef(v) as PyDict);
      xdecref(old);
      return true;
    }
    case '__name__':
    case '__qualname__':
      // func_set_name / func_set_qualname
      if (v === null || !(v instanceof PyStr)) typeError(`${name} must be set to a string object`);
      if (name === '__name__') o.name = v.v;
      else o.qualname = v.v;
      return true;
    case '__doc__':
    case '__module__': {
      // T_OBJECT members: a deletion stores NULL
      const old = name === '__doc__' ? o.doc : o.module;
      const nv = v === null ? null : newRef(v);
      if (name === '__doc__') o.doc = nv;
      else o.module = nv;
      xdecref(old);
      return true;
    }
    case '__globals__':
    case '__closure__':
    case '__builtins__':
      raise(E.AttributeError, 'readonly attribute');
  }
  return false;
}

/** d[name] = v with the interned name as the key (PyObject_SetAttr interns the name). */
function storeAttr(d: PyDict, name: string, v: PyObject): void {
  const k = strKey(name);
  if (k.interned) {
    d.setItem(k, v);
  } else {
    // the name's interned str is a mortal one (sys.intern): store that
    const ik = keyFor(name);
    d.setItem(ik, v);
    decref(ik);
  }
}

/** A new reference to the interned str for a name (set at start-up to str.ts's internStr). */
let keyFor: (name: string) => PyObject = (name) => newRef(strKey(name));
export function setKeyFactory(f: (name: string) => PyObject): void {
  keyFor = f;
}

export function typeSetAttr(t: PyType, name: string, v: PyObject | null): void {
  if (!(t.flags & TypeFlags.HEAPTYPE)) {
    typeError(`cannot set '${name}' attribute of immutable type '${t.name}'`);
  }
  if (name === '__name__' || name === '__qualname__' || name === '__module__') {
    // type_set_name / type_set_qualname / type_set_module, after check_set_special_type_attr
    if (v === null) typeError(`cannot delete '${name}' attribute of immutable type '${t.name}'`);
    if (name !== '__module__') {
      if (!(v instanceof PyStr)) typeError(`can only assign string to ${t.name}.${name}, not '${v.type.name}'`);
      if (name === '__name__') {
        if (v.v.includes('\0')) raise(E.ValueError, 'type name must not contain null characters');
        t.name = v.v;
      } else {
        t.qualname = v.v;
      }
      t.invalidate();
      return;
    }
    // type_module reads the class's __dict__; repr and tracebacks use the module name
    storeAttr(t.dict, name, v);
    t.module = v instanceof PyStr ? v.v : '';
    t.invalidate();
    return;
  }
  const metaAttr = typeLookup(t.type, name);
  if (metaAttr && isDataDescr(metaAttr) && metaAttr instanceof PyGetSet && metaAttr.set) {
    metaAttr.set(t, v);
    return;
  }
  if (v) storeAttr(t.dict, name, v);
  else if (!t.dict.delItem(strKey(name))) raise(E.AttributeError, `type object '${t.name}' has no attribute '${name}'`);
  t.invalidate();
  // update_slot: a special method set on a class changes its slots (and its subclasses')
  if (name.startsWith('__') && name.endsWith('__')) refreshSlots(t);
}

let refreshSlots: (t: PyType) => void = () => {};
export function setRefreshSlots(f: (t: PyType) => void): void {
  refreshSlots = f;
}

// ------------------------------------------------------------------ calls
/**
 * PyObject_Call / vectorcall from native code. `args` are borrowed; Python functions get their
 * own references (the _PyFunction_Vectorcall path increfs every argument).
 */
export function call(callable: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  if (callable instanceof PyFunction) return callFunction(callable, args, kwnames, false);
  if (callable instanceof PyBuiltinFunction) return callBuiltin(callable, args, kwnames);
  if (callable instanceof PyMethod) return call(callable.func, [callable.self, ...args], kwnames);
  const t = callable.type;
  const c = t.slots.call;
  if (c) return c(callable, args, kwnames);
  const m = typeLookup(t, '__call__');
  if (m) return callMethodObj(m, callable, args, kwnames);
  typeError(`'${t.name}' object is not callable`);
}

/**
 * Call a native function. A method descriptor called unbound (`list.append(l, x)`, or by CALL
 * after LOAD_METHOD) takes its instance from the first argument (method_vectorcall_*).
 */
export function callBuiltin(f: PyBuiltinFunction, args: PyObject[], kwnames: string[] | null): PyObject {
  if (f.self !== null || f.owner === null) return f.fn(args, kwnames, f.self);
  const npos = args.length - (kwnames ? kwnames.length : 0);
  // wrapperdescr_call words its checks apart from method_check_args (Objects/descrobject.c)
  const wrapper = f.type === WrapperDescriptorType;
  if (npos < 1) typeError(wrapper ? `descriptor '${f.name}' of '${f.owner.name}' object needs an argument` : `unbound method ${f.qualname}() needs an argument`);
  const self = args[0];
  if (!self.type.isSubtype(f.owner)) {
    if (wrapper) typeError(`descriptor '${f.name}' requires a '${f.owner.name}' object but received a '${self.type.name}'`);
    typeError(`descriptor '${f.name}' for '${f.owner.name}' objects doesn't apply to a '${self.type.name}' object`);
  }
  return f.fn(args.slice(1), kwnames, self);
}

/** Call a function found on a type with `self` prepended (unbound call). */
export function callMethodObj(f: PyObject, self: PyObject, args: PyObject[], kwnames: string[] | null = null): PyObject {
  if (f instanceof PyFunction) return callFunction(f, [self, ...args], kwnames, false);
  if (f instanceof PyBuiltinFunction) {
    if (f.self) return f.fn(args, kwnames, f.self);
    return f.fn(args, kwnames, self);
  }
  const get = descrGetFn(f);
  if (get) {
    const bound = get(f, self, self.type);
    try {
      return call(bound, args, kwnames);
    } finally {
      decref(bound);
    }
  }
  return call(f, [self, ...args], kwnames);
}

/** Look up a special method on the type and call it; null when the type lacks it. */
export function callSpecial(o: PyObject, name: string, args: PyObject[]): PyObject | null {
  const f = typeLookup(o.type, name);
  if (!f) return null;
  return callMethodObj(f, o, args);
}

// ------------------------------------------------------------------ repr / str
/** PyThreadState_GetDict's dict, made on first use and kept for the thread's life (a root) */
let tstateDict: PyDict | null = null;
/** its "Py_Repr" list: the containers whose repr is running (Py_ReprEnter), owned references */
let reprList: PyList | null = null;
/** Py_ReprEnter: false when o's repr is running already. The first call of a run makes the
 * thread state's dict and its "Py_Repr" list (two gc allocations, kept): the first repr of a
 * non-empty list or tuple, or of any dict, shows in gc.get_count(). */
export function reprEnter(o: PyObject): boolean {
  if (reprList === null) {
    // (each allocation may run a collection whose finalizers come here first)
    const d = newDict();
    const l = newList([]);
    if (reprList === null) {
      tstateDict = d;
      reprList = l;
      d.setItem(attrKey('Py_Repr'), l);
      decref(l);
    } else {
      decref(l);
      decref(d);
    }
  }
  const list = reprList;
  const raw = list.items;
  for (let i = raw.length - 1; i >= 0; i--) if (raw[i] === o) return false;
  listAppend(list, newRef(o));
  return true;
}
/** Py_ReprLeave */
export function reprLeave(o: PyObject): void {
  const list = reprList;
  if (list === null) return;
  const raw = list.items;
  for (let i = raw.length - 1; i >= 0; i--) {
    if (raw[i] === o) {
      raw.splice(i, 1);
      list.resized(raw.length);
      decref(o);
      return;
    }
  }
}
/** the thread state's dict, if made (an interpreter root) */
export function threadStateDict(): PyDict | null {
  return tstateDict;
}
/** a new run: a new thread state */
export function resetThreadState(): void {
  tstateDict = null;
  reprList = null;
}

/**
 * Py_EnterRecursiveCall / Py_LeaveRecursiveCall: in 3.11 C-level recursion (PyObject_Repr,
 * PyObject_Str) and Python frames share one counter (tstate->recursion_remaining; ceval.c
 * _Py_CheckRecursiveCall), so a structure nested deeper than the recursion limit cannot be
 * printed, and the error names where it happened.
 */
export function enterRecursiveCall(where: string): void {
  const st = vmState;
  if (st.depth >= st.recursionLimit) raise(E.RecursionError, 'maximum recursion depth exceeded' + where);
  st.depth++;
}

/** Py_LeaveRecursiveCall */
export function leaveRecursiveCall(): void {
  vmState.depth--;
}

/** PyObject_Repr */
export function repr(o: PyObject): string {
  enterRecursiveCall(' while getting the repr of an object');
  try {
    return reprInner(o);
  } finally {
    leaveRecursiveCall();
  }
}

/** the type's tp_repr, without PyObject_Repr's recursion check (object_str calls it so, and
 * then PyObject_Str's check of the result names __str__: `what`) */
function reprInner(o: PyObject, what = '__repr__'): string {
  const t = o.type;
  if (t === StrType) return strRepr((o as PyStr).v);
  if (t === IntType) return intToDecimalString((o as PyInt).v);
  const r = t.slots.repr;
  if (r) return r(o);
  const f = typeLookup(t, '__repr__');
  if (f && !(f instanceof PyBuiltinFunction && f.owner === ObjectType)) {
    const res = callMethodObj(f, o, []);
    try {
      if (!(res instanceof PyStr)) typeError(`${what} returned non-string (type ${res.type.name})`);
      return res.v;
    } finally {
      decref(res);
    }
  }
  return defaultRepr(o);
}

export function defaultRepr(o: PyObject): string {
  // object_repr: type_module and type_qualname
  const t = o.type;
  const m = typeModule(t);
  const mod = m && m !== 'builtins' ? m + '.' : '';
  return `<${mod}${typeQualname(t)} object at 0x${addressOf(o).toString(16)}>`;
}

/** PyObject_Str */
export function str(o: PyObject): string {
  const t = o.type;
  if (t === StrType) return (o as PyStr).v;
  enterRecursiveCall(' while getting the str of an object');
  try {
    return strInner(o);
  } finally {
    leaveRecursiveCall();
  }
}

function strInner(o: PyObject): string {
  const t = o.type;
  if (t === IntType) return intToDecimalString((o as PyInt).v);
  const s = t.slots.str;
  if (s) return s(o);
  const f = typeLookup(t, '__str__');
  if (f && !(f instanceof PyBuiltinFunction && f.owner === ObjectType)) {
    const res = callMethodObj(f, o, []);
    try {
      if (!(res instanceof PyStr)) typeError(`__str__ returned non-string (type ${res.type.name})`);
      return res.v;
    } finally {
      decref(res);
    }
  }
  // object_str: the type's tp_repr directly
  return reprInner(o, '__str__');
}

/** str(o) as a new str object */
export function strObj(o: PyObject): PyStr {
  if (o.type === StrType) return newRef(o as PyStr);
  // (long_to_decimal_string: a new str even for one digit)
  if (o.type === IntType) return freshStr(str(o));
  return newStr(str(o));
}

export function floatStr(x: number): string {
  return floatRepr(x);
}

// ------------------------------------------------------------------ hash
export function hash(o: PyObject): number | bigint {
  const t = o.type;
  if (t === StrType) return (o as PyStr).hash();
  if (t === IntType || t === BoolType) return hashInt((o as PyInt).v);
  if (t === FloatType) return hashFloat((o as PyFloat).v, hashPointer(addressOf(o)));
  if (t === TupleType) return hashTupleCombine((o as PyTuple).items.map(hash));
  const h = t.slots.hash;
  if (h) return h(o);
  const f = typeLookup(t, '__hash__');
  if (f === None) typeError(`unhashable type: '${t.name}'`);
  if (f && !(f instanceof PyBuiltinFunction)) {
    const r = callMethodObj(f, o, []);
    try {
      if (!(r instanceof PyInt)) typeError('__hash__ method should return an integer');
      // slot_tp_hash: a result that fits in Py_ssize_t is used as is (-1 becomes -2);
      // only larger ints are reduced with int's own hash
      const v = r.v;
      if (typeof v === 'number' || (v >= -(1n << 63n) && v < 1n << 63n)) return v === -1 || v === -1n ? -2 : v;
      return hashInt(v);
    } finally {
      decref(r);
    }
  }
  return hashPointer(addressOf(o));
}

// ------------------------------------------------------------------ truth
export function isTrue(o: PyObject): boolean {
  if (o === True) return true;
  if (o === False || o === None) return false;
  const t = o.type;
  if (t === IntType) return (o as PyInt).v !== 0;
  if (t === StrType) return (o as PyStr).v.length > 0;
  if (t === ListType) return (o as PyList).items.length > 0;
  if (t === TupleType) return (o as PyTuple).items.length > 0;
  if (t === DictType) return (o as PyDict).t.used > 0;
  if (t === FloatType) return (o as PyFloat).v !== 0;
  const b = t.slots.bool;
  if (b) return b(o);
  const f = typeLookup(t, '__bool__');
  if (f) {
    const r = callMethodObj(f, o, []);
    try {
      if (r.type !== BoolType) typeError(`__bool__ should return bool, returned ${r.type.name}`);
      return r === True;
    } finally {
      decref(r);
    }
  }
  const l = t.slots.len;
  if (l) return l(o) > 0;
  const lf = typeLookup(t, '__len__');
  if (lf) return length(o) > 0;
  return true;
}

// ------------------------------------------------------------------ length, items
export function length(o: PyObject): number {
  const t = o.type;
  if (o instanceof PyList) return o.size;
  if (o instanceof PyTuple) return o.items.length;
  if (o instanceof PyStr) return o.length;
  if (o instanceof PyDict) return o.t.used;
  if (o instanceof PySet) return o.t.used;
  const l = t.slots.len;
  if (l) return l(o);
  const f = typeLookup(t, '__len__');
  if (f) {
    const r = callMethodObj(f, o, []);
    try {
      // slot_sq_length: PyNumber_AsSsize_t(__len__(), OverflowError) after PyNumber_Index
      if (!(r instanceof PyInt) && !typeLookup(r.type, '__index__')) typeError(`'${r.type.name}' object cannot be interpreted as an integer`);
      const v = index(r);
      if (v < 0) raise(E.ValueError, '__len__() should return >= 0');
      if (typeof v === 'bigint' || v > Number.MAX_SAFE_INTEGER) raise(E.OverflowError, "cannot fit 'int' into an index-sized integer");
      return v;
    } finally {
      decref(r);
    }
  }
  typeError(`object of type '${t.name}' has no len()`);
}

/** PyMapping_Check: the type has __getitem__ (mp_subscript) */
export function mappingCheck(o: PyObject): boolean {
  return typeLookup(o.type, '__getitem__') !== null;
}

export function getItem(o: PyObject, k: PyObject): PyObject {
  if (o.type === DictType && (k.type === StrType || k.type === IntType)) {
    // dict_subscript with a key whose hash and == have no side effects (a miss goes on to the
    // method, which raises the KeyError)
    const v = (o as PyDict).getItem(k);
    if (v !== undefined) {
      v.rc++;
      return v;
    }
  }
  const f = typeLookup(o.type, '__getitem__');
  if (f) {
    if (sequenceItemSlots.has(f)) sequenceIndexCheck(k);
    return callMethodObj(f, o, [k]);
  }
  if (o instanceof PyType) {
    const cg = typeLookup(o, '__class_getitem__');
    if (cg) {
      const bound = descrGet(cg, null, o);
      try {
        return call(bound, [k], null);
      } finally {
        decref(bound);
      }
    }
    typeError(`type '${o.name}' is not subscriptable`);
  }
  typeError(`'${o.type.name}' object is not subscriptable`);
}
export function setItem(o: PyObject, k: PyObject, v: PyObject): void {
  const f = typeLookup(o.type, '__setitem__');
  if (!f) typeError(`'${o.type.name}' object does not support item assignment`);
  if (sequenceItemSlots.has(f)) sequenceIndexCheck(k);
  decref(callMethodObj(f, o, [k, v]));
}
export function delItem(o: PyObject, k: PyObject): void {
  const f = typeLookup(o.type, '__delitem__');
  if (!f) {
    // PyObject_DelItem: a type with sequence slots and an index key goes on to PySequence_DelItem,
    // whose message differs in one word
    const t = o.type;
    if (hasSequenceSlots(t) && (k instanceof PyInt || typeLookup(k.type, '__index__'))) {
      asIndex(k);
      typeError(`'${t.name}' object doesn't support item deletion`);
    }
    typeError(`'${t.name}' object does not support item deletion`);
  }
  if (sequenceItemSlots.has(f)) sequenceIndexCheck(k);
  decref(callMethodObj(f, o, [k]));
}

/** the __getitem__/__setitem__/__delitem__ of types that have only sequence slots (sq_item,
 * sq_ass_item: deque): PyObject_GetItem and the others check the key is an index before them */
export const sequenceItemSlots = new Set<PyObject>();
function sequenceIndexCheck(k: PyObject): void {
  if (!(k instanceof PyInt) && !typeLookup(k.type, '__index__')) typeError(`sequence index must be integer, not '${k.type.name}'`);
}

/** the static types whose tp_as_sequence is set in CPython 3.11 (a subtype inherits the pointer:
 * type_ready_inherit_as_structs) */
const SEQUENCE_SLOT_TYPES = new Set(['tuple', 'str', 'bytes', 'bytearray', 'list', 'range', 'set', 'frozenset', 'dict', 'dict_keys', 'dict_values', 'dict_items', 'memoryview', 'collections.deque', 'mappingproxy', 'weakproxy', 'weakcallableproxy', 'array.array']);

/** Py_TYPE(o)->tp_as_sequence != NULL: every heap type (PyHeapTypeObject's as_sequence), and
 * the static types above and their subtypes */
function hasSequenceSlots(t: PyType): boolean {
  for (const b of t.mro) {
    if (b.flags & TypeFlags.HEAPTYPE) return true;
    if (SEQUENCE_SLOT_TYPES.has(b.name)) return true;
  }
  return false;
}

export function contains(container: PyObject, item: PyObject): boolean {
  const t = container.type;
  if (item.type === StrType) {
    const s = item as PyStr;
    if (t === DictType || container instanceof PySet) {
      if ((s.hhi | s.hlo) === 0) s.hashHL();
      if (t === DictType) return (container as PyDict).t.lookupHL(s, s.hhi, s.hlo) >= 0;
      return (container as PySet).t.containsHL(s, s.hhi, s.hlo);
    }
  }
  if (container instanceof PyDict && t === DictType) return container.t.contains(item, hash(item));
  if (container instanceof PySet && !(item instanceof PySet)) return container.t.contains(item, hash(item));
  const f = typeLookup(t, '__contains__');
  if (f) {
    const r = callMethodObj(f, container, [item]);
    try {
      return isTrue(r);
    } finally {
      decref(r);
    }
  }
  // fall back to iteration (PySequence_Contains -> _PySequence_IterSearch)
  const it = getIterOrNull(container);
  if (!it) typeError(`argument of type '${t.name}' is not iterable`);
  try {
    for (;;) {
      const x = iterNext(it);
      if (!x) return false;
      try {
        if (richCompareBool(x, item, Cmp.EQ)) return true;
      } finally {
        decref(x);
      }
    }
  } finally {
    decref(it);
  }
}

// ------------------------------------------------------------------ iteration
export function getIter(o: PyObject): PyObject {
  const it = getIterOrNull(o);
  if (!it) typeError(`'${o.type.name}' object is not iterable`);
  return it;
}
export function getIterOrNull(o: PyObject): PyObject | null {
  const t = o.type;
  const s = t.slots.iter;
  if (s) return s(o);
  const f = typeLookup(t, '__iter__');
  if (f) {
    if (f === None) return null;
    const r = callMethodObj(f, o, []);
    if (!hasNext(r)) {
      decref(r);
      typeError(`iter() returned non-iterator of type '${r.type.name}'`);
    }
    return r;
  }
  if (typeLookup(t, '__getitem__')) return newSeqIterFor(o);
  return null;
}
let newSeqIterFor: (o: PyObject) => PyObject = () => {
  throw new Error('seqiter factory not set');
};
export function setSeqIterFactory(f: (o: PyObject) => PyObject): void {
  newSeqIterFor = f;
}

export function hasNext(o: PyObject): boolean {
  return !!o.type.slots.next || typeLookup(o.type, '__next__') !== null;
}

/** next(it): a new reference, or null when exhausted (StopIteration swallowed). */
export function iterNext(it: PyObject): PyObject | null {
  const n = it.type.slots.next;
  if (n) return n(it);
  const f = typeLookup(it.type, '__next__');
  if (!f) typeError(`'${it.type.name}' object is not an iterator`);
  try {
    return callMethodObj(f, it, []);
  } catch (e) {
    if (e instanceof PyBaseException && e.type.isSubtype(E.StopIteration)) {
      decref(e);
      return null;
    }
    throw e;
  }
}

/** Iterate a Python iterable into a JS array of new references. */
export function toArray(o: PyObject): PyObject[] {
  if (o instanceof PyList && o.type === ListType) return o.items.map(newRef);
  if (o instanceof PyTuple && o.type === TupleType) return o.items.map(newRef);
  const it = getIter(o);
  const out: PyObject[] = [];
  try {
    for (;;) {
      const x = iterNext(it);
      if (!x) break;
      out.push(x);
    }
  } catch (e) {
    for (const x of out) decref(x);
    throw e;
  } finally {
    decref(it);
  }
  return out;
}

// ------------------------------------------------------------------ comparisons
export function richCompare(a: PyObject, b: PyObject, op: Cmp): PyObject {
  const ta = a.type;
  const tb = b.type;
  // fast paths
  if (ta === IntType && tb === IntType) return newBool(cmpResult(N.intCmp((a as PyInt).v, (b as PyInt).v), op));
  if (ta === StrType && tb === StrType) {
    const x = (a as PyStr).v;
    const y = (b as PyStr).v;
    if (op === Cmp.EQ) return newBool(x === y);
    if (op === Cmp.NE) return newBool(x !== y);
    return newBool(cmpResult(strCompare(x, y), op));
  }
  if (ta === FloatType && tb === FloatType) return newBool(floatCmp((a as PyFloat).v, (b as PyFloat).v, op));
  // PyObject_RichCompare counts a C recursion level around do_richcompare, so comparing
  // structures nested deeper than the limit raises (the leaf fast paths above are the
  // specialized COMPARE_OP_*_JUMP forms and cannot recurse)
  enterRecursiveCall(' in comparison');
  try {
    return doRichCompare(a, b, op, ta, tb);
  } finally {
    leaveRecursiveCall();
  }
}

/** do_richcompare (Objects/object.c): the reflected operation first for a subclass */
function doRichCompare(a: PyObject, b: PyObject, op: Cmp, ta: PyType, tb: PyType): PyObject {
  let checkedReverse = false;
  if (ta !== tb && tb.isSubtype(ta) && typeLookup(tb, CMP_DUNDER[CMP_SWAP[op]])) {
    checkedReverse = true;
    const r = callCmp(b, a, CMP_SWAP[op]);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  const r1 = callCmp(a, b, op);
  if (r1 !== NotImplemented) return r1;
  decref(r1);
  if (!checkedReverse) {
    const r2 = callCmp(b, a, CMP_SWAP[op]);
    if (r2 !== NotImplemented) return r2;
    decref(r2);
  }
  if (op === Cmp.EQ) return newBool(a === b);
  if (op === Cmp.NE) return newBool(a !== b);
  typeError(`'${CMP_SYM[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

function callCmp(a: PyObject, b: PyObject, op: Cmp): PyObject {
  const f = typeLookup(a.type, CMP_DUNDER[op]);
  if (!f) return newRef(NotImplemented);
  return callMethodObj(f, a, [b]);
}

export function cmpResult(c: number, op: Cmp): boolean {
  switch (op) {
    case Cmp.LT:
      return c < 0;
    case Cmp.LE:
      return c <= 0;
    case Cmp.EQ:
      return c === 0;
    case Cmp.NE:
      return c !== 0;
    case Cmp.GT:
      return c > 0;
    case Cmp.GE:
      return c >= 0;
  }
}
export function floatCmp(x: number, y: number, op: Cmp): boolean {
  switch (op) {
    case Cmp.LT:
      return x < y;
    case Cmp.LE:
      return x <= y;
    case Cmp.EQ:
      return x === y;
    case Cmp.NE:
      return x !== y;
    case Cmp.GT:
      return x > y;
    case Cmp.GE:
      return x >= y;
  }
}
/** Compare by code points (UTF-16 order differs for astral vs high BMP characters). */
export function strCompare(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a !== b) {
      if ((a >= 0xd800 && a <= 0xdfff) || (b >= 0xd800 && b <= 0xdfff)) {
        const ca = x.codePointAt(i)!;
        const cb = y.codePointAt(i)!;
        return ca < cb ? -1 : 1;
      }
      return a < b ? -1 : 1;
    }
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

/** PyObject_RichCompareBool: identity implies equality. */
export function richCompareBool(a: PyObject, b: PyObject, op: Cmp): boolean {
  if (a === b) {
    if (op === Cmp.EQ) return true;
    if (op === Cmp.NE) return false;
  }
  const r = richCompare(a, b, op);
  if (r === True) {
    decref(r);
    return true;
  }
  if (r === False) {
    decref(r);
    return false;
  }
  try {
    return isTrue(r);
  } finally {
    decref(r);
  }
}

// ------------------------------------------------------------------ numbers
export const BINOP_DUNDER: [string, string, string, string][] = [
  ['__add__', '__radd__', '__iadd__', '+'],
  ['__and__', '__rand__', '__iand__', '&'],
  ['__floordiv__', '__rfloordiv__', '__ifloordiv__', '//'],
  ['__lshift__', '__rlshift__', '__ilshift__', '<<'],
  ['__matmul__', '__rmatmul__', '__imatmul__', '@'],
  ['__mul__', '__rmul__', '__imul__', '*'],
  ['__mod__', '__rmod__', '__imod__', '%'],
  ['__or__', '__ror__', '__ior__', '|'],
  ['__pow__', '__rpow__', '__ipow__', '**'],
  ['__rshift__', '__rrshift__', '__irshift__', '>>'],
  ['__sub__', '__rsub__', '__isub__', '-'],
  ['__truediv__', '__rtruediv__', '__itruediv__', '/'],
  ['__xor__', '__rxor__', '__ixor__', '^'],
];

/** BINARY_OP: op 0..12 plain, 13..25 in-place. */
export function binaryOp(a: PyObject, b: PyObject, op: number): PyObject {
  const ta = a.type;
  const tb = b.type;
  if (ta === IntType && tb === IntType) {
    const r = intFast(op % 13, (a as PyInt).v, (b as PyInt).v);
    if (r) return r;
  } else if (ta === FloatType && tb === FloatType) {
    const r = floatFast(op % 13, (a as PyFloat).v, (b as PyFloat).v);
    if (r) return r;
  } else if (ta === StrType && tb === StrType && op % 13 === 0) {
    // PyUnicode_Concat / PyUnicode_Append: with an empty side the result is the other str itself
    if ((b as PyStr).v.length === 0) return newRef(a);
    if ((a as PyStr).v.length === 0) return newRef(b);
    return newStr((a as PyStr).v + (b as PyStr).v);
  } else if ((ta === IntType && tb === FloatType) || (ta === FloatType && tb === IntType)) {
    // + - * / // % ** of an exact int and an exact float: int's method returns NotImplemented and
    // float's converts the int (float_add & co., CONVERT_TO_DOUBLE: OverflowError past the
    // double range), with nothing observable in between
    const base = op % 13;
    if (base === 0 || base === 10 || base === 5 || base === 11 || base === 2 || base === 6 || base === 8) {
      let x: number;
      let y: number;
      try {
        x = ta === IntType ? N.intToFloat((a as PyInt).v) : (a as PyFloat).v;
        y = tb === IntType ? N.intToFloat((b as PyInt).v) : (b as PyFloat).v;
      } catch (e) {
        numErr(e);
      }
      const r = floatFast(base, x, y);
      if (r) return r;
    }
  }
  const inplace = op >= 13;
  const base = op % 13;
  const [dn, rn, iname, sym] = BINOP_DUNDER[base];
  // (a sequence's in-place concat/repeat comes after both operands' number methods:
  // PyNumber_InPlaceAdd's sq_inplace_concat fallback)
  let seqInplace: PyObject | null = null;
  if (inplace) {
    const f = typeLookup(ta, iname);
    if (f && isSequenceSlot(f)) seqInplace = f;
    else if (f) {
      const r = callMethodObj(f, a, [b]);
      if (r !== NotImplemented) return r;
      decref(r);
    }
  }
  const r = binaryDispatch(a, b, dn, rn, seqInplace === null);
  if (r) return r;
  if (seqInplace !== null) {
    const r2 = callMethodObj(seqInplace, a, [b]);
    if (r2 !== NotImplemented) return r2;
    decref(r2);
  }
  if (base === 0 && !(inplace && false)) {
    // sequence concatenation error wording
  }
  if (base === 8 && !inplace) typeError(`unsupported operand type(s) for ** or pow(): '${ta.name}' and '${tb.name}'`);
  if (base === 9 && ta.name === 'builtin_function_or_method' && (a as PyBuiltinFunction).name === 'print') {
    typeError(`unsupported operand type(s) for >>: '${ta.name}' and '${tb.name}'. Did you mean "print(<message>, file=<output_stream>)"?`);
  }
  typeError(`unsupported operand type(s) for ${sym}${inplace ? '=' : ''}: '${ta.name}' and '${tb.name}'`);
}

/** the builtin sequences whose `+` and `*` are sq_concat / sq_repeat (no nb_add, nb_multiply) */
const SEQUENCE_SLOT_OWNERS = new Set(['list', 'tuple', 'str', 'bytes', 'bytearray', 'collections.deque', 'array.array']);
const SEQUENCE_SLOT_NAMES = new Set(['__add__', '__mul__', '__rmul__', '__iadd__', '__imul__']);
/** `f` is a builtin sequence's concat or repeat (CPython's sq_concat, sq_repeat, and in-place
 * forms): PyNumber_Add and PyNumber_Multiply try both operands' number slots first, so
 * `[1] + v` calls `v.__radd__` before list's own concat (which would raise TypeError). */
export function isSequenceSlot(f: PyObject): boolean {
  if (!(f instanceof PyBuiltinFunction)) return false;
  const owner = f.owner;
  return owner !== null && !(owner.flags & TypeFlags.HEAPTYPE) && SEQUENCE_SLOT_OWNERS.has(owner.name) && SEQUENCE_SLOT_NAMES.has(f.name);
}

/** binary_op1: a.__op__(b), then b.__rop__(a) (subclass first when it overrides); a builtin
 * sequence's concat or repeat last (PyNumber_Add's sequence fallback; `seqFallback` false: the
 * caller's in-place one comes instead). */
export function binaryDispatch(a: PyObject, b: PyObject, dn: string, rn: string, seqFallback = true): PyObject | null {
  const fa = typeLookup(a.type, dn);
  if (fa === null || !isSequenceSlot(fa)) return numberDispatch(a, b, fa, rn);
  // (the right operand's number slot only: its sq_repeat/sq_concat comes after the left's)
  const fb = a.type !== b.type ? typeLookup(b.type, rn) : null;
  const r = fb !== null && isSequenceSlot(fb) ? null : numberDispatch(a, b, null, rn);
  if (r !== null || !seqFallback) return r;
  const r2 = callMethodObj(fa, a, [b]);
  if (r2 !== NotImplemented) return r2;
  decref(r2);
  return null;
}

function numberDispatch(a: PyObject, b: PyObject, fa: PyObject | null, rn: string): PyObject | null {
  const ta = a.type;
  const tb = b.type;
  const fb = ta !== tb ? typeLookup(tb, rn) : null;
  if (fb && fa !== fb && tb.isSubtype(ta) && tb !== ta) {
    const r = callMethodObj(fb, b, [a]);
    if (r !== NotImplemented) return r;
    decref(r);
    if (fa) {
      const r2 = callMethodObj(fa, a, [b]);
      if (r2 !== NotImplemented) return r2;
      decref(r2);
    }
    return null;
  }
  if (fa) {
    const r = callMethodObj(fa, a, [b]);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (fb) {
    const r = callMethodObj(fb, b, [a]);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  return null;
}

function numErr(e: unknown): never {
  if (e instanceof N.NumErr) throw numErrException(E.excTypes.get(e.pyType)!, e);
  throw e;
}

export function intFast(op: number, x: N.Int, y: N.Int): PyObject | null {
  try {
    return intRaw(op, x, y);
  } catch (e) {
    numErr(e);
  }
}

/** the int operation on two values, throwing numeric.ts's NumErr where CPython raises */
function intRaw(op: number, x: N.Int, y: N.Int): PyObject | null {
  switch (op) {
    case 0:
      return newInt(N.intAdd(x, y));
    case 10:
      return newInt(N.intSub(x, y));
    case 5:
      return newInt(N.intMul(x, y));
    case 2:
      return newInt(N.intFloorDiv(x, y));
    case 6:
      return newInt(N.intMod(x, y));
    case 11:
      return newFloat(N.intTrueDiv(x, y));
    case 8: {
      const r = N.intPow(x, y);
      return N.intSign(y) < 0 ? newFloat(r as number) : newInt(r as N.Int);
    }
    case 3:
      return newInt(N.intLshift(x, y));
    case 9:
      return newInt(N.intRshift(x, y));
    case 1:
      return newInt(N.intAnd(x, y));
    case 7:
      return newInt(N.intOr(x, y));
    case 12:
      return newInt(N.intXor(x, y));
  }
  return null;
}

/** intFast without raising: null where it would raise (a zero divisor, a negative shift count,
 * a result too large; no exception object is made) and for `**`. Compiled code calls it on
 * operands it holds without references (jit.ts deferredOp); its own slow path then raises, from
 * the interpreter's state. */
export function intFastOrNull(op: number, x: N.Int, y: N.Int): PyObject | null {
  if (op === 8) return null;
  try {
    return intRaw(op, x, y);
  } catch {
    return null;
  }
}

export function floatFast(op: number, x: number, y: number): PyObject | null {
  try {
    switch (op) {
      case 0:
        return newFloat(x + y);
      case 10:
        return newFloat(x - y);
      case 5:
        return newFloat(x * y);
      case 11:
        return newFloat(N.floatDiv(x, y));
      case 2:
        return newFloat(N.floatFloorDiv(x, y));
      case 6:
        return newFloat(N.floatMod(x, y));
      case 8: {
        const r = N.floatPow(x, y);
        if (r === null) return null;
        return newFloat(r);
      }
    }
  } catch (e) {
    numErr(e);
  }
  return null;
}

export function unaryNeg(o: PyObject): PyObject {
  if (o.type === IntType || o.type === BoolType) return newInt(N.intNeg((o as PyInt).v));
  if (o.type === FloatType) return newFloat(-(o as PyFloat).v);
  const r = callSpecial(o, '__neg__', []);
  if (!r) typeError(`bad operand type for unary -: '${o.type.name}'`);
  return r;
}
export function unaryPos(o: PyObject): PyObject {
  if (o.type === IntType) return newRef(o);
  if (o.type === BoolType) return newInt((o as PyInt).v);
  if (o.type === FloatType) return newRef(o);
  const r = callSpecial(o, '__pos__', []);
  if (!r) typeError(`bad operand type for unary +: '${o.type.name}'`);
  return r;
}
export function unaryInvert(o: PyObject): PyObject {
  if (o.type === IntType || o.type === BoolType) return newInt(N.intInvert((o as PyInt).v));
  const r = callSpecial(o, '__invert__', []);
  if (!r) typeError(`bad operand type for unary ~: '${o.type.name}'`);
  return r;
}

/** PyNumber_Index */
export function index(o: PyObject): N.Int {
  if (o instanceof PyInt) return o.v;
  const r = callSpecial(o, '__index__', []);
  if (!r) typeError(`'${o.type.name}' object cannot be interpreted as an integer`);
  try {
    if (!(r instanceof PyInt)) typeError(`__index__ returned non-int (type ${r.type.name})`);
    return r.v;
  } finally {
    decref(r);
  }
}
export function asIndex(o: PyObject, what = ''): number {
  if (!(o instanceof PyInt) && !typeLookup(o.type, '__index__')) {
    typeError(what || `'${o.type.name}' object cannot be interpreted as an integer`);
  }
  const v = index(o);
  if (typeof v === 'bigint') raise(E.IndexError, `cannot fit 'int' into an index-sized integer`);
  return v;
}

export function isInstance(o: PyObject, t: PyType): boolean {
  return o.type.isSubtype(t);
}

export { None, Ellipsis, NotImplemented, True, False, NoneType, TypeType, ObjectType, FunctionType, SetType, FrozenSetType, xdecref, incref, newException };

/** getIterOrNull without raising (used to pick error messages). */
export function getIterOrNullSafe(o: PyObject): boolean {
  const t = o.type;
  return !!t.slots.iter || !!typeLookup(t, '__iter__') || !!typeLookup(t, '__getitem__');
}

export function excTypeByName(name: string): PyType {
  const t = E.excTypes.get(name);
  if (!t) throw new Error(`internal: no exception type ${name}`);
  return t;
}

/** The key stored in a namespace dict for a name (an interned str). */
const nameKeys = new Map<string, PyStr>();
export function nameKeyObj(name: string): PyStr {
  let k = nameKeys.get(name);
  if (!k) {
    k = strKey(name);
    nameKeys.set(name, k);
  }
  return k;
}

/** getattr(o, name) as a borrowed-then-released helper returning a new reference. */
export function getAttrOf(o: PyObject, name: string): PyObject {
  return getAttr(o, name);
}

/** tp_descr_get(d, obj, type), or a new reference to d when it is not a descriptor. */
export function descrGet(d: PyObject, obj: PyObject | null, type: PyType): PyObject {
  const get = descrGetFn(d);
  if (get) return get(d, obj, type);
  return newRef(d);
}

/** Bind a descriptor found on a type to an instance (a new reference). */
export function bindDescr(d: PyObject, self: PyObject): PyObject {
  const get = descrGetFn(d);
  if (get) return get(d, self, self.type);
  return newRef(d);
}

/** acc = start; for x in iterable: acc = acc <op> x (builtin sum, math.prod). A new reference. */
export function foldBinary(iterable: PyObject, start: PyObject, op: number): PyObject {
  let acc: PyObject = newRef(start);
  const it = getIter(iterable);
  try {
    for (;;) {
      const x = iterNext(it);
      if (!x) break;
      try {
        const r = binaryOp(acc, x, op);
        decref(acc);
        acc = r;
      } finally {
        decref(x);
      }
    }
  } catch (e) {
    decref(acc);
    throw e;
  } finally {
    decref(it);
  }
  return acc;
}
