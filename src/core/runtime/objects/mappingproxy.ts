// mappingproxy (Objects/descrobject.c, PyDictProxy_Type): the read-only view a class's __dict__
// gives (type_dict makes a new one on every access, a gc object holding the dict) and
// types.MappingProxyType. Every read goes to the mapping; nothing writes through it.

import { PyObject, TypeFlags, Edge, decref, newRef, type Visit } from '../object';
import { makeType } from '../types';
import { typeError } from '../errors';
import * as abs from '../abstract';
import { gcNewTracked } from './tuple';
import { ListType } from './list';
import { TupleType } from './tuple';
import { None } from './singletons';
import { newInt, newBool } from './int';
import { defAttr } from '../define';
import { def, defBin, defUn, posArgs } from './common_methods';

/** PyObject_HEAD + mapping: 24 bytes, 40 with the gc header */
export const MappingProxyType = makeType('mappingproxy', null, TypeFlags.HAVE_GC, 24);

export class PyMappingProxy extends PyObject {
  constructor(public mapping: PyObject) {
    super(MappingProxyType);
  }
  /** mappingproxy_traverse */
  override traverse(visit: Visit): void {
    visit(this.mapping, Edge.OTHER, 'mapping');
  }
  /** mappingproxy_dealloc */
  override dealloc(): void {
    const m = this.mapping;
    this.mapping = None;
    decref(m);
  }
}

/** PyDictProxy_New: a new reference (the proxy holds one to `mapping`) */
export function newMappingProxy(mapping: PyObject): PyMappingProxy {
  const p = new PyMappingProxy(newRef(mapping));
  gcNewTracked(p);
  return p;
}

/** mappingproxy_check_mapping: a mapping, and not a list or tuple */
function checkMapping(o: PyObject): void {
  if (o.type.isSubtype(ListType) || o.type.isSubtype(TupleType) || abs.typeLookup(o.type, '__getitem__') === null) {
    typeError(`mappingproxy() argument must be a mapping, not ${o.type.name}`);
  }
}

function callNamed(o: PyObject, name: string, args: PyObject[]): PyObject {
  const m = abs.getAttr(o, name);
  try {
    return abs.call(m, args, null);
  } finally {
    decref(m);
  }
}

const mappingOf = (o: PyObject): PyObject => (o instanceof PyMappingProxy ? o.mapping : o);

export function installMappingProxy(): void {
  const T = MappingProxyType;
  T.slots.new = (_t, args, kw) => {
    const [mapping] = posArgs('mappingproxy', args, kw && kw.length && kw[0] === 'mapping' ? null : kw, 1, 1);
    checkMapping(mapping);
    return newMappingProxy(mapping);
  };
  T.slots.repr = (o) => `mappingproxy(${abs.repr((o as PyMappingProxy).mapping)})`;
  T.slots.str = (o) => abs.str((o as PyMappingProxy).mapping);
  T.slots.len = (o) => abs.length((o as PyMappingProxy).mapping);
  T.slots.iter = (o) => abs.getIter((o as PyMappingProxy).mapping);
  defAttr(T, '__hash__', None);
  defBin(T, '__getitem__', (self, k) => abs.getItem((self as PyMappingProxy).mapping, k));
  defBin(T, '__contains__', (self, k) => newBool(abs.contains((self as PyMappingProxy).mapping, k)));
  defUn(T, '__len__', (self) => newInt(abs.length((self as PyMappingProxy).mapping)));
  defUn(T, '__iter__', (self) => abs.getIter((self as PyMappingProxy).mapping));
  def(T, 'get', (self, args, kw) => {
    posArgs('mappingproxy.get', args, kw, 1, 2);
    return callNamed((self as PyMappingProxy).mapping, 'get', args.length === 2 ? args : [args[0], None]);
  });
  for (const name of ['keys', 'values', 'items', 'copy', '__reversed__']) {
    def(T, name, (self, args, kw) => {
      posArgs(name, args, kw, 0, 0);
      return callNamed((self as PyMappingProxy).mapping, name, []);
    });
  }
  // mappingproxy_richcompare: the mapping's comparison
  const cmps: [string, abs.Cmp][] = [
    ['__lt__', abs.Cmp.LT],
    ['__le__', abs.Cmp.LE],
    ['__eq__', abs.Cmp.EQ],
    ['__ne__', abs.Cmp.NE],
    ['__gt__', abs.Cmp.GT],
    ['__ge__', abs.Cmp.GE],
  ];
  for (const [name, op] of cmps) defBin(T, name, (self, other) => abs.richCompare((self as PyMappingProxy).mapping, other, op));
  // mappingproxy_or: `|` of the mappings themselves (a dict), either side
  defBin(T, '__or__', (self, other) => abs.binaryOp(mappingOf(self), mappingOf(other), 7));
  defBin(T, '__ror__', (self, other) => abs.binaryOp(mappingOf(other), mappingOf(self), 7));
  defBin(T, '__ior__', () => typeError("'|=' is not supported by mappingproxy; use '|' instead"));
}
