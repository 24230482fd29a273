// fnmatch: runs from source (pysrc/fnmatch.ts), as CPython's Lib/fnmatch.py is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { FNMATCH_SRC } from './pysrc/fnmatch';

registerModule('fnmatch', (m: ModuleBuilder) => {
  execSource(m, FNMATCH_SRC, '<frozen fnmatch>');
});
