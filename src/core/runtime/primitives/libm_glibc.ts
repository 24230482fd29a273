// The C library's sinh, cosh, tanh, asinh, acosh, atanh, expm1, log1p, exp, cbrt and exp2 as
// CPython 3.11 on glibc 2.36 (Debian's 2.36-9, x86_64, a CPU with FMA) computes them.
//
// glibc's hyperbolic functions are fdlibm's formulas over its own exp, log, expm1 and log1p. On
// x86_64 with FMA and AVX2, exp, expm1 and log1p (and log) are the FMA builds of the generic C code
// (sysdeps/x86_64/fpu/multiarch/*-fma.c, selected at load time; expm1 and log1p since glibc's 2.36
// branch), in which the compiler fused some products and sums into multiply-adds; the rest of the
// functions here are built without. V8's Math.sinh etc. use fdlibm's formulas over fdlibm's exp
// and log (one unit off in the last place for a few percent of arguments), its Math.expm1 and
// Math.log1p are fdlibm's (evaluated in another order, ~0.1-0.3% off), and its Math.cbrt and
// `2 ** x` are other algorithms. The functions here follow glibc's code operation by operation,
// with fma() where the FMA build's machine code (libm.so.6 2.36-9+deb12u14) has a multiply-add.
// log is libm.ts's (correctly rounded; glibc's FMA log is not always, and its tables are not
// ported here), so asinh and acosh still differ for ~1 in 20000 arguments. Checked against
// CPython: test/core/runtime/primitives/record_libm_glibc.py.

import { L, log, twoProd } from './libm';

const bits = new DataView(new ArrayBuffer(8));

/** the high 32 bits of x, signed (GET_HIGH_WORD) */
export function highWord(x: number): number {
  bits.setFloat64(0, x);
  return bits.getInt32(0);
}

/** x with its low 32 bits cleared (SET_LOW_WORD(x, 0)) */
export function clearLowWord(x: number): number {
  bits.setFloat64(0, x);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/** the low 32 bits of x, unsigned (GET_LOW_WORD) */
function lowWord(x: number): number {
  bits.setFloat64(0, x);
  return bits.getUint32(4);
}

/** 2**k for an integer k in the normal range [-1022, 1023] */
function pow2(k: number): number {
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/** x with its high word replaced by hi (SET_HIGH_WORD) */
function withHighWord(x: number, hi: number): number {
  bits.setFloat64(0, x);
  bits.setUint32(0, hi >>> 0);
  return bits.getFloat64(0);
}

/**
 * a * b + c rounded once (the fused multiply-add of the FMA builds), for finite a, b, c whose
 * product and sum neither overflow nor underflow: Boldo and Melquiond's emulation, RN(th + RO(tl +
 * pl)) where ph + pl = a * b exactly (Dekker), th + tl = c + ph exactly (Knuth) and RO rounds to
 * odd.
 */
export function fma(a: number, b: number, c: number): number {
  const ph = twoProd(a, b);
  if (!Number.isFinite(ph) || !Number.isFinite(c)) return ph + c;
  const pl = L;
  if (pl === 0) return ph + c;
  const th = c + ph;
  let bb = th - c;
  const tl = c - (th - bb) + (ph - bb);
  let v = tl + pl;
  bb = v - tl;
  const err = tl - (v - bb) + (pl - bb);
  if (err !== 0) {
    // round v to odd: an even v moves one unit toward the exact sum
    bits.setFloat64(0, v);
    let hi = bits.getUint32(0);
    let lo = bits.getUint32(4);
    if ((lo & 1) === 0) {
      if (err > 0 === v > 0) {
        lo = (lo + 1) >>> 0;
        if (lo === 0) hi += 1;
      } else {
        if (lo === 0) hi -= 1;
        lo = (lo - 1) >>> 0;
      }
      bits.setUint32(0, hi);
      bits.setUint32(4, lo);
      v = bits.getFloat64(0);
    }
  }
  return th + v;
}

// glibc sysdeps/ieee754/dbl-64/s_expm1.c __expm1, as the x86_64 FMA build (sysdeps/x86_64/fpu/
// multiarch/s_expm1-fma.c, in glibc's 2.36 branch and Debian's 2.36) computes it: the products
// GCC fuses into multiply-adds there (read from the machine code of libm.so.6 2.36-9+deb12u14) are
// fma() calls. V8's Math.expm1 (fdlibm's, the polynomial in Horner form) differs in the last place
// for ~0.3% of arguments.
const O_THRESHOLD = 7.09782712893383973096e+02;
const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const INVLN2 = 1.44269504088896338700e+00;
const Q1 = -3.33333333333331316428e-02;
const Q2 = 1.58730158725481460165e-03;
const Q3 = -7.93650757867487942473e-05;
const Q4 = 4.00821782732936239552e-06;
const Q5 = -2.01099218183624371326e-07;

export function expm1(x: number): number {
  let hx = highWord(x);
  const xsb = hx < 0;
  hx &= 0x7fffffff; // high word of |x|
  // huge and non-finite arguments
  if (hx >= 0x4043687a) {
    // |x| >= 56*ln2
    if (hx >= 0x40862e42) {
      // |x| >= 709.78...
      if (x !== x) return x + x;
      if (x === Infinity || x === -Infinity) return xsb ? -1 : x;
      if (x > O_THRESHOLD) return Infinity; // overflow
    }
    if (xsb) return -1; // x < -56*ln2 (tiny - one)
  }
  let k: number;
  let c = 0;
  // argument reduction
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      if (!xsb) {
        hi = x - LN2_HI; lo = LN2_LO; k = 1;
      } else {
        hi = x + LN2_HI; lo = -LN2_LO; k = -1;
      }
    } else {
      k = Math.trunc(INVLN2 * x + (!xsb ? 0.5 : -0.5));
      const t = k;
      hi = x - t * LN2_HI; // t*ln2_hi is exact here
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2**-54
  } else {
    k = 0;
  }
  // x is now in the primary range
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const R1 = fma(hxs, Q1, 1);
  const h2 = hxs * hxs;
  const R2 = fma(hxs, Q3, Q2);
  const h4 = h2 * h2;
  const R3 = fma(hxs, Q5, Q4);
  const r1 = fma(h4, R3, fma(h2, R2, R1));
  let t = fma(-r1, hfx, 3.0);
  let e = hxs * ((r1 - t) / fma(-x, t, 6.0));
  if (k === 0) return x - fma(x, e, -hxs); // c is 0
  e = fma(x, e - c, -c);
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1 + 2.0 * (x - e);
  }
  let y: number;
  if (k <= -2 || k > 56) {
    // exp(x) - 1 suffices
    y = 1 - (e - x);
    y = withHighWord(y, highWord(y) + (k << 20)); // add k to y's exponent
    return y - 1;
  }
  if (k < 20) {
    t = withHighWord(1, 0x3ff00000 - (0x200000 >> k)); // t = 1 - 2**-k
    y = t - (e - x);
    y = withHighWord(y, highWord(y) + (k << 20));
  } else {
    t = withHighWord(1, (0x3ff - k) << 20); // 2**-k
    y = x - (e + t);
    y += 1;
    y = withHighWord(y, highWord(y) + (k << 20));
  }
  return y;
}

// glibc sysdeps/ieee754/dbl-64/s_log1p.c __log1p, as the x86_64 FMA build (multiarch/
// s_log1p-fma.c) computes it, its multiply-adds read from libm.so.6 as for expm1. V8's Math.log1p
// (fdlibm's, the polynomial in Horner form) differs in the last place for ~0.1% of arguments.
const LP1 = 6.666666666666735130e-01;
const LP2 = 3.999999999940941908e-01;
const LP3 = 2.857142874366239149e-01;
const LP4 = 2.222219843214978396e-01;
const LP5 = 1.818357216161805012e-01;
const LP6 = 1.531383769920937332e-01;
const LP7 = 1.479819860511658591e-01;

export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) {
      // x <= -1.0
      if (x === -1.0) return -Infinity;
      return NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2**-29
      if (ax < 0x3c900000) return x; // |x| < 2**-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422
      k = 0; f = x; hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // normalize u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalize u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2**-20
    if (f === 0) {
      if (k === 0) return 0;
      c = fma(k, LN2_LO, c);
      return k * LN2_HI + c;
    }
    const R = fma(-f, 0.66666666666666666, 1.0) * hfsq;
    if (k === 0) return f - R;
    return k * LN2_HI - ((R - fma(k, LN2_LO, c)) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z;
  const R2 = fma(z, LP3, LP2);
  const z4 = z2 * z2;
  const R3 = fma(z, LP5, LP4);
  const z6 = z4 * z2;
  const R4 = fma(z, LP7, LP6);
  // R1 + z2*R2 + z4*R3 + z6*R4 with R1 = z*LP1: the FMA build rounds z2*R2 and fuses the rest
  const R = fma(z6, R4, fma(z4, R3, fma(z, LP1, z2 * R2)));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * LN2_HI - ((hfsq - (s * (hfsq + R) + fma(k, LN2_LO, c))) - f);
}

// glibc sysdeps/ieee754/dbl-64/e_atanh.c __ieee754_atanh
export function atanh(x: number): number {
  const xa = Math.abs(x);
  let t: number;
  if (xa < 0.5) {
    if (xa < 3.725290298461914e-9) return x; // |x| < 2**-28
    t = xa + xa;
    t = 0.5 * log1p(t + (t * xa) / (1.0 - xa));
  } else if (xa < 1.0) {
    t = 0.5 * log1p((xa + xa) / (1.0 - xa));
  } else {
    if (xa > 1.0) return NaN;
    return x / 0.0; // +-1 -> +-inf, NaN
  }
  return highWord(x) < 0 ? -t : t; // copysign(t, x)
}

/**
 * For k = 0 .. 127: the tail T and the head H with 2**(k/128) ~= H * (1 + T), H = 2**(k/128)
 * rounded to a double and T = 2**(k/128)/H - 1 rounded (computed with mpmath at 300 bits; these are
 * glibc's __exp_data.tab, which stores H's bits less k << 45)
 */
const EXP_TAB = new Float64Array([
  0.0, 1.0, 9.447885451727066e-17, 1.0054299011128027,
  -1.507066976926039e-17, 1.0108892860517005, -5.679155082825012e-17, 1.016378314910953,
  4.9997448722726326e-17, 1.0218971486541166, -4.823683599994895e-17, 1.0274459491187637,
  7.357846871247418e-18, 1.0330248790212284, 5.773230223741951e-17, 1.0386341019613787,
  8.189317638195515e-17, 1.0442737824274138, 5.326891139980878e-17, 1.0499440858006872,
  1.6665881442326747e-18, 1.0556451783605572, -1.128113245461828e-17, 1.061377227289262,
  -7.402825309426177e-17, 1.0671404006768237, -3.578659767309563e-18, 1.0729348675259756,
  -6.170654745608695e-17, 1.0787607977571199, 2.919139999949279e-17, 1.0846183622133092,
  -2.7939114859515733e-17, 1.0905077326652577, -5.399285355184285e-17, 1.0964290818163769,
  4.776959425256223e-17, 1.102382583307841, -7.927701432338473e-17, 1.1083684117236787,
  9.341710609905046e-17, 1.1143867425958924, -5.534520675707472e-17, 1.1204377524096067,
  4.585670326662351e-17, 1.1265216186082418, 2.8582430411116143e-17, 1.1326385195987192,
  7.826573258636076e-17, 1.1387886347566916, 4.053626906769216e-17, 1.1449721444318042,
  2.823784425951061e-17, 1.1511892299529827, -7.882802262487991e-17, 1.1574400736337511,
  3.2904726646008416e-17, 1.1637248587775775, -1.5792094703347882e-18, 1.1700437696832502,
  4.721368121170128e-17, 1.1763969916502812, 1.3045277096919659e-17, 1.182784710984341,
  3.3484623336251524e-17, 1.189207115002721, 3.8611199774925664e-17, 1.1956643920398273,
  5.527550048505249e-17, 1.202156731452703, -3.927184172445234e-17, 1.2086843236265816,
  -6.346552106729483e-17, 1.215247359980469, -8.684417614865944e-17, 1.2218460329727576,
  -1.5456342819397733e-17, 1.22848053610687, -8.70763476495455e-17, 1.2351510639369334,
  3.750854201303127e-17, 1.241857812073484, -6.616854503526488e-17, 1.2486009771892048,
  -5.346099009198751e-18, 1.255380757024691, -2.443726321015018e-17, 1.2621973503942507,
  2.1023049675215714e-18, 1.2690509571917332, 7.771067937501065e-17, 1.275941778396392,
  1.3357510088834541e-17, 1.2828700160787783, 6.938291696959204e-17, 1.2898358734066657,
  1.9572585293112036e-17, 1.2968395546510096, 6.632256961675804e-17, 1.3038812651919358,
  -5.478069123926778e-17, 1.3109612115247644, -4.140839310392624e-17, 1.318079601266064,
  -2.1571477251208752e-17, 1.3252366431597413, -3.8287766552120535e-17, 1.3324325470831615,
  6.663804589232195e-17, 1.339667524053303, 2.3936187400285282e-17, 1.3469417862329458,
  5.68648095791174e-17, 1.3542555469368927, 1.1264523354521684e-18, 1.3616090206382248,
  7.007875046906994e-17, 1.3690024229745905, -5.0119214278381254e-17, 1.3764359707545302,
  -4.8923067513522756e-17, 1.383909881963832, -3.5260089953269434e-17, 1.3914243757719262,
  -6.872303720902018e-17, 1.3989796725383112, 5.001446664133532e-18, 1.4065759938190154,
  -6.835808657661922e-17, 1.4142135623730951, -1.1307344092910212e-17, 1.4218926021691656,
  -8.416011634717156e-18, 1.42961333839197, -2.9247977035436566e-17, 1.4373759974489824,
  -2.092304381843353e-17, 1.4451808069770467, -3.9778645875427124e-17, 1.4530279958490526,
  -3.833464968654295e-17, 1.460917794180647, 5.763611164480894e-17, 1.4688504333369818,
  -2.3591094770850053e-17, 1.4768261459394993, 7.260074661098575e-17, 1.4848451658727524,
  9.50689710108796e-18, 1.4929077282912648, -4.272956133839906e-17, 1.5010140696264256,
  -6.735219232374683e-17, 1.5091644275934228, -2.8396044410430936e-17, 1.5173590411982147,
  -7.226635472101257e-17, 1.5255981507445384, 5.786121003395918e-17, 1.533881997840956,
  5.1548301170786783e-17, 1.5422108254079407, -9.416257568878152e-18, 1.550584877685,
  2.4253985766689806e-17, 1.559004400237837, -6.604314051707707e-17, 1.567469639965553,
  -6.432131775424189e-18, 1.5759808451078865, -1.2204007601863921e-17, 1.5845382652524937,
  -6.336161863401293e-17, 1.593142151342267, -3.7800879246373815e-17, 1.6017927556826934,
  1.5341410053603723e-17, 1.6104903319492543, 1.2932855580427452e-17, 1.6192351351948637,
  -4.123367330661149e-17, 1.6280274218573478, 4.703083974463456e-17, 1.6368674497669644,
  -6.152602891550265e-17, 1.645755478153965, 5.827849326195279e-17, 1.6546917676561943,
  3.540948262646183e-17, 1.6636765803267364, -3.2741571320938764e-17, 1.6727101796415966,
  4.875160526227062e-17, 1.681792830507429, -5.718569790077838e-17, 1.6909247992693053,
  -4.719539664590972e-18, 1.7001063537185235, -5.773451958805706e-17, 1.709337763100463,
  -1.0772487078934056e-17, 1.718619298122478, -6.221808618533911e-17, 1.7279512309618377,
  1.821405440362259e-17, 1.7373338352737062, -6.155536546227639e-17, 1.746767386199169,
  1.685487290628973e-17, 1.7562521603732995, 5.3581249177694816e-17, 1.7657884359332727,
  3.621615935336894e-17, 1.7753764925265212, 8.588379527574144e-18, 1.785016611318935,
  1.01562190116415e-17, 1.7947090750031072, -2.869134889187244e-17, 1.804454167806624,
  -5.495118966122005e-17, 1.8142521755003989, -5.56965572431627e-17, 1.8241033854070534,
  1.790126907604513e-17, 1.8340080864093424, -3.2211766346200164e-17, 1.843966568958626,
  5.265370768556274e-17, 1.8539791250833855, 3.5089866402403033e-17, 1.864046048397789,
  -3.266924100901318e-17, 1.8741676341103, -4.3657593008079375e-17, 1.8843441790323345,
  1.7963932659833022e-17, 1.8945759815869656, 3.4300925275214166e-17, 1.9048633418176741,
  -5.545065618639427e-17, 1.9152065613971474, -5.149009745457733e-17, 1.925605943636125,
  5.336805878514151e-17, 1.9360617934922943, 3.498978661192973e-17, 1.9465744175792332,
  4.5784915277060095e-17, 1.9571441241754002, -5.241934575393899e-17, 1.9677712232331759,
  2.0414278897578303e-17, 1.978456026387951, 4.124842848606488e-18, 1.9891988469672663,
]);

// glibc sysdeps/ieee754/dbl-64/e_exp.c __exp, as the x86_64 FMA build (multiarch/e_exp-fma.c, the
// __ieee754_exp that sinh and cosh call on this CPU) computes it, its multiply-adds read from
// libm.so.6 as for expm1 (data: e_exp_data.c, EXP_TABLE_BITS 7, EXP_POLY_ORDER 5). Not correctly
// rounded: it differs from libm.ts's exp for ~0.1% of arguments, and it is what CPython prints.
const EXP_INVLN2N = 184.6649652337873; // 0x1.71547652b82fep0 * N
const EXP_NEGLN2HIN = -0.005415212348111709; // -0x1.62e42fefa0000p-8
const EXP_NEGLN2LON = -1.2864023111638346e-14; // -0x1.cf79abc9e3b3ap-47
const EXP_SHIFT = 6755399441055744; // 0x1.8p52
const EXP_C2 = 0.49999999999996786; // 0x1.ffffffffffdbdp-2
const EXP_C3 = 0.16666666666665886; // 0x1.555555555543cp-3
const EXP_C4 = 0.0416666808410674; // 0x1.55555cf172b91p-5
const EXP_C5 = 0.008333335853059549; // 0x1.1111167a4d017p-7

export function exp(x: number): number {
  bits.setFloat64(0, x);
  let abstop = (bits.getUint32(0) >>> 20) & 0x7ff;
  // top12(0x1p-54) = 0x3c9, top12(512.0) = 0x408, top12(1024.0) = 0x409
  if (abstop < 0x3c9 || abstop >= 0x408) {
    if (abstop < 0x3c9) return 1.0 + x; // |x| < 2**-54 (and 0)
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1.0 + x; // inf or NaN
      return x < 0 ? 0 : Infinity; // underflow, overflow
    }
    abstop = 0; // large |x|: special case below
  }
  // exp(x) = 2**(k/N) * exp(r), x = k ln2/N + r with |r| <= ln2/2N, N = 128
  let kd = fma(x, EXP_INVLN2N, EXP_SHIFT);
  kd -= EXP_SHIFT;
  const k = kd;
  const r = fma(kd, EXP_NEGLN2LON, fma(kd, EXP_NEGLN2HIN, x));
  const i = k & 127;
  const e = (k - i) / 128; // floor(k / N)
  const tail = EXP_TAB[2 * i];
  const h = EXP_TAB[2 * i + 1];
  const r2 = r * r;
  // tail + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5), fused as the FMA build does
  const tmp = fma(r2 * r2, fma(r, EXP_C5, EXP_C4), fma(fma(r, EXP_C3, EXP_C2), r2, tail + r));
  if (abstop === 0) {
    if (k >= 0) {
      // the exponent of scale may have overflowed by <= 460
      const scale = h * pow2(e - 1009);
      return 5.486124068793689e+303 * fma(scale, tmp, scale); // 0x1p1009
    }
    // k < 0: care in the subnormal range
    const scale = h * pow2(e + 1022);
    const st = scale * tmp;
    let y = scale + st;
    if (y < 1.0) {
      let lo = scale - y + st;
      const hi = 1.0 + y;
      lo = 1.0 - hi + y + lo;
      y = hi + lo - 1.0;
      if (y === 0) y = 0;
    }
    return 2.2250738585072014e-308 * y;
  }
  const scale = h * pow2(e);
  return fma(scale, tmp, scale);
}

// glibc sysdeps/ieee754/dbl-64/e_sinh.c __ieee754_sinh
const SHUGE = 1.0e307;

export function sinh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x; // inf or NaN
  const h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {
    // |x| < 22: sign(x) * 0.5 * (E + E/(E+1)), E = expm1(|x|)
    if (ix < 0x3e300000 && SHUGE + x > 1) return x; // |x| < 2**-28
    const t = expm1(Math.abs(x));
    if (ix < 0x3ff00000) return h * (2.0 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  // |x| in [22, log(maxdouble)]: 0.5 * exp(|x|)
  if (ix < 0x40862e42) return h * exp(Math.abs(x));
  // |x| in [log(maxdouble), overflow threshold]
  const lx = lowWord(x);
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = exp(0.5 * Math.abs(x));
    const t = h * w;
    return t * w;
  }
  return x * SHUGE; // overflow
}

// glibc sysdeps/ieee754/dbl-64/e_cosh.c __ieee754_cosh
export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x40360000) {
    // |x| < 0.5*ln2: 1 + expm1(|x|)**2 / (2*exp(|x|))
    if (ix < 0x3fd62e43) {
      if (ix < 0x3c800000) return 1; // cosh(tiny) = 1
      const t = expm1(Math.abs(x));
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    // |x| in [0.5*ln2, 22]: (exp(|x|) + 1/exp(|x|)) / 2
    const t = exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  // |x| in [22, log(maxdouble)]: 0.5 * exp(|x|)
  if (ix < 0x40862e42) return 0.5 * exp(Math.abs(x));
  // |x| in [log(maxdouble), overflow threshold] (bits of |x| <= 0x408633ce8fb9f87d)
  if (ix < 0x408633ce || (ix === 0x408633ce && lowWord(x) <= 0x8fb9f87d)) {
    const w = exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x; // inf or NaN
  return Infinity; // overflow
}

// glibc sysdeps/ieee754/dbl-64/s_tanh.c __tanh
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // +-inf -> +-1, NaN
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (x === 0) return x;
    if (ix < 0x3c800000) return x * (1 + x); // |x| < 2**-55
    if (ix >= 0x3ff00000) {
      // |x| >= 1
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1; // |x| >= 22 (glibc: one - tiny, which rounds to 1)
  }
  return jx >= 0 ? z : -z;
}

// glibc sysdeps/ieee754/dbl-64/s_asinh.c __asinh
const LN2 = 6.93147180559945286227e-01;

export function asinh(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x3e300000) return x; // |x| < 2**-28 (huge + x > one)
  let w: number;
  if (ix > 0x41b00000) {
    // |x| > 2**28
    if (ix >= 0x7ff00000) return x + x; // inf or NaN
    w = log(Math.abs(x)) + LN2;
  } else {
    const xa = Math.abs(x);
    if (ix > 0x40000000) {
      // 2**28 > |x| > 2
      w = log(2.0 * xa + 1 / (Math.sqrt(xa * xa + 1) + xa));
    } else {
      // 2 > |x| > 2**-28
      const t = xa * xa;
      w = log1p(xa + t / (1 + Math.sqrt(1 + t)));
    }
  }
  return hx < 0 ? -w : w; // copysign(w, x), w >= 0
}

// glibc sysdeps/ieee754/dbl-64/e_acosh.c __ieee754_acosh
export function acosh(x: number): number {
  if (x !== x) return x + x;
  if (x > 2) {
    if (x >= 268435456) {
      // x >= 2**28
      if (x === Infinity) return x + x;
      return log(x) + LN2; // acosh(huge) = log(2x)
    }
    // 2**28 > x > 2
    const t = x * x;
    return log(2.0 * x - 1 / (x + Math.sqrt(t - 1)));
  }
  if (x > 1) {
    // 1 < x <= 2
    const t = x - 1;
    return log1p(t + Math.sqrt(2.0 * t + t * t));
  }
  if (x === 1) return 0;
  return NaN; // x < 1
}

// glibc sysdeps/ieee754/dbl-64/s_cbrt.c __cbrt
const CBRT2 = 1.2599210498948731648; // 2**(1/3)
const SQR_CBRT2 = 1.5874010519681994748; // 2**(2/3)
const CBRT_FACTOR = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  // frexp: |x| = xm * 2**xe with xm in [0.5, 1)
  let a = Math.abs(x);
  let xe = 0;
  if (a < 2.2250738585072014e-308) {
    a *= 18014398509481984; // 2**54: subnormal x
    xe = -54;
  }
  bits.setFloat64(0, a);
  const hi = bits.getUint32(0);
  xe += ((hi >>> 20) & 0x7ff) - 1022;
  bits.setUint32(0, (hi & 0x800fffff) | 0x3fe00000);
  const xm = bits.getFloat64(0);

  const u = 0.354895765043919860
    + ((1.50819193781584896
      + ((-2.11499494167371287
        + ((2.44693122563534430
          + ((-1.83469277483613086
            + (0.784932344976639262 - 0.145263899385486377 * xm)
            * xm)
            * xm))
          * xm))
        * xm))
      * xm);
  const t2 = u * u * u;
  const ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * CBRT_FACTOR[2 + (xe % 3)];
  // ldexp: the result is normal (xe / 3 in [-358, 341]), so the scaling is exact
  return (x > 0 ? ym : -ym) * pow2(Math.trunc(xe / 3));
}

// glibc sysdeps/ieee754/dbl-64/e_exp2.c __exp2 (data: e_exp_data.c, EXP_TABLE_BITS 7; built
// without FMA, there is no x86_64 variant)
const EXP2_SHIFT = 52776558133248; // 0x1.8p52 / N
const EXP2_C1 = 0.6931471805599453; // 0x1.62e42fefa39efp-1
const EXP2_C2 = 0.24022650695909065; // 0x1.ebfbdff82c424p-3
const EXP2_C3 = 0.0555041086686087; // 0x1.c6b08d70cf4b5p-5
const EXP2_C4 = 0.009618131975721055; // 0x1.3b2abd24650ccp-7
const EXP2_C5 = 0.0013332074570119598; // 0x1.5d7e09b4e3a84p-10

/** scale * (1 + tmp) for k where scale = H[k mod 128] * 2**floor(k/128) may not be normal */
function exp2Special(tmp: number, h: number, e: number, k: number): number {
  if (k >= 0) {
    // the exponent of scale may have overflowed by 1
    const scale = h * pow2(e - 1);
    return 2 * (scale + scale * tmp);
  }
  // k < 0: care in the subnormal range
  const scale = h * pow2(e + 1022);
  let y = scale + scale * tmp;
  if (y < 1.0) {
    // round y to the right precision before scaling it into the subnormal range
    let lo = scale - y + scale * tmp;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = hi + lo - 1.0;
    if (y === 0) y = 0;
  }
  return 2.2250738585072014e-308 * y;
}

export function exp2(x: number): number {
  bits.setFloat64(0, x);
  const top = bits.getUint32(0) >>> 20; // top12(x): sign and exponent
  let abstop = top & 0x7ff;
  // top12(0x1p-54) = 0x3c9, top12(512.0) = 0x408, top12(1024.0) = 0x409
  if (abstop < 0x3c9 || abstop >= 0x408) {
    if (abstop < 0x3c9) return 1.0 + x; // |x| < 2**-54 (and 0)
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1.0 + x; // inf or NaN
      if (x > 0) return Infinity; // overflow
      if (x <= -1075) return 0; // underflow
    }
    if (Math.abs(x) > 928) abstop = 0; // large |x|: special case below
  }
  // exp2(x) = 2**(k/N) * 2**r, x = k/N + r with |r| <= 1/2N, N = 128
  let kd = x + EXP2_SHIFT;
  kd -= EXP2_SHIFT; // k/N (x + Shift rounded to a multiple of 1/N)
  const k = kd * 128;
  const r = x - kd;
  const i = k & 127; // ki % N (k's two's complement low bits)
  const e = (k - i) / 128; // floor(k / N)
  const tail = EXP_TAB[2 * i];
  const h = EXP_TAB[2 * i + 1];
  const r2 = r * r;
  const tmp = tail + r * EXP2_C1 + r2 * (EXP2_C2 + r * EXP2_C3) + r2 * r2 * (EXP2_C4 + r * EXP2_C5);
  if (abstop === 0) return exp2Special(tmp, h, e, k);
  const scale = h * pow2(e);
  return scale + scale * tmp;
}

/** glibc sysdeps/ieee754/dbl-64/e_hypot.c kernel (no FMA, as on x86-64): Borges' corrected sqrt */
function hypotKernel(ax: number, ay: number): number {
  let t1: number;
  let t2: number;
  let h = Math.sqrt(ax * ax + ay * ay);
  if (h <= 2.0 * ay) {
    const delta = h - ay;
    t1 = ax * (2.0 * delta - ax);
    t2 = (delta - 2.0 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2.0 * delta * (ax - 2.0 * ay);
    t2 = (4.0 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2.0 * h);
  return h;
}

const HYPOT_SCALE = 2 ** -600;
const HYPOT_LARGE = 2 ** 511;
const HYPOT_TINY = 2 ** -459;
const HYPOT_EPS = 2 ** -54;
/**
 * glibc sysdeps/ieee754/dbl-64/e_hypot.c __hypot: the C library's hypot that cmathmodule.c and
 * _Py_c_abs call (not correctly rounded: ~0.6% of arguments are one unit off the exact value).
 */
export function hypot(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
    return x + y;
  }
  x = Math.abs(x);
  y = Math.abs(y);
  const ax = x < y ? y : x;
  const ay = x < y ? x : y;
  // ax huge: scale both down
  if (ax > HYPOT_LARGE) {
    if (ay <= ax * HYPOT_EPS) return ax + ay;
    return hypotKernel(ax * HYPOT_SCALE, ay * HYPOT_SCALE) / HYPOT_SCALE;
  }
  // ay tiny: scale both up
  if (ay < HYPOT_TINY) {
    if (ax >= ay / HYPOT_EPS) return ax + ay;
    return hypotKernel(ax / HYPOT_SCALE, ay / HYPOT_SCALE) * HYPOT_SCALE;
  }
  if (ay <= ax * HYPOT_EPS) return ax + ay;
  return hypotKernel(ax, ay);
}
