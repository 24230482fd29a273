// Calling Python functions: argument binding (ceval.c initialize_locals), frame set-up and
// teardown, generators.

import { PyObject, PyType, incref, decref, newRef } from '../object';
import { allocInstance } from '../typeobject';
import { PyFunction, PyCell, newCell } from '../objects/function';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyDict, DictType, newDict } from '../objects/dict';
import { strKey, setItem, delItem } from '../abstract';
import { newStr, internStr } from '../objects/str';
import { PyGenerator } from '../objects/generator';
import { gcNewTracked } from '../objects/tuple';
import { CoFlags, SlotKind } from '../../compiler/code';
import { Frame, newFrame, releaseFrame, takeOwnership } from './frame';
import { evalFrame, vmState } from './eval';
import { typeError, raise } from '../errors';
import { RecursionError, KeyError, PyBaseException } from '../objects/exception';
import { None } from '../objects/singletons';

/**
 * Call a Python function. `args` holds positional values followed by keyword values named by
 * `kwnames`. With `steal` the references in `args` are handed to the callee (3.11's CALL of a
 * Python function from bytecode); without, the callee takes new references (the
 * _PyFunction_Vectorcall path used by calls through C).
 */
export function callFunction(func: PyFunction, args: PyObject[], kwnames: string[] | null, steal: boolean): PyObject {
  const f = makeFrame(func, args, kwnames, steal);
  if (func.code.unit.flags & CoFlags.GENERATOR) return makeGenerator(f);
  if (steal) return runFrame(f);
  // a call from native code: the caller may hold references the audit cannot see
  vmState.native++;
  try {
    return runFrame(f);
  } finally {
    vmState.native--;
  }
}

export function makeFrame(func: PyFunction, args: PyObject[], kwnames: string[] | null, steal: boolean): Frame {
  const code = func.code;
  const f = newFrame(code, newRef(func), func.globals, vmState.builtins!);
  try {
    bindArgs(f, func, args, kwnames, steal);
  } catch (e) {
    finishFrame(f);
    throw e;
  }
  return f;
}

/**
 * CALL of a class `t` whose construction plainInitOf approved, with `nargs` positional
 * arguments at stack[start..] (borrowed: the caller releases its stack afterwards), when `init`
 * takes them without keyword binding. The same steps and reference changes as the generic
 * path: _PyObject_MakeTpCall packs the arguments in a tuple, type_call -> object_new ->
 * tp_alloc, slot_tp_init calls `__init__(self, *args)` through C (a new reference to each
 * argument), and the tuple is released last.
 */
export function callPlainClass(t: PyType, init: PyFunction, stack: (PyObject | null)[], start: number, nargs: number): PyObject {
  let tuple: PyTuple;
  if (nargs === 0) tuple = newTuple([]);
  else {
    const items: PyObject[] = new Array(nargs);
    for (let i = 0; i < nargs; i++) {
      const a = stack[start + i]!;
      a.rc++;
      items[i] = a;
    }
    tuple = newTuple(items);
  }
  try {
    const obj = allocInstance(t);
    let r: PyObject;
    try {
      const code = init.code;
      const f = newFrame(code, newRef(init), init.globals, vmState.builtins!);
      const fast = f.fast;
      obj.rc++;
      fast[0] = obj;
      for (let i = 0; i < nargs; i++) {
        const v = stack[start + i]!;
        v.rc++;
        fast[i + 1] = v;
      }
      const argc = code.unit.argcount;
      if (nargs + 1 < argc) {
        const d = init.defaults!.items;
        const first = argc - d.length;
        for (let i = nargs + 1; i < argc; i++) {
          const v = d[i - first];
          v.rc++;
          fast[i] = v;
        }
      }
      if (code.hasCells) initCells(f, init);
      r = runFrame(f);
      if (r !== None) {
        decref(r);
        typeError(`__init__() should return None, not '${r.type.name}'`);
      }
    } catch (e) {
      decref(obj);
      throw e;
    }
    decref(r);
    return obj;
  } finally {
    decref(tuple);
  }
}

/** _PyFrame_FastToLocalsWithError (3.11): the frame's f_locals dict (made on first use and kept by
 * the frame) updated from its fast locals, cells and free variables; unbound names are removed.
 * Unoptimized frames (module and class bodies) never copy free variables. */
export function fastToLocals(f: Frame): PyObject {
  let locals = f.locals;
  if (locals === null) {
    locals = newDict();
    f.locals = locals;
  }
  const u = f.code.unit;
  const kinds = u.localsplusKinds;
  const names = u.localsplusNames;
  const optimized = (u.flags & CoFlags.OPTIMIZED) !== 0;
  for (let i = 0; i < names.length; i++) {
    const kind = kinds[i];
    if (kind & SlotKind.FREE && !optimized) continue;
    let value = f.fast[i];
    // cells and free variables hold their value in a cell (MAKE_CELL / COPY_FREE_VARS ran at the
    // start of the call)
    if (kind & (SlotKind.CELL | SlotKind.FREE) && value instanceof PyCell) value = value.ref;
    const key = strKey(names[i]);
    if (locals.type === DictType) {
      if (value === null) (locals as PyDict).delItem(key);
      else (locals as PyDict).setItem(key, value);
    } else if (value !== null) setItem(locals, key, value);
    else {
      // PyObject_DelItem on a __prepare__ namespace; a KeyError means it was not there
      try {
        delItem(locals, key);
      } catch (e) {
        if (!(e instanceof PyBaseException && e.type.isSubtype(KeyError))) throw e;
        decref(e);
      }
    }
  }
  return locals;
}

export function makeGenerator(f: Frame): PyGenerator {
  const u = f.code.unit;
  const g = new PyGenerator(f, u.name, f.func ? f.func.qualname : u.qualname);
  f.gen = g;
  gcNewTracked(g);
  return g;
}

/** Run a fresh frame to completion; returns a new reference. */
export function runFrame(f: Frame): PyObject {
  const st = vmState;
  if (st.depth >= st.recursionLimit) {
    finishFrame(f);
    raise(RecursionError, 'maximum recursion depth exceeded');
  }
  st.depth++;
  f.back = st.current;
  st.current = f;
  try {
    return evalFrame(f);
  } finally {
    const caller = f.back;
    st.current = caller;
    f.back = null;
    st.depth--;
    finishFrame(f, caller);
    if (st.onFrameExit === null) releaseFrame(f);
  }
}

/** The function returned: release what the frame holds unless a frame object keeps it.
 * `caller` is the frame it returns to (null: none, or a generator's, whose link is cut first). */
export function finishFrame(f: Frame, caller: Frame | null = null): void {
  if (f.done) return;
  f.done = true;
  if (f.materialized) {
    // _PyFrame_Clear: drop frame_obj; if others hold the frame object it takes the contents
    // and links its caller's frame object (take_ownership)
    if (f.rc > 1) takeOwnership(f, caller);
    decref(f);
    return;
  }
  f.clearContents();
  decref(f.code);
}

function qual(func: PyFunction): string {
  return func.qualname;
}

/** initialize_locals (Python/ceval.c) with CPython 3.11's error messages. */
function bindArgs(f: Frame, func: PyFunction, args: PyObject[], kwnames: string[] | null, steal: boolean): void {
  const code = func.code;
  if (kwnames === null && code.simpleArgs) {
    // the common case: positional arguments, then the defaults of the missing ones
    const argcount = code.unit.argcount;
    const n = args.length;
    const defs = func.defaults;
    if (n === argcount || (n < argcount && defs !== null && n >= argcount - defs.items.length)) {
      const fast = f.fast;
      for (let i = 0; i < n; i++) {
        const v = args[i];
        if (!steal) v.rc++;
        fast[i] = v;
      }
      if (n < argcount) {
        const d = defs!.items;
        const first = argcount - d.length;
        for (let i = n; i < argcount; i++) {
          const v = d[i - first];
          v.rc++;
          fast[i] = v;
        }
      }
      if (code.hasCells) initCells(f, func);
      return;
    }
  }
  bindArgsFull(f, func, args, kwnames, steal);
}

/** MAKE_CELL and COPY_FREE_VARS: cells for the cell variables (holding the argument of the same
 * slot, if any) and the closure's cells for the free variables. */
export function initCells(f: Frame, func: PyFunction): void {
  const fast = f.fast;
  const kinds = func.code.unit.localsplusKinds;
  let freeIdx = 0;
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i];
    if (k & SlotKind.CELL) {
      fast[i] = newCell(fast[i]);
    } else if (k & SlotKind.FREE) {
      const cell = func.closure!.items[freeIdx++] as PyCell;
      fast[i] = newRef(cell);
    }
  }
}

function bindArgsFull(f: Frame, func: PyFunction, args: PyObject[], kwnames: string[] | null, steal: boolean): void {
  const u = func.code.unit;
  const fast = f.fast;
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  const argcount = u.argcount;
  const total = argcount + u.kwonlyargcount;
  const hasVarargs = (u.flags & CoFlags.VARARGS) !== 0;
  const hasVarkw = (u.flags & CoFlags.VARKEYWORDS) !== 0;
  const names = u.localsplusNames;
  const take = (v: PyObject) => {
    if (!steal) incref(v);
    return v;
  };
  let kwdict: PyDict | null = null;
  if (hasVarkw) {
    kwdict = newDict();
    fast[total + (hasVarargs ? 1 : 0)] = kwdict;
  }
  const n = Math.min(npos, argcount);
  for (let i = 0; i < n; i++) fast[i] = take(args[i]);
  if (hasVarargs) {
    const extra: PyObject[] = [];
    for (let i = n; i < npos; i++) extra.push(take(args[i]));
    fast[total] = newTuple(extra);
  } else if (npos > argcount) {
    // initialize_locals releases the extra positional arguments now and reports them after the
    // keyword arguments (whose errors come first)
    if (steal) for (let i = n; i < npos; i++) decref(args[i]);
  }
  // keyword arguments
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k];
    const v = args[npos + k];
    let idx = -1;
    for (let j = u.posonlyargcount; j < total; j++) {
      if (names[j] === name) {
        idx = j;
        break;
      }
    }
    if (idx < 0) {
      if (kwdict) {
        const key = internStr(name, false);
        kwdict.setItem(key, v);
        decref(key);
        if (steal) decref(v);
        continue;
      }
      if (steal) for (let j = npos + k; j < args.length; j++) decref(args[j]);
      // positional_only_passed_as_keyword: every keyword that names a positional-only parameter
      const posOnly = names.slice(0, u.posonlyargcount);
      const passed = kwnames!.filter((kn) => posOnly.includes(kn));
      if (passed.length) typeError(`${qual(func)}() got some positional-only arguments passed as keyword arguments: '${passed.join(', ')}'`);
      typeError(`${qual(func)}() got an unexpected keyword argument '${name}'`);
    }
    if (fast[idx] !== null) {
      if (steal) for (let j = npos + k; j < args.length; j++) decref(args[j]);
      typeError(`${qual(func)}() got multiple values for argument '${name}'`);
    }
    fast[idx] = take(v);
  }
  if (npos > argcount && !hasVarargs) tooManyPositional(func, npos, nkw, kwnames, args);
  // defaults for missing positional arguments
  const defaults = func.defaults ? func.defaults.items : [];
  const firstDefault = argcount - defaults.length;
  const missing: string[] = [];
  for (let i = npos; i < argcount; i++) {
    if (fast[i] !== null) continue;
    if (i >= firstDefault) fast[i] = newRef(defaults[i - firstDefault]);
    else missing.push(names[i]);
  }
  if (missing.length) missingArgs(func, missing, 'positional');
  if (u.kwonlyargcount) {
    const kmissing: string[] = [];
    for (let i = argcount; i < total; i++) {
      if (fast[i] !== null) continue;
      const d = func.kwdefaults ? func.kwdefaults.getItem(internKey(names[i])) : undefined;
      if (d !== undefined) fast[i] = newRef(d);
      else kmissing.push(names[i]);
    }
    if (kmissing.length) missingArgs(func, kmissing, 'keyword-only');
  }
  initCells(f, func);
}

const keyStrs = new Map<string, PyObject>();
function internKey(name: string): PyObject {
  let k = keyStrs.get(name);
  if (!k) {
    k = internStr(name);
    keyStrs.set(name, k);
  }
  return k;
}

function tooManyPositional(func: PyFunction, given: number, nkw: number, kwnames: string[] | null, args: PyObject[]): never {
  void args;
  const u = func.code.unit;
  const argcount = u.argcount;
  const ndefaults = func.defaults ? func.defaults.items.length : 0;
  let sig: string;
  if (ndefaults) sig = `from ${argcount - ndefaults} to ${argcount}`;
  else sig = `${argcount}`;
  const plural = ndefaults || argcount !== 1 ? 's' : '';
  let kwonly = '';
  const kwonlyGiven = kwnames ? kwnames.filter((n) => u.localsplusNames.slice(argcount, argcount + u.kwonlyargcount).includes(n)).length : 0;
  void nkw;
  if (kwonlyGiven) kwonly = ` positional argument${given !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})`;
  const was = given === 1 && !kwonlyGiven ? 'was' : 'were';
  if (kwonly) typeError(`${qual(func)}() takes ${sig} positional argument${plural} but ${given}${kwonly} were given`);
  typeError(`${qual(func)}() takes ${sig} positional argument${plural} but ${given} ${was} given`);
}

function missingArgs(func: PyFunction, missing: string[], kind: string): never {
  const quoted = missing.map((m) => `'${m}'`);
  let list: string;
  if (quoted.length === 1) list = quoted[0];
  else if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]}`;
  else list = quoted.slice(0, -1).join(', ') + `, and ${quoted[quoted.length - 1]}`;
  typeError(`${qual(func)}() missing ${missing.length} required ${kind} argument${missing.length > 1 ? 's' : ''}: ${list}`);
}

void newStr;
void None;
void PyTuple;
