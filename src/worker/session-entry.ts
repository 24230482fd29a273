// The document worker's entry (dist/session-worker.js, what the extension and `refscope graph`
// start): it loads the session worker (src/worker/session-runner.ts, bundled as
// dist/session-core.js) through V8's code cache (code-cache.ts), which saves each new document's
// worker compiling the 1.7 MB bundle (~100 ms here; ~35 ms with the cache). The cache is written a
// few seconds after the worker started, between requests, so that it holds the functions the
// first run compiled; a worker that ends before then leaves it to the next one.
import { join } from 'node:path';
import { loadCached } from './code-cache';

const { saveCache } = loadCached(join(__dirname, 'session-core.js'));
setTimeout(saveCache, 3000).unref();
