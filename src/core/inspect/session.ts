// An inspection session over one program: the run the user sees, and "the state right after line L
// last ran, in the frame where it ran" for every line, without keeping a heap copy per step.
//
// Design: the first run records, for each line of the file, the index of its last line event
// (one array write per line event). `at(L)` replays the program deterministically in a fresh
// interpreter (same stdin and argv, a fixed random generator, a clock that advances with the
// instructions, id() addresses given at creation) and at the first event after L's last one that
// belongs to the same frame (the next line of that frame, or the frame returning, yielding or
// raising; for a body that starts on L — a class body, a comprehension — the frame that runs the
// statement) it runs the caller's function against the live heap; `atMany` visits several lines in
// one replay. A replay is abandoned once its views are taken. The state where the program stopped
// (its end, an uncaught exception) is kept: `final()` reuses it until another interpreter runs in
// this thread. Nothing is kept per step, so memory stays that of one run.
//
// Determinism across runs of one process: the interpreter creates some shared objects (builtin
// types made on first use, modules' tables) the first time only. A warm-up start-up per process
// creates most of them; a first run that still created some is recorded again, so the line events
// the replays count are those of a run like theirs.

// the runtime's modules initialise in the interpreter's order (as src/core/run.ts imports them)
import '../runtime/interp';
import { PyObject, heap, decref, newRef, addressOf, TypeFlags, GcWord, liveCount } from '../runtime/object';
import { Interpreter, type ShownGraph, type StdioMode } from '../runtime/interp';
import { bufferIO, writeOrder, type HostFS } from '../modules/io_shared';
import { Unsupported, ProcessExit } from '../runtime/errors';
import { Frame } from '../runtime/vm/frame';
import { evalFrame, vmState } from '../runtime/vm/eval';
import { finishFrame } from '../runtime/vm/call';
import { gcState } from '../runtime/gc';
import { builtinTypes, PyBuiltinFunction } from '../runtime/types';
import { PyBaseException, SystemExit } from '../runtime/objects/exception';
import { PyTraceback } from '../runtime/objects/traceback';
import { PyDict } from '../runtime/objects/dict';
import { PyList } from '../runtime/objects/list';
import { PyTuple, EmptyTuple } from '../runtime/objects/tuple';
import { PyStr } from '../runtime/objects/str';
import { PyInt, True, False } from '../runtime/objects/int';
import { PyModule, PyInstance } from '../runtime/objects/instance';
import { PyCell, PyCode, PyFunction, PyMethod } from '../runtime/objects/function';
import { None, NotImplemented, Ellipsis } from '../runtime/objects/singletons';
import { PyType } from '../runtime/object';
import { parse } from '../parser/index';
import { moduleInit } from '../runtime/define';
import { compileModule } from '../compiler/compiler';
import type { CodeUnit } from '../compiler/code';
import { heapBytes } from '../modules/psutil';
import { setExtraRoots, invalidateHeapIndex, frameLabel, type ExtraRoot } from './holders';

export interface SessionOptions {
  stdin?: string;
  argv?: string[];
  /** sys.path[0] (default '.'): the script's directory, as CPython sets it */
  path0?: string;
  /** what sys.stdout is (default 'pipe'): 'tty' is a terminal's line buffering, where a printed
   * str is released at the newline instead of staying in the stream's pending writes */
  stdio?: StdioMode;
  stepLimit?: number;
  maxHeapBytes?: number;
  /** what open() may read (absent: only the files the program wrote itself) */
  fs?: HostFS;
  /** node hosts (src/worker/session-runner.ts): open() reads the host's files, a relative path
   * from this directory (fs is made from it there) */
  hostFiles?: string;
}

export interface ProgramError {
  kind: 'exception' | 'syntax' | 'unsupported' | 'limit' | 'internal';
  /** e.g. "ZeroDivisionError: division by zero" */
  message: string;
  /** 1-based, the raising line in the user's file */
  line: number;
  /** 0-based UTF-16 column (0 when unknown) */
  col: number;
  endLine?: number;
  endCol?: number;
  /** the text CPython prints */
  traceback: string;
  frames: { filename: string; line: number; name: string }[];
}

export interface RunSummary {
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order the program wrote them, when that is not all of stdout first
   * (core/run.ts RunResult.order) */
  order?: [1 | 2, string][];
  exitCode: number;
  durationMs: number;
  liveObjects: number;
  gcCollections: number;
  error: ProgramError | null;
  traceTruncated: boolean;
  /** the graphs the program's objgraph.show_* calls drew, in call order */
  graphs?: ShownGraph[];
}

export interface StateView {
  readonly ran: boolean;
  readonly line: number;
  readonly frameName: string | null;
  readonly interp: Interpreter;
  readonly frame: Frame | null;
  /** names, a.b, a[<constant>] (no user code runs); null when it does not resolve */
  resolve(expr: string): PyObject | null;
}

/** Thrown through the interpreter to abandon a replay once its view was taken. */
class StopReplay {}
/** The step budget ran out. */
class LimitHit {
  constructor(
    readonly line: number,
    readonly what: 'steps' | 'memory' = 'steps',
  ) {}
}

/** The interpreter whose heap is installed in the runtime's global state now (one per thread). */
let installed: Interpreter | null = null;

/** the extension's `refscope.stepLimit` default (package.json), so that `refscope hover` stops
 * where the editor does (the lesson's 10,000,000-item comprehension takes ~50M steps) */
export const DEFAULT_STEP_LIMIT = 200_000_000;
const ADDR_BASE = 0x7f5a3c000000;
/** addresses of the objects every run shares (below the runs' own) */
const STATIC_BASE = 0x7f5a2c000000;
let staticNext = STATIC_BASE;

function now(): number {
  const p = (globalThis as { performance?: { now(): number } }).performance;
  return p ? p.now() : Date.now();
}

interface RunMode {
  /** record the last event index of each line (the first run) */
  record: boolean;
  /** replays: the line events after which to take views (sorted by event), each in its frame */
  targets: { event: number; line: number }[];
  /** called with each view (line null: the end of the program, for final()) */
  onView: ((v: StateView, line: number | null) => void) | null;
  /** called at each target event: the state just before the line's last run, in its frame */
  onBefore?: ((v: StateView, line: number) => void) | null;
  /** run the interpreter's exit (atexit, finalizers at shutdown) after the end */
  finish: boolean;
  /** asked between views and every few thousand line events of a replay */
  control?: ReplayControl | null;
}

/**
 * Steers a replay of atMany from outside (the session worker answers requests during a long one):
 * `poll()` is called between views and every 1,024 line events. 'go' goes on; 'stop' abandons the
 * replay (atMany returns the views taken so far); a line number skips the views of the lines the
 * replay would reach before that line's view (they are left out of the result), when that line is
 * still ahead.
 */
export interface ReplayControl {
  poll(): 'go' | 'stop' | number;
}

/** Thrown through the interpreter when a ReplayControl stops a replay. */
class ControlStop {}

export class InspectSession {
  private readonly lineCount: number;
  private lastEvent: Int32Array;
  private summary: RunSummary | null = null;
  /** the interpreter parked at the end of the program (final state), when still installed */
  private parked: { interp: Interpreter; view: StateView; live: Set<PyObject> | null } | null = null;
  private disposed = false;
  private readonly stepLimit: number;

  constructor(
    readonly source: string,
    readonly filename: string,
    readonly options: SessionOptions = {},
  ) {
    this.lineCount = source.split(/\r\n|\r|\n/).length;
    this.lastEvent = new Int32Array(this.lineCount + 2).fill(-1);
    this.stepLimit = options.stepLimit ?? DEFAULT_STEP_LIMIT;
  }

  /** Run the program (once; later calls return the same summary). */
  run(): RunSummary {
    if (this.summary) return this.summary;
    this.check();
    const t0 = now();
    warmUp(this.source);
    const r = this.execute({ record: true, targets: [], onView: null, finish: true });
    if (r.cold) {
      // the run created objects the interpreter keeps for later runs (a lazily made builtin type,
      // a module's static tables): the replays will not allocate them, so the line events are
      // recorded again by a run like the replays (same id() addresses and hash orders). What
      // the user sees stays the first run's: a fresh process's output.
      this.lastEvent.fill(-1);
      this.execute({ record: true, targets: [], onView: null, finish: true });
    }
    this.summary = { ...r.summary, durationMs: now() - t0 };
    return this.summary;
  }

  /** What run() does (the recording run and the interpreter's exit), for its time only: the
   * session worker's warm-up while idle, on a session of its own that is then dropped. `control`
   * can stop it every 1,024 line events ('stop'). Returns false when stopped. */
  rehearse(control: ReplayControl): boolean {
    this.check();
    return !this.execute({ record: true, targets: [], onView: null, finish: true, control }).partial;
  }

  /** fn runs against the state right after `line` (1-based) last ran, in the frame where it ran;
   * if the line never ran, against the state where the program stopped (view.ran === false). */
  at<T>(line: number, fn: (view: StateView) => T): T {
    const r = this.atMany([line], (_l, v) => fn(v));
    return r.get(line) as T;
  }

  /** The lines of the file that ran, in order (the graph panel's timeline). */
  linesRun(): number[] {
    this.run();
    const out: number[] = [];
    for (let l = 1; l < this.lastEvent.length; l++) if (this.lastEvent[l] >= 0) out.push(l);
    return out;
  }

  /** at() for several lines with one replay: fn(line, view) is called for each line in the order
   * the program reaches them (each view is valid only during its call). */
  atMany<T>(lines: number[], fn: (line: number, view: StateView) => T, before?: (line: number, view: StateView) => void, control?: ReplayControl): Map<number, T> {
    this.run();
    const out = new Map<number, T>();
    const targets: { event: number; line: number }[] = [];
    const never: number[] = [];
    for (const line of new Set(lines)) {
      const ev = line >= 1 && line < this.lastEvent.length ? this.lastEvent[line] : -1;
      if (ev < 0) never.push(line);
      else targets.push({ event: ev, line });
    }
    targets.sort((a, b) => a.event - b.event);
    let err: unknown = null;
    if (targets.length) {
      const r = this.execute({
        record: false,
        targets,
        onView: (v, line) => {
          if (line === null || err) return;
          try {
            out.set(line, fn(line, v));
          } catch (e) {
            err = e;
          }
        },
        onBefore: before
          ? (v, line) => {
              if (err) return;
              try {
                before(line, v);
              } catch (e) {
                err = e;
              }
            }
          : null,
        finish: false,
        control: control ?? null,
      });
      if (r.summary.traceTruncated && this.summary) this.summary.traceTruncated = true;
      if (err) throw err;
      // lines a control skipped or stopped before are left out
      if (r.partial) return out;
    }
    if (never.length) {
      this.final((v) => {
        for (const line of never) out.set(line, fn(line, { ...bindView(v), ran: false }));
      });
    }
    for (const { line } of targets) if (!out.has(line)) throw new Error(`RefScope: the replay ended without a view of line ${line}`);
    return out;
  }

  /** fn runs against the state where the program stopped (after its last line; before exit). */
  final<T>(fn: (view: StateView) => T): T {
    this.run();
    // (any other run in this thread — another session, runSource — replaced the runtime's state)
    if (this.parked && installed === this.parked.interp && heap.live === this.parked.live) {
      invalidateHeapIndex(this.parked.interp);
      return fn(this.parked.view);
    }
    this.parked = null;
    let out: { v: T } | null = null;
    let err: unknown = null;
    this.execute({
      record: false,
      targets: [],
      onView: (v) => {
        try {
          out = { v: fn(v) };
        } catch (e) {
          err = e;
        }
      },
      finish: false,
    });
    if (err) throw err;
    if (!out) throw new Error('RefScope: no final state');
    return (out as { v: T }).v;
  }

  dispose(): void {
    this.disposed = true;
    this.parked = null;
    this.lastEvent = new Int32Array(0);
  }

  private check(): void {
    if (this.disposed) throw new Error('RefScope: the inspect session was disposed');
  }

  // ------------------------------------------------------------------------------ one run

  /** Is `line` still ahead of a replay that is at line event `event`? (its view comes later) */
  lineEvent(line: number): number {
    return line >= 1 && line < this.lastEvent.length ? this.lastEvent[line] : -1;
  }

  private execute(mode: RunMode): { summary: RunSummary; cold?: boolean; partial?: boolean } {
    this.check();
    const io = bufferIO(this.options.stdin ?? '');
    if (this.options.fs) io.fs = this.options.fs;
    const interp = new Interpreter(io, { audit: true, argv: this.options.argv, path0: this.options.path0, stdio: this.options.stdio, stepLimit: this.stepLimit });
    const filename = this.filename;
    const lastEvent = this.lastEvent;
    const restore = deterministic();
    const targets = mode.targets;
    const replay = !mode.record;
    let error: ProgramError | null = null;
    let truncated = false;
    let events = -1;
    let endCounts: { live: number; gc: number } | null = null;
    const summarize = (exitCode: number, err: ProgramError | null, trunc: boolean) => {
      const r = this.summarize(io, exitCode, err, trunc);
      if (interp.shownGraphs.length) r.graphs = interp.shownGraphs.slice();
      if (endCounts) {
        r.liveObjects = endCounts.live;
        r.gcCollections = endCounts.gc;
      }
      return r;
    };
    let lastLine = 0;
    /** index of the next target event; frames waiting for their next event -> the lines */
    let ti = 0;
    const armed = new Map<Frame, number[]>();
    let pending = targets.length;
    let ended = false;
    const control = mode.control ?? null;
    let partial = false;
    /** ask the control; skip the targets before a line it wants next */
    const steer = () => {
      const c = control!.poll();
      if (c === 'go') return;
      if (c === 'stop') {
        partial = true;
        unhook();
        throw new ControlStop();
      }
      const ev = c >= 1 && c < lastEvent.length ? lastEvent[c] : -1;
      if (ev <= events) return; // passed, or never ran: nothing to skip to
      while (ti < targets.length && targets[ti].event < ev) {
        ti++;
        pending--;
        partial = true;
      }
      if (pending === 0) {
        unhook();
        throw new StopReplay();
      }
    };
    const st = vmState;
    const unhook = () => {
      st.onLine = null;
      st.onFrameExit = null;
    };
    /** the views of lines whose state is now (in frame f) */
    const fire = (f: Frame | null, lines: number[], ran: boolean, extra: ExtraRoot[]) => {
      setExtraRoots(interp, extra);
      // a view must not change what the program does next: id() addresses handed out while it
      // looks (to a shared object) are taken back
      const addr = heap.nextAddr;
      try {
        for (const line of lines) {
          pending--;
          mode.onView?.(makeView(interp, f, line, ran), line);
        }
      } finally {
        setExtraRoots(interp, []);
        heap.nextAddr = addr;
      }
      if (control && pending > 0 && !ended) steer();
    };
    /** where the program stopped: the end view (final) or the lines still waiting */
    const atEnd = (f: Frame | null, ranOut: boolean): StateView | null => {
      if (ended) return null;
      ended = true;
      unhook();
      if (!targets.length) {
        const v = makeView(interp, f, lastLine, true);
        setExtraRoots(interp, []);
        mode.onView?.(v, null);
        return v;
      }
      // lines whose frame is still waiting saw their state last at the stop (a budget) or never
      for (const [fr, lines] of armed) fire(ranOut ? fr : null, lines, ranOut, []);
      armed.clear();
      const rest = targets.slice(ti).map((x) => x.line);
      if (rest.length || !ranOut) truncated = truncated || rest.length > 0;
      if (rest.length) fire(null, rest, false, []);
      return null;
    };
    installed = interp;
    this.parked = null;
    heap.nextAddr = ADDR_BASE;
    heap.freedAddrs = [];
    try {
      interp.start(filename);
      eagerAddresses();
      siteFile = filename;
      allocSites = new WeakMap();
      st.onBudget = () => {
        // the view of a stopped program is where it stopped, before the frames unwind
        if (replay) atEnd(st.current, true);
        throw new LimitHit(lastLine);
      };
      const maxBytes = this.options.maxHeapBytes ?? Infinity;
      const budget = new HeapBudgetClock();
      st.onLine = (f, line) => {
        events++;
        if (control && (events & 1023) === 0) steer();
        if ((events & 4095) === 0 && maxBytes < Infinity && budget.due() && overHeapBudget(maxBytes, budget)) {
          if (replay) atEnd(st.current, true);
          throw new LimitHit(lastLine, 'memory');
        }
        if (f.code.unit.filename !== filename) return;
        lastLine = line;
        if (!replay) {
          if (line < lastEvent.length) lastEvent[line] = events;
          return;
        }
        if (armed.size) {
          const lines = armed.get(f);
          if (lines) {
            armed.delete(f);
            fire(f, lines, true, []);
            if (pending === 0) {
              unhook();
              throw new StopReplay();
            }
          }
        }
        while (ti < targets.length && targets[ti].event === events) {
          if (line !== targets[ti].line) truncated = true; // the replay diverged from the first run
          if (mode.onBefore) {
            const addr = heap.nextAddr;
            try {
              mode.onBefore(makeView(interp, f, targets[ti].line, true), targets[ti].line);
            } finally {
              heap.nextAddr = addr;
            }
          }
          // a line's last event inside a body that starts on that line (a class body, a
          // comprehension, a lambda): the line is done when the frame that runs the statement goes on
          const u = f.code.unit;
          const af = f.back && u.name !== '<module>' && u.firstlineno === line ? f.back : f;
          const l = armed.get(af);
          if (l) l.push(targets[ti].line);
          else armed.set(af, [targets[ti].line]);
          ti++;
        }
      };
      if (replay && targets.length) {
        st.onFrameExit = (f, value, raised) => {
          const lines = armed.get(f);
          if (!lines) return;
          armed.delete(f);
          const extra: ExtraRoot = {
            obj: value,
            kind: 'stack',
            template: raised ? 'the exception leaving `{0}` (in flight)' : f.yielded ? 'the value yielded by `{0}` (in flight)' : 'the return value of `{0}` (in flight)',
            args: [frameLabel(f)],
          };
          fire(f, lines, true, [extra]);
          if (pending === 0) {
            unhook();
            throw new StopReplay();
          }
        };
      }
      let code: PyCode | null;
      try {
        code = compileCached(interp, this.source, filename);
      } catch (e) {
        if (e instanceof Unsupported) {
          io.writeStderr(`RefScope: ${e.what}\n`);
          const m = /\(line (\d+)\)/.exec(e.what);
          error = simpleError('unsupported', e.what, m ? Number(m[1]) : 1);
          if (replay) atEnd(null, false); // nothing ran
          return { summary: this.summarize(io, 1, error, false) };
        }
        throw e;
      }
      if (!code) {
        error = this.syntaxError(io.err.join(''));
        if (replay) atEnd(null, false); // nothing ran
        return { summary: this.summarize(io, interp.exitCode || 1, error, false) };
      }
      const f = interp.enterMain(code);
      let exc: PyBaseException | null = null;
      let jsError: unknown = null;
      st.depth = 1;
      st.current = f;
      try {
        decref(evalFrame(f));
      } catch (e) {
        if (e instanceof PyBaseException) exc = e;
        else jsError = e;
      } finally {
        st.current = null;
        st.depth = 0;
      }
      if (jsError instanceof StopReplay || jsError instanceof ControlStop) return { summary: this.summarize(io, 0, null, truncated), partial };
      if (jsError instanceof ProcessExit) {
        // os._exit: the run ends here, as the process would (nothing more is written: the
        // frames' release below runs no finalizer output)
        unhook();
        try {
          interp.leaveMain(f);
        } catch {
          /* the heap of an abandoned run */
        }
        if (replay) atEnd(null, false);
        return { summary: this.summarize(io, jsError.code, null, truncated) };
      }
      if (jsError) {
        // the program cannot go on; the frames were unwound by the exception
        unhook();
        try {
          interp.leaveMain(f);
        } catch {
          /* the heap of an abandoned run */
        }
        if (jsError instanceof LimitHit) {
          error =
            jsError.what === 'memory'
              ? simpleError('limit', `The program used more than ${Math.round(maxBytes / 1048576)} MB and was stopped`, jsError.line || lastLine || 1)
              : simpleError('limit', `The program ran longer than ${this.stepLimit} steps and was stopped`, jsError.line || lastLine || 1);
          io.writeStderr(`RefScope: ${error.message} (line ${error.line})\n`);
        } else if (jsError instanceof Unsupported) {
          error = simpleError('unsupported', `${jsError.what} is not supported yet`, lastLine || 1);
          io.writeStderr(`RefScope: ${jsError.what} is not supported yet\n`);
        } else if (jsError instanceof RangeError && /call stack/i.test(jsError.message)) {
          error = simpleError('internal', 'the interpreter ran out of stack (deep recursion in native code)', lastLine || 1);
          io.writeStderr(`RefScope: ${error.message}\n`);
        } else {
          const msg = jsError instanceof Error ? jsError.message : String(jsError);
          error = simpleError('internal', `internal error: ${msg}`, lastLine || 1);
          io.writeStderr(`RefScope: internal error: ${msg}\n`);
        }
        if (replay) atEnd(null, false);
        return { summary: this.summarize(io, 1, error, truncated) };
      }
      interp.leaveMain(f);
      // _PyRun_SimpleFileObject's flush_io, before the exception is printed
      interp.flushIo();
      if (exc) {
        if (!exc.type.isSubtype(SystemExit)) error = this.exceptionError(exc, io);
        const before = io.err.length;
        interp.handleUncaught(exc);
        if (error) error.traceback = io.err.slice(before).join('');
        if (error) {
          const lines = error.traceback.trimEnd().split('\n');
          error.message = lines[lines.length - 1] || error.message;
        }
      }
      unhook();
      if (replay) {
        const v = atEnd(null, false);
        if (v) this.parked = { interp, view: v, live: heap.live };
      }
      endCounts = { live: liveCount(), gc: gcState.runs };
      const cold = !replay && createdSharedObjects();
      if (mode.finish) {
        interp.endOfMain();
        installed = null;
      }
      return { summary: summarize(interp.exitCode, error, truncated), cold };
    } catch (e) {
      if (e instanceof StopReplay || e instanceof ControlStop) return { summary: this.summarize(io, 0, null, truncated), partial };
      throw e;
    } finally {
      unhook();
      restore();
    }
  }

  private summarize(io: { out: string[]; err: string[]; runs: number[] }, exitCode: number, error: ProgramError | null, truncated: boolean): RunSummary {
    const order = writeOrder(io);
    return {
      stdout: io.out.join(''),
      stderr: io.err.join(''),
      ...(order ? { order } : {}),
      exitCode,
      durationMs: 0,
      liveObjects: liveCount(),
      gcCollections: gcState.runs,
      error,
      traceTruncated: truncated,
    };
  }

  private exceptionError(exc: PyBaseException, _io: unknown): ProgramError {
    const frames: ProgramError['frames'] = [];
    let line = 1;
    let col = 0;
    let endLine: number | undefined;
    let endCol: number | undefined;
    for (let t = exc.traceback instanceof PyTraceback ? exc.traceback : null; t; t = t.next) {
      const u = t.frame.code.unit;
      frames.push({ filename: u.filename, line: t.lineno, name: u.name });
      if (u.filename === this.filename && t.lineno > 0) {
        line = t.lineno;
        const srcLine = u.source[t.lineno - 1] ?? '';
        const c = u.cols[t.lasti];
        col = c >= 0 ? utf16Col(srcLine, c) : 0;
        const el = u.endLines[t.lasti];
        const ec = u.endCols[t.lasti];
        if (el > 0 && ec >= 0) {
          endLine = el;
          endCol = utf16Col(u.source[el - 1] ?? '', ec);
        } else {
          endLine = undefined;
          endCol = undefined;
        }
      }
    }
    return { kind: 'exception', message: exc.type.name, line, col, endLine, endCol, traceback: '', frames };
  }

  private syntaxError(stderr: string): ProgramError {
    const pr = parse(this.source, this.filename);
    let info = pr.error;
    if (!info && pr.module) {
      const cr = compileModule(pr.module, this.filename, this.source);
      if (cr.error) {
        const srcLines = this.source.split(/\r?\n/);
        const e = cr.error;
        return {
          kind: 'syntax',
          message: `${e.type}: ${e.msg}`,
          line: e.lineno,
          col: utf16Col(srcLines[e.lineno - 1] ?? '', e.col),
          endLine: e.endLineno,
          endCol: utf16Col(srcLines[e.endLineno - 1] ?? '', e.endCol),
          traceback: stderr,
          frames: [],
        };
      }
    }
    if (!info) return simpleError('syntax', stderr.trim().split('\n').pop() ?? 'SyntaxError', 1, stderr);
    // offset: 1-based code points; the editor wants UTF-16
    const text = (info.text ?? '').replace(/\n$/, '');
    return {
      kind: 'syntax',
      message: `${info.type}: ${info.msg}`,
      line: info.lineno,
      col: cpToUtf16(text, Math.max(0, info.offset - 1)),
      endLine: info.end_lineno,
      endCol: cpToUtf16(text, Math.max(0, info.end_offset - 1)),
      traceback: stderr,
      frames: [],
    };
  }
}

/** The last program parsed and compiled in this thread: the replays of a session (and a re-run of
 * an unchanged file) reuse its code unit — plain data; each run makes its own constants and code
 * objects from it (Interpreter.materializeCode), as Interpreter.compile does after compiling. A
 * program with compiler warnings or errors goes through Interpreter.compile every time (it prints
 * them). */
let compiled: { source: string; filename: string; unit: CodeUnit } | null = null;
function compileCached(interp: Interpreter, source: string, filename: string): PyCode | null {
  if (compiled && compiled.source === source && compiled.filename === filename) return interp.materializeCode(compiled.unit, true);
  compiled = null;
  const pr = parse(source, filename);
  if (pr.module) {
    const cr = compileModule(pr.module, filename, source);
    if (cr.code && !cr.warnings.length) {
      compiled = { source, filename, unit: cr.code };
      return interp.materializeCode(cr.code, true);
    }
  }
  return interp.compile(source, filename);
}

function simpleError(kind: ProgramError['kind'], message: string, line: number, traceback = ''): ProgramError {
  return { kind, message, line, col: 0, traceback: traceback || message + '\n', frames: [] };
}

/** The heap model of the psutil module (object sizes in pymalloc blocks): a cheap object-count
 * estimate first, the full walk only when that gets near the budget. */
function overHeapBudget(maxBytes: number, clock: HeapBudgetClock): boolean {
  const n = liveCount();
  // few objects can still be large (list buffers): walk anyway, but only as often as the clock allows
  if (n * 64 < maxBytes / 4 && !clock.walkAnyway()) return false;
  const t0 = Date.now();
  const over = heapBytes() > maxBytes;
  clock.walked(Date.now() - t0);
  return over;
}

/** Keeps the heap walks of the memory budget to about 5% of the run's time. */
class HeapBudgetClock {
  private last = Date.now();
  private cost = 0;
  private checks = 0;
  due(): boolean {
    return Date.now() - this.last >= 20 * this.cost;
  }
  walkAnyway(): boolean {
    return ++this.checks % 4 === 0;
  }
  walked(ms: number): void {
    this.cost = ms;
    this.last = Date.now();
  }
}

/** UTF-8 byte offset in line -> UTF-16 column */
export function utf16Col(line: string, byteOff: number): number {
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < byteOff) {
    const c = line.codePointAt(i)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return i;
}
function cpToUtf16(line: string, cp: number): number {
  let i = 0;
  let n = 0;
  while (i < line.length && n < cp) {
    i += line.codePointAt(i)! >= 0x10000 ? 2 : 1;
    n++;
  }
  return i + Math.max(0, cp - n);
}

// ------------------------------------------------------------------------------ determinism

/** Every object of a session's run gets its id() address when it is created (instead of on the
 * first id()): the hover can show any object's id without changing the addresses, hashes and set
 * orders the rest of the run sees, and the ids the program prints are the ones the hover shows. */
class AddressingSet extends Set<PyObject> {
  override add(o: PyObject): this {
    // strings stay lazy: the first run of a process creates the interned ones that later runs
    // find ready, and strings hash by value (their addresses change no order); so do exact ints
    // and floats, which hash by value too and hold nothing (an address is a WeakMap entry: the
    // lesson's 10,000,000-int list spent most of its time in the collector's ephemeron tables)
    if (!(o.gcw & GcWord.HAS_ADDR)) {
      // (an int or a float joins when addressOf gives it an address: heap.lazyLeaves; the
      // PyObject constructor leaves them out, eagerAddresses' copy does it here)
      if (o.type && o.type.lazyLeaf) {
        heap.lazyLeafCount++;
        return this;
      }
      if (!(o instanceof PyStr)) addressOf(o);
    }
    // where containers and instances were made (the graph panel's "Reveal allocation")
    if (siteFile !== null && o.type && o.type.flags & TypeFlags.HAVE_GC) {
      for (let f = vmState.current; f; f = f.back) {
        if (f.code.unit.filename === siteFile) {
          // f.pc is the instruction running (evalFrame syncs it before each instruction)
          const l = f.code.unit.lines;
          let j = Math.min(f.pc, l.length - 1);
          while (j > 0 && l[j] < 0) j--;
          allocSites.set(o, l[j] >= 0 ? l[j] : f.code.unit.firstlineno);
          break;
        }
      }
    }
    return super.add(o);
  }
}
/** the file whose lines allocation sites are recorded in (the session's), or null */
let siteFile: string | null = null;
let allocSites = new WeakMap<PyObject, number>();
/** The line of the session's file that was running when o was created (containers and
 * instances; null for others and for objects made before the program started). */
export function allocLineOf(o: PyObject): number | null {
  return allocSites.get(o) ?? null;
}
let warm = false;
/** the modules a warm-up imported in this process */
const warmed = new Set<string>();
/** The top-level modules `source` may import (`import a.b, c as d`, `from e import f`; a relative
 * import names none). A guess from the text, that may take too many (an import in a string): a
 * module it misses only costs a second recording (run() and its `cold` check). */
export function importedModules(source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([^\n#;]+))/gm)) {
    if (m[1] !== undefined) out.add(m[1].split('.')[0]);
    else for (const part of m[2].split(',')) {
      const name = /^\s*([A-Za-z_]\w*)/.exec(part);
      if (name) out.add(name[1]);
    }
  }
  return [...out];
}
/** The interpreter's start-up creates some shared objects the first time only, and so does a
 * module's first import: a throwaway start-up in each process, and the first import of each
 * module of RefScope's standard library the program imports, makes the first session's run like
 * all later ones. Only the program's own modules: importing all of them (decimal, enum, psutil...) took
 * ~0.9 s, which the first run of every document's worker waited for. */
function warmUp(source: string): void {
  // (RefScope's own modules only: a program's own module could run without end)
  const todo = importedModules(source).filter((m) => moduleInit(m) !== undefined && !warmed.has(m));
  if (warm && todo.length === 0) return;
  warm = true;
  for (const m of todo) warmed.add(m);
  const restore = deterministic();
  try {
    const interp = new Interpreter(bufferIO(''), { audit: true });
    interp.start('<warm-up>');
    // modules make some of their objects once per process, on their first import
    for (const name of todo) {
      try {
        decref(interp.importModule(name));
      } catch (e) {
        if (e instanceof PyBaseException) decref(e);
      }
    }
  } catch {
    /* a warm-up that fails only costs the first run's determinism */
  } finally {
    vmState.onLine = null;
    restore();
  }
}

/** Did this run create objects that outlive it (shared by later runs)? Strings aside, and the
 * builtin functions every run makes anew (immortal too: a module's functions, bound to the run's
 * module object, and the unbound ones the run's own code makes, such as sys.stdout.write); the
 * ones made once per process are bound to a builtin type (its __new__). Counting those made anew
 * would record every run twice. */
function createdSharedObjects(): boolean {
  const live = heap.live;
  if (!live) return false;
  for (const o of live) {
    if (o.rc < 100_000_000 || o instanceof PyStr) continue;
    if (o instanceof PyBuiltinFunction && o.type.name === 'builtin_function_or_method' && (o.self === null || live.has(o.self))) continue;
    return true;
  }
  return false;
}
function eagerAddresses(): void {
  const live = heap.live;
  if (!live || live instanceof AddressingSet) return;
  const eager = new AddressingSet();
  heap.lazyLeaves = true;
  for (const o of live) eager.add(o);
  heap.live = eager;
}

/** Same randomness and clock in every run of a session: Math.random (random's default seed)
 * is a fixed generator and the wall/monotonic clocks advance with the instructions executed. */
function deterministic(): () => void {
  const g = globalThis as unknown as { Math: Math; Date: DateConstructor; performance?: { now(): number } };
  const origRandom = Math.random;
  const origNow = Date.now;
  let s = 0x2545f491;
  Math.random = () => {
    // xorshift32
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
  const wall0 = 1_700_000_000_000;
  const perf0 = 1_000;
  Date.now = () => wall0 + vmState.steps / 1000;
  const perf = g.performance;
  let perfPatched = false;
  if (perf) {
    try {
      Object.defineProperty(perf, 'now', { value: () => perf0 + vmState.steps / 1000, configurable: true, writable: true });
      perfPatched = true;
    } catch {
      perfPatched = false;
    }
  }
  // the addresses id() reports for objects shared by every run are fixed before the first run,
  // so that each run hands out the same addresses to its own objects
  const saved = heap.nextAddr;
  heap.nextAddr = staticNext;
  for (const o of [None, True, False, Ellipsis, NotImplemented, EmptyTuple]) addressOf(o);
  for (const t of builtinTypes) addressOf(t);
  staticNext = heap.nextAddr;
  heap.nextAddr = saved;
  return () => {
    Math.random = origRandom;
    Date.now = origNow;
    if (perf && perfPatched) {
      try {
        delete (perf as { now?: unknown }).now;
      } catch {
        /* left patched */
      }
    }
  };
}

// ------------------------------------------------------------------------------ views

function bindView(v: StateView): StateView {
  return { ran: v.ran, line: v.line, frameName: v.frameName, interp: v.interp, frame: v.frame, resolve: (e) => v.resolve(e) };
}

function makeView(interp: Interpreter, frame: Frame | null, line: number, ran: boolean): StateView {
  invalidateHeapIndex(interp);
  return {
    ran,
    line,
    frameName: frame ? frameLabel(frame) : null,
    interp,
    frame,
    resolve: (expr) => resolveExpr(interp, frame, expr),
  };
}

/** Look a name up as the frame would (fast locals and cells, f_locals, globals, builtins). */
export function lookupName(interp: Interpreter, frame: Frame | null, name: string): PyObject | null {
  if (frame) {
    const u = frame.code.unit;
    const i = u.localsplusNames.lastIndexOf(name);
    if (i >= 0) {
      const v = frame.fast[i];
      const cellSlot = (u.localsplusKinds[i] & 0xc0) !== 0; // CO_FAST_CELL | CO_FAST_FREE
      if (cellSlot && v instanceof PyCell) return v.ref;
      if (v) return v;
      if (u.flags & 0x1) return null; // an unbound local of a function (CO_OPTIMIZED)
    }
    // f_locals is the namespace of module and class bodies (a function's is a copy, FastToLocals)
    // (a __prepare__ namespace that is not a dict is not read: that would run its code)
    if (frame.locals instanceof PyDict && !(u.flags & 0x1)) {
      const v = dictGetStr(frame.locals, name);
      if (v) return v;
    }
    const g = dictGetStr(frame.globals, name);
    if (g) return g;
    return dictGetStr(frame.builtins, name);
  }
  const g = dictGetStr(interp.main.dict, name);
  if (g) return g;
  return dictGetStr(interp.builtins, name);
}

export function dictGetStr(d: PyDict, name: string): PyObject | null {
  for (const [k, v] of d.entries()) if (k instanceof PyStr && k.v === name) return v;
  return null;
}

/** An attribute without running user code: the instance's own attributes and slots, a module's
 * dict, then the class attributes along the MRO (functions come back unbound). */
export function peekAttr(o: PyObject, name: string): PyObject | null {
  // attributes that native getters read straight from the object's fields
  if (name === '__class__') return o.type;
  if (o instanceof PyFunction) {
    const f: Record<string, PyObject | null> = { __closure__: o.closure, __globals__: o.globals, __defaults__: o.defaults, __kwdefaults__: o.kwdefaults, __code__: o.code, __dict__: o.dict };
    if (name in f) return f[name];
  }
  if (o instanceof PyCell && name === 'cell_contents') return o.ref;
  if (o instanceof PyMethod && (name === '__self__' || name === '__func__')) return name === '__self__' ? o.self : o.func;
  if (o instanceof PyBaseException && name === '__traceback__') return o.traceback;
  if (o instanceof PyInstance && name === '__dict__') return o.dict;
  if (o instanceof PyModule) {
    if (name === '__dict__') return o.dict;
    return dictGetStr(o.dict, name);
  }
  if (o instanceof PyInstance) {
    if (o.vals) {
      const v = o.inlineValue(name);
      if (v) return v;
    } else if (o.dict) {
      const v = dictGetStr(o.dict, name);
      if (v) return v;
    }
    const sn = o.type.slotNames;
    if (sn) {
      const i = sn.indexOf(name);
      const v = i >= 0 ? o.getSlot(i) : null;
      if (v) return v;
    }
  }
  const t = o instanceof PyType ? o : o.type;
  for (const c of t.mro.length ? t.mro : [t]) {
    if (c.dict) {
      const v = dictGetStr(c.dict, name);
      if (v) {
        // a descriptor (property, getset, slot member) would run code to give the value
        const k = v.type.name;
        if (k === 'property' || k === 'getset_descriptor' || k === 'member_descriptor') return null;
        return v;
      }
    }
  }
  return null;
}

function resolveExpr(interp: Interpreter, frame: Frame | null, expr: string): PyObject | null {
  const re = /\s*(?:([A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)|\.\s*([A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)|\[\s*(-?\d+|'[^']*'|"[^"]*"|[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)\s*\])/y;
  let cur: PyObject | null = null;
  let first = true;
  re.lastIndex = 0;
  const s = expr.trim();
  while (re.lastIndex < s.length) {
    const m = re.exec(s);
    if (!m) return null;
    if (first) {
      if (!m[1]) return null;
      cur = lookupName(interp, frame, m[1]);
      first = false;
    } else if (m[2] !== undefined) {
      cur = peekAttr(cur!, m[2]);
    } else if (m[3] !== undefined) {
      let lit = m[3];
      if (/^[^-\d'"]/.test(lit)) {
        // a[i]: the index is a variable holding an int or a str
        const k = lookupName(interp, frame, lit);
        if (k instanceof PyInt) lit = String(k.v);
        else if (k instanceof PyStr) lit = JSON.stringify(k.v);
        else return null;
      }
      cur = peekItem(cur!, lit);
    } else return null;
    if (!cur) return null;
  }
  return cur;
}

function peekItem(o: PyObject, lit: string): PyObject | null {
  if (/^-?\d+$/.test(lit)) {
    const i = Number(lit);
    if (o instanceof PyList || o instanceof PyTuple) {
      const items = o.items;
      const j = i < 0 ? items.length + i : i;
      return j >= 0 && j < items.length ? items[j] : null;
    }
    if (o instanceof PyDict) {
      for (const [k, v] of o.entries()) if (k instanceof PyInt && Number(k.v) === i && !(k === True || k === False)) return v;
    }
    return null;
  }
  const key = lit.slice(1, -1);
  if (o instanceof PyDict) for (const [k, v] of o.entries()) if (k instanceof PyStr && k.v === key) return v;
  return null;
}


