// int, bool (Objects/longobject.c, Objects/boolobject.c). Small ints -5..256 are shared.

import { PyObject, IMMORTAL_RC, TypeFlags, leanLayout, type PyType } from '../object';
import { makeType } from '../types';
import type { Int } from '../numeric';
import { SMALL_INT_START_COUNTS } from '../startints';

export class PyInt extends PyObject {
  constructor(
    type: PyType,
    public v: Int,
  ) {
    super(type === IntType ? undefined : type);
  }
}

export const IntType = makeType('int', null, TypeFlags.BASETYPE | TypeFlags.LONG_SUBCLASS, 24, 4);
export const BoolType = makeType('bool', IntType, TypeFlags.LONG_SUBCLASS, 24, 4);
BoolType.flags &= ~TypeFlags.BASETYPE;
// an exact int holds nothing and cannot be weakly referenced: destroy() only zeroes its count
IntType.plainDealloc = true;
IntType.lazyLeaf = true;
/** exact ints freed (destroy): newInt hands them out again */
const intPool: PyInt[] = [];
IntType.freePool = intPool;
// an exact int is lean (bool's two objects carry their own type)
leanLayout(PyInt, IntType);

const SMALL_MIN = -5;
const SMALL_MAX = 256;
const small: PyInt[] = [];
for (let i = SMALL_MIN; i <= SMALL_MAX; i++) {
  const o = new PyInt(IntType, i);
  o.rc = IMMORTAL_RC + 100;
  small.push(o);
}
/** The small ints' counts as a script starts (startints.ts: 999999999, their static count, plus
 * the start-up's references), again for each run. */
export function resetSmallIntCounts(): void {
  for (let i = 0; i < small.length; i++) small[i].rc = 999_999_999 + SMALL_INT_START_COUNTS[i];
}
resetSmallIntCounts();

// V8 keeps on an object's map whether each field was ever written after construction: newInt's
// first reuse of a pooled int (a write to `v`) would change that for PyInt while evalLoop is being
// compiled or is optimised, which drops the compile or deoptimizes it. A throwaway int takes the
// write now. (The value stays a small int: a double or BigInt here would make every int's `v`
// a tagged field for programs that never leave 31 bits.)
{
  const o = new PyInt(IntType, 0);
  o.v = 1;
}

export const False = new PyInt(BoolType, 0);
export const True = new PyInt(BoolType, 1);
False.rc = IMMORTAL_RC / 1000;
True.rc = IMMORTAL_RC / 1000;

/** A new reference to an int with value v (PyLong_FromLong). */
export function newInt(v: Int): PyInt {
  if (typeof v === 'number') {
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
      const o = small[v - SMALL_MIN];
      o.rc++;
      return o;
    }
  }
  const o = intPool.pop();
  if (o !== undefined) {
    o.rc = 1;
    o.v = v;
    return o;
  }
  return new PyInt(IntType, v);
}

export function isSmallInt(o: PyObject): boolean {
  return o instanceof PyInt && o.type === IntType && typeof o.v === 'number' && o.v >= SMALL_MIN && o.v <= SMALL_MAX;
}

export function newBool(b: boolean): PyInt {
  const o = b ? True : False;
  o.rc++;
  return o;
}

/** sys.getsizeof(int): 24 + 4 per extra 30-bit digit (0 is 24 in 3.11). */
export function intSizeof(v: Int): number {
  // a safe integer has at most two 30-bit digits
  if (typeof v === 'number') return v < 1073741824 && v > -1073741824 ? 28 : 32;
  let x = typeof v === 'bigint' ? (v < 0n ? -v : v) : BigInt(Math.abs(v));
  if (x === 0n) return 28; // long_sizeof: Py_MAX(Py_ABS(Py_SIZE(self)), 1) digits
  let digits = 0;
  while (x > 0n) {
    x >>= 30n;
    digits++;
  }
  return 24 + 4 * digits;
}
