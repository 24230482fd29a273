// pickle and its helpers copyreg and _compat_pickle: they run from source (pysrc/pickle.ts,
// pysrc/copyreg.ts, pysrc/compat_pickle.ts), as CPython's Lib/*.py modules are pure Python.
// CPython's pickle.Pickler, Unpickler, dump(s) and load(s) are the _pickle accelerator's (C code:
// no traceback entries; it writes the same bytes as pickle.py's classes, which stand for it
// here); _pickle is the module that holds them.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { PyModule } from '../runtime/objects/instance';
import { internStr } from '../runtime/objects/str';
import { decref } from '../runtime/object';
import { vmState, cFrameGlobals } from '../runtime/vm/eval';
import { execSource } from './modutil';
import { COPYREG_SRC } from './pysrc/copyreg';
import { COMPAT_PICKLE_SRC } from './pysrc/compat_pickle';
import { PICKLE_SRC } from './pysrc/pickle';

registerModule('copyreg', (m: ModuleBuilder) => {
  execSource(m, COPYREG_SRC, '<frozen copyreg>');
});
registerModule('_compat_pickle', (m: ModuleBuilder) => {
  execSource(m, COMPAT_PICKLE_SRC, '<frozen _compat_pickle>');
});
registerModule('pickle', (m: ModuleBuilder) => {
  cFrameGlobals.add(m.dict);
  execSource(m, PICKLE_SRC, '<frozen pickle>');
});
registerModule('_pickle', (m: ModuleBuilder) => {
  const p = vmState.importModule!('pickle', vmState.current!);
  try {
    const d = (p as PyModule).dict;
    for (const n of ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler', 'Unpickler', 'dump', 'dumps', 'load', 'loads']) {
      const v = d.getStr(internStr(n));
      if (v) m.set(n, v);
    }
  } finally {
    decref(p);
  }
});
