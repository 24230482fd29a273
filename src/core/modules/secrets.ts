// secrets: runs from source (pysrc/secrets.ts), as CPython's Lib/secrets.py is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { SECRETS_SRC } from './pysrc/secrets';

registerModule('secrets', (m: ModuleBuilder) => {
  execSource(m, SECRETS_SRC, '<frozen secrets>');
});
