// `from M import *` (IMPORT_STAR): CPython 3.11's import_all_from (Python/ceval.c)
import { PyObject, TypeFlags, decref, newRef } from '../object';
import * as abs from '../abstract';
import { PyStr } from '../objects/str';
import { PyTuple, TupleType } from '../objects/tuple';
import { PyList, ListType, newList } from '../objects/list';
import { PyDict, DictType } from '../objects/dict';
import { newInt } from '../objects/int';
import { PyBaseException, ImportError, IndexError } from '../objects/exception';
import { raise, typeError, Unsupported } from '../errors';
import { PyModule } from '../objects/instance';

/** PySequence_GetItem(seq, i) for i >= 0: a new reference, or null for an IndexError (the end
 * of import_all_from's loop) */
function sequenceItem(seq: PyObject, i: number): PyObject | null {
  if (seq.type === ListType || seq.type === TupleType) {
    const items = (seq as PyList | PyTuple).items;
    return i < items.length ? newRef(items[i]) : null;
  }
  const gi = abs.typeLookup(seq.type, '__getitem__');
  if (gi === null) typeError(`'${seq.type.name}' object does not support indexing`);
  // a type with mp_subscript and no sq_item (dict, mappingproxy and their subclasses that do not
  // define __getitem__ themselves)
  const owner = seq.type.mro.find((t) => t.dict.getItem(abs.strKey('__getitem__')) !== undefined);
  if (owner !== undefined && !(owner.flags & TypeFlags.HEAPTYPE) && (owner.name === 'dict' || owner.name === 'mappingproxy')) {
    typeError(`${seq.type.name} is not a sequence`);
  }
  const k = newInt(i);
  try {
    return abs.getItem(seq, k);
  } catch (e) {
    if (e instanceof PyBaseException && e.type.isSubtype(IndexError)) {
      decref(e);
      return null;
    }
    throw e;
  } finally {
    decref(k);
  }
}
/** PyMapping_Keys: a new list */
function mappingKeys(d: PyObject): PyObject {
  if (d instanceof PyDict && d.type === DictType) return newList(d.keyList().map(newRef));
  const meth = abs.getAttr(d, 'keys');
  let keys: PyObject;
  try {
    keys = abs.call(meth, [], null);
  } finally {
    decref(meth);
  }
  try {
    if (abs.getIterOrNull(keys) === null) typeError(`${d.type.name}.keys() returned a non-iterable (type ${keys.type.name})`);
    return newList(abs.toArray(keys));
  } finally {
    decref(keys);
  }
}

/** Names a standard module's __all__ lists that RefScope's module lacks, skipped by
 * `from M import *` (the rest of a program that does not use them runs): a NameError for one of
 * them is reported as not supported (`M.name`) instead. Cleared at each interpreter start. */
export const starSkipped = new Map<string, string>();

function skipMissing(v: PyObject, name: string): boolean {
  if (!(v instanceof PyModule) || v.dict.getItem(abs.strKey(name)) !== undefined) return false;
  try {
    abs.checkStdlibAttr(v, name);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    starSkipped.set(name, `${v.name === 'posixpath' ? 'os.path' : v.name}.${name}`);
    return true;
  }
  return false;
}

/** import_all_from(locals, v): `__all__` if v has one, else the keys of v.__dict__ that do not
 * start with '_'; each value got with getattr and stored with `store` (STORE_NAME's store) */
export function importAllFrom(v: PyObject, store: (name: PyObject, value: PyObject) => void): void {
  let all = abs.lookupAttr(v, '__all__');
  let skipUnderscores = false;
  if (all === null) {
    const dict = abs.lookupAttr(v, '__dict__');
    if (dict === null) raise(ImportError, 'from-import-* object has no __dict__ and no __all__');
    try {
      all = mappingKeys(dict);
    } finally {
      decref(dict);
    }
    skipUnderscores = true;
  }
  try {
    for (let pos = 0; ; pos++) {
      const name = sequenceItem(all, pos);
      if (name === null) break;
      try {
        if (!(name instanceof PyStr)) {
          const modname = abs.getAttr(v, '__name__');
          try {
            if (!(modname instanceof PyStr)) typeError(`module __name__ must be a string, not ${modname.type.name}`);
            typeError(`${skipUnderscores ? 'Key' : 'Item'} in ${modname.v}.${skipUnderscores ? '__dict__' : '__all__'} must be str, not ${name.type.name}`);
          } finally {
            decref(modname);
          }
        }
        if (skipUnderscores && name.v.startsWith('_')) continue;
        if (skipMissing(v, name.v)) continue;
        const value = abs.getAttr(v, name.v);
        try {
          store(name, value);
        } finally {
          decref(value);
        }
      } finally {
        decref(name);
      }
    }
  } finally {
    decref(all);
  }
}
