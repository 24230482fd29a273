// The math module (Modules/mathmodule.c): math_1/math_2 error rules ("math domain error",
// "math range error"), loghelper for big ints, math_fsum (Shewchuk), integer helpers. gamma,
// lgamma, erf, erfc and the vector norm of hypot and dist are ported in math_special.ts.

import { PyObject, newRef, decref } from '../runtime/object';
import { registerModule, checkArgs, parseArgs } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { PyInt, IntType, newInt, newBool } from '../runtime/objects/int';
import { PyFloat, newFloat } from '../runtime/objects/float';
import { newTuple } from '../runtime/objects/tuple';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import * as N from '../runtime/numeric';
import * as libm from '../runtime/primitives/libm';
import * as glibcSin from '../runtime/primitives/libm_glibc_sin';
import { copysign } from '../runtime/primitives/libm';
import * as glibc from '../runtime/primitives/libm_glibc';
import * as special from './math_special';
import { toDouble, numErr, pyInt } from './modutil';

const domain = (): never => raise(E.ValueError, 'math domain error');
const range = (): never => raise(E.OverflowError, 'math range error');

/** math_1: a float function of one argument with CPython's error checks */
function m1(x: number, f: (x: number) => number, canOverflow: boolean): number {
  const r = f(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) domain();
  if (!Number.isFinite(r) && Number.isFinite(x)) {
    if (canOverflow) range();
    domain();
  }
  return r;
}

/** is_error: the exception for a C errno left by a libm function (ERANGE below 1.5 is underflow) */
function isError(r: number, errno: number): boolean {
  if (errno === special.EDOM) domain();
  if (errno === special.ERANGE) {
    if (Math.abs(r) < 1.5) return false;
    range();
  }
  return true;
}

/** math_1a: a function that sets errno itself (gamma, lgamma) */
function m1a(x: number, f: (x: number) => number): number {
  const r = f(x);
  if (special.errno) isError(r, special.errno);
  return r;
}

const f64 = new DataView(new ArrayBuffer(8));

/** frexp(x) -> [m, e] with 0.5 <= |m| < 1 */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  f64.setFloat64(0, x);
  let hi = f64.getUint32(0);
  let exp = (hi >>> 20) & 0x7ff;
  let extra = 0;
  if (exp === 0) {
    // subnormal: scale up first
    x *= 2 ** 64;
    extra = -64;
    f64.setFloat64(0, x);
    hi = f64.getUint32(0);
    exp = (hi >>> 20) & 0x7ff;
  }
  const e = exp - 1022 + extra;
  f64.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
  return [f64.getFloat64(0), e];
}

function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (e > 2200) e = 2200;
  if (e < -2200) e = -2200;
  let r = x;
  while (e > 1000) {
    r *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    r *= 2 ** -1000;
    e += 1000;
    if (r === 0) return r;
  }
  // split to keep subnormal rounding correct (single rounding at the end)
  if (e < -1022) {
    r *= 2 ** (e + 1022);
    return r * 2 ** -1022;
  }
  return r * 2 ** e;
}

function bitLength(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}

/** loghelper: ints too large for a float are split as m * 2**e */
function logHelper(o: PyObject, f: (x: number) => number): number {
  if (o instanceof PyInt) {
    const v = o.v;
    if (N.intSign(v) <= 0) domain();
    if (typeof v === 'bigint' && !Number.isFinite(Number(v))) {
      const n = bitLength(v);
      const shift = n - 60;
      const m = Number(v >> BigInt(shift)) / 2 ** 60;
      return f(m) + f(2.0) * (shift + 60);
    }
    return m1(N.intToFloat(v), f, false);
  }
  const x = toDouble(o);
  if (x <= 0 && !Number.isNaN(x)) domain();
  return m1(x, f, false);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Newton's iteration from above (x0 >= sqrt(n)) decreases monotonically to floor(sqrt(n))
  let x = 1n << BigInt((n.toString(2).length + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function intArg(o: PyObject): bigint {
  if (o instanceof PyInt) return BigInt(o.v);
  if (o instanceof PyFloat) typeError(`'float' object cannot be interpreted as an integer`);
  return BigInt(abs.index(o));
}

/** math_fsum: exact sum of partials (Shewchuk), with CPython's final rounding correction */
function fsum(items: PyObject[]): number {
  const partials: number[] = [];
  let specialSum = 0.0;
  let infSum = 0.0;
  for (const o of items) {
    let x = toDouble(o);
    const xsave = x;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0.0) partials[i++] = lo;
      x = hi;
    }
    let n = i;
    if (x !== 0.0) {
      if (!Number.isFinite(x)) {
        if (Number.isFinite(xsave)) raise(E.OverflowError, 'intermediate overflow in fsum');
        if (!Number.isNaN(xsave)) infSum += xsave;
        specialSum += xsave;
        n = 0;
      } else partials[n++] = x;
    }
    partials.length = n;
  }
  if (specialSum !== 0.0) {
    if (Number.isNaN(infSum)) raise(E.ValueError, '-inf + inf in fsum');
    return specialSum;
  }
  let n = partials.length;
  let hi = 0.0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      const y = lo * 2.0;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

/** float -> int for floor/ceil/trunc results */
function floatToIntObj(x: number): PyObject {
  try {
    return newInt(N.floatToInt(x));
  } catch (e) {
    numErr(e);
  }
}

/** math.ulp / nextafter helpers */
function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  f64.setFloat64(0, x);
  let b = f64.getBigUint64(0);
  b = x > 0 ? b + 1n : b - 1n;
  f64.setBigUint64(0, b);
  return f64.getFloat64(0);
}
function nextDown(x: number): number {
  return -nextUp(-x);
}

registerModule('math', (m) => {
  const one = (name: string, f: (x: number) => number, canOverflow = false) =>
    m.fn(name, (args, kw) => {
      checkArgs(`math.${name}`, args, kw, 1, 1);
      return newFloat(m1(toDouble(args[0]), f, canOverflow));
    });
  m.own('pi', newFloat(Math.PI));
  m.own('e', newFloat(Math.E));
  m.own('tau', newFloat(2 * Math.PI));
  m.own('inf', newFloat(Infinity));
  m.own('nan', newFloat(NaN));

  one('sqrt', Math.sqrt);
  one('exp', glibc.exp, true);
  one('expm1', glibc.expm1, true);
  one('log1p', (x) => (x <= -1 ? (x === -1 ? -Infinity : NaN) : glibc.log1p(x)));
  one('sin', glibcSin.sin);
  one('cos', glibcSin.cos);
  one('tan', libm.tan);
  one('asin', libm.asin);
  one('acos', libm.acos);
  one('atan', libm.atan);
  one('sinh', glibc.sinh, true);
  one('cosh', glibc.cosh, true);
  one('tanh', glibc.tanh);
  one('asinh', glibc.asinh);
  one('acosh', glibc.acosh);
  one('atanh', (x) => (Math.abs(x) >= 1 ? NaN : glibc.atanh(x)));
  one('fabs', Math.abs);
  // mathmodule.c math_erf / math_erfc: the C library's erf and erfc (HAVE_ERF, HAVE_ERFC on glibc)
  one('erf', special.erf);
  one('erfc', special.erfc);
  for (const [name, f] of [
    ['gamma', special.tgamma],
    ['lgamma', special.lgamma],
  ] as const) {
    // mathmodule.c FUNC1A(gamma, m_tgamma) / FUNC1A(lgamma, m_lgamma): math_1a's errno rules
    m.fn(name, (args, kw) => {
      checkArgs(`math.${name}`, args, kw, 1, 1);
      return newFloat(m1a(toDouble(args[0]), f));
    });
  }
  one('exp2', glibc.exp2, true);
  one('cbrt', glibc.cbrt);
  m.fn('degrees', (args, kw) => {
    checkArgs('degrees', args, kw, 1, 1);
    return newFloat(toDouble(args[0]) * (180.0 / Math.PI));
  });
  m.fn('radians', (args, kw) => {
    checkArgs('radians', args, kw, 1, 1);
    return newFloat(toDouble(args[0]) * (Math.PI / 180.0));
  });

  m.fn('log', (args, kw) => {
    checkArgs('log', args, kw, 1, 2);
    const num = logHelper(args[0], libm.log);
    if (args.length === 1) return newFloat(num);
    const den = logHelper(args[1], libm.log);
    if (den === 0) raise(E.ZeroDivisionError, 'float division by zero');
    return newFloat(num / den);
  });
  m.fn('log2', (args, kw) => {
    checkArgs('math.log2', args, kw, 1, 1);
    return newFloat(logHelper(args[0], libm.log2));
  });
  m.fn('log10', (args, kw) => {
    checkArgs('math.log10', args, kw, 1, 1);
    return newFloat(logHelper(args[0], libm.log10));
  });
  m.fn('pow', (args, kw) => {
    checkArgs('pow', args, kw, 2, 2);
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    // math_pow_impl: special cases first, then errno-style checks
    let r: number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (Number.isNaN(x)) r = y === 0 ? 1 : x;
      else if (Number.isNaN(y)) r = x === 1 ? 1 : y;
      else if (x === 1 || y === 0) r = 1;
      else r = libm.pow(x, y);
      if (x === -1 && !Number.isFinite(y)) r = 1;
      return newFloat(r);
    }
    if (x === 1 || y === 0) return newFloat(1);
    if (x === 0 && y < 0) domain();
    r = N.powExact(x, y) ?? libm.pow(x, y);
    if (Number.isNaN(r)) domain();
    if (!Number.isFinite(r)) range();
    return newFloat(r);
  });
  m.fn('atan2', (args, kw) => {
    checkArgs('atan2', args, kw, 2, 2);
    return newFloat(libm.atan2(toDouble(args[0]), toDouble(args[1])));
  });
  m.fn('copysign', (args, kw) => {
    checkArgs('copysign', args, kw, 2, 2);
    return newFloat(copysign(toDouble(args[0]), toDouble(args[1])));
  });
  m.fn('fmod', (args, kw) => {
    checkArgs('fmod', args, kw, 2, 2);
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    if (!Number.isFinite(y) && Number.isFinite(x)) return newFloat(x);
    const r = x % y;
    if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) domain();
    return newFloat(r);
  });
  m.fn('remainder', (args, kw) => {
    checkArgs('remainder', args, kw, 2, 2);
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    if (Number.isNaN(x)) return newFloat(x);
    if (Number.isNaN(y)) return newFloat(y);
    if (!Number.isFinite(x)) domain();
    if (!Number.isFinite(y)) return newFloat(x);
    if (y === 0) domain();
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    const mm = ax % ay;
    const c = ay - mm;
    let r: number;
    if (mm < c) r = mm;
    else if (mm > c) r = -c;
    else r = mm - 2.0 * ((0.5 * (ax - mm)) % ay);
    return newFloat(copysign(1.0, x) * r);
  });
  m.fn('floor', (args, kw) => {
    checkArgs('math.floor', args, kw, 1, 1);
    const o = args[0];
    if (o.type === IntType) return newRef(o);
    if (o instanceof PyFloat) return floatToIntObj(Math.floor(o.v));
    const r = abs.callSpecial(o, '__floor__', []);
    if (r) return r;
    return floatToIntObj(Math.floor(toDouble(o)));
  });
  m.fn('ceil', (args, kw) => {
    checkArgs('math.ceil', args, kw, 1, 1);
    const o = args[0];
    if (o.type === IntType) return newRef(o);
    if (o instanceof PyFloat) return floatToIntObj(Math.ceil(o.v));
    const r = abs.callSpecial(o, '__ceil__', []);
    if (r) return r;
    return floatToIntObj(Math.ceil(toDouble(o)));
  });
  m.fn('trunc', (args, kw) => {
    checkArgs('math.trunc', args, kw, 1, 1);
    const o = args[0];
    if (o.type === IntType) return newRef(o);
    if (o instanceof PyInt) return newInt(o.v);
    if (o instanceof PyFloat) return floatToIntObj(Math.trunc(o.v));
    const r = abs.callSpecial(o, '__trunc__', []);
    if (!r) typeError(`type ${o.type.name} doesn't define __trunc__ method`);
    return r;
  });
  m.fn('modf', (args, kw) => {
    checkArgs('math.modf', args, kw, 1, 1);
    const x = toDouble(args[0]);
    if (!Number.isFinite(x)) {
      if (Number.isNaN(x)) return newTuple([newFloat(x), newFloat(x)]);
      return newTuple([newFloat(copysign(0, x)), newFloat(x)]);
    }
    const ip = Math.trunc(x);
    return newTuple([newFloat(copysign(x - ip, x)), newFloat(ip)]);
  });
  m.fn('frexp', (args, kw) => {
    checkArgs('math.frexp', args, kw, 1, 1);
    const [mm, e] = frexp(toDouble(args[0]));
    return newTuple([newFloat(mm), newInt(e)]);
  });
  m.fn('ldexp', (args, kw) => {
    checkArgs('ldexp', args, kw, 2, 2);
    const x = toDouble(args[0]);
    if (!(args[1] instanceof PyInt)) typeError('Expected an int as second argument to ldexp.');
    const ev = args[1].v;
    const e = typeof ev === 'bigint' ? (ev > 0n ? 1e6 : -1e6) : ev;
    const r = ldexp(x, e);
    if (!Number.isFinite(r) && Number.isFinite(x)) range();
    return newFloat(r);
  });
  m.fn('isfinite', (args, kw) => {
    checkArgs('math.isfinite', args, kw, 1, 1);
    return newBool(Number.isFinite(toDouble(args[0])));
  });
  m.fn('isinf', (args, kw) => {
    checkArgs('math.isinf', args, kw, 1, 1);
    const x = toDouble(args[0]);
    return newBool(x === Infinity || x === -Infinity);
  });
  m.fn('isnan', (args, kw) => {
    checkArgs('math.isnan', args, kw, 1, 1);
    return newBool(Number.isNaN(toDouble(args[0])));
  });
  m.fn('isclose', (args, kw) => {
    const [a, b, rt, at] = parseArgs({ name: 'isclose', params: ['a', 'b', '*', 'rel_tol', 'abs_tol'], required: 2 }, args, kw);
    const x = toDouble(a!);
    const y = toDouble(b!);
    const relTol = rt ? toDouble(rt) : 1e-9;
    const absTol = at ? toDouble(at) : 0.0;
    if (relTol < 0 || absTol < 0) raise(E.ValueError, 'tolerances must be non-negative');
    if (x === y) return newBool(true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return newBool(false);
    const diff = Math.abs(y - x);
    return newBool(diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x) || diff <= absTol);
  });
  // mathmodule.c math_hypot
  m.fn('hypot', (args, kw) => {
    if (kw && kw.length) typeError('hypot() takes no keyword arguments');
    let max = 0.0;
    let foundNan = false;
    const coordinates: number[] = [];
    for (const item of args) {
      const x = Math.abs(toDouble(item));
      coordinates.push(x);
      if (Number.isNaN(x)) foundNan = true;
      if (x > max) max = x;
    }
    return newFloat(special.vectorNorm(coordinates, max, foundNan));
  });
  // mathmodule.c math_dist_impl
  m.fn('dist', (args, kw) => {
    checkArgs('dist', args, kw, 2, 2);
    const p = abs.toArray(args[0]);
    let q: PyObject[] = [];
    try {
      q = abs.toArray(args[1]);
      if (p.length !== q.length) raise(E.ValueError, 'both points must have the same number of dimensions');
      let max = 0.0;
      let foundNan = false;
      const diffs: number[] = [];
      for (let i = 0; i < p.length; i++) {
        const px = toDouble(p[i]);
        const qx = toDouble(q[i]);
        const x = Math.abs(px - qx);
        diffs.push(x);
        if (Number.isNaN(x)) foundNan = true;
        if (x > max) max = x;
      }
      return newFloat(special.vectorNorm(diffs, max, foundNan));
    } finally {
      for (const x of p) decref(x);
      for (const x of q) decref(x);
    }
  });
  m.fn('fsum', (args, kw) => {
    checkArgs('fsum', args, kw, 1, 1);
    const items = abs.toArray(args[0]);
    try {
      return newFloat(fsum(items));
    } finally {
      for (const x of items) decref(x);
    }
  });
  m.fn('prod', (args, kw) => {
    const [it, start] = parseArgs({ name: 'prod', params: ['iterable', '/', '*', 'start'], required: 1 }, args, kw);
    if (start) return abs.foldBinary(it!, start, 5);
    const one = newInt(1);
    try {
      return abs.foldBinary(it!, one, 5);
    } finally {
      decref(one);
    }
  });
  m.fn('factorial', (args, kw) => {
    checkArgs('math.factorial', args, kw, 1, 1);
    // math_factorial (3.11): an int only (a float, even integral, is a TypeError since 3.10's
    // deprecation ended)
    const o = args[0];
    const n = intArg(o);
    if (n < 0n) raise(E.ValueError, 'factorial() not defined for negative values');
    if (n > 100000n) raise(E.OverflowError, 'factorial() argument should not exceed 9223372036854775807');
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    void o;
    return pyInt(r);
  });
  m.fn('gcd', (args, kw) => {
    if (kw && kw.length) typeError('gcd() takes no keyword arguments');
    let g = 0n;
    for (const a of args) g = gcdBig(g, intArg(a));
    return pyInt(g);
  });
  m.fn('lcm', (args, kw) => {
    if (kw && kw.length) typeError('lcm() takes no keyword arguments');
    let l = 1n;
    for (const a of args) {
      const v = intArg(a);
      if (l === 0n || v === 0n) {
        l = 0n;
        continue;
      }
      const av = v < 0n ? -v : v;
      l = (l / gcdBig(l, av)) * av;
    }
    return pyInt(l);
  });
  m.fn('isqrt', (args, kw) => {
    checkArgs('math.isqrt', args, kw, 1, 1);
    const n = intArg(args[0]);
    if (n < 0n) raise(E.ValueError, 'isqrt() argument must be nonnegative');
    return pyInt(isqrt(n));
  });
  m.fn('comb', (args, kw) => {
    checkArgs('comb', args, kw, 2, 2);
    const n = intArg(args[0]);
    let k = intArg(args[1]);
    if (n < 0n) raise(E.ValueError, 'n must be a non-negative integer');
    if (k < 0n) raise(E.ValueError, 'k must be a non-negative integer');
    if (k > n) return newInt(0);
    if (n - k < k) k = n - k;
    let r = 1n;
    for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
    return pyInt(r);
  });
  m.fn('perm', (args, kw) => {
    checkArgs('perm', args, kw, 1, 2);
    const n = intArg(args[0]);
    if (args.length === 1 || args[1] === abs.None) {
      if (n < 0n) raise(E.ValueError, 'n must be a non-negative integer');
      let r = 1n;
      for (let i = 2n; i <= n; i++) r *= i;
      return pyInt(r);
    }
    const k = intArg(args[1]);
    if (n < 0n) raise(E.ValueError, 'n must be a non-negative integer');
    if (k < 0n) raise(E.ValueError, 'k must be a non-negative integer');
    if (k > n) return newInt(0);
    let r = 1n;
    for (let i = 0n; i < k; i++) r *= n - i;
    return pyInt(r);
  });
  m.fn('nextafter', (args, kw) => {
    checkArgs('nextafter', args, kw, 2, 2);
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    if (Number.isNaN(x) || Number.isNaN(y)) return newFloat(NaN);
    if (x === y) return newFloat(y);
    return newFloat(y > x ? nextUp(x) : nextDown(x));
  });
  m.fn('ulp', (args, kw) => {
    checkArgs('math.ulp', args, kw, 1, 1);
    let x = toDouble(args[0]);
    if (Number.isNaN(x)) return newFloat(x);
    x = Math.abs(x);
    if (x === Infinity) return newFloat(x);
    const x2 = nextUp(x);
    if (x2 === Infinity) return newFloat(x - nextDown(x));
    return newFloat(x2 - x);
  });
});
