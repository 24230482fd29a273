// argparse and gettext: run from CPython 3.11's source (pysrc/argparse.ts verbatim,
// pysrc/gettext.ts verbatim but for find(): RefScope has no message catalogs, so every message
// is CPython's English one). Help is wrapped at shutil.get_terminal_size()'s width: COLUMNS, else
// 80 (a run's output is never a terminal; see os.get_terminal_size). --help prints to stdout and
// exits 0; a usage error prints to stderr and exits 2 (sys.exit, as CPython).

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { ARGPARSE_SRC } from './pysrc/argparse';
import { GETTEXT_SRC } from './pysrc/gettext';

registerModule('gettext', (m: ModuleBuilder) => {
  execStdlibSource(m, GETTEXT_SRC, 'gettext.py');
});

registerModule('argparse', (m: ModuleBuilder) => {
  execStdlibSource(m, ARGPARSE_SRC, 'argparse.py');
});
