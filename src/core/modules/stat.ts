// stat: runs from source (pysrc/stat.ts), as CPython's Lib/stat.py does (its _stat C module
// gives the same values on Linux).

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource, setStdlibFile } from './modutil';
import { STAT_SRC } from './pysrc/stat';

registerModule('stat', (m: ModuleBuilder) => {
  setStdlibFile(m, 'stat.py');
  execSource(m, STAT_SRC, '<frozen stat>');
});
