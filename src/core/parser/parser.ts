// Hand-written recursive-descent parser for the Python 3.11 grammar (Grammar/python.gram).
//
// Each parse method carries the grammar rule it implements. The parser works on the token array
// made by tokenizer.ts, builds nodes through factory.ts, and reports the first syntax error the
// way CPython 3.11 does: specific messages come from the grammar's invalid_* rules (checked at the
// point where the valid alternatives fail), everything else is "invalid syntax" at the token where
// parsing stopped. Errors travel as a private exception inside the parser; `parse()` never throws.

import type * as A from './ast';
import * as F from './factory';
import type { SyntaxErrorInfo } from './errors';
import { concatenateStrings, type StringHost } from './strings';
import { arenaBegin, arenaEnd, arenaSwap, noteNumber, noteStrings, scaleNumber, sharedKey } from './arena';
import { normalizeNewlines, SourceLines, Tok, tokenize, type TokError, type Token } from './tokenizer';

type ErrType = SyntaxErrorInfo['type'];

/** A syntax error on its way out of the parser. */
class ParseError {
  constructor(
    readonly info: Omit<SyntaxErrorInfo, 'filename'>,
    /** raised by the tokenizer (final: later tokenizer errors don't replace it) */
    readonly fromTokenizer: boolean,
    /** the IndentationErrors of _PyPegen_set_syntax_error (not replaced by later tokenizer errors) */
    readonly noOverride = false,
    /** raised at a token at EOF without a column (_PyPegen_raise_error's tok->cur - line_start) */
    readonly atEof = false,
  ) {}
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

const AUGASSIGN: Record<string, A.Operator> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '@=': 'MatMult', '/=': 'Div', '%=': 'Mod', '&=': 'BitAnd', '|=': 'BitOr',
  '^=': 'BitXor', '<<=': 'LShift', '>>=': 'RShift', '**=': 'Pow', '//=': 'FloorDiv',
};

const COMPARE_OPS: Record<string, A.CmpOp> = { '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE' };

function isWs(t: Token): boolean {
  return t.type === Tok.NEWLINE || t.type === Tok.INDENT || t.type === Tok.DEDENT || t.type === Tok.ENDMARKER;
}

/** Identifiers are NFKC-normalised (_PyPegen_new_identifier). */
function ident(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return s.normalize('NFKC');
  return s;
}

/** _PyPegen_get_expr_name */
export function exprName(e: A.Expr): string {
  switch (e.kind) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v.type === 'None') return 'None';
      if (v.type === 'bool') return v.value ? 'True' : 'False';
      if (v.type === 'Ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    default: return 'expression';
  }
}

type TargetsType = 'star' | 'del' | 'for';

/** _PyPegen_get_invalid_target */
function invalidTarget(e: A.Expr, tt: TargetsType): A.Expr | null {
  switch (e.kind) {
    case 'List':
    case 'Tuple':
      for (const x of e.elts) {
        const c = invalidTarget(x, tt);
        if (c) return c;
      }
      return null;
    case 'Starred':
      if (tt === 'del') return e;
      return invalidTarget(e.value, tt);
    case 'Compare':
      if (tt === 'for') {
        if (e.ops[0] === 'In') return invalidTarget(e.left, tt);
        return null;
      }
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

interface FStringCtx {
  lineno: number; // line of the sub-source's first line
  colOffset: number; // byte shift of the first line
  text: string; // "(expr)" as pegen reports it
}

export interface ParseOutput {
  module: A.Module | null;
  error: Omit<SyntaxErrorInfo, 'filename'> | null;
}

/** mode 'eval': the eval start rule on input without an implicit trailing newline; the module
 * holds the one expression statement */
export function parseModule(source: string, mode: 'exec' | 'eval' = 'exec'): ParseOutput {
  let src = normalizeNewlines(source);
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1); // UTF-8 BOM
  const { tokens, lines } = tokenize(src, mode === 'exec');
  const p = new Parser(tokens, lines, null);
  const prevArena = arenaBegin();
  let done = false;
  try {
    p.start();
    const mod = mode === 'eval' ? p.parseEval() : p.parseFile();
    mod.arena = arenaEnd(prevArena);
    done = true;
    return { module: mod, error: null };
  } catch (e) {
    if (e instanceof ParseError) {
      const info = p.finalError(e);
      const err: Omit<SyntaxErrorInfo, 'filename'> = { ...info, string_text: p.stringText(info, e, mode === 'exec') };
      if (e.atEof && info === e.info) {
        // a string's tokenizer at EOF still holds its last line: tok->cur - line_start is that
        // line's length, with exec input's implicit newline (a file's tokenizer gives 0)
        const read = src.endsWith('\n') ? lines.count - 1 : lines.count;
        const text = lines.lineText(read);
        err.string_offset = lines.cpCol(read, lines.starts[read] + text.length) + (mode === 'exec' && !text.endsWith('\n') ? 1 : 0);
      }
      return { module: null, error: err };
    }
    // internal failure: report as a generic syntax error rather than throwing
    const t = p.tok;
    return {
      module: null,
      error: {
        type: 'SyntaxError',
        msg: `invalid syntax (internal parser error: ${e instanceof Error ? e.message : String(e)})`,
        lineno: t.lineno,
        offset: 1,
        end_lineno: t.lineno,
        end_offset: 0,
        text: lines.lineText(t.lineno) || null,
      },
    };
  } finally {
    if (!done) arenaEnd(prevArena);
  }
}

class Parser implements StringHost {
  i = 0;
  tok: Token;
  lastNonWs: Token;
  /** furthest token index looked at */
  maxFetched = 0;
  readonly parenthesized = new Set<A.Expr>();
  /** nesting depth of speculative parses */
  specDepth = 0;
  /** the NUMBER tokens pegen's t_primary parses as an atom, with how many times (simStarTargets) */
  tprim: Map<Token, number> | null = null;
  /** simTargetWithStarAtom's results by token index */
  private simMemo: Map<number, number> | null = null;

  constructor(
    readonly tokens: Token[],
    readonly lines: SourceLines,
    readonly fctx: FStringCtx | null,
  ) {
    this.tok = tokens[0];
    this.lastNonWs = tokens[0];
  }

  start(): void {
    if (this.ty() === Tok.ERRORTOKEN) this.tokError(this.tok.error!);
  }

  // ------------------------------------------------------------------ token access

  advance(): Token {
    const t = this.tok;
    if (!isWs(t)) this.lastNonWs = t;
    if (t.type !== Tok.ENDMARKER) {
      const j = ++this.i;
      const n = this.tokens[j];
      if (j > this.maxFetched) this.maxFetched = j;
      this.tok = n;
      if (n.type === Tok.ERRORTOKEN) this.tokError(n.error!);
    }
    return t;
  }

  ty(): Tok {
    return this.tok.type;
  }

  peek(k: number): Token {
    const j = Math.min(this.i + k, this.tokens.length - 1);
    const t = this.tokens[j];
    if (j > this.maxFetched) this.maxFetched = j;
    if (t.type === Tok.ERRORTOKEN) this.tokError(t.error!);
    return t;
  }

  is(v: string): boolean {
    const t = this.tok;
    return t.value === v && (t.type === Tok.OP || t.type === Tok.NAME);
  }

  eat(v: string): Token | null {
    if (this.is(v)) return this.advance();
    return null;
  }

  expect(v: string): Token {
    if (this.is(v)) return this.advance();
    this.failHere();
  }

  /** forced token (&&'x'): "expected 'x'" at the current token */
  expectForced(v: string): Token {
    if (this.is(v)) return this.advance();
    this.raiseAtToken(this.tok, `expected '${v}'`);
  }

  isName(): boolean {
    return this.ty() === Tok.NAME && !KEYWORDS.has(this.tok.value);
  }

  expectName(): Token {
    if (this.isName()) return this.advance();
    this.failHere();
  }

  mark(): [number, Token] {
    return [this.i, this.lastNonWs];
  }

  reset(m: [number, Token]): void {
    this.i = m[0];
    this.tok = this.tokens[m[0]];
    this.lastNonWs = m[1];
  }

  /** Run `f` as a lookahead: always rewind; returns f's result, or null on a (non-tokenizer) syntax error. */
  probe<T>(f: () => T): T | null {
    const m = this.mark();
    try {
      return this.attempt(f);
    } finally {
      this.reset(m);
    }
  }

  /** Run `f` speculatively: on a (non-tokenizer) syntax error, rewind and return null. */
  attempt<T>(f: () => T): T | null {
    const m = this.mark();
    this.specDepth++;
    try {
      return f();
    } catch (e) {
      if (e instanceof ParseError && !e.fromTokenizer) {
        this.reset(m);
        return null;
      }
      throw e;
    } finally {
      this.specDepth--;
    }
  }

  // ------------------------------------------------------------------ errors

  errInfo(type: ErrType, msg: string, lineno: number, col1: number, endLineno: number, endCol1: number): Omit<SyntaxErrorInfo, 'filename'> {
    // col1/endCol1: 1-based UTF-8 byte offsets (or <= 0 for "none"), converted with the error line
    const f = this.fctx;
    let text: string | null;
    let offset: number;
    let endOffset: number;
    if (f) {
      msg = 'f-string: ' + msg;
      // pegen reports offsets relative to the "(expr)" buffer, and that buffer as the text
      const shift = lineno === f.lineno ? f.colOffset : 0;
      col1 -= shift;
      if (endCol1 > 0) endCol1 -= shift;
      text = f.text + '\n';
      const line = this.lines;
      offset = line.byteToCp(lineno - f.lineno + 1, col1);
      endOffset = endCol1 > 0 ? line.byteToCp(lineno - f.lineno + 1, endCol1) : endCol1;
      // the sub-source's lines were numbered from 1
    } else {
      text = this.lines.lineText(lineno);
      offset = this.lines.byteToCp(lineno, col1);
      endOffset = endCol1 > 0 ? this.lines.byteToCp(lineno, endCol1) : endCol1;
    }
    const info: Omit<SyntaxErrorInfo, 'filename'> = { type, msg, lineno, offset, end_lineno: endLineno, end_offset: endOffset, text };
    if (!f && (offset !== col1 || endOffset !== endCol1)) {
      // running a script, pegen leaves these offsets in UTF-8 bytes (compile() converts them)
      info.print_offset = col1;
      info.print_end_offset = endCol1;
    }
    return info;
  }

  raise(type: ErrType, msg: string, lineno: number, col1: number, endLineno: number, endCol1: number, noOverride = false, atEof = false): never {
    throw new ParseError(this.errInfo(type, msg, lineno, col1, endLineno, endCol1), false, noOverride, atEof);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t) / KNOWN_NODE */
  raiseAtToken(t: A.Pos, msg: string, type: ErrType = 'SyntaxError'): never {
    this.raise(type, msg, t.lineno, t.col_offset + 1, t.end_lineno, t.end_col_offset + 1);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b) */
  raiseRange(a: A.Pos, b: A.Pos, msg: string): never {
    this.raise('SyntaxError', msg, a.lineno, a.col_offset + 1, b.end_lineno, b.end_col_offset + 1);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM(a): end offset is CURRENT_POS */
  raiseFrom(a: A.Pos, msg: string): never {
    // CURRENT_POS: the tokenizer's position, i.e. the end of the last token fetched
    const t = this.tokens[this.maxFetched];
    this.raise('SyntaxError', msg, a.lineno, a.col_offset + 1, t.end_lineno, t.end_col_offset);
  }

  /** _PyPegen_raise_error: located at the last token fetched. */
  raiseAt(t: Token, msg: string, type: ErrType = 'SyntaxError', noOverride = false): never {
    if (t.col_offset === -1) {
      // INDENT/DEDENT/ENDMARKER: offset = tok->cur - line_start (no +1)
      const line = Math.min(t.lineno, this.lines.count);
      const col = t.start >= 0 && t.start >= this.lines.starts[line] ? this.lines.byteCol(line, Math.min(t.start, this.lines.src.length)) : 0;
      this.raise(type, msg, t.lineno, col, t.lineno, -1, noOverride, t.start < 0);
    }
    this.raise(type, msg, t.lineno, t.col_offset + 1, t.end_lineno, t.end_col_offset + 1, noOverride);
  }

  raiseHere(msg: string): never {
    this.raiseAt(this.tokens[this.maxFetched], msg);
  }

  /** A generic failure at the current token (the furthest token pegen's first pass reached). */
  failHere(): never {
    const t = this.tok;
    if (t.type === Tok.INDENT) this.raiseAt(t, 'unexpected indent', 'IndentationError', true);
    if (t.type === Tok.DEDENT) this.raiseAt(t, 'unexpected unindent', 'IndentationError', true);
    // RAISE_SYNTAX_ERROR_KNOWN_LOCATION(last_token): ENDMARKER's columns are -1, so 0 and 0
    if (t.type === Tok.ENDMARKER) this.raise('SyntaxError', 'invalid syntax', t.lineno, 0, t.lineno, 0);
    this.raiseAt(t, 'invalid syntax');
  }

  tokError(e: TokError): never {
    if (e.kind === 'eof' && this.ty() !== Tok.ERRORTOKEN) {
      // fallthrough to below
    }
    throw new ParseError(
      { type: e.type, msg: e.msg, lineno: e.lineno, offset: e.offset, end_lineno: e.endLineno, end_offset: e.endOffset, text: e.text },
      true,
    );
  }

  /** The error's text when the source is a string (compile(), exec(), eval()): pegen takes the
   * tokenizer's buffer, the current line with its newline (an implicit one for exec input), when
   * the error is on the line the tokenizer is at, else the line from the string without its
   * newline (_PyPegen_raise_error_known_location, get_error_line_from_tokenizer_buffers); the
   * tokenizer's own errors keep their line (_syntaxerror_range) */
  stringText(info: Omit<SyntaxErrorInfo, 'filename'>, e: ParseError, execInput: boolean): string | null {
    // (errors inside an f-string's expression keep the "(expr)" text they were given)
    if (this.fctx || info.text === null || (info.msg.startsWith('f-string: ') && info.text !== this.lines.lineText(info.lineno))) return info.text;
    const last = this.tokens[this.tokens.length - 1];
    const te = last.type === Tok.ERRORTOKEN && (e.fromTokenizer || info.msg === last.error!.msg) ? last.error! : null;
    if (te && te.raw) return info.text;
    const tokLine = te ? te.tokLine! : this.tokens[this.maxFetched].end_lineno;
    const text = this.lines.lineText(info.lineno);
    if (info.lineno < tokLine) return text.replace(/\n$/, '');
    return execInput && !text.endsWith('\n') ? text + '\n' : text;
  }

  /** Apply _PyPegen_tokenize_full_source_to_check_for_errors to a parser error. */
  finalError(e: ParseError): Omit<SyntaxErrorInfo, 'filename'> {
    if (e.fromTokenizer || e.noOverride || this.fctx) return e.info;
    const last = this.tokens[this.tokens.length - 1];
    if (last.type === Tok.ERRORTOKEN) {
      const te = last.error!;
      if (te.kind === 'error' && te.type === 'SyntaxError') {
        return { type: te.type, msg: te.msg, lineno: te.lineno, offset: te.offset, end_lineno: te.endLineno, end_offset: te.endOffset, text: te.text };
      }
      // "current_err_line" is the line of the furthest token fetched
      if (te.kind === 'eof-in-paren' && this.tokens[this.maxFetched].lineno > te.parenLine!) {
        return { type: te.type, msg: te.msg, lineno: te.lineno, offset: te.offset, end_lineno: te.endLineno, end_offset: te.endOffset, text: te.text };
      }
    }
    return e.info;
  }

  // ------------------------------------------------------------------ statements

  // file: [statements] ENDMARKER
  parseFile(): A.Module {
    const body: A.Stmt[] = [];
    while (this.ty() !== Tok.ENDMARKER) {
      if (this.ty() === Tok.NEWLINE) {
        // a lone NEWLINE can only come from a line holding just ';'-less junk; pegen fails here
        this.failHere();
      }
      this.parseStatement(body);
    }
    return { kind: 'Module', body };
  }

  // eval: expressions NEWLINE* ENDMARKER
  parseEval(): A.Module {
    const s = this.tok;
    const e = this.parseExpressions();
    while (this.ty() === Tok.NEWLINE) this.advance();
    if (this.ty() !== Tok.ENDMARKER) this.failHere();
    return { kind: 'Module', body: [F.stmt<A.ExprStmt>({ kind: 'Expr', value: e }, s, this.lastNonWs)] };
  }

  // statements: statement+
  parseStatements(body: A.Stmt[]): void {
    while (this.ty() !== Tok.DEDENT && this.ty() !== Tok.ENDMARKER) this.parseStatement(body);
  }

  // statement: compound_stmt | simple_stmts
  parseStatement(body: A.Stmt[]): void {
    const t = this.tok;
    if (t.type === Tok.NAME) {
      switch (t.value) {
        case 'def':
          body.push(this.parseFunctionDef([], null));
          return;
        case 'if':
          body.push(this.parseIf());
          return;
        case 'class':
          body.push(this.parseClassDef([]));
          return;
        case 'with':
          body.push(this.parseWith(null));
          return;
        case 'for':
          body.push(this.parseFor(null));
          return;
        case 'try':
          body.push(this.parseTry());
          return;
        case 'while':
          body.push(this.parseWhile());
          return;
        case 'async': {
          const n = this.peek(1);
          if (n.value === 'def') {
            body.push(this.parseFunctionDef([], this.advance()));
            return;
          }
          if (n.value === 'with') {
            body.push(this.parseWith(this.advance()));
            return;
          }
          if (n.value === 'for') {
            body.push(this.parseFor(this.advance()));
            return;
          }
          this.advance();
          this.failHere();
        }
        // falls through (unreachable)
        case 'match': {
          const m = this.tryMatchStmt();
          if (m) {
            body.push(m);
            return;
          }
          break;
        }
      }
    } else if (t.type === Tok.OP && t.value === '@') {
      body.push(this.parseDecorated());
      return;
    } else if (t.type === Tok.INDENT) {
      this.failHere();
    }
    this.parseSimpleStmts(body);
  }

  // simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
  parseSimpleStmts(body: A.Stmt[]): void {
    for (;;) {
      body.push(this.parseSimpleStmt());
      if (this.ty() === Tok.NEWLINE) {
        this.advance();
        return;
      }
      if (this.is(';')) {
        this.advance();
        if (this.ty() === Tok.NEWLINE) {
          this.advance();
          return;
        }
        continue;
      }
      this.failAfterStatement();
    }
  }

  /** The statement parsed so far is followed by junk. */
  failAfterStatement(): never {
    this.failHere();
  }

  // simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt | 'pass' | del_stmt
  //            | yield_stmt | assert_stmt | 'break' | 'continue' | global_stmt | nonlocal_stmt
  parseSimpleStmt(): A.Stmt {
    const t = this.tok;
    if (t.type === Tok.NAME) {
      switch (t.value) {
        case 'pass':
          this.advance();
          return F.stmt<A.Pass>({ kind: 'Pass' }, t, t);
        case 'break':
          this.advance();
          return F.stmt<A.Break>({ kind: 'Break' }, t, t);
        case 'continue':
          this.advance();
          return F.stmt<A.Continue>({ kind: 'Continue' }, t, t);
        case 'return': {
          this.advance();
          const value = this.atSimpleStmtEnd() ? null : this.parseStarExpressions();
          return F.stmt<A.Return>({ kind: 'Return', value }, t, this.lastNonWs);
        }
        case 'raise':
          return this.parseRaise();
        case 'global':
        case 'nonlocal': {
          this.advance();
          const names: string[] = [ident(this.expectName().value)];
          while (this.eat(',')) names.push(ident(this.expectName().value));
          return t.value === 'global'
            ? F.stmt<A.Global>({ kind: 'Global', names }, t, this.lastNonWs)
            : F.stmt<A.Nonlocal>({ kind: 'Nonlocal', names }, t, this.lastNonWs);
        }
        case 'del':
          return this.parseDel();
        case 'assert': {
          this.advance();
          const test = this.parseExpression();
          let msg: A.Expr | null = null;
          if (this.eat(',')) msg = this.parseExpression();
          return F.stmt<A.Assert>({ kind: 'Assert', test, msg }, t, this.lastNonWs);
        }
        case 'import':
          return this.parseImportName();
        case 'from':
          return this.parseImportFrom();
      }
    }
    return this.parseExprOrAssignment();
  }

  atSimpleStmtEnd(): boolean {
    return this.ty() === Tok.NEWLINE || this.is(';');
  }

  // raise_stmt: 'raise' expression ['from' expression] | 'raise'
  parseRaise(): A.Stmt {
    const t = this.advance();
    if (this.atSimpleStmtEnd()) return F.stmt<A.Raise>({ kind: 'Raise', exc: null, cause: null }, t, t);
    const exc = this.parseExpression();
    let cause: A.Expr | null = null;
    if (this.eat('from')) cause = this.parseExpression();
    return F.stmt<A.Raise>({ kind: 'Raise', exc, cause }, t, this.lastNonWs);
  }

  // del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
  parseDel(): A.Stmt {
    const t = this.advance();
    const targets: A.Expr[] = [];
    for (;;) {
      const e = this.parseStarExpressionsLike(false);
      targets.push(e);
      if (!this.eat(',')) break;
      if (this.atSimpleStmtEnd()) break;
    }
    if (!this.atSimpleStmtEnd()) {
      // invalid_del_stmt: 'del' a=star_expressions → invalid target
      this.failHere();
    }
    for (let k = 0; k < targets.length; k++) targets[k] = this.setCtx(targets[k], 'Del', 'del');
    return F.stmt<A.Delete>({ kind: 'Delete', targets }, t, this.lastNonWs);
  }

  // import_name: 'import' dotted_as_names
  parseImportName(): A.Stmt {
    const t = this.advance();
    const names: A.Alias[] = [];
    do {
      const s = this.tok;
      const n = this.parseDottedName();
      let asname: string | null = null;
      if (this.eat('as')) asname = ident(this.expectName().value);
      names.push(F.alias(n, asname, s, this.lastNonWs));
    } while (this.eat(','));
    return F.stmt<A.Import>({ kind: 'Import', names }, t, this.lastNonWs);
  }

  // dotted_name: dotted_name '.' NAME | NAME
  parseDottedName(): string {
    let n = ident(this.expectName().value);
    while (this.is('.')) {
      this.advance();
      n += '.' + ident(this.expectName().value);
    }
    return n;
  }

  // import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets | 'from' ('.' | '...')+ 'import' import_from_targets
  parseImportFrom(): A.Stmt {
    const t = this.advance();
    let level = 0;
    for (;;) {
      if (this.is('.')) level++;
      else if (this.is('...')) level += 3;
      else break;
      this.advance();
    }
    let module: string | null = null;
    if (!(level > 0 && this.is('import'))) module = this.parseDottedName();
    this.expect('import');
    const names: A.Alias[] = [];
    if (this.is('*')) {
      const s = this.advance();
      names.push(F.alias('*', null, s, s));
    } else {
      const paren = this.eat('(');
      for (;;) {
        const s = this.tok;
        const n = ident(this.expectName().value);
        let asname: string | null = null;
        if (this.eat('as')) asname = ident(this.expectName().value);
        names.push(F.alias(n, asname, s, this.lastNonWs));
        if (!this.is(',')) break;
        this.advance();
        if (paren && this.is(')')) break;
        if (!paren && this.atSimpleStmtEnd()) {
          // invalid_import_from_targets: import_from_as_names ',' NEWLINE
          this.raiseHere('trailing comma not allowed without surrounding parentheses');
        }
      }
      if (paren) this.expect(')');
    }
    return F.stmt<A.ImportFrom>({ kind: 'ImportFrom', module, names, level }, t, this.lastNonWs);
  }

  // assignment | star_expressions (expression statement)
  parseExprOrAssignment(): A.Stmt {
    const s = this.tok;
    // assignment: pegen tries targets here first (t_primary's atom: arena.ts)
    if (this.fctx === null) this.simStarTargets(this.i);
    const first = this.is('yield') ? this.parseYieldExpr() : this.parseStarExpressions();
    const t = this.tok;
    if (t.type === Tok.OP) {
      if (t.value === '=') {
        // (star_targets '=')+ (yield_expr | star_expressions) !'='
        const targets: A.Expr[] = [first];
        let value: A.Expr;
        for (;;) {
          this.advance();
          // (star_targets '=')+ tries a target at each right-hand side
          this.simStarTargets(this.i);
          const v = this.is('yield') ? this.parseYieldExpr() : this.parseStarExpressions();
          if (this.is('=')) {
            targets.push(v);
            continue;
          }
          value = v;
          break;
        }
        for (let k = 0; k < targets.length; k++) targets[k] = this.assignTarget(targets[k]);
        return F.stmt<A.Assign>({ kind: 'Assign', targets, value, type_comment: null } as Omit<A.Assign, keyof A.Pos>, s, this.lastNonWs);
      }
      if (t.value === ':') {
        // annotated assignment
        const isParen = this.parenthesized.has(first);
        let simple = 0;
        // invalid_assignment's annotation rules need `':' expression`: without an expression
        // after the ':' the error is the generic one at the ':' (the first pass's last token)
        const badTarget = first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript';
        if (badTarget && !this.canStartExpression(this.peek(1))) this.raiseAtToken(t, 'invalid syntax');
        if (first.kind === 'Name') {
          simple = isParen ? 0 : 1;
        } else if (first.kind === 'Attribute' || first.kind === 'Subscript') {
          simple = 0;
        } else if (first.kind === 'Tuple' && !isParen) {
          this.raiseAtToken(first.elts[0], 'only single target (not tuple) can be annotated');
        } else if (first.kind === 'Tuple' || first.kind === 'List') {
          this.raiseAtToken(first, `only single target (not ${first.kind === 'List' ? 'list' : 'tuple'}) can be annotated`);
        } else {
          this.advance();
          this.parseExpression();
          this.raiseAtToken(first, 'illegal target for annotation');
        }
        this.advance();
        const annotation = this.parseExpression();
        let value: A.Expr | null = null;
        if (this.eat('=')) value = this.is('yield') ? this.parseYieldExpr() : this.parseStarExpressions();
        const target = this.setCtx(first, 'Store', 'star');
        return F.stmt<A.AnnAssign>({ kind: 'AnnAssign', target, annotation, value, simple }, s, this.lastNonWs);
      }
      const op = AUGASSIGN[t.value];
      if (op !== undefined) {
        if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') {
          this.raiseAtToken(first, `'${exprName(first)}' is an illegal expression for augmented assignment`);
        }
        if (this.parenthesized.has(first) && first.kind !== 'Name') {
          // single_target allows '(' single_target ')'
        }
        this.advance();
        const value = this.is('yield') ? this.parseYieldExpr() : this.parseStarExpressions();
        const target = this.setCtx(first, 'Store', 'star');
        return F.stmt<A.AugAssign>({ kind: 'AugAssign', target, op, value }, s, this.lastNonWs);
      }
    }
    if (!this.atSimpleStmtEnd()) this.invalidAfterExpression(s, first);
    return F.stmt<A.ExprStmt>({ kind: 'Expr', value: first }, s, this.lastNonWs);
  }

  /** Convert an assignment target, or raise "cannot assign to ..." (invalid_assignment). */
  assignTarget(e: A.Expr): A.Expr {
    if ((e.kind === 'Yield' || e.kind === 'YieldFrom') && !this.parenthesized.has(e)) this.raiseAtToken(e, 'assignment to yield expression not possible');
    const bad = invalidTarget(e, 'star');
    if (bad) {
      // invalid_named_expression: !(list|tuple|genexp|True|None|False) a=bitwise_or '=' bitwise_or !('='|':=')
      // (a parenthesized one is an atom: the '=' comes after its closing parentheses)
      if (this.isBitwiseOrLevel(bad)) {
        const k = this.tokenIndexAfter(bad) + this.parensAround(bad);
        const eq = this.tokens[k];
        if (eq && eq.type === Tok.OP && eq.value === '=') {
          const m = this.mark();
          this.reset([k, this.lastNonWs]);
          const ok = this.attempt(() => {
            this.advance();
            this.parseBitwiseOr();
            return !(this.is('=') || this.is(':='));
          });
          this.reset(m);
          if (ok) this.raiseAtToken(bad, `cannot assign to ${exprName(bad)} here. Maybe you meant '==' instead of '='?`);
        }
      }
      this.raiseAtToken(bad, `cannot assign to ${exprName(bad)}`);
    }
    return this.setCtx(e, 'Store', 'star');
  }

  isBitwiseOrLevel(e: A.Expr): boolean {
    // a parenthesized expression is an atom (a tuple and a generator expression stay excluded)
    if (this.parenthesized.has(e) && e.kind !== 'Tuple' && e.kind !== 'GeneratorExp') return true;
    switch (e.kind) {
      case 'Compare': case 'BoolOp': case 'IfExp': case 'Lambda': case 'NamedExpr': case 'Starred': case 'Yield': case 'YieldFrom':
      case 'List': case 'Tuple': case 'GeneratorExp':
        return false;
      case 'UnaryOp':
        return e.op !== 'Not';
      case 'Constant':
        return !(e.value.type === 'None' || e.value.type === 'bool');
      default:
        return true;
    }
  }

  /** invalid_comprehension: a starred first item before `for` ("[*a for a in b]") */
  checkStarredComprehension(first: A.Expr): void {
    if (first.kind === 'Starred' && (this.is('for') || (this.is('async') && this.peek(1).value === 'for'))) this.raiseAtToken(first, 'iterable unpacking cannot be used in comprehension');
  }

  /** how many parentheses enclose `e` itself: '(' tokens right before it matched by ')' right after */
  parensAround(e: A.Pos): number {
    const toks = this.tokens;
    const start = this.tokenIndexAt(e.lineno, e.col_offset);
    const after = this.tokenIndexAfter(e);
    let n = 0;
    while (start - n - 1 >= 0 && toks[start - n - 1].value === '(' && toks[after + n]?.value === ')') n++;
    return n;
  }

  /** Index of the first token at or after the end of `e`. */
  tokenIndexAfter(e: A.Pos): number {
    return this.tokenIndexAt(e.end_lineno, e.end_col_offset);
  }

  /** Index of the first token at or after (line, col) (a binary search of the token list). */
  tokenIndexAt(line: number, col: number): number {
    const toks = this.tokens;
    let lo = 0;
    let hi = toks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = toks[mid];
      if (t.col_offset === -1 || t.lineno < line || (t.lineno === line && t.col_offset < col)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Set Store/Del context on a valid target tree (raises for invalid ones). */
  setCtx(e: A.Expr, ctx: A.ExprContext, tt: TargetsType): A.Expr {
    switch (e.kind) {
      case 'Name':
        if (ctx === 'Store') this.checkName(e);
        e.ctx = ctx;
        return e;
      case 'Attribute':
        // compile.c forbidden_name on an attribute store
        if (ctx === 'Store' && e.attr === '__debug__') this.raiseAtToken(e, 'cannot assign to __debug__');
        e.ctx = ctx;
        return e;
      case 'Subscript':
        e.ctx = ctx;
        return e;
      case 'Starred':
        if (tt === 'del') break;
        e.ctx = ctx;
        this.setCtx(e.value, ctx, tt);
        return e;
      case 'List':
      case 'Tuple':
        e.ctx = ctx;
        for (let k = 0; k < e.elts.length; k++) this.setCtx(e.elts[k], ctx, tt);
        return e;
    }
    const bad = invalidTarget(e, tt) ?? e;
    this.raiseAtToken(bad, `${tt === 'del' ? 'cannot delete' : 'cannot assign to'} ${exprName(bad)}`);
  }

  checkName(e: A.Name): void {
    if (e.id === '__debug__') this.raiseAtToken(e, 'cannot assign to __debug__');
  }

  /** An expression statement (or other expression) followed by something unexpected: the invalid_expression family. */
  invalidAfterExpression(s: Token, first: A.Expr): never {
    this.checkInvalidExpression(s, first);
    this.failHere();
  }

  /**
   * invalid_expression / invalid_legacy_expression: `first` (starting at token s) is followed by
   * a token that can start another expression.
   */
  checkInvalidExpression(s: Token, first: A.Expr): void {
    if (!this.canStartExpression(this.tok)) return;
    // invalid_legacy_expression: NAME !'(' star_expressions (print/exec)
    if (first.kind === 'Name' && (first.id === 'print' || first.id === 'exec') && s === this.firstTokenOf(first)) {
      const b = this.probe(() => this.parseStarExpressions());
      if (b) this.raiseRange(first, b, `Missing parentheses in call to '${first.id}'. Did you mean ${first.id}(...)?`);
      return;
    }
    // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    const ft = this.firstTokenOf(first);
    if (ft.type === Tok.NAME && (ft.value === 'match' || ft.value === 'case' || ft.value === '_')) return;
    if (first.kind === 'IfExp' || first.kind === 'Lambda' || first.kind === 'Tuple' || first.kind === 'Starred' || first.kind === 'NamedExpr') return;
    const b = this.probe(() => {
      const e = this.parseExpression();
      return this.lastNonWs.level > 0 ? e : null;
    });
    if (b) this.raiseRange(first, b, 'invalid syntax. Perhaps you forgot a comma?');
  }

  firstTokenOf(e: A.Pos): Token {
    // binary search in tokens for the one starting at e's position
    const toks = this.tokens;
    let lo = 0;
    let hi = Math.min(this.i, toks.length - 1);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = toks[mid];
      if (t.lineno < e.lineno || (t.lineno === e.lineno && t.col_offset < e.col_offset) || t.col_offset === -1 && t.lineno <= e.lineno) lo = mid + 1;
      else hi = mid;
    }
    return toks[lo];
  }

  canStartExpression(t: Token): boolean {
    switch (t.type) {
      case Tok.NAME:
        if (!KEYWORDS.has(t.value)) return true;
        return t.value === 'None' || t.value === 'True' || t.value === 'False' || t.value === 'not' || t.value === 'lambda' || t.value === 'await';
      case Tok.NUMBER:
      case Tok.STRING:
        return true;
      case Tok.OP:
        return t.value === '(' || t.value === '[' || t.value === '{' || t.value === '-' || t.value === '+' || t.value === '~' || t.value === '...';
      default:
        return false;
    }
  }

  // ------------------------------------------------------------------ compound statements

  // block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
  parseBlock(what: string | null, line: number): A.Stmt[] {
    const body: A.Stmt[] = [];
    if (this.ty() === Tok.NEWLINE) {
      this.advance();
      if (this.ty() !== Tok.INDENT) {
        const msg = what ? `expected an indented block after ${what} on line ${line}` : 'expected an indented block';
        this.raiseAt(this.tok, msg, 'IndentationError');
      }
      this.advance();
      this.parseStatements(body);
      if (this.ty() === Tok.DEDENT) this.advance();
      else this.failHere();
      return body;
    }
    if (this.ty() === Tok.ENDMARKER || this.ty() === Tok.INDENT || this.ty() === Tok.DEDENT) this.failHere();
    this.parseSimpleStmts(body);
    return body;
  }

  /** ':' after a compound statement header: invalid_*_stmt give "expected ':'" when a NEWLINE follows. */
  expectColon(forced: boolean): Token {
    if (this.is(':')) return this.advance();
    if (forced) this.raiseAtToken(this.tok, "expected ':'");
    if (this.ty() === Tok.NEWLINE) this.raiseAt(this.tok, "expected ':'");
    this.failHere();
  }

  // if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
  parseIf(): A.Stmt {
    const t = this.advance();
    const test = this.parseNamedExpressionChecked();
    this.expectColon(false);
    const body = this.parseBlock(`'${t.value}' statement`, t.lineno);
    let orelse: A.Stmt[] = [];
    if (this.is('elif')) {
      orelse = [this.parseIf()];
    } else if (this.is('else')) {
      orelse = this.parseElse();
    }
    return F.stmt<A.If>({ kind: 'If', test, body, orelse }, t, this.lastNonWs);
  }

  // else_block: 'else' &&':' block
  parseElse(): A.Stmt[] {
    const e = this.advance();
    this.expectColon(true);
    return this.parseBlock("'else' statement", e.lineno);
  }

  // while_stmt: 'while' named_expression ':' block [else_block]
  parseWhile(): A.Stmt {
    const t = this.advance();
    const test = this.parseNamedExpressionChecked();
    this.expectColon(false);
    const body = this.parseBlock("'while' statement", t.lineno);
    const orelse = this.is('else') ? this.parseElse() : [];
    return F.stmt<A.While>({ kind: 'While', test, body, orelse }, t, this.lastNonWs);
  }

  // for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
  parseFor(asyncTok: Token | null): A.Stmt {
    const t = this.advance();
    const target = this.parseForTarget();
    this.expect('in');
    const iter = this.parseStarExpressions();
    this.expectColon(false);
    const body = this.parseBlock("'for' statement", t.lineno);
    const orelse = this.is('else') ? this.parseElse() : [];
    const s = asyncTok ?? t;
    const fields = { kind: asyncTok ? 'AsyncFor' : 'For', target, iter, body, orelse, type_comment: null };
    return F.stmt<A.For>(fields as Omit<A.For, keyof A.Pos>, s, this.lastNonWs);
  }

  /** star_targets before 'in' (for loops and comprehensions), with invalid_for_target. */
  parseForTarget(): A.Expr {
    const start = this.tok;
    const m = this.mark();
    const target = this.parseStarTargetsList();
    if (this.is('in')) {
      const bad = invalidTarget(target, 'for');
      if (!bad) return this.setCtx(target, 'Store', 'for');
    }
    // invalid_for_target: ASYNC? 'for' a=star_expressions
    this.reset(m);
    void start;
    const e = this.attempt(() => this.parseStarExpressions());
    if (e) {
      const bad = invalidTarget(e, 'for');
      if (bad) this.raiseAtToken(bad, `cannot assign to ${exprName(bad)}`);
    }
    this.reset(m);
    this.parseStarTargetsList();
    this.failHere();
  }

  /** star_targets as a comma list of ('*'? bitwise_or) — a superset checked by setCtx. */
  parseStarTargetsList(): A.Expr {
    const s = this.tok;
    const first = this.parseStarTargetElem();
    if (!this.is(',')) return first;
    const elts = [first];
    while (this.eat(',')) {
      if (!this.canStartTarget()) break;
      elts.push(this.parseStarTargetElem());
    }
    return F.tuple(elts, 'Store', s, this.lastNonWs);
  }

  canStartTarget(): boolean {
    return this.is('*') || this.canStartExpression(this.tok);
  }

  parseStarTargetElem(): A.Expr {
    if (this.is('*')) {
      const s = this.advance();
      const v = this.parseBitwiseOr();
      return F.starred(v, 'Store', s, this.lastNonWs);
    }
    return this.parseBitwiseOr();
  }

  // with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block | [ASYNC] 'with' ','.with_item+ ':' block
  parseWith(asyncTok: Token | null): A.Stmt {
    const t = this.advance();
    let items: A.WithItem[] | null = null;
    if (this.is('(')) {
      items = this.attempt(() => {
        this.advance();
        const its: A.WithItem[] = [];
        for (;;) {
          its.push(this.parseWithItem());
          if (!this.eat(',')) break;
          if (this.is(')')) break;
        }
        this.expect(')');
        if (!this.is(':') && this.ty() !== Tok.NEWLINE) this.failHere();
        return its;
      });
    }
    if (!items) {
      items = [];
      for (;;) {
        items.push(this.parseWithItem());
        if (!this.eat(',')) break;
      }
    }
    this.expectColon(false);
    const body = this.parseBlock("'with' statement", t.lineno);
    const s = asyncTok ?? t;
    return F.stmt<A.With>({ kind: asyncTok ? 'AsyncWith' : 'With', items, body, type_comment: null } as Omit<A.With, keyof A.Pos>, s, this.lastNonWs);
  }

  // with_item: expression 'as' star_target &(',' | ')' | ':') | expression
  parseWithItem(): A.WithItem {
    const e = this.parseExpression();
    let vars: A.Expr | null = null;
    if (this.eat('as')) {
      const target = this.parseStarTargetElem();
      if (!(this.is(',') || this.is(')') || this.is(':') || this.ty() === Tok.NEWLINE)) this.failHere();
      const bad = invalidTarget(target, 'star');
      if (bad) this.raiseAtToken(bad, `cannot assign to ${exprName(bad)}`);
      vars = this.setCtx(target, 'Store', 'star');
    }
    return { kind: 'withitem', context_expr: e, optional_vars: vars };
  }

  // try_stmt: 'try' &&':' block (finally_block | except_block+ [else_block] [finally_block] | except_star_block+ ...)
  parseTry(): A.Stmt {
    const t = this.advance();
    this.expectColon(true);
    const body = this.parseBlock("'try' statement", t.lineno);
    const handlers: A.ExceptHandler[] = [];
    let star: boolean | null = null;
    while (this.is('except')) {
      const e = this.advance();
      const isStar = !!this.eat('*');
      if (star !== null && star !== isStar) {
        this.raiseAtToken(e, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      star = isStar;
      let type: A.Expr | null = null;
      let name: string | null = null;
      if (!this.is(':')) {
        // invalid_except_stmt: 'except' '*' (NEWLINE | ':')
        if (isStar && this.ty() === Tok.NEWLINE) this.raiseAt(this.tok, 'expected one or more exception types');
        if (this.ty() === Tok.NEWLINE) this.raiseAt(this.tok, "expected ':'");
        type = this.parseExpression();
        if (this.is(',')) {
          // invalid_except_stmt: 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
          const ok = this.probe(() => {
            this.advance();
            this.parseExpressions();
            if (this.eat('as')) this.expectName();
            return this.is(':');
          });
          if (ok) this.raiseFrom(type, 'multiple exception types must be parenthesized');
        }
        if (this.eat('as')) name = ident(this.expectName().value);
      } else if (isStar) {
        this.raiseAt(this.tok, 'expected one or more exception types');
      }
      this.expectColon(false);
      const hbody = this.parseBlock(isStar ? "'except*' statement" : "'except' statement", e.lineno);
      handlers.push(
        Object.assign({ kind: 'ExceptHandler' as const, type, name, body: hbody }, F.spanOf(e, this.lastNonWs)),
      );
    }
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    if (handlers.length && this.is('else')) orelse = this.parseElse();
    if (this.is('finally')) {
      const f = this.advance();
      this.expectColon(true);
      finalbody = this.parseBlock("'finally' statement", f.lineno);
    }
    if (!handlers.length && !finalbody.length) {
      this.raiseHere("expected 'except' or 'finally' block");
    }
    return F.stmt<A.Try>({ kind: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody } as Omit<A.Try, keyof A.Pos>, t, this.lastNonWs);
  }

  // decorators: ('@' named_expression NEWLINE)+ then class_def_raw | function_def_raw
  parseDecorated(): A.Stmt {
    const decos: A.Expr[] = [];
    while (this.is('@')) {
      this.advance();
      decos.push(this.parseNamedExpression());
      if (this.ty() !== Tok.NEWLINE) this.failHere();
      this.advance();
    }
    if (this.is('def')) return this.parseFunctionDef(decos, null);
    if (this.is('class')) return this.parseClassDef(decos);
    if (this.is('async') && this.peek(1).value === 'def') return this.parseFunctionDef(decos, this.advance());
    this.failHere();
  }

  // class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
  parseClassDef(decorators: A.Expr[]): A.Stmt {
    const t = this.advance();
    const name = ident(this.expectName().value);
    let bases: A.Expr[] = [];
    let keywords: A.Keyword[] = [];
    if (this.is('(')) {
      const open = this.advance();
      const r = this.parseCallArgs(open);
      bases = r.args;
      keywords = r.keywords;
    }
    this.expectColon(false);
    const body = this.parseBlock('class definition', t.lineno);
    return F.stmt<A.ClassDef>({ kind: 'ClassDef', name, bases, keywords, body, decorator_list: decorators }, t, this.lastNonWs);
  }

  // function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
  parseFunctionDef(decorators: A.Expr[], asyncTok: Token | null): A.Stmt {
    const t = this.advance();
    const name = ident(this.expectName().value);
    this.expectForced('(');
    const args = this.parseParameters(')', true);
    this.expect(')');
    let returns: A.Expr | null = null;
    if (this.eat('->')) returns = this.parseExpression();
    this.expectColon(true);
    const body = this.parseBlock('function definition', t.lineno);
    const s = asyncTok ?? t;
    const def = F.stmt<A.FunctionDef>(
      { kind: asyncTok ? 'AsyncFunctionDef' : 'FunctionDef', name, args, body, decorator_list: decorators, returns, type_comment: null } as Omit<A.FunctionDef, keyof A.Pos>,
      s,
      this.lastNonWs,
    );
    this.checkDebugArgs(args, def);
    return def;
  }

  // params / lambda_params: the parameters up to `close` (')' or ':'), annotations only for def.
  parseParameters(close: string, annotations: boolean): A.Arguments {
    const a = F.emptyArguments();
    let seenDefault = false;
    let seenStar = false;
    let seenSlash = false;
    let bareStar: Token | null = null;
    const pending: A.Arg[] = []; // positional params before '/'
    while (!this.is(close)) {
      if (this.is('/')) {
        const sl = this.advance();
        if (seenSlash) this.raiseAtToken(sl, '/ may appear only once');
        if (seenStar) this.raiseAtToken(sl, '/ must be ahead of *');
        if (!pending.length) this.raiseAtToken(sl, 'at least one argument must precede /');
        seenSlash = true;
        a.posonlyargs = a.args;
        a.args = [];
        if (!this.eat(',')) break;
        continue;
      }
      if (this.is('*')) {
        const st = this.advance();
        if (seenStar) this.raiseAtToken(st, '* argument may appear only once');
        seenStar = true;
        if (this.is(',') || this.is(close)) {
          bareStar = st;
          if (this.is(close) || this.peek(1).value === close || this.peek(1).value === '**') {
            this.raiseAtToken(st, 'named arguments must follow bare *');
          }
        } else {
          a.vararg = this.parseParam(annotations, true);
          if (this.is('=')) this.raiseAtToken(this.tok, 'var-positional argument cannot have default value');
        }
        if (!this.eat(',')) break;
        continue;
      }
      if (this.is('**')) {
        this.advance();
        a.kwarg = this.parseParam(annotations, false);
        if (this.is('=')) this.raiseAtToken(this.tok, 'var-keyword argument cannot have default value');
        if (this.eat(',')) {
          if (!this.is(close)) {
            if (this.is('*') || this.is('**') || this.is('/') || this.isName()) this.raiseAtToken(this.tok, 'arguments cannot follow var-keyword argument');
            this.failHere();
          }
        }
        break;
      }
      if (!this.isName()) {
        if (this.is('(') && annotations) {
          // invalid_parameters: param_no_default* '(' param_no_default+ ','? ')'
          const open = this.tok;
          const r = this.probe(() => {
            this.advance();
            do this.parseParam(annotations, false);
            while (this.eat(',') && this.isName());
            return this.is(')') ? this.tok : null;
          });
          if (r) this.raiseRange(open, r, 'Function parameters cannot be parenthesized');
        }
        this.failHere();
      }
      const p = this.parseParam(annotations, false);
      let def: A.Expr | null = null;
      if (this.is('=')) {
        const eq = this.advance();
        if (this.is(',') || this.is(close)) this.raiseAtToken(eq, 'expected default value expression');
        def = this.parseExpression();
      }
      if (seenStar) {
        a.kwonlyargs.push(p);
        a.kw_defaults.push(def);
      } else {
        if (def) {
          seenDefault = true;
          a.defaults.push(def);
        } else if (seenDefault) {
          this.raiseAtToken(p, 'non-default argument follows default argument');
        }
        a.args.push(p);
        pending.push(p);
      }
      if (!this.eat(',')) break;
    }
    if (bareStar && !a.kwonlyargs.length) this.raiseAtToken(bareStar, 'named arguments must follow bare *');
    return a;
  }

  // param: NAME annotation? ; param_star_annotation: NAME star_annotation
  parseParam(annotations: boolean, starAnnotation: boolean): A.Arg {
    const n = this.expectName();
    let ann: A.Expr | null = null;
    if (annotations && this.eat(':')) {
      ann = starAnnotation && this.is('*') ? this.parseStarExpression() : this.parseExpression();
    }
    return F.arg(ident(n.value), ann, n, this.lastNonWs);
  }

  // match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
  tryMatchStmt(): A.Stmt | null {
    const n = this.peek(1);
    if (n.type === Tok.NEWLINE || (n.type === Tok.OP && (n.value === '=' || n.value === '.' || n.value === ',' || n.value === ')' || n.value === ':' || n.value === ';' || AUGASSIGN[n.value] !== undefined))) {
      return null;
    }
    const m = this.mark();
    const t = this.advance();
    const subject = this.attempt(() => this.parseSubjectExpr());
    if (!subject || !(this.is(':') || this.ty() === Tok.NEWLINE)) {
      this.reset(m);
      return null;
    }
    if (this.ty() === Tok.NEWLINE) {
      // invalid_match_stmt only runs when the line is not a valid simple statement
      const nl = this.tok;
      this.reset(m);
      const ok = this.attempt(() => {
        const tmp: A.Stmt[] = [];
        this.parseSimpleStmts(tmp);
        return true;
      });
      this.reset(m);
      if (ok) return null;
      this.raiseAt(nl, "expected ':'");
    }
    this.advance();
    if (this.ty() !== Tok.NEWLINE) this.failHere();
    this.advance();
    if (this.ty() !== Tok.INDENT) {
      this.raiseAt(this.tok, `expected an indented block after 'match' statement on line ${t.lineno}`, 'IndentationError');
    }
    this.advance();
    const cases: A.MatchCase[] = [];
    while (this.ty() === Tok.NAME && this.tok.value === 'case') cases.push(this.parseCaseBlock());
    if (!cases.length) this.failHere();
    if (this.ty() !== Tok.DEDENT) this.failHere();
    this.advance();
    return F.stmt<A.Match>({ kind: 'Match', subject, cases }, t, this.lastNonWs);
  }

  // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
  parseSubjectExpr(): A.Expr {
    const s = this.tok;
    const first = this.parseStarNamedExpression();
    if (!this.is(',')) {
      if (first.kind === 'Starred') this.failHere();
      return first;
    }
    const elts = [first];
    while (this.eat(',')) {
      if (this.is(':') || this.ty() === Tok.NEWLINE) break;
      elts.push(this.parseStarNamedExpression());
    }
    return F.tuple(elts, 'Load', s, this.lastNonWs);
  }

  // case_block: "case" patterns guard? ':' block
  parseCaseBlock(): A.MatchCase {
    const t = this.advance();
    const pattern = this.parsePatterns();
    let guard: A.Expr | null = null;
    if (this.eat('if')) guard = this.parseNamedExpression();
    if (!this.is(':')) {
      // invalid_case_block: "case" patterns guard? !':'
      this.raiseHere("expected ':'");
    }
    this.advance();
    const body = this.parseBlock("'case' statement", t.lineno);
    return { kind: 'match_case', pattern, guard, body };
  }

  // patterns: open_sequence_pattern | pattern
  parsePatterns(): A.Pattern {
    const s = this.tok;
    const first = this.parseMaybeStarPattern();
    if (!this.is(',')) {
      if (first.kind === 'MatchStar') this.failHere();
      return first;
    }
    const pats = [first];
    while (this.eat(',')) {
      if (this.is(':') || this.is('if')) break;
      pats.push(this.parseMaybeStarPattern());
    }
    return F.pattern<A.MatchSequence>({ kind: 'MatchSequence', patterns: pats }, s, this.lastNonWs);
  }

  // maybe_star_pattern: star_pattern | pattern
  parseMaybeStarPattern(): A.Pattern {
    if (this.is('*')) {
      const s = this.advance();
      const n = this.expectName();
      return F.pattern<A.MatchStar>({ kind: 'MatchStar', name: n.value === '_' ? null : ident(n.value) }, s, n);
    }
    return this.parsePattern();
  }

  // pattern: as_pattern | or_pattern ; as_pattern: or_pattern 'as' pattern_capture_target
  parsePattern(): A.Pattern {
    const s = this.tok;
    const p = this.parseOrPattern();
    if (this.is('as')) {
      this.advance();
      const n = this.tok;
      if (!this.isName()) this.failHere();
      if (n.value === '_') this.raiseAtToken(n, "cannot use '_' as a target");
      this.advance();
      if (this.is('.') || this.is('(') || this.is('=')) this.failHere();
      return F.pattern<A.MatchAs>({ kind: 'MatchAs', pattern: p, name: ident(n.value) }, s, n);
    }
    return p;
  }

  // or_pattern: '|'.closed_pattern+
  parseOrPattern(): A.Pattern {
    const s = this.tok;
    const first = this.parseClosedPattern();
    if (!this.is('|')) return first;
    const pats = [first];
    while (this.eat('|')) pats.push(this.parseClosedPattern());
    return F.pattern<A.MatchOr>({ kind: 'MatchOr', patterns: pats }, s, this.lastNonWs);
  }

  // closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern | group_pattern
  //               | sequence_pattern | mapping_pattern | class_pattern
  parseClosedPattern(): A.Pattern {
    const t = this.tok;
    if (t.type === Tok.NUMBER || (t.type === Tok.OP && t.value === '-') || t.type === Tok.STRING) {
      const v = this.parseLiteralExpr();
      return F.pattern<A.MatchValue>({ kind: 'MatchValue', value: v }, v, v);
    }
    if (t.type === Tok.NAME) {
      if (t.value === 'None' || t.value === 'True' || t.value === 'False') {
        this.advance();
        const value: A.ConstantValue = t.value === 'None' ? { type: 'None' } : { type: 'bool', value: t.value === 'True' };
        return F.pattern<A.MatchSingleton>({ kind: 'MatchSingleton', value }, t, t);
      }
      if (!this.isName()) this.failHere();
      this.advance();
      let e: A.Expr = F.name(ident(t.value), 'Load', t, t);
      let dotted = false;
      while (this.is('.')) {
        this.advance();
        const a = this.expectName();
        e = F.attribute(e, ident(a.value), 'Load', t, a);
        dotted = true;
      }
      if (this.is('(')) return this.parseClassPattern(e);
      if (dotted) return F.pattern<A.MatchValue>({ kind: 'MatchValue', value: e }, e, e);
      if (this.is('=')) this.failHere();
      if (t.value === '_') return F.pattern<A.MatchAs>({ kind: 'MatchAs', pattern: null, name: null }, t, t);
      return F.pattern<A.MatchAs>({ kind: 'MatchAs', pattern: null, name: ident(t.value) }, t, t);
    }
    if (t.type === Tok.OP) {
      if (t.value === '(') {
        this.advance();
        if (this.is(')')) {
          const c = this.advance();
          return F.pattern<A.MatchSequence>({ kind: 'MatchSequence', patterns: [] }, t, c);
        }
        const first = this.parseMaybeStarPattern();
        if (this.is(')') && first.kind !== 'MatchStar') {
          this.advance();
          return first; // group_pattern
        }
        const pats = [first];
        if (!this.is(',')) this.failHere();
        while (this.eat(',')) {
          if (this.is(')')) break;
          pats.push(this.parseMaybeStarPattern());
        }
        const c = this.expect(')');
        return F.pattern<A.MatchSequence>({ kind: 'MatchSequence', patterns: pats }, t, c);
      }
      if (t.value === '[') {
        this.advance();
        const pats: A.Pattern[] = [];
        while (!this.is(']')) {
          pats.push(this.parseMaybeStarPattern());
          if (!this.eat(',')) break;
        }
        const c = this.expect(']');
        return F.pattern<A.MatchSequence>({ kind: 'MatchSequence', patterns: pats }, t, c);
      }
      if (t.value === '{') return this.parseMappingPattern();
    }
    this.failHere();
  }

  // mapping_pattern: '{' [items_pattern ','] [double_star_pattern] ','? '}'
  parseMappingPattern(): A.Pattern {
    const t = this.advance();
    const keys: A.Expr[] = [];
    const patterns: A.Pattern[] = [];
    let rest: string | null = null;
    const keyToks: Token[] = [];
    while (!this.is('}')) {
      if (this.is('**')) {
        this.advance();
        const n = this.expectName();
        rest = ident(n.value);
        this.eat(',');
        break;
      }
      let key: A.Expr;
      const k = this.tok;
      if (k.type === Tok.NAME && k.value !== 'None' && k.value !== 'True' && k.value !== 'False') {
        this.advance();
        key = F.name(ident(k.value), 'Load', k, k);
        if (!this.is('.')) this.failHere();
        while (this.eat('.')) {
          const a = this.expectName();
          key = F.attribute(key, ident(a.value), 'Load', k, a);
        }
      } else {
        keyToks.push(this.tok.type === Tok.NUMBER ? this.tok : this.peek(1));
        key = this.parseLiteralExpr();
      }
      this.expect(':');
      keys.push(key);
      patterns.push(this.parsePattern());
      if (!this.eat(',')) break;
    }
    const c = this.expect('}');
    // without '**rest', mapping_pattern's items_pattern alternative parses the keys again
    if (rest === null) for (const k of keyToks) scaleNumber(k, 2);
    return F.pattern<A.MatchMapping>({ kind: 'MatchMapping', keys, patterns, rest }, t, c);
  }

  // class_pattern: name_or_attr '(' [positional_patterns ','?] [keyword_patterns ','?] ')'
  parseClassPattern(cls: A.Expr): A.Pattern {
    this.advance();
    const patterns: A.Pattern[] = [];
    const kwdAttrs: string[] = [];
    const kwdPatterns: A.Pattern[] = [];
    while (!this.is(')')) {
      if (this.isName() && this.peek(1).value === '=') {
        const n = this.advance();
        this.advance();
        kwdAttrs.push(ident(n.value));
        kwdPatterns.push(this.parsePattern());
      } else {
        const s = this.tok;
        const p = this.parsePattern();
        if (kwdAttrs.length) this.raiseRange(s, p, 'positional patterns follow keyword patterns');
        patterns.push(p);
      }
      if (!this.eat(',')) break;
    }
    const c = this.expect(')');
    return F.pattern<A.MatchClass>({ kind: 'MatchClass', cls, patterns, kwd_attrs: kwdAttrs, kwd_patterns: kwdPatterns }, cls, c);
  }

  // literal_expr: signed_number !('+'|'-') | complex_number | strings | None/True/False
  parseLiteralExpr(): A.Expr {
    const t = this.tok;
    if (t.type === Tok.STRING) {
      const e = this.parseStrings();
      if (e.kind === 'JoinedStr') this.raiseAtToken(e, 'patterns may only match literals and attribute lookups');
      return e;
    }
    if (t.type === Tok.NAME && (t.value === 'None' || t.value === 'True' || t.value === 'False')) return this.parseAtom();
    let left: A.Expr;
    // signed_number: NUMBER | '-' NUMBER, one atom (a complex_number parses its real part again)
    let numTok: Token;
    if (this.is('-')) {
      this.advance();
      if (this.ty() !== Tok.NUMBER) this.failHere();
      numTok = this.advance();
      const num = this.parseNumber(numTok);
      noteNumber(numTok, num.value, 1);
      left = F.unaryop('USub', num, t, num);
    } else if (t.type === Tok.NUMBER) {
      numTok = this.advance();
      left = this.parseNumber(numTok);
      noteNumber(numTok, left.value as A.ConstantValue, 1);
    } else this.failHere();
    if (this.is('+') || this.is('-')) {
      scaleNumber(numTok, 2);
      const op = this.advance().value === '+' ? 'Add' : 'Sub';
      if (this.ty() !== Tok.NUMBER) this.failHere();
      const right = this.parseNumber(this.advance());
      const real = left.kind === 'UnaryOp' ? left.operand : left;
      if (real.kind !== 'Constant' || real.value.type === 'complex') this.raiseAtToken(real, 'real number required in complex literal');
      if (right.kind !== 'Constant' || right.value.type !== 'complex') this.raiseAtToken(right, 'imaginary number required in complex literal');
      return F.binop(left, op, right, left, right);
    }
    return left;
  }

  // ------------------------------------------------------------------ expressions

  // star_expressions: star_expression (',' star_expression)* [',']
  parseStarExpressions(): A.Expr {
    return this.parseStarExpressionsLike(true);
  }

  parseStarExpressionsLike(allowTuple: boolean): A.Expr {
    const s = this.tok;
    const first = this.parseStarExpression();
    if (!allowTuple || !this.is(',')) return first;
    const elts = [first];
    while (this.is(',')) {
      this.advance();
      if (!this.canStartStarExpression()) break;
      elts.push(this.parseStarExpression());
    }
    return F.tuple(elts, 'Load', s, this.lastNonWs);
  }

  canStartStarExpression(): boolean {
    return this.is('*') || this.canStartExpression(this.tok) || (this.ty() === Tok.NAME && this.tok.value === 'yield' && false);
  }

  // star_expression: '*' bitwise_or | expression
  parseStarExpression(): A.Expr {
    if (this.is('*')) {
      const s = this.advance();
      const v = this.parseBitwiseOr();
      return F.starred(v, 'Load', s, this.lastNonWs);
    }
    return this.parseExpression();
  }

  // star_named_expression: '*' bitwise_or | named_expression
  // (a named_expression in a group, a display or a match subject: with invalid_named_expression's
  // '=' checks, as `(n = 5)` and `[y = 1]`)
  parseStarNamedExpression(): A.Expr {
    if (this.is('*')) {
      const s = this.advance();
      const v = this.parseBitwiseOr();
      return F.starred(v, 'Load', s, this.lastNonWs);
    }
    return this.parseNamedExpressionChecked();
  }

  // expressions: expression (',' expression)* [',']
  parseExpressions(): A.Expr {
    const s = this.tok;
    const first = this.parseExpression();
    if (!this.is(',')) return first;
    const elts = [first];
    while (this.eat(',')) {
      if (!this.canStartExpression(this.tok)) break;
      elts.push(this.parseExpression());
    }
    return F.tuple(elts, 'Load', s, this.lastNonWs);
  }

  // named_expression: NAME ':=' ~ expression | expression !':='
  parseNamedExpression(): A.Expr {
    const t = this.tok;
    if (t.type === Tok.NAME && this.peek(1).value === ':=' && this.isName()) {
      this.advance();
      this.advance();
      const value = this.parseExpression();
      const target = F.name(ident(t.value), 'Store', t, t);
      return F.namedExpr(target, value, t, this.lastNonWs);
    }
    const e = this.parseExpression();
    if (this.is(':=')) {
      // invalid_named_expression: a=expression ':=' expression
      this.raiseAtToken(e, `cannot use assignment expressions with ${exprName(e)}`);
    }
    return e;
  }

  /** named_expression in an if/elif/while header, with invalid_named_expression's '=' checks. */
  parseNamedExpressionChecked(): A.Expr {
    const s = this.tok;
    const e = this.parseNamedExpression();
    if (this.is('=')) {
      const eq = this.tok;
      if (e.kind === 'Name' && !this.parenthesized.has(e)) {
        const ok = this.probe(() => {
          this.advance();
          const v = this.parseBitwiseOr();
          return this.is('=') || this.is(':=') ? null : v;
        });
        if (ok) this.raiseRange(e, ok, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      } else if (this.isBitwiseOrLevel(e) && !(e.kind === 'List' || e.kind === 'Tuple' || e.kind === 'GeneratorExp' || (e.kind === 'Constant' && (e.value.type === 'None' || e.value.type === 'bool')))) {
        const ok = this.probe(() => {
          this.advance();
          this.parseBitwiseOr();
          return !(this.is('=') || this.is(':='));
        });
        if (ok) this.raiseAtToken(e, `cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`);
      }
    }
    void s;
    return e;
  }

  // expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
  parseExpression(): A.Expr {
    if (this.ty() === Tok.NAME && this.tok.value === 'lambda') return this.parseLambda();
    const s = this.tok;
    const body = this.parseDisjunction();
    if (this.ty() === Tok.NAME && this.tok.value === 'if') {
      this.advance();
      const test = this.parseDisjunction();
      if (!this.is('else')) {
        if (!this.is(':')) this.raiseRange(body, test, "expected 'else' after 'if' expression");
        this.failHere();
      }
      this.advance();
      const orelse = this.parseExpression();
      return F.ifExp(test, body, orelse, s, this.lastNonWs);
    }
    if (this.canStartExpression(this.tok) && this.specDepth === 0) this.checkInvalidExpression(s, body);
    return body;
  }

  // lambdef: 'lambda' [lambda_params] ':' expression
  parseLambda(): A.Expr {
    const t = this.advance();
    const args = this.parseParameters(':', false);
    this.expect(':');
    const body = this.parseExpression();
    const lam = F.lambda(args, body, t, this.lastNonWs);
    this.checkDebugArgs(args, lam);
    return lam;
  }

  /** compile.c compiler_check_debug_args: a parameter named __debug__, reported at the whole
   * def or lambda */
  checkDebugArgs(a: A.Arguments, at: A.Pos): void {
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
    if (all.some((x) => x.arg === '__debug__')) this.raiseAtToken(at, 'cannot assign to __debug__');
  }

  // disjunction: conjunction ('or' conjunction)+ | conjunction
  parseDisjunction(): A.Expr {
    const s = this.tok;
    const first = this.parseConjunction();
    if (!(this.ty() === Tok.NAME && this.tok.value === 'or')) return first;
    const values = [first];
    while (this.ty() === Tok.NAME && this.tok.value === 'or') {
      this.advance();
      values.push(this.parseConjunction());
    }
    return F.boolop('Or', values, s, this.lastNonWs);
  }

  // conjunction: inversion ('and' inversion)+ | inversion
  parseConjunction(): A.Expr {
    const s = this.tok;
    const first = this.parseInversion();
    if (!(this.ty() === Tok.NAME && this.tok.value === 'and')) return first;
    const values = [first];
    while (this.ty() === Tok.NAME && this.tok.value === 'and') {
      this.advance();
      values.push(this.parseInversion());
    }
    return F.boolop('And', values, s, this.lastNonWs);
  }

  // inversion: 'not' inversion | comparison
  parseInversion(): A.Expr {
    if (this.ty() === Tok.NAME && this.tok.value === 'not') {
      const t = this.advance();
      const operand = this.parseInversion();
      return F.unaryop('Not', operand, t, this.lastNonWs);
    }
    return this.parseComparison();
  }

  // comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
  parseComparison(): A.Expr {
    const s = this.tok;
    const left = this.parseBitwiseOr();
    let ops: A.CmpOp[] | null = null;
    let comparators: A.Expr[] | null = null;
    for (;;) {
      const t = this.tok;
      let op: A.CmpOp | undefined;
      if (t.type === Tok.OP) {
        op = COMPARE_OPS[t.value];
        if (op === undefined) break;
        this.advance();
      } else if (t.type === Tok.NAME) {
        if (t.value === 'in') {
          op = 'In';
          this.advance();
        } else if (t.value === 'is') {
          this.advance();
          if (this.is('not')) {
            this.advance();
            op = 'IsNot';
          } else op = 'Is';
        } else if (t.value === 'not' && this.peek(1).value === 'in') {
          this.advance();
          this.advance();
          op = 'NotIn';
        } else break;
      } else break;
      if (!ops) {
        ops = [];
        comparators = [];
      }
      ops.push(op);
      comparators!.push(this.parseBitwiseOr());
    }
    if (!ops) return left;
    return F.compare(left, ops, comparators!, s, this.lastNonWs);
  }

  // bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
  parseBitwiseOr(): A.Expr {
    const s = this.tok;
    let left = this.parseBitwiseXor();
    while (this.ty() === Tok.OP && this.tok.value === '|') {
      this.advance();
      const right = this.parseBitwiseXor();
      left = F.binop(left, 'BitOr', right, s, this.lastNonWs);
    }
    return left;
  }

  // bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
  parseBitwiseXor(): A.Expr {
    const s = this.tok;
    let left = this.parseBitwiseAnd();
    while (this.ty() === Tok.OP && this.tok.value === '^') {
      this.advance();
      const right = this.parseBitwiseAnd();
      left = F.binop(left, 'BitXor', right, s, this.lastNonWs);
    }
    return left;
  }

  // bitwise_and: bitwise_and '&' shift_expr | shift_expr
  parseBitwiseAnd(): A.Expr {
    const s = this.tok;
    let left = this.parseShift();
    while (this.ty() === Tok.OP && this.tok.value === '&') {
      this.advance();
      const right = this.parseShift();
      left = F.binop(left, 'BitAnd', right, s, this.lastNonWs);
    }
    return left;
  }

  // shift_expr: shift_expr ('<<' | '>>') sum | sum
  parseShift(): A.Expr {
    const s = this.tok;
    let left = this.parseSum();
    for (;;) {
      const v = this.tok.value;
      if (this.ty() !== Tok.OP || (v !== '<<' && v !== '>>')) return left;
      this.advance();
      const right = this.parseSum();
      left = F.binop(left, v === '<<' ? 'LShift' : 'RShift', right, s, this.lastNonWs);
    }
  }

  // sum: sum ('+' | '-') term | term
  parseSum(): A.Expr {
    const s = this.tok;
    let left = this.parseTerm();
    for (;;) {
      const v = this.tok.value;
      if (this.ty() !== Tok.OP || (v !== '+' && v !== '-')) return left;
      this.advance();
      const right = this.parseTerm();
      left = F.binop(left, v === '+' ? 'Add' : 'Sub', right, s, this.lastNonWs);
    }
  }

  // term: term ('*' | '/' | '//' | '%' | '@') factor | factor
  parseTerm(): A.Expr {
    const s = this.tok;
    let left = this.parseFactor();
    for (;;) {
      if (this.ty() !== Tok.OP) return left;
      let op: A.Operator;
      switch (this.tok.value) {
        case '*': op = 'Mult'; break;
        case '/': op = 'Div'; break;
        case '//': op = 'FloorDiv'; break;
        case '%': op = 'Mod'; break;
        case '@': op = 'MatMult'; break;
        default: return left;
      }
      this.advance();
      const right = this.parseFactor();
      left = F.binop(left, op, right, s, this.lastNonWs);
    }
  }

  // factor: '+' factor | '-' factor | '~' factor | power
  parseFactor(): A.Expr {
    const t = this.tok;
    if (t.type === Tok.OP) {
      let op: A.UnaryOp['op'] | null = null;
      if (t.value === '+') op = 'UAdd';
      else if (t.value === '-') op = 'USub';
      else if (t.value === '~') op = 'Invert';
      if (op) {
        this.advance();
        const operand = this.parseFactor();
        return F.unaryop(op, operand, t, this.lastNonWs);
      }
    }
    return this.parsePower();
  }

  // power: await_primary '**' factor | await_primary
  parsePower(): A.Expr {
    const s = this.tok;
    const left = this.parseAwaitPrimary();
    if (this.ty() === Tok.OP && this.tok.value === '**') {
      this.advance();
      const right = this.parseFactor();
      return F.binop(left, 'Pow', right, s, this.lastNonWs);
    }
    return left;
  }

  // await_primary: AWAIT primary | primary
  parseAwaitPrimary(): A.Expr {
    if (this.ty() === Tok.NAME && this.tok.value === 'await') {
      const t = this.advance();
      const v = this.parsePrimary();
      return F.await_(v, t, this.lastNonWs);
    }
    return this.parsePrimary();
  }

  // primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom
  parsePrimary(): A.Expr {
    const s = this.tok;
    let e = this.parseAtom();
    for (;;) {
      const t = this.tok;
      if (t.type !== Tok.OP) return e;
      if (t.value === '.') {
        this.advance();
        const n = this.expectName();
        e = F.attribute(e, ident(n.value), 'Load', s, n);
      } else if (t.value === '(') {
        this.advance();
        const r = this.parseCallArgs(t);
        e = F.call(e, r.args, r.keywords, s, this.lastNonWs);
      } else if (t.value === '[') {
        this.advance();
        const sl = this.parseSlices();
        const c = this.expect(']');
        e = F.subscript(e, sl, 'Load', s, c);
      } else return e;
    }
  }

  // slices: slice !',' | ','.(slice | starred_expression)+ [',']
  parseSlices(): A.Expr {
    const s = this.tok;
    const first = this.parseSliceOrStarred();
    if (!this.is(',')) return first.kind === 'Starred' ? F.tuple([first], 'Load', s, this.lastNonWs) : first;
    const elts = [first];
    while (this.eat(',')) {
      if (this.is(']')) break;
      elts.push(this.parseSliceOrStarred());
    }
    return F.tuple(elts, 'Load', s, this.lastNonWs);
  }

  // slice: [expression] ':' [expression] [':' [expression]] | named_expression
  parseSliceOrStarred(): A.Expr {
    if (this.is('*')) {
      const s = this.advance();
      const v = this.parseExpression();
      return F.starred(v, 'Load', s, this.lastNonWs);
    }
    const s = this.tok;
    let lower: A.Expr | null = null;
    if (!this.is(':')) {
      lower = this.parseNamedExpression();
      if (!this.is(':')) return lower;
      if (lower.kind === 'NamedExpr' && !this.parenthesized.has(lower)) this.failHere();
    }
    this.advance();
    let upper: A.Expr | null = null;
    let step: A.Expr | null = null;
    if (!this.is(':') && !this.is(']') && !this.is(',')) upper = this.parseExpression();
    if (this.eat(':')) {
      if (!this.is(']') && !this.is(',')) step = this.parseExpression();
    }
    return F.slice(lower, upper, step, s, this.lastNonWs);
  }

  // arguments: args [','] &')' — `open` is the '(' token (already consumed)
  parseCallArgs(open: Token): { args: A.Expr[]; keywords: A.Keyword[] } {
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let sawKeyword = false;
    let sawKwUnpack = false;
    let genexpFirst: A.Expr | null = null;
    while (!this.is(')')) {
      const t = this.tok;
      if (t.type === Tok.OP && t.value === '*') {
        this.advance();
        const v = this.parseExpression();
        if (sawKwUnpack) this.raiseAtToken(t, 'iterable argument unpacking follows keyword argument unpacking');
        const st = F.starred(v, 'Load', t, this.lastNonWs);
        // invalid_comprehension's '(' form: f(*a for a in b)
        if (args.length === 0 && keywords.length === 0) this.checkStarredComprehension(st);
        args.push(st);
      } else if (t.type === Tok.OP && t.value === '**') {
        this.advance();
        const v = this.parseExpression();
        keywords.push(F.keyword(null, v, t, this.lastNonWs));
        sawKwUnpack = true;
      } else if (t.type === Tok.NAME && this.peek(1).value === '=' && this.peek(1).type === Tok.OP) {
        if (t.value === 'True' || t.value === 'False' || t.value === 'None') this.raiseRange(t, this.peek(1), `cannot assign to ${t.value}`);
        if (!this.isName()) this.failHere();
        this.advance();
        const eq = this.advance();
        const v = this.parseExpression();
        if (this.is('for') || this.is('async')) this.raiseRange(t, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        keywords.push(F.keyword(ident(t.value), v, t, this.lastNonWs));
        sawKeyword = true;
      } else {
        const s = this.tok;
        let v = this.parseNamedExpression();
        if (this.is('for') || (this.is('async') && this.peek(1).value === 'for')) {
          const gens = this.parseComprehensionClauses();
          if (args.length || keywords.length || !this.is(')')) {
            // Generator expression must be parenthesized
            if (args.length || keywords.length) {
              this.raiseRange(v, this.lastComprehensionItem(gens), 'Generator expression must be parenthesized');
            }
            if (this.is(',')) {
              const ok = this.attempt(() => {
                this.advance();
                return true;
              });
              if (ok) this.raiseRange(v, this.lastComprehensionItem(gens), 'Generator expression must be parenthesized');
            }
            this.failHere();
          }
          const c = this.tok;
          v = F.genExp(v, gens, open, c);
          genexpFirst = v;
        } else if (this.is('=')) {
          // invalid_kwarg: !(NAME '=') a=expression b='='
          this.raiseRange(v, this.tok, 'expression cannot contain assignment, perhaps you meant "=="?');
        }
        if (sawKeyword || sawKwUnpack) {
          void s;
          // _PyPegen_arguments_parsing_error: located at the last token fetched
          this.parseArgsRestForError();
          this.raiseHere(sawKwUnpack ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument');
        }
        args.push(v);
      }
      if (!this.is(',')) {
        if (!this.is(')')) {
          if (this.canStartExpression(this.tok) && args.length + keywords.length > 0) {
            const last = keywords.length && (!args.length || this.posAfter(keywords[keywords.length - 1], args[args.length - 1])) ? keywords[keywords.length - 1].value : args[args.length - 1];
            this.checkInvalidExpression(this.firstTokenOf(last), last);
          }
          this.failHere();
        }
        break;
      }
      this.advance();
    }
    void genexpFirst;
    this.expect(')');
    return { args, keywords };
  }

  posAfter(a: A.Pos, b: A.Pos): boolean {
    return a.lineno > b.lineno || (a.lineno === b.lineno && a.col_offset > b.col_offset);
  }

  firstArgPos(args: A.Expr[], keywords: A.Keyword[]): A.Pos {
    let best: A.Pos | null = null;
    for (const x of [...args, ...keywords]) if (!best || this.posAfter(best, x)) best = x;
    return best!;
  }

  /** After a positional argument follows keywords: consume the rest of the arguments as pegen's `args` would. */
  parseArgsRestForError(): void {
    this.attempt(() => {
      while (this.eat(',')) {
        if (this.is(')')) break;
        if (this.is('*') || this.is('**')) this.advance();
        else if (this.isName() && this.peek(1).value === '=') {
          this.advance();
          this.advance();
        }
        this.parseExpression();
      }
      this.peek(0);
      return true;
    });
  }

  lastComprehensionItem(gens: A.Comprehension[]): A.Pos {
    const g = gens[gens.length - 1];
    return g.ifs.length ? g.ifs[g.ifs.length - 1] : g.iter;
  }

  // for_if_clauses: ([ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
  parseComprehensionClauses(): A.Comprehension[] {
    const gens: A.Comprehension[] = [];
    for (;;) {
      let isAsync = 0;
      if (this.is('async') && this.peek(1).value === 'for') {
        this.advance();
        isAsync = 1;
      } else if (!this.is('for')) break;
      this.advance();
      const target = this.parseForTarget();
      this.expect('in');
      const iter = this.parseDisjunction();
      const ifs: A.Expr[] = [];
      while (this.is('if')) {
        this.advance();
        ifs.push(this.parseDisjunction());
      }
      gens.push(F.comprehension(target, iter, ifs, isAsync));
    }
    return gens;
  }

  // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
  parseYieldExpr(): A.Expr {
    const t = this.advance();
    if (this.is('from')) {
      this.advance();
      const v = this.parseExpression();
      return F.yieldFrom(v, t, this.lastNonWs);
    }
    if (this.canStartStarExpression()) {
      const v = this.parseStarExpressions();
      return F.yield_(v, t, this.lastNonWs);
    }
    return F.yield_(null, t, t);
  }

  // atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple/group/genexp | list/listcomp
  //     | dict/set/dictcomp/setcomp | '...'
  parseAtom(): A.Expr {
    const t = this.tok;
    switch (t.type) {
      case Tok.NAME: {
        const v = t.value;
        if (KEYWORDS.has(v)) {
          if (v === 'None') {
            this.advance();
            return F.constant({ type: 'None' }, null, t, t);
          }
          if (v === 'True' || v === 'False') {
            this.advance();
            return F.constant({ type: 'bool', value: v === 'True' }, null, t, t);
          }
          this.failHere();
        }
        this.advance();
        return F.name(ident(v), 'Load', t, t);
      }
      case Tok.NUMBER: {
        this.advance();
        const c = this.parseNumber(t);
        // `primary` calls atom twice, a target tried here once or twice more (arena.ts)
        noteNumber(t, c.value, 2 + (this.tprim?.get(t) ?? 0));
        return c;
      }
      case Tok.STRING:
        return this.parseStrings();
      case Tok.OP:
        switch (t.value) {
          case '(':
            return this.parseParenAtom();
          case '[':
            return this.parseListAtom();
          case '{':
            return this.parseBraceAtom();
          case '...':
            this.advance();
            return F.constant({ type: 'Ellipsis' }, null, t, t);
        }
    }
    this.failHere();
  }

  parseNumber(t: Token): A.Constant {
    const raw = t.value;
    const s = raw.indexOf('_') >= 0 ? raw.replace(/_/g, '') : raw;
    const last = s.charCodeAt(s.length - 1);
    if (last === 106 || last === 74) {
      return F.constant({ type: 'complex', imag: Number(s.slice(0, -1)) }, null, t, t);
    }
    const c1 = s.charCodeAt(1);
    if (s.charCodeAt(0) === 48 && s.length > 1 && (c1 === 120 || c1 === 88 || c1 === 111 || c1 === 79 || c1 === 98 || c1 === 66)) {
      return F.constant({ type: 'int', value: BigInt(s.toLowerCase()) }, null, t, t);
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 46 || c === 101 || c === 69) return F.constant({ type: 'float', value: Number(s) }, null, t, t);
    }
    return F.constant({ type: 'int', value: BigInt(s) }, null, t, t);
  }

  // strings: STRING+
  parseStrings(): A.Expr {
    const toks: Token[] = [];
    let fstring = false;
    while (this.ty() === Tok.STRING) {
      const t = this.advance();
      if (!fstring && isFString(t.value)) fstring = true;
      toks.push(t);
    }
    // the f-strings' expressions are recorded apart: they belong to this occurrence
    const outer = fstring ? arenaSwap(new Map()) : null;
    let e: A.Expr;
    let inner = null;
    try {
      e = concatenateStrings(this, toks);
    } finally {
      if (fstring) inner = arenaSwap(outer);
    }
    const keys: string[] = [];
    strConstKeys(e, keys);
    noteStrings(toks[0], keys, inner);
    return e;
  }

  // tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
  // group: '(' (yield_expr | named_expression) ')' ; genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
  parseParenAtom(): A.Expr {
    const open = this.advance();
    if (this.is(')')) {
      const c = this.advance();
      return F.tuple([], 'Load', open, c);
    }
    if (this.is('yield')) {
      const y = this.parseYieldExpr();
      this.expect(')');
      this.parenthesized.add(y);
      return y;
    }
    if (this.is('**')) {
      // invalid_group: '(' a='**' expression ')'
      const st = this.tok;
      const ok = this.probe(() => {
        this.advance();
        this.parseExpression();
        return this.is(')');
      });
      if (ok) this.raiseAtToken(st, 'cannot use double starred expression here');
      this.failHere();
    }
    const first = this.parseStarNamedExpression();
    if (this.is(')')) {
      const c = this.advance();
      if (first.kind === 'Starred') this.raiseAtToken(first, 'cannot use starred expression here');
      this.parenthesized.add(first);
      void c;
      return first;
    }
    this.checkStarredComprehension(first);
    if (first.kind !== 'Starred' && (this.is('for') || (this.is('async') && this.peek(1).value === 'for'))) {
      const gens = this.parseComprehensionClauses();
      const c = this.expect(')');
      return F.genExp(first, gens, open, c);
    }
    if (!this.is(',')) {
      this.checkInvalidExpression(this.firstTokenOf(first), first);
      this.failHere();
    }
    const elts = [first];
    while (this.eat(',')) {
      if (this.is(')')) break;
      elts.push(this.parseStarNamedExpression());
      if (!this.is(',') && !this.is(')')) {
        const last = elts[elts.length - 1];
        this.checkInvalidExpression(this.firstTokenOf(last), last);
      }
    }
    const c = this.expect(')');
    return F.tuple(elts, 'Load', open, c);
  }

  // list: '[' [star_named_expressions] ']' ; listcomp: '[' named_expression for_if_clauses ']'
  parseListAtom(): A.Expr {
    const open = this.advance();
    if (this.is(']')) {
      const c = this.advance();
      return F.list([], 'Load', open, c);
    }
    const first = this.parseStarNamedExpression();
    this.checkStarredComprehension(first);
    if (first.kind !== 'Starred' && (this.is('for') || (this.is('async') && this.peek(1).value === 'for'))) {
      const gens = this.parseComprehensionClauses();
      const c = this.expect(']');
      return F.listComp(first, gens, open, c);
    }
    const elts = [first];
    while (this.eat(',')) {
      if (this.is(']')) break;
      elts.push(this.parseStarNamedExpression());
    }
    if (!this.is(']')) {
      const last = elts[elts.length - 1];
      this.checkInvalidExpression(this.firstTokenOf(last), last);
    }
    const c = this.expect(']');
    return F.list(elts, 'Load', open, c);
  }

  // dict: '{' [double_starred_kvpairs] '}' ; set: '{' star_named_expressions '}' ; dictcomp ; setcomp
  parseBraceAtom(): A.Expr {
    const open = this.advance();
    if (this.is('}')) {
      const c = this.advance();
      return F.dict([], [], open, c);
    }
    if (this.is('**')) return this.parseDictRest(open, [], []);
    const first = this.parseStarNamedExpression();
    this.checkStarredComprehension(first);
    if (this.is(':') && first.kind !== 'Starred') {
      const colon = this.advance();
      // invalid_double_starred_kvpairs: expression ':' &('}'|',')
      if (this.is('}') || this.is(',')) this.raiseAtToken(colon, "expression expected after dictionary key and ':'");
      const v = this.parseExpression();
      if (this.is('for') || (this.is('async') && this.peek(1).value === 'for')) {
        const gens = this.parseComprehensionClauses();
        const c = this.expect('}');
        return F.dictComp(first, v, gens, open, c);
      }
      if (first.kind === 'NamedExpr' && !this.parenthesized.has(first)) this.failHere();
      if (!this.eat(',')) {
        const c = this.expect('}');
        return F.dict([first], [v], open, c);
      }
      return this.parseDictRest(open, [first], [v]);
    }
    if (first.kind !== 'Starred' && (this.is('for') || (this.is('async') && this.peek(1).value === 'for'))) {
      const gens = this.parseComprehensionClauses();
      const c = this.expect('}');
      return F.setComp(first, gens, open, c);
    }
    const elts = [first];
    while (this.eat(',')) {
      if (this.is('}')) break;
      elts.push(this.parseStarNamedExpression());
    }
    if (!this.is('}')) {
      const last = elts[elts.length - 1];
      this.checkInvalidExpression(this.firstTokenOf(last), last);
    }
    const c = this.expect('}');
    return F.set(elts, open, c);
  }

  parseDictRest(open: Token, keys: (A.Expr | null)[], values: A.Expr[]): A.Expr {
    while (!this.is('}')) {
      if (this.is('**')) {
        const st = this.advance();
        keys.push(null);
        values.push(this.parseBitwiseOr());
        // invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
        if (keys.length === 1 && (this.is('for') || (this.is('async') && this.peek(1).value === 'for'))) this.raiseAtToken(st, 'dict unpacking cannot be used in dict comprehension');
      } else {
        // invalid_double_starred_kvpairs: ','.double_starred_kvpair+ ',' invalid_kvpair, whose
        // `a=expression !(':')` is the key as the first pass parses it (no invalid_ rules, so
        // `x if y` is the key `x`): "':' expected" at the key's last character
        // (a PEG parse keeps the longest prefix that is an expression: `x + }` has the key `x`)
        const m = this.mark();
        let k = this.attempt(() => this.parseExpression());
        const levels = [this.parseDisjunction, this.parseConjunction, this.parseInversion, this.parseComparison, this.parseBitwiseOr, this.parseBitwiseXor, this.parseBitwiseAnd, this.parseShift, this.parseSum, this.parseTerm, this.parseFactor, this.parsePower, this.parsePrimary];
        for (const level of levels) {
          const shorter = () => level.call(this);
          if (k !== null) break;
          this.reset(m);
          k = this.attempt(shorter);
        }
        if (k === null) {
          this.reset(m);
          k = this.parseExpression();
        }
        if (!this.is(':')) this.raise('SyntaxError', "':' expected after dictionary key", k.lineno, k.end_col_offset, k.end_lineno, 0);
        // invalid_kvpair / invalid_double_starred_kvpairs: the error points at the ':'
        const colon = this.tok;
        this.advance();
        if (this.is('}') || this.is(',')) this.raiseAtToken(colon, 'expression expected after dictionary key and \':\'');
        keys.push(k);
        values.push(this.parseExpression());
      }
      if (!this.eat(',')) break;
    }
    const c = this.expect('}');
    return F.dict(keys, values, open, c);
  }

  // ------------------------------------------------------------------ targets pegen tries
  // Where an assignment statement may start (a simple statement's first token, each right-hand
  // side), pegen first tries star_targets / single_subscript_attribute_target, whose t_primary
  // calls atom: a NUMBER it meets there is one more arena object (two when a trailer follows, as
  // the left-recursive loop runs atom again). These mirror those rules on the tokens (a valid
  // program's brackets hold expressions) and record the NUMBERs t_primary starts at in `tprim`.

  private simOp(i: number, v: string): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.type === Tok.OP && t.value === v;
  }
  /** t_lookahead: '(' | '[' | '.' */
  private simLook(i: number): boolean {
    return this.simOp(i, '(') || this.simOp(i, '[') || this.simOp(i, '.');
  }
  /** the index after the bracket that closes the one at i, or -1 */
  private simClose(i: number): number {
    let depth = 0;
    for (let j = i; j < this.tokens.length; j++) {
      const t = this.tokens[j];
      if (t.type === Tok.ENDMARKER) return -1;
      if (t.type !== Tok.OP) continue;
      const v = t.value;
      if (v === '(' || v === '[' || v === '{') depth++;
      else if (v === ')' || v === ']' || v === '}') {
        if (--depth === 0) return j + 1;
      }
    }
    return -1;
  }
  private simAtomEnd(i: number): number {
    const t = this.tokens[i];
    if (t === undefined) return -1;
    switch (t.type) {
      case Tok.NAME:
        if (KEYWORDS.has(t.value)) return t.value === 'None' || t.value === 'True' || t.value === 'False' ? i + 1 : -1;
        return i + 1;
      case Tok.NUMBER:
        return i + 1;
      case Tok.STRING: {
        let j = i;
        while (this.tokens[j]?.type === Tok.STRING) j++;
        return j;
      }
      case Tok.OP:
        if (t.value === '(' || t.value === '[' || t.value === '{') return this.simClose(i);
        return t.value === '...' ? i + 1 : -1;
    }
    return -1;
  }
  // t_primary: t_primary ('.' NAME | '[' slices ']' | genexp | '(' [arguments] ')') &t_lookahead | atom &t_lookahead
  private simTPrimary(i: number): number {
    const t = this.tokens[i];
    if (t?.type === Tok.NUMBER) (this.tprim ??= new Map()).set(t, this.simLook(i + 1) ? 2 : 1);
    const a = this.simAtomEnd(i);
    if (a < 0 || !this.simLook(a)) return -1;
    let j = a;
    for (;;) {
      let k: number;
      if (this.simOp(j, '.')) {
        if (this.tokens[j + 1]?.type !== Tok.NAME) break;
        k = j + 2;
      } else if (this.simOp(j, '(') || this.simOp(j, '[')) {
        k = this.simClose(j);
        if (k < 0) break;
      } else break;
      if (!this.simLook(k)) break;
      j = k;
    }
    return j;
  }
  // target_with_star_atom: t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom
  private simTargetWithStarAtom(i: number): number {
    const memo = (this.simMemo ??= new Map());
    const m = memo.get(i);
    if (m !== undefined) return m;
    memo.set(i, -1);
    let r = -1;
    const p = this.simTPrimary(i);
    if (p >= 0) {
      if (this.simOp(p, '.') && this.tokens[p + 1]?.type === Tok.NAME && !this.simLook(p + 2)) r = p + 2;
      else if (this.simOp(p, '[')) {
        const k = this.simClose(p);
        if (k >= 0 && !this.simLook(k)) r = k;
      }
    }
    if (r < 0) r = this.simStarAtom(i);
    memo.set(i, r);
    return r;
  }
  // star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']'
  private simStarAtom(i: number): number {
    const t = this.tokens[i];
    if (t === undefined) return -1;
    if (t.type === Tok.NAME) return KEYWORDS.has(t.value) ? -1 : i + 1;
    if (this.simOp(i, '(')) {
      const j = this.simTargetWithStarAtom(i + 1);
      if (j >= 0 && this.simOp(j, ')')) return j + 1;
      let k = this.simSeq(i + 1, true);
      if (k < 0) k = i + 1;
      return this.simOp(k, ')') ? k + 1 : -1;
    }
    if (this.simOp(i, '[')) {
      let k = this.simSeq(i + 1, false);
      if (k < 0) k = i + 1;
      return this.simOp(k, ']') ? k + 1 : -1;
    }
    return -1;
  }
  // star_target: '*' (!'*' star_target) | target_with_star_atom
  private simStarTarget(i: number): number {
    if (this.simOp(i, '*')) return this.simOp(i + 1, '*') ? -1 : this.simStarTarget(i + 1);
    return this.simTargetWithStarAtom(i);
  }
  /** star_target (',' star_target)* [','] (a tuple's needs a comma) */
  private simSeq(i: number, needComma: boolean): number {
    let j = this.simStarTarget(i);
    if (j < 0) return -1;
    let commas = 0;
    while (this.simOp(j, ',')) {
      const k = this.simStarTarget(j + 1);
      if (k < 0) break;
      j = k;
      commas++;
    }
    if (this.simOp(j, ',')) {
      j++;
      commas++;
    }
    return needComma && commas === 0 ? -1 : j;
  }
  /** star_targets (and single_subscript_attribute_target, whose t_primary is the same) at i */
  simStarTargets(i: number): void {
    const t = this.tokens[i];
    // a keyword starts no target (the simple statements' own keywords)
    if (t === undefined || (t.type === Tok.NAME && KEYWORDS.has(t.value) && t.value !== 'None' && t.value !== 'True' && t.value !== 'False')) return;
    this.simSeq(i, false);
  }

  // ------------------------------------------------------------------ f-string sub-parser

  parseFStringExpr(text: string, lineno: number, colOffset: number): A.Expr {
    const sub = '(' + text + ')';
    const { tokens, lines } = tokenize(sub);
    for (const t of tokens) {
      if (t.end_lineno === 1) {
        if (t.col_offset >= 0) t.col_offset += colOffset;
        if (t.end_col_offset >= 0) t.end_col_offset += colOffset;
      }
      t.lineno += lineno - 1;
      t.end_lineno += lineno - 1;
      if (t.error) {
        t.error.lineno += lineno - 1;
        t.error.endLineno += lineno - 1;
      }
    }
    const p = new Parser(tokens, lines, { lineno, colOffset, text: sub });
    p.start();
    // fstring: star_expressions
    const e = p.parseStarExpressions();
    if (p.tok.type !== Tok.NEWLINE) p.failHere();
    return e;
  }
}

/** A string token with an 'f' prefix. */
function isFString(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 102 || c === 70) return true;
    if (c === 39 || c === 34) return false;
  }
  return false;
}

/** The shared keys (arena.ts) of a `strings` node's constants: the node itself, or a JoinedStr's
 *  literal parts and those of its format specs (an f-string's expressions record their own). */
function strConstKeys(e: A.Expr, out: string[]): void {
  if (e.kind === 'Constant') {
    const k = sharedKey(e.value);
    if (k !== null) out.push(k);
  } else if (e.kind === 'JoinedStr') {
    for (const v of e.values) {
      if (v.kind === 'FormattedValue') {
        if (v.format_spec) strConstKeys(v.format_spec, out);
      } else strConstKeys(v, out);
    }
  }
}

export { ParseError };
