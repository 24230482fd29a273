// A backtracking regular-expression engine for Python's `re` syntax (the behaviour of
// Lib/re/_parser.py + Modules/_sre/sre_lib.h, reimplemented): the parser builds a small AST,
// which is compiled into continuation-passing matcher closures over code points.
// Pure TypeScript, no Python objects: re.ts wraps it.

export const F = {
  TEMPLATE: 1,
  IGNORECASE: 2,
  LOCALE: 4,
  MULTILINE: 8,
  DOTALL: 16,
  UNICODE: 32,
  VERBOSE: 64,
  DEBUG: 128,
  ASCII: 256,
} as const;

export class ReSyntaxError {
  constructor(
    public msg: string,
    public pos: number | null,
  ) {}
}
export class ReBudgetError {
  constructor(public what: string) {}
}

// ------------------------------------------------------------------ character predicates
const reWord = /[\p{L}\p{N}_]/u;
const reDigit = /\p{Nd}/u;
export function isUniSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
function isWord(c: number, ascii: boolean): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  if (ascii) return false;
  return reWord.test(String.fromCodePoint(c));
}
function isDigit(c: number, ascii: boolean): boolean {
  if (c < 128) return c >= 48 && c <= 57;
  if (ascii) return false;
  return reDigit.test(String.fromCodePoint(c));
}
function isSpace(c: number, ascii: boolean): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || (!ascii && c >= 0x1c && c <= 0x1f);
  if (ascii) return false;
  return isUniSpace(c);
}
const lowerCache = new Map<number, number>();
const upperCache = new Map<number, number>();
export function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let r = lowerCache.get(c);
  if (r === undefined) {
    const s = String.fromCodePoint(c).toLowerCase();
    const cp = s.codePointAt(0)!;
    r = s.length === String.fromCodePoint(cp).length ? cp : c;
    lowerCache.set(c, r);
  }
  return r;
}
export function upper(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  let r = upperCache.get(c);
  if (r === undefined) {
    const s = String.fromCodePoint(c).toUpperCase();
    const cp = s.codePointAt(0)!;
    r = s.length === String.fromCodePoint(cp).length ? cp : c;
    upperCache.set(c, r);
  }
  return r;
}
function sameIgnoreCase(a: number, b: number, ascii: boolean): boolean {
  if (a === b) return true;
  if (ascii && (a >= 128 || b >= 128)) return false;
  return lower(a) === lower(b) || upper(a) === upper(b);
}

// ------------------------------------------------------------------ AST
type Cat = 'd' | 'D' | 'w' | 'W' | 's' | 'S';
type SetItem = { k: 'r'; lo: number; hi: number } | { k: 'c'; cat: Cat };
export type Node =
  | { t: 'char'; c: number; i: boolean; a: boolean }
  | { t: 'any'; dotall: boolean }
  | { t: 'set'; items: SetItem[]; neg: boolean; i: boolean; a: boolean }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; idx: number; body: Node }
  | { t: 'repeat'; min: number; max: number; mode: 0 | 1 | 2; body: Node } // 0 lazy, 1 greedy, 2 possessive
  | { t: 'at'; kind: 'bos' | 'bol' | 'eos' | 'eol' | 'eosZ' | 'b' | 'B'; a: boolean }
  | { t: 'backref'; idx: number; i: boolean; a: boolean }
  | { t: 'look'; behind: boolean; neg: boolean; body: Node; width: number }
  | { t: 'atomic'; body: Node }
  | { t: 'cond'; idx: number; yes: Node; no: Node };

export interface Parsed {
  root: Node;
  groups: number; // number of capturing groups
  groupIndex: Map<string, number>;
  flags: number; // final flags (incl. inline global ones)
}

const SPECIAL_ESC: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
const ASCII_LETTERS = /[a-zA-Z]/;
const FLAG_CHARS: Record<string, number> = { i: F.IGNORECASE, L: F.LOCALE, m: F.MULTILINE, s: F.DOTALL, x: F.VERBOSE, a: F.ASCII, t: F.TEMPLATE, u: F.UNICODE };

function isIdent(s: string): boolean {
  return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s);
}

/** sre_parse.parse: the pattern (as code points) and flags -> AST (errors as ReSyntaxError). */
export function parsePattern(pat: string, flags0: number): Parsed {
  const src = Array.from(pat);
  let pos = 0;
  let flags = flags0;
  let groups = 0;
  const groupIndex = new Map<string, number>();
  const openGroups = new Set<number>();
  const lookbehindGroups: number[] = [];
  void lookbehindGroups;
  const err = (msg: string, at: number): never => {
    throw new ReSyntaxError(msg, at);
  };
  const peek = () => (pos < src.length ? src[pos] : null);
  const verbose = (f: number) => (f & F.VERBOSE) !== 0;

  function skipVerbose(f: number): void {
    if (!verbose(f)) return;
    while (pos < src.length) {
      const c = src[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') pos++;
      else if (c === '#') {
        while (pos < src.length && src[pos] !== '\n') pos++;
      } else break;
    }
  }

  function parseAlt(f: number, depth: number): Node {
    const alts: Node[] = [];
    for (;;) {
      alts.push(parseSeq(f, depth));
      if (peek() === '|') {
        pos++;
        continue;
      }
      break;
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  function parseSeq(f: number, depth: number): Node {
    const items: Node[] = [];
    for (;;) {
      skipVerbose(f);
      const c = peek();
      if (c === null || c === '|' || c === ')') break;
      const start = pos;
      let atom: Node | null = parseAtom(f, depth);
      if (atom === null) continue; // a flags group / comment
      // quantifiers
      skipVerbose(f);
      let q = peek();
      if (q === '*' || q === '+' || q === '?' || (q === '{' && quantAhead())) {
        const qpos = pos;
        let min = 0;
        let max = Infinity;
        if (q === '*') pos++;
        else if (q === '+') {
          min = 1;
          pos++;
        } else if (q === '?') {
          max = 1;
          pos++;
        } else {
          pos++;
          let lo = '';
          while (peek() !== null && /[0-9]/.test(peek()!)) lo += src[pos++];
          let hi = lo;
          if (peek() === ',') {
            pos++;
            hi = '';
            while (peek() !== null && /[0-9]/.test(peek()!)) hi += src[pos++];
          }
          pos++; // '}'
          min = lo ? parseInt(lo, 10) : 0;
          max = hi ? parseInt(hi, 10) : Infinity;
          if (min >= 4294967295) err('the repetition number is too large', qpos + 1);
          if (max !== Infinity && max >= 4294967295) err('the repetition number is too large', qpos + 1);
          if (max < min) err('min repeat greater than max repeat', qpos + 1);
        }
        if (atom.t === 'at' || (atom.t === 'look' && false)) err('nothing to repeat', start);
        if (atom.t === 'repeat') err('multiple repeat', qpos);
        let mode: 0 | 1 | 2 = 1;
        if (peek() === '?') {
          pos++;
          mode = 0;
        } else if (peek() === '+') {
          pos++;
          mode = 2;
        }
        atom = { t: 'repeat', min, max, mode, body: atom };
        skipVerbose(f);
        q = peek();
        if (q === '*' || q === '+' || q === '?' || (q === '{' && quantAhead())) err('multiple repeat', pos);
      }
      items.push(atom);
    }
    return items.length === 1 ? items[0] : { t: 'seq', items };
  }

  function quantAhead(): boolean {
    // `{m}`, `{m,}`, `{,n}`, `{m,n}` ; anything else is a literal '{'
    let p = pos + 1;
    let lo = 0;
    while (p < src.length && /[0-9]/.test(src[p])) {
      p++;
      lo++;
    }
    if (src[p] === ',') {
      p++;
      while (p < src.length && /[0-9]/.test(src[p])) p++;
    } else if (lo === 0) return false;
    return src[p] === '}';
  }

  function lit(c: number, f: number): Node {
    return { t: 'char', c, i: (f & F.IGNORECASE) !== 0, a: (f & F.ASCII) !== 0 };
  }

  function parseAtom(f: number, depth: number): Node | null {
    const start = pos;
    const c = src[pos++];
    switch (c) {
      case '.':
        return { t: 'any', dotall: (f & F.DOTALL) !== 0 };
      case '^':
        return { t: 'at', kind: f & F.MULTILINE ? 'bol' : 'bos', a: false };
      case '$':
        return { t: 'at', kind: f & F.MULTILINE ? 'eol' : 'eosZ', a: false };
      case '*':
      case '+':
      case '?':
        return err('nothing to repeat', start);
      case '{':
        if (quantAhead()) {
          pos--;
          return err('nothing to repeat', start);
        }
        return lit(123, f);
      case '[':
        return parseClass(f, start);
      case '\\':
        return parseEscape(f, start, false) as Node;
      case '(':
        return parseGroup(f, depth, start);
      case ')':
        return err('unbalanced parenthesis', start);
      default:
        return lit(c.codePointAt(0)!, f);
    }
  }

  function parseGroup(f: number, depth: number, start: number): Node | null {
    let capture = true;
    let name: string | null = null;
    let localFlags = f;
    if (peek() === '?') {
      pos++;
      const c = src[pos++];
      if (c === undefined) err('unexpected end of pattern', pos);
      if (c === 'P') {
        const d = src[pos++];
        if (d === '<') {
          name = readName('>', pos);
        } else if (d === '=') {
          const nm = readName(')', pos);
          const gi = groupIndex.get(nm);
          if (gi === undefined) err(`unknown group name '${nm}'`, pos - nm.length - 1);
          if (openGroups.has(gi!)) err('cannot refer to an open group', pos - nm.length - 1);
          return { t: 'backref', idx: gi!, i: (f & F.IGNORECASE) !== 0, a: (f & F.ASCII) !== 0 };
        } else {
          if (d === undefined) err('unexpected end of pattern', pos);
          err(`unknown extension ?P${d}`, start + 1);
        }
      } else if (c === ':') {
        capture = false;
      } else if (c === '#') {
        while (pos < src.length && src[pos] !== ')') pos++;
        if (pos >= src.length) err('missing ), unterminated comment', start);
        pos++;
        return null;
      } else if (c === '=' || c === '!' || (c === '<' && (peek() === '=' || peek() === '!'))) {
        let behind = false;
        let neg = c === '!';
        if (c === '<') {
          behind = true;
          neg = src[pos++] === '!';
        }
        const body = parseAlt(f, depth + 1);
        if (peek() !== ')') err('missing ), unterminated subpattern', start);
        pos++;
        let width = 0;
        if (behind) {
          const w = widthOf(body);
          if (w[0] !== w[1]) throw new ReSyntaxError('look-behind requires fixed-width pattern', null); // raised by the compiler: no position
          width = w[0];
        }
        return { t: 'look', behind, neg, body, width };
      } else if (c === '<') {
        const d = peek();
        if (d === null) err('unexpected end of pattern', pos);
        err(`unknown extension ?<${d}`, start + 1);
      } else if (c === '>') {
        const body = parseAlt(f, depth + 1);
        if (peek() !== ')') err('missing ), unterminated subpattern', start);
        pos++;
        return { t: 'atomic', body };
      } else if (c === '(') {
        // conditional (?(id/name)yes|no)
        let ref = '';
        while (pos < src.length && src[pos] !== ')') ref += src[pos++];
        if (pos >= src.length) err('missing ), unterminated name', pos);
        pos++;
        let gi: number;
        if (/^[0-9]+$/.test(ref)) {
          gi = parseInt(ref, 10);
          if (gi === 0) err('bad group number', start + 3);
        } else {
          if (!isIdent(ref)) err(`bad character in group name '${ref}'`, start + 3);
          const g = groupIndex.get(ref);
          if (g === undefined) err(`unknown group name '${ref}'`, start + 3);
          gi = g!;
        }
        const yes = parseSeq(f, depth + 1);
        let no: Node = { t: 'seq', items: [] };
        if (peek() === '|') {
          pos++;
          no = parseSeq(f, depth + 1);
          if (peek() === '|') err('conditional backref with more than two branches', pos);
        }
        if (peek() !== ')') err('missing ), unterminated subpattern', start);
        pos++;
        if (gi > groups) err(`invalid group reference ${gi}`, start + 3);
        return { t: 'cond', idx: gi, yes, no };
      } else if (c in FLAG_CHARS || c === '-') {
        // inline flags: (?aiLmsux) global, (?aiLmsux-imsx:...) scoped
        pos--;
        let add = 0;
        let del = 0;
        while (peek() !== null && peek()! in FLAG_CHARS) add |= FLAG_CHARS[src[pos++]];
        if (peek() === ')') {
          pos++;
          if (start !== 0 && !/^(\(\?[aiLmsux]+\))+$/.test(src.slice(0, start).join(''))) err('global flags not at the start of the expression', start);
          const nf = flags | add;
          if (nf !== flags) {
            // the whole pattern is parsed again with the new flags
            flags = nf;
            throw new RestartWithFlags(nf);
          }
          return null;
        }
        if (peek() === '-') {
          pos++;
          while (peek() !== null && peek()! in FLAG_CHARS) {
            const ch = src[pos++];
            if (ch === 'a' || ch === 'L' || ch === 'u') err('bad inline flags: cannot turn off flags \'a\', \'u\' and \'L\'', pos);
            del |= FLAG_CHARS[ch];
          }
          if (del === 0) err('missing flag', pos);
        }
        if (peek() !== ':') {
          if (peek() === null) err('missing -, : or )', pos);
          err(`unknown flag`, pos);
        }
        pos++;
        capture = false;
        localFlags = (f | add) & ~del;
        if (add & F.ASCII) localFlags &= ~F.UNICODE;
      } else {
        err(`unknown extension ?${c}`, start + 1);
      }
    }
    let idx = 0;
    if (capture) {
      idx = ++groups;
      if (name !== null) {
        const prev = groupIndex.get(name);
        if (prev !== undefined) err(`redefinition of group name '${name}' as group ${idx}; was group ${prev}`, start + 4);
        groupIndex.set(name, idx);
      }
      openGroups.add(idx);
    }
    const body = parseAlt(localFlags, depth + 1);
    if (peek() !== ')') err('missing ), unterminated subpattern', start);
    pos++;
    if (capture) {
      openGroups.delete(idx);
      return { t: 'group', idx, body };
    }
    return body.t === 'seq' || body.t === 'alt' ? { t: 'seq', items: [body] } : body;
  }

  function readName(term: string, at: number): string {
    let nm = '';
    while (pos < src.length && src[pos] !== term) nm += src[pos++];
    if (pos >= src.length) err(term === '>' ? 'missing >, unterminated name' : 'missing ), unterminated name', at);
    pos++;
    if (!nm) err('missing group name', at);
    if (!isIdent(nm)) err(`bad character in group name '${nm}'`, at);
    return nm;
  }

  function parseClass(f: number, start: number): Node {
    const items: SetItem[] = [];
    let neg = false;
    if (peek() === '^') {
      neg = true;
      pos++;
    }
    let first = true;
    for (;;) {
      if (pos >= src.length) err('unterminated character set', start);
      const here = pos;
      let c = src[pos++];
      if (c === ']' && !first) break;
      first = false;
      let lo: number;
      if (c === '\\') {
        const e = parseEscape(f, here, true);
        if (typeof e !== 'number') {
          if (e.t === 'set') {
            for (const it of e.items) items.push(it);
            continue;
          }
          lo = (e as { c: number }).c;
        } else lo = e;
      } else lo = c.codePointAt(0)!;
      if (peek() === '-' && pos + 1 < src.length && src[pos + 1] !== ']') {
        pos++;
        const here2 = pos;
        c = src[pos++];
        let hi: number;
        if (c === '\\') {
          const e = parseEscape(f, here2, true);
          if (typeof e !== 'number') {
            if (e.t === 'set') err(`bad character range ${src.slice(here, pos).join('')}`, here);
            hi = (e as { c: number }).c;
          } else hi = e;
        } else hi = c.codePointAt(0)!;
        if (hi < lo) err(`bad character range ${src.slice(here, pos).join('')}`, here);
        items.push({ k: 'r', lo, hi });
      } else {
        if (peek() === '-' && pos + 1 >= src.length) {
          // "[a-" at the end: unterminated
        }
        items.push({ k: 'r', lo, hi: lo });
      }
    }
    return { t: 'set', items, neg, i: (f & F.IGNORECASE) !== 0, a: (f & F.ASCII) !== 0 };
  }

  /** an escape after `\`: a code point (in classes), or a node */
  function parseEscape(f: number, start: number, inClass: boolean): Node | number {
    if (pos >= src.length) err('bad escape (end of pattern)', start);
    const c = src[pos++];
    const ascii = (f & F.ASCII) !== 0;
    const mk = (cp: number): Node | number => (inClass ? cp : lit(cp, f));
    if ('dDwWsS'.includes(c)) return { t: 'set', items: [{ k: 'c', cat: c as Cat }], neg: false, i: false, a: ascii };
    if (!inClass) {
      if (c === 'A') return { t: 'at', kind: 'bos', a: ascii };
      if (c === 'Z') return { t: 'at', kind: 'eos', a: ascii };
      if (c === 'b') return { t: 'at', kind: 'b', a: ascii };
      if (c === 'B') return { t: 'at', kind: 'B', a: ascii };
    }
    if (c in SPECIAL_ESC) return mk(SPECIAL_ESC[c]);
    if (c === 'x') {
      const h = src.slice(pos, pos + 2).join('');
      if (!/^[0-9a-fA-F]{2}$/.test(h)) err(`incomplete escape \\x${h.replace(/[^0-9a-fA-F].*$/, '')}`, start);
      pos += 2;
      return mk(parseInt(h, 16));
    }
    if (c === 'u' || c === 'U') {
      const n = c === 'u' ? 4 : 8;
      const h = src.slice(pos, pos + n).join('');
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) err(`incomplete escape \\${c}${h.replace(/[^0-9a-fA-F].*$/, '')}`, start);
      pos += n;
      const v = parseInt(h, 16);
      if (v > 0x10ffff) err(`bad escape \\${c}${h}`, start);
      return mk(v);
    }
    if (c === 'N') err('bad escape \\N (named unicode escapes are not supported by RefScope)', start);
    if (c === '0') {
      let o = '';
      while (o.length < 2 && pos < src.length && /[0-7]/.test(src[pos])) o += src[pos++];
      return mk(parseInt('0' + o, 8));
    }
    if (/[1-9]/.test(c)) {
      // octal escape (3 octal digits) or group reference
      if (pos + 1 < src.length + 1 && /[0-7]/.test(c) && /[0-7]/.test(src[pos] ?? '') && /[0-7]/.test(src[pos + 1] ?? '')) {
        const v = parseInt(c + src[pos] + src[pos + 1], 8);
        pos += 2;
        if (v > 0o377) err(`octal escape value \\${c}${src[pos - 2]}${src[pos - 1]} outside of range 0-0o377`, start);
        return mk(v);
      }
      let d = c;
      if (pos < src.length && /[0-9]/.test(src[pos])) d += src[pos++];
      if (inClass) err(`bad escape \\${d}`, start);
      const gi = parseInt(d, 10);
      if (gi > groups) err(`invalid group reference ${gi}`, start + 1);
      if (openGroups.has(gi)) err('cannot refer to an open group', start);
      return { t: 'backref', idx: gi, i: (f & F.IGNORECASE) !== 0, a: ascii };
    }
    if (ASCII_LETTERS.test(c)) err(`bad escape \\${c}`, start);
    return mk(c.codePointAt(0)!);
  }

  for (;;) {
    pos = 0;
    groups = 0;
    groupIndex.clear();
    openGroups.clear();
    try {
      const root = parseAlt(flags, 0);
      if (pos < src.length) {
        if (src[pos] === ')') err('unbalanced parenthesis', pos);
        err('internal: trailing pattern', pos);
      }
      let fl = flags;
      if (!(fl & F.ASCII)) fl |= F.UNICODE;
      return { root, groups, groupIndex: new Map(groupIndex), flags: fl };
    } catch (e) {
      if (e instanceof RestartWithFlags) {
        flags = e.flags;
        continue;
      }
      throw e;
    }
  }
}
class RestartWithFlags {
  constructor(public flags: number) {}
}

/** [min, max] width of a node (for look-behind) */
function widthOf(n: Node): [number, number] {
  switch (n.t) {
    case 'char':
    case 'any':
    case 'set':
      return [1, 1];
    case 'seq': {
      let lo = 0;
      let hi = 0;
      for (const it of n.items) {
        const w = widthOf(it);
        lo += w[0];
        hi += w[1];
      }
      return [lo, hi];
    }
    case 'alt': {
      let lo = Infinity;
      let hi = 0;
      for (const a of n.alts) {
        const w = widthOf(a);
        lo = Math.min(lo, w[0]);
        hi = Math.max(hi, w[1]);
      }
      return [lo, hi];
    }
    case 'group':
    case 'atomic':
      return widthOf(n.body);
    case 'repeat': {
      const w = widthOf(n.body);
      return [w[0] * n.min, w[1] * n.max];
    }
    case 'backref':
      return [0, Infinity];
    case 'cond': {
      const a = widthOf(n.yes);
      const b = widthOf(n.no);
      return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
    }
    default:
      return [0, 0];
  }
}

// ------------------------------------------------------------------ matching
export interface MatchState {
  s: ArrayLike<number>;
  /** search bounds: pos and endpos */
  start: number;
  end: number;
  caps: number[]; // 2 per group (index 0 = whole match), -1 unset
  lastindex: number;
  steps: number;
  /** fullmatch: only succeed at `end` */
  matchAll: boolean;
  /** the match must not be empty at `start` (finditer/sub after an empty match) */
  mustAdvance: boolean;
  matchStart: number;
}

type K = (i: number) => boolean;
type M = (st: MatchState, i: number, k: K) => boolean;

export const STEP_BUDGET = 20_000_000;

function tick(st: MatchState): void {
  if (++st.steps > STEP_BUDGET) throw new ReBudgetError('budget');
}

function setTest(n: Extract<Node, { t: 'set' }>): (c: number) => boolean {
  const { items, neg, i, a } = n;
  const one = (c: number): boolean => {
    for (const it of items) {
      if (it.k === 'r') {
        if (c >= it.lo && c <= it.hi) return true;
      } else {
        switch (it.cat) {
          case 'd':
            if (isDigit(c, a)) return true;
            break;
          case 'D':
            if (!isDigit(c, a)) return true;
            break;
          case 'w':
            if (isWord(c, a)) return true;
            break;
          case 'W':
            if (!isWord(c, a)) return true;
            break;
          case 's':
            if (isSpace(c, a)) return true;
            break;
          case 'S':
            if (!isSpace(c, a)) return true;
            break;
        }
      }
    }
    return false;
  };
  const test = i
    ? (c: number): boolean => {
        if (one(c)) return true;
        if (a && c >= 128) return false;
        const l = lower(c);
        if (l !== c && (!a || l < 128) && one(l)) return true;
        const u = upper(c);
        if (u !== c && (!a || u < 128) && one(u)) return true;
        return false;
      }
    : one;
  return neg ? (c) => !test(c) : test;
}

/** a single-character test for nodes that always consume exactly one character, else null */
function charTest(n: Node): ((c: number) => boolean) | null {
  switch (n.t) {
    case 'char': {
      const pc = n.c;
      if (!n.i) return (c) => c === pc;
      const a = n.a;
      return (c) => sameIgnoreCase(c, pc, a);
    }
    case 'any':
      return n.dotall ? () => true : (c) => c !== 10;
    case 'set':
      return setTest(n);
    default:
      return null;
  }
}

function hasGroups(n: Node): boolean {
  switch (n.t) {
    case 'group':
      return true;
    case 'seq':
      return n.items.some(hasGroups);
    case 'alt':
      return n.alts.some(hasGroups);
    case 'repeat':
    case 'atomic':
    case 'look':
      return hasGroups(n.body);
    case 'cond':
      return hasGroups(n.yes) || hasGroups(n.no);
    default:
      return false;
  }
}

export function compileNode(n: Node): M {
  const ct = charTest(n);
  if (ct) {
    return (st, i, k) => {
      tick(st);
      return i < st.end && ct(st.s[i]) && k(i + 1);
    };
  }
  switch (n.t) {
    case 'seq': {
      const ms = n.items.map(compileNode);
      if (ms.length === 0) return (_st, i, k) => k(i);
      if (ms.length === 1) return ms[0];
      const run = (st: MatchState, idx: number, i: number, k: K): boolean => {
        if (idx === ms.length) return k(i);
        return ms[idx](st, i, (j) => run(st, idx + 1, j, k));
      };
      return (st, i, k) => run(st, 0, i, k);
    }
    case 'alt': {
      const ms = n.alts.map(compileNode);
      return (st, i, k) => {
        for (const m of ms) if (m(st, i, k)) return true;
        return false;
      };
    }
    case 'group': {
      const body = compileNode(n.body);
      const g = n.idx;
      return (st, i, k) => {
        tick(st);
        return body(st, i, (j) => {
          const os = st.caps[2 * g];
          const oe = st.caps[2 * g + 1];
          const ol = st.lastindex;
          st.caps[2 * g] = i;
          st.caps[2 * g + 1] = j;
          st.lastindex = g;
          if (k(j)) return true;
          st.caps[2 * g] = os;
          st.caps[2 * g + 1] = oe;
          st.lastindex = ol;
          return false;
        });
      };
    }
    case 'repeat':
      return compileRepeat(n);
    case 'at': {
      const kind = n.kind;
      const a = n.a;
      return (st, i, k) => {
        tick(st);
        const s = st.s;
        let ok: boolean;
        switch (kind) {
          case 'bos':
            ok = i === 0;
            break;
          case 'bol':
            ok = i === 0 || s[i - 1] === 10;
            break;
          case 'eos':
            ok = i === st.end;
            break;
          case 'eosZ':
            ok = i === st.end || (i === st.end - 1 && s[i] === 10);
            break;
          case 'eol':
            ok = i === st.end || s[i] === 10;
            break;
          case 'b':
          case 'B': {
            const before = i > 0 && isWord(s[i - 1], a);
            const after = i < st.end && isWord(s[i], a);
            ok = (before !== after) === (kind === 'b');
            if (kind === 'B' && st.end === 0) ok = false;
            break;
          }
        }
        return ok && k(i);
      };
    }
    case 'backref': {
      const g = n.idx;
      const ic = n.i;
      const a = n.a;
      return (st, i, k) => {
        tick(st);
        const bs = st.caps[2 * g];
        const be = st.caps[2 * g + 1];
        if (bs < 0 || be < 0) return false;
        const len = be - bs;
        if (i + len > st.end) return false;
        const s = st.s;
        for (let x = 0; x < len; x++) {
          if (ic ? !sameIgnoreCase(s[bs + x], s[i + x], a) : s[bs + x] !== s[i + x]) return false;
        }
        return k(i + len);
      };
    }
    case 'look': {
      const body = compileNode(n.body);
      const { behind, neg, width } = n;
      return (st, i, k) => {
        tick(st);
        const saved = st.caps.slice();
        const sl = st.lastindex;
        let ok: boolean;
        if (behind) {
          if (i - width < 0) ok = false;
          else {
            const oldEnd = st.end;
            ok = body(st, i - width, (j) => j === i);
            st.end = oldEnd;
          }
        } else ok = body(st, i, () => true);
        if (neg) {
          st.caps = saved;
          st.lastindex = sl;
          return !ok && k(i);
        }
        if (!ok) return false;
        if (k(i)) return true;
        st.caps = saved;
        st.lastindex = sl;
        return false;
      };
    }
    case 'atomic': {
      const body = compileNode(n.body);
      return (st, i, k) => {
        tick(st);
        const saved = st.caps.slice();
        const sl = st.lastindex;
        let end = -1;
        if (!body(st, i, (j) => ((end = j), true))) return false;
        if (k(end)) return true;
        st.caps = saved;
        st.lastindex = sl;
        return false;
      };
    }
    case 'cond': {
      const yes = compileNode(n.yes);
      const no = compileNode(n.no);
      const g = n.idx;
      return (st, i, k) => {
        tick(st);
        return st.caps[2 * g + 1] >= 0 ? yes(st, i, k) : no(st, i, k);
      };
    }
  }
  throw new Error('internal: node ' + (n as Node).t);
}

function compileRepeat(n: Extract<Node, { t: 'repeat' }>): M {
  const { min, max, mode } = n;
  const ct = charTest(n.body);
  if (ct) {
    // single-character body: count the run, then try the continuation at each length
    const inner: M = (st, i, k) => {
      tick(st);
      const lim = Math.min(st.end, max === Infinity ? st.end : i + max);
      let j = i;
      const s = st.s;
      while (j < lim && ct(s[j])) j++;
      const n2 = j - i;
      if (n2 < min) return false;
      if (mode === 1) {
        for (let c = n2; c >= min; c--) {
          tick(st);
          if (k(i + c)) return true;
        }
        return false;
      }
      if (mode === 2) return k(j);
      for (let c = min; c <= n2; c++) {
        tick(st);
        if (k(i + c)) return true;
      }
      return false;
    };
    return inner;
  }
  const body = compileNode(n.body);
  const groups = hasGroups(n.body);
  const greedy = (st: MatchState, i: number, count: number, k: K): boolean => {
    tick(st);
    if (count < max) {
      const r = body(st, i, (j) => {
        // an empty iteration is kept, but ends the loop (SRE MAX_UNTIL's last_ptr check)
        if (j === i && count + 1 >= min) return k(j);
        return greedy(st, j, count + 1, k);
      });
      if (r) return true;
    }
    return count >= min && k(i);
  };
  const lazy = (st: MatchState, i: number, count: number, k: K): boolean => {
    tick(st);
    if (count >= min && k(i)) return true;
    if (count < max) {
      return body(st, i, (j) => {
        if (j === i && count + 1 >= min) return k(j);
        return lazy(st, j, count + 1, k);
      });
    }
    return false;
  };
  if (mode === 1) return (st, i, k) => greedy(st, i, 0, k);
  if (mode === 0) return (st, i, k) => lazy(st, i, 0, k);
  // possessive: the greedy match, never backtracked into
  return (st, i, k) => {
    const saved = groups ? st.caps.slice() : null;
    const sl = st.lastindex;
    let end = -1;
    if (!greedy(st, i, 0, (j) => ((end = j), true))) return false;
    if (k(end)) return true;
    if (saved) st.caps = saved;
    st.lastindex = sl;
    return false;
  };
}

export interface Program {
  parsed: Parsed;
  m: M;
}

export function compileProgram(pat: string, flags: number): Program {
  const parsed = parsePattern(pat, flags);
  return { parsed, m: compileNode(parsed.root) };
}

/** Try to match at exactly position i; on success st.caps[0..1] hold the span. */
export function matchAt(p: Program, st: MatchState, i: number): boolean {
  const ng = p.parsed.groups;
  st.caps = new Array(2 * (ng + 1)).fill(-1);
  st.lastindex = -1;
  st.matchStart = i;
  const ok = p.m(st, i, (j) => {
    if (st.matchAll && j !== st.end) return false;
    if (st.mustAdvance && j === st.start && i === st.start) return false;
    st.caps[0] = i;
    st.caps[1] = j;
    return true;
  });
  return ok;
}

/** SRE(search): the first position from st.start where the pattern matches. */
export function search(p: Program, st: MatchState): boolean {
  for (let i = st.start; i <= st.end; i++) {
    if (matchAt(p, st, i)) return true;
  }
  return false;
}
