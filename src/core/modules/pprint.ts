// pprint: runs from source (pysrc/pprint.ts), as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { PPRINT_SRC } from './pysrc/pprint';

registerModule('pprint', (m: ModuleBuilder) => {
  execStdlibSource(m, PPRINT_SRC, 'pprint.py');
});
