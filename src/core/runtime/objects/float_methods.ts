// Methods of float (Objects/floatobject.c).

import { PyObject, PyType, TypeFlags, newRef, incref, decref, addressOf } from '../object';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import { floatPowComplex } from './complex';
import * as E from './exception';
import * as N from '../numeric';
import { PyInt, newInt, newBool } from './int';
import { PyFloat, FloatType, newFloat } from './float';
import { PyStr, newStr } from './str';
import { newTuple, gcNewTracked } from './tuple';
import { None } from './singletons';
import { defGetter, defClassMethod } from '../define';
import { strToFloat } from '../primitives/intstr';
import { formatFloat } from '../primitives/format';
import { exactDtoa, floatRepr } from '../primitives/floatrepr';
import { hashFloat, hashPointer, decomposeDouble } from '../primitives/hash';
import { def, def0, def1, defBin, defUn, notImpl, posArgs, withTypeEdge } from './common_methods';
import { mapFormatError } from './str_methods';
import { bytesLike as bytesOf } from './bytes';
import { FormatError } from '../primitives/errors';
import { bytesRepr } from '../primitives/bytesrepr';
import { num } from './int_methods';

const PyFloatSub = withTypeEdge(PyFloat);

export function makeFloat(t: PyType, v: number): PyObject {
  if (t === FloatType) return newFloat(v);
  const o = new PyFloatSub(t, v);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  // a heap subclass is a gc type (type_new_alloc: all heap types have Py_TPFLAGS_HAVE_GC)
  if (t.flags & TypeFlags.HAVE_GC) gcNewTracked(o);
  return o;
}

/** PyNumber_Float(o) as a value */
export function toFloatValue(o: PyObject): number {
  if (o instanceof PyFloat) return o.v;
  if (o instanceof PyInt) return num(() => N.intToFloat(o.v));
  if (o instanceof PyStr) return mapFormatError(() => strToFloat(o.v));
  const f = abs.callSpecial(o, '__float__', []);
  if (f) {
    try {
      if (!(f instanceof PyFloat)) typeError(`${o.type.name}.__float__ returned non-float (type ${f.type.name})`);
      return f.v;
    } finally {
      decref(f);
    }
  }
  if (abs.typeLookup(o.type, '__index__')) return num(() => N.intToFloat(abs.index(o)));
  // PyFloat_FromString of a bytes-like object: its bytes as ASCII text
  const b = bytesOf(o);
  if (b !== null) {
    const text = String.fromCharCode(...b);
    try {
      return strToFloat(text);
    } catch (e) {
      if (e instanceof FormatError) raise(E.ValueError, `could not convert string to float: ${bytesRepr(b)}`);
      throw e;
    }
  }
  typeError(`float() argument must be a string or a real number, not '${o.type.name}'`);
}

/** the float value of an int or float operand, or null (NotImplemented) */
function operand(o: PyObject): number | null {
  if (o instanceof PyFloat) return o.v;
  if (o instanceof PyInt) return num(() => N.intToFloat(o.v));
  return null;
}

/** round(x, nd) correctly rounded (float_round via _Py_dg_dtoa mode 3) */
export function roundFloat(x: number, nd: number): number {
  if (!isFinite(x) || x === 0) return x;
  if (nd > 323) return x;
  if (nd < -308) return 0 * x;
  const neg = x < 0;
  const d = exactDtoa(Math.abs(x), 3, nd);
  if (d.digits === '') return neg ? -0 : 0;
  const s = `${neg ? '-' : ''}0.${d.digits}e${d.decpt}`;
  const r = parseFloat(s);
  if (!isFinite(r)) raise(E.OverflowError, 'rounded value too large to represent');
  return r;
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x - Math.trunc(x)) === 0.5) return 2 * Math.round(x / 2);
  return r;
}

function floatHex(x: number): string {
  if (isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0x0.0p+0';
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  let exp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let lead = 1;
  if (exp === 0) {
    lead = 0;
    exp = -1022;
  } else exp -= 1023;
  return `${sign}0x${lead}.${mant.toString(16).padStart(13, '0')}p${exp >= 0 ? '+' : ''}${exp}`;
}

function floatFromHex(s0: string): number {
  const s = s0.trim();
  const m = /^([+-])?(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?$/i.exec(s);
  const special = /^([+-])?(inf|infinity|nan)$/i.exec(s);
  if (special) {
    const v = special[2].toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -v : v;
  }
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) raise(E.ValueError, 'invalid hexadecimal floating-point string');
  const intPart = m[2] || '0';
  const frac = m[3] || '';
  const e = m[4] ? parseInt(m[4], 10) : 0;
  let mant = BigInt('0x' + intPart + frac || '0');
  let exp = e - 4 * frac.length;
  if (mant === 0n) return m[1] === '-' ? -0 : 0;
  // exact conversion with rounding half-even to 53 bits
  const bits = mant.toString(2).length;
  let shift = bits - 53;
  // subnormal handling: the lowest exponent of a double is -1074
  if (exp + shift < -1074) shift = -1074 - exp;
  if (shift > 0) {
    const half = 1n << BigInt(shift - 1);
    const rem = mant & ((1n << BigInt(shift)) - 1n);
    mant >>= BigInt(shift);
    if (rem > half || (rem === half && (mant & 1n) === 1n)) mant += 1n;
    exp += shift;
  }
  let r = Number(mant) * Math.pow(2, exp);
  if (!isFinite(r) || (exp > 0 && Number(mant) * Math.pow(2, Math.min(exp, 1000)) * Math.pow(2, exp - Math.min(exp, 1000)) === Infinity)) {
    raise(E.OverflowError, 'hexadecimal value too large to represent as a float');
  }
  if (exp < -1022) r = Number(mant) * Math.pow(2, exp + 100) * Math.pow(2, -100);
  return m[1] === '-' ? -r : r;
}

export function installFloatMethods(): void {
  const T = FloatType;
  T.slots.new = (t, args, kw) => {
    if (kw && kw.length) typeError('float() takes no keyword arguments');
    if (args.length > 1) typeError(`float expected at most 1 argument, got ${args.length}`);
    if (args.length === 0) return makeFloat(t, 0);
    const x = args[0];
    if (t === FloatType && x.type === FloatType) return newRef(x);
    return makeFloat(t, toFloatValue(x));
  };
  T.slots.hash = (o) => hashFloat((o as PyFloat).v, hashPointer(addressOf(o)));
  T.slots.bool = (o) => (o as PyFloat).v !== 0;
  const V = (o: PyObject) => (o as PyFloat).v;
  const both = (name: string, f: (a: number, b: number) => PyObject | null) => {
    defBin(T, `__${name}__`, (self, o) => {
      const b = operand(o);
      if (b === null) return notImpl();
      return num(() => f(V(self), b)) ?? notImpl();
    });
    defBin(T, `__r${name}__`, (self, o) => {
      const a = operand(o);
      if (a === null) return notImpl();
      return num(() => f(a, V(self))) ?? notImpl();
    });
  };
  both('add', (a, b) => newFloat(a + b));
  both('sub', (a, b) => newFloat(a - b));
  both('mul', (a, b) => newFloat(a * b));
  both('truediv', (a, b) => newFloat(N.floatDiv(a, b)));
  both('floordiv', (a, b) => newFloat(N.floatFloorDiv(a, b)));
  both('mod', (a, b) => newFloat(N.floatMod(a, b)));
  both('divmod', (a, b) => {
    const [q, r] = N.floatDivmod(a, b, 'float divmod()');
    return newTuple([newFloat(q), newFloat(r)]);
  });
  const pw = (a: number, b: number): PyObject => {
    const r = N.floatPow(a, b);
    if (r === null) return floatPowComplex(a, b);
    return newFloat(r);
  };
  def(T, '__pow__', (self, args) => {
    if (args.length > 1 && args[1] !== None) typeError('pow() 3rd argument not allowed unless all arguments are integers');
    const b = operand(args[0]);
    if (b === null) return notImpl();
    return num(() => pw(V(self), b));
  });
  def(T, '__rpow__', (self, args) => {
    const a = operand(args[0]);
    if (a === null) return notImpl();
    return num(() => pw(a, V(self)));
  });
  defUn(T, '__neg__', (self) => newFloat(-V(self)));
  defUn(T, '__pos__', (self) => (self.type === FloatType ? newRef(self) : newFloat(V(self))));
  defUn(T, '__abs__', (self) => newFloat(Math.abs(V(self))));
  defUn(T, '__bool__', (self) => newBool(V(self) !== 0));
  defUn(T, '__float__', (self) => (self.type === FloatType ? newRef(self) : newFloat(V(self))));
  defUn(T, '__int__', (self) => newInt(num(() => N.floatToInt(V(self)))));
  defUn(T, '__trunc__', (self) => newInt(num(() => N.floatToInt(V(self)))));
  defUn(T, '__floor__', (self) => newInt(num(() => N.floatToInt(Math.floor(V(self))))));
  defUn(T, '__ceil__', (self) => newInt(num(() => N.floatToInt(Math.ceil(V(self))))));
  defUn(T, '__hash__', (self) => newInt(abs.hash(self)));
  defUn(T, '__repr__', (self) => newStr(floatRepr(V(self))));
  defUn(T, '__sizeof__', () => newInt(24));
  defUn(T, '__getnewargs__', (self) => newTuple([newFloat(V(self))]));
  def(T, '__round__', (self, args, kw) => {
    posArgs('__round__', args, kw, 0, 1);
    const x = V(self);
    if (!args.length || args[0] === None) {
      if (isNaN(x)) raise(E.ValueError, 'cannot convert float NaN to integer');
      if (!isFinite(x)) raise(E.OverflowError, 'cannot convert float infinity to integer');
      return newInt(N.floatToInt(roundHalfEven(x)));
    }
    const nd = abs.index(args[0]);
    const n = typeof nd === 'bigint' ? (nd > 0n ? 400 : -400) : nd;
    return newFloat(roundFloat(x, n));
  });
  defBin(T, '__format__', (self, spec) => {
    if (!(spec instanceof PyStr)) typeError(`format() argument 2 must be str, not ${spec.type.name}`);
    // float___format__: an empty spec gives str(self) (a subclass's __str__ or __repr__ runs)
    if (spec.v === '' && self.type !== FloatType) return newStr(abs.str(self));
    return newStr(mapFormatError(() => formatFloat(V(self), spec.v)));
  });
  const cmp = (op: abs.Cmp) => (self: PyObject, o: PyObject) => {
    const a = V(self);
    if (o instanceof PyFloat) return newBool(abs.floatCmp(a, o.v, op));
    if (o instanceof PyInt) {
      const c = N.cmpIntFloat(o.v, a);
      if (isNaN(c)) return newBool(op === abs.Cmp.NE);
      return newBool(abs.cmpResult(-c, op));
    }
    return notImpl();
  };
  defBin(T, '__lt__', cmp(abs.Cmp.LT));
  defBin(T, '__le__', cmp(abs.Cmp.LE));
  defBin(T, '__eq__', cmp(abs.Cmp.EQ));
  defBin(T, '__ne__', cmp(abs.Cmp.NE));
  defBin(T, '__gt__', cmp(abs.Cmp.GT));
  defBin(T, '__ge__', cmp(abs.Cmp.GE));
  def0(T, 'is_integer', (self) => {
    const x = V(self);
    return newBool(isFinite(x) && Math.trunc(x) === x);
  });
  def0(T, 'conjugate', (self) => newFloat(V(self)));
  def0(T, 'hex', (self) => newStr(floatHex(V(self))));
  def0(T, 'as_integer_ratio', (self) => {
    const x = V(self);
    if (isNaN(x)) raise(E.ValueError, 'cannot convert NaN to integer ratio');
    if (!isFinite(x)) raise(E.OverflowError, 'cannot convert Infinity to integer ratio');
    if (x === 0) return newTuple([newInt(0), newInt(1)]);
    const { m, e, neg } = decomposeDouble(x);
    let num0 = m;
    let den = 1n;
    if (e >= 0) num0 <<= BigInt(e);
    else den <<= BigInt(-e);
    while ((num0 & 1n) === 0n && den > 1n) {
      num0 >>= 1n;
      den >>= 1n;
    }
    return newTuple([newInt(N.norm(neg ? -num0 : num0)), newInt(N.norm(den))]);
  });
  defClassMethod(T, 'fromhex', (args, kw, cls) => {
    posArgs('float.fromhex', args, kw, 1, 1);
    const s = args[0];
    if (!(s instanceof PyStr)) typeError(`fromhex() argument must be str, not ${s.type.name}`);
    const v = floatFromHex(s.v);
    if (cls === FloatType) return newFloat(v);
    const f = newFloat(v);
    try {
      return abs.call(cls!, [f], null);
    } finally {
      decref(f);
    }
  });
  defGetter(T, 'real', (o) => newFloat(V(o)));
  defGetter(T, 'imag', () => newFloat(0));
  void def1;
}
