// Helpers shared by the stdlib modules: native iterator objects, number conversion, and running
// module code written in Python (for the parts CPython itself implements in Python: Lib/*.py).

import { PyObject, PyType, TypeFlags, Edge, incref, decref, newRef, xdecref, type Visit } from '../runtime/object';
import { makeType, inModule } from '../runtime/types';
import { ModuleBuilder, defMethod as defineMethod } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { PyInt, IntType, BoolType, newInt } from '../runtime/objects/int';
import { PyFloat, FloatType } from '../runtime/objects/float';
import { PyStr, newStr, internStr, isIdentifierLike } from '../runtime/objects/str';
import { newTuple, EmptyTuple } from '../runtime/objects/tuple';
import { newFloat } from '../runtime/objects/float';
import { None, Ellipsis } from '../runtime/objects/singletons';
import { True, False } from '../runtime/objects/int';
import { newSet, FrozenSetType } from '../runtime/objects/set';
import { PyCode } from '../runtime/objects/function';
import { gcNewObject } from '../runtime/gc';
import { raise, typeError, unsupported, numErrException } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import * as N from '../runtime/numeric';
import { Frame } from '../runtime/vm/frame';
import { runFrame } from '../runtime/vm/call';
import { vmState } from '../runtime/vm/eval';
import type { CodeUnit, ConstSlot } from '../compiler/code';
import { compileModule } from '../compiler/compiler';
import { parse } from '../parser/index';
import { frozenUnit } from '../compiler/frozen';

// ------------------------------------------------------------------ native iterators
/**
 * An iterator whose state lives in `held` (owned references, traversed and released in order)
 * plus whatever plain JS state its `step` closure keeps.
 */
export class PyNativeIter extends PyObject {
  held: (PyObject | null)[];
  step: (self: PyNativeIter) => PyObject | null;
  constructor(type: PyType, held: (PyObject | null)[], step: (self: PyNativeIter) => PyObject | null) {
    super(type);
    this.held = held;
    this.step = step;
  }
  override traverse(visit: Visit): void {
    for (const h of this.held) if (h) visit(h, Edge.ITERATED, 'state');
  }
  override dealloc(): void {
    const h = this.held;
    this.held = [];
    for (const x of h) xdecref(x);
  }
  /** replace held[i] (steals v) */
  put(i: number, v: PyObject | null): void {
    const old = this.held[i];
    this.held[i] = v;
    xdecref(old);
  }
  /** drop everything (exhausted) */
  finish(): void {
    const h = this.held;
    this.held = h.map(() => null);
    for (const x of h) xdecref(x);
  }
}

const iterTypes = new Map<string, PyType>();
/** A native iterator type `module.name` (iter returns self, next runs step). */
export function iterType(name: string, module: string, basicsize = 48): PyType {
  const key = module + '.' + name;
  let t = iterTypes.get(key);
  if (t) return t;
  t = makeType(name, null, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, basicsize);
  if (module === 'builtins') t.module = module;
  else inModule(t, module);
  t.slots.iter = (o) => newRef(o);
  t.slots.next = (o) => (o as PyNativeIter).step(o as PyNativeIter);
  iterTypes.set(key, t);
  return t;
}

/** A new native iterator; `held` references are stolen. */
export function newIter(type: PyType, held: (PyObject | null)[], step: (self: PyNativeIter) => PyObject | null): PyNativeIter {
  const it = new PyNativeIter(type, held, step);
  gcNewObject(it, true);
  return it;
}

// ------------------------------------------------------------------ numbers
/** PyFloat_AsDouble with `must be real number` wording (math module). */
export function toDouble(o: PyObject): number {
  if (o instanceof PyFloat) return o.v;
  if (o instanceof PyInt) {
    try {
      return N.intToFloat(o.v);
    } catch (e) {
      numErr(e);
    }
  }
  const f = abs.typeLookup(o.type, '__float__');
  if (f) {
    const r = abs.callMethodObj(f, o, []);
    try {
      if (!(r instanceof PyFloat)) typeError(`${o.type.name}.__float__ returned non-float (type ${r.type.name})`);
      return r.v;
    } finally {
      decref(r);
    }
  }
  if (abs.typeLookup(o.type, '__index__')) return N.intToFloat(abs.index(o));
  typeError(`must be real number, not ${o.type.name}`);
}

export function numErr(e: unknown): never {
  if (e instanceof N.NumErr) throw numErrException(E.excTypes.get(e.pyType)!, e);
  throw e;
}

export function isIntLike(o: PyObject): o is PyInt {
  return o instanceof PyInt;
}

export function intValue(o: PyObject): N.Int {
  return abs.index(o);
}

export function pyInt(v: N.Int | bigint): PyInt {
  return newInt(typeof v === 'bigint' ? N.norm(v) : v);
}

export function kwArgs(args: PyObject[], kw: string[] | null): { pos: PyObject[]; kw: Map<string, PyObject> } {
  const n = kw ? kw.length : 0;
  const pos = args.slice(0, args.length - n);
  const m = new Map<string, PyObject>();
  for (let i = 0; i < n; i++) m.set(kw![i], args[args.length - n + i]);
  return { pos, kw: m };
}

export function noKw(name: string, kw: string[] | null): void {
  if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
}

// ------------------------------------------------------------------ Python-source module bodies
import { materializeCode } from '../runtime/consts';
function materialize(unit: CodeUnit): PyCode {
  return materializeCode(unit, null);
}

/** the units of the sources run so far, by source (a module may run more than one source under
 * its frozen file name) */
const compiled = new Map<string, { filename: string; unit: CodeUnit }>();

/** The unit of a stdlib source: compiled once per process, or taken from the build's frozen units
 * (compiler/frozen.ts). */
function stdlibUnit(source: string, filename: string): CodeUnit {
  const known = compiled.get(source);
  if (known !== undefined && known.filename === filename) return known.unit;
  let unit = frozenUnit(filename, source);
  if (unit === null) unit = compileStdlibSource(source, filename);
  compiled.set(source, { filename, unit });
  return unit;
}

/** Parse and compile a stdlib source (never fails for the tree's own sources). */
export function compileStdlibSource(source: string, filename: string): CodeUnit {
  const pr = parse(source, filename);
  if (!pr.module) throw new Error(`internal: stdlib source ${filename} does not parse: ${JSON.stringify(pr.error)}`);
  const cr = compileModule(pr.module, filename, source);
  if (!cr.code) throw new Error(`internal: stdlib source ${filename} does not compile: ${JSON.stringify(cr.error)}`);
  return cr.code;
}

/** The sources run so far in this process, with their file names and units (for the build's
 * freeze step and its test). */
export function stdlibSourcesRun(): { source: string; filename: string; unit: CodeUnit }[] {
  return [...compiled].map(([source, { filename, unit }]) => ({ source, filename, unit }));
}

/** Forget the units of the sources run so far (tests: the next imports consult the frozen store). */
export function forgetStdlibUnits(): void {
  compiled.clear();
}

/** Run Python source as the body of module `m` (what importlib does for a Lib/*.py module). */
export function execSource(m: ModuleBuilder, source: string, filename: string): void {
  const unit = stdlibUnit(source, filename);
  const code = materialize(unit);
  const g = m.dict;
  const f = new Frame(code, null, g, vmState.builtins!, newRef(g));
  // the audit does not run inside an import (the module is half-built, like CPython's)
  vmState.native++;
  try {
    decref(runFrame(f));
  } finally {
    vmState.native--;
    decref(code);
  }
}

import { STDLIB_DIR } from '../runtime/stdlibnames';
export { STDLIB_DIR };

/** The modules CPython 3.11 freezes (Tools/build/freeze_modules.py; `_imp.is_frozen`): their
 * code objects say `<frozen NAME>` and have no __cached__. */
export const CPYTHON_FROZEN = new Set([
  'abc', 'codecs', 'io', '_collections_abc', '_sitebuiltins', 'genericpath', 'ntpath', 'posixpath',
  'os', 'site', 'stat', 'importlib.util', 'importlib.machinery', 'runpy', 'zipimport',
]);

/** The file name CPython compiles module `name` (Lib/`rel`) under. */
export function stdlibFilename(name: string, rel: string): string {
  return CPYTHON_FROZEN.has(name) ? `<frozen ${name}>` : `${STDLIB_DIR}/${rel}`;
}

/**
 * Module attributes importlib sets for a module loaded from Lib/`rel` (_init_module_attrs):
 * __file__, and __cached__ unless CPython freezes it (FrozenImporter sets __file__ only).
 */
export function setStdlibFile(m: ModuleBuilder, rel: string): void {
  const name = m.module.name;
  m.own('__file__', newStr(`${STDLIB_DIR}/${rel}`));
  if (!CPYTHON_FROZEN.has(name)) {
    const slash = rel.lastIndexOf('/');
    const base = rel.slice(slash + 1).replace(/\.py$/, '');
    m.own('__cached__', newStr(`${STDLIB_DIR}/${rel.slice(0, slash + 1)}__pycache__/${base}.cpython-311.pyc`));
  }
}

/**
 * Source whose lines are placed where CPython's are: a line `#@N` (alone on its line) is replaced
 * by the blank lines that make the next line line N. RefScope's trimmed copy of a Lib module thus
 * keeps each kept line on its CPython line (a traceback shows CPython's line number and text).
 */
export function placeLines(source: string): string {
  if (!source.includes('#@')) return source;
  const out: string[] = [];
  for (const line of source.split('\n')) {
    const m = /^#@(\d+)$/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const at = Number(m[1]);
    if (at < out.length + 1) throw new Error(`internal: stdlib source line #@${at} comes after line ${out.length}`);
    while (out.length + 1 < at) out.push('');
  }
  return out.join('\n');
}

/**
 * Run Python source as the body of the standard module `m`, what importlib does for Lib/`rel`:
 * __file__ (and __cached__) set first, the code compiled under CPython's file name for it, the
 * `#@N` placement lines applied (placeLines).
 */
export function execStdlibSource(m: ModuleBuilder, source: string, rel: string): void {
  setStdlibFile(m, rel);
  execSource(m, placeLines(source), stdlibFilename(m.module.name, rel));
}

export { IntType, BoolType, FloatType, PyStr, newStr };

/**
 * defMethod for the stdlib types: when the VM calls a method descriptor through LOAD_METHOD
 * (or unbound, `deque.append(d, x)`), `self` is null and the instance is args[0].
 */
export function defMethod(t: PyType, name: string, fn: (args: PyObject[], kw: string[] | null, self: PyObject | null) => PyObject): void {
  defineMethod(t, name, (args, kw, self) => {
    if (self === null) {
      const npos = args.length - (kw ? kw.length : 0);
      if (npos < 1) typeError(`unbound method ${t.name}.${name}() needs an argument`);
      const s = args[0];
      if (!s.type.isSubtype(t)) typeError(`descriptor '${name}' for '${t.name}' objects doesn't apply to a '${s.type.name}' object`);
      return fn(args.slice(1), kw, s);
    }
    return fn(args, kw, self);
  });
}
