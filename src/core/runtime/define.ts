// Helpers to define builtin types' methods and native modules, and the argument parsing that
// native functions share (Python/getargs.c wording for errors).

import { PyObject, PyType, TypeFlags, newRef, decref } from './object';
import {
  PyBuiltinFunction,
  BuiltinFunctionType,
  MethodDescriptorType,
  ClassMethodDescriptorType,
  WrapperDescriptorType,
  PyGetSet,
  GetSetDescriptorType,
  type NativeFn,
} from './types';
import { PyDict, DictType, newDict } from './objects/dict';
import { PyStr, internStr, newStr } from './objects/str';
import { PyModule } from './objects/instance';
import { newTuple } from './objects/tuple';
import { typeError } from './errors';
import * as abs from './abstract';
import { None } from './objects/singletons';
import { isSlotWrapper } from './objects/method_wrapper';

/** Add a method to a builtin type (a method_descriptor in its dict; a wrapper_descriptor for a
 *  C slot such as `__init__` or `__add__`, as typeobject.c add_operators). */
export function defMethod(t: PyType, name: string, fn: NativeFn): void {
  const d = new PyBuiltinFunction(isSlotWrapper(t, name) ? WrapperDescriptorType : MethodDescriptorType, name, fn, null, t, `${abs.typeQualname(t)}.${name}`);
  d.rc = 1_000_000_000;
  typeDict(t).setItem(internStr(name), d);
  t.invalidate();
}

/** A classmethod of a builtin type (dict.fromkeys, int.from_bytes, ...). */
export function defClassMethod(t: PyType, name: string, fn: NativeFn): void {
  const d = new PyBuiltinFunction(ClassMethodDescriptorType, name, fn, null, t, `${t.name}.${name}`);
  d.rc = 1_000_000_000;
  typeDict(t).setItem(internStr(name), d);
  t.invalidate();
}

/** A data descriptor computed natively (e.g. `complex.real`, `range.start`). */
export function defGetter(t: PyType, name: string, get: (o: PyObject) => PyObject, set: ((o: PyObject, v: PyObject | null) => void) | null = null): void {
  const g = new PyGetSet(GetSetDescriptorType, name, t, get, set);
  g.rc = 1_000_000_000;
  if (t.flags & TypeFlags.HEAPTYPE) t.rc++; // d_type
  typeDict(t).setItem(internStr(name), g);
  t.invalidate();
}

/** Put a plain value into a builtin type's dict. */
export function defAttr(t: PyType, name: string, v: PyObject): void {
  typeDict(t).setItem(internStr(name), v);
  t.invalidate();
}

export function typeDict(t: PyType): PyDict {
  if (!t.dict) {
    // a static type's tp_dict is the interpreter's, made before any program runs in CPython
    // (type_ready): not counted as an allocation of a run and in no run's generations, whether
    // the type is finished at start-up or on its module's first import in this process. It is
    // tracked (gc.is_tracked is True, as CPython's), outside the collector's lists.
    const d = new PyDict(DictType);
    d.gcGen = 0;
    d.rc = 1_000_000_000;
    t.dict = d;
  }
  return t.dict;
}

/** A builtin function object bound to a module (or free-standing). */
export function builtinFunction(name: string, fn: NativeFn, module: PyObject | null = null, qualname = name): PyBuiltinFunction {
  const f = new PyBuiltinFunction(BuiltinFunctionType, name, fn, module, null, qualname);
  f.rc = 1_000_000_000;
  return f;
}

// ------------------------------------------------------------------ modules
export type ModuleInit = (m: ModuleBuilder) => void;
const registry = new Map<string, ModuleInit>();

/** Register a native module; it is created on first import. */
export function registerModule(name: string, init: ModuleInit): void {
  registry.set(name, init);
}
export function moduleInit(name: string): ModuleInit | undefined {
  return registry.get(name);
}
export function registeredModules(): string[] {
  return [...registry.keys()];
}

export class ModuleBuilder {
  /** the module the functions defined here hold as __self__ (functionsOf) */
  private fnSelf: PyModule;
  constructor(public module: PyModule) {
    this.fnSelf = module;
  }
  get dict(): PyDict {
    return this.module.dict;
  }
  /**
   * The functions defined from now on stand for functions CPython defines elsewhere: in an
   * accelerator module (bisect's are _bisect's, `bisect.bisect.__self__` is `<module '_bisect'>`)
   * or in Python (json's: they hold no module). They hold a module object of that name, outside
   * sys.modules, as __self__, not this one: the module's count is CPython's (a C module function
   * holds its module, PyCFunction_NewEx's m_self). Untracked, like a module CPython's start-up
   * had made already.
   */
  functionsOf(name: string): void {
    const d = newDict();
    const own = new PyModule(name, d);
    const n = newStr(name);
    d.setItem(internStr('__name__'), n);
    decref(n);
    d.setItem(internStr('__doc__'), None);
    this.fnSelf = own;
  }
  /** the module's body has run: the builder's own reference to functionsOf's module goes */
  finish(): void {
    if (this.fnSelf !== this.module) decref(this.fnSelf);
    this.fnSelf = this.module;
  }
  /** define a function `name` */
  fn(name: string, fn: NativeFn): void {
    const f = builtinFunction(name, fn, this.fnSelf);
    // a module function holds its module as __self__ (one reference, like CPython)
    this.set(name, f);
  }
  /** bind a value (the reference is not stolen) */
  set(name: string, v: PyObject): void {
    this.module.dict.setItem(internStr(name), v);
  }
  /** bind a new reference (stolen) */
  own(name: string, v: PyObject): void {
    this.set(name, v);
    decref(v);
  }
}

// ------------------------------------------------------------------ argument parsing
export interface ArgSpec {
  /** function name for messages, e.g. 'sorted' or 'list.sort' (shown as `sort()`) */
  name: string;
  /** parameter names in order; a leading '*' marks the start of keyword-only ones; '/' ends positional-only */
  params: string[];
  /** how many are required */
  required?: number;
  /** the Argument Clinic parser (`_PyArg_Parser`) behind the function, named like 'list.sort',
   * when CPython's start-up has not used it yet (argParserInit) */
  clinic?: string;
}

// Python/getargs.c parser_init: the first call that takes a static _PyArg_Parser's slow path
// (_PyArg_UnpackKeywords: keywords given, or a positional count outside the fast path's range)
// builds the tuple of its keyword names (PyTuple_New: a gc allocation, or a tuple from the free
// list), kept for the life of the process. 3.12 makes these tuples static.
const parserKwtuples = new Map<string, PyObject>();

/** parser_init for the parser `key` with these keyword (non positional-only) names. */
export function argParserInit(key: string, kwNames: string[]): void {
  if (parserKwtuples.has(key)) return;
  const t = newTuple(kwNames.map((n) => internStr(n)));
  // (the allocation may have run a collection whose finalizers took this path first)
  if (parserKwtuples.has(key)) decref(t);
  else parserKwtuples.set(key, t);
}
/** the parsers' keyword tuples (an interpreter root) */
export function argParserTuples(): Iterable<PyObject> {
  return parserKwtuples.values();
}
/** a new run starts with the parsers CPython's start-up left uninitialized */
export function resetArgParsers(): void {
  parserKwtuples.clear();
}

/**
 * Parse native arguments into a fixed array (undefined = not given). Mirrors the messages of
 * Argument Clinic-generated parsers (`_PyArg_UnpackKeywords`).
 */
export function parseArgs(spec: ArgSpec, args: PyObject[], kwnames: string[] | null): (PyObject | undefined)[] {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  const names: string[] = [];
  let posOnly = 0;
  let kwOnlyStart = -1;
  for (const p of spec.params) {
    if (p === '/') posOnly = names.length;
    else if (p === '*') kwOnlyStart = names.length;
    else names.push(p);
  }
  const maxPos = kwOnlyStart >= 0 ? kwOnlyStart : names.length;
  const required = spec.required ?? 0;
  if (spec.clinic !== undefined && (nkw > 0 || npos > maxPos || npos < required)) argParserInit(spec.clinic, names.slice(posOnly));
  // _PyArg_UnpackKeywords: more arguments than parameters, counted before any name is checked
  if (spec.clinic !== undefined && npos + nkw > names.length) {
    typeError(`${spec.name}() takes at most ${names.length} ${npos === 0 ? 'keyword ' : ''}argument${names.length === 1 ? '' : 's'} (${npos + nkw} given)`);
  }
  const out: (PyObject | undefined)[] = new Array(names.length).fill(undefined);
  if (npos > maxPos) {
    if (maxPos === required) typeError(`${spec.name}() takes ${plural(maxPos, 'positional argument')} but ${npos} ${npos === 1 ? 'was' : 'were'} given`);
    typeError(`${spec.name}() takes at most ${plural(maxPos, 'argument')} (${npos} given)`);
  }
  for (let i = 0; i < npos; i++) out[i] = args[i];
  for (let k = 0; k < nkw; k++) {
    const n = kwnames![k];
    const idx = names.indexOf(n);
    // (3.11 getargs.c error_unexpected_keyword_arg; 3.12 words it as Python functions do)
    if (idx < 0 || idx < posOnly) typeError(`'${n}' is an invalid keyword argument for ${spec.name}()`);
    if (out[idx] !== undefined) typeError(`argument for ${spec.name}() given by name ('${n}') and position (${idx + 1})`);
    out[idx] = args[npos + k];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      if (i < posOnly || kwnames === null) {
        if (required === maxPos && npos < required) typeError(`${spec.name}() takes ${required === 1 ? 'exactly one argument' : `exactly ${required} arguments`} (${npos} given)`);
        typeError(`${spec.name}() missing required argument '${names[i]}' (pos ${i + 1})`);
      }
      typeError(`${spec.name}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  return out;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** For METH_NOARGS / METH_O / fixed positional builtins: check the count, no keywords. */
export function checkArgs(name: string, args: PyObject[], kwnames: string[] | null, min: number, max: number): void {
  if (kwnames && kwnames.length) typeError(`${name}() takes no keyword arguments`);
  const n = args.length;
  if (n >= min && n <= max) return;
  // (_PyArg_CheckPositional names the function without its module: 'gc.x' -> 'x')
  const short = name.slice(name.lastIndexOf('.') + 1);
  if (min === max) {
    if (min === 0) typeError(`${name}() takes no arguments (${n} given)`);
    if (min === 1) typeError(`${name}() takes exactly one argument (${n} given)`);
    typeError(`${short} expected ${min} arguments, got ${n}`);
  }
  if (n < min) typeError(`${short} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  typeError(`${short} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
}

export function strArg(o: PyObject, fname: string, argn: string): string {
  if (!(o instanceof PyStr)) typeError(`${fname}() argument ${argn} must be str, not ${o.type.name}`);
  return o.v;
}

export { None, newRef, newStr, abs };
