// hashlib: runs from source (pysrc/hashlib.ts): md5, sha1 and SHA-2 in Python behind
// CPython 3.11's hashlib interface.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { HASHLIB_SRC } from './pysrc/hashlib';

registerModule('hashlib', (m: ModuleBuilder) => {
  execStdlibSource(m, HASHLIB_SRC, 'hashlib.py');
});
