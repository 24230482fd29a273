// contextlib (Lib/contextlib.py), run from Python source (pysrc/contextlib.ts).

import { registerModule } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { CONTEXTLIB_SRC } from './pysrc/contextlib';

registerModule('contextlib', (m) => {
  execStdlibSource(m, CONTEXTLIB_SRC, 'contextlib.py');
});
