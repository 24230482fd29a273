// functools: partial, reduce, cmp_to_key and the lru_cache wrapper (Modules/_functoolsmodule.c);
// update_wrapper, wraps, cache (Lib/functools.py semantics, native here); total_ordering,
// cached_property and singledispatch from Python source (pysrc/functools.ts).

import { defClassGetitem } from '../runtime/bootstrap';
import { PyObject, PyType, TypeFlags, Edge, newRef, decref, incref, addressOf, type Visit } from '../runtime/object';
import { makeType, PyBuiltinFunction, inModule } from '../runtime/types';
import { registerModule, parseArgs, checkArgs, builtinFunction, ModuleBuilder, defGetter } from '../runtime/define';
import { subtypeDictGet, subtypeDictSet } from '../runtime/typeobject';
import { execSource, execStdlibSource, placeLines, stdlibFilename } from './modutil';
import { FUNCTOOLS_SRC } from './pysrc/functools';
import { FUNCTOOLS_METHODS_SRC } from './pysrc/functools_methods';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { PyInt, newInt, newBool, IntType } from '../runtime/objects/int';
import { PyStr, newStr, internStr, StrType } from '../runtime/objects/str';
import { PyTuple, newTuple } from '../runtime/objects/tuple';
import { PyDict, newDict } from '../runtime/objects/dict';
import { PyFunction } from '../runtime/objects/function';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { gcNewObject } from '../runtime/gc';
import { makeNamedTuple, makeNT, isCallable } from './collections';
import { defMethod, kwArgs } from './modutil';
import { PyHolder } from './operator';

// ------------------------------------------------------------------ partial
export class PyPartial extends PyObject {
  constructor(
    type: PyType,
    public fn: PyObject,
    public args: PyTuple,
    public kw: PyDict,
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    visit(this.fn, Edge.FUNC, 'func');
    visit(this.args, Edge.OTHER, 'args');
    visit(this.kw, Edge.OTHER, 'keywords');
  }
  override dealloc(): void {
    decref(this.fn);
    decref(this.args);
    decref(this.kw);
  }
}
export const PartialType = makeType('partial', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 64);
inModule(PartialType, 'functools');
// (partial's and the lru wrapper's weakreflist; partial's dict)
PartialType.weakrefable = true;
PartialType.hasDict = true;

function newPartial(t: PyType, fn: PyObject, args: PyObject[], kw: Map<string, PyObject>): PyPartial {
  let f = fn;
  let pre: PyObject[] = [];
  let kwd = newDict();
  // partial_new: flatten a partial of a partial
  if (fn instanceof PyPartial && fn.type === PartialType && t === PartialType) {
    f = fn.fn;
    pre = fn.args.items;
    for (const [k, v] of fn.kw.entries()) kwd.setItem(k, v);
  }
  for (const [k, v] of kw) {
    const key = internStr(k);
    kwd.setItem(key, v);
    decref(key);
  }
  const p = new PyPartial(t, newRef(f), newTuple([...pre, ...args].map(newRef)) as PyTuple, kwd);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  gcNewObject(p, true);
  void kwd;
  return p;
}

/** partial_call: through C (the callee's frame takes its own references) */
function partialCall(p: PyPartial, args: PyObject[], kw: string[] | null): PyObject {
  const nkw = kw ? kw.length : 0;
  const pos = args.slice(0, args.length - nkw);
  const kwMap = new Map<string, PyObject>();
  for (const [k, v] of p.kw.entries()) kwMap.set((k as PyStr).v, v);
  for (let i = 0; i < nkw; i++) kwMap.set(kw![i], args[args.length - nkw + i]);
  return abs.call(p.fn, [...p.args.items, ...pos, ...kwMap.values()], kwMap.size ? [...kwMap.keys()] : null);
}

function installPartial(): void {
  // partial's __dict__ (tp_dictoffset): a getset as a class's (kept aside, abstract.ts extraDicts)
  defGetter(PartialType, '__dict__', subtypeDictGet, subtypeDictSet);
  const T = PartialType;
  defClassGetitem(T);
  T.slots.new = (t, args, kw) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    if (!pos.length) typeError('type \'partial\' takes at least one argument');
    if (!isCallable(pos[0])) typeError('the first argument must be callable');
    return newPartial(t, pos[0], pos.slice(1), kws);
  };
  T.slots.call = (o, args, kw) => partialCall(o as PyPartial, args, kw);
  T.slots.repr = (o) => {
    const p = o as PyPartial;
    if (!abs.reprEnter(o)) return '...';
    try {
      const parts = [abs.repr(p.fn), ...p.args.items.map(abs.repr), ...[...p.kw.entries()].map(([k, v]) => `${(k as PyStr).v}=${abs.repr(v)}`)];
      const name = p.type === PartialType ? 'functools.partial' : p.type.qualname;
      return `${name}(${parts.join(', ')})`;
    } finally {
      abs.reprLeave(o);
    }
  };
  T.slots.getattr = (o, name) => {
    const p = o as PyPartial;
    if (name === 'func') return newRef(p.fn);
    if (name === 'args') return newRef(p.args);
    if (name === 'keywords') return newRef(p.kw);
    return abs.genericGetAttr(o, name, true);
  };
}

// ------------------------------------------------------------------ lru_cache
class PyLru extends PyObject {
  hits = 0;
  misses = 0;
  dict: PyDict | null = null;
  constructor(
    type: PyType,
    public fn: PyObject,
    public cache: PyDict,
    public maxsize: number,
    public typed: boolean,
    public infoType: PyType,
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    visit(this.fn, Edge.FUNC, '__wrapped__');
    visit(this.cache, Edge.OTHER, 'cache');
    if (this.dict) visit(this.dict, Edge.DICT, '__dict__');
    visit(this.infoType, Edge.OTHER, 'cache_info_type');
  }
  override dealloc(): void {
    const d = this.dict;
    this.dict = null;
    decref(this.cache);
    decref(this.fn);
    if (d) decref(d);
    decref(this.infoType);
  }
}
export const LruType = makeType('_lru_cache_wrapper', null, TypeFlags.HAVE_GC | TypeFlags.METHOD_DESCRIPTOR, 152);
inModule(LruType, 'functools');
LruType.weakrefable = true;
LruType.makeTpCall = true;

const KWD_MARK = new PyObject(null);
/** lru_cache_make_key */
function makeKey(args: PyObject[], kw: string[] | null, typed: boolean): PyObject {
  const nkw = kw ? kw.length : 0;
  const pos = args.slice(0, args.length - nkw);
  if (!nkw && !typed && pos.length === 1 && (pos[0].type === IntType || pos[0].type === StrType)) return newRef(pos[0]);
  const items: PyObject[] = pos.map(newRef);
  if (nkw) {
    items.push(newRef(kwdMark()));
    for (let i = 0; i < nkw; i++) {
      items.push(newStr(kw![i]));
      items.push(newRef(args[pos.length + i]));
    }
  }
  if (typed) {
    for (const a of pos) items.push(newRef(a.type));
    for (let i = 0; i < nkw; i++) items.push(newRef(args[pos.length + i].type));
  }
  return newTuple(items);
}
let kwdMarkObj: PyObject | null = null;
function kwdMark(): PyObject {
  if (!kwdMarkObj) {
    kwdMarkObj = abs.call(abs.ObjectType, [], null);
    kwdMarkObj.rc = 1_000_000_000;
  }
  void KWD_MARK;
  return kwdMarkObj;
}

function lruCall(l: PyLru, args: PyObject[], kw: string[] | null): PyObject {
  if (l.maxsize === 0) {
    l.misses++;
    return abs.call(l.fn, args, kw);
  }
  const key = makeKey(args, kw, l.typed);
  try {
    const hit = l.cache.getItem(key);
    if (hit !== undefined) {
      l.hits++;
      if (l.maxsize > 0) {
        // move to the most recently used end
        const v = newRef(hit);
        const k = newRef(key);
        l.cache.delItem(key);
        l.cache.setItem(k, v);
        decref(k);
        decref(v);
      }
      return newRef(hit);
    }
    l.misses++;
    const r = abs.call(l.fn, args, kw);
    if (l.cache.getItem(key) !== undefined) return r;
    if (l.maxsize > 0 && l.cache.size >= l.maxsize) {
      const oldest = l.cache.keyList()[0];
      l.cache.delItem(oldest);
    }
    l.cache.setItem(key, r);
    return r;
  } finally {
    decref(key);
  }
}

function installLru(): void {
  const T = LruType;
  T.slots.call = (o, args, kw) => lruCall(o as PyLru, args, kw);
  T.slots.repr = (o) => {
    return `<functools._lru_cache_wrapper object at 0x${addressOf(o).toString(16)}>`;
  };
  T.slots.getattr = (o, name) => {
    const l = o as PyLru;
    if (name === '__wrapped__') return newRef(l.fn);
    if (name === '__dict__') {
      if (!l.dict) l.dict = newDict();
      return newRef(l.dict);
    }
    if (l.dict) {
      const v = l.dict.getItem(abs.strKey(name));
      if (v !== undefined) return newRef(v);
    }
    return abs.genericGetAttr(o, name, true);
  };
  defMethod(T, 'cache_info', (args, kw, self) => {
    checkArgs('cache_info', args, kw, 0, 0);
    const l = self as PyLru;
    return makeNT(l.infoType, [newInt(l.hits), newInt(l.misses), l.maxsize < 0 ? newRef(None) : newInt(l.maxsize), newInt(l.cache.size)]);
  });
  defMethod(T, 'cache_clear', (args, kw, self) => {
    checkArgs('cache_clear', args, kw, 0, 0);
    const l = self as PyLru;
    l.hits = l.misses = 0;
    const old = l.cache;
    l.cache = newDict();
    decref(old);
    return newRef(None);
  });
  defMethod(T, 'cache_parameters', (args, kw, self) => {
    checkArgs('cache_parameters', args, kw, 0, 0);
    const l = self as PyLru;
    const d = newDict();
    const set = (k: string, v: PyObject) => {
      const key = newStr(k);
      d.setItem(key, v);
      decref(key);
      decref(v);
    };
    set('maxsize', l.maxsize < 0 ? newRef(None) : newInt(l.maxsize));
    set('typed', newBool(l.typed));
    return d;
  });
}

const ASSIGNED = ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__'];

/** update_wrapper (Lib/functools.py) */
function updateWrapper(wrapper: PyObject, wrapped: PyObject, assigned: string[], updated: string[]): PyObject {
  for (const a of assigned) {
    const v = abs.lookupAttr(wrapped, a);
    if (!v) continue;
    try {
      if (wrapper instanceof PyFunction) setFuncAttr(wrapper, a, v);
      else if (wrapper instanceof PyLru) {
        if (!wrapper.dict) wrapper.dict = newDict();
        const k = internStr(a);
        wrapper.dict.setItem(k, v);
        decref(k);
      } else abs.setAttr(wrapper, a, v);
    } finally {
      decref(v);
    }
  }
  for (const u of updated) {
    const src = abs.lookupAttr(wrapped, u);
    if (!src) continue;
    try {
      if (src instanceof PyDict) {
        const dst = abs.getAttr(wrapper, u);
        try {
          if (dst instanceof PyDict) for (const [k, v] of [...src.entries()]) dst.setItem(k, v);
        } finally {
          decref(dst);
        }
      }
    } finally {
      decref(src);
    }
  }
  if (wrapper instanceof PyLru) {
    if (!wrapper.dict) wrapper.dict = newDict();
  } else abs.setAttr(wrapper, '__wrapped__', wrapped);
  return newRef(wrapper);
}
function setFuncAttr(f: PyFunction, a: string, v: PyObject): void {
  switch (a) {
    case '__name__':
      if (v instanceof PyStr) f.name = v.v;
      return;
    case '__qualname__':
      if (v instanceof PyStr) f.qualname = v.v;
      return;
    case '__doc__': {
      const old = f.doc;
      f.doc = newRef(v);
      if (old) decref(old);
      return;
    }
    case '__module__': {
      const old = f.module;
      f.module = newRef(v);
      if (old) decref(old);
      return;
    }
    case '__annotations__': {
      const old = f.annotations;
      f.annotations = newRef(v);
      if (old) decref(old);
      return;
    }
  }
  abs.setAttr(f, a, v);
}

function strList(o: PyObject | undefined, dflt: string[]): string[] {
  if (!o) return dflt;
  const items = abs.toArray(o);
  try {
    return items.map((x) => abs.str(x));
  } finally {
    for (const x of items) decref(x);
  }
}

// cmp_to_key's K objects (Modules/_functoolsmodule.c keyobject): held = [cmp] for the one
// cmp_to_key returns, [cmp, object] for the ones calling it makes
class PyCmpKey extends PyHolder {}
const KType = makeType('functools.KeyWrapper', null, TypeFlags.HAVE_GC, 32);

let installed = false;
function install(): void {
  installPartial();
  installLru();
  const ops: [string, Cmp][] = [
    ['__lt__', Cmp.LT],
    ['__le__', Cmp.LE],
    ['__eq__', Cmp.EQ],
    ['__ne__', Cmp.NE],
    ['__gt__', Cmp.GT],
    ['__ge__', Cmp.GE],
  ];
  for (const [n, op] of ops) {
    defMethod(KType, n, (args, _kw, self) => {
      const a = self as PyCmpKey;
      const b = args[0];
      if (!(b instanceof PyCmpKey)) typeError('other argument must be K instance');
      // keyobject_richcompare: a key without an object
      if (a.held.length < 2 || b.held.length < 2) raise(E.AttributeError, 'object');
      const r = abs.call(a.held[0], [a.held[1], b.held[1]], null);
      const z = newInt(0);
      try {
        return abs.richCompare(r, z, op);
      } finally {
        decref(r);
        decref(z);
      }
    });
  }
  KType.dict.setItem(internStr('__hash__'), None);
  // keyobject_call
  KType.slots.call = (o, args, kw) => {
    checkArgs('K', args, kw, 1, 1);
    const k = new PyCmpKey(KType, [newRef((o as PyHolder).held[0]), newRef(args[0])]);
    gcNewObject(k, true);
    return k;
  };
}

// _thread.RLock (Modules/_threadmodule.c rlock_*), for cached_property's lock: RefScope runs one
// thread, so acquiring always succeeds at once. Not a gc object, as in CPython.
class PyRLock extends PyObject {
  count = 0;
}
const RLockType = inModule(makeType('RLock', null, TypeFlags.BASETYPE, 40), '_thread');
RLockType.slots.new = (t, args, kw) => {
  void args;
  void kw;
  const l = new PyRLock(t);
  gcNewObject(l, false);
  return l;
};
RLockType.slots.repr = (o) => {
  const l = o as PyRLock;
  return `<${l.count ? 'locked' : 'unlocked'} _thread.RLock object owner=${l.count ? 1 : 0} count=${l.count} at 0x${addressOf(o).toString(16)}>`;
};
for (const name of ['acquire', '__enter__']) {
  defMethod(RLockType, name, (_args, _kw, self) => {
    (self as PyRLock).count++;
    return newBool(true);
  });
}
for (const name of ['release', '__exit__']) {
  defMethod(RLockType, name, (_args, _kw, self) => {
    const l = self as PyRLock;
    if (!l.count) raise(E.RuntimeError, 'cannot release un-acquired lock');
    l.count--;
    return newRef(None);
  });
}

registerModule('functools', (m) => {
  if (!installed) {
    installed = true;
    install();
  }
  const infoType = makeNamedTuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'], 'functools');
  m.own('_CacheInfo', infoType);
  m.set('partial', PartialType);
  m.own('WRAPPER_ASSIGNMENTS', newTuple(ASSIGNED.map((a) => newStr(a))));
  m.own('WRAPPER_UPDATES', newTuple([newStr('__dict__')]));
  m.fn('reduce', (args, kw) => {
    checkArgs('reduce', args, kw, 2, 3);
    const it = abs.getIter(args[1]);
    let acc: PyObject | null = args.length > 2 ? newRef(args[2]) : null;
    try {
      for (;;) {
        const x = abs.iterNext(it);
        if (!x) break;
        if (!acc) {
          acc = x;
          continue;
        }
        try {
          const r = abs.call(args[0], [acc, x], null);
          decref(acc);
          acc = r;
        } finally {
          decref(x);
        }
      }
    } catch (e) {
      if (acc) decref(acc);
      throw e;
    } finally {
      decref(it);
    }
    if (!acc) typeError('reduce() of empty iterable with no initial value');
    return acc;
  });
  const updateWrapperFn = (args: PyObject[], kw: string[] | null): PyObject => {
    const [wrapper, wrapped, assigned, updated] = parseArgs({ name: 'update_wrapper', params: ['wrapper', 'wrapped', 'assigned', 'updated'], required: 2 }, args, kw);
    return updateWrapper(wrapper!, wrapped!, strList(assigned, ASSIGNED), strList(updated, ['__dict__']));
  };
  m.fn('update_wrapper', updateWrapperFn);
  const uw = abs.getAttr(m.module, 'update_wrapper');
  m.fn('wraps', (args, kw) => {
    const [wrapped, assigned, updated] = parseArgs({ name: 'wraps', params: ['wrapped', 'assigned', 'updated'], required: 1 }, args, kw);
    const kws = new Map<string, PyObject>([['wrapped', wrapped!]]);
    const a = assigned ?? abs.getAttr(m.module, 'WRAPPER_ASSIGNMENTS');
    const u = updated ?? abs.getAttr(m.module, 'WRAPPER_UPDATES');
    kws.set('assigned', a);
    kws.set('updated', u);
    try {
      return newPartial(PartialType, uw, [], kws);
    } finally {
      if (!assigned) decref(a);
      if (!updated) decref(u);
    }
  });
  const makeLru = (fn: PyObject, maxsize: number, typed: boolean): PyObject => {
    const l = new PyLru(LruType, newRef(fn), newDict(), maxsize, typed, newRef(infoType));
    gcNewObject(l, true);
    decref(updateWrapper(l, fn, ASSIGNED, ['__dict__']));
    return l;
  };
  m.fn('lru_cache', (args, kw) => {
    const [ms, typedO] = parseArgs({ name: 'lru_cache', params: ['maxsize', 'typed'] }, args, kw);
    const typed = typedO ? abs.isTrue(typedO) : false;
    if (ms && !(ms instanceof PyInt) && ms !== None && isCallable(ms)) return makeLru(ms, 128, typed);
    let maxsize = 128;
    if (ms === None) maxsize = -1;
    else if (ms instanceof PyInt) maxsize = Math.max(0, Number(ms.v));
    else if (ms) typeError('Expected first argument to be an integer, a callable, or None');
    const deco = builtinFunction('decorating_function', (a, k) => {
      checkArgs('decorating_function', a, k, 1, 1);
      return makeLru(a[0], maxsize, typed);
    });
    const d = new PyBuiltinFunction(deco.type, 'decorating_function', deco.fn, null, null, 'lru_cache.<locals>.decorating_function');
    gcNewObject(d, true);
    return d;
  });
  m.fn('cache', (args, kw) => {
    checkArgs('cache', args, kw, 1, 1);
    return makeLru(args[0], -1, false);
  });
  m.fn('cmp_to_key', (args, kw) => {
    const [f] = parseArgs({ name: 'cmp_to_key', params: ['mycmp'], required: 1 }, args, kw);
    const k = new PyCmpKey(KType, [newRef(f!)]);
    gcNewObject(k, true);
    return k;
  });
  void uw;
  m.set('RLock', RLockType);
  execStdlibSource(m, FUNCTOOLS_SRC, 'functools.py');
  // partialmethod, singledispatchmethod: defined on first use (abs.lazyModuleAttrs)
  const mod = m.module;
  for (const name of ['partialmethod', 'singledispatchmethod']) {
    abs.lazyModuleAttrs.set(`functools.${name}`, () => {
      execSource(new ModuleBuilder(mod), placeLines(FUNCTOOLS_METHODS_SRC), stdlibFilename('functools', 'functools.py'));
      return abs.getAttr(mod, name);
    });
  }
});
