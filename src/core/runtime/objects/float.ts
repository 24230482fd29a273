// float (Objects/floatobject.c)

import { PyObject, TypeFlags, leanLayout, type PyType } from '../object';
import { makeType } from '../types';

export class PyFloat extends PyObject {
  constructor(
    type: PyType,
    public v: number,
  ) {
    super(type === FloatType ? undefined : type);
  }
}
export const FloatType = makeType('float', null, TypeFlags.BASETYPE, 24);
leanLayout(PyFloat, FloatType);

export function newFloat(v: number): PyFloat {
  return new PyFloat(FloatType, v);
}
