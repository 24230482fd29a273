// Python int and float arithmetic on plain JS values (no heap objects), shared by the runtime's
// int/float types and the compiler's constant folding.
//
// A Python int is a JS `number` when it is a safe integer, else a `bigint` (canonical form).
// Errors are thrown as NumErr and turned into Python exceptions by the caller.

import * as libm from './primitives/libm';

export type Int = number | bigint;

export class NumErr {
  constructor(
    public pyType: 'ZeroDivisionError' | 'ValueError' | 'OverflowError' | 'TypeError',
    public message: string,
    /** an errno-style error (PyErr_SetFromErrno: the exception's args are (errno, message)) */
    public errno: number | null = null,
  ) {}
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function norm(v: bigint): Int {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}
export function big(v: Int): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return norm(big(a) + big(b));
}
export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return norm(big(a) - big(b));
}
export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r === 0 ? 0 : r;
    // an exact product at most 2**53-1 in size is computed exactly in doubles, so this one is
    // larger: it stays a bigint
    return BigInt(a) * BigInt(b);
  }
  return norm(big(a) * big(b));
}
export function intNeg(a: Int): Int {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : norm(-a);
}
export function intAbs(a: Int): Int {
  return typeof a === 'number' ? Math.abs(a) : norm(a < 0n ? -a : a);
}
export function intSign(a: Int): number {
  return typeof a === 'number' ? Math.sign(a) : a > 0n ? 1 : a < 0n ? -1 : 0;
}

/** Floor division and modulo with Python's signs (long_divmod). */
export function intDivmod(a: Int, b: Int): [Int, Int] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new NumErr('ZeroDivisionError', 'integer division or modulo by zero');
    let r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) {
      q -= 1;
      r += b;
    }
    return [q === 0 ? 0 : q, r === 0 ? 0 : r];
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw new NumErr('ZeroDivisionError', 'integer division or modulo by zero');
  let q = x / y;
  let r = x % y;
  if (r !== 0n && r < 0n !== y < 0n) {
    q -= 1n;
    r += y;
  }
  return [norm(q), norm(r)];
}
export function intFloorDiv(a: Int, b: Int): Int {
  if (b === 0 || b === 0n) throw new NumErr('ZeroDivisionError', 'integer division or modulo by zero');
  return intDivmod(a, b)[0];
}
export function intMod(a: Int, b: Int): Int {
  if (b === 0 || b === 0n) throw new NumErr('ZeroDivisionError', 'integer modulo by zero');
  if (typeof b === 'number') {
    // long_mod with a safe modulus: the remainder is below |b|, exact as a double (fmod is exact,
    // and the sign fix-up adds numbers of opposite signs)
    let r = typeof a === 'number' ? a % b : Number(a % BigInt(b));
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r === 0 ? 0 : r;
  }
  return intDivmod(a, b)[1];
}

/** the largest modulus mulAddMod takes: three remainders below it add exactly in a double */
export const MUL_ADD_MOD_MAX = 2 ** 51;

/**
 * (x * y + c) % m, floored as long_mod, for safe integers x, y, c and 0 < |m| <= 2**51, exactly
 * and without BigInt: what `(x * a + c) % m` (a linear congruential generator, a modular hash
 * step) computes through a product past 2**53. The product is the exact sum of two doubles (Dekker's
 * TwoProduct with Veltkamp's split; both parts integers), each part and c is reduced with `%`
 * (fmod, exact), and the three remainders, each below |m|, add exactly. Never -0.
 */
export function mulAddMod(x: number, y: number, c: number, m: number): number {
  const p = x * y;
  let t = 134217729 * x; // 2**27 + 1
  const xh = t - (t - x);
  const xl = x - xh;
  t = 134217729 * y;
  const yh = t - (t - y);
  const yl = y - yh;
  const e = xh * yh - p + xh * yl + xl * yh + xl * yl;
  let r = ((p % m) + (e % m) + (c % m)) % m;
  if (r !== 0 && r < 0 !== m < 0) r += m;
  return r === 0 ? 0 : r;
}

/** int / int, correctly rounded (long_true_divide). */
export function intTrueDiv(a: Int, b: Int): number {
  if (b === 0 || b === 0n) throw new NumErr('ZeroDivisionError', 'division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const x = big(a);
  const y = big(b);
  const neg = x < 0n !== y < 0n;
  let n = x < 0n ? -x : x;
  let d = y < 0n ? -y : y;
  // scale so that the quotient has 55 significant bits, then round half to even
  const nb = n.toString(2).length;
  const db = d.toString(2).length;
  let shift = 55 - (nb - db);
  if (shift > 0) n <<= BigInt(shift);
  else d <<= BigInt(-shift);
  let q = n / d;
  const rem = n % d;
  // q has 55 or 56 bits; keep 53 with correct rounding using the sticky remainder
  let qb = q.toString(2).length;
  let extra = qb - 53;
  // subnormal results would need more care; values that small are rare in practice
  const mask = (1n << BigInt(extra)) - 1n;
  let low = q & mask;
  q >>= BigInt(extra);
  const half = 1n << BigInt(extra - 1);
  if (low > half || (low === half && (rem !== 0n || (q & 1n) === 1n))) q += 1n;
  else if (low === half && rem === 0n && (q & 1n) === 0n) {
    /* tie, even: keep */
  }
  shift -= extra;
  void qb;
  void low;
  let r = Number(q) * Math.pow(2, -shift);
  if (!isFinite(r)) throw new NumErr('OverflowError', 'integer division result too large for a float');
  return neg ? -r : r;
}

export function intPow(a: Int, b: Int): Int | number {
  if (intSign(b) < 0) {
    const fa = intToFloat(a);
    if (fa === 0) throw new NumErr('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    // long_pow hands a negative exponent to float_pow
    const fb = intToFloat(b);
    return powExact(fa, fb) ?? libm.pow(fa, fb);
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const r = Math.pow(a, b);
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return norm(big(a) ** big(b));
}

export function intPowMod(a: Int, b: Int, m: Int): Int {
  if (intSign(m) === 0) throw new NumErr('ValueError', 'pow() 3rd argument cannot be 0');
  let base = big(a);
  let exp = big(b);
  let mod = big(m);
  const negMod = mod < 0n;
  if (negMod) mod = -mod;
  if (exp < 0n) {
    base = modInverse(base, mod);
    exp = -exp;
  }
  let result = 1n % mod;
  base = ((base % mod) + mod) % mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  if (negMod && result !== 0n) result -= mod;
  return norm(result);
}
function modInverse(a: bigint, m: bigint): bigint {
  let [g, x] = egcd(((a % m) + m) % m, m);
  if (g !== 1n) throw new NumErr('ValueError', 'base is not invertible for the given modulus');
  return ((x % m) + m) % m;
}
function egcd(a: bigint, b: bigint): [bigint, bigint] {
  let [oldR, r] = [a, b];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return [oldR, oldS];
}

export function intLshift(a: Int, b: Int): Int {
  if (intSign(b) < 0) throw new NumErr('ValueError', 'negative shift count');
  if (typeof a === 'number' && typeof b === 'number' && b < 31) {
    const r = a * Math.pow(2, b);
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return norm(big(a) << big(b));
}
export function intRshift(a: Int, b: Int): Int {
  if (intSign(b) < 0) throw new NumErr('ValueError', 'negative shift count');
  if (typeof a === 'number' && typeof b === 'number') {
    if (b < 32 && a >= -2147483648 && a <= 2147483647) return a >> b;
    if (b > 60) return a < 0 ? -1 : 0;
    return Math.floor(a / Math.pow(2, b));
  }
  return norm(big(a) >> big(b));
}
function bitwise(a: Int, b: Int, f: (x: bigint, y: bigint) => bigint, g: (x: number, y: number) => number): Int {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return g(a, b);
  return norm(f(big(a), big(b)));
}
export const intAnd = (a: Int, b: Int) => bitwise(a, b, (x, y) => x & y, (x, y) => x & y);
export const intOr = (a: Int, b: Int) => bitwise(a, b, (x, y) => x | y, (x, y) => x | y);
export const intXor = (a: Int, b: Int) => bitwise(a, b, (x, y) => x ^ y, (x, y) => x ^ y);
export function intInvert(a: Int): Int {
  return typeof a === 'number' ? -a - 1 : norm(-a - 1n);
}
export function intCmp(a: Int, b: Int): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = big(a);
  const y = big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
export function intEq(a: Int, b: Int): boolean {
  return typeof a === typeof b ? a === b : false; // canonical form: equal values have equal types
}

export function intToFloat(a: Int): number {
  if (typeof a === 'number') return a;
  // correctly rounded conversion (Number(bigint) rounds to nearest, ties to even)
  const r = Number(a);
  if (!isFinite(r)) throw new NumErr('OverflowError', 'int too large to convert to float');
  return r;
}

/** The int value of a finite float (float.__int__, truncation). */
export function floatToInt(x: number): Int {
  if (!isFinite(x)) {
    throw new NumErr(isNaN(x) ? 'ValueError' : 'OverflowError', isNaN(x) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
  }
  const t = Math.trunc(x);
  if (t <= MAX_SAFE && t >= -MAX_SAFE) return t === 0 ? 0 : t;
  return norm(BigInt(t));
}

// ------------------------------------------------------------------ floats (Objects/floatobject.c)
export function floatDiv(a: number, b: number): number {
  if (b === 0) throw new NumErr('ZeroDivisionError', 'float division by zero');
  return a / b;
}
/** float_rem */
export function floatMod(a: number, b: number): number {
  if (b === 0) throw new NumErr('ZeroDivisionError', 'float modulo');
  let mod = a % b;
  // C's `if (mod)`: a NaN remainder is true
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}
/** float_divmod */
export function floatDivmod(a: number, b: number, what = 'float divmod()'): [number, number] {
  if (b === 0) throw new NumErr('ZeroDivisionError', what);
  let mod = a % b;
  let div = (a - mod) / b;
  // _float_div_mod: C's `if (mod)` and `if (div)` are true for NaN
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    // copysign(0.0, vx / wx)
    const q = a / b;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw new NumErr('ZeroDivisionError', 'float floor division by zero');
  return floatDivmod(a, b)[0];
}
/**
 * a ** n for a finite a and an integer n, rounded once from the exact value, or null when n is not
 * a small integer (or the value is out of the normal range): float_pow calls the C library's
 * pow(), which rounds correctly here where V8's Math.pow may be one unit off (10 ** -4 must be
 * 0.0001, not 9.999999999999999e-05).
 */
export function powExact(a: number, n: number): number | null {
  if (!Number.isInteger(n) || n === 0 || n > 1100 || n < -1100 || a === 0 || !isFinite(a)) return null;
  if (n === 1) return a;
  if (n === -1) return 1 / a;
  if (n === 2) return a * a;
  const k = n < 0 ? -n : n;
  const neg = a < 0 && (k & 1) === 1;
  const x = a < 0 ? -a : a;
  if (Number.isInteger(x)) {
    // an integer power below 2**53 is exact (every partial product is)
    const q = Math.pow(x, k);
    if (q <= MAX_SAFE) {
      const r = n > 0 ? q : 1 / q;
      return neg ? -r : r;
    }
  }
  // x = m * 2**e exactly, then m**k * 2**(e*k) in integers and one correctly rounded division
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  let mb = BigInt(m);
  while ((mb & 1n) === 0n) {
    mb >>= 1n;
    e++;
  }
  const bits = mb.toString(2).length;
  const ek = e * k;
  if (bits * k > 60000 || ek > 70000 || ek < -70000) return null;
  const p = mb ** BigInt(k);
  let r: number;
  try {
    if (n > 0) r = ek >= 0 ? intToFloat(p << BigInt(ek)) : intTrueDiv(p, 1n << BigInt(-ek));
    else r = ek <= 0 ? intTrueDiv(1n << BigInt(-ek), p) : intTrueDiv(1n, p << BigInt(ek));
  } catch (err) {
    if (err instanceof NumErr) return null; // out of range: Math.pow's infinity or zero
    throw err;
  }
  // intTrueDiv does not round subnormal results
  if (r < 2.2250738585072014e-308) return null;
  return neg ? -r : r;
}

/** float_pow; returns null when the result is complex (negative base, fractional exponent). */
export function floatPow(a: number, b: number): number | null {
  if (b === 0) return 1;
  if (isNaN(a)) return a === 1 ? 1 : NaN;
  if (isNaN(b)) return a === 1 ? 1 : NaN;
  if (a === 0 && b < 0 && isFinite(b)) throw new NumErr('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (a < 0 && isFinite(a) && isFinite(b) && Math.floor(b) !== b) return null;
  if (a === -1 && !isFinite(b)) return 1;
  if (a === 1) return 1;
  const r = powExact(a, b) ?? libm.pow(a, b);
  if (!isFinite(r) && isFinite(a) && isFinite(b)) throw new NumErr('OverflowError', 'Numerical result out of range', 34);
  return r;
}

/** Compare an int with a float exactly (float_richcompare). Returns -1, 0, 1 or NaN. */
export function cmpIntFloat(i: Int, f: number): number {
  if (isNaN(f)) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  if (typeof i === 'number') return i < f ? -1 : i > f ? 1 : 0;
  const fi = Math.trunc(f);
  const c = intCmp(i, norm(BigInt(fi)));
  if (c !== 0) return c;
  const frac = f - fi;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}
