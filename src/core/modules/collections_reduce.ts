// __reduce__ of collections' defaultdict, OrderedDict and Counter (Modules/_collectionsmodule.c
// defdict_reduce, Objects/odictobject.c odict_reduce, Lib/collections/__init__.py
// Counter.__reduce__): what pickle and copy rebuild them from.

import { PyObject, newRef, decref } from '../runtime/object';
import * as abs from '../runtime/abstract';
import { newTuple } from '../runtime/objects/tuple';
import { None } from '../runtime/objects/singletons';
import { DictType } from '../runtime/objects/dict';
import { checkArgs } from '../runtime/define';
import { defMethod } from './modutil';
import { DefaultDictType, OrderedDictType, CounterType, PyDefaultDict } from './collections';

function itemsIter(o: PyObject): PyObject {
  const m = abs.getAttr(o, 'items');
  let items: PyObject;
  try {
    items = abs.call(m, [], null);
  } finally {
    decref(m);
  }
  try {
    return abs.getIter(items);
  } finally {
    decref(items);
  }
}

export function installCollectionsReduces(): void {
  // defdict_reduce: (type, (default_factory,) or (), None, None, iter(self.items()))
  defMethod(DefaultDictType, '__reduce__', (args, kw, self) => {
    checkArgs('__reduce__', args, kw, 0, 0);
    const f = (self as PyDefaultDict).factory;
    const cargs = f === null || f === None ? newTuple([]) : newTuple([newRef(f)]);
    let it: PyObject;
    try {
      it = itemsIter(self!);
    } catch (e) {
      decref(cargs);
      throw e;
    }
    return newTuple([newRef(self!.type), cargs, newRef(None), newRef(None), it]);
  });
  // odict_reduce: (type, (), _PyObject_GetState(self), None, iter(self.items()))
  defMethod(OrderedDictType, '__reduce__', (args, kw, self) => {
    checkArgs('__reduce__', args, kw, 0, 0);
    const gs = abs.getAttr(self!, '__getstate__');
    let state: PyObject;
    try {
      state = abs.call(gs, [], null);
    } finally {
      decref(gs);
    }
    let it: PyObject;
    try {
      it = itemsIter(self!);
    } catch (e) {
      decref(state);
      throw e;
    }
    return newTuple([newRef(self!.type), newTuple([]), state, newRef(None), it]);
  });
  // Counter.__reduce__: return self.__class__, (dict(self),)
  defMethod(CounterType, '__reduce__', (args, kw, self) => {
    checkArgs('__reduce__', args, kw, 0, 0);
    const cls = abs.getAttr(self!, '__class__');
    let d: PyObject;
    try {
      d = abs.call(DictType, [self!], null);
    } catch (e) {
      decref(cls);
      throw e;
    }
    return newTuple([cls, newTuple([d])]);
  });
}
