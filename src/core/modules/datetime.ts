// The datetime module as CPython 3.11's C accelerator (Modules/_datetimemodule.c) behaves:
// native date, datetime, time, timedelta, tzinfo and timezone types (not gc types: no
// Py_TPFLAGS_HAVE_GC, so creating them leaves gc.get_count() alone; sizes as the C structs),
// their constructors' range checks and messages, arithmetic, comparisons, hashes, repr/str,
// isoformat/fromisoformat, strftime (the C library's conversions in the C locale, with %f %z %Z
// done first as wrap_strftime does), the ISO calendar and the run's clock. `datetime` re-exports
// `_datetime` (Lib/datetime.py's `from _datetime import *`). Written for RefScope; the C
// functions followed are named at each place. Not provided: strptime.

import { PyObject, PyType, TypeFlags, Edge, incref, decref, newRef, addressOf, type Visit } from '../runtime/object';
import { makeType } from '../runtime/types';
import { registerModule, defMethod, defClassMethod, defGetter, defAttr, type ModuleBuilder } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { PyInt, newInt, newBool } from '../runtime/objects/int';
import { PyFloat, newFloat } from '../runtime/objects/float';
import { PyStr, newStr } from '../runtime/objects/str';
import { newTuple, gcNewTracked } from '../runtime/objects/tuple';
import { newList } from '../runtime/objects/list';
import { PyBytes, newBytes } from '../runtime/objects/bytes';
import { defNew } from '../runtime/objects/methods';
import { typeDict } from '../runtime/define';
import { internStr } from '../runtime/objects/str';
import { None, NotImplemented } from '../runtime/objects/singletons';
import { raise, typeError, unsupported, isPyException } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import * as N from '../runtime/numeric';
import { hashBytes, hashInt, hashTupleCombine, decomposeDouble } from '../runtime/primitives/hash';
import { solidAllocators, allocInstance, argsTuple, buildKwDict, registerTpCallOnly } from '../runtime/typeobject';
import { vmState } from '../runtime/vm/eval';
import { strRepr } from '../runtime/primitives/intstr';
import { structSeqType, newStructSeq } from '../runtime/structseq';
import { execSource, setStdlibFile } from './modutil';
import { nowWall, tzName as localTzName, strftime as timeStrftime } from './time';

const MINYEAR = 1;
const MAXYEAR = 9999;
const MAX_DELTA_DAYS = 999999999;
const US_PER_DAY = 86400000000n;

// ------------------------------------------------------------------ calendar (ymd_to_ord & co.)
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_NAMES_FULL = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}
function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m];
}
function daysBeforeMonth(y: number, m: number): number {
  return DAYS_BEFORE_MONTH[m] + (m > 2 && isLeap(y) ? 1 : 0);
}
function daysBeforeYear(y: number): number {
  const n = y - 1;
  return n * 365 + Math.floor(n / 4) - Math.floor(n / 100) + Math.floor(n / 400);
}
function ymdToOrd(y: number, m: number, d: number): number {
  return daysBeforeYear(y) + daysBeforeMonth(y, m) + d;
}
/** ord_to_ymd */
function ordToYmd(ordinal: number): [number, number, number] {
  let n = ordinal - 1;
  const n400 = Math.floor(n / 146097);
  n -= n400 * 146097;
  let year = n400 * 400 + 1;
  const n100 = Math.floor(n / 36524);
  n -= n100 * 36524;
  const n4 = Math.floor(n / 1461);
  n -= n4 * 1461;
  const n1 = Math.floor(n / 365);
  n -= n1 * 365;
  year += n100 * 100 + n4 * 4 + n1;
  if (n1 === 4 || n100 === 4) return [year - 1, 12, 31];
  const leap = n1 === 3 && (n4 !== 24 || n100 === 3);
  let month = (n + 50) >> 5;
  let preceding = DAYS_BEFORE_MONTH[month] + (month > 2 && leap ? 1 : 0);
  if (preceding > n) {
    month -= 1;
    preceding -= month === 2 && leap ? 29 : DAYS_IN_MONTH[month];
  }
  return [year, month, n - preceding + 1];
}
function weekdayOf(y: number, m: number, d: number): number {
  return (ymdToOrd(y, m, d) + 6) % 7;
}
/** iso_week1_monday */
function isoWeek1Monday(year: number): number {
  const first = daysBeforeYear(year) + 1;
  const wd = (first + 6) % 7;
  let mon = first - wd;
  if (wd > 3) mon += 7;
  return mon;
}
/** date_isocalendar */
function isoCalendar(y: number, m: number, d: number): [number, number, number] {
  let year = y;
  let w1 = isoWeek1Monday(year);
  const today = ymdToOrd(y, m, d);
  let week = Math.floor((today - w1) / 7);
  let day = today - w1 - week * 7;
  if (week < 0) {
    year -= 1;
    w1 = isoWeek1Monday(year);
    week = Math.floor((today - w1) / 7);
    day = today - w1 - week * 7;
  } else if (week >= 52 && today >= isoWeek1Monday(year + 1)) {
    year += 1;
    week = 0;
  }
  return [year, week + 1, day + 1];
}

// ------------------------------------------------------------------ objects
function typeEdge(o: PyObject, visit: Visit): void {
  if (o.type.flags & TypeFlags.HEAPTYPE) visit(o.type, Edge.TYPE, '__class__');
}

class PyDelta extends PyObject {
  /** hashcode (-1: not computed yet) */
  hashcode: number | bigint = -1;
  constructor(t: PyType, public days: number, public secs: number, public us: number) {
    super(t);
  }
  override traverse(visit: Visit): void {
    typeEdge(this, visit);
  }
}
class PyDate extends PyObject {
  hashcode: number | bigint = -1;
  constructor(t: PyType, public y: number, public m: number, public d: number) {
    super(t);
  }
  override traverse(visit: Visit): void {
    typeEdge(this, visit);
  }
}
class PyDateTime extends PyDate {
  constructor(t: PyType, y: number, m: number, d: number, public hh: number, public mi: number, public ss: number, public us: number, public fold: number, public tz: PyObject | null) {
    super(t, y, m, d);
    if (tz) incref(tz);
  }
  override traverse(visit: Visit): void {
    typeEdge(this, visit);
    if (this.tz) visit(this.tz, Edge.ATTR, 'tzinfo');
  }
  override dealloc(): void {
    const z = this.tz;
    this.tz = null;
    if (z) decref(z);
  }
}
class PyTime extends PyObject {
  hashcode: number | bigint = -1;
  constructor(t: PyType, public hh: number, public mi: number, public ss: number, public us: number, public fold: number, public tz: PyObject | null) {
    super(t);
    if (tz) incref(tz);
  }
  override traverse(visit: Visit): void {
    typeEdge(this, visit);
    if (this.tz) visit(this.tz, Edge.ATTR, 'tzinfo');
  }
  override dealloc(): void {
    const z = this.tz;
    this.tz = null;
    if (z) decref(z);
  }
}
class PyTimezone extends PyObject {
  /** offset and name are owned */
  constructor(t: PyType, public offset: PyDelta, public name: PyStr | null) {
    super(t);
  }
  override traverse(visit: Visit): void {
    typeEdge(this, visit);
    visit(this.offset, Edge.ATTR, 'offset');
    if (this.name) visit(this.name, Edge.ATTR, 'name');
  }
  override dealloc(): void {
    const o = this.offset;
    const n = this.name;
    this.name = null;
    decref(o);
    if (n) decref(n);
  }
}

const BASE = TypeFlags.BASETYPE;
export const DeltaType = makeType('datetime.timedelta', null, BASE, 40);
export const DateType = makeType('datetime.date', null, BASE, 32);
export const TzinfoType = makeType('datetime.tzinfo', null, BASE, 16);
export const TimezoneType = makeType('datetime.timezone', TzinfoType, 0, 32);
export const TimeType = makeType('datetime.time', null, BASE, 40);
export const DateTimeType = makeType('datetime.datetime', DateType, BASE, 48);
for (const T of [DeltaType, DateType, TimeType, DateTimeType]) T.solidBase = T;
// none of the C types has a tp_vectorcall in 3.11: calling one packs an argument tuple
registerTpCallOnly(DeltaType, DateType, TzinfoType, TimezoneType, TimeType, DateTimeType);
solidAllocators.set(DeltaType, (t) => new PyDelta(t, 0, 0, 0));
solidAllocators.set(DateType, (t) => new PyDate(t, 1, 1, 1));
solidAllocators.set(DateTimeType, (t) => new PyDateTime(t, 1, 1, 1, 0, 0, 0, 0, 0, null));
solidAllocators.set(TimeType, (t) => new PyTime(t, 0, 0, 0, 0, 0, null));

/** an instance of a subclass: a heap type holds its type and is a gc type */
function born<T extends PyObject>(o: T): T {
  const t = o.type;
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  if (t.flags & TypeFlags.HAVE_GC) gcNewTracked(o);
  return o;
}

// ------------------------------------------------------------------ argument helpers
/** PyArg_ParseTupleAndKeywords's checks and wording (fname null: "function") */
function parseKw(fname: string | null, names: string[], maxPos: number, required: number, args: PyObject[], kw: string[] | null): (PyObject | undefined)[] {
  const nkw = kw ? kw.length : 0;
  const npos = args.length - nkw;
  const fn = fname === null ? 'function' : `${fname}()`;
  const total = npos + nkw;
  if (total > names.length) typeError(`${fn} takes at most ${names.length} argument${names.length === 1 ? '' : 's'} (${total} given)`);
  if (npos > maxPos) typeError(`${fn} takes at most ${maxPos} positional argument${maxPos === 1 ? '' : 's'} (${npos} given)`);
  const out: (PyObject | undefined)[] = new Array(names.length).fill(undefined);
  for (let i = 0; i < npos; i++) out[i] = args[i];
  for (let k = 0; k < nkw; k++) {
    const n = kw![k];
    const i = names.indexOf(n);
    if (i < 0) typeError(`'${n}' is an invalid keyword argument for ${fname === null ? 'this function' : fn}`);
    if (out[i] !== undefined) typeError(`argument for ${fn} given by name ('${n}') and position (${i + 1})`);
    out[i] = args[npos + k];
  }
  for (let i = 0; i < required; i++) if (out[i] === undefined) typeError(`${fn} missing required argument '${names[i]}' (pos ${i + 1})`);
  return out;
}

/** the "i" format unit (PyLong_AsLong, then the int range) */
function cInt(o: PyObject | undefined, dflt: number): number {
  if (o === undefined) return dflt;
  if (o instanceof PyFloat) typeError("'float' object cannot be interpreted as an integer");
  const v = abs.index(o);
  if (typeof v === 'number' && v >= -2147483648 && v <= 2147483647) return v;
  const b = BigInt(v);
  if (b >= 1n << 63n || b < -(1n << 63n)) raise(E.OverflowError, 'Python int too large to convert to C long');
  raise(E.OverflowError, b > 0n ? 'signed integer is greater than maximum' : 'signed integer is less than minimum');
}

function checkDateArgs(y: number, m: number, d: number): void {
  if (y < MINYEAR || y > MAXYEAR) raise(E.ValueError, `year ${y} is out of range`);
  if (m < 1 || m > 12) raise(E.ValueError, 'month must be in 1..12');
  if (d < 1 || d > daysInMonth(y, m)) raise(E.ValueError, 'day is out of range for month');
}
function checkTimeArgs(h: number, mi: number, s: number, us: number, fold: number): void {
  if (h < 0 || h > 23) raise(E.ValueError, 'hour must be in 0..23');
  if (mi < 0 || mi > 59) raise(E.ValueError, 'minute must be in 0..59');
  if (s < 0 || s > 59) raise(E.ValueError, 'second must be in 0..59');
  if (us < 0 || us > 999999) raise(E.ValueError, 'microsecond must be in 0..999999');
  if (fold !== 0 && fold !== 1) raise(E.ValueError, 'fold must be either 0 or 1');
}
function checkTzinfo(o: PyObject): PyObject | null {
  if (o === None) return null;
  if (!o.type.isSubtype(TzinfoType)) typeError(`tzinfo argument must be None or of a tzinfo subclass, not type '${o.type.name}'`);
  return o;
}
function isDelta(o: PyObject): o is PyDelta {
  return o instanceof PyDelta;
}

// ------------------------------------------------------------------ constructors
function newDelta(days: number, secs: number, us: number, t: PyType = DeltaType): PyDelta {
  if (Math.abs(days) > MAX_DELTA_DAYS) raise(E.OverflowError, `days=${days}; must have magnitude <= ${MAX_DELTA_DAYS}`);
  return born(new PyDelta(t, days, secs, us));
}
function deltaUs(d: PyDelta): bigint {
  return BigInt(d.days) * US_PER_DAY + BigInt(d.secs * 1000000 + d.us);
}
/** microseconds_to_delta_ex */
function deltaFromUs(total: bigint, t: PyType = DeltaType): PyDelta {
  let days = total / US_PER_DAY;
  let rem = total - days * US_PER_DAY;
  if (rem < 0n) {
    rem += US_PER_DAY;
    days -= 1n;
  }
  const r = Number(rem);
  const s = Math.floor(r / 1000000);
  if (days > 2147483647n || days < -2147483648n) raise(E.OverflowError, 'Python int too large to convert to C int');
  return newDelta(Number(days), s, r - s * 1000000, t);
}
/** microseconds_to_delta_ex: its two divmod() results are tuples (gc objects), each released
 *  before the next */
function usToDelta(total: bigint, t: PyType = DeltaType): PyDelta {
  tempTuple(2);
  tempTuple(2);
  return deltaFromUs(total, t);
}
/** a tuple of n small ints the C code makes and releases (its gc allocation is observable) */
function tempTuple(n: number): void {
  decref(heldTuple(n));
}
function heldTuple(n: number): PyObject {
  const items: PyObject[] = [];
  for (let i = 0; i < n; i++) items.push(newInt(0));
  return newTuple(items);
}
function newDate(y: number, m: number, d: number, t: PyType = DateType): PyObject {
  // new_date_subclass_ex: datetime gets midnight; a subclass is called with (year, month, day)
  if (t === DateTimeType) return newDateTime(y, m, d, 0, 0, 0, 0, null);
  if (t !== DateType) return callType(t, [y, m, d]);
  checkDateArgs(y, m, d);
  return born(new PyDate(t, y, m, d));
}
function newDateTime(y: number, m: number, d: number, hh: number, mi: number, ss: number, us: number, tz: PyObject | null, fold = 0, t: PyType = DateTimeType): PyObject {
  if (t !== DateTimeType) {
    // new_datetime_subclass_fold_ex: a subclass is called with the fields and tzinfo
    const ints = [y, m, d, hh, mi, ss, us].map((v) => newInt(v) as PyObject);
    ints.push(newRef(tz ?? None));
    try {
      return abs.call(t, ints, null);
    } finally {
      for (const x of ints) decref(x);
    }
  }
  checkDateArgs(y, m, d);
  checkTimeArgs(hh, mi, ss, us, fold);
  return born(new PyDateTime(t, y, m, d, hh, mi, ss, us, fold, tz));
}
function newTime(hh: number, mi: number, ss: number, us: number, tz: PyObject | null, fold = 0, t: PyType = TimeType): PyObject {
  checkTimeArgs(hh, mi, ss, us, fold);
  return born(new PyTime(t, hh, mi, ss, us, fold, tz));
}
function callType(t: PyType, vals: number[]): PyObject {
  const ints = vals.map((v) => newInt(v) as PyObject);
  try {
    return abs.call(t, ints, null);
  } finally {
    for (const x of ints) decref(x);
  }
}

/** new_timezone: offset borrowed, name borrowed (or null) */
function newTimezone(offset: PyDelta, name: PyStr | null): PyObject {
  if (name === null && offset.days === 0 && offset.secs === 0 && offset.us === 0) return newRef(UTC);
  if ((offset.days !== -1 && offset.days !== 0) || (offset.days === -1 && offset.secs === 0 && offset.us === 0)) {
    raise(E.ValueError, `offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not ${abs.repr(offset)}.`);
  }
  incref(offset);
  if (name) incref(name);
  return born(new PyTimezone(TimezoneType, offset, name));
}

// The module's constants: static objects, as the C module's are (immortal here)
function immortal<T extends PyObject>(o: T): T {
  o.rc = 1_000_000_000;
  return o;
}
const UTC = immortal(new PyTimezone(TimezoneType, immortal(new PyDelta(DeltaType, 0, 0, 0)), null));

// ------------------------------------------------------------------ tzinfo calls
function callTz(tz: PyObject, name: string, arg: PyObject): PyObject {
  const f = abs.getAttr(tz, name);
  try {
    return abs.call(f, [arg], null);
  } finally {
    decref(f);
  }
}
/** call_utcoffset / call_dst: null for None, else the offset as microseconds (checked) */
function tzOffset(tz: PyObject | null, arg: PyObject, name: 'utcoffset' | 'dst'): number | null {
  if (tz === null || tz === None) return null;
  if (tz instanceof PyTimezone && tz.type === TimezoneType && name === 'utcoffset') return Number(deltaUs(tz.offset));
  const r = callTz(tz, name, arg);
  try {
    if (r === None) return null;
    if (!isDelta(r)) typeError(`tzinfo.${name}() must return None or timedelta, not '${r.type.name}'`);
    // (strictly between -timedelta(hours=24) and timedelta(hours=24))
    const u = deltaUs(r);
    if (u <= -US_PER_DAY || u >= US_PER_DAY) raise(E.ValueError, `offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).`);
    return Number(deltaUs(r));
  } finally {
    decref(r);
  }
}
/** datetime.utcoffset() / dst(): the object the tzinfo returned (checked), or None */
function tzOffsetObj(tz: PyObject | null, arg: PyObject, name: 'utcoffset' | 'dst'): PyObject {
  if (tz === null || tz === None) return newRef(None);
  if (tz instanceof PyTimezone && tz.type === TimezoneType) return newRef(name === 'utcoffset' ? tz.offset : None);
  const r = callTz(tz, name, arg);
  if (r === None) return r;
  try {
    if (!isDelta(r)) typeError(`tzinfo.${name}() must return None or timedelta, not '${r.type.name}'`);
    const u = deltaUs(r);
    if (u <= -US_PER_DAY || u >= US_PER_DAY) raise(E.ValueError, `offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).`);
  } catch (e) {
    decref(r);
    throw e;
  }
  return r;
}
/** call_tzname */
function tzNameObj(tz: PyObject | null, arg: PyObject): PyObject {
  if (tz === null) return newRef(None);
  const r = callTz(tz, 'tzname', arg);
  if (r !== None && !(r instanceof PyStr)) {
    decref(r);
    typeError(`tzinfo.tzname() must return None or a string, not '${r.type.name}'`);
  }
  return r;
}

// ------------------------------------------------------------------ formatting helpers
function p2(n: number): string {
  return String(n).padStart(2, '0');
}
function p(n: number, w: number): string {
  return String(n).padStart(w, '0');
}
/** format_utcoffset: '' for None */
function formatOffset(us: number | null, sep: string): string {
  if (us === null) return '';
  let sign = '+';
  if (us < 0) {
    sign = '-';
    us = -us;
  }
  const micro = us % 1000000;
  let s = Math.floor(us / 1000000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const mi = Math.floor(s / 60);
  s -= mi * 60;
  let out = `${sign}${p2(h)}${sep}${p2(mi)}`;
  if (s || micro) out += `${sep}${p2(s)}`;
  if (micro) out += `.${p(micro, 6)}`;
  return out;
}
const TIMESPECS = ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds'];
function formatTimeSpec(h: number, mi: number, s: number, us: number, spec: string): string {
  if (spec === 'auto') spec = us ? 'microseconds' : 'seconds';
  switch (spec) {
    case 'hours':
      return p2(h);
    case 'minutes':
      return `${p2(h)}:${p2(mi)}`;
    case 'seconds':
      return `${p2(h)}:${p2(mi)}:${p2(s)}`;
    case 'milliseconds':
      return `${p2(h)}:${p2(mi)}:${p2(s)}.${p(Math.floor(us / 1000), 3)}`;
    case 'microseconds':
      return `${p2(h)}:${p2(mi)}:${p2(s)}.${p(us, 6)}`;
  }
  raise(E.ValueError, 'Unknown timespec value');
}
function dateIso(d: PyDate): string {
  return `${p(d.y, 4)}-${p2(d.m)}-${p2(d.d)}`;
}
function ctimeOf(y: number, m: number, d: number, h: number, mi: number, s: number): string {
  return `${DAY_NAMES[weekdayOf(y, m, d)]} ${MONTH_NAMES[m - 1]} ${String(d).padStart(2, ' ')} ${p2(h)}:${p2(mi)}:${p2(s)} ${p(y, 4)}`;
}

/** wrap_strftime: %z, %Z and %f are replaced from the object (a `%` in the zone's name doubled),
 * then the C library's strftime (time.ts, glibc in the C locale) formats the time tuple */
function strftime(fmt: string, y: number, mo: number, d: number, h: number, mi: number, s: number, us: number, tz: PyObject | null, tzarg: PyObject): string {
  let f = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%' || i + 1 >= fmt.length) {
      f += c;
      continue;
    }
    const k = fmt[++i];
    // (wrap_strftime sees %z, %Z and %f only right after the %: with glibc flags between them
    // (%#Z) the C library gets a time tuple without a zone and writes nothing for %Z)
    const flagged = /^[-_0^#]+Z/.exec(fmt.slice(i));
    if (flagged) {
      i += flagged[0].length - 1;
      continue;
    }
    if (k === 'z') f += formatOffset(tzOffset(tz, tzarg, 'utcoffset'), '');
    else if (k === 'Z') {
      if (tz) {
        const n = tzNameObj(tz, tzarg);
        if (n instanceof PyStr) f += n.v.replace(/%/g, '%%');
        decref(n);
      }
    } else if (k === 'f') f += p(us, 6);
    else f += '%' + k;
  }
  return timeStrftime(f, [y, mo, d, h, mi, s, weekdayOf(y, mo, d), daysBeforeMonth(y, mo) + d, -1], false);
}

/** PyImport_Import's fresh empty from-list (a list made and released) */
function tempImport(): void {
  decref(newList([]));
}
const TmAllocType = structSeqType('_datetime', '_struct_time_alloc', []);
/**
 * The gc objects CPython's strftime makes on the way to time.strftime (date_strftime,
 * wrap_strftime): the time tuple (build_struct_time: time.struct_time((9-tuple,)) through an
 * import of time; a time's own 9-tuple), then `time.strftime` looked up by import and called
 * with an argument tuple (METH_VARARGS).
 */
function viaTimeStrftime(structTime: boolean, run: () => string): PyObject {
  let tm: PyObject;
  if (structTime) {
    tempImport();
    const t9 = heldTuple(9);
    const t1 = newTuple([t9]);
    tm = newStructSeq(TmAllocType, []);
    decref(t1);
  } else tm = heldTuple(9);
  try {
    const out = run();
    tempImport();
    tempTuple(2);
    return newStr(out);
  } finally {
    decref(tm);
  }
}

// ------------------------------------------------------------------ clock
/** _PyTime_ObjectToTimeval with _PyTime_ROUND_HALF_EVEN: [seconds, microseconds] */
function timestampArg(o: PyObject): [number, number] {
  if (o instanceof PyFloat) return floatTimestamp(o.v);
  if (!(o instanceof PyInt) && !abs.typeLookup(o.type, '__index__')) typeError(`'${o.type.name}' object cannot be interpreted as an integer`);
  const v = abs.index(o);
  if (typeof v === 'bigint') raise(E.OverflowError, 'timestamp out of range for platform time_t');
  return [v, 0];
}
function floatTimestamp(x: number): [number, number] {
  if (Number.isNaN(x)) raise(E.ValueError, 'Invalid value NaN (not a number)');
  // (modf, then the fraction's microseconds rounded half to even, carried into the seconds)
  let sec = Math.trunc(x);
  let us = roundHalfEven((x - sec) * 1e6);
  if (us >= 1000000) {
    sec += 1;
    us -= 1000000;
  } else if (us < 0) {
    sec -= 1;
    us += 1000000;
  }
  if (!Number.isFinite(x) || Math.abs(sec) > 1e16) raise(E.OverflowError, 'timestamp out of range for platform time_t');
  return [sec, us];
}
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(r - x) === 0.5) return 2 * Math.round(x / 2);
  return r;
}
/** the broken-down time of a POSIX timestamp, local (the host's zone) or UTC */
function brokenDown(sec: number, utc: boolean): [number, number, number, number, number, number] {
  if (utc) {
    const days = Math.floor(sec / 86400);
    const rem = sec - days * 86400;
    // (gmtime works for any year; the datetime constructor then checks it)
    const [y, m, d] = ordToYmd(days + 719163);
    return [y, m, d, Math.floor(rem / 3600), Math.floor((rem % 3600) / 60), rem % 60];
  }
  const dt = new Date(sec * 1000);
  // (past JS's Date range the year is out of datetime's range anyway: the constructor says so)
  if (Number.isNaN(dt.getTime())) return brokenDown(sec, true);
  return [dt.getFullYear(), dt.getMonth() + 1, dt.getDate(), dt.getHours(), dt.getMinutes(), dt.getSeconds()];
}
/** local time -> POSIX seconds (local_to_seconds, as mktime) */
function localToSeconds(y: number, m: number, d: number, h: number, mi: number, s: number): number {
  const dt = new Date(2000, 0, 1, 0, 0, 0);
  dt.setFullYear(y, m - 1, d);
  dt.setHours(h, mi, s, 0);
  return Math.floor(dt.getTime() / 1000);
}
function localOffsetSeconds(utcSec: number): number {
  return -new Date(utcSec * 1000).getTimezoneOffset() * 60;
}
let zoneFormat: Intl.DateTimeFormat | null = null;
/** the host zone's abbreviation at a moment (tm_zone; Intl's short name, e.g. EST or GMT+1) */
function zoneNameAt(utcSec: number): string {
  const now = localTzName();
  if (now === 'UTC') return now;
  try {
    zoneFormat ??= new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    return zoneFormat.formatToParts(new Date(utcSec * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? now;
  } catch {
    return now;
  }
}
/** the host's fixed-offset zone at a moment (local_timezone_from_timestamp) */
function localTimezone(utcSec: number): PyObject {
  const off = deltaFromUs(BigInt(localOffsetSeconds(utcSec)) * 1000000n);
  const name = newStr(zoneNameAt(utcSec));
  try {
    return newTimezone(off, name);
  } finally {
    decref(off);
    decref(name);
  }
}

/** datetime_from_timet_and_us with an optional tzinfo (tz.fromutc of the UTC time) */
function datetimeFromTimestamp(t: PyType, sec: number, us: number, tz: PyObject | null, utc: boolean): PyObject {
  if (tz) {
    const [y, m, d, h, mi, s] = brokenDown(sec, true);
    const u = newDateTime(y, m, d, h, mi, s, us, tz, 0, t);
    try {
      return callTz(tz, 'fromutc', u);
    } finally {
      decref(u);
    }
  }
  const [y, m, d, h, mi, s] = brokenDown(sec, utc);
  return newDateTime(y, m, d, h, mi, s, us, null, 0, t);
}

// ------------------------------------------------------------------ method plumbing
// The methods the C module defines METH_VARARGS ('v') or METH_VARARGS | METH_KEYWORDS ('vk'):
// a call packs the positional arguments into a tuple (and keywords into a dict), released after
// the call (method_vectorcall_VARARGS_KEYWORDS); the others are METH_NOARGS, METH_O or
// Argument Clinic fastcalls and allocate nothing.
const VARARGS = new Map<string, 'v' | 'vk'>([
  ['date.fromordinal', 'v'], ['date.fromisocalendar', 'vk'], ['date.strftime', 'vk'], ['date.__format__', 'v'], ['date.replace', 'vk'],
  ['datetime.fromtimestamp', 'vk'], ['datetime.utcfromtimestamp', 'v'], ['datetime.strptime', 'v'], ['datetime.combine', 'vk'],
  ['datetime.isoformat', 'vk'], ['datetime.strftime', 'vk'], ['datetime.__format__', 'v'], ['datetime.replace', 'vk'], ['datetime.astimezone', 'vk'],
  ['time.isoformat', 'vk'], ['time.strftime', 'vk'], ['time.__format__', 'v'], ['time.replace', 'vk'],
]);
function packed<R>(t: PyType, name: string, args: PyObject[], kw: string[] | null, run: () => R): R {
  const mode = VARARGS.get(`${t.name.slice(9)}.${name}`);
  if (!mode) return run();
  if (mode === 'v' && kw && kw.length) typeError(`${t.name.slice(9)}.${name}() takes no keyword arguments`);
  const tup = argsTuple(args, kw);
  const kd = kw && kw.length ? buildKwDict(args, kw) : null;
  try {
    return run();
  } finally {
    decref(tup);
    if (kd) decref(kd);
  }
}
type Self<T> = (self: T, args: PyObject[], kw: string[] | null) => PyObject;
function meth<T extends PyObject>(t: PyType, name: string, cls: new (...a: never[]) => T, fn: Self<T>): void {
  defMethod(t, name, (args, kw, self) => {
    if (self === null) {
      const npos = args.length - (kw ? kw.length : 0);
      if (npos < 1 || !(args[0] instanceof cls)) typeError(`descriptor '${name}' of '${t.name}' object needs an argument`);
      const rest = args.slice(1);
      return packed(t, name, rest, kw, () => fn(args[0] as T, rest, kw));
    }
    if (!(self instanceof cls)) typeError(`descriptor '${name}' for '${t.name}' objects doesn't apply to a '${self.type.name}' object`);
    return packed(t, name, args, kw, () => fn(self, args, kw));
  });
}
function cmeth(t: PyType, name: string, fn: (args: PyObject[], kw: string[] | null, cls: PyObject | null) => PyObject): void {
  defClassMethod(t, name, (args, kw, cls) => packed(t, name, args, kw, () => fn(args, kw, cls)));
}
/** Py_BuildValue's argument tuple that date_replace & co. hand to the type's tp_new */
function builtTuple(vals: number[], tz: PyObject | null | undefined): void {
  const items: PyObject[] = vals.map((v) => newInt(v));
  if (tz !== undefined) items.push(newRef(tz ?? None));
  decref(newTuple(items));
}
function noArgs(t: PyType, name: string, args: PyObject[], kw: string[] | null): void {
  if (kw && kw.length) typeError(`${t.name.slice(9)}.${name}() takes no keyword arguments`);
  if (args.length) typeError(`${t.name.slice(9)}.${name}() takes no arguments (${args.length} given)`);
}
function meth0<T extends PyObject>(t: PyType, name: string, cls: new (...a: never[]) => T, fn: (self: T) => PyObject): void {
  meth(t, name, cls, (self, args, kw) => {
    noArgs(t, name, args, kw);
    return fn(self);
  });
}
/** a binary number slot (nb_add & co.): both orders reach the same C function */
function binSlot(t: PyType, name: string, rname: string | null, fn: (a: PyObject, b: PyObject) => PyObject): void {
  const wrap = (swap: boolean) => (args: PyObject[], kw: string[] | null, self: PyObject | null) => {
    let a = self;
    let rest = args;
    if (a === null) {
      a = args[0];
      rest = args.slice(1);
    }
    if (kw && kw.length) typeError(`wrapper ${swap ? rname : name}() takes no keyword arguments`);
    if (rest.length !== 1) typeError(`expected 1 argument, got ${rest.length}`);
    return swap ? fn(rest[0], a!) : fn(a!, rest[0]);
  };
  defMethod(t, name, wrap(false));
  if (rname) defMethod(t, rname, wrap(true));
}
function unSlot(t: PyType, name: string, fn: (a: PyObject) => PyObject): void {
  defMethod(t, name, (args, kw, self) => {
    const a = self ?? args[0];
    const rest = self ? args : args.slice(1);
    if (kw && kw.length) typeError(`wrapper ${name}() takes no keyword arguments`);
    if (rest.length) typeError(`expected 0 arguments, got ${rest.length}`);
    return fn(a);
  });
}
function cmpSlots(t: PyType, fn: (a: PyObject, b: PyObject, op: Cmp) => PyObject): void {
  const names: [string, Cmp][] = [['__lt__', Cmp.LT], ['__le__', Cmp.LE], ['__eq__', Cmp.EQ], ['__ne__', Cmp.NE], ['__gt__', Cmp.GT], ['__ge__', Cmp.GE]];
  for (const [n, op] of names) binSlot(t, n, null, (a, b) => fn(a, b, op));
}
function cmpInts(c: number, op: Cmp): PyObject {
  return newBool(abs.cmpResult(c, op));
}
function sign(x: number | bigint): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}
function notImpl(): PyObject {
  return newRef(NotImplemented);
}
function getter<T extends PyObject>(t: PyType, name: string, fn: (o: T) => PyObject): void {
  defGetter(t, name, (o) => fn(o as T));
}
function strArgOf(o: PyObject | undefined, fname: string, n: number): string {
  if (o === undefined) return '';
  if (!(o instanceof PyStr)) typeError(`${fname}() argument ${n} must be str, not ${o.type.name}`);
  return o.v;
}

// ------------------------------------------------------------------ timedelta
/** the float part of accum(): [whole microseconds as bigint, leftover fraction] */
function accum(name: string, o: PyObject, factor: bigint): [bigint, number] {
  if (o instanceof PyInt) return [BigInt(o.v) * factor, 0];
  if (o instanceof PyFloat) {
    const x = o.v;
    if (!Number.isFinite(x)) raise(Number.isNaN(x) ? E.ValueError : E.OverflowError, Number.isNaN(x) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
    const ip = Math.trunc(x);
    const fp = x - ip;
    let sum = BigInt(ip) * factor;
    if (fp === 0) return [sum, 0];
    const dnum = Number(factor) * fp;
    const ip2 = Math.trunc(dnum);
    sum += BigInt(ip2);
    return [sum, dnum - ip2];
  }
  typeError(`unsupported type for timedelta ${name} component: ${o.type.name}`);
}
/** divide_nearest (_PyLong_DivmodNear: round half to even) */
function divNearest(m: bigint, n: bigint): bigint {
  if (n === 0n) raise(E.ZeroDivisionError, 'integer division or modulo by zero');
  tempTuple(2); // (_PyLong_DivmodNear's (q, r))
  let q = m / n;
  let r = m - q * n;
  if (r !== 0n && r < 0n !== n < 0n) {
    q -= 1n;
    r += n;
  }
  const r2 = 2n * (r < 0n ? -r : r);
  const an = n < 0n ? -n : n;
  if (r2 > an || (r2 === an && q % 2n !== 0n)) q += 1n;
  return q;
}
function floatRatio(x: number): [bigint, bigint] {
  if (Number.isNaN(x)) raise(E.ValueError, 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) raise(E.OverflowError, 'cannot convert Infinity to integer ratio');
  const { m, e, neg } = decomposeDouble(x);
  const n = neg ? -m : m;
  return e >= 0 ? [n << BigInt(e), 1n] : [n, 1n << BigInt(-e)];
}
function floorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) raise(E.ZeroDivisionError, 'integer division or modulo by zero');
  let q = a / b;
  if ((a % b !== 0n) && (a < 0n) !== (b < 0n)) q -= 1n;
  return q;
}

function installDelta(): void {
  const T = DeltaType;
  const kws = ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks'];
  const factors = [US_PER_DAY, 1000000n, 1n, 1000n, 60000000n, 3600000000n, 7n * US_PER_DAY];
  T.slots.new = (t, args, kw) => {
    const a = parseKw('__new__', kws, 7, 0, args, kw);
    // delta_new: accumulated in the order us, ms, s, min, h, d, w
    let sum = 0n;
    let left = 0;
    for (const i of [2, 3, 1, 4, 5, 0, 6]) {
      const o = a[i];
      if (o === undefined) continue;
      const [s, f] = accum(kws[i], o, factors[i]);
      sum += s;
      left += f;
    }
    if (left !== 0) {
      let whole = Math.round(left);
      if (Math.abs(whole - left) === 0.5) {
        const odd = sum & 1n ? 1 : 0;
        whole = 2 * Math.round((left + odd) * 0.5) - odd;
      }
      sum += BigInt(whole);
    }
    return usToDelta(sum, t);
  };
  T.slots.repr = (o) => {
    const d = o as PyDelta;
    const parts: string[] = [];
    if (d.days) parts.push(`days=${d.days}`);
    if (d.secs) parts.push(`seconds=${d.secs}`);
    if (d.us) parts.push(`microseconds=${d.us}`);
    return `${o.type.name}(${parts.length ? parts.join(', ') : '0'})`;
  };
  T.slots.str = (o) => {
    const d = o as PyDelta;
    let out = '';
    if (d.days) out = `${d.days} day${d.days === 1 || d.days === -1 ? '' : 's'}, `;
    const h = Math.floor(d.secs / 3600);
    const mi = Math.floor((d.secs % 3600) / 60);
    out += `${h}:${p2(mi)}:${p2(d.secs % 60)}`;
    if (d.us) out += `.${p(d.us, 6)}`;
    return out;
  };
  // delta_hash: the hash of (days, seconds, microseconds)
  T.slots.hash = (o) => {
    const d = o as PyDelta;
    if (d.hashcode === -1) {
      tempTuple(3); // (delta_getstate's tuple)
      d.hashcode = hashTupleCombine([hashInt(d.days), hashInt(d.secs), hashInt(d.us)]);
    }
    return d.hashcode;
  };
  T.slots.bool = (o) => {
    const d = o as PyDelta;
    return d.days !== 0 || d.secs !== 0 || d.us !== 0;
  };
  // (T_INT READONLY members)
  const ro = () => raise(E.AttributeError, 'readonly attribute');
  defGetter(T, 'days', (o) => newInt((o as PyDelta).days), ro);
  defGetter(T, 'seconds', (o) => newInt((o as PyDelta).secs), ro);
  defGetter(T, 'microseconds', (o) => newInt((o as PyDelta).us), ro);
  meth0(T, 'total_seconds', PyDelta, (d) => newFloat(N.intTrueDiv(N.norm(deltaUs(d)), 1000000)));
  binSlot(T, '__add__', '__radd__', (a, b) => (isDelta(a) && isDelta(b) ? deltaFromUs(deltaUs(a) + deltaUs(b)) : notImpl()));
  binSlot(T, '__sub__', '__rsub__', (a, b) => (isDelta(a) && isDelta(b) ? deltaFromUs(deltaUs(a) - deltaUs(b)) : notImpl()));
  unSlot(T, '__neg__', (a) => deltaFromUs(-deltaUs(a as PyDelta)));
  unSlot(T, '__pos__', (a) => deltaFromUs(deltaUs(a as PyDelta)));
  unSlot(T, '__abs__', (a) => {
    const u = deltaUs(a as PyDelta);
    return deltaFromUs(u < 0n ? -u : u);
  });
  unSlot(T, '__bool__', (a) => newBool(T.slots.bool!(a)));
  // delta_multiply: by an int, or a float through its integer ratio
  binSlot(T, '__mul__', '__rmul__', (a, b) => {
    let d: PyDelta;
    let n: PyObject;
    if (isDelta(a)) [d, n] = [a, b];
    else if (isDelta(b)) [d, n] = [b, a];
    else return notImpl();
    if (n instanceof PyInt) return usToDelta(deltaUs(d) * BigInt(n.v));
    if (n instanceof PyFloat) {
      const [num, den] = floatRatio(n.v);
      // (multiply_truedivide_timedelta_float holds the as_integer_ratio() tuple throughout)
      const ratio = heldTuple(2);
      try {
        return usToDelta(divNearest(deltaUs(d) * num, den));
      } finally {
        decref(ratio);
      }
    }
    return notImpl();
  });
  binSlot(T, '__truediv__', '__rtruediv__', (a, b) => {
    if (!isDelta(a)) return notImpl();
    if (isDelta(b)) {
      try {
        return newFloat(N.intTrueDiv(N.norm(deltaUs(a)), N.norm(deltaUs(b))));
      } catch (e) {
        if (e instanceof N.NumErr) raise(E.ZeroDivisionError, e.message);
        throw e;
      }
    }
    if (b instanceof PyInt) return usToDelta(divNearest(deltaUs(a), BigInt(b.v)));
    if (b instanceof PyFloat) {
      const [num, den] = floatRatio(b.v);
      const ratio = heldTuple(2);
      try {
        return usToDelta(divNearest(deltaUs(a) * den, num));
      } finally {
        decref(ratio);
      }
    }
    return notImpl();
  });
  binSlot(T, '__floordiv__', '__rfloordiv__', (a, b) => {
    if (!isDelta(a)) return notImpl();
    if (isDelta(b)) return newInt(N.norm(floorDiv(deltaUs(a), deltaUs(b))));
    if (b instanceof PyInt) return usToDelta(floorDiv(deltaUs(a), BigInt(b.v)));
    return notImpl();
  });
  binSlot(T, '__mod__', '__rmod__', (a, b) => {
    if (!isDelta(a) || !isDelta(b)) return notImpl();
    const y = deltaUs(b);
    if (y === 0n) raise(E.ZeroDivisionError, 'integer modulo by zero');
    const x = deltaUs(a);
    return usToDelta(x - floorDiv(x, y) * y);
  });
  binSlot(T, '__divmod__', '__rdivmod__', (a, b) => {
    if (!isDelta(a) || !isDelta(b)) return notImpl();
    const x = deltaUs(a);
    const y = deltaUs(b);
    const q = floorDiv(x, y);
    const dm = heldTuple(2); // (checked_divmod's tuple, held until the result is packed)
    try {
      const r = usToDelta(x - q * y);
      return newTuple([newInt(N.norm(q)), r]);
    } finally {
      decref(dm);
    }
  });
  cmpSlots(T, (a, b, op) => (isDelta(a) && isDelta(b) ? cmpInts(sign(deltaUs(a) - deltaUs(b)), op) : notImpl()));
  defAttr(T, 'min', immortal(new PyDelta(T, -MAX_DELTA_DAYS, 0, 0)));
  defAttr(T, 'max', immortal(new PyDelta(T, MAX_DELTA_DAYS, 86399, 999999)));
  defAttr(T, 'resolution', immortal(new PyDelta(T, 0, 0, 1)));
}

// ------------------------------------------------------------------ date
/** build_struct_time: time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst)) */
function structTime(y: number, m: number, d: number, hh: number, mi: number, ss: number, dst: number): PyObject {
  const time = vmState.importModule!('time', vmState.current!);
  try {
    const st = abs.getAttr(time, 'struct_time');
    const tup = newTuple([y, m, d, hh, mi, ss, weekdayOf(y, m, d), daysBeforeMonth(y, m) + d, dst].map((v) => newInt(v)));
    try {
      return abs.call(st, [tup], null);
    } finally {
      decref(tup);
      decref(st);
    }
  } finally {
    decref(time);
  }
}
function isDate(o: PyObject): o is PyDate {
  return o instanceof PyDate;
}
/** add_date_timedelta / normalize_date: OverflowError past the range */
function dateFromOrd(ord: number, t: PyType): PyObject {
  if (ord < 1 || ord > 3652059) raise(E.OverflowError, 'date value out of range');
  const [y, m, d] = ordToYmd(ord);
  return newDate(y, m, d, t);
}

function installDate(): void {
  const T = DateType;
  T.slots.new = (t, args, kw) => {
    const st = args.length === 1 ? stateArg(args, kw, 4, (b) => b[2] >= 1 && b[2] <= 12) : null;
    if (st) return born(new PyDate(t, st[0] * 256 + st[1], st[2], st[3]));
    const a = parseKw(null, ['year', 'month', 'day'], 3, 3, args, kw);
    const y = cInt(a[0], 0);
    const m = cInt(a[1], 0);
    const d = cInt(a[2], 0);
    checkDateArgs(y, m, d);
    return born(new PyDate(t, y, m, d));
  };
  T.slots.repr = (o) => {
    const d = o as PyDate;
    return `${o.type.name}(${d.y}, ${d.m}, ${d.d})`;
  };
  T.slots.str = (o) => {
    const r = abs.callSpecial(o, 'isoformat', []);
    if (!r) return dateIso(o as PyDate);
    try {
      return abs.str(r);
    } finally {
      decref(r);
    }
  };
  // date_hash: the bytes of the date's data
  T.slots.hash = (o) => {
    const d = o as PyDate;
    if (d.hashcode !== -1) return d.hashcode;
    return (d.hashcode = hashBytes(new Uint8Array([d.y >> 8, d.y & 255, d.m, d.d])));
  };
  getter<PyDate>(T, 'year', (o) => newInt(o.y));
  getter<PyDate>(T, 'month', (o) => newInt(o.m));
  getter<PyDate>(T, 'day', (o) => newInt(o.d));
  cmeth(T, 'today', (args, kw, cls) => {
    noArgs(T, 'today', args, kw);
    // date_today: cls.fromtimestamp(time.time()) (a datetime class keeps the time of day)
    const [sec, us] = floatTimestamp(nowWall());
    tempImport(); // (time_time: time.time looked up through PyImport_Import)
    // (datetime.fromtimestamp is METH_VARARGS | METH_KEYWORDS: its argument tuple)
    if ((cls as PyType).isSubtype(DateTimeType)) return packed(DateTimeType, 'fromtimestamp', [None], null, () => datetimeFromTimestamp(cls as PyType, sec, us, null, false));
    const [y, m, d] = brokenDown(sec, false);
    return newDate(y, m, d, cls as PyType);
  });
  cmeth(T, 'fromtimestamp', (args, kw, cls) => {
    if (kw && kw.length) typeError('date.fromtimestamp() takes no keyword arguments');
    if (args.length !== 1) typeError(`date.fromtimestamp() takes exactly one argument (${args.length} given)`);
    const [sec] = timestampArg(args[0]);
    const [y, m, d] = brokenDown(sec, false);
    return newDate(y, m, d, cls as PyType);
  });
  cmeth(T, 'fromordinal', (args, kw, cls) => {
    const a = parseKw('fromordinal', ['ordinal'], 1, 1, args, kw);
    const n = cInt(a[0], 0);
    if (n < 1) raise(E.ValueError, 'ordinal must be >= 1');
    if (n > 3652059) raise(E.ValueError, `year ${ordToYmd(n)[0]} is out of range`);
    const [y, m, d] = ordToYmd(n);
    return newDate(y, m, d, cls as PyType);
  });
  cmeth(T, 'fromisoformat', (args, kw, cls) => {
    const s = isoArg(args, kw);
    const r = parseIsoDate(s, 0);
    if (!r || r[3] !== s.length) raise(E.ValueError, `Invalid isoformat string: ${abs.repr(args[0])}`);
    return newDate(r[0], r[1], r[2], cls as PyType);
  });
  cmeth(T, 'fromisocalendar', (args, kw, cls) => {
    const a = parseKw('fromisocalendar', ['year', 'week', 'day'], 3, 3, args, kw);
    const [y, w, d] = [cInt(a[0], 0), cInt(a[1], 0), cInt(a[2], 0)];
    const [yy, mm, dd] = fromIsoCalendar(y, w, d);
    return newDate(yy, mm, dd, cls as PyType);
  });
  meth0(T, 'toordinal', PyDate, (d) => newInt(ymdToOrd(d.y, d.m, d.d)));
  meth0(T, 'weekday', PyDate, (d) => newInt(weekdayOf(d.y, d.m, d.d)));
  meth0(T, 'isoweekday', PyDate, (d) => newInt(weekdayOf(d.y, d.m, d.d) + 1));
  meth0(T, 'isocalendar', PyDate, (d) => {
    const [y, w, wd] = isoCalendar(d.y, d.m, d.d);
    return newStructSeq(IsoCalendarDateType, [newInt(y), newInt(w), newInt(wd)]);
  });
  meth0(T, 'isoformat', PyDate, (d) => newStr(dateIso(d)));
  meth0(T, 'ctime', PyDate, (d) => newStr(ctimeOf(d.y, d.m, d.d, 0, 0, 0)));
  meth(T, 'strftime', PyDate, (d, args, kw) => {
    const a = parseKw('strftime', ['format'], 1, 1, args, kw);
    const f = strArgOf(a[0], 'strftime', 1);
    return viaTimeStrftime(true, () => strftime(f, d.y, d.m, d.d, 0, 0, 0, 0, null, None));
  });
  meth(T, '__format__', PyDate, (d, args, kw) => {
    if (kw && kw.length) typeError('__format__() takes no keyword arguments');
    if (args.length !== 1) typeError(`__format__() takes exactly one argument (${args.length} given)`);
    const f = strArgOf(args[0], '__format__', 1);
    if (!f.length) return newStr(abs.str(d));
    const m = abs.getAttr(d, 'strftime');
    try {
      return abs.call(m, [args[0]], null);
    } finally {
      decref(m);
    }
  });
  meth(T, 'replace', PyDate, (d, args, kw) => {
    const a = parseKw('replace', ['year', 'month', 'day'], 3, 0, args, kw);
    const v = [cInt(a[0], d.y), cInt(a[1], d.m), cInt(a[2], d.d)];
    builtTuple(v, undefined);
    return newDate(v[0], v[1], v[2], d.type);
  });
  meth0(T, 'timetuple', PyDate, (d) => structTime(d.y, d.m, d.d, 0, 0, 0, -1));
  binSlot(T, '__add__', '__radd__', (a, b) => {
    // date_add: date + timedelta (either order); the day part only
    if (isDate(a) && !(a instanceof PyDateTime) && isDelta(b)) return dateFromOrd(ymdToOrd(a.y, a.m, a.d) + b.days, a.type);
    if (isDate(b) && !(b instanceof PyDateTime) && isDelta(a)) return dateFromOrd(ymdToOrd(b.y, b.m, b.d) + a.days, b.type);
    return notImpl();
  });
  binSlot(T, '__sub__', '__rsub__', (a, b) => {
    if (isDate(a) && !(a instanceof PyDateTime)) {
      if (isDate(b) && !(b instanceof PyDateTime)) return newDelta(ymdToOrd(a.y, a.m, a.d) - ymdToOrd(b.y, b.m, b.d), 0, 0);
      if (isDelta(b)) return dateFromOrd(ymdToOrd(a.y, a.m, a.d) - b.days, a.type);
    }
    return notImpl();
  });
  cmpSlots(T, (a, b, op) => {
    // date_richcompare: only dates (a datetime reaches datetime_richcompare first)
    if (!isDate(a) || !isDate(b)) return notImpl();
    return cmpInts(sign(ymdToOrd(a.y, a.m, a.d) - ymdToOrd(b.y, b.m, b.d)), op);
  });
  defAttr(T, 'min', immortal(new PyDate(T, 1, 1, 1)));
  defAttr(T, 'max', immortal(new PyDate(T, 9999, 12, 31)));
  defAttr(T, 'resolution', immortal(new PyDelta(DeltaType, 1, 0, 0)));
}


/** date_fromisocalendar's checks and arithmetic */
function fromIsoCalendar(y: number, w: number, d: number): [number, number, number] {
  if (y < MINYEAR || y > MAXYEAR) raise(E.ValueError, `Year is out of range: ${y}`);
  if (w <= 0 || w >= 53) {
    let ok = false;
    if (w === 53) {
      const first = (ymdToOrd(y, 1, 1) + 6) % 7;
      ok = first === 3 || (first === 2 && isLeap(y));
    }
    if (!ok) raise(E.ValueError, `Invalid week: ${w}`);
  }
  if (d <= 0 || d >= 8) raise(E.ValueError, `Invalid day: ${d} (range is [1, 7])`);
  const ord = isoWeek1Monday(y) + (w - 1) * 7 + d - 1;
  return ordToYmd(ord);
}

// ------------------------------------------------------------------ fromisoformat parsing
function isoArg(args: PyObject[], kw: string[] | null): string {
  if (kw && kw.length) typeError('fromisoformat() takes no keyword arguments');
  if (args.length !== 1) typeError(`fromisoformat() takes exactly one argument (${args.length} given)`);
  if (!(args[0] instanceof PyStr)) typeError('fromisoformat: argument must be str');
  return args[0].v;
}
function digits(s: string, i: number, n: number): number {
  if (i + n > s.length) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}
/** parse_isoformat_date (3.11: YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]): [y, m, d, end] */
function parseIsoDate(s: string, i: number): [number, number, number, number] | null {
  const y = digits(s, i, 4);
  if (y < 0) return null;
  i += 4;
  const ext = s[i] === '-';
  if (ext) i++;
  if (s[i] === 'W') {
    i++;
    const w = digits(s, i, 2);
    if (w < 0) return null;
    i += 2;
    let d = 1;
    if (i < s.length && (ext ? s[i] === '-' : true)) {
      const j = ext ? i + 1 : i;
      const dd = digits(s, j, 1);
      if (dd >= 0) {
        d = dd;
        i = j + 1;
      } else if (ext) return null;
    }
    // iso_to_ymd's failures are an invalid string here
    let r: [number, number, number];
    try {
      r = fromIsoCalendar(y, w, d);
    } catch (e) {
      if (isPyException(e)) {
        decref(e);
        return null;
      }
      throw e;
    }
    return [r[0], r[1], r[2], i];
  }
  const m = digits(s, i, 2);
  if (m < 0) return null;
  i += 2;
  if (ext) {
    if (s[i] !== '-') return null;
    i++;
  }
  const d = digits(s, i, 2);
  if (d < 0) return null;
  return [y, m, d, i + 2];
}
/** parse_isoformat_time: [h, m, s, us, offset us | null] or null */
function parseIsoTime(s: string): [number, number, number, number, number | null] | null {
  let tzPos = s.length;
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '+' || s[k] === '-' || s[k] === 'Z') {
      tzPos = k;
      break;
    }
  }
  const t = parseHms(s.slice(0, tzPos), true);
  if (!t) return null;
  if (tzPos === s.length) return [...t, null];
  if (s[tzPos] === 'Z') {
    if (tzPos + 1 !== s.length) return null;
    return [...t, 0];
  }
  const z = parseHms(s.slice(tzPos + 1), false);
  if (!z) return null;
  const off = ((z[0] * 60 + z[1]) * 60 + z[2]) * 1000000 + z[3];
  return [...t, s[tzPos] === '-' ? -off : off];
}
function parseHms(s: string, allowHourOnly: boolean): [number, number, number, number] | null {
  let i = 0;
  const vals = [0, 0, 0];
  let us = 0;
  const ext = s.length > 2 && s[2] === ':';
  for (let k = 0; k < 3; k++) {
    const v = digits(s, i, 2);
    if (v < 0) return null;
    vals[k] = v;
    i += 2;
    if (i >= s.length) break;
    const c = s[i];
    if (k < 2 && ext && c === ':') {
      i++;
      continue;
    }
    if (k === 2 || (c === '.' || c === ',')) {
      if (k !== 2 || (c !== '.' && c !== ',')) return null;
      i++;
      let n = 0;
      let frac = '';
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
        if (n < 6) frac += s[i];
        n++;
        i++;
      }
      if (n === 0 || i !== s.length) return null;
      us = Number(frac.padEnd(6, '0'));
      break;
    }
    if (ext) return null;
  }
  if (i !== s.length) return null;
  if (!allowHourOnly && s.length < 2) return null;
  return [vals[0], vals[1], vals[2], us];
}
function tzFromOffset(off: number | null): PyObject | null {
  if (off === null) return null;
  if (off === 0) return newRef(UTC);
  const d = deltaFromUs(BigInt(off));
  try {
    return newTimezone(d, null);
  } finally {
    decref(d);
  }
}

// ------------------------------------------------------------------ strptime
// Lib/_strptime.py's behaviour (C locale, English names): the format becomes one regular
// expression (case-insensitive; whitespace matches any run of whitespace), the whole string must
// match, then the fields are combined (_strptime, _strptime_datetime). %U/%W/%c/%x/%X/%G/%V/%u
// are not provided.
const STRPTIME_RE: Record<string, string> = {
  d: '(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])',
  f: '([0-9]{1,6})',
  H: '(2[0-3]|[0-1]\\d|\\d)',
  I: '(1[0-2]|0[1-9]|[1-9])',
  j: '(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])',
  m: '(1[0-2]|0[1-9]|[1-9])',
  M: '([0-5]\\d|\\d)',
  S: '(6[0-1]|[0-5]\\d|\\d)',
  w: '([0-6])',
  y: '(\\d\\d)',
  Y: '(\\d\\d\\d\\d)',
  z: '([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)',
  a: `(${DAY_NAMES.join('|')})`,
  A: `(${DAY_NAMES_FULL.join('|')})`,
  b: `(${MONTH_NAMES.join('|')})`,
  B: `(${MONTH_NAMES_FULL.join('|')})`,
  p: '(am|pm)',
  Z: '(utc|gmt)',
};
interface Parsed {
  y: number; m: number; d: number; hh: number; mi: number; ss: number; us: number;
  gmtoff: number | null; tzname: string | null;
}
function strptime(data: string, fmt: string): Parsed {
  let re = '';
  const keys: string[] = [];
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '%') {
      if (i + 1 >= fmt.length) raise(E.ValueError, `stray % in format '${fmt}'`);
      const k = fmt[++i];
      if (k === '%') {
        re += '%';
        continue;
      }
      const pat = STRPTIME_RE[k];
      if (pat === undefined) {
        if ('UWcxXGVu'.includes(k)) unsupported(`datetime.strptime() with %${k}`);
        raise(E.ValueError, `'${k}' is a bad directive in format '${fmt}'`);
      }
      re += pat;
      keys.push(k);
    } else if (/\s/.test(c)) {
      while (i + 1 < fmt.length && /\s/.test(fmt[i + 1])) i++;
      re += '\\s+';
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const m = new RegExp('^(?:' + re + ')', 'i').exec(data);
  if (!m) raise(E.ValueError, `time data ${strRepr(data)} does not match format ${strRepr(fmt)}`);
  if (m[0].length !== data.length) raise(E.ValueError, `unconverted data remains: ${data.slice(m[0].length)}`);
  const r: Parsed = { y: 1900, m: 1, d: 1, hh: 0, mi: 0, ss: 0, us: 0, gmtoff: null, tzname: null };
  let julian = -1;
  let ampm: string | null = null;
  let hour12 = -1;
  let yearGiven = false;
  keys.forEach((k, idx) => {
    const v = m[idx + 1];
    const n = Number(v);
    switch (k) {
      case 'Y': r.y = n; yearGiven = true; break;
      case 'y': r.y = n <= 68 ? n + 2000 : n + 1900; yearGiven = true; break;
      case 'm': r.m = n; break;
      case 'B': r.m = MONTH_NAMES_FULL.findIndex((x) => x.toLowerCase() === v.toLowerCase()) + 1; break;
      case 'b': r.m = MONTH_NAMES.findIndex((x) => x.toLowerCase() === v.toLowerCase()) + 1; break;
      case 'd': r.d = n; break;
      case 'H': r.hh = n; break;
      case 'I': hour12 = n; break;
      case 'p': ampm = v.toLowerCase(); break;
      case 'M': r.mi = n; break;
      case 'S': r.ss = n; break;
      case 'f': r.us = Number(v.padEnd(6, '0')); break;
      case 'j': julian = n; break;
      case 'z': {
        if (v.toUpperCase() === 'Z') {
          r.gmtoff = 0;
          break;
        }
        const t = v.replace(/:/g, '');
        const sg = t[0] === '-' ? -1 : 1;
        const h = Number(t.slice(1, 3));
        const mm = Number(t.slice(3, 5));
        const ss = t.length > 5 ? Number(t.slice(5, 7)) : 0;
        const frac = t.length > 8 ? Number(t.slice(8).padEnd(6, '0')) : 0;
        r.gmtoff = sg * (((h * 60 + mm) * 60 + ss) * 1000000 + frac);
        break;
      }
      case 'Z': r.tzname = v; break;
    }
  });
  if (hour12 >= 0) {
    // %I with %p (12 am is midnight, 12 pm noon); %I alone is taken as AM
    r.hh = ampm === 'pm' ? (hour12 === 12 ? 12 : hour12 + 12) : hour12 === 12 ? 0 : hour12;
  }
  if (julian >= 0) {
    void yearGiven;
    const [y, mo, d] = ordToYmd(julian - 1 + ymdToOrd(r.y, 1, 1));
    r.y = y;
    r.m = mo;
    r.d = d;
  }
  if (r.tzname !== null && r.gmtoff === null) r.tzname = null;
  return r;
}
/** _strptime_datetime: timezone(timedelta(seconds=gmtoff), tzname) or timezone(timedelta(...)) */
function tzFromStrptime(us: number, name: string | null): PyObject {
  const d = deltaFromUs(BigInt(us));
  const n = name === null ? null : newStr(name);
  try {
    return newTimezone(d, n);
  } finally {
    decref(d);
    if (n) decref(n);
  }
}

// ------------------------------------------------------------------ tzinfo / timezone
function installTzinfo(): void {
  const T = TzinfoType;
  // PyType_GenericNew: any arguments are accepted (object_init lets them pass)
  T.slots.new = (t) => allocInstance(t);
  for (const name of ['tzname', 'utcoffset', 'dst']) {
    defMethod(T, name, (args, _kw, self) => {
      const n = self ? args.length : args.length - 1;
      if (n !== 1) typeError(`tzinfo.${name}() takes exactly one argument (${n} given)`);
      raise(E.NotImplementedError, `a tzinfo subclass must implement ${name}()`);
    });
  }
  // tzinfo_fromutc
  defMethod(T, 'fromutc', (args, _kw, self) => {
    const dt = self ? args[0] : args[1];
    if (!(dt instanceof PyDateTime)) typeError('fromutc: argument must be a datetime');
    if (dt.tz !== (self ?? args[0])) raise(E.ValueError, 'fromutc: dt.tzinfo is not self');
    const off = tzOffset(dt.tz, dt, 'utcoffset');
    if (off === null) raise(E.ValueError, 'fromutc: non-None utcoffset() result required');
    const dst = tzOffset(dt.tz, dt, 'dst');
    if (dst === null) raise(E.ValueError, 'fromutc: non-None dst() result required');
    const r = dtAddUs(dt, BigInt(off - dst));
    const dst2 = tzOffset(dt.tz, r, 'dst');
    if (dst2 === null) {
      decref(r);
      raise(E.ValueError, 'fromutc: tz.dst() gave inconsistent results; cannot convert');
    }
    if (!dst2) return r;
    try {
      return dtAddUs(r as PyDateTime, BigInt(dst2));
    } finally {
      decref(r);
    }
  });

  const Z = TimezoneType;
  Z.flags &= ~TypeFlags.BASETYPE;
  Z.slots.new = (_t, args, kw) => {
    const a = parseKw('timezone', ['offset', 'name'], 2, 1, args, kw);
    const off = a[0]!;
    if (!isDelta(off)) typeError(`timezone() argument 1 must be datetime.timedelta, not ${off.type.name}`);
    let name: PyStr | null = null;
    if (a[1] !== undefined) {
      if (!(a[1] instanceof PyStr)) typeError(`timezone() argument 2 must be str, not ${a[1].type.name}`);
      name = a[1];
    }
    return newTimezone(off, name);
  };
  Z.slots.repr = (o) => {
    const z = o as PyTimezone;
    if (o === UTC) return 'datetime.timezone.utc';
    return z.name ? `${o.type.name}(${abs.repr(z.offset)}, ${abs.repr(z.name)})` : `${o.type.name}(${abs.repr(z.offset)})`;
  };
  Z.slots.str = (o) => tzStr(o as PyTimezone);
  Z.slots.hash = (o) => DeltaType.slots.hash!((o as PyTimezone).offset);
  cmpSlots(Z, (a, b, op) => {
    if ((op !== Cmp.EQ && op !== Cmp.NE) || !(a instanceof PyTimezone) || !(b instanceof PyTimezone)) return notImpl();
    return cmpInts(sign(deltaUs(a.offset) - deltaUs(b.offset)), op);
  });
  const dtArg = (name: string, args: PyObject[], kw: string[] | null): PyObject => {
    if (kw && kw.length) typeError(`timezone.${name}() takes no keyword arguments`);
    if (args.length !== 1) typeError(`timezone.${name}() takes exactly one argument (${args.length} given)`);
    const dt = args[0];
    if (dt !== None && !(dt instanceof PyDateTime)) typeError(`${name}(dt) argument must be a datetime instance or None, not ${dt.type.name}`);
    return dt;
  };
  meth(Z, 'utcoffset', PyTimezone, (z, args, kw) => {
    dtArg('utcoffset', args, kw);
    return newRef(z.offset);
  });
  meth(Z, 'dst', PyTimezone, (_z, args, kw) => {
    dtArg('dst', args, kw);
    return newRef(None);
  });
  meth(Z, 'tzname', PyTimezone, (z, args, kw) => {
    dtArg('tzname', args, kw);
    return newStr(tzStr(z));
  });
  meth(Z, 'fromutc', PyTimezone, (z, args, kw) => {
    if (kw && kw.length) typeError('timezone.fromutc() takes no keyword arguments');
    if (args.length !== 1) typeError(`timezone.fromutc() takes exactly one argument (${args.length} given)`);
    const dt = args[0];
    if (!(dt instanceof PyDateTime)) typeError('fromutc: argument must be a datetime');
    if (dt.tz !== z) raise(E.ValueError, 'fromutc: dt.tzinfo is not self');
    return dtAddUs(dt, deltaUs(z.offset));
  });
  defAttr(Z, 'utc', UTC);
  defAttr(Z, 'min', immortal(new PyTimezone(Z, immortal(new PyDelta(DeltaType, -1, 60, 0)), null)));
  defAttr(Z, 'max', immortal(new PyTimezone(Z, immortal(new PyDelta(DeltaType, 0, 86340, 0)), null)));
}
/** timezone_str */
function tzStr(z: PyTimezone): string {
  if (z.name) return z.name.v;
  const u = Number(deltaUs(z.offset));
  if (z === UTC || u === 0) return 'UTC';
  return 'UTC' + formatOffset(u, ':');
}

// ------------------------------------------------------------------ time
function isTime(o: PyObject): o is PyTime {
  return o instanceof PyTime;
}
function installTime(): void {
  const T = TimeType;
  T.slots.new = (t, args, kw) => {
    const st = stateArg(args, kw, 6, (b) => (b[0] & 127) < 24);
    if (st) {
      const z = args.length === 2 ? checkTzinfo(args[1]) : null;
      return born(new PyTime(t, st[0] & 127, st[1], st[2], (st[3] << 16) | (st[4] << 8) | st[5], st[0] >> 7, z));
    }
    const a = parseKw(null, ['hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold'], 5, 0, args, kw);
    const h = cInt(a[0], 0);
    const mi = cInt(a[1], 0);
    const s = cInt(a[2], 0);
    const us = cInt(a[3], 0);
    const tz = a[4] === undefined ? null : a[4];
    const fold = cInt(a[5], 0);
    checkTimeArgs(h, mi, s, us, fold);
    const z = tz === null ? null : checkTzinfo(tz);
    return born(new PyTime(t, h, mi, s, us, fold, z));
  };
  T.slots.repr = (o) => {
    const t = o as PyTime;
    let r = `${o.type.name}(${t.hh}, ${t.mi}`;
    if (t.us) r += `, ${t.ss}, ${t.us}`;
    else if (t.ss) r += `, ${t.ss}`;
    if (t.tz) r += `, tzinfo=${abs.repr(t.tz)}`;
    if (t.fold) r += ', fold=1';
    return r + ')';
  };
  T.slots.str = (o) => {
    const r = abs.callSpecial(o, 'isoformat', []);
    try {
      return abs.str(r!);
    } finally {
      decref(r!);
    }
  };
  // time_hash
  T.slots.hash = (o) => {
    const t = o as PyTime;
    if (t.hashcode === -1) t.hashcode = timeHash(t);
    return t.hashcode;
  };
  const timeHash = (t: PyTime): number | bigint => {
    const off = tzOffset(t.tz, None, 'utcoffset');
    if (off === null) return hashBytes(new Uint8Array([t.hh, t.mi, t.ss, t.us >> 16, (t.us >> 8) & 255, t.us & 255]));
    const d = deltaFromUs(BigInt((t.hh * 3600 + t.mi * 60 + t.ss) * 1000000 + t.us - off));
    try {
      return DeltaType.slots.hash!(d);
    } finally {
      decref(d);
    }
  };
  T.slots.bool = () => true;
  getter<PyTime>(T, 'hour', (o) => newInt(o.hh));
  getter<PyTime>(T, 'minute', (o) => newInt(o.mi));
  getter<PyTime>(T, 'second', (o) => newInt(o.ss));
  getter<PyTime>(T, 'microsecond', (o) => newInt(o.us));
  getter<PyTime>(T, 'fold', (o) => newInt(o.fold));
  getter<PyTime>(T, 'tzinfo', (o) => newRef(o.tz ?? None));
  meth(T, 'isoformat', PyTime, (t, args, kw) => {
    const a = parseKw('isoformat', ['timespec'], 1, 0, args, kw);
    const spec = strArgOf(a[0], 'isoformat', 1) || 'auto';
    if (!TIMESPECS.includes(spec)) raise(E.ValueError, 'Unknown timespec value');
    return newStr(formatTimeSpec(t.hh, t.mi, t.ss, t.us, spec) + formatOffset(tzOffset(t.tz, None, 'utcoffset'), ':'));
  });
  meth(T, 'strftime', PyTime, (t, args, kw) => {
    const a = parseKw('strftime', ['format'], 1, 1, args, kw);
    const f = strArgOf(a[0], 'strftime', 1);
    // time_strftime: the date part is 1900-01-01
    return viaTimeStrftime(false, () => strftime(f, 1900, 1, 1, t.hh, t.mi, t.ss, t.us, t.tz, None));
  });
  meth(T, '__format__', PyTime, (t, args, kw) => fmtVia(t, args, kw));
  meth0(T, 'utcoffset', PyTime, (t) => tzOffsetObj(t.tz, None, 'utcoffset'));
  meth0(T, 'dst', PyTime, (t) => tzOffsetObj(t.tz, None, 'dst'));
  meth0(T, 'tzname', PyTime, (t) => tzNameObj(t.tz, None));
  meth(T, 'replace', PyTime, (t, args, kw) => {
    const a = parseKw('replace', ['hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold'], 5, 0, args, kw);
    const tz = a[4] === undefined ? t.tz : checkTzinfo(a[4]);
    const v = [cInt(a[0], t.hh), cInt(a[1], t.mi), cInt(a[2], t.ss), cInt(a[3], t.us)];
    builtTuple(v, tz);
    return newTime(v[0], v[1], v[2], v[3], tz, cInt(a[5], t.fold), t.type);
  });
  cmeth(T, 'fromisoformat', (args, kw, cls) => {
    const s0 = isoArg(args, kw);
    // time_fromisoformat: a leading 'T' is allowed (3.11)
    const s = s0.length > 1 && s0[0] === 'T' ? s0.slice(1) : s0;
    const r = parseIsoTime(s);
    if (!r) raise(E.ValueError, `Invalid isoformat string: ${abs.repr(args[0])}`);
    const tz = tzFromOffset(r[4]);
    try {
      return newTime(r[0], r[1], r[2], r[3], tz, 0, cls as PyType);
    } finally {
      if (tz) decref(tz);
    }
  });
  cmpSlots(T, (a, b, op) => {
    if (!isTime(a) || !isTime(b)) return notImpl();
    const base = (t: PyTime) => (t.hh * 3600 + t.mi * 60 + t.ss) * 1000000 + t.us;
    if (a.tz === b.tz) return cmpInts(sign(base(a) - base(b)), op);
    const o1 = tzOffset(a.tz, None, 'utcoffset');
    const o2 = tzOffset(b.tz, None, 'utcoffset');
    if (o1 === o2) return cmpInts(sign(base(a) - base(b)), op);
    if (o1 !== null && o2 !== null) return cmpInts(sign(base(a) - o1 - (base(b) - o2)), op);
    if (op === Cmp.EQ) return newBool(false);
    if (op === Cmp.NE) return newBool(true);
    typeError("can't compare offset-naive and offset-aware times");
  });
  defAttr(T, 'min', immortal(new PyTime(T, 0, 0, 0, 0, 0, null)));
  defAttr(T, 'max', immortal(new PyTime(T, 23, 59, 59, 999999, 0, null)));
  defAttr(T, 'resolution', immortal(new PyDelta(DeltaType, 0, 0, 1)));
}
function fmtVia(o: PyObject, args: PyObject[], kw: string[] | null): PyObject {
  if (kw && kw.length) typeError('__format__() takes no keyword arguments');
  if (args.length !== 1) typeError(`__format__() takes exactly one argument (${args.length} given)`);
  const f = strArgOf(args[0], '__format__', 1);
  if (!f.length) return newStr(abs.str(o));
  const m = abs.getAttr(o, 'strftime');
  try {
    return abs.call(m, [args[0]], null);
  } finally {
    decref(m);
  }
}

// ------------------------------------------------------------------ datetime
function isDT(o: PyObject): o is PyDateTime {
  return o instanceof PyDateTime;
}
/** the datetime's fields as microseconds since 0001-01-01 minus one day (naive) */
function dtUs(d: PyDateTime): bigint {
  return BigInt(ymdToOrd(d.y, d.m, d.d)) * US_PER_DAY + BigInt((d.hh * 3600 + d.mi * 60 + d.ss) * 1000000 + d.us);
}
/** the naive fields of a microsecond count: OverflowError past the range */
function fieldsOfUs(total: bigint): [number, number, number, number, number, number, number] {
  let ord = total / US_PER_DAY;
  let rem = total - ord * US_PER_DAY;
  if (rem < 0n) {
    rem += US_PER_DAY;
    ord -= 1n;
  }
  if (ord < 1n || ord > 3652059n) raise(E.OverflowError, 'date value out of range');
  const [y, m, d] = ordToYmd(Number(ord));
  const r = Number(rem);
  const s = Math.floor(r / 1000000);
  return [y, m, d, Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60, r - s * 1000000];
}
/** add_datetime_timedelta (the result keeps the type and tzinfo, fold 0) */
function dtAddUs(d: PyDateTime, us: bigint): PyObject {
  const [y, m, dd, h, mi, s, u] = fieldsOfUs(dtUs(d) + us);
  return newDateTime(y, m, dd, h, mi, s, u, d.tz, 0, d.type);
}
function dtOffset(d: PyDateTime): number | null {
  return tzOffset(d.tz, d, 'utcoffset');
}

function installDateTime(): void {
  const T = DateTimeType;
  const names = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold'];
  T.slots.new = (t, args, kw) => {
    const st = stateArg(args, kw, 10, (b) => (b[2] & 127) >= 1 && (b[2] & 127) <= 12);
    if (st) {
      const z = args.length === 2 ? checkTzinfo(args[1]) : null;
      return born(new PyDateTime(t, st[0] * 256 + st[1], st[2] & 127, st[3], st[4], st[5], st[6], (st[7] << 16) | (st[8] << 8) | st[9], st[2] >> 7, z));
    }
    const a = parseKw(null, names, 8, 3, args, kw);
    const y = cInt(a[0], 0);
    const mo = cInt(a[1], 0);
    const d = cInt(a[2], 0);
    const h = cInt(a[3], 0);
    const mi = cInt(a[4], 0);
    const s = cInt(a[5], 0);
    const us = cInt(a[6], 0);
    const tz = a[7] === undefined ? null : a[7];
    const fold = cInt(a[8], 0);
    checkDateArgs(y, mo, d);
    checkTimeArgs(h, mi, s, us, fold);
    const z = tz === null ? null : checkTzinfo(tz);
    return born(new PyDateTime(t, y, mo, d, h, mi, s, us, fold, z));
  };
  T.slots.repr = (o) => {
    const d = o as PyDateTime;
    let r = `${o.type.name}(${d.y}, ${d.m}, ${d.d}, ${d.hh}, ${d.mi}`;
    if (d.us) r += `, ${d.ss}, ${d.us}`;
    else if (d.ss) r += `, ${d.ss}`;
    if (d.fold) r += ', fold=1';
    if (d.tz) r += `, tzinfo=${abs.repr(d.tz)}`;
    return r + ')';
  };
  T.slots.str = (o) => {
    const sep = newStr(' ');
    try {
      const r = abs.callSpecial(o, 'isoformat', [sep]);
      try {
        return abs.str(r!);
      } finally {
        decref(r!);
      }
    } finally {
      decref(sep);
    }
  };
  // datetime_hash
  T.slots.hash = (o) => {
    const d = o as PyDateTime;
    if (d.hashcode === -1) d.hashcode = dtHash(d);
    return d.hashcode;
  };
  const dtHash = (d: PyDateTime): number | bigint => {
    let off: number | null;
    if (d.fold) {
      const t0 = newDateTime(d.y, d.m, d.d, d.hh, d.mi, d.ss, d.us, d.tz, 0);
      try {
        off = dtOffset(t0 as PyDateTime);
      } finally {
        decref(t0);
      }
    } else off = dtOffset(d);
    if (off === null) {
      return hashBytes(new Uint8Array([d.y >> 8, d.y & 255, d.m, d.d, d.hh, d.mi, d.ss, d.us >> 16, (d.us >> 8) & 255, d.us & 255]));
    }
    const td = deltaFromUs(dtUs(d) - BigInt(off));
    try {
      return DeltaType.slots.hash!(td);
    } finally {
      decref(td);
    }
  };
  getter<PyDateTime>(T, 'hour', (o) => newInt(o.hh));
  getter<PyDateTime>(T, 'minute', (o) => newInt(o.mi));
  getter<PyDateTime>(T, 'second', (o) => newInt(o.ss));
  getter<PyDateTime>(T, 'microsecond', (o) => newInt(o.us));
  getter<PyDateTime>(T, 'fold', (o) => newInt(o.fold));
  getter<PyDateTime>(T, 'tzinfo', (o) => newRef(o.tz ?? None));
  const tzArg = (o: PyObject | undefined): PyObject | null => (o === undefined ? null : checkTzinfo(o));
  cmeth(T, 'now', (args, kw, cls) => {
    const a = parseKw('now', ['tz'], 1, 0, args, kw);
    const tz = tzArg(a[0]);
    const [sec, us] = floatTimestamp(nowWall());
    return datetimeFromTimestamp(cls as PyType, sec, us, tz, false);
  });
  cmeth(T, 'utcnow', (args, kw, cls) => {
    noArgs(T, 'utcnow', args, kw);
    const [sec, us] = floatTimestamp(nowWall());
    return datetimeFromTimestamp(cls as PyType, sec, us, null, true);
  });
  cmeth(T, 'fromtimestamp', (args, kw, cls) => {
    const a = parseKw('fromtimestamp', ['timestamp', 'tz'], 2, 1, args, kw);
    const tz = tzArg(a[1]);
    const [sec, us] = timestampArg(a[0]!);
    return datetimeFromTimestamp(cls as PyType, sec, us, tz, false);
  });
  cmeth(T, 'utcfromtimestamp', (args, kw, cls) => {
    if (kw && kw.length) typeError('datetime.utcfromtimestamp() takes no keyword arguments');
    if (args.length !== 1) typeError(`datetime.utcfromtimestamp() takes exactly one argument (${args.length} given)`);
    const [sec, us] = timestampArg(args[0]);
    return datetimeFromTimestamp(cls as PyType, sec, us, null, true);
  });
  cmeth(T, 'combine', (args, kw, cls) => {
    const a = parseKw('combine', ['date', 'time', 'tzinfo'], 3, 2, args, kw);
    const d = a[0]!;
    const t = a[1]!;
    if (!isDate(d)) typeError(`combine() argument 1 must be datetime.date, not ${d.type.name}`);
    if (!isTime(t)) typeError(`combine() argument 2 must be datetime.time, not ${t.type.name}`);
    const tz = a[2] === undefined ? t.tz : checkTzinfo(a[2]);
    return newDateTime(d.y, d.m, d.d, t.hh, t.mi, t.ss, t.us, tz, t.fold, cls as PyType);
  });
  cmeth(T, 'fromisoformat', (args, kw, cls) => {
    const s = isoArg(args, kw);
    const bad = (): never => raise(E.ValueError, `Invalid isoformat string: ${abs.repr(args[0])}`);
    const dp = parseIsoDate(s, 0);
    if (!dp) bad();
    const [y, m, d, end] = dp!;
    let tm: [number, number, number, number, number | null] = [0, 0, 0, 0, null];
    if (end < s.length) {
      const r = parseIsoTime(s.slice(end + 1));
      if (!r) bad();
      tm = r!;
    }
    const tz = tzFromOffset(tm[4]);
    try {
      return newDateTime(y, m, d, tm[0], tm[1], tm[2], tm[3], tz, 0, cls as PyType);
    } finally {
      if (tz) decref(tz);
    }
  });
  cmeth(T, 'strptime', (args, kw, cls) => {
    if (args.length !== 2) typeError(`strptime() takes exactly 2 arguments (${args.length} given)`);
    const data = strArgOf(args[0], 'strptime', 1);
    const fmt = strArgOf(args[1], 'strptime', 2);
    const r = strptime(data, fmt);
    const tz = r.gmtoff === null ? null : tzFromStrptime(r.gmtoff, r.tzname);
    try {
      return newDateTime(r.y, r.m, r.d, r.hh, r.mi, r.ss, r.us, tz, 0, cls as PyType);
    } finally {
      if (tz) decref(tz);
    }
  });
  meth0(T, 'date', PyDateTime, (d) => newDate(d.y, d.m, d.d));
  meth0(T, 'time', PyDateTime, (d) => newTime(d.hh, d.mi, d.ss, d.us, null, d.fold));
  meth0(T, 'timetz', PyDateTime, (d) => newTime(d.hh, d.mi, d.ss, d.us, d.tz, d.fold));
  meth0(T, 'ctime', PyDateTime, (d) => newStr(ctimeOf(d.y, d.m, d.d, d.hh, d.mi, d.ss)));
  meth0(T, 'utcoffset', PyDateTime, (d) => tzOffsetObj(d.tz, d, 'utcoffset'));
  meth0(T, 'dst', PyDateTime, (d) => tzOffsetObj(d.tz, d, 'dst'));
  meth0(T, 'tzname', PyDateTime, (d) => tzNameObj(d.tz, d));
  meth0(T, 'timestamp', PyDateTime, (d) => {
    const off = dtOffset(d);
    if (off !== null) {
      const u = dtUs(d) - BigInt(off) - BigInt(719163) * US_PER_DAY;
      return newFloat(N.intTrueDiv(N.norm(u), 1000000));
    }
    const sec = localToSeconds(d.y, d.m, d.d, d.hh, d.mi, d.ss);
    return newFloat(sec + d.us / 1e6);
  });
  meth(T, 'isoformat', PyDateTime, (d, args, kw) => {
    const a = parseKw('isoformat', ['sep', 'timespec'], 2, 0, args, kw);
    let sep = 'T';
    if (a[0] !== undefined) {
      const s = a[0];
      if (!(s instanceof PyStr) || [...s.v].length !== 1) typeError(`isoformat() argument 1 must be a unicode character, not ${s instanceof PyStr ? 'str' : s.type.name}`);
      sep = s.v;
    }
    const spec = strArgOf(a[1], 'isoformat', 2) || 'auto';
    if (!TIMESPECS.includes(spec)) raise(E.ValueError, 'Unknown timespec value');
    return newStr(dateIso(d) + sep + formatTimeSpec(d.hh, d.mi, d.ss, d.us, spec) + formatOffset(dtOffset(d), ':'));
  });
  meth(T, 'strftime', PyDateTime, (d, args, kw) => {
    const a = parseKw('strftime', ['format'], 1, 1, args, kw);
    const f = strArgOf(a[0], 'strftime', 1);
    return viaTimeStrftime(true, () => strftime(f, d.y, d.m, d.d, d.hh, d.mi, d.ss, d.us, d.tz, d));
  });
  meth(T, '__format__', PyDateTime, (d, args, kw) => fmtVia(d, args, kw));
  meth(T, 'replace', PyDateTime, (d, args, kw) => {
    const a = parseKw('replace', names, 8, 0, args, kw);
    const tz = a[7] === undefined ? d.tz : checkTzinfo(a[7]);
    const v = [cInt(a[0], d.y), cInt(a[1], d.m), cInt(a[2], d.d), cInt(a[3], d.hh), cInt(a[4], d.mi), cInt(a[5], d.ss), cInt(a[6], d.us)];
    builtTuple(v, tz);
    return newDateTime(v[0], v[1], v[2], v[3], v[4], v[5], v[6], tz, cInt(a[8], d.fold), d.type);
  });
  meth(T, 'astimezone', PyDateTime, (d, args, kw) => {
    const a = parseKw('astimezone', ['tz'], 1, 0, args, kw);
    let tz = a[0] === undefined || a[0] === None ? null : checkTzinfo(a[0]);
    if (tz !== null && d.tz === tz) return newRef(d);
    // the UTC time of self (a naive datetime is local time)
    const off = dtOffset(d);
    let utcUs: bigint;
    if (off === null) {
      const sec = localToSeconds(d.y, d.m, d.d, d.hh, d.mi, d.ss);
      utcUs = BigInt(sec + 62135683200) * 1000000n + BigInt(d.us);
    } else utcUs = dtUs(d) - BigInt(off);
    let own = false;
    if (tz === null) {
      const sec = Number(utcUs / 1000000n) - 62135683200;
      tz = localTimezone(sec);
      own = true;
    }
    try {
      const [y, m, dd, h, mi, s, u] = fieldsOfUs(utcUs);
      const utc = newDateTime(y, m, dd, h, mi, s, u, tz, 0, d.type);
      try {
        return callTz(tz, 'fromutc', utc);
      } finally {
        decref(utc);
      }
    } finally {
      if (own) decref(tz);
    }
  });
  meth0(T, 'timetuple', PyDateTime, (d) => {
    // datetime_timetuple: tm_isdst from tzinfo.dst()
    const dst = tzOffset(d.tz, d, 'dst');
    return structTime(d.y, d.m, d.d, d.hh, d.mi, d.ss, dst === null ? -1 : dst ? 1 : 0);
  });
  meth0(T, 'utctimetuple', PyDateTime, (d) => {
    const off = dtOffset(d);
    const f = off === null ? [d.y, d.m, d.d, d.hh, d.mi, d.ss] : fieldsOfUs(dtUs(d) - BigInt(off));
    return structTime(f[0], f[1], f[2], f[3], f[4], f[5], 0);
  });
  binSlot(T, '__add__', '__radd__', (a, b) => {
    if (isDT(a) && isDelta(b)) return dtAddUs(a, deltaUs(b));
    if (isDT(b) && isDelta(a)) return dtAddUs(b, deltaUs(a));
    return notImpl();
  });
  binSlot(T, '__sub__', '__rsub__', (a, b) => {
    if (!isDT(a)) return notImpl();
    if (isDelta(b)) return dtAddUs(a, -deltaUs(b));
    if (!isDT(b)) return notImpl();
    // datetime_subtract
    let o1: number | null = null;
    let o2: number | null = null;
    if (a.tz !== b.tz) {
      o1 = dtOffset(a);
      o2 = dtOffset(b);
      if ((o1 === null) !== (o2 === null)) typeError("can't subtract offset-naive and offset-aware datetimes");
    }
    return deltaFromUs(dtUs(a) - dtUs(b) - BigInt((o1 ?? 0) - (o2 ?? 0)));
  });
  cmpSlots(T, (a, b, op) => {
    // datetime_richcompare
    if (!isDT(a)) return notImpl();
    if (!isDT(b)) {
      if (isDate(b)) {
        if (op === Cmp.EQ) return newBool(false);
        if (op === Cmp.NE) return newBool(true);
        typeError(`can't compare ${a.type.name} to ${b.type.name}`);
      }
      return notImpl();
    }
    if (a.tz === b.tz) return cmpInts(sign(dtUs(a) - dtUs(b)), op);
    const o1 = dtOffset(a);
    const o2 = dtOffset(b);
    if (o1 === o2) return cmpInts(sign(dtUs(a) - dtUs(b)), op);
    if (o1 !== null && o2 !== null) return cmpInts(sign(dtUs(a) - BigInt(o1) - (dtUs(b) - BigInt(o2))), op);
    if (op === Cmp.EQ) return newBool(false);
    if (op === Cmp.NE) return newBool(true);
    typeError("can't compare offset-naive and offset-aware datetimes");
  });
  defAttr(T, 'min', immortal(new PyDateTime(T, 1, 1, 1, 0, 0, 0, 0, 0, null)));
  defAttr(T, 'max', immortal(new PyDateTime(T, 9999, 12, 31, 23, 59, 59, 999999, 0, null)));
  defAttr(T, 'resolution', immortal(new PyDelta(DeltaType, 0, 0, 1)));
}

// ------------------------------------------------------------------ what every type has
const DOCS: [PyType, string][] = [
  [DateType, 'date(year, month, day) --> date object'],
  [DateTimeType, 'datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\nThe year, month and day arguments are required. tzinfo may be None, or an\ninstance of a tzinfo subclass. The remaining arguments may be ints.\n'],
  [TimeType, 'time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll arguments are optional. tzinfo may be None, or an instance of\na tzinfo subclass. The remaining arguments may be ints.\n'],
  [DeltaType, 'Difference between two datetime values.\n\ntimedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\nAll arguments are optional and default to 0.\nArguments may be integers or floats, and may be positive or negative.'],
  [TzinfoType, 'Abstract base class for time zone info objects.'],
  [TimezoneType, 'Fixed offset from UTC implementation of tzinfo.'],
];
/** __doc__, `T.__new__` (tp_new_wrapper) and the slot wrappers of tp_repr, tp_str, tp_hash */
function installCommon(): void {
  for (const [T, doc] of DOCS) {
    defAttr(T, '__doc__', immortal(newStr(doc)));
    defNew(T);
    const { repr, str, hash } = T.slots;
    if (repr && T !== TzinfoType) unSlot(T, '__repr__', (o) => newStr(repr(o)));
    if (str) unSlot(T, '__str__', (o) => newStr(str(o)));
    if (hash) unSlot(T, '__hash__', (o) => newInt(hash(o)));
  }
}

// ------------------------------------------------------------------ pickling (__reduce__)
function dateBytes(d: PyDate, foldBit: number): number[] {
  return [d.y >> 8, d.y & 255, d.m | foldBit, d.d];
}
function timeBytes(hh: number, mi: number, ss: number, us: number, foldBit: number): number[] {
  return [hh | foldBit, mi, ss, us >> 16, (us >> 8) & 255, us & 255];
}
/** date_reduce / datetime_reduce_ex / time_reduce_ex: (type, (state bytes[, tzinfo])) */
function reduceValue(o: PyObject, proto: number): PyObject {
  let bytes: number[];
  let tz: PyObject | null = null;
  if (o instanceof PyDateTime) {
    bytes = [...dateBytes(o, proto > 3 && o.fold ? 128 : 0), ...timeBytes(o.hh, o.mi, o.ss, o.us, 0)];
    tz = o.tz;
  } else if (o instanceof PyDate) bytes = dateBytes(o, 0);
  else if (o instanceof PyTime) {
    bytes = timeBytes(o.hh, o.mi, o.ss, o.us, proto > 3 && o.fold ? 128 : 0);
    tz = o.tz;
  } else {
    const d = o as PyDelta;
    return newTuple([newRef(o.type), newTuple([newInt(d.days), newInt(d.secs), newInt(d.us)])]);
  }
  const items: PyObject[] = [newBytes(new Uint8Array(bytes))];
  if (tz) items.push(newRef(tz));
  return newTuple([newRef(o.type), newTuple(items)]);
}
function installReduce(): void {
  meth0(DateType, '__reduce__', PyDate, (d) => reduceValue(d, 2));
  meth0(DeltaType, '__reduce__', PyDelta, (d) => reduceValue(d, 2));
  for (const [T, cls] of [[DateTimeType, PyDateTime], [TimeType, PyTime]] as const) {
    meth0(T, '__reduce__', cls as new (...a: never[]) => PyObject, (d) => reduceValue(d, 2));
    meth(T, '__reduce_ex__', cls as new (...a: never[]) => PyObject, (d, args, kw) => {
      if (kw && kw.length) typeError('__reduce_ex__() takes no keyword arguments');
      if (args.length !== 1) typeError(`__reduce_ex__() takes exactly one argument (${args.length} given)`);
      return reduceValue(d, cInt(args[0], 0));
    });
  }
  meth0(TimezoneType, '__getinitargs__', PyTimezone, (z) => newTuple(z.name ? [newRef(z.offset), newRef(z.name)] : [newRef(z.offset)]));
  // tzinfo_reduce: (type, __getinitargs__() or (), __getstate__() or None)
  const tzReduce = (args: PyObject[], _kw: string[] | null, self: PyObject | null): PyObject => {
    const o = self ?? args[0];
    const gi = abs.callSpecial(o, '__getinitargs__', []);
    const initArgs = gi ?? newTuple([]);
    let state: PyObject | null = null;
    try {
      state = abs.callSpecial(o, '__getstate__', []);
    } catch (e) {
      decref(initArgs);
      throw e;
    }
    return newTuple([newRef(o.type), initArgs, state ?? newRef(None)]);
  };
  defMethod(TzinfoType, '__reduce__', tzReduce);
  // (CPython's timezone inherits it; RefScope's copy module looks in the class's own dict)
  defMethod(TimezoneType, '__reduce__', tzReduce);
}
/** the pickle constructors: date(b'...'), datetime(b'...'[, tzinfo]), time(b'...'[, tzinfo]) */
function stateArg(args: PyObject[], kw: string[] | null, len: number, ok: (b: Uint8Array) => boolean): Uint8Array | null {
  if (kw && kw.length) return null;
  if (args.length < 1 || args.length > 2) return null;
  const a = args[0];
  if (!(a instanceof PyBytes) || a.type !== BytesType_() || a.v.length !== len || !ok(a.v)) return null;
  return a.v;
}
function BytesType_(): PyType {
  return newBytesType;
}
const newBytesType = (newBytes(new Uint8Array([1, 2])) as PyObject).type;

// ------------------------------------------------------------------ the modules
const IsoCalendarDateType = structSeqType('datetime', 'IsoCalendarDate', ['year', 'week', 'weekday']);
IsoCalendarDateType.basicsize = 32;

let installed = false;
function installAll(): void {
  if (installed) return;
  installed = true;
  installDelta();
  installDate();
  installTzinfo();
  installTime();
  installDateTime();
  installCommon();
  installReduce();
}

// datetime_CAPI: a PyCapsule holding the C API table (not a gc object)
const CapsuleType = makeType('PyCapsule', null, 0, 48);
CapsuleType.slots.repr = (o) => `<capsule object "datetime.datetime_CAPI" at 0x${addressOf(o).toString(16)}>`;
const CAPI = immortal(new PyObject(CapsuleType));

registerModule('_datetime', (m: ModuleBuilder) => {
  m.set('datetime_CAPI', CAPI);
  installAll();
  m.own('MINYEAR', newInt(MINYEAR));
  m.own('MAXYEAR', newInt(MAXYEAR));
  m.set('date', DateType);
  m.set('datetime', DateTimeType);
  m.set('time', TimeType);
  m.set('timedelta', DeltaType);
  m.set('tzinfo', TzinfoType);
  m.set('timezone', TimezoneType);
  m.set('UTC', UTC);
  m.own('__doc__', newStr('Fast implementation of the datetime type.'));
});

// Lib/datetime.py as it ends up once the C module is there
registerModule('datetime', (m: ModuleBuilder) => {
  setStdlibFile(m, 'datetime.py');
  execSource(
    m,
    `"""Fast implementation of the datetime type."""
import sys
from _datetime import *
__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR", "UTC")
`,
    '<frozen datetime>',
  );
});
