// The interpreter bundle (dist/worker.js) for node: the CLI loads it on its main thread and calls
// runSource itself (src/cli/main.ts); runInWorker (node-client.ts) runs it in a worker thread with
// a large stack through a small inline entry. No worker_threads import here: loading that module
// brings node's streams, ~14 ms of every `refscope run`.

import { runSource, type RunOptions } from '../core/run';

export { runSource };

export interface RunRequest {
  source: string;
  filename: string;
  options: RunOptions;
}
