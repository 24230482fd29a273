// dist/exercise-worker.js: an exercise check's worker (src/worker/exercise-runner.ts, dist/exercise-core.js, through the code cache)
import { serveOnce } from './cached-entry';

serveOnce('exercise-core.js');
