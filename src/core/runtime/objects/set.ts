// set and frozenset (Objects/setobject.c) over ../tables/settable.ts.

import { PyObject, TypeFlags, Edge, incref, decref, type PyType, type Visit } from '../object';
import { makeType } from '../types';
import { SetTable, type SetKeyOps } from '../tables/settable';
import { gcNewTracked } from './tuple';
import * as abs from '../abstract';

export const setOps: SetKeyOps<PyObject> = {
  eq: (a, b) => abs.richCompareBool(a, b, abs.Cmp.EQ),
  retain: incref,
  release: decref,
};

export class PySet extends PyObject {
  hashCache: number | bigint | undefined = undefined;
  constructor(
    type: PyType,
    public t: SetTable<PyObject> = new SetTable(setOps),
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    for (const k of this.t.keys()) visit(k, Edge.SET_ITEM, null);
  }
  /** set_dealloc: table order */
  override dealloc(): void {
    const keys = this.t.keys();
    this.t = new SetTable(setOps);
    for (const k of keys) decref(k);
  }
  override clear(): void {
    this.dealloc();
  }
  add(k: PyObject): void {
    this.t.add(k, abs.hash(k));
  }
  has(k: PyObject): boolean {
    return this.t.contains(k, abs.hash(k));
  }
}

export const SetType = makeType('set', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 200);
SetType.weakrefable = true;
export const FrozenSetType = makeType('frozenset', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 200);
FrozenSetType.weakrefable = true;

export function newSet(type: PyType = SetType, t?: SetTable<PyObject>): PySet {
  const s = new PySet(type, t);
  gcNewTracked(s);
  return s;
}
