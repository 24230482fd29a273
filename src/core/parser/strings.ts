// String literals: prefix handling, escape decoding, implicit concatenation and 3.11 f-strings.
// Mirrors CPython 3.11's Parser/string_parser.c (_PyPegen_parsestr, fstring_find_literal,
// fstring_find_expr, fstring_compile_expr) and action_helpers.c (_PyPegen_concatenate_strings).

import type * as A from './ast';
import * as F from './factory';
import type { Token } from './tokenizer';
import { lookupName } from '../runtime/ucd';

export interface StringHost {
  /** Raise a SyntaxError located like pegen's RAISE_SYNTAX_ERROR (last token fetched). */
  raiseHere(msg: string): never;
  /** Raise a SyntaxError at a token's range. */
  raiseAtToken(t: Token, msg: string): never;
  /** Parse an f-string replacement field's expression ("(" + text + ")"), positioned in the file. */
  parseFStringExpr(text: string, lineno: number, colOffset: number): A.Expr;
}

interface Parsed {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** body between the quotes */
  body: string;
  /** index in the token's text where the body starts */
  bodyStart: number;
}

function splitPrefix(t: Token): Parsed {
  const s = t.value;
  let i = 0;
  let bytes = false,
    raw = false,
    fstring = false;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 98 || c === 66) bytes = true;
    else if (c === 114 || c === 82) raw = true;
    else if (c === 102 || c === 70) fstring = true;
    else if (c === 117 || c === 85) {
      /* u: nothing */
    } else break;
    i++;
  }
  const q = s.charCodeAt(i);
  let qlen = 1;
  if (s.length - i >= 6 && s.charCodeAt(i + 1) === q && s.charCodeAt(i + 2) === q) qlen = 3;
  const body = s.slice(i + qlen, s.length - qlen);
  return { bytes, raw, fstring, body, bodyStart: i + qlen };
}

function isOct(c: number): boolean {
  return c >= 48 && c <= 55;
}
function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Byte length that CPython's decode_unicode_with_escapes buffer gives to s[0..i) (non-ASCII become \Uxxxxxxxx). */
function escBufPos(s: string, i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) {
    const c = s.charCodeAt(k);
    if (c < 128) n++;
    else {
      n += 10;
      if (c >= 0xd800 && c <= 0xdbff) k++;
    }
  }
  return n;
}

/** Decode backslash escapes of a (non-raw) str literal body. */
export function decodeStrEscapes(s: string, host: StringHost): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  const n = s.length;
  let i = 0;
  const fail = (start: number, end: number, what: string): never => {
    const a = escBufPos(s, start);
    const b = escBufPos(s, end) - 1;
    host.raiseHere(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${a}-${Math.max(a, b)}: ${what}`);
  };
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 92) {
      let j = i + 1;
      while (j < n && s.charCodeAt(j) !== 92) j++;
      out += s.slice(i, j);
      i = j;
      continue;
    }
    const start = i;
    i++;
    if (i >= n) fail(start, i, '\\ at end of string');
    const e = s.charCodeAt(i++);
    switch (e) {
      case 10:
        break;
      case 92:
        out += '\\';
        break;
      case 39:
        out += "'";
        break;
      case 34:
        out += '"';
        break;
      case 98:
        out += '\b';
        break;
      case 102:
        out += '\f';
        break;
      case 116:
        out += '\t';
        break;
      case 110:
        out += '\n';
        break;
      case 114:
        out += '\r';
        break;
      case 118:
        out += '\v';
        break;
      case 97:
        out += '\x07';
        break;
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55: {
        let v = e - 48;
        if (i < n && isOct(s.charCodeAt(i))) {
          v = v * 8 + s.charCodeAt(i++) - 48;
          if (i < n && isOct(s.charCodeAt(i))) v = v * 8 + s.charCodeAt(i++) - 48;
        }
        out += String.fromCodePoint(v);
        break;
      }
      case 120:
      case 117:
      case 85: {
        const count = e === 120 ? 2 : e === 117 ? 4 : 8;
        let v = 0;
        for (let k = 0; k < count; k++) {
          const h = i < n ? hexVal(s.charCodeAt(i)) : -1;
          if (h < 0) fail(start, i, e === 120 ? 'truncated \\xXX escape' : e === 117 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape');
          v = v * 16 + h;
          i++;
        }
        if (v > 0x10ffff) fail(start, i, 'illegal Unicode character');
        out += String.fromCodePoint(v);
        break;
      }
      case 78: {
        // \N{name}
        if (i < n && s.charCodeAt(i) === 123) {
          const close = s.indexOf('}', i + 1);
          if (close > i + 1) {
            const nm = s.slice(i + 1, close);
            // _PyUnicode_DecodeUnicodeEscapeInternal: names and aliases (not named sequences)
            const cp = nm.length <= 256 ? lookupName(nm, false) : undefined;
            if (typeof cp !== 'number') return fail(start, close + 1, 'unknown Unicode character name');
            out += String.fromCodePoint(cp);
            i = close + 1;
            break;
          }
        }
        fail(start, i, 'malformed \\N character escape');
        break;
      }
      default:
        // invalid escape: kept as is (a DeprecationWarning in 3.11, not shown for scripts)
        out += '\\' + String.fromCharCode(e);
        if (e >= 0xd800 && e <= 0xdbff && i < n) out += s[i++];
    }
  }
  return out;
}

/** Bytes literal body -> bytes (escapes decoded unless raw). */
function decodeBytes(s: string, raw: boolean): number[] {
  const out: number[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i++);
    if (c !== 92 || raw) {
      out.push(c);
      continue;
    }
    if (i >= n) {
      out.push(92);
      break;
    }
    const e = s.charCodeAt(i++);
    switch (e) {
      case 10:
        break;
      case 92:
        out.push(92);
        break;
      case 39:
        out.push(39);
        break;
      case 34:
        out.push(34);
        break;
      case 98:
        out.push(8);
        break;
      case 102:
        out.push(12);
        break;
      case 116:
        out.push(9);
        break;
      case 110:
        out.push(10);
        break;
      case 114:
        out.push(13);
        break;
      case 118:
        out.push(11);
        break;
      case 97:
        out.push(7);
        break;
      case 120: {
        const h1 = i < n ? hexVal(s.charCodeAt(i)) : -1;
        const h2 = i + 1 < n ? hexVal(s.charCodeAt(i + 1)) : -1;
        if (h1 < 0 || h2 < 0) throw new BytesEscapeError(`(value error) invalid \\x escape at position ${i - 2}`);
        out.push(h1 * 16 + h2);
        i += 2;
        break;
      }
      default:
        if (isOct(e)) {
          let v = e - 48;
          if (i < n && isOct(s.charCodeAt(i))) {
            v = v * 8 + s.charCodeAt(i++) - 48;
            if (i < n && isOct(s.charCodeAt(i))) v = v * 8 + s.charCodeAt(i++) - 48;
          }
          out.push(v & 0xff);
        } else {
          out.push(92, e);
        }
    }
  }
  return out;
}

class BytesEscapeError {
  constructor(readonly msg: string) {}
}

/** State of FstringParser (string_parser.c): a pending literal and the list of values. */
class FState {
  lastStr = '';
  hasLast = false;
  values: A.Expr[] = [];
  fmode = false;
  concat(s: string): void {
    if (s.length === 0) return;
    this.lastStr += s;
    this.hasLast = true;
  }
}

function strNode(s: string, first: Token, last: Token): A.Constant {
  const kind = first.value.charCodeAt(0) === 117 ? 'u' : null;
  return F.constant({ type: 'str', value: s }, kind, first, last);
}

function finish(state: FState, first: Token, last: Token): A.Expr {
  if (!state.fmode) return strNode(state.lastStr, first, last);
  if (state.hasLast) {
    state.values.push(strNode(state.lastStr, first, last));
    state.lastStr = '';
    state.hasLast = false;
  }
  return F.joinedStr(state.values, first, last);
}

/** _PyPegen_concatenate_strings */
export function concatenateStrings(host: StringHost, toks: Token[]): A.Expr {
  const first = toks[0];
  const last = toks[toks.length - 1];
  let bytesmode = false;
  let bytesOut: number[] = [];
  const state = new FState();
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const p = splitPrefix(t);
    if (p.bytes) {
      for (let i = 0; i < p.body.length; i++) {
        if (p.body.charCodeAt(i) >= 0x80) host.raiseAtToken(t, 'bytes can only contain ASCII literal characters');
      }
    }
    if (k !== 0 && bytesmode !== p.bytes) host.raiseHere('cannot mix bytes and nonbytes literals');
    bytesmode = p.bytes;
    if (p.fstring) {
      const cur = { i: 0 };
      concatFstring(host, state, p.body, cur, p.raw, 0, first, t, last, p.bodyStart);
    } else if (p.bytes) {
      try {
        const b = decodeBytes(p.body, p.raw);
        for (const x of b) bytesOut.push(x);
      } catch (e) {
        if (e instanceof BytesEscapeError) host.raiseHere(e.msg);
        throw e;
      }
    } else {
      state.concat(p.raw ? p.body : decodeStrEscapes(p.body, host));
    }
  }
  if (bytesmode) {
    const arr = new Uint8Array(bytesOut);
    bytesOut = [];
    return F.constant({ type: 'bytes', value: arr }, null, first, last);
  }
  return finish(state, first, last);
}

/** _PyPegen_FstringParser_ConcatFstring; cur.i indexes into `s` (the body of token t). */
function concatFstring(
  host: StringHost,
  state: FState,
  s: string,
  cur: { i: number },
  raw: boolean,
  recurseLvl: number,
  first: Token,
  t: Token,
  last: Token,
  bodyStart: number,
): void {
  state.fmode = true;
  const end = s.length;
  for (;;) {
    // fstring_find_literal
    let i = cur.i;
    const litStart = i;
    let result = 0;
    let litEnd = -1;
    while (i < end) {
      let ch = s.charCodeAt(i++);
      if (!raw && ch === 92 && i < end) {
        ch = s.charCodeAt(i++);
        if (ch === 78) {
          if (i < end && s.charCodeAt(i++) === 123) {
            while (i < end && s.charCodeAt(i++) !== 125) {
              /* skip */
            }
            continue;
          }
          continue;
        }
      }
      if (ch === 123 || ch === 125) {
        if (recurseLvl === 0) {
          if (i < end && s.charCodeAt(i) === ch) {
            litEnd = i;
            cur.i = i + 1;
            result = 1;
            break;
          }
          if (ch === 125) {
            cur.i = i - 1;
            host.raiseHere("f-string: single '}' is not allowed");
          }
        }
        i--;
        break;
      }
    }
    if (result === 0) {
      litEnd = i;
      cur.i = i;
    }
    if (litEnd > litStart) {
      const lit = s.slice(litStart, litEnd);
      state.concat(raw ? lit : decodeStrEscapes(lit, host));
    }
    if (result === 1) continue;
    // expression?
    if (cur.i >= end || s.charCodeAt(cur.i) === 125) break;
    // at '{'
    const fe = findExpr(host, s, cur, raw, recurseLvl, first, t, last, bodyStart);
    if (fe.exprText !== null) state.concat(fe.exprText);
    if (state.hasLast) {
      state.values.push(strNode(state.lastStr, first, last));
      state.lastStr = '';
      state.hasLast = false;
    }
    state.values.push(fe.expr);
  }
  if (recurseLvl === 0 && cur.i < end) host.raiseHere('f-string: unexpected end of string');
  if (recurseLvl !== 0 && (cur.i >= end || s.charCodeAt(cur.i) !== 125)) host.raiseHere("f-string: expecting '}'");
}

/** fstring_find_expr: cur.i at '{'. */
function findExpr(
  host: StringHost,
  s: string,
  cur: { i: number },
  raw: boolean,
  recurseLvl: number,
  first: Token,
  t: Token,
  last: Token,
  bodyStart: number,
): { exprText: string | null; expr: A.FormattedValue } {
  const end = s.length;
  if (recurseLvl >= 2) host.raiseHere('f-string: expressions nested too deeply');
  cur.i++;
  const exprStart = cur.i;
  let quote = 0;
  let stringType = 0;
  const parens: number[] = [];
  let i = cur.i;
  for (; i < end; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 92) host.raiseHere('f-string expression part cannot include a backslash');
    if (quote) {
      if (ch === quote) {
        if (stringType === 3) {
          if (i + 2 < end && s.charCodeAt(i + 1) === ch && s.charCodeAt(i + 2) === ch) {
            i += 2;
            stringType = 0;
            quote = 0;
            continue;
          }
        } else {
          stringType = 0;
          quote = 0;
          continue;
        }
      }
      continue;
    }
    if (ch === 39 || ch === 34) {
      if (i + 2 < end && s.charCodeAt(i + 1) === ch && s.charCodeAt(i + 2) === ch) {
        stringType = 3;
        i += 2;
      } else stringType = 1;
      quote = ch;
    } else if (ch === 91 || ch === 123 || ch === 40) {
      if (parens.length >= 200) host.raiseHere('f-string: too many nested parenthesis');
      parens.push(ch);
    } else if (ch === 35) {
      host.raiseHere("f-string expression part cannot include '#'");
    } else if (parens.length === 0 && (ch === 33 || ch === 58 || ch === 125 || ch === 61 || ch === 62 || ch === 60)) {
      if (i + 1 < end) {
        const next = s.charCodeAt(i + 1);
        if ((ch === 33 && next === 61) || (ch === 61 && next === 61) || (ch === 60 && next === 61) || (ch === 62 && next === 61)) {
          i++;
          continue;
        }
      }
      if (ch === 62 || ch === 60) continue;
      break;
    } else if (ch === 93 || ch === 125 || ch === 41) {
      if (!parens.length) host.raiseHere(`f-string: unmatched '${String.fromCharCode(ch)}'`);
      const opening = parens.pop()!;
      if (!((opening === 40 && ch === 41) || (opening === 91 && ch === 93) || (opening === 123 && ch === 125))) {
        host.raiseHere(`f-string: closing parenthesis '${String.fromCharCode(ch)}' does not match opening parenthesis '${String.fromCharCode(opening)}'`);
      }
    }
  }
  const exprEnd = i;
  cur.i = i;
  if (quote) host.raiseHere('f-string: unterminated string');
  if (parens.length) host.raiseHere(`f-string: unmatched '${String.fromCharCode(parens[parens.length - 1])}'`);
  if (cur.i >= end) host.raiseHere("f-string: expecting '}'");

  // fstring_compile_expr
  let k = exprStart;
  while (k < exprEnd) {
    const c = s.charCodeAt(k);
    if (!(c === 32 || c === 9 || c === 10 || c === 12)) break;
    k++;
  }
  if (k === exprEnd) {
    const ec = s.charCodeAt(exprEnd);
    if (ec === 33 || ec === 58 || ec === 61) host.raiseHere(`f-string: expression required before '${String.fromCharCode(ec)}'`);
    host.raiseHere('f-string: empty expression not allowed');
  }
  const exprSrc = s.slice(exprStart, exprEnd);
  const loc = exprLocation(t, bodyStart + exprStart - 1);
  const expr = host.parseFStringExpr(exprSrc, t.lineno + loc.lines, loc.lines ? loc.cols : t.col_offset + loc.cols);

  let exprText: string | null = null;
  let conversion = -1;
  let formatSpec: A.JoinedStr | null = null;
  if (s.charCodeAt(cur.i) === 61) {
    cur.i++;
    while (cur.i < end && isSpace(s.charCodeAt(cur.i))) cur.i++;
    if (cur.i >= end) host.raiseHere("f-string: expecting '}'");
    exprText = s.slice(exprStart, cur.i);
  }
  if (s.charCodeAt(cur.i) === 33) {
    cur.i++;
    if (cur.i >= end) host.raiseHere("f-string: expecting '}'");
    conversion = s.charCodeAt(cur.i);
    cur.i++;
    if (!(conversion === 115 || conversion === 114 || conversion === 97)) {
      host.raiseHere("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  if (cur.i < end && s.charCodeAt(cur.i) === 58) {
    cur.i++;
    if (cur.i >= end) host.raiseHere("f-string: expecting '}'");
    // fstring_parse for the format spec
    const sub = new FState();
    concatFstring(host, sub, s, cur, raw, recurseLvl + 1, first, t, last, bodyStart);
    formatSpec = finish(sub, t, t) as A.JoinedStr;
  }
  if (cur.i >= end || s.charCodeAt(cur.i) !== 125) host.raiseHere("f-string: expecting '}'");
  cur.i++;
  if (exprText !== null && formatSpec === null && conversion === -1) conversion = 114;
  return { exprText, expr: F.formattedValue(expr, conversion, formatSpec, first, last) };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

function utf8len(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** fstring_find_expr_location: lines/cols (bytes) to shift the sub-parser's positions; `brace` indexes t.value. */
function exprLocation(t: Token, brace: number): { lines: number; cols: number } {
  const str = t.value;
  let lines = 0;
  let cols = 0;
  let newlineAfterBrace = true;
  for (let k = brace + 1; k < str.length; k++) {
    const c = str.charCodeAt(k);
    if (c === 125 || c === 10) break;
    if (c !== 32 && c !== 9 && c !== 12) {
      newlineAfterBrace = false;
      break;
    }
  }
  if (!newlineAfterBrace) {
    let st = brace;
    while (st > 0 && str.charCodeAt(st) !== 10) st--;
    cols += utf8len(str, st, brace);
    if (str.charCodeAt(st) === 10) cols -= 1;
  }
  for (let k = 0; k < brace; k++) if (str.charCodeAt(k) === 10) lines++;
  return { lines, cols };
}
