// collections: deque and defaultdict (Modules/_collectionsmodule.c), OrderedDict
// (Objects/odictobject.c), Counter and namedtuple (Lib/collections/__init__.py semantics,
// implemented natively).

import { defClassGetitem } from '../runtime/bootstrap';
import { sizeofHooks } from '../runtime/sizes';
import { PyObject, PyType, TypeFlags, Edge, newRef, decref, incref, type Visit } from '../runtime/object';
import { makeType, TypeType, PyGetSet, inModule, shortTypeName } from '../runtime/types';
import { execSource, execStdlibSource, placeLines, stdlibFilename, setStdlibFile } from './modutil';
import { CHAINMAP_SRC } from './pysrc/chainmap';
import { USER_CLASSES_SRC } from './pysrc/userclasses';
import { COLLECTIONS_ABC_SRC } from './pysrc/collections_abc';
import { registerModule, defGetter, defClassMethod, parseArgs, checkArgs, ModuleBuilder, builtinFunction } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { PyInt, newInt, newBool } from '../runtime/objects/int';
import { PyStr, newStr, internStr } from '../runtime/objects/str';
import { PyTuple, newTuple, TupleType, gcNewTracked } from '../runtime/objects/tuple';
import { PyList, newList } from '../runtime/objects/list';
import { PyDict, DictType, newDict } from '../runtime/objects/dict';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { gcNewObject } from '../runtime/gc';
import { typeNew, subtypeDictGet, subtypeDictSet } from '../runtime/typeobject';
import { vmState } from '../runtime/vm/eval';
import { kwArgs, iterType, newIter, defMethod } from './modutil';
import { installCollectionsReduces } from './collections_reduce';

// ------------------------------------------------------------------ deque
export class PyDeque extends PyObject {
  items: PyObject[] = [];
  maxlen = -1;
  /** CPython's leftindex (position of the first item in its 64-item block), for getsizeof */
  left = 32;
  /** deque->state: changed by every append, pop, rotate, insert, remove and clear; an iterator
   * made at another state raises "deque mutated during iteration" */
  state = 0;
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    for (let i = 0; i < this.items.length; i++) visit(this.items[i], Edge.ITEM, i);
  }
  override dealloc(): void {
    const it = this.items;
    this.items = [];
    for (const x of it) decref(x);
  }
}
export const DequeType = makeType('deque', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 216);
// deque_sizeof: the object plus its 528-byte blocks of 64 items; `left` follows deque_new
// (CENTER + 1), deque_extend on an empty deque (1; extendleft: 63), appendleft/popleft/pop and
// their block changes and re-centring, clear and rotate (insert/remove: approximately)
sizeofHooks.set(DequeType, (o) => o.type.basicsize + 528 * Math.floor(((o as PyDeque).left + (o as PyDeque).items.length + 63) / 64));
/** deque_popleft's leftindex bookkeeping (after the item left) */
function dqLeftPopped(d: PyDeque): void {
  if (++d.left === 64) d.left = d.items.length ? 0 : 32;
}
/** deque_pop: an emptied deque whose right index went below its block is re-centred */
function dqRightPopped(d: PyDeque): void {
  if (!d.items.length && d.left === 0) d.left = 32;
}
inModule(DequeType, 'collections');
DequeType.weakrefable = true;

function dq(o: PyObject | null): PyDeque {
  if (!(o instanceof PyDeque)) typeError("descriptor requires a 'collections.deque' object");
  return o;
}
/** append with maxlen trimming (deque_append_internal): steals v */
function dqAppend(d: PyDeque, v: PyObject): void {
  d.state++;
  d.items.push(v);
  if (d.maxlen >= 0 && d.items.length > d.maxlen) {
    const x = d.items.shift()!;
    dqLeftPopped(d);
    decref(x);
  }
}
function dqAppendLeft(d: PyDeque, v: PyObject): void {
  d.state++;
  d.items.unshift(v);
  d.left = d.left === 0 ? 63 : d.left - 1;
  if (d.maxlen >= 0 && d.items.length > d.maxlen) {
    const x = d.items.pop()!;
    dqRightPopped(d);
    decref(x);
  }
}
function dqIndex(d: PyDeque, k: PyObject): number {
  let i = abs.asIndex(k);
  if (i < 0) i += d.items.length;
  if (i < 0 || i >= d.items.length) raise(E.IndexError, 'deque index out of range');
  return i;
}

/** The type's own __repr__ in its dict, as CPython's (a slot wrapper; Counter's is a Python
 * function there): code that dispatches on `type(o).__repr__` (pprint's _dispatch) tells these
 * types from dict */
function ownRepr(T: PyType): void {
  const r = T.slots.repr!;
  defMethod(T, '__repr__', (args, _k, self) => newStr(r(self ?? args[0])));
}

/** dequeiter_next / dequereviter_next: the items from either end, while the deque keeps the
 * state it had when the iterator was made (counter: the items left) */
function dequeIter(d: PyDeque, reverse: boolean): PyObject {
  const state = d.state;
  let counter = d.items.length;
  const it = newIter(iterType(reverse ? '_deque_reverse_iterator' : '_deque_iterator', '_collections', 56), [newRef(d)], () => {
    if (d.state !== state) {
      counter = 0;
      raise(E.RuntimeError, 'deque mutated during iteration');
    }
    if (counter === 0) return null;
    const i = reverse ? counter - 1 : d.items.length - counter;
    counter--;
    return newRef(d.items[i]);
  });
  (it as unknown as DequeIter).counter = () => counter;
  return it;
}
type DequeIter = PyObject & { counter: () => number };

function installDeque(): void {
  const T = DequeType;
  defClassGetitem(T);
  T.slots.new = (t) => {
    const d = new PyDeque(t);
    if (t.flags & TypeFlags.HEAPTYPE) incref(t);
    gcNewObject(d, true);
    return d;
  };
  T.slots.init = (self, args, kw) => {
    const [iterable, maxlen] = parseArgs({ name: 'deque', params: ['iterable', 'maxlen'] }, args, kw);
    const d = dq(self);
    if (maxlen && maxlen !== None) {
      const n = Number(abs.index(maxlen));
      if (n < 0) raise(E.ValueError, 'maxlen must be non-negative');
      d.maxlen = n;
    } else d.maxlen = -1;
    const old = d.items;
    d.items = [];
    if (old.length) d.left = 32; // deque_clear
    for (const x of old) decref(x);
    if (iterable) {
      d.left = 1; // deque_extend into an empty deque
      for (const x of abs.toArray(iterable)) dqAppend(d, x);
    }
  };
  T.slots.len = (o) => (o as PyDeque).items.length;
  T.slots.iter = (o) => dequeIter(o as PyDeque, false);
  T.slots.repr = (o) => {
    const d = o as PyDeque;
    if (!abs.reprEnter(o)) return '[...]';
    try {
      const body = '[' + d.items.map(abs.repr).join(', ') + ']';
      return d.maxlen >= 0 ? `${shortTypeName(d.type)}(${body}, maxlen=${d.maxlen})` : `${shortTypeName(d.type)}(${body})`;
    } finally {
      abs.reprLeave(o);
    }
  };
  ownRepr(T);
  defGetter(T, 'maxlen', (o) => (dq(o).maxlen < 0 ? newRef(None) : newInt(dq(o).maxlen)));
  defMethod(T, 'append', (args, kw, self) => {
    checkArgs('append', args, kw, 1, 1);
    dqAppend(dq(self), newRef(args[0]));
    return newRef(None);
  });
  defMethod(T, 'appendleft', (args, kw, self) => {
    checkArgs('appendleft', args, kw, 1, 1);
    dqAppendLeft(dq(self), newRef(args[0]));
    return newRef(None);
  });
  defMethod(T, 'pop', (args, kw, self) => {
    checkArgs('pop', args, kw, 0, 0);
    const d = dq(self);
    if (!d.items.length) raise(E.IndexError, 'pop from an empty deque');
    d.state++;
    const x = d.items.pop()!;
    dqRightPopped(d);
    return x;
  });
  defMethod(T, 'popleft', (args, kw, self) => {
    checkArgs('popleft', args, kw, 0, 0);
    const d = dq(self);
    if (!d.items.length) raise(E.IndexError, 'pop from an empty deque');
    d.state++;
    const x = d.items.shift()!;
    dqLeftPopped(d);
    return x;
  });
  defMethod(T, 'extend', (args, kw, self) => {
    checkArgs('extend', args, kw, 1, 1);
    const d = dq(self);
    const items = abs.toArray(args[0]);
    if (!d.items.length) d.left = 1; // "start filling from the left"
    for (const x of items) dqAppend(d, x);
    return newRef(None);
  });
  defMethod(T, 'extendleft', (args, kw, self) => {
    checkArgs('extendleft', args, kw, 1, 1);
    const d = dq(self);
    const items = abs.toArray(args[0]);
    if (!d.items.length) d.left = 63; // "start filling from the right"
    for (const x of items) dqAppendLeft(d, x);
    return newRef(None);
  });
  defMethod(T, 'rotate', (args, kw, self) => {
    checkArgs('rotate', args, kw, 0, 1);
    const d = dq(self);
    const n = d.items.length;
    if (n <= 1) return newRef(None);
    d.state++;
    let k = args.length ? Number(abs.index(args[0])) : 1;
    // _deque_rotate: the items move by k normalised to (-len/2, len/2]
    const half = n >> 1;
    let r = k;
    if (r > half || r < -half) {
      r %= n;
      if (r > half) r -= n;
      else if (r < -half) r += n;
    }
    d.left = (((d.left - r) % 64) + 64) % 64;
    k = ((k % n) + n) % n;
    if (k) d.items = [...d.items.slice(n - k), ...d.items.slice(0, n - k)];
    return newRef(None);
  });
  defMethod(T, 'clear', (args, kw, self) => {
    checkArgs('clear', args, kw, 0, 0);
    const d = dq(self);
    d.state++;
    const old = d.items;
    d.items = [];
    if (old.length) d.left = 32;
    for (const x of old) decref(x);
    return newRef(None);
  });
  defMethod(T, 'count', (args, kw, self) => {
    checkArgs('count', args, kw, 1, 1);
    let n = 0;
    for (const x of [...dq(self).items]) if (abs.richCompareBool(x, args[0], Cmp.EQ)) n++;
    return newInt(n);
  });
  defMethod(T, 'index', (args, kw, self) => {
    checkArgs('index', args, kw, 1, 3);
    const it = dq(self).items;
    const start = args.length > 1 ? Math.max(0, Number(abs.index(args[1]))) : 0;
    const stop = args.length > 2 ? Math.min(it.length, Number(abs.index(args[2]))) : it.length;
    for (let i = start; i < stop; i++) if (abs.richCompareBool(it[i], args[0], Cmp.EQ)) return newInt(i);
    raise(E.ValueError, `${abs.repr(args[0])} is not in deque`);
  });
  defMethod(T, 'insert', (args, kw, self) => {
    checkArgs('insert', args, kw, 2, 2);
    const d = dq(self);
    if (d.maxlen >= 0 && d.items.length >= d.maxlen) raise(E.IndexError, 'deque already at its maximum size');
    let i = Number(abs.index(args[0]));
    const n = d.items.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    if (i < n) d.left = d.left === 0 ? 63 : d.left - 1; // rotate, appendleft, rotate back
    d.state++;
    d.items.splice(i, 0, newRef(args[1]));
    return newRef(None);
  });
  defMethod(T, 'remove', (args, kw, self) => {
    checkArgs('remove', args, kw, 1, 1);
    const d = dq(self);
    for (let i = 0; i < d.items.length; i++) {
      if (abs.richCompareBool(d.items[i], args[0], Cmp.EQ)) {
        d.state++;
        const x = d.items.splice(i, 1)[0];
        dqLeftPopped(d); // rotate, popleft, rotate back
        decref(x);
        return newRef(None);
      }
    }
    raise(E.ValueError, `${abs.repr(args[0])} is not in deque`);
  });
  defMethod(T, 'reverse', (args, kw, self) => {
    checkArgs('reverse', args, kw, 0, 0);
    dq(self).items.reverse();
    return newRef(None);
  });
  const copy = (self: PyObject | null) => {
    const d = dq(self);
    const c = T.slots.new!(d.type, [], null) as PyDeque;
    c.maxlen = d.maxlen;
    if (d.items.length !== 1) c.left = 1; // deque_copy: deque_extend (one item: deque_append)
    for (const x of d.items) c.items.push(newRef(x));
    return c;
  };
  defMethod(T, 'copy', (args, kw, self) => (checkArgs('copy', args, kw, 0, 0), copy(self)));
  defMethod(T, '__copy__', (args, kw, self) => (checkArgs('__copy__', args, kw, 0, 0), copy(self)));
  defMethod(T, '__len__', (_a, _k, self) => newInt(dq(self).items.length));
  defMethod(T, '__getitem__', (args, _k, self) => {
    const d = dq(self);
    return newRef(d.items[dqIndex(d, args[0])]);
  });
  defMethod(T, '__setitem__', (args, _k, self) => {
    const d = dq(self);
    const i = dqIndex(d, args[0]);
    const old = d.items[i];
    d.items[i] = newRef(args[1]);
    decref(old);
    return newRef(None);
  });
  defMethod(T, '__delitem__', (args, _k, self) => {
    const d = dq(self);
    const i = dqIndex(d, args[0]);
    d.state++;
    const x = d.items.splice(i, 1)[0];
    dqLeftPopped(d); // deque_del_item: rotate, popleft, rotate back
    decref(x);
    return newRef(None);
  });
  for (const n of ['__getitem__', '__setitem__', '__delitem__']) abs.sequenceItemSlots.add(T.dict.getStr(abs.strKey(n))!);
  defMethod(T, '__contains__', (args, _k, self) => {
    for (const x of [...dq(self).items]) if (abs.richCompareBool(x, args[0], Cmp.EQ)) return newBool(true);
    return newBool(false);
  });
  defMethod(T, '__reversed__', (_a, _k, self) => dequeIter(dq(self), true));
  // deque_repeat / deque_inplace_repeat: the items n times (through append: maxlen trims)
  const repeat = (d: PyDeque, k: PyObject): PyDeque | null => {
    if (!(k instanceof PyInt)) return null;
    const n = Number(abs.index(k));
    const items = d.items.slice();
    if (n <= 0) {
      if (items.length) d.state++;
      d.items = [];
      for (const x of items) decref(x);
      return d;
    }
    for (let r = 1; r < n; r++) for (const x of items) dqAppend(d, newRef(x));
    return d;
  };
  defMethod(T, '__mul__', (args, _k, self) => {
    if (!(args[0] instanceof PyInt)) return newRef(abs.NotImplemented);
    return repeat(copy(self), args[0])!;
  });
  defMethod(T, '__rmul__', (args, _k, self) => {
    if (!(args[0] instanceof PyInt)) return newRef(abs.NotImplemented);
    return repeat(copy(self), args[0])!;
  });
  defMethod(T, '__imul__', (args, _k, self) => {
    if (!(args[0] instanceof PyInt)) return newRef(abs.NotImplemented);
    return newRef(repeat(dq(self), args[0])!);
  });
  // deque_reduce: (type, () or ((), maxlen), __dict__ or None, iter(d)); copy and pickle rebuild
  // the deque and extend it from the iterator
  defMethod(T, '__reduce__', (args, kw, self) => {
    checkArgs('__reduce__', args, kw, 0, 0);
    const d = dq(self);
    const dict = abs.lookupAttr(d, '__dict__') ?? newRef(None);
    const cargs = d.maxlen < 0 ? newTuple([]) : newTuple([newTuple([]), newInt(d.maxlen)]);
    return newTuple([newRef(d.type), cargs, dict, abs.getIter(d)]);
  });
  defMethod(T, '__iadd__', (args, _k, self) => {
    const d = dq(self);
    for (const x of abs.toArray(args[0])) dqAppend(d, x);
    return newRef(d);
  });
  defMethod(T, '__add__', (args, _k, self) => {
    if (!(args[0] instanceof PyDeque)) typeError(`can only concatenate deque (not "${args[0].type.name}") to deque`);
    const c = copy(self);
    for (const x of args[0].items) dqAppend(c, newRef(x));
    return c;
  });
  const cmp = (name: string, op: Cmp) =>
    defMethod(T, name, (args, _k, self) => {
      const a = dq(self);
      const b = args[0];
      if (!(b instanceof PyDeque)) return newRef(abs.NotImplemented);
      const x = [...a.items];
      const y = [...b.items];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        if (!abs.richCompareBool(x[i], y[i], Cmp.EQ)) {
          if (op === Cmp.EQ) return newBool(false);
          if (op === Cmp.NE) return newBool(true);
          return abs.richCompare(x[i], y[i], op);
        }
      }
      return newBool(abs.cmpResult(x.length - y.length, op));
    });
  cmp('__eq__', Cmp.EQ);
  cmp('__ne__', Cmp.NE);
  cmp('__lt__', Cmp.LT);
  cmp('__le__', Cmp.LE);
  cmp('__gt__', Cmp.GT);
  cmp('__ge__', Cmp.GE);
  T.dict.setItem(internStr('__hash__'), None);
}

// ------------------------------------------------------------------ dict subclasses
export class PyDefaultDict extends PyDict {
  factory: PyObject | null = null;
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    if (this.factory) visit(this.factory, Edge.OTHER, 'default_factory');
    super.traverse(visit);
  }
  override dealloc(): void {
    const f = this.factory;
    this.factory = null;
    if (f) decref(f);
    super.dealloc();
  }
}
const DSUB = TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.DICT_SUBCLASS;
export const DefaultDictType = makeType('defaultdict', DictType, DSUB, 56);
inModule(DefaultDictType, 'collections');
export const OrderedDictType = makeType('OrderedDict', DictType, DSUB, 112);
// odict_sizeof: the dict part, then od_fast_nodes (one pointer per slot of the keys table) and a
// 32-byte _ODictNode per item
sizeofHooks.set(OrderedDictType, (o) => {
  const t = (o as PyDict).t;
  const base = t.getsizeof() - 16 - DictType.basicsize + o.type.basicsize;
  return t.used ? base + 8 * 2 ** t.keys.log2Size + 32 * t.used : base;
});
inModule(OrderedDictType, 'collections');
// (od_weakreflist, od_inst_dict)
OrderedDictType.weakrefable = true;
OrderedDictType.hasDict = true;
// Counter is a Python class in CPython: dict + __weakref__, and a managed __dict__ (3.11)
export const CounterType = makeType('Counter', DictType, DSUB, 56);
CounterType.managedDict = true;
CounterType.module = 'collections';

function newDictSub(t: PyType): PyDefaultDict {
  const d = new PyDefaultDict(t);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  gcNewObject(d, true);
  return d;
}
function asDict(o: PyObject | null): PyDict {
  if (!(o instanceof PyDict)) typeError('descriptor requires a dict subclass object');
  return o;
}

/** dict.update-like merge from a mapping, an iterable of pairs, and keywords */
function dictMerge(d: PyDict, src: PyObject | undefined, kws: Map<string, PyObject>): void {
  if (src) {
    if (src instanceof PyDict) {
      for (const [k, v] of [...src.entries()]) d.setItem(k, v);
    } else if (abs.typeLookup(src.type, 'keys')) {
      const keys = abs.callSpecial(src, 'keys', [])!;
      const ks = abs.toArray(keys);
      decref(keys);
      try {
        for (const k of ks) {
          const v = abs.getItem(src, k);
          d.setItem(k, v);
          decref(v);
        }
      } finally {
        for (const k of ks) decref(k);
      }
    } else {
      const items = abs.toArray(src);
      try {
        for (let i = 0; i < items.length; i++) {
          const kv = abs.toArray(items[i]);
          try {
            if (kv.length !== 2) raise(E.ValueError, `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
            d.setItem(kv[0], kv[1]);
          } finally {
            for (const x of kv) decref(x);
          }
        }
      } finally {
        for (const x of items) decref(x);
      }
    }
  }
  for (const [k, v] of kws) {
    const key = newStr(k);
    d.setItem(key, v);
    decref(key);
  }
}

function dictBody(d: PyDict): string {
  if (!d.size) return '{}';
  if (!abs.reprEnter(d)) return '{...}';
  try {
    return '{' + [...d.entries()].map(([k, v]) => abs.repr(k) + ': ' + abs.repr(v)).join(', ') + '}';
  } finally {
    abs.reprLeave(d);
  }
}

function keyError(k: PyObject): never {
  const e = abs.newException(E.KeyError, null);
  decref(e.args);
  e.args = newTuple([newRef(k)]);
  throw e;
}

/** common mapping methods so these types work whatever dict itself provides */
function installMappingBasics(T: PyType, missing: ((d: PyDict, k: PyObject) => PyObject) | null): void {
  defMethod(T, '__getitem__', (args, _k, self) => {
    const d = asDict(self);
    const v = d.getItem(args[0]);
    if (v !== undefined) return newRef(v);
    if (missing) return missing(d, args[0]);
    const mm = abs.typeLookup(d.type, '__missing__');
    if (mm) return abs.callMethodObj(mm, d, [args[0]]);
    keyError(args[0]);
  });
  defMethod(T, '__setitem__', (args, _k, self) => {
    asDict(self).setItem(args[0], args[1]);
    return newRef(None);
  });
  defMethod(T, '__delitem__', (args, _k, self) => {
    if (!asDict(self).delItem(args[0])) keyError(args[0]);
    return newRef(None);
  });
  defMethod(T, '__contains__', (args, _k, self) => newBool(asDict(self).getItem(args[0]) !== undefined));
  defMethod(T, '__len__', (_a, _k, self) => newInt(asDict(self).size));
  T.slots.len = (o) => (o as PyDict).size;
  T.slots.bool = (o) => (o as PyDict).size > 0;
}

function installDefaultDict(): void {
  const T = DefaultDictType;
  // new_defdict: type(self)(self.default_factory, left)
  defMappingOr(T, (self, left) => abs.call(self.type, [(self as PyDefaultDict).factory ?? None, left], null));
  T.slots.new = (t) => newDictSub(t);
  T.slots.init = (self, args, kw) => {
    const d = self as PyDefaultDict;
    const { pos, kw: kws } = kwArgs(args, kw);
    const f = pos[0];
    if (f !== undefined && f !== None && !isCallable(f)) typeError('first argument must be callable or None');
    if (pos.length > 2) typeError(`defaultdict expected at most 2 arguments, got ${pos.length}`);
    const old = d.factory;
    d.factory = f !== undefined && f !== None ? newRef(f) : null;
    if (old) decref(old);
    dictMerge(d, pos[1], kws);
  };
  const missing = (dd: PyDict, k: PyObject): PyObject => {
    const d = dd as PyDefaultDict;
    if (!d.factory) keyError(k);
    const v = abs.call(d.factory, [], null);
    d.setItem(k, v);
    return v;
  };
  installMappingBasics(T, missing);
  defMethod(T, '__missing__', (args, kw, self) => (checkArgs('__missing__', args, kw, 1, 1), missing(asDict(self), args[0])));
  defGetter(
    T,
    'default_factory',
    (o) => newRef((o as PyDefaultDict).factory ?? None),
    (o, v) => {
      const d = o as PyDefaultDict;
      const old = d.factory;
      d.factory = v && v !== None ? newRef(v) : null;
      if (old) decref(old);
    },
  );
  T.slots.repr = (o) => {
    const d = o as PyDefaultDict;
    const f = d.factory ? (abs.reprEnter(d.factory) ? reprLeaveAfter(d.factory) : '...') : 'None';
    return `${shortTypeName(d.type)}(${f}, ${dictBody(d)})`;
  };
  ownRepr(T);
  const copy = (self: PyObject | null) => {
    const d = self as PyDefaultDict;
    const c = newDictSub(d.type);
    c.factory = d.factory ? newRef(d.factory) : null;
    for (const [k, v] of d.entries()) c.setItem(k, v);
    return c;
  };
  defMethod(T, 'copy', (_a, _k, self) => copy(self));
  defMethod(T, '__copy__', (_a, _k, self) => copy(self));
}
export function isCallable(o: PyObject): boolean {
  return o instanceof PyType || !!o.type.slots.call || abs.typeLookup(o.type, '__call__') !== null || ['function', 'builtin_function_or_method', 'method', 'method_descriptor'].includes(o.type.name);
}
function reprLeaveAfter(o: PyObject): string {
  try {
    return abs.repr(o);
  } finally {
    abs.reprLeave(o);
  }
}

/** rebuild a dict's order: `keys` is the new order of existing keys */
function reorder(d: PyDict, keys: PyObject[]): void {
  const pairs = keys.map((k) => [newRef(k), newRef(d.getItem(k)!)] as const);
  for (const [k] of pairs) d.delItem(k);
  for (const [k, v] of pairs) {
    d.setItem(k, v);
    decref(k);
    decref(v);
  }
}

/** odict_or / defdict_or: `|` with a dict on either side makes the OrderedDict's (defaultdict's)
 * type from the left operand (a defaultdict keeps its factory) and updates it with the right one */
function defMappingOr(T: PyType, make: (self: PyObject, left: PyObject) => PyObject): void {
  const or = (left: PyObject, right: PyObject): PyObject => {
    const self = left.type.isSubtype(T) ? left : right;
    const other = self === left ? right : left;
    if (!(other instanceof PyDict)) return newRef(abs.NotImplemented);
    const r = make(self, left);
    try {
      const upd = abs.getAttr(r, 'update');
      try {
        decref(abs.call(upd, [right], null));
      } finally {
        decref(upd);
      }
    } catch (e) {
      decref(r);
      throw e;
    }
    return r;
  };
  defMethod(T, '__or__', (args, _k, self) => or(self!, args[0]));
  defMethod(T, '__ror__', (args, _k, self) => or(args[0], self!));
}

function installOrderedDict(): void {
  // od_inst_dict (tp_dictoffset): a __dict__ getset as a class's (kept aside, abstract.ts extraDicts)
  defGetter(OrderedDictType, '__dict__', subtypeDictGet, subtypeDictSet);
  const T = OrderedDictType;
  defMappingOr(T, (self, left) => abs.call(self.type, [left], null));
  T.slots.new = (t) => newDictSub(t);
  T.slots.init = (self, args, kw) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    if (pos.length > 1) typeError(`expected at most 1 argument, got ${pos.length}`);
    dictMerge(self as PyDict, pos[0], kws);
  };
  installMappingBasics(T, null);
  T.slots.repr = (o) => {
    const d = o as PyDict;
    if (!d.size) return `${shortTypeName(d.type)}()`;
    if (!abs.reprEnter(o)) return '...';
    try {
      return `${shortTypeName(d.type)}([${[...d.entries()].map(([k, v]) => `(${abs.repr(k)}, ${abs.repr(v)})`).join(', ')}])`;
    } finally {
      abs.reprLeave(o);
    }
  };
  ownRepr(T);
  defMethod(T, 'move_to_end', (args, kw, self) => {
    const [key, last] = parseArgs({ name: 'move_to_end', params: ['key', 'last'], required: 1 }, args, kw);
    const d = asDict(self);
    if (d.getItem(key!) === undefined) keyError(key!);
    const keys = d.keyList();
    const idx = keys.findIndex((k) => abs.richCompareBool(k, key!, Cmp.EQ));
    const k = keys.splice(idx, 1)[0];
    if (!last || abs.isTrue(last)) keys.push(k);
    else keys.unshift(k);
    reorder(d, keys);
    return newRef(None);
  });
  defMethod(T, 'popitem', (args, kw, self) => {
    const [last] = parseArgs({ name: 'popitem', params: ['last'] }, args, kw);
    const d = asDict(self);
    if (!d.size) raise(E.KeyError, 'dictionary is empty');
    const keys = d.keyList();
    const k = !last || abs.isTrue(last) ? keys[keys.length - 1] : keys[0];
    const kk = newRef(k);
    const v = newRef(d.getItem(k)!);
    d.delItem(k);
    return newTuple([kk, v]);
  });
  const eq = (a: PyDict, b: PyObject): PyObject => {
    if (!(b instanceof PyDict)) return newRef(abs.NotImplemented);
    if (a.size !== b.size) return newBool(false);
    if (b.type.isSubtype(OrderedDictType)) {
      const ka = a.keyList();
      const kb = b.keyList();
      for (let i = 0; i < ka.length; i++) if (!abs.richCompareBool(ka[i], kb[i], Cmp.EQ)) return newBool(false);
    }
    for (const [k, v] of [...a.entries()]) {
      const w = b.getItem(k);
      if (w === undefined || !abs.richCompareBool(v, w, Cmp.EQ)) return newBool(false);
    }
    return newBool(true);
  };
  defMethod(T, '__eq__', (args, _k, self) => eq(asDict(self), args[0]));
  defMethod(T, '__ne__', (args, _k, self) => {
    const r = eq(asDict(self), args[0]);
    if (r === abs.NotImplemented) return r;
    const b = abs.isTrue(r);
    decref(r);
    return newBool(!b);
  });
  T.dict.setItem(internStr('__hash__'), None);
  defMethod(T, 'copy', (_a, _k, self) => {
    const d = asDict(self);
    const c = newDictSub(d.type);
    for (const [k, v] of d.entries()) c.setItem(k, v);
    return c;
  });
}

// Counter
function counterGet(d: PyDict, k: PyObject): PyObject {
  const v = d.getItem(k);
  return v !== undefined ? newRef(v) : newInt(0);
}
function mostCommon(d: PyDict): [PyObject, PyObject][] {
  const items = [...d.entries()];
  // sorted(items, key=itemgetter(1), reverse=True): stable
  const idx = items.map((_, i) => i);
  idx.sort((a, b) => {
    if (abs.richCompareBool(items[a][1], items[b][1], Cmp.GT)) return -1;
    if (abs.richCompareBool(items[b][1], items[a][1], Cmp.GT)) return 1;
    return a - b;
  });
  return idx.map((i) => items[i]);
}
function counterUpdate(d: PyDict, src: PyObject | undefined, kws: Map<string, PyObject>, sign: 1 | -1): void {
  const add = (k: PyObject, n: PyObject) => {
    const cur = counterGet(d, k);
    try {
      const r = abs.binaryOp(cur, n, sign > 0 ? 0 : 10);
      d.setItem(k, r);
      decref(r);
    } finally {
      decref(cur);
    }
  };
  if (src) {
    if (src instanceof PyDict) {
      if (!d.size && sign > 0 && !(src.type.isSubtype(CounterType))) {
        for (const [k, v] of [...src.entries()]) d.setItem(k, v);
      } else for (const [k, v] of [...src.entries()]) add(k, v);
    } else {
      const one = newInt(1);
      const items = abs.toArray(src);
      try {
        for (const x of items) add(x, one);
      } finally {
        for (const x of items) decref(x);
        decref(one);
      }
    }
  }
  for (const [k, v] of kws) {
    const key = newStr(k);
    add(key, v);
    decref(key);
  }
}
function isPositive(v: PyObject): boolean {
  const z = newInt(0);
  try {
    return abs.richCompareBool(v, z, Cmp.GT);
  } finally {
    decref(z);
  }
}

function installCounter(): void {
  const T = CounterType;
  T.slots.new = (t) => newDictSub(t);
  T.slots.init = (self, args, kw) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    if (pos.length > 1) typeError(`expected at most 1 arguments, got ${pos.length}`);
    counterUpdate(self as PyDict, pos[0], kws, 1);
  };
  installMappingBasics(T, (_d, _k) => newInt(0));
  defMethod(T, '__missing__', () => newInt(0));
  T.slots.repr = (o) => {
    const d = o as PyDict;
    if (!d.size) return `${shortTypeName(d.type)}()`;
    const items = mostCommon(d);
    return `${shortTypeName(d.type)}({${items.map(([k, v]) => abs.repr(k) + ': ' + abs.repr(v)).join(', ')}})`;
  };
  ownRepr(T);
  defMethod(T, 'most_common', (args, kw, self) => {
    const [n] = parseArgs({ name: 'most_common', params: ['n'] }, args, kw);
    let items = mostCommon(asDict(self));
    if (n && n !== None && !(n instanceof PyInt) && !abs.typeLookup(n.type, '__index__')) {
      // heapq.nlargest(n, ...) with an n that is no index: `n == 1`, then `n >= size` (TypeError
      // for a str), then a slice or a range with it
      const one = newInt(1);
      let isOne: boolean;
      try {
        isOne = abs.richCompareBool(n, one, Cmp.EQ);
      } finally {
        decref(one);
      }
      if (isOne) items = items.slice(0, 1);
      else {
        const size = newInt(items.length);
        let ge: boolean;
        try {
          ge = abs.richCompareBool(n, size, Cmp.GE);
        } finally {
          decref(size);
        }
        if (ge) typeError('slice indices must be integers or None or have an __index__ method');
        typeError(`'${n.type.name}' object cannot be interpreted as an integer`);
      }
    } else if (n && n !== None) items = items.slice(0, Math.max(0, Number(abs.index(n))));
    return newList(items.map(([k, v]) => newTuple([newRef(k), newRef(v)])));
  });
  defMethod(T, 'elements', (args, kw, self) => {
    checkArgs('elements', args, kw, 0, 0);
    const out: PyObject[] = [];
    for (const [k, v] of asDict(self).entries()) {
      const n = v instanceof PyInt ? Number(v.v) : Number(abs.index(v));
      for (let i = 0; i < n; i++) out.push(newRef(k));
    }
    // _chain.from_iterable(_starmap(_repeat, self.items())): an itertools.chain (over the
    // repeated elements, gathered here)
    const l = newList(out);
    const it = vmState.importModule!('itertools', vmState.current!);
    let chain: PyObject | null = null;
    try {
      chain = abs.getAttr(it, 'chain');
      return abs.call(chain, [l], null);
    } finally {
      if (chain) decref(chain);
      decref(it);
      decref(l);
    }
  });
  defClassMethod(T, 'fromkeys', () => {
    raise(E.NotImplementedError, 'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.');
  });
  // __pos__/__neg__: the positive counts, the negated negative ones (Lib/collections/__init__.py)
  const unary = (name: string, keep: (v: PyObject) => PyObject | null) =>
    defMethod(T, name, (_a, _k, self) => {
      const out = newDictSub(CounterType);
      try {
        for (const [k, v] of [...asDict(self).entries()]) {
          const r = keep(v);
          if (r) {
            out.setItem(k, r);
            decref(r);
          }
        }
      } catch (e) {
        decref(out);
        throw e;
      }
      return out;
    });
  unary('__pos__', (v) => (isPositive(v) ? newRef(v) : null));
  unary('__neg__', (v) => {
    const z = newInt(0);
    try {
      return abs.richCompareBool(v, z, Cmp.LT) ? abs.binaryOp(z, v, 10) : null;
    } finally {
      decref(z);
    }
  });
  // rich comparisons: missing counts are zero; < and > also need the counters to differ
  const allCounts = (a: PyDict, b: PyDict, op: Cmp): boolean => {
    for (const c of [a, b]) {
      for (const k of [...c.entries()].map((e) => e[0])) {
        const x = counterGet(a, k);
        const y = counterGet(b, k);
        try {
          if (!abs.richCompareBool(x, y, op)) return false;
        } finally {
          decref(x);
          decref(y);
        }
      }
    }
    return true;
  };
  const cmp = (name: string, f: (a: PyDict, b: PyDict) => boolean) =>
    defMethod(T, name, (args, _k, self) => {
      const b = args[0];
      if (!(b instanceof PyDict) || !b.type.isSubtype(CounterType)) return newRef(abs.NotImplemented);
      return newBool(f(asDict(self), b));
    });
  cmp('__eq__', (a, b) => allCounts(a, b, Cmp.EQ));
  cmp('__ne__', (a, b) => !allCounts(a, b, Cmp.EQ));
  cmp('__le__', (a, b) => allCounts(a, b, Cmp.LE));
  cmp('__lt__', (a, b) => allCounts(a, b, Cmp.LE) && !allCounts(a, b, Cmp.EQ));
  cmp('__ge__', (a, b) => allCounts(a, b, Cmp.GE));
  cmp('__gt__', (a, b) => allCounts(a, b, Cmp.GE) && !allCounts(a, b, Cmp.EQ));
  // in-place +=, -=, |=, &=: update self through its items, then _keep_positive
  const itemsOf = (o: PyObject): [PyObject, PyObject][] => {
    const m = abs.getAttr(o, 'items');
    let r: PyObject | null = null;
    try {
      r = abs.call(m, [], null);
      return abs.toArray(r).map((t) => {
        const kv = abs.toArray(t);
        decref(t);
        return [kv[0], kv[1]] as [PyObject, PyObject];
      });
    } finally {
      decref(m);
      if (r) decref(r);
    }
  };
  const keepPositive = (d: PyDict) => {
    for (const [k, v] of [...d.entries()]) {
      if (!isPositive(v)) {
        incref(k);
        d.delItem(k);
        decref(k);
      }
    }
  };
  const inplace = (name: string, step: (d: PyDict, k: PyObject, v: PyObject) => void, overSelf = false) =>
    defMethod(T, name, (args, _k, self) => {
      const d = asDict(self);
      const pairs = overSelf ? [...d.entries()].map(([k, v]) => [newRef(k), newRef(v)] as [PyObject, PyObject]) : itemsOf(args[0]);
      try {
        for (const [k, v] of pairs) {
          if (overSelf) {
            const o = abs.getItem(args[0], k);
            try {
              step(d, k, o);
            } finally {
              decref(o);
            }
          } else step(d, k, v);
        }
      } finally {
        for (const [k, v] of pairs) {
          decref(k);
          decref(v);
        }
      }
      keepPositive(d);
      return newRef(d);
    });
  const addTo = (op: number) => (d: PyDict, k: PyObject, v: PyObject) => {
    const cur = counterGet(d, k);
    try {
      const r = abs.binaryOp(cur, v, op);
      d.setItem(k, r);
      decref(r);
    } finally {
      decref(cur);
    }
  };
  inplace('__iadd__', addTo(0));
  inplace('__isub__', addTo(10));
  inplace('__ior__', (d, k, v) => {
    const cur = counterGet(d, k);
    try {
      if (abs.richCompareBool(v, cur, Cmp.GT)) d.setItem(k, v);
    } finally {
      decref(cur);
    }
  });
  // (other[elem] < count: other's own counts, missing as zero through its __missing__)
  inplace('__iand__', (d, k, o) => {
    const cur = counterGet(d, k);
    try {
      if (abs.richCompareBool(o, cur, Cmp.LT)) d.setItem(k, o);
    } finally {
      decref(cur);
    }
  }, true);
  defMethod(T, 'total', (args, kw, self) => {
    checkArgs('total', args, kw, 0, 0);
    let acc: PyObject = newInt(0);
    for (const v of [...asDict(self).entries()].map((e) => e[1])) {
      const r = abs.binaryOp(acc, v, 0);
      decref(acc);
      acc = r;
    }
    return acc;
  });
  defMethod(T, 'update', (args, kw, self) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    counterUpdate(asDict(self), pos[0], kws, 1);
    return newRef(None);
  });
  defMethod(T, 'subtract', (args, kw, self) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    counterUpdate(asDict(self), pos[0], kws, -1);
    return newRef(None);
  });
  defMethod(T, 'copy', (_a, _k, self) => {
    const d = asDict(self);
    const c = newDictSub(d.type);
    for (const [k, v] of d.entries()) c.setItem(k, v);
    return c;
  });
  const binop = (name: string, f: (a: PyDict, b: PyDict, out: PyDict) => void) =>
    defMethod(T, name, (args, _k, self) => {
      const b = args[0];
      if (!(b instanceof PyDict) || !b.type.isSubtype(CounterType)) return newRef(abs.NotImplemented);
      const out = newDictSub(CounterType);
      try {
        f(asDict(self), b, out);
      } catch (e) {
        decref(out);
        throw e;
      }
      return out;
    });
  binop('__add__', (a, b, out) => {
    for (const [k, v] of [...a.entries()]) {
      const o = counterGet(b, k);
      const s = abs.binaryOp(v, o, 0);
      decref(o);
      if (isPositive(s)) out.setItem(k, s);
      decref(s);
    }
    for (const [k, v] of [...b.entries()]) if (a.getItem(k) === undefined && isPositive(v)) out.setItem(k, v);
  });
  binop('__sub__', (a, b, out) => {
    for (const [k, v] of [...a.entries()]) {
      const o = counterGet(b, k);
      const s = abs.binaryOp(v, o, 10);
      decref(o);
      if (isPositive(s)) out.setItem(k, s);
      decref(s);
    }
    const z = newInt(0);
    for (const [k, v] of [...b.entries()]) {
      if (a.getItem(k) === undefined && abs.richCompareBool(v, z, Cmp.LT)) {
        const n = abs.binaryOp(z, v, 10);
        out.setItem(k, n);
        decref(n);
      }
    }
    decref(z);
  });
  binop('__or__', (a, b, out) => {
    for (const [k, v] of [...a.entries()]) {
      const o = b.getItem(k);
      const m = o !== undefined && abs.richCompareBool(v, o, Cmp.LT) ? o : v;
      if (isPositive(m)) out.setItem(k, m);
    }
    for (const [k, v] of [...b.entries()]) if (a.getItem(k) === undefined && isPositive(v)) out.setItem(k, v);
  });
  binop('__and__', (a, b, out) => {
    for (const [k, v] of [...a.entries()]) {
      const o = b.getItem(k);
      if (o === undefined) continue;
      const m = abs.richCompareBool(v, o, Cmp.LT) ? v : o;
      if (isPositive(m)) out.setItem(k, m);
    }
  });
}

// ------------------------------------------------------------------ namedtuple
interface NTInfo {
  fields: string[];
  defaults: PyObject[];
}
const ntInfo = new WeakMap<PyType, NTInfo>();
function ntOf(t: PyType): NTInfo {
  for (const m of t.mro) {
    const i = ntInfo.get(m);
    if (i) return i;
  }
  typeError('not a namedtuple');
}

function ntNew(t: PyType, args: PyObject[], kw: string[] | null): PyObject {
  const info = ntOf(t);
  const { pos, kw: kws } = kwArgs(args, kw);
  const f = info.fields;
  const n = f.length;
  const qn = `${t.name}.__new__()`;
  if (pos.length > n) typeError(`${qn} takes ${n + 1} positional arguments but ${pos.length + 1} were given`);
  const vals: (PyObject | undefined)[] = new Array(n).fill(undefined);
  pos.forEach((v, i) => (vals[i] = v));
  for (const [k, v] of kws) {
    const i = f.indexOf(k);
    if (i < 0) typeError(`${qn} got an unexpected keyword argument '${k}'`);
    if (vals[i] !== undefined) typeError(`${qn} got multiple values for argument '${k}'`);
    vals[i] = v;
  }
  const nd = info.defaults.length;
  for (let i = n - nd; i < n; i++) if (vals[i] === undefined) vals[i] = info.defaults[i - (n - nd)];
  const missing = f.filter((_, i) => vals[i] === undefined);
  if (missing.length) {
    const q = missing.map((m) => `'${m}'`);
    const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
    typeError(`${qn} missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
  }
  return makeNT(t, vals.map((v) => newRef(v!)));
}
/** a namedtuple instance owning `items` */
/** a tuple-subclass instance: it also holds its heap type (subtype_traverse) */
class PyNTuple extends PyTuple {
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    super.traverse(visit);
  }
}
export function makeNT(t: PyType, items: PyObject[]): PyTuple {
  const o = new PyNTuple(t, items);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  gcNewTracked(o);
  return o;
}

// ------------------------------------------------------------------ _tuplegetter
/** _collections._tuplegetter (Modules/_collectionsmodule.c): a namedtuple field's accessor, a
 * data descriptor reading item `index` of the tuple, with a writable __doc__. Like the class's
 * other descriptors it lives as long as the interpreter (RefScope keeps them out of the heap). */
export const TupleGetterType = makeType('_tuplegetter', null, TypeFlags.HAVE_GC, 32);
inModule(TupleGetterType, '_collections');
export class PyTupleGetter extends PyGetSet {
  constructor(
    owner: PyType,
    name: string,
    public index: number,
    public doc: PyObject | null,
  ) {
    super(TupleGetterType, name, owner, (o) => tupleGetterGet(this, o), tupleGetterSet);
  }
  /** tuplegetter_traverse: the doc */
  override traverse(visit: Visit): void {
    if (this.doc) visit(this.doc, Edge.OTHER, '__doc__');
  }
  override dealloc(): void {
    const d = this.doc;
    this.doc = null;
    if (d) decref(d);
  }
}
/** tuplegetter_descr_get with an instance */
function tupleGetterGet(g: PyTupleGetter, o: PyObject): PyObject {
  if (!(o instanceof PyTuple)) typeError(`descriptor for index '${g.index}' for tuple subclasses doesn't apply to '${o.type.name}' object`);
  if (g.index >= o.items.length) raise(E.IndexError, 'tuple index out of range');
  return newRef(o.items[g.index]);
}
/** tuplegetter_descr_set: neither assignment nor deletion */
function tupleGetterSet(_o: PyObject, v: PyObject | null): void {
  raise(E.AttributeError, v === null ? "can't delete attribute" : "can't set attribute");
}
TupleGetterType.slots.repr = (o) => {
  const g = o as PyTupleGetter;
  return `_tuplegetter(${g.index}, ${abs.repr(g.doc ?? None)})`;
};
defMethod(TupleGetterType, '__get__', (args, kw, self) => {
  if (kw && kw.length) typeError('wrapper __get__() takes no keyword arguments');
  if (args.length < 1 || args.length > 2) typeError(args.length < 1 ? `expected at least 1 argument, got ${args.length}` : `expected at most 2 arguments, got ${args.length}`);
  const obj = args[0];
  if (obj === None && (args.length < 2 || args[1] === None)) typeError('__get__(None, None) is invalid');
  if (obj === None) return newRef(self!);
  return tupleGetterGet(self as PyTupleGetter, obj);
});
defMethod(TupleGetterType, '__set__', (args, kw, self) => {
  checkArgs('__set__', args, kw, 2, 2);
  tupleGetterSet(self!, args[1]);
  return newRef(None);
});
defMethod(TupleGetterType, '__delete__', (args, kw, self) => {
  checkArgs('__delete__', args, kw, 1, 1);
  tupleGetterSet(self!, null);
  return newRef(None);
});
defMethod(TupleGetterType, '__reduce__', (args, kw, self) => {
  checkArgs('__reduce__', args, kw, 0, 0);
  const g = self as PyTupleGetter;
  return newTuple([newRef(TupleGetterType), newTuple([newInt(g.index), newRef(g.doc ?? None)])]);
});
defGetter(
  TupleGetterType,
  '__doc__',
  (o) => newRef((o as PyTupleGetter).doc ?? None),
  (o, v) => {
    const g = o as PyTupleGetter;
    const old = g.doc;
    g.doc = v === null ? null : newRef(v);
    if (old) decref(old);
  },
);

/** collections.namedtuple as a native class factory (a tuple subclass with __slots__ = ()) */
export function makeNamedTuple(name: string, fields: string[], module: string, defaults: PyObject[] = []): PyType {
  const ns = newDict();
  const set = (k: string, v: PyObject) => {
    const key = internStr(k);
    ns.setItem(key, v);
    decref(key);
    decref(v);
  };
  set('__module__', newStr(module));
  set('__slots__', newTuple([]));
  set('__doc__', newStr(`${name}(${fields.join(', ')})`));
  set('_fields', newTuple(fields.map((f) => newStr(f))));
  set('__match_args__', newTuple(fields.map((f) => newStr(f))));
  const fd = newDict();
  const nd = defaults.length;
  for (let i = 0; i < nd; i++) {
    const k = newStr(fields[fields.length - nd + i]);
    fd.setItem(k, defaults[i]);
    decref(k);
  }
  set('_field_defaults', fd);
  let t: PyType;
  try {
    t = typeNew(TypeType, name, [TupleType], ns);
  } finally {
    decref(ns);
  }
  gcNewObject(t, true);
  ntInfo.set(t, { fields, defaults });
  // the type keeps the defaults alive through _field_defaults
  t.slots.new = ntNew;
  t.slots.init = undefined;
  // the class's own __new__(_cls, ...) (pickle's NEWOBJ calls cls.__new__(cls, *args))
  const newFn = builtinFunction('__new__', (args, kw) => {
    const cls = args[0];
    if (!(cls instanceof PyType) || !cls.isSubtype(t)) typeError(`__new__() missing 1 required positional argument: '_cls'`);
    return ntNew(cls, args.slice(1), kw);
  }, null, `${name}.__new__`);
  t.dict.setItem(internStr('__new__'), newFn);
  t.slots.repr = (o) => {
    const items = (o as PyTuple).items;
    const info = ntOf(o.type);
    if (!abs.reprEnter(o)) return '...';
    try {
      return `${o.type.name}(${info.fields.map((f, i) => `${f}=${abs.repr(items[i])}`).join(', ')})`;
    } finally {
      abs.reprLeave(o);
    }
  };
  t.nativeSlots = { new: t.slots.new, init: undefined, repr: t.slots.repr };
  // the fields are _tuplegetter(index, 'Alias for field number <index>') (Lib/collections)
  fields.forEach((f, i) => {
    const doc = newStr(`Alias for field number ${i}`);
    doc.rc = 1_000_000_000;
    const g = new PyTupleGetter(t, f, i, doc);
    g.rc = 1_000_000_000;
    const key = internStr(f);
    t.dict.setItem(key, g);
    decref(key);
  });
  t.invalidate();
  defMethod(t, '_asdict', (args, kw, self) => {
    checkArgs('_asdict', args, kw, 0, 0);
    const d = newDict();
    const items = (self as PyTuple).items;
    ntOf(self!.type).fields.forEach((f, i) => {
      const k = newStr(f);
      d.setItem(k, items[i]);
      decref(k);
    });
    return d;
  });
  defMethod(t, '_replace', (args, kw, self) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    if (pos.length) typeError(`_replace() takes 1 positional argument but ${pos.length + 1} were given`);
    const info = ntOf(self!.type);
    const items = (self as PyTuple).items.map((x, i) => kws.get(info.fields[i]) ?? x);
    const extra = [...kws.keys()].filter((k) => !info.fields.includes(k));
    if (extra.length) raise(E.ValueError, `Got unexpected field names: [${extra.map((e) => `'${e}'`).join(', ')}]`);
    return makeNT(self!.type, items.map(newRef));
  });
  defClassMethod(t, '_make', (args, kw, cls) => {
    checkArgs('_make', args, kw, 1, 1);
    const c = cls as PyType;
    const items = abs.toArray(args[0]);
    const n = ntOf(c).fields.length;
    if (items.length !== n) {
      for (const x of items) decref(x);
      typeError(`Expected ${n} arguments, got ${items.length}`);
    }
    return makeNT(c, items);
  });
  defMethod(t, '__getnewargs__', (_a, _k, self) => newTuple((self as PyTuple).items.map(newRef)));
  // (the class's own __repr__, as Lib/collections defines it: pprint and reprlib tell a
  // namedtuple from a plain tuple by it)
  defMethod(t, '__repr__', (args, kw, self) => {
    checkArgs('__repr__', args, kw, 0, 0);
    return newStr(t.nativeSlots!.repr!(self!));
  });
  return t;
}

function callerModule(): string {
  const f = vmState.current;
  const n = f ? f.globals.getItem(abs.strKey('__name__')) : undefined;
  return n instanceof PyStr ? n.v : '__main__';
}

/** str.isidentifier (XID_Start / XID_Continue: names in any script, 姓名 among them) */
function isIdentifier(s: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(s.normalize('NFKC'));
}

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

let installed = false;
registerModule('collections', (m) => {
  if (!installed) {
    installed = true;
    installDeque();
    installDefaultDict();
    installOrderedDict();
    installCounter();
    installCollectionsReduces();
    // (the deque iterators' types exist from the import on, as CPython's do: their slot wrappers)
    for (const reverse of [false, true]) {
      // dequeiter_len: the items left
      defMethod(iterType(reverse ? '_deque_reverse_iterator' : '_deque_iterator', '_collections', 56), '__length_hint__', (args, kw, self) => {
        checkArgs('__length_hint__', args, kw, 0, 0);
        return newInt((self as unknown as DequeIter).counter());
      });
    }
  }
  m.set('deque', DequeType);
  m.set('defaultdict', DefaultDictType);
  m.set('OrderedDict', OrderedDictType);
  m.set('Counter', CounterType);
  m.fn('namedtuple', (args, kw) => {
    const [tn, fn, rename, defaults, module] = parseArgs({ name: 'namedtuple', params: ['typename', 'field_names', '*', 'rename', 'defaults', 'module'], required: 2 }, args, kw);
    if (!(tn instanceof PyStr)) typeError('Type names and field names must be strings');
    let fields: string[];
    if (fn instanceof PyStr) fields = fn.v.replace(/,/g, ' ').split(/\s+/).filter((s) => s);
    else {
      const items = abs.toArray(fn!);
      fields = items.map((x) => abs.str(x));
      for (const x of items) decref(x);
    }
    const doRename = rename ? abs.isTrue(rename) : false;
    const seen = new Set<string>();
    fields = fields.map((f, i) => {
      if (doRename && (!isIdentifier(f) || KEYWORDS.has(f) || f.startsWith('_') || seen.has(f))) f = `_${i}`;
      seen.add(f);
      return f;
    });
    for (const n of [tn.v, ...fields]) {
      if (!isIdentifier(n)) raise(E.ValueError, `Type names and field names must be valid identifiers: '${n}'`);
      if (KEYWORDS.has(n)) raise(E.ValueError, `Type names and field names cannot be a keyword: '${n}'`);
    }
    const seen2 = new Set<string>();
    for (const f of fields) {
      if (f.startsWith('_') && !doRename) raise(E.ValueError, `Field names cannot start with an underscore: '${f}'`);
      if (seen2.has(f)) raise(E.ValueError, `Encountered duplicate field name: '${f}'`);
      seen2.add(f);
    }
    let dfl: PyObject[] = [];
    if (defaults && defaults !== None) {
      dfl = abs.toArray(defaults);
      if (dfl.length > fields.length) {
        for (const x of dfl) decref(x);
        typeError('Got more default values than field names');
      }
    }
    const mod = module && module !== None ? abs.str(module) : callerModule();
    const t = makeNamedTuple(tn.v, fields, mod, dfl);
    for (const x of dfl) decref(x);
    return t;
  });
  void PyList;
  execStdlibSource(m, CHAINMAP_SRC, 'collections/__init__.py');
  // UserDict, UserList, UserString: defined on first use (abs.lazyModuleAttrs)
  const mod = m.module;
  for (const name of ['UserDict', 'UserList', 'UserString']) {
    abs.lazyModuleAttrs.set(`collections.${name}`, () => {
      execSource(new ModuleBuilder(mod), placeLines(USER_CLASSES_SRC), stdlibFilename('collections', 'collections/__init__.py'));
      return abs.getAttr(mod, name);
    });
  }
});

// collections.abc (Lib/_collections_abc.py as source); importing it makes it collections.abc
registerModule('collections.abc', (m) => {
  // (its function is RefScope's: _collections_abc's, not the module's)
  m.functionsOf('_collections_abc');
  // instances of C are callable natively (builtins.callable's tests, for a class)
  const CALLABLE_BUILTINS = new Set(['function', 'builtin_function_or_method', 'method_descriptor', 'method', 'wrapper_descriptor', 'method-wrapper', 'staticmethod', 'classmethod_descriptor']);
  m.fn('_has_call_slot', (args) => {
    const t = args[0];
    if (!(t instanceof PyType)) return newBool(false);
    const native = t.mro.some((b) => !(b.flags & TypeFlags.HEAPTYPE) && CALLABLE_BUILTINS.has(b.name));
    return newBool(native || t.isSubtype(TypeType) || t.slots.call !== undefined);
  });
  // (Lib/collections/abc.py runs `from _collections_abc import *`: the frozen module's code)
  setStdlibFile(m, 'collections/abc.py');
  execSource(m, placeLines(COLLECTIONS_ABC_SRC), stdlibFilename('_collections_abc', '_collections_abc.py'));
  const parent = vmState.importModule!('collections', vmState.current!);
  try {
    abs.setAttr(parent, 'abc', m.module);
  } finally {
    decref(parent);
  }
});
