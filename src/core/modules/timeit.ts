// timeit: runs from source (pysrc/timeit.ts), as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { TIMEIT_SRC } from './pysrc/timeit';

registerModule('timeit', (m: ModuleBuilder) => {
  execStdlibSource(m, TIMEIT_SRC, 'timeit.py');
});
