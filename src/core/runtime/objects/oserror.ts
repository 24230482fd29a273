// OSError and its subclasses' construction and str() (Objects/exceptions.c OSError_new,
// oserror_parse_args, oserror_init, OSError_init, OSError_str, oserror_use_init and the errno
// map built by _PyExc_InitState). The fields live in the exception's `extra` record (errno,
// strerror, filename, filename2), released in OSError_clear's order (exception.ts CLEAR_ORDER).

import { TypeFlags, newRef, incref, decref, xdecref, type PyObject, type PyType } from '../object';
import * as abs from '../abstract';
import { PyInt, newInt } from './int';
import { PyFloat } from './float';
import { newStr } from './str';
import { newTuple } from './tuple';
import { None } from './singletons';
import { PyBaseException, BaseException, OSError, BlockingIOError, excTypes } from './exception';
import { gcNewObject } from '../gc';
import { typeError } from '../errors';
import { packedArgsTuple } from '../typeobject';

/** Linux errno values of the subclasses OSError(errno, ...) becomes (_PyExc_InitState's ADD_ERRNO) */
const ERRNO_CLASS: Record<number, string> = {
  1: 'PermissionError', // EPERM
  2: 'FileNotFoundError', // ENOENT
  3: 'ProcessLookupError', // ESRCH
  4: 'InterruptedError', // EINTR
  10: 'ChildProcessError', // ECHILD
  11: 'BlockingIOError', // EAGAIN, EWOULDBLOCK
  13: 'PermissionError', // EACCES
  17: 'FileExistsError', // EEXIST
  20: 'NotADirectoryError', // ENOTDIR
  21: 'IsADirectoryError', // EISDIR
  32: 'BrokenPipeError', // EPIPE
  103: 'ConnectionAbortedError', // ECONNABORTED
  104: 'ConnectionResetError', // ECONNRESET
  108: 'BrokenPipeError', // ESHUTDOWN
  110: 'TimeoutError', // ETIMEDOUT
  111: 'ConnectionRefusedError', // ECONNREFUSED
  114: 'BlockingIOError', // EALREADY
  115: 'BlockingIOError', // EINPROGRESS
};

/** the strerror() text of the errno values RefScope raises itself */
export const STRERROR: Record<number, string> = {
  1: 'Operation not permitted',
  2: 'No such file or directory',
  9: 'Bad file descriptor',
  13: 'Permission denied',
  16: 'Device or resource busy',
  17: 'File exists',
  18: 'Invalid cross-device link',
  20: 'Not a directory',
  21: 'Is a directory',
  22: 'Invalid argument',
  25: 'Inappropriate ioctl for device',
  39: 'Directory not empty',
  40: 'Too many levels of symbolic links',
};

interface Parsed {
  errno: PyObject | undefined;
  strerror: PyObject | undefined;
  filename: PyObject | undefined;
  filename2: PyObject | undefined;
}

/** oserror_parse_args: the fields come from 2 to 5 positional arguments */
function parse(args: PyObject[]): Parsed | null {
  if (args.length < 2 || args.length > 5) return null;
  return { errno: args[0], strerror: args[1], filename: args[2], filename2: args[4] };
}

/** oserror_init: the fields, and `args` cut to (errno, strerror) when a filename is given.
 * `fromNew`: e.args already holds these arguments' tuple (OSError_new's, which oserror_init keeps
 * when it cuts nothing) */
function init(e: PyBaseException, args: PyObject[], p: Parsed | null, fromNew = false): void {
  const old = e.extra;
  const extra: Record<string, PyObject | null> = {};
  let argv = args;
  if (p !== null) {
    // (BlockingIOError's third argument, a number, is characters_written: not modelled)
    const written = e.type.isSubtype(BlockingIOError) && (p.filename instanceof PyInt || p.filename instanceof PyFloat);
    if (p.filename !== undefined && p.filename !== None && !written) {
      extra.filename = newRef(p.filename);
      if (p.filename2 !== undefined && p.filename2 !== None) extra.filename2 = newRef(p.filename2);
      argv = args.slice(0, 2);
    }
    extra.errno = newRef(p.errno!);
    extra.strerror = newRef(p.strerror!);
  }
  e.extra = extra;
  if (!(fromNew && argv === args)) {
    const oldArgs = e.args;
    e.args = newTuple(argv.map(newRef));
    xdecref(oldArgs);
  }
  if (old) for (const k in old) xdecref(old[k]);
}

function osErrorNew(t: PyType, args: PyObject[], kw: string[] | null): PyObject {
  const npos = args.length - (kw ? kw.length : 0);
  const pos = args.slice(0, npos);
  const useInit = oserrorUseInit(t);
  let type = t;
  let p: Parsed | null = null;
  if (!useInit) {
    if (kw && kw.length) typeError(`${t.name}() takes no keyword arguments`);
    p = parse(pos);
    if (p !== null && t === OSError && p.errno instanceof PyInt) {
      const name = ERRNO_CLASS[Number(p.errno.v)];
      if (name !== undefined) type = excTypes.get(name)!;
    }
  }
  // (the tuple a type call made of the arguments, as BaseException_new keeps it)
  const call = npos === args.length ? packedArgsTuple(args) : null;
  const e = new PyBaseException(type, call !== null ? newRef(call) : newTuple(pos.map(newRef)));
  if (type.flags & TypeFlags.HEAPTYPE) incref(type);
  gcNewObject(e, true);
  if (!useInit) init(e, pos, p, true);
  return e;
}

function osErrorInit(self: PyObject, args: PyObject[], kw: string[] | null): void {
  if (!oserrorUseInit(self.type)) return;
  if (kw && kw.length) typeError(`${self.type.name}() takes no keyword arguments`);
  const pos = args.slice(0, args.length - (kw ? kw.length : 0));
  init(self as PyBaseException, pos, parse(pos));
}

/** oserror_use_init: a subclass that defines __init__ but not __new__ parses its arguments in
 * __init__ (so that the arguments it passes to OSError.__init__ count) */
function oserrorUseInit(t: PyType): boolean {
  return t.slots.init !== osErrorInit && t.slots.new === osErrorNew;
}

function osErrorStr(o: PyObject): string {
  const x = (o as PyBaseException).extra;
  const errno = x?.errno ?? null;
  const strerror = x?.strerror ?? null;
  const filename = x?.filename ?? null;
  const filename2 = x?.filename2 ?? null;
  const s = (v: PyObject | null) => abs.str(v ?? None);
  if (filename !== null) {
    if (filename2 !== null) return `[Errno ${s(errno)}] ${s(strerror)}: ${abs.repr(filename)} -> ${abs.repr(filename2)}`;
    return `[Errno ${s(errno)}] ${s(strerror)}: ${abs.repr(filename)}`;
  }
  if (errno !== null && strerror !== null) return `[Errno ${s(errno)}] ${s(strerror)}`;
  return BaseException.slots.str!(o);
}

/** The OSError fields' values for getattr (None when not set), or undefined for other names. */
export function osErrorField(e: PyBaseException, name: string): PyObject | undefined {
  if (name !== 'errno' && name !== 'strerror' && name !== 'filename' && name !== 'filename2') return undefined;
  if (!e.type.isSubtype(OSError)) return undefined;
  return newRef(e.extra?.[name] ?? None);
}

/** An OSError subclass for `errno` (the errno map) with strerror()'s text and the file name, as
 * PyErr_SetFromErrnoWithFilenameObject makes it. */
export function newOSError(errno: number, filename: string | null, filename2: string | null = null): PyBaseException {
  const args: PyObject[] = [newInt(errno), newStr(STRERROR[errno] ?? `Unknown error ${errno}`)];
  if (filename !== null) args.push(newStr(filename));
  // (OSError(errno, strerror, filename, winerror, filename2))
  if (filename2 !== null) args.push(newRef(None), newStr(filename2));
  try {
    return osErrorNew(OSError, args, null) as PyBaseException;
  } finally {
    for (const a of args) decref(a);
  }
}

export function installOSError(): void {
  for (const t of excTypes.values()) {
    if (!t.isSubtype(OSError)) continue;
    t.slots.new = osErrorNew;
    t.slots.init = osErrorInit;
    t.slots.str = osErrorStr;
  }
}

export { osErrorInit };
