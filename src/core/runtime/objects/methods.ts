// Installs the methods of the builtin types (one file per type: *_methods.ts).

import { installListMethods } from './list_methods';
import { installTupleMethods } from './tuple_methods';
import { installDictMethods } from './dict_methods';
import { installStrMethods } from './str_methods';

let installed = false;
export function installAllTypeMethods(): void {
  if (installed) return;
  installed = true;
  installListMethods();
  installTupleMethods();
  installDictMethods();
  installStrMethods();
}
