// shlex: runs from source (pysrc/shlex.ts), as CPython's Lib/shlex.py is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { SHLEX_SRC } from './pysrc/shlex';

registerModule('shlex', (m: ModuleBuilder) => {
  execSource(m, SHLEX_SRC, '<frozen shlex>');
});
