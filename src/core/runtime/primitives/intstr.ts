/**
 * int/float <-> str conversions with CPython 3.11's rules and messages:
 * Objects/longobject.c PyLong_FromString / long_to_decimal_string
 * (incl. the 3.11 int_max_str_digits limit), Objects/floatobject.c
 * PyFloat_FromString, and Objects/unicodeobject.c unicode_repr.
 * Ints are `number` when safe integers, `bigint` otherwise.
 */
import { FormatError } from './errors';
import { isPrintableCp } from '../unicase';
import { decimalValue } from '../ucd';

export type PyInt = number | bigint;

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** Canonical int: a bigint that fits a safe integer becomes a number. */
export function canonInt(v: bigint): PyInt {
  return v >= -MAX_SAFE_BIG && v <= MAX_SAFE_BIG ? Number(v) : v;
}

// ---------------------------------------------------------------------------
// sys.set_int_max_str_digits

/** Python/pylifecycle.c _PY_LONG_DEFAULT_MAX_STR_DIGITS */
export const DEFAULT_MAX_STR_DIGITS = 4300;
/** _PY_LONG_MAX_STR_DIGITS_THRESHOLD */
export const MAX_STR_DIGITS_THRESHOLD = 640;
let maxStrDigits = DEFAULT_MAX_STR_DIGITS;

export function getIntMaxStrDigits(): number { return maxStrDigits; }

/** Python/sysmodule.c sys_set_int_max_str_digits_impl (0 = unlimited). */
export function setIntMaxStrDigits(n: number): void {
  if (n !== 0 && n < MAX_STR_DIGITS_THRESHOLD) {
    throw new FormatError('ValueError', `maxdigits must be 0 or larger than ${MAX_STR_DIGITS_THRESHOLD}`);
  }
  maxStrDigits = n;
}

function toStrLimitError(): FormatError {
  return new FormatError('ValueError',
    `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
}

// ---------------------------------------------------------------------------
// Output

const LOG10_2 = Math.log10(2);

/** Objects/longobject.c long_to_decimal_string (str(int)/repr(int)), refusing more than int_max_str_digits digits. */
export function intToDecimalString(v: PyInt): string {
  if (typeof v === 'number') return String(v + 0);
  if (maxStrDigits > 0) {
    const a = v < 0n ? -v : v;
    // cheap lower bound on the number of decimal digits from the bit length
    const hex = a.toString(16);
    const bits = (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
    if (Math.floor((bits - 1) * LOG10_2) + 1 > maxStrDigits) throw toStrLimitError();
    const s = a.toString();
    if (s.length > maxStrDigits) throw toStrLimitError();
    return v < 0n ? '-' + s : s;
  }
  return v.toString();
}

/** Digits of v in `base` (2..36, lowercase), with '-' for negatives; base 10 obeys the digit limit. */
export function intToString(v: PyInt, base = 10): string {
  if (base === 10) return intToDecimalString(v);
  if (base < 2 || base > 36) throw new RangeError('base must be in 2..36');
  return typeof v === 'number' ? (v + 0).toString(base) : v.toString(base);
}

function withPrefix(v: PyInt, base: number, prefix: string): string {
  const s = typeof v === 'number' ? (v + 0).toString(base) : v.toString(base);
  return s.charCodeAt(0) === 45 ? '-' + prefix + s.slice(1) : prefix + s;
}

/** hex(v): '0x1f', '-0x1f' (Objects/longobject.c _PyLong_Format with alternate form). */
export function intToHex(v: PyInt): string { return withPrefix(v, 16, '0x'); }
/** oct(v): '0o17', '-0o17'. */
export function intToOct(v: PyInt): string { return withPrefix(v, 8, '0o'); }
/** bin(v): '0b101', '-0b101'. */
export function intToBin(v: PyInt): string { return withPrefix(v, 2, '0b'); }

// ---------------------------------------------------------------------------
// str repr (needed for error messages)

function hex2(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Py_UNICODE_ISPRINTABLE (unicase.ts: from Unicode 14's general categories) */
export function isPrintableCodePoint(cp: number): boolean {
  return isPrintableCp(cp);
}

/**
 * Objects/unicodeobject.c unicode_repr. Valid surrogate pairs are one astral
 * code point; lone surrogates are escaped as \udxxx.
 */
export function strRepr(s: string): string {
  let sq = false, dq = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 39) sq = true; else if (c === 34) dq = true;
  }
  const quote = sq && !dq ? '"' : "'";
  const qc = quote.charCodeAt(0);
  let out = quote;
  let run = 0; // start of a run of plain printable ASCII
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== qc && c !== 92) continue;
    out += s.slice(run, i);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000; width = 2; }
    }
    if (c === qc || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + hex2(c, 2);
    else if (c < 0x7f) out += String.fromCharCode(c);
    else if (isPrintableCodePoint(c)) out += String.fromCodePoint(c);
    else if (c <= 0xff) out += '\\x' + hex2(c, 2);
    else if (c <= 0xffff) out += '\\u' + hex2(c, 4);
    else out += '\\U' + hex2(c, 8);
    i += width - 1;
    run = i + 1;
  }
  out += s.slice(run);
  return out + quote;
}

/** First `n` code points of s (like `%.<n>U` / `%.<n>R` truncation). */
export function truncateCodePoints(s: string, n: number): string {
  let i = 0, count = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}

// ---------------------------------------------------------------------------
// Input

/** Py_UNICODE_ISSPACE */
export function isPySpace(cp: number): boolean {
  if (cp < 128) return (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x20);
  return cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** Py_ISSPACE (ASCII, C locale independent): ' ', \t \n \v \f \r */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Py_UNICODE_TODECIMAL for non-ASCII code points (-1 when not a decimal digit). */
export function unicodeDecimalValue(cp: number): number {
  if (cp < 128) return cp >= 48 && cp <= 57 ? cp - 48 : -1;
  return decimalValue(cp) ?? -1;
}

/**
 * Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII:
 * non-ASCII whitespace → ' ', non-ASCII decimal digits → '0'..'9', and
 * stop with '?' at the first other non-ASCII character.
 */
function transformDecimalAndSpace(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 127) { ascii = false; break; }
  if (ascii) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 127) { out += s[i]; continue; }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      i++;
    }
    if (isPySpace(c)) { out += ' '; continue; }
    const d = unicodeDecimalValue(c);
    if (d < 0) return out + '?';
    out += String.fromCharCode(48 + d);
  }
  return out;
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

function digitsToBigInt(digits: string, base: number): bigint {
  switch (base) {
    case 10: return BigInt(digits);
    case 16: return BigInt('0x' + digits);
    case 8: return BigInt('0o' + digits);
    case 2: return BigInt('0b' + digits);
  }
  // chunks of k digits with base**k < 2**53
  let k = 1;
  while (base ** (k + 1) < 2 ** 53) k++;
  const bk = BigInt(base ** k);
  let r = 0n;
  const first = digits.length % k || k;
  r = BigInt(parseInt(digits.slice(0, first), base));
  for (let i = first; i < digits.length; i += k) r = r * bk + BigInt(parseInt(digits.slice(i, i + k), base));
  return r;
}

/**
 * int(s, base) for a str argument (Objects/longobject.c PyLong_FromUnicodeObject
 * → PyLong_FromString): whitespace, sign, prefixes (0x/0o/0b, mandatory
 * handling for base 0), single underscores between digits, Unicode decimal
 * digits; limit on digits for non power-of-two bases.
 */
export function strToInt(s: string, base = 10): PyInt {
  if (base !== 0 && (base < 2 || base > 36)) {
    throw new FormatError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  }
  const origBase = base;
  const fail = (): FormatError => new FormatError('ValueError',
    `invalid literal for int() with base ${origBase}: ${truncateCodePoints(strRepr(s), 200)}`);
  const t = transformDecimalAndSpace(s);
  const n = t.length;
  let i = 0;
  while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  let neg = false;
  if (t[i] === '+') i++;
  else if (t[i] === '-') { neg = true; i++; }
  let errorIfNonzero = false;
  if (base === 0) {
    const c1 = t[i + 1];
    if (t[i] !== '0') base = 10;
    else if (c1 === 'x' || c1 === 'X') base = 16;
    else if (c1 === 'o' || c1 === 'O') base = 8;
    else if (c1 === 'b' || c1 === 'B') base = 2;
    else { errorIfNonzero = true; base = 10; }
  }
  if (t[i] === '0') {
    const c1 = t[i + 1];
    if ((base === 16 && (c1 === 'x' || c1 === 'X')) || (base === 8 && (c1 === 'o' || c1 === 'O')) ||
        (base === 2 && (c1 === 'b' || c1 === 'B'))) {
      i += 2;
      if (t[i] === '_') i++;
    }
  }
  if (t[i] === '_') throw fail();
  const start = i;
  let ndigits = 0;
  let prevUnderscore = false;
  let hasUnderscore = false;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 95) {
      if (prevUnderscore) throw fail();
      prevUnderscore = true; hasUnderscore = true;
    } else {
      if (digitValue(c) >= base) break;
      ndigits++;
      prevUnderscore = false;
    }
    i++;
  }
  if (prevUnderscore || ndigits === 0) throw fail();
  if ((base & (base - 1)) !== 0 && ndigits > MAX_STR_DIGITS_THRESHOLD && maxStrDigits > 0 && ndigits > maxStrDigits) {
    throw new FormatError('ValueError',
      `Exceeds the limit (${maxStrDigits} digits) for integer string conversion: value has ${ndigits} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  const end = i;
  while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  if (i !== n) throw fail();
  let digits = t.slice(start, end);
  if (hasUnderscore) digits = digits.replace(/_/g, '');
  let result: PyInt;
  if (ndigits <= 10 || (base === 10 && ndigits <= 15)) {
    result = parseInt(digits, base);
    if (errorIfNonzero && result !== 0) throw fail();
    return neg ? -result + 0 : result;
  }
  const big = digitsToBigInt(digits, base);
  if (errorIfNonzero && big !== 0n) throw fail();
  return canonInt(neg ? -big : big);
}

const FLOAT_RE = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const INFNAN_RE = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * float(s) for a str argument (Objects/floatobject.c PyFloat_FromString,
 * Python/pystrtod.c _Py_string_to_number_with_underscores / _Py_parse_inf_or_nan).
 */
export function strToFloat(s: string): number {
  const fail = (): FormatError => new FormatError('ValueError', `could not convert string to float: ${strRepr(s)}`);
  const t = transformDecimalAndSpace(s);
  let a = 0, b = t.length;
  while (a < b && isAsciiSpace(t.charCodeAt(a))) a++;
  while (b > a && isAsciiSpace(t.charCodeAt(b - 1))) b--;
  let u = t.slice(a, b);
  if (u.indexOf('_') >= 0) {
    // underscores only between digits
    let prev = 0;
    for (let i = 0; i < u.length; i++) {
      const c = u.charCodeAt(i);
      const prevDigit = prev >= 48 && prev <= 57;
      if (c === 95) { if (!prevDigit) throw fail(); }
      else if (prev === 95 && !(c >= 48 && c <= 57)) throw fail();
      prev = c;
    }
    if (prev === 95) throw fail();
    u = u.replace(/_/g, '');
  }
  if (FLOAT_RE.test(u)) return Number(u);
  const m = INFNAN_RE.exec(u);
  if (m) {
    if (m[2].length === 3 && (m[2][0] === 'n' || m[2][0] === 'N')) return NaN;
    return m[1] === '-' ? -Infinity : Infinity;
  }
  throw fail();
}
