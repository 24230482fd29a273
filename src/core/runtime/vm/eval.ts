// The evaluation loop, after CPython 3.11's Python/ceval.c `_PyEval_EvalFrameDefault`.
//
// Reference rules kept exactly: LOAD_* push a new reference; STORE_* move the stack reference
// into the slot (the old value is released after the store); operands stay on the stack while an
// operation runs and are released after it; CALL of a Python function moves the arguments and
// the function into the callee's frame; native calls borrow the stack slots.

import { STDLIB_SUBMODULES } from '../stdlibnames';
import { PyObject, PyType, TypeFlags, incref, decref, xdecref, newRef } from '../object';
import { Op } from '../../compiler/opcodes';
import type { CodeUnit } from '../../compiler/code';
import { Frame, materialize, newFrame } from './frame';
import { callFunction, makeFrame, makeGenerator, runFrame, finishFrame, initCells, callPlainClass } from './call';
import { plainInitOf, superNew, SuperType } from '../typeobject';
import * as abs from '../abstract';
import { moduleInit } from '../define';
import { Cmp } from '../abstract';
import { PyInt, IntType, newInt, newBool, True, False } from '../objects/int';
import { PyStr, StrType, newStr, internStr, concatStrs } from '../objects/str';
import { PyTuple, TupleType, newTuple, EmptyTuple } from '../objects/tuple';
import { PyList, ListType, newList, listAppend, iterItem } from '../objects/list';
import { listExtend } from '../objects/list_methods';
import { PyDict, DictType, newDict } from '../objects/dict';
import { PySet, newSet } from '../objects/set';
import { PyFunction, PyCode, PyCell, PyMethod, FunctionType, MethodType, GlobalCache, newCell } from '../objects/function';
import { None, NotImplemented } from '../objects/singletons';
import { PyBaseException, BaseException, NameError, UnboundLocalError, TypeError as TypeErrorT, RuntimeError, StopIteration, AssertionError as AssertionErrorT, ImportError, SystemError } from '../objects/exception';
import { PyTraceback } from '../objects/traceback';
import { PyGenerator, GeneratorType } from '../objects/generator';
import { PySeqIter, ListIterType, PyRangeIter, RangeIterType, PySlice } from '../objects/misc';
import { PyBuiltinFunction, BuiltinFunctionType, MethodDescriptorType, TypeType } from '../types';
import { raise, typeError, newException, numErrException, Unsupported } from '../errors';
import { exceptionGroupMatch, prepReraiseStar, checkExceptStarType } from '../objects/exception_group';
import { gcNewTracked } from '../objects/tuple';
import { PyModule } from '../objects/instance';
import { profile } from '../profile';
import { FormatError } from '../primitives/errors';
import { NumErr, mulAddMod } from '../numeric';
import { jsStack } from '../current';
import { loadAttr, attrHit, storeAttrHit, loadMethod, methodHit, storeAttr } from './attrcache';
import { jumpWarms, unpackWithoutIterator } from './warmup';
import { importAllFrom, starSkipped } from './importstar';
import { loopFor, bodyFor, jitConfig, oneLineLoop, type JitHelpers, type CompiledLoop } from './jit';

export interface VMState {
  current: Frame | null;
  depth: number;
  recursionLimit: number;
  builtins: PyDict | null;
  /** the exception being handled (sys.exc_info()), owned */
  excInfo: PyObject | null;
  /** the exc_info slots below the running generators' (gen_send_ex's previous_item chain), each
   * owned; sys.exc_info() and a bare raise look down it past empty slots (topmostException) */
  excOuter: (PyObject | null)[];
  /** called when a new source line starts (audit, tracing) */
  onLine: ((f: Frame, line: number) => void) | null;
  /** called when a frame returns or yields a value, or an exception leaves it (raised) (editor views) */
  onFrameExit: ((f: Frame, value: PyObject, raised: boolean) => void) | null;
  /** import a module by name: a new reference */
  importModule: ((name: string, f: Frame) => PyObject) | null;
  /** format(value, spec) */
  format: ((v: PyObject, spec: string) => string) | null;
  buildClass: PyObject | null;
  /** instructions executed (budgets) */
  steps: number;
  stepLimit: number;
  /** what evalFrame compares `steps` with before each instruction: stepLimit, or -Infinity while
   * onLine is set (every instruction then takes the slow path); kept by the two setters, so that
   * an untraced run pays one comparison per instruction */
  readonly trip: number;
  /** onLine as a field (the dispatch loop reads it before each instruction under a hook) */
  readonly lineHook: ((f: Frame, line: number) => void) | null;
  /** stepLimit as a field: what a compiled loop whose instructions are all on one line compares
   * its steps with, under a line hook too (jit.ts oneLineLoop) */
  readonly budgetTrip: number;
  /** JUMP_BACKWARDs left before evalLoop returns to evalFrame, which enters it again (REENTRY) */
  reentry: number;
  onBudget: (() => void) | null;
  /** > 0 while native code that may hold references of its own is on the call stack */
  native: number;
  /** sys.stdout now (borrowed; null when the program deleted it): where print() writes */
  stdout: (() => PyObject | null) | null;
  /** sys.stderr now (borrowed; null when deleted) */
  stderr: (() => PyObject | null) | null;
  /** the builtin len of this run (callOther's PRECALL_NO_KW_LEN), set by the builtins module */
  lenBuiltin: PyObject | null;
}

/**
 * How many JUMP_BACKWARDs (of any frame) evalLoop runs before it returns to evalFrame, which
 * enters it again at f.pc. The dispatch loop is one large JS function: V8 optimises it in the
 * background, and a frame already inside it would keep running the baseline code until an
 * on-stack-replacement compile of its own (another ~100 ms of the compiler thread, measured with
 * --log-function-events) finished. Re-entering every few iterations picks up the optimised code
 * as soon as it exists and makes the OSR compile unnecessary: the short benchmarks' first run is
 * 5-20% faster. Not while a line hook runs (its per-frame `lastLine` lives in the loop).
 */
const REENTRY = 16;

/**
 * `throw e` from a function of its own: V8 records where each throw happened (Isolate::Throw ->
 * ComputeLocation), walking the throwing function's source position table from its start, so a
 * throw written in evalLoop (thousands of bytecodes) cost ~25 us per Python frame an exception
 * passed through (a RecursionError unwinding 1,000 frames: 25 ms). From here it costs nothing.
 */
export function throwFrom(e: unknown): never {
  throw e;
}

class VMStateImpl implements VMState {
  current: Frame | null = null;
  depth = 0;
  recursionLimit = 1000;
  builtins: PyDict | null = null;
  excInfo: PyObject | null = null;
  excOuter: (PyObject | null)[] = [];
  onFrameExit: ((f: Frame, value: PyObject, raised: boolean) => void) | null = null;
  importModule: ((name: string, f: Frame) => PyObject) | null = null;
  format: ((v: PyObject, spec: string) => string) | null = null;
  buildClass: PyObject | null = null;
  steps = 0;
  onBudget: (() => void) | null = null;
  native = 0;
  stdout: (() => PyObject | null) | null = null;
  stderr: (() => PyObject | null) | null = null;
  lenBuiltin: PyObject | null = null;
  trip = Infinity;
  budgetTrip = Infinity;
  reentry = REENTRY;
  lineHook: ((f: Frame, line: number) => void) | null = null;
  get onLine(): ((f: Frame, line: number) => void) | null {
    return this.lineHook;
  }
  set onLine(fn: ((f: Frame, line: number) => void) | null) {
    this.lineHook = fn;
    this.trip = fn !== null ? -Infinity : this.budgetTrip;
  }
  get stepLimit(): number {
    return this.budgetTrip;
  }
  set stepLimit(n: number) {
    this.budgetTrip = n;
    this.trip = this.lineHook !== null ? -Infinity : n;
  }
}

export const vmState: VMState = new VMStateImpl();

/** no arguments (never written) */
const NO_ARGS: PyObject[] = [];

/**
 * CALL arg (kw: the KW_NAMES names, or null): calls what the stack holds below sp and returns the
 * result; the callable and the arguments have left the stack (sp - arg - 2 .. sp are null). One
 * function for the dispatch loop and the loop compiler (jit.ts).
 */
export function callInstr(f: Frame, stack: (PyObject | null)[], sp: number, arg: number, kw: string[] | null): PyObject {
  const st = vmState;
  const base = sp - arg - 2;
  let callable = stack[base];
  let start: number;
  let nargs: number;
  if (callable === null) {
    callable = stack[base + 1]!;
    // (exact type checks: neither type can be subclassed, and a type check is one
    // load where instanceof walks the prototype chain)
    if (callable.type === MethodType) {
      // PRECALL: replace the bound method by [func, self]
      const m = callable as PyMethod;
      stack[base] = newRef(m.func);
      stack[base + 1] = newRef(m.self);
      decref(m);
      callable = m.func;
      start = base + 1;
      nargs = arg + 1;
    } else {
      start = base + 2;
      nargs = arg;
    }
  } else {
    start = base + 1;
    nargs = arg + 1;
  }
  let r: PyObject;
  let code: PyCode;
  let defs: PyTuple | null;
  let argc: number;
  let fn: PyFunction;
  if (
    callable.type === FunctionType &&
    kw === null &&
    (code = (fn = callable as PyFunction).code).simpleArgs &&
    nargs <= (argc = code.unit.argcount) &&
    (nargs === argc || ((defs = fn.defaults) !== null && nargs >= argc - defs.items.length)) &&
    profile.callMovesArguments
  ) {
    // _PyEvalFramePushAndInit / initialize_locals' common case: the function and the
    // arguments move from this stack into the new frame
    const nf = newFrame(code, fn, fn.globals, st.builtins!);
    const nfast = nf.fast;
    for (let i = 0; i < nargs; i++) nfast[i] = stack[start + i];
    if (nargs < argc) {
      const d = fn.defaults!.items;
      const first = argc - d.length;
      for (let i = nargs; i < argc; i++) {
        const v = d[i - first];
        v.rc++;
        nfast[i] = v;
      }
    }
    for (let i = base; i < sp; i++) stack[i] = null;
    f.sp = base;
    if (code.hasCells) initCells(nf, fn);
    if (code.unit.flags & 0x20) r = makeGenerator(nf);
    else r = runFrame(nf);
  } else {
    r = callOther(f, stack, base, start, nargs, sp, callable, kw);
  }
  return r;
}

/** LOAD_GLOBAL without a valid cache entry: the lookup, and the entry filled (`pc`: the
 * instruction's index + 1) */
export function loadGlobalSlow(f: Frame, gcaches: (GlobalCache | null)[], pc: number, names: string[], arg: number): PyObject {
  const gt = f.globals.t;
  const bt = vmState.builtins!.t;
  const name = names[arg >> 1];
  const key = abs.strKey(name);
  let v = f.globals.getStr(key);
  if (v === undefined) v = vmState.builtins!.getStr(key);
  if (v === undefined) nameError(name);
  let c = gcaches[pc];
  if (c === null) c = gcaches[pc] = new GlobalCache();
  c.gt = gt;
  c.gv = gt.version;
  c.bt = bt;
  c.bv = bt.version;
  c.value = v;
  return v;
}

function listIndexError(): never {
  raise(excType('IndexError'), 'list index out of range');
}

/** FORMAT_VALUE arg on the stack below sp; returns the new sp */
export function formatValue(f: Frame, stack: (PyObject | null)[], sp: number, arg: number): number {
  const hasSpec = (arg & 4) !== 0;
  const spec = hasSpec ? (stack[sp - 1] as PyStr) : null;
  const vi = hasSpec ? sp - 2 : sp - 1;
  let v = stack[vi]!;
  const conv = arg & 3;
  if (conv) {
    // (PyObject_Str of an exact str is that str)
    const nv = conv === 1 ? abs.strObj(v) : newStr(conv === 2 ? abs.repr(v) : asciiOf(abs.repr(v)));
    stack[vi] = nv;
    decref(v);
    v = nv;
  }
  let r: PyObject;
  if (v.type === StrType && (!spec || spec.v === '')) r = newRef(v);
  else r = newStr(vmState.format!(v, spec ? spec.v : ''));
  if (spec) {
    stack[--sp] = null;
    f.sp = sp;
    decref(spec);
  }
  stack[sp - 1] = r;
  decref(v);
  return sp;
}

/** KW_NAMES arg: the keyword names as strings (one array per constant: callees only read it) */
export function kwNamesOf(code: PyCode, arg: number): string[] {
  let kn = code.kwNames[arg];
  if (kn === undefined) kn = code.kwNames[arg] = (code.consts[arg] as PyTuple).items.map((s) => (s as PyStr).v);
  return kn;
}

/** LOAD_DEREF of an empty cell */
function derefError(u: CodeUnit, arg: number): never {
  if (arg >= u.localsplusNames.length - u.nfrees) freeVarError(u.localsplusNames[arg]);
  unboundLocal(u.localsplusNames[arg]);
}

/** LOAD_NAME's lookup: the frame's locals, the globals, the builtins (a new reference). A
 * namespace other than an exact dict (a metaclass's __prepare__ made it) is read with
 * PyObject_GetItem, a KeyError meaning "not there" (3.11 ceval.c LOAD_NAME). */
export function loadName(f: Frame, name: string): PyObject {
  const key = abs.strKey(name);
  const loc = f.locals!;
  let v: PyObject | undefined;
  if (loc.type === DictType) v = (loc as PyDict).getStr(key);
  else {
    const r = mappingGet(loc, key);
    if (r !== undefined) return r;
  }
  if (v === undefined && loc !== f.globals) v = f.globals.getStr(key);
  if (v === undefined) v = vmState.builtins!.getStr(key);
  if (v === undefined) nameError(name);
  v.rc++;
  return v;
}

/** PyObject_GetItem(m, key) with a KeyError swallowed: a new reference, or undefined */
function mappingGet(m: PyObject, key: PyObject): PyObject | undefined {
  try {
    return abs.getItem(m, key);
  } catch (e) {
    if (e instanceof PyBaseException && e.type.isSubtype(excType('KeyError'))) {
      decref(e);
      return undefined;
    }
    throw e;
  }
}

/** STORE_NAME (and IMPORT_STAR's stores): PyDict_SetItem into an exact dict, PyObject_SetItem
 * into any other namespace; `v` stays the caller's */
export function storeName(f: Frame, key: PyObject, v: PyObject): void {
  const loc = f.locals!;
  if (loc.type === DictType) (loc as PyDict).setItem(key, v);
  else abs.setItem(loc, key, v);
}

/** UNPACK_SEQUENCE arg with the sequence at sp - 1 (`pc`: the instruction's index + 1, for its
 * adaptive state); returns the new sp */
export function unpackSequence(f: Frame, stack: (PyObject | null)[], sp: number, arg: number, pc: number): number {
  const seq = stack[sp - 1]!;
  let items: PyObject[];
  const kind = seq.type === TupleType ? 1 : seq.type === ListType ? 2 : 0;
  const len = kind !== 0 ? (seq as PyTuple).items.length : -1;
  if (unpackWithoutIterator(f.code, pc - 1, kind, len, arg)) {
    if (len === arg) items = (seq as PyTuple).items.map(newRef);
    else if (len < arg) raise(excType('ValueError'), `not enough values to unpack (expected ${arg}, got ${len})`);
    else raise(excType('ValueError'), `too many values to unpack (expected ${arg})`);
  } else items = unpackIterable(seq, arg, -1);
  stack[--sp] = null;
  for (let i = items.length - 1; i >= 0; i--) stack[sp++] = items[i];
  f.sp = sp;
  decref(seq);
  return sp;
}

/** Raised exceptions carry a flag saying the eval loop must not add a traceback entry. */
let reraising = false;

/** CPython 3.11's builtins that RefScope's lack: using one is reported as not supported, not as
 * a NameError telling a learner Python has no such name */
const MISSING_BUILTINS = new Set(['UnicodeTranslateError', 'aiter', 'anext', 'breakpoint', 'copyright', 'credits', 'license']);

function nameError(name: string): never {
  if (MISSING_BUILTINS.has(name)) throw new Unsupported(`the builtin '${name}'`);
  const skipped = starSkipped.get(name);
  if (skipped !== undefined) throw new Unsupported(skipped);
  raise(NameError, `name '${name}' is not defined`, { name: newStr(name) });
}

// format_exc_check_arg: only an exact NameError gets `name` (and so a "Did you mean" hint)
function unboundLocal(name: string): never {
  raise(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}

function freeVarError(name: string): never {
  raise(NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`, { name: newStr(name) });
}

/** _PyErr_GetTopmostException: the exception being handled — the running generator's own, else
 * the nearest one below it (borrowed; null: none) */
export function topmostException(): PyObject | null {
  const st = vmState;
  let e = st.excInfo;
  for (let i = st.excOuter.length - 1; (e === null || e === None) && i >= 0; i--) e = st.excOuter[i];
  return e === None ? null : e;
}

/** Attach `__context__` (_PyErr_SetObject's chaining) and a traceback entry for frame f. */
function onRaise(exc: PyBaseException, f: Frame, lasti: number): void {
  const handled = topmostException();
  if (handled && handled !== exc && handled !== None && exc.context === null) {
    // avoid cycles: cut the chain where it would come back to exc
    let o: PyObject | null = handled;
    let prev: PyBaseException | null = null;
    while (o instanceof PyBaseException) {
      if (o === exc) {
        if (prev) {
          xdecref(prev.context);
          prev.context = null;
        }
        break;
      }
      prev = o;
      o = o.context;
    }
    exc.context = newRef(handled);
  }
  addTraceback(exc, f, lasti);
}

/**
 * The globals of stdlib modules that run from Python source in RefScope but are C code in
 * CPython (pickle's Pickler and Unpickler for _pickle): their frames add no traceback entries.
 */
export const cFrameGlobals = new Set<PyObject>();

export function addTraceback(exc: PyBaseException, f: Frame, lasti: number): void {
  if (cFrameGlobals.size !== 0 && cFrameGlobals.has(f.globals)) return;
  const u = f.code.unit;
  const line = u.lines[lasti] ?? -1;
  const tb = new PyTraceback(exc.traceback as PyTraceback | null, materialize(f), lasti, line);
  gcNewTracked(tb);
  exc.traceback = tb;
}

function findHandler(table: Int32Array, lasti: number): number {
  for (let i = 0; i < table.length; i += 5) {
    if (lasti >= table[i] && lasti < table[i + 1]) return i;
  }
  return -1;
}

/** Make an exception instance from what `raise` got. Returns a new reference. */
function makeRaisable(x: PyObject): PyBaseException {
  if (x instanceof PyType) {
    if (!x.isSubtype(BaseException)) typeError('exceptions must derive from BaseException');
    const inst = abs.call(x, [], null);
    if (!(inst instanceof PyBaseException)) {
      decref(inst);
      typeError(`calling ${abs.repr(x)} should have returned an instance of BaseException, not ${inst.type.name}`);
    }
    return inst;
  }
  if (x instanceof PyBaseException) return newRef(x);
  typeError('exceptions must derive from BaseException');
}

/** Run a frame until it returns or yields. Returns a new reference. */
export function evalFrame(f: Frame): PyObject {
  f.running = true;
  const code = f.code;
  // RESUME: _PyCode_Warmup
  if (code.warmup > 0) code.warmup--;
  // a frame starting whose code's body is compiled (jit.ts bodyFor) runs it from here: a body
  // that returns needs no dispatch loop; the loop takes over where the body stops, or with what
  // it raised
  let pending: unknown = NO_ERROR;
  const b = code.jitBody;
  if (typeof b === 'function' && f.pc === 0 && jitConfig.enabled && (vmState.lineHook === null || jitConfig.underHooks)) {
    try {
      const pc = (b as CompiledLoop)(f);
      if (pc < 0) return compiledReturn(f);
      f.pc = pc;
    } catch (e) {
      pending = e;
    }
  }
  for (;;) {
    const r = evalLoop(f, pending);
    if (r !== null) return r;
    pending = NO_ERROR;
  }
}

/** resolve_name (Python/import.c): the absolute name of a relative import from the module whose
 * globals the frame runs with (its __package__, else __spec__.parent, else __name__ less its last
 * part unless it is a package) */
function resolveRelativeName(f: Frame, name: string, level: number): string {
  const g = f.globals;
  const get = (k: string): PyObject | undefined => g.getStr(abs.strKey(k));
  let pkg = get('__package__');
  let package_: string;
  if (pkg !== undefined && pkg !== None) {
    if (!(pkg instanceof PyStr)) typeError('package must be a string');
    package_ = pkg.v;
  } else {
    const spec = get('__spec__');
    if (spec !== undefined && spec !== None) {
      pkg = abs.getAttr(spec, 'parent');
      try {
        if (!(pkg instanceof PyStr)) typeError('__spec__.parent must be a string');
        package_ = pkg.v;
      } finally {
        decref(pkg);
      }
    } else {
      const n = get('__name__');
      if (n === undefined) raise(excType('KeyError'), "'__name__' not in globals");
      if (!(n instanceof PyStr)) typeError('__name__ must be a string');
      package_ = n.v;
      if (get('__path__') === undefined) package_ = package_.slice(0, Math.max(0, package_.lastIndexOf('.')));
    }
  }
  if (package_ === '') raise(ImportError, 'attempted relative import with no known parent package');
  const bits = package_.split('.');
  if (bits.length < level) raise(ImportError, 'attempted relative import beyond top-level package');
  const base = bits.slice(0, bits.length - (level - 1)).join('.');
  return name ? `${base}.${name}` : base;
}

/** evalLoop's `pending` when nothing was raised before it started */
const NO_ERROR = Symbol('no error');

/** evalFrame's dispatch loop: a new reference when the frame returns or yields; null when it
 * stopped at a backward jump to be entered again (f.pc, f.sp current; nothing else is pending:
 * KW_NAMES never precedes a jump). */
function evalLoop(f: Frame, pending: unknown): PyObject | null {
  const code = f.code;
  const u = code.unit;
  const ins = u.code;
  const consts = code.consts;
  const names = u.names;
  const lines = u.lines;
  const stack = f.stack;
  const fast = f.fast;
  const gcaches = code.globalCaches;
  const acaches = code.attrCaches;
  let sp = f.sp;
  let pc = f.pc;
  let kwnames: string[] | null = null;
  let lastLine = -1;
  const st = vmState;
  // a frame starting: its code's body may run compiled (jit.ts bodyFor) as far as it translates
  let entry = pc === 0 && pending === NO_ERROR && jitConfig.enabled && (st.lineHook === null || jitConfig.underHooks);

  for (;;) {
    try {
      if (pending !== NO_ERROR) {
        // what evalFrame's compiled body raised at instruction f.pc, handled as if raised here
        const e = pending;
        pending = NO_ERROR;
        pc = f.pc + 1;
        throwFrom(e);
      }
      if (entry) {
        entry = false;
        const b = code.jitBody;
        const body = typeof b === 'function' ? (b as CompiledLoop) : b === null ? null : bodyFor(code, jitHelpers());
        if (body !== null) {
          try {
            pc = body(f);
          } catch (e) {
            pc = f.pc + 1; // (the failing instruction, for the handler below)
            throwFrom(e);
          }
          if (pc < 0) return compiledReturn(f);
          sp = f.sp;
        }
      }
      for (;;) {
        f.pc = pc;
        f.sp = sp;
        if (++st.steps > st.trip) {
          // a line hook or a step budget (see VMState.trip)
          const onLine = st.lineHook;
          if (onLine !== null) {
            const ln = lines[pc];
            if (ln !== lastLine && ln >= 0) {
              lastLine = ln;
              onLine(f, ln);
            }
          }
          if (st.steps > st.budgetTrip && st.onBudget) st.onBudget();
        }
        const op = ins[pc << 1];
        const arg = ins[(pc << 1) + 1];
        pc++;
        switch (op) {
          case Op.NOP:
            break;
          case Op.POP_TOP: {
            const v = stack[--sp]!;
            stack[sp] = null;
            f.sp = sp;
            decref(v);
            break;
          }
          case Op.PUSH_NULL:
            stack[sp++] = null;
            break;
          case Op.COPY: {
            const v = stack[sp - arg]!;
            incref(v);
            stack[sp++] = v;
            break;
          }
          case Op.SWAP: {
            const t = stack[sp - 1];
            stack[sp - 1] = stack[sp - arg];
            stack[sp - arg] = t;
            break;
          }
          case Op.LOAD_CONST: {
            const v = consts[arg];
            v.rc++;
            stack[sp++] = v;
            break;
          }
          case Op.LOAD_FAST: {
            const v = fast[arg];
            if (v === null) unboundLocal(u.localsplusNames[arg]);
            v.rc++;
            stack[sp++] = v;
            break;
          }
          case Op.STORE_FAST: {
            const v = stack[--sp]!;
            stack[sp] = null;
            const old = fast[arg];
            fast[arg] = v;
            f.sp = sp;
            if (old) decref(old);
            break;
          }
          case Op.DELETE_FAST: {
            const old = fast[arg];
            if (old === null) unboundLocal(u.localsplusNames[arg]);
            fast[arg] = null;
            decref(old);
            break;
          }
          case Op.LOAD_DEREF: {
            const cell = fast[arg] as PyCell;
            const v = cell.ref;
            if (v === null) derefError(u, arg);
            v.rc++;
            stack[sp++] = v;
            break;
          }
          case Op.STORE_DEREF: {
            const v = stack[--sp]!;
            stack[sp] = null;
            const cell = fast[arg] as PyCell;
            const old = cell.ref;
            cell.ref = v;
            f.sp = sp;
            xdecref(old);
            break;
          }
          case Op.LOAD_CLOSURE: {
            const c = fast[arg]!;
            c.rc++;
            stack[sp++] = c;
            break;
          }
          case Op.LOAD_GLOBAL: {
            const gt = f.globals.t;
            const bt = st.builtins!.t;
            const c = gcaches[pc];
            let v: PyObject;
            if (c !== null && c.gt === gt && c.gv === gt.version && c.bt === bt && c.bv === bt.version) v = c.value!;
            else v = loadGlobalSlow(f, gcaches, pc, names, arg);
            if (arg & 1) stack[sp++] = null;
            v.rc++;
            stack[sp++] = v;
            break;
          }
          case Op.LOAD_NAME: {
            stack[sp++] = loadName(f, names[arg]);
            break;
          }
          case Op.STORE_NAME: {
            const v = stack[sp - 1]!;
            storeName(f, nameKey(names[arg]), v);
            stack[--sp] = null;
            f.sp = sp;
            decref(v);
            break;
          }
          case Op.LOAD_ATTR: {
            const o = stack[sp - 1]!;
            const r = loadAttr(acaches, pc, o, names[arg]);
            stack[sp - 1] = r;
            decref(o);
            break;
          }
          case Op.LOAD_METHOD: {
            const o = stack[sp - 1]!;
            const name = names[arg];
            const meth = loadMethod(acaches, pc, o, name);
            if (meth) {
              meth.rc++;
              stack[sp - 1] = meth;
              stack[sp++] = o; // the reference moves
            } else {
              const r = abs.getAttr(o, name);
              stack[sp - 1] = null;
              stack[sp++] = r;
              f.sp = sp;
              decref(o);
            }
            break;
          }
          case Op.STORE_ATTR: {
            const o = stack[sp - 1]!;
            const v = stack[sp - 2]!;
            storeAttr(acaches, pc, o, names[arg], v);
            sp -= 2;
            stack[sp] = stack[sp + 1] = null;
            f.sp = sp;
            decref(v);
            decref(o);
            break;
          }
          case Op.BINARY_OP: {
            const b = stack[sp - 1]!;
            const a = stack[sp - 2]!;
            let r: PyObject | null = null;
            // BINARY_OP_ADD_INT / BINARY_OP_SUBTRACT_INT / BINARY_OP_MULTIPLY_INT (3.11's
            // specializations): + - * (and += -= *=) of exact ints within 2**53, the result
            // binaryOp would give (intMul: a product within 2**53 is exact in doubles; never -0)
            if (a.type === IntType && b.type === IntType && (arg === 0 || arg === 13 || arg === 10 || arg === 23 || arg === 5 || arg === 18)) {
              const x = (a as PyInt).v;
              const y = (b as PyInt).v;
              if (typeof x === 'number' && typeof y === 'number') {
                const z = arg === 0 || arg === 13 ? x + y : arg === 10 || arg === 23 ? x - y : x * y + 0;
                if (z <= Number.MAX_SAFE_INTEGER && z >= -Number.MAX_SAFE_INTEGER) r = newInt(z);
              }
            }
            if (r === null) r = abs.binaryOp(a, b, arg);
            stack[--sp] = null;
            stack[sp - 1] = r;
            f.sp = sp;
            decref(a);
            decref(b);
            break;
          }
          case Op.UNARY_NOT: {
            const a = stack[sp - 1]!;
            const r = newBool(!abs.isTrue(a));
            stack[sp - 1] = r;
            decref(a);
            break;
          }
          case Op.COMPARE_OP: {
            const b = stack[sp - 1]!;
            const a = stack[sp - 2]!;
            let r: PyObject | null = null;
            // COMPARE_OP_INT_JUMP's test (without the jump fusion): exact ints held as numbers
            if (a.type === IntType && b.type === IntType) {
              const x = (a as PyInt).v;
              const y = (b as PyInt).v;
              if (typeof x === 'number' && typeof y === 'number') {
                r = newBool(arg === Cmp.LT ? x < y : arg === Cmp.LE ? x <= y : arg === Cmp.EQ ? x === y : arg === Cmp.NE ? x !== y : arg === Cmp.GT ? x > y : x >= y);
              }
            }
            if (r === null) r = abs.richCompare(a, b, arg as Cmp);
            stack[--sp] = null;
            stack[sp - 1] = r;
            f.sp = sp;
            decref(a);
            decref(b);
            break;
          }
          case Op.IS_OP: {
            const b = stack[sp - 1]!;
            const a = stack[sp - 2]!;
            const r = newBool((a === b) !== (arg === 1));
            stack[--sp] = null;
            stack[sp - 1] = r;
            f.sp = sp;
            decref(a);
            decref(b);
            break;
          }
          case Op.CONTAINS_OP: {
            const container = stack[sp - 1]!;
            const item = stack[sp - 2]!;
            const r = newBool(abs.contains(container, item) !== (arg === 1));
            stack[--sp] = null;
            stack[sp - 1] = r;
            f.sp = sp;
            decref(item);
            decref(container);
            break;
          }
          case Op.BINARY_SUBSCR: {
            const k = stack[sp - 1]!;
            const o = stack[sp - 2]!;
            let r: PyObject;
            if (o.type === ListType && k.type === IntType && typeof (k as PyInt).v === 'number') {
              const l = o as PyList;
              let i = (k as PyInt).v as number;
              const n = l.raw.length;
              if (i < 0) i += n;
              if (i < 0 || i >= n) raise(excType('IndexError'), 'list index out of range');
              r = newRef(l.itemAt(i));
            } else r = abs.getItem(o, k);
            stack[--sp] = null;
            stack[sp - 1] = r;
            f.sp = sp;
            decref(o);
            decref(k);
            break;
          }
          case Op.STORE_SUBSCR: {
            const k = stack[sp - 1]!;
            const o = stack[sp - 2]!;
            const v = stack[sp - 3]!;
            if (o.type === DictType) (o as PyDict).setItem(k, v);
            else abs.setItem(o, k, v);
            sp -= 3;
            stack[sp] = stack[sp + 1] = stack[sp + 2] = null;
            f.sp = sp;
            decref(v);
            decref(o);
            decref(k);
            break;
          }
          case Op.BUILD_TUPLE: {
            const items = stack.slice(sp - arg, sp) as PyObject[];
            for (let i = sp - arg; i < sp; i++) stack[i] = null;
            sp -= arg;
            stack[sp++] = newTuple(items);
            break;
          }
          case Op.BUILD_LIST: {
            const items = stack.slice(sp - arg, sp) as PyObject[];
            for (let i = sp - arg; i < sp; i++) stack[i] = null;
            sp -= arg;
            stack[sp++] = newList(items);
            break;
          }
          case Op.BUILD_STRING: {
            const s = concatStrs(stack, sp - arg, sp);
            for (let i = sp - arg; i < sp; i++) {
              decref(stack[i]!);
              stack[i] = null;
            }
            sp -= arg;
            stack[sp++] = newStr(s);
            break;
          }
          case Op.LIST_APPEND: {
            const v = stack[--sp]!;
            stack[sp] = null;
            listAppend(stack[sp - arg] as PyList, v);
            break;
          }
          case Op.FORMAT_VALUE:
            sp = formatValue(f, stack, sp, arg);
            break;
          case Op.JUMP_FORWARD:
            pc = arg;
            break;
          case Op.JUMP_BACKWARD:
            if (code.warmup > 0 && jumpWarms(u, pc - 1)) code.warmup--;
            if (jitConfig.enabled && (st.onLine === null || jitConfig.underHooks || oneLineLoop(code, arg, pc - 1))) {
              // a hot loop runs compiled (jit.ts) from its head; also before the code is
              // quickened (a `while` loop with a test never warms its code up, as in CPython
              // 3.11): what differs before quickening is decided in the helpers both call
              const known = code.jitLoops !== null ? code.jitLoops[arg] : undefined;
              const loop = typeof known === 'function' ? (known as CompiledLoop) : loopFor(code, arg, pc - 1, sp, jitHelpers());
              if (loop !== null) {
                try {
                  pc = loop(f);
                } catch (e) {
                  pc = f.pc + 1; // (the failing instruction, for the handler below)
                  throw e;
                }
                if (pc < 0) return compiledReturn(f);
                sp = f.sp;
                break;
              }
            }
            pc = arg;
            if (--st.reentry === 0) {
              st.reentry = REENTRY;
              if (st.onLine === null) {
                f.pc = pc;
                f.sp = sp;
                return null;
              }
            }
            break;
          case Op.POP_JUMP_IF_FALSE:
          case Op.POP_JUMP_IF_TRUE: {
            const v = stack[sp - 1]!;
            const t = v === True ? true : v === False ? false : abs.isTrue(v);
            stack[--sp] = null;
            f.sp = sp;
            decref(v);
            if (t === (op === Op.POP_JUMP_IF_TRUE)) pc = arg;
            break;
          }
          case Op.POP_JUMP_IF_NONE:
          case Op.POP_JUMP_IF_NOT_NONE: {
            const v = stack[--sp]!;
            stack[sp] = null;
            f.sp = sp;
            decref(v);
            if ((v === None) === (op === Op.POP_JUMP_IF_NONE)) pc = arg;
            break;
          }
          case Op.JUMP_IF_FALSE_OR_POP:
          case Op.JUMP_IF_TRUE_OR_POP: {
            const v = stack[sp - 1]!;
            const t = abs.isTrue(v);
            if (t === (op === Op.JUMP_IF_TRUE_OR_POP)) pc = arg;
            else {
              stack[--sp] = null;
              f.sp = sp;
              decref(v);
            }
            break;
          }
          case Op.GET_ITER: {
            const o = stack[sp - 1]!;
            const it = abs.getIter(o);
            stack[sp - 1] = it;
            decref(o);
            break;
          }
          case Op.FOR_ITER: {
            const it = stack[sp - 1]!;
            let v: PyObject | null;
            if (it.type === ListIterType) {
              const li = it as PySeqIter;
              const seq = li.seq as PyList | null;
              if (seq && li.index < seq.raw.length) {
                v = iterItem(seq, li.index++);
                v.rc++;
              } else {
                v = null;
                li.exhaust();
              }
            } else if (it.type === RangeIterType) {
              const ri = it as PyRangeIter;
              if (ri.remaining > 0) {
                ri.remaining--;
                v = newInt(ri.next);
                ri.next += ri.step;
              } else v = null;
            } else if (it.type === GeneratorType) v = genNext(it as PyGenerator);
            else v = abs.iterNext(it);
            if (v === null) {
              stack[--sp] = null;
              f.sp = sp;
              decref(it);
              pc = arg;
            } else stack[sp++] = v;
            break;
          }
          case Op.KW_NAMES: {
            // the names are constants: one array per call site (callees only read it)
            kwnames = kwNamesOf(code, arg);
            break;
          }
          case Op.CALL: {
            const kw = kwnames;
            kwnames = null;
            const r = callInstr(f, stack, sp, arg, kw);
            sp -= arg + 2;
            stack[sp++] = r;
            break;
          }
          case Op.RETURN_VALUE: {
            const r = stack[--sp]!;
            stack[sp] = null;
            f.sp = sp;
            f.pc = pc;
            f.running = false;
            f.yielded = false;
            if (st.onFrameExit) st.onFrameExit(f, r, false);
            return r;
          }
          case Op.YIELD_VALUE: {
            const r = stack[--sp]!;
            stack[sp] = null;
            f.sp = sp;
            f.pc = pc;
            f.running = false;
            f.yielded = true;
            if (st.onFrameExit) st.onFrameExit(f, r, false);
            return r;
          }
          case Op.UNPACK_SEQUENCE:
            sp = unpackSequence(f, stack, sp, arg, pc);
            break;
          default:
            pc = coldOp(f, op, arg, pc);
            sp = f.sp;
            break;
        }
      }
    } catch (caught) {
      const err = asPyException(caught);
      const lasti = pc - 1;
      sp = f.sp;
      if (reraising) reraising = false;
      else onRaise(err, f, lasti);
      kwnames = null;
      const table = u.exceptionTable;
      const h = findHandler(table, lasti);
      if (h < 0) {
        // exception_unwind with no handler: the value stack is emptied, top first, before the
        // frame exits (its locals stay with the frame, which a traceback may keep)
        while (sp > 0) {
          const v = stack[--sp];
          stack[sp] = null;
          f.sp = sp;
          xdecref(v);
        }
        f.pc = pc; // (the instruction after the one that raised, as after a return)
        f.running = false;
        if (st.onFrameExit) st.onFrameExit(f, err, true);
        throwFrom(err);
      }
      const depth = table[h + 3];
      while (sp > depth) {
        const v = stack[--sp];
        stack[sp] = null;
        f.sp = sp;
        xdecref(v);
      }
      if (table[h + 4]) stack[sp++] = newInt(lasti);
      stack[sp++] = err;
      f.sp = sp;
      pc = table[h + 2];
    }
  }
}

/**
 * CALL's paths other than a Python function called with positional arguments that fit its
 * parameters (the one evalFrame keeps inline): outside the loop so that V8 compiles a smaller
 * dispatch loop and a first call of a new kind does not deoptimize it. The callable and the
 * arguments are in stack[base..sp) (f.sp === sp); on return they have been released (moved
 * or popped) and the caller's sp is `base`. Returns a new reference.
 */
function callOther(f: Frame, stack: (PyObject | null)[], base: number, start: number, nargs: number, sp: number, callable: PyObject, kw: string[] | null): PyObject {
  const st = vmState;
  let r: PyObject;
  let code: PyCode;
  let defs: PyTuple | null;
  let argc: number;
  let init: PyFunction | null;
  // a builtin function (len, isinstance, ...) or a builtin method bound to a module: the native
  // call below, without the tests before it (a bound method of an object has an owner)
  if (callable.type === BuiltinFunctionType && (callable as PyBuiltinFunction).owner === null) {
    if (callable === st.lenBuiltin && nargs === 1 && kw === null && f.code.warmup <= 0) {
      // PRECALL_NO_KW_LEN (3.11 Python/ceval.c): PyObject_Length without calling the builtin
      let n: number;
      st.native++;
      try {
        n = abs.length(stack[start]!);
      } finally {
        st.native--;
      }
      r = newInt(n);
      popCallStack(f, stack, base, sp);
      return r;
    }
    return callNative(f, stack, base, start, nargs, sp, callable, kw);
  }
  if (
    callable.type === MethodDescriptorType &&
    nargs === 2 &&
    kw === null &&
    callable instanceof PyBuiltinFunction &&
    callable.owner === ListType &&
    callable.self === null &&
    callable.name === 'append' &&
    stack[start]!.type === ListType
  ) {
    // PRECALL_NO_KW_LIST_APPEND: the argument's reference moves into the list, then
    // the list and the method are released as the generic call would (before
    // quickening, method_vectorcall_O's recursion check comes first: vm/warmup.ts)
    if (f.code.warmup > 0 && st.depth >= st.recursionLimit) {
      raise(excType('RecursionError'), 'maximum recursion depth exceeded while calling a Python object');
    }
    const x = stack[start + 1]!;
    stack[start + 1] = null;
    sp = start + 1;
    f.sp = sp;
    listAppend(stack[start] as PyList, x);
    popCallStack(f, stack, base, sp);
    r = newRef(None);
    return r;
  }
  if ((callable === StrType || callable === TypeType) && nargs === 1 && kw === null && start === base + 2 && f.code.warmup <= 0) {
    // PRECALL_NO_KW_STR_1 / PRECALL_NO_KW_TYPE_1 (3.11 Python/ceval.c): PyObject_Str, or the
    // argument's type, without the type call
    const arg = stack[start]!;
    if (callable === TypeType) r = newRef(arg.type);
    else {
      st.native++;
      try {
        r = abs.strObj(arg);
      } finally {
        st.native--;
      }
    }
    popCallStack(f, stack, base, sp);
    return r;
  }
  if (callable instanceof PyFunction && profile.callMovesArguments) {
    // the arguments and the function move into the new frame
    const args = stack.slice(start, start + nargs) as PyObject[];
    for (let i = base; i < sp; i++) stack[i] = null;
    f.sp = base;
    let nf: Frame;
    try {
      nf = makeFrame(callable, args, kw, true);
    } finally {
      decref(callable); // makeFrame took its own reference: the stack's moves in net
    }
    if (callable.code.unit.flags & 0x20) r = makeGenerator(nf);
    else r = runFrame(nf);
  } else if (
    callable instanceof PyType &&
    kw === null &&
    (init = plainInitOf(callable)) !== null &&
    (code = init.code).simpleArgs &&
    (code.unit.flags & 0x20) === 0 &&
    nargs < (argc = code.unit.argcount) &&
    (nargs + 1 === argc || ((defs = init.defaults) !== null && nargs + 1 >= argc - defs.items.length))
  ) {
    // a class with object.__new__ and a Python __init__ (typeCall's steps, specialized);
    // type_call through _PyObject_MakeTpCall counts a recursion level as the generic
    // path below does
    if (st.depth >= st.recursionLimit) {
      raise(excType('RecursionError'), 'maximum recursion depth exceeded while calling a Python object');
    }
    st.native++;
    st.depth++;
    try {
      r = callPlainClass(callable, init, stack as PyObject[], start, nargs);
    } finally {
      st.native--;
      st.depth--;
    }
    popCallStack(f, stack, base, sp);
  } else if (callable === SuperType && nargs === 0 && kw === null) {
    // super(): super_vectorcall's zero-argument form (a builtin type: no recursion level, no
    // argument tuple, and object.__init__ does nothing without arguments)
    st.native++;
    try {
      r = superNew(SuperType, NO_ARGS, null);
    } finally {
      st.native--;
    }
    popCallStack(f, stack, base, sp);
  } else r = callNative(f, stack, base, start, nargs, sp, callable, kw);
  return r;
}

/** a call of anything but a Python function through C: the arguments in a new array (after self
 * for a method descriptor called on an instance of its type), a recursion level where CPython's
 * call counts one */
function callNative(f: Frame, stack: (PyObject | null)[], base: number, start: number, nargs: number, sp: number, callable: PyObject, kw: string[] | null): PyObject {
  const st = vmState;
  let r: PyObject;
  // a method descriptor called on an instance of its type gets the arguments after
  // self (callBuiltin's call without the intermediate array)
  const unbound =
    callable instanceof PyBuiltinFunction &&
    callable.self === null &&
    callable.owner !== null &&
    nargs - (kw === null ? 0 : kw.length) >= 1 &&
    stack[start]!.type.isSubtype(callable.owner);
  const args = stack.slice(unbound ? start + 1 : start, start + nargs) as PyObject[];
  // a call through C that counts a recursion level (see callChecksRecursion)
  // (before quickening every builtin's generic call counts one: vm/warmup.ts)
  // (a method called with keyword arguments is never specialized in 3.11: specialize_method_
  // descriptor's SPEC_FAIL_CALL_KWNAMES; its vectorcall counts one, as list.sort(key=...)
  // recursing through the key)
  const level = callable instanceof PyBuiltinFunction ? (f.code.warmup > 0 || (kw !== null && isBuiltinMethod(callable)) ? 1 : builtinLevel(callable)) : callChecksRecursion(callable) ? 1 : 0;
  if (level && st.depth >= st.recursionLimit) {
    raise(excType('RecursionError'), 'maximum recursion depth exceeded while calling a Python object');
  }
  st.native++;
  st.depth += level;
  try {
    if (unbound) r = (callable as PyBuiltinFunction).fn(args, kw, stack[start]!);
    else if (callable instanceof PyBuiltinFunction) r = abs.callBuiltin(callable, args, kw);
    else r = abs.call(callable, args, kw);
  } finally {
    st.native--;
    st.depth -= level;
  }
  popCallStack(f, stack, base, sp);
  return r;
}

/**
 * The instructions that run rarely, outside evalFrame so that V8 compiles (and recompiles after
 * a deoptimization) a smaller dispatch loop. Works on f.stack and f.sp exactly as the loop does
 * (f.sp is current when it is called); returns the next pc.
 */
function coldOp(f: Frame, op: number, arg: number, pc: number): number {
  const code = f.code;
  const u = code.unit;
  const consts = code.consts;
  const names = u.names;
  const stack = f.stack;
  const fast = f.fast;
  const st = vmState;
  let sp = f.sp;
  switch (op) {
    case Op.LOAD_CLASSDEREF: {
      const name = u.localsplusNames[arg];
      const loc = f.locals!;
      const key = abs.strKey(name);
      if (loc.type === DictType) {
        const v = (loc as PyDict).getItem(key);
        if (v !== undefined) {
          v.rc++;
          stack[sp++] = v;
          break;
        }
      } else {
        const v = mappingGet(loc, key);
        if (v !== undefined) {
          stack[sp++] = v;
          break;
        }
      }
      const cv = (fast[arg] as PyCell).ref;
      if (cv === null) freeVarError(name);
      cv.rc++;
      stack[sp++] = cv;
      break;
    }
    case Op.DELETE_DEREF: {
      const cell = fast[arg] as PyCell;
      const old = cell.ref;
      if (old === null) unboundLocal(u.localsplusNames[arg]);
      cell.ref = null;
      decref(old);
      break;
    }
    case Op.STORE_GLOBAL: {
      const v = stack[sp - 1]!;
      f.globals.setItem(nameKey(names[arg]), v);
      stack[--sp] = null;
      f.sp = sp;
      decref(v);
      break;
    }
    case Op.DELETE_GLOBAL: {
      if (!f.globals.delItem(abs.strKey(names[arg]))) nameError(names[arg]);
      break;
    }
    case Op.DELETE_NAME: {
      const loc = f.locals!;
      const key = abs.strKey(names[arg]);
      if (loc.type === DictType) {
        if (!(loc as PyDict).delItem(key)) nameError(names[arg]);
      } else {
        // PyObject_DelItem; any error becomes the NameError (format_exc_check_arg clears it)
        try {
          abs.delItem(loc, key);
        } catch (e) {
          decref(asPyException(e));
          nameError(names[arg]);
        }
      }
      break;
    }
    case Op.DELETE_ATTR: {
      const o = stack[sp - 1]!;
      abs.setAttr(o, names[arg], null);
      stack[--sp] = null;
      f.sp = sp;
      decref(o);
      break;
    }
    case Op.UNARY_NEGATIVE:
    case Op.UNARY_POSITIVE:
    case Op.UNARY_INVERT: {
      const a = stack[sp - 1]!;
      const r = op === Op.UNARY_NEGATIVE ? abs.unaryNeg(a) : op === Op.UNARY_POSITIVE ? abs.unaryPos(a) : abs.unaryInvert(a);
      stack[sp - 1] = r;
      decref(a);
      break;
    }
    case Op.DELETE_SUBSCR: {
      const k = stack[sp - 1]!;
      const o = stack[sp - 2]!;
      abs.delItem(o, k);
      sp -= 2;
      stack[sp] = stack[sp + 1] = null;
      f.sp = sp;
      decref(o);
      decref(k);
      break;
    }
    case Op.BUILD_SLICE: {
      const step = arg === 3 ? stack[--sp]! : newRef(None);
      const stop = stack[--sp]!;
      const start = stack[--sp]!;
      const s = new PySlice(start, stop, step);
      gcNewTracked(s);
      stack[sp] = stack[sp + 1] = stack[sp + 2] = null;
      stack[sp++] = s;
      break;
    }
    case Op.BUILD_SET: {
      const s = newSet();
      stack[sp++] = s;
      f.sp = sp;
      for (let i = sp - 1 - arg; i < sp - 1; i++) s.add(stack[i]!);
      for (let i = sp - 1 - arg; i < sp - 1; i++) decref(stack[i]!);
      for (let i = sp - 1 - arg; i < sp; i++) stack[i] = null;
      sp -= arg + 1;
      stack[sp++] = s;
      break;
    }
    case Op.BUILD_MAP: {
      const d = newDict();
      const base = sp - 2 * arg;
      try {
        for (let i = 0; i < arg; i++) d.setItem(stack[base + 2 * i]!, stack[base + 2 * i + 1]!);
      } catch (e) {
        decref(d);
        throw e;
      }
      for (let i = base; i < sp; i++) {
        decref(stack[i]!);
        stack[i] = null;
      }
      sp = base;
      stack[sp++] = d;
      break;
    }
    case Op.BUILD_CONST_KEY_MAP: {
      const keys = stack[sp - 1] as PyTuple;
      const d = newDict();
      const base = sp - 1 - arg;
      try {
        for (let i = 0; i < arg; i++) d.setItem(keys.items[i], stack[base + i]!);
      } catch (e) {
        decref(d);
        throw e;
      }
      for (let i = base; i < sp; i++) {
        decref(stack[i]!);
        stack[i] = null;
      }
      sp = base;
      stack[sp++] = d;
      break;
    }
    case Op.SET_ADD: {
      const v = stack[sp - 1]!;
      (stack[sp - 1 - arg] as PySet).add(v);
      stack[--sp] = null;
      f.sp = sp;
      decref(v);
      break;
    }
    case Op.MAP_ADD: {
      const v = stack[sp - 1]!;
      const k = stack[sp - 2]!;
      (stack[sp - 2 - arg] as PyDict).setItem(k, v);
      sp -= 2;
      stack[sp] = stack[sp + 1] = null;
      f.sp = sp;
      decref(k);
      decref(v);
      break;
    }
    case Op.LIST_EXTEND: {
      const it = stack[sp - 1]!;
      const l = stack[sp - 1 - arg] as PyList;
      try {
        listExtend(l, it);
      } catch (e) {
        if (e instanceof PyBaseException && e.type === TypeErrorT && !abs.getIterOrNullSafe(it)) {
          decref(e);
          typeError(`Value after * must be an iterable, not ${it.type.name}`);
        }
        throw e;
      }
      stack[--sp] = null;
      f.sp = sp;
      decref(it);
      break;
    }
    case Op.SET_UPDATE: {
      const it = stack[sp - 1]!;
      const s = stack[sp - 1 - arg] as PySet;
      setUpdate(s, it);
      stack[--sp] = null;
      f.sp = sp;
      decref(it);
      break;
    }
    case Op.DICT_UPDATE:
    case Op.DICT_MERGE: {
      const m = stack[sp - 1]!;
      const d = stack[sp - 1 - arg] as PyDict;
      dictUpdate(d, m, op === Op.DICT_MERGE ? (stack[sp - 3 - arg] as PyObject) : null);
      stack[--sp] = null;
      f.sp = sp;
      decref(m);
      break;
    }
    case Op.LIST_TO_TUPLE: {
      const l = stack[sp - 1] as PyList;
      const t = newTuple(l.items.map(newRef));
      stack[sp - 1] = t;
      decref(l);
      break;
    }
    case Op.CALL_FUNCTION_EX: {
      const kwargs = arg & 1 ? stack[sp - 1] : null;
      const ai = arg & 1 ? sp - 2 : sp - 1;
      let callargs = stack[ai]!;
      const func = stack[ai - 1]!;
      if (!(callargs instanceof PyTuple)) {
        let items: PyObject[];
        try {
          items = abs.toArray(callargs);
        } catch (e) {
          if (e instanceof PyBaseException && e.type === TypeErrorT && !abs.getIterOrNullSafe(callargs)) {
            decref(e);
            typeError(`${funcDesc(func)} argument after * must be an iterable, not ${callargs.type.name}`);
          }
          throw e;
        }
        const t = newTuple(items);
        stack[ai] = t;
        decref(callargs);
        callargs = t;
      }
      let kwn: string[] | null = null;
      let args = (callargs as PyTuple).items;
      if (kwargs) {
        if (!(kwargs instanceof PyDict)) typeError(`${funcDesc(func)} argument after ** must be a mapping, not ${kwargs.type.name}`);
        const d = kwargs as PyDict;
        kwn = [];
        args = [...args];
        for (const [k, v] of d.entries()) {
          if (!(k instanceof PyStr)) typeError('keywords must be strings');
          kwn.push(k.v);
          args.push(v);
        }
      }
      st.native++;
      let r: PyObject;
      // _PyStack_UnpackDict: with keyword arguments every argument gets a temporary reference
      const unpack = kwn !== null && kwn.length > 0 && (func instanceof PyFunction || func instanceof PyMethod || func instanceof PyBuiltinFunction);
      if (unpack) for (const x of args) incref(x);
      try {
        r = abs.call(func, args, kwn);
      } finally {
        st.native--;
        if (unpack) for (const x of args) decref(x);
      }
      const base = ai - 2;
      for (let i = sp - 1; i >= base; i--) {
        const x = stack[i];
        stack[i] = null;
        sp = i;
        f.sp = sp;
        xdecref(x);
      }
      sp = base;
      stack[sp++] = r;
      break;
    }
    case Op.MAKE_FUNCTION: {
      const c = stack[--sp] as PyCode;
      stack[sp] = null;
      const fn = new PyFunction(c, f.globals);
      f.globals.rc++;
      const modname = f.globals.getStr(abs.strKey('__name__'));
      if (modname) fn.module = newRef(modname);
      if (c.consts.length && c.consts[0].type === StrType && c.unit.name !== '<lambda>') fn.doc = newRef(c.consts[0]);
      if (arg & 8) {
        fn.closure = stack[--sp] as PyTuple;
        stack[sp] = null;
      }
      if (arg & 4) {
        fn.annotations = stack[--sp];
        stack[sp] = null;
      }
      if (arg & 2) {
        fn.kwdefaults = stack[--sp] as PyDict;
        stack[sp] = null;
      }
      if (arg & 1) {
        fn.defaults = stack[--sp] as PyTuple;
        stack[sp] = null;
      }
      gcNewTracked(fn);
      stack[sp++] = fn;
      break;
    }
    case Op.RAISE_VARARGS: {
      if (arg === 0) {
        const cur = topmostException();
        if (!cur || cur === None) raise(RuntimeError, 'No active exception to reraise');
        incref(cur);
        reraising = true;
        throw cur;
      }
      let cause: PyObject | null = null;
      if (arg === 2) {
        cause = stack[--sp]!;
        stack[sp] = null;
      }
      const x = stack[--sp]!;
      stack[sp] = null;
      f.sp = sp;
      let exc: PyBaseException;
      try {
        exc = makeRaisable(x);
      } finally {
        decref(x);
      }
      if (cause) {
        let c: PyObject | null;
        if (cause === None) c = null;
        else if (cause instanceof PyType) {
          if (!cause.isSubtype(BaseException)) {
            decref(cause);
            decref(exc);
            typeError('exception causes must derive from BaseException');
          }
          c = abs.call(cause, [], null);
          decref(cause);
        } else if (cause instanceof PyBaseException) c = cause;
        else {
          decref(cause);
          decref(exc);
          typeError('exception causes must derive from BaseException');
        }
        xdecref(exc.cause);
        exc.cause = c;
        exc.suppressContext = true;
      }
      throw exc;
    }
    case Op.RERAISE: {
      const exc = stack[--sp]!;
      stack[sp] = null;
      f.sp = sp;
      reraising = true;
      throw exc;
    }
    case Op.PUSH_EXC_INFO: {
      const v = stack[sp - 1]!;
      const prev = st.excInfo ?? newRef(None);
      st.excInfo = newRef(v);
      stack[sp - 1] = prev;
      stack[sp++] = v;
      break;
    }
    case Op.POP_EXCEPT: {
      const prev = stack[--sp]!;
      stack[sp] = null;
      const cur = st.excInfo;
      st.excInfo = prev === None ? (decref(prev), null) : prev;
      f.sp = sp;
      xdecref(cur);
      break;
    }
    case Op.CHECK_EXC_MATCH: {
      const t = stack[sp - 1]!;
      const exc = stack[sp - 2]!;
      checkExcType(t);
      const r = newBool(excMatches(exc, t));
      stack[sp - 1] = r;
      decref(t);
      break;
    }
    case Op.CHECK_EG_MATCH: {
      // [exc, type] -> [rest, match], or [exc, None] (check_except_star_type_valid,
      // exception_group_match)
      const t = stack[sp - 1]!;
      checkExcType(t);
      checkExceptStarType(t);
      stack[--sp] = null;
      f.sp = sp;
      const exc = stack[sp - 1]!;
      let pair: [PyObject, PyObject];
      try {
        pair = exceptionGroupMatch(exc, t);
      } finally {
        decref(t);
      }
      const [match, rest] = pair;
      if (match === None) {
        stack[sp++] = match;
        decref(rest);
      } else {
        // a total or partial match: [rest, match], and the match is the exception being handled
        // (PyErr_SetExcInfo)
        stack[sp - 1] = rest;
        stack[sp++] = match;
        const old = st.excInfo;
        st.excInfo = newRef(match);
        xdecref(old);
        decref(exc);
      }
      f.sp = sp;
      break;
    }
    case Op.PREP_RERAISE_STAR: {
      const excs = stack[sp - 1]!;
      const orig = stack[sp - 2]!;
      const val = prepReraiseStar(orig, excs as PyList);
      stack[--sp] = null;
      stack[sp - 1] = val;
      f.sp = sp;
      decref(excs);
      decref(orig);
      break;
    }
    case Op.BEFORE_WITH: {
      const mgr = stack[sp - 1]!;
      const enter = abs.typeLookup(mgr.type, '__enter__');
      const exit = abs.typeLookup(mgr.type, '__exit__');
      if (!enter || !exit) {
        typeError(`'${mgr.type.name}' object does not support the context manager protocol`);
      }
      // _PyObject_LookupSpecial binds both; the manager itself is released before
      // __enter__ runs (the bound methods keep it alive)
      const boundEnter = bindMethod(enter, mgr);
      const boundExit = bindMethod(exit, mgr);
      stack[sp - 1] = boundExit;
      f.sp = sp;
      decref(mgr);
      let res: PyObject;
      st.native++;
      try {
        res = abs.call(boundEnter, [], null);
      } finally {
        st.native--;
        decref(boundEnter);
      }
      stack[sp++] = res;
      break;
    }
    case Op.WITH_EXCEPT_START: {
      const exc = stack[sp - 1] as PyBaseException;
      const exit = stack[sp - 4]!;
      const tb = exc.traceback ?? None;
      const r = abs.call(exit, [exc.type, exc, tb], null);
      stack[sp++] = r;
      break;
    }
    case Op.UNPACK_EX: {
      const before = arg & 0xff;
      const after = arg >> 8;
      const seq = stack[sp - 1]!;
      const items = unpackIterable(seq, before, after);
      stack[--sp] = null;
      for (let i = items.length - 1; i >= 0; i--) stack[sp++] = items[i];
      f.sp = sp;
      decref(seq);
      break;
    }
    case Op.IMPORT_NAME: {
      const fromlist = stack[sp - 1]!;
      const level = stack[sp - 2]!;
      // PyImport_ImportModuleLevelObject: without a fromlist, `import a.b` binds the
      // top-level package (every prefix is imported first)
      const lv = level instanceof PyInt ? Number(level.v) : 0;
      const full = lv > 0 ? resolveRelativeName(f, names[arg], lv) : names[arg];
      let m: PyObject;
      if (fromlist === None && full.includes('.')) {
        const parts = full.split('.');
        m = st.importModule!(parts[0], f);
        try {
          for (let i = 2; i <= parts.length; i++) decref(st.importModule!(parts.slice(0, i).join('.'), f));
        } catch (e) {
          decref(m); // (a submodule failed: the top-level module is not bound)
          throw e;
        }
      } else m = st.importModule!(full, f);
      sp -= 2;
      stack[sp] = stack[sp + 1] = null;
      f.sp = sp;
      decref(fromlist);
      decref(level);
      stack[sp++] = m;
      break;
    }
    case Op.IMPORT_FROM: {
      const m = stack[sp - 1]!;
      const name = names[arg];
      let v = abs.lookupAttr(m, name);
      // (_handle_fromlist: `from package import submodule` imports the submodule)
      if (!v && m instanceof PyModule && moduleInit(`${m.name}.${name}`)) {
        decref(st.importModule!(`${m.name}.${name}`, f));
        v = abs.lookupAttr(m, name);
      }
      if (!v) {
        // (_handle_fromlist: a package's submodule is imported; here, a standard one)
        if (m instanceof PyModule && STDLIB_SUBMODULES.has(`${m.name}.${name}`)) {
          stack[sp++] = st.importModule!(`${m.name}.${name}`, f);
          break;
        }
        if (m instanceof PyModule) abs.checkStdlibAttr(m, name);
        const mn = m instanceof PyModule ? m.name : '?';
        raise(ImportError, `cannot import name '${name}' from '${mn}' (unknown location)`, { name: newStr(mn) });
      }
      stack[sp++] = v;
      break;
    }
    case Op.IMPORT_STAR: {
      // (Python/ceval.c 3.11 IMPORT_STAR: the module is popped first, decref'd after the stores)
      const m = stack[--sp]!;
      stack[sp] = null;
      f.sp = sp;
      try {
        importAllFrom(m, (k, v) => storeName(f, k, v));
      } finally {
        decref(m);
      }
      break;
    }
    case Op.LOAD_BUILD_CLASS: {
      const bc = st.builtins!.getStr(abs.strKey('__build_class__'));
      if (!bc) raise(NameError, '__build_class__ not found');
      bc.rc++;
      stack[sp++] = bc;
      break;
    }
    case Op.GET_YIELD_FROM_ITER: {
      const o = stack[sp - 1]!;
      if (!(o instanceof PyGenerator)) {
        const it = abs.getIter(o);
        stack[sp - 1] = it;
        decref(o);
      }
      break;
    }
    case Op.SEND: {
      const v = stack[sp - 1]!;
      const it = stack[sp - 2]!;
      let r: PyObject | null;
      let retval: PyObject | null = null;
      if (it instanceof PyGenerator) {
        const res = genSend(it, v);
        if (res.done) {
          r = null;
          retval = res.value;
        } else r = res.value;
      } else if (v === None) {
        r = abs.iterNext(it);
        if (!r) retval = newRef(None);
      } else {
        try {
          {
            const sendm = abs.getAttrOf(it, 'send');
            try {
              r = abs.call(sendm, [v], null);
            } finally {
              decref(sendm);
            }
          }
        } catch (e) {
          if (e instanceof PyBaseException && e.type.isSubtype(StopIteration)) {
            retval = newRef(e.args.items[0] ?? None);
            decref(e);
            r = null;
          } else throw e;
        }
      }
      if (r === null) {
        sp -= 2;
        stack[sp] = stack[sp + 1] = null;
        f.sp = sp;
        decref(v);
        decref(it);
        stack[sp++] = retval!;
        pc = arg;
      } else {
        stack[sp - 1] = r;
        decref(v);
      }
      break;
    }
    case Op.LOAD_ASSERTION_ERROR:
      AssertionErrorT.rc++;
      stack[sp++] = AssertionErrorT;
      break;
    case Op.SETUP_ANNOTATIONS: {
      const loc = f.locals!;
      const k = abs.strKey('__annotations__');
      if (loc.type === DictType) {
        if ((loc as PyDict).getStr(k) !== undefined) break;
      } else {
        const a = mappingGet(loc, k);
        if (a !== undefined) {
          decref(a);
          break;
        }
      }
      const d = newDict();
      try {
        storeName(f, nameKey('__annotations__'), d);
      } finally {
        decref(d);
      }
      break;
    }
    case Op.MATCH_SEQUENCE:
    case Op.MATCH_MAPPING: {
      const x = stack[sp - 1]!;
      stack[sp++] = newBool(op === Op.MATCH_SEQUENCE ? matchIsSequence(x) : matchIsMapping(x));
      break;
    }
    case Op.GET_LEN: {
      const x = stack[sp - 1]!;
      stack[sp++] = newInt(abs.length(x));
      break;
    }
    case Op.MATCH_CLASS: {
      if (arg === 0 || arg >= 3) {
        const cls = stack[sp - 1]!;
        const x = stack[sp - 2]!;
        if (!(cls instanceof PyType)) typeError('called match pattern must be a class');
        const ok = x.type.isSubtype(cls);
        // match_class: a subject of the class, then the positional sub-patterns against what
        // __match_args__ allows, before any attribute is read
        if (ok && arg >= 3) matchArgName(cls, x, arg - 4);
        const r = newBool(ok);
        sp -= 2;
        stack[sp] = stack[sp + 1] = null;
        f.sp = sp;
        decref(x);
        decref(cls);
        stack[sp++] = r;
      } else {
        let x: PyObject;
        let name: string | null;
        if (arg === 1) {
          const i = Number((stack[sp - 1] as PyInt).v);
          const cls = stack[sp - 2] as PyType;
          x = stack[sp - 3]!;
          name = matchArgName(cls, x, i);
          sp -= 3;
          decref(stack[sp + 1]!);
          decref(stack[sp + 2]!);
          stack[sp + 1] = stack[sp + 2] = null;
        } else {
          name = (stack[sp - 1] as PyStr).v;
          x = stack[sp - 2]!;
          sp -= 2;
          decref(stack[sp + 1]!);
          stack[sp + 1] = null;
        }
        stack[sp] = null;
        f.sp = sp;
        const v = name === null ? newRef(x) : abs.lookupAttr(x, name);
        decref(x);
        stack[sp++] = v ?? newRef(None);
        stack[sp++] = newBool(v !== null);
      }
      break;
    }
    case Op.COPY_DICT_WITHOUT_KEYS: {
      const keys = stack[sp - 1] as PyTuple;
      const m = stack[sp - 2]!;
      const d = newDict();
      for (const k of abs.toArray(m)) {
        if (!keys.items.some((x) => abs.richCompareBool(x, k, Cmp.EQ))) {
          const v = abs.getItem(m, k);
          d.setItem(k, v);
          decref(v);
        }
        decref(k);
      }
      sp -= 2;
      stack[sp] = stack[sp + 1] = null;
      f.sp = sp;
      decref(keys);
      decref(m);
      stack[sp++] = d;
      break;
    }
    default:
      throw new Unsupported(`opcode ${op}`);
  }
  f.sp = sp;
  return pc;
}

// Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING (3.10+ pattern matching)
function matchIsSequence(x: PyObject): boolean {
  const n = x.type.mro.map((t) => t.name);
  if (n.includes('str') || n.includes('bytes') || n.includes('bytearray')) return false;
  return n.includes('list') || n.includes('tuple') || n.includes('range') || n.includes('collections.deque') || n.includes('memoryview');
}
function matchIsMapping(x: PyObject): boolean {
  return x.type.mro.some((t) => t.name === 'dict' || t.name === 'OrderedDict' || t.name === 'defaultdict' || t.name === 'Counter');
}
const SELF_MATCHING = new Set(['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple']);
/** The attribute a positional class sub-pattern reads (null = the subject itself). */
function matchArgName(cls: PyType, x: PyObject, i: number): string | null {
  const ma = abs.lookupAttr(cls, '__match_args__');
  if (!ma) {
    // _Py_TPFLAGS_MATCH_SELF: one positional sub-pattern, matched against the subject itself
    const self = cls.mro.some((t) => SELF_MATCHING.has(t.name) && !(t.flags & TypeFlags.HEAPTYPE));
    if (i === 0 && self) return null;
    typeError(`${cls.name}() accepts ${self ? '1 positional sub-pattern' : '0 positional sub-patterns'} (${i + 1} given)`);
  }
  try {
    if (!(ma instanceof PyTuple)) typeError(`${cls.name}.__match_args__ must be a tuple (got ${ma.type.name})`);
    if (i >= ma.items.length) typeError(`${cls.name}() accepts ${ma.items.length} positional sub-pattern${ma.items.length === 1 ? '' : 's'} (${i + 1} given)`);
    const nm = ma.items[i];
    if (!(nm instanceof PyStr)) typeError(`__match_args__ elements must be strings (got ${nm.type.name})`);
    void x;
    return nm.v;
  } finally {
    decref(ma);
  }
}

/**
 * Errors that native helpers throw as JS values become the Python exceptions CPython raises at
 * the same point: FormatError / NumErr carry their Python type, a JS stack overflow is a
 * RecursionError, an impossible allocation a MemoryError. Anything else is an internal error.
 */
function asPyException(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (e instanceof NumErr) return numErrException(excType(e.pyType), e);
  if (e instanceof FormatError) return newException(excType(e.pyType), e.message);
  if (e instanceof RangeError) {
    // (no regular expression here: compiling one needs stack, which may just have run out)
    const m = e.message.toLowerCase();
    if (m.includes('call stack')) {
      jsStack.overflows++;
      return newException(excType('RecursionError'), 'maximum recursion depth exceeded');
    }
    if (m.includes('length') || m.includes('size') || m.includes('allocation')) return newException(excType('MemoryError'), null);
  }
  throw e;
}

function excType(name: string): PyType {
  return abs.excTypeByName(name);
}

function nameKey(name: string): PyObject {
  return abs.nameKeyObj(name);
}

function asciiOf(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 128) out += ch;
    else if (c < 256) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 65536) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

/** _PyObject_FunctionStr */
function funcDesc(func: PyObject): string {
  if (func instanceof PyFunction) {
    const mod = func.module instanceof PyStr && func.module.v !== 'builtins' ? func.module.v + '.' : '';
    return `${mod}${func.qualname}()`;
  }
  if (func instanceof PyBuiltinFunction) return `${func.name}()`;
  if (func instanceof PyType) return `${func.name}()`;
  return `${func.type.name} object`;
}

/** _PyObject_GetMethod: the unbound function when a call needs no bound-method object. */
function bindMethod(f: PyObject, self: PyObject): PyObject {
  if (f instanceof PyFunction) {
    const m = new PyMethod(f, self);
    gcNewTracked(m);
    return m;
  }
  return abs.bindDescr(f, self);
}

function checkExcType(t: PyObject): void {
  if (t instanceof PyTuple) {
    for (const x of t.items) checkExcType(x);
    return;
  }
  if (!(t instanceof PyType) || !t.isSubtype(BaseException)) {
    typeError('catching classes that do not inherit from BaseException is not allowed');
  }
}

export function excMatches(exc: PyObject, t: PyObject): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => excMatches(exc, x));
  return t instanceof PyType && exc.type.isSubtype(t);
}

function unpackIterable(seq: PyObject, before: number, after: number): PyObject[] {
  const it = abs.getIterOrNull(seq);
  if (!it) typeError(`cannot unpack non-iterable ${seq.type.name} object`);
  const out: PyObject[] = [];
  try {
    for (let i = 0; i < before; i++) {
      const x = abs.iterNext(it);
      if (!x) {
        if (after === -1) raise(excType('ValueError'), `not enough values to unpack (expected ${before}, got ${i})`);
        raise(excType('ValueError'), `not enough values to unpack (expected at least ${before + after}, got ${i})`);
      }
      out.push(x);
    }
    if (after === -1) {
      const x = abs.iterNext(it);
      if (x) {
        decref(x);
        raise(excType('ValueError'), `too many values to unpack (expected ${before})`);
      }
      return out;
    }
    const rest: PyObject[] = [];
    for (;;) {
      const x = abs.iterNext(it);
      if (!x) break;
      rest.push(x);
    }
    if (rest.length < after) {
      for (const x of rest) decref(x);
      raise(excType('ValueError'), `not enough values to unpack (expected at least ${before + after}, got ${before + rest.length})`);
    }
    const starred = rest.slice(0, rest.length - after);
    const tail = rest.slice(rest.length - after);
    out.push(newList(starred));
    out.push(...tail);
    return out;
  } catch (e) {
    for (const x of out) decref(x);
    throw e;
  } finally {
    decref(it);
  }
}

function setUpdate(s: PySet, it: PyObject): void {
  if (it instanceof PySet) {
    s.t.update(it.t);
    return;
  }
  if (it instanceof PyDict && it.type === DictType) {
    s.t.update(it.t);
    return;
  }
  const items = abs.toArray(it);
  try {
    for (const x of items) s.add(x);
  } finally {
    for (const x of items) decref(x);
  }
}

function dictUpdate(d: PyDict, m: PyObject, func: PyObject | null): void {
  if (m instanceof PyDict) {
    for (const [k, v] of m.entries()) {
      // DICT_MERGE (_PyDict_MergeEx override=2, format_kwargs_error): a key seen twice is an
      // error naming it; a key that is not a str passes, and the call reports it
      if (func && d.getItem(k) !== undefined) typeError(`${funcDesc(func)} got multiple values for keyword argument '${abs.str(k)}'`);
      d.setItem(k, v);
    }
    return;
  }
  const keysFn = abs.lookupAttr(m, 'keys');
  if (!keysFn) {
    if (func) typeError(`${funcDesc(func)} argument after ** must be a mapping, not ${m.type.name}`);
    typeError(`'${m.type.name}' object is not a mapping`);
  }
  const keys = abs.call(keysFn, [], null);
  decref(keysFn);
  const ks = abs.toArray(keys);
  decref(keys);
  for (const k of ks) {
    const v = abs.getItem(m, k);
    d.setItem(k, v);
    decref(v);
    decref(k);
  }
}

// ------------------------------------------------------------------ generators
export interface SendResult {
  done: boolean;
  value: PyObject;
}

/** gen_send_ex: resume the generator with `v` (borrowed). */
export function genSend(g: PyGenerator, v: PyObject, exc: PyBaseException | null = null): SendResult {
  const value = genResume(g, v, exc);
  return { done: genReturned, value };
}

/** genResume's second result: the generator returned (or was finished) instead of yielding. */
let genReturned = false;

/** gen_send_ex without a result object: the value yielded or returned (a new reference);
 * genReturned says which. */
function genResume(g: PyGenerator, v: PyObject, exc: PyBaseException | null): PyObject {
  if (g.running) raise(excType('ValueError'), 'generator already executing');
  const f = g.frame;
  if (g.finished) {
    if (exc) throw exc;
    genReturned = true;
    return newRef(None);
  }
  if (!g.started && v !== None && !exc) {
    typeError("can't send non-None value to a just-started generator");
  }
  if (g.started && !exc) {
    v.rc++;
    f.stack[f.sp++] = v;
  }
  const st = vmState;
  if (st.depth >= st.recursionLimit) raise(excType('RecursionError'), 'maximum recursion depth exceeded');
  g.started = true;
  g.running = true;
  st.depth++;
  f.back = st.current;
  st.current = f;
  // gen_send_ex2: the generator's exc_info slot goes on top of the thread's while it runs
  st.excOuter.push(st.excInfo);
  st.excInfo = g.excState;
  g.excState = null;
  try {
    let r: PyObject;
    if (exc) r = throwIntoFrame(f, exc);
    else r = evalFrame(f);
    if (f.yielded) {
      genReturned = false;
      return r;
    }
    g.finished = true;
    finishGenFrame(g);
    genReturned = true;
    return r;
  } catch (e) {
    g.finished = true;
    finishGenFrame(g);
    if (e instanceof PyBaseException && e.type.isSubtype(StopIteration)) {
      const re = newException(RuntimeError, 'generator raised StopIteration');
      re.cause = e;
      re.context = newRef(e);
      re.suppressContext = true;
      throw re;
    }
    throw e;
  } finally {
    g.running = false;
    st.current = f.back;
    f.back = null;
    st.depth--;
    // the caller's exc_info back; a suspended generator keeps its own, a finished one drops it
    const mine = st.excInfo;
    st.excInfo = st.excOuter.pop()!;
    if (g.finished) xdecref(mine);
    else g.excState = mine;
  }
}

function finishGenFrame(g: PyGenerator): void {
  finishFrame(g.frame);
}

/** Raise `exc` (owned) at the point where the frame is suspended. */
function throwIntoFrame(f: Frame, exc: PyBaseException): PyObject {
  // emulate: the instruction that raised is the yield that suspended the frame
  const u = f.code.unit;
  const lasti = f.pc - 1;
  onRaise(exc, f, lasti);
  const table = u.exceptionTable;
  const h = findHandler(table, lasti);
  if (h < 0) {
    f.running = false;
    throw exc;
  }
  const depth = table[h + 3];
  while (f.sp > depth) {
    const v = f.stack[--f.sp];
    f.stack[f.sp] = null;
    xdecref(v);
  }
  if (table[h + 4]) f.stack[f.sp++] = newInt(lasti);
  f.stack[f.sp++] = exc;
  f.pc = table[h + 2];
  // a throw resumes at the handler, not through RESUME: no warm-up step
  if (f.code.warmup > 0) f.code.warmup++;
  return evalFrame(f);
}

export function genNext(g: PyGenerator): PyObject | null {
  const r = genResume(g, None, null);
  if (genReturned) {
    decref(r);
    return null;
  }
  return r;
}

/** gen.throw(exc) (`exc` owned). `raw`: gen.throw's own arguments, which a sub-iterator's throw
 * method is called with (default: the exception). */
export function genThrow(g: PyGenerator, exc: PyBaseException, raw: PyObject[] | null = null): SendResult {
  if (!g.started) {
    g.started = true;
    g.finished = true;
    finishGenFrame(g);
    throw exc;
  }
  const yf = yieldFromOf(g);
  if (yf === null) return genSend(g, None, exc);
  // _gen_throw: a generator suspended in `yield from` hands the exception to its sub-iterator
  if (exc.type.isSubtype(abs.excTypeByName('GeneratorExit'))) {
    // the sub-iterator is closed, then GeneratorExit (or what closing it raised) goes in here
    const err = closeSubIterator(g, yf);
    if (err !== null) {
      decref(exc);
      exc = err;
    }
    return genSend(g, None, exc);
  }
  yf.rc++;
  g.running = true;
  let sub: SendResult | null = null; // what the sub-iterator yielded or returned
  let raised: PyBaseException | null = null; // or raised
  let here = false; // an iterator without throw(): the exception goes in here
  try {
    if (yf instanceof PyGenerator && yf.type === GeneratorType) sub = genThrow(yf, exc, raw);
    else {
      let meth: PyObject | null = null;
      try {
        meth = abs.getAttr(yf, 'throw');
      } catch (e) {
        if (!(e instanceof PyBaseException && e.type.isSubtype(abs.excTypeByName('AttributeError')))) throw e;
        decref(e);
        here = true;
      }
      if (meth !== null) {
        try {
          sub = { done: false, value: abs.call(meth, raw ?? [exc], null) };
        } finally {
          decref(meth);
          decref(exc);
        }
      }
    }
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    raised = e;
  } finally {
    g.running = false;
    decref(yf);
  }
  if (here) return genSend(g, None, exc);
  if (sub !== null && !sub.done) return sub;
  // the sub-iterator ended: it leaves the stack, and the frame goes on after the `yield from`
  // loop (at SEND's target) with the value it returned, or with what it raised
  const f = g.frame;
  const it = f.stack[--f.sp]!;
  f.stack[f.sp] = null;
  decref(it);
  f.pc = f.code.unit.code[((f.pc - 2) << 1) + 1];
  let value: PyObject;
  if (raised === null) value = sub!.value;
  else if (raised.type.isSubtype(StopIteration)) {
    value = newRef(raised.args.items[0] ?? None);
    decref(raised);
  } else return genSend(g, None, raised);
  try {
    return genSend(g, value);
  } finally {
    decref(value);
  }
}

/** _PyGen_yf: the sub-iterator of the `yield from` (or await) the generator is suspended in,
 * borrowed from its stack, or null (RefScope's YIELD_VALUE of a `yield from` follows its SEND) */
function yieldFromOf(g: PyGenerator): PyObject | null {
  if (!g.started || g.finished) return null;
  const f = g.frame;
  if (f.pc < 2 || f.code.unit.code[(f.pc - 2) << 1] !== Op.SEND) return null;
  return f.stack[f.sp - 1];
}

/** gen_close_iter on `yf` while `g` counts as running (gi_frame_state = FRAME_EXECUTING): what
 * closing it raised, or null */
function closeSubIterator(g: PyGenerator, yf: PyObject): PyBaseException | null {
  yf.rc++;
  g.running = true;
  try {
    closeIter(yf);
    return null;
  } catch (e) {
    if (e instanceof PyBaseException) return e;
    throw e;
  } finally {
    g.running = false;
    decref(yf);
  }
}

/** gen_close_iter: close() a generator, or call the sub-iterator's own close method if it has one */
function closeIter(yf: PyObject): void {
  if (yf instanceof PyGenerator && yf.type === GeneratorType) {
    genClose(yf);
    return;
  }
  let meth: PyObject;
  try {
    meth = abs.getAttr(yf, 'close');
  } catch (e) {
    // (_PyObject_LookupAttr: no such attribute is no close to call)
    if (e instanceof PyBaseException && e.type.isSubtype(abs.excTypeByName('AttributeError'))) {
      decref(e);
      return;
    }
    throw e;
  }
  try {
    decref(abs.call(meth, [], null));
  } finally {
    decref(meth);
  }
}

/**
 * Whether gen.close() would run none of the generator's code: it finished, never started, or is
 * suspended at a yield that no handler covers (GeneratorExit leaves the frame at once), and its
 * code has no `yield from` (closing one closes the sub-iterator first, whatever it is).
 */
export function closesSilently(g: PyGenerator): boolean {
  if (g.finished || !g.started) return true;
  if (g.running) return false;
  const f = g.frame;
  const u = f.code.unit;
  if (findHandler(u.exceptionTable, f.pc - 1) >= 0) return false;
  const ins = u.code;
  for (let i = 0; i < ins.length; i += 2) if (ins[i] === Op.SEND) return false;
  return true;
}

/** gen.close(): throw GeneratorExit; a yield in response is a RuntimeError. */
export function genClose(g: PyGenerator): void {
  if (g.finished) return;
  if (!g.started) {
    g.finished = true;
    finishGenFrame(g);
    return;
  }
  // gen_close: a generator suspended in `yield from` closes its sub-iterator first
  // (gen_close_iter); an error from that is what is thrown in, instead of GeneratorExit
  const yf = yieldFromOf(g);
  let ge = yf !== null ? closeSubIterator(g, yf) : null;
  if (ge === null) ge = newException(abs.excTypeByName('GeneratorExit'), null);
  try {
    const r = genSend(g, None, ge);
    decref(r.value);
    if (!r.done) raise(RuntimeError, 'generator ignored GeneratorExit');
  } catch (e) {
    if (e instanceof PyBaseException && (e.type.isSubtype(abs.excTypeByName('GeneratorExit')) || e.type.isSubtype(StopIteration))) {
      decref(e);
      return;
    }
    throw e;
  }
}

void PyCell;
void newCell;
void callFunction;
void EmptyTuple;
void internStr;
void NotImplemented;
void SystemError;

/** Whether CPython 3.11's (specialized) CALL of this object counts a C-level recursion level
 *  (`_Py_EnterRecursiveCallTstate(" while calling a Python object")` in cfunction_enter_call,
 *  method_vectorcall_*, _PyObject_MakeTpCall). The specialized PRECALL_NO_KW_LEN / _ISINSTANCE /
 *  _LIST_APPEND / _TYPE_1 / _STR_1 / _TUPLE_1 do not, nor do builtin types with a vectorcall. */
/** CALL's tail: the callable and the arguments left on the stack are released from the top
 * down, each slot emptied and f.sp lowered before its release (a __del__ that runs may look at
 * the frame). The caller then sets its sp to `base`. */
function popCallStack(f: Frame, stack: (PyObject | null)[], base: number, sp: number): void {
  for (let i = sp - 1; i >= base; i--) {
    const x = stack[i];
    stack[i] = null;
    f.sp = i;
    xdecref(x);
  }
}

/** callChecksRecursion of a builtin, decided once per function object */
function builtinLevel(bf: PyBuiltinFunction): number {
  const level = bf.level;
  return level >= 0 ? level : (bf.level = callChecksRecursion(bf) ? 1 : 0);
}

/** a method of a builtin type (a descriptor, or bound to an object that is not a module) */
function isBuiltinMethod(c: PyBuiltinFunction): boolean {
  return c.owner !== null || (c.self !== null && !(c.self instanceof PyModule));
}

function callChecksRecursion(c: PyObject): boolean {
  if (c instanceof PyBuiltinFunction) {
    const n = c.name;
    if (isBuiltinMethod(c)) {
      if (n === 'append' && (c.owner === ListType || c.self?.type === ListType)) return false;
      return !FASTCALL_METHODS.has(n);
    }
    return !FASTCALL_BUILTINS.has(n);
  }
  if (c instanceof PyType) return (c.flags & TypeFlags.HEAPTYPE) !== 0;
  // an instance of a Python class (slot_tp_call) or of a C type without vectorcall: the call
  // goes through _PyObject_MakeTpCall, which counts a level (a recursive __call__ or lru_cache
  // function uses two per call)
  return (c.type.flags & TypeFlags.HEAPTYPE) !== 0 || c.type.makeTpCall;
}
// METH_FASTCALL builtins and methods (Python/clinic/bltinmodule.c.h, Objects/clinic/*.c.h):
// their specialized calls (PRECALL_BUILTIN_FAST, PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST, ...) do
// not count a level; METH_O, METH_NOARGS and METH_VARARGS ones do.
const FASTCALL_BUILTINS = new Set(['len', 'isinstance', 'issubclass', 'print', 'sorted', 'iter', 'next', 'getattr', 'setattr', 'hasattr', 'delattr', 'divmod', 'pow', 'round', 'sum', 'format', 'input', 'vars', 'dir', 'eval', 'exec']);
const FASTCALL_METHODS = new Set(['pop', 'insert', 'index', 'sort', 'get', 'setdefault', 'split', 'rsplit', 'replace', 'strip', 'lstrip', 'rstrip', 'encode', 'decode', 'splitlines']);

/** the value a compiled body or loop returned with (its RETURN_VALUE did the rest) */
function compiledReturn(f: Frame): PyObject {
  const r = f.ret!;
  f.ret = null;
  return r;
}

/** what compiled loops call (jit.ts): the functions and types the dispatch loop uses */
let helpers: JitHelpers | null = null;
function jitHelpers(): JitHelpers {
  return (helpers ??= {
    vmState,
    throwFrom,
    decref,
    newInt,
    newBool,
    True,
    False,
    None,
    IntType,
    ListType,
    DictType,
    ListIterType,
    RangeIterType,
    GeneratorType,
    unboundLocal,
    loadGlobalSlow,
    listIndexError,
    loadAttr,
    attrHit,
    storeAttrHit,
    loadMethod,
    methodHit,
    storeAttr,
    getAttr: abs.getAttr,
    binaryOp: abs.binaryOp,
    intOp: abs.intFastOrNull,
    mulAddMod,
    richCompare: abs.richCompare,
    contains: abs.contains,
    getItem: abs.getItem,
    setItem: abs.setItem,
    isTrue: abs.isTrue,
    iterNext: abs.iterNext,
    genNext,
    listAppend,
    listAppendMethod: abs.typeLookup(ListType, 'append'),
    MethodDescriptorType,
    callNative,
    iterItem,
    callInstr,
    formatValue,
    derefError,
    concatStrs,
    newStr,
    newTuple,
    newList,
    getIter: abs.getIter,
    kwNamesOf,
    loadName,
    storeName,
    nameKey,
    coldOp,
    unpackSequence,
  });
}
