// Run Python in a node worker thread: the interpreter gets a stack deep enough for CPython's
// recursion limit, and the caller's thread stays free.

import { join } from 'node:path';
import type { RunOptions, RunResult } from '../core/run';
import type { RunRequest } from './node-runner';

export const WORKER_STACK_MB = 256;

export function runInWorker(workerFile: string, source: string, filename: string, options: RunOptions = {}, timeoutMs = 0): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // loaded here, not at the top: the CLI needs a worker thread only for deep recursion
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const entry = `const { workerData, parentPort } = require('node:worker_threads');
const r = workerData;
parentPort.postMessage(require(${JSON.stringify(workerFile)}).runSource(r.source, r.filename, r.options));`;
    const workerData: RunRequest = { source, filename, options };
    const w = new Worker(entry, { eval: true, workerData, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
    let done = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            if (done) return;
            done = true;
            void w.terminate();
            resolve({ stdout: '', stderr: `RefScope: the program did not finish within ${timeoutMs / 1000} s\n`, exitCode: 1 });
          }, timeoutMs)
        : null;
    w.once('message', (r: RunResult) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      resolve(r);
      void w.terminate();
    });
    w.once('error', (e) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      reject(e);
    });
  });
}

export function defaultWorkerFile(dir: string): string {
  return join(dir, 'worker.js');
}
