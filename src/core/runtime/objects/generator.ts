// generator objects (Objects/genobject.c)

import { PyObject, Edge, TypeFlags, decref, settleShape, type Visit } from '../object';
import { makeType } from '../types';
import type { Frame } from '../vm/frame';

export const GeneratorType = makeType('generator', null, TypeFlags.HAVE_GC, 152);
GeneratorType.weakrefable = true;

export class PyGenerator extends PyObject {
  started = false;
  running = false;
  finished = false;
  /** gi_exc_state: the exception the generator's frame is handling (owned), kept while it is
   * suspended; the thread's state while it runs */
  excState: PyObject | null = null;
  /** the sub-iterator of a running `yield from`, if suspended in one (borrowed from the stack) */
  constructor(
    public frame: Frame,
    public name: string,
    public qualname: string,
  ) {
    super(GeneratorType);
  }
  override traverse(visit: Visit): void {
    if (this.excState !== null) visit(this.excState, Edge.OTHER, 'gi_exc_state');
    if (this.finished) return;
    if (this.frame.materialized) visit(this.frame, Edge.FRAME, 'gi_frame');
    else this.frame.traverseContents(visit);
  }
  override dealloc(): void {
    const f = this.frame;
    const x = this.excState;
    this.excState = null;
    if (x !== null) decref(x);
    if (this.finished) return;
    this.finished = true;
    if (f.done) return;
    f.done = true;
    if (f.materialized) {
      decref(f);
      return;
    }
    f.clearContents();
    decref(f.code);
  }
}

// (object.ts settleShape: gen_send_ex's first generator of a run)
settleShape(new PyGenerator(null as unknown as Frame, '', ''), ['started', 'running', 'finished']);
