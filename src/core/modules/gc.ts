// The gc module (Modules/gcmodule.c): a thin binding over runtime/gc.ts.

import { PyObject, PyType, newRef, decref, traverseFull, TypeFlags, Edge } from '../runtime/object';
import { PyDict } from '../runtime/objects/dict';
import { gcReferentsWithEdges } from '../runtime/referents';
import { vmState } from '../runtime/vm/eval';
import { StrType } from '../runtime/objects/str';
import { PyInstance } from '../runtime/objects/instance';
import { ModuleBuilder, parseArgs, checkArgs } from '../runtime/define';
import { newInt, newBool, PyInt } from '../runtime/objects/int';
import { newTuple } from '../runtime/objects/tuple';
import { newList, PyList, listAppend } from '../runtime/objects/list';
import { newDict } from '../runtime/objects/dict';
import { newStr, internStr } from '../runtime/objects/str';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import * as abs from '../runtime/abstract';
import {
  gcState,
  collectWithCallback,
  trackedObjects,
  gcFreeze,
  gcUnfreeze,
  permanentSize,
  DEBUG_STATS,
  DEBUG_COLLECTABLE,
  DEBUG_UNCOLLECTABLE,
  DEBUG_SAVEALL,
  DEBUG_LEAK,
} from '../runtime/gc';

export function initGc(m: ModuleBuilder): void {
  const garbage = newList([]);
  const callbacks = newList([]);
  m.own('garbage', garbage);
  m.own('callbacks', callbacks);
  m.fn('collect', (args, kw) => {
    const [g] = parseArgs({ name: 'collect', params: ['generation'] }, args, kw);
    const gen = g !== undefined ? abs.asIndex(g) : 2;
    if (gen < 0 || gen > 2) raise(E.ValueError, 'invalid generation');
    const st = gcState;
    if (st.collecting) return newInt(0);
    st.collecting = true;
    try {
      return newInt(collectWithCallback(gen));
    } finally {
      st.collecting = false;
    }
  });
  m.fn('enable', (args, kw) => {
    checkArgs('gc.enable', args, kw, 0, 0);
    gcState.enabled = true;
    return newRef(None);
  });
  m.fn('disable', (args, kw) => {
    checkArgs('gc.disable', args, kw, 0, 0);
    gcState.enabled = false;
    return newRef(None);
  });
  m.fn('isenabled', (args, kw) => (checkArgs('gc.isenabled', args, kw, 0, 0), newBool(gcState.enabled)));
  m.fn('get_count', (args, kw) => {
    checkArgs('gc.get_count', args, kw, 0, 0);
    const [a, b, c] = gcState.count;
    return newTuple([newInt(a), newInt(b), newInt(c)]);
  });
  m.fn('get_threshold', (args, kw) => {
    checkArgs('gc.get_threshold', args, kw, 0, 0);
    const [a, b, c] = gcState.threshold;
    return newTuple([newInt(a), newInt(b), newInt(c)]);
  });
  m.fn('set_threshold', (args, kw) => {
    // METH_VARARGS: the call packs its arguments into a tuple (_PyObject_MakeTpCall), then
    // PyArg_ParseTuple(args, "i|ii:set_threshold")
    decref(newTuple(args.map((a) => newRef(a))));
    if (kw && kw.length) typeError('set_threshold() takes no keyword arguments');
    if (args.length < 1) typeError(`set_threshold() takes at least 1 argument (${args.length} given)`);
    if (args.length > 3) typeError(`set_threshold() takes at most 3 arguments (${args.length} given)`);
    args.forEach((a, i) => {
      gcState.threshold[i] = abs.asIndex(a);
    });
    return newRef(None);
  });
  m.fn('set_debug', (args, kw) => {
    checkArgs('gc.set_debug', args, kw, 1, 1);
    gcState.debug = abs.asIndex(args[0]);
    return newRef(None);
  });
  m.fn('get_debug', (args, kw) => (checkArgs('gc.get_debug', args, kw, 0, 0), newInt(gcState.debug)));
  m.fn('is_tracked', (args, kw) => {
    checkArgs('gc.is_tracked', args, kw, 1, 1);
    return newBool(args[0].gcGen >= 0);
  });
  m.fn('is_finalized', (args, kw) => {
    checkArgs('gc.is_finalized', args, kw, 1, 1);
    return newBool(args[0].finalized);
  });
  m.fn('get_objects', (args, kw) => {
    const [g] = parseArgs({ name: 'get_objects', params: ['generation'] }, args, kw);
    // (the clinic converter: an int or None; -1 is None's C default)
    let gen: number | null = null;
    if (g !== undefined && g !== None) {
      if (!(g instanceof PyInt) && !abs.typeLookup(g.type, '__index__')) typeError(`argument should be integer or None, not '${g.type.name}'`);
      gen = abs.asIndex(g);
      if (gen === -1) gen = null;
    }
    if (gen !== null) {
      if (gen >= 3) raise(E.ValueError, 'generation parameter must be less than the number of available generations (3)');
      if (gen < 0) raise(E.ValueError, 'generation parameter cannot be negative');
    }
    return newList(trackedObjects(gen).map((o) => newRef(o)));
  });
  // gc_get_referrers / gc_get_referents are METH_VARARGS: the call packs its arguments into a
  // (tracked) tuple, which gc_referrers_for skips (`obj == objs`)
  m.fn('get_referrers', (args, kw) => {
    if (kw && kw.length) typeError('get_referrers() takes no keyword arguments');
    const argsTuple = newTuple(args.map((a) => newRef(a)));
    try {
      const targets = new Set(args);
      const out: PyObject[] = [];
      for (const o of trackedObjects(null)) {
        if (o === argsTuple) continue;
        let hit = false;
        gcReferents(o, (c) => {
          if (targets.has(c)) hit = true;
        });
        if (hit) out.push(newRef(o));
      }
      return newList(out);
    } finally {
      decref(argsTuple);
    }
  });
  m.fn('get_referents', (args, kw) => {
    if (kw && kw.length) typeError('get_referents() takes no keyword arguments');
    const argsTuple = newTuple(args.map((a) => newRef(a)));
    try {
      const out: PyObject[] = [];
      for (const o of args) {
        if (!(o.type.flags & TypeFlags.HAVE_GC)) continue;
        gcReferents(o, (c) => out.push(newRef(c)));
      }
      return newList(out);
    } finally {
      decref(argsTuple);
    }
  });
  m.fn('get_stats', (args, kw) => {
    checkArgs('gc.get_stats', args, kw, 0, 0);
    const items = gcState.stats.map((s) => {
      const d = newDict();
      for (const [k, v] of [
        ['collections', s.collections],
        ['collected', s.collected],
        ['uncollectable', s.uncollectable],
      ] as const) {
        const n = newInt(v);
        d.setItem(internStr(k), n);
        decref(n);
      }
      return d;
    });
    return newList(items);
  });
  m.fn('freeze', (args, kw) => {
    checkArgs('gc.freeze', args, kw, 0, 0);
    gcFreeze();
    return newRef(None);
  });
  m.fn('unfreeze', (args, kw) => {
    checkArgs('gc.unfreeze', args, kw, 0, 0);
    gcUnfreeze();
    return newRef(None);
  });
  m.fn('get_freeze_count', (args, kw) => (checkArgs('gc.get_freeze_count', args, kw, 0, 0), newInt(permanentSize())));
  m.own('DEBUG_STATS', newInt(DEBUG_STATS));
  m.own('DEBUG_COLLECTABLE', newInt(DEBUG_COLLECTABLE));
  m.own('DEBUG_UNCOLLECTABLE', newInt(DEBUG_UNCOLLECTABLE));
  m.own('DEBUG_SAVEALL', newInt(DEBUG_SAVEALL));
  m.own('DEBUG_LEAK', newInt(DEBUG_LEAK));
  void PyType;
  void PyList;
  void listAppend;
  void newStr;
  void abs;
}

/** What tp_traverse visits (gc.get_referents), in CPython's order (runtime/referents.ts). */
function gcReferents(o: PyObject, visit: (c: PyObject) => void): void {
  gcReferentsWithEdges(o, visit, vmState.builtins);
}
