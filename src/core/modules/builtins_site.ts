// What `site` adds to builtins that programs call: exit() and quit() (Lib/_sitebuiltins.py
// Quitter), and help (_Helper: its repr; calling it, pydoc's text, is reported as not supported). Native objects, not gc-tracked: CPython's two Quitter instances are part of the
// start-up objects the gc baseline already counts (runtime/gcbaseline.ts).

import { PyObject } from '../runtime/object';
import { makeType } from '../runtime/types';
import * as abs from '../runtime/abstract';
import { None } from '../runtime/objects/singletons';
import * as E from '../runtime/objects/exception';
import type { ModuleBuilder } from '../runtime/define';
import { typeError, Unsupported } from '../runtime/errors';

const QuitterType = makeType('_sitebuiltins.Quitter', null, 0, 32);

class PyQuitter extends PyObject {
  constructor(public name: string) {
    super(QuitterType);
  }
}

// Quitter.__repr__ (the eof text of a POSIX system) and Quitter.__call__ (sys.stdin.close() is
// not done: nothing can read stdin after the SystemExit anyway)
QuitterType.slots.repr = (o) => `Use ${(o as PyQuitter).name}() or Ctrl-D (i.e. EOF) to exit`;
QuitterType.slots.call = (o, args, kw) => {
  // (the arguments of a Python method `def __call__(self, code=None)`)
  const nkw = kw ? kw.length : 0;
  const npos = args.length - nkw;
  if (npos > 1) typeError(`Quitter.__call__() takes from 1 to 2 positional arguments but ${npos + 1} were given`);
  let code: PyObject = npos ? args[0] : None;
  for (let i = 0; i < nkw; i++) {
    if (kw![i] !== 'code') typeError(`Quitter.__call__() got an unexpected keyword argument '${kw![i]}'`);
    if (npos) typeError("Quitter.__call__() got multiple values for argument 'code'");
    code = args[npos + i];
  }
  throw abs.call(E.SystemExit, [code], null);
};

const HelperType = makeType('_sitebuiltins._Helper', null, 0, 16);
HelperType.slots.repr = () => 'Type help() for interactive help, or help(object) for help about object.';
HelperType.slots.call = () => {
  throw new Unsupported('help() (pydoc)');
};

export function installSite(m: ModuleBuilder): void {
  for (const name of ['quit', 'exit']) m.own(name, new PyQuitter(name));
  m.own('help', new PyObject(HelperType));
}
