// `refscope_check`: the module check.py imports (documented in exercises/FORMAT.md). Native helpers
// that read the interpreter's own heap (holders, simulated memory, getrefcount traces) plus Python
// code (failures with expected/actual, translation, the collector-based reachability oracle, and
// the driver's _main). It exists only while an exercise runs (runner.ts sets the state).

import '../runtime/interp';
import type { Interpreter } from '../runtime/interp';
import { PyObject, PyType, decref, newRef, heap } from '../runtime/object';
import { registerModule, builtinFunction, checkArgs, strArg } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { newStr, internStr, PyStr } from '../runtime/objects/str';
import { newInt, PyInt } from '../runtime/objects/int';
import { newList } from '../runtime/objects/list';
import { newTuple } from '../runtime/objects/tuple';
import { newDict, PyDict } from '../runtime/objects/dict';
import { None } from '../runtime/objects/singletons';
import { PyModule } from '../runtime/objects/instance';
import { PyBaseException } from '../runtime/objects/exception';
import { PyTraceback } from '../runtime/objects/traceback';
import { gcNewObject } from '../runtime/gc';
import { Frame } from '../runtime/vm/frame';
import { runFrame } from '../runtime/vm/call';
import { vmState } from '../runtime/vm/eval';
import { raise, raiseType, typeError } from '../runtime/errors';
import { parse } from '../parser/index';
import { compileModule } from '../compiler/compiler';
import { heapBytes } from '../modules/psutil';
import { execSource } from '../modules/modutil';
import { holdersOf, invalidateHeapIndex, type Holder } from '../inspect/holders';
import type { Translate } from '../inspect/translate';
import type { ExerciseFiles, CheckResult, CheckStatus, ExerciseResult } from './types';
import { translateMessage } from './pack';

export interface RunnerState {
  files: ExerciseFiles;
  lang: string;
  t: Translate;
  learnerSource: string;
  learnerFile: string;
  checkFile: string;
  stepLimit: number;
  results: CheckResult[];
  /** the check that is running (its id and the learner's line it was last seen on) */
  current: { id: string; line?: number; started: number } | null;
  title: (id: string) => string;
  loadError?: ExerciseResult['fileError'];
}

/** Thrown (a JS exception, not a Python one) when code kept running after StepLimitExceeded. */
export class HardStop extends Error {}

let state: RunnerState | null = null;
let interp: Interpreter | null = null;
let module: PyModule | null = null;

export function beginRun(s: RunnerState, i: Interpreter): void {
  state = s;
  interp = i;
  module = null;
}
export function endRun(): void {
  state = null;
  interp = null;
  module = null;
  vmState.onBudget = null;
  vmState.stepLimit = Infinity;
}

function st(): RunnerState {
  if (!state) raiseType('RuntimeError', 'refscope_check works only while an exercise is being checked');
  return state;
}

function jsStr(o: PyObject | undefined): string | null {
  if (!o || o === None) return null;
  return o instanceof PyStr ? o.v : abs.str(o);
}

const now = (): number => {
  const p = (globalThis as { performance?: { now(): number } }).performance;
  return p ? p.now() : Date.now();
};

/** The deepest line of the learner's file in an exception's traceback. */
function learnerLine(exc: PyObject | undefined): number | undefined {
  if (!(exc instanceof PyBaseException) || !state) return undefined;
  let tb = exc.traceback instanceof PyTraceback ? exc.traceback : null;
  let line: number | undefined;
  while (tb) {
    if (tb.frame.code.unit.filename === state.learnerFile) line = tb.lineno;
    tb = tb.next;
  }
  return line;
}

/** Compile and run `source` as a fresh module `name` registered in sys.modules (new reference). */
function runAsModule(source: string, filename: string, name: string): PyModule {
  const pr = parse(source, filename);
  if (!pr.module) raiseType('SyntaxError', `${pr.error!.msg} (${filename}, line ${pr.error!.lineno})`);
  const cr = compileModule(pr.module, filename, source);
  if (!cr.code) raiseType('SyntaxError', `${cr.error!.msg} (${filename}, line ${cr.error!.lineno})`);
  const code = interp!.materializeCode(cr.code, false);
  const d = newDict();
  const m = new PyModule(name, d);
  gcNewObject(m, true);
  const own = (k: string, v: PyObject) => {
    d.setItem(internStr(k), v);
    decref(v);
  };
  own('__name__', newStr(name));
  own('__file__', newStr(filename));
  d.setItem(internStr('__builtins__'), interp!.builtinsModule);
  interp!.modules.setItem(internStr(name), m);
  const f = new Frame(code, null, d, vmState.builtins!, newRef(d));
  try {
    decref(runFrame(f));
  } finally {
    decref(code);
  }
  return m;
}

function holderName(h: Holder): string {
  const t = state ? state.t : null;
  return t && h.template ? t(h.template, ...(h.args ?? [])) : h.name;
}

/** [(holder, count), ...] as a new list of tuples */
function holdersList(o: PyObject): PyObject {
  if (!heap.live) raiseType('RuntimeError', 'refscope_check.holders() needs "inspectHeap": true in exercise.json');
  invalidateHeapIndex(interp!);
  const hs = holdersOf(interp!, o);
  return newList(hs.map((h) => newTuple([newStr(holderName(h)), newInt(h.count)])));
}

function setBudget(): void {
  const s = st();
  const limit = s.stepLimit;
  let hard = Infinity;
  vmState.stepLimit = vmState.steps + limit;
  vmState.onBudget = () => {
    if (vmState.steps > hard) throw new HardStop('steps');
    if (hard === Infinity) hard = vmState.steps + Math.max(1_000_000, limit / 4);
    // raise again soon if the code swallows it
    vmState.stepLimit = vmState.steps + 10_000;
    if (s.current && vmState.current && vmState.current.code.unit.filename === s.learnerFile) s.current.line = vmState.current.lineno;
    const cls = module?.dict.getStr(abs.strKey('StepLimitExceeded'));
    if (!(cls instanceof PyType)) throw new HardStop('no StepLimitExceeded');
    raise(cls, `more than ${limit} steps`);
  };
}
function clearBudget(): void {
  // the driver's own work between checks is small; a generous cap keeps it bounded too
  vmState.stepLimit = vmState.steps + 5_000_000;
  vmState.onBudget = () => {
    throw new HardStop('driver');
  };
}

registerModule('refscope_check', (m) => {
  module = m.module;
  m.fn('_load', (args, kw) => {
    checkArgs('_load', args, kw, 1, 1);
    const s = st();
    const which = strArg(args[0], '_load', 'which');
    if (which === 'learner') {
      s.current = { id: '<load>', started: now() };
      setBudget();
      return runAsModule(s.learnerSource, s.learnerFile, 'solution');
    }
    return runAsModule(s.files.checkSource, s.checkFile, 'exercise_check');
  });
  m.fn('_requires', () => newList((st().files.meta.requires ?? []).map((n) => newStr(n))));
  m.fn('_step_limit', () => newInt(st().stepLimit));
  m.fn('_begin', (args, kw) => {
    checkArgs('_begin', args, kw, 1, 1);
    const s = st();
    s.current = { id: strArg(args[0], '_begin', 'name'), started: now() };
    setBudget();
    return newRef(None);
  });
  m.fn('_end', () => {
    clearBudget();
    return newRef(None);
  });
  // _report(name, status, message, expected, actual, exc, line)
  m.fn('_report', (args, kw) => {
    checkArgs('_report', args, kw, 7, 7);
    const s = st();
    const id = strArg(args[0], '_report', 'name');
    const status = strArg(args[1], '_report', 'status') as CheckStatus;
    const r: CheckResult = { id, title: s.title(id), status, message: jsStr(args[2]) ?? '' };
    const ex = jsStr(args[3]);
    const ac = jsStr(args[4]);
    if (ex !== null) r.expected = ex;
    if (ac !== null) r.actual = ac;
    const line = args[6] instanceof PyInt ? Number(args[6].v) : learnerLine(args[5]) ?? (s.current?.id === id ? s.current.line : undefined);
    if (line) r.line = line;
    if (s.current?.id === id) r.durationMs = Math.round(now() - s.current.started);
    s.results.push(r);
    s.current = null;
    return newRef(None);
  });
  m.fn('_load_failed', (args, kw) => {
    checkArgs('_load_failed', args, kw, 3, 3);
    const s = st();
    const kind = strArg(args[0], '_load_failed', 'kind') as 'exception' | 'limit';
    const message = jsStr(args[1]) ?? '';
    const line = learnerLine(args[2]) ?? s.current?.line;
    s.loadError = { kind, message, ...(line ? { line } : {}) };
    s.current = null;
    return newRef(None);
  });
  // the pack's translation of a check message template (English when none)
  m.fn('_tr', (args, kw) => {
    checkArgs('_tr', args, kw, 1, 1);
    const s = st();
    return newStr(translateMessage(s.files, s.lang, strArg(args[0], '_tr', 'template')));
  });
  // the runner's own messages (the host's l10n bundle)
  m.fn('_rt', (args, kw) => {
    if (kw && kw.length) typeError('_rt() takes no keyword arguments');
    const s = st();
    return newStr(s.t(strArg(args[0], '_rt', 'template'), ...args.slice(1).map((a) => (a instanceof PyInt ? Number(a.v) : abs.str(a)))));
  });
  m.fn('learner_line', (args, kw) => {
    checkArgs('learner_line', args, kw, 1, 1);
    // a JavaScript regular expression (the simple ones read as in Python's re)
    let re: RegExp;
    try {
      re = new RegExp(strArg(args[0], 'learner_line', 'pattern'));
    } catch (e) {
      raiseType('ValueError', `learner_line: ${e instanceof Error ? e.message : String(e)}`);
    }
    const lines = st().learnerSource.split(/\r?\n/);
    const i = lines.findIndex((l) => re.test(l));
    return i < 0 ? newRef(None) : newInt(i + 1);
  });
  m.fn('holders', (args, kw) => {
    checkArgs('holders', args, kw, 1, 1);
    st();
    return holdersList(args[0]);
  });
  m.fn('heap_bytes', (args, kw) => {
    checkArgs('heap_bytes', args, kw, 0, 0);
    return newInt(heapBytes());
  });
  // trace_getrefcount(source, name): run `source` as a fresh module with sys.getrefcount recorded;
  // returns [(line, count, [(holder, n), ...]), ...], one per call, in call order.
  m.fn('trace_getrefcount', (args, kw) => {
    checkArgs('trace_getrefcount', args, kw, 2, 2);
    const s = st();
    const source = strArg(args[0], 'trace_getrefcount', 'source');
    const name = strArg(args[1], 'trace_getrefcount', 'name');
    const filename = `<${name}>`;
    const records: PyObject[] = [];
    const sysd = interp!.sys.dict as PyDict;
    const key = internStr('getrefcount');
    const original = sysd.getItem(key);
    if (original) original.rc++;
    // sys_getrefcount_impl: the count is the argument's refcount (the caller's stack slot included)
    const recorder = builtinFunction(
      'getrefcount',
      (a, k) => {
        checkArgs('getrefcount', a, k, 1, 1);
        const o = a[0];
        const count = o.rc;
        const cur = vmState.current;
        const line = cur && cur.code.unit.filename === filename ? cur.lineno : 0;
        records.push(newTuple([newInt(line), newInt(count), holdersList(o)]));
        return newInt(count);
      },
      interp!.sys,
    );
    sysd.setItem(key, recorder);
    decref(recorder);
    let mod: PyModule | null = null;
    try {
      mod = runAsModule(source, filename, name);
    } finally {
      if (original) {
        sysd.setItem(key, original);
        decref(original);
      }
      if (mod) {
        interp!.modules.delItem(internStr(name));
        decref(mod);
      }
      void s;
    }
    return newList(records);
  });
  execSource(m, RC_SRC, '<refscope_check>');
});

const RC_SRC = `
import gc as _gc
import sys as _sys


class StepLimitExceeded(BaseException):
    """Raised inside the learner's code when a check ran out of steps."""


class CheckFailure(AssertionError):
    """A failed check with what was expected and what the learner's code gave (shown as a diff)."""

    def __init__(self, message, expected=None, actual=None, line=None):
        AssertionError.__init__(self, message)
        self.expected = expected
        self.actual = actual
        self.line = line


def t(template, *args, **kwargs):
    """The pack's translation of template (messages.<lang>.json), then str.format(*args, **kwargs)."""
    return _tr(template).format(*args, **kwargs)


def show(value):
    """repr() with sets sorted (stable, readable expected/actual)."""
    if isinstance(value, (set, frozenset)):
        try:
            items = sorted(value)
        except TypeError:
            items = sorted(value, key=repr)
        if not items:
            return 'set()'
        return '{' + ', '.join([repr(x) for x in items]) + '}'
    return repr(value)


def fail(message, expected=None, actual=None, line=None):
    raise CheckFailure(message, expected, actual, line)


def check_equal(actual, expected, message, line=None):
    if actual != expected:
        raise CheckFailure(message, show(expected), show(actual), line)


class _Node:
    __slots__ = ('key', 'succ', '__weakref__')


def unreachable_by_gc(graph, start):
    """The nodes of graph the interpreter's memory management frees once only start is held:
    each node becomes an object holding a list of its successors' objects, every reference but
    the one to start's object is dropped, gc.collect() runs, and the dead weak references name
    the unreachable nodes."""
    import weakref
    nodes = {}

    def node(key):
        n = nodes.get(key)
        if n is None:
            n = _Node()
            n.key = key
            n.succ = []
            nodes[key] = n
        return n

    for key, succs in graph.items():
        a = node(key)
        for s in succs:
            a.succ.append(node(s))
    a = None
    root = node(start)
    refs = [(key, weakref.ref(n)) for key, n in nodes.items()]
    nodes = None
    _gc.collect()
    dead = set()
    for key, r in refs:
        if r() is None:
            dead.add(key)
    root = None
    return dead


def _end_check(name, status, message, expected=None, actual=None, exc=None, line=None):
    _end()
    _report(name, status, message, expected, actual, exc, line)


def _main():
    try:
        learner = _load('learner')
    except StepLimitExceeded as e:
        _end()
        _load_failed('limit', _rt('Your file did not finish loading within {0} steps (an infinite loop at module level?)', _step_limit()), e)
        return
    except BaseException as e:
        _end()
        _load_failed('exception', _rt('Your file raised {0} while loading: {1}', type(e).__name__, str(e)), e)
        return
    _end()
    missing = [n for n in _requires() if not hasattr(learner, n)]
    check = _load('exercise')
    names = [n for n, v in list(vars(check).items()) if n.startswith('check_') and callable(v)]
    for name in names:
        if missing:
            _report(name, 'failed', _rt('Your file does not define {0}.', ', '.join(missing)), None, None, None, None)
            continue
        _begin(name)
        try:
            getattr(check, name)(learner)
        except StepLimitExceeded as e:
            _end_check(name, 'error', _rt('Stopped after {0} steps: the code does not seem to finish (an infinite loop?)', _step_limit()), exc=e)
        except CheckFailure as e:
            _end_check(name, 'failed', str(e), e.expected, e.actual, e, e.line)
        except AssertionError as e:
            _end_check(name, 'failed', str(e) or _rt('An assertion failed.'), exc=e)
        except RecursionError as e:
            _end_check(name, 'error', _rt('RecursionError: {0} (the recursion limit is {1})', str(e), _sys.getrecursionlimit()), exc=e)
        except BaseException as e:
            _end_check(name, 'error', '{0}: {1}'.format(type(e).__name__, e), exc=e)
        else:
            _end_check(name, 'passed', '')
        if not _gc.isenabled():
            _gc.enable()
`;
