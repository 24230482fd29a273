// Python 3.11 tokenizer, following CPython's Parser/tokenizer.c (tok_get) closely so that token
// boundaries, INDENT/DEDENT handling and the tokenizer's own SyntaxErrors come out the same.
//
// The whole source is tokenized up front into an array. When the tokenizer meets an error it
// stops and appends one ERRORTOKEN carrying a `TokError`; the parser raises that error as soon
// as it looks at that token (as pegen does when it fetches it), or after a failed parse when
// CPython's `_PyPegen_tokenize_full_source_to_check_for_errors` would find it.
//
// Positions: `start`/`end` are UTF-16 indices into the (newline-normalised) source; `col` and
// `endCol` are UTF-8 byte columns as CPython's col_offset. INDENT/DEDENT tokens have col -1 as
// in CPython (their `start` is the first non-blank character of the line).

export const enum Tok {
  ENDMARKER = 0,
  NAME = 1,
  NUMBER = 2,
  STRING = 3,
  NEWLINE = 4,
  INDENT = 5,
  DEDENT = 6,
  OP = 7,
  ERRORTOKEN = 8,
}

export interface Token {
  type: Tok;
  /** Source text of the token ('' for NEWLINE/INDENT/DEDENT/ENDMARKER). */
  value: string;
  start: number;
  end: number;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
  /** Parenthesis nesting level after this token (CPython token->level). */
  level: number;
  /** For ERRORTOKEN. */
  error?: TokError;
}

/** An error found by the tokenizer, already in SyntaxError attribute form (1-based offsets in code points). */
export interface TokError {
  kind: 'error' | 'eof-in-paren' | 'eof';
  type: 'SyntaxError' | 'IndentationError' | 'TabError';
  msg: string;
  lineno: number;
  offset: number;
  endLineno: number;
  endOffset: number;
  text: string | null;
  /** for 'eof-in-paren': where the innermost unclosed bracket is */
  parenLine?: number;
  /** the text is tokenizer.c's _syntaxerror_range line (without its newline), not pegen's */
  raw?: boolean;
  /** tok->lineno when the error was found (the lines read so far) */
  tokLine?: number;
}

const TABSIZE = 8;
const MAXINDENT = 100;
const MAXLEVEL = 200;

// Character classes, by char code.
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isIdChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c >= 128;
}

const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** Py_UNICODE_ISPRINTABLE */
export function isPrintable(ch: string): boolean {
  return ch === ' ' || !NON_PRINTABLE.test(ch);
}

/** Index (in code points) of the first character that makes `s` not an identifier; s.length if valid (_PyUnicode_ScanIdentifier). */
function scanIdentifier(s: string): number {
  let i = 0;
  for (const ch of s) {
    if (i === 0 ? !XID_START.test(ch) : !XID_CONTINUE.test(ch)) {
      // XID tests are done on the NFKC form by CPython only for the whole name; per-char is fine here
      return i;
    }
    i++;
  }
  return i;
}

function hex4(cp: number): string {
  const h = cp.toString(16).toUpperCase();
  return h.length < 4 ? '0000'.slice(h.length) + h : h;
}

// Two- and three-character operators.
const OPS3 = new Set(['**=', '...', '//=', '<<=', '>>=']);
const OPS2 = new Set([
  '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '<>', '==', '>=', '>>', '@=', '^=', '|=',
]);

function isAsciiRange(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

// Interned operator strings, so OP tokens don't allocate their text.
const OP_TEXT = new Map<string, string>();
for (const o of ['(', ')', '[', ']', '{', '}', ':', ',', ';', '+', '-', '*', '/', '|', '&', '<', '>', '=', '.', '%', '~', '^', '@', '!', ...OPS3, ...OPS2]) OP_TEXT.set(o, o);

export class SourceLines {
  /** UTF-16 index of the start of each line; index 0 unused (lines are 1-based). */
  readonly starts: number[] = [0, 0];
  readonly ascii: boolean[] = [true, true];
  constructor(readonly src: string) {
    // eslint-disable-next-line no-control-regex
    const allAscii = !/[^\x00-\x7f]/.test(src);
    let i = src.indexOf('\n');
    let prev = 0;
    while (i >= 0) {
      if (!allAscii) this.ascii[this.ascii.length - 1] = isAsciiRange(src, prev, i);
      this.starts.push(i + 1);
      this.ascii.push(true);
      prev = i + 1;
      i = src.indexOf('\n', prev);
    }
    if (!allAscii) this.ascii[this.ascii.length - 1] = isAsciiRange(src, prev, src.length);
  }
  get count(): number {
    return this.starts.length - 1;
  }
  /** Line text including its trailing newline (if any). */
  lineText(line: number): string {
    if (line < 1 || line >= this.starts.length) return '';
    const s = this.starts[line];
    const e = line + 1 < this.starts.length ? this.starts[line + 1] : this.src.length;
    return this.src.slice(s, e);
  }
  /** UTF-8 byte column of UTF-16 index `idx` lying on `line`. */
  byteCol(line: number, idx: number): number {
    const s = this.starts[line];
    if (this.ascii[line]) return idx - s;
    let b = 0;
    for (let i = s; i < idx; i++) {
      const c = this.src.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        b += 4;
        i++;
      } else b += 3;
    }
    return b;
  }
  /** Code point column of UTF-16 index `idx` lying on `line`. */
  cpCol(line: number, idx: number): number {
    const s = this.starts[line];
    if (this.ascii[line]) return idx - s;
    let n = 0;
    for (let i = s; i < idx; i++) {
      const c = this.src.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) i++;
      n++;
    }
    return n;
  }
  /** Convert a UTF-8 byte column on `line` to a code point column (_PyPegen_byte_offset_to_character_offset). */
  byteToCp(line: number, byteCol: number): number {
    if (line < 1 || line >= this.starts.length || this.ascii[line]) return byteCol;
    const s = this.starts[line];
    let b = 0;
    let n = 0;
    const end = this.src.length;
    for (let i = s; i < end && b < byteCol; i++) {
      const c = this.src.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        b += 4;
        i++;
      } else b += 3;
      n++;
    }
    return n + Math.max(0, byteCol - b);
  }
  /** Line number holding UTF-16 index idx. */
  lineOf(idx: number): number {
    let lo = 1;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= idx) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Normalise newlines as CPython's file reader does (\r\n and \r become \n). */
export function normalizeNewlines(src: string): string {
  if (src.indexOf('\r') < 0) return src;
  return src.replace(/\r\n?/g, '\n');
}

export interface TokenizeResult {
  tokens: Token[];
  lines: SourceLines;
}

/** execInput: the source is a file or exec/compile 'exec' input, whose last line gets a newline
 * (translate_newlines(exec_input)); eval input is tokenized as written (tokenizer.c,
 * _PyTokenizer_FromString) */
export function tokenize(src: string, execInput = true): TokenizeResult {
  return new Tokenizer(src, execInput).run();
}

class Tokenizer {
  readonly lines: SourceLines;
  readonly src: string;
  readonly n: number;
  pos = 0;
  lineno = 1;
  lineStart = 0;
  tokens: Token[] = [];
  indstack: number[] = [0];
  altindstack: number[] = [0];
  parenstack: number[] = [];
  parenline: number[] = [];
  parencol: number[] = []; // UTF-16 index of the bracket
  atbol = true;
  pendin = 0;
  done = false;
  /** true once the last line has been given its implicit newline */

  constructor(
    src: string,
    readonly execInput: boolean,
  ) {
    this.src = src;
    this.n = src.length;
    this.lines = new SourceLines(src);
  }

  run(): TokenizeResult {
    try {
      while (!this.done) this.next();
    } catch (e) {
      if (!(e instanceof TokStop)) throw e;
    }
    return { tokens: this.tokens, lines: this.lines };
  }

  // --- character access: CPython appends a '\n' to a last line lacking one; -1 is EOF
  ch(i: number): number {
    if (i < this.n) return this.src.charCodeAt(i);
    if (i === this.n && this.execInput && this.n > 0 && this.src.charCodeAt(this.n - 1) !== 10) return 10;
    return -1;
  }

  newline(at: number): void {
    // called after consuming the '\n' at index `at`
    this.lineno++;
    this.lineStart = at + 1;
  }

  push(type: Tok, start: number, end: number, startLine: number, startLineStart: number): Token {
    const lines = this.lines;
    let value = type === Tok.NEWLINE || type === Tok.ENDMARKER || type === Tok.INDENT || type === Tok.DEDENT ? '' : this.src.slice(start, Math.min(end, this.n));
    if (type === Tok.OP) value = OP_TEXT.get(value) ?? value;
    const col = startLine <= lines.count ? lines.byteCol(startLine, start) : start - startLineStart;
    const endCol = this.lineno <= lines.count ? lines.byteCol(this.lineno, Math.min(end, this.n)) + Math.max(0, end - this.n) : end - this.lineStart;
    const t: Token = {
      type,
      value,
      start,
      end,
      lineno: startLine,
      col_offset: col,
      end_lineno: this.lineno,
      end_col_offset: endCol,
      level: this.parenstack.length,
      error: undefined,
    };
    this.tokens.push(t);
    return t;
  }

  /** Error text as tokenizer.c's _syntaxerror_range: the line without its newline. */
  fail(msg: string, curIdx: number, opts: { col?: number; endCol?: number; line?: number; lineStart?: number; type?: TokError['type'] } = {}): never {
    const line = opts.line ?? this.lineno;
    const ls = opts.lineStart ?? this.lineStart;
    const text = this.lines.lineText(line).replace(/\n$/, '');
    // col_offset = number of code points from line start to cur
    const col = opts.col ?? this.cpLen(ls, curIdx);
    const endCol = opts.endCol ?? col;
    this.errorToken({ kind: 'error', type: opts.type ?? 'SyntaxError', msg, lineno: line, offset: col, endLineno: line, endOffset: endCol, text, raw: true }, curIdx);
  }

  cpLen(from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to && i < this.n; i++) {
      const c = this.src.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) i++;
      n++;
    }
    return n + Math.max(0, to - Math.max(from, this.n));
  }

  errorToken(err: TokError, at: number): never {
    // (this.lineno moves on past a newline at once, tok->lineno when the next line is read)
    const read = this.n > 0 && this.src.charCodeAt(this.n - 1) === 10 ? this.lines.count - 1 : this.lines.count;
    err.tokLine = Math.min(this.lineno, read);
    const t: Token = {
      type: Tok.ERRORTOKEN,
      value: '',
      start: at,
      end: at,
      lineno: err.lineno,
      col_offset: -1,
      end_lineno: err.lineno,
      end_col_offset: -1,
      level: this.parenstack.length,
      error: err,
    };
    this.tokens.push(t);
    this.done = true;
    throw new TokStop();
  }

  /** Errors pegen builds from tok->done codes (tokenizer_error) located at the line end. */
  lineEndError(type: TokError['type'], msg: string, offsetAtEnd: boolean): never {
    // tok->cur = tok->inp: the end of the current line (incl. newline)
    const text = this.lines.lineText(this.lineno);
    const offset = offsetAtEnd ? this.cpLen(this.lineStart, this.lineStart + text.length) : 1;
    this.errorToken(
      { kind: 'error', type, msg, lineno: this.lineno, offset, endLineno: this.lineno, endOffset: offsetAtEnd ? -1 : 0, text },
      this.lineStart,
    );
  }

  /** After a backslash: must be followed by newline (tok_continuation_line). Returns position after it. */
  continuation(i: number): number {
    // i indexes the char after '\\'
    const c = this.ch(i);
    if (c !== 10) {
      // E_LINECONT: col_offset = cur - buf - 1, cur is after the char following the backslash
      const text = this.lines.lineText(this.lineno);
      // (at EOF, eval input's missing newline, tok_nextc leaves cur where it is)
      const offset = this.cpLen(this.lineStart, i) + (c === -1 ? 0 : 1);
      this.errorToken(
        { kind: 'error', type: 'SyntaxError', msg: 'unexpected character after line continuation character', lineno: this.lineno, offset, endLineno: this.lineno, endOffset: 0, text },
        i,
      );
    }
    const lineText = this.lines.lineText(this.lineno);
    const lineStartBefore = this.lineStart;
    const lnBefore = this.lineno;
    this.newline(i);
    if (this.ch(i + 1) === -1) {
      // E_EOF
      this.eofError(lnBefore, lineStartBefore, lineText);
    }
    return i + 1;
  }

  eofError(line: number, ls: number, text: string): never {
    if (this.parenstack.length) this.eofInParen();
    // (tok->cur is past the line's newline, the implicit one of exec input too)
    const offset = this.cpLen(ls, ls + text.length) + (this.execInput && !text.endsWith('\n') ? 1 : 0);
    this.errorToken({ kind: 'eof', type: 'SyntaxError', msg: 'unexpected EOF while parsing', lineno: line, offset, endLineno: line, endOffset: -1, text }, this.n);
  }

  eofInParen(): never {
    const k = this.parenstack.length - 1;
    const line = this.parenline[k];
    const idx = this.parencol[k];
    const text = this.lines.lineText(line);
    const col = this.lines.cpCol(line, idx) + 1;
    this.errorToken(
      {
        kind: 'eof-in-paren',
        type: 'SyntaxError',
        msg: `'${String.fromCharCode(this.parenstack[k])}' was never closed`,
        lineno: line,
        offset: col,
        endLineno: line,
        endOffset: 0,
        text,
        parenLine: line,
      },
      this.n,
    );
  }

  next(): void {
    const src = this.src;
    let blankline = false;
    let i = this.pos;
    let c: number;

    // nextline:
    for (;;) {
      blankline = false;
      if (this.atbol) {
        let col = 0;
        let altcol = 0;
        let contLineCol = 0;
        this.atbol = false;
        for (;;) {
          c = this.ch(i);
          if (c === 32) {
            col++;
            altcol++;
          } else if (c === 9) {
            col = ((col / TABSIZE) | 0) * TABSIZE + TABSIZE;
            altcol = altcol + 1;
          } else if (c === 12) {
            col = altcol = 0;
          } else if (c === 92) {
            contLineCol = contLineCol ? contLineCol : col;
            i = this.continuation(i + 1);
            continue;
          } else break;
          i++;
        }
        if (c === 35 || c === 10 || c === -1) {
          // CPython: blank lines / comment lines are ignored (EOF too: handled below)
          blankline = c !== -1;
        }
        // (at EOF only eval input, which has no implicit newline, can end in an indented line)
        if (!blankline && (c !== -1 || col !== 0) && this.parenstack.length === 0) {
          if (contLineCol) {
            col = contLineCol;
            altcol = contLineCol;
          }
          const top = this.indstack.length - 1;
          if (col === this.indstack[top]) {
            if (altcol !== this.altindstack[top]) this.tabError(i);
          } else if (col > this.indstack[top]) {
            if (top + 1 >= MAXINDENT) this.lineEndErrorAt(i, 'IndentationError', 'too many levels of indentation');
            if (altcol <= this.altindstack[top]) this.tabError(i);
            this.pendin++;
            this.indstack.push(col);
            this.altindstack.push(altcol);
          } else {
            while (this.indstack.length > 1 && col < this.indstack[this.indstack.length - 1]) {
              this.pendin--;
              this.indstack.pop();
              this.altindstack.pop();
            }
            if (col !== this.indstack[this.indstack.length - 1]) {
              this.pos = i;
              this.lineEndError('IndentationError', 'unindent does not match any outer indentation level', true);
            }
            if (altcol !== this.altindstack[this.altindstack.length - 1]) this.tabError(i);
          }
        }
      }

      // pending indents/dedents
      if (this.pendin !== 0) {
        const type = this.pendin < 0 ? Tok.DEDENT : Tok.INDENT;
        if (this.pendin < 0) this.pendin++;
        else this.pendin--;
        const t = this.push(type, i, i, this.lineno, this.lineStart);
        t.col_offset = -1;
        t.end_col_offset = -1;
        this.pos = i;
        return;
      }

      // again:
      for (;;) {
        do {
          c = this.ch(i++);
        } while (c === 32 || c === 9 || c === 12);
        const start = i - 1;
        if (c === 35) {
          // comment
          while (i < this.n && src.charCodeAt(i) !== 10) i++;
          c = this.ch(i++);
        }
        if (c === -1) {
          this.pos = i - 1;
          if (this.parenstack.length) this.eofInParen();
          // EOF: dedent everything, then ENDMARKER (at the start of the line after the last)
          // (eval input: tok->lineno, the number of lines read, 0 for an empty string)
          const eofLine = this.execInput ? (this.n > 0 ? this.lineno - 1 : 1) : this.n === 0 ? 0 : src.charCodeAt(this.n - 1) === 10 ? this.lineno - 1 : this.lineno;
          const type = this.indstack.length > 1 ? Tok.DEDENT : Tok.ENDMARKER;
          if (type === Tok.DEDENT) {
            this.indstack.pop();
            this.altindstack.pop();
          } else this.done = true;
          const t = this.push(type, this.n, this.n, this.lineno, this.lineStart);
          t.lineno = t.end_lineno = eofLine;
          t.col_offset = t.end_col_offset = -1;
          t.start = -1; // at EOF pegen's tok->cur == tok->buf: column 0
          return;
        }

        // identifier / string prefix
        if (isIdStart(c)) {
          let sawB = false,
            sawR = false,
            sawU = false,
            sawF = false;
          for (;;) {
            if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
            else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
            else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
            else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
            else break;
            c = this.ch(i++);
            if (c === 34 || c === 39) {
              this.pos = this.string(start, i - 1, c);
              return;
            }
          }
          let nonascii = false;
          while (isIdChar(c)) {
            if (c >= 128) nonascii = true;
            c = this.ch(i++);
          }
          i--;
          if (nonascii) this.verifyIdentifier(start, i);
          this.push(Tok.NAME, start, i, this.lineno, this.lineStart);
          this.pos = i;
          return;
        }

        if (c === 10) {
          const at = i - 1;
          this.atbol = true;
          if (blankline || this.parenstack.length > 0) {
            this.newline(at);
            break; // goto nextline
          }
          // after a comment, CPython's NEWLINE token starts at the '#'
          this.push(Tok.NEWLINE, start < at ? start : at, at, this.lineno, this.lineStart);
          this.newline(at);
          this.pos = i;
          return;
        }

        // '.' or number starting with '.'
        if (c === 46) {
          const c2 = this.ch(i);
          if (isDigit(c2)) {
            i = this.number(start, i, true);
            this.pos = i;
            return;
          }
          if (c2 === 46 && this.ch(i + 1) === 46) {
            this.push(Tok.OP, start, i + 2, this.lineno, this.lineStart);
            this.pos = i + 2;
            return;
          }
          this.push(Tok.OP, start, i, this.lineno, this.lineStart);
          this.pos = i;
          return;
        }

        if (isDigit(c)) {
          i = this.number(start, i, false);
          this.pos = i;
          return;
        }

        if (c === 34 || c === 39) {
          this.pos = this.string(start, i - 1, c);
          return;
        }

        if (c === 92) {
          i = this.continuation(i);
          continue; // goto again
        }

        // operators
        const len = opLength(c, src.charCodeAt(start + 1), src.charCodeAt(start + 2));
        const end = start + len;
        // bracket tracking
        if (c === 40 || c === 91 || c === 123) {
          if (this.parenstack.length >= MAXLEVEL) this.fail('too many nested parentheses', end);
          this.parenstack.push(c);
          this.parenline.push(this.lineno);
          this.parencol.push(start);
        } else if (c === 41 || c === 93 || c === 125) {
          if (!this.parenstack.length) this.fail(`unmatched '${String.fromCharCode(c)}'`, end);
          const opening = this.parenstack.pop()!;
          const oline = this.parenline.pop()!;
          this.parencol.pop();
          if (!((opening === 40 && c === 41) || (opening === 91 && c === 93) || (opening === 123 && c === 125))) {
            this.parenstack.push(opening); // CPython has already decremented; level doesn't matter after an error
            if (oline !== this.lineno) {
              this.fail(
                `closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis '${String.fromCharCode(opening)}' on line ${oline}`,
                end,
              );
            }
            this.fail(`closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis '${String.fromCharCode(opening)}'`, end);
          }
        } else if (c >= 0xd800 || c < 32 || c === 127) {
          // non-printable / odd characters outside identifiers
          if (c < 32 || c === 127) {
            if (c !== 0) {
              // CPython 3.11 returns these as OP tokens; the parser then says "invalid syntax"
            }
          }
        }
        this.push(Tok.OP, start, end, this.lineno, this.lineStart);
        this.pos = end;
        return;
      }
    }
  }

  lineEndErrorAt(i: number, type: TokError['type'], msg: string): never {
    void i;
    this.lineEndError(type, msg, false);
  }

  tabError(i: number): never {
    void i;
    this.lineEndError('TabError', 'inconsistent use of tabs and spaces in indentation', false);
  }

  verifyIdentifier(start: number, end: number): void {
    const s = this.src.slice(start, end);
    const invalid = scanIdentifier(s);
    const cps = Array.from(s);
    if (invalid >= cps.length) return;
    const ch = cps[invalid];
    const cp = ch.codePointAt(0)!;
    // tok->cur moves to just after the invalid character
    let cur = start;
    for (let k = 0; k <= invalid; k++) cur += cps[k].length;
    if (isPrintable(ch)) this.fail(`invalid character '${ch}' (U+${hex4(cp)})`, cur);
    this.fail(`invalid non-printable character U+${hex4(cp)}`, cur);
  }

  /** verify_end_of_number; c is the char at index i (not consumed). */
  verifyEnd(i: number, kind: string): void {
    const c = this.ch(i);
    const src = this.src;
    let r = false;
    if (c === 97) r = src.startsWith('nd', i + 1);
    else if (c === 101) r = src.startsWith('lse', i + 1);
    else if (c === 102) r = src.startsWith('or', i + 1);
    else if (c === 105) {
      const c2 = this.ch(i + 1);
      r = c2 === 102 || c2 === 110 || c2 === 115;
    } else if (c === 111) r = src.startsWith('r', i + 1);
    else if (c === 110) r = src.startsWith('ot', i + 1);
    if (r) return; // only a DeprecationWarning in 3.11 (not shown)
    if (c >= 0 && c < 128 && isIdChar(c)) this.fail(`invalid ${kind} literal`, i);
  }

  /** tok_decimal_tail: i at first char to examine; returns index of first non-digit */
  decimalTail(i: number): number {
    for (;;) {
      while (isDigit(this.ch(i))) i++;
      if (this.ch(i) !== 95) return i;
      i++;
      if (!isDigit(this.ch(i))) this.fail('invalid decimal literal', i);
    }
  }

  /** Number token; `start` is its first char, `i` the index after the first char. */
  number(start: number, i: number, dotStart: boolean): number {
    let c: number;
    const first = this.ch(start);
    if (dotStart) {
      i = this.fractionEtc(i);
    } else if (first === 48) {
      c = this.ch(i);
      if (c === 120 || c === 88) {
        i++;
        do {
          if (this.ch(i) === 95) i++;
          if (!isHex(this.ch(i))) this.fail('invalid hexadecimal literal', i);
          do i++;
          while (isHex(this.ch(i)));
        } while (this.ch(i) === 95);
        this.verifyEnd(i, 'hexadecimal');
      } else if (c === 111 || c === 79) {
        i++;
        do {
          if (this.ch(i) === 95) i++;
          c = this.ch(i);
          if (c < 48 || c >= 56) {
            if (isDigit(c)) this.fail(`invalid digit '${String.fromCharCode(c)}' in octal literal`, i + 1);
            this.fail('invalid octal literal', i);
          }
          do i++;
          while (this.ch(i) >= 48 && this.ch(i) < 56);
        } while (this.ch(i) === 95);
        if (isDigit(this.ch(i))) this.fail(`invalid digit '${String.fromCharCode(this.ch(i))}' in octal literal`, i + 1);
        this.verifyEnd(i, 'octal');
      } else if (c === 98 || c === 66) {
        i++;
        do {
          if (this.ch(i) === 95) i++;
          c = this.ch(i);
          if (c !== 48 && c !== 49) {
            if (isDigit(c)) this.fail(`invalid digit '${String.fromCharCode(c)}' in binary literal`, i + 1);
            this.fail('invalid binary literal', i);
          }
          do i++;
          while (this.ch(i) === 48 || this.ch(i) === 49);
        } while (this.ch(i) === 95);
        if (isDigit(this.ch(i))) this.fail(`invalid digit '${String.fromCharCode(this.ch(i))}' in binary literal`, i + 1);
        this.verifyEnd(i, 'binary');
      } else {
        let nonzero = false;
        for (;;) {
          if (this.ch(i) === 95) {
            i++;
            if (!isDigit(this.ch(i))) this.fail('invalid decimal literal', i);
          }
          if (this.ch(i) !== 48) break;
          i++;
        }
        const zerosEnd = i;
        if (isDigit(this.ch(i))) {
          nonzero = true;
          i = this.decimalTail(i);
        }
        c = this.ch(i);
        if (c === 46) {
          i = this.fractionEtc(i + 1);
        } else if (c === 101 || c === 69) {
          i = this.exponentEtc(i);
        } else if (c === 106 || c === 74) {
          i++;
          this.verifyEnd(i, 'imaginary');
        } else if (nonzero) {
          const ls = this.lineStart;
          this.fail('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', i, {
            col: this.cpLen(ls, start) + 1,
            endCol: this.cpLen(ls, zerosEnd),
          });
        } else {
          this.verifyEnd(i, 'decimal');
        }
      }
    } else {
      i = this.decimalTail(i);
      c = this.ch(i);
      if (c === 46) i = this.fractionEtc(i + 1);
      else if (c === 101 || c === 69) i = this.exponentEtc(i);
      else if (c === 106 || c === 74) {
        i++;
        this.verifyEnd(i, 'imaginary');
      } else this.verifyEnd(i, 'decimal');
    }
    this.push(Tok.NUMBER, start, i, this.lineno, this.lineStart);
    return i;
  }

  /** After the '.', i at first fraction char. */
  fractionEtc(i: number): number {
    if (isDigit(this.ch(i))) i = this.decimalTail(i);
    const c = this.ch(i);
    if (c === 101 || c === 69) return this.exponentEtc(i);
    if (c === 106 || c === 74) {
      i++;
      this.verifyEnd(i, 'imaginary');
      return i;
    }
    this.verifyEnd(i, 'decimal');
    return i;
  }

  /** i at the 'e'. */
  exponentEtc(i: number): number {
    const e = i;
    i++;
    let c = this.ch(i);
    if (c === 43 || c === 45) {
      i++;
      if (!isDigit(this.ch(i))) this.fail('invalid decimal literal', i);
    } else if (!isDigit(c)) {
      this.verifyEnd(e, 'decimal');
      return e;
    }
    i = this.decimalTail(i);
    c = this.ch(i);
    if (c === 106 || c === 74) {
      i++;
      this.verifyEnd(i, 'imaginary');
      return i;
    }
    this.verifyEnd(i, 'decimal');
    return i;
  }

  /** String token starting at `start` (prefix included); `q` is the index of the opening quote. */
  string(start: number, q: number, quote: number): number {
    const firstLine = this.lineno;
    const firstLineStart = this.lineStart;
    let i = q + 1;
    let quoteSize = 1;
    let endQuoteSize = 0;
    if (this.ch(i) === quote) {
      if (this.ch(i + 1) === quote) {
        quoteSize = 3;
        i += 2;
      } else {
        endQuoteSize = 1;
        i += 1;
      }
    }
    const src = this.src;
    while (endQuoteSize !== quoteSize) {
      const c = i < this.n ? src.charCodeAt(i) : this.ch(i);
      i++;
      if (c === -1 || (quoteSize === 1 && c === 10)) {
        // (EOF comes after a newline, unless eval input ends without one)
        const detected = c === -1 && (this.execInput || src.charCodeAt(this.n - 1) === 10) ? this.lineno - 1 : this.lineno;
        const text = this.lines.lineText(firstLine).replace(/\n$/, '');
        const col = this.cpLen(firstLineStart, start) + 1;
        const msg =
          quoteSize === 3
            ? `unterminated triple-quoted string literal (detected at line ${detected})`
            : `unterminated string literal (detected at line ${detected})`;
        this.errorToken({ kind: 'error', type: 'SyntaxError', msg, lineno: firstLine, offset: col, endLineno: firstLine, endOffset: col, text, raw: true }, start);
      }
      if (c === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (c === 92) {
          const c2 = this.ch(i);
          if (c2 === 10) this.newline(i);
          if (c2 !== -1) i++;
        } else if (c === 10) {
          this.newline(i - 1);
        }
      }
    }
    this.push(Tok.STRING, start, i, firstLine, firstLineStart);
    return i;
  }
}

class TokStop {}

/** Length of the operator starting with chars c1 c2 c3 (PyToken_ThreeChars/TwoChars/OneChar). */
function opLength(c1: number, c2: number, c3: number): number {
  switch (c1) {
    case 42: // *
      if (c2 === 42) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 47: // /
      if (c2 === 47) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 60: // <
      if (c2 === 60) return c3 === 61 ? 3 : 2;
      return c2 === 61 || c2 === 62 ? 2 : 1;
    case 62: // >
      if (c2 === 62) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 45: // -
      return c2 === 61 || c2 === 62 ? 2 : 1;
    case 58: // :
      return c2 === 61 ? 2 : 1;
    case 33: // !
    case 37: // %
    case 38: // &
    case 43: // +
    case 61: // =
    case 64: // @
    case 94: // ^
    case 124: // |
      return c2 === 61 ? 2 : 1;
    default:
      return 1;
  }
}
