// glob: runs from source (pysrc/glob.ts), as CPython's Lib/glob.py is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { GLOB_SRC } from './pysrc/glob';

registerModule('glob', (m: ModuleBuilder) => {
  execSource(m, GLOB_SRC, '<frozen glob>');
});
