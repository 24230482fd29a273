// shutil: runs from source (pysrc/shutil.ts) over os, as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { SHUTIL_SRC } from './pysrc/shutil';

registerModule('shutil', (m: ModuleBuilder) => {
  execSource(m, SHUTIL_SRC, '<frozen shutil>');
});
