// Start a worker thread on a bundle with V8's code cache: a new thread compiles the 1.3 MB
// interpreter bundle from scratch (about 55 ms here, a quarter of `refscope run`'s start-up); with
// the cache V8 saved after an earlier run, the functions that run come precompiled (node's own
// compile cache, module.enableCompileCache, arrives only in node 22).
//
// The cache lives next to the bundle (`worker.js` → `worker.js.v8cache`), written once after the
// first run that had none (or whose cache V8 rejected: another node, other flags, a rebuilt
// bundle), through a temporary file and a rename so that concurrent runs never read half a file.
// Without write access it is simply not written. V8 checks the cache against the source and its
// flags itself, so a stale cache costs a normal compile and never changes behaviour.

import { Worker, threadId, type WorkerOptions } from 'node:worker_threads';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import Module from 'node:module';

export function cacheFileFor(bundle: string): string {
  return `${bundle}.v8cache`;
}

/** The code the thread evaluates: load `bundle` as CommonJS through vm.Script with the cache. */
function bootCode(bundle: string): string {
  return `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { parentPort } = require('node:worker_threads');
const file = ${JSON.stringify(bundle)};
const cacheFile = ${JSON.stringify(cacheFileFor(bundle))};
let cached;
try { cached = fs.readFileSync(cacheFile); } catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: cached });
if (!cached || script.cachedDataRejected) {
  // after the run, so that the functions the run compiled are in the cache
  const post = parentPort.postMessage.bind(parentPort);
  parentPort.postMessage = (message, transfer) => {
    try {
      const tmp = cacheFile + '.' + process.pid + '.' + require('node:worker_threads').threadId + '.tmp';
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {}
    parentPort.postMessage = post;
    post(message, transfer);
  };
}
const module = { exports: {} };
script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
`;
}

/** Loads CommonJS `bundle` on this thread through the code cache; `saveCache()` (call it after
 * the work, so that what ran is compiled) writes the cache when there was none usable. */
export function loadCached<T>(bundle: string): { exports: T; cacheAccepted: boolean; saveCache: () => void } {
  const cacheFile = cacheFileFor(bundle);
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    /* first run */
  }
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: cached });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  const stale = !cached || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    cacheAccepted: !stale,
    saveCache() {
      if (!stale) return;
      try {
        const tmp = `${cacheFile}.${process.pid}.${threadId}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        /* no write access: run without a cache */
      }
    },
  };
}

/** new Worker(bundle, options), loaded through the code cache. */
export function startCachedWorker(bundle: string, options: WorkerOptions): Worker {
  return new Worker(bootCode(bundle), { ...options, eval: true });
}
