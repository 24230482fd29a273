// function, code, cell, bound method, classmethod, staticmethod, property
// (Objects/funcobject.c, codeobject.c, cellobject.c, classobject.c, descrobject.c)

import { PyObject, TypeFlags, Edge, decref, incref, xdecref, settleShape, type PyType, type Visit } from '../object';
import { makeType } from '../types';
import { CoFlags, SlotKind, type CodeUnit } from '../../compiler/code';
import type { PyDict } from './dict';
import type { PyTuple } from './tuple';
import { gcNewTracked } from './tuple';
import type { AttrCache } from '../vm/attrcache';

/**
 * One LOAD_GLOBAL's cache (3.11's specialized LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN): the
 * value found (borrowed) stays valid while neither the globals' nor the builtins' table changed
 * (DictTable.version is bumped by every mutation, like ma_version_tag).
 */
export class GlobalCache {
  gt: object | null = null;
  gv = 0;
  bt: object | null = null;
  bv = 0;
  value: PyObject | null = null;
}

export const CodeType = makeType('code', null, 0, 184, 2);
// (co_weakreflist)
CodeType.weakrefable = true;
let codeShapeSettled = false;
let functionShapeSettled = false;

/**
 * V8 keeps, on an object's map, whether each field was ever written after construction and what
 * kind of value it holds; the first write that changes either deoptimizes every optimised function
 * that relied on it. The loop compiler's fields of a code object change first when a loop gets hot,
 * by then evalLoop is optimised and would be compiled again (~60 ms of V8's compiler, the loop
 * running unoptimised meanwhile). The first code object made takes those writes at once (each
 * field ends as it was).
 */
function settleCodeShape(c: PyCode): void {
  codeShapeSettled = true;
  // (code_dealloc's release of co_consts: the first code object a run frees)
  const consts = c.consts;
  c.consts = [];
  c.consts = consts;
  c.jitLoops = [];
  c.jitLoops = null;
  c.jitBody = 0;
  c.jitBody = () => 0;
  c.jitBody = null;
  c.jitBody = undefined;
  c.oneLineLoops = new Int8Array(0);
  c.oneLineLoops = null;
  c.unpackCaches = new Uint16Array(0);
  c.unpackCaches = null;
  c.classCell = -1;
  c.classCell = -2;
}

export class PyCode extends PyObject {
  /** a frame's fast locals and value stack start as copies of these (packed arrays of nulls
   * sized from co_nlocalsplus and co_stacksize: _PyFrame_InitializeSpecials's layout) */
  readonly fastTmpl: (PyObject | null)[];
  readonly stackTmpl: (PyObject | null)[];
  /** argument binding is a copy of positional arguments plus defaults: no *args, **kwargs or
   * keyword-only parameters (initialize_locals' common case) */
  readonly simpleArgs: boolean;
  /** the code has cell or free variables (MAKE_CELL / COPY_FREE_VARS at the start of a call) */
  readonly hasCells: boolean;
  constructor(
    public unit: CodeUnit,
    /** owned references, one per co_consts entry */
    public consts: PyObject[],
  ) {
    super(CodeType);
    const n = unit.localsplusNames.length;
    const fast: (PyObject | null)[] = [];
    for (let i = 0; i < n; i++) fast.push(null);
    this.fastTmpl = fast;
    const stack: (PyObject | null)[] = [];
    for (let i = 0; i < unit.stacksize; i++) stack.push(null);
    this.stackTmpl = stack;
    this.simpleArgs = (unit.flags & (CoFlags.VARARGS | CoFlags.VARKEYWORDS)) === 0 && unit.kwonlyargcount === 0;
    let cells = false;
    for (let i = 0; i < unit.localsplusKinds.length; i++) if (unit.localsplusKinds[i] & (SlotKind.CELL | SlotKind.FREE)) cells = true;
    this.hasCells = cells;
    const caches: (GlobalCache | null)[] = [];
    for (let i = 0; i <= unit.code.length >> 1; i++) caches.push(null);
    this.globalCaches = caches;
    const ac: (AttrCache | null)[] = [];
    for (let i = 0; i <= unit.code.length >> 1; i++) ac.push(null);
    this.attrCaches = ac;
    if (!codeShapeSettled) settleCodeShape(this);
  }
  /** co_warmup: RESUMEs and JUMP_BACKWARDs left before the code is quickened (QUICKENING_WARMUP_DELAY; vm/warmup.ts) */
  warmup = 8;
  /** UNPACK_SEQUENCE's adaptive state once quickened, two entries per instruction (vm/warmup.ts) */
  unpackCaches: Uint16Array | null = null;
  /** KW_NAMES: the keyword names of each constant tuple it loads, as strings (by const index) */
  readonly kwNames: (string[] | undefined)[] = [];
  /** the loop compiler's state by loop head (vm/jit.ts): back edges seen, the compiled loop, or
   * null when it cannot be compiled; null until a loop of this code is counted */
  jitLoops: (number | ((f: never) => number) | null | undefined)[] | null = null;
  /** super_init_without_args: the index of the `__class__` free variable (-1: none; -2: not
   * looked up yet) */
  classCell = -2;
  /** the compiled body (vm/jit.ts bodyFor): calls counted so far, the compiled function, or null
   * when it is not compiled */
  jitBody: number | ((f: never) => number) | null | undefined = undefined;
  /** by loop head: 1 when every instruction of the loop is on one line, 2 when not, 0 not known
   * yet (vm/jit.ts oneLineLoop) */
  oneLineLoops: Int8Array | null = null;
  /** finished frames of this code kept for reuse (vm/frame.ts newFrame) */
  readonly framePool: PyObject[] = [];
  /** LOAD_GLOBAL's inline caches, by instruction index + 1 */
  readonly globalCaches: (GlobalCache | null)[];
  /** LOAD_ATTR / LOAD_METHOD / STORE_ATTR inline caches, by instruction index + 1 (vm/attrcache.ts) */
  readonly attrCaches: (AttrCache | null)[];
  override traverse(visit: Visit): void {
    for (let i = 0; i < this.consts.length; i++) visit(this.consts[i], Edge.CONST, i);
  }
  override dealloc(): void {
    const c = this.consts;
    this.consts = [];
    for (let i = 0; i < c.length; i++) decref(c[i]);
  }
}

export const CellType = makeType('cell', null, TypeFlags.HAVE_GC, 24);
export class PyCell extends PyObject {
  constructor(public ref: PyObject | null) {
    super(CellType);
  }
  override traverse(visit: Visit): void {
    if (this.ref) visit(this.ref, Edge.CELL, 'cell_contents');
  }
  override dealloc(): void {
    const r = this.ref;
    this.ref = null;
    xdecref(r);
  }
  override clear(): void {
    this.dealloc();
  }
}
/** A new cell owning `ref` (stolen). */
export function newCell(ref: PyObject | null): PyCell {
  const c = new PyCell(ref);
  gcNewTracked(c);
  return c;
}

export const FunctionType = makeType('function', null, TypeFlags.HAVE_GC | TypeFlags.METHOD_DESCRIPTOR, 136);
FunctionType.weakrefable = true;
export class PyFunction extends PyObject {
  defaults: PyTuple | null = null;
  kwdefaults: PyDict | null = null;
  closure: PyTuple | null = null;
  annotations: PyObject | null = null;
  dict: PyDict | null = null;
  doc: PyObject | null = null;
  module: PyObject | null = null;
  name: string;
  qualname: string;
  constructor(
    public code: PyCode,
    public globals: PyDict,
  ) {
    super(FunctionType);
    this.name = code.unit.name;
    this.qualname = code.unit.qualname;
    if (!functionShapeSettled) {
      // (see settleCodeShape: func_clear's first `globals = NULL`)
      functionShapeSettled = true;
      this.globals = null as unknown as PyDict;
      this.globals = globals;
    }
  }
  override traverse(visit: Visit): void {
    visit(this.code, Edge.CODE, '__code__');
    if (this.globals) visit(this.globals, Edge.GLOBALS, '__globals__');
    if (this.module) visit(this.module, Edge.OTHER, '__module__');
    if (this.defaults) visit(this.defaults, Edge.DEFAULTS, '__defaults__');
    if (this.kwdefaults) visit(this.kwdefaults, Edge.KWDEFAULTS, '__kwdefaults__');
    if (this.doc) visit(this.doc, Edge.OTHER, '__doc__');
    if (this.dict) visit(this.dict, Edge.DICT, '__dict__');
    if (this.closure) visit(this.closure, Edge.CLOSURE, '__closure__');
    if (this.annotations) visit(this.annotations, Edge.OTHER, '__annotations__');
  }
  /** func_clear order, then the code object */
  /** func_clear: everything but the code object */
  override clear(): void {
    const g = this.globals;
    this.globals = null as unknown as PyDict;
    const m = this.module;
    const d = this.defaults;
    const kd = this.kwdefaults;
    const doc = this.doc;
    const dict = this.dict;
    const cl = this.closure;
    const an = this.annotations;
    this.module = this.defaults = this.kwdefaults = this.doc = this.dict = this.closure = this.annotations = null;
    xdecref(g);
    xdecref(m);
    xdecref(d);
    xdecref(kd);
    xdecref(doc);
    xdecref(dict);
    xdecref(cl);
    xdecref(an);
  }
  override dealloc(): void {
    this.clear();
    decref(this.code);
  }
}

export const MethodType = makeType('method', null, TypeFlags.HAVE_GC, 48);
// PyMethodObject.im_weakreflist (Objects/classobject.c: tp_weaklistoffset)
MethodType.weakrefable = true;
export class PyMethod extends PyObject {
  constructor(
    public func: PyObject,
    public self: PyObject,
  ) {
    super(MethodType);
    incref(func);
    incref(self);
  }
  override traverse(visit: Visit): void {
    visit(this.func, Edge.FUNC, '__func__');
    visit(this.self, Edge.SELF, '__self__');
  }
  override dealloc(): void {
    decref(this.func);
    decref(this.self);
  }
}
export function newMethod(func: PyObject, self: PyObject): PyMethod {
  const m = new PyMethod(func, self);
  gcNewTracked(m);
  return m;
}

/** classmethod / staticmethod wrappers */
export class PyWrapper extends PyObject {
  dict: PyDict | null = null;
  constructor(
    type: PyType,
    public callable: PyObject,
  ) {
    super(type);
    incref(callable);
  }
  override traverse(visit: Visit): void {
    if (this.callable) visit(this.callable, Edge.FUNC, '__func__');
    if (this.dict) visit(this.dict, Edge.DICT, '__dict__');
  }
  override dealloc(): void {
    const c = this.callable;
    const d = this.dict;
    this.callable = null as unknown as PyObject;
    this.dict = null;
    xdecref(c);
    xdecref(d);
  }
  override clear(): void {
    this.dealloc();
  }
}
export const ClassMethodType = makeType('classmethod', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 32);
export const StaticMethodType = makeType('staticmethod', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 32);

export const PropertyType = makeType('property', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 64);
export class PyProperty extends PyObject {
  /** getter_doc: the doc was taken from fget's __doc__ (property_init_impl) */
  getterDoc = false;
  /** prop_name: the attribute name __set_name__ gave it (owned), for the "no setter" messages */
  name: PyObject | null = null;
  constructor(
    type: PyType,
    public fget: PyObject | null,
    public fset: PyObject | null,
    public fdel: PyObject | null,
    public doc: PyObject | null,
  ) {
    super(type);
  }
  override traverse(visit: Visit): void {
    if (this.fget) visit(this.fget, Edge.OTHER, 'fget');
    if (this.fset) visit(this.fset, Edge.OTHER, 'fset');
    if (this.fdel) visit(this.fdel, Edge.OTHER, 'fdel');
    if (this.doc) visit(this.doc, Edge.OTHER, '__doc__');
    if (this.name) visit(this.name, Edge.OTHER, 'prop_name');
  }
  override dealloc(): void {
    const { fget, fset, fdel, doc, name } = this;
    this.fget = this.fset = this.fdel = this.doc = this.name = null;
    xdecref(fget);
    xdecref(fset);
    xdecref(fdel);
    xdecref(doc);
    xdecref(name);
  }
  override clear(): void {
    this.dealloc();
  }
}

// (object.ts settleShape: cells, bound methods and properties a program's run is the first to
// touch; throwaways take the writes now)
{
  const cell = new PyCell(null);
  settleShape(cell, ['ref']);
  settleShape(new PyMethod(cell, cell));
  settleShape(new PyProperty(PropertyType, null, null, null, null), ['fget', 'fset', 'fdel', 'doc', 'name']);
}
