// Installs the methods of the builtin types (one file per type: *_methods.ts), their `__new__`
// (tp_new_wrapper).

import { PyObject, PyType, decref } from '../object';
import { argsTuple, buildKwDict } from '../typeobject';
import { nameKeyObj } from '../abstract';
import { BytesType, ByteArrayType } from './bytes';
import { PyBuiltinFunction, BuiltinFunctionType } from '../types';
import { typeDict } from '../define';
import { typeError } from '../errors';
import { internStr } from './str';
import { IntType, BoolType } from './int';
import { FloatType } from './float';
import { StrType } from './str';
import { TupleType } from './tuple';
import { ListType } from './list';
import { DictType } from './dict';
import { SetType, FrozenSetType } from './set';
import { installListMethods } from './list_methods';
import { installTupleMethods } from './tuple_methods';
import { installDictMethods } from './dict_methods';
import { installStrMethods } from './str_methods';
import { installSetMethods } from './set_methods';
import { installIntMethods } from './int_methods';
import { installFloatMethods } from './float_methods';
import { installRangeSliceMethods } from './range_slice_methods';
import { installIterMethods } from './iter_methods';
import { installDescriptorSlots } from './method_wrapper';
import { installSizeof } from '../sizes';
import { installMappingProxy, MappingProxyType } from './mappingproxy';

/** `T.__new__(cls, *args)` as CPython's tp_new_wrapper exposes it. */
export function defNew(T: PyType): void {
  const fn = (args: PyObject[], kw: string[] | null): PyObject => {
    const npos = args.length - (kw ? kw.length : 0);
    if (npos < 1) typeError(`${T.name}.__new__(): not enough arguments`);
    const cls = args[0];
    if (!(cls instanceof PyType)) typeError(`${T.name}.__new__(X): X is not a type object (${cls.type.name})`);
    if (!cls.isSubtype(T)) typeError(`${T.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${T.name}`);
    return T.slots.new!(cls, args.slice(1), kw);
  };
  const f = new PyBuiltinFunction(BuiltinFunctionType, '__new__', fn, T, null, `${T.name}.__new__`);
  f.rc = 1_000_000_000;
  typeDict(T).setItem(internStr('__new__'), f);
  T.invalidate();
}

let installed = false;
export function installAllTypeMethods(): void {
  if (installed) return;
  installed = true;
  installListMethods();
  installTupleMethods();
  installDictMethods();
  installStrMethods();
  installSetMethods();
  installIntMethods();
  installFloatMethods();
  installRangeSliceMethods();
  installIterMethods();
  installDescriptorSlots();
  installSizeof();
  installMappingProxy();
  for (const T of [IntType, BoolType, FloatType, StrType, TupleType, ListType, DictType, SetType, FrozenSetType, MappingProxyType]) defNew(T);
}

// Methods that are METH_VARARGS (or METH_VARARGS | METH_KEYWORDS) in CPython 3.11: with no
// vectorcall, method_vectorcall_VARARGS(_KEYWORDS) packs the positional arguments into a tuple
// (_PyTuple_FromArray) and any keywords into a dict (_PyStack_AsDict), released after the call.
// Objects/unicodeobject.c, bytesobject.c, bytearrayobject.c, dictobject.c, setobject.c.
const VARARGS_METHODS: [PyType, string[]][] = [
  [StrType, ['count', 'find', 'rfind', 'index', 'rindex', 'startswith', 'endswith', 'format']],
  [BytesType, ['count', 'find', 'rfind', 'index', 'rindex', 'startswith', 'endswith']],
  [ByteArrayType, ['count', 'find', 'rfind', 'index', 'rindex', 'startswith', 'endswith']],
  [DictType, ['update']],
  [SetType, ['union', 'intersection', 'difference', 'update', 'intersection_update', 'difference_update']],
  [FrozenSetType, ['union', 'intersection', 'difference']],
];

let varargsInstalled = false;
/** Give the METH_VARARGS methods their argument tuple and keyword dict (after every type's
 * methods are installed). */
export function installVarargsMethods(): void {
  if (varargsInstalled) return;
  varargsInstalled = true;
  const seen = new Set<PyBuiltinFunction>();
  for (const [T, names] of VARARGS_METHODS) {
    for (const name of names) {
      const d = typeDict(T).getItem(nameKeyObj(name));
      if (!(d instanceof PyBuiltinFunction) || seen.has(d)) continue;
      seen.add(d);
      const f = d.fn;
      // METH_KEYWORDS: str.format (which builds its own keyword dict) and dict.update
      const keywords = (T === StrType && name === 'format') || (T === DictType && name === 'update');
      const ownDict = T === StrType && name === 'format';
      const funcstr = `${T.name}.${name}()`;
      d.fn = (args, kw, self) => {
        // method_check_args
        if (!keywords && kw && kw.length) typeError(`${funcstr} takes no keyword arguments`);
        const t = argsTuple(args, kw);
        const kd = kw && kw.length && !ownDict ? buildKwDict(args, kw) : null;
        try {
          return f(args, kw, self);
        } finally {
          decref(t);
          if (kd) decref(kd);
        }
      };
    }
  }
}
