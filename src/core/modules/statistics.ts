// statistics: runs from source (pysrc/statistics.ts), as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { STATISTICS_SRC } from './pysrc/statistics';

registerModule('statistics', (m: ModuleBuilder) => {
  execSource(m, STATISTICS_SRC, '<frozen statistics>');
});
