// The character rules behind str's case methods and predicates, as CPython 3.11 has them
// (Objects/unicodectype.c over Objects/unicodetype_db.h, Unicode 14.0.0).
//
// The general category (lower, upper and title case, alphabetic, printable) and the numeric values
// come from ucd.ts; the flags CPython's makeunicodedata.py derives from other Unicode properties
// (Case_Ignorable, XID_Start, XID_Continue) and the full case mappings of SpecialCasing.txt are
// the JavaScript engine's (`\p{...}`, toUpperCase/toLowerCase), restricted to the characters
// Unicode 14 assigns: the engine's ICU follows a newer Unicode, whose new characters and new case
// pairs CPython 3.11 does not know. Tables generated from python3.11 (unicasetables.ts,
// tools/gen_unicase.py) hold Other_Lowercase and Other_Uppercase, and title case and case folding
// where they differ from upper and lower case (the engine has no function for those).
// tools/check_unicase.mjs compares every code point with python3.
// Everything works on code points.

import { category, numericValue, digitValue, decimalValue } from './ucd';
import { TITLE_NOT_UPPER, FOLD_NOT_LOWER, OTHER_LOWER, OTHER_UPPER } from './unicasetables';

const CASE_IGNORABLE = /\p{Case_Ignorable}/u;
const XID_START = /\p{XID_Start}/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

function assigned(cp: number): boolean {
  return category(cp) !== 'Cn';
}

function prop(re: RegExp, cp: number): boolean {
  return assigned(cp) && re.test(String.fromCodePoint(cp));
}

/** inclusive [start, end] pairs from 'start-end' hex runs */
function rangesOf(table: string): Uint32Array {
  return Uint32Array.from(table.split(' ').flatMap((r) => r.split('-').map((h) => parseInt(h, 16))));
}
function inRanges(r: Uint32Array, cp: number): boolean {
  for (let i = 0; i < r.length; i += 2) if (cp >= r[i] && cp <= r[i + 1]) return true;
  return false;
}
let otherLower: Uint32Array | null = null;
let otherUpper: Uint32Array | null = null;

/** Py_UNICODE_ISUPPER (the Uppercase property: Lu and Other_Uppercase) */
export function isUpperCp(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90;
  return category(cp) === 'Lu' || inRanges((otherUpper ??= rangesOf(OTHER_UPPER)), cp);
}

/** Py_UNICODE_ISLOWER (the Lowercase property: Ll and Other_Lowercase) */
export function isLowerCp(cp: number): boolean {
  if (cp < 128) return cp >= 97 && cp <= 122;
  return category(cp) === 'Ll' || inRanges((otherLower ??= rangesOf(OTHER_LOWER)), cp);
}

/** Py_UNICODE_ISTITLE (general category Lt) */
export function isTitleCp(cp: number): boolean {
  return cp >= 128 && category(cp) === 'Lt';
}

/** _PyUnicode_IsCased (the Cased property: Lowercase, Uppercase and Lt) */
export function isCasedCp(cp: number): boolean {
  return isLowerCp(cp) || isUpperCp(cp) || isTitleCp(cp);
}

/** _PyUnicode_IsCaseIgnorable */
export function isCaseIgnorableCp(cp: number): boolean {
  if (cp < 128) return cp === 0x27 || cp === 0x2e || cp === 0x3a || cp === 0x5e || cp === 0x60;
  return prop(CASE_IGNORABLE, cp);
}

/** Py_UNICODE_ISALPHA (general categories Lm, Lt, Lu, Ll, Lo) */
export function isAlphaCp(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  const c = category(cp);
  return c[0] === 'L';
}

/** Py_UNICODE_ISDECIMAL, Py_UNICODE_ISDIGIT, Py_UNICODE_ISNUMERIC */
export function isDecimalCp(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return decimalValue(cp) !== undefined;
}
export function isDigitCp(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return digitValue(cp) !== undefined;
}
export function isNumericCp(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return numericValue(cp) !== undefined;
}

/** Py_UNICODE_ISPRINTABLE: the space and every character outside categories C* and Z* */
export function isPrintableCp(cp: number): boolean {
  if (cp < 128) return cp >= 0x20 && cp < 0x7f;
  const c = category(cp)[0];
  return c !== 'C' && c !== 'Z';
}

/** _PyUnicode_IsXidStart, _PyUnicode_IsXidContinue */
export function isXidStartCp(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return prop(XID_START, cp);
}
export function isXidContinueCp(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || cp === 95;
  return prop(XID_CONTINUE, cp);
}

/** the engine's mapping of one character, unless Unicode 14 lacks the character or what it maps to */
function mapped(cp: number, s: string): string {
  const ch = String.fromCodePoint(cp);
  if (s === ch) return ch;
  if (!assigned(cp)) return ch;
  for (const c of s) if (!assigned(c.codePointAt(0)!)) return ch;
  return s;
}

/** _PyUnicode_ToUpperFull */
export function upperFull(cp: number): string {
  if (cp < 128) return String.fromCharCode(cp >= 97 && cp <= 122 ? cp - 32 : cp);
  return mapped(cp, String.fromCodePoint(cp).toUpperCase());
}

/** _PyUnicode_ToLowerFull (a capital sigma alone: lower_ucs4 handles its final form) */
export function lowerFull(cp: number): string {
  if (cp < 128) return String.fromCharCode(cp >= 65 && cp <= 90 ? cp + 32 : cp);
  return mapped(cp, String.fromCodePoint(cp).toLowerCase());
}

let titleMap: Map<number, string> | null = null;
let foldMap: Map<number, string> | null = null;

function decode(table: string): Map<number, string> {
  const m = new Map<number, string>();
  for (const e of table.split(';')) {
    const [cp, to] = e.split(':');
    m.set(parseInt(cp, 16), String.fromCodePoint(...to.split(',').map((h) => parseInt(h, 16))));
  }
  return m;
}

/** _PyUnicode_ToTitleFull */
export function titleFull(cp: number): string {
  if (cp < 128) return upperFull(cp);
  titleMap ??= decode(TITLE_NOT_UPPER);
  return titleMap.get(cp) ?? upperFull(cp);
}

/** _PyUnicode_ToFoldedFull */
export function foldFull(cp: number): string {
  if (cp < 128) return lowerFull(cp);
  foldMap ??= decode(FOLD_NOT_LOWER);
  return foldMap.get(cp) ?? lowerFull(cp);
}

/** lower_ucs4 (Objects/unicodeobject.c): a capital sigma is final (ς) after a cased character
 * and case-ignorable ones, and not before such a sequence (handle_capital_sigma) */
export function lowerAt(cps: number[], i: number): string {
  const c = cps[i];
  if (c !== 0x3a3) return lowerFull(c);
  let j = i - 1;
  while (j >= 0 && isCaseIgnorableCp(cps[j])) j--;
  let finalSigma = j >= 0 && isCasedCp(cps[j]);
  if (finalSigma && i + 1 < cps.length) {
    j = i + 1;
    while (j < cps.length && isCaseIgnorableCp(cps[j])) j++;
    finalSigma = j === cps.length || !isCasedCp(cps[j]);
  }
  return finalSigma ? 'ς' : 'σ';
}
