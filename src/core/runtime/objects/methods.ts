// Installs the methods of the builtin types (one file per type: *_methods.ts).

import { installListMethods } from './list_methods';
import { installTupleMethods } from './tuple_methods';
import { installDictMethods } from './dict_methods';
import { installStrMethods } from './str_methods';
import { installSetMethods } from './set_methods';
import { installIntMethods } from './int_methods';
import { installFloatMethods } from './float_methods';
import { installRangeSliceMethods } from './range_slice_methods';

let installed = false;
export function installAllTypeMethods(): void {
  if (installed) return;
  installed = true;
  installListMethods();
  installTupleMethods();
  installDictMethods();
  installStrMethods();
  installSetMethods();
  installIntMethods();
  installFloatMethods();
  installRangeSliceMethods();
}
