// timeit: runs from source (pysrc/timeit.ts), as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { TIMEIT_SRC } from './pysrc/timeit';

registerModule('timeit', (m: ModuleBuilder) => {
  execSource(m, TIMEIT_SRC, '<frozen timeit>');
});
