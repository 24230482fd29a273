// abc (Lib/abc.py + Modules/_abc.c): ABCMeta computes __abstractmethods__ (object.__new__ refuses
// to instantiate a class whose set is non-empty), register() and the isinstance/issubclass hooks.
// Written in Python (pysrc/abc.ts); `_type_new` is type.__new__ for the metaclass.

import { registerModule, checkArgs } from '../runtime/define';
import { newRef } from '../runtime/object';
import { newList } from '../runtime/objects/list';
import { typeError } from '../runtime/errors';
import { PyType } from '../runtime/object';
import { TypeType } from '../runtime/types';
import { typeTypeNew } from '../runtime/typeobject';
import { execStdlibSource } from './modutil';
import { ABC_SRC } from './pysrc/abc';

registerModule('abc', (m) => {
  m.fn('_type_new', (args, kw) => {
    const npos = args.length - (kw ? kw.length : 0);
    if (npos < 1) typeError('type.__new__(): not enough arguments');
    const meta = args[0];
    if (!(meta instanceof PyType) || !meta.isSubtype(TypeType)) typeError('type.__new__(X): X is not a type object');
    return typeTypeNew(meta, args.slice(1), kw);
  });
  // type.__subclasses__() (the live direct subclasses, in creation order)
  m.fn('_subclasses', (args, kw) => {
    checkArgs('_subclasses', args, kw, 1, 1);
    const t = args[0];
    if (!(t instanceof PyType)) typeError('_subclasses() argument must be a type');
    return newList(t.subclasses.filter((s) => s.rc > 0).map((s) => newRef(s)));
  });
  execStdlibSource(m, ABC_SRC, 'abc.py');
});
