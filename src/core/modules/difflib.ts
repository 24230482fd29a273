// difflib: runs from source (pysrc/difflib.ts), as CPython's Lib/difflib.py is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { DIFFLIB_SRC } from './pysrc/difflib';

registerModule('difflib', (m: ModuleBuilder) => {
  execSource(m, DIFFLIB_SRC, '<frozen difflib>');
});
