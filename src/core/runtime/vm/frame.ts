// Frames (Include/internal/pycore_frame.h _PyInterpreterFrame, Objects/frameobject.c).
//
// A frame is not a heap object while it only runs (3.11: frames live on a per-thread stack).
// It becomes one ("materialized") when a traceback, sys._getframe() or a generator refers to
// it; after its function returns, a materialized frame keeps its locals alive.

import { PyObject, TypeFlags, Edge, decref, xdecref, heap, type Visit } from '../object';
import { makeType } from '../types';
import type { PyCode, PyFunction } from '../objects/function';
import type { PyDict } from '../objects/dict';

export const FrameType = makeType('frame', null, TypeFlags.HAVE_GC, 120, 8);
FrameType.liveWhenMaterialized = true;

let frameShapeSettled = false;

export class Frame extends PyObject {
  /** localsplus: fast locals, then cells, then free variables (owned) */
  fast: (PyObject | null)[];
  /** value stack (owned entries below sp) */
  stack: (PyObject | null)[];
  sp = 0;
  /** index of the next instruction */
  pc = 0;
  back: Frame | null = null;
  /** a materialized frame is a heap object (rc counts its holders) */
  materialized = false;
  /** the function has returned (or the generator finished) */
  done = false;
  /** the frame is executing */
  running = false;
  /** for generators: the frame yielded (as opposed to returned) */
  yielded = false;
  /** the value a compiled body or loop returned (jit.ts RETURN_VALUE; evalLoop takes it) */
  ret: PyObject | null = null;
  /** the generator that owns this frame, if any */
  gen: PyObject | null = null;
  /** made by newFrame: may be reused once the call finished */
  pooled = false;
  /** f_back of a frame object that outlived its call (owned; take_ownership links it) */
  backRef: Frame | null = null;
  constructor(
    public code: PyCode,
    /** f_func (owned): the function being run, or null for module/exec frames */
    public func: PyFunction | null,
    public globals: PyDict,
    public builtins: PyDict,
    /** f_locals (owned) for module and class bodies: a dict, or any mapping a metaclass's
     * __prepare__ returned */
    public locals: PyObject | null,
  ) {
    super(FrameType);
    this.rc = 0;
    code.rc++;
    this.fast = code.fastTmpl.slice();
    this.stack = code.stackTmpl.slice();
    if (!frameShapeSettled) {
      // (see function.ts settleCodeShape: the first generator's frame would write `gen`)
      frameShapeSettled = true;
      this.gen = this;
      this.gen = null;
    }
  }

  get lasti(): number {
    return this.pc - 1;
  }

  /** f_lineno: the line of the instruction the frame is at — while it runs, pc is that
   * instruction (a call out of it is under way); once it returned, yielded or raised, pc is the
   * one after */
  get lineno(): number {
    const i = Math.max(0, this.running ? this.pc : this.pc - 1);
    const l = this.code.unit.lines;
    for (let j = i; j >= 0; j--) if (l[j] >= 0) return l[j];
    return this.code.unit.firstlineno;
  }

  /** Every reference this frame holds. */
  traverseContents(visit: Visit): void {
    const names = this.code.unit.localsplusNames;
    const f = this.fast;
    for (let i = 0; i < f.length; i++) if (f[i]) visit(f[i]!, Edge.LOCAL, names[i]);
    const s = this.stack;
    for (let i = 0; i < this.sp; i++) if (s[i]) visit(s[i]!, Edge.STACK, i);
    if (this.func) visit(this.func, Edge.OTHER, 'f_func');
    if (this.locals) visit(this.locals, Edge.OTHER, 'f_locals');
    visit(this.code, Edge.CODE, 'f_code');
  }

  override traverse(visit: Visit): void {
    // frame_traverse: f_back first, then the frame's contents
    if (this.backRef) visit(this.backRef, Edge.OTHER, 'f_back');
    this.traverseContents(visit);
  }

  /** _PyFrame_Clear: locals in slot order, then the stack, then the function */
  clearContents(): void {
    const f = this.fast;
    for (let i = 0; i < f.length; i++) {
      const v = f[i];
      if (v) {
        f[i] = null;
        decref(v);
      }
    }
    const s = this.stack;
    const sp = this.sp;
    this.sp = 0;
    for (let i = 0; i < sp; i++) {
      const v = s[i];
      s[i] = null;
      xdecref(v);
    }
    const loc = this.locals;
    this.locals = null;
    xdecref(loc);
    const fn = this.func;
    this.func = null;
    xdecref(fn);
  }

  /** frame_tp_clear (only for frames that finished) */
  override clear(): void {
    if (this.done) this.clearContents();
  }
  /** the frame object died: an executing frame keeps its contents (they belong to the run) */
  override dealloc(): void {
    this.materialized = false;
    const back = this.backRef;
    this.backRef = null;
    if (this.done) {
      this.clearContents();
      decref(this.code);
    }
    // frame_dealloc: Py_CLEAR(f->f_back) after the frame's own data
    if (back) decref(back);
  }
}

/** Make the frame an object (PyFrameObject) and return a new reference to it. */
export function materialize(f: Frame): Frame {
  // the references are taken before the gc allocation, which may run a collection
  f.rc++;
  if (!f.materialized) {
    f.materialized = true;
    f.pooled = false; // an object once: never reused, even after the object died
    if (heap.live) heap.live.add(f);
    // _PyFrame_GetFrameObject: the interpreter frame keeps a strong reference (frame_obj)
    // until it is cleared
    if (!f.done) f.rc++;
    // _PyFrame_New_NoTrack: a gc allocation (counted), tracked only once the frame object
    // outlives its call (take_ownership)
    frameGcHook(f, f.done);
  }
  return f;
}
/** frame.f_back (PyFrame_GetBack): the linked frame object of a frame that outlived its call,
 * else the calling frame while this one runs (made an object), else null. A new reference. */
export function frameBack(f: Frame): Frame | null {
  if (f.backRef) {
    f.backRef.rc++;
    return f.backRef;
  }
  return f.back && !f.done ? materialize(f.back) : null;
}

/** _PyFrame_Clear's take_ownership: a frame object that others still hold when its call ends
 * links its caller's frame object (made one now) as f_back, and gc tracks it from now on. */
export function takeOwnership(f: Frame, caller: Frame | null): void {
  if (caller !== null && f.backRef === null) f.backRef = materialize(caller);
  frameTrackHook(f);
}

let frameGcHook: (f: Frame, track: boolean) => void = () => {};
let frameTrackHook: (f: Frame) => void = () => {};
export function setFrameGcHook(h: (f: Frame, track: boolean) => void, track: (f: Frame) => void): void {
  frameGcHook = h;
  frameTrackHook = track;
}

// Frames of finished calls are kept per code object and reused (CPython 3.11 keeps interpreter
// frames in a per-thread data stack, _PyThreadState_PushFrame, and allocates none per call).
// A frame that became an object (traceback, sys._getframe, generator) is never reused, nor one
// that got an address; nor while the editor watches frames (frame exit hooks, or a live-object
// set that is not a plain Set: the session's gives every object its id() at creation, so a reused
// frame would change the addresses later objects get).
const POOL_MAX = 16;
function poolable(): boolean {
  const live = heap.live;
  return live === null || live.constructor === Set;
}

/** A frame for a call of func (owned: the reference moves in) with no f_locals. */
export function newFrame(code: PyCode, func: PyFunction, globals: PyDict, builtins: PyDict): Frame {
  const pool = code.framePool as Frame[];
  if (pool.length !== 0 && poolable()) {
    const f = pool.pop()!;
    code.rc++;
    f.rc = 0;
    f.func = func;
    f.globals = globals;
    f.builtins = builtins;
    f.pc = 0;
    f.done = false;
    return f;
  }
  const f = new Frame(code, func, globals, builtins, null);
  f.pooled = true;
  return f;
}

/** The call that ran f finished (finishFrame was called): keep f for reuse if nothing refers to
 * it. The caller does not call this while the editor's frame hooks watch (vmState.onFrameExit). */
export function releaseFrame(f: Frame): void {
  if (!f.pooled || f.materialized || f.addr !== 0 || f.weakrefs !== null || f.gen !== null || !poolable()) return;
  const pool = f.code.framePool as Frame[];
  if (pool.length >= POOL_MAX) return;
  // clearContents left fast, the stack below sp, f_func and f_locals empty
  f.back = null;
  f.running = false;
  f.yielded = false;
  pool.push(f);
}
