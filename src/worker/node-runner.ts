// The interpreter bundle (dist/worker.js) for node: the CLI loads it on its main thread and calls
// runSource itself (src/cli/main.ts); runInWorker (node-client.ts) runs it in a worker thread with
// a large stack through a small inline entry. No worker_threads import here: loading that module
// brings node's streams, ~14 ms of every `refscope run`.

import { runSource as runCore, type RunOptions, type RunResult } from '../core/run';
import { nodeFS } from './node-fs';

/** runSource of core/run.ts, with open() reading the host's files when options.hostFiles names
 * the directory relative paths start from */
export function runSource(source: string, filename: string, options: RunOptions = {}): RunResult {
  return runCore(source, filename, options.hostFiles !== undefined ? { ...options, fs: nodeFS(options.hostFiles) } : options);
}

export interface RunRequest {
  source: string;
  filename: string;
  options: RunOptions;
}
