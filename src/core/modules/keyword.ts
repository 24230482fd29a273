// keyword: runs from source (pysrc/keyword.ts), as CPython's Lib/keyword.py is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { KEYWORD_SRC } from './pysrc/keyword';

registerModule('keyword', (m: ModuleBuilder) => {
  execStdlibSource(m, KEYWORD_SRC, 'keyword.py');
});
