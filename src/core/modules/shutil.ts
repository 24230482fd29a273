// shutil: runs from source (pysrc/shutil.ts) over os, as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { SHUTIL_SRC } from './pysrc/shutil';

registerModule('shutil', (m: ModuleBuilder) => {
  execStdlibSource(m, SHUTIL_SRC, 'shutil.py');
});
