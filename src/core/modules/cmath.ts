// The cmath module (Modules/cmathmodule.c, CPython 3.11): the C99 Annex G algorithms with their
// special-value tables (as in 3.11: acosh(+-0 + nanj) and tanh(+-0 + infj / nanj) are nan+nanj),
// the errno rules of the Py_complex_protected return converter ("math domain error", "math range
// error") and PyComplex_AsCComplex argument conversion. The C library calls are RefScope's exact
// ones (runtime/primitives/libm, libm_glibc).

import { PyObject, decref } from '../runtime/object';
import { registerModule, checkArgs } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { newBool } from '../runtime/objects/int';
import { newFloat } from '../runtime/objects/float';
import { newTuple } from '../runtime/objects/tuple';
import { PyComplex, newComplex, complexQuotient, type C } from '../runtime/objects/complex';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import * as libm from '../runtime/primitives/libm';
import * as glibcSin from '../runtime/primitives/libm_glibc_sin';
import { copysign, signBit } from '../runtime/primitives/libm';
import * as glibc from '../runtime/primitives/libm_glibc';
import { toDouble } from './modutil';


// ------------------------------------------------------------------ C helpers
const fabs = Math.abs;
const isfinite = Number.isFinite;
const isnan = Number.isNaN;
const isinf = (x: number): boolean => x === Infinity || x === -Infinity;

/** m_log1p (Modules/_math.h _Py_log1p): log1p keeping the sign of a zero */
function mLog1p(x: number): number {
  if (x === 0) return x;
  if (x === -1) return -Infinity;
  if (x < -1) return NaN;
  return glibc.log1p(x);
}

const DBL_MAX = Number.MAX_VALUE;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MANT_DIG = 53;
const M_LN2 = 0.6931471805599453094;
const M_LN10 = 2.302585092994045684;
const PI = 3.14159265358979323846;
const E_ = 2.7182818284590452354;
const CM_LARGE_DOUBLE = DBL_MAX / 4;
const CM_SQRT_LARGE_DOUBLE = Math.sqrt(CM_LARGE_DOUBLE);
/** log(CM_LARGE_DOUBLE), written out (as random.ts's constants: computing it when the bundle loads
 * made libm build its log table in every run; libm.test.ts checks the value) */
export const CM_LOG_LARGE_DOUBLE = 708.3964185322641;
const CM_SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
/** 2**CM_SCALE_UP and 2**CM_SCALE_DOWN (CM_SCALE_UP = 2*(DBL_MANT_DIG/2) + 1 = 53): ldexp is exact here */
const SCALE_UP = 2 ** 53;
const SCALE_DOWN = 2 ** -27;
/** ldexp(x, DBL_MANT_DIG) */
const TWO_MANT = 2 ** DBL_MANT_DIG;
const INF = Infinity;

// errno of the c99 algorithms
const EDOM = 1;
const ERANGE = 2;
let errno = 0;

// ------------------------------------------------------------------ special values
/** special_type: ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN */
function specialType(d: number): number {
  if (isfinite(d)) {
    if (d !== 0) return signBit(d) ? 1 : 4;
    return signBit(d) ? 2 : 3;
  }
  if (isnan(d)) return 6;
  return signBit(d) ? 0 : 5;
}

const P = PI;
const P14 = 0.25 * PI;
const P12 = 0.5 * PI;
const P34 = 0.75 * PI;
const N = NaN;
/** unlikely value, used as placeholder */
const U = -9.5426319407711027e33;

/** a 7x7 table from 7 rows of 7 (re, im) pairs (cmath_exec INIT_SPECIAL_VALUES) */
function table(rows: number[][]): C[][] {
  return rows.map((r) => {
    const out: C[] = [];
    for (let i = 0; i < 14; i += 2) out.push({ re: r[i], im: r[i + 1] });
    return out;
  });
}

// prettier-ignore
const acosSV = table([
  [P34, INF, P, INF, P, INF, P, -INF, P, -INF, P34, -INF, N, INF],
  [P12, INF, U, U, U, U, U, U, U, U, P12, -INF, N, N],
  [P12, INF, U, U, P12, 0, P12, -0, U, U, P12, -INF, P12, N],
  [P12, INF, U, U, P12, 0, P12, -0, U, U, P12, -INF, P12, N],
  [P12, INF, U, U, U, U, U, U, U, U, P12, -INF, N, N],
  [P14, INF, 0, INF, 0, INF, 0, -INF, 0, -INF, P14, -INF, N, INF],
  [N, INF, N, N, N, N, N, N, N, N, N, -INF, N, N],
]);
// prettier-ignore
const acoshSV = table([
  [INF, -P34, INF, -P, INF, -P, INF, P, INF, P, INF, P34, INF, N],
  [INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N],
  [INF, -P12, U, U, 0, -P12, 0, P12, U, U, INF, P12, N, N],
  [INF, -P12, U, U, 0, -P12, 0, P12, U, U, INF, P12, N, N],
  [INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N],
  [INF, -P14, INF, -0, INF, -0, INF, 0, INF, 0, INF, P14, INF, N],
  [INF, N, N, N, N, N, N, N, N, N, INF, N, N, N],
]);
// prettier-ignore
const asinhSV = table([
  [-INF, -P14, -INF, -0, -INF, -0, -INF, 0, -INF, 0, -INF, P14, -INF, N],
  [-INF, -P12, U, U, U, U, U, U, U, U, -INF, P12, N, N],
  [-INF, -P12, U, U, -0, -0, -0, 0, U, U, -INF, P12, N, N],
  [INF, -P12, U, U, 0, -0, 0, 0, U, U, INF, P12, N, N],
  [INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N],
  [INF, -P14, INF, -0, INF, -0, INF, 0, INF, 0, INF, P14, INF, N],
  [INF, N, N, N, N, -0, N, 0, N, N, INF, N, N, N],
]);
// prettier-ignore
const atanhSV = table([
  [-0, -P12, -0, -P12, -0, -P12, -0, P12, -0, P12, -0, P12, -0, N],
  [-0, -P12, U, U, U, U, U, U, U, U, -0, P12, N, N],
  [-0, -P12, U, U, -0, -0, -0, 0, U, U, -0, P12, -0, N],
  [0, -P12, U, U, 0, -0, 0, 0, U, U, 0, P12, 0, N],
  [0, -P12, U, U, U, U, U, U, U, U, 0, P12, N, N],
  [0, -P12, 0, -P12, 0, -P12, 0, P12, 0, P12, 0, P12, 0, N],
  [0, -P12, N, N, N, N, N, N, N, N, 0, P12, N, N],
]);
// prettier-ignore
const coshSV = table([
  [INF, N, U, U, INF, 0, INF, -0, U, U, INF, N, INF, N],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [N, 0, U, U, 1, 0, 1, -0, U, U, N, 0, N, 0],
  [N, 0, U, U, 1, -0, 1, 0, U, U, N, 0, N, 0],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [INF, N, U, U, INF, -0, INF, 0, U, U, INF, N, INF, N],
  [N, N, N, N, N, 0, N, 0, N, N, N, N, N, N],
]);
// prettier-ignore
const expSV = table([
  [0, 0, U, U, 0, -0, 0, 0, U, U, 0, 0, 0, 0],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [N, N, U, U, 1, -0, 1, 0, U, U, N, N, N, N],
  [N, N, U, U, 1, -0, 1, 0, U, U, N, N, N, N],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [INF, N, U, U, INF, -0, INF, 0, U, U, INF, N, INF, N],
  [N, N, N, N, N, -0, N, 0, N, N, N, N, N, N],
]);
// prettier-ignore
const logSV = table([
  [INF, -P34, INF, -P, INF, -P, INF, P, INF, P, INF, P34, INF, N],
  [INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N],
  [INF, -P12, U, U, -INF, -P, -INF, P, U, U, INF, P12, N, N],
  [INF, -P12, U, U, -INF, -0, -INF, 0, U, U, INF, P12, N, N],
  [INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N],
  [INF, -P14, INF, -0, INF, -0, INF, 0, INF, 0, INF, P14, INF, N],
  [INF, N, N, N, N, N, N, N, N, N, INF, N, N, N],
]);
// prettier-ignore
const sinhSV = table([
  [INF, N, U, U, -INF, -0, -INF, 0, U, U, INF, N, INF, N],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [0, N, U, U, -0, -0, -0, 0, U, U, 0, N, 0, N],
  [0, N, U, U, 0, -0, 0, 0, U, U, 0, N, 0, N],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [INF, N, U, U, INF, -0, INF, 0, U, U, INF, N, INF, N],
  [N, N, N, N, N, -0, N, 0, N, N, N, N, N, N],
]);
// prettier-ignore
const sqrtSV = table([
  [INF, -INF, 0, -INF, 0, -INF, 0, INF, 0, INF, INF, INF, N, INF],
  [INF, -INF, U, U, U, U, U, U, U, U, INF, INF, N, N],
  [INF, -INF, U, U, 0, -0, 0, 0, U, U, INF, INF, N, N],
  [INF, -INF, U, U, 0, -0, 0, 0, U, U, INF, INF, N, N],
  [INF, -INF, U, U, U, U, U, U, U, U, INF, INF, N, N],
  [INF, -INF, INF, -0, INF, -0, INF, 0, INF, 0, INF, INF, INF, N],
  [INF, -INF, N, N, N, N, N, N, N, N, INF, INF, N, N],
]);
// prettier-ignore
const tanhSV = table([
  [-1, 0, U, U, -1, -0, -1, 0, U, U, -1, 0, -1, 0],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [N, N, U, U, -0, -0, -0, 0, U, U, N, N, N, N],
  [N, N, U, U, 0, -0, 0, 0, U, U, N, N, N, N],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [1, 0, U, U, 1, -0, 1, 0, U, U, 1, 0, 1, 0],
  [N, N, N, N, N, -0, N, 0, N, N, N, N, N, N],
]);
// prettier-ignore
const rectSV = table([
  [INF, N, U, U, -INF, 0, -INF, -0, U, U, INF, N, INF, N],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [0, 0, U, U, -0, 0, -0, -0, U, U, 0, 0, 0, 0],
  [0, 0, U, U, 0, -0, 0, 0, U, U, 0, 0, 0, 0],
  [N, N, U, U, U, U, U, U, U, U, N, N, N, N],
  [INF, N, U, U, INF, -0, INF, 0, U, U, INF, N, INF, N],
  [N, N, N, N, N, 0, N, 0, N, N, N, N, N, N],
]);

/** SPECIAL_VALUE(z, table): the table entry for a non-finite z, else null */
function specialValue(z: C, t: C[][]): C | null {
  if (!isfinite(z.re) || !isfinite(z.im)) {
    errno = 0;
    const v = t[specialType(z.re)][specialType(z.im)];
    return { re: v.re, im: v.im };
  }
  return null;
}

// ------------------------------------------------------------------ the c99 functions
// Modules/cmathmodule.c cmath_acos_impl
function cAcos(z: C): C {
  const sv = specialValue(z, acosSV);
  if (sv) return sv;
  const r: C = { re: 0, im: 0 };
  if (fabs(z.re) > CM_LARGE_DOUBLE || fabs(z.im) > CM_LARGE_DOUBLE) {
    // avoid unnecessary overflow for large arguments
    r.re = libm.atan2(fabs(z.im), z.re);
    r.im = -copysign(libm.log(glibc.hypot(z.re / 2, z.im / 2)) + M_LN2 * 2, z.im);
  } else {
    const s1 = cSqrt({ re: 1 - z.re, im: -z.im });
    const s2 = cSqrt({ re: 1 + z.re, im: z.im });
    r.re = 2 * libm.atan2(s1.re, s2.re);
    r.im = glibc.asinh(s2.re * s1.im - s2.im * s1.re);
  }
  errno = 0;
  return r;
}

// Modules/cmathmodule.c cmath_acosh_impl
function cAcosh(z: C): C {
  const sv = specialValue(z, acoshSV);
  if (sv) return sv;
  const r: C = { re: 0, im: 0 };
  if (fabs(z.re) > CM_LARGE_DOUBLE || fabs(z.im) > CM_LARGE_DOUBLE) {
    r.re = libm.log(glibc.hypot(z.re / 2, z.im / 2)) + M_LN2 * 2;
    r.im = libm.atan2(z.im, z.re);
  } else {
    const s1 = cSqrt({ re: z.re - 1, im: z.im });
    const s2 = cSqrt({ re: z.re + 1, im: z.im });
    r.re = glibc.asinh(s1.re * s2.re + s1.im * s2.im);
    r.im = 2 * libm.atan2(s1.im, s2.re);
  }
  errno = 0;
  return r;
}

// Modules/cmathmodule.c cmath_asin_impl: asin(z) = -i asinh(iz)
function cAsin(z: C): C {
  const s = cAsinh({ re: -z.im, im: z.re });
  return { re: s.im, im: -s.re };
}

// Modules/cmathmodule.c cmath_asinh_impl
function cAsinh(z: C): C {
  const sv = specialValue(z, asinhSV);
  if (sv) return sv;
  const r: C = { re: 0, im: 0 };
  if (fabs(z.re) > CM_LARGE_DOUBLE || fabs(z.im) > CM_LARGE_DOUBLE) {
    if (z.im >= 0) {
      r.re = copysign(libm.log(glibc.hypot(z.re / 2, z.im / 2)) + M_LN2 * 2, z.re);
    } else {
      r.re = -copysign(libm.log(glibc.hypot(z.re / 2, z.im / 2)) + M_LN2 * 2, -z.re);
    }
    r.im = libm.atan2(z.im, fabs(z.re));
  } else {
    const s1 = cSqrt({ re: 1 + z.im, im: -z.re });
    const s2 = cSqrt({ re: 1 - z.im, im: z.re });
    r.re = glibc.asinh(s1.re * s2.im - s2.re * s1.im);
    r.im = libm.atan2(z.im, s1.re * s2.re - s1.im * s2.im);
  }
  errno = 0;
  return r;
}

// Modules/cmathmodule.c cmath_atan_impl: atan(z) = -i atanh(iz)
function cAtan(z: C): C {
  const s = cAtanh({ re: -z.im, im: z.re });
  return { re: s.im, im: -s.re };
}

// Modules/cmathmodule.c cmath_atanh_impl
function cAtanh(z: C): C {
  const sv = specialValue(z, atanhSV);
  if (sv) return sv;
  // reduce to z.real >= 0 with atanh(z) = -atanh(-z) (_Py_c_neg)
  if (z.re < 0) {
    const n = cAtanh({ re: -z.re, im: -z.im });
    return { re: -n.re, im: -n.im };
  }
  const r: C = { re: 0, im: 0 };
  const ay = fabs(z.im);
  if (z.re > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
    // abs(z) large: atanh(z) ~ 1/z +/- i*pi/2
    const h = glibc.hypot(z.re / 2, z.im / 2);
    r.re = z.re / 4 / h / h;
    r.im = copysign(PI / 2, z.im);
    errno = 0;
  } else if (z.re === 1 && ay < CM_SQRT_DBL_MIN) {
    // C99: atanh(1+/-0.) is inf +/- 0i
    if (ay === 0) {
      r.re = INF;
      r.im = z.im;
      errno = EDOM;
    } else {
      r.re = -libm.log(Math.sqrt(ay) / Math.sqrt(glibc.hypot(ay, 2)));
      r.im = copysign(libm.atan2(2, -ay) / 2, z.im);
      errno = 0;
    }
  } else {
    r.re = mLog1p((4 * z.re) / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4;
    r.im = -libm.atan2(-2 * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2;
    errno = 0;
  }
  return r;
}

// Modules/cmathmodule.c cmath_cos_impl: cos(z) = cosh(iz)
function cCos(z: C): C {
  return cCosh({ re: -z.im, im: z.re });
}

// Modules/cmathmodule.c cmath_cosh_impl
function cCosh(z: C): C {
  const r: C = { re: 0, im: 0 };
  if (!isfinite(z.re) || !isfinite(z.im)) {
    // cosh(+/-inf + iy) for finite nonzero y
    if (isinf(z.re) && isfinite(z.im) && z.im !== 0) {
      if (z.re > 0) {
        r.re = copysign(INF, glibcSin.cos(z.im));
        r.im = copysign(INF, glibcSin.sin(z.im));
      } else {
        r.re = copysign(INF, glibcSin.cos(z.im));
        r.im = -copysign(INF, glibcSin.sin(z.im));
      }
    } else {
      const v = coshSV[specialType(z.re)][specialType(z.im)];
      r.re = v.re;
      r.im = v.im;
    }
    errno = isinf(z.im) && !isnan(z.re) ? EDOM : 0;
    return r;
  }
  if (fabs(z.re) > CM_LOG_LARGE_DOUBLE) {
    // cosh(z.real) overflows but cosh(z) may not
    const xm1 = z.re - copysign(1, z.re);
    r.re = glibcSin.cos(z.im) * glibc.cosh(xm1) * E_;
    r.im = glibcSin.sin(z.im) * glibc.sinh(xm1) * E_;
  } else {
    r.re = glibcSin.cos(z.im) * glibc.cosh(z.re);
    r.im = glibcSin.sin(z.im) * glibc.sinh(z.re);
  }
  errno = isinf(r.re) || isinf(r.im) ? ERANGE : 0;
  return r;
}

// Modules/cmathmodule.c cmath_exp_impl
function cExp(z: C): C {
  const r: C = { re: 0, im: 0 };
  if (!isfinite(z.re) || !isfinite(z.im)) {
    if (isinf(z.re) && isfinite(z.im) && z.im !== 0) {
      if (z.re > 0) {
        r.re = copysign(INF, glibcSin.cos(z.im));
        r.im = copysign(INF, glibcSin.sin(z.im));
      } else {
        r.re = copysign(0, glibcSin.cos(z.im));
        r.im = copysign(0, glibcSin.sin(z.im));
      }
    } else {
      const v = expSV[specialType(z.re)][specialType(z.im)];
      r.re = v.re;
      r.im = v.im;
    }
    // EDOM if y is +/-inf and x is finite or +inf
    errno = isinf(z.im) && (isfinite(z.re) || (isinf(z.re) && z.re > 0)) ? EDOM : 0;
    return r;
  }
  if (z.re > CM_LOG_LARGE_DOUBLE) {
    const l = glibc.exp(z.re - 1);
    r.re = l * glibcSin.cos(z.im) * E_;
    r.im = l * glibcSin.sin(z.im) * E_;
  } else {
    const l = glibc.exp(z.re);
    r.re = l * glibcSin.cos(z.im);
    r.im = l * glibcSin.sin(z.im);
  }
  errno = isinf(r.re) || isinf(r.im) ? ERANGE : 0;
  return r;
}

// Modules/cmathmodule.c c_log
function cLog(z: C): C {
  const sv = specialValue(z, logSV);
  if (sv) return sv;
  const r: C = { re: 0, im: 0 };
  const ax = fabs(z.re);
  const ay = fabs(z.im);
  if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
    r.re = libm.log(glibc.hypot(ax / 2, ay / 2)) + M_LN2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) {
      // glibc.hypot(ax, ay) would be subnormal
      r.re = libm.log(glibc.hypot(ax * TWO_MANT, ay * TWO_MANT)) - DBL_MANT_DIG * M_LN2;
    } else {
      // log(+/-0. +/- 0i)
      r.re = -INF;
      r.im = libm.atan2(z.im, z.re);
      errno = EDOM;
      return r;
    }
  } else {
    const h = glibc.hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      const am = ax > ay ? ax : ay;
      const an = ax > ay ? ay : ax;
      r.re = mLog1p((am - 1) * (am + 1) + an * an) / 2;
    } else {
      r.re = libm.log(h);
    }
  }
  r.im = libm.atan2(z.im, z.re);
  errno = 0;
  return r;
}

// Modules/cmathmodule.c cmath_log10_impl
function cLog10(z: C): C {
  const r = cLog(z);
  return { re: r.re / M_LN10, im: r.im / M_LN10 };
}

// Modules/cmathmodule.c cmath_sin_impl: sin(z) = -i sinh(iz)
function cSin(z: C): C {
  const s = cSinh({ re: -z.im, im: z.re });
  return { re: s.im, im: -s.re };
}

// Modules/cmathmodule.c cmath_sinh_impl
function cSinh(z: C): C {
  const r: C = { re: 0, im: 0 };
  if (!isfinite(z.re) || !isfinite(z.im)) {
    if (isinf(z.re) && isfinite(z.im) && z.im !== 0) {
      if (z.re > 0) {
        r.re = copysign(INF, glibcSin.cos(z.im));
        r.im = copysign(INF, glibcSin.sin(z.im));
      } else {
        r.re = -copysign(INF, glibcSin.cos(z.im));
        r.im = copysign(INF, glibcSin.sin(z.im));
      }
    } else {
      const v = sinhSV[specialType(z.re)][specialType(z.im)];
      r.re = v.re;
      r.im = v.im;
    }
    errno = isinf(z.im) && !isnan(z.re) ? EDOM : 0;
    return r;
  }
  if (fabs(z.re) > CM_LOG_LARGE_DOUBLE) {
    const xm1 = z.re - copysign(1, z.re);
    r.re = glibcSin.cos(z.im) * glibc.sinh(xm1) * E_;
    r.im = glibcSin.sin(z.im) * glibc.cosh(xm1) * E_;
  } else {
    r.re = glibcSin.cos(z.im) * glibc.sinh(z.re);
    r.im = glibcSin.sin(z.im) * glibc.cosh(z.re);
  }
  errno = isinf(r.re) || isinf(r.im) ? ERANGE : 0;
  return r;
}

// Modules/cmathmodule.c cmath_sqrt_impl
function cSqrt(z: C): C {
  const sv = specialValue(z, sqrtSV);
  if (sv) return sv;
  if (z.re === 0 && z.im === 0) return { re: 0, im: z.im };
  let ax = fabs(z.re);
  const ay = fabs(z.im);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // glibc.hypot(ax, ay) may be subnormal: scale by 2**CM_SCALE_UP
    ax = ax * SCALE_UP;
    s = Math.sqrt(ax + glibc.hypot(ax, ay * SCALE_UP)) * SCALE_DOWN;
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + glibc.hypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  errno = 0;
  if (z.re >= 0) return { re: s, im: copysign(d, z.im) };
  return { re: d, im: copysign(s, z.im) };
}

// Modules/cmathmodule.c cmath_tan_impl: tan(z) = -i tanh(iz)
function cTan(z: C): C {
  const s = cTanh({ re: -z.im, im: z.re });
  return { re: s.im, im: -s.re };
}

// Modules/cmathmodule.c cmath_tanh_impl
function cTanh(z: C): C {
  const r: C = { re: 0, im: 0 };
  if (!isfinite(z.re) || !isfinite(z.im)) {
    if (isinf(z.re) && isfinite(z.im) && z.im !== 0) {
      r.re = z.re > 0 ? 1 : -1;
      r.im = copysign(0, 2 * glibcSin.sin(z.im) * glibcSin.cos(z.im));
    } else {
      const v = tanhSV[specialType(z.re)][specialType(z.im)];
      r.re = v.re;
      r.im = v.im;
    }
    errno = isinf(z.im) && isfinite(z.re) ? EDOM : 0;
    return r;
  }
  // danger of overflow in 2.*z.imag
  if (fabs(z.re) > CM_LOG_LARGE_DOUBLE) {
    r.re = copysign(1, z.re);
    r.im = 4 * glibcSin.sin(z.im) * glibcSin.cos(z.im) * glibc.exp(-2 * fabs(z.re));
  } else {
    const tx = glibc.tanh(z.re);
    const ty = libm.tan(z.im);
    const cx = 1 / glibc.cosh(z.re);
    const txty = tx * ty;
    const denom = 1 + txty * txty;
    r.re = (tx * (1 + ty * ty)) / denom;
    r.im = (ty / denom) * cx * cx;
  }
  errno = 0;
  return r;
}

/** Objects/complexobject.c _Py_c_quot (3.11), errno as C sets it */
function cQuot(a: C, b: C): C {
  const q = complexQuotient(a, b);
  if (q !== null) return q;
  errno = EDOM;
  return { re: 0, im: 0 };
}

/** Objects/complexobject.c _Py_c_abs */
function cAbs(z: C): number {
  if (!isfinite(z.re) || !isfinite(z.im)) {
    // C99 rules: if either part is infinite, return infinity even if the other is a nan
    if (isinf(z.re)) {
      errno = 0;
      return fabs(z.re);
    }
    if (isinf(z.im)) {
      errno = 0;
      return fabs(z.im);
    }
    return NaN;
  }
  const r = glibc.hypot(z.re, z.im);
  errno = isfinite(r) ? 0 : ERANGE;
  return r;
}

// Modules/cmathmodule.c cmath_rect_impl
function cRect(r: number, phi: number): C {
  const z: C = { re: 0, im: 0 };
  errno = 0;
  if (!isfinite(r) || !isfinite(phi)) {
    // r = +/-inf with finite nonzero phi: signs from cos(phi), sin(phi)
    if (isinf(r) && isfinite(phi) && phi !== 0) {
      if (r > 0) {
        z.re = copysign(INF, glibcSin.cos(phi));
        z.im = copysign(INF, glibcSin.sin(phi));
      } else {
        z.re = -copysign(INF, glibcSin.cos(phi));
        z.im = -copysign(INF, glibcSin.sin(phi));
      }
    } else {
      const v = rectSV[specialType(r)][specialType(phi)];
      z.re = v.re;
      z.im = v.im;
    }
    // EDOM if r is a nonzero number and phi is infinite
    errno = r !== 0 && !isnan(r) && isinf(phi) ? EDOM : 0;
  } else if (phi === 0) {
    // bpo-18513 workaround (phi = -0.0)
    z.re = r;
    z.im = r * phi;
  } else {
    z.re = r * glibcSin.cos(phi);
    z.im = r * glibcSin.sin(phi);
  }
  return z;
}

// ------------------------------------------------------------------ glue
/** math_error */
function mathError(): never {
  if (errno === EDOM) raise(E.ValueError, 'math domain error');
  raise(E.OverflowError, 'math range error');
}

/** Objects/complexobject.c PyComplex_AsCComplex (try_complex_special_method, then PyFloat_AsDouble) */
function asComplex(o: PyObject): C {
  if (o instanceof PyComplex) return { re: o.re, im: o.im };
  const f = abs.typeLookup(o.type, '__complex__');
  if (f) {
    const r = abs.callMethodObj(f, o, []);
    try {
      if (!(r instanceof PyComplex)) typeError(`__complex__ returned non-complex (type ${r.type.name})`);
      return { re: r.re, im: r.im };
    } finally {
      decref(r);
    }
  }
  return { re: toDouble(o), im: 0 };
}

/** the Py_complex_protected return converter: errno -> exception */
function protectedResult(r: C): PyObject {
  if (errno !== 0) mathError();
  return newComplex(r.re, r.im);
}

/** Python/getargs.c _PyArg_UnpackKeywords for isclose(a, b, /, *, rel_tol, abs_tol)'s clinic parser */
function iscloseArgs(args: PyObject[], kwnames: string[] | null): (PyObject | undefined)[] {
  const names = ['a', 'b', 'rel_tol', 'abs_tol'];
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 2) typeError(`isclose() takes exactly 2 positional arguments (${npos} given)`);
  const out: (PyObject | undefined)[] = [undefined, undefined, undefined, undefined];
  for (let i = 0; i < npos; i++) out[i] = args[i];
  let left = nkw;
  for (let i = npos; i < 4; i++) {
    const k = kwnames ? kwnames.indexOf(names[i]) : -1;
    if (k >= 0) {
      out[i] = args[npos + k];
      left--;
    } else if (i < 2) {
      typeError(`isclose() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  if (left > 0) {
    // error_unexpected_keyword_arg
    for (const n of kwnames!) {
      const idx = names.indexOf(n);
      if (idx < 0) typeError(`'${n}' is an invalid keyword argument for isclose()`);
      if (idx < npos) typeError(`argument for isclose() given by name ('${n}') and position (${idx + 1})`);
    }
  }
  return out;
}

registerModule('cmath', (m) => {
  m.own('pi', newFloat(PI));
  m.own('e', newFloat(E_));
  m.own('tau', newFloat(2 * PI));
  m.own('inf', newFloat(INF));
  m.own('infj', newComplex(0, INF));
  m.own('nan', newFloat(NaN));
  m.own('nanj', newComplex(0, NaN));

  const one = (name: string, f: (z: C) => C) =>
    m.fn(name, (args, kw) => {
      checkArgs(`cmath.${name}`, args, kw, 1, 1);
      const z = asComplex(args[0]);
      errno = 0;
      return protectedResult(f(z));
    });
  one('acos', cAcos);
  one('acosh', cAcosh);
  one('asin', cAsin);
  one('asinh', cAsinh);
  one('atan', cAtan);
  one('atanh', cAtanh);
  one('cos', cCos);
  one('cosh', cCosh);
  one('exp', cExp);
  one('log10', cLog10);
  one('sin', cSin);
  one('sinh', cSinh);
  one('sqrt', cSqrt);
  one('tan', cTan);
  one('tanh', cTanh);

  // Modules/cmathmodule.c cmath_log_impl
  m.fn('log', (args, kw) => {
    if (kw && kw.length) typeError('cmath.log() takes no keyword arguments');
    checkArgs('log', args, null, 1, 2);
    let x = asComplex(args[0]);
    errno = 0;
    x = cLog(x);
    if (args.length > 1) {
      // c_log(y) sets errno afresh: only its errno and the quotient's reach math_error
      const y = cLog(asComplex(args[1]));
      x = cQuot(x, y);
    }
    if (errno !== 0) mathError();
    return newComplex(x.re, x.im);
  });

  const fz = (name: string, f: (z: C) => PyObject) =>
    m.fn(name, (args, kw) => {
      checkArgs(`cmath.${name}`, args, kw, 1, 1);
      return f(asComplex(args[0]));
    });
  // Modules/cmathmodule.c cmath_phase_impl
  fz('phase', (z) => newFloat(libm.atan2(z.im, z.re)));
  // Modules/cmathmodule.c cmath_polar_impl
  fz('polar', (z) => {
    errno = 0;
    const phi = libm.atan2(z.im, z.re);
    const r = cAbs(z);
    if (errno !== 0) mathError();
    return newTuple([newFloat(r), newFloat(phi)]);
  });
  // Modules/cmathmodule.c cmath_isfinite_impl, cmath_isnan_impl, cmath_isinf_impl
  fz('isfinite', (z) => newBool(isfinite(z.re) && isfinite(z.im)));
  fz('isnan', (z) => newBool(isnan(z.re) || isnan(z.im)));
  fz('isinf', (z) => newBool(isinf(z.re) || isinf(z.im)));

  m.fn('rect', (args, kw) => {
    if (kw && kw.length) typeError('cmath.rect() takes no keyword arguments');
    checkArgs('rect', args, null, 2, 2);
    const r = toDouble(args[0]);
    const phi = toDouble(args[1]);
    const z = cRect(r, phi);
    if (errno !== 0) mathError();
    return newComplex(z.re, z.im);
  });

  // Modules/cmathmodule.c cmath_isclose_impl
  m.fn('isclose', (args, kw) => {
    const [pa, pb, rt, at] = iscloseArgs(args, kw);
    const a = asComplex(pa!);
    const b = asComplex(pb!);
    const relTol = rt ? toDouble(rt) : 1e-9;
    const absTol = at ? toDouble(at) : 0.0;
    if (relTol < 0 || absTol < 0) raise(E.ValueError, 'tolerances must be non-negative');
    if (a.re === b.re && a.im === b.im) return newBool(true);
    if (isinf(a.re) || isinf(a.im) || isinf(b.re) || isinf(b.im)) return newBool(false);
    const diff = cAbs({ re: a.re - b.re, im: a.im - b.im });
    return newBool(diff <= relTol * cAbs(b) || diff <= relTol * cAbs(a) || diff <= absTol);
  });
});
