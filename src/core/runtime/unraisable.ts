// PyErr_WriteUnraisable / _PyErr_WriteUnraisableMsg (Python/errors.c): an exception that cannot
// propagate (raised by __del__, a weakref callback, a gc callback, a generator closed at
// deallocation) goes to sys.unraisablehook; the default hook writes write_unraisable_exc_file's
// text to sys.stderr, and nothing when sys.stderr is None or gone. And the default
// sys.excepthook's PyErr_Display.

import { PyObject, PyType, decref, incref } from './object';
import { PyBaseException } from './objects/exception';
import { None } from './objects/singletons';
import { newStr } from './objects/str';
import { newDict } from './objects/dict';
import * as abs from './abstract';
import { typeNew } from './typeobject';
import { vmState, addTraceback } from './vm/eval';
import { callMethodNoArgs } from './vm/attrcache';
import { formatUnraisable, printException } from './traceback';

/** sys.unraisablehook of the running interpreter, if any (interp.ts sets the lookup) */
let unraisableHook: () => PyObject | null = () => null;
export function setUnraisableHookLookup(f: () => PyObject | null): void {
  unraisableHook = f;
}

/** sys.excepthook and sys.unraisablehook as sys defines them (calling them is the default path) */
export const defaultHooks = new WeakSet<PyObject>();

/** PyErr_Display: the traceback of `value` on sys.stderr (nothing when it is None; a value that
 * is no exception prints as CPython's "TypeError: print_exception(): Exception expected" does) */
export function displayException(value: PyObject): void {
  if (!(value instanceof PyBaseException)) {
    writeSysStderr(`TypeError: print_exception(): Exception expected for value, ${value.type.name} found\n`, null);
    return;
  }
  // (PyErr_Display holds sys.stderr while print_exception_recursive writes to it piece by piece:
  // a write that fails ends the display, its error dropped)
  const err = vmState.stderr ? vmState.stderr() : null;
  if (err === null || err === None) return;
  incref(err);
  try {
    try {
      printException(value, (s) => fileWriteString(err, s));
    } catch (e) {
      if (e instanceof PyBaseException) decref(e);
      else throw e;
    }
    flushFile(err);
  } finally {
    decref(err);
  }
}

/** _PyErr_Display's and write_unraisable_exc_file's closing file.flush() on sys.stderr (its
 * error dropped) */
function flushFile(err: PyObject): void {
  try {
    decref(callMethodNoArgs(err, 'flush'));
  } catch (e) {
    if (e instanceof PyBaseException) decref(e);
    else throw e;
  }
}

/** write_unraisable_exc_file's first line: "Exception ignored in: <repr>" (or the message
 * given instead of "Exception ignored in") for an object that is not None (a gc callback that is
 * None reports with no such line); for none, the message alone */
function unraisableHeader(obj: PyObject | null, msg: string | null): string {
  if (obj !== null && obj !== None) {
    let text = `${msg ?? 'Exception ignored in'}: `;
    try {
      text += abs.repr(obj);
    } catch (e) {
      if (e instanceof PyBaseException) decref(e);
      text += '<object repr() failed>';
    }
    return text + '\n';
  }
  return msg !== null ? `${msg}:\n` : '';
}

/** The default sys.unraisablehook on its argument (an UnraisableHookArgs). */
export function defaultUnraisableHook(args: PyObject): void {
  const value = abs.lookupAttr(args, 'exc_value');
  const obj = abs.lookupAttr(args, 'object');
  const msg = abs.lookupAttr(args, 'err_msg');
  try {
    let text = unraisableHeader(obj, msg !== null && msg !== None ? abs.str(msg) : null);
    if (value instanceof PyBaseException) text += formatUnraisable(value);
    // (the hook fails when sys.stderr's write or flush does)
    const err = writeUnraisableFile(text);
    if (err !== null) throw err;
  } finally {
    for (const o of [value, obj, msg]) if (o !== null) decref(o);
  }
}

/** Report `exc` (stolen) raised where nothing can catch it; `obj` is what raised it (the
 * "Exception ignored in: <repr>" line), `msg` replaces "Exception ignored in". */
export function writeUnraisable(exc: PyBaseException, obj: PyObject, msg: string | null = null): void {
  try {
    // _PyErr_WriteUnraisableMsg: an exception raised in C code (no traceback) gets one made from
    // the executing frame (_PyTraceBack_FromFrame: that frame's line only), set on the exception
    const f = vmState.current;
    if (exc.traceback === null && f !== null) addTraceback(exc, f, f.pc);
    const hook = unraisableHook();
    if (hook !== null && hook !== None && defaultHooks.has(hook)) {
      // sys.unraisablehook is the default one: it fails when sys.stderr's write or flush does,
      // and then reports its own exception (write_unraisable_exc, its failure ignored)
      const err = writeUnraisableFile(unraisableHeader(obj, msg) + formatUnraisable(exc));
      if (err === null) return;
      decref(exc);
      exc = err;
      obj = hook;
      msg = 'Exception ignored in sys.unraisablehook';
    } else if (hook !== null && hook !== None) {
      const args = makeUnraisableArgs(exc, obj, msg);
      try {
        decref(abs.call(hook, [args], null));
        return;
      } catch (e) {
        if (!(e instanceof PyBaseException)) throw e;
        // the hook failed: its own exception goes to the default hook, "Exception ignored in
        // sys.unraisablehook: <hook>" (the original exception is dropped)
        decref(exc);
        exc = e;
        obj = hook;
        msg = 'Exception ignored in sys.unraisablehook';
      } finally {
        decref(args);
      }
    }
    const err = writeUnraisableFile(unraisableHeader(obj, msg) + formatUnraisable(exc));
    if (err !== null) decref(err);
  } finally {
    decref(exc);
  }
}

/** write_unraisable_exc_file: `text` through sys.stderr.write, then its flush(); the error of
 * either (a new reference), or null. Nothing happens without a sys.stderr (None or deleted). */
function writeUnraisableFile(text: string): PyBaseException | null {
  const err = vmState.stderr ? vmState.stderr() : null;
  if (err === null || err === None) return null;
  try {
    fileWriteString(err, text);
    decref(callMethodNoArgs(err, 'flush'));
  } catch (e) {
    if (e instanceof PyBaseException) return e;
    throw e;
  }
  return null;
}

/** PyFile_WriteString(text, f): the str first, then f.write(str) */
function fileWriteString(f: PyObject, text: string): void {
  const s = newStr(text);
  try {
    const w = abs.getAttr(f, 'write');
    try {
      decref(abs.call(w, [s], null));
    } finally {
      decref(w);
    }
  } finally {
    decref(s);
  }
}

/** `text` through sys.stderr.write (an exception there is dropped, as PyFile_WriteString's
 * callers do); without a sys.stderr (None or deleted) `fallback` gets it (PySys_WriteStderr
 * falls back to the C stderr) or nothing does (write_unraisable_exc_file). */
export function writeSysStderr(text: string, fallback: ((s: string) => void) | null): void {
  const err = vmState.stderr ? vmState.stderr() : null;
  if (err === null || err === None) {
    if (fallback) fallback(text);
    return;
  }
  try {
    fileWriteString(err, text);
  } catch (e) {
    if (e instanceof PyBaseException) decref(e);
    else throw e;
  }
}

/** sys.UnraisableHookArgs(exc_type, exc_value, exc_traceback, err_msg, object) */
function makeUnraisableArgs(exc: PyBaseException, obj: PyObject, msg: string | null): PyObject {
  const attrs: [string, PyObject][] = [
    ['exc_type', exc.type],
    ['exc_value', exc],
    ['exc_traceback', exc.traceback ?? None],
    ['err_msg', None],
    ['object', obj],
  ];
  const o = abs.call(hookArgsType(), [], null);
  for (const [k, v] of attrs) abs.setAttr(o, k, v);
  if (msg) {
    const m = newStr(msg);
    abs.setAttr(o, 'err_msg', m);
    decref(m);
  }
  return o;
}

let argsType: PyType | null = null;
/** sys.unraisablehook's argument check */
export function isUnraisableHookArgs(o: PyObject): boolean {
  return o.type === hookArgsType();
}
function hookArgsType(): PyType {
  if (!argsType) {
    const d = newDict();
    const m = newStr('sys');
    d.setItem(abs.nameKeyObj('__module__'), m);
    decref(m);
    argsType = typeNew(abs.TypeType, 'UnraisableHookArgs', [], d);
    argsType.rc = 1_000_000_000;
    decref(d);
  }
  return argsType;
}
