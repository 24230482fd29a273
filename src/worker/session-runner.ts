// The session worker: keeps one InspectSession (one document's run) and answers the host's
// hover and explain queries against it. Only the message port is node-specific.
//
// After a run whose request asks for it, the worker computes the hovers of the whole file in the
// background (one replay of the program, InspectSession.atMany), so that a hover finds its answer
// ready. The thread is single: the replay polls the port between views (receiveMessageOnPort) and
// answers at once a hover that is ready; a hover on a line the replay has not reached makes it skip
// ahead to that line (the skipped lines come in a later pass); any other request — a new run, an
// explain, a graph, a hover on a line the replay passed — stops the replay, is answered, and the
// prefetch goes on afterwards from where it stopped (computed hovers stay cached).
//
// Then, still only while idle, the worker rehearses a re-run of the file (see "the idle warm-up"
// below), so that the user's next run finds the interpreter's code compiled by V8.

import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { InspectSession } from '../core/inspect/session';
import { hoverAt, prefetchHovers, cachedHover, cachedHoverCount, hoverViewLine, type HoverOptions, type PrefetchControl } from '../core/inspect/hover';
import { explainCount } from '../core/inspect/explain';
import { graphAt } from '../core/inspect/graph';
import { makeTranslator, type Translate } from '../core/inspect/translate';
import { parse } from '../core/parser/index';
import { compileModule } from '../core/compiler/compiler';
import type * as A from '../core/parser/ast';
import type { WorkerRequest, WorkerReply } from '../protocol/worker';
import { withHostFiles as withFiles } from './node-fs';
import { installFrozenFile } from './frozen-file';

// the stdlib's Python sources compiled at build time (dist/stdlib.frozen), if there
installFrozenFile();

let session: InspectSession | null = null;

let t: Translate = makeTranslator(null);
/** per hover options: the lines whose hovers were computed for this session */
let prefetched = new Map<string, Set<number>>();
const PREFETCH_RADIUS = 20;
/** how long after a reply the background prefetch (re)starts */
const PREFETCH_DELAY_MS = 30;
/** the background prefetch of the current session: its hover options, or null when none is due */
let background: HoverOptions | null = null;
/** tests: a pause after each view of the background prefetch (RunRequest.prefetch.viewDelayMs) */
let viewDelayMs = 0;
const pause = new Int32Array(new SharedArrayBuffer(4));

// ------------------------------------------------------------------------------ the idle warm-up
//
// V8 runs a function in its bytecode interpreter until the function has run a while, then compiles
// it to optimised code in the background; a fresh worker's first re-runs of a small file take
// several times as long as later ones (measured for a 200-line file: 90, 65, 55 ms, then 10-25
// ms), and more on a busy machine, where the background compiler waits for a core. So while the
// worker is idle after a run (no request waiting, the hover prefetch done), it rehearses the
// re-run path in slices between requests: the parse of the file's text, its compile a few
// top-level statements at a time (pure functions of the text; the code is thrown away), then a
// run of the program in a session of its own, thrown away too (InspectSession.rehearse: the run
// the user's session made, from the same text, options and deterministic start, as a save without
// changes would run it). A request waits at most for the slice going: a rehearsal polls the port
// every 1,024 line events, as the prefetch's replay does, and stops; the request is answered
// first and the round goes on afterwards. The live session keeps its summary, line events and
// computed hovers; a state it parked is given up as after any replay (final() replays). A worker
// does a dozen rounds in its life (the first ones after its first run, the rest after later runs
// when the user's pauses were short): after them the code is compiled, and rehearsing again would
// only cost the machine's time.

/** rehearsals per worker */
const WARM_ROUNDS = 12;
/** how long after a reply (or the prefetch's end) the warm-up starts */
const WARM_DELAY_MS = 20;
/** longer programs are not rehearsed: their own runs compile the interpreter's code, and a
 * rehearsal's slices between polls would grow with them */
const WARM_MAX_EVENTS = 200_000;
/** (a first run's time includes the per-process start-up and V8's warm-up: on a busy machine the
 * warm-up may wait for a later run) */
const WARM_MAX_RUN_MS = 2_000;
/** a slice that took longer than this ends the warm-up of the session (a program whose lines
 * run long between polls) */
const WARM_MAX_SLICE_MS = 500;
let warmMaxSliceMs = WARM_MAX_SLICE_MS;
/** longer files are not parsed and compiled again (the parse is one slice) */
const WARM_MAX_COMPILE_LINES = 600;
/** the compile goes in slices of top-level statements spanning about this many lines */
const WARM_COMPILE_LINES = 40;
/** rehearsals this worker still does */
let warmLeft = WARM_ROUNDS;
/** the run to rehearse (the current session's text and options), and where the round is: its
 * parsed module and the next top-level statement to compile, or null for the parse */
let warm: { source: string; filename: string; options: InspectSession['options']; compile: boolean; mod: A.Module | null; next: number } | null = null;
/** for the tests: slices done, rehearsals stopped by a request, the slice going */
const warmStats = { compiles: 0, rehearsals: 0, stopped: 0 };
let warmGoing: 'compile' | 'rehearse' | null = null;

/** The idle warm-up's state (for the tests). */
export function warmUpState(): { pending: boolean; going: 'compile' | 'rehearse' | null; left: number; compiles: number; rehearsals: number; stopped: number } {
  return { pending: warm !== null && warmLeft > 0, going: warmGoing, left: warmLeft, ...warmStats };
}

/** Tests: give this worker `rounds` rehearsals again and zero the counts; `maxSliceMs` replaces
 * the time after which a slice ends the warm-up (a busy test machine must not end it). */
export function resetWarmUp(rounds = WARM_ROUNDS, maxSliceMs = WARM_MAX_SLICE_MS): void {
  warmLeft = rounds;
  warmMaxSliceMs = maxSliceMs;
  warmStats.compiles = warmStats.rehearsals = warmStats.stopped = 0;
}

/** Is the program of the session's run worth rehearsing? (short runs only, see above) */
function rehearsable(s: InspectSession, durationMs: number): boolean {
  if (durationMs > WARM_MAX_RUN_MS) return false;
  let events = -1;
  for (const l of s.linesRun()) events = Math.max(events, s.lineEvent(l));
  return events <= WARM_MAX_EVENTS;
}

/** One slice of the warm-up: the parse, a few top-level statements' compile (as a module of
 * their own: the code is thrown away, only the compiler's work counts), or the rehearsal.
 * `stop()` says a request is waiting. */
function warmSlice(stop: () => boolean): void {
  const w = warm!;
  if (w.compile) {
    warmGoing = 'compile';
    try {
      if (!w.mod) {
        const pr = w.source.split('\n').length <= WARM_MAX_COMPILE_LINES ? parse(w.source, w.filename) : null;
        if (pr?.module) w.mod = pr.module;
        else w.compile = false;
        return;
      }
      const body = w.mod.body;
      const from = w.next;
      let to = from + 1;
      while (to < body.length && body[to].end_lineno - body[from].lineno < WARM_COMPILE_LINES) to++;
      compileModule({ kind: 'Module', body: body.slice(from, to) }, w.filename, w.source);
      w.next = to;
      if (to >= body.length) {
        w.compile = false;
        warmStats.compiles++;
      }
    } finally {
      warmGoing = null;
    }
    return;
  }
  const dry = new InspectSession(w.source, w.filename, withFiles(w.options));
  let done: boolean;
  warmGoing = 'rehearse';
  try {
    done = dry.rehearse({ poll: () => (stop() ? 'stop' : 'go') });
  } finally {
    warmGoing = null;
    dry.dispose();
  }
  if (!done) {
    warmStats.stopped++;
    return;
  }
  warmStats.rehearsals++;
  warmLeft--;
  w.compile = true;
  w.mod = null;
  w.next = 0;
}

/** Is a background prefetch due or going? (for the tests) */
export function prefetchPending(): boolean {
  return background !== null;
}

const optsKey = (o: HoverOptions) => `${o.commandLinks ? 1 : 0}:${o.uri ?? ''}`;

export function handle(req: WorkerRequest): WorkerReply {
  try {
    switch (req.kind) {
      case 'run': {
        session?.dispose();
        t = makeTranslator(req.bundle);
        session = new InspectSession(req.source, req.filename, withFiles(req.options));
        prefetched = new Map();
        const summary = session.run();
        warm = warmLeft > 0 && rehearsable(session, summary.durationMs) ? { source: req.source, filename: req.filename, options: req.options, compile: true, mod: null, next: 0 } : null;
        background = req.prefetch ? { commandLinks: req.prefetch.commandLinks, uri: req.prefetch.uri } : null;
        viewDelayMs = req.prefetch?.viewDelayMs ?? 0;
        return { kind: 'ran', id: req.id, summary };
      }
      case 'hover':
        if (!session) return { kind: 'failed', id: req.id, message: 'no run yet' };
        {
          const opts: HoverOptions = { commandLinks: req.commandLinks, uri: req.uri };
          const ready = cachedHover(session, req.line, req.col, t, opts);
          if (ready !== undefined) return { kind: 'hovered', id: req.id, result: ready };
          // a hover on a line not seen yet computes the hovers of the lines around it in one
          // replay of the program: the next hovers nearby are cache reads
          const key = optsKey(opts);
          let done = prefetched.get(key);
          if (!done) prefetched.set(key, (done = new Set()));
          if (!done.has(req.line)) {
            const lines: number[] = [];
            for (let l = Math.max(1, req.line - PREFETCH_RADIUS); l <= req.line + PREFETCH_RADIUS; l++) {
              if (!done.has(l)) {
                done.add(l);
                lines.push(l);
              }
            }
            prefetchHovers(session, t, opts, lines);
          }
          return { kind: 'hovered', id: req.id, result: hoverAt(session, req.line, req.col, t, opts) };
        }
      case 'explain':
        if (!session) return { kind: 'failed', id: req.id, message: 'no run yet' };
        return { kind: 'explained', id: req.id, markdown: explainCount(session, req.line, req.expr, t) };
      case 'status':
        return { kind: 'status', id: req.id, prefetching: background !== null, hovers: session ? cachedHoverCount(session) : 0 };
      case 'graph': {
        if (!session) return { kind: 'failed', id: req.id, message: 'no run yet' };
        const g = graphAt(session, req.line, req.expr, req.options);
        const lines = session.linesRun();
        return { kind: 'graphed', id: req.id, result: g && { ...g, minLine: lines.length ? lines[0] : 1, maxLine: lines.length ? lines[lines.length - 1] : 1 } };
      }
    }
  } catch (e) {
    return { kind: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) };
  }
}

// ------------------------------------------------------------------------------ the message loop

/** A port: node's parentPort, or a test's MessagePort. */
export interface Port {
  postMessage(m: WorkerReply): void;
  on(event: 'message', fn: (m: WorkerRequest) => void): unknown;
}

/**
 * Serve requests from `port` in order, with the background prefetch between them. `receive()`
 * takes a message that is waiting without returning to the event loop (receiveMessageOnPort), or
 * undefined.
 */
export function serve(port: Port, receive: () => WorkerRequest | undefined): void {
  const inbox: WorkerRequest[] = [];
  let busy = false;
  let scheduled = false;
  /** the last thing the loop did was a warm-up slice (the next one follows at once) */
  let warmGoingOn = false;

  const pump = () => {
    if (busy) return;
    busy = true;
    try {
      while (inbox.length) {
        warmGoingOn = false;
        port.postMessage(handle(inbox.shift()!));
      }
    } finally {
      busy = false;
    }
    schedule();
  };
  const schedule = () => {
    if (scheduled || !session) return;
    if (background) {
      scheduled = true;
      // a little after the reply: a request that follows at once (another save, the first hover
      // of a script) does not wait for a replay's start-up
      setTimeout(slice, PREFETCH_DELAY_MS);
    } else if (warm && warmLeft > 0) {
      scheduled = true;
      // the first slice a little after the reply (as the prefetch), the next ones at once
      setTimeout(warmUp, warmGoingOn ? 0 : WARM_DELAY_MS);
    }
  };
  /** the idle warm-up's next slice, when nothing else is to do */
  const warmUp = () => {
    scheduled = false;
    for (let m = receive(); m !== undefined; m = receive()) inbox.push(m);
    if (inbox.length || busy || background || !warm || warmLeft <= 0) return pump();
    const waiting = () => {
      for (let m = receive(); m !== undefined; m = receive()) inbox.push(m);
      return inbox.length > 0;
    };
    busy = true;
    const t0 = performance.now();
    try {
      warmSlice(waiting);
      if (performance.now() - t0 > warmMaxSliceMs) warm = null;
    } catch {
      warm = null; // a warm-up that fails is only time not saved
    } finally {
      busy = false;
    }
    warmGoingOn = inbox.length === 0;
    pump();
  };
  const slice = () => {
    scheduled = false;
    for (let m = receive(); m !== undefined; m = receive()) inbox.push(m);
    if (inbox.length || busy || !background || !session) return pump();
    const s = session;
    const opts = background;
    /** hovers waiting for the view of a line the replay is going to */
    const waiting: { req: Extract<WorkerRequest, { kind: 'hover' }>; view: number }[] = [];
    let want = 0;
    const answerReady = () => {
      for (let i = 0; i < waiting.length; i++) {
        const w = waiting[i];
        const r = cachedHover(s, w.req.line, w.req.col, t, { commandLinks: w.req.commandLinks, uri: w.req.uri });
        if (r !== undefined) {
          port.postMessage({ kind: 'hovered', id: w.req.id, result: r });
          waiting.splice(i--, 1);
        }
      }
    };
    const control: PrefetchControl = {
      poll() {
        for (let m = receive(); m !== undefined; m = receive()) inbox.push(m);
        // leading hovers: answer the ready ones, go to the line of the others
        while (inbox.length && (inbox[0].kind === 'hover' || inbox[0].kind === 'status')) {
          const req = inbox[0];
          if (req.kind === 'status') {
            inbox.shift();
            port.postMessage(handle(req));
            continue;
          }
          const ho: HoverOptions = { commandLinks: req.commandLinks, uri: req.uri };
          const r = cachedHover(s, req.line, req.col, t, ho);
          if (r !== undefined) {
            inbox.shift();
            port.postMessage({ kind: 'hovered', id: req.id, result: r });
            continue;
          }
          const view = hoverViewLine(s, req.line, req.col);
          // another options' hover, or a line the replay passed (or that never ran): answered
          // after the replay stops
          if (view === null || optsKey(ho) !== optsKey(opts) || s.lineEvent(view) < 0 || s.lineEvent(view) <= progress) break;
          inbox.shift();
          waiting.push({ req, view });
          if (!want || s.lineEvent(view) < s.lineEvent(want)) want = view;
        }
        if (inbox.length) {
          interrupted = true;
          return 'stop';
        }
        if (want) {
          const w = want;
          want = 0;
          interrupted = true;
          return w;
        }
        return 'go';
      },
      viewed(line) {
        if (viewDelayMs > 0) Atomics.wait(pause, 0, 0, viewDelayMs);
        const ev = s.lineEvent(line);
        if (ev > progress) progress = ev;
        if (waiting.length) answerReady();
      },
    };
    /** the line event of the latest view taken */
    let progress = -1;
    /** the replay skipped lines or was stopped: another pass is due */
    let interrupted = false;
    busy = true;
    let complete = false;
    try {
      prefetchHovers(s, t, opts, undefined, control);
      complete = !interrupted;
    } catch {
      complete = true; // a prefetch that fails leaves the hovers to their own requests
    } finally {
      busy = false;
    }
    // hovers that were waiting for a line the replay did not reach go back to the queue
    for (const w of waiting.reverse()) inbox.unshift(w.req);
    if (complete && session === s && background === opts) background = null;
    pump();
  };
  port.on('message', (req: WorkerRequest) => {
    inbox.push(req);
    pump();
  });
}

if (parentPort) {
  const port = parentPort;
  serve(port, () => receiveMessageOnPort(port)?.message as WorkerRequest | undefined);
}
