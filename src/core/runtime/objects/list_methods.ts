// Methods of list (Objects/listobject.c).

import { newRef } from '../object';
import { defMethod, checkArgs } from '../define';
import { PyList, ListType, listAppend } from './list';
import { None } from './singletons';

export function installListMethods(): void {
  defMethod(ListType, 'append', (args, kw, self) => {
    checkArgs('append', args, kw, 1, 1);
    listAppend(self as PyList, newRef(args[0]));
    return newRef(None);
  });
}
