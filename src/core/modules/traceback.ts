// traceback: Lib/traceback.py. The exception-printing part (print_exc, format_exc,
// print_exception, format_exception, format_exception_only, print_tb, format_tb, with `limit`)
// uses the entries made by the printer of uncaught exceptions (runtime/traceback.ts), which writes
// what CPython 3.11's traceback module writes for these (frames, carets, repeated lines, chained
// exceptions, notes). The lists hold CPython's pieces: the header, one string per frame, each
// line of the exception part, the chaining messages. The stack part (extract_stack, format_stack,
// print_stack, extract_tb, format_list, print_list, walk_stack, walk_tb, StackSummary,
// FrameSummary) is CPython's source; source lines come from the code objects the frames ran
// (linecache). TracebackException and print_last are not provided.

import { PyObject, newRef } from '../runtime/object';
import * as abs from '../runtime/abstract';
import { registerModule, checkArgs, type ModuleBuilder } from '../runtime/define';
import { newStr } from '../runtime/objects/str';
import { newList } from '../runtime/objects/list';
import { None } from '../runtime/objects/singletons';
import { PyBaseException } from '../runtime/objects/exception';
import { PyTraceback } from '../runtime/objects/traceback';
import { typeError } from '../runtime/errors';
import { PyStr } from '../runtime/objects/str';
import { PyInt, newInt } from '../runtime/objects/int';
import { newTuple, PyTuple } from '../runtime/objects/tuple';
import { isGroup } from '../runtime/objects/exception_group';
import { PyCode } from '../runtime/objects/function';
import { vmState } from '../runtime/vm/eval';
import { formatTracebackEntries, tracebackEntries, formatExceptionOnly, caretAnchors, displayWidth } from '../runtime/traceback';
import { execStdlibSource } from './modutil';
import { sourceFileLines } from './fileio';

/** the text split after each newline */
function lines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** StackSummary.format: one piece per frame (its source line and carets with it), and the
 * "[Previous line repeated ...]" lines on their own */
function frameEntries(entries: PyTraceback[]): string[] {
  const out: string[] = [];
  for (const l of lines(formatTracebackEntries(entries))) {
    if (l.startsWith('  File ') || l.startsWith('  [Previous line repeated ') || out.length === 0) out.push(l);
    else out[out.length - 1] += l;
  }
  return out;
}

/** _ExceptionPrintContext (Lib/traceback.py): the exception groups' nesting */
interface GroupCtx {
  depth: number;
  needClose: boolean;
}
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** _ExceptionPrintContext.emit: each line of each piece after the indent and margin */
function emit(ctx: GroupCtx, out: string[], pieces: string[], marginChar = '|'): void {
  if (!ctx.depth) {
    out.push(...pieces);
    return;
  }
  const prefix = ' '.repeat(2 * ctx.depth) + marginChar + ' ';
  for (const p of pieces) out.push(splitKeepEnds(p).map((l) => prefix + l).join(''));
}

/** str.splitlines(keepends=True) (what textwrap.indent splits on) */
function splitKeepEnds(text: string): string[] {
  const res: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029'.includes(c)) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      res.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) res.push(text.slice(start));
  return res;
}

/** TracebackException(type(value), value, tb, compact=True).format(chain=chain), exception
 * groups included (their sub-exceptions framed as TracebackException.format frames them) */
function formatChain(value: PyObject, tb: PyObject, limit: PyObject, chain: boolean, seen: Set<PyObject>, out: string[], ctx: GroupCtx = { depth: 0, needClose: false }): void {
  if (!(value instanceof PyBaseException)) {
    emit(ctx, out, ['NoneType: None\n']);
    return;
  }
  seen.add(value);
  if (chain) {
    const cause = value.cause;
    const context = value.context;
    if (cause instanceof PyBaseException) {
      if (!seen.has(cause)) {
        formatChain(cause, cause.traceback ?? None, limit, chain, seen, out, ctx);
        emit(ctx, out, ['\nThe above exception was the direct cause of the following exception:\n\n']);
      }
    } else if (context instanceof PyBaseException && !value.suppressContext && !seen.has(context)) {
      formatChain(context, context.traceback ?? None, limit, chain, seen, out, ctx);
      emit(ctx, out, ['\nDuring handling of the above exception, another exception occurred:\n\n']);
    }
  }
  // TracebackException.format: the header only when the (limited) stack has frames
  const entries = tb instanceof PyTraceback ? limited(tb, limit) : [];
  if (!isGroup(value)) {
    if (entries.length) {
      emit(ctx, out, ['Traceback (most recent call last):\n']);
      emit(ctx, out, frameEntries(entries));
    }
    emit(ctx, out, lines(formatExceptionOnly(value, false)));
    return;
  }
  if (ctx.depth > MAX_GROUP_DEPTH) {
    emit(ctx, out, [`... (max_group_depth is ${MAX_GROUP_DEPTH})\n`]);
    return;
  }
  const toplevel = ctx.depth === 0;
  if (toplevel) ctx.depth++;
  if (entries.length) {
    emit(ctx, out, ['Exception Group Traceback (most recent call last):\n'], toplevel ? '+' : '|');
    emit(ctx, out, frameEntries(entries));
  }
  emit(ctx, out, lines(formatExceptionOnly(value, false)));
  const excs = (value.extra!.exceptions as PyTuple).items;
  const num = excs.length;
  const n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    out.push(`${' '.repeat(2 * ctx.depth)}${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`);
    ctx.depth++;
    if (!truncated) {
      const e = excs[i];
      formatChain(e, e instanceof PyBaseException ? e.traceback ?? None : None, limit, chain, seen, out, ctx);
    } else {
      const remaining = num - MAX_GROUP_WIDTH;
      emit(ctx, out, [`and ${remaining} more exception${remaining > 1 ? 's' : ''}\n`]);
    }
    if (last && ctx.needClose) {
      out.push(`${' '.repeat(2 * ctx.depth)}+------------------------------------\n`);
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (toplevel) ctx.depth = 0;
}

const TRACEBACK_SRC = String.raw`
#@6
import sys

#@90
class _Sentinel:
    def __repr__(self):
        return "<implicit>"

_sentinel = _Sentinel()

def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
#@106
        else:
            return None, None
    return value, tb

def _check_limit(limit):
    # StackSummary._extract_from_extended_frame_gen: None means sys.tracebacklimit; a limit >= 0
    # keeps the first frames, a negative one the last -limit (done by _format / _format_tb)
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is not None:
        limit >= 0
    return limit

def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
#@123
    value, tb = _parse_value_tb(exc, value, tb)
    return _format(value, tb, _check_limit(limit), chain)

#@143
def format_exception_only(exc, /, value=_sentinel):
#@154
    if value is _sentinel:
        value = exc
    return _format_only(value)

def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    if file is None:
        file = sys.stderr
    for line in _format(value, tb, _check_limit(limit), chain):
        print(line, file=file, end="")

#@182
def format_exc(limit=None, chain=True):
#@184
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))
def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)
def format_tb(tb, limit=None):
    return _format_tb(tb, _check_limit(limit))
def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for item in format_tb(tb, limit):
        print(item, file=file, end="")
def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")
def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()
def extract_tb(tb, limit=None):
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)
def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)

#@210
def format_stack(f=None, limit=None):
#@212
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))

#@217
def extract_stack(f=None, limit=None):
#@226
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack

#@233
def clear_frames(tb):
#@235
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
#@240
            pass
        tb = tb.tb_next

#@244
class FrameSummary:
#@258
    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
            locals=None, line=None,
            end_lineno=None, colno=None, end_colno=None):
#@273
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
#@310
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _getline(self.filename, self.lineno)
        return self._line.strip()

#@322
def walk_stack(f):
#@328
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back

#@335
def walk_tb(tb):
#@341
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next
_lazy_codes = {}
def _lazycache(filename, code):
    if filename not in _lazy_codes:
        _lazy_codes[filename] = code
def _getline(filename, lineno):
    return _codeline(_lazy_codes.get(filename), filename, lineno)
def _walk_tb_with_full_positions(tb):
    while tb is not None:
        yield tb.tb_frame, _tb_positions(tb)
#@357
        tb = tb.tb_next

#@367
_RECURSIVE_CUTOFF = 3 # Also hardcoded in traceback.c.

class StackSummary(list):

#@372
    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
            capture_locals=False):
#@386
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
            lookup_lines=True, capture_locals=False):
#@401
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = _islice(frame_gen, limit)
            else:
                frame_gen = list(frame_gen)[limit:]

        result = klass()
#@413
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name
            _lazycache(filename, co)
#@421
            if capture_locals:
                f_locals = f.f_locals
            else:
                f_locals = None
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
#@431
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
#@446
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
#@461
        row = []
        row.append('  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name))
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append('    {}\n'.format(stripped_line))

            line = frame_summary._original_line
            orig_line_len = len(line)
            frame_line_len = len(frame_summary.line.lstrip())
            stripped_characters = orig_line_len - frame_line_len
            if (
                frame_summary.colno is not None
                and frame_summary.end_colno is not None
            ):
                start_offset = _byte_offset_to_character_offset(
                    line, frame_summary.colno)
                end_offset = _byte_offset_to_character_offset(
                    line, frame_summary.end_colno)
                code_segment = line[start_offset:end_offset]

                anchors = None
                if frame_summary.lineno == frame_summary.end_lineno:
                    try:
                        anchors = _anchors(code_segment)
                    except Exception:
                        pass
                else:
                    end_offset = len(line.rstrip())

#@492
                if end_offset - start_offset < len(stripped_line) or (
                        anchors and anchors[1] - anchors[0] > 0):
#@497
                    dp_start_offset = _display_width(line, start_offset) + 1
                    dp_end_offset = _display_width(line, end_offset) + 1

                    row.append('    ')
                    row.append(' ' * (dp_start_offset - stripped_characters))

                    if anchors:
                        dp_left_end_offset = _display_width(code_segment, anchors[0])
                        dp_right_start_offset = _display_width(code_segment, anchors[1])
                        row.append('~' * dp_left_end_offset)
                        row.append('^' * (dp_right_start_offset - dp_left_end_offset))
                        row.append('~' * (dp_end_offset - dp_start_offset - dp_right_start_offset))
                    else:
                        row.append('^' * (dp_end_offset - dp_start_offset))

                    row.append('\n')

        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))

        return ''.join(row)

    def format(self):
#@532
        result = []
        last_file = None
        last_line = None
        last_name = None
        count = 0
        for frame_summary in self:
            formatted_frame = self.format_frame_summary(frame_summary)
            if formatted_frame is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                last_line is None or last_line != frame_summary.lineno or
                last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n'
                    )
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted_frame)

        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n'
            )
        return result
def _islice(it, n):
    if n <= 0:
        return
    for i, x in enumerate(it):
        yield x
        if i + 1 >= n:
            return
def _byte_offset_to_character_offset(str, offset):
    as_utf8 = str.encode('utf-8')
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary',
           'walk_stack', 'walk_tb']
`;

/** the entries StackSummary._extract_from_extended_frame_gen keeps: all of them for None, the
 * first `limit` for limit >= 0, the last -limit for a negative one (_check_limit resolved it) */
function limited(tb: PyTraceback, limit: PyObject | undefined): PyTraceback[] {
  const all = tracebackEntries(tb);
  if (limit === undefined || limit === None) return all;
  const n = Number(abs.index(limit));
  return n >= 0 ? all.slice(0, n) : all.slice(Math.max(all.length + n, 0));
}

/** linecache.getline: the line (with its newline) of the source the code ran from, or of a
 * running frame's file, or of the file of that name (fileio.ts sourceFileLines); '' when unknown
 * ('<string>' and the like keep no source) */
function getline(code: PyObject, filename: string, lineno: number): string {
  let src: string[] | null = code instanceof PyCode ? code.unit.source : null;
  if (src === null && !filename.startsWith('<')) {
    for (let f = vmState.current; f !== null; f = f.back) {
      if (f.code.unit.filename === filename) {
        src = f.code.unit.source;
        break;
      }
    }
    if (src === null) src = sourceFileLines(filename);
  }
  if (src === null || lineno < 1 || lineno > src.length) return '';
  // the split source ends with '' after a final newline: that is no line
  if (lineno === src.length && src[lineno - 1] === '') return '';
  return src[lineno - 1] + '\n';
}

registerModule('traceback', (m: ModuleBuilder) => {
  // its functions are Python functions in CPython (they hold no module)
  m.functionsOf('traceback');
  m.fn('_format', (args) => {
    const [value, tb, limit, chain] = args;
    const out: string[] = [];
    formatChain(value, tb, limit ?? None, chain === undefined || abs.isTrue(chain), new Set(), out);
    return newList(out.map((s) => newStr(s)));
  });
  m.fn('_format_only', (args) => {
    const value = args[0];
    if (!(value instanceof PyBaseException)) return newList([newStr('NoneType: None\n')]);
    return newList(lines(formatExceptionOnly(value, false)).map((s) => newStr(s)));
  });
  m.fn('_format_tb', (args) => {
    const [tb, limit] = args;
    if (tb === None) return newList([]);
    if (!(tb instanceof PyTraceback)) typeError(`'${tb.type.name}' object has no attribute 'tb_frame'`);
    return newList(frameEntries(limited(tb, limit)).map((s) => newStr(s)));
  });
  // _walk_tb_with_full_positions: (lineno, end_lineno, colno, end_colno) of the instruction a
  // traceback entry stopped at (co_positions), tb_lineno when it has no line
  m.fn('_tb_positions', (args, kw) => {
    checkArgs('_tb_positions', args, kw, 1, 1);
    const tb = args[0];
    if (!(tb instanceof PyTraceback)) typeError(`'${tb.type.name}' object has no attribute 'tb_frame'`);
    const u = tb.frame.code.unit;
    const li = tb.lasti;
    const pos = (v: number | undefined): PyObject => (v === undefined || v < 0 ? newRef(None) : newInt(v));
    const line = u.lines[li];
    return newTuple([line === undefined || line < 0 ? newInt(tb.lineno) : newInt(line), pos(u.endLines[li]), pos(u.cols[li]), pos(u.endCols[li])]);
  });
  // _extract_caret_anchors_from_line_segment: (left_end_offset, right_start_offset) or None
  m.fn('_anchors', (args, kw) => {
    checkArgs('_anchors', args, kw, 1, 1);
    const seg = args[0];
    if (!(seg instanceof PyStr)) typeError('_anchors() argument must be str');
    const a = caretAnchors(seg.v);
    return a ? newTuple([newInt(a.left), newInt(a.right)]) : newRef(None);
  });
  m.fn('_display_width', (args, kw) => {
    checkArgs('_display_width', args, kw, 2, 2);
    const [line, offset] = args;
    if (!(line instanceof PyStr)) typeError('_display_width() argument must be str');
    return newInt(displayWidth(line.v, Number(abs.index(offset))));
  });
  m.fn('_codeline', (args, kw) => {
    checkArgs('_codeline', args, kw, 3, 3);
    const [code, filename, lineno] = args;
    if (!(filename instanceof PyStr) || !(lineno instanceof PyInt)) return newStr('');
    return newStr(getline(code, filename.v, Number(lineno.v)));
  });
  execStdlibSource(m, TRACEBACK_SRC, 'traceback.py');
});
