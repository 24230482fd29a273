// The refcount audit: every live object's count must equal the references actually held
// (containers, frames, stacks, cells, globals, code constants, the script arena, the
// interpreter's own roots), and nothing freed may still be referenced.

import { PyObject, heap, Edge, traverseFull } from './object';
import { None, NotImplemented, Ellipsis } from './objects/singletons';
import { True, False } from './objects/int';

const SHARED_THRESHOLD = 100_000_000;

export interface AuditRoot {
  name: string;
  visit(v: (o: PyObject) => void): void;
}

export interface AuditProblem {
  object: PyObject;
  rc: number;
  expected: number;
}

function isShared(o: PyObject): boolean {
  return o.rc >= SHARED_THRESHOLD || o === None || o === True || o === False || o === NotImplemented || o === Ellipsis;
}

/** Check the whole heap; returns the mismatches (empty when all counts are right). */
export function auditHeap(roots: AuditRoot[]): { problems: AuditProblem[]; freedReachable: PyObject[] } {
  const live = heap.live;
  if (!live) return { problems: [], freedReachable: [] };
  const expected = new Map<PyObject, number>();
  const freed: PyObject[] = [];
  const count = (o: PyObject) => {
    if (o.rc <= 0 && !isShared(o)) freed.push(o);
    expected.set(o, (expected.get(o) ?? 0) + 1);
  };
  for (const o of live) traverseFull(o, (c: PyObject, _e: Edge) => count(c));
  for (const r of roots) r.visit(count);
  const problems: AuditProblem[] = [];
  for (const o of live) {
    if (isShared(o)) continue;
    const e = expected.get(o) ?? 0;
    if (e !== o.rc) problems.push({ object: o, rc: o.rc, expected: e });
  }
  return { problems, freedReachable: freed };
}
