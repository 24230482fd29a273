/**
 * Format-spec mini-language (Python/formatter_unicode.c) and printf-style
 * `str % args` (Objects/unicodeobject.c PyUnicode_Format), CPython 3.11.
 * All errors are thrown as FormatError with CPython's exact messages.
 */
import { FormatError } from './errors';
import { floatRepr, floatToString, FloatToStringFlags } from './floatrepr';
import { intToDecimalString, truncateCodePoints, unicodeDecimalValue } from './intstr';

export { FormatError } from './errors';
export type { FormatErrorType } from './errors';

type PyInt = number | bigint;

// ---------------------------------------------------------------------------
// code point helpers

const SURROGATE = /[\ud800-\udfff]/;

/** Length in code points (what Python's len() returns). */
export function cpLength(s: string): number {
  const n = s.length;
  if (n <= 32) {
    // short strings (most formatted values): a loop is cheaper than the regular expression
    let i = 0;
    while (i < n && (s.charCodeAt(i) & 0xf800) !== 0xd800) i++;
    if (i === n) return n;
  } else if (!SURROGATE.test(s)) return n;
  let cps = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    cps++;
  }
  return cps;
}

/** whether s holds a surrogate code unit */
function hasSurrogate(s: string): boolean {
  const n = s.length;
  if (n > 32) return SURROGATE.test(s);
  for (let i = 0; i < n; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

function cpSlice(s: string, n: number): string {
  return hasSurrogate(s) ? truncateCodePoints(s, n) : s.slice(0, n);
}

function codeToDisplay(cp: number): string {
  return cp > 32 && cp < 128 ? String.fromCharCode(cp) : '\\x' + cp.toString(16);
}

// ---------------------------------------------------------------------------
// Format spec parsing (parse_internal_render_format_spec)

export type Align = '<' | '>' | '=' | '^';

export interface FormatSpec {
  /** fill character (one code point), default ' ' */
  fill: string;
  align: Align;
  /** '' when not given */
  sign: '' | '+' | '-' | ' ';
  /** 'z' (3.11, PEP 682) */
  noNeg0: boolean;
  /** '#' */
  alternate: boolean;
  /** -1 when not given */
  width: number;
  /** '' none, ',' or '_' */
  thousandsSep: '' | ',' | '_';
  /** digits per group: 3, or 4 for '_' with b/o/x/X (LT_UNDER_FOUR_LOCALE) */
  groupSize: 3 | 4;
  /** -1 when not given */
  precision: number;
  /** presentation type (one code point) or '' when omitted and defaultType is '' */
  type: string;
}

const ALIGN_TOKENS = '<>=^';
const PY_SSIZE_T_MAX = 9223372036854775807n;

/**
 * Python/formatter_unicode.c parse_internal_render_format_spec.
 * `typeName` is used in the "Invalid format specifier" message.
 */
export function parseFormatSpec(spec: string, typeName = 'object', defaultType = '', defaultAlign: Align = '>'): Readonly<FormatSpec> {
  // parsed specs are cached per spec string (the same few specs are formatted over and over);
  // a spec that raises is never cached, so its message still names the type
  // (no key built per call: the callers pass constant strings)
  const byType = defaultAlign === '>' ? specCachesRight : defaultAlign === '<' ? specCachesLeft : specCachesOther;
  const typeKey = byType === specCachesOther ? defaultType + defaultAlign : defaultType;
  let cache = byType.get(typeKey);
  if (cache === undefined) byType.set(typeKey, (cache = new Map()));
  let f = cache.get(spec);
  if (f === undefined) {
    f = Object.freeze(parseFormatSpecUncached(spec, typeName, defaultType, defaultAlign));
    if (cache.size >= SPEC_CACHE_MAX) cache.clear();
    cache.set(spec, f);
  }
  return f;
}
/** parsed specs by default alignment ('>', '<', others), then by default type, then by spec */
const specCachesRight = new Map<string, Map<string, Readonly<FormatSpec>>>();
const specCachesLeft = new Map<string, Map<string, Readonly<FormatSpec>>>();
const specCachesOther = new Map<string, Map<string, Readonly<FormatSpec>>>();
const SPEC_CACHE_MAX = 4096;

function parseFormatSpecUncached(spec: string, typeName: string, defaultType: string, defaultAlign: Align): FormatSpec {
  const c: string[] = SURROGATE.test(spec) ? Array.from(spec) : spec.split('');
  const end = c.length;
  let pos = 0;
  const f: FormatSpec = {
    fill: ' ', align: defaultAlign, sign: '', noNeg0: false, alternate: false, width: -1,
    thousandsSep: '', groupSize: 3, precision: -1, type: defaultType,
  };
  let alignSpecified = false, fillSpecified = false;
  if (end - pos >= 2 && ALIGN_TOKENS.includes(c[pos + 1])) {
    f.align = c[pos + 1] as Align; f.fill = c[pos];
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && ALIGN_TOKENS.includes(c[pos])) {
    f.align = c[pos] as Align; alignSpecified = true; pos++;
  }
  if (end - pos >= 1 && (c[pos] === '+' || c[pos] === '-' || c[pos] === ' ')) {
    f.sign = c[pos] as '+' | '-' | ' '; pos++;
  }
  if (end - pos >= 1 && c[pos] === 'z') { f.noNeg0 = true; pos++; }
  if (end - pos >= 1 && c[pos] === '#') { f.alternate = true; pos++; }
  if (!fillSpecified && end - pos >= 1 && c[pos] === '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign === '>') f.align = '=';
    pos++;
  }
  // get_integer
  const getInteger = (): number => {
    let digits = '';
    while (pos < end) {
      const d = unicodeDecimalValue(c[pos].codePointAt(0)!);
      if (d < 0) break;
      digits += d;
      if (digits.length >= 19 && BigInt(digits) > PY_SSIZE_T_MAX) {
        throw new FormatError('ValueError', 'Too many decimal digits in format string');
      }
      pos++;
    }
    return digits === '' ? -1 : Number(digits);
  };
  f.width = getInteger();
  if (end - pos >= 1 && c[pos] === ',') { f.thousandsSep = ','; pos++; }
  if (end - pos >= 1 && c[pos] === '_') {
    if (f.thousandsSep !== '') throw new FormatError('ValueError', "Cannot specify both ',' and '_'.");
    f.thousandsSep = '_'; pos++;
  }
  if (end - pos >= 1 && c[pos] === ',' && f.thousandsSep === '_') {
    throw new FormatError('ValueError', "Cannot specify both ',' and '_'.");
  }
  if (end - pos >= 1 && c[pos] === '.') {
    pos++;
    f.precision = getInteger();
    if (f.precision === -1) throw new FormatError('ValueError', 'Format specifier missing precision');
  }
  if (end - pos > 1) {
    throw new FormatError('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) f.type = c[pos++];
  if (f.thousandsSep !== '') {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '':
        break;
      case 'b': case 'o': case 'x': case 'X':
        // '_' every four digits in bin/oct/hex (PEP 515); ',' is invalid
        if (f.thousandsSep === '_') { f.groupSize = 4; break; }
        throw invalidThousandsSeparatorType(f.thousandsSep, f.type);
      default:
        throw invalidThousandsSeparatorType(f.thousandsSep, f.type);
    }
  }
  return f;
}

function invalidThousandsSeparatorType(sep: string, type: string): FormatError {
  return new FormatError('ValueError', `Cannot specify '${sep}' with '${codeToDisplay(type.codePointAt(0)!)}'.`);
}

function unknownPresentationType(type: string, typeName: string): FormatError {
  return new FormatError('ValueError', `Unknown format code '${codeToDisplay(type.codePointAt(0)!)}' for object of type '${typeName}'`);
}

// ---------------------------------------------------------------------------
// Number layout (calc_number_widths / fill_number / _PyUnicode_InsertThousandsGrouping)

/** _PyUnicode_InsertThousandsGrouping: group `digits`, zero-padding to minWidth. groupSize 0 = no grouping. */
function groupDigits(digits: string, minWidth: number, sep: string, groupSize: number): string {
  // no grouping: the digits, zero-padded to minWidth (what the general path below gives)
  if (groupSize <= 0) return minWidth > digits.length ? '0'.repeat(minWidth - digits.length) + digits : digits;
  minWidth = Math.max(0, minWidth);
  let remaining = digits.length;
  let pos = digits.length;
  const parts: string[] = [];
  let useSep = false;
  let broken = false;
  if (groupSize > 0) {
    for (;;) {
      const len = Math.min(groupSize, Math.max(remaining, minWidth, 1));
      const nZeros = Math.max(0, len - remaining);
      const nChars = Math.max(0, Math.min(remaining, len));
      parts.push('0'.repeat(nZeros) + digits.slice(pos - nChars, pos) + (useSep ? sep : ''));
      pos -= nChars;
      useSep = true;
      remaining -= nChars;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) { broken = true; break; }
      minWidth -= sep.length;
    }
  }
  if (!broken) {
    const len = Math.max(remaining, minWidth, 1);
    const nZeros = Math.max(0, len - remaining);
    const nChars = Math.max(0, Math.min(remaining, len));
    parts.push('0'.repeat(nZeros) + digits.slice(pos - nChars, pos) + (useSep ? sep : ''));
  }
  if (parts.length === 1) return parts[0];
  return parts.reverse().join('');
}

/**
 * Lay out <lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>.
 * `locale` null = C locale for 'n' (no grouping).
 */
function layoutNumber(f: FormatSpec, negative: boolean, prefix: string, digits: string, hasDecimal: boolean,
  remainder: string, useLocaleN: boolean): string {
  let sign = '';
  if (f.sign === '+') sign = negative ? '-' : '+';
  else if (f.sign === ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  const sep = useLocaleN ? '' : f.thousandsSep;
  // no width and no grouping: nothing to pad or group (what the general path below gives then)
  if (f.width === -1 && sep === '') return sign + prefix + digits + (hasDecimal ? '.' : '') + remainder;
  const groupSize = useLocaleN || sep === '' ? 0 : f.groupSize;
  const nonDigit = sign.length + prefix.length + (hasDecimal ? 1 : 0) + cpLength(remainder);
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - nonDigit : 0;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, sep, groupSize);
  const padding = f.width - (nonDigit + grouped.length);
  let lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (f.align) {
      case '<': rpad = padding; break;
      case '^': lpad = padding >> 1; rpad = padding - lpad; break;
      case '=': spad = padding; break;
      default: lpad = padding; break;
    }
  }
  return (lpad ? f.fill.repeat(lpad) : '') + sign + prefix + (spad ? f.fill.repeat(spad) : '') + grouped +
    (hasDecimal ? '.' : '') + remainder + (rpad ? f.fill.repeat(rpad) : '');
}

// ---------------------------------------------------------------------------
// str

/** Python/formatter_unicode.c format_string_internal after parsing. */
export function formatStrWithSpec(s: string, f: FormatSpec): string {
  if (f.sign !== '') {
    throw new FormatError('ValueError', f.sign === ' ' ? 'Space not allowed in string format specifier'
      : 'Sign not allowed in string format specifier');
  }
  if (f.noNeg0) throw new FormatError('ValueError', 'Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) throw new FormatError('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') throw new FormatError('ValueError', "'=' alignment not allowed in string format specifier");
  let len = cpLength(s);
  if ((f.width === -1 || f.width <= len) && (f.precision === -1 || f.precision >= len)) return s;
  if (f.precision >= 0 && len >= f.precision) { s = cpSlice(s, f.precision); len = f.precision; }
  const total = Math.max(f.width, len);
  const pad = total - len;
  let lpad = 0;
  if (f.align === '>') lpad = pad;
  else if (f.align === '^') lpad = pad >> 1;
  const rpad = pad - lpad;
  return (lpad ? f.fill.repeat(lpad) : '') + s + (rpad ? f.fill.repeat(rpad) : '');
}

/** format(s, spec) for a str (Objects/unicodeobject.c unicode__format__ → _PyUnicode_FormatAdvancedWriter). */
export function formatStr(s: string, spec: string, typeName = 'str'): string {
  if (spec === '') return s;
  const f = parseFormatSpec(spec, typeName, 's', '<');
  if (f.type !== 's') throw unknownPresentationType(f.type, typeName);
  return formatStrWithSpec(s, f);
}

// ---------------------------------------------------------------------------
// int

const LONG_MAX = 9223372036854775807n;

/** PyLong_AsDouble: OverflowError when the value rounds outside the double range. */
export function intToFloat(v: PyInt): number {
  const x = Number(v);
  if (!Number.isFinite(x)) throw new FormatError('OverflowError', 'int too large to convert to float');
  return x;
}

/** Python/formatter_unicode.c format_long_internal after parsing (types b c d o x X n). */
function formatLongInternal(v: PyInt, f: FormatSpec): string {
  if (f.precision !== -1) throw new FormatError('ValueError', 'Precision not allowed in integer format specifier');
  if (f.noNeg0) throw new FormatError('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') throw new FormatError('ValueError', "Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw new FormatError('ValueError', "Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof v === 'bigint' && (v > LONG_MAX || v < -LONG_MAX - 1n)) {
      throw new FormatError('OverflowError', 'Python int too large to convert to C long');
    }
    const x = Number(v);
    if (x < 0 || x > 0x10ffff) throw new FormatError('OverflowError', '%c arg not in range(0x110000)');
    return layoutNumber(f, false, '', '', false, String.fromCodePoint(x), false);
  }
  let base = 10;
  let prefix = '';
  switch (f.type) {
    case 'b': base = 2; prefix = '0b'; break;
    case 'o': base = 8; prefix = '0o'; break;
    case 'x': base = 16; prefix = '0x'; break;
    case 'X': base = 16; prefix = '0X'; break;
  }
  const negative = v < 0;
  let digits: string;
  if (base === 10) {
    digits = intToDecimalString(v);
    if (negative) digits = digits.slice(1);
  } else {
    digits = typeof v === 'number' ? Math.abs(v).toString(base) : (negative ? -v : v).toString(base);
    if (f.type === 'X') digits = digits.toUpperCase();
  }
  return layoutNumber(f, negative, f.alternate ? prefix : '', digits, false, '', f.type === 'n');
}

/**
 * format(v, spec) for an int (Objects/longobject.c long__format__ →
 * _PyLong_FormatAdvancedWriter). For the empty spec this returns str(v);
 * callers formatting int subclasses (bool!) must use str(obj) themselves.
 */
export function formatInt(v: PyInt, spec: string, typeName = 'int'): string {
  if (spec === '') return intToDecimalString(v);
  const f = parseFormatSpec(spec, typeName, 'd', '>');
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return formatLongInternal(v, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return formatFloatInternal(intToFloat(v), f);
    default:
      throw unknownPresentationType(f.type, typeName);
  }
}

// ---------------------------------------------------------------------------
// float

const INT_MAX = 2147483647;
const NO_FLAGS: FloatToStringFlags = Object.freeze({});

/** Python/formatter_unicode.c format_float_internal after parsing. */
function formatFloatInternal(x: number, f: FormatSpec): string {
  if (f.precision > INT_MAX) throw new FormatError('ValueError', 'precision too big');
  let precision = f.precision;
  let defaultPrecision = 6;
  let type = f.type;
  let flags: FloatToStringFlags = f.alternate || f.noNeg0 ? { alt: f.alternate, noNeg0: f.noNeg0 } : NO_FLAGS;
  if (type === '') { flags = { alt: f.alternate, noNeg0: f.noNeg0, addDot0: true }; type = 'r'; defaultPrecision = 0; }
  if (type === 'n') type = 'g';
  let addPct = false;
  if (type === '%') { type = 'f'; x *= 100; addPct = true; }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let buf = floatToString(x, type, precision, flags);
  if (addPct) buf += '%';
  if (f.sign !== '+' && f.sign !== ' ' && f.width === -1 && f.type !== 'n' && f.thousandsSep === '') return buf;
  let index = 0;
  const negative = buf.charCodeAt(0) === 45;
  if (negative) index = 1;
  // parse_number
  let p = index;
  while (p < buf.length && buf.charCodeAt(p) >= 48 && buf.charCodeAt(p) <= 57) p++;
  const digits = buf.slice(index, p);
  const hasDecimal = p < buf.length && buf.charCodeAt(p) === 46;
  const remainder = buf.slice(hasDecimal ? p + 1 : p);
  return layoutNumber(f, negative, '', digits, hasDecimal, remainder, f.type === 'n');
}

/** format(x, spec) for a float (Objects/floatobject.c float___format___impl). Empty spec → str(x). */
export function formatFloat(x: number, spec: string, typeName = 'float'): string {
  if (spec === '') return floatRepr(x);
  const f = parseFormatSpec(spec, typeName, '', '>');
  switch (f.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return formatFloatInternal(x, f);
    default:
      throw unknownPresentationType(f.type, typeName);
  }
}

// ---------------------------------------------------------------------------
// printf-style formatting: str % args

/**
 * What PyUnicode_Format needs from the Python objects involved; implemented
 * by the interpreter. Any method may throw the interpreter's own exceptions
 * (e.g. KeyError from getKey, errors from __str__/__index__), they propagate.
 */
export interface PercentArgs {
  /** number of items when args is a tuple, null for a single non-tuple argument */
  count(): number | null;
  /** i-th tuple item (only called when count() is a number) */
  get(i: number): unknown;
  /** the single non-tuple argument itself (only called when count() is null) */
  single(): unknown;
  /** PyMapping_Check(args) && !tuple && !str — note lists/dicts/any object with __getitem__ qualify */
  isMapping: boolean;
  /** args[key] for %(key)s; may throw (KeyError ...) */
  getKey(key: string): unknown;
  str(o: unknown): string;
  repr(o: unknown): string;
  ascii(o: unknown): string;
  /** Python type name of o (tp_name), for error messages */
  typeName(o: unknown): string;
  /**
   * Integer for %d %i %u (PyNumber_Long: int, __int__/__trunc__, floats truncated)
   * and %o %x %X (PyNumber_Index). Return null when the object is not
   * acceptable (not a number, or the conversion raised TypeError): the
   * caller then raises "%d format: a real number is required, not T".
   * Other failures (ValueError for nan, OverflowError for inf) are thrown.
   */
  toInt(o: unknown, conv: 'd' | 'i' | 'u' | 'o' | 'x' | 'X'): PyInt | null;
  /** PyFloat_AsDouble; null when o is not a real number (→ TypeError "must be real number, not T") */
  toFloat(o: unknown): number | null;
  /** %c: the str itself if o is a str, its integer value (PyLong_AsLong semantics via __index__) if int-like, else null */
  toChar(o: unknown): string | PyInt | null;
  /** for '*' width/precision: the value if PyLong_Check(o) (int or subclass), else null */
  starInt(o: unknown): PyInt | null;
}

const F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16;
const SSIZE_MAX = 9223372036854775807n;

/** Message of the TypeError raised by mainformatlong for a wrong argument type. */
export function percentIntTypeErrorMessage(conv: string, typeName: string): string {
  return conv === 'o' || conv === 'x' || conv === 'X'
    ? `%${conv} format: an integer is required, not ${typeName}`
    : `%${conv} format: a real number is required, not ${typeName}`;
}

/** Objects/unicodeobject.c _PyUnicode_FormatLong */
export function formatLongPercent(v: PyInt, alt: boolean, prec: number, type: string): string {
  if (prec > INT_MAX - 3) throw new FormatError('OverflowError', 'precision too large');
  const negative = v < 0;
  let digits: string;
  let prefix = '';
  switch (type) {
    case 'o': digits = (typeof v === 'number' ? Math.abs(v) : (negative ? -v : v)).toString(8); if (alt) prefix = '0o'; break;
    case 'x': case 'X': digits = (typeof v === 'number' ? Math.abs(v) : (negative ? -v : v)).toString(16); if (alt) prefix = '0x'; break;
    default: digits = intToDecimalString(v); if (negative) digits = digits.slice(1); break;
  }
  if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
  let s = (negative ? '-' : '') + prefix + digits;
  if (type === 'X') s = s.toUpperCase();
  return s;
}

/** Objects/unicodeobject.c PyUnicode_Format: `template % args`. */
export function percentFormat(template: string, args: PercentArgs): string {
  const T: ArrayLike<string> = hasSurrogate(template) ? Array.from(template) : template;
  const n = T.length;
  let out = '';
  const tupleLen = args.count();
  // ctx.arglen / ctx.argidx as in CPython: single argument → arglen -1, argidx -2
  let arglen = tupleLen === null ? -1 : tupleLen;
  let argidx = tupleLen === null ? -2 : 0;
  let current: { single: unknown } | null = null; // args replaced by a mapping value
  const isDict = args.isMapping && tupleLen === null;

  const nextArg = (): unknown => {
    if (argidx < arglen) {
      const i = argidx++;
      if (arglen < 0) return current ? current.single : args.single();
      return args.get(i);
    }
    throw new FormatError('TypeError', 'not enough arguments for format string');
  };

  let pos = 0;
  const sliceT = (a: number, b: number): string =>
    typeof T === 'string' ? T.slice(a, b) : (T as string[]).slice(a, b).join('');

  while (pos < n) {
    if (T[pos] !== '%') {
      const start = pos;
      while (pos < n && T[pos] !== '%') pos++;
      out += sliceT(start, pos);
      continue;
    }
    pos++; // skip '%'
    if (T[pos] === '%') { out += '%'; pos++; continue; }
    let flags = 0, width = -1, prec = -1;
    let ch = '';
    // mapping key
    if (T[pos] === '(') {
      if (!isDict) throw new FormatError('TypeError', 'format requires a mapping');
      pos++;
      const keystart = pos;
      let pcount = 1;
      while (pcount > 0 && pos < n) {
        const k = T[pos];
        if (k === ')') pcount--; else if (k === '(') pcount++;
        pos++;
      }
      if (pcount > 0) throw new FormatError('ValueError', 'incomplete format key');
      const key = sliceT(keystart, pos - 1);
      current = { single: args.getKey(key) };
      arglen = -1; argidx = -2;
    }
    // flags
    let eof = true;
    while (pos < n) {
      ch = T[pos++];
      if (ch === '-') flags |= F_LJUST;
      else if (ch === '+') flags |= F_SIGN;
      else if (ch === ' ') flags |= F_BLANK;
      else if (ch === '#') flags |= F_ALT;
      else if (ch === '0') flags |= F_ZERO;
      else { eof = false; break; }
    }
    if (eof) ch = '';
    // width
    if (ch === '*') {
      const v = args.starInt(nextArg());
      if (v === null) throw new FormatError('TypeError', '* wants int');
      if (typeof v === 'bigint' && (v > SSIZE_MAX || v < -SSIZE_MAX - 1n)) {
        throw new FormatError('OverflowError', 'Python int too large to convert to C ssize_t');
      }
      width = Number(v);
      if (width < 0) { flags |= F_LJUST; width = -width; }
      eof = pos >= n;
      if (!eof) ch = T[pos++];
    } else if (!eof && ch >= '0' && ch <= '9') {
      width = ch.charCodeAt(0) - 48;
      eof = true;
      while (pos < n) {
        ch = T[pos++];
        if (ch < '0' || ch > '9') { eof = false; break; }
        width = width * 10 + (ch.charCodeAt(0) - 48);
        if (width > Number.MAX_SAFE_INTEGER) throw new FormatError('ValueError', 'width too big');
      }
    }
    // precision
    if (!eof && ch === '.') {
      prec = 0;
      eof = pos >= n;
      if (!eof) ch = T[pos++];
      if (!eof && ch === '*') {
        const v = args.starInt(nextArg());
        if (v === null) throw new FormatError('TypeError', '* wants int');
        if (typeof v === 'bigint' || v > INT_MAX || v < -INT_MAX - 1) {
          throw new FormatError('OverflowError', 'Python int too large to convert to C int');
        }
        prec = v < 0 ? 0 : v;
        eof = pos >= n;
        if (!eof) ch = T[pos++];
      } else if (!eof && ch >= '0' && ch <= '9') {
        prec = ch.charCodeAt(0) - 48;
        eof = true;
        while (pos < n) {
          ch = T[pos++];
          if (ch < '0' || ch > '9') { eof = false; break; }
          if (prec > Math.floor((INT_MAX - (ch.charCodeAt(0) - 48)) / 10)) {
            throw new FormatError('ValueError', 'precision too big');
          }
          prec = prec * 10 + (ch.charCodeAt(0) - 48);
        }
      }
    }
    if (!eof && (ch === 'h' || ch === 'l' || ch === 'L')) {
      eof = pos >= n;
      if (!eof) ch = T[pos++];
    }
    if (eof) throw new FormatError('ValueError', 'incomplete format');

    // unicode_format_arg_format
    const v = nextArg();
    let str: string;
    let sign = false;
    switch (ch) {
      case 's': str = args.str(v); break;
      case 'r': str = args.repr(v); break;
      case 'a': str = args.ascii(v); break;
      case 'i': case 'd': case 'u': case 'o': case 'x': case 'X': {
        const iv = args.toInt(v, ch);
        if (iv === null) throw new FormatError('TypeError', percentIntTypeErrorMessage(ch, args.typeName(v)));
        str = formatLongPercent(iv, (flags & F_ALT) !== 0, prec, ch);
        sign = true;
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        const x = args.toFloat(v);
        if (x === null) throw new FormatError('TypeError', `must be real number, not ${args.typeName(v)}`);
        str = floatToString(x, ch, prec < 0 ? 6 : prec, { alt: (flags & F_ALT) !== 0 });
        sign = true;
        break;
      }
      case 'c': {
        const cv = args.toChar(v);
        if (typeof cv === 'string') {
          if (cpLength(cv) !== 1) throw new FormatError('TypeError', '%c requires int or char');
          str = cv;
        } else if (cv === null) {
          throw new FormatError('TypeError', '%c requires int or char');
        } else {
          if (cv < 0 || cv > 0x10ffff) throw new FormatError('OverflowError', '%c arg not in range(0x110000)');
          str = String.fromCodePoint(Number(cv));
        }
        break;
      }
      default: {
        const cp = ch.codePointAt(0)!;
        throw new FormatError('ValueError',
          `unsupported format character '${cp >= 31 && cp <= 126 ? ch : '?'}' (0x${cp.toString(16)}) at index ${pos - 1}`);
      }
    }
    out += formatArgOutput(str, ch, flags, width, prec, sign);
    if (isDict && argidx < arglen) {
      throw new FormatError('TypeError', 'not all arguments converted during string formatting');
    }
  }
  if (argidx < arglen && !isDict) {
    throw new FormatError('TypeError', 'not all arguments converted during string formatting');
  }
  // one flat string: V8 keeps `a + b` of 13 or more characters as a rope until a character is read
  if (out.length >= 13) out.charCodeAt(0);
  return out;
}

/** Objects/unicodeobject.c unicode_format_arg_output */
function formatArgOutput(str: string, ch: string, flags: number, width: number, prec: number, sign: boolean): string {
  const fill = sign && (flags & F_ZERO) ? '0' : ' ';
  let len = cpLength(str);
  if ((width === -1 || width <= len) && (prec === -1 || prec >= len) && !(flags & (F_SIGN | F_BLANK))) return str;
  if ((ch === 's' || ch === 'r' || ch === 'a') && prec >= 0 && len > prec) {
    str = cpSlice(str, prec);
    len = prec;
  }
  let pindex = 0;
  let signchar = '';
  if (sign) {
    const c0 = str[0];
    if (c0 === '-' || c0 === '+') { signchar = c0; len--; pindex++; }
    else if (flags & F_SIGN) signchar = '+';
    else if (flags & F_BLANK) signchar = ' ';
    else sign = false;
  }
  if (width < len) width = len;
  let out = '';
  if (sign) {
    if (fill !== ' ') out += signchar;
    if (width > len) width--;
  }
  const altPrefix = (flags & F_ALT) !== 0 && (ch === 'x' || ch === 'X' || ch === 'o');
  if (altPrefix) {
    if (fill !== ' ') { out += str.slice(pindex, pindex + 2); pindex += 2; }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !(flags & F_LJUST)) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === ' ') {
    if (sign) out += signchar;
    if (altPrefix) { out += str.slice(pindex, pindex + 2); pindex += 2; }
  }
  if (len) out += pindex === 0 && len === cpLength(str) ? str : sliceCp(str, pindex, len);
  if (width > len) out += ' '.repeat(width - len);
  return out;
}

/** `len` code points of s starting at UTF-16 index `start` (start only skips ASCII sign/prefix chars). */
function sliceCp(s: string, start: number, len: number): string {
  return cpSlice(s.slice(start), len);
}
