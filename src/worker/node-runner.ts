// Worker-thread entry (node): runs one Python file with a large stack and posts the result back.
// The same message shapes serve the Web Worker entry later (src/protocol).

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runSource, type RunOptions } from '../core/run';

// The CLI also loads this bundle on its main thread and calls runSource itself (src/cli/main.ts).
export { runSource };

export interface RunRequest {
  source: string;
  filename: string;
  options: RunOptions;
}

if (!isMainThread) {
  const req = workerData as RunRequest;
  const result = runSource(req.source, req.filename, req.options);
  parentPort!.postMessage(result);
}
