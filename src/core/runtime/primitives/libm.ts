// The C library's log, log2, log10, pow, tan, atan, asin, acos and atan2 as CPython 3.11 on glibc
// computes them (and correctly rounded exp, sin and cos: the math module uses glibc's own,
// libm_glibc.ts and libm_glibc_sin.ts).
//
// CPython's math module, float.__pow__, complex powers and the random module call the C library.
// glibc's exp, log, log2, pow and its trigonometric functions round correctly for all but ~0.1% of
// arguments (checked against mpmath: test/core/runtime/primitives/record_libm.py), while V8's
// Math.* (fdlibm ports) are one unit off in the last place for 2-10% of them, so `repr()` of the
// result differed. Each function here rounds its value once: a fast path (Ziv's strategy, below)
// gives the answer when its error bound decides the rounding, else the value is evaluated in
// double-double arithmetic (~100 bits, Dekker's and Knuth's error-free sums and products:
// JavaScript has no fused multiply-add). log10 is glibc's own formula over that log (it is not
// correctly rounded there).

// ---------------------------------------------------------------------------------------------
// double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi)/2; functions return hi and
// leave lo in L (read it at once: the next call overwrites it)

export let L = 0;

/** a + b = s + L exactly (Knuth's TwoSum) */
function twoSum(a: number, b: number): number {
  const s = a + b;
  const bb = s - a;
  L = a - (s - bb) + (b - bb);
  return s;
}

/** a + b = s + L exactly, given |a| >= |b| or a = 0 (Dekker's Fast2Sum) */
function fastTwoSum(a: number, b: number): number {
  const s = a + b;
  L = b - (s - a);
  return s;
}

/** 2**27 + 1: Veltkamp's splitting constant */
const SPLIT = 134217729;

/** a * b = p + L exactly (Dekker's TwoProduct; |a|, |b| < 2**995) */
export function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  L = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/** (ah + al) + (bh + bl) (the accurate sum: relative error ~2**-105 even when they cancel) */
function ddAdd(ah: number, al: number, bh: number, bl: number): number {
  let s = twoSum(ah, bh);
  let e = L;
  const t = twoSum(al, bl);
  const f = L;
  e += t;
  s = fastTwoSum(s, e);
  e = L + f;
  return fastTwoSum(s, e);
}

/** (ah + al) * (bh + bl) */
function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = twoProd(ah, bh);
  const e = L + (ah * bl + al * bh);
  return fastTwoSum(p, e);
}

/** (ah + al) / (bh + bl): three quotient digits */
function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  let p = ddMul(bh, bl, q1, 0);
  let rh = ddAdd(ah, al, -p, -L);
  const rl = L;
  const q2 = rh / bh;
  p = ddMul(bh, bl, q2, 0);
  rh = ddAdd(rh, rl, -p, -L);
  const q3 = rh / bh;
  const s = fastTwoSum(q1, q2);
  return ddAdd(s, L, q3, 0);
}

/** sqrt(h + l) for h > 0: one Newton correction of Math.sqrt (exact in IEEE arithmetic) */
function ddSqrt(h: number, l: number): number {
  const q = Math.sqrt(h);
  const p = twoProd(q, q);
  const d = ddAdd(h, l, -p, -L);
  return fastTwoSum(q, d / (2 * q));
}

/** Horner's rule over double-double coefficients c (hi, lo pairs, highest degree last) at z */
function horner(c: Float64Array, zh: number, zl: number): number {
  let n = c.length - 2;
  let qh = c[n];
  let ql = c[n + 1];
  for (n -= 2; n >= 0; n -= 2) {
    qh = ddMul(qh, ql, zh, zl);
    qh = ddAdd(qh, L, c[n], c[n + 1]);
    ql = L;
  }
  L = ql;
  return qh;
}

/** the coefficients f(0), f(1), ... as double-double pairs */
function table(n: number, f: (k: number) => [number, number]): Float64Array {
  const t = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) [t[2 * k], t[2 * k + 1]] = f(k);
  return t;
}

/** 1/k! for k = 0 .. 34 */
const INV_FACT: [number, number][] = [[1, 0]];
for (let k = 1; k <= 34; k++) {
  const [h, l] = INV_FACT[k - 1];
  const q = ddDiv(h, l, k, 0);
  INV_FACT.push([q, L]);
}
const sign = (k: number, [h, l]: [number, number]): [number, number] => (k & 1 ? [-h, -l] : [h, l]);

// ---------------------------------------------------------------------------------------------
// bits

const bits = new DataView(new ArrayBuffer(8));

/** C's signbit(x) (true for -0.0 and negative NaNs) */
export function signBit(x: number): boolean {
  bits.setFloat64(0, x);
  return (bits.getUint8(0) & 0x80) !== 0;
}

/** C's copysign(x, y) */
export function copysign(x: number, y: number): number {
  const ax = Math.abs(x);
  return signBit(y) ? -ax : ax;
}

/** 2**k for an integer -1074 <= k <= 1023, exactly */
export function pow2(k: number): number {
  if (k < -1022) return 2 ** -1022 * pow2(k + 1022);
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/** the exponent of the last mantissa() */
let E = 0;

/** m with x = m * 2**E and 1 <= m < 2, for a finite x > 0 (subnormals too) */
function mantissa(x: number): number {
  let e = -1023;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2**54
    e -= 54;
  }
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  E = e + (hi >>> 20);
  bits.setUint32(0, (hi & 0x000fffff) | 0x3ff00000);
  return bits.getFloat64(0);
}

// ---------------------------------------------------------------------------------------------
// exp

const INV_LN2 = 1.4426950408889634;
// ln 2 in three parts; the first has 42 bits, so k * LN2_1 is exact for |k| < 2**11
const LN2_1 = 0.6931471805598903;
const LN2_2 = 5.497923018708371e-14;
const LN2_3 = 1.94704509238075e-31;

/** 1/k! for k = 1 .. 10: expm1's Taylor series over r/1024 (|r/1024| < 2**-11, error < 2**-115) */
const EXPM1 = table(10, (k) => INV_FACT[k + 1]);

/** the power of two of the last expCore */
let K = 0;

/**
 * e**(xh + xl) = (hi + L) * 2**K, hi + L in [0.7, 1.42]: x = k ln2 + r with |r| <= ln2/2, then
 * e**r = (1 + expm1(r/1024))**1024 by ten squarings of expm1's form (2e + e**2 keeps its relative
 * precision). |xh| < 1100.
 */
function expCore(xh: number, xl: number): number {
  const k = Math.round(xh * INV_LN2);
  let rh = twoSum(xh, -k * LN2_1);
  rh = ddAdd(rh, L, xl, 0);
  let rl = L;
  const p = twoProd(k, LN2_2);
  rh = ddAdd(rh, rl, -p, -L);
  rh = ddAdd(rh, L, -k * LN2_3, 0);
  rl = L;
  rh *= 1 / 1024;
  rl *= 1 / 1024;
  let eh = horner(EXPM1, rh, rl);
  eh = ddMul(eh, L, rh, rl);
  let el = L;
  for (let i = 0; i < 10; i++) {
    const th = ddAdd(eh, el, 2, 0);
    eh = ddMul(eh, el, th, L);
    el = L;
  }
  K = k;
  return ddAdd(1, 0, eh, el);
}

/** (h + l) * 2**k rounded once, also where the result is subnormal or overflows */
function scaled(h: number, l: number, k: number): number {
  if (k > -1022) {
    // a normal result (h >= 0.7) and exact scaling
    if (k > 1023) return h * pow2(1023) * pow2(k - 1023);
    return h * pow2(k);
  }
  // subnormal: round (h + l) * 2**(k + 1074) to an integer count of 2**-1074 (ties to even)
  if (k < -1080) return 0;
  const s = pow2(k + 1074);
  const t = h * s;
  const tl = l * s;
  let n = Math.floor(t);
  const frac = t - n + tl;
  if (frac > 0.5 || (frac === 0.5 && n % 2 === 1)) n += 1;
  return n * 5e-324;
}

/** e**(h + l) rounded once */
function expOf(h: number, l: number): number {
  if (h > 710) return Infinity;
  if (h < -746) return 0;
  const r = expCore(h, l);
  return scaled(r, L, K);
}

/** exp(x) */
export function exp(x: number): number {
  if (!(x > -746 && x < 710)) return x !== x ? x : x > 0 ? Infinity : 0;
  if (fastPaths.on) {
    const h = expFast(x, 0);
    const r = h === h ? roundedOrNaN(h, L, h * EXP_ERR) : h;
    if (r === r) return r * pow2(N);
    fastPaths.undecided++;
  }
  return expOf(x, 0);
}

// ---------------------------------------------------------------------------------------------
// log

/** 1/(2k+1) for k = 0 .. 23: atanh(s)/s = sum s**2k/(2k+1) for |s| <= 0.1716 (error < 2**-115) */
const ATANH = table(24, (k) => {
  const q = ddDiv(1, 0, 2 * k + 1, 0);
  return [q, L];
});

/**
 * ln(m) for x = m * 2**E with sqrt(1/2) <= m < sqrt(2): ln(m) = 2 atanh(s), s = (m-1)/(m+1).
 * x > 0 finite.
 */
function logCore(x: number): number {
  let m = mantissa(x);
  let e = E;
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  E = e;
  const f = m - 1; // exact (Sterbenz)
  const d = twoSum(m, 1);
  const sh = ddDiv(f, 0, d, L);
  const sl = L;
  const zh = ddMul(sh, sl, sh, sl);
  const q = horner(ATANH, zh, L);
  const r = ddMul(sh, sl, q, L);
  L *= 2;
  return 2 * r;
}

/** ln(x) as a double-double, x > 0 finite */
function logDD(x: number): number {
  const mh = logCore(x);
  const ml = L;
  const e = E;
  const p = twoProd(e, LN2_2);
  let h = ddAdd(e * LN2_1, 0, p, L);
  h = ddAdd(h, L, e * LN2_3, 0);
  return ddAdd(h, L, mh, ml);
}

/** ln(x) */
export function log(x: number): number {
  if (!(x > 0 && x < Infinity)) return Math.log(x);
  if (fastPaths.on) {
    const h = logFast(x);
    const r = roundedOrNaN(h, L, LOG_BOUND);
    if (r === r) return r;
    fastPaths.undecided++;
  }
  return logDD(x);
}

const INV_LN2_2 = 2.035527374093103e-17;

/** log2(x) = E + ln(m)/ln 2 (exact for powers of two) */
export function log2(x: number): number {
  if (!(x > 0 && x < Infinity)) return Math.log2(x);
  if (fastPaths.on) {
    const h = ddMul(logFast(x), L, INV_LN2, INV_LN2_2);
    const r = roundedOrNaN(h, L, 1.5 * LOG_BOUND + 2 ** -100 * Math.abs(h));
    if (r === r) return r;
    fastPaths.undecided++;
  }
  const mh = logCore(x);
  const e = E;
  const h = ddMul(mh, L, INV_LN2, INV_LN2_2);
  return ddAdd(e, 0, h, L);
}

// glibc sysdeps/ieee754/dbl-64/e_log10.c __ieee754_log10
const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;

/** log10(x) as glibc computes it (not correctly rounded) */
export function log10(x: number): number {
  if (!(x > 0 && x < Infinity)) return Math.log10(x);
  // x = m * 2**y with m in [1, 2) for y >= 0 and in [1/2, 1) below
  let m = mantissa(x);
  let y = E;
  if (y < 0) {
    m /= 2;
    y += 1;
  }
  const z = y * LOG10_2LO + IVLN10 * log(m);
  return z + y * LOG10_2HI;
}

// ---------------------------------------------------------------------------------------------
// pow

/** x ** y for a finite x > 0 and a finite y, rounded once: e**(y ln x) */
function powPositive(x: number, y: number): number {
  if (y === 0.5) return Math.sqrt(x);
  if (fastPaths.on) {
    const zh = ddMul(logFast(x), L, y, 0);
    const zl = L;
    // z = y ln x is off by |y| LOG_BOUND (and 2**-104 |z|), so e**z by that relatively
    const zErr = Math.abs(y) * LOG_BOUND + 2 ** -100 * Math.abs(zh);
    if (zh > -740 && zh < 709) {
      const h = expFast(zh, zl);
      const r = h === h ? roundedOrNaN(h, L, h * (EXP_ERR + zErr * 1.01)) : h;
      if (r === r) return r * pow2(N);
    }
    fastPaths.undecided++;
  }
  const lh = logDD(x);
  const ll = L;
  const approx = lh * y;
  if (!(approx < 710)) return Infinity;
  if (!(approx > -746)) return 0;
  const z = ddMul(lh, ll, y, 0);
  return expOf(z, L);
}

/**
 * C's pow(x, y) (ISO C Annex F's special cases, then the value rounded once). A negative x with a
 * non-integer y is NaN (the callers raise their own errors first).
 */
export function pow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0) {
    if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
    return Math.pow(x, y);
  }
  if (x > 0) return powPositive(x, y);
  if (!Number.isInteger(y)) return NaN;
  const r = powPositive(-x, y);
  // y is odd when y/2 is not an integer (every double beyond 2**53 is even)
  return Number.isInteger(y / 2) ? r : -r;
}

// ---------------------------------------------------------------------------------------------
// sin, cos, tan

const TWO_OVER_PI = 0.6366197723675814;
// pi/2 in five parts; the first two have 28 bits, so k * PIO2_1 and k * PIO2_2 are exact for
// |k| < 2**25
const PIO2_1 = 1.570796325802803;
const PIO2_2 = 9.920935739593517e-10;
const PIO2_3 = 5.721188726109832e-18;
const PIO2_4 = 4.3359050650618903e-35;
const PIO2_5 = 2.1674168413243538e-51;
/** from here on reduceBig (k * PIO2_1 and k * PIO2_2 stop being exact at 2**25) */
const TRIG_MAX = 16777216;

/** (-1)**k / (2k+1)!: sin(r)/r over r**2 for |r| <= pi/4 (error < 2**-110) */
const SIN = table(16, (k) => sign(k, INV_FACT[2 * k + 1]));
/** (-1)**k / (2k)!: cos(r) over r**2 */
const COS = table(17, (k) => sign(k, INV_FACT[2 * k]));

/** the quadrant of the last reduce */
let Q = 0;

/** x - k pi/2 with |result| <= pi/4 (+ rounding), k = round(x 2/pi); Q = k mod 4. x finite. */
function reduce(x: number): number {
  if (!(Math.abs(x) < TRIG_MAX)) return reduceBig(x);
  const k = Math.round(x * TWO_OVER_PI);
  Q = k & 3;
  if (k === 0) {
    L = 0;
    return x;
  }
  let h = twoSum(x, -k * PIO2_1);
  h = ddAdd(h, L, -k * PIO2_2, 0);
  let l = L;
  let p = twoProd(k, PIO2_3);
  h = ddAdd(h, l, -p, -L);
  l = L;
  p = twoProd(k, PIO2_4);
  h = ddAdd(h, l, -p, -L);
  return ddAdd(h, L, -k * PIO2_5, 0);
}

/** 2/pi in fixed point: floor(2/pi * 2**1280) (made on first use) */
let TWO_OVER_PI_BITS = 0n;

/** 2/pi to 1280 bits from Machin's formula, pi = 16 atan(1/5) - 4 atan(1/239), in 1400-bit fixed point */
function twoOverPiBits(): bigint {
  const P = 1400n;
  const atanInv = (n: bigint): bigint => {
    let sum = 0n;
    let term = (1n << P) / n;
    const n2 = n * n;
    for (let k = 1n, neg = false; term !== 0n; k += 2n, neg = !neg) {
      sum += neg ? -term / k : term / k;
      term /= n2;
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  return (TWO_OVER_PI_BITS = (1n << (P + 1281n)) / pi);
}

/**
 * reduce() for |x| >= 2**24 (Payne and Hanek's idea, in BigInt): x = m 2**e exactly, m 2**e 2/pi in
 * fixed point with 2**-1280 units leaves ~250 bits of the fraction past the quadrant.
 */
function reduceBig(x: number): number {
  const T = TWO_OVER_PI_BITS || twoOverPiBits();
  const neg = x < 0;
  const m = mantissa(neg ? -x : x);
  const e = E - 52; // |x| = m 2**52 * 2**e, m 2**52 an integer
  const s = BigInt(1280 - e);
  const prod = BigInt(m * 4503599627370496) * T; // 2**52
  let k = prod >> s;
  let frac = prod - (k << s);
  if (frac >= 1n << (s - 1n)) {
    frac -= 1n << s;
    k += 1n;
  }
  // the fraction (in [-1/2, 1/2) of a quarter turn) as a double-double
  const a = frac < 0n ? -frac : frac;
  const nb = a.toString(2).length;
  const shift = nb > 106 ? nb - 106 : 0;
  const t = a >> BigInt(shift);
  const sc = 2 ** (shift - Number(s));
  let fh = fastTwoSum(Number(t >> 53n) * 9007199254740992 * sc, Number(t & 9007199254740991n) * sc);
  let fl = L;
  if (frac < 0n) {
    fh = -fh;
    fl = -fl;
  }
  let q = Number(k & 3n);
  if (neg) {
    q = (4 - q) & 3;
    fh = -fh;
    fl = -fl;
  }
  Q = q;
  return ddMul(fh, fl, 1.5707963267948966, 6.123233995736766e-17);
}

function sinR(rh: number, rl: number): number {
  const zh = ddMul(rh, rl, rh, rl);
  const q = horner(SIN, zh, L);
  return ddMul(q, L, rh, rl);
}

function cosR(rh: number, rl: number): number {
  const zh = ddMul(rh, rl, rh, rl);
  return horner(COS, zh, L);
}

/** sin(x + shift pi/2) for a finite x past the small-argument shortcuts (shift 1: cos x) */
function sinShifted(x: number, shift: number): number {
  const rh = reduce(x);
  const rl = L;
  const q = (Q + shift) & 3;
  let r = NaN;
  if (fastPaths.on) {
    const h = sinCosFast(rh, rl, q & 1);
    r = roundedOrNaN(h, L, Math.abs(h) * TRIG_ERR);
    if (r !== r) fastPaths.undecided++;
  }
  if (r !== r) r = q & 1 ? cosR(rh, rl) : sinR(rh, rl);
  return q & 2 ? -r : r;
}

/** sin(x) */
export function sin(x: number): number {
  const a = Math.abs(x);
  if (!(a >= 7.450580596923828e-9)) return a < 1 ? x : Math.sin(x); // 2**-27: sin(x) rounds to x
  return a === Infinity ? NaN : sinShifted(x, 0);
}

/** cos(x) */
export function cos(x: number): number {
  const a = Math.abs(x);
  if (!(a >= 7.450580596923828e-9)) return a < 1 ? 1 : Math.cos(x); // cos(x) rounds to 1
  return a === Infinity ? NaN : sinShifted(x, 1);
}

/** tan(x) */
export function tan(x: number): number {
  const a = Math.abs(x);
  if (!(a >= 7.450580596923828e-9)) return a < 1 ? x : Math.tan(x);
  if (a === Infinity) return NaN;
  const rh = reduce(x);
  const rl = L;
  const q = Q;
  let sh: number;
  let sl: number;
  let ch: number;
  let cl: number;
  if (fastPaths.on) {
    sh = sinCosFast(rh, rl, 0);
    sl = L;
    ch = sinCosFast(rh, rl, 1);
    cl = L;
    const t = q & 1 ? ddDiv(ch, cl, sh, sl) : ddDiv(sh, sl, ch, cl);
    const f = roundedOrNaN(t, L, Math.abs(t) * 2 * TRIG_ERR);
    if (f === f) return q & 1 ? -f : f;
    fastPaths.undecided++;
  }
  sh = sinR(rh, rl);
  sl = L;
  ch = cosR(rh, rl);
  cl = L;
  return q & 1 ? -ddDiv(ch, cl, sh, sl) : ddDiv(sh, sl, ch, cl);
}

// ---------------------------------------------------------------------------------------------
// atan2, atan, asin, acos

/** sin y0 and cos y0 (|y0| <= pi) as double-doubles (SH + SL, CH + CL) */
let SH = 0;
let SL = 0;
let CH = 0;
let CL = 0;

/** sets SH, SL, CH, CL by the fast path (sinCosFast) or the double-double evaluation */
function sinCosOf(y0: number, fast: boolean): void {
  const rh = reduce(y0);
  const rl = L;
  const q = Q;
  let sh = fast ? sinCosFast(rh, rl, 0) : sinR(rh, rl);
  let sl = L;
  let ch = fast ? sinCosFast(rh, rl, 1) : cosR(rh, rl);
  let cl = L;
  // y0 is reduced by q quarter turns: rotate (sin, cos) back
  if (q & 1) {
    const th = sh;
    const tl = sl;
    sh = ch;
    sl = cl;
    ch = -th;
    cl = -tl;
  }
  if (q & 2) {
    sh = -sh;
    sl = -sl;
    ch = -ch;
    cl = -cl;
  }
  SH = sh;
  SL = sl;
  CH = ch;
  CL = cl;
}

/**
 * atan2(ah + al, bh + bl) for finite a, b, not both 0: y0 = Math.atan2(a, b) (within a few
 * units), then one Newton step on g(y) = b sin y - a cos y, whose error is -(y0-y)**3/3:
 * y1 = y0 - (b sin y0 - a cos y0) / (b cos y0 + a sin y0).
 */
function atan2DD(ah: number, al: number, bh: number, bl: number): number {
  const y0 = Math.atan2(ah, bh);
  // beyond double-double's range the quotient is the value (atan t = t - t**3/3)
  if (Math.abs(y0) < 1e-270) return (ah + al) / (bh + bl);
  // atan2 depends on the ratio only: scale the larger to [1, 2) so the products stay in range
  const big = Math.max(Math.abs(ah), Math.abs(bh));
  if (fastPaths.on && big > 1e-150 && big < 1e150) {
    const f = atan2Fast(y0, ah, al, bh, bl);
    if (f === f) return f;
    fastPaths.undecided++;
  }
  if (big < 1e-150 || big > 1e150) {
    const t = big < 1 ? 2 ** 600 : 2 ** -600;
    ah *= t;
    al *= t;
    bh *= t;
    bl *= t;
  }
  mantissa(Math.max(Math.abs(ah), Math.abs(bh)));
  const s = pow2(-E);
  ah *= s;
  al *= s;
  bh *= s;
  bl *= s;
  sinCosOf(y0, false);
  const sh = SH;
  const sl = SL;
  const ch = CH;
  const cl = CL;
  let nh = ddMul(bh, bl, sh, sl);
  let nl = L;
  let ph = ddMul(ah, al, ch, cl);
  nh = ddAdd(nh, nl, -ph, -L);
  nl = L;
  let dh = ddMul(bh, bl, ch, cl);
  const dl = L;
  ph = ddMul(ah, al, sh, sl);
  dh = ddAdd(dh, dl, ph, L);
  const c = ddDiv(nh, nl, dh, L);
  return ddAdd(y0, 0, -c, -L);
}

/** atan2(y, x) */
export function atan2(y: number, x: number): number {
  if (!Number.isFinite(y) || !Number.isFinite(x) || y === 0 || x === 0) return Math.atan2(y, x);
  return atan2DD(y, 0, x, 0);
}

/** atan(x) */
export function atan(x: number): number {
  const a = Math.abs(x);
  if (!(a >= 7.450580596923828e-9)) return x; // atan(x) rounds to x (and NaN)
  if (a === Infinity) return Math.atan(x);
  return atan2DD(x, 0, 1, 0);
}

/** sqrt(1 - x*x) = sqrt((1-x)(1+x)) as a double-double, |x| <= 1 */
function cofactor(x: number): number {
  const p = twoProd(x, x);
  const h = ddAdd(1, 0, -p, -L);
  if (h === 0) {
    L = 0;
    return 0;
  }
  return ddSqrt(h, L);
}

/** asin(x); NaN outside [-1, 1] */
export function asin(x: number): number {
  const a = Math.abs(x);
  if (!(a >= 7.450580596923828e-9)) return x;
  if (a > 1) return NaN;
  const ch = cofactor(x);
  return atan2DD(x, 0, ch, L);
}

/** acos(x); NaN outside [-1, 1] */
export function acos(x: number): number {
  if (!(Math.abs(x) <= 1)) return NaN;
  const ch = cofactor(x);
  const cl = L;
  if (ch === 0) return x > 0 ? 0 : Math.PI;
  return atan2DD(ch, cl, x, 0);
}

// ---------------------------------------------------------------------------------------------
// Fast paths (Ziv's strategy, as crlibm and CORE-MATH use it): a table-driven evaluation in mostly
// double arithmetic whose relative error stays below the bound stated with it (the bounds leave a
// wide margin over the errors measured against the double-double evaluations, see
// test/core/runtime/primitives/libm.test.ts). When every value within that bound of the result
// rounds to the same double, that double is the answer; otherwise (about one call in a few
// thousand) the double-double evaluation above decides.

/** tests: `on = false` evaluates everything the double-double way; `undecided` counts fallbacks */
export const fastPaths = { on: true, undecided: 0 };

/** logFast's error relative to |r|, its log1p argument (2**-68.9 measured) */
const LOG_ERR = 2 ** -64;
/** relative error bounds of expFast (2**-76 measured), sinCosFast (2**-67.3) and atan2Fast (2**-67.8) */
const EXP_ERR = 2 ** -66;
const TRIG_ERR = 2 ** -63;
const ATAN_ERR = 2 ** -63;

/** h when every value within err of h + l rounds to h (h + l normalized), else NaN */
function roundedOrNaN(h: number, l: number, err: number): number {
  bits.setFloat64(0, h);
  const hi = bits.getUint32(0);
  const ex = (hi >>> 20) & 0x7ff;
  if (ex < 64 || ex === 0x7ff) return NaN;
  const halfUlp = pow2(ex - 1076);
  // toward zero from a power of two the gap below is half as wide
  const edge = l < 0 !== h < 0 && (hi & 0xfffff) === 0 && bits.getUint32(4) === 0;
  return Math.abs(l) + err < (edge ? halfUlp / 2 : halfUlp) ? h : NaN;
}

/** ln(1 + j/128) for j = -38 .. 53 as double-double pairs (made on first use) */
let LOG_C: Float64Array | null = null;
function logTable(): Float64Array {
  const t = new Float64Array(184);
  for (let j = -38; j <= 53; j++) {
    t[2 * (j + 38)] = logDD(1 + j / 128);
    t[2 * (j + 38) + 1] = L;
  }
  return (LOG_C = t);
}

/**
 * ln(x) = E ln 2 + ln(c) + log1p(r), c = 1 + j/128 nearest to the mantissa m, r = (m - c)/c with
 * |r| < 2**-7.4: log1p's series to r**12, the terms past r**2 in double. x > 0 finite.
 */
function logFast(x: number): number {
  const tab = LOG_C ?? logTable();
  let m = mantissa(x);
  let e = E;
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  const j = Math.round((m - 1) * 128);
  const c = 1 + j / 128;
  const d = m - c; // exact (Sterbenz)
  const rh = d / c;
  const p0 = twoProd(rh, c);
  const rl = (d - p0 - L) / c;
  const ph = twoProd(rh, rh);
  const pl = L;
  const s = fastTwoSum(rh, -0.5 * ph);
  const se = L;
  const t =
    rh * ph * (1 / 3 + rh * (-1 / 4 + rh * (1 / 5 + rh * (-1 / 6 + rh * (1 / 7 + rh * (-1 / 8 + rh * (1 / 9 + rh * (-1 / 10 + rh * (1 / 11 - rh / 12)))))))));
  const low = se + rl - 0.5 * pl - rh * rl + ph * rl + t;
  const i = 2 * (j + 38);
  let h = twoSum(e * LN2_1, tab[i]);
  let lo = L;
  h = twoSum(h, s);
  lo += L + tab[i + 1] + e * LN2_2 + e * LN2_3 + low;
  h = fastTwoSum(h, lo);
  // the table and E ln 2 are good to ~2**-100 of the sum; the series part to LOG_ERR of r
  LOG_BOUND = LOG_ERR * Math.abs(rh) + 2 ** -98 * Math.abs(h);
  return h;
}

/** a bound on the absolute error of the last logFast */
let LOG_BOUND = 0;

/** 2**(j/64) for j = 0 .. 63 as double-double pairs (made on first use) */
let EXP_T: Float64Array | null = null;
function expTable(): Float64Array {
  const t = new Float64Array(128);
  for (let j = 0; j < 64; j++) {
    // e**(j ln2 / 64): the first two products are exact
    const p = twoProd(j, LN2_2 / 64);
    const xh = ddAdd((j * LN2_1) / 64, 0, p, L);
    const h = expCore(xh, L + (j * LN2_3) / 64);
    const l = L;
    const f = pow2(K);
    t[2 * j] = h * f;
    t[2 * j + 1] = l * f;
  }
  return (EXP_T = t);
}

/** the power of two of the last expFast: its result is (h + L) * 2**N */
let N = 0;

/**
 * e**(xh + xl) = 2**(k/64) e**r, k = round(x 64/ln 2), |r| <= ln 2/128: 2**(k/64) from the table,
 * e**r's series to r**8, the terms past r**2 in double. NaN when 2**N would not scale the result
 * exactly (near overflow and toward the subnormal range).
 */
function expFast(xh: number, xl: number): number {
  const tab = EXP_T ?? expTable();
  const k = Math.round(xh * 92.33248261689366); // 64/ln 2
  const p = twoProd(k, LN2_1 / 64);
  const pl = L;
  const s = twoSum(xh, -p);
  const rh = twoSum(s, L - pl - k * (LN2_2 / 64) - k * (LN2_3 / 64) + xl);
  const rl = L;
  const ph = twoProd(rh, rh);
  const pll = L;
  let h = fastTwoSum(1, rh);
  let lo = L;
  h = fastTwoSum(h, 0.5 * ph);
  const t = rh * ph * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh * (1 / 5040 + rh / 40320)))));
  lo += L + rl + 0.5 * pll + rh * rl + t;
  h = fastTwoSum(h, lo);
  const j = k & 63;
  N = (k - j) / 64;
  if (N > 1022 || N < -1021) return NaN;
  return ddMul(h, L, tab[2 * j], tab[2 * j + 1]);
}

/** sin(j/64) and cos(j/64) for j = 0 .. 51 as double-double pairs (made on first use) */
let SC_T: Float64Array | null = null;
function sinCosTable(): Float64Array {
  const t = new Float64Array(208);
  for (let j = 0; j <= 51; j++) {
    t[4 * j] = sinR(j / 64, 0);
    t[4 * j + 1] = L;
    t[4 * j + 2] = cosR(j / 64, 0);
    t[4 * j + 3] = L;
  }
  return (SC_T = t);
}

/**
 * sin(r) (which = 0) or cos(r) (which = 1) of a reduced r = rh + rl, |r| <= pi/4 (+ rounding):
 * r = j/64 + b with |b| <= 1/128, sin and cos of j/64 from the table, b's series to b**9, the
 * terms past b**2 in double.
 */
function sinCosFast(rh: number, rl: number, which: number): number {
  const tab = SC_T ?? sinCosTable();
  const j = Math.round(rh * 64);
  const bh = twoSum(rh - j / 64, rl); // rh - j/64 is exact (Sterbenz)
  const bl = L;
  const ph = twoProd(bh, bh);
  const pl = L;
  // sin b = bh + sLow, cos b - 1 = -ph/2 + cLow
  const sLow = bl - 0.5 * ph * bl + bh * ph * (-1 / 6 + ph * (1 / 120 + ph * (-1 / 5040 + ph / 362880)));
  const cLow = -0.5 * pl - bh * bl + ph * ph * (1 / 24 + ph * (-1 / 720 + ph / 40320));
  const i = 4 * (j < 0 ? -j : j);
  const sa = j < 0 ? -tab[i] : tab[i];
  const sal = j < 0 ? -tab[i + 1] : tab[i + 1];
  const ca = tab[i + 2];
  const cal = tab[i + 3];
  let h: number;
  let lo: number;
  if (which === 0) {
    // sin(a + b) = sin a + cos a sin b + sin a (cos b - 1)
    const p1 = twoProd(ca, bh);
    lo = L;
    h = twoSum(sa, p1);
    lo += L;
    const p2 = twoProd(sa, -0.5 * ph);
    lo += L;
    h = twoSum(h, p2);
    lo += L + sal + cal * bh + ca * sLow + sa * cLow;
  } else {
    // cos(a + b) = cos a + cos a (cos b - 1) - sin a sin b
    const p1 = twoProd(-sa, bh);
    lo = L;
    h = twoSum(ca, p1);
    lo += L;
    const p2 = twoProd(ca, -0.5 * ph);
    lo += L;
    h = twoSum(h, p2);
    lo += L + cal - sal * bh - sa * sLow + ca * cLow;
  }
  return fastTwoSum(h, lo);
}

/**
 * atan2DD's Newton step with sin y0 and cos y0 from the fast path (the correction is about one
 * unit of y0, so double products suffice past the two leading ones); NaN when undecided.
 * The larger of |a|, |b| is within 1e+-150.
 */
function atan2Fast(y0: number, ah: number, al: number, bh: number, bl: number): number {
  sinCosOf(y0, true);
  const sh = SH;
  const sl = SL;
  const ch = CH;
  const cl = CL;
  // b sin y0 - a cos y0: the leading products nearly cancel, exactly (Sterbenz)
  const p1 = twoProd(bh, sh);
  const p1l = L;
  const p2 = twoProd(ah, ch);
  const p2l = L;
  const num = p1 - p2 + (p1l - p2l + bh * sl + bl * sh - ah * cl - al * ch);
  const den = bh * ch + ah * sh;
  const h = twoSum(y0, -num / den);
  return roundedOrNaN(h, L, Math.abs(h) * ATAN_ERR);
}
