// traceback: the exception-printing part of Lib/traceback.py (print_exc, format_exc,
// print_exception, format_exception, format_exception_only, print_tb, format_tb) with the
// entries made by the printer of uncaught exceptions (runtime/traceback.ts), which writes what
// CPython 3.11's traceback module writes for these (frames, carets, repeated lines, chained
// exceptions, notes). The lists hold CPython's pieces: the header, one string per frame, each
// line of the exception part, the chaining messages. The stack functions (extract_stack,
// print_stack, StackSummary, FrameSummary, TracebackException) are not provided, nor `limit`.

import { PyObject } from '../runtime/object';
import * as abs from '../runtime/abstract';
import { registerModule, type ModuleBuilder } from '../runtime/define';
import { newStr } from '../runtime/objects/str';
import { newList } from '../runtime/objects/list';
import { None } from '../runtime/objects/singletons';
import { PyBaseException } from '../runtime/objects/exception';
import { PyTraceback } from '../runtime/objects/traceback';
import { typeError, Unsupported } from '../runtime/errors';
import { formatTraceback, formatExceptionOnly } from '../runtime/traceback';
import { execSource } from './modutil';

/** the text split after each newline */
function lines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** StackSummary.format: one piece per frame (its source line and carets with it), and the
 * "[Previous line repeated ...]" lines on their own */
function frameEntries(tb: PyTraceback): string[] {
  const out: string[] = [];
  for (const l of lines(formatTraceback(tb))) {
    if (l.startsWith('  File ') || l.startsWith('  [Previous line repeated ') || out.length === 0) out.push(l);
    else out[out.length - 1] += l;
  }
  return out;
}

/** TracebackException(type(value), value, tb, compact=True).format(chain=chain) */
function formatChain(value: PyObject, tb: PyObject, chain: boolean, seen: Set<PyObject>, out: string[]): void {
  if (!(value instanceof PyBaseException)) {
    out.push('NoneType: None\n');
    return;
  }
  seen.add(value);
  if (chain) {
    const cause = value.cause;
    const context = value.context;
    if (cause instanceof PyBaseException) {
      if (!seen.has(cause)) {
        formatChain(cause, cause.traceback ?? None, chain, seen, out);
        out.push('\nThe above exception was the direct cause of the following exception:\n\n');
      }
    } else if (context instanceof PyBaseException && !value.suppressContext && !seen.has(context)) {
      formatChain(context, context.traceback ?? None, chain, seen, out);
      out.push('\nDuring handling of the above exception, another exception occurred:\n\n');
    }
  }
  if (tb instanceof PyTraceback) {
    out.push('Traceback (most recent call last):\n');
    out.push(...frameEntries(tb));
  }
  out.push(...lines(formatExceptionOnly(value)));
}

const TRACEBACK_SRC = String.raw`
import sys

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
        else:
            return None, None
    return value, tb

def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    return _format(value, tb, limit, chain)

def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    return _format_only(value)

def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    value, tb = _parse_value_tb(exc, value, tb)
    if file is None:
        file = sys.stderr
    for line in _format(value, tb, limit, chain):
        print(line, file=file, end="")

def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))

def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)

def format_tb(tb, limit=None):
    return _format_tb(tb, limit)

def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for item in format_tb(tb, limit):
        print(item, file=file, end="")

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'format_tb', 'print_exc',
           'print_exception', 'print_tb']
`;

function noLimit(limit: PyObject | undefined): void {
  if (limit !== undefined && limit !== None) throw new Unsupported("the traceback module's limit argument");
}

registerModule('traceback', (m: ModuleBuilder) => {
  m.fn('_format', (args) => {
    const [value, tb, limit, chain] = args;
    noLimit(limit);
    const out: string[] = [];
    formatChain(value, tb, chain === undefined || abs.isTrue(chain), new Set(), out);
    return newList(out.map((s) => newStr(s)));
  });
  m.fn('_format_only', (args) => {
    const value = args[0];
    if (!(value instanceof PyBaseException)) return newList([newStr('NoneType: None\n')]);
    return newList(lines(formatExceptionOnly(value)).map((s) => newStr(s)));
  });
  m.fn('_format_tb', (args) => {
    const [tb, limit] = args;
    noLimit(limit);
    if (tb === None) return newList([]);
    if (!(tb instanceof PyTraceback)) typeError(`'${tb.type.name}' object has no attribute 'tb_frame'`);
    return newList(frameEntries(tb).map((s) => newStr(s)));
  });
  execSource(m, TRACEBACK_SRC, '<frozen traceback>');
});
