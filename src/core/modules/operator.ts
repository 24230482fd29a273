// operator (Modules/_operator.c): the operator functions and itemgetter / attrgetter /
// methodcaller types.

import { PyObject, PyType, TypeFlags, Edge, newRef, decref, type Visit } from '../runtime/object';
import { makeType, inModule } from '../runtime/types';
import { registerModule, checkArgs } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { newInt, newBool } from '../runtime/objects/int';
import { PyStr } from '../runtime/objects/str';
import { newTuple } from '../runtime/objects/tuple';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { gcNewObject } from '../runtime/gc';
import { lengthHint } from '../runtime/objects/common_methods';

/** an object holding references (itemgetter items, attrgetter names, methodcaller args) */
export class PyHolder extends PyObject {
  constructor(
    type: PyType,
    public held: PyObject[],
    public kwnames: string[] = [],
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    for (const h of this.held) visit(h, Edge.OTHER, 'item');
  }
  override dealloc(): void {
    const h = this.held;
    this.held = [];
    for (const x of h) decref(x);
  }
}

function holderType(name: string, basicsize: number): PyType {
  const t = makeType(name, null, TypeFlags.HAVE_GC, basicsize);
  inModule(t, 'operator');
  return t;
}
export const ItemGetterType = holderType('itemgetter', 48);
export const AttrGetterType = holderType('attrgetter', 40);
export const MethodCallerType = holderType('methodcaller', 40);

function newHolder(t: PyType, held: PyObject[], kwnames: string[] = []): PyHolder {
  const h = new PyHolder(t, held, kwnames);
  gcNewObject(h, true);
  return h;
}

function dottedAttr(o: PyObject, name: string): PyObject {
  let cur = newRef(o);
  for (const part of name.split('.')) {
    try {
      const nx = abs.getAttr(cur, part);
      decref(cur);
      cur = nx;
    } catch (e) {
      decref(cur);
      throw e;
    }
  }
  return cur;
}

let installed = false;
function install(): void {
  ItemGetterType.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('itemgetter() takes no keyword arguments');
    if (!args.length) typeError('itemgetter expected 1 argument, got 0');
    return newHolder(ItemGetterType, args.map(newRef));
  };
  ItemGetterType.slots.call = (self, args, kw) => {
    checkArgs('itemgetter', args, kw, 1, 1);
    const h = (self as PyHolder).held;
    if (h.length === 1) return abs.getItem(args[0], h[0]);
    const out: PyObject[] = [];
    try {
      for (const k of h) out.push(abs.getItem(args[0], k));
    } catch (e) {
      for (const x of out) decref(x);
      throw e;
    }
    return newTuple(out);
  };
  ItemGetterType.slots.repr = (o) => `operator.itemgetter(${(o as PyHolder).held.map(abs.repr).join(', ')})`;

  AttrGetterType.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('attrgetter() takes no keyword arguments');
    if (!args.length) typeError('attrgetter expected 1 argument, got 0');
    for (const a of args) if (!(a instanceof PyStr)) typeError('attribute name must be a string');
    return newHolder(AttrGetterType, args.map(newRef));
  };
  AttrGetterType.slots.call = (self, args, kw) => {
    checkArgs('attrgetter', args, kw, 1, 1);
    const h = (self as PyHolder).held;
    if (h.length === 1) return dottedAttr(args[0], (h[0] as PyStr).v);
    const out: PyObject[] = [];
    try {
      for (const k of h) out.push(dottedAttr(args[0], (k as PyStr).v));
    } catch (e) {
      for (const x of out) decref(x);
      throw e;
    }
    return newTuple(out);
  };
  AttrGetterType.slots.repr = (o) => `operator.attrgetter(${(o as PyHolder).held.map(abs.repr).join(', ')})`;

  MethodCallerType.slots.new = (_t, args, kw) => {
    const nkw = kw ? kw.length : 0;
    if (args.length - nkw < 1) typeError('methodcaller needs at least one argument, the method name');
    if (!(args[0] instanceof PyStr)) typeError('method name must be a string');
    return newHolder(MethodCallerType, args.map(newRef), kw ? [...kw] : []);
  };
  MethodCallerType.slots.call = (self, args, kw) => {
    checkArgs('methodcaller', args, kw, 1, 1);
    const h = self as PyHolder;
    const m = abs.getAttr(args[0], (h.held[0] as PyStr).v);
    try {
      return abs.call(m, h.held.slice(1), h.kwnames.length ? h.kwnames : null);
    } finally {
      decref(m);
    }
  };
  MethodCallerType.slots.repr = (o) => {
    const h = o as PyHolder;
    const nkw = h.kwnames.length;
    const pos = h.held.slice(1, h.held.length - nkw).map(abs.repr);
    const kws = h.kwnames.map((k, i) => `${k}=${abs.repr(h.held[h.held.length - nkw + i])}`);
    return `operator.methodcaller(${[abs.repr(h.held[0]), ...pos, ...kws].join(', ')})`;
  };
}

const BIN: [string, number][] = [
  ['add', 0],
  ['and_', 1],
  ['floordiv', 2],
  ['lshift', 3],
  ['matmul', 4],
  ['mul', 5],
  ['mod', 6],
  ['or_', 7],
  ['pow', 8],
  ['rshift', 9],
  ['sub', 10],
  ['truediv', 11],
  ['xor', 12],
];
const CMP: [string, Cmp][] = [
  ['lt', Cmp.LT],
  ['le', Cmp.LE],
  ['eq', Cmp.EQ],
  ['ne', Cmp.NE],
  ['gt', Cmp.GT],
  ['ge', Cmp.GE],
];

registerModule('operator', (m) => {
  // its functions are _operator's in CPython (their __self__)
  m.functionsOf('_operator');
  if (!installed) {
    installed = true;
    install();
  }
  const def = (names: string[], f: (args: PyObject[], kw: string[] | null) => PyObject) => {
    for (const n of names) {
      m.fn(n, f);
      if (!n.startsWith('__') && n !== 'not_' && n !== 'truth' && n !== 'contains' && n !== 'countOf' && n !== 'indexOf' && n !== 'is_' && n !== 'is_not' && n !== 'length_hint') {
        const d = n.endsWith('_') ? n.slice(0, -1) : n;
        if (!names.includes(`__${d}__`)) m.fn(`__${d}__`, f);
      }
    }
  };
  for (const [n, op] of BIN) {
    def([n], (args, kw) => {
      checkArgs(n, args, kw, 2, 2);
      return abs.binaryOp(args[0], args[1], op);
    });
    const iname = 'i' + n.replace(/_$/, '');
    def([iname], (args, kw) => {
      checkArgs(iname, args, kw, 2, 2);
      return abs.binaryOp(args[0], args[1], op + 13);
    });
  }
  def(['concat'], (args, kw) => {
    checkArgs('concat', args, kw, 2, 2);
    if (!abs.typeLookup(args[0].type, '__getitem__')) typeError(`'${args[0].type.name}' object can't be concatenated`);
    return abs.binaryOp(args[0], args[1], 0);
  });
  def(['iconcat'], (args, kw) => {
    checkArgs('iconcat', args, kw, 2, 2);
    return abs.binaryOp(args[0], args[1], 13);
  });
  for (const [n, op] of CMP) {
    def([n], (args, kw) => {
      checkArgs(n, args, kw, 2, 2);
      return abs.richCompare(args[0], args[1], op);
    });
  }
  def(['neg'], (args, kw) => (checkArgs('neg', args, kw, 1, 1), abs.unaryNeg(args[0])));
  def(['pos'], (args, kw) => (checkArgs('pos', args, kw, 1, 1), abs.unaryPos(args[0])));
  def(['invert', 'inv'], (args, kw) => (checkArgs('invert', args, kw, 1, 1), abs.unaryInvert(args[0])));
  def(['abs'], (args, kw) => {
    checkArgs('abs', args, kw, 1, 1);
    const r = abs.callSpecial(args[0], '__abs__', []);
    if (!r) typeError(`bad operand type for abs(): '${args[0].type.name}'`);
    return r;
  });
  def(['not_'], (args, kw) => (checkArgs('not_', args, kw, 1, 1), newBool(!abs.isTrue(args[0]))));
  def(['truth'], (args, kw) => (checkArgs('truth', args, kw, 1, 1), newBool(abs.isTrue(args[0]))));
  def(['is_'], (args, kw) => (checkArgs('is_', args, kw, 2, 2), newBool(args[0] === args[1])));
  def(['is_not'], (args, kw) => (checkArgs('is_not', args, kw, 2, 2), newBool(args[0] !== args[1])));
  def(['index'], (args, kw) => (checkArgs('index', args, kw, 1, 1), newInt(abs.index(args[0]))));
  def(['contains'], (args, kw) => (checkArgs('contains', args, kw, 2, 2), newBool(abs.contains(args[0], args[1]))));
  def(['getitem'], (args, kw) => (checkArgs('getitem', args, kw, 2, 2), abs.getItem(args[0], args[1])));
  def(['setitem'], (args, kw) => {
    checkArgs('setitem', args, kw, 3, 3);
    abs.setItem(args[0], args[1], args[2]);
    return newRef(None);
  });
  def(['delitem'], (args, kw) => {
    checkArgs('delitem', args, kw, 2, 2);
    abs.delItem(args[0], args[1]);
    return newRef(None);
  });
  m.fn('countOf', (args, kw) => {
    checkArgs('countOf', args, kw, 2, 2);
    const items = abs.toArray(args[0]);
    let n = 0;
    try {
      for (const x of items) if (abs.richCompareBool(x, args[1], Cmp.EQ)) n++;
    } finally {
      for (const x of items) decref(x);
    }
    return newInt(n);
  });
  m.fn('indexOf', (args, kw) => {
    checkArgs('indexOf', args, kw, 2, 2);
    const items = abs.toArray(args[0]);
    try {
      for (let i = 0; i < items.length; i++) if (abs.richCompareBool(items[i], args[1], Cmp.EQ)) return newInt(i);
    } finally {
      for (const x of items) decref(x);
    }
    raise(E.ValueError, 'sequence.index(x): x not in sequence');
  });
  // _operator_length_hint_impl: PyObject_LengthHint(obj, default), default a Py_ssize_t
  m.fn('length_hint', (args, kw) => {
    checkArgs('length_hint', args, kw, 1, 2);
    let dflt = 0;
    if (args.length > 1) {
      const v = abs.index(args[1]);
      if (typeof v === 'bigint') raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
      dflt = v;
    }
    return newInt(lengthHint(args[0], dflt));
  });
  m.set('itemgetter', ItemGetterType);
  m.set('attrgetter', AttrGetterType);
  m.set('methodcaller', MethodCallerType);
});
