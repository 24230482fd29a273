// complex (Objects/complexobject.c): the object, its constructor (complex_new incl. parsing of
// strings), repr, arithmetic with int/float (TO_COMPLEX: the other operand becomes a complex, as
// in 3.11), _Py_c_quot / _Py_c_pow / c_powi, abs, ==/!=, hash, real/imag/conjugate, __format__
// (Python/formatter_unicode.c format_complex_internal).

import { PyObject, TypeFlags, incref, decref, newRef, addressOf, type PyType } from '../object';
import { makeType } from '../types';
import { typeError, raise } from '../errors';
import * as abs from '../abstract';
import * as E from './exception';
import * as N from '../numeric';
import { PyInt, newInt, newBool } from './int';
import { PyFloat, newFloat } from './float';
import { PyStr, newStr } from './str';
import { newTuple, gcNewTracked } from './tuple';
import { None } from './singletons';
import { defGetter, parseArgs } from '../define';
import { floatToString, type FloatToStringFlags } from '../primitives/floatrepr';
import { parseFormatSpec, FormatError, type FormatSpec } from '../primitives/format';
import { hashComplex, hashPointer } from '../primitives/hash';
import { strRepr, isPySpace, unicodeDecimalValue } from '../primitives/intstr';
import { def, def0, defBin, defUn, notImpl, withTypeEdge } from './common_methods';
import { mapFormatError } from './str_methods';
import { num } from './int_methods';
import * as libm from '../primitives/libm';
import * as glibcSin from '../primitives/libm_glibc_sin';
import * as glibc from '../primitives/libm_glibc';

export class PyComplex extends PyObject {
  constructor(
    type: PyType,
    public re: number,
    public im: number,
  ) {
    super(type);
  }
}

/** sizeof(PyComplexObject) = 32 on 64-bit CPython (sys.getsizeof(1j) == 32) */
export const ComplexType = makeType('complex', null, TypeFlags.BASETYPE, 32);

export function newComplex(re: number, im: number): PyComplex {
  return new PyComplex(ComplexType, re, im);
}

const PyComplexSub = withTypeEdge(PyComplex);

function makeComplex(t: PyType, re: number, im: number): PyObject {
  if (t === ComplexType) return newComplex(re, im);
  const o = new PyComplexSub(t, re, im);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  // a heap subclass is a gc type (type_new_alloc: all heap types have Py_TPFLAGS_HAVE_GC)
  if (t.flags & TypeFlags.HAVE_GC) gcNewTracked(o);
  return o;
}

// ------------------------------------------------------------------ repr
/** PyOS_double_to_string(x, 'r', 0, sign ? Py_DTSF_SIGN : 0) (nan gets a '+' under SIGN) */
function rstr(x: number, sign: boolean): string {
  if (x !== x) return sign ? '+nan' : 'nan';
  return floatToString(x, 'r', 0, { sign });
}

/** complex_repr */
export function complexRepr(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return rstr(im, false) + 'j';
  return '(' + rstr(re, false) + rstr(im, true) + 'j)';
}

// ------------------------------------------------------------------ arithmetic (Objects/complexobject.c)
export interface C {
  re: number;
  im: number;
}
/** errno of the C algorithms */
let errno: 0 | 'EDOM' | 'ERANGE' = 0;
/** read errno (a call, so that TypeScript does not narrow it across the C-style helpers) */
function takeErrno(): 0 | 'EDOM' | 'ERANGE' {
  const e = errno;
  errno = 0;
  return e;
}

function prod(a: C, b: C): C {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

/** _Py_c_quot */
/** _Py_c_quot's value: a / b, or null when b is 0 (errno EDOM) */
export function complexQuotient(a: C, b: C): C | null {
  const absBr = b.re < 0 ? -b.re : b.re;
  const absBi = b.im < 0 ? -b.im : b.im;
  if (absBr >= absBi) {
    if (absBr === 0) return null;
    const ratio = b.im / b.re;
    const denom = b.re + b.im * ratio;
    return { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom };
  }
  if (absBi >= absBr) {
    const ratio = b.re / b.im;
    const denom = b.re * ratio + b.im;
    return { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom };
  }
  return { re: NaN, im: NaN };
}

/** _Py_c_quot */
function quot(a: C, b: C): C {
  const q = complexQuotient(a, b);
  if (q !== null) return q;
  errno = 'EDOM';
  return { re: 0, im: 0 };
}


/** _Py_c_pow */
function cPow(a: C, b: C): C {
  if (b.re === 0 && b.im === 0) return { re: 1, im: 0 };
  if (a.re === 0 && a.im === 0) {
    if (b.im !== 0 || b.re < 0) errno = 'EDOM';
    return { re: 0, im: 0 };
  }
  // the C library's functions, as CPython calls them (runtime/primitives/libm)
  const vabs = glibc.hypot(a.re, a.im);
  let len = libm.pow(vabs, b.re);
  const at = libm.atan2(a.im, a.re);
  let phase = at * b.re;
  if (b.im !== 0) {
    len /= glibc.exp(at * b.im);
    phase += b.im * libm.log(vabs);
  }
  return { re: len * glibcSin.cos(phase), im: len * glibcSin.sin(phase) };
}

function cPowu(x: C, n: number): C {
  let r: C = { re: 1, im: 0 };
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = prod(r, p);
    mask <<= 1;
    p = prod(p, p);
  }
  return r;
}

function cPowi(x: C, n: number): C {
  if (n > 0) return cPowu(x, n);
  return quot({ re: 1, im: 0 }, cPowu(x, -n));
}

/** complex_pow (after TO_COMPLEX); also what float ** float gives for a negative base */
export function complexPow(a: C, b: C): PyObject {
  errno = 0;
  let p: C;
  if (b.im === 0 && b.re === Math.floor(b.re) && Math.abs(b.re) <= 100) p = cPowi(a, b.re);
  else p = cPow(a, b);
  // _Py_ADJUST_ERANGE2
  let e = takeErrno();
  if (Math.abs(p.re) === Infinity || Math.abs(p.im) === Infinity) {
    if (e === 0) e = 'ERANGE';
  } else if (e === 'ERANGE') e = 0;
  if (e === 'EDOM') raise(E.ZeroDivisionError, '0.0 to a negative or complex power');
  if (e === 'ERANGE') raise(E.OverflowError, 'complex exponentiation');
  return newComplex(p.re, p.im);
}

/** float ** float for a negative base and a non-integral exponent (float_pow -> complex_pow) */
export function floatPowComplex(a: number, b: number): PyObject {
  return complexPow({ re: a, im: 0 }, { re: b, im: 0 });
}

/** TO_COMPLEX: the operand as a complex value, or null (NotImplemented) */
function operand(o: PyObject): C | null {
  if (o instanceof PyComplex) return { re: o.re, im: o.im };
  if (o instanceof PyInt) return { re: num(() => N.intToFloat(o.v)), im: 0 };
  if (o instanceof PyFloat) return { re: o.v, im: 0 };
  return null;
}

/** _Py_c_abs */
function cAbs(z: C): number {
  if (!isFinite(z.re) || !isFinite(z.im)) {
    if (Math.abs(z.re) === Infinity || Math.abs(z.im) === Infinity) return Infinity;
    return NaN;
  }
  const r = glibc.hypot(z.re, z.im);
  if (!isFinite(r)) raise(E.OverflowError, 'absolute value too large');
  return r;
}

// ------------------------------------------------------------------ construction
const FLOAT_PREFIX = /^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf(?:inity)?|nan)/i;

/** PyOS_string_to_double on a prefix: [value, length consumed] (0 = no number) */
function floatPrefix(s: string, at: number): [number, number] {
  const m = FLOAT_PREFIX.exec(s.slice(at));
  if (!m) return [0, 0];
  const t = m[0];
  const low = t.toLowerCase();
  const neg = t[0] === '-';
  const body = low.replace(/^[+-]/, '');
  if (body.startsWith('inf')) return [neg ? -Infinity : Infinity, t.length];
  if (body === 'nan') return [NaN, t.length];
  return [parseFloat(t), t.length];
}

function malformed(): never {
  raise(E.ValueError, 'complex() arg is a malformed string');
}

/** complex_from_string_inner (after _PyUnicode_TransformDecimalAndSpaceToASCII and underscores) */
function complexFromStringInner(s: string): C {
  const isSp = (c: string | undefined) => c !== undefined && isPySpace(c.codePointAt(0)!);
  let i = 0;
  const len = s.length;
  let x = 0;
  let y = 0;
  while (isSp(s[i])) i++;
  let bracket = false;
  if (s[i] === '(') {
    bracket = true;
    i++;
    while (isSp(s[i])) i++;
  }
  const [z, n] = floatPrefix(s, i);
  if (n) {
    i += n;
    if (s[i] === '+' || s[i] === '-') {
      x = z;
      const [y1, n1] = floatPrefix(s, i);
      if (n1) {
        y = y1;
        i += n1;
      } else {
        y = s[i] === '+' ? 1 : -1;
        i++;
      }
      if (!(s[i] === 'j' || s[i] === 'J')) malformed();
      i++;
    } else if (s[i] === 'j' || s[i] === 'J') {
      i++;
      y = z;
    } else x = z;
  } else {
    if (s[i] === '+' || s[i] === '-') {
      y = s[i] === '+' ? 1 : -1;
      i++;
    } else y = 1;
    if (!(s[i] === 'j' || s[i] === 'J')) malformed();
    i++;
  }
  while (isSp(s[i])) i++;
  if (bracket) {
    if (s[i] !== ')') malformed();
    i++;
    while (isSp(s[i])) i++;
  }
  if (i !== len) malformed();
  return { re: x, im: y };
}

/** _PyUnicode_TransformDecimalAndSpaceToASCII */
function transformDecimalAndSpace(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (isPySpace(cp)) out += ' ';
    else {
      const d = unicodeDecimalValue(cp);
      out += d >= 0 ? String(d) : '?';
    }
  }
  return out;
}

/** complex_subtype_from_string */
function complexFromString(so: PyStr): C {
  const s = transformDecimalAndSpace(so.v);
  if (s.indexOf('\0') >= 0) malformed();
  if (s.indexOf('_') < 0) return complexFromStringInner(s);
  // _Py_string_to_number_with_underscores
  let prev = '';
  let dup = '';
  const fail = () => raise(E.ValueError, `could not convert string to complex: ${strRepr(so.v)}`);
  const digit = (c: string) => c >= '0' && c <= '9';
  for (const c of s) {
    if (c === '_') {
      if (!digit(prev)) fail();
    } else {
      dup += c;
      if (prev === '_' && !digit(c)) fail();
    }
    prev = c;
  }
  if (prev === '_') fail();
  return complexFromStringInner(dup);
}

/** PyNumber_Float as a value (float() wording for errors) */
function toFloat(o: PyObject): number {
  if (o instanceof PyFloat) return o.v;
  if (o instanceof PyInt) return num(() => N.intToFloat(o.v));
  const f = abs.callSpecial(o, '__float__', []);
  if (f) {
    try {
      if (!(f instanceof PyFloat)) typeError(`${o.type.name}.__float__ returned non-float (type ${f.type.name})`);
      return f.v;
    } finally {
      decref(f);
    }
  }
  return num(() => N.intToFloat(abs.index(o)));
}

function isNumberish(o: PyObject): boolean {
  return o instanceof PyComplex || o instanceof PyFloat || o instanceof PyInt || !!abs.typeLookup(o.type, '__float__') || !!abs.typeLookup(o.type, '__index__');
}

/** try_complex_special_method: __complex__ (a new reference) or null */
function complexSpecial(o: PyObject): PyObject | null {
  const f = abs.typeLookup(o.type, '__complex__');
  if (!f) return null;
  const r = abs.callMethodObj(f, o, []);
  if (!(r instanceof PyComplex)) {
    decref(r);
    typeError(`__complex__ returned non-complex (type ${r.type.name})`);
  }
  return r;
}

/** complex_new_impl */
function complexNew(t: PyType, args: PyObject[], kw: string[] | null): PyObject {
  const [r0, i] = parseArgs({ name: 'complex', params: ['real', 'imag'], clinic: 'complex' }, args, kw);
  if (r0 === undefined) {
    if (i === undefined) return makeComplex(t, 0, 0);
  }
  let r: PyObject | undefined = r0;
  if (r !== undefined && r.type === ComplexType && i === undefined && t === ComplexType) return newRef(r);
  if (r instanceof PyStr) {
    if (i !== undefined) typeError("complex() can't take second arg if first is a string");
    const c = complexFromString(r);
    return makeComplex(t, c.re, c.im);
  }
  if (i !== undefined && i instanceof PyStr) typeError("complex() second arg can't be a string");
  let own: PyObject | null = null;
  if (r !== undefined) {
    own = complexSpecial(r);
    if (own) r = own;
  }
  try {
    if (r !== undefined && !isNumberish(r)) typeError(`complex() first argument must be a string or a number, not '${r.type.name}'`);
    if (i !== undefined && !isNumberish(i)) typeError(`complex() second argument must be a number, not '${i.type.name}'`);
    let cr: C = { re: 0, im: 0 };
    let crComplex = false;
    if (r === undefined) cr = { re: 0, im: 0 };
    else if (r instanceof PyComplex) {
      cr = { re: r.re, im: r.im };
      crComplex = true;
    } else cr = { re: toFloat(r), im: 0 };
    let ci: C = { re: 0, im: 0 };
    let ciComplex = false;
    if (i === undefined) ci = { re: cr.im, im: 0 };
    else if (i instanceof PyComplex) {
      ci = { re: i.re, im: i.im };
      ciComplex = true;
    } else ci = { re: toFloat(i), im: 0 };
    if (ciComplex) cr.re -= ci.im;
    if (crComplex && i !== undefined) ci.re += cr.im;
    return makeComplex(t, cr.re, ci.re);
  } finally {
    if (own) decref(own);
  }
}

// ------------------------------------------------------------------ format (format_complex_internal)
function group(digits: string, sep: string, size: number): string {
  if (!sep || digits.length <= size) return digits;
  const parts: string[] = [];
  let end = digits.length;
  while (end > 0) {
    parts.unshift(digits.slice(Math.max(0, end - size), end));
    end -= size;
  }
  return parts.join(sep);
}

/** one part laid out like calc_number_widths + fill_number without padding */
function numberPart(buf: string, sign: string, f: FormatSpec): string {
  let i = 0;
  let neg = false;
  if (buf[0] === '-') {
    neg = true;
    i = 1;
  }
  let p = i;
  while (p < buf.length && buf[p] >= '0' && buf[p] <= '9') p++;
  const digits = buf.slice(i, p);
  const rest = buf.slice(p);
  const sg = neg ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
  const sep = f.type === 'n' ? '' : f.thousandsSep;
  return sg + group(digits, sep, 3) + rest;
}

export function formatComplex(re: number, im: number, spec: string): string {
  const f = parseFormatSpec(spec, 'complex', '', '>');
  switch (f.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      break;
    default:
      throw new FormatError('ValueError', `Unknown format code '${f.type}' for object of type 'complex'`);
  }
  if (f.fill === '0') throw new FormatError('ValueError', 'Zero padding is not allowed in complex format specifier');
  if (f.align === '=') throw new FormatError('ValueError', "'=' alignment flag is not allowed in complex format specifier");
  let type: string = f.type;
  let precision = f.precision;
  let defaultPrecision = 6;
  let addParens = false;
  let skipRe = false;
  const flags: FloatToStringFlags = { alt: f.alternate, noNeg0: f.noNeg0 };
  if (type === '') {
    type = 'r';
    defaultPrecision = 0;
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else addParens = true;
  }
  if (type === 'n') type = 'g';
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const reBuf = floatToString(re, type, precision, flags);
  const imBuf = floatToString(im, type, precision, flags);
  const reS = skipRe ? '' : numberPart(reBuf, f.sign, f);
  const imS = numberPart(imBuf, skipRe ? f.sign : '+', f);
  const body = (addParens ? '(' : '') + reS + imS + 'j' + (addParens ? ')' : '');
  const n = [...body].length;
  const width = f.width;
  if (width <= n) return body;
  const pad = width - n;
  let lpad = 0;
  if (f.align === '>') lpad = pad;
  else if (f.align === '^') lpad = pad >> 1;
  const rpad = pad - lpad;
  return f.fill.repeat(lpad) + body + f.fill.repeat(rpad);
}

// ------------------------------------------------------------------ the type
let installed = false;
export function installComplex(): void {
  if (installed) return;
  installed = true;
  const T = ComplexType;
  T.slots.new = complexNew;
  T.slots.hash = (o) => {
    const c = o as PyComplex;
    return hashComplex(c.re, c.im, hashPointer(addressOf(o)));
  };
  T.slots.bool = (o) => (o as PyComplex).re !== 0 || (o as PyComplex).im !== 0;
  const V = (o: PyObject): C => ({ re: (o as PyComplex).re, im: (o as PyComplex).im });
  const both = (name: string, f: (a: C, b: C) => PyObject) => {
    defBin(T, `__${name}__`, (self, o) => {
      const b = operand(o);
      if (b === null) return notImpl();
      return f(V(self), b);
    });
    defBin(T, `__r${name}__`, (self, o) => {
      const a = operand(o);
      if (a === null) return notImpl();
      return f(a, V(self));
    });
  };
  both('add', (a, b) => newComplex(a.re + b.re, a.im + b.im));
  both('sub', (a, b) => newComplex(a.re - b.re, a.im - b.im));
  both('mul', (a, b) => {
    const r = prod(a, b);
    return newComplex(r.re, r.im);
  });
  both('truediv', (a, b) => {
    errno = 0;
    const r = quot(a, b);
    const e = takeErrno();
    if (e === 'EDOM') raise(E.ZeroDivisionError, 'complex division by zero');
    return newComplex(r.re, r.im);
  });
  const powArgs = (name: string, args: PyObject[], kw: string[] | null) => {
    if (kw && kw.length) typeError(`wrapper ${name}() takes no keyword arguments`);
    if (args.length < 1 || args.length > 2) typeError(`expected ${args.length < 1 ? 'at least 1 argument' : 'at most 2 arguments'}, got ${args.length}`);
  };
  def(T, '__pow__', (self, args, kw) => {
    powArgs('__pow__', args, kw);
    const b = operand(args[0]);
    if (b === null) return notImpl();
    if (args.length > 1 && args[1] !== None) raise(E.ValueError, 'complex modulo');
    return complexPow(V(self), b);
  });
  def(T, '__rpow__', (self, args, kw) => {
    powArgs('__rpow__', args, kw);
    const a = operand(args[0]);
    if (a === null) return notImpl();
    if (args.length > 1 && args[1] !== None) raise(E.ValueError, 'complex modulo');
    return complexPow(a, V(self));
  });
  defUn(T, '__neg__', (self) => newComplex(-(self as PyComplex).re, -(self as PyComplex).im));
  defUn(T, '__pos__', (self) => (self.type === ComplexType ? newRef(self) : newComplex((self as PyComplex).re, (self as PyComplex).im)));
  defUn(T, '__abs__', (self) => newFloat(cAbs(V(self))));
  defUn(T, '__bool__', (self) => newBool(T.slots.bool!(self)));
  defUn(T, '__hash__', (self) => newInt(abs.hash(self)));
  defUn(T, '__repr__', (self) => newStr(complexRepr((self as PyComplex).re, (self as PyComplex).im)));
  defUn(T, '__sizeof__', () => newInt(32));
  const cmp = (op: abs.Cmp) => (self: PyObject, w: PyObject): PyObject => {
    if (op !== abs.Cmp.EQ && op !== abs.Cmp.NE) return notImpl();
    const i = self as PyComplex;
    let equal: boolean;
    if (w instanceof PyInt) {
      if (i.im === 0) {
        const j = newFloat(i.re);
        try {
          return abs.richCompare(j, w, op);
        } finally {
          decref(j);
        }
      }
      equal = false;
    } else if (w instanceof PyFloat) equal = i.re === w.v && i.im === 0;
    else if (w instanceof PyComplex) equal = i.re === w.re && i.im === w.im;
    else return notImpl();
    return newBool(equal === (op === abs.Cmp.EQ));
  };
  defBin(T, '__lt__', cmp(abs.Cmp.LT));
  defBin(T, '__le__', cmp(abs.Cmp.LE));
  defBin(T, '__eq__', cmp(abs.Cmp.EQ));
  defBin(T, '__ne__', cmp(abs.Cmp.NE));
  defBin(T, '__gt__', cmp(abs.Cmp.GT));
  defBin(T, '__ge__', cmp(abs.Cmp.GE));
  def0(T, 'conjugate', (self) => newComplex((self as PyComplex).re, -(self as PyComplex).im));
  def0(T, '__complex__', (self) => (self.type === ComplexType ? newRef(self) : newComplex((self as PyComplex).re, (self as PyComplex).im)));
  def0(T, '__getnewargs__', (self) => newTuple([newFloat((self as PyComplex).re), newFloat((self as PyComplex).im)]));
  def(T, '__format__', (self, args, kw) => {
    if (kw && kw.length) typeError('complex.__format__() takes no keyword arguments');
    if (args.length !== 1) typeError(`complex.__format__() takes exactly one argument (${args.length} given)`);
    const spec = args[0];
    if (!(spec instanceof PyStr)) typeError(`__format__() argument must be str, not ${spec.type.name}`);
    const c = self as PyComplex;
    if (spec.v === '') return newStr(abs.str(self));
    return newStr(mapFormatError(() => formatComplex(c.re, c.im, spec.v)));
  });
  defGetter(T, 'real', (o) => newFloat((o as PyComplex).re));
  defGetter(T, 'imag', (o) => newFloat((o as PyComplex).im));
}
