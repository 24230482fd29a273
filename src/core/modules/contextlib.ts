// contextlib (Lib/contextlib.py), run from Python source (pysrc/contextlib.ts).

import { registerModule } from '../runtime/define';
import { execSource } from './modutil';
import { CONTEXTLIB_SRC } from './pysrc/contextlib';

registerModule('contextlib', (m) => {
  execSource(m, CONTEXTLIB_SRC, '<frozen contextlib>');
});
