// Weak references (Objects/weakrefobject.c, CPython 3.11): weakref.ReferenceType (with Python
// subclasses such as KeyedRef / WeakMethod), weakref.ProxyType and weakref.CallableProxyType,
// the list of weak references every object carries (`PyObject.weakrefs`, in CPython's list
// order: the basic ref first, then the basic proxy, then the others, newest first),
// PyObject_ClearWeakRefs (run by `release()` through heap.clearWeakrefs), and the gc's
// handle_weakrefs (Modules/gcmodule.c).
//
// A weakref holds a strong reference to its callback only; `obj` is borrowed (wr_object).

import { PyObject, PyType, TypeFlags, Edge, heap, incref, decref, newRef, xdecref, addressOf, settleShape, type Visit, type ObjectSetView } from '../object';
import { makeType, inModule, tpName } from '../types';
import { PyBuiltinFunction, BuiltinFunctionType } from '../types';
import { defMethod, typeDict } from '../define';
import * as abs from '../abstract';
import { Cmp, BINOP_DUNDER } from '../abstract';
import { None, NotImplemented } from './singletons';
import { newBool, newInt } from './int';
import { newStr, internStr, PyStr } from './str';
import { PyFunction, PyMethod } from './function';
import { PyBaseException } from './exception';
import * as E from './exception';
import { raise, typeError } from '../errors';
import { gcNewObject } from '../gc';
import { newList } from './list';
import { writeUnraisable } from '../unraisable';
import { vmState } from '../vm/eval';

export const ReferenceType = makeType('ReferenceType', null, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 64);
inModule(ReferenceType, 'weakref');
export const ProxyType = makeType('ProxyType', null, TypeFlags.HAVE_GC, 64);
inModule(ProxyType, 'weakref');
export const CallableProxyType = makeType('CallableProxyType', null, TypeFlags.HAVE_GC, 64);
inModule(CallableProxyType, 'weakref');

export class PyWeakref extends PyObject {
  /** wr_object (borrowed); null once cleared (Py_None in CPython) */
  obj: PyObject | null;
  /** wr_callback (owned) */
  callback: PyObject | null;
  /** cached hash of the referent (-1 = not computed) */
  hashValue: number | bigint = -1;
  /** __slots__ values of Python subclasses (KeyedRef.key, WeakMethod's slots) */
  slotValues: (PyObject | null)[] | null = null;
  constructor(type: PyType, obj: PyObject, callback: PyObject | null) {
    super(type);
    this.obj = obj;
    this.callback = callback;
    if (type.slotNames) this.slotValues = type.slotNames.map(() => null);
  }
  override get ownSlots(): boolean {
    return true;
  }
  override getSlot(i: number): PyObject | null {
    const sv = this.slotValues;
    return sv === null ? null : sv[i];
  }
  override setSlot(i: number, v: PyObject | null): void {
    if (this.slotValues === null) this.slotValues = this.type.slotNames!.map(() => null);
    this.slotValues[i] = v;
  }
  /** gc_traverse: the heap type, slots, the callback */
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    const sv = this.slotValues;
    if (sv) {
      const names = this.type.slotNames!;
      for (let i = 0; i < sv.length; i++) if (sv[i]) visit(sv[i]!, Edge.SLOT, names[i]);
    }
    if (this.callback) visit(this.callback, Edge.OTHER, '__callback__');
  }
  /** subtype_dealloc (clear_slots) then weakref_dealloc (clear_weakref) */
  override dealloc(): void {
    const sv = this.slotValues;
    if (sv) {
      this.slotValues = null;
      for (let i = 0; i < sv.length; i++) xdecref(sv[i]);
    }
    clearWeakref(this);
  }
  /** weakref_tp_clear (+ subtype_clear's slots) */
  override clear(): void {
    const sv = this.slotValues;
    if (sv) {
      this.slotValues = sv.map(() => null);
      for (let i = 0; i < sv.length; i++) xdecref(sv[i]);
    }
    clearWeakref(this);
  }
}
// (object.ts settleShape: a run's first weak reference, cleared when its referent dies)
settleShape(new PyWeakref(ReferenceType, ReferenceType, null), ['obj', 'callback', 'hashValue']);

export function isWeakref(o: PyObject): o is PyWeakref {
  return o instanceof PyWeakref;
}
function isProxy(o: PyObject): boolean {
  return o.type === ProxyType || o.type === CallableProxyType;
}

// ------------------------------------------------------------------ the list
/** clear_weakref: unlink from the referent's list, drop the callback. */
function clearWeakref(wr: PyWeakref): void {
  const cb = wr.callback;
  unlink(wr);
  if (cb) {
    wr.callback = null;
    decref(cb);
  }
}
function unlink(wr: PyWeakref): void {
  const o = wr.obj;
  if (o) {
    const l = o.weakrefs;
    if (l) {
      const i = l.indexOf(wr);
      if (i >= 0) l.splice(i, 1);
      if (!l.length) o.weakrefs = null;
    }
    wr.obj = null;
  }
}
/** _PyWeakref_ClearRef: cleared, but the callback is kept. */
function clearRefKeepCallback(wr: PyWeakref): void {
  unlink(wr);
}

/** get_basic_refs */
function basicRefs(o: PyObject): { ref: PyWeakref | null; proxy: PyWeakref | null } {
  let ref: PyWeakref | null = null;
  let proxy: PyWeakref | null = null;
  const l = o.weakrefs;
  if (l && l.length) {
    let i = 0;
    let head = l[0] as PyWeakref;
    if (head.callback === null) {
      if (head.type === ReferenceType) {
        ref = head;
        head = l[++i] as PyWeakref;
      }
      if (head && head.callback === null && isProxy(head)) proxy = head;
    }
  }
  return { ref, proxy };
}
function insertHead(wr: PyWeakref, o: PyObject): void {
  if (!o.weakrefs) o.weakrefs = [];
  o.weakrefs.unshift(wr);
}
function insertAfter(wr: PyWeakref, prev: PyWeakref, o: PyObject): void {
  const l = o.weakrefs!;
  l.splice(l.indexOf(prev) + 1, 0, wr);
}

function checkWeakrefable(o: PyObject): void {
  if (!o.type.weakrefable) typeError(`cannot create weak reference to '${o.type.name}' object`);
}

function newWeakref(type: PyType, o: PyObject, callback: PyObject | null): PyWeakref {
  if (callback) incref(callback);
  const wr = new PyWeakref(type, o, callback);
  if (type.flags & TypeFlags.HEAPTYPE) incref(type);
  gcNewObject(wr, true);
  return wr;
}

/** weakref___new__ */
function weakrefNew(type: PyType, args: PyObject[], kw: string[] | null): PyObject {
  const npos = args.length - (kw ? kw.length : 0);
  if (npos < 1) typeError(`__new__ expected at least 1 argument, got ${npos}`);
  if (npos > 2) typeError(`__new__ expected at most 2 arguments, got ${npos}`);
  const o = args[0];
  let callback: PyObject | null = npos > 1 ? args[1] : null;
  checkWeakrefable(o);
  if (callback === None) callback = null;
  if (callback === null && type === ReferenceType) {
    const { ref } = basicRefs(o);
    if (ref) return newRef(ref);
  }
  const wr = newWeakref(type, o, callback);
  if (callback === null && type === ReferenceType) insertHead(wr, o);
  else {
    const { ref, proxy } = basicRefs(o);
    const prev = proxy ?? ref;
    if (prev) insertAfter(wr, prev, o);
    else insertHead(wr, o);
  }
  return wr;
}

/** PyWeakref_NewRef */
export function newRefTo(o: PyObject, callback: PyObject | null): PyObject {
  return weakrefNew(ReferenceType, callback ? [o, callback] : [o], null);
}

/** PyWeakref_NewProxy */
export function newProxy(o: PyObject, callback: PyObject | null): PyObject {
  checkWeakrefable(o);
  if (callback === None) callback = null;
  if (callback === null) {
    const { proxy } = basicRefs(o);
    if (proxy) return newRef(proxy);
  }
  const wr = newWeakref(isCallable(o) ? CallableProxyType : ProxyType, o, callback);
  const { ref, proxy } = basicRefs(o);
  const prev = callback === null ? ref : (proxy ?? ref);
  if (prev) insertAfter(wr, prev, o);
  else insertHead(wr, o);
  return wr;
}

function isCallable(o: PyObject): boolean {
  return o instanceof PyFunction || o instanceof PyBuiltinFunction || o instanceof PyMethod || o instanceof PyType || !!o.type.slots.call || abs.typeLookup(o.type, '__call__') !== null;
}

/** _PyWeakref_GetWeakrefCount */
export function getWeakrefCount(o: PyObject): number {
  return o.weakrefs ? o.weakrefs.length : 0;
}
/** The weak references to o (borrowed, list order). */
export function getWeakrefs(o: PyObject): PyObject[] {
  return o.weakrefs ? [...o.weakrefs] : [];
}

// ------------------------------------------------------------------ callbacks
/** handle_callback */
function handleCallback(wr: PyObject, callback: PyObject): void {
  const savedExc = vmState.excInfo;
  try {
    decref(abs.call(callback, [wr], null));
  } catch (e) {
    if (e instanceof PyBaseException) writeUnraisable(e, callback);
    else throw e;
  } finally {
    vmState.excInfo = savedExc;
  }
}

/** PyObject_ClearWeakRefs: o is being deallocated. */
export function clearWeakrefs(o: PyObject): void {
  let l = o.weakrefs;
  if (!l || !l.length) return;
  // the callback-less basic ref and proxy go first
  if ((l[0] as PyWeakref).callback === null) {
    clearWeakref(l[0] as PyWeakref);
    l = o.weakrefs;
    if (l && l.length && (l[0] as PyWeakref).callback === null) clearWeakref(l[0] as PyWeakref);
  }
  l = o.weakrefs;
  if (!l || !l.length) return;
  const count = l.length;
  if (count === 1) {
    const cur = l[0] as PyWeakref;
    const cb = cur.callback;
    cur.callback = null;
    clearWeakref(cur);
    if (cb) {
      if (cur.rc > 0) handleCallback(cur, cb);
      decref(cb);
    }
    return;
  }
  const todo: [PyWeakref | null, PyObject | null][] = [];
  const snapshot = [...l] as PyWeakref[];
  for (const cur of snapshot) {
    const cb = cur.callback;
    if (cur.rc > 0) {
      incref(cur);
      todo.push([cur, cb]);
    } else {
      todo.push([null, null]);
      xdecref(cb);
    }
    cur.callback = null;
    clearWeakref(cur);
  }
  for (const [wr, cb] of todo) if (cb && wr) handleCallback(wr, cb);
  // Py_DECREF(tuple): items in order
  for (const [wr, cb] of todo) {
    if (wr) decref(wr);
    if (cb) decref(cb);
  }
}

/**
 * handle_weakrefs (Modules/gcmodule.c, 3.11), first pass: every weakref in `unreachable` is
 * cleared (keeping its callback); every weak reference to an unreachable object is cleared
 * (_PyWeakref_ClearRef: it points to None afterwards) and, when it has a callback and is not
 * itself unreachable, it is returned — with a NEW reference to the weakref (the Py_INCREF(wr)
 * of the C code). The caller must, for each entry in order: call callback(wr) (errors go to
 * PyErr_WriteUnraisable(callback)), then decref(wr); the weakref was freed (++num_freed) when
 * its refcount went to zero. `unreachable` must iterate in the collector's list order.
 */
export function handleWeakrefsForGC(unreachable: ObjectSetView): { callbacks: [PyObject, PyObject][] } {
  const out: [PyObject, PyObject][] = [];
  const items = unreachable.items;
  for (let i = 0; i < items.length; i++) {
    const op = items[i];
    if (op instanceof PyWeakref) clearRefKeepCallback(op);
    let l = op.weakrefs;
    if (l === null || !op.type.weakrefable) continue;
    while (l && l.length) {
      const wr = l[0] as PyWeakref;
      clearRefKeepCallback(wr);
      l = op.weakrefs;
      if (wr.callback === null) continue;
      if (unreachable.has(wr)) continue;
      incref(wr);
      out.push([wr, wr.callback]);
    }
  }
  return { callbacks: out };
}

/** Call one gc weakref callback as handle_weakrefs' second pass does (does not decref wr). */
export function callWeakrefCallback(wr: PyObject, callback: PyObject): void {
  handleCallback(wr, callback);
}

// ------------------------------------------------------------------ the types' behaviour
function target(wr: PyObject): PyObject | null {
  return (wr as PyWeakref).obj;
}
function hex(o: PyObject): string {
  return '0x' + addressOf(o).toString(16);
}

/** PyWeakref_GET_OBJECT as a new reference (None when dead). */
export function weakrefTarget(wr: PyObject): PyObject {
  const o = target(wr);
  return newRef(o ?? None);
}

function proxyUnwrap(p: PyObject): PyObject {
  const o = target(p);
  if (!o) raise(E.ReferenceError, 'weakly-referenced object no longer exists');
  return o;
}

let installed = false;
export function installWeakrefs(): void {
  heap.clearWeakrefs = clearWeakrefs;
  // the collector's hook: pairs of new references (it decrefs both after the call)
  heap.gcWeakrefs = (u) =>
    handleWeakrefsForGC(u).callbacks.map(([wr, cb]) => {
      incref(cb);
      return [wr, cb] as [PyObject, PyObject];
    });
  if (installed) return;
  installed = true;
  const R = ReferenceType;
  R.weakrefable = false;
  R.slots.new = weakrefNew;
  R.slots.init = (_self, args, kw) => {
    if (kw && kw.length) typeError('ref() takes no keyword arguments');
    const npos = args.length;
    if (npos < 1) typeError(`__init__ expected at least 1 argument, got ${npos}`);
    if (npos > 2) typeError(`__init__ expected at most 2 arguments, got ${npos}`);
  };
  R.slots.call = (self, args, kw) => {
    if (kw && kw.length) typeError('weakref() takes no keyword arguments');
    if (args.length) typeError(`weakref expected 0 arguments, got ${args.length}`);
    return weakrefTarget(self);
  };
  R.slots.hash = (self) => {
    const wr = self as PyWeakref;
    if (wr.hashValue !== -1) return wr.hashValue;
    const o = wr.obj;
    if (!o) typeError('weak object has gone away');
    incref(o);
    try {
      wr.hashValue = abs.hash(o);
    } finally {
      decref(o);
    }
    return wr.hashValue;
  };
  R.slots.repr = (self) => {
    const o = target(self);
    if (!o) return `<weakref at ${hex(self)}; dead>`;
    incref(o);
    try {
      const name = abs.lookupAttr(o, '__name__');
      const base = `<weakref at ${hex(self)}; to '${tpName(o.type)}' at ${hex(o)}`;
      if (name instanceof PyStr) {
        const s = `${base} (${name.v})>`;
        decref(name);
        return s;
      }
      xdecref(name);
      return base + '>';
    } finally {
      decref(o);
    }
  };
  // tp_new_wrapper: ReferenceType.__new__(cls, ob, callback=None)
  const newFn = new PyBuiltinFunction(
    BuiltinFunctionType,
    '__new__',
    (args, kw) => {
      const npos = args.length - (kw ? kw.length : 0);
      if (npos < 1) typeError('weakref.ReferenceType.__new__(): not enough arguments');
      const cls = args[0];
      if (!(cls instanceof PyType)) typeError(`weakref.ReferenceType.__new__(X): X is not a type object (${cls.type.name})`);
      if (!cls.isSubtype(R)) typeError(`weakref.ReferenceType.__new__(${cls.name}): ${cls.name} is not a subtype of weakref.ReferenceType`);
      return weakrefNew(cls, args.slice(1), kw);
    },
    R,
    null,
    'ReferenceType.__new__',
  );
  newFn.rc = 1_000_000_000;
  typeDict(R).setItem(internStr('__new__'), newFn);
  defMethod(R, '__init__', (args, kw, self) => {
    R.slots.init!(self!, args, kw);
    return newRef(None);
  });
  defMethod(R, '__call__', (args, kw, self) => R.slots.call!(self!, args, kw));
  defMethod(R, '__hash__', (_a, _k, self) => newInt(R.slots.hash!(self!) as number));
  defMethod(R, '__repr__', (_a, _k, self) => newStr(R.slots.repr!(self!)));
  // weakref_richcompare
  const cmp = (op: Cmp) => (args: PyObject[], _k: string[] | null, self: PyObject | null) => {
    const other = args[0];
    if (!(other instanceof PyWeakref) || isProxy(other)) return newRef(NotImplemented);
    const a = target(self!);
    const b = target(other);
    if (!a || !b) {
      const same = self === other;
      return newBool(op === Cmp.EQ ? same : !same);
    }
    incref(a);
    incref(b);
    try {
      return abs.richCompare(a, b, op);
    } finally {
      decref(a);
      decref(b);
    }
  };
  defMethod(R, '__eq__', cmp(Cmp.EQ));
  defMethod(R, '__ne__', cmp(Cmp.NE));
  for (const [cmpName, op] of [
    ['__lt__', Cmp.LT],
    ['__le__', Cmp.LE],
    ['__gt__', Cmp.GT],
    ['__ge__', Cmp.GE],
  ] as const) {
    void op;
    defMethod(R, cmpName, () => newRef(NotImplemented));
  }
  defGetterR(R, '__callback__', (o) => newRef((o as PyWeakref).callback ?? None));
  defMethod(R, '__class_getitem__', (args) => newRef(args[0]));

  for (const P of [ProxyType, CallableProxyType]) installProxy(P);
  CallableProxyType.slots.call = (self, args, kw) => {
    const o = proxyUnwrap(self);
    incref(o);
    try {
      return abs.call(o, args, kw);
    } finally {
      decref(o);
    }
  };
  defMethod(CallableProxyType, '__call__', (args, kw, self) => CallableProxyType.slots.call!(self!, args, kw));
}

import { defGetter } from '../define';
function defGetterR(t: PyType, name: string, get: (o: PyObject) => PyObject): void {
  defGetter(t, name, get);
}

/** proxy_* forwarding (WRAP_UNARY / WRAP_BINARY / proxy_getattr ...) */
function installProxy(P: PyType): void {
  const withObj = <T>(p: PyObject, f: (o: PyObject) => T): T => {
    const o = proxyUnwrap(p);
    incref(o);
    try {
      return f(o);
    } finally {
      decref(o);
    }
  };
  /** a proxy operand is replaced by its referent (UNWRAP) */
  const unwrapArg = (x: PyObject): PyObject => (isProxy(x) ? proxyUnwrap(x) : x);
  P.slots.repr = (self) => {
    const o = target(self) ?? None;
    return `<weakproxy at ${hex(self)} to ${tpName(o.type)} at ${hex(o)}>`;
  };
  P.slots.str = (self) => withObj(self, (o) => abs.str(o));
  P.slots.hash = () => typeError(`unhashable type: '${P.name}'`);
  P.slots.bool = (self) => withObj(self, (o) => abs.isTrue(o));
  P.slots.len = (self) => withObj(self, (o) => abs.length(o));
  P.slots.iter = (self) => withObj(self, (o) => abs.getIter(o));
  P.slots.getattr = (self, name) => withObj(self, (o) => abs.getAttr(o, name));
  P.slots.next = (self) =>
    withObj(self, (o) => {
      if (!o.type.slots.next && !abs.typeLookup(o.type, '__next__')) typeError(`Weakref proxy referenced a non-iterator '${o.type.name}' object`);
      return abs.iterNext(o);
    });
  defMethod(P, '__repr__', (_a, _k, self) => newStr(P.slots.repr!(self!)));
  defMethod(P, '__str__', (_a, _k, self) => newStr(P.slots.str!(self!)));
  defMethod(P, '__bool__', (_a, _k, self) => newBool(P.slots.bool!(self!)));
  defMethod(P, '__len__', (_a, _k, self) => newInt(P.slots.len!(self!)));
  defMethod(P, '__iter__', (_a, _k, self) => P.slots.iter!(self!));
  defMethod(P, '__next__', (_a, _k, self) => {
    const r = P.slots.next!(self!);
    if (!r) raise(E.StopIteration, null);
    return r;
  });
  defMethod(P, '__getattribute__', (args, _k, self) => withObj(self!, (o) => abs.getAttr(o, (args[0] as PyStr).v)));
  defMethod(P, '__setattr__', (args, _k, self) => {
    withObj(self!, (o) => abs.setAttr(o, (args[0] as PyStr).v, args[1]));
    return newRef(None);
  });
  defMethod(P, '__delattr__', (args, _k, self) => {
    withObj(self!, (o) => abs.setAttr(o, (args[0] as PyStr).v, null));
    return newRef(None);
  });
  defMethod(P, '__getitem__', (args, _k, self) => withObj(self!, (o) => abs.getItem(o, args[0])));
  defMethod(P, '__setitem__', (args, _k, self) => {
    withObj(self!, (o) => abs.setItem(o, args[0], args[1]));
    return newRef(None);
  });
  defMethod(P, '__delitem__', (args, _k, self) => {
    withObj(self!, (o) => abs.delItem(o, args[0]));
    return newRef(None);
  });
  defMethod(P, '__contains__', (args, _k, self) => withObj(self!, (o) => newBool(abs.contains(o, args[0]))));
  defMethod(P, '__neg__', (_a, _k, self) => withObj(self!, (o) => abs.unaryNeg(o)));
  defMethod(P, '__pos__', (_a, _k, self) => withObj(self!, (o) => abs.unaryPos(o)));
  defMethod(P, '__invert__', (_a, _k, self) => withObj(self!, (o) => abs.unaryInvert(o)));
  defMethod(P, '__index__', (_a, _k, self) => withObj(self!, (o) => newInt(abs.index(o) as number)));
  for (const [cn, op] of [
    ['__lt__', Cmp.LT],
    ['__le__', Cmp.LE],
    ['__eq__', Cmp.EQ],
    ['__ne__', Cmp.NE],
    ['__gt__', Cmp.GT],
    ['__ge__', Cmp.GE],
  ] as const) {
    defMethod(P, cn, (args, _k, self) => {
      const a = proxyUnwrap(self!);
      const b = unwrapArg(args[0]);
      incref(a);
      incref(b);
      try {
        return abs.richCompare(a, b, op);
      } finally {
        decref(a);
        decref(b);
      }
    });
  }
  // binary operators: both operands are unwrapped, then the plain operation runs
  BINOP_DUNDER.forEach(([dn, rn, iname], i) => {
    const bin = (x: PyObject, y: PyObject, inplace: boolean) => {
      const a = unwrapArg(x);
      const b = unwrapArg(y);
      incref(a);
      incref(b);
      try {
        return abs.binaryOp(a, b, inplace ? i + 13 : i);
      } finally {
        decref(a);
        decref(b);
      }
    };
    defMethod(P, dn, (args, _k, self) => bin(self!, args[0], false));
    defMethod(P, rn, (args, _k, self) => bin(args[0], self!, false));
    // proxy_i*: the result replaces nothing in the proxy (the referent may be rebound by the caller)
    defMethod(P, iname, (args, _k, self) => bin(self!, args[0], true));
  });
  void newList;
}

void E.ReferenceError;
