// The entry of a worker thread with one job (`refscope hover`'s hover, an exercise check, in the
// CLI and the extension): it loads the job's bundle through V8's code cache (code-cache.ts), which
// saves each new worker compiling the 1.7 MB interpreter bundle (~100 ms here, and the lazily
// compiled functions of the job on top), does the job with workerData, writes the cache when there
// was none usable (before replying: the host ends the worker at the reply), and posts the reply.
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { loadCached } from './code-cache';

export function serveOnce(core: string): void {
  const { exports, saveCache } = loadCached<{ handle(req: unknown): unknown }>(join(__dirname, core));
  const reply = exports.handle(workerData);
  saveCache();
  parentPort!.postMessage(reply);
}
