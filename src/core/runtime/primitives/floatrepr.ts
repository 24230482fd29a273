/**
 * Float → string exactly as CPython 3.11 (Python/pystrtod.c
 * PyOS_double_to_string / format_float_short on top of Python/dtoa.c
 * _Py_dg_dtoa).
 *
 * Digit generation:
 *  - mode 0 (shortest round-trip, 'r'): Number.prototype.toExponential()
 *    without argument, which ECMAScript specifies as the shortest
 *    round-tripping digits, closest to the value (same as dtoa mode 0).
 *  - modes 2/3 ('e', 'g' / 'f'): toExponential(n)/toFixed(n) are correctly
 *    rounded but break ties upwards whereas dtoa rounds half to even; we use
 *    them only when a one-digit-longer conversion proves there is no tie,
 *    and otherwise (or for precision > 100) an exact BigInt algorithm.
 */
import { decomposeDouble } from './hash';

export interface DtoaDigits {
  /** significant digits without trailing zeros ('' when rounding to zero in mode 3, '0' for 0.0) */
  digits: string;
  /** position of the decimal point relative to the start of `digits` */
  decpt: number;
}

function stripTrailingZeros(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 48) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** Parse the output of toExponential: "d.ddde+N" → digits/decpt. */
function fromExponential(s: string): DtoaDigits {
  const ei = s.indexOf('e');
  const mant = s.slice(0, ei);
  const exp = Number(s.slice(ei + 1));
  const digits = mant.length > 1 ? mant[0] + mant.slice(2) : mant;
  return { digits: stripTrailingZeros(digits), decpt: exp + 1 };
}

/** Parse the output of toFixed (|x| < 1e21, x > 0): "iii.fff". */
function fromFixed(s: string, nd: number): DtoaDigits {
  const dot = s.indexOf('.');
  const intLen = dot < 0 ? s.length : dot;
  const all = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
  let lead = 0;
  while (lead < all.length && all.charCodeAt(lead) === 48) lead++;
  if (lead === all.length) return { digits: '', decpt: -nd };
  return { digits: stripTrailingZeros(all.slice(lead)), decpt: intLen - lead };
}

const bigPow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 64) {
    let v = bigPow10Cache[n];
    if (v === undefined) v = bigPow10Cache[n] = 10n ** BigInt(n);
    return v;
  }
  return 10n ** BigInt(n);
}

/** round(num/den) with ties to even, num, den > 0 */
function roundDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num - q * den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Exact x = num/den as bigints. */
function exactRatio(x: number): [bigint, bigint] {
  const { m, e } = decomposeDouble(x);
  return e >= 0 ? [m << BigInt(e), 1n] : [m, 1n << BigInt(-e)];
}

/** Exact dtoa mode 2 (nd significant digits) or 3 (nd digits after the point), half-even; x > 0 finite. */
export function exactDtoa(x: number, mode: 2 | 3, nd: number): DtoaDigits {
  const [num, den] = exactRatio(x);
  if (mode === 3) {
    const q = nd >= 0 ? roundDiv(num * pow10(nd), den) : roundDiv(num, den * pow10(-nd));
    if (q === 0n) return { digits: '', decpt: -nd };
    const s = q.toString();
    return { digits: stripTrailingZeros(s), decpt: s.length - nd };
  }
  // k = floor(log10(x)), corrected exactly
  let k = Math.floor(Math.log10(x));
  const ge = (kk: number): boolean => // x >= 10^kk
    kk >= 0 ? num >= den * pow10(kk) : num * pow10(-kk) >= den;
  while (!ge(k)) k--;
  while (ge(k + 1)) k++;
  const s = nd - 1 - k; // scale: q = round(x * 10^s)
  const q = s >= 0 ? roundDiv(num * pow10(s), den) : roundDiv(num, den * pow10(-s));
  const str = q.toString();
  if (str.length > nd) return { digits: '1', decpt: k + 2 }; // rounded up to 10^nd
  return { digits: stripTrailingZeros(str), decpt: k + 1 };
}

/**
 * _Py_dg_dtoa for finite x > 0: mode 0 shortest, mode 2 `nd` significant
 * digits (nd >= 1), mode 3 `nd` digits after the decimal point.
 */
export function dtoa(x: number, mode: 0 | 2 | 3, nd: number): DtoaDigits {
  if (x === 0) return { digits: '0', decpt: 1 };
  if (mode === 0) return fromExponential(x.toExponential());
  if (mode === 2) {
    if (nd <= 100) {
      const longer = x.toExponential(nd); // nd+1 significant digits
      if (longer.charCodeAt(longer.indexOf('e') - 1) !== 53 /* '5' */) {
        return fromExponential(x.toExponential(nd - 1));
      }
    }
    return exactDtoa(x, 2, nd);
  }
  if (nd <= 99 && x < 1e21) {
    const longer = x.toFixed(nd + 1);
    if (longer.charCodeAt(longer.length - 1) !== 53) return fromFixed(x.toFixed(nd), nd);
  }
  return exactDtoa(x, 3, nd);
}

export interface FloatToStringFlags {
  /** Py_DTSF_SIGN: always add a sign ('+' for non-negative; never for nan) */
  sign?: boolean;
  /** not in CPython's function: ' ' instead of '+' for non-negative numbers (ignored if `sign`) */
  blank?: boolean;
  /** Py_DTSF_ADD_DOT_0: integral results get '.0' (when no exponent is used) */
  addDot0?: boolean;
  /** Py_DTSF_ALT: '#' alternate form (keep trailing zeros for 'g', always a decimal point) */
  alt?: boolean;
  /** Py_DTSF_NO_NEG_0: 'z' — drop the sign of a result that rounds to zero */
  noNeg0?: boolean;
}

const NO_FLAGS: FloatToStringFlags = Object.freeze({});

export type FloatFormatCode = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'r';

/**
 * Python/pystrtod.c PyOS_double_to_string. For 'r' the precision must be 0.
 * 'g' with precision 0 is treated as 1.
 */
export function floatToString(x: number, formatCode: FloatFormatCode | string, precision: number, flags: FloatToStringFlags = NO_FLAGS): string {
  let code = formatCode;
  let upper = false;
  switch (code) {
    case 'E': case 'F': case 'G': upper = true; code = code.toLowerCase(); break;
    case 'e': case 'f': case 'g': break;
    case 'r':
      if (precision !== 0) throw new Error('PyOS_double_to_string: precision must be 0 for r');
      break;
    default: throw new Error(`PyOS_double_to_string: bad format code ${code}`);
  }
  let mode: 0 | 2 | 3;
  switch (code) {
    case 'e': mode = 2; precision++; break;
    case 'f': mode = 3; break;
    case 'g': mode = 2; if (precision === 0) precision = 1; break;
    default: mode = 0; break;
  }
  const negative = x < 0 || Object.is(x, -0);
  const alwaysSign = !!flags.sign;
  if (x !== x) return upper ? 'NAN' : 'nan';
  if (x === Infinity || x === -Infinity) {
    const inf = upper ? 'INF' : 'inf';
    return (negative ? '-' : alwaysSign ? '+' : flags.blank ? ' ' : '') + inf;
  }
  if (mode === 3 && precision <= 99 && !flags.alt && !flags.noNeg0 && !flags.addDot0 && !flags.sign && !flags.blank) {
    // 'f' without flags: toFixed's digits (correctly rounded, ties away from zero) are
    // format_float_short's unless x lies exactly halfway, where dtoa rounds half to even. With
    // x = M / 2**q (M odd), x * 10**p = M * 5**p / 2**(q - p) is halfway exactly when q = p + 1,
    // i.e. when x * 2**p is not an integer but x * 2**(p + 1) is (both products are exact).
    const ax = negative ? -x : x;
    if (ax < 1e21) {
      const scaled = ax * 2 ** precision;
      if (Number.isInteger(scaled) || !Number.isInteger(scaled * 2)) {
        const s = ax.toFixed(precision);
        return negative ? '-' + s : s;
      }
    }
  }
  const { digits, decpt: decpt0 } = dtoa(Math.abs(x), mode, precision);
  return formatFloatShort(digits, decpt0, negative, code as 'e' | 'f' | 'g' | 'r', precision, flags, upper);
}

/** Python/pystrtod.c format_float_short, after the call to _Py_dg_dtoa. */
function formatFloatShort(digits: string, decpt: number, negative: boolean, code: 'e' | 'f' | 'g' | 'r',
  precision: number, flags: FloatToStringFlags, upper: boolean): string {
  const addDot0 = !!flags.addDot0;
  const alt = !!flags.alt;
  const digitsLen = digits.length;
  let sign = negative;
  if (flags.noNeg0 && sign && (digitsLen === 0 || (digitsLen === 1 && digits === '0'))) sign = false;

  let useExp = false;
  let vdigitsEnd = digitsLen;
  let exp = 0;
  switch (code) {
    case 'e': useExp = true; vdigitsEnd = precision; break;
    case 'f': vdigitsEnd = decpt + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vdigitsEnd = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  if (useExp) { exp = decpt - 1; decpt = 1; }
  const vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

  let out = sign ? '-' : flags.sign ? '+' : flags.blank ? ' ' : '';
  if (decpt <= 0) {
    out += '0'.repeat(decpt - vdigitsStart) + '.' + '0'.repeat(-decpt);
  } else {
    out += '0'.repeat(-vdigitsStart);
  }
  if (0 < decpt && decpt <= digitsLen) {
    out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    out += digits;
  }
  if (digitsLen < decpt) {
    out += '0'.repeat(decpt - digitsLen) + '.' + '0'.repeat(vdigitsEnd - decpt);
  } else {
    out += '0'.repeat(vdigitsEnd - digitsLen);
  }
  if (out.charCodeAt(out.length - 1) === 46 /* '.' */ && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = Math.abs(exp);
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
  }
  return out;
}

/** Objects/floatobject.c float_repr: PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0). */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // Fast path: integral values below 1e16 print as "<int>.0"
  if (Number.isInteger(x) && x < 1e16 && x > -1e16) return String(x) + '.0';
  // Fast path: repr uses fixed notation for 1e-4 <= |x| < 1e16 (format_float_short: decpt in
  // (-4, 16]), and so does ECMAScript's Number::toString there (1e-7 <= |x| < 1e21), with the
  // same shortest round-tripping digits the path below reads from toExponential()
  const ax = x < 0 ? -x : x;
  if (ax >= 1e-4 && ax < 1e16) return String(x);
  const neg = x < 0;
  const { digits, decpt } = fromExponential((neg ? -x : x).toExponential());
  return formatFloatShort(digits, decpt, neg, 'r', 0, { addDot0: true }, false);
}
