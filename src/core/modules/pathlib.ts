// pathlib: runs from CPython 3.11's Lib/pathlib.py (pysrc/pathlib.ts), as CPython's module is pure
// Python, over RefScope's os (the run's view of the files: modules/runfs.ts), posixpath, fnmatch
// and re.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { PATHLIB_SRC } from './pysrc/pathlib';

registerModule('pathlib', (m: ModuleBuilder) => {
  execStdlibSource(m, PATHLIB_SRC, 'pathlib.py');
});
