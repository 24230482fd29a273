// array (Modules/arraymodule.c): the array type (runtime/objects/array.ts), its `ArrayType`
// alias and the type codes.

import { registerModule } from '../runtime/define';
import { newStr } from '../runtime/objects/str';
import { ArrayType, TYPECODES, installArray } from '../runtime/objects/array';

registerModule('array', (m) => {
  installArray();
  m.set('ArrayType', ArrayType);
  m.set('array', ArrayType);
  m.own('typecodes', newStr(TYPECODES));
});
