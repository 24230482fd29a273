// Run Python in a node worker thread: the interpreter gets a stack deep enough for CPython's
// recursion limit, and the caller's thread stays free.

import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { RunOptions, RunResult } from '../core/run';

export const WORKER_STACK_MB = 256;

export function runInWorker(workerFile: string, source: string, filename: string, options: RunOptions = {}, timeoutMs = 0): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerFile, {
      workerData: { source, filename, options },
      resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    });
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
