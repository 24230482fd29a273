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
// (as int.ts: a float whose value is a Smi, then a double, then a write to `v` as newFloat's
// reuse does, takes PyFloat's map changes before any code is optimised)
{
  const o = new PyFloat(FloatType, 0);
  o.v = 0.5;
  o.v = 1.5;
}
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
