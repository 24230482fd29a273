// pprint: runs from source (pysrc/pprint.ts), as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { PPRINT_SRC } from './pysrc/pprint';

registerModule('pprint', (m: ModuleBuilder) => {
  execSource(m, PPRINT_SRC, '<frozen pprint>');
});
