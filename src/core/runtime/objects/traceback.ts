// traceback objects (Python/traceback.c PyTraceBack_Here)

import { PyObject, Edge, decref, xdecref, type Visit } from '../object';
import { makeType } from '../types';
import { TypeFlags } from '../object';
import type { Frame } from '../vm/frame';

export const TracebackType = makeType('traceback', null, TypeFlags.HAVE_GC, 40);

export class PyTraceback extends PyObject {
  constructor(
    public next: PyTraceback | null,
    /** owned reference to a materialized frame */
    public frame: Frame,
    public lasti: number,
    public lineno: number,
  ) {
    super(TracebackType);
  }
  override traverse(visit: Visit): void {
    if (this.next) visit(this.next, Edge.OTHER, 'tb_next');
    visit(this.frame, Edge.FRAME, 'tb_frame');
  }
  /** tb_dealloc: next, then frame */
  override dealloc(): void {
    const n = this.next;
    this.next = null;
    xdecref(n);
    decref(this.frame);
  }
}
