// memoryview over bytes and bytearray (Objects/memoryobject.c), one-dimensional with format 'B':
// a memoryview holds a managed buffer (the exporter's master buffer: one reference to the
// object, one export of a bytearray) shared by every view made from it; slicing makes a view of
// the same memory.

import { PyObject, PyType, TypeFlags, Edge, newRef, decref, incref, xdecref, addressOf, type Visit } from '../object';
import { makeType } from '../types';
import { defGetter, typeDict, argParserInit } from '../define';
import * as abs from '../abstract';
import { PyInt, newInt, newBool } from './int';
import { newStr } from './str';
import { newTuple, gcNewTracked } from './tuple';
import { newList } from './list';
import { PySlice, PySeqIter, newSeqIter } from './misc';
import { None, NotImplemented } from './singletons';
import { raise, typeError } from '../errors';
import * as E from './exception';
import { def, def0, defBin, defUn, hasIndex, sliceIndices } from './common_methods';
import { PyBytes, BytesType, ByteArrayType, newBytes, addBufferExporter } from './bytes';
import { hashBytes } from '../primitives/hash';

export const ManagedBufferType = makeType('managedbuffer', null, TypeFlags.HAVE_GC, 112);
export const MemoryViewType = makeType('memoryview', null, TypeFlags.HAVE_GC, 168);
export const MemoryIterType = makeType('memory_iterator', null, TypeFlags.HAVE_GC, 48);

/** _PyManagedBufferObject: the exporter's buffer, released when its last view is */
export class PyManagedBuffer extends PyObject {
  /** views registered on it (mbuf->exports) */
  exports = 0;
  released = false;
  constructor(public obj: PyObject | null) {
    super(ManagedBufferType);
  }
  override traverse(visit: Visit): void {
    if (this.obj) visit(this.obj, Edge.OTHER, 'obj');
  }
  /** mbuf_release: PyBuffer_Release of the master buffer */
  release(): void {
    if (this.released) return;
    this.released = true;
    const o = this.obj;
    this.obj = null;
    if (o instanceof PyBytes) o.exports--;
    xdecref(o);
  }
  override dealloc(): void {
    this.release();
  }
  override clear(): void {
    this.release();
  }
}

export class PyMemoryView extends PyObject {
  released = false;
  /** buffers exported from this view (self->exports) */
  exports = 0;
  constructor(
    public mbuf: PyManagedBuffer | null,
    /** view.obj (borrowed: the managed buffer holds the reference) */
    public obj: PyObject,
    public start: number,
    public step: number,
    public length: number,
    public readonly: boolean,
  ) {
    super(MemoryViewType);
  }
  override traverse(visit: Visit): void {
    if (this.mbuf) visit(this.mbuf, Edge.OTHER, 'managed buffer');
  }
  /** _memory_release */
  releaseView(): void {
    if (this.released) return;
    this.released = true;
    const m = this.mbuf;
    if (m && --m.exports === 0) m.release();
  }
  override dealloc(): void {
    this.releaseView();
    const m = this.mbuf;
    this.mbuf = null;
    xdecref(m);
  }
  override clear(): void {
    this.releaseView();
    const m = this.mbuf;
    this.mbuf = null;
    xdecref(m);
  }
  /** the bytes currently seen through the view */
  bytes(): Uint8Array {
    const v = (this.obj as PyBytes).v;
    if (this.step === 1) return v.subarray(this.start, this.start + this.length);
    const r = new Uint8Array(this.length);
    for (let i = 0, j = this.start; i < this.length; i++, j += this.step) r[i] = v[j];
    return r;
  }
}

function checkReleased(m: PyMemoryView): void {
  if (m.released || (m.mbuf && m.mbuf.released)) raise(E.ValueError, 'operation forbidden on released memoryview object');
}

/** mbuf_add_view / mbuf_add_incomplete_view: a new view registered on the managed buffer */
function newView(mbuf: PyManagedBuffer, obj: PyObject, start: number, step: number, length: number, readonly: boolean): PyMemoryView {
  incref(mbuf);
  mbuf.exports++;
  const m = new PyMemoryView(mbuf, obj, start, step, length, readonly);
  gcNewTracked(m);
  return m;
}

/** PyMemoryView_FromObject */
export function memoryviewFrom(o: PyObject): PyMemoryView {
  if (o instanceof PyMemoryView) {
    checkReleased(o);
    return newView(o.mbuf!, o.obj, o.start, o.step, o.length, o.readonly);
  }
  if (!(o instanceof PyBytes)) typeError(`memoryview: a bytes-like object is required, not '${o.type.name}'`);
  // _PyManagedBuffer_FromObject: PyObject_GetBuffer (a bytearray counts an export)
  incref(o);
  o.exports++;
  const mbuf = new PyManagedBuffer(o);
  gcNewTracked(mbuf);
  try {
    return newView(mbuf, o, 0, 1, o.v.length, !o.type.isSubtype(ByteArrayType));
  } finally {
    decref(mbuf);
  }
}

let installed = false;

export function installMemoryView(): void {
  if (installed) return;
  installed = true;
  const T = MemoryViewType;
  const mv = (o: PyObject) => {
    const m = o as PyMemoryView;
    checkReleased(m);
    return m;
  };
  // PyObject_GetBuffer on a memoryview: its bytes (the buffer protocol's users in bytes.ts)
  addBufferExporter((o) => (o instanceof PyMemoryView ? mv(o).bytes() : null));
  // memoryview(object): no tp_vectorcall in 3.11 (called through tp_call with an argument tuple)
  T.tpCallOnly = true;
  T.slots.new = (_t, args, kw) => {
    const npos = args.length - (kw ? kw.length : 0);
    let src: PyObject | undefined = npos > 0 ? args[0] : undefined;
    // the clinic parser's slow path builds its keyword tuple once
    if ((kw && kw.length) || npos !== 1) argParserInit('memoryview', ['object']);
    if (npos > 1) typeError(`memoryview() takes at most 1 argument (${args.length} given)`);
    for (let i = 0; i < (kw ? kw.length : 0); i++) {
      if (kw![i] !== 'object') typeError(`'${kw![i]}' is an invalid keyword argument for memoryview()`);
      if (src !== undefined) typeError(`argument for memoryview() given by name ('object') and position (1)`);
      src = args[npos + i];
    }
    if (src === undefined) typeError(`memoryview() missing required argument 'object' (pos 1)`);
    return memoryviewFrom(src);
  };
  T.slots.repr = (o) => {
    const m = o as PyMemoryView;
    const hex = `0x${addressOf(o).toString(16)}`;
    return m.released ? `<released memory at ${hex}>` : `<memory at ${hex}>`;
  };
  T.slots.len = (o) => mv(o).length;
  T.slots.hash = (o) => {
    const m = mv(o);
    if (!m.readonly) raise(E.ValueError, 'cannot hash writable memoryview object');
    return hashBytes(m.bytes().slice());
  };
  defUn(T, '__len__', (self) => newInt(mv(self).length));
  defBin(T, '__getitem__', (self, k) => {
    const m = mv(self);
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, m.length);
      return newView(m.mbuf!, m.obj, m.start + start * m.step, m.step * step, n, m.readonly);
    }
    if (!(k instanceof PyInt) && !hasIndex(k)) typeError('memoryview: invalid slice key');
    return newInt((m.obj as PyBytes).v[m.start + viewIndex(m, k) * m.step]);
  });
  def(T, '__setitem__', (self, args, kw) => {
    if (kw && kw.length) typeError('wrapper __setitem__() takes no keyword arguments');
    if (args.length !== 2) typeError(`expected 2 arguments, got ${args.length}`);
    assign(mv(self), args[0], args[1]);
    return newRef(None);
  });
  defBin(T, '__delitem__', (self) => {
    const m = mv(self);
    if (m.readonly) typeError('cannot modify read-only memory');
    typeError('cannot delete memory');
  });
  // memory_richcompare: equal contents of any two buffers (format 'B'); a released view
  // equals only itself
  const eq = (self: PyObject, o: PyObject): boolean | null => {
    const m = self as PyMemoryView;
    if (o === self) return true;
    if (m.released || (o instanceof PyMemoryView && o.released)) return false;
    let b: Uint8Array;
    if (o instanceof PyMemoryView) b = o.bytes();
    else if (o instanceof PyBytes) b = o.v;
    else return null;
    const a = m.bytes();
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  defBin(T, '__eq__', (self, o) => {
    const r = eq(self, o);
    return r === null ? newRef(NotImplemented) : newBool(r);
  });
  defBin(T, '__ne__', (self, o) => {
    const r = eq(self, o);
    return r === null ? newRef(NotImplemented) : newBool(!r);
  });
  defUn(T, '__iter__', (self) => newSeqIter(MemoryIterType, mv(self)));
  MemoryIterType.slots.iter = (o) => newRef(o);
  MemoryIterType.slots.next = (o) => {
    const s = o as PySeqIter;
    const m = s.seq as PyMemoryView | null;
    if (!m) return null;
    checkReleased(m);
    if (s.index >= m.length) {
      s.exhaust();
      return null;
    }
    return newInt((m.obj as PyBytes).v[m.start + s.index++ * m.step]);
  };
  // memoryview.tobytes(order='C'), tolist(), hex(), toreadonly(), release()
  def(T, 'tobytes', (self, args, kw) => {
    const m = mv(self);
    const npos = args.length - (kw ? kw.length : 0);
    if (args.length > 1) typeError(`tobytes() takes at most 1 argument (${args.length} given)`);
    for (let i = 0; i < (kw ? kw.length : 0); i++) if (kw![i] !== 'order') typeError(`'${kw![i]}' is an invalid keyword argument for tobytes()`);
    const order = args.length ? args[npos > 0 ? 0 : npos] : None;
    if (order !== None) {
      const s = abs.str(order);
      if (!['C', 'F', 'A'].includes(s)) raise(E.ValueError, "order must be 'C', 'F' or 'A'");
    }
    return newBytes(m.bytes().slice());
  });
  def0(T, 'tolist', (self) => {
    const m = mv(self);
    return newList(Array.from(m.bytes(), (c) => newInt(c)));
  });
  def(T, 'hex', (self, args, kw) => {
    const m = mv(self);
    const tmp = newBytes(m.bytes().slice());
    try {
      const h = typeDict(BytesType).getItem(abs.nameKeyObj('hex'))!;
      return abs.callMethodObj(h, tmp, args, kw);
    } finally {
      decref(tmp);
    }
  });
  def0(T, 'toreadonly', (self) => {
    const m = mv(self);
    return newView(m.mbuf!, m.obj, m.start, m.step, m.length, true);
  });
  // memory_release: a view with exports of its own cannot be released
  def0(T, 'release', (self) => {
    const m = self as PyMemoryView;
    if (m.exports > 0) raise(E.BufferError, `memoryview has ${m.exports} exported buffer${m.exports === 1 ? '' : 's'}`);
    m.releaseView();
    return newRef(None);
  });
  def0(T, '__enter__', (self) => newRef(mv(self)));
  def(T, '__exit__', (self) => {
    (self as PyMemoryView).releaseView();
    return newRef(None);
  });
  defGetter(T, 'obj', (o) => newRef(mv(o).obj));
  defGetter(T, 'nbytes', (o) => newInt(mv(o).length));
  defGetter(T, 'readonly', (o) => newBool(mv(o).readonly));
  defGetter(T, 'itemsize', (o) => (mv(o), newInt(1)));
  defGetter(T, 'format', (o) => (mv(o), newStr('B')));
  defGetter(T, 'ndim', (o) => (mv(o), newInt(1)));
  defGetter(T, 'shape', (o) => newTuple([newInt(mv(o).length)]));
  defGetter(T, 'strides', (o) => newTuple([newInt(mv(o).step)]));
  defGetter(T, 'suboffsets', (o) => (mv(o), newTuple([])));
  const contiguous = (o: PyObject) => {
    const m = mv(o);
    return newBool(m.step === 1 || m.length <= 1);
  };
  defGetter(T, 'c_contiguous', contiguous);
  defGetter(T, 'f_contiguous', contiguous);
  defGetter(T, 'contiguous', contiguous);
}

/** an index into a one-dimensional view ("index out of bounds on dimension 1") */
function viewIndex(m: PyMemoryView, k: PyObject): number {
  let i = abs.index(k);
  if (typeof i === 'bigint') raise(E.IndexError, `cannot fit '${k.type.name}' into an index-sized integer`);
  if (i < 0) i += m.length;
  if (i < 0 || i >= m.length) raise(E.IndexError, 'index out of bounds on dimension 1');
  return i;
}

/** memory_ass_sub: a byte value at an index, or a buffer of the slice's length */
function assign(m: PyMemoryView, k: PyObject, v: PyObject): void {
  if (m.readonly) typeError('cannot modify read-only memory');
  const buf = (m.obj as PyBytes).v;
  if (k instanceof PySlice) {
    const [start, , step, n] = sliceIndices(k, m.length);
    let src: Uint8Array;
    if (v instanceof PyMemoryView) {
      checkReleased(v);
      src = v.bytes().slice();
    } else if (v instanceof PyBytes) src = v.v.slice();
    else typeError(`a bytes-like object is required, not '${v.type.name}'`);
    if (src.length !== n) raise(E.ValueError, 'memoryview assignment: lvalue and rvalue have different structures');
    for (let i = 0, j = m.start + start * m.step; i < n; i++, j += step * m.step) buf[j] = src[i];
    return;
  }
  if (!(k instanceof PyInt) && !hasIndex(k)) typeError('memoryview: invalid slice key');
  const i = viewIndex(m, k);
  // pack_single for format 'B'
  if (!(v instanceof PyInt) && !hasIndex(v)) typeError("memoryview: invalid type for format 'B'");
  const x = abs.index(v);
  if (typeof x === 'bigint' || x < 0 || x > 255) raise(E.ValueError, "memoryview: invalid value for format 'B'");
  buf[m.start + i * m.step] = x;
}
