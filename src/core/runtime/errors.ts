// Raising Python exceptions from native code. A raised exception travels as a thrown JS value:
// the PyBaseException itself, whose one reference belongs to whoever catches it.
import { newInt } from './objects/int';

import { type PyType, type PyObject } from './object';
import { PyBaseException, TypeError as TypeErrorT, excTypes } from './objects/exception';
import { newTuple } from './objects/tuple';
import { newStr } from './objects/str';
import { gcNewTracked } from './objects/tuple';

/** A new exception instance of a builtin exception type with args (msg,). */
export function newException(type: PyType, msg: string | null, extra?: Record<string, PyObject | null>): PyBaseException {
  const args = msg === null ? newTuple([]) : newTuple([newStr(msg)]);
  const e = new PyBaseException(type, args);
  gcNewTracked(e);
  if (extra) e.extra = extra;
  return e;
}

/** the exception a numeric.ts NumErr stands for (errno-style ones carry (errno, message), as
 * float_pow's PyErr_SetFromErrno makes them) */
export function numErrException(type: PyType, e: { message: string; errno: number | null }): PyBaseException {
  if (e.errno === null) return newException(type, e.message);
  const ex = new PyBaseException(type, newTuple([newInt(e.errno), newStr(e.message)]));
  gcNewTracked(ex);
  return ex;
}

export function raise(type: PyType, msg: string | null, extra?: Record<string, PyObject | null>): never {
  throw newException(type, msg, extra);
}

export function raiseType(name: string, msg: string): never {
  throw newException(excTypes.get(name)!, msg);
}

export function typeError(msg: string): never {
  throw newException(TypeErrorT, msg);
}

/** Internal failures and unsupported features travel as this (never a Python exception). */
export class Unsupported {
  constructor(public what: string) {}
}
/** os._exit(code): the process ends at once (no finally clauses, atexit functions or flushes);
 * travels like Unsupported, as a non-Python exception */
export class ProcessExit {
  constructor(public code: number) {}
}
export function unsupported(what: string): never {
  throw new Unsupported(what);
}

export function isPyException(e: unknown): e is PyBaseException {
  return e instanceof PyBaseException;
}
