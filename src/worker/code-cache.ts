// Load a bundle with V8's code cache: compiling the 1.3 MB interpreter bundle from scratch costs
// about 55 ms here, a quarter of `refscope run`'s start-up; with the cache V8 saved after an
// earlier run, the functions that run come precompiled (node's own compile cache,
// module.enableCompileCache, arrives only in node 22). The CLI loads the interpreter so on its main
// thread; the deep-stack worker it falls back to (rarely) loads the bundle plainly.
//
// The cache lives next to the bundle (`worker.js` → `worker.js.v8cache`), written after the
// first run that had none (or whose cache V8 rejected: another node, other flags, a rebuilt
// bundle), through a temporary file and a rename so that concurrent runs never read half a file.
// Without write access it is simply not written. V8 checks the cache against its version and
// flags, but of the source only its length (SerializedCodeData::SourceHash): a rebuilt bundle of
// the same length would run the old bundle's functions from a stale cache. So the cache starts with
// the bundle's size and modification time, and a cache made for another file is not used: a
// stale cache costs a normal compile and never changes behaviour.

import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import * as buffer from 'node:buffer';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import Module from 'node:module';

/** The bundles loaded here are built (esbuild.mjs, `selfWrapped`) as one function expression with
 * CommonJS's parameters, called at its end: `require()` and a worker thread run such a file as any
 * module, and loadCached compiles the text up to the call, a slice of the file's string (V8 makes
 * no copy), instead of Module.wrap(text), whose concatenation V8 flattens into a second copy of
 * the text before compiling (for the 2 MB bundle of then: ~480 pages of fresh memory, ~5 ms of
 * start-up here). A file without that shape
 * (a plain module) is wrapped as before. */
export const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) {';
export const WRAP_TAIL = '}).call(this, exports, require, module, __filename, __dirname);';

/** The source to compile for `text`: its function expression (a slice) when `text` is built as
 * WRAP_HEAD ... WRAP_TAIL, else Module.wrap(text). */
export function scriptSource(text: string): string {
  if (text.startsWith(WRAP_HEAD)) {
    const end = text.lastIndexOf(WRAP_TAIL);
    // after the call only a comment (the source map's) may follow
    if (end > 0 && /^\s*(\/\/[^\n]*\s*)*$/.test(text.slice(end + WRAP_TAIL.length))) return text.slice(0, end + 2);
  }
  return Module.wrap(text);
}

export function cacheFileFor(bundle: string): string {
  return `${bundle}.v8cache`;
}

/** The bundle's size and modification time, the 16 bytes a cache made for it starts with. */
function stampOf(st: Stats): Buffer {
  const b = Buffer.alloc(16);
  b.writeDoubleLE(st.mtimeMs, 0);
  b.writeDoubleLE(st.size, 8);
  return b;
}

/** Reads up to `size` bytes of open file `fd` into `buf` and closes it: the count read. */
function readFully(fd: number, buf: Buffer, size: number): number {
  let n = 0;
  try {
    while (n < size) {
      const r = readSync(fd, buf, n, size - n, n);
      if (r === 0) break;
      n += r;
    }
  } finally {
    closeSync(fd);
  }
  return n;
}

/** Loads CommonJS `bundle` on this thread through the code cache; `saveCache()` (call it after
 * the work, so that what ran is compiled) writes the cache when there was none usable. */
export function loadCached<T>(bundle: string): { exports: T; cacheAccepted: boolean; saveCache: () => void } {
  const cacheFile = cacheFileFor(bundle);
  const fd = openSync(bundle, 'r');
  const st = fstatSync(fd);
  const stamp = stampOf(st);
  let cacheFd = -1;
  let cacheSize = 0;
  try {
    cacheFd = openSync(cacheFile, 'r');
    cacheSize = fstatSync(cacheFd).size;
  } catch {
    /* first run */
  }
  // One buffer holds the bundle, then (once the bundle's text is a string of its own) the cache:
  // the pages a 1.5 MB buffer touches first cost more than reading the file (~350 faults here).
  let buf: Buffer;
  let bytes: Buffer;
  try {
    buf = Buffer.allocUnsafeSlow(Math.max(st.size, cacheSize));
    bytes = buf.subarray(0, readFully(fd, buf, st.size));
  } catch (e) {
    if (cacheFd >= 0) closeSync(cacheFd);
    throw e;
  }
  // the bundles are pure ASCII (esbuild.mjs's ascii-only step), and latin1 decodes ASCII exactly
  // and faster than the UTF-8 path (a String.raw template may keep a non-ASCII character: utf8)
  // (buffer.isAscii: node 18.15 and later; VS Code's own node may be older)
  const isAscii = (buffer as { isAscii?: (b: Buffer) => boolean }).isAscii;
  const text = isAscii !== undefined && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let cached: Buffer | undefined;
  if (cacheFd >= 0) {
    const file = buf.subarray(0, readFully(cacheFd, buf, cacheSize));
    if (file.length > stamp.length && file.subarray(0, stamp.length).equals(stamp)) cached = file.subarray(stamp.length);
  }
  const script = new Script(scriptSource(text), { filename: bundle, cachedData: cached });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  const stale = !cached || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    cacheAccepted: !stale,
    saveCache() {
      if (!stale) return;
      try {
        // (worker_threads only now: loading it at start-up would cost every run ~14 ms)
        const { threadId } = require('node:worker_threads') as typeof import('node:worker_threads');
        const tmp = `${cacheFile}.${process.pid}.${threadId}.tmp`;
        writeFileSync(tmp, Buffer.concat([stamp, script.createCachedData()]));
        renameSync(tmp, cacheFile);
      } catch {
        /* no write access: run without a cache */
      }
    },
  };
}
