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
// an exact float holds nothing and cannot be weakly referenced: destroy() zeroes its count and
// keeps it for newFloat (float_dealloc's free list)
FloatType.plainDealloc = true;
FloatType.lazyLeaf = true;
const floatPool: PyFloat[] = [];
FloatType.freePool = floatPool;

export function newFloat(v: number): PyFloat {
  const o = floatPool.pop();
  if (o !== undefined) {
    o.rc = 1;
    o.v = v;
    return o;
  }
  return new PyFloat(FloatType, v);
}
