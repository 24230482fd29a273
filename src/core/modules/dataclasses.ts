// dataclasses (Lib/dataclasses.py), run from Python source (pysrc/dataclasses.ts).
// `_fixup_slots(cls)` re-points the class's native slots at the dunders the decorator added
// (CPython's type_setattro does this by itself through update_slot).

import { registerModule, checkArgs } from '../runtime/define';
import { PyType, TypeFlags, newRef } from '../runtime/object';
import { typeError } from '../runtime/errors';
import { fixupSlots } from '../runtime/typeobject';
import { None } from '../runtime/objects/singletons';
import { execStdlibSource } from './modutil';
import { DATACLASSES_SRC } from './pysrc/dataclasses';

registerModule('dataclasses', (m) => {
  // its functions are Python functions in CPython (they hold no module)
  m.functionsOf('dataclasses');
  m.fn('_fixup_slots', (args, kw) => {
    checkArgs('_fixup_slots', args, kw, 1, 1);
    const t = args[0];
    if (!(t instanceof PyType)) typeError('_fixup_slots() argument must be a type');
    if (t.flags & TypeFlags.HEAPTYPE) fixupSlots(t);
    return newRef(None);
  });
  execStdlibSource(m, DATACLASSES_SRC, 'dataclasses.py');
});
