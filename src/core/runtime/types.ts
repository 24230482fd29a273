// Bootstrap of `type` and `object`, native functions and the helpers that define builtin types.

import { PyObject, PyType, TypeFlags, incref, decref, Edge, settleShape, type Visit } from './object';

/** A native function: args are borrowed; the result is a new reference. Keyword values follow
 * the positional ones in `args`, named by `kwnames`. */
export type NativeFn = (args: PyObject[], kwnames: string[] | null, self: PyObject | null) => PyObject;

export const TypeType = new PyType('type', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.TYPE_SUBCLASS);
TypeType.type = TypeType;
TypeType.basicsize = 904; // sizeof(PyHeapTypeObject)
TypeType.weakrefable = true;
export const ObjectType = new PyType('object', null, TypeFlags.BASETYPE);
ObjectType.type = TypeType;
TypeType.base = ObjectType;
TypeType.bases = [ObjectType];
ObjectType.mro = [ObjectType];
TypeType.mro = [TypeType, ObjectType];

/** All builtin types, for the `builtins` module and for finishing them at start-up. */
export const builtinTypes: PyType[] = [TypeType, ObjectType];

export function makeType(name: string, base: PyType | null, flags = 0, basicsize?: number, itemsize?: number): PyType {
  const b = base ?? ObjectType;
  const t = new PyType(name, b, flags | (b.flags & TypeFlags.HAVE_GC ? 0 : 0), TypeType);
  t.rc = 1_000_000_000;
  if (basicsize !== undefined) t.basicsize = basicsize;
  if (itemsize !== undefined) t.itemsize = itemsize;
  t.mro = [t, ...b.mro];
  if (name !== 'object') builtinTypes.push(t);
  return t;
}
/** tp_name: a static type outside builtins is named with its module (collections.deque) */
export function tpName(t: PyType): string {
  return !(t.flags & TypeFlags.HEAPTYPE) && t.module && t.module !== 'builtins' && !t.name.includes('.') ? `${t.module}.${t.name}` : t.name;
}
/** _PyType_Name: tp_name after its last dot (what deque's and OrderedDict's reprs print) */
export function shortTypeName(t: PyType): string {
  return t.name.slice(t.name.lastIndexOf('.') + 1);
}

/** A C type outside builtins: its tp_name is 'module.Name' (what error messages say:
 * "'_io.TextIOWrapper' object has no attribute 'x'"); __name__, __qualname__ and __module__
 * come from it (abstract.ts cTypeNames). */
export function inModule(t: PyType, module: string): PyType {
  t.name = `${module}.${t.name}`;
  t.qualname = t.name;
  t.module = module;
  return t;
}
TypeType.rc = 1_000_000_000;
ObjectType.rc = 1_000_000_000;

/** builtin_function_or_method (bound to a module or an object) and method_descriptor. */
export class PyBuiltinFunction extends PyObject {
  /** recursion levels a call counts once its code is quickened (vm/eval.ts callChecksRecursion;
   * -1: not decided yet) */
  level = -1;
  constructor(
    type: PyType,
    public name: string,
    public fn: NativeFn,
    public self: PyObject | null,
    /** the type whose dict holds this descriptor (method_descriptor) */
    public owner: PyType | null,
    public qualname: string,
    public doc: string | null = null,
  ) {
    super(type);
    if (self) incref(self);
  }
  override traverse(visit: Visit): void {
    if (this.self) visit(this.self, Edge.SELF, '__self__');
  }
  override dealloc(): void {
    const s = this.self;
    this.self = null;
    if (s) decref(s);
  }
}

export const BuiltinFunctionType = makeType('builtin_function_or_method', null, TypeFlags.HAVE_GC, 56);
// (m_weakreflist)
BuiltinFunctionType.weakrefable = true;
// (object.ts settleShape: callChecksRecursion's first `level`, a bound builtin's dealloc)
settleShape(new PyBuiltinFunction(BuiltinFunctionType, '', () => null as never, null, null, ''), ['level', 'self']);
// sizeof(PyMethodDescrObject) = PyDescr_COMMON (40) + d_method + vectorcall; PyWrapperDescrObject:
// + d_base + d_wrapped; PyGetSetDescrObject / PyMemberDescrObject: + one pointer (descrobject.h)
export const MethodDescriptorType = makeType('method_descriptor', null, TypeFlags.HAVE_GC | TypeFlags.METHOD_DESCRIPTOR, 56);
/** slot wrappers (`list.__add__`); bound to an instance they give a method-wrapper (objects/method_wrapper.ts) */
export const WrapperDescriptorType = makeType('wrapper_descriptor', null, TypeFlags.HAVE_GC | TypeFlags.METHOD_DESCRIPTOR, 56);
export const ClassMethodDescriptorType = makeType('classmethod_descriptor', null, TypeFlags.HAVE_GC, 56);

/** A data descriptor implemented natively (getset_descriptor / member_descriptor). */
export class PyGetSet extends PyObject {
  constructor(
    type: PyType,
    public name: string,
    public owner: PyType,
    public get: (o: PyObject) => PyObject,
    public set: ((o: PyObject, v: PyObject | null) => void) | null,
  ) {
    super(type);
  }
  /** descr_traverse: d_type (only heap types' descriptors are ever freed) */
  override traverse(visit: Visit): void {
    if (this.owner.flags & TypeFlags.HEAPTYPE) visit(this.owner, Edge.OTHER, '__objclass__');
  }
  override dealloc(): void {
    if (this.owner.flags & TypeFlags.HEAPTYPE) decref(this.owner);
  }
}
export const GetSetDescriptorType = makeType('getset_descriptor', null, TypeFlags.HAVE_GC, 48);
export const MemberDescriptorType = makeType('member_descriptor', null, TypeFlags.HAVE_GC, 48);
