// The re module: Pattern and Match objects (Modules/_sre/sre.c: pattern_match/search/findall/
// finditer/split/subx, match_group/groups/groupdict/span/expand, pattern_repr, match_repr) and
// the module functions of Lib/re/__init__.py (_compile with its cache, escape, sub templates
// as in _parser.parse_template). The matching itself is sre_engine.ts.

import { defClassGetitem } from '../runtime/bootstrap';
import { PyObject, PyType, TypeFlags, Edge, newRef, decref, incref, type Visit } from '../runtime/object';
import { makeType, inModule } from '../runtime/types';
import { registerModule, parseArgs, checkArgs, defGetter, type ModuleBuilder } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { PyInt, newInt } from '../runtime/objects/int';
import { PyStr, StrType, newStr } from '../runtime/objects/str';
import { PyTuple, newTuple } from '../runtime/objects/tuple';
import { PyList, newList, listAppend } from '../runtime/objects/list';
import { PyDict, newDict } from '../runtime/objects/dict';
import { None, NotImplemented } from '../runtime/objects/singletons';
import { True, False } from '../runtime/objects/int';
import { raise, typeError, isPyException } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { gcNewObject } from '../runtime/gc';
import { strRepr } from '../runtime/primitives/intstr';
import { defMethod, execSource, iterType, newIter, setStdlibFile } from './modutil';
import { jsStack } from '../runtime/current';
import { F, ReSyntaxError, ReBudgetError, compileProgram, matchAt, search, type Program, type MatchState } from './sre_engine';

// ------------------------------------------------------------------ types
export class PyPattern extends PyObject {
  constructor(
    type: PyType,
    public pattern: PyStr,
    public prog: Program,
    public flags: number,
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    visit(this.pattern, Edge.OTHER, 'pattern');
  }
  override dealloc(): void {
    decref(this.pattern);
  }
}
export const PatternType = makeType('Pattern', null, TypeFlags.HAVE_GC, 96);
inModule(PatternType, 're');
PatternType.weakrefable = true;

export class PyMatch extends PyObject {
  constructor(
    type: PyType,
    public string: PyStr,
    public re: PyPattern,
    public caps: number[],
    public pos: number,
    public endpos: number,
    public lastindex: number,
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    visit(this.string, Edge.OTHER, 'string');
    visit(this.re, Edge.OTHER, 're');
  }
  override dealloc(): void {
    decref(this.string);
    decref(this.re);
  }
}
export const MatchType = makeType('Match', null, TypeFlags.HAVE_GC, 80);
inModule(MatchType, 're');

// ------------------------------------------------------------------ subjects
const cpCache = new WeakMap<PyStr, Int32Array>();
function codes(s: PyStr): Int32Array {
  let a = cpCache.get(s);
  if (!a) {
    const cps = s.codePoints();
    if (cps) a = Int32Array.from(cps);
    else {
      const v = s.v;
      a = new Int32Array(v.length);
      for (let i = 0; i < v.length; i++) a[i] = v.charCodeAt(i);
    }
    cpCache.set(s, a);
  }
  return a;
}
/** PyUnicode_Substring: the same object for the whole string */
function substr(s: PyStr, a: number, b: number): PyStr {
  const n = s.length;
  if (a <= 0 && b >= n && s.type === StrType) return newRef(s);
  const cps = s.codePoints();
  if (!cps) return newStr(s.v.slice(a, b));
  return newStr(String.fromCodePoint(...cps.slice(a, b)));
}
function substrJS(s: PyStr, a: number, b: number): string {
  const cps = s.codePoints();
  if (!cps) return s.v.slice(a, b);
  return String.fromCodePoint(...cps.slice(a, b));
}

// ------------------------------------------------------------------ errors
let reModuleDict: PyDict | null = null;
function reErrorType(): PyObject {
  return reModuleDict!.getItem(abs.strKey('error'))!;
}
function raiseReError(msg: string, pattern: PyObject | string | null, pos: number | null): never {
  const args: PyObject[] = [newStr(msg)];
  if (pattern !== null && pos !== null) {
    args.push(typeof pattern === 'string' ? newStr(pattern) : newRef(pattern));
    args.push(newInt(pos));
  }
  let exc: PyObject;
  try {
    exc = abs.call(reErrorType(), args, null);
  } finally {
    for (const a of args) decref(a);
  }
  throw exc;
}

function withEngineErrors<T>(p: PyPattern, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ReBudgetError) raise(E.RuntimeError, `RefScope: regular expression ${strRepr(p.pattern.v)} needs too much backtracking (step budget exceeded)`);
    if (e instanceof RangeError) {
      jsStack.overflows++;
      raise(E.RecursionError, `RefScope: regular expression ${strRepr(p.pattern.v)} is too deeply nested for this subject (stack exhausted)`);
    }
    throw e;
  }
}

// ------------------------------------------------------------------ compile (re._compile)
const MAXCACHE = 512;
let cacheDict: PyDict | null = null;

function flagsValue(o: PyObject | undefined): number {
  if (o === undefined) return 0;
  if (!(o instanceof PyInt)) {
    const v = abs.index(o);
    return Number(v);
  }
  return Number(o.v);
}

function newPattern(pattern: PyObject, flags: number): PyPattern {
  if (!(pattern instanceof PyStr)) {
    if (pattern.type.name === 'bytes') raise(E.NotImplementedError, 'RefScope: bytes patterns are not supported by re');
    typeError('first argument must be string or compiled pattern');
  }
  if (flags & F.ASCII && flags & F.UNICODE) raise(E.ValueError, 'ASCII and UNICODE flags are incompatible');
  if (flags & F.LOCALE) raise(E.ValueError, 'cannot use LOCALE flag with a str pattern');
  let prog: Program;
  try {
    prog = compileProgram(pattern.v, flags);
  } catch (e) {
    if (e instanceof ReSyntaxError) raiseReError(e.msg, e.pos === null ? null : pattern, e.pos);
    throw e;
  }
  const p = new PyPattern(PatternType, newRef(pattern), prog, prog.parsed.flags);
  gcNewObject(p, true);
  return p;
}

/** re._compile: patterns are cached by (type, pattern, flags) in re._cache */
function compile(pattern: PyObject, flagsObj: PyObject | undefined): PyPattern {
  const flags = flagsValue(flagsObj);
  if (pattern instanceof PyPattern) {
    if (flags) raise(E.ValueError, 'cannot process flags argument with a compiled pattern');
    return newRef(pattern);
  }
  const fl = newInt(flags);
  const key = newTuple([newRef(pattern.type), newRef(pattern), fl]);
  try {
    const hit = cacheDict!.getItem(key);
    if (hit) return newRef(hit as PyPattern);
    const p = newPattern(pattern, flags);
    if (!(flags & F.DEBUG)) {
      if (cacheDict!.size >= MAXCACHE) {
        // drop the oldest item (the 3.11 cache is FIFO)
        for (const [k] of cacheDict!.entries()) {
          incref(k);
          cacheDict!.delItem(k);
          decref(k);
          break;
        }
      }
      cacheDict!.setItem(key, p);
    }
    return p;
  } finally {
    decref(key);
  }
}

// ------------------------------------------------------------------ matching helpers
function strArg(o: PyObject, what = 'string'): PyStr {
  if (!(o instanceof PyStr)) {
    // (every pattern is a str one: sre's state_init for a buffer subject)
    if (['bytes', 'bytearray', 'memoryview'].some((n) => o.type.mro.some((t) => t.name === n && t.module === 'builtins'))) {
      typeError('cannot use a string pattern on a bytes-like object');
    }
    typeError(`expected string or bytes-like object, got '${o.type.name}'`);
  }
  void what;
  return o;
}

function bounds(s: PyStr, posO: PyObject | undefined, endO: PyObject | undefined): [number, number] {
  const n = s.length;
  let pos = posO === undefined ? 0 : Number(abs.index(posO));
  let end = endO === undefined ? n : Number(abs.index(endO));
  if (pos < 0) pos = 0;
  if (pos > n) pos = n;
  if (end < 0) end = 0;
  if (end > n) end = n;
  return [pos, end];
}

function newState(s: PyStr, pos: number, end: number): MatchState {
  return { s: codes(s), start: pos, end, caps: [], lastindex: -1, steps: 0, matchAll: false, mustAdvance: false, matchStart: pos };
}

function makeMatch(p: PyPattern, s: PyStr, st: MatchState, pos: number, endpos: number): PyMatch {
  const m = new PyMatch(MatchType, newRef(s), newRef(p), st.caps.slice(), pos, endpos, st.lastindex);
  gcNewObject(m, true);
  return m;
}

type Mode = 'match' | 'search' | 'fullmatch';
function run(p: PyPattern, s: PyStr, pos: number, end: number, mode: Mode): PyObject {
  if (pos > end) return newRef(None);
  const st = newState(s, pos, end);
  const ok = withEngineErrors(p, () => {
    if (mode === 'search') return search(p.prog, st);
    st.matchAll = mode === 'fullmatch';
    return matchAt(p.prog, st, pos);
  });
  return ok ? makeMatch(p, s, st, pos, end) : newRef(None);
}

/** iterate the matches like pattern_finditer/pattern_subx (must_advance after an empty match) */
function* scan(p: PyPattern, s: PyStr, pos: number, end: number): Generator<MatchState> {
  const st = newState(s, pos, end);
  let must = false;
  while (st.start <= st.end) {
    st.mustAdvance = must;
    const ok = withEngineErrors(p, () => search(p.prog, st));
    if (!ok) return;
    yield st;
    const e = st.caps[1];
    must = e === st.caps[0];
    st.start = e;
  }
}

function groupValue(s: PyStr, caps: number[], g: number, dflt: PyObject): PyObject {
  const a = caps[2 * g];
  const b = caps[2 * g + 1];
  if (a < 0 || b < 0) return newRef(dflt);
  return substr(s, a, b);
}

// ------------------------------------------------------------------ replacement templates
type TemplatePart = string | number;
/** _parser.parse_template: literal chunks and group indexes */
function parseTemplate(p: PyPattern, repl: string): TemplatePart[] {
  const src = Array.from(repl);
  const parts: TemplatePart[] = [];
  let lit = '';
  const groups = p.prog.parsed.groups;
  const gi = p.prog.parsed.groupIndex;
  const fail = (msg: string, pos: number): never => raiseReError(msg, repl, pos);
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c !== '\\') {
      lit += c;
      i++;
      continue;
    }
    const start = i;
    i++;
    if (i >= src.length) fail('bad escape (end of pattern)', start);
    const d = src[i++];
    if (d === 'g') {
      if (src[i] !== '<') fail('missing <', i);
      i++;
      let name = '';
      while (i < src.length && src[i] !== '>') name += src[i++];
      if (i >= src.length) fail('missing >, unterminated name', start + 3);
      i++;
      if (!name) fail('missing group name', start + 3);
      let idx: number;
      if (/^[0-9]+$/.test(name)) {
        idx = parseInt(name, 10);
        if (idx > groups) raiseIndex(`invalid group reference ${idx}`, repl, start + 3);
      } else {
        if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)) fail(`bad character in group name '${name}'`, start + 3);
        const g = gi.get(name);
        if (g === undefined) raise(E.IndexError, `unknown group name '${name}'`);
        idx = g;
      }
      if (lit) parts.push(lit);
      lit = '';
      parts.push(idx);
      continue;
    }
    if (d === '0') {
      let o = '';
      while (o.length < 2 && i < src.length && /[0-7]/.test(src[i])) o += src[i++];
      lit += String.fromCodePoint(parseInt('0' + o, 8));
      continue;
    }
    if (/[1-9]/.test(d)) {
      if (/[0-7]/.test(d) && /[0-7]/.test(src[i] ?? '') && /[0-7]/.test(src[i + 1] ?? '')) {
        const v = parseInt(d + src[i] + src[i + 1], 8);
        if (v > 0o377) fail(`octal escape value \\${d}${src[i]}${src[i + 1]} outside of range 0-0o377`, start);
        i += 2;
        lit += String.fromCodePoint(v);
        continue;
      }
      let num = d;
      if (i < src.length && /[0-9]/.test(src[i])) num += src[i++];
      const idx = parseInt(num, 10);
      if (idx > groups) fail(`invalid group reference ${idx}`, start + 1);
      if (lit) parts.push(lit);
      lit = '';
      parts.push(idx);
      continue;
    }
    const esc: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (d in esc) {
      lit += esc[d];
      continue;
    }
    if (/[a-zA-Z]/.test(d)) fail(`bad escape \\${d}`, start);
    lit += '\\' + d;
  }
  if (lit) parts.push(lit);
  return parts;
}
function raiseIndex(msg: string, repl: string, pos: number): never {
  raiseReError(msg, repl, pos);
}

function expandTemplate(parts: TemplatePart[], s: PyStr, caps: number[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else {
      const a = caps[2 * part];
      const b = caps[2 * part + 1];
      if (a >= 0 && b >= 0) out += substrJS(s, a, b);
    }
  }
  return out;
}

// ------------------------------------------------------------------ Pattern methods
function pat(o: PyObject | null): PyPattern {
  if (!(o instanceof PyPattern)) typeError("descriptor requires a 're.Pattern' object");
  return o;
}
function mat(o: PyObject | null): PyMatch {
  if (!(o instanceof PyMatch)) typeError("descriptor requires a 're.Match' object");
  return o;
}

function patternSearchLike(p: PyPattern, name: Mode, args: PyObject[], kw: string[] | null): PyObject {
  const [so, po, eo] = parseArgs({ name, params: ['string', 'pos', 'endpos'], required: 1 }, args, kw);
  const s = strArg(so!);
  const [pos, end] = bounds(s, po, eo);
  return run(p, s, pos, end, name);
}

function findall(p: PyPattern, s: PyStr, pos: number, end: number): PyObject {
  const out = newList([]);
  try {
    const ng = p.prog.parsed.groups;
    for (const st of scan(p, s, pos, end)) {
      let item: PyObject;
      if (ng === 0) item = substr(s, st.caps[0], st.caps[1]);
      else if (ng === 1) item = groupValue(s, st.caps, 1, emptyStr());
      else {
        const items: PyObject[] = [];
        for (let g = 1; g <= ng; g++) items.push(groupValue(s, st.caps, g, emptyStr()));
        item = newTuple(items);
      }
      listAppend(out, item); // steals
    }
  } catch (e) {
    decref(out);
    throw e;
  }
  return out;
}
function emptyStr(): PyStr {
  const e = newStr('');
  decref(e);
  return e;
}

function split(p: PyPattern, s: PyStr, maxsplit: number): PyObject {
  const out = newList([]);
  try {
    const ng = p.prog.parsed.groups;
    let last = 0;
    let n = 0;
    if (maxsplit < 0) {
      const item = substr(s, 0, s.length);
      listAppend(out, item); // steals
      return out;
    }
    for (const st of scan(p, s, 0, s.length)) {
      if (maxsplit && n >= maxsplit) break;
      const item = substr(s, last, st.caps[0]);
      listAppend(out, item); // steals
      for (let g = 1; g <= ng; g++) {
        const gv = groupValue(s, st.caps, g, None);
        listAppend(out, gv); // steals
      }
      last = st.caps[1];
      n++;
    }
    const tail = substr(s, last, s.length);
    listAppend(out, tail); // steals
  } catch (e) {
    decref(out);
    throw e;
  }
  return out;
}

/** pattern_subx */
function subx(p: PyPattern, repl: PyObject, s: PyStr, count: number, wantN: boolean): PyObject {
  let parts: TemplatePart[] | null = null;
  let literal: string | null = null;
  const callable = !(repl instanceof PyStr);
  if (repl instanceof PyStr) {
    if (!repl.v.includes('\\')) literal = repl.v;
    else parts = parseTemplate(p, repl.v);
  } else if (repl.type.name === 'bytes') raise(E.NotImplementedError, 'RefScope: bytes replacements are not supported by re');
  else if (!abs.isCallable(repl)) {
    // re._compile_template -> the parser's Tokenizer: str(repl, 'latin1')
    typeError(`decoding to str: need a bytes-like object, ${repl.type.name} found`);
  }
  // (pattern_subx keeps what the function returned in its list: join_list's PyUnicode_Join
  // reports the first item that is not a str, after every match)
  let bad: string | null = null;
  const pieces: string[] = [];
  let last = 0;
  let n = 0;
  for (const st of scan(p, s, 0, s.length)) {
    if (count && n >= count) break;
    const a = st.caps[0];
    const b = st.caps[1];
    if (a > last) pieces.push(substrJS(s, last, a));
    if (literal !== null) pieces.push(literal);
    else if (parts) pieces.push(expandTemplate(parts, s, st.caps));
    else if (callable) {
      const m = makeMatch(p, s, st, 0, s.length);
      m.lastindex = st.lastindex;
      let r: PyObject;
      try {
        r = abs.call(repl, [m], null);
      } finally {
        decref(m);
      }
      if (r !== None) {
        if (!(r instanceof PyStr)) bad ??= `sequence item ${pieces.length}: expected str instance, ${r.type.name} found`;
        pieces.push(r instanceof PyStr ? r.v : '');
      }
      decref(r);
    }
    last = b;
    n++;
  }
  if (bad !== null) typeError(bad);
  let result: PyObject;
  if (n === 0 && s.type === StrType) result = newRef(s);
  else {
    if (last < s.length) pieces.push(substrJS(s, last, s.length));
    result = newStr(pieces.join(''));
  }
  if (!wantN) return result;
  return newTuple([result, newInt(n)]);
}

const FLAG_NAMES: [number, string][] = [
  [F.TEMPLATE, 're.TEMPLATE'],
  [F.IGNORECASE, 're.IGNORECASE'],
  [F.LOCALE, 're.LOCALE'],
  [F.MULTILINE, 're.MULTILINE'],
  [F.DOTALL, 're.DOTALL'],
  [F.UNICODE, 're.UNICODE'],
  [F.VERBOSE, 're.VERBOSE'],
  [F.DEBUG, 're.DEBUG'],
  [F.ASCII, 're.ASCII'],
];

/** pattern_repr */
function patternRepr(o: PyObject): string {
  const p = o as PyPattern;
  let r = strRepr(p.pattern.v);
  if (r.length > 200) r = r.slice(0, 200);
  let flags = p.flags;
  if ((flags & (F.LOCALE | F.UNICODE | F.ASCII)) === F.UNICODE) flags &= ~F.UNICODE;
  if (!flags) return `re.compile(${r})`;
  const names: string[] = [];
  for (const [bit, nm] of FLAG_NAMES) {
    if (flags & bit) {
      names.push(nm);
      flags &= ~bit;
    }
  }
  if (flags) names.push('0x' + flags.toString(16));
  return `re.compile(${r}, ${names.join('|')})`;
}

function groupIndexOf(m: PyMatch, g: PyObject): number {
  const ng = m.re.prog.parsed.groups;
  if (g instanceof PyInt) {
    const v = Number(g.v);
    if (v < 0 || v > ng) raise(E.IndexError, 'no such group');
    return v;
  }
  if (g instanceof PyStr) {
    const i = m.re.prog.parsed.groupIndex.get(g.v);
    if (i === undefined) raise(E.IndexError, 'no such group');
    return i;
  }
  if (abs.typeLookup(g.type, '__index__')) {
    const v = Number(abs.index(g));
    if (v < 0 || v > ng) raise(E.IndexError, 'no such group');
    return v;
  }
  raise(E.IndexError, 'no such group');
}

function installTypes(): void {
  const P = PatternType;
  defClassGetitem(P);
  defClassGetitem(MatchType);
  P.slots.repr = patternRepr;
  P.slots.hash = (o) => { const h = abs.hash((o as PyPattern).pattern); return typeof h === "bigint" ? h ^ BigInt((o as PyPattern).flags) : h ^ (o as PyPattern).flags; };
  defMethod(P, 'match', (a, k, self) => patternSearchLike(pat(self), 'match', a, k));
  defMethod(P, 'search', (a, k, self) => patternSearchLike(pat(self), 'search', a, k));
  defMethod(P, 'fullmatch', (a, k, self) => patternSearchLike(pat(self), 'fullmatch', a, k));
  defMethod(P, 'findall', (a, k, self) => {
    const [so, po, eo] = parseArgs({ name: 'findall', params: ['string', 'pos', 'endpos'], required: 1 }, a, k);
    const s = strArg(so!);
    const [pos, end] = bounds(s, po, eo);
    return findall(pat(self), s, pos, end);
  });
  defMethod(P, 'finditer', (a, k, self) => {
    const [so, po, eo] = parseArgs({ name: 'finditer', params: ['string', 'pos', 'endpos'], required: 1 }, a, k);
    const s = strArg(so!);
    const [pos, end] = bounds(s, po, eo);
    return finditer(pat(self), s, pos, end);
  });
  defMethod(P, 'split', (a, k, self) => {
    const [so, mo] = parseArgs({ name: 'split', params: ['string', 'maxsplit'], required: 1 }, a, k);
    return split(pat(self), strArg(so!), mo === undefined ? 0 : Number(abs.index(mo)));
  });
  defMethod(P, 'sub', (a, k, self) => {
    const [r, so, co] = parseArgs({ name: 'sub', params: ['repl', 'string', 'count'], required: 2 }, a, k);
    return subx(pat(self), r!, strArg(so!), co === undefined ? 0 : Number(abs.index(co)), false);
  });
  defMethod(P, 'subn', (a, k, self) => {
    const [r, so, co] = parseArgs({ name: 'subn', params: ['repl', 'string', 'count'], required: 2 }, a, k);
    return subx(pat(self), r!, strArg(so!), co === undefined ? 0 : Number(abs.index(co)), true);
  });
  defMethod(P, '__copy__', (a, k, self) => (checkArgs('__copy__', a, k, 0, 0), newRef(pat(self))));
  defMethod(P, '__deepcopy__', (a, k, self) => (checkArgs('__deepcopy__', a, k, 1, 1), newRef(pat(self))));
  defMethod(P, '__eq__', (a, _k, self) => {
    const o = a[0];
    const p = pat(self);
    if (!(o instanceof PyPattern)) return newRef(NotImplemented);
    return newRef(o === p || (o.flags === p.flags && o.pattern.v === p.pattern.v) ? True : False);
  });
  defGetter(P, 'pattern', (o) => newRef(pat(o).pattern));
  defGetter(P, 'flags', (o) => newInt(pat(o).flags));
  defGetter(P, 'groups', (o) => newInt(pat(o).prog.parsed.groups));
  defGetter(P, 'groupindex', (o) => {
    const d = newDict();
    for (const [k, v] of pat(o).prog.parsed.groupIndex) {
      const ko = newStr(k);
      const vo = newInt(v);
      d.setItem(ko, vo);
      decref(ko);
      decref(vo);
    }
    return d;
  });

  const M = MatchType;
  M.slots.repr = (o) => {
    const m = o as PyMatch;
    const g0 = substr(m.string, m.caps[0], m.caps[1]);
    try {
      return `<re.Match object; span=(${m.caps[0]}, ${m.caps[1]}), match=${abs.repr(g0)}>`;
    } finally {
      decref(g0);
    }
  };
  M.slots.bool = () => true;
  defMethod(M, 'group', (a, k, self) => {
    const m = mat(self);
    if (k && k.length) typeError('group() takes no keyword arguments');
    if (a.length === 0) return substr(m.string, m.caps[0], m.caps[1]);
    if (a.length === 1) return groupValue(m.string, m.caps, groupIndexOf(m, a[0]), None);
    const items: PyObject[] = [];
    try {
      for (const g of a) items.push(groupValue(m.string, m.caps, groupIndexOf(m, g), None));
    } catch (e) {
      for (const x of items) decref(x);
      throw e;
    }
    return newTuple(items);
  });
  defMethod(M, '__getitem__', (a, k, self) => {
    checkArgs('__getitem__', a, k, 1, 1);
    const m = mat(self);
    return groupValue(m.string, m.caps, groupIndexOf(m, a[0]), None);
  });
  defMethod(M, 'groups', (a, k, self) => {
    const [d] = parseArgs({ name: 'groups', params: ['default'] }, a, k);
    const m = mat(self);
    const items: PyObject[] = [];
    for (let g = 1; g <= m.re.prog.parsed.groups; g++) items.push(groupValue(m.string, m.caps, g, d ?? None));
    return newTuple(items);
  });
  defMethod(M, 'groupdict', (a, k, self) => {
    const [d] = parseArgs({ name: 'groupdict', params: ['default'] }, a, k);
    const m = mat(self);
    const out = newDict();
    for (const [name, g] of m.re.prog.parsed.groupIndex) {
      const ko = newStr(name);
      const v = groupValue(m.string, m.caps, g, d ?? None);
      out.setItem(ko, v);
      decref(ko);
      decref(v);
    }
    return out;
  });
  const spanLike = (name: 'start' | 'end' | 'span') => (a: PyObject[], k: string[] | null, self: PyObject | null) => {
    checkArgs(name, a, k, 0, 1);
    const m = mat(self);
    const g = a.length ? groupIndexOf(m, a[0]) : 0;
    const s = m.caps[2 * g];
    const e = m.caps[2 * g + 1];
    const unset = s < 0 || e < 0;
    if (name === 'start') return newInt(unset ? -1 : s);
    if (name === 'end') return newInt(unset ? -1 : e);
    return newTuple([newInt(unset ? -1 : s), newInt(unset ? -1 : e)]);
  };
  defMethod(M, 'start', spanLike('start'));
  defMethod(M, 'end', spanLike('end'));
  defMethod(M, 'span', spanLike('span'));
  defMethod(M, 'expand', (a, k, self) => {
    checkArgs('expand', a, k, 1, 1);
    const m = mat(self);
    const t = a[0];
    if (!(t instanceof PyStr)) typeError(`expected str instance, ${t.type.name} found`);
    return newStr(expandTemplate(parseTemplate(m.re, t.v), m.string, m.caps));
  });
  defMethod(M, '__copy__', (a, k, self) => (checkArgs('__copy__', a, k, 0, 0), newRef(mat(self))));
  defMethod(M, '__deepcopy__', (a, k, self) => (checkArgs('__deepcopy__', a, k, 1, 1), newRef(mat(self))));
  defGetter(M, 'string', (o) => newRef(mat(o).string));
  defGetter(M, 're', (o) => newRef(mat(o).re));
  defGetter(M, 'pos', (o) => newInt(mat(o).pos));
  defGetter(M, 'endpos', (o) => newInt(mat(o).endpos));
  defGetter(M, 'lastindex', (o) => (mat(o).lastindex < 0 ? newRef(None) : newInt(mat(o).lastindex)));
  defGetter(M, 'lastgroup', (o) => {
    const m = mat(o);
    if (m.lastindex < 0) return newRef(None);
    for (const [name, g] of m.re.prog.parsed.groupIndex) if (g === m.lastindex) return newStr(name);
    return newRef(None);
  });
  defGetter(M, 'regs', (o) => {
    const m = mat(o);
    const items: PyObject[] = [];
    for (let g = 0; g <= m.re.prog.parsed.groups; g++) items.push(newTuple([newInt(m.caps[2 * g]), newInt(m.caps[2 * g + 1])]));
    return newTuple(items);
  });
}

function finditer(p: PyPattern, s: PyStr, pos: number, end: number): PyObject {
  const gen = scan(p, s, pos, end);
  return newIter(iterType('callable_iterator', 'builtins', 32), [newRef(p), newRef(s)], (self) => {
    if (!self.held[0]) return null;
    const r = gen.next();
    if (r.done) {
      self.finish();
      return null;
    }
    return makeMatch(p, s, r.value, pos, end);
  });
}

// ------------------------------------------------------------------ module
function moduleFn(name: string, params: string[], required: number, body: (p: PyPattern, v: (PyObject | undefined)[]) => PyObject) {
  return (args: PyObject[], kw: string[] | null): PyObject => {
    const v = parseArgs({ name, params, required }, args, kw);
    const fi = params.indexOf('flags');
    const p = compile(v[0]!, v[fi]);
    try {
      return body(p, v);
    } finally {
      decref(p);
    }
  };
}

const ERROR_SRC = `
class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)
error.__module__ = 're'
`;

// re.RegexFlag (Lib/re/__init__.py: an enum.IntFlag with boundary KEEP under @enum.global_enum):
// written as a plain int subclass, so importing re does not import enum. Its repr (and str) is
// enum.global_flag_repr's, names joined in definition order with unnamed bits in hex; operators
// between flags and ints give flags (Flag.__or__/__and__/__xor__/__invert__).
const FLAG_SRC = `
class EnumType(type):
    def __repr__(cls):
        return "<flag %r>" % cls.__name__
    def __iter__(cls):
        return iter(cls._member_list_)
    def __len__(cls):
        return len(cls._member_list_)
EnumType.__module__ = 'enum'

_flag_order = [('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32), ('MULTILINE', 8),
               ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1), ('DEBUG', 128)]

class RegexFlag(int, metaclass=EnumType):
    def __new__(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid RegexFlag' % (value,))
        m = cls._value2member_map_.get(value)
        if m is None:
            m = int.__new__(cls, value)
        return m
    @property
    def value(self):
        return int(self)
    @property
    def name(self):
        v = int(self)
        if v == 0:
            return 'NOFLAG'
        names = []
        for n, b in _flag_order:
            if v == b:
                return n
            if v & b == b:
                names.append(n)
        if not names:
            return None
        rest = v & ~511
        if rest:
            names.append(hex(rest))
        return '|'.join(names)
    def __repr__(self):
        name = self.name
        if name is None:
            return 're.RegexFlag(%r)' % int(self)
        return '|'.join(n if n[0].isdigit() else 're.' + n for n in name.split('|'))
    __str__ = __repr__
    def __format__(self, spec):
        if not spec:
            return str(self)
        return int(self).__format__(spec)
    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))
    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))
    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))
    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__
    def __invert__(self):
        return RegexFlag(~int(self) & 511)
    def __contains__(self, other):
        return int(other) & int(self) == int(other)
    def __iter__(self):
        v = int(self)
        return iter([m for m in RegexFlag._member_list_ if v & int(m)])
RegexFlag.__module__ = 're'
RegexFlag._value2member_map_ = {}
RegexFlag._member_list_ = []
for _n, _v in [('NOFLAG', 0)] + _flag_order:
    _m = RegexFlag(_v)
    RegexFlag._value2member_map_[_v] = _m
    if _v:
        RegexFlag._member_list_.append(_m)
    setattr(RegexFlag, _n, _m)
    globals()[_n] = _m
for _n, _v in [('A', 256), ('I', 2), ('L', 4), ('U', 32), ('M', 8), ('S', 16), ('X', 64), ('T', 1)]:
    setattr(RegexFlag, _n, RegexFlag._value2member_map_[_v])
    globals()[_n] = RegexFlag._value2member_map_[_v]
del _n, _v, _m
`;

let installed = false;
registerModule('re', (m: ModuleBuilder) => {
  setStdlibFile(m, 're/__init__.py');
  // its functions are Python functions in CPython (they hold no module)
  m.functionsOf('re');
  if (!installed) {
    installed = true;
    installTypes();
  }
  reModuleDict = m.dict;
  execSource(m, ERROR_SRC, '<frozen re>');
  execSource(m, FLAG_SRC, '<frozen re flags>');
  m.set('Pattern', PatternType);
  m.set('Match', MatchType);
  cacheDict = newDict();
  m.own('_cache', cacheDict);
  m.fn('compile', (args, kw) => {
    const [p, f] = parseArgs({ name: 'compile', params: ['pattern', 'flags'], required: 1 }, args, kw);
    return compile(p!, f);
  });
  m.fn('purge', (args, kw) => {
    checkArgs('purge', args, kw, 0, 0);
    const keys = [...cacheDict!.entries()].map(([k]) => k);
    for (const k of keys) {
      incref(k);
      cacheDict!.delItem(k);
      decref(k);
    }
    return newRef(None);
  });
  for (const mode of ['match', 'search', 'fullmatch'] as const) {
    m.fn(mode, moduleFn(mode, ['pattern', 'string', 'flags'], 2, (p, v) => {
      const s = strArg(v[1]!);
      return run(p, s, 0, s.length, mode);
    }));
  }
  m.fn('findall', moduleFn('findall', ['pattern', 'string', 'flags'], 2, (p, v) => {
    const s = strArg(v[1]!);
    return findall(p, s, 0, s.length);
  }));
  m.fn('finditer', moduleFn('finditer', ['pattern', 'string', 'flags'], 2, (p, v) => {
    const s = strArg(v[1]!);
    return finditer(p, s, 0, s.length);
  }));
  m.fn('split', moduleFn('split', ['pattern', 'string', 'maxsplit', 'flags'], 2, (p, v) => split(p, strArg(v[1]!), v[2] === undefined ? 0 : Number(abs.index(v[2])))));
  m.fn('sub', moduleFn('sub', ['pattern', 'repl', 'string', 'count', 'flags'], 3, (p, v) => subx(p, v[1]!, strArg(v[2]!), v[3] === undefined ? 0 : Number(abs.index(v[3])), false)));
  m.fn('subn', moduleFn('subn', ['pattern', 'repl', 'string', 'count', 'flags'], 3, (p, v) => subx(p, v[1]!, strArg(v[2]!), v[3] === undefined ? 0 : Number(abs.index(v[3])), true)));
  m.fn('escape', (args, kw) => {
    const [p] = parseArgs({ name: 'escape', params: ['pattern'], required: 1 }, args, kw);
    if (!(p instanceof PyStr)) typeError(`expected str instance, ${p!.type.name} found`);
    // re.escape: _special_chars_map
    const special = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f';
    let out = '';
    for (const ch of p.v) out += special.includes(ch) ? '\\' + ch : ch;
    return newStr(out);
  });
});

void PyTuple;
void PyList;
void isPyException;
