// atexit (Modules/atexitmodule.c): functions the interpreter calls at exit, last registered first,
// before the exit's collection (Py_FinalizeEx -> _PyAtExit_Call). The list belongs to the
// interpreter, not to the module: weakref.finalize registers its _exitfunc here too, in order
// with the program's own functions. An exception in a callback is reported as unraisable
// ("Exception ignored in atexit callback: <func>").

import { PyObject, newRef, decref } from '../runtime/object';
import { registerModule, checkArgs, type ModuleBuilder } from '../runtime/define';
import { PyBaseException } from '../runtime/objects/exception';
import { newInt } from '../runtime/objects/int';
import { None } from '../runtime/objects/singletons';
import { typeError } from '../runtime/errors';
import * as abs from '../runtime/abstract';
import { writeUnraisable } from '../runtime/unraisable';

interface Callback {
  func: PyObject;
  args: PyObject[];
  kwnames: string[] | null;
}

/** the registered callbacks, oldest first (owned); an unregistered one leaves an empty slot, as
 * atexit_delete_cb does (atexit._ncallbacks() still counts it) */
let callbacks: (Callback | null)[] = [];

/** A new run starts with none (what an earlier run left is dropped with its heap). */
export function resetAtexit(): void {
  callbacks = [];
}

/** the references the callbacks hold (the interpreter's, for the refcount audit and the hover) */
export function visitAtexitCallbacks(v: (o: PyObject) => void): void {
  for (const cb of callbacks) {
    if (cb === null) continue;
    v(cb.func);
    cb.args.forEach(v);
  }
}

/** atexit.register(func, *args, **kwargs): new references to all of them */
export function atexitRegister(func: PyObject, args: PyObject[], kwnames: string[] | null): void {
  callbacks.push({ func: newRef(func), args: args.map((a) => newRef(a)), kwnames });
}

function release(cb: Callback): void {
  decref(cb.func);
  for (const a of cb.args) decref(a);
}

/** atexit_callfuncs: every callback, last registered first; the list is empty afterwards */
export function runAtexitCallbacks(): void {
  while (callbacks.length) {
    const cb = callbacks.pop()!;
    if (cb === null) continue;
    try {
      decref(abs.call(cb.func, cb.args, cb.kwnames));
    } catch (e) {
      if (e instanceof PyBaseException) writeUnraisable(e, cb.func, 'Exception ignored in atexit callback');
      else throw e;
    } finally {
      release(cb);
    }
  }
}

registerModule('atexit', (m: ModuleBuilder) => {
  m.fn('register', (args, kw) => {
    const npos = args.length - (kw ? kw.length : 0);
    if (npos < 1) typeError('register() takes at least 1 argument (0 given)');
    const func = args[0];
    if (!abs.isCallable(func)) typeError('the first argument must be callable');
    atexitRegister(func, args.slice(1), kw && kw.length ? kw : null);
    return newRef(func);
  });
  m.fn('unregister', (args, kw) => {
    checkArgs('unregister', args, kw, 1, 1);
    // atexit_unregister: every registration of a function equal to it is emptied
    for (let i = 0; i < callbacks.length; i++) {
      const cb = callbacks[i];
      if (cb !== null && abs.richCompareBool(cb.func, args[0], abs.Cmp.EQ)) {
        callbacks[i] = null;
        release(cb);
      }
    }
    return newRef(None);
  });
  m.fn('_run_exitfuncs', (args, kw) => {
    checkArgs('_run_exitfuncs', args, kw, 0, 0);
    runAtexitCallbacks();
    return newRef(None);
  });
  m.fn('_clear', (args, kw) => {
    checkArgs('_clear', args, kw, 0, 0);
    const all = callbacks;
    callbacks = [];
    for (const cb of all) if (cb !== null) release(cb);
    return newRef(None);
  });
  m.fn('_ncallbacks', (args, kw) => {
    checkArgs('_ncallbacks', args, kw, 0, 0);
    return newInt(callbacks.length);
  });
});
