// base64: runs from source (pysrc/base64.ts), as CPython's Lib/base64.py does over binascii.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { BASE64_SRC } from './pysrc/base64';

registerModule('base64', (m: ModuleBuilder) => {
  execStdlibSource(m, BASE64_SRC, 'base64.py');
});
