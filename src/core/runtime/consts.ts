// Compiled constants become heap objects: one object per ConstSlot of the compilation unit
// (compile.c merges equal constants across code objects), plus the script arena's reference.

import { PyObject, incref, decref, newRef } from './object';
import { None, Ellipsis } from './objects/singletons';
import { True, False, newInt } from './objects/int';
import { newFloat } from './objects/float';
import { PyStr, newStr, internStr, isIdentifierLike, parsedCharOf } from './objects/str';
import { newTuple, EmptyTuple } from './objects/tuple';
import { newSet, FrozenSetType } from './objects/set';
import { PyCode } from './objects/function';
import { newBytes } from './objects/bytes';
import { newComplex } from './objects/complex';
import type { CodeUnit, ConstSlot } from '../compiler/code';

/**
 * A code object with its constants. `arena` receives each source constant once (the script
 * runner's AST arena keeps one reference to it while `__main__` runs); null for code that is not
 * a script (stdlib module bodies run from source).
 */
export function materializeCode(unit: CodeUnit, arena: ((o: PyObject) => void) | null, made = new Map<ConstSlot, PyObject>()): PyCode {
  // (`made` is shared with the nested code objects: a constant used by a module and by its
  // functions is one object, listed in each co_consts)
  const make = (s: ConstSlot): PyObject => {
    let o = made.get(s);
    if (o) {
      incref(o);
      return o;
    }
    o = constObject(s, make, (u) => materializeCode(u, arena, made));
    made.set(s, o);
    if (s.arena && arena) arena(o instanceof PyStr && o.v.length === 1 ? parsedCharOf(o) : o);
    return o;
  };
  return new PyCode(unit, unit.consts.map(make));
}

/** A heap object for a compiled constant. */
export function constObject(s: ConstSlot, make: (s: ConstSlot) => PyObject, code: (u: CodeUnit) => PyCode): PyObject {
  const lit = s.lit;
  switch (lit.type) {
    case 'None':
      return newRef(None);
    case 'Ellipsis':
      return newRef(Ellipsis);
    case 'bool':
      return newRef(lit.value ? True : False);
    case 'int': {
      const v = lit.value;
      return newInt(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
    }
    case 'float':
      return newFloat(lit.value);
    case 'complex':
      return newComplex(0, lit.imag);
    case 'str':
      // identifier-like constants are interned (intern_string_constants): mortal, unless CPython
      // had the value interned at start (a static string's count is about 1e9)
      return isIdentifierLike(lit.value) ? internStr(lit.value, false) : newStr(lit.value);
    case 'bytes':
      return newBytes(lit.value);
    case 'code':
      return code(lit.code);
    case 'tuple': {
      if (lit.items.length === 0) return newRef(EmptyTuple);
      return newTuple(lit.items.map(make));
    }
    case 'frozenset': {
      // merge_consts_recursive rebuilds a constant frozenset from the iteration order of the
      // first one, so the table layout differs from adding the items in source order
      const first = newSet(FrozenSetType);
      for (const it of lit.items) {
        const o = make(it);
        first.add(o);
        decref(o);
      }
      const fs = newSet(FrozenSetType);
      for (const k of first.t.keys()) fs.add(k);
      decref(first);
      return fs;
    }
  }
}

