// Entry point shared by the CLI, the worker and the tests: run one Python source file.

import { Interpreter, type StdioMode } from './runtime/interp';
import { bufferIO, writeOrder, type HostFS } from './modules/io_shared';
import { saveRunFiles, finishStdStreams } from './modules/fileio';
import { Unsupported, ProcessExit } from './runtime/errors';
import { jsStack } from './runtime/current';
import { jitConfig } from './runtime/vm/jit';

export interface RunOptions {
  /** Check at every new line that each object's refcount equals the references held. */
  audit?: boolean;
  /** Text served to input() and sys.stdin. */
  stdin?: string;
  /** a host on the same thread: input() and sys.stdin take their lines from it (each with its
   * newline, the last perhaps without; null: end of input), when they read; instead of `stdin` */
  stdinLines?: () => string | null;
  /** node hosts (src/worker/node-runner.ts): input() reads this file descriptor (refscope run: the
   * process's stdin, read only when the program asks for input) */
  stdinFd?: number;
  /** sys.argv[1:] */
  argv?: string[];
  /** sys.argv[0] (default: the filename); `python3 x.py` gives the path as typed, while the
   * filename (__file__, tracebacks) is made absolute */
  argv0?: string;
  /** sys.path[0] (default '.'): CPython's is the script's directory with symlinks resolved */
  path0?: string;
  /** what sys.stdout is: 'pipe' (the default: a pipe or a file, block buffered, as the
   * recordings were made), 'tty' (line buffered) or 'unbuffered' (PYTHONUNBUFFERED) */
  stdio?: StdioMode;
  /** stop after this many bytecode instructions */
  stepLimit?: number;
  /** collect the files the program writes (objgraph's DOT files) into RunResult.files */
  collectFiles?: boolean;
  /** what open() may read (absent: only the files the program wrote itself) */
  fs?: HostFS;
  /** node hosts (src/worker/node-runner.ts): open() reads the host's files, a relative path from
   * this directory (fs is made from it there: a function cannot cross to a worker thread) */
  hostFiles?: string;
  /** gc stress mode: a young collection at (almost) every gc allocation (for the audit tests) */
  gcStress?: boolean;
  /** loop compiler (runtime/vm/jit.ts): false interprets everything; a number compiles a loop after
   * that many back edges, and a function's body after that many calls, from the start of the run
   * (tests: 1). Default: on, at its own thresholds. */
  jit?: boolean | number;
  /** tests: compiled loops run under the line hooks too (see jitConfig.underHooks) */
  jitUnderHooks?: boolean;
  /** the process ends after this run (refscope run): an exit that could show nothing (no
   * finalizer, weakref callback, gc callback or open file left) only frees memory and is skipped.
   * Objects shared between runs (builtin types and functions) keep the counts the run left. */
  processExits?: boolean;
  /** see InterpOptions.fdOrder */
  fdOrder?: boolean;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** set when the audit found a refcount that differs from the references held */
  auditError?: string | null;
  /** files the program wrote (with collectFiles), for the host to write to disk */
  files?: { path: string; data: string | Uint8Array }[];
  /** the host's files the program removed (os.remove, os.rename's old name), with collectFiles */
  removed?: string[];
  /** the host's directories the program removed (os.rmdir, os.rename's old name), deepest
   * first, with collectFiles; a host removes the files first, then these, then makes `dirs`,
   * then writes `files` */
  removedDirs?: string[];
  /** the directories the program made (os.mkdir, os.makedirs, os.rename's new name), parents
   * first, with the mode asked for (less the host's umask), with collectFiles */
  dirs?: { path: string; mode: number }[];
  /** stdout and stderr as the program wrote them, in order, when some stderr came before more
   * stdout (a warning, gc.set_debug's reports, print(..., file=sys.stderr)): a terminal shows it so */
  order?: [1 | 2, string][];
  /** an uncaught KeyboardInterrupt: exitCode is 130, and a process should end by this signal
   * (CPython's exit_sigint) */
  signal?: 'SIGINT';
  /** the JS stack ran out during the run (see runtime/current.ts jsStack): on a thread with a
   * small stack the result may differ from CPython's, so run again on a deep stack */
  stackExhausted?: boolean;
}

export function runSource(source: string, filename: string, options: RunOptions = {}): RunResult {
  const overflows = jsStack.overflows;
  const io = bufferIO(options.stdin ?? '', options.stdinLines ?? null);
  const files: { path: string; data: string | Uint8Array }[] = [];
  const removed: string[] = [];
  const removedDirs: string[] = [];
  const dirs: { path: string; mode: number }[] = [];
  if (options.collectFiles) {
    io.writeFile = (path, data) => void files.push({ path, data });
    io.removeFile = (path) => void removed.push(path);
    io.removeDir = (path) => void removedDirs.push(path);
    io.makeDir = (path, mode) => void dirs.push({ path, mode });
  }
  if (options.fs) io.fs = options.fs;
  const { enabled, hot, bodyHot, underHooks, minSteps } = jitConfig;
  jitConfig.underHooks = options.jitUnderHooks === true;
  if (options.jit !== undefined) {
    jitConfig.enabled = options.jit !== false;
    if (typeof options.jit === 'number') {
      jitConfig.hot = options.jit;
      jitConfig.bodyHot = options.jit;
      jitConfig.minSteps = 0;
    }
  }
  const interp = new Interpreter(io, { audit: options.audit, argv: options.argv, argv0: options.argv0, path0: options.path0, stdio: options.stdio, stepLimit: options.stepLimit, gcStress: options.gcStress, processExits: options.processExits, fdOrder: options.fdOrder });
  let exitCode: number;
  let auditError: string | null = null;
  let sigint = false;
  try {
    const r = interp.run(source, filename);
    exitCode = r.exitCode;
    auditError = r.auditError;
    sigint = r.sigint === true;
  } catch (e) {
    exitCode = 1;
    if (e instanceof ProcessExit) exitCode = e.code;
    else if (e instanceof Unsupported) io.writeStderr(`RefScope: ${e.what} is not supported yet\n`);
    else if (e instanceof RangeError && /call stack/i.test(e.message)) {
      jsStack.overflows++;
      io.writeStderr('RefScope: the interpreter ran out of stack (deep recursion in native code)\n');
    } else io.writeStderr(`RefScope: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  // (a run that stopped short of its shutdown: what the std streams' layers hold still goes out)
  finishStdStreams(io);
  saveRunFiles(io);
  jitConfig.enabled = enabled;
  jitConfig.hot = hot;
  jitConfig.bodyHot = bodyHot;
  jitConfig.underHooks = underHooks;
  jitConfig.minSteps = minSteps;
  const stackExhausted = jsStack.overflows !== overflows;
  const order = writeOrder(io);
  return { stdout: io.out.join(''), stderr: io.err.join(''), exitCode, auditError, ...(order ? { order } : {}), ...(options.collectFiles ? { files, removed, removedDirs, dirs } : {}), ...(stackExhausted ? { stackExhausted } : {}), ...(sigint ? { signal: 'SIGINT' as const } : {}) };
}
