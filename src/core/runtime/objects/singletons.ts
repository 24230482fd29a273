// None, NotImplemented, Ellipsis (Objects/object.c, Objects/sliceobject.c)

import { PyObject, IMMORTAL_RC } from '../object';
import { makeType } from '../types';

export const NoneType = makeType('NoneType', null, 0, 16);
export const NotImplementedType = makeType('NotImplementedType', null, 0, 16);
export const EllipsisType = makeType('ellipsis', null, 0, 16);

export const None = new PyObject(NoneType);
None.rc = 5500;
export const NotImplemented = new PyObject(NotImplementedType);
NotImplemented.rc = IMMORTAL_RC / 1000;
export const Ellipsis = new PyObject(EllipsisType);
Ellipsis.rc = IMMORTAL_RC / 1000;

export function newNone(): PyObject {
  None.rc++;
  return None;
}
