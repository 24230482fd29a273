// Compiled constants become heap objects: one object per ConstSlot of the compilation unit
// (compile.c merges equal constants across code objects), plus the script arena's reference.

import { PyObject, incref, decref, newRef } from './object';
import { None, Ellipsis } from './objects/singletons';
import { True, False, newInt } from './objects/int';
import { newFloat } from './objects/float';
import { newStr, internStr, isIdentifierLike } from './objects/str';
import { newTuple, EmptyTuple } from './objects/tuple';
import { newSet, FrozenSetType } from './objects/set';
import { PyCode } from './objects/function';
import { newBytes } from './objects/bytes';
import { newComplex } from './objects/complex';
import type { CodeUnit, ConstSlot, ConstLit } from '../compiler/code';
import { sharedKey } from '../parser/arena';

/**
 * A code object with its constants. `arena` receives each source constant once (the script
 * runner's AST arena keeps one reference to it while `__main__` runs), and the shared objects
 * once per reference the arena holds (CodeUnit.arenaShared); null for code that is not a script
 * (stdlib module bodies run from source).
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
    // (a constant frozenset is rebuilt by merge_consts_recursive: the arena's is another object)
    if (s.arena && arena && s.lit.type !== 'frozenset' && litKey(s.lit) === null) arena(o);
    return o;
  };
  const code = new PyCode(unit, unit.consts.map(make));
  if (arena && unit.arenaShared) arenaShared(unit.arenaShared, made, arena);
  return code;
}

function litKey(lit: ConstLit): string | null {
  if (lit.type === 'code' || lit.type === 'frozenset') return null;
  if (lit.type === 'tuple') return lit.items.length === 0 ? '(' : null;
  return sharedKey(lit);
}

/** The arena's references to shared objects. A folded tuple the arena holds holds its items, and
 * the first of equal ones is the co_consts tuple (merge_consts_recursive), which holds them already. */
function arenaShared(counts: Map<string, number>, made: Map<ConstSlot, PyObject>, arena: (o: PyObject) => void): void {
  let n: Map<string, number> | null = null;
  for (const s of made.keys()) {
    if (!s.arena || s.lit.type !== 'tuple') continue;
    for (const it of s.lit.items) {
      const k = litKey(it.lit);
      if (k !== null) {
        n ??= new Map(counts);
        n.set(k, (n.get(k) ?? 0) - 1);
      }
    }
  }
  for (const [k, c] of n ?? counts) {
    if (c <= 0) continue;
    const o = sharedObject(k);
    for (let i = 0; i < c; i++) arena(o);
    decref(o);
  }
}

/** A new reference to the object of a shared key (parser/arena.ts sharedKey). */
function sharedObject(k: string): PyObject {
  const rest = k.slice(1);
  switch (k.charCodeAt(0)) {
    case 105: // i
      return newInt(Number(rest));
    case 115: // s: the latin-1 singleton (the parser's object; co_consts may hold the interned static)
      return newStr(rest);
    case 98: // b
      return newBytes(rest.length ? new Uint8Array([rest.charCodeAt(0)]) : new Uint8Array(0));
    case 84: // T
      return newRef(True);
    case 70: // F
      return newRef(False);
    case 78: // N
      return newRef(None);
    case 69: // E
      return newRef(Ellipsis);
    default: // (
      return newRef(EmptyTuple);
  }
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

