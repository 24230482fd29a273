// Methods of int and bool (Objects/longobject.c, Objects/boolobject.c).

import { PyObject, PyType, TypeFlags, newRef, decref, incref } from '../object';
import { typeError, raise, numErrException } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import * as N from '../numeric';
import { PyInt, IntType, BoolType, newInt, newBool, True, False, intSizeof } from './int';
import { PyFloat, newFloat } from './float';
import { PyStr, newStr } from './str';
import { newTuple, gcNewTracked } from './tuple';
import { None } from './singletons';
import { defGetter, parseArgs } from '../define';
import { strToInt, intToDecimalString } from '../primitives/intstr';
import { hashInt, hashFloat, hashPointer } from '../primitives/hash';
import { formatInt } from '../primitives/format';
import { def, def0, defBin, defUn, notImpl, withTypeEdge } from './common_methods';
import { mapFormatError } from './str_methods';
import { bytesLike as bytesOf } from './bytes';
import { FormatError } from '../primitives/errors';
import { bytesRepr } from '../primitives/bytesrepr';

/** run f, turning NumErr into Python exceptions */
export function num<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof N.NumErr) throw numErrException(E.excTypes.get(e.pyType)!, e);
    throw e;
  }
}

const PyIntSub = withTypeEdge(PyInt);

/** an int of type t with value v (int subclasses keep the value) */
export function makeInt(t: PyType, v: N.Int): PyObject {
  if (t === IntType) return newInt(v);
  const o = new PyIntSub(t, v);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  // a heap subclass is a gc type (type_new_alloc: all heap types have Py_TPFLAGS_HAVE_GC)
  if (t.flags & TypeFlags.HAVE_GC) gcNewTracked(o);
  return o;
}

/** PyNumber_Long(o) (int(o)) as a value */
export function toIntValue(o: PyObject): N.Int {
  if (o instanceof PyInt) return o.v;
  if (o instanceof PyFloat) return num(() => N.floatToInt(o.v));
  if (o instanceof PyStr) return mapFormatError(() => strToInt(o.v, 10));
  for (const m of ['__int__', '__index__', '__trunc__']) {
    const r = abs.callSpecial(o, m, []);
    if (r) {
      try {
        if (!(r instanceof PyInt)) {
          if (m === '__trunc__') return toIntValue(r);
          typeError(`${m}() returned non-int (type ${r.type.name})`);
        }
        return r.v;
      } finally {
        decref(r);
      }
    }
  }
  const b = bytesOf(o);
  if (b !== null) return bytesToInt(b, 10);
  typeError(`int() argument must be a string, a bytes-like object or a real number, not '${o.type.name}'`);
}

/** _PyLong_FromBytes: the bytes as an ASCII literal (the error shows the bytes' repr) */
function bytesToInt(b: Uint8Array, base: number): N.Int {
  try {
    return strToInt(String.fromCharCode(...b), base);
  } catch (e) {
    if (e instanceof FormatError && e.message.startsWith('invalid literal')) raise(E.ValueError, `invalid literal for int() with base ${base}: ${bytesRepr(b.slice(0, 200))}`);
    if (e instanceof FormatError) raise(E.ValueError, e.message);
    throw e;
  }
}

function intRound(v: N.Int, nd: N.Int): N.Int {
  if (N.intSign(nd) >= 0) return v;
  const p = N.intPow(10, N.intNeg(nd)) as N.Int;
  const [q0, r] = N.intDivmod(v, p);
  let q = q0;
  const twice = N.intMul(r, 2);
  const c = N.intCmp(twice, p);
  if (c > 0 || (c === 0 && N.intAnd(q, 1) === 1)) q = N.intAdd(q, 1);
  return N.intMul(q, p);
}

function bitLength(v: N.Int): number {
  const x = typeof v === 'bigint' ? (v < 0n ? -v : v) : BigInt(Math.abs(v));
  return x === 0n ? 0 : x.toString(2).length;
}

export function installIntMethods(): void {
  const T = IntType;
  T.slots.new = (t, args, kw) => {
    const [x, base] = parseArgs({ name: 'int', params: ['x', '/', 'base'], clinic: 'int' }, args, kw);
    if (x === undefined) {
      if (base !== undefined) typeError("int() missing string argument");
      return makeInt(t, 0);
    }
    if (base === undefined) return makeInt(t, toIntValue(x));
    const b = abs.asIndex(base);
    const xb = x instanceof PyStr ? null : bytesOf(x);
    if (!(x instanceof PyStr) && xb === null) typeError("int() can't convert non-string with explicit base");
    if (b !== 0 && (b < 2 || b > 36)) raise(E.ValueError, 'int() base must be >= 2 and <= 36, or 0');
    if (xb !== null) return makeInt(t, bytesToInt(xb, b));
    return makeInt(t, mapFormatError(() => strToInt((x as PyStr).v, b)));
  };
  BoolType.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('bool() takes no keyword arguments');
    if (args.length > 1) typeError(`bool expected at most 1 argument, got ${args.length}`);
    return newBool(args.length ? abs.isTrue(args[0]) : false);
  };
  T.slots.hash = (o) => hashInt((o as PyInt).v);
  T.slots.bool = (o) => (o as PyInt).v !== 0;

  const V = (o: PyObject) => (o as PyInt).v;
  const bin = (name: string, f: (a: N.Int, b: N.Int) => PyObject, boolf?: (a: boolean, b: boolean) => boolean) => {
    defBin(T, name, (self, o) => {
      if (!(o instanceof PyInt)) return notImpl();
      if (boolf && self.type === BoolType && o.type === BoolType) return newBool(boolf(self === True, o === True));
      return num(() => f(V(self), o.v));
    });
  };
  const both = (name: string, f: (a: N.Int, b: N.Int) => PyObject, boolf?: (a: boolean, b: boolean) => boolean) => {
    bin(`__${name}__`, f, boolf);
    defBin(T, `__r${name}__`, (self, o) => {
      if (!(o instanceof PyInt)) return notImpl();
      if (boolf && self.type === BoolType && o.type === BoolType) return newBool(boolf(o === True, self === True));
      return num(() => f(o.v, V(self)));
    });
  };
  both('add', (a, b) => newInt(N.intAdd(a, b)));
  both('sub', (a, b) => newInt(N.intSub(a, b)));
  both('mul', (a, b) => newInt(N.intMul(a, b)));
  both('floordiv', (a, b) => newInt(N.intFloorDiv(a, b)));
  both('mod', (a, b) => newInt(N.intMod(a, b)));
  both('truediv', (a, b) => newFloat(N.intTrueDiv(a, b)));
  both('divmod', (a, b) => {
    const [q, r] = N.intDivmod(a, b);
    return newTuple([newInt(q), newInt(r)]);
  });
  both('lshift', (a, b) => newInt(N.intLshift(a, b)));
  both('rshift', (a, b) => newInt(N.intRshift(a, b)));
  both('and', (a, b) => newInt(N.intAnd(a, b)), (a, b) => a && b);
  both('or', (a, b) => newInt(N.intOr(a, b)), (a, b) => a || b);
  both('xor', (a, b) => newInt(N.intXor(a, b)), (a, b) => a !== b);
  const pw = (a: N.Int, b: N.Int, m: PyObject | undefined): PyObject => {
    if (m !== undefined && m !== None) {
      if (!(m instanceof PyInt)) return notImpl();
      return newInt(N.intPowMod(a, b, m.v));
    }
    const r = N.intPow(a, b);
    return N.intSign(b) < 0 ? newFloat(r as number) : newInt(r as N.Int);
  };
  def(T, '__pow__', (self, args) => {
    const o = args[0];
    if (!(o instanceof PyInt)) return notImpl();
    return num(() => pw(V(self), o.v, args[1]));
  });
  def(T, '__rpow__', (self, args) => {
    const o = args[0];
    if (!(o instanceof PyInt)) return notImpl();
    return num(() => pw(o.v, V(self), args[1]));
  });
  defUn(T, '__neg__', (self) => newInt(N.intNeg(V(self))));
  defUn(T, '__pos__', (self) => newInt(V(self)));
  defUn(T, '__abs__', (self) => newInt(N.intAbs(V(self))));
  defUn(T, '__invert__', (self) => newInt(N.intInvert(V(self))));
  defUn(T, '__bool__', (self) => newBool(V(self) !== 0));
  defUn(T, '__int__', (self) => newInt(V(self)));
  defUn(T, '__index__', (self) => newInt(V(self)));
  defUn(T, '__trunc__', (self) => newInt(V(self)));
  defUn(T, '__floor__', (self) => newInt(V(self)));
  defUn(T, '__ceil__', (self) => newInt(V(self)));
  defUn(T, '__float__', (self) => newFloat(num(() => N.intToFloat(V(self)))));
  defUn(T, '__hash__', (self) => newInt(abs.hash(self)));
  defUn(T, '__sizeof__', (self) => newInt(intSizeof(V(self)) - (V(self) === 0 ? 0 : 0)));
  defUn(T, '__repr__', (self) => newStr(intToDecimalString(V(self))));
  defUn(T, '__getnewargs__', (self) => newTuple([newInt(V(self))]));
  def(T, '__round__', (self, args) => {
    if (!args.length || args[0] === None) return newInt(V(self));
    return newInt(intRound(V(self), abs.index(args[0])));
  });
  defBin(T, '__format__', (self, spec) => {
    if (!(spec instanceof PyStr)) typeError(`format() argument 2 must be str, not ${spec.type.name}`);
    // long__format__: an empty spec gives str(self) (a subclass's __str__ runs)
    if (spec.v === '' && self.type !== IntType) return newStr(abs.str(self));
    return newStr(mapFormatError(() => formatInt(V(self), spec.v, self.type === BoolType ? 'bool' : 'int')));
  });
  const cmp = (op: abs.Cmp) => (self: PyObject, o: PyObject) => {
    if (!(o instanceof PyInt)) return notImpl();
    return newBool(abs.cmpResult(N.intCmp(V(self), o.v), op));
  };
  defBin(T, '__lt__', cmp(abs.Cmp.LT));
  defBin(T, '__le__', cmp(abs.Cmp.LE));
  defBin(T, '__eq__', cmp(abs.Cmp.EQ));
  defBin(T, '__ne__', cmp(abs.Cmp.NE));
  defBin(T, '__gt__', cmp(abs.Cmp.GT));
  defBin(T, '__ge__', cmp(abs.Cmp.GE));
  def0(T, 'bit_length', (self) => newInt(bitLength(V(self))));
  def0(T, 'bit_count', (self) => {
    const v = V(self);
    const s = (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v)).toString(2);
    let c = 0;
    for (const ch of s) if (ch === '1') c++;
    return newInt(c);
  });
  def0(T, 'conjugate', (self) => newInt(V(self)));
  def0(T, 'as_integer_ratio', (self) => newTuple([newInt(V(self)), newInt(1)]));
  defGetter(T, 'real', (o) => newInt(V(o)));
  defGetter(T, 'imag', () => newInt(0));
  defGetter(T, 'numerator', (o) => newInt(V(o)));
  defGetter(T, 'denominator', () => newInt(1));

  // bool
  defUn(BoolType, '__repr__', (self) => newStr(self === True ? 'True' : 'False'));
  void False;
}
