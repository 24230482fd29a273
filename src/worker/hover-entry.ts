// dist/hover-worker.js: `refscope hover`'s worker (src/worker/hover-runner.ts, dist/hover-core.js, through the code cache)
import { serveOnce } from './cached-entry';

serveOnce('hover-core.js');
