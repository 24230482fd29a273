// What tp_traverse visits, in CPython 3.11's order: gc.get_referents, gc.get_referrers and the
// objgraph walk see the heap through it.

import { PyObject, TypeFlags, Edge, traverseFull, extraDicts, decref } from './object';
import { PyDict } from './objects/dict';
import { PyList } from './objects/list';
import { PyTuple } from './objects/tuple';
import { PyStr, newStr } from './objects/str';
import { PyGenerator } from './objects/generator';
import { Frame } from './vm/frame';
import { PyInstance } from './objects/instance';
import { PyFunction, PyProperty } from './objects/function';
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
    // is no docstring), name, dict, closure, annotations, qualname
    visit(o.code, Edge.CODE, '__code__');
    if (o.globals) visit(o.globals, Edge.GLOBALS, '__globals__');
    if (builtins) visit(builtins, Edge.OTHER, '__builtins__');
    if (o.module) visit(o.module, Edge.OTHER, '__module__');
    if (o.defaults) visit(o.defaults, Edge.DEFAULTS, '__defaults__');
    if (o.kwdefaults) visit(o.kwdefaults, Edge.KWDEFAULTS, '__kwdefaults__');
    visit(o.doc ?? None, Edge.OTHER, '__doc__');
    if (builtins) visitName(o.name, '__name__', visit);
    if (o.dict) visit(o.dict, Edge.DICT, '__dict__');
    if (o.closure) visit(o.closure, Edge.CLOSURE, '__closure__');
    if (o.annotations) visit(o.annotations, Edge.OTHER, '__annotations__');
    if (builtins) visitName(o.qualname, '__qualname__', visit);
    return;
  }
  if (o instanceof PyGenerator) {
    // gen_traverse: gi_code, gi_name, gi_qualname, then while it is not cleared its frame
    // (_PyFrame_Traverse: the frame object, f_locals, f_func, f_code, the locals and the stack)
    visit(o.frame.code, Edge.CODE, 'gi_code');
    if (builtins) {
      visitName(o.name, '__name__', visit);
      visitName(o.qualname, '__qualname__', visit);
    }
    if (!o.finished) {
      const f = o.frame;
      if (f.materialized) visit(f, Edge.FRAME, 'gi_frame');
      frameContents(f, visit);
    }
    return;
  }
  if (o instanceof Frame) {
    // frame_traverse: f_back; a frame still executing or owned by its generator shows nothing
    // more (its contents are the thread's or the generator's), a finished one its contents
    if (o.backRef) visit(o.backRef, Edge.OTHER, 'f_back');
    if (o.done && o.gen === null) frameContents(o, visit);
    return;
  }
  if (o instanceof PyProperty) {
    // property_traverse: fget, fset, fdel, doc (fget's __doc__, None when it has none)
    if (o.fget) visit(o.fget, Edge.OTHER, 'fget');
    if (o.fset) visit(o.fset, Edge.OTHER, 'fset');
    if (o.fdel) visit(o.fdel, Edge.OTHER, 'fdel');
    if (o.doc) visit(o.doc, Edge.OTHER, '__doc__');
    else if (o.fget) visit(None, Edge.OTHER, '__doc__');
    return;
  }
  traverseFull(o, visit);
}

/** _PyFrame_Traverse's order: f_locals, f_func, f_code, then the locals and the stack */
function frameContents(f: Frame, visit: (c: PyObject, edge: Edge, key: unknown) => void): void {
  if (f.locals) visit(f.locals, Edge.OTHER, 'f_locals');
  if (f.func) visit(f.func, Edge.OTHER, 'f_func');
  visit(f.code, Edge.CODE, 'f_code');
  const names = f.code.unit.localsplusNames;
  for (let i = 0; i < f.fast.length; i++) if (f.fast[i]) visit(f.fast[i]!, Edge.LOCAL, names[i]);
  for (let i = 0; i < f.sp; i++) if (f.stack[i]) visit(f.stack[i]!, Edge.STACK, i);
}

/** a function's or generator's name as gc.get_referents lists it: a str (its own object here, as
 * RefScope keeps names as text) */
function visitName(name: string, key: string, visit: (c: PyObject, edge: Edge, key: unknown) => void): void {
  const s = newStr(name);
  try {
    visit(s, Edge.OTHER, key);
  } finally {
    decref(s);
  }
}
