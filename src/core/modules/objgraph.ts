// objgraph: the Python API runs from source (pysrc/objgraph.ts); the graph walk is native
// (inspect/graph.ts walkGraph in live mode), so that show_refs/show_backrefs draw the graph the
// editor draws and count the nodes objgraph counts on CPython 3.11.

import { PyObject, decref, newRef, addressOf } from '../runtime/object';
import { registerModule } from '../runtime/define';
import { newInt, newBool, PyInt } from '../runtime/objects/int';
import { newTuple } from '../runtime/objects/tuple';
import { newStr, PyStr } from '../runtime/objects/str';
import { PyDict } from '../runtime/objects/dict';
import { None } from '../runtime/objects/singletons';
import { PyBaseException } from '../runtime/objects/exception';
import { typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import * as abs from '../runtime/abstract';
import { gcState, collectWithCallback } from '../runtime/gc';
import { vmState } from '../runtime/vm/eval';
import { currentInterp } from '../runtime/current';
import { walkGraph, ReprFailed } from '../inspect/graph';
import { toSvg } from '../inspect/svg';
import { execSource } from './modutil';
import { OBJGRAPH_SRC } from './pysrc/objgraph';

/** Every item of an iterable (new references). */
function items(o: PyObject): PyObject[] {
  const it = abs.getIter(o);
  const out: PyObject[] = [];
  try {
    for (let x = abs.iterNext(it); x; x = abs.iterNext(it)) out.push(x);
  } finally {
    decref(it);
  }
  return out;
}

function counted(objs: PyObject[]): Map<PyObject, number> {
  const m = new Map<PyObject, number>();
  for (const o of objs) m.set(o, (m.get(o) ?? 0) + 1);
  return m;
}

function truthyCall(fn: PyObject, o: PyObject): boolean {
  const r = abs.call(fn, [o], null);
  try {
    return abs.isTrue(r);
  } finally {
    decref(r);
  }
}

function intArg(o: PyObject, what: string): number {
  if (!(o instanceof PyInt)) typeError(`'${o.type.name}' object cannot be interpreted as an integer (${what})`);
  return Number(o.v);
}

/** tempfile.mkstemp(prefix='objgraph-', suffix='.dot')'s name: 8 characters from its alphabet */
let nameSeed = 0x2545f491;
function tempDotName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_';
  let s = '';
  for (let i = 0; i < 8; i++) {
    nameSeed = (Math.imul(nameSeed, 1103515245) + 12345) >>> 0;
    s += alphabet[(nameSeed >>> 16) % alphabet.length];
  }
  return `/tmp/objgraph-${s}.dot`;
}

/** The line of the user's program that called into objgraph (the innermost frame of its file). */
function callerLine(): number {
  const interp = currentInterp.interp;
  const file = interp?.mainCode?.unit.filename;
  for (let f = vmState.current; f; f = f.back) if (f.code.unit.filename === file) return f.lineno;
  return 0;
}

registerModule('objgraph', (m) => {
  // _graph(objs, direction, max_depth, extra_ignore, filter, too_many, highlight, extra_info,
  //        refcounts, shortnames, extra_node_attrs, filename, kind, has_output)
  //   -> (dot, nodes, dot_filename, image_written)
  m.fn('_graph', (args) => {
    if (args.length !== 14) typeError('_graph() takes 14 arguments');
    const [objs, direction, maxDepth, extraIgnore, filter, tooMany, highlight, extraInfo, refcounts, shortnames, extraNodeAttrs, filename, kind, hasOutput] = args;
    const interp = currentInterp.interp;
    const roots = items(objs);
    const ignoreIds = new Set<number>([addressOf(objs), addressOf(extraIgnore)]);
    const ignored = items(extraIgnore);
    try {
      for (const x of ignored) ignoreIds.add(intArg(x, 'extra_ignore'));
    } finally {
      for (const x of ignored) decref(x);
    }
    const dir = (direction as PyStr).v === 'refs' ? 'refs' : 'backrefs';
    try {
      // objgraph collects before it walks (after writing the roots' lines)
      if (!gcState.collecting) {
        gcState.collecting = true;
        try {
          collectWithCallback(2);
        } finally {
          gcState.collecting = false;
        }
      }
      const r = walkGraph(interp, roots, {
        direction: dir,
        maxDepth: intArg(maxDepth, 'max_depth'),
        tooMany: intArg(tooMany, 'too_many'),
        ignoreIds,
        filter: filter !== None ? (o) => truthyCall(filter, o) : undefined,
        highlight: highlight !== None ? (o) => truthyCall(highlight, o) : undefined,
        extraInfo:
          extraInfo !== None
            ? (o) => {
                const v = abs.call(extraInfo, [o], null);
                try {
                  return abs.str(v);
                } finally {
                  decref(v);
                }
              }
            : undefined,
        extraNodeAttrs:
          extraNodeAttrs !== None
            ? (o) => {
                const d = abs.call(extraNodeAttrs, [o], null);
                try {
                  if (!(d instanceof PyDict)) typeError(`'${d.type.name}' object has no attribute 'items'`);
                  const pairs: [string, string][] = [];
                  for (const [k, v] of d.entries()) if (v !== None) pairs.push([abs.str(k), abs.str(v)]);
                  return pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
                } finally {
                  decref(d);
                }
              }
            : undefined,
        refcounts: abs.isTrue(refcounts),
        extraRefs: counted(roots),
        shortnames: abs.isTrue(shortnames),
        live: true,
        repr: (o) => {
          try {
            return abs.repr(o);
          } catch (e) {
            // objgraph's _safe_repr: `except Exception` -> '(unrepresentable)'
            if (e instanceof PyBaseException && e.type.isSubtype(E.Exception)) {
              decref(e);
              throw new ReprFailed();
            }
            throw e;
          }
        },
      });
      const fname = filename === None ? null : abs.str(filename);
      const dotFilename = abs.isTrue(hasOutput) ? null : fname && fname.endsWith('.dot') ? fname : tempDotName();
      if (interp) {
        interp.shownGraphs.push({ line: callerLine(), kind: (kind as PyStr).v as 'show_refs', model: r.model, dot: r.dot, dotFilename, filename: fname });
        if (dotFilename && interp.io.writeFile) interp.io.writeFile(dotFilename, r.dot);
      }
      // an .svg filename: RefScope renders it itself where the host writes files (the CLI), as
      // objgraph does with Graphviz's dot
      let image = false;
      if (fname && fname.endsWith('.svg') && interp?.io.writeFile) {
        interp.io.writeFile(fname, toSvg(r.model));
        image = true;
      }
      return newTuple([newStr(r.dot), newInt(r.nodes), dotFilename === null ? newRef(None) : newStr(dotFilename), newBool(image)]);
    } finally {
      for (const x of roots) decref(x);
    }
  });
  execSource(m, OBJGRAPH_SRC, '<frozen objgraph>');
});
