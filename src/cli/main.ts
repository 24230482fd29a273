// The `refscope` command line. `run` is handled here with as little code as possible loaded before
// the interpreter's worker starts (start-up is part of every run); the other subcommands live in
// dist/cli-tools.js (tools.ts), loaded on demand.

import { existsSync, fstatSync, mkdirSync, readFileSync, realpathSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { runInWorker, defaultWorkerFile } from '../worker/node-client';
import { loadCached } from '../worker/code-cache';
import type { RunOptions, RunResult } from '../core/run';
import { setFlagsFromString } from 'node:v8';

// Every Python object is an instance of one of ~50 JS classes (int, str, list, instance, ...), so
// the interpreter's hottest property sites (`rc`, `type`, `gcw` in LOAD_FAST, decref, the gc)
// see far more than V8's 4 maps and fall back to megamorphic lookups, ~10x slower per access.
// Letting the inline caches stay polymorphic up to 64 maps makes those sites map checks plus a
// field load: the benchmarks' steady state is about 20% faster (BENCHMARKS.md). This process is
// our own, and the flag is set before the interpreter's bundle is loaded; the code cache is
// written under the same flags, so V8 accepts it.
setFlagsFromString('--max-valid-polymorphic-map-count=64');
// V8's budget for inlining into one optimised function (bytecode bytes, default 920), smaller while
// the interpreter warms up: TurboFan's first compile of evalLoop, which every run waits for (70-240
// ms in a background thread, the interpreter unoptimised meanwhile), takes about half as long, and
// short programs finish sooner (the 20,000 reference cycles and the attribute program: ~10% in
// same-sitting runs). Long programs' compiled loops lost about as much without inlining, so the
// loop compiler's first compile restores the default (node-runner.ts useSmallInlining).
const SMALL_INLINING = '--max-inlined-bytecode-size-cumulative=200';
setFlagsFromString(SMALL_INLINING);

/** Writes `text` to fd 1 or 2 synchronously: the program's output is complete when the run ends,
 * and touching process.stdout would first load node's stream machinery (~7 ms of start-up on a
 * pipe). A non-blocking descriptor that is full (EAGAIN) hands the rest to the stream; a closed
 * one (EPIPE: `refscope run x.py | head`) drops it, as the reader is gone. */
function writeOut(fd: 1 | 2, text: string): void {
  if (text === '') return;
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  try {
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') (fd === 1 ? process.stdout : process.stderr).write(buf.subarray(off));
  }
}

/** What sys.stdout is to CPython (create_stdio): written through under PYTHONUNBUFFERED, line
 * buffered on a terminal, else block buffered. (node:tty costs ~4 ms to load: it is asked only
 * when fd 1 is a character device other than /dev/null.) */
function stdioMode(): RunOptions['stdio'] {
  if (process.env.PYTHONUNBUFFERED) return 'unbuffered';
  try {
    const st = fstatSync(1);
    if (st.isCharacterDevice() && !(process.platform === 'linux' && st.rdev === 259) && (require('node:tty') as typeof import('node:tty')).isatty(1)) return 'tty';
  } catch {
    /* no fd 1 */
  }
  return 'pipe';
}

function usage(): never {
  process.stderr.write('usage: refscope run FILE.py [--audit] [--no-jit] [args...]\n       refscope dis FILE.py\n       refscope hover FILE.py LINE COL [--lang zh-cn] [--links]\n       refscope graph FILE.py --line L --name EXPR [--refs|--backrefs] [--max-depth N] [--too-many N] [--format dot|json|svg]\n       refscope exercises\n       refscope check [EXERCISE_ID] FILE.py [--lang zh-cn] [--json]\n');
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  if (cmd === 'run') {
    const audit = rest.includes('--audit');
    // --no-jit: every loop interpreted (runtime/vm/jit.ts compiles hot ones)
    const jit = !rest.includes('--no-jit');
    const args = rest.filter((a) => a !== '--audit' && a !== '--no-jit');
    const file = args[0];
    if (!file) usage();
    // CPython >= 3.9 names the script by its absolute path (_Py_abspath: the working directory,
    // a separator and the path as typed, nothing normalised), which __file__, tracebacks and the
    // messages below show; sys.argv[0] stays as typed, and sys.path[0] is the script's real
    // directory (_PyPathConfig_ComputeSysPath0: realpath, then the directory)
    const filename = isAbsolute(file) ? file : `${process.cwd()}/${file}`;
    let src: string;
    try {
      src = readFileSync(file, 'utf8');
    } catch (e) {
      // pymain_run_file's messages (a directory: pymain_run_module's when it has no __main__.py)
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EISDIR' && existsSync(join(file, '__main__.py'))) {
        process.stderr.write(`refscope: running a directory (its __main__.py) is not supported yet: run ${join(file, '__main__.py')}\n`);
        process.exit(2);
      }
      if (code === 'EISDIR') {
        process.stderr.write(`refscope: can't find '__main__' module in '${filename}'\n`);
        process.exit(1);
      }
      const [errno, text] = code === 'EACCES' ? [13, 'Permission denied'] : [2, 'No such file or directory'];
      process.stderr.write(`refscope: can't open file '${filename}': [Errno ${errno}] ${text}\n`);
      process.exit(2);
    }
    let path0 = dirname(filename);
    try {
      path0 = dirname(realpathSync(file));
    } catch {
      /* read above, so it exists; keep the plain directory */
    }
    // (fdOrder on a pipe or file: stdout's data wait in its buffers as in CPython, so that a file
    // both streams share gets them in CPython's order)
    const stdio = stdioMode();
    const options: RunOptions = { audit, argv: args.slice(1), argv0: file, path0, stdio, fdOrder: stdio === 'pipe', collectFiles: true, hostFiles: process.cwd(), processExits: true, stdinFd: 0, ...(jit ? {} : { jit: false }) };
    // On this thread first (a worker thread costs ~50 ms to start); the main thread's stack holds
    // ~400 Python frames, so a run that exhausted it is repeated in a worker with a deep stack,
    // where only the Python recursion limit stops recursion, as in CPython. The program's output
    // is buffered until the end, so a repeated run shows nothing twice.
    const bundle = defaultWorkerFile(__dirname);
    let r: RunResult | null = null;
    if (process.env.REFSCOPE_RUN_IN !== 'worker') {
      const { exports, saveCache } = loadCached<typeof import('../worker/node-runner')>(bundle);
      exports.useSmallInlining(SMALL_INLINING);
      r = exports.runSource(src, filename, options);
      saveCache();
      if (r.stackExhausted && process.env.REFSCOPE_RUN_IN !== 'main') r = null;
    }
    if (!r) {
      // (the deep-stack worker runs the interpreter with V8's default inlining budget)
      setFlagsFromString('--max-inlined-bytecode-size-cumulative=920');
      r = await runInWorker(bundle, src, filename, options);
    }
    // what the program did to the files, done on disk in an order that keeps it possible: the
    // files it removed (os.remove, os.rename's old name), the directories it removed (os.rmdir),
    // those it made (os.mkdir), the files it wrote (with open(), and objgraph's .dot and .svg)
    const fail = (what: string, p: string, e: unknown) => process.stderr.write(`refscope: cannot ${what} ${p}: ${e instanceof Error ? e.message : String(e)}\n`);
    for (const p of r.removed ?? []) {
      try {
        unlinkSync(p);
      } catch (e) {
        fail('remove', p, e);
      }
    }
    for (const p of r.removedDirs ?? []) {
      try {
        rmdirSync(p);
      } catch (e) {
        fail('remove', p, e);
      }
    }
    for (const d of r.dirs ?? []) {
      try {
        mkdirSync(d.path, d.mode);
      } catch (e) {
        fail('make', d.path, e);
      }
    }
    for (const f of r.files ?? []) {
      try {
        writeFileSync(f.path, f.data);
      } catch (e) {
        fail('write', f.path, e);
      }
    }
    // the writes in the order CPython makes them on the descriptors: the program's order on a
    // terminal (line buffered) or unbuffered, the buffers' on a pipe or file (options.fdOrder)
    if (r.order) for (const [fd, text] of r.order) writeOut(fd, text);
    else {
      writeOut(1, r.stdout);
      writeOut(2, r.stderr);
    }
    if (r.auditError) writeOut(2, `RefScope ${r.auditError}\n`);
    process.exitCode = r.exitCode;
    // an uncaught KeyboardInterrupt ends the process by SIGINT, as CPython's exit_sigint does
    // (node's default action for the signal: the shell sees 130)
    if (r.signal === 'SIGINT' && process.platform !== 'win32') process.kill(process.pid, 'SIGINT');
    return;
  }
  // a path esbuild does not follow: the tools are their own bundle
  const toolsBundle = join(__dirname, 'cli-tools.js');
  const tools = require(toolsBundle) as typeof import('./tools');
  if (cmd === undefined || !(await tools.runTool(cmd, rest, usage))) usage();
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`refscope: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 70;
});
