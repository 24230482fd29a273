// Printing an uncaught exception as CPython 3.11 does (Python/pythonrun.c print_exception,
// print_exception_recursive; Python/traceback.c tb_displayline, print_error_location_carets,
// extract_anchors_from_line; Python/suggestions.c for "Did you mean").

import { CPYTHON_FROZEN } from './stdlibnames';
import { PyObject, PyType, decref } from './object';
import { PyBaseException } from './objects/exception';
import * as E from './objects/exception';
import { PyTraceback } from './objects/traceback';
import { PyStr, StrType } from './objects/str';
import { PyDict, DictType } from './objects/dict';
import { PyModule, PyInstance } from './objects/instance';
import * as abs from './abstract';
import { parse, formatSyntaxError } from '../parser/index';
import { PyInt, newInt } from './objects/int';
import { PyList } from './objects/list';
import { PyTuple } from './objects/tuple';
import { isWideCodePoint } from './eastasianwidth';
import { isGroup } from './objects/exception_group';
import type * as A from '../parser/ast';
import { currentInterp } from './current';

/** A sink for the pieces of text CPython writes one PyFile_WriteString / PyFile_WriteObject call
 * each (a custom sys.stderr's write() gets exactly those pieces) */
export type Emit = (s: string) => void;

/** The text CPython writes to stderr for an uncaught exception. */
export function formatException(exc: PyBaseException): string {
  const parts: string[] = [];
  printException(exc, (s) => parts.push(s));
  return parts.join('');
}

/** print_exception_recursive from _PyErr_Display (Python/pythonrun.c): the pieces in the order
 * and the cuts CPython writes them to the file (an error `emit` throws stops it there) */
export function printException(exc: PyBaseException, emit: Emit): void {
  const ctx: PrintCtx = { seen: new Set<PyObject>(), depth: 0, needClose: false, emit };
  printRecursive(ctx, exc);
}

/** exception_print_context (Python/pythonrun.c): the exception groups' nesting */
interface PrintCtx {
  seen: Set<PyObject>;
  depth: number;
  needClose: boolean;
  emit: Emit;
}
/** PyErr_MAX_GROUP_WIDTH, PyErr_MAX_GROUP_DEPTH */
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;
/** _Py_WriteIndent (Python/traceback.c): the spaces ten at a time */
function writeIndent(indent: number, emit: Emit): void {
  for (; indent > 0; indent -= 10) emit(' '.repeat(Math.min(indent, 10)));
}
/** _Py_WriteIndentedMargin: the indent, then the margin (written even when it is "") */
function writeIndentedMargin(indent: number, margin: string, emit: Emit): void {
  writeIndent(indent, emit);
  emit(margin);
}
/** write_indented_margin: EXC_INDENT spaces then EXC_MARGIN */
function writeMargin(ctx: PrintCtx): void {
  writeIndentedMargin(2 * ctx.depth, ctx.depth ? '| ' : '', ctx.emit);
}

/** print_exception_recursive: the chained exceptions first, then this one (or its group) */
function printRecursive(ctx: PrintCtx, exc: PyBaseException): void {
  // print_exception_cause_and_context
  ctx.seen.add(exc);
  const cause = exc.cause;
  const context = exc.context;
  if (cause instanceof PyBaseException) {
    if (!ctx.seen.has(cause)) printChained(ctx, cause, 'The above exception was the direct cause of the following exception:\n');
  } else if (context instanceof PyBaseException && !exc.suppressContext) {
    if (!ctx.seen.has(context)) printChained(ctx, context, 'During handling of the above exception, another exception occurred:\n');
  }
  if (isGroup(exc)) printGroup(ctx, exc);
  else printOne(ctx, exc);
}

/** print_chained */
function printChained(ctx: PrintCtx, exc: PyBaseException, message: string): void {
  const needClose = ctx.needClose;
  printRecursive(ctx, exc);
  ctx.needClose = needClose;
  writeMargin(ctx);
  ctx.emit('\n');
  writeMargin(ctx);
  ctx.emit(message);
  writeMargin(ctx);
  ctx.emit('\n');
}

/** print_exception: the traceback (print_exception_traceback), the message and the notes */
function printOne(ctx: PrintCtx, exc: PyBaseException): void {
  // (_PyTraceBack_Print_Indented: nothing at all when sys.tracebacklimit is 0 or less)
  const limit = exc.traceback instanceof PyTraceback ? printLimit() : 0;
  if (exc.traceback instanceof PyTraceback && limit > 0) {
    let header = 'Traceback (most recent call last):\n';
    let headerMargin = ctx.depth ? '| ' : '';
    if (isGroup(exc)) {
      header = 'Exception Group Traceback (most recent call last):\n';
      if (ctx.depth === 1) headerMargin = '+ ';
    }
    writeIndentedMargin(2 * ctx.depth, headerMargin, ctx.emit);
    ctx.emit(header);
    const depth = ctx.depth;
    emitTracebackEntries(lastEntries(exc.traceback, limit), () => writeIndentedMargin(2 * depth, depth ? '| ' : '', ctx.emit), ctx.emit);
  }
  printExceptionOnly(exc, true, () => writeMargin(ctx), ctx.emit);
}

/** print_exception_group: the group, then each of its first 15 exceptions in a frame */
function printGroup(ctx: PrintCtx, exc: PyBaseException): void {
  const emit = ctx.emit;
  if (ctx.depth > MAX_GROUP_DEPTH) {
    writeMargin(ctx);
    emit(`... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    return;
  }
  if (ctx.depth === 0) ctx.depth++;
  printOne(ctx, exc);
  const excs = (exc.extra!.exceptions as PyTuple).items;
  const num = excs.length;
  const n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    // the closing frame may be added in a recursive call
    if (last) ctx.needClose = true;
    writeIndent(2 * ctx.depth, emit);
    const truncated = i >= MAX_GROUP_WIDTH;
    emit(`${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`);
    ctx.depth++;
    if (!truncated) printRecursive(ctx, excs[i] as PyBaseException);
    else {
      const remaining = num - MAX_GROUP_WIDTH;
      writeMargin(ctx);
      emit(`and ${remaining} more exception${remaining > 1 ? 's' : ''}\n`);
    }
    if (last && ctx.needClose) {
      writeIndent(2 * ctx.depth, emit);
      emit('+------------------------------------\n');
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (ctx.depth === 1) ctx.depth--;
}

/** PyTraceBack_LIMIT: the entries printed when sys.tracebacklimit is not set */
const TRACEBACK_LIMIT = 1000;

/** sys.tracebacklimit as _PyTraceBack_Print_Indented reads it: an int (True is 1), LONG_MAX when
 * too large, 0 or less (or too small) for no traceback at all; otherwise PyTraceBack_LIMIT */
function printLimit(): number {
  const sys = currentInterp.interp?.sys;
  const v = sys ? sys.dict.getStr(abs.strKey('tracebacklimit')) : undefined;
  if (!(v instanceof PyInt)) return TRACEBACK_LIMIT;
  const n = v.v;
  if (typeof n === 'bigint') return n > 0n ? Infinity : 0;
  return n <= 0 ? 0 : n;
}

/** _PyTraceBack_Print_Indented: the header and the last `limit` entries (tb_printinternal skips
 * the outermost ones), or nothing when the limit is 0 or less */
function printTraceback(tb: PyTraceback): string {
  const limit = printLimit();
  if (limit === 0) return '';
  return 'Traceback (most recent call last):\n' + formatTracebackEntries(lastEntries(tb, limit));
}

/** tb_printinternal's entries: the last `limit` of the traceback */
function lastEntries(tb: PyTraceback, limit: number): PyTraceback[] {
  const entries = tracebackEntries(tb);
  return entries.length > limit ? entries.slice(entries.length - limit) : entries;
}

const RECURSIVE_CUTOFF = 3;

export function formatTraceback(tb: PyTraceback): string {
  return formatTracebackEntries(tracebackEntries(tb));
}

/** the entries of a traceback, outermost first (Lib/traceback.py walk_tb) */
export function tracebackEntries(tb: PyTraceback): PyTraceback[] {
  const out: PyTraceback[] = [];
  for (let t: PyTraceback | null = tb; t; t = t.next) out.push(t);
  return out;
}

/** the frames of some traceback entries, with the "[Previous line repeated ...]" lines */
export function formatTracebackEntries(entries: PyTraceback[], margin = ''): string {
  const parts: string[] = [];
  const emit: Emit = (s) => parts.push(s);
  emitTracebackEntries(entries, () => emit(margin), emit);
  return parts.join('');
}

/** tb_printinternal: `margin` writes the margin tb_displayline writes before each of its lines
 * (the repeated-line count has none) */
function emitTracebackEntries(entries: PyTraceback[], margin: () => void, emit: Emit): void {
  let lastFile: string | null = null;
  let lastLine = -1;
  let lastName: string | null = null;
  let cnt = 0;
  for (const t of entries) {
    const code = t.frame.code.unit;
    const file = code.filename;
    const name = code.name;
    const line = t.lineno;
    if (lastFile === null || file !== lastFile || line !== lastLine || name !== lastName) {
      if (cnt > RECURSIVE_CUTOFF) emit(repeatedLine(cnt - RECURSIVE_CUTOFF));
      lastFile = file;
      lastLine = line;
      lastName = name;
      cnt = 0;
    }
    cnt++;
    if (cnt > RECURSIVE_CUTOFF) continue;
    tbDisplayLine(t, margin, emit);
  }
  if (cnt > RECURSIVE_CUTOFF) emit(repeatedLine(cnt - RECURSIVE_CUTOFF));
}

function repeatedLine(n: number): string {
  return `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
}

/** CPython 3.11's frozen modules whose source RefScope also runs under their name: linecache
 * finds no file for them, so a traceback shows no line */
const FROZEN_NO_SOURCE = new Set([...CPYTHON_FROZEN].map((n) => `<frozen ${n}>`));

/** tb_displayline: the margin and the "File" line; display_source_line_with_margin: the margin,
 * the four spaces, the line and "\n"; print_error_location_carets: the margin, then one write
 * per caret column and "\n" */
function tbDisplayLine(t: PyTraceback, margin: () => void, emit: Emit): void {
  const u = t.frame.code.unit;
  margin();
  emit(`  File "${u.filename}", line ${t.lineno}, in ${u.name}\n`);
  if (FROZEN_NO_SOURCE.has(u.filename)) return;
  const src = u.source[t.lineno - 1];
  if (src === undefined || t.lineno < 1) return;
  const original = src.replace(/[\r\n]+$/, '');
  let i = 0;
  while (i < original.length && (original[i] === ' ' || original[i] === '\t' || original[i] === '\f')) i++;
  const stripped = original.slice(i);
  if (!stripped.length) return;
  margin();
  emit('    ');
  emit(stripped);
  emit('\n');
  const li = t.lasti;
  const startLine = u.lines[li];
  const endLine = u.endLines[li];
  const startByte = u.cols[li];
  const endByte = u.endCols[li];
  if (startLine < 0 || endLine < 0 || startByte < 0 || endByte < 0) return;
  const start = byteToChar(original, startByte);
  let end = byteToChar(original, endByte);
  let left = -1;
  let right = -1;
  let primary = '^';
  let secondary = '^';
  if (startLine === endLine) {
    const a = anchors(original.slice(start, end));
    if (a) {
      left = a.left + start;
      right = a.right + start;
      primary = '~';
      secondary = '^';
    }
  } else {
    end = original.replace(/\s+$/, '').length;
  }
  // tb_displayline: stripped_line_len is the line as PyFile_GetLine read it (without its newline,
  // with any trailing blanks) less its indentation
  const strippedLen = original.length - i;
  const hasSecondary = left !== -1 || right !== -1;
  if (end - start === strippedLen && !hasSecondary) return;
  // print_error_location_carets, in display columns: as Lib/traceback.py's _display_width, a
  // wide or fullwidth character (East Asian Width W or F: CJK) takes two columns
  const col = displayColumns(original);
  const dStart = col(start);
  const dEnd = col(end);
  const dLeft = hasSecondary ? col(left) : -1;
  const dRight = hasSecondary ? col(right) : -1;
  margin();
  for (let off = i - 4 + 1; off <= dEnd; off++) {
    if (off <= dStart) emit(' ');
    else if (hasSecondary && dLeft < off && off <= dRight) emit(secondary);
    else emit(primary);
  }
  emit('\n');
}

/** col(k): the display width of line.slice(0, k) (k a UTF-16 index; past the end, one column
 * per index) */
function displayColumns(line: string): (k: number) => number {
  const col: number[] = [0];
  let w = 0;
  for (let k = 0; k < line.length; k++) {
    const cp = line.codePointAt(k)!;
    if (cp >= 0x10000) {
      col.push(w);
      k++;
    }
    w += isWideCodePoint(cp) ? 2 : 1;
    col.push(w);
  }
  return (k) => (k < col.length ? col[k] : w + k - (col.length - 1));
}

function byteToChar(line: string, byteOff: number): number {
  let bytes = 0;
  let chars = 0;
  for (const ch of line) {
    if (bytes >= byteOff) break;
    const c = ch.codePointAt(0)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    chars += ch.length;
  }
  if (bytes < byteOff) chars += 1;
  return chars;
}

/** the segment parsed as one expression statement (both anchor rules start there), with its
 * characters' UTF-8 offsets; null when it is not one */
function segmentExpr(segment: string) {
  const r = parse(segment, '<anchors>');
  if (!r.module || r.module.body.length !== 1) return null;
  const st = r.module.body[0];
  if (st.kind !== 'Expr') return null;
  return { e: st.value, bytes: utf8Offsets(segment) };
}

/** extract_anchors_from_line: binary operators and subscripts get ~~~^^^~~~ markers. */
function anchors(segment: string): { left: number; right: number } | null {
  const x = segmentExpr(segment);
  if (x === null) return null;
  const { e, bytes } = x;
  if (e.kind === 'BinOp') {
    const l = charAt(bytes, e.left.end_col_offset);
    const rr = charAt(bytes, e.right.col_offset);
    for (let i = l; i < rr; i++) {
      if (isWs(segment[i])) continue;
      let right = i + 1;
      if (i + 1 < rr && !isWs(segment[i + 1])) right++;
      // extract_anchors_from_expr (3.11.7): the left operand's end excludes its closing
      // parentheses; keep going past a ')'
      if (i + 1 < rr && segment[i] === ')') continue;
      return { left: i, right };
    }
    return null;
  }
  if (e.kind === 'Subscript') {
    let left = charAt(bytes, e.value.end_col_offset);
    let right = charAt(bytes, e.slice.end_col_offset) + 1;
    const n = segment.length;
    while (left < n && (isWs(segment[left]) || segment[left] !== '[')) left++;
    while (right < n && (isWs(segment[right]) || segment[right] !== ']')) right++;
    if (right < n) right++;
    return { left, right };
  }
  return null;
}
/** Lib/traceback.py _extract_caret_anchors_from_line_segment (3.11.7): the anchors of a
 * StackSummary's frame, offsets into the segment (which mixes byte and character offsets as
 * CPython's does) */
export function caretAnchors(segment: string): { left: number; right: number } | null {
  const x = segmentExpr(segment);
  if (x === null) return null;
  const { e, bytes } = x;
  const normalize = (b: number): number => charAt(bytes, b);
  const n = segment.length;
  if (e.kind === 'BinOp') {
    const op = segment.slice(normalize(e.left.end_col_offset), normalize(e.right.col_offset));
    const offset = op.length - op.replace(/^\s+/, '').length;
    let left = e.left.end_col_offset + offset;
    let right = left + 1;
    if (offset + 1 < op.length && !/\s/.test(op[offset + 1])) right++;
    while (left < n && (/\s/.test(segment[left]) || segment[left] === ')' || segment[left] === '#')) {
      left++;
      right++;
    }
    return { left: normalize(left), right: normalize(right) };
  }
  if (e.kind === 'Subscript') {
    let left = normalize(e.value.end_col_offset);
    let right = normalize(e.slice.end_col_offset + 1);
    while (left < n && segment[left] !== '[') left++;
    while (right < n && segment[right] !== ']') right++;
    if (right < n) right++;
    return { left, right };
  }
  return null;
}

/** Lib/traceback.py _display_width: the columns line[:offset] takes (East Asian Width W or F
 * characters take two) */
export function displayWidth(line: string, offset: number): number {
  let w = 0;
  let k = 0;
  for (const ch of line) {
    if (k >= offset) break;
    w += isWideCodePoint(ch.codePointAt(0)!) ? 2 : 1;
    k++;
  }
  return w;
}

function isWs(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\n' || c === '\r' || c === '\v';
}
function utf8Offsets(s: string): number[] {
  // byte offset -> char index table
  const map: number[] = [];
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    if (c >= 0x10000) i++;
  }
  map[b] = s.length;
  return map;
}
function charAt(map: number[], byte: number): number {
  return map[Math.min(byte, map.length - 1)] ?? byte;
}

// ------------------------------------------------------------------ the last line
/** An exception's type as tracebacks print it: its qualname, after its module unless that is
 * builtins or __main__ */
function printedTypeName(t: PyType): string {
  const name = abs.typeQualname(t);
  const mod = abs.typeModule(t);
  return mod && mod !== 'builtins' && mod !== '__main__' ? `${mod}.${name}` : name;
}

/**
 * What write_unraisable_exc_file (Python/errors.c) prints after the "Exception ignored in: ..."
 * line: the traceback, then the type (module-qualified unless builtins or __main__), ": " and
 * str(exc) even when that is empty (`TypeError: `); no chained exceptions, notes or suggestions.
 */
export function formatUnraisable(exc: PyBaseException): string {
  let out = exc.traceback instanceof PyTraceback ? printTraceback(exc.traceback) : '';
  const t = exc.type;
  const name = printedTypeName(t);
  let msg: string;
  try {
    msg = abs.str(exc);
  } catch (e) {
    if (e instanceof PyBaseException) decref(e);
    msg = '<exception str() failed>';
  }
  out += `${name}: ${msg}\n`;
  return out;
}

/** The exception's last line(s). `suggest`: the "Did you mean" of a NameError or AttributeError,
 * which 3.11 computes only in the interpreter's own display (print_exception in pythonrun.c), not
 * in the traceback module */
export function formatExceptionOnly(exc: PyBaseException, suggest = true, margin = ''): string {
  const parts: string[] = [];
  const emit: Emit = (s) => parts.push(s);
  printExceptionOnly(exc, suggest, () => emit(margin), emit);
  return parts.join('');
}

/** print_exception after the traceback: print_exception_file_and_line (a SyntaxError's),
 * print_exception_message (the margin, the module and ".", the qualname, ": " when str() is not
 * empty, and str()), print_exception_suggestions, "\n", print_exception_notes */
function printExceptionOnly(exc: PyBaseException, suggest: boolean, margin: () => void, emit: Emit): void {
  const t = exc.type;
  if (t.isSubtype(E.SyntaxError)) {
    // (the file, line, text and carets in one piece; the message's pieces as print_exception's)
    const text = formatSyntaxErrorExc(exc, printedTypeName(t));
    const cut = text.lastIndexOf('\n', text.length - 2) + 1;
    if (cut > 0) {
      margin();
      emit(text.slice(0, cut));
    }
    margin();
    emit(text.slice(cut));
    return;
  }
  margin();
  const name = abs.typeQualname(t);
  const mod = abs.typeModule(t);
  if (mod && mod !== 'builtins' && mod !== '__main__') {
    emit(mod);
    emit('.');
  }
  emit(name);
  let msg: string;
  try {
    msg = abs.str(exc);
    if (msg !== '') emit(': ');
  } catch (e) {
    if (e instanceof PyBaseException) decref(e);
    else throw e;
    msg = ': <exception str() failed>';
  }
  emit(msg);
  const sugg = suggest ? suggestion(exc) : null;
  if (sugg) {
    // print_exception_suggestions
    emit(". Did you mean: '");
    emit(sugg);
    emit("'?");
  }
  emit('\n');
  printNotes(exc, margin, emit);
}

/** str.splitlines(keepends=True) */
function splitLinesKeepEnds(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029'.includes(c)) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** print_exception_notes (3.11.7): a sequence's items (a str's characters too), each str()'d and
 * split into lines after the margin; anything else its repr, with no newline after it */
function printNotes(exc: PyBaseException, margin: () => void, emit: Emit): void {
  let notes: PyObject | null;
  try {
    notes = abs.lookupAttr(exc, '__notes__');
  } catch (e) {
    if (e instanceof PyBaseException) decref(e);
    else throw e;
    return;
  }
  if (notes === null) return;
  try {
    // PySequence_Check: sq_item, and not a dict
    if (notes.type.isSubtype(DictType) || abs.typeLookup(notes.type, '__getitem__') === null) {
      margin();
      let r: string;
      try {
        r = abs.repr(notes);
      } catch (e) {
        if (e instanceof PyBaseException) decref(e);
        else throw e;
        r = '<__notes__ repr() failed>';
      }
      emit(r);
      return;
    }
    let n: number;
    try {
      n = abs.length(notes);
    } catch (e) {
      if (e instanceof PyBaseException) decref(e);
      else throw e;
      return;
    }
    for (let i = 0; i < n; i++) {
      let text: string | null;
      try {
        const idx = newInt(i);
        let note: PyObject;
        try {
          note = abs.getItem(notes, idx);
        } finally {
          decref(idx);
        }
        try {
          text = note instanceof PyStr && note.type === StrType ? note.v : abs.str(note);
        } catch (e) {
          if (e instanceof PyBaseException) decref(e);
          else throw e;
          text = null;
        } finally {
          decref(note);
        }
      } catch (e) {
        if (e instanceof PyBaseException) decref(e);
        else throw e;
        break;
      }
      if (text === null) emit('<note str() failed>');
      else
        for (const l of splitLinesKeepEnds(text)) {
          margin();
          emit(l);
        }
      emit('\n');
    }
  } finally {
    decref(notes);
  }
}

function formatSyntaxErrorExc(exc: PyBaseException, name: string): string {
  const ex = exc.extra ?? {};
  const msg = ex.msg ? abs.str(ex.msg) : abs.str(exc);
  const int = (o: PyObject | null | undefined): number | null => (o instanceof PyInt && typeof o.v === 'number' ? o.v : null);
  const lineno = int(ex.lineno);
  if (ex.filename instanceof PyStr && lineno !== null && ex.text instanceof PyStr) {
    // print_exception_file_and_line + the text and carets (what the parser's own errors print)
    const offset = int(ex.offset) ?? 0;
    const full = formatSyntaxError({
      type: exc.type === E.SyntaxError ? 'SyntaxError' : 'IndentationError',
      msg,
      filename: ex.filename.v,
      lineno,
      offset,
      end_lineno: int(ex.end_lineno) ?? lineno,
      end_offset: int(ex.end_offset) ?? offset,
      text: ex.text.v,
    });
    // (its last line names the type by the parser's name: the exception's own goes there)
    return full.slice(0, full.lastIndexOf('\n', full.length - 2) + 1) + `${name}: ${msg}\n`;
  }
  let out = '';
  if (ex.filename && ex.lineno) {
    out += `  File "${abs.str(ex.filename)}", line ${abs.str(ex.lineno)}\n`;
  }
  return out + `${name}: ${msg}\n`;
}

// ------------------------------------------------------------------ suggestions (Python/suggestions.c)
const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function suggestion(exc: PyBaseException): string | null {
  try {
    if (exc.type.isSubtype(E.AttributeError)) {
      const name = exc.extra?.name;
      const obj = exc.extra?.obj;
      if (!(name instanceof PyStr) || !obj) return null;
      return calculate(dirOf(obj), name.v);
    }
    if (exc.type.isSubtype(E.NameError)) {
      const name = exc.extra?.name;
      if (!(name instanceof PyStr)) return null;
      let tb = exc.traceback as PyTraceback | null;
      if (!tb) return null;
      while (tb.next) tb = tb.next;
      const f = tb.frame;
      const u = f.code.unit;
      const varnames = u.localsplusNames.slice(0, u.nlocals);
      let s = calculate(varnames, name.v);
      if (s) return s;
      s = calculate(dictKeys(f.globals), name.v);
      if (s) return s;
      return calculate(dictKeys(f.builtins), name.v);
    }
    if (exc.type.isSubtype(E.ImportError)) {
      const name = exc.extra?.name_from;
      const mod = exc.extra?.module;
      if (name instanceof PyStr && mod instanceof PyModule) return calculate(dictKeys(mod.dict), name.v);
    }
  } catch {
    return null;
  }
  return null;
}

function dictKeys(d: PyDict): string[] {
  return d.keyList().filter((k): k is PyStr => k instanceof PyStr).map((k) => k.v);
}

function dirOf(o: PyObject): string[] {
  // module___dir__ (Objects/moduleobject.c): the module's __dict__ keys, no type attributes
  if (o instanceof PyModule && o.dict.getItem(abs.strKey('__dir__')) === undefined) return dictKeys(o.dict).sort();
  const names = new Set<string>();
  // PyObject_Dir -> object.__dir__ gets `o.__dict__` (an instance's values become its dict)
  const own = o instanceof PyInstance && o.type.hasDict ? o.materializeDict() : null;
  const d = own ?? abs.instanceDict(o);
  if (d) for (const k of dictKeys(d)) names.add(k);
  if (own) decref(own);
  // type.__dir__ merges the class's and its bases' dicts, not its metaclass's (`A.mro2` suggests
  // nothing: mro is type's)
  const types: PyType[] = o instanceof PyType ? o.mro : o.type.mro;
  for (const t of types) for (const k of dictKeys(t.dict)) names.add(k);
  return [...names].sort();
}

function calculate(dir: string[], name: string): string | null {
  if (dir.length >= MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDist = Number.MAX_SAFE_INTEGER;
  const nb = utf8(name);
  for (const item of dir) {
    if (item === name) continue;
    const ib = utf8(item);
    let maxDist = Math.floor(((nb.length + ib.length + 3) * MOVE_COST) / 6);
    maxDist = Math.min(maxDist, bestDist - 1);
    const d = levenshtein(nb, ib, maxDist);
    if (d > maxDist) continue;
    if (best === null || d < bestDist) {
      best = item;
      bestDist = d;
    }
  }
  return best;
}

function utf8(s: string): number[] {
  return Array.from(new TextEncoderLite().encode(s));
}
class TextEncoderLite {
  encode(s: string): number[] {
    const out: number[] = [];
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
function subCost(a: number, b: number): number {
  if (a === b) return 0;
  if (lower(a) === lower(b)) return CASE_COST;
  return MOVE_COST;
}

function levenshtein(a0: number[], b0: number[], maxCost: number): number {
  let a = a0;
  let b = b0;
  let as = 0;
  let ae = a.length;
  let bs = 0;
  let be = b.length;
  while (as < ae && bs < be && a[as] === b[bs]) {
    as++;
    bs++;
  }
  while (as < ae && bs < be && a[ae - 1] === b[be - 1]) {
    ae--;
    be--;
  }
  let aSize = ae - as;
  let bSize = be - bs;
  if (aSize === 0 || bSize === 0) return (aSize + bSize) * MOVE_COST;
  if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) return maxCost + 1;
  let A = a.slice(as, ae);
  let B = b.slice(bs, be);
  if (bSize < aSize) {
    [A, B] = [B, A];
    [aSize, bSize] = [bSize, aSize];
  }
  if ((bSize - aSize) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  let tmp = MOVE_COST;
  for (let i = 0; i < aSize; i++) {
    buffer[i] = tmp;
    tmp += MOVE_COST;
  }
  let result = 0;
  for (let bi = 0; bi < bSize; bi++) {
    const code = B[bi];
    let distance = (result = bi * MOVE_COST);
    let minimum = Number.MAX_SAFE_INTEGER;
    for (let index = 0; index < aSize; index++) {
      const substitute = distance + subCost(code, A[index]);
      distance = buffer[index];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  void a;
  void b;
  return result;
}

export type { A };
