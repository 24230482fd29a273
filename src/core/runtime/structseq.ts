// Struct sequences (Objects/structseq.c): tuples with named fields, e.g. sys.version_info.

import { PyObject, PyType, TypeFlags, newRef } from './object';
import { makeType, inModule } from './types';
import { defGetter } from './define';
import { PyTuple, TupleType, gcNewTracked } from './objects/tuple';
import * as abs from './abstract';

const types = new Map<string, PyType>();

/** The struct sequence type `module.name` with the given fields (created once). */
export function structSeqType(module: string, name: string, fields: string[]): PyType {
  const key = `${module}.${name}`;
  let t = types.get(key);
  if (t) return t;
  t = inModule(makeType(name, TupleType, TypeFlags.TUPLE_SUBCLASS | TypeFlags.HAVE_GC, 24, 8), module);
  t.flags &= ~TypeFlags.BASETYPE;
  fields.forEach((f, i) => defGetter(t!, f, (o) => newRef((o as PyTuple).items[i])));
  t.slots.repr = (o) => {
    const items = (o as PyTuple).items;
    return `${key}(${fields.map((f, i) => `${f}=${abs.repr(items[i])}`).join(', ')})`;
  };
  types.set(key, t);
  return t;
}

/** A new struct sequence owning `items` (stolen). */
export function newStructSeq(t: PyType, items: PyObject[]): PyTuple {
  const o = new PyTuple(t, items);
  gcNewTracked(o);
  return o;
}
