// Installs the methods of the builtin types (one file per type: *_methods.ts), their `__new__`
// (tp_new_wrapper).

import { PyObject, PyType } from '../object';
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
import { installDescriptorSlots } from './method_wrapper';
import { installSizeof } from '../sizes';

/** `T.__new__(cls, *args)` as CPython's tp_new_wrapper exposes it. */
function defNew(T: PyType): void {
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
  installDescriptorSlots();
  installSizeof();
  for (const T of [IntType, BoolType, FloatType, StrType, TupleType, ListType, DictType, SetType, FrozenSetType]) defNew(T);
}
