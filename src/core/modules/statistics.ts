// statistics: runs from source (pysrc/statistics.ts), as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { STATISTICS_SRC } from './pysrc/statistics';

registerModule('statistics', (m: ModuleBuilder) => {
  execStdlibSource(m, STATISTICS_SRC, 'statistics.py');
});
