// linecache: runs from source (pysrc/linecache.ts), as CPython's Lib/linecache.py is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { LINECACHE_SRC } from './pysrc/linecache';

registerModule('linecache', (m: ModuleBuilder) => {
  execSource(m, LINECACHE_SRC, '<frozen linecache>');
});
