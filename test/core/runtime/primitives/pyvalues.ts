/**
 * Test helpers: decode the JSON value encoding of record_primitives.py into
 * tagged JS values, hash them, and implement PercentArgs over them.
 */
import {
  hashBytes, hashComplex, hashFloat, hashFrozensetCombine, hashInt, hashStr, hashTupleCombine, HashValue,
} from '../../../../src/core/runtime/primitives/hash';
import { floatRepr } from '../../../../src/core/runtime/primitives/floatrepr';
import { canonInt, intToDecimalString, strRepr } from '../../../../src/core/runtime/primitives/intstr';
import { FormatError, intToFloat, PercentArgs } from '../../../../src/core/runtime/primitives/format';

export class PyFloat { constructor(readonly v: number) {} }
export class PyTuple { constructor(readonly items: PyVal[]) {} }
export class PyList { constructor(readonly items: PyVal[]) {} }
export class PyDict { constructor(readonly entries: [PyVal, PyVal][]) {} }
export class PyComplex { constructor(readonly re: number, readonly im: number) {} }
export class PyFrozenset { constructor(readonly items: PyVal[]) {} }
export class PyBytes { constructor(readonly b: Uint8Array) {} }
export type PyVal = number | bigint | string | boolean | null | PyFloat | PyTuple | PyList | PyDict | PyComplex | PyFrozenset | PyBytes;

export function floatFromHex(hex: string): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setUint32(0, parseInt(hex.slice(0, 8), 16));
  dv.setUint32(4, parseInt(hex.slice(8, 16), 16));
  return dv.getFloat64(0);
}

export function floatToHex(x: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getUint32(0).toString(16).padStart(8, '0') + dv.getUint32(4).toString(16).padStart(8, '0');
}

export function bytesFromHex(hex: string): Uint8Array {
  const b = new Uint8Array(hex.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return b;
}

/** BigInt of a Python hex()/oct()/bin() string (BigInt() rejects a leading '-'). */
export function intFromPrefixed(s: string): number | bigint {
  return s[0] === '-' ? canonInt(-BigInt(s.slice(1))) : canonInt(BigInt(s));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dec(v: any): PyVal {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if ('i' in v) return canonInt(BigInt(v.i));
  if ('f' in v) return new PyFloat(floatFromHex(v.f));
  if ('b' in v) return new PyBytes(bytesFromHex(v.b));
  if ('t' in v) return new PyTuple(v.t.map(dec));
  if ('l' in v) return new PyList(v.l.map(dec));
  if ('d' in v) return new PyDict(v.d.map(([k, x]: unknown[]) => [dec(k), dec(x)]));
  if ('c' in v) return new PyComplex((dec(v.c[0]) as PyFloat).v, (dec(v.c[1]) as PyFloat).v);
  if ('fs' in v) return new PyFrozenset(v.fs.map(dec));
  throw new Error('bad encoding ' + JSON.stringify(v));
}

export function pyHash(v: PyVal): HashValue {
  if (typeof v === 'number' || typeof v === 'bigint') return hashInt(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return hashStr(v);
  if (v instanceof PyFloat) return hashFloat(v.v);
  if (v instanceof PyTuple) return hashTupleCombine(v.items.map(pyHash));
  if (v instanceof PyFrozenset) return hashFrozensetCombine(v.items.map(pyHash));
  if (v instanceof PyComplex) return hashComplex(v.re, v.im);
  if (v instanceof PyBytes) return hashBytes(v.b);
  throw new Error('unhashable');
}

function typeName(o: PyVal): string {
  if (o === null) return 'NoneType';
  if (typeof o === 'boolean') return 'bool';
  if (typeof o === 'number' || typeof o === 'bigint') return 'int';
  if (typeof o === 'string') return 'str';
  if (o instanceof PyFloat) return 'float';
  if (o instanceof PyTuple) return 'tuple';
  if (o instanceof PyList) return 'list';
  if (o instanceof PyDict) return 'dict';
  if (o instanceof PyComplex) return 'complex';
  if (o instanceof PyBytes) return 'bytes';
  return 'frozenset';
}

export function pyRepr(o: PyVal): string {
  if (typeof o === 'string') return strRepr(o);
  if (o instanceof PyTuple) return o.items.length === 1 ? `(${pyRepr(o.items[0])},)` : `(${o.items.map(pyRepr).join(', ')})`;
  if (o instanceof PyList) return `[${o.items.map(pyRepr).join(', ')}]`;
  if (o instanceof PyDict) return `{${o.entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  return pyStr(o);
}

export function pyStr(o: PyVal): string {
  if (o === null) return 'None';
  if (typeof o === 'boolean') return o ? 'True' : 'False';
  if (typeof o === 'number' || typeof o === 'bigint') return intToDecimalString(o);
  if (typeof o === 'string') return o;
  if (o instanceof PyFloat) return floatRepr(o.v);
  return pyRepr(o);
}

export function pyAscii(o: PyVal): string {
  const r = pyRepr(o);
  let out = '';
  for (const ch of r) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

function floatToInt(x: number): number | bigint {
  if (x !== x) throw new FormatError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new FormatError('OverflowError', 'cannot convert float infinity to integer');
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t + 0 : canonInt(BigInt(t));
}

export function percentArgs(args: PyVal): PercentArgs {
  const isTuple = args instanceof PyTuple;
  return {
    count: () => (isTuple ? (args as PyTuple).items.length : null),
    get: (i) => (args as PyTuple).items[i],
    single: () => args,
    isMapping: args instanceof PyDict || args instanceof PyList,
    getKey: (key) => {
      if (!(args instanceof PyDict)) throw new FormatError('TypeError', 'list indices must be integers or slices, not str');
      const e = args.entries.find(([k]) => k === key);
      if (!e) throw new FormatError('ValueError', `KeyError: ${strRepr(key)}`);
      return e[1];
    },
    str: (o) => pyStr(o as PyVal),
    repr: (o) => pyRepr(o as PyVal),
    ascii: (o) => pyAscii(o as PyVal),
    typeName: (o) => typeName(o as PyVal),
    toInt: (o, conv) => {
      if (typeof o === 'number' || typeof o === 'bigint') return o;
      if (typeof o === 'boolean') return o ? 1 : 0;
      if (o instanceof PyFloat) return conv === 'o' || conv === 'x' || conv === 'X' ? null : floatToInt(o.v);
      return null;
    },
    toFloat: (o) => {
      if (typeof o === 'number' || typeof o === 'bigint') return intToFloat(o);
      if (typeof o === 'boolean') return o ? 1 : 0;
      if (o instanceof PyFloat) return o.v;
      return null;
    },
    toChar: (o) => {
      if (typeof o === 'string' || typeof o === 'number' || typeof o === 'bigint') return o;
      if (typeof o === 'boolean') return o ? 1 : 0;
      return null;
    },
    starInt: (o) => {
      if (typeof o === 'number' || typeof o === 'bigint') return o;
      if (typeof o === 'boolean') return o ? 1 : 0;
      return null;
    },
  };
}
