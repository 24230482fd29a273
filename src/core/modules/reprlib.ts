// reprlib: runs from source (pysrc/reprlib.ts), as CPython's Lib/reprlib.py is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { REPRLIB_SRC } from './pysrc/reprlib';

registerModule('reprlib', (m: ModuleBuilder) => {
  execSource(m, REPRLIB_SRC, '<frozen reprlib>');
});
