// BaseException and its builtin hierarchy (Objects/exceptions.c).

import { PyObject, TypeFlags, Edge, xdecref, type PyType, type Visit } from '../object';
import { makeType } from '../types';
import type { PyTuple } from './tuple';
import type { PyDict } from './dict';

export class PyBaseException extends PyObject {
  args: PyTuple;
  traceback: PyObject | null = null;
  context: PyObject | null = null;
  cause: PyObject | null = null;
  suppressContext = false;
  dict: PyDict | null = null;
  /** NameError.name, AttributeError.name/obj, StopIteration.value, SystemExit.code, ... */
  extra: Record<string, PyObject | null> | null = null;
  /** UnicodeEncodeError / UnicodeDecodeError's start and end: C Py_ssize_t fields
   * (PyUnicodeErrorObject), no objects (read as new ints, never visited) */
  ustart: number | bigint = 0;
  uend: number | bigint = 0;
  constructor(type: PyType, args: PyTuple) {
    super(type);
    this.args = args;
  }
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
    // a subclass's traverse function visits its own fields first (SystemExit_traverse: code,
    // ImportError_traverse: msg, name, path, BaseExceptionGroup_traverse: msg, excs, ...), then
    // BaseException_traverse
    const extra = this.extra;
    if (extra !== null) for (const k of Object.keys(extra).sort(byClearOrder)) if (extra[k]) visit(extra[k]!, Edge.OTHER, k);
    if (this.dict) visit(this.dict, Edge.DICT, '__dict__');
    if (this.args) visit(this.args, Edge.OTHER, 'args');
    if (this.traceback) visit(this.traceback, Edge.OTHER, '__traceback__');
    if (this.cause) visit(this.cause, Edge.OTHER, '__cause__');
    if (this.context) visit(this.context, Edge.OTHER, '__context__');
  }
  override clear(): void {
    this.dealloc();
  }
  /** BaseException_clear order */
  override dealloc(): void {
    const { dict, args, traceback, cause, context, extra } = this;
    this.args = null as unknown as PyTuple;
    this.dict = null;
    this.traceback = this.cause = this.context = null;
    this.extra = null;
    // a subclass's clear function releases its own fields first (AttributeError_clear: obj,
    // name; ImportError_clear: msg, name, path; ...), then BaseException_clear
    if (extra) for (const k of Object.keys(extra).sort(byClearOrder)) xdecref(extra[k]);
    xdecref(dict);
    xdecref(args);
    xdecref(traceback);
    xdecref(cause);
    xdecref(context);
  }
}

/** the order of the fields in the exception subclasses' *_traverse and *_clear functions
 * (Objects/exceptions.c) */
const CLEAR_ORDER = ['obj', 'msg', 'name', 'path', 'value', 'code', 'errno', 'strerror', 'filename', 'filename2', 'lineno', 'offset', 'end_lineno', 'end_offset', 'text', 'print_file_and_line', 'encoding', 'object', 'reason'];
function byClearOrder(a: string, b: string): number {
  const i = CLEAR_ORDER.indexOf(a);
  const j = CLEAR_ORDER.indexOf(b);
  return (i < 0 ? CLEAR_ORDER.length : i) - (j < 0 ? CLEAR_ORDER.length : j);
}

const EXC = TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.BASE_EXC_SUBCLASS;
export const excTypes = new Map<string, PyType>();
function exc(name: string, base: PyType | null, basicsize = 72): PyType {
  const t = makeType(name, base, EXC, basicsize);
  t.weakrefable = false;
  excTypes.set(name, t);
  return t;
}

export const BaseException = exc('BaseException', null);
export const SystemExit = exc('SystemExit', BaseException, 80);
export const KeyboardInterrupt = exc('KeyboardInterrupt', BaseException);
export const GeneratorExit = exc('GeneratorExit', BaseException);
export const Exception = exc('Exception', BaseException);
export const StopIteration = exc('StopIteration', Exception, 80);
export const StopAsyncIteration = exc('StopAsyncIteration', Exception);
export const ArithmeticError = exc('ArithmeticError', Exception);
export const FloatingPointError = exc('FloatingPointError', ArithmeticError);
export const OverflowError = exc('OverflowError', ArithmeticError);
export const ZeroDivisionError = exc('ZeroDivisionError', ArithmeticError);
export const AssertionError = exc('AssertionError', Exception);
export const AttributeError = exc('AttributeError', Exception, 88);
export const BufferError = exc('BufferError', Exception);
export const EOFError = exc('EOFError', Exception);
export const ImportError = exc('ImportError', Exception, 96);
export const ModuleNotFoundError = exc('ModuleNotFoundError', ImportError, 96);
export const LookupError = exc('LookupError', Exception);
export const IndexError = exc('IndexError', LookupError);
export const KeyError = exc('KeyError', LookupError);
export const MemoryError = exc('MemoryError', Exception);
export const NameError = exc('NameError', Exception, 80);
export const UnboundLocalError = exc('UnboundLocalError', NameError, 80);
export const OSError = exc('OSError', Exception, 112);
export const FileNotFoundError = exc('FileNotFoundError', OSError, 112);
export const PermissionError = exc('PermissionError', OSError, 112);
export const ReferenceError = exc('ReferenceError', Exception);
export const RuntimeError = exc('RuntimeError', Exception);
export const NotImplementedError = exc('NotImplementedError', RuntimeError);
export const RecursionError = exc('RecursionError', RuntimeError);
export const SyntaxError = exc('SyntaxError', Exception, 136);
export const IndentationError = exc('IndentationError', SyntaxError, 136);
export const TabError = exc('TabError', IndentationError, 136);
export const SystemError = exc('SystemError', Exception);
export const TypeError = exc('TypeError', Exception);
export const ValueError = exc('ValueError', Exception);
export const UnicodeError = exc('UnicodeError', ValueError);
export const UnicodeDecodeError = exc('UnicodeDecodeError', UnicodeError, 112);
export const UnicodeEncodeError = exc('UnicodeEncodeError', UnicodeError, 112);
export const Warning = exc('Warning', Exception);
export const UserWarning = exc('UserWarning', Warning);
export const DeprecationWarning = exc('DeprecationWarning', Warning);
export const RuntimeWarning = exc('RuntimeWarning', Warning);
export const SyntaxWarning = exc('SyntaxWarning', Warning);
export const ResourceWarning = exc('ResourceWarning', Warning);
export const FutureWarning = exc('FutureWarning', Warning);
export const PendingDeprecationWarning = exc('PendingDeprecationWarning', Warning);
export const ImportWarning = exc('ImportWarning', Warning);
export const UnicodeWarning = exc('UnicodeWarning', Warning);
export const BytesWarning = exc('BytesWarning', Warning);
export const EncodingWarning = exc('EncodingWarning', Warning);
export const TimeoutError = exc('TimeoutError', OSError, 112);
export const ConnectionError = exc('ConnectionError', OSError, 112);
export const BlockingIOError = exc('BlockingIOError', OSError, 112);
export const ChildProcessError = exc('ChildProcessError', OSError, 112);
export const FileExistsError = exc('FileExistsError', OSError, 112);
export const IsADirectoryError = exc('IsADirectoryError', OSError, 112);
export const NotADirectoryError = exc('NotADirectoryError', OSError, 112);
export const InterruptedError = exc('InterruptedError', OSError, 112);
export const ProcessLookupError = exc('ProcessLookupError', OSError, 112);
export const BrokenPipeError = exc('BrokenPipeError', ConnectionError, 112);
export const ConnectionAbortedError = exc('ConnectionAbortedError', ConnectionError, 112);
export const ConnectionRefusedError = exc('ConnectionRefusedError', ConnectionError, 112);
export const ConnectionResetError = exc('ConnectionResetError', ConnectionError, 112);
// BaseExceptionGroup (msg, excs); ExceptionGroup is the class create_exception_group_class makes
// with PyErr_NewException("builtins.ExceptionGroup", (BaseExceptionGroup, Exception)): a heap type
// in CPython (a __weakref__ slot: 8 more bytes), static here
export const BaseExceptionGroup = exc('BaseExceptionGroup', BaseException, 88);
export const ExceptionGroup = exc('ExceptionGroup', BaseExceptionGroup, 96);
ExceptionGroup.bases = [BaseExceptionGroup, Exception];
ExceptionGroup.mro = [ExceptionGroup, BaseExceptionGroup, Exception, BaseException, ...BaseException.mro.slice(1)];
ExceptionGroup.weakrefable = true;

/** the object members (T_OBJECT) of the builtin exception classes that define them
 * (Objects/exceptions.c *_members): read as None while unset, set and deleted in the instance
 * (never its __dict__) */
const MEMBERS = new Map<PyType, readonly string[]>([
  [SystemExit, ['code']],
  [StopIteration, ['value']],
  [ImportError, ['msg', 'name', 'path']],
  [AttributeError, ['name', 'obj']],
  [NameError, ['name']],
  [OSError, ['errno', 'strerror', 'filename', 'filename2']],
  [SyntaxError, ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line']],
  // UnicodeError_members' T_OBJECT ones (start and end are T_PYSSIZET: PyBaseException.ustart/uend)
  [UnicodeEncodeError, ['encoding', 'object', 'reason']],
  [UnicodeDecodeError, ['encoding', 'object', 'reason']],
]);
/** the member names of exception type t (its first builtin base with members), or null */
export function excMembers(t: PyType): readonly string[] | null {
  for (const c of t.mro) {
    const m = MEMBERS.get(c);
    if (m !== undefined) return m;
  }
  return null;
}
