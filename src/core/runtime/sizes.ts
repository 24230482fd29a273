// sys.getsizeof for CPython 3.11 on 64-bit Linux (each type's __sizeof__ + the gc header for gc
// objects).

import { PyObject, TypeFlags } from './object';
import { PyInt, intSizeof } from './objects/int';
import { PyStr, strSizeof } from './objects/str';
import { PyList } from './objects/list';
import { PyTuple } from './objects/tuple';
import { PyDict } from './objects/dict';
import { PySet } from './objects/set';
import { PyInstance } from './objects/instance';

const GC_HEAD = 16;

import { PyBytes, BytesType } from './objects/bytes';

export function getsizeof(o: PyObject): number {
  if (o instanceof PyBytes) return o.type === BytesType ? 33 + o.v.length : 56 + (o.v.length ? o.v.length + 1 : 0);
  const gc = o.type.flags & TypeFlags.HAVE_GC ? GC_HEAD : 0;
  if (o instanceof PyInt) return intSizeof(o.v);
  if (o instanceof PyStr) return strSizeof(o);
  if (o instanceof PyList) return 40 + 8 * o.allocated + gc;
  if (o instanceof PyTuple) return 24 + 8 * o.items.length + gc;
  if (o instanceof PyDict) return o.t.getsizeof();
  if (o instanceof PySet) return o.t.getsizeof();
  if (o instanceof PyInstance) return o.type.basicsize + gc;
  return o.type.basicsize + gc;
}
