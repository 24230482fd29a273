// The references CPython's start-up holds to the module objects it loaded before a script runs
// and to the builtin functions in their dicts (startmodules.ts, measured from CPython 3.11 by
// tools/startstrings.mjs --modules): `sys.getrefcount(sys)` is 73 in a script that imports sys,
// because some seventy start-up modules did `import sys` too, and `sys.getrefcount(len)` is 10.
//
// RefScope makes those objects when the script starts (builtins, sys) or imports them. When one
// is complete, its count is raised to CPython's by references of "the start-up" (startRefs, the
// same audit root as the strings the start-up interned): the count CPython gives it less the
// references RefScope holds itself (its sys.modules entry, __main__'s __builtins__, the module
// functions' __self__, the dicts of start-up modules RefScope has made). From then on the
// count moves with the program's references, as any object's. The builtin functions of every
// module RefScope makes (start-up module or not) count their references from its import on:
// before, they were shared objects with a count of about 1e9.

import { PyObject, PyType, TypeFlags } from './object';
import { PyModule } from './objects/instance';
import type { PyDict } from './objects/dict';
import { PyBuiltinFunction } from './types';
import { PyFunction } from './objects/function';
import { PyStr, startRefs, attrKey } from './objects/str';
import { MODULE_START_COUNTS, FUNCTION_START_COUNTS } from './startmodules';

/** counts at or above this belong to objects the interpreter shares (the audit skips them) */
const SHARED_RC = 100_000_000;

/** the start-up modules of this run whose count has been set (resetStartRefs at each start) */
const settled = new Set<PyModule>();
/** their names: a module imported again after `del sys.modules[name]` is a new object, which
 * CPython's start-up never saw */
const settledNames = new Set<string>();

export function resetStartRefs(): void {
  settled.clear();
  settledNames.clear();
}

/** the values of dict d, in order (read from its table: no pair per entry, as entries() makes) */
function valuesOf(d: PyDict): PyObject[] {
  const k = d.t.keys;
  const out: PyObject[] = [];
  for (let i = 0; i < k.nentries; i++) {
    const v = k.evalues[i];
    if (v !== undefined) out.push(v as PyObject);
  }
  return out;
}

function modulesOf(modules: PyDict): PyModule[] {
  const seen = new Set<PyModule>();
  for (const v of valuesOf(modules)) if (v instanceof PyModule && v.dict) seen.add(v);
  return [...seen];
}

function occurrences(d: PyDict, o: PyObject): number {
  let n = 0;
  for (const v of valuesOf(d)) if (v === o) n++;
  return n;
}

/**
 * Module m (in sys.modules, its body run) is complete: give it, and the builtin functions in its
 * dict, the counts CPython's start-up leaves them with. (`inFlight`: references to m on their way
 * to the importer, not counted as RefScope's own.)
 *
 * A start-up module whose dict refers to m but that is still being made (a circular import, or a
 * package whose submodule finished first) takes that reference over from the start-up when it
 * completes in turn; so do the references m's dict holds to start-up modules already complete
 * (CPython counted `import sys` in os among sys's start-up references).
 */
export function settleStartModule(m: PyModule, modules: PyDict, inFlight = 0): void {
  if (settled.has(m)) return;
  settled.add(m);
  const c = settledNames.has(m.name) ? undefined : MODULE_START_COUNTS.get(m.name);
  settledNames.add(m.name);
  const mods = modulesOf(modules);
  // start-up modules still being made: what their dicts hold they take over when they complete
  const unsettled = (x: PyModule) => x !== m && !settled.has(x) && !settledNames.has(x.name) && MODULE_START_COUNTS.has(x.name);
  if (c !== undefined) {
    let pending = 0;
    for (const x of mods) if (unsettled(x)) pending += occurrences(x.dict, m);
    const h = c - (m.rc - inFlight - pending);
    if (h > 0) {
      m.rc += h;
      startRefs.set(m, h);
    }
    const takeOver = (v: PyObject) => {
      if (!(v instanceof PyModule || v instanceof PyBuiltinFunction) || v === m || v.rc >= SHARED_RC) return;
      if (v instanceof PyModule && !settled.has(v)) return;
      const n = startRefs.get(v) ?? 0;
      if (n <= 0) return;
      v.rc--;
      if (n === 1) startRefs.delete(v);
      else startRefs.set(v, n - 1);
    };
    for (const [, v] of m.dict.entries()) {
      takeOver(v);
      // and what its classes' dicts hold (enum.Flag: `_numeric_repr_ = repr`)
      if (v instanceof PyType && v.flags & TypeFlags.HEAPTYPE && v.dict) {
        const mod = v.dict.getStr(attrKey('__module__'));
        if (mod instanceof PyStr && mod.v === m.name) for (const [, x] of v.dict.entries()) takeOver(x);
      }
    }
    // and the aliases it put in sys.modules (Lib/os.py: sys.modules['os.path'] = posixpath)
    for (const [k, v] of modules.entries()) {
      if (k instanceof PyStr && v instanceof PyModule && k.v.startsWith(m.name + '.') && v.name !== k.v) takeOver(v);
    }
  }
  // the builtin functions: shared until now (their count said nothing); RefScope's references
  // are the module dicts' entries (those of start-up modules still being made come later)
  let held: Map<PyObject, number> | null = null;
  for (const [k, v] of m.dict.entries()) {
    // a Python function standing for CPython's builtin one (abc._abc_init, codecs.lookup), or a
    // bound builtin (keyword.iskeyword, a frozenset's __contains__): its count is right already;
    // the start-up's references are added
    if ((v instanceof PyFunction || (v instanceof PyBuiltinFunction && v.rc < SHARED_RC)) && c !== undefined && k instanceof PyStr && !startRefs.has(v)) {
      const fc = FUNCTION_START_COUNTS.get(`${m.name}.${k.v}`);
      if (fc !== undefined && fc > v.rc) {
        startRefs.set(v, fc - v.rc);
        v.rc = fc;
      }
      continue;
    }
    if (!(v instanceof PyBuiltinFunction) || v.rc < SHARED_RC || !(k instanceof PyStr)) continue;
    if (held === null) {
      held = new Map();
      for (const x of mods) {
        if (unsettled(x)) continue;
        for (const f of valuesOf(x.dict)) if (f instanceof PyBuiltinFunction && f.rc >= SHARED_RC) held.set(f, (held.get(f) ?? 0) + 1);
      }
    }
    const fc = c === undefined ? undefined : FUNCTION_START_COUNTS.get(`${m.name}.${k.v}`);
    const seen = held.get(v) ?? 0;
    v.rc = Math.max(fc ?? 0, seen);
    if (fc !== undefined && fc > seen) startRefs.set(v, fc - seen);
  }
}
