// numbers: runs from source (pysrc/numbers.ts), as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource, execStdlibSource } from './modutil';
import { NUMBERS_SRC } from './pysrc/numbers';

registerModule('numbers', (m: ModuleBuilder) => {
  execStdlibSource(m, NUMBERS_SRC, 'numbers.py');
  // decimal registers Decimal as a Number when numbers is loaded (decimal.ts): the other order
  execSource(m, "import sys as _sys\nif 'decimal' in _sys.modules:\n    Number.register(_sys.modules['decimal'].Decimal)\ndel _sys\n", '<frozen numbers decimal>');
});
