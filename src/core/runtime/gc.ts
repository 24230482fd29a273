// The cyclic garbage collector's bookkeeping (Modules/gcmodule.c of 3.11): generations,
// allocation counting and tracking. The collection algorithm itself is added by the gc issue;
// until then `collect` is not available and no automatic collection runs.

import { PyObject, TypeFlags, heap } from './object';
import { profile } from './profile';

export interface GCState {
  /** generation lists; Set keeps insertion order like gc's doubly linked lists */
  gens: [Set<PyObject>, Set<PyObject>, Set<PyObject>];
  count: [number, number, number];
  threshold: [number, number, number];
  enabled: boolean;
  collecting: boolean;
  /** number of gc objects allocated (for the status line) */
  allocations: number;
}

export const gcState: GCState = {
  gens: [new Set(), new Set(), new Set()],
  count: [0, 0, 0],
  threshold: [700, 10, 10],
  enabled: true,
  collecting: false,
  allocations: 0,
};

/** _PyObject_GC_Link (+ _PyObject_GC_TRACK when `track`): a fresh gc object. */
export function gcNewObject(o: PyObject, track: boolean): void {
  gcState.count[0]++;
  gcState.allocations++;
  if (track) gcTrackObject(o);
}

export function gcTrackObject(o: PyObject): void {
  if (o.gcGen >= 0) return;
  o.gcGen = 0;
  gcState.gens[0].add(o);
}

export function gcUntrackObject(o: PyObject): void {
  if (o.gcGen < 0) return;
  gcState.gens[o.gcGen].delete(o);
  o.gcGen = -1;
}

/** PyObject_GC_Del: a gc object's memory is released. */
function onFree(o: PyObject): void {
  if (o.gcGen >= 0) gcUntrackObject(o);
  if (o.type.flags & TypeFlags.HAVE_GC && gcState.count[0] > 0) gcState.count[0]--;
}
heap.onGcFree = onFree;

export function resetGC(): void {
  gcState.gens = [new Set(), new Set(), new Set()];
  gcState.count = [0, 0, 0];
  gcState.threshold = [...profile.gcThresholds];
  gcState.enabled = true;
  gcState.collecting = false;
  gcState.allocations = 0;
}
