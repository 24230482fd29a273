// object.__reduce__ and object.__reduce_ex__ (Objects/typeobject.c object___reduce___impl,
// object___reduce_ex___impl, _common_reduce, reduce_newobj, _PyObject_GetNewArguments,
// object_getstate with `required`, _PyObject_GetItemsIter) and, for protocols 0 and 1,
// Lib/copyreg.py _reduce_ex: what pickle and copy call for an instance of a class.

import { PyObject, PyType, TypeFlags, newRef, decref } from './object';
import { ObjectType, BuiltinFunctionType, PyBuiltinFunction } from './types';
import { RangeType, SliceType, PyRange, PySlice } from './objects/misc';
import { newInt } from './objects/int';
import { newStr } from './objects/str';
import { PyModule } from './objects/instance';
import * as abs from './abstract';
import { PyInt } from './objects/int';
import { PyTuple, newTuple } from './objects/tuple';
import { PyList, newList } from './objects/list';
import { SetType, FrozenSetType } from './objects/set';
import { MethodType, PyMethod } from './objects/function';
import { PyDict } from './objects/dict';
import { None, NotImplementedType, EllipsisType } from './objects/singletons';
import { BaseException, PyBaseException, ValueError } from './objects/exception';
import { defMethod, checkArgs } from './define';
import { typeError, raise } from './errors';
import { vmState } from './vm/eval';

function copyregAttr(name: string): PyObject {
  const m = vmState.importModule!('copyreg', vmState.current!);
  try {
    return abs.getAttr(m, name);
  } finally {
    decref(m);
  }
}

function cannotPickle(t: PyType): never {
  typeError(`cannot pickle '${t.name}' object`);
}

/** _PyObject_GetNewArguments: [args, kwargs] (new references) or [null, null] */
function getNewArguments(obj: PyObject): [PyTuple | null, PyDict | null] {
  const ex = abs.lookupAttr(obj, '__getnewargs_ex__');
  if (ex !== null && abs.typeLookup(obj.type, '__getnewargs_ex__')) {
    const r = abs.call(ex, [], null);
    decref(ex);
    if (!(r instanceof PyTuple)) {
      const n = r.type.name;
      decref(r);
      typeError(`__getnewargs_ex__ should return a tuple, not '${n}'`);
    }
    if (r.items.length !== 2) {
      const n = r.items.length;
      decref(r);
      raiseValue(`__getnewargs_ex__ should return a tuple of length 2, not ${n}`);
    }
    const [a, k] = r.items;
    if (!(a instanceof PyTuple)) {
      decref(r);
      typeError(`first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '${a.type.name}'`);
    }
    if (!(k instanceof PyDict)) {
      decref(r);
      typeError(`second item of the tuple returned by __getnewargs_ex__ must be a dict, not '${k.type.name}'`);
    }
    newRef(a);
    newRef(k);
    decref(r);
    return [a, k];
  }
  if (ex !== null) decref(ex);
  const gna = abs.typeLookup(obj.type, '__getnewargs__') ? abs.lookupAttr(obj, '__getnewargs__') : null;
  if (gna !== null) {
    const r = abs.call(gna, [], null);
    decref(gna);
    if (!(r instanceof PyTuple)) {
      const n = r.type.name;
      decref(r);
      typeError(`__getnewargs__ should return a tuple, not '${n}'`);
    }
    return [r, null];
  }
  return [null, null];
}

function raiseValue(msg: string): never {
  raise(ValueError, msg);
}

/** object_getstate(obj, required): __getstate__(), or object's default with the size check */
function getState(obj: PyObject, required: boolean): PyObject {
  const own = abs.typeLookup(obj.type, '__getstate__');
  const objects = ObjectType.dict.getItem(abs.strKey('__getstate__'));
  if (own !== null && own === objects && required) {
    // object_getstate_default: an object with C fields it cannot save
    const t = obj.type;
    if (t.itemsize) typeError(`cannot pickle ${t.name} objects`);
    const fn = copyregAttr('_slotnames');
    let sn: PyObject;
    try {
      sn = abs.call(fn, [t], null);
    } finally {
      decref(fn);
    }
    const nslots = sn instanceof PyList ? sn.items.length : 0;
    decref(sn);
    const size = 16 + (t.hasDict && !t.managedDict ? 8 : 0) + (t.weakrefable ? 8 : 0) + 8 * nslots;
    if (t.basicsize > size) cannotPickle(t);
  }
  const gs = abs.getAttr(obj, '__getstate__');
  try {
    return abs.call(gs, [], null);
  } finally {
    decref(gs);
  }
}

/** reduce_newobj */
function reduceNewobj(obj: PyObject): PyObject {
  const t = obj.type;
  if (!t.slots.new) cannotPickle(t);
  const [args, kwargs] = getNewArguments(obj);
  const items: PyObject[] = [];
  try {
    if (kwargs === null || kwargs.t.used === 0) {
      items.push(copyregAttr('__newobj__'));
      items.push(newTuple([newRef(t), ...(args ? args.items.map((a) => newRef(a)) : [])]));
    } else {
      items.push(copyregAttr('__newobj_ex__'));
      items.push(newTuple([newRef(t), newRef(args ?? newTuple([])), newRef(kwargs)]));
    }
    const hasargs = args !== null;
    items.push(getState(obj, !(hasargs || obj instanceof PyList || obj instanceof PyDict)));
    // _PyObject_GetItemsIter
    items.push(obj instanceof PyList ? abs.getIter(obj) : newRef(None));
    if (obj instanceof PyDict) {
      const m = abs.getAttr(obj, 'items');
      let its: PyObject;
      try {
        its = abs.call(m, [], null);
      } finally {
        decref(m);
      }
      try {
        items.push(abs.getIter(its));
      } finally {
        decref(its);
      }
    } else items.push(newRef(None));
  } catch (e) {
    for (const x of items) decref(x);
    throw e;
  } finally {
    if (args) decref(args);
    if (kwargs) decref(kwargs);
  }
  return newTuple(items);
}

/** Lib/copyreg.py _reduce_ex (protocols 0 and 1) */
function copyregReduceEx(obj: PyObject, proto: number): PyObject {
  const cls = obj.type;
  let base: PyType = ObjectType;
  for (const b of cls.mro) {
    if (!(b.flags & TypeFlags.HEAPTYPE)) {
      base = b;
      break;
    }
  }
  let state: PyObject;
  if (base === ObjectType) state = newRef(None);
  else {
    if (base === cls) typeError(`cannot pickle '${cls.name}' object`);
    state = abs.call(base, [obj], null);
  }
  const args = newTuple([newRef(cls), newRef(base), state]);
  let dict: PyObject | null = null;
  try {
    const gs = abs.lookupAttr(obj, '__getstate__');
    const slots = abs.lookupAttr(obj, '__slots__');
    const hasSlots = slots !== null && abs.isTrue(slots);
    if (slots) decref(slots);
    if (gs === null) {
      if (hasSlots) typeError(`cannot pickle '${cls.name}' object: a class that defines __slots__ without defining __getstate__ cannot be pickled with protocol ${proto}`);
      dict = abs.lookupAttr(obj, '__dict__');
    } else {
      try {
        if (hasSlots && abs.typeLookup(cls, '__getstate__') === ObjectType.dict.getItem(abs.strKey('__getstate__'))) {
          typeError('a class that defines __slots__ without defining __getstate__ cannot be pickled');
        }
        dict = abs.call(gs, [], null);
      } finally {
        decref(gs);
      }
    }
    const recon = copyregAttr('_reconstructor');
    if (dict !== null && abs.isTrue(dict)) {
      const d = dict;
      dict = null;
      return newTuple([recon, newRef(args), d]);
    }
    return newTuple([recon, newRef(args)]);
  } finally {
    decref(args);
    if (dict) decref(dict);
  }
}

/** _common_reduce */
function commonReduce(obj: PyObject, proto: number): PyObject {
  if (proto >= 2) return reduceNewobj(obj);
  return copyregReduceEx(obj, proto);
}

export function installObjectReduce(): void {
  defMethod(ObjectType, '__reduce__', (args, kw, self) => {
    checkArgs('object.__reduce__', args, kw, 0, 0);
    return commonReduce(self!, 0);
  });
  defMethod(ObjectType, '__reduce_ex__', (args, kw, self) => {
    checkArgs('object.__reduce_ex__', args, kw, 1, 1);
    const p = args[0];
    if (!(p instanceof PyInt)) {
      if (abs.typeLookup(p.type, '__index__') === null) typeError(`'${p.type.name}' object cannot be interpreted as an integer`);
    }
    const proto = Number(abs.index(p));
    // object___reduce_ex___impl: a class's own __reduce__ wins
    const objReduce = ObjectType.dict.getItem(abs.strKey('__reduce__'));
    const clsReduce = abs.typeLookup(self!.type, '__reduce__');
    if (clsReduce !== null && clsReduce !== objReduce) {
      const r = abs.getAttr(self!, '__reduce__');
      try {
        return abs.call(r, [], null);
      } finally {
        decref(r);
      }
    }
    return commonReduce(self!, proto);
  });
}

/** range_reduce, slice_reduce (Objects/rangeobject.c, sliceobject.c) and meth_reduce
 * (Objects/methodobject.c): what pickle and copy rebuild these builtin objects from */
export function installBuiltinReduces(): void {
  defMethod(RangeType, '__reduce__', (args, kw, self) => {
    checkArgs('range.__reduce__', args, kw, 0, 0);
    const r = self as PyRange;
    return newTuple([newRef(RangeType), newTuple([newInt(r.start), newInt(r.stop), newInt(r.step)])]);
  });
  defMethod(SliceType, '__reduce__', (args, kw, self) => {
    checkArgs('slice.__reduce__', args, kw, 0, 0);
    const sl = self as PySlice;
    return newTuple([newRef(SliceType), newTuple([newRef(sl.start), newRef(sl.stop), newRef(sl.step)])]);
  });
  defMethod(BuiltinFunctionType, '__reduce__', (args, kw, self) => {
    checkArgs('builtin_function_or_method.__reduce__', args, kw, 0, 0);
    const f = self as PyBuiltinFunction;
    if (f.self === null || f.self instanceof PyModule) return newStr(f.name);
    const ga = vmState.builtins!.getItem(abs.strKey('getattr'))!;
    return newTuple([newRef(ga), newTuple([newRef(f.self), newStr(f.name)])]);
  });
  // NotImplemented_reduce, ellipsis_reduce: their builtins names
  defMethod(NotImplementedType, '__reduce__', (args, kw) => {
    checkArgs('NotImplementedType.__reduce__', args, kw, 0, 0);
    return newStr('NotImplemented');
  });
  defMethod(EllipsisType, '__reduce__', (args, kw) => {
    checkArgs('ellipsis.__reduce__', args, kw, 0, 0);
    return newStr('Ellipsis');
  });
  // set_reduce (Objects/setobject.c): (type, (list(self),), _PyObject_GetState(self))
  for (const t of [SetType, FrozenSetType]) {
    defMethod(t, '__reduce__', (args, kw, self) => {
      checkArgs(`${t.name}.__reduce__`, args, kw, 0, 0);
      const keys = newList(abs.toArray(self!));
      const a = newTuple([keys]);
      let state: PyObject;
      try {
        state = getState(self!, false);
      } catch (e) {
        decref(a);
        throw e;
      }
      return newTuple([newRef(self!.type), a, state]);
    });
  }
  // method___reduce___impl (Objects/classobject.c): (getattr, (self.__self__, func.__name__))
  defMethod(MethodType, '__reduce__', (args, kw, self) => {
    checkArgs('method.__reduce__', args, kw, 0, 0);
    const m = self as PyMethod;
    const name = abs.getAttr(m.func, '__name__');
    const ga = vmState.builtins!.getItem(abs.strKey('getattr'))!;
    return newTuple([newRef(ga), newTuple([newRef(m.self), name])]);
  });
  // BaseException___reduce___impl: (type, args) or (type, args, __dict__) once it has a dict
  defMethod(BaseException, '__reduce__', (args, kw, self) => {
    checkArgs('BaseException.__reduce__', args, kw, 0, 0);
    const e = self as PyBaseException;
    if (e.dict) return newTuple([newRef(e.type), newRef(e.args), newRef(e.dict)]);
    return newTuple([newRef(e.type), newRef(e.args)]);
  });
}
