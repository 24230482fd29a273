// str (Objects/unicodeobject.c). Python strings are JS strings; code-point semantics are kept
// for strings holding astral characters (surrogate pairs).

import { PyObject, IMMORTAL_RC, TypeFlags, leanLayout, type PyType } from '../object';
import { makeType } from '../types';
import { hashStrHL, hashOut } from '../primitives/hash';
import { joinHash } from '../tables/hash64';
import { START_STRINGS } from '../startstrings';
import { LATIN1_START_COUNTS, LATIN1_STATIC_COUNTS } from '../startchars';

/** _PyObject_IMMORTAL_INIT's count (3.11): the statically allocated singletons start from it */
const STATIC_CHAR_RC = 999_999_999;

export class PyStr extends PyObject {
  /** cached hash (undefined until computed) */
  h: number | bigint | undefined = undefined;
  /** the cached hash as the tables' signed int32 halves; both 0 until computed (a hash that
   * is really 0, as the empty string's, is simply recomputed). CPython caches a str's hash in
   * the object too (PyASCIIObject.hash). */
  hhi = 0;
  hlo = 0;
  /** StrBits: interned, and whether the string holds surrogates (checked once) */
  sk = 0;
  constructor(
    type: PyType,
    public v: string,
  ) {
    super(type === StrType ? undefined : type);
  }
  hash(): number | bigint {
    let h = this.h;
    if (h === undefined) {
      if ((this.hhi | this.hlo) === 0) this.hashHL();
      h = this.h = joinHash(this.hhi, this.hlo);
    }
    return h;
  }
  /** computes the hash halves (hhi/hlo) */
  hashHL(): void {
    hashStrHL(this.v);
    this.hhi = hashOut.hi;
    this.hlo = hashOut.lo;
  }
  /** in the interned table (PyUnicode_CHECK_INTERNED) */
  get interned(): boolean {
    return (this.sk & StrBits.INTERNED) !== 0;
  }
  set interned(b: boolean) {
    this.sk = b ? this.sk | StrBits.INTERNED : this.sk & ~StrBits.INTERNED;
  }
  /** code points when the string is not plain BMP, else null */
  codePoints(): number[] | null {
    const k = this.sk;
    if (k & StrBits.CHECKED) return k & StrBits.SURROGATES ? astralCodePoints.get(this)! : null;
    if (hasSurrogates(this.v)) {
      const c = Array.from(this.v, (ch) => ch.codePointAt(0)!);
      astralCodePoints.set(this, c);
      this.sk = k | StrBits.CHECKED | StrBits.SURROGATES;
      return c;
    }
    this.sk = k | StrBits.CHECKED;
    return null;
  }
  get length(): number {
    const c = this.codePoints();
    return c ? c.length : this.v.length;
  }
  /** unicode_dealloc: a mortal interned string leaves the interned table */
  override dealloc(): void {
    if (this.interned) forgetInterned(this);
  }
}

const enum StrBits {
  INTERNED = 1,
  /** hasSurrogates was asked */
  CHECKED = 2,
  /** ... and said yes: the code points are in astralCodePoints */
  SURROGATES = 4,
}
/** the code points of strs holding surrogates (rare: a side table keeps PyStr one field smaller) */
const astralCodePoints = new WeakMap<PyStr, number[]>();

const SURROGATE_RE = /[\ud800-\udfff]/;
export function hasSurrogates(s: string): boolean {
  if (s.length > 32) return SURROGATE_RE.test(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

export const StrType = makeType('str', null, TypeFlags.BASETYPE | TypeFlags.UNICODE_SUBCLASS, 49, 1);
// an exact str holds no reference, is not tracked and cannot be weakly referenced: destroy() only
// zeroes its count (an interned one leaves the table lazily, see liveInterned)
StrType.plainDealloc = true;
leanLayout(PyStr, StrType);

/**
 * The interned strs by value. An exact str is freed by zeroing its count alone (plainDealloc):
 * a mortal interned str that died (count 0) may stay here until its value is interned again,
 * and counts as absent (unicode_dealloc removes it at once; nothing can tell the difference).
 */
const interned = new Map<string, PyStr>();
function liveInterned(s: string): PyStr | undefined {
  const o = interned.get(s);
  return o !== undefined && o.rc > 0 ? o : undefined;
}
const latin1: PyStr[] = [];
export const EmptyStr = new PyStr(StrType, '');
EmptyStr.rc = IMMORTAL_RC + 500;
EmptyStr.interned = true;
interned.set('', EmptyStr);
for (let i = 0; i < 256; i++) latin1.push(new PyStr(StrType, String.fromCharCode(i)));
/** the name characters CPython 3.11 has interned at start as strings of their own (deep-frozen
 * statics): the constant 'a' is not the singleton chr(97) returns */
const latin1Statics = new Map<string, PyStr>();
for (const c of LATIN1_STATIC_COUNTS.keys()) {
  const s = new PyStr(StrType, c);
  s.interned = true;
  latin1Statics.set(c, s);
  interned.set(c, s);
}
/** the one-character strings' counts as a script starts (startchars.ts), again for each run */
function resetLatin1Counts(): void {
  for (let i = 0; i < 256; i++) latin1[i].rc = STATIC_CHAR_RC + LATIN1_START_COUNTS[i];
  for (const [c, s] of latin1Statics) s.rc = LATIN1_STATIC_COUNTS.get(c)!;
}
resetLatin1Counts();

/** PyUnicode_New, filled: a str object of its own even of one character (the empty str is the
 * singleton): case conversions, an int's decimal digits */
export function freshStr(s: string): PyStr {
  return s.length === 0 ? newStr(s) : new PyStr(StrType, s);
}

/** A new reference to a str with value s. */
export function newStr(s: string): PyStr {
  if (s.length <= 1) {
    if (s.length === 0) {
      EmptyStr.rc++;
      return EmptyStr;
    }
    const c = s.charCodeAt(0);
    if (c < 256) {
      const o = latin1[c];
      o.rc++;
      return o;
    }
  }
  return new PyStr(StrType, s);
}

/**
 * The values of the strs items[from..to) concatenated (BUILD_STRING, _PyUnicode_JoinArray).
 * V8 keeps `a + b` of 13 or more characters as a rope (a ConsString per `+`); a string the
 * program keeps (f-strings appended to a list) would hold its whole rope, several times the
 * memory of its characters, which V8's scavenger copies again and again. Reading a character
 * flattens the rope into one sequential string (String::Flatten), which the scavenger then
 * keeps alone (cheaper than Array.prototype.join for the few pieces of an f-string).
 */
export function concatStrs(items: ArrayLike<PyObject | null>, from: number, to: number): string {
  if (to <= from) return '';
  let s = (items[from] as PyStr).v;
  for (let i = from + 1; i < to; i++) s += (items[i] as PyStr).v;
  if (s.length >= 13) flatten(s);
  return s;
}

/** V8 flattens a ConsString on charCodeAt (String::Flatten); the result is used so the read is kept. */
export function flatten(s: string): number {
  return s.charCodeAt(0);
}

// ------------------------------------------------------------------------------ interning

/** CPython 3.11's static strings count from 999999999 (_PyObject_IMMORTAL_INIT); a few print a
 * little less (released once more than taken by the start-up) */
export const STATIC_MIN = 900_000_000;
/**
 * The count CPython 3.11 gives the interned string s when a script starts (startstrings.ts): about
 * 999999999 for a static one (_Py_ID, deep-frozen modules' names), the references of the
 * modules imported at start for a mortal one, 0 when nothing had interned s. A binary search of
 * the table's sorted "\nname count\n" records, in place.
 */
export function startCount(s: string): number {
  const T = START_STRINGS;
  // lo and hi are the newlines around the records still in range
  let lo = 0;
  let hi = T.length - 1;
  while (lo < hi) {
    const a = T.lastIndexOf('\n', (lo + hi) >>> 1);
    const sp = T.indexOf(' ', a + 1);
    const e = T.indexOf('\n', sp);
    const name = T.slice(a + 1, sp);
    if (name === s) return Number(T.slice(sp + 1, e));
    if (name < s) lo = e;
    else hi = a;
  }
  return 0;
}
/**
 * The references CPython's start-up holds to mortal interned strs (their startCount), and to the
 * module objects and builtin functions it had made (runtime/startrefs.ts): part of the count,
 * held by no RefScope object; the refcount audit and the hover count them as a root
 * (Interpreter.roots: "start-up modules" for the strs, "start-up references" for the others).
 * Such an object is never freed, as in CPython.
 */
export const startRefs = new Map<PyObject, number>();

/**
 * sys.intern / identifier constants: one object per value (PyUnicode_InternInPlace). The
 * interned dict's own two references are not counted (3.11, unicodeobject.c). A value CPython had
 * interned at start gets its count then (startCount); other values are mortal, unless `shared`:
 * the interpreter's own names (type and module dicts' keys, caches: RefScope holds them in places
 * the audit does not see) are immortal, and a mortal str of that value becomes immortal too
 * (promote).
 */
export function internStr(s: string, shared = true): PyStr {
  let o = liveInterned(s);
  if (!o) {
    if (s.length === 1 && s.charCodeAt(0) < 256) o = latin1Statics.get(s) ?? latin1[s.charCodeAt(0)];
    else {
      o = new PyStr(StrType, s);
      if (shared) o.rc = IMMORTAL_RC + 30;
      else {
        const n = s.length > 1 ? startCount(s) : 0;
        o.rc = n;
        if (n > 0 && n < STATIC_MIN) startRefs.set(o, n);
      }
      if (madeInRun !== null) madeInRun.push(o);
    }
    o.interned = true;
    interned.set(s, o);
  } else if (shared && o.rc < SHARED_STR_RC) promote(o);
  o.rc++;
  return o;
}
/** Counts at or above this mark belong to strings the interpreter shares (never freed). */
const SHARED_STR_RC = 100_000_000;
/** the interned strs made since the interpreter started (resetInterned); null before the first */
let madeInRun: PyStr[] | null = null;
/** A mortal interned str the interpreter now holds where the audit cannot see (a name it caches):
 * from now on shared, as the interpreter's own names are. */
function promote(o: PyStr): void {
  o.rc += IMMORTAL_RC;
  startRefs.delete(o);
}
const attrKeys = new Map<string, PyStr>();
/**
 * The key object for an attribute or variable name (borrowed, never freed): the interned str of
 * that value, shared (an equal mortal string constant is promoted: a string used as a name has the
 * interpreter's count here, where CPython counts its code objects' co_names), so that dict lookups
 * by name hit by identity and `obj.__dict__`'s keys are the program's equal constants. Its hash is
 * computed here once.
 */
export function attrKey(name: string): PyStr {
  let k = attrKeys.get(name);
  if (k === undefined) {
    k = internStr(name);
    if ((k.hhi | k.hlo) === 0) k.hashHL();
    attrKeys.set(name, k);
  }
  return k;
}
/**
 * A new interpreter: the interned strs an earlier run made (alive or not: an abandoned run's
 * objects keep their counts; a mortal one may have been promoted) leave the table, so that each
 * run interns as from the start (a value is mortal until the run itself uses it as a name). The
 * shared ones stay valid, by value, for the caches still holding them.
 */
export function resetInterned(): void {
  if (madeInRun !== null) {
    for (const o of madeInRun) {
      if (interned.get(o.v) === o) interned.delete(o.v);
      if (attrKeys.get(o.v) === o) attrKeys.delete(o.v);
    }
  }
  madeInRun = [];
  startRefs.clear();
  resetLatin1Counts();
}
export function lookupInterned(s: string): PyStr | undefined {
  return liveInterned(s);
}
export function internExisting(o: PyStr): PyStr {
  const e = liveInterned(o.v);
  if (e) {
    e.rc++;
    return e;
  }
  // a value CPython had interned at start: that object, with its count
  if (o.v.length > 1 && startCount(o.v) > 0) return internStr(o.v, false);
  if (madeInRun !== null) madeInRun.push(o);
  o.interned = true;
  interned.set(o.v, o);
  o.rc++;
  return o;
}
export function forgetInterned(o: PyStr): void {
  if (o.interned && interned.get(o.v) === o) interned.delete(o.v);
}

/** Identifier-like strings are interned by the compiler (all_name_chars in codeobject.c). */
export function isIdentifierLike(s: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(s);
}

/** sys.getsizeof(str) in 3.11 (64-bit): compact ASCII 49 + n, compact latin1/UCS2/UCS4 73 + ... */
export function strSizeof(o: PyStr): number {
  const s = o.v;
  let max = 0;
  const cps = o.codePoints();
  if (cps) for (const c of cps) max = Math.max(max, c);
  else for (let i = 0; i < s.length; i++) max = Math.max(max, s.charCodeAt(i));
  const n = o.length;
  if (max < 128) return 49 + n;
  if (max < 256) return 73 + n + 1 - 1;
  if (max < 65536) return 74 + 2 * n;
  return 76 + 4 * n;
}
