// objgraph-style reference graphs over the instrumented heap.
//
// One breadth-first walk serves two callers:
// - the `objgraph` module inside the interpreter (`show_refs`, `show_backrefs`, `show_chain`): it
//   behaves as objgraph 3.x's `_show_graph` does on CPython 3.11 — neighbours from what
//   `gc.get_referents` / `gc.get_referrers` return (tp_traverse, gc list order), the same ignore,
//   filter and too_many rules, the same node count and DOT text (ids aside);
// - the editor (hover links, the graph panel, `refscope graph`): the same walk at a recorded state,
//   read-only (no collection, no user code, no attribute dict materialised), with the exact
//   refcount, holders, cycles and reachability of each node.
// Two improvements over objgraph, in both modes: a dict edge carries its own key (objgraph's issue
// #49 labels every edge to a value with the first key holding it) and an instance -> attribute
// value edge carries the attribute name (values stored inline since 3.11 lose it in objgraph).

import { PyObject, PyType, TypeFlags, Edge, traverseFull, addressOf, incref, decref } from '../runtime/object';
import { PyDict } from '../runtime/objects/dict';
import { PyList } from '../runtime/objects/list';
import { PyTuple } from '../runtime/objects/tuple';
import { PySet } from '../runtime/objects/set';
import { PyStr } from '../runtime/objects/str';
import { PyModule, PyInstance } from '../runtime/objects/instance';
import { PyFunction, PyMethod } from '../runtime/objects/function';
import { Frame } from '../runtime/vm/frame';
import { gcReferentsWithEdges } from '../runtime/referents';
import { None } from '../runtime/objects/singletons';
import { gcState } from '../runtime/gc';
import { getsizeof } from '../runtime/sizes';
import type { Interpreter } from '../runtime/interp';
import * as abs from '../runtime/abstract';
import { shortTypeName } from '../runtime/types';
import { holdersOf, isSharedObject, heapIndex, describeRef } from './holders';
import { shortRepr } from './hover';
import type { GraphDirection, GraphEdge, GraphModel, GraphNode, GraphOptions } from './graph-types';
import { allocLineOf, type InspectSession } from './session';

export { gcReferentsWithEdges };
export type { GraphDirection, GraphEdge, GraphModel, GraphNode, GraphOptions } from './graph-types';

/** The walk's parameters: objgraph's, plus the editor's. */
export interface WalkOptions {
  direction: GraphDirection;
  maxDepth: number;
  tooMany: number;
  /** ids (id()) never drawn: objgraph's extra_ignore, the objs container */
  ignoreIds?: Set<number>;
  /** objgraph's filter (a neighbour is drawn only when it returns true) */
  filter?: (o: PyObject) => boolean;
  highlight?: (o: PyObject) => boolean;
  extraInfo?: (o: PyObject) => string;
  /** objgraph's extra_node_attrs: [name, value] pairs (already sorted by name) */
  extraNodeAttrs?: (o: PyObject) => [string, string][];
  refcounts?: boolean;
  shortnames?: boolean;
  /** the objgraph module: run user code for reprs, materialise instance dicts as getattr does */
  live?: boolean;
  /** references the caller holds for the walk (not counted in refcounts labels) */
  extraRefs?: Map<PyObject, number>;
  /** the editor: object ids to expand beyond maxDepth */
  expand?: Set<string>;
  hideShared?: boolean;
  /** the editor, back-references: also draw holders that are not objects (frame locals, value
   * stacks, the interpreter's roots) */
  showFrames?: boolean;
  /** the editor: add per-node facts (holders, cycles, reachability, sizes) */
  facts?: boolean;
  /** repr used for "anything else" labels (live mode: repr(); editor: a repr that runs no code) */
  repr?: (o: PyObject) => string;
  /** module / type / builtin __name__ for labels */
  typeName?: (o: PyObject, shortnames: boolean) => string;
}

export interface WalkResult {
  model: GraphModel;
  dot: string;
  /** objgraph's node count ("Graph written to ... (N nodes)"): objects drawn, markers not counted */
  nodes: number;
}

// ------------------------------------------------------------------------------ neighbours

/** gc.get_referrers(o) for many o: the tracked objects referring to each, in gc list order. */
class ReferrerIndex {
  private map: Map<PyObject, PyObject[]> | null = null;
  get(o: PyObject): PyObject[] {
    if (!this.map) {
      const m = new Map<PyObject, PyObject[]>();
      for (let g = 0; g < 3; g++) {
        for (const src of gcState.gens[g].toArray()) {
          gcReferentsWithEdges(src, (c) => {
            let l = m.get(c);
            if (!l) m.set(c, (l = []));
            if (l[l.length - 1] !== src) l.push(src);
          });
        }
      }
      this.map = m;
    }
    return this.map.get(o) ?? [];
  }
}

// ------------------------------------------------------------------------------ labels

/** objgraph's _quote */
export function dotQuote(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\0/g, '\\\\0');
}

/** Python's '%g' (6 significant digits) for the colour components */
export function fmtG(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = x.toPrecision(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** objgraph's _gradient */
function gradient(start: [number, number, number], end: [number, number, number], depth: number, maxDepth: number): [number, number, number] {
  if (maxDepth === 0) return start;
  const f = depth / maxDepth;
  return [start[0] * (1 - f) + end[0] * f, start[1] * (1 - f) + end[1] * f, start[2] * (1 - f) + end[2] * f];
}

function isModule(o: PyObject): boolean {
  return o instanceof PyModule;
}

function firstChars(s: string, n: number): string {
  const cps = Array.from(s);
  return cps.length > n ? cps.slice(0, n).join('') : s;
}

function basename(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

function defaultTypeName(o: PyObject, shortnames: boolean): string {
  // type(obj).__name__, or __module__ + '.' + __name__
  const t = o.type;
  const name = shortTypeName(t);
  if (shortnames) return name;
  const mod = abs.typeModule(t);
  return mod ? `${mod}.${name}` : name;
}

/** Thrown by a repr callback when repr() raised an Exception: the label says (unrepresentable). */
export class ReprFailed extends Error {}

/** objgraph's _short_repr, with the repr supplied by the caller */
function objLabelRepr(o: PyObject, repr: (o: PyObject) => string): string {
  try {
    if (o instanceof PyType) return shortTypeName(o);
    if (o instanceof PyModule) return o.name;
    const tn = o.type.name;
    if (tn === 'builtin_function_or_method') {
      const n = (o as unknown as { name?: string }).name;
      if (typeof n === 'string') return n;
    }
    if (o instanceof PyMethod) {
      const f = o.func;
      const name = f instanceof PyFunction ? f.name : typeof (f as unknown as { name?: string }).name === 'string' ? (f as unknown as { name: string }).name : firstChars(repr(f), 40);
      return name + ' (bound)';
    }
    if (o instanceof PyFunction && o.name === '<lambda>') return `lambda: ${basename(o.code.unit.filename)}:${o.code.unit.firstlineno}`;
    if (o instanceof Frame) return `${o.code.unit.filename}:${o.lineno}`;
    if (o instanceof PyTuple || o instanceof PyList) return `${o.items.length} items`;
    if (o instanceof PyDict) return `${o.size} items`;
    if (o instanceof PySet && !isFrozen(o)) return `${o.t.size} items`;
    return firstChars(repr(o), 40);
  } catch (e) {
    if (e instanceof ReprFailed) return '(unrepresentable)';
    throw e;
  }
}
function isFrozen(o: PySet): boolean {
  let t: PyType | null = o.type;
  while (t) {
    if (t.name === 'frozenset' && !(t.flags & TypeFlags.HEAPTYPE)) return true;
    t = t.base;
  }
  return false;
}

/** The attributes `dir(function)` lists first that can hold a referent, in dir() order. */
function functionAttrs(f: PyFunction, interp: Interpreter | null): [string, PyObject | null][] {
  return [
    ['__annotations__', f.annotations],
    ['__builtins__', interp ? interp.builtins : null],
    ['__closure__', f.closure],
    ['__code__', f.code],
    ['__defaults__', f.defaults],
    ['__dict__', f.dict],
    ['__doc__', f.doc],
    ['__globals__', f.globals],
    ['__kwdefaults__', f.kwdefaults],
    ['__module__', f.module],
  ];
}

// ------------------------------------------------------------------------------ the walk

interface Pending {
  obj: PyObject;
  depth: number;
}

/**
 * objgraph's _show_graph (objgraph.py): breadth-first from the roots; a node at max depth is
 * drawn but not expanded, and so is a proper module in back-references (cull_func); neighbours in
 * the ignore set or refused by the filter are skipped, and after too_many the rest are counted
 * into one "N more references" box.
 */
export function walkGraph(interp: Interpreter | null, roots: PyObject[], opts: WalkOptions): WalkResult {
  const refs = opts.direction === 'refs';
  const shortnames = opts.shortnames ?? true;
  const repr = opts.repr ?? ((o: PyObject) => shortRepr(o, 200));
  const typeName = opts.typeName ?? defaultTypeName;
  const ignore = opts.ignoreIds ?? new Set<number>();
  const referrers = new ReferrerIndex();
  const nid = (o: PyObject) => `o${addressOf(o)}`.replace(/-/g, '_');
  const out: string[] = ['digraph ObjectGraph {\n', '  node[shape=box, style=filled, fillcolor=white];\n'];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const depth = new Map<PyObject, number>();
  const queue: Pending[] = [];
  // live mode: the walk's queue and neighbour lists hold references, as objgraph's do
  const held: PyObject[] = [];
  const extra = new Map<PyObject, number>(opts.extraRefs ?? []);
  const hold = (o: PyObject) => {
    if (opts.live) {
      incref(o);
      held.push(o);
      extra.set(o, (extra.get(o) ?? 0) + 1);
    }
  };
  for (const r of roots) {
    out.push(`  ${nid(r)}[fontcolor=red];\n`);
    if (!depth.has(r)) {
      depth.set(r, 0);
      queue.push({ obj: r, depth: 0 });
      hold(r);
    }
  }
  const rootIds = roots.map(nid);
  let count = 0;
  const isProperModule = (o: PyObject) => {
    if (!(o instanceof PyModule) || !interp) return false;
    const k = interp.modules.getStr(abs.strKey(o.name));
    return k === o;
  };
  const loopVars: { src: PyObject | null; tgt: PyObject | null; source: PyObject | null } = { src: null, tgt: null, source: null };
  try {
    for (let qi = 0; qi < queue.length; qi++) {
      count++;
      const { obj: target, depth: tdepth } = queue[qi];
      const id = nid(target);
      const labelParts = [typeName(target, shortnames)];
      if (opts.refcounts) {
        // sys.getrefcount(obj) - 4 inside objgraph on 3.11: its frames hold `target` and `obj`, and
        // the argument of getrefcount: the count is one less than the references the heap holds
        // objgraph's loop variables srcnode, tgtnode (the last edge drawn) and source (when the
        // last neighbour looked at was skipped) still hold their objects
        const vars = (loopVars.src === target ? 1 : 0) + (loopVars.tgt === target ? 1 : 0) + (loopVars.source === target ? 1 : 0);
        labelParts[0] += ` [${target.rc - (extra.get(target) ?? 0) - 1 + vars}]`;
      }
      labelParts.push(objLabelRepr(target, repr));
      if (opts.extraInfo) labelParts.push(opts.extraInfo(target));
      const label = labelParts.join('\n');
      const attrs = opts.extraNodeAttrs ? opts.extraNodeAttrs(target).map(([k, v]) => `${k}="${dotQuote(v)}"`) : [];
      out.push(`  ${id}[label="${dotQuote(label)}"${attrs.length ? ', ' + attrs.join(', ') : ''}];\n`);
      let [h, s, v] = gradient([0, 0, 1], [0, 0, 0.3], tdepth, opts.maxDepth);
      if (isModule(target)) {
        h = 0.3;
        s = 1;
      }
      if (opts.highlight && opts.highlight(target)) {
        h = 0.6;
        s = 0.6;
        v = 0.5 + v * 0.5;
      }
      const color = `${fmtG(h)},${fmtG(s)},${fmtG(v)}`;
      out.push(`  ${id}[fillcolor="${color}"];\n`);
      const fontColor = v < 0.5 ? 'white' : '';
      if (fontColor) out.push(`  ${id}[fontcolor=white];\n`);
      const node: GraphNode = {
        id,
        kind: 'object',
        objId: addressOf(target),
        typeName: shortTypeName(target.type),
        label,
        repr: labelParts[1],
        depth: tdepth,
        isRoot: rootIds.includes(id) && tdepth === 0,
        color,
        fontColor: tdepth === 0 && rootIds.includes(id) ? 'red' : fontColor,
        refcount: target.rc,
        holders: [],
        shared: isSharedObject(target),
      };
      nodes.push(node);
      // hasattr(type(obj), '__del__'): instances whose class defines a finalizer
      if (!(target instanceof PyType) && abs.typeLookup(target.type, '__del__')) {
        out.push(`  ${id}->${id}_has_a_del[color=red,style=dotted,len=0.25,weight=10];\n`);
        out.push(`  ${id}_has_a_del[label="__del__",shape=doublecircle,height=0.25,color=red,fillcolor="0,.5,1",fontsize=6];\n`);
        nodes.push({ id: `${id}_has_a_del`, kind: 'del', objId: 0, typeName: '', label: '__del__', repr: '', depth: tdepth, isRoot: false, color: '0,.5,1', fontColor: '', refcount: 0, holders: [] });
        edges.push({ from: id, to: `${id}_has_a_del`, label: '', weight: 10, style: 'dotted' });
      }
      const expandHere = opts.expand?.has(id) ?? false;
      if (tdepth >= opts.maxDepth && !expandHere) {
        if (opts.facts) node.truncated = hasNeighbours(target, refs, referrers, ignore);
        continue;
      }
      if (!refs && isProperModule(target)) continue;
      // the neighbours, each with the heap edge it stands for
      const neighbours: { obj: PyObject; edge: Edge | null; key: unknown }[] = [];
      if (refs) gcReferentsWithEdges(target, (c, e, k) => neighbours.push({ obj: c, edge: e, key: k }));
      else for (const src of referrers.get(target)) neighbours.push({ obj: src, edge: null, key: null });
      for (const n of neighbours) hold(n.obj);
      let drawn = 0;
      let skipped = 0;
      for (const n of neighbours) {
        const source = n.obj;
        loopVars.source = source;
        if (ignore.has(addressOf(source))) continue;
        if (opts.hideShared && isSharedObject(source)) continue;
        if (opts.filter && !opts.filter(source)) continue;
        if (drawn >= opts.tooMany) {
          skipped++;
          continue;
        }
        const [src, tgt] = refs ? [target, source] : [source, target];
        loopVars.src = src;
        loopVars.tgt = tgt;
        loopVars.source = null;
        const el = edgeLabel(interp, src, tgt, refs ? n.edge : null, refs ? n.key : null, opts.live ?? false);
        const sid = nid(src);
        const tid = nid(tgt);
        out.push(`  ${sid} -> ${tid}${el.dot};\n`);
        edges.push({ from: sid, to: tid, label: el.label, ...(el.weight ? { weight: el.weight } : {}) });
        if (!depth.has(source)) {
          depth.set(source, tdepth + 1);
          queue.push({ obj: source, depth: tdepth + 1 });
          hold(source);
        }
        drawn++;
      }
      if (opts.facts && opts.showFrames && !refs && interp) {
        const ix = heapIndex(interp);
        const groups = new Map<string, number>();
        for (const r of ix.referrers.get(target) ?? []) {
          if (r.from) continue;
          const h = describeRef(ix, r);
          groups.set(h.name, (groups.get(h.name) ?? 0) + 1);
        }
        let k = 0;
        for (const [name, n] of groups) {
          const hid = `${id}_holder${k++}`;
          nodes.push({ id: hid, kind: 'holder', objId: 0, typeName: '', label: name, repr: name, depth: tdepth + 1, isRoot: false, color: '0.15,0.25,1', fontColor: '', refcount: 0, holders: [] });
          edges.push({ from: hid, to: id, label: n > 1 ? `×${n}` : '' });
        }
      }
      if (skipped > 0) {
        const [hh, ss, vv] = gradient([0, 1, 1], [0, 1, 0.3], tdepth + 1, opts.maxDepth);
        const more = `too_many_${id}`;
        const label = refs ? `${skipped} more references` : `${skipped} more backreferences`;
        out.push(`  ${refs ? `${id}->${more}` : `${more}->${id}`}[color=red,style=dotted,len=0.25,weight=10];\n`);
        const mc = `${fmtG(hh)},${fmtG(ss)},${fmtG(vv)}`;
        out.push(`  ${more}[label="${label}",shape=box,height=0.25,color=red,fillcolor="${mc}",fontsize=6];\n`);
        out.push(`  ${more}[fontcolor=white];\n`);
        nodes.push({ id: more, kind: 'more', objId: 0, typeName: '', label, repr: label, depth: tdepth + 1, isRoot: false, color: mc, fontColor: 'white', refcount: 0, holders: [], more: skipped });
        edges.push(refs ? { from: id, to: more, label: '', weight: 10, style: 'dotted' } : { from: more, to: id, label: '', weight: 10, style: 'dotted' });
      }
    }
  } finally {
    for (const o of held) decref(o);
  }
  out.push('}\n');
  if (opts.facts && interp) addFacts(interp, nodes, queue.map((p) => p.obj));
  const model: GraphModel = { direction: opts.direction, roots: rootIds, nodes, edges, maxDepth: opts.maxDepth, tooMany: opts.tooMany };
  return { model, dot: out.join(''), nodes: count };
}

function hasNeighbours(o: PyObject, refs: boolean, referrers: ReferrerIndex, ignore: Set<number>): boolean {
  if (!refs) return referrers.get(o).some((r) => !ignore.has(addressOf(r)));
  let any = false;
  gcReferentsWithEdges(o, () => (any = true));
  return any;
}

/** The editor's facts for each drawn object: exact holders, cycles, reachability, sizes. */
function addFacts(interp: Interpreter, nodes: GraphNode[], objs: PyObject[]): void {
  const ix = heapIndex(interp);
  const cycles = ix.cycles();
  const reach = ix.reachable();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const o of objs) {
    const n = byId.get(`o${addressOf(o)}`.replace(/-/g, '_'));
    if (!n) continue;
    n.holders = holdersOf(interp, o).map(({ holder: _h, ...rest }) => rest);
    const c = cycles.comp.get(o);
    if (c !== undefined) n.scc = c;
    if (!isSharedObject(o) && !reach.has(o)) n.unreachable = true;
    try {
      n.size = getsizeof(o);
    } catch {
      /* a size the model does not know */
    }
    n.gcGeneration = o.gcGen >= 0 && o.gcGen <= 2 ? o.gcGen : null;
    n.allocLine = allocLineOf(o);
  }
}

/**
 * objgraph's _edge_label, in its order: `__dict__` (the source's attribute dict), frame locals /
 * globals, bound method self / func, the first function attribute in dir() order holding the
 * target, a dict's key — here the key of this very edge — and, our addition, an instance's
 * attribute or slot name.
 */
function edgeLabel(
  interp: Interpreter | null,
  source: PyObject,
  target: PyObject,
  edge: Edge | null,
  key: unknown,
  live: boolean,
): { dot: string; label: string; weight?: number } {
  const lab = (label: string, weight?: number) => ({ dot: ` [label="${dotQuote(label)}"${weight ? `,weight=${weight}` : ''}]`, label, weight });
  if (target instanceof PyDict) {
    let d: PyObject | null = null;
    if (source instanceof PyInstance && source.type.hasDict) {
      // getattr(obj, '__dict__') materialises the dict of an instance whose values are inline
      // (getattr's new reference is dropped at once: the instance keeps the dict)
      d = source.dict;
      if (d === null && live) decref((d = source.materializeDict()));
    } else if (source instanceof PyModule) d = source.dict;
    else if (source instanceof PyFunction) d = source.dict;
    if (d && d === target) return lab('__dict__', 10);
  }
  if (source instanceof Frame) {
    if (target === source.locals) return lab('f_locals', 10);
    if (target === source.globals) return lab('f_globals', 10);
  }
  if (source instanceof PyMethod) {
    if (target === source.self) return lab('__self__', 10);
    if (target === source.func) return lab('__func__', 10);
  }
  if (source instanceof PyFunction) {
    for (const [k, v] of functionAttrs(source, interp)) if (v === target) return lab(k, 10);
    if (target.type.name === 'NoneType') return lab('__closure__', 10);
    if (target instanceof PyStr && target.v === source.name) return lab('__name__', 10);
    if (target instanceof PyStr && target.v === source.qualname) return lab('__qualname__', 10);
  }
  if (source instanceof PyDict) {
    // a value edge (references) has its own key; a referrer edge (back-references) stands for
    // every key holding the target
    const keys: PyObject[] = [];
    if (edge === Edge.DICT_VALUE && key instanceof PyObject) keys.push(key);
    else for (const [kk, vv] of source.entries()) if (vv === target) keys.push(kk);
    if (keys.length) {
      const one = (k: PyObject) => (k instanceof PyStr && /^[a-zA-Z_][a-zA-Z_0-9]*$/.test(k.v) ? k.v : `${shortTypeName(k.type)}\n${objLabelRepr(k, (o) => shortRepr(o, 200))}`);
      const identifier = keys[0] instanceof PyStr && /^[a-zA-Z_][a-zA-Z_0-9]*$/.test(keys[0].v);
      return lab(keys.map(one).join(', '), identifier ? 2 : undefined);
    }
  }
  if (source instanceof PyInstance && (edge === Edge.ATTR || edge === Edge.SLOT)) {
    const name = key instanceof PyStr ? key.v : typeof key === 'string' ? key : null;
    if (name) return lab(name);
  }
  if (source instanceof PyInstance && edge === null) {
    // a referrer edge: every attribute (or slot) of the instance holding the target
    const names: string[] = [];
    source.traverse((c, e, k) => {
      if (c === target && (e === Edge.ATTR || e === Edge.SLOT)) names.push(k instanceof PyStr ? k.v : String(k));
    });
    if (names.length) return lab(names.join(', '));
  }
  return { dot: '', label: '' };
}

// ------------------------------------------------------------------------------ the editor

/** The editor's walk: read-only (no collection, no user code), with each node's facts. */
function editorWalk(interp: Interpreter, roots: PyObject[], opts: GraphOptions): WalkResult {
  return walkGraph(interp, roots, {
    direction: opts.direction,
    maxDepth: opts.maxDepth ?? 3,
    tooMany: opts.tooMany ?? 10,
    hideShared: opts.hideShared,
    showFrames: opts.showFrames,
    expand: new Set(opts.expand ?? []),
    facts: true,
  });
}

/** The graph of `roots` as the editor shows it: read-only, with each node's facts. */
export function buildGraph(interp: Interpreter, roots: PyObject[], opts: GraphOptions): GraphModel {
  return editorWalk(interp, roots, opts).model;
}

/** The graph for the value of `expr` at the state right after `line` last ran (null when the
 * expression does not resolve there). */
export function graphAt(session: InspectSession, line: number, expr: string, opts: GraphOptions): { model: GraphModel; dot: string; ran: boolean } | null {
  return session.at(line, (view) => {
    const o = view.resolve(expr);
    if (!o) return null;
    const r = editorWalk(view.interp, [o], opts);
    r.model.line = line;
    r.model.expr = expr;
    return { model: r.model, dot: r.dot, ran: view.ran };
  });
}
