// unicodedata (Modules/unicodedata.c): the Unicode 14.0.0 database of CPython 3.11, from the
// tables of runtime/ucd.ts (generated from python3.11 by tools/gen_unicodedata.py).
// Not provided: the UCD type and its instance ucd_3_2_0 (the database of Unicode 3.2.0, which
// IDNA uses) and the _ucnhash_CAPI capsule; reaching UCD or ucd_3_2_0 is reported as not
// supported yet (stdlibattrs.ts).

import { PyObject, newRef } from '../runtime/object';
import { registerModule, checkArgs } from '../runtime/define';
import { PyStr, newStr } from '../runtime/objects/str';
import { PyBytes, BytesType, ByteArrayType, utf8Encode, utf8Decode } from '../runtime/objects/bytes';
import { newInt, newBool } from '../runtime/objects/int';
import { newFloat } from '../runtime/objects/float';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { tpName } from '../runtime/types';
import * as U from '../runtime/ucd';
import { eastAsianWidth } from '../runtime/eastasianwidth';

const DOC =
  'This module provides access to the Unicode Character Database which\n' +
  'defines character properties for all Unicode characters. The data in\n' +
  'this database is based on the UnicodeData.txt file version\n' +
  '14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n' +
  'The module uses the same names and symbols as defined by the\n' +
  'UnicodeData File Format 14.0.0.';

/** _PyArg_BadArgument's name of an argument's type */
function argTypeName(o: PyObject): string {
  return o === None ? 'None' : tpName(o.type);
}

/** the string's code points */
function codePoints(s: PyStr): number[] {
  const cps = s.codePoints();
  if (cps) return cps;
  const v = s.v;
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v.charCodeAt(i);
  return out;
}

function fromCodePoints(cps: number[]): string {
  let s = '';
  for (let i = 0; i < cps.length; i += 4096) s += String.fromCodePoint(...cps.slice(i, i + 4096));
  return s;
}

/** Argument Clinic's `unichr: int(accept={str})`: a str of one character */
function charArg(o: PyObject, fname: string, argn: string): number {
  if (o instanceof PyStr && o.length === 1) return o.v.codePointAt(0)!;
  typeError(`${fname}() argument${argn} must be a unicode character, not ${argTypeName(o)}`);
}

const FORMS: ReadonlySet<string> = new Set(['NFC', 'NFKC', 'NFD', 'NFKD']);

/** normalize / is_normalized's two str arguments */
function normalArgs(args: PyObject[], kw: string[] | null, fname: string): [U.NormalForm, PyStr] {
  checkArgs(`unicodedata.${fname}`, args, kw, 2, 2);
  const [form, s] = args;
  if (!(form instanceof PyStr)) typeError(`${fname}() argument 1 must be str, not ${argTypeName(form)}`);
  if (!(s instanceof PyStr)) typeError(`${fname}() argument 2 must be str, not ${argTypeName(s)}`);
  if (!FORMS.has(form.v)) raise(E.ValueError, 'invalid normalization form');
  return [form.v as U.NormalForm, s];
}

/** NAME_MAXLEN (Modules/unicodedata.c) */
const NAME_MAXLEN = 256;

registerModule('unicodedata', (m) => {
  m.own('__doc__', newStr(DOC));
  m.own('unidata_version', newStr('14.0.0'));

  const one = (name: string, f: (cp: number) => PyObject): void =>
    m.fn(name, (args, kw) => {
      checkArgs(`unicodedata.${name}`, args, kw, 1, 1);
      return f(charArg(args[0], name, ''));
    });
  one('category', (cp) => newStr(U.category(cp)));
  one('bidirectional', (cp) => newStr(U.bidirectional(cp)));
  one('combining', (cp) => newInt(U.combining(cp)));
  one('mirrored', (cp) => newInt(U.mirrored(cp)));
  one('east_asian_width', (cp) => newStr(eastAsianWidth(cp)));
  one('decomposition', (cp) => newStr(U.decomposition(cp)));

  // decimal, digit, numeric (unichr, default=<unrepresentable>, /)
  const value = (name: string, get: (cp: number) => number | undefined, box: (v: number) => PyObject, msg: string): void =>
    m.fn(name, (args, kw) => {
      checkArgs(`unicodedata.${name}`, args, kw, 1, 2);
      const v = get(charArg(args[0], name, ' 1'));
      if (v !== undefined) return box(v);
      if (args.length < 2) raise(E.ValueError, msg);
      return newRef(args[1]);
    });
  value('decimal', U.decimalValue, newInt, 'not a decimal');
  value('digit', U.digitValue, newInt, 'not a digit');
  value('numeric', U.numericValue, newFloat, 'not a numeric character');

  m.fn('normalize', (args, kw) => {
    const [form, s] = normalArgs(args, kw, 'normalize');
    // unicodedata_UCD_normalize_impl: an empty string, or one the quick check passes, is returned
    // itself; otherwise a new string (even when equal)
    if (s.v.length === 0) return newRef(s);
    const cps = codePoints(s);
    if (U.quickCheckYes(form, cps)) return newRef(s);
    return newStr(fromCodePoints(U.normalize(form, cps)));
  });
  m.fn('is_normalized', (args, kw) => {
    const [form, s] = normalArgs(args, kw, 'is_normalized');
    if (s.v.length === 0) return newBool(true);
    const cps = codePoints(s);
    if (U.quickCheckYes(form, cps)) return newBool(true);
    const n = U.normalize(form, cps);
    return newBool(n.length === cps.length && n.every((c, i) => c === cps[i]));
  });

  m.fn('name', (args, kw) => {
    checkArgs('unicodedata.name', args, kw, 1, 2);
    const n = U.charName(charArg(args[0], 'name', ' 1'));
    if (n !== undefined) return newStr(n);
    if (args.length < 2) raise(E.ValueError, 'no such name');
    return newRef(args[1]);
  });
  m.fn('lookup', (args, kw) => {
    checkArgs('unicodedata.lookup', args, kw, 1, 1);
    // `name: str(accept={str, robuffer}, zeroes=True)`: its UTF-8 bytes
    const a = args[0];
    let bytes: Uint8Array;
    if (a instanceof PyStr) bytes = utf8Encode(a.v);
    else if (a instanceof PyBytes && a.type !== ByteArrayType && (a.type === BytesType || a.type.mro.includes(BytesType))) bytes = a.v;
    else if (a instanceof PyBytes) typeError(`lookup() argument must be read-only bytes-like object, not ${argTypeName(a)}`);
    else typeError(`a bytes-like object is required, not '${a.type.name}'`);
    if (bytes.length > NAME_MAXLEN) raise(E.KeyError, 'name too long');
    // (names are ASCII: a byte above 0x7f never matches)
    let name = '';
    for (const b of bytes) name += String.fromCharCode(b);
    const r = U.lookupName(name, true);
    if (r === undefined) {
      // PyErr_Format's %s of the C string: up to its first NUL
      const nul = bytes.indexOf(0);
      const shown = utf8Decode(nul < 0 ? bytes : bytes.subarray(0, nul), 'replace');
      raise(E.KeyError, `undefined character name '${shown}'`);
    }
    return newStr(typeof r === 'number' ? String.fromCodePoint(r) : fromCodePoints(r));
  });
});
