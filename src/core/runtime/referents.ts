// What tp_traverse visits, in CPython 3.11's order: gc.get_referents, gc.get_referrers and the
// objgraph walk see the heap through it.

import { PyObject, TypeFlags, Edge, traverseFull, extraDicts } from './object';
import { PyDict } from './objects/dict';
import { PyList } from './objects/list';
import { PyTuple } from './objects/tuple';
import { PyStr } from './objects/str';
import { PyInstance } from './objects/instance';
import { PyFunction } from './objects/function';
import { None } from './objects/singletons';

/**
 * What tp_traverse visits (gc.get_referents): the heap's traversal, except where CPython's traverse
 * functions skip references that cannot form cycles — dict_traverse visits only the values of a
 * str-keyed table (value then key otherwise), and an instance holds its attribute names in the
 * type's shared keys. Each visit comes with the heap edge (kind and key) it stands for.
 */
export function gcReferentsWithEdges(o: PyObject, visit: (c: PyObject, edge: Edge, key: unknown) => void, builtins: PyDict | null = null): void {
  const t = o.type;
  if (!(t.flags & TypeFlags.HAVE_GC)) return;
  if (t.flags & TypeFlags.HEAPTYPE && (o instanceof PyDict || o instanceof PyList || o instanceof PyTuple)) {
    // subtype_traverse of a Python subclass of a builtin container: its __slots__ values, its
    // __dict__, its type, then the base type's tp_traverse (below)
    const names = t.slotNames;
    if (names !== null) {
      for (let i = 0; i < names.length; i++) {
        const v = o.getSlot(i);
        if (v !== null) visit(v, Edge.SLOT, names[i]);
      }
    }
    const xd = extraDicts.get(o);
    if (xd !== undefined) visit(xd, Edge.DICT, '__dict__');
    visit(t, Edge.TYPE, null);
  }
  if (o instanceof PyDict) {
    if (o.split !== null) {
      // a split table: its values array, in shared-key order
      o.traverse((c, e, k) => {
        if (e === Edge.DICT_VALUE) visit(c, e, k);
      });
      return;
    }
    const unicode = o.keyList().every((k) => k instanceof PyStr);
    for (const [k, v] of o.entries()) {
      visit(v, Edge.DICT_VALUE, k);
      if (!unicode) visit(k, Edge.DICT_KEY, k);
    }
    return;
  }
  // list_traverse, tupletraverse: from the last item to the first
  if (o instanceof PyList || o instanceof PyTuple) {
    for (let i = o.items.length - 1; i >= 0; i--) visit(o.items[i], Edge.ITEM, i);
    return;
  }
  if (o instanceof PyInstance) {
    // subtype_traverse: the inline values (or the slots), then the dict, then the heap type
    const later: [PyObject, Edge, unknown][] = [];
    traverseFull(o, (c, e, k) => {
      if (e === Edge.ATTR || e === Edge.SLOT) visit(c, e, k);
      else if (e === Edge.DICT) later.push([c, e, k]);
    });
    for (const [c, e, k] of later) visit(c, e, k);
    if (o.type.flags & TypeFlags.HEAPTYPE) visit(o.type, Edge.TYPE, null);
    return;
  }
  if (o instanceof PyFunction) {
    // func_traverse: code, globals, builtins, module, defaults, kwdefaults, doc (None when there
    // is no docstring), dict, closure, annotations (name and qualname are not objects here)
    visit(o.code, Edge.CODE, '__code__');
    if (o.globals) visit(o.globals, Edge.GLOBALS, '__globals__');
    if (builtins) visit(builtins, Edge.OTHER, '__builtins__');
    if (o.module) visit(o.module, Edge.OTHER, '__module__');
    if (o.defaults) visit(o.defaults, Edge.DEFAULTS, '__defaults__');
    if (o.kwdefaults) visit(o.kwdefaults, Edge.KWDEFAULTS, '__kwdefaults__');
    visit(o.doc ?? None, Edge.OTHER, '__doc__');
    if (o.dict) visit(o.dict, Edge.DICT, '__dict__');
    if (o.closure) visit(o.closure, Edge.CLOSURE, '__closure__');
    if (o.annotations) visit(o.annotations, Edge.OTHER, '__annotations__');
    return;
  }
  traverseFull(o, visit);
}
