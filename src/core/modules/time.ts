// The time module (Modules/timemodule.c: time_time, time_perf_counter, time_monotonic,
// time_gmtime/localtime via _PyTime_gmtime, time_strftime, time_asctime, time_mktime) with
// struct_time as a named tuple type written in Python source. sleep() does not block: it
// advances the clocks the program sees (bounded, like a fast-forward).

import { PyObject, decref } from '../runtime/object';
import { registerModule, parseArgs } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { PyInt, newInt } from '../runtime/objects/int';
import { PyFloat, newFloat } from '../runtime/objects/float';
import { PyStr, newStr, internStr } from '../runtime/objects/str';
import { newTuple } from '../runtime/objects/tuple';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { execSource, toDouble, pyInt } from './modutil';

let skew = 0; // seconds added by sleep()
/** time passes without the program running (sleep(), a wait that ends by its timeout): the
 * clocks it sees advance by `secs` (at most an hour at a time, a fast-forward) */
export function advanceClock(secs: number): void {
  skew += Math.min(secs, 3600);
}
const t0 = Date.now();
function nowPerf(): number {
  const p = (globalThis as { performance?: { now(): number } }).performance;
  return (p ? p.now() : Date.now() - t0) / 1000 + skew;
}
export function nowWall(): number {
  return Date.now() / 1000 + skew;
}
let cpuStart = -1;
function nowProcess(): number {
  const p = nowPerf();
  if (cpuStart < 0) cpuStart = p;
  return p - cpuStart;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAYS_FULL = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type TM = [number, number, number, number, number, number, number, number, number];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function yday(y: number, m: number, d: number): number {
  const cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  return cum[m - 1] + d + (m > 2 && isLeap(y) ? 1 : 0);
}
function fromDate(d: Date, utc: boolean): TM {
  const y = utc ? d.getUTCFullYear() : d.getFullYear();
  const mo = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const da = utc ? d.getUTCDate() : d.getDate();
  const h = utc ? d.getUTCHours() : d.getHours();
  const mi = utc ? d.getUTCMinutes() : d.getMinutes();
  const s = utc ? d.getUTCSeconds() : d.getSeconds();
  const wd = ((utc ? d.getUTCDay() : d.getDay()) + 6) % 7;
  let dst = 0;
  if (!utc) {
    const jan = new Date(y, 0, 1).getTimezoneOffset();
    const jul = new Date(y, 6, 1).getTimezoneOffset();
    dst = Math.max(jan, jul) !== d.getTimezoneOffset() ? 1 : 0;
  }
  return [y, mo, da, h, mi, s, wd, yday(y, mo, da), dst];
}

function secondsArg(o: PyObject | undefined): number {
  if (o === undefined || o === None) return nowWall();
  if (!(o instanceof PyInt) && !(o instanceof PyFloat)) {
    if (!abs.typeLookup(o.type, '__float__') && !abs.typeLookup(o.type, '__index__')) typeError(`'${o.type.name}' object cannot be interpreted as an integer`);
  }
  const x = toDouble(o);
  if (!Number.isFinite(x)) raise(E.ValueError, Number.isNaN(x) ? 'Invalid value NaN (not a number)' : 'timestamp out of range for platform time_t');
  return x;
}

function tmTuple(tm: TM): PyObject {
  return newTuple(tm.map((v) => newInt(v)));
}

/** a struct_time or 9-tuple -> numbers */
function tmArg(o: PyObject, fname: string): TM {
  const items = abs.toArray(o);
  try {
    if (items.length !== 9) typeError(`${fname}(): illegal time tuple argument`);
    return items.map((x) => Number(abs.index(x))) as TM;
  } finally {
    for (const x of items) decref(x);
  }
}

function pad(n: number, w: number, c = '0'): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(w, c);
}

/** glibc strftime's ISO 8601 week-based year and week number (iso_week_days; `yd` 1-based,
 * `wd` Monday = 0 as in a struct_time) */
function isoWeek(y: number, yd: number, wd: number): [number, number] {
  const leap = (n: number) => (n % 4 === 0 && (n % 100 !== 0 || n % 400 === 0) ? 1 : 0);
  const wday = (wd + 1) % 7;
  const days = (yday: number) => yday - ((yday - wday + 4 + 378) % 7) + 3;
  let year = y;
  let n = days(yd - 1);
  if (n < 0) {
    year--;
    n = days(yd - 1 + 365 + leap(year));
  } else {
    const next = days(yd - 1 - (365 + leap(year)));
    if (next >= 0) {
      year++;
      n = next;
    }
  }
  return [year, Math.floor(n / 7) + 1];
}

/** strftime with the C library's (glibc, C locale) conversions, and glibc's flags after the %:
 * `-` no padding, `_` spaces, `0` zeros, `^` upper case, `#` swapped case, then a field width
 * (`%-d/%-m`, `%_H`, `%^a`, `%10Y`); an E or O modifier is accepted and ignored. */
export function strftime(fmt: string, tm: TM, utc: boolean): string {
  const [y, mo, d, h, mi, s, wd, yd] = tm;
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const start = i;
    let flag = '';
    while (i + 1 < fmt.length && '-_0^#'.includes(fmt[i + 1])) flag += fmt[++i];
    let width = -1;
    while (i + 1 < fmt.length && fmt[i + 1] >= '0' && fmt[i + 1] <= '9') width = Math.max(0, width) * 10 + Number(fmt[++i]);
    if (i + 1 < fmt.length && (fmt[i + 1] === 'E' || fmt[i + 1] === 'O')) i++;
    if (i + 1 >= fmt.length) {
      out += fmt.slice(start);
      break;
    }
    const k = fmt[++i];
    const r = conversion(k, y, mo, d, h, mi, s, wd, yd, utc);
    if (r === null) {
      // an unknown conversion is copied as it was written
      out += fmt.slice(start, i + 1);
      continue;
    }
    out += applyFlags(r, flag, width, k);
  }
  return out;
}

/** a conversion's text: [digits, default width, default pad] for a number, or its string */
type Conv = [number, number, ' ' | '0'] | string;

function applyFlags(r: Conv, flag: string, width: number, k: string): string {
  let text: string;
  if (typeof r === 'string') {
    text = r;
    if (flag.includes('#')) text = k === 'p' || k === 'Z' ? text.toLowerCase() : text.toUpperCase();
    if (flag.includes('^')) text = text.toUpperCase();
    if (width > text.length) text = (flag.includes('0') ? '0' : ' ').repeat(width - text.length) + text;
    return text;
  }
  const [n, w, pc] = r;
  const neg = n < 0;
  const digits = String(Math.abs(n));
  if (flag.includes('-')) return (neg ? '-' : '') + digits;
  const padc = flag.includes('_') ? ' ' : flag.includes('0') ? '0' : pc;
  const total = Math.max(width >= 0 ? width : w, 0);
  const body = (neg ? '-' : '') + digits;
  if (body.length >= total) return body;
  return padc === '0' ? (neg ? '-' : '') + digits.padStart(total - (neg ? 1 : 0), '0') : body.padStart(total, ' ');
}

function conversion(k: string, y: number, mo: number, d: number, h: number, mi: number, s: number, wd: number, yd: number, utc: boolean): Conv | null {
  const h12 = h % 12 === 0 ? 12 : h % 12;
  switch (k) {
    case 'a': return DAYS[wd];
    case 'A': return DAYS_FULL[wd];
    case 'b': case 'h': return MONTHS[mo - 1];
    case 'B': return MONTHS_FULL[mo - 1];
    case 'c': return `${DAYS[wd]} ${MONTHS[mo - 1]} ${pad(d, 2, ' ')} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${y}`;
    case 'd': return [d, 2, '0'];
    case 'e': return [d, 2, ' '];
    case 'D': return `${pad(mo, 2)}/${pad(d, 2)}/${pad(y % 100, 2)}`;
    case 'F': return `${y}-${pad(mo, 2)}-${pad(d, 2)}`;
    case 'H': return [h, 2, '0'];
    case 'k': return [h, 2, ' '];
    case 'I': return [h12, 2, '0'];
    case 'l': return [h12, 2, ' '];
    case 'j': return [yd, 3, '0'];
    case 'm': return [mo, 2, '0'];
    case 'M': return [mi, 2, '0'];
    case 'n': return '\n';
    case 't': return '\t';
    case 'p': return h < 12 ? 'AM' : 'PM';
    case 'P': return h < 12 ? 'am' : 'pm';
    case 'S': return [s, 2, '0'];
    case 'T': return `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
    case 'R': return `${pad(h, 2)}:${pad(mi, 2)}`;
    case 'r': return `${pad(h12, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${h < 12 ? 'AM' : 'PM'}`;
    case 'u': return [wd + 1, 1, '0'];
    case 'w': return [(wd + 1) % 7, 1, '0'];
    case 'x': return `${pad(mo, 2)}/${pad(d, 2)}/${pad(y % 100, 2)}`;
    case 'X': return `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
    case 'y': return [y % 100, 2, '0'];
    case 'Y': return [y, 1, '0'];
    case 'C': return [Math.floor(y / 100), 2, '0'];
    case 'U': return [Math.floor((yd - 1 + 7 - ((wd + 1) % 7)) / 7), 2, '0'];
    case 'W': return [Math.floor((yd - 1 + 7 - wd) / 7), 2, '0'];
    case 'z': {
      if (utc) return '+0000';
      const off = -new Date(y, mo - 1, d, h, mi, s).getTimezoneOffset();
      return (off < 0 ? '-' : '+') + pad(Math.floor(Math.abs(off) / 60), 2) + pad(Math.abs(off) % 60, 2);
    }
    case 'Z': return utc ? 'GMT' : tzName();
    case 's': return [Math.floor(Date.UTC(y, mo - 1, d, h, mi, s) / 1000), 1, '0'];
    case 'G': return [isoWeek(y, yd, wd)[0], 1, '0'];
    case 'g': return [(isoWeek(y, yd, wd)[0] % 100 + 100) % 100, 2, '0'];
    case 'V': return [isoWeek(y, yd, wd)[1], 2, '0'];
    case '%': return '%';
  }
  return null;
}
let tzFormat: Intl.DateTimeFormat | null = null;
export function tzName(): string {
  // (a zone that is UTC all year needs no Intl: making the formatter loads ICU's zone data, a
  // few milliseconds of every `import time`)
  if (isUTCZone()) return 'UTC';
  try {
    tzFormat ??= new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    const parts = tzFormat.formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
  } catch {
    return 'UTC';
  }
}

function asctime(tm: TM): string {
  const [y, mo, d, h, mi, s, wd] = tm;
  return `${DAYS[wd]} ${MONTHS[mo - 1]} ${pad(d, 2, ' ')} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${y}`;
}

const TIME_SRC = `
class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    _f = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
    def __new__(cls, seq, zone=None, gmtoff=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % len(seq))
        if len(seq) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)' % len(seq))
        self = tuple.__new__(cls, seq[:9])
        return self
    def __repr__(self):
        return 'time.struct_time(' + ', '.join('%s=%r' % (n, v) for n, v in zip(_FIELDS, self)) + ')'
    def __reduce__(self):
        return (struct_time, (tuple(self),))
    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: _zone(self[8]))
    tm_gmtoff = property(lambda self: _gmtoff(self[8]))
struct_time.__module__ = 'time'
_FIELDS = struct_time._f
del struct_time._f
`;

registerModule('time', (m) => {
  m.fn('time', () => newFloat(nowWall()));
  m.fn('time_ns', () => pyInt(BigInt(Math.round(nowWall() * 1e6)) * 1000n));
  m.fn('perf_counter', () => newFloat(nowPerf()));
  m.fn('perf_counter_ns', () => pyInt(BigInt(Math.round(nowPerf() * 1e9))));
  m.fn('monotonic', () => newFloat(nowPerf()));
  m.fn('monotonic_ns', () => pyInt(BigInt(Math.round(nowPerf() * 1e9))));
  m.fn('process_time', () => newFloat(nowProcess()));
  m.fn('process_time_ns', () => pyInt(BigInt(Math.round(nowProcess() * 1e9))));
  m.fn('thread_time', () => newFloat(nowProcess()));
  m.fn('sleep', (args, kw) => {
    const [s] = parseArgs({ name: 'sleep', params: ['secs'], required: 1 }, args, kw);
    if (!(s instanceof PyInt) && !(s instanceof PyFloat)) typeError(`'${s!.type.name}' object cannot be interpreted as an integer`);
    const x = toDouble(s!);
    if (x < 0) raise(E.ValueError, 'sleep length must be non-negative');
    advanceClock(x);
    return newRef0();
  });
  m.fn('_gmtime', (args) => tmTuple(fromDate(new Date(Math.floor(secondsArg(args[0])) * 1000), true)));
  m.fn('_localtime', (args) => tmTuple(fromDate(new Date(Math.floor(secondsArg(args[0])) * 1000), false)));
  m.fn('_zone', (args) => newStr(args[0] instanceof PyInt && args[0].v === 0 && isUTCZone() ? 'UTC' : tzName()));
  m.fn('_gmtoff', () => newInt(-new Date().getTimezoneOffset() * 60));
  m.fn('mktime', (args) => {
    const tm = tmArg(args[0], 'mktime');
    return newFloat(new Date(tm[0], tm[1] - 1, tm[2], tm[3], tm[4], tm[5]).getTime() / 1000);
  });
  m.fn('strftime', (args, kw) => {
    const [f, t] = parseArgs({ name: 'strftime', params: ['format', 'tuple'], required: 1 }, args, kw);
    if (!(f instanceof PyStr)) typeError(`strftime() argument 1 must be str, not ${f!.type.name}`);
    const tm = t === undefined ? fromDate(new Date(nowWall() * 1000), false) : tmArg(t, 'strftime');
    if (tm[1] < 1 || tm[1] > 12) raise(E.ValueError, 'month out of range');
    if (tm[2] < 1 || tm[2] > 31) raise(E.ValueError, 'day of month out of range');
    if (tm[3] < 0 || tm[3] > 23) raise(E.ValueError, 'hour out of range');
    if (tm[4] < 0 || tm[4] > 59) raise(E.ValueError, 'minute out of range');
    if (tm[5] < 0 || tm[5] > 61) raise(E.ValueError, 'seconds out of range');
    if (tm[7] < 0 || tm[7] > 366) raise(E.ValueError, 'day of year out of range');
    const tm2 = tm.slice() as TM;
    if (tm2[7] === 0) tm2[7] = 1;
    tm2[6] = ((tm2[6] % 7) + 7) % 7;
    return newStr(strftime(f.v, tm2, isUTCZone()));
  });
  m.fn('asctime', (args) => {
    const tm = args.length ? tmArg(args[0], 'asctime') : fromDate(new Date(nowWall() * 1000), false);
    return newStr(asctime(tm));
  });
  m.fn('ctime', (args) => newStr(asctime(fromDate(new Date(Math.floor(secondsArg(args[0])) * 1000), false))));
  m.fn('get_clock_info', () => raise(E.NotImplementedError, 'RefScope: time.get_clock_info is not supported'));
  m.own('timezone', newInt(new Date(2000, 0, 1).getTimezoneOffset() * 60));
  m.own('altzone', newInt(new Date(2000, 6, 1).getTimezoneOffset() * 60));
  m.own('daylight', newInt(new Date(2000, 0, 1).getTimezoneOffset() !== new Date(2000, 6, 1).getTimezoneOffset() ? 1 : 0));
  const tz = tzName();
  m.own('tzname', newTuple([newStr(tz), newStr(tz)]));
  execSource(m, TIME_SRC, '<frozen time>');
  // builtin functions, as in CPython (a class attribute such as logging.Formatter.converter does
  // not bind them as methods): struct_time(tuple)
  for (const [name, utc] of [['gmtime', true], ['localtime', false]] as const) {
    m.fn(name, (args, kw) => {
      // PyArg_ParseTuple(args, "|O:localtime")
      if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
      if (args.length > 1) typeError(`${name}() takes at most 1 argument (${args.length} given)`);
      const tm = tmTuple(fromDate(new Date(Math.floor(secondsArg(args[0])) * 1000), utc));
      try {
        return abs.call(m.dict.getItem(internStr('struct_time'))!, [tm], null);
      } finally {
        decref(tm);
      }
    });
  }
});

function isUTCZone(): boolean {
  return new Date(2000, 0, 1).getTimezoneOffset() === 0 && new Date(2000, 6, 1).getTimezoneOffset() === 0;
}
function newRef0(): PyObject {
  None.rc++;
  return None;
}
