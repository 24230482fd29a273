// The math module's special functions as CPython 3.11 on glibc computes them: gamma and lgamma
// (Modules/mathmodule.c m_tgamma / m_lgamma, a Lanczos sum), erf and erfc (the C library's:
// glibc sysdeps/ieee754/dbl-64/s_erf.c, fdlibm's rational approximations) and the vector norm
// behind hypot and dist (mathmodule.c vector_norm). Each is a line-by-line port: the same
// operations in the same order on doubles give the same bits; where the C code calls exp, log,
// pow, sin or cos this calls the C library's equivalents (libm.ts; exp from libm_glibc.ts).

import * as libm from '../runtime/primitives/libm';
import * as glibcSin from '../runtime/primitives/libm_glibc_sin';
import * as glibc from '../runtime/primitives/libm_glibc';
import { highWord, clearLowWord } from '../runtime/primitives/libm_glibc';
import { copysign, pow2 } from '../runtime/primitives/libm';

/** the C errno the last gamma/lgamma call left: 0, EDOM or ERANGE */
export let errno = 0;
export const EDOM = 33;
export const ERANGE = 34;

const f64 = new DataView(new ArrayBuffer(8));

// ---------------------------------------------------------------------------------------------
// gamma, lgamma (Modules/mathmodule.c)

const pi = 3.141592653589793238462643383279502884197;
const logpi = 1.144729885849400174143427351353058711647;

// mathmodule.c m_sinpi
/** sin(pi*x), accurate for x near an integer; x finite */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0; // fmod(fabs(x), 2.0): exact
  const n = Math.round(2.0 * y); // round(): 2y >= 0, so half-up is half-away-from-zero
  let r: number;
  switch (n) {
    case 0:
      r = glibcSin.sin(pi * y);
      break;
    case 1:
      r = glibcSin.cos(pi * (y - 0.5));
      break;
    case 2:
      // -sin(pi*(y-1.0)) would give -0.0 instead of 0.0 when y == 1.0
      r = glibcSin.sin(pi * (1.0 - y));
      break;
    case 3:
      r = -glibcSin.cos(pi * (y - 1.5));
      break;
    default:
      r = glibcSin.sin(pi * (y - 2.0));
      break;
  }
  return copysign(1.0, x) * r;
}

// mathmodule.c LANCZOS_N, lanczos_g, lanczos_num_coeffs, lanczos_den_coeffs
const LANCZOS_N = 13;
const lanczos_g = 6.024680040776729583740234375;
const lanczos_g_minus_half = 5.524680040776729583740234375;
const lanczos_num_coeffs = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
/** denominator is x*(x+1)*...*(x+LANCZOS_N-2) */
const lanczos_den_coeffs = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
  32670.0, 1925.0, 66.0, 1.0,
];

// mathmodule.c NGAMMA_INTEGRAL, gamma_integral: gamma(1) .. gamma(23)
const NGAMMA_INTEGRAL = 23;
const gamma_integral = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
  6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
  121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];

// mathmodule.c lanczos_sum
/** Lanczos' sum L_g(x) as a rational function, x > 0 (in 1/x for x >= 5) */
function lanczosSum(x: number): number {
  let num = 0.0;
  let den = 0.0;
  if (x < 5.0) {
    for (let i = LANCZOS_N; --i >= 0; ) {
      num = num * x + lanczos_num_coeffs[i];
      den = den * x + lanczos_den_coeffs[i];
    }
  } else {
    for (let i = 0; i < LANCZOS_N; i++) {
      num = num / x + lanczos_num_coeffs[i];
      den = den / x + lanczos_den_coeffs[i];
    }
  }
  return num / den;
}

// mathmodule.c m_tgamma
/** the gamma function; sets errno (EDOM at poles and -inf, ERANGE on overflow) */
export function tgamma(x: number): number {
  errno = 0;
  // special cases
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0.0) return x; // tgamma(nan) = nan, tgamma(inf) = inf
    errno = EDOM;
    return NaN; // tgamma(-inf) = nan, invalid
  }
  if (x === 0.0) {
    errno = EDOM;
    return copysign(Infinity, x); // tgamma(+-0.0) = +-inf, divide-by-zero
  }
  // integer arguments
  if (x === Math.floor(x)) {
    if (x < 0.0) {
      errno = EDOM; // tgamma(n) = nan, invalid for negative integers n
      return NaN;
    }
    if (x <= NGAMMA_INTEGRAL) return gamma_integral[x - 1];
  }
  const absx = Math.abs(x);
  // tiny arguments: tgamma(x) ~ 1/x for x near 0
  if (absx < 1e-20) {
    const r = 1.0 / x;
    if (!Number.isFinite(r)) errno = ERANGE;
    return r;
  }
  // large arguments: tgamma(x) overflows for x > 200 and underflows to +-0.0 for x < -200
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    errno = ERANGE;
    return Infinity;
  }
  const y = absx + lanczos_g_minus_half;
  // the error in that sum
  let z: number;
  if (absx > lanczos_g_minus_half) {
    const q = y - absx;
    z = q - lanczos_g_minus_half;
  } else {
    const q = y - lanczos_g_minus_half;
    z = q - absx;
  }
  z = (z * lanczos_g) / y;
  let r: number;
  if (x < 0.0) {
    r = (((-pi / sinpi(absx)) / absx) * glibc.exp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= libm.pow(y, absx - 0.5);
    } else {
      const sqrtpow = libm.pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / glibc.exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= libm.pow(y, absx - 0.5);
    } else {
      const sqrtpow = libm.pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (r === Infinity || r === -Infinity) errno = ERANGE;
  return r;
}

// mathmodule.c m_lgamma
/** log|gamma(x)|; sets errno (EDOM at the poles, ERANGE on overflow) */
export function lgamma(x: number): number {
  errno = 0;
  // special cases
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return x; // lgamma(nan) = nan
    return Infinity; // lgamma(+-inf) = +inf
  }
  // integer arguments
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errno = EDOM; // lgamma(n) = inf, divide-by-zero for integers n <= 0
      return Infinity;
    }
    return 0.0; // lgamma(1) = lgamma(2) = 0.0
  }
  const absx = Math.abs(x);
  // tiny arguments: lgamma(x) ~ -log(fabs(x)) for small x
  if (absx < 1e-20) return -libm.log(absx);
  // Lanczos' formula
  let r = libm.log(lanczosSum(absx)) - lanczos_g;
  r += (absx - 0.5) * (libm.log(absx + lanczos_g - 0.5) - 1);
  // reflection formula for negative x
  if (x < 0.0) r = logpi - libm.log(Math.abs(sinpi(absx))) - libm.log(absx) - r;
  if (r === Infinity || r === -Infinity) errno = ERANGE;
  return r;
}

// ---------------------------------------------------------------------------------------------
// erf, erfc (glibc sysdeps/ieee754/dbl-64/s_erf.c, from fdlibm; CPython 3.11 calls the C
// library's erf and erfc)

const tiny = 1e-300;
const half = 0.5;
const one = 1.0;
const two = 2.0;
/** c = (float)0.84506291151 */
const erx = 8.45062911510467529297e-1;
// coefficients for approximation to erf on [0, 0.84375]
const efx = 1.28379167095512586316e-1;
const pp0 = 1.28379167095512558561e-1;
const pp1 = -3.2504210724700149937e-1;
const pp2 = -2.84817495755985104766e-2;
const pp3 = -5.77027029648944159157e-3;
const pp4 = -2.37630166566501626084e-5;
const qq1 = 3.97917223959155352819e-1;
const qq2 = 6.50222499887672944485e-2;
const qq3 = 5.08130628187576562776e-3;
const qq4 = 1.32494738004321644526e-4;
const qq5 = -3.9602282787753681232e-6;
// coefficients for approximation to erf in [0.84375, 1.25]
const pa0 = -2.36211856075265944077e-3;
const pa1 = 4.14856118683748331666e-1;
const pa2 = -3.72207876035701323847e-1;
const pa3 = 3.18346619901161753674e-1;
const pa4 = -1.10894694282396677476e-1;
const pa5 = 3.54783043256182359371e-2;
const pa6 = -2.166375594868790843e-3;
const qa1 = 1.06420880400844228286e-1;
const qa2 = 5.40397917702171048937e-1;
const qa3 = 7.18286544141962662868e-2;
const qa4 = 1.26171219808761642112e-1;
const qa5 = 1.36370839120290507362e-2;
const qa6 = 1.1984499846799107417e-2;
// coefficients for approximation to erfc in [1.25, 1/0.35]
const ra0 = -9.86494403484714822705e-3;
const ra1 = -6.93858572707181764372e-1;
const ra2 = -1.05586262253232909814e1;
const ra3 = -6.23753324503260060396e1;
const ra4 = -1.62396669462573470355e2;
const ra5 = -1.84605092906711035994e2;
const ra6 = -8.12874355063065934246e1;
const ra7 = -9.81432934416914548592;
const sa1 = 1.96512716674392571292e1;
const sa2 = 1.376577541435190426e2;
const sa3 = 4.34565877475229228821e2;
const sa4 = 6.45387271733267880336e2;
const sa5 = 4.29008140027567833386e2;
const sa6 = 1.08635005541779435134e2;
const sa7 = 6.57024977031928170135;
const sa8 = -6.04244152148580987438e-2;
// coefficients for approximation to erfc in [1/0.35, 28]
const rb0 = -9.86494292470009928597e-3;
const rb1 = -7.99283237680523006574e-1;
const rb2 = -1.77579549177547519889e1;
const rb3 = -1.60636384855821916062e2;
const rb4 = -6.37566443368389627722e2;
const rb5 = -1.02509513161107724954e3;
const rb6 = -4.83519191608651397019e2;
const sb1 = 3.03380607434824582924e1;
const sb2 = 3.25792512996573918826e2;
const sb3 = 1.53672958608443695994e3;
const sb4 = 3.19985821950859553908e3;
const sb5 = 2.55305040643316442583e3;
const sb6 = 4.74528541206955367215e2;
const sb7 = -2.24409524465858183362e1;

/** R(z) over S(z) for erf on [0, 0.84375] (z = x*x) */
function erfSmallRatio(z: number): number {
  const r1 = pp0 + z * pp1;
  const z2 = z * z;
  const r2 = pp2 + z * pp3;
  const z4 = z2 * z2;
  const s1 = one + z * qq1;
  const s2 = qq2 + z * qq3;
  const s3 = qq4 + z * qq5;
  const r = r1 + z2 * r2 + z4 * pp4;
  const s = s1 + z2 * s2 + z4 * s3;
  return r / s;
}

/** P1(s) over Q1(s) for erf on [0.84375, 1.25] (s = |x| - 1) */
function erfMidRatio(s: number): number {
  const P1 = pa0 + s * pa1;
  const s2 = s * s;
  const Q1 = one + s * qa1;
  const s4 = s2 * s2;
  const P2 = pa2 + s * pa3;
  const s6 = s4 * s2;
  const Q2 = qa2 + s * qa3;
  const P3 = pa4 + s * pa5;
  const Q3 = qa4 + s * qa5;
  const P4 = pa6;
  const Q4 = qa6;
  const P = P1 + s2 * P2 + s4 * P3 + s6 * P4;
  const Q = Q1 + s2 * Q2 + s4 * Q3 + s6 * Q4;
  return P / Q;
}

/**
 * exp(-x*x - 0.5625 + R/S) for x >= 1.25, the approximation below 1/0.35 when `low` (the bound
 * differs by one between __erf and __erfc, so the caller decides)
 */
function erfcTail(x: number, low: boolean): number {
  const s = one / (x * x);
  let R: number;
  let S: number;
  if (low) {
    const R1 = ra0 + s * ra1;
    const s2 = s * s;
    const S1 = one + s * sa1;
    const s4 = s2 * s2;
    const R2 = ra2 + s * ra3;
    const s6 = s4 * s2;
    const S2 = sa2 + s * sa3;
    const s8 = s4 * s4;
    const R3 = ra4 + s * ra5;
    const S3 = sa4 + s * sa5;
    const R4 = ra6 + s * ra7;
    const S4 = sa6 + s * sa7;
    R = R1 + s2 * R2 + s4 * R3 + s6 * R4;
    S = S1 + s2 * S2 + s4 * S3 + s6 * S4 + s8 * sa8;
  } else {
    const R1 = rb0 + s * rb1;
    const s2 = s * s;
    const S1 = one + s * sb1;
    const s4 = s2 * s2;
    const R2 = rb2 + s * rb3;
    const s6 = s4 * s2;
    const S2 = sb2 + s * sb3;
    const R3 = rb4 + s * rb5;
    const S3 = sb4 + s * sb5;
    const S4 = sb6 + s * sb7;
    R = R1 + s2 * R2 + s4 * R3 + s6 * rb6;
    S = S1 + s2 * S2 + s4 * S3 + s6 * S4;
  }
  const z = clearLowWord(x);
  return glibc.exp(-z * z - 0.5625) * glibc.exp((z - x) * (z + x) + R / S);
}

// glibc s_erf.c __erf
/** the error function */
export function erf(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    // erf(nan) = nan, erf(+-inf) = +-1
    const i = (hx >>> 31) << 1;
    return 1 - i + one / x;
  }
  if (ix < 0x3feb0000) {
    // |x| < 0.84375
    if (ix < 0x3e300000) {
      // |x| < 2**-28
      if (ix < 0x00800000) return 0.0625 * (16.0 * x + 16.0 * efx * x); // avoids spurious underflow
      return x + efx * x;
    }
    const y = erfSmallRatio(x * x);
    return x + x * y;
  }
  if (ix < 0x3ff40000) {
    // 0.84375 <= |x| < 1.25
    const pq = erfMidRatio(Math.abs(x) - one);
    return hx >= 0 ? erx + pq : -erx - pq;
  }
  if (ix >= 0x40180000) {
    // inf > |x| >= 6
    return hx >= 0 ? one - tiny : tiny - one;
  }
  x = Math.abs(x);
  const r = erfcTail(x, ix < 0x4006db6e);
  return hx >= 0 ? one - r / x : r / x - one;
}

// glibc s_erf.c __erfc
/** the complementary error function */
export function erfc(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    // erfc(nan) = nan, erfc(+-inf) = 0, 2
    return ((hx >>> 31) << 1) + one / x;
  }
  if (ix < 0x3feb0000) {
    // |x| < 0.84375
    if (ix < 0x3c700000) return one - x; // |x| < 2**-56
    const y = erfSmallRatio(x * x);
    if (hx < 0x3fd00000) {
      // x < 1/4
      return one - (x + x * y);
    }
    let r = x * y;
    r += x - half;
    return half - r;
  }
  if (ix < 0x3ff40000) {
    // 0.84375 <= |x| < 1.25
    const pq = erfMidRatio(Math.abs(x) - one);
    if (hx >= 0) {
      const z = one - erx;
      return z - pq;
    }
    const z = erx + pq;
    return one + z;
  }
  if (ix < 0x403c0000) {
    // |x| < 28
    if (hx < 0 && ix >= 0x40180000) return two - tiny; // x < -6
    const ax = Math.abs(x);
    const r = erfcTail(ax, ix < 0x4006db6d);
    // (a zero here is an underflow: ERANGE, which CPython ignores for results below 1.5)
    return hx > 0 ? r / ax : two - r / ax;
  }
  return hx > 0 ? tiny * tiny : two - tiny;
}

// ---------------------------------------------------------------------------------------------
// hypot, dist (Modules/mathmodule.c vector_norm)

/** frexp's exponent: x = m * 2**e with 0.5 <= m < 1 (x finite, nonzero) */
function frexpExp(x: number): number {
  f64.setFloat64(0, x);
  const biased = (f64.getUint32(0) >>> 20) & 0x7ff;
  if (biased === 0) return frexpExp(x * 18446744073709551616) - 64; // subnormal: scale by 2**64
  return biased - 1022;
}

// mathmodule.c vector_norm
/**
 * sqrt(sum(x**2 for x in vec)) with lossless scaling, Veltkamp-Dekker squaring, compensated
 * summation and a differential correction of the square root. `max` is the largest |x| (INF
 * when an infinity is present), `foundNan` whether a NaN is; vec holds the |x|.
 */
export function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  const T27 = 134217729.0; // ldexp(1.0, 27) + 1.0
  const n = vec.length;
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  let frac3 = 0.0;
  let x: number;
  let oldcsum: number;
  let t: number;
  let hi: number;
  let lo: number;
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0.0 || n <= 1) return max;
  const max_e = frexpExp(max);
  if (max_e >= -1023) {
    const scale = pow2(-max_e);
    for (let i = 0; i < n; i++) {
      x = vec[i];
      x *= scale;
      t = x * T27;
      hi = t - (t - x);
      lo = x - hi;

      x = hi * hi;
      oldcsum = csum;
      csum += x;
      frac1 += oldcsum - csum + x;

      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += oldcsum - csum + x;

      frac3 += lo * lo;
    }
    const h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));

    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;

    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += oldcsum - csum + x;

    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += oldcsum - csum + x;

    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += oldcsum - csum + x;

    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  // When max_e < -1023, ldexp(1.0, -max_e) overflows: divide by max instead of scaling.
  for (let i = 0; i < n; i++) {
    x = vec[i];
    x /= max;
    x = x * x;
    oldcsum = csum;
    csum += x;
    frac1 += oldcsum - csum + x;
  }
  return max * Math.sqrt(csum - 1.0 + frac1);
}
