// Slot wrappers and method-wrappers (Objects/descrobject.c, Objects/typeobject.c slotdefs).
//
// A builtin type's dict holds a `wrapper_descriptor` for each C slot it fills (`object.__init__`,
// `int.__add__`, `list.__len__`: add_operators), and a `method_descriptor` for its other methods
// (`list.append`, `object.__sizeof__`: add_methods). Binding a wrapper_descriptor to an instance
// (`obj.__init__` when only object.__init__ exists) gives a `method-wrapper` (wrapperobject:
// PyObject_HEAD + descr + self = 32 bytes, 48 with the gc header), not a builtin method (56/72).

import { PyObject, PyType, TypeFlags, Edge, incref, decref, newRef, addressOf, type Visit } from '../object';
import { makeType, PyBuiltinFunction, BuiltinFunctionType, GetSetDescriptorType, type PyGetSet } from '../types';
import { hashPointer } from '../primitives/hash';
import { gcNewTracked } from './tuple';
import { defMethod } from '../define';
import { True, False } from './int';
import { NotImplemented } from './singletons';
import { ListType } from './list';
import { DictType } from './dict';
import { SetType, FrozenSetType } from './set';

/** Names of the slotdefs that have a wrapper (typeobject.c slotdefs[], 3.11; measured with
 *  `type(v) is wrapper_descriptor` over every static type's __dict__). `__new__` is not one
 *  (tp_new_wrapper is a builtin method), nor `__getattr__` (no wrapper function). */
const SLOT_WRAPPER_NAMES = new Set([
  '__abs__', '__add__', '__aiter__', '__and__', '__anext__', '__await__', '__bool__', '__call__',
  '__contains__', '__del__', '__delattr__', '__delete__', '__delitem__', '__divmod__', '__eq__',
  '__float__', '__floordiv__', '__ge__', '__get__', '__getattribute__', '__getitem__', '__gt__',
  '__hash__', '__iadd__', '__iand__', '__ifloordiv__', '__ilshift__', '__imatmul__', '__imod__',
  '__imul__', '__index__', '__init__', '__int__', '__invert__', '__ior__', '__ipow__', '__irshift__',
  '__isub__', '__iter__', '__itruediv__', '__ixor__', '__le__', '__len__', '__lshift__', '__lt__',
  '__matmul__', '__mod__', '__mul__', '__ne__', '__neg__', '__next__', '__or__', '__pos__',
  '__pow__', '__radd__', '__rand__', '__rdivmod__', '__repr__', '__rfloordiv__', '__rlshift__',
  '__rmatmul__', '__rmod__', '__rmul__', '__ror__', '__rpow__', '__rrshift__', '__rshift__',
  '__rsub__', '__rtruediv__', '__rxor__', '__set__', '__setattr__', '__setitem__', '__str__',
  '__sub__', '__truediv__', '__xor__',
]);

/** Whether a native method `name` of builtin type `t` is a wrapper_descriptor in CPython 3.11.
 *  METH_COEXIST methods (list.__getitem__, dict.__getitem__/__contains__, set and frozenset
 *  __contains__) replace the slot wrapper with a method_descriptor (type_add_method). */
export function isSlotWrapper(t: PyType, name: string): boolean {
  if (!SLOT_WRAPPER_NAMES.has(name)) return false;
  if (name === '__getitem__') return t !== ListType && t !== DictType;
  if (name === '__contains__') return t !== DictType && t !== SetType && t !== FrozenSetType;
  return true;
}

export const MethodWrapperType = makeType('method-wrapper', null, TypeFlags.HAVE_GC, 32);

/** wrapperobject: a slot wrapper bound to `self`. Called like a bound builtin method. */
export class PyMethodWrapper extends PyBuiltinFunction {
  constructor(
    public descr: PyBuiltinFunction,
    self: PyObject,
  ) {
    super(MethodWrapperType, descr.name, descr.fn, self, null, descr.qualname);
    incref(descr);
  }
  /** wrapper_traverse: descr, then self */
  override traverse(visit: Visit): void {
    if (this.descr) visit(this.descr, Edge.OTHER, '__objclass__');
    if (this.self) visit(this.self, Edge.SELF, '__self__');
  }
  /** wrapper_dealloc */
  override dealloc(): void {
    const d = this.descr;
    this.descr = null as unknown as PyBuiltinFunction;
    if (d) decref(d);
    super.dealloc();
  }
}

/** wrapperdescr_get → PyWrapper_New(descr, self) (PyObject_GC_New + track) */
export function newMethodWrapper(descr: PyBuiltinFunction, self: PyObject): PyMethodWrapper {
  const w = new PyMethodWrapper(descr, self);
  gcNewTracked(w);
  return w;
}

// Identity of the C function behind a builtin method (meth_hash / meth_richcompare use ml_meth).
const fnAddrs = new WeakMap<object, number>();
let nextFnAddr = 0x55d0c0a00000;
function fnAddr(fn: object): number {
  let a = fnAddrs.get(fn);
  if (a === undefined) {
    a = nextFnAddr;
    nextFnAddr += 32;
    fnAddrs.set(fn, a);
  }
  return a;
}
function xorHash(a: number | bigint, b: number | bigint): number | bigint {
  const x = BigInt.asIntN(64, BigInt(a) ^ BigInt(b));
  const r = x === -1n ? -2n : x;
  return r >= BigInt(Number.MIN_SAFE_INTEGER) && r <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r) : r;
}

/** wrapper_richcompare (EQ/NE: same descriptor and same self) and meth_richcompare (same
 *  m_self and ml_meth), as Python-level results; null = NotImplemented. */
export function builtinMethodsEqual(a: PyObject, b: PyObject): boolean | null {
  if (a instanceof PyMethodWrapper) {
    if (!(b instanceof PyMethodWrapper)) return null;
    return a.descr === b.descr && a.self === b.self;
  }
  if (a.type !== BuiltinFunctionType || b.type !== BuiltinFunctionType) return null;
  const x = a as PyBuiltinFunction;
  const y = b as PyBuiltinFunction;
  return x.self === y.self && x.fn === y.fn;
}

export function installDescriptorSlots(): void {
  // getset_repr (member_repr: typeobject.ts)
  GetSetDescriptorType.slots.repr = (o) => `<attribute '${(o as PyGetSet).name}' of '${(o as PyGetSet).owner.name}' objects>`;
  for (const T of [MethodWrapperType, BuiltinFunctionType]) {
    defMethod(T, '__eq__', (args, _k, self) => {
      const r = builtinMethodsEqual(self!, args[0]);
      return newRef(r === null ? NotImplemented : r ? True : False);
    });
    defMethod(T, '__ne__', (args, _k, self) => {
      const r = builtinMethodsEqual(self!, args[0]);
      return newRef(r === null ? NotImplemented : r ? False : True);
    });
  }
  // wrapper_repr: "<method-wrapper '%s' of %s object at %p>" (descr's name, self's tp_name)
  MethodWrapperType.slots.repr = (o) => {
    const w = o as PyMethodWrapper;
    return `<method-wrapper '${w.name}' of ${w.self!.type.name} object at 0x${addressOf(w.self!).toString(16)}>`;
  };
  // wrapper_hash: _Py_HashPointer(self) ^ _Py_HashPointer(descr)
  MethodWrapperType.slots.hash = (o) => {
    const w = o as PyMethodWrapper;
    return xorHash(hashPointer(addressOf(w.self!)), hashPointer(addressOf(w.descr)));
  };
  // meth_hash: _Py_HashPointer(m_self) ^ _Py_HashPointer(ml_meth)
  BuiltinFunctionType.slots.hash = (o) => {
    const f = o as PyBuiltinFunction;
    return xorHash(f.self ? hashPointer(addressOf(f.self)) : 0, hashPointer(fnAddr(f.fn)));
  };
}
