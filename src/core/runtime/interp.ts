// One interpreter run: start-up (builtins, sys, __main__), compiling the script, running it as
// `python3 FILE.py` would (Python/pythonrun.c pyrun_file + run_mod), printing uncaught
// exceptions, SystemExit, and the end of the run.

import { interpreterObjectsOfModule, CPYTHON_FREELISTS_AT_START } from './gcbaseline';
import { PyObject, PyType, heap, incref, decref, newRef, xdecref } from './object';
import { bootstrap } from './bootstrap';
import { PyDict, newDict } from './objects/dict';
import { PyModule } from './objects/instance';
import { PyStr, newStr, internStr, isIdentifierLike, startRefs, resetInterned } from './objects/str';
import { PyInt, newInt, True, False, resetSmallIntCounts } from './objects/int';
import { newFloat } from './objects/float';
import { PyTuple, TupleType, newTuple, EmptyTuple } from './objects/tuple';
import { PyCode, PyFunction } from './objects/function';
import { currentInterp } from './current';
import type { GraphModel } from '../inspect/graph-types';

/** One objgraph.show_* call: where it was made, the graph, its DOT text and the file it named. */
export interface ShownGraph {
  line: number;
  kind: 'show_refs' | 'show_backrefs' | 'show_chain';
  model: GraphModel;
  dot: string;
  /** the DOT file objgraph reported ("Graph written to ..."), null with output= */
  dotFilename: string | null;
  /** the filename= the program asked for (an image name when not .dot) */
  filename: string | null;
}
import { None, Ellipsis } from './objects/singletons';
import { PyBaseException, SystemExit, ModuleNotFoundError, KeyboardInterrupt } from './objects/exception';
import * as E from './objects/exception';
import { newSet, FrozenSetType } from './objects/set';
import { Frame } from './vm/frame';
import { evalFrame, vmState, closesSilently } from './vm/eval';
import { GeneratorType, type PyGenerator } from './objects/generator';
import { finishFrame, runFrame } from './vm/call';
import { compileFile } from '../modules/builtins_exec';
import { ModuleBuilder, defMethod, moduleInit, registerModule, resetArgParsers, argParserTuples } from './define';
import { writeUnraisable, writeSysStderr, setUnraisableHookLookup, defaultHooks, displayException } from './unraisable';
import { callMethodNoArgs } from './vm/attrcache';
import { raise } from './errors';
import { gcState, gcNewObject, resetGC, setGCHooks, collectWithCallback, collectMain, someTracked, gcStartupObjectsOld, type GCHooks } from './gc';
import { initGc } from '../modules/gc';
import { PyList, ListType, listAppend, newList } from './objects/list';
import { STDLIB_ALL } from './stdliball';
import { starSkipped } from './vm/importstar';
import { DictType, mayBeTracked } from './objects/dict';
import { addressOf, resetAddressIndex } from './object';
import { auditHeap, type AuditRoot } from './audit';
import type { CodeUnit, ConstSlot } from '../compiler/code';
import { compileModule, syntaxErrorInfo } from '../compiler/compiler';
import { parse, formatSyntaxError } from '../parser/index';
import { initBuiltins } from '../modules/builtins';
import { initSys } from '../modules/sys';
import { installAllTypeMethods, installVarargsMethods, defNew } from './objects/methods';
import { registerStdlib } from '../modules/index';
import type { RuntimeIO } from '../modules/io_shared';
import { formatObject } from '../modules/shared';
import { Unsupported } from './errors';
import { builtinTypes, PyBuiltinFunction } from './types';
import { materializeCode } from './consts';
import { settleStartModule, resetStartRefs } from './startrefs';
import { installGenerators } from './vm/generators';
import { installBytes, newBytes } from './objects/bytes';
import { installBytesMethods3 } from './objects/bytes_methods';
import { installMemoryView } from './objects/memoryview';
import { installComplex, newComplex } from './objects/complex';
import { installWeakrefs, newRefTo, PyWeakref } from './objects/weakref';
import { setSubclassWeakrefFactory, addOperators, setTypeDocs } from './typeobject';
import { FUNCTION_DOCS } from './docstrings';
import { runAtexitCallbacks, resetAtexit, visitAtexitCallbacks } from '../modules/atexit';
import { resetForkHandlers, visitForkHandlers } from '../modules/os';
import { openFileCount, runFileText, PyTextWrapper, finalizeTextWrapper, finishStdStreams } from '../modules/fileio';
import { STDLIB_MODULES } from './stdlibnames';
import * as abs from './abstract';
import { profile } from './profile';

export interface InterpOptions {
  audit?: boolean;
  /** lists keep ints only they hold unboxed (objects/list.ts; default on) */
  unboxInts?: boolean;
  argv?: string[];
  /** sys.argv[0] (default: the filename) */
  argv0?: string;
  /** sys.path[0] (default '.') */
  path0?: string;
  /** what sys.stdout is (default 'pipe', as the recordings were made) */
  stdio?: StdioMode;
  /** abort after this many instructions */
  stepLimit?: number;
  /** collect (generation 0 and up, by the usual rule) whenever count[0] exceeds 1 */
  gcStress?: boolean;
  /** the process ends with this run (the command line): an exit that could show nothing is not
   * carried out (see shutdown) */
  processExits?: boolean;
  /** sys.stdout's and sys.stderr's data reach the output when CPython's raw layer would write
   * them to the descriptor (fileio.ts StdSink, lazy from the start), so that the order of the
   * writes (RunResult.order) is what a file or pipe shared by both gets (the command line);
   * otherwise each write reaches the output at once, in the program's order (a terminal, the
   * editor) */
  fdOrder?: boolean;
}

/** sys.stdout's kind, for its buffering (create_stdio): a pipe or file (block buffered), a
 * terminal (line buffered) or PYTHONUNBUFFERED (written through) */
export type StdioMode = 'pipe' | 'tty' | 'unbuffered';

export interface InterpResult {
  exitCode: number;
  /** the program ended with an uncaught KeyboardInterrupt: CPython 3.8+ then kills itself with
   * SIGINT after finalizing (Py_RunMain's exit_sigint), so a shell sees 130 */
  sigint?: boolean;
  /** the audit's first problem, when the audit found one */
  auditError: string | null;
}

export class AuditFailure extends Error {}

/** The interpreter that is running now (one per thread/worker at a time). */
let current: Interpreter | null = null;
/** the modules RefScope provides that are packages in CPython 3.11 (they have a __path__):
 * their unknown submodules may be CPython's */
const PACKAGES = new Set(['collections', 'ctypes', 'json', 'logging', 're']);

let operatorsAdded = false;
let generatorsInstalled = false;

/** Everything one run of the interpreter owns. */
export class Interpreter {
  modules!: PyDict;
  builtinsModule!: PyModule;
  builtins!: PyDict;
  main!: PyModule;
  sys!: PyModule;
  arena: PyObject[] = [];
  mainCode: PyCode | null = null;
  /** the graphs objgraph.show_* drew in this run (the editor opens them; the CLI writes them) */
  shownGraphs: ShownGraph[] = [];
  /** PyEval_EvalCode's function object for the module code (3.11 runs module code as a function) */
  mainFunc: PyFunction | null = null;
  auditError: string | null = null;
  exitCode = 0;
  /** _PyRun_SimpleFileObject's reference to __main__ (until the file has run) */
  mainRef: PyModule | null = null;
  /** Py_FinalizeEx has run the atexit functions (sys.is_finalizing()) */
  finalizing = false;

  constructor(
    public io: RuntimeIO,
    public opts: InterpOptions,
  ) {}

  start(filename: string): void {
    current = this;
    resetAtexit();
    resetForkHandlers();
    currentInterp.interp = this;
    bootstrap();
    if (!generatorsInstalled) {
      generatorsInstalled = true;
      installGenerators();
      setUnraisableHookLookup(() => current!.sys.dict.getStr(abs.strKey('unraisablehook')) ?? null);
    }
    installAllTypeMethods();
    installBytes();
    installBytesMethods3();
    installMemoryView();
    installComplex();
    installWeakrefs();
    installVarargsMethods();
    setSubclassWeakrefFactory((o) => newRefTo(o, null));
    // classes of an earlier run are not this run's subclasses
    for (const t of builtinTypes) {
      t.subclassRefs = null;
      t.subclasses = [];
    }
    registerStdlib();
    registerModule('gc', (m) => initGc(m));
    resetGC();
    resetAddressIndex();
    resetArgParsers();
    resetInterned();
    starSkipped.clear();
    resetSmallIntCounts();
    resetStartRefs();
    abs.resetThreadState();
    if (this.opts.gcStress) gcState.threshold = [1, 1, 1];
    setGCHooks(this.gcHooks());
    heap.live = this.opts.audit ? new Set() : null;
    heap.lazyLeaves = false;
    heap.lazyLeafCount = 0;
    heap.unboxInts = this.opts.unboxInts !== false;
    // objects freed in an earlier run: an audited run counts only objects made while it watches
    for (const t of builtinTypes) if (t.freePool !== null) t.freePool.length = 0;
    vmState.current = null;
    vmState.depth = 0;
    vmState.excInfo = null;
    vmState.excOuter = [];
    vmState.steps = 0;
    vmState.recursionLimit = 1000;
    vmState.native = 0;
    vmState.stepLimit = this.opts.stepLimit ?? Infinity;
    vmState.onBudget = () => {
      throw new Unsupported(`a run longer than ${vmState.stepLimit} instructions`);
    };
    vmState.format = formatObject;
    vmState.importModule = (name) => this.importModule(name);
    this.modules = newDict();
    // builtins
    const bdict = newDict();
    this.builtinsModule = new PyModule('builtins', bdict);
    gcNewObject(this.builtinsModule, true);
    setModuleNames(this.builtinsModule);
    initBuiltins(new ModuleBuilder(this.builtinsModule), this.io);
    // (after the builtins, which install the slots of enumerate, zip, map, ...)
    if (!operatorsAdded) {
      operatorsAdded = true;
      addOperators(builtinTypes, defMethod, defNew);
      setTypeDocs(builtinTypes);
    }
    // the builtin functions' docstrings (meth_get__doc__)
    for (const [name, doc] of Object.entries(FUNCTION_DOCS)) {
      const f = bdict.getStr(abs.strKey(name));
      if (f instanceof PyBuiltinFunction && f.doc === null) f.doc = doc;
    }
    this.builtins = newRef(bdict);
    vmState.builtins = bdict;
    this.modules.setItem(internStr('builtins'), this.builtinsModule);
    // sys
    const sdict = newDict();
    this.sys = new PyModule('sys', sdict);
    gcNewObject(this.sys, true);
    setModuleNames(this.sys);
    initSys(new ModuleBuilder(this.sys), this, filename);
    this.modules.setItem(internStr('sys'), this.sys);
    decref(this.sys);
    const sysDict = this.sys.dict;
    vmState.stdout = () => sysDict.getStr(abs.strKey('stdout')) ?? null;
    vmState.stderr = () => sysDict.getStr(abs.strKey('stderr')) ?? null;
    // __main__
    const g = newDict();
    this.main = new PyModule('__main__', g);
    gcNewObject(this.main, true);
    const set = (k: string, v: PyObject) => g.setItem(internStr(k), v);
    const own = (k: string, v: PyObject) => {
      set(k, v);
      decref(v);
    };
    own('__name__', newStr('__main__'));
    set('__doc__', None);
    set('__package__', None);
    set('__loader__', None);
    set('__spec__', None);
    own('__annotations__', newDict());
    set('__builtins__', this.builtinsModule);
    own('__file__', newStr(filename));
    set('__cached__', None);
    this.modules.setItem(internStr('__main__'), this.main);
    // _PyRun_SimpleFileObject keeps its own reference to __main__ while the file runs (its
    // Py_INCREF(m) after PyImport_AddModule): sys.getrefcount(__main__) counts it
    this.mainRef = this.main;
    // the counts CPython's start-up leaves builtins, sys and their functions with
    settleStartModule(this.builtinsModule, this.modules);
    settleStartModule(this.sys, this.modules);
    gcStartupObjectsOld();
    if (this.opts.audit) {
      vmState.onLine = () => this.audit();
    } else vmState.onLine = null;
  }

  private gcModuleList(name: string): PyList | null {
    const gm = this.modules.getItem(abs.strKey('gc'));
    if (!(gm instanceof PyModule)) return null;
    const l = gm.dict.getStr(abs.strKey(name));
    return l instanceof PyList ? l : null;
  }

  private gcHooks(): GCHooks {
    return {
      kindOf: (o) => (o.type === ListType ? 'list' : o.type === DictType ? 'dict' : o.type === TupleType ? 'tuple' : null),
      tupleSize: (o) => (o as PyTuple).items.length,
      mayBeTracked,
      tupleItems: (o) => (o as PyTuple).items,
      dictEntries: (o) => {
        const out: PyObject[] = [];
        for (const [k, v] of (o as PyDict).entries()) out.push(k, v);
        return out;
      },
      // (a TextIOWrapper the program made: iobase_finalize closes it, flushing its text)
      hasFinalizer: (o) => o.type.hasFinalizer || (o instanceof PyTextWrapper && o.buffer !== null),
      finalize: (o) => {
        if (o instanceof PyTextWrapper) finalizeTextWrapper(o);
        else if (heap.runFinalizer) heap.runFinalizer(o);
      },
      handleWeakrefs: (u) => (heap.gcWeakrefs ? heap.gcWeakrefs(u) : []),
      callCallback: (wr, cb) => {
        try {
          decref(abs.call(cb, [wr], null));
        } catch (e) {
          if (e instanceof PyBaseException) writeUnraisable(e, cb);
          else throw e;
        }
      },
      runCallbacks: (phase, generation, collected, uncollectable) => {
        const cbs = this.gcModuleList('callbacks');
        if (!cbs || cbs.items.length === 0) return;
        const info = newDict();
        for (const [k, v] of [
          ['generation', generation],
          ['collected', collected],
          ['uncollectable', uncollectable],
        ] as const) {
          const n = newInt(v);
          info.setItem(internStr(k), n);
          decref(n);
        }
        const ph = newStr(phase);
        for (const cb of cbs.items.slice()) {
          try {
            decref(abs.call(cb, [ph, info], null));
          } catch (e) {
            // invoke_gc_callback: PyErr_WriteUnraisable(cb)
            if (e instanceof PyBaseException) writeUnraisable(e, cb);
            else throw e;
          }
        }
        decref(ph);
        decref(info);
      },
      saveGarbage: (o) => {
        const g = this.gcModuleList('garbage');
        if (g) listAppend(g, newRef(o));
      },
      // PySys_FormatStderr: sys.stderr, else the process's stderr
      writeStderr: (s) => writeSysStderr(s, (t) => this.io.writeStderr(t)),
      describe: (o) => `${o.type.name} 0x${addressOf(o).toString(16)}`,
    };
  }

  roots(): AuditRoot[] {
    const roots: AuditRoot[] = [
      { name: 'sys.modules', visit: (v) => v(this.modules) },
      // the references of the modules CPython imports at start to strings they interned
      { name: 'start-up modules', visit: (v) => startRefs.forEach((n, o) => { if (o instanceof PyStr) for (let i = 0; i < n; i++) v(o); }) },
      // theirs to the modules they imported and to builtin functions (startrefs.ts)
      { name: 'start-up references', visit: (v) => startRefs.forEach((n, o) => { if (!(o instanceof PyStr)) for (let i = 0; i < n; i++) v(o); }) },
      { name: 'interp.builtins', visit: (v) => v(this.builtins) },
      { name: 'run_file __main__', visit: (v) => this.mainRef && v(this.mainRef) },
      { name: 'interp.builtins module', visit: (v) => v(this.builtinsModule) },
      { name: 'script arena', visit: (v) => this.arena.forEach(v) },
      { name: 'run_mod code', visit: (v) => this.mainCode && v(this.mainCode) },
      {
        // PyEval_EvalCode's `func` and the frame's f_func (_PyEval_Vector steals one reference into it)
        name: 'run_mod function',
        visit: (v) => {
          if (this.mainFunc) v(this.mainFunc), v(this.mainFunc);
        },
      },
      { name: 'exc_info', visit: (v) => {
        if (vmState.excInfo) v(vmState.excInfo);
        for (const x of vmState.excOuter) if (x) v(x);
      } },
      { name: 'atexit callbacks', visit: (v) => visitAtexitCallbacks(v) },
      { name: 'fork handlers', visit: (v) => visitForkHandlers(v) },
      { name: 'argument parsers', visit: (v) => {
          for (const t of argParserTuples()) v(t);
        },
      },
      { name: 'thread state dict', visit: (v) => {
          const d = abs.threadStateDict();
          if (d !== null) v(d);
        },
      },
      {
        // a heap type's ht_slots is not visited by type_traverse (nor here): the type holds it
        name: 'heap types ht_slots',
        visit: (v) => {
          if (heap.live) for (const o of heap.live) if (o instanceof PyType && o.slotsTuple) v(o.slotsTuple);
        },
      },
      {
        // static types' tp_subclasses dicts are the interpreter's: their weakrefs are roots
        name: 'builtin tp_subclasses',
        visit: (v) => {
          for (const t of builtinTypes) if (t.subclassRefs && !t.subclassesDict) for (const wr of t.subclassRefs.values()) v(wr);
        },
      },
      {
        name: 'executing frames',
        visit: (v) => {
          for (let f = vmState.current; f; f = f.back) {
            if (f.gen) continue; // the generator object holds it
            if (f.materialized) v(f); // frame_obj
            else f.traverseContents(v);
          }
        },
      },
    ];
    return roots;
  }

  audit(): void {
    // native code (a C function, a deallocation, a finalizer) may hold references of its own
    if (vmState.native > 0 || heap.deallocDepth > 0 || this.auditError) return;
    const { problems, freedReachable } = auditHeap(this.roots());
    if (freedReachable.length) {
      this.auditError = `audit: a freed ${freedReachable[0].type.name} object is still referenced`;
    } else if (problems.length) {
      const p = problems[0];
      let desc: string;
      try {
        desc = describe(p.object);
      } catch {
        desc = p.object.type.name;
      }
      const f = vmState.current;
      const where = f ? ` (line ${f.lineno} of ${f.code.unit.filename})` : '';
      this.auditError = `audit: ${desc} has refcount ${p.rc} but ${p.expected} references are held${where}`;
    }
  }

  // ---------------------------------------------------------------- compile and run
  /** Compile source; prints a SyntaxError and returns null when it does not compile. */
  compile(source: string, filename: string): PyCode | null {
    const pr = parse(source, filename);
    if (!pr.module) {
      this.io.writeStderr(formatSyntaxError(pr.error!));
      this.exitCode = 1;
      return null;
    }
    const cr = compileModule(pr.module, filename, source);
    const srcLines = source.split(/\r?\n/);
    for (const w of cr.warnings) {
      // warnings.showwarning's format
      const line = (srcLines[w.lineno - 1] ?? '').trim();
      this.io.writeStderr(`${filename}:${w.lineno}: ${w.category}: ${w.msg}\n${line ? `  ${line}\n` : ''}`);
    }
    if (!cr.code) {
      const e = cr.error!;
      if (e.type === 'Unsupported') {
        throw new Unsupported(`${e.msg} (line ${e.lineno}) is not supported by RefScope yet`);
      }
      this.io.writeStderr(formatSyntaxError(syntaxErrorInfo(e, filename, source)));
      this.exitCode = 1;
      return null;
    }
    return this.materializeCode(cr.code, true);
  }

  /** Turn compiled constants into heap objects (script mode: the arena holds +1 each). */
  materializeCode(unit: CodeUnit, script: boolean): PyCode {
    return materializeCode(unit, script ? (o) => this.arena.push(newRef(o)) : null);
  }

  run(source: string, filename: string): InterpResult {
    this.start(filename);
    let code: PyCode | null;
    try {
      code = this.compile(source, filename);
    } catch (e) {
      if (e instanceof Unsupported) {
        this.io.writeStderr(`RefScope: ${e.what}\n`);
        return { exitCode: 1, auditError: null };
      }
      throw e;
    }
    if (!code) return { exitCode: this.exitCode, auditError: null };
    const f = this.enterMain(code);
    let exc: PyBaseException | null = null;
    vmState.depth = 1;
    vmState.current = f;
    try {
      const r = evalFrame(f);
      decref(r);
    } catch (e) {
      if (e instanceof PyBaseException) exc = e;
      else {
        this.finishFrame(f);
        throw e;
      }
    } finally {
      vmState.current = null;
      vmState.depth = 0;
    }
    this.leaveMain(f);
    // _PyRun_SimpleFileObject: flush_io() once the module's code returned, before PyErr_Print
    this.flushIo();
    const sigint = exc !== null && exc.type.isSubtype(KeyboardInterrupt);
    if (exc) this.handleUncaught(exc);
    // run_mod returns: the code object and the arena are released
    this.endOfMain();
    if (sigint) return { exitCode: 130, auditError: this.auditError, sigint };
    return { exitCode: this.exitCode, auditError: this.auditError };
  }

  /**
   * PyEval_EvalCode (Python/ceval.c, 3.11): the module code runs as a function object built by
   * _PyFunction_FromConstructor from the code and the globals (func_doc None, func_module NULL),
   * tracked by gc; _PyEval_Vector pushes the frame, which owns f_locals.
   */
  enterMain(code: PyCode): Frame {
    this.mainCode = code;
    // the free lists CPython's start-up and compiler leave (gcbaseline.ts)
    const fl = CPYTHON_FREELISTS_AT_START;
    gcState.freeLists = { list: fl.list, dict: fl.dict, tuple: fl.tuple.slice(), slice: gcState.freeLists.slice };
    // and its generation counts (the two allocations between here and the first statement, the
    // module's function object among them, are counted from here)
    const [c0, c1, c2] = profile.gcCountAtStart;
    gcState.count = [c0 - 2, c1, c2];
    profile.gcStatsAtStart.forEach(([collections, collected, uncollectable], g) => {
      gcState.stats[g] = { collections, collected, uncollectable };
    });
    const g = this.main.dict;
    const fn = new PyFunction(newRef(code), newRef(g));
    gcNewObject(fn, true);
    incref(fn); // PyEval_EvalCode's reference and the frame's f_func
    this.mainFunc = fn;
    return new Frame(code, null, g, this.builtins, newRef(g));
  }

  /** _PyEvalFrameClearAndPop (drops f_func) and PyEval_EvalCode's Py_DECREF(func) */
  leaveMain(f: Frame): void {
    this.finishFrame(f);
    const fn = this.mainFunc;
    this.mainFunc = null;
    if (fn) {
      decref(fn);
      decref(fn);
    }
  }

  private finishFrame(f: Frame): void {
    finishFrame(f);
  }

  handleUncaught(exc: PyBaseException): void {
    if (exc.type.isSubtype(SystemExit)) {
      const items = exc.args.items;
      const code = items.length === 0 ? None : items.length === 1 ? items[0] : exc.args;
      if (code === None) this.exitCode = 0;
      else if (code instanceof PyInt) this.exitCode = Number(code.v) & 0xff;
      else {
        let s: string;
        try {
          s = absStr(code);
        } catch {
          s = '';
        }
        this.io.writeStderr(s + '\n');
        this.exitCode = 1;
      }
      decref(exc);
      return;
    }
    this.exitCode = 1;
    // _PyErr_PrintEx: sys.excepthook(type, value, traceback); when the hook raises, its error and
    // then the original exception are displayed; a missing hook says so
    const hook = this.sys.dict.getStr(abs.strKey('excepthook'));
    const stderr = (t: string) => writeSysStderr(t, (u) => this.io.writeStderr(u));
    if (hook === undefined) {
      stderr('sys.excepthook is missing\n');
      displayException(exc);
    } else if (defaultHooks.has(hook)) displayException(exc);
    else {
      try {
        decref(abs.call(hook, [exc.type, exc, exc.traceback ?? None], null));
      } catch (e) {
        if (!(e instanceof PyBaseException)) throw e;
        if (e.type.isSubtype(SystemExit)) {
          // handle_system_exit: the hook's SystemExit ends the program with its code
          decref(exc);
          this.handleUncaught(e);
          return;
        }
        stderr('Error in sys.excepthook:\n');
        displayException(e);
        stderr('\nOriginal exception was:\n');
        displayException(exc);
        decref(e);
      }
    }
    // sys.last_value etc. keep the exception alive in CPython until shutdown
    decref(exc);
  }

  endOfMain(): void {
    const code = this.mainCode;
    this.mainCode = null;
    xdecref(code);
    const arena = this.arena;
    this.arena = [];
    for (const o of arena) decref(o);
    this.releaseMainRef();
    if (this.opts.audit) this.audit();
    this.shutdown();
  }

  /** _PyRun_SimpleFileObject's `done:` — the __file__ and __cached__ it set leave __main__'s
   * globals (atexit functions and exit-time finalizers no longer see them), then its reference
   * to __main__ goes */
  releaseMainRef(): void {
    const m = this.mainRef;
    if (m === null) return;
    this.mainRef = null;
    for (const k of ['__file__', '__cached__']) {
      const key = internStr(k);
      (m.dict as PyDict).delItem(key);
      decref(key);
    }
    decref(m);
  }

  /** Interpreter exit: __main__'s globals go first, in insertion order (finalize_modules). */
  /**
   * Py_FinalizeEx: atexit functions, a full collection (PyGC_Collect), then finalize_modules:
   * modules leave sys.modules, and what only __main__ kept alive dies — by reference counting,
   * or, when functions' __globals__ make __main__'s dict a cycle, in the final collection, whose
   * order is the gc list order left by the previous one.
   */
  shutdown(): void {
    const swallow = (f: () => void) => {
      try {
        f();
      } catch (e) {
        if (e instanceof PyBaseException) decref(e);
        else throw e;
      }
    };
    // _PyAtExit_Call: atexit's functions (weakref.finalize's among them), last registered first
    swallow(() => runAtexitCallbacks());
    // _PyRuntimeState_SetFinalizing: after the atexit functions
    this.finalizing = true;
    // flush_std_files: sys.stdout's and sys.stderr's pending writes are released (Py_RunMain's
    // exit status is 120 when a flush failed)
    if (!this.flushStdFiles()) this.exitCode = 120;
    if (this.opts.processExits && this.exitIsSilent()) {
      finishStdStreams(this.io);
      return;
    }
    const collect = (callbacks: boolean) => {
      if (gcState.collecting) return;
      gcState.collecting = true;
      try {
        if (callbacks) collectWithCallback(2);
        else collectMain(2);
      } finally {
        gcState.collecting = false;
      }
    };
    // PyGC_Collect: only while the collector is enabled (gc.disable() leaves the cycles to the
    // collection after __main__ is gone, when weakrefs held by globals are already cleared)
    if (gcState.enabled) swallow(() => collect(true));
    // finalize_modules_delete_special: sys.stdin, sys.stdout and sys.stderr are the original
    // streams again (what the program put there may go now: a TextIOWrapper closes its buffer)
    swallow(() => {
      for (const name of ['stdin', 'stdout', 'stderr']) {
        const d = this.sys.dict;
        const orig = d.getStr(abs.strKey(`__${name}__`)) ?? None;
        if (d.getStr(abs.strKey(name)) === orig) continue;
        const key = internStr(name);
        d.setItem(key, orig);
        decref(key);
      }
    });
    // finalize_remove_modules: __main__ first (the other modules stay for the finalizers' prints)
    swallow(() => {
      const key = internStr('__main__');
      this.modules.delItem(key);
      decref(key);
    });
    swallow(() => collect(false));
    finishStdStreams(this.io);
  }

  /** sys.<name>, borrowed (undefined when deleted) */
  private sysAttr(name: string): PyObject | undefined {
    return this.sys.dict.getStr(abs.strKey(name));
  }

  /** flush_io (Python/pythonrun.c): sys.stderr.flush(), then sys.stdout.flush(), each error
   * cleared (sys.stdout may be anything the program put there). Called once the module's code
   * returned (or raised), before the exception is printed: run() here, the editor's session and
   * the exercise runner. */
  flushIo(): void {
    for (const name of ['stderr', 'stdout']) {
      const f = this.sysAttr(name);
      if (f === undefined) continue;
      try {
        decref(callMethodNoArgs(f, 'flush'));
      } catch (e) {
        if (e instanceof PyBaseException) decref(e);
        else throw e;
      }
    }
  }

  /** flush_std_files (Python/pylifecycle.c): sys.stdout's flush() unless it is None or closed
   * (file_is_closed: a failing `closed` counts as open), its error unraisable; then sys.stderr's,
   * its error cleared. False when one failed. */
  private flushStdFiles(): boolean {
    let ok = true;
    for (const name of ['stdout', 'stderr']) {
      const f = this.sysAttr(name);
      if (f === undefined || f === None || fileIsClosed(f)) continue;
      try {
        decref(callMethodNoArgs(f, 'flush'));
      } catch (e) {
        if (!(e instanceof PyBaseException)) throw e;
        ok = false;
        if (name === 'stdout') writeUnraisable(e, f);
        else decref(e);
      }
    }
    return ok;
  }

  /**
   * Whether what is left of the exit (the collections, __main__'s teardown) can run no Python
   * code and print nothing: no object with a finalizer (__del__, a generator whose close() would
   * run its code) or a weakref with a callback is tracked, no gc callback or debug flag is set,
   * gc.garbage is empty and no file is open (its flush on deallocation). Then it would only free
   * memory, which a process that ends gives back at once (for a 200,000-node graph the teardown
   * took ~0.4 s); the audit and the editor's sessions (heap.live set) always carry it out.
   */
  private exitIsSilent(): boolean {
    if (heap.live !== null || gcState.debug !== 0) return false;
    const cbs = this.gcModuleList('callbacks');
    if (cbs !== null && cbs.items.length !== 0) return false;
    const garbage = this.gcModuleList('garbage');
    if (garbage !== null && garbage.items.length !== 0) return false;
    if (openFileCount(this.io) !== 0) return false;
    return !someTracked((o) => (o.type === GeneratorType ? !closesSilently(o as PyGenerator) : o.type.hasFinalizer) || (o instanceof PyWeakref && o.callback !== null) || o instanceof PyTextWrapper);
  }

  // ---------------------------------------------------------------- imports
  /** NAME.py of the program's own files (the script's directory, sys.path[0]), if there is one
   * (packages, directories with __init__.py, are not looked for) */
  userModuleSource(name: string): { path: string; source: string } | null {
    const dir = this.opts.path0 ?? '.';
    if (name.includes('.')) return null;
    const path = `${dir === '' ? '.' : dir.replace(/\/+$/, '')}/${name}.py`;
    const source = runFileText(path);
    if (source !== null) return { path, source };
    // a file the program wrote itself under a relative name (its working directory is taken to
    // be the script's: the run's view keeps the names as written)
    const written = runFileText(`${name}.py`, true);
    return written === null ? null : { path, source: written };
  }

  /** The import of a program's own module: a module object in sys.modules with __file__, its
   * body run with the module's dict as globals (taken out of sys.modules again if it raises) */
  loadUserModule(name: string, path: string, source: string): PyObject {
    const d = newDict();
    const m = new PyModule(name, d);
    gcNewObject(m, true);
    setModuleNames(m);
    d.setItem(internStr('__loader__'), None);
    d.setItem(internStr('__spec__'), None);
    const file = newStr(path);
    d.setItem(internStr('__file__'), file);
    decref(file);
    const slash = path.lastIndexOf('/');
    const cached = newStr(`${path.slice(0, slash + 1)}__pycache__/${name}.cpython-311.pyc`);
    d.setItem(internStr('__cached__'), cached);
    decref(cached);
    d.setItem(internStr('__builtins__'), this.builtins);
    const key = internStr(name);
    this.modules.setItem(key, m);
    try {
      const code = compileFile(source, path);
      const f = new Frame(code, null, d, this.builtins, newRef(d));
      decref(code);
      // the import machinery holds the module (and more) in frames the audit does not see:
      // the audit rests while the body runs, as in a standard module's
      vmState.native++;
      try {
        decref(runFrame(f));
      } finally {
        vmState.native--;
      }
    } catch (e) {
      this.modules.delItem(key);
      decref(m);
      throw e;
    } finally {
      decref(key);
    }
    return m;
  }

  importModule(name: string): PyObject {
    const top = name.split('.')[0];
    const key = internStr(name);
    try {
      const existing = this.modules.getItem(key);
      if (existing) return newRef(existing);
      // sys.path[0], the script's directory, comes before the standard library: a program's own
      // NAME.py (even one named like a standard module that CPython has not loaded at start)
      if (!START_MODULES.has(name)) {
        const own = this.userModuleSource(name);
        if (own !== null) return this.loadUserModule(name, own.path, own.source);
      }
      const init = moduleInit(name);
      if (!init) {
        const dot = name.lastIndexOf('.');
        if (dot > 0) {
          // _find_and_load_unlocked: the parent first (it may bind the submodule, as os binds
          // os.path), then a submodule of a module that is not a package is no module at all
          const parent = name.slice(0, dot);
          decref(this.importModule(parent));
          const bound = this.modules.getItem(key);
          if (bound) return newRef(bound);
          if (!PACKAGES.has(parent)) {
            raise(ModuleNotFoundError, `No module named '${name}'; '${parent}' is not a package`, { name: newStr(name) });
          }
        }
        if (STDLIB_MODULES.has(top)) throw new Unsupported(`the standard library module '${name}'`);
        raise(ModuleNotFoundError, `No module named '${name}'`, { name: newStr(name) });
      }
      // _find_and_load_unlocked: a package's submodule imports its package first
      const dot = name.lastIndexOf('.');
      const parentName = dot > 0 && PACKAGES.has(name.slice(0, dot)) ? name.slice(0, dot) : null;
      if (parentName !== null) {
        decref(this.importModule(parentName));
        const bound = this.modules.getItem(key);
        if (bound) return newRef(bound);
      }
      const d = newDict();
      const m = new PyModule(name, d);
      gcNewObject(m, true);
      setModuleNames(m);
      this.modules.setItem(key, m);
      try {
        const builder = new ModuleBuilder(m);
        init(builder);
        // the __all__ CPython's Lib source defines, for a module written here in TypeScript
        const all = STDLIB_ALL[name];
        if (all !== undefined && d.getItem(abs.strKey('__all__')) === undefined) {
          const names = all.names.map((n) => internStr(n));
          builder.own('__all__', all.tuple ? newTuple(names) : newList(names));
        }
        // (then binds the submodule as an attribute of its package)
        const parent = parentName !== null ? this.modules.getItem(internStr(parentName)) : undefined;
        if (parent) abs.setAttr(parent, name.slice(dot + 1), m);
        builder.finish();
        // (type_ready of the module's types: their slot wrappers)
        addOperators(builtinTypes, defMethod, defNew, true);
        gcState.interpreterObjects += interpreterObjectsOfModule(name);
        // a module CPython's start-up had loaded: the count it has there (m's reference here
        // is the importer's); the functions' counts
        settleStartModule(m, this.modules, 1);
      } catch (e) {
        this.modules.delItem(key);
        decref(m);
        throw e;
      }
      void top;
      return m;
    } finally {
      decref(key);
    }
  }
}

/** The standard modules a CPython 3.11 without site-packages has loaded before a script runs
 * (a program's file of that name does not shadow them) */
const START_MODULES = new Set(['abc', 'builtins', 'codecs', 'encodings', 'genericpath', 'io', 'marshal', 'os', 'os.path', 'posix', 'posixpath', 'site', 'stat', 'sys', 'time', 'zipimport']);

/** The names a module's dict starts with (module_init_dict; the import system's
 * _init_module_attrs sets __package__: the package itself, or the parent of a submodule, '' for a
 * top-level module). Docstrings are not kept (None), nor __loader__ and __spec__. */
function setModuleNames(m: PyModule): void {
  const d = m.dict as PyDict;
  const name = m.name;
  const own = (k: string, v: PyObject) => {
    d.setItem(internStr(k), v);
    decref(v);
  };
  own('__name__', newStr(name));
  d.setItem(internStr('__doc__'), None);
  const dot = name.lastIndexOf('.');
  own('__package__', newStr(PACKAGES.has(name) ? name : dot > 0 ? name.slice(0, dot) : ''));
}

function safeRepr(o: PyObject): string {
  try {
    return abs.repr(o);
  } catch (e) {
    if (e instanceof PyBaseException) decref(e);
    return `<${o.type.name} object>`;
  }
}

function describe(o: PyObject): string {
  let r: string;
  try {
    r = o.type.slots.repr ? o.type.slots.repr(o) : o.type.name + ' object';
  } catch {
    r = o.type.name + ' object';
  }
  if (r.length > 60) r = r.slice(0, 57) + '...';
  return `${o.type.name} ${r}`;
}

function absStr(o: PyObject): string {
  return (o as PyStr).v ?? String(o);
}

void gcState;
void E;
void TupleType;
void PyTuple;
void registerModule;

/** file_is_closed (Python/pylifecycle.c): f.closed is true; an error getting or testing it is
 * cleared and counts as open */
function fileIsClosed(f: PyObject): boolean {
  let v: PyObject;
  try {
    v = abs.getAttr(f, 'closed');
  } catch (e) {
    if (e instanceof PyBaseException) {
      decref(e);
      return false;
    }
    throw e;
  }
  try {
    return abs.isTrue(v);
  } catch (e) {
    if (e instanceof PyBaseException) {
      decref(e);
      return false;
    }
    throw e;
  } finally {
    decref(v);
  }
}
