// The heap as the editor sees it: who holds each reference to an object (the holders, whose
// counts add up to the object's reference count), reachability from the interpreter's roots,
// strongly connected components (reference cycles) and what the cyclic gc would collect now.
//
// It reads the same edges the refcount audit counts (traverseFull over every live object plus
// Interpreter.roots(), runtime/audit.ts auditHeap): when the audit holds, the holders of an
// object sum to its refcount. Inspection never increfs anything.

// the runtime's modules initialise in the interpreter's order (as src/core/run.ts imports them)
import { forkListName } from '../modules/os';
import '../runtime/interp';
import { PyObject, PyType, Edge, heap, traverseFull, TypeFlags } from '../runtime/object';
import type { Interpreter } from '../runtime/interp';
import { vmState } from '../runtime/vm/eval';
import { gcState } from '../runtime/gc';
import { Frame } from '../runtime/vm/frame';
import { PyDict } from '../runtime/objects/dict';
import { PyList } from '../runtime/objects/list';
import { PyTuple } from '../runtime/objects/tuple';
import { PyStr, StrType } from '../runtime/objects/str';
import { PyInt, True, False, IntType, BoolType } from '../runtime/objects/int';
import { FloatType } from '../runtime/objects/float';
import { BytesType } from '../runtime/objects/bytes';
import { PyModule, PyInstance } from '../runtime/objects/instance';
import { PyFunction, PyCode, PyCell, PyMethod } from '../runtime/objects/function';
import { PyGenerator } from '../runtime/objects/generator';
import { PyTraceback } from '../runtime/objects/traceback';
import { None, NotImplemented, Ellipsis } from '../runtime/objects/singletons';
import { PyStdStream } from '../modules/fileio';
import { shortTypeName } from '../runtime/types';

export type HolderKind =
  | 'global'
  | 'local'
  | 'cell'
  | 'item'
  | 'dictValue'
  | 'dictKey'
  | 'attribute'
  | 'stack'
  | 'argument'
  | 'iterator'
  | 'const'
  | 'frame'
  | 'type'
  | 'other';

export interface Holder {
  kind: HolderKind;
  /** English, e.g. "global a", "local x in func()", "item [3] of list" */
  name: string;
  /** id() of the holding object when it is one */
  holderId?: number;
  count: number;
  /** the English template of `name` with {0}-style placeholders and its arguments (for translation) */
  template?: string;
  args?: string[];
  /** the holding object (borrowed; for the graph) */
  holder?: PyObject;
}

/** One reference: from a heap object (from) or from a root (root name), with the edge kind. */
export interface RefEdge {
  from: PyObject | null;
  /** for root references: the audit root's name */
  root?: string;
  /** for references from an executing frame that is not an object */
  frame?: Frame;
  edge: Edge;
  key: unknown;
}

/** Values that are held only by the interpreter's own JS state at a stop point (a frame's return
 * value in flight, ...): the session registers them so that the holders still add up. */
export interface ExtraRoot {
  obj: PyObject;
  kind: HolderKind;
  template: string;
  args: string[];
}
const extraRoots = new WeakMap<Interpreter, ExtraRoot[]>();
export function setExtraRoots(interp: Interpreter, roots: ExtraRoot[]): void {
  extraRoots.set(interp, roots);
  invalidateHeapIndex(interp);
}

// ------------------------------------------------------------------------------ shared objects

const SHARED_THRESHOLD = 100_000_000; // as runtime/audit.ts

/** Objects the interpreter shares (small ints, None, True/False, '', (), interned 1-char and
 * identifier strings, ...): CPython 3.11 gives them ~1e9 counts that vary from run to run. */
export function isSharedObject(o: PyObject): boolean {
  return o.rc >= SHARED_THRESHOLD || o === None || o === True || o === False || o === NotImplemented || o === Ellipsis;
}

// ------------------------------------------------------------------------------ the index

/**
 * Who refers to each object, found on demand. `get(o)` takes the roots' references to o, then
 * walks the live objects from the newest back — an object's holders are mostly younger than it,
 * or its module's dict — until the references found add up to o's count (the audit's invariant:
 * heap and root references together are the count; fewer while native code holds some, and then
 * the whole heap is walked). The walk keeps the referent of every reference it saw, in arrays that
 * the indexes made one after the other share, so that the next lookups of the same state scan
 * those first and walk on only if they need to; the kind and key of a reference found come from
 * walking its holder again. A hover asks for the referrers of a few objects per state: a map of
 * every object's referrers (what the first lookups would otherwise build) costs tens of times
 * more. After many lookups (a graph, a backward search through a big cycle) the full map is
 * built once.
 */
export class Referrers {
  private full: Map<PyObject, RefEdge[]> | null = null;
  private readonly memo = new Map<PyObject, RefEdge[] | undefined>();
  private lookups = 0;
  constructor(
    private readonly ix: HeapIndex,
    private readonly roots: RootSegment[],
  ) {}
  /** the roots' references to o, in order */
  rootRefs(o: PyObject): RefEdge[] | undefined {
    let out: RefEdge[] | undefined;
    for (const sg of this.roots) {
      const objs = sg.objs;
      for (let j = 0; j < objs.length; j++) if (objs[j] === o) (out ??= []).push(sg.ref ?? sg.refs![j]);
    }
    return out;
  }
  /** every reference to o (undefined when there is none), live objects' first, then roots' */
  get(o: PyObject): RefEdge[] | undefined {
    if (this.full) return this.full.get(o);
    if (this.memo.has(o)) return this.memo.get(o);
    if (++this.lookups > FULL_MAP_AFTER) return this.buildFull().get(o);
    this.ix.own();
    const roots = this.rootRefs(o);
    let need = isSharedObject(o) ? Infinity : o.rc - (roots ? roots.length : 0);
    /** positions in shared.to of the references found */
    const found: number[] = [];
    let p = 0;
    for (;;) {
      const to = shared.to;
      const n = shared.n;
      for (; p < n && need > 0; p++) {
        if (to[p] === o) {
          found.push(p);
          need--;
        }
      }
      if (need <= 0 || shared.front >= shared.walked) break;
      walkMore(WALK_CHUNK);
    }
    // in the heap's order: by holder (walked newest first), then in the holder's traverse order
    const ownerOf = shared.ownerOf;
    found.sort((x, y) => ownerOf[x] - ownerOf[y] || x - y);
    let out: RefEdge[] | undefined;
    for (const q of found) {
      const i = ownerOf[q];
      const from = shared.live[i];
      // the kind and key of the reference: walk its holder again to the same position
      let k = q - shared.segStart[i];
      let edge = Edge.OTHER;
      let key: unknown = null;
      traverseFull(from, (_c, e, kk) => {
        if (k-- === 0) {
          edge = e;
          key = kk;
        }
      });
      (out ??= []).push({ from, edge, key });
    }
    if (roots) (out ??= []).push(...roots);
    this.memo.set(o, out);
    return out;
  }
  private buildFull(): Map<PyObject, RefEdge[]> {
    const m = new Map<PyObject, RefEdge[]>();
    const add = (o: PyObject, r: RefEdge) => {
      const l = m.get(o);
      if (l) l.push(r);
      else m.set(o, [r]);
    };
    for (const from of this.ix.live) traverseFull(from, (c, edge, key) => add(c, { from, edge, key }));
    for (const sg of this.roots) sg.objs.forEach((o, j) => add(o, sg.ref ?? sg.refs![j]));
    this.full = m;
    return m;
  }
}
/** the root references, in order: runs of single references, and the script arena's array with
 * the reference they all share */
interface RootSegment {
  objs: PyObject[];
  ref: RefEdge | null;
  refs: RefEdge[] | null;
}
/** lookups answered by scanning before the full map pays */
const FULL_MAP_AFTER = 48;
/** objects walked at a time when a lookup needs more of the heap */
const WALK_CHUNK = 512;

/** The state of the latest index's walk: the live objects in the heap's order; the objects before
 * `front` and from `walked` on were walked, their referents are to[0..n), each one's holder (its
 * index in live) in ownerOf, and each walked object's first referent at segStart. */
const shared = {
  owner: null as HeapIndex | null,
  live: [] as PyObject[],
  size: 0,
  front: 0,
  walked: 0,
  to: [] as PyObject[],
  n: 0,
  ownerOf: new Int32Array(4096),
  segStart: new Int32Array(1024),
};

/** Walk up to `count` more objects: the newest ones back and, a quarter as many, the oldest ones
 * on (the modules' dicts, the classes). */
function walkMore(count: number): void {
  const live = shared.live;
  const to = shared.to;
  let n = shared.n;
  let ownerOf = shared.ownerOf;
  const segStart = shared.segStart;
  let i = 0;
  const visit = (c: PyObject) => {
    if (n >= ownerOf.length) {
      const g = new Int32Array(ownerOf.length * 2);
      g.set(ownerOf);
      ownerOf = shared.ownerOf = g;
    }
    ownerOf[n] = i;
    to[n++] = c;
  };
  const one = (o: PyObject) => {
    segStart[i] = n;
    // traverseFull: only instances of heap types can have a dict outside their fields
    // (abstract.ts instanceDictForSet): the others skip its WeakMap lookup
    if (o.type.flags & TypeFlags.HEAPTYPE) traverseFull(o, visit);
    else o.traverse(visit);
  };
  let back = shared.walked;
  let front = shared.front;
  const stopBack = Math.max(front, back - count);
  while (back > stopBack) {
    i = --back;
    one(live[i]);
  }
  const stopFront = Math.min(back, front + (count >> 2));
  while (front < stopFront) {
    i = front++;
    one(live[i]);
  }
  shared.walked = back;
  shared.front = front;
  shared.n = n;
}

export class HeapIndex {
  /** the number of live objects */
  readonly size: number;
  private liveCopy: PyObject[] | null = null;
  private owners: Map<PyObject, PyObject> | null = null;
  /** every reference to each object */
  readonly referrers: Referrers;
  private reach: Set<PyObject> | null = null;
  private sccs: { comp: Map<PyObject, number>; list: PyObject[][] } | null = null;

  constructor(
    readonly interp: Interpreter,
    readonly stamp: string,
  ) {
    this.size = heap.live ? heap.live.size : 0;
    this.take();
    const roots: RootSegment[] = [];
    let cur: RootSegment | null = null;
    visitRoots(
      interp,
      (o, r) => {
        if (!cur) roots.push((cur = { objs: [], ref: null, refs: [] }));
        cur.objs.push(o);
        cur.refs!.push(r);
      },
      (objs, ref) => {
        roots.push({ objs, ref, refs: null });
        cur = null;
      },
    );
    this.referrers = new Referrers(this, roots);
  }

  /** the live objects (in the heap's order) */
  get live(): PyObject[] {
    if (!this.liveCopy) {
      this.own();
      this.liveCopy = shared.live.slice(0, this.size);
    }
    return this.liveCopy;
  }

  /** module dict -> module, instance __dict__ -> instance, class dict -> class */
  get dictOwner(): Map<PyObject, PyObject> {
    if (this.owners) return this.owners;
    this.own();
    const owners = new Map<PyObject, PyObject>();
    const live = shared.live;
    for (let i = 0; i < this.size; i++) {
      const o = live[i];
      if (o instanceof PyInstance) {
        if (o.dict) owners.set(o.dict, o);
      } else if (o instanceof PyModule) {
        if (o.dict) owners.set(o.dict, o);
      } else if (o instanceof PyType && o.dict) owners.set(o.dict, o);
    }
    return (this.owners = owners);
  }

  /** Make the shared walk this index's again if a later index took it (the heap has not changed
   * while this index is in use: it would not be asked). */
  own(): void {
    if (shared.owner !== this) this.take();
  }

  /** the live objects into the shared array; nothing walked yet */
  private take(): void {
    const L = shared.live;
    let i = 0;
    for (const o of heap.live ?? []) L[i++] = o;
    if (i !== this.size) throw new Error('RefScope: the heap changed under its index');
    // do not keep a much longer tail of an earlier heap alive
    if (L.length > 2 * i + 1024) L.length = i;
    if (shared.to.length > 4 * shared.n + 4096) shared.to.length = shared.n;
    if (shared.segStart.length < i + 1) shared.segStart = new Int32Array(Math.max(i + 1, shared.segStart.length * 2));
    shared.size = i;
    shared.front = 0;
    shared.walked = i;
    shared.n = 0;
    shared.owner = this;
  }

  /** Classes and modules are left out of cycles: every instance reaches its class and every
   * function its module's globals, so nearly everything would be "in a cycle" through them. */
  skipped(c: PyObject): boolean {
    return isSharedObject(c) || c instanceof PyType || c instanceof PyModule || this.dictOwner.get(c) instanceof PyModule;
  }
  reachableDone(): boolean {
    return this.reach !== null;
  }
  cyclesDone(): boolean {
    return this.sccs !== null;
  }

  /** Objects reachable from the roots (following every strong reference). */
  reachable(): Set<PyObject> {
    if (this.reach) return this.reach;
    const seen = new Set<PyObject>();
    const work: PyObject[] = [];
    visitRoots(this.interp, (obj) => {
      if (!seen.has(obj)) seen.add(obj), work.push(obj);
    });
    while (work.length) {
      const o = work.pop()!;
      traverseFull(o, (c) => {
        if (!seen.has(c)) {
          seen.add(c);
          work.push(c);
        }
      });
    }
    this.reach = seen;
    return seen;
  }

  /** Live objects that nothing reachable from the roots refers to (garbage kept by cycles). */
  unreachable(): PyObject[] {
    const r = this.reachable();
    return this.live.filter((o) => o.rc > 0 && !r.has(o) && !isSharedObject(o));
  }

  /** Strongly connected components with a cycle (size > 1, or an object referring to itself),
   * not counting references to classes and modules; Tarjan's algorithm, iterative. */
  cycles(): { comp: Map<PyObject, number>; list: PyObject[][] } {
    if (this.sccs) return this.sccs;
    const index = new Map<PyObject, number>();
    const low = new Map<PyObject, number>();
    const onStack = new Set<PyObject>();
    const stack: PyObject[] = [];
    const comp = new Map<PyObject, number>();
    const list: PyObject[][] = [];
    let counter = 0;
    const skip = (c: PyObject) => this.skipped(c);
    const children = (o: PyObject): PyObject[] => {
      const out: PyObject[] = [];
      traverseFull(o, (c) => {
        if (!skip(c)) out.push(c);
      });
      return out;
    };
    for (const start of this.live) {
      if (index.has(start) || skip(start)) continue;
      // explicit DFS stack: [node, its children, next child position]
      const work: [PyObject, PyObject[], number][] = [];
      const push = (o: PyObject) => {
        index.set(o, counter);
        low.set(o, counter);
        counter++;
        stack.push(o);
        onStack.add(o);
        work.push([o, children(o), 0]);
      };
      push(start);
      while (work.length) {
        const top = work[work.length - 1];
        const [v, kids] = top;
        if (top[2] < kids.length) {
          const w = kids[top[2]++];
          if (!index.has(w)) push(w);
          else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
          continue;
        }
        work.pop();
        if (work.length) {
          const p = work[work.length - 1][0];
          low.set(p, Math.min(low.get(p)!, low.get(v)!));
        }
        if (low.get(v) === index.get(v)) {
          const members: PyObject[] = [];
          let w: PyObject;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            members.push(w);
          } while (w !== v);
          const selfLoop = members.length === 1 && kids.includes(v);
          if (members.length > 1 || selfLoop) {
            for (const m of members) comp.set(m, list.length);
            list.push(members);
          }
        }
      }
    }
    this.sccs = { comp, list };
    return this.sccs;
  }
}

/** The references the audit counts outside heap objects: Interpreter.roots(), with the executing
 * frames' contents labelled by their edges, plus the session's extra roots. The references of one
 * named root share one RefEdge (a script's arena holds thousands of constants). */
function visitRoots(interp: Interpreter, visit: (obj: PyObject, r: RefEdge) => void, arena?: (objs: PyObject[], r: RefEdge) => void): void {
  for (const r of interp.roots()) {
    if (arena && r.name === 'script arena') {
      // the arena's array as it is (the index lives while the heap does not change)
      arena(interp.arena, { from: null, root: r.name, frame: undefined, edge: Edge.OTHER, key: null });
      continue;
    }
    if (r.name === 'executing frames') {
      // the same walk as the root's visit (interp.ts), keeping each reference's edge
      for (let f = vmState.current; f; f = f.back) {
        if (f.gen) continue;
        if (f.materialized) visit(f, { from: null, root: 'frame_obj', frame: f, edge: Edge.FRAME, key: null });
        else {
          const fr = f;
          fr.traverseContents((o, edge, key) => visit(o, { from: null, root: undefined, frame: fr, edge, key }));
        }
      }
      continue;
    }
    const ref: RefEdge = { from: null, root: r.name, frame: undefined, edge: Edge.OTHER, key: null };
    r.visit((o) => visit(o, ref));
  }
  for (const x of extraRoots.get(interp) ?? []) visit(x.obj, { from: null, root: 'extra', frame: undefined, edge: Edge.OTHER, key: x });
}

const indexes = new WeakMap<Interpreter, HeapIndex>();

function stampOf(): string {
  return `${vmState.steps}/${heap.live ? heap.live.size : 0}/${gcState.runs}/${vmState.current ? vmState.current.pc : -1}`;
}

/** The (cached) index of the heap as it is now. */
export function heapIndex(interp: Interpreter): HeapIndex {
  const stamp = stampOf();
  const cur = indexes.get(interp);
  if (cur && cur.stamp === stamp) return cur;
  const ix = new HeapIndex(interp, stamp);
  indexes.set(interp, ix);
  return ix;
}
export function invalidateHeapIndex(interp: Interpreter): void {
  indexes.delete(interp);
}

// ------------------------------------------------------------------------------ names

/** "func()" for a function frame, "<module>" for module code, "class C" for a class body */
export function frameLabel(f: Frame): string {
  const u = f.code.unit;
  if (u.name === '<module>') return '<module>';
  if (!f.func && f.locals && f.locals !== f.globals) return `class ${u.name}`;
  return `${u.qualname}()`;
}

function shortKey(k: unknown): string {
  if (k instanceof PyStr) return `'${k.v}'`;
  if (k instanceof PyInt) return String(k.v);
  if (k instanceof PyObject) return shortTypeName(k.type);
  return String(k);
}

function typeNameOf(o: PyObject): string {
  return o instanceof PyType ? `class ${shortTypeName(o)}` : shortTypeName(o.type);
}

/** A global or local name bound directly to o, if any (for "item [0] of list b"). */
export function boundName(ix: HeapIndex, o: PyObject): string | null {
  for (const r of ix.referrers.get(o) ?? []) {
    if (r.edge === Edge.LOCAL && typeof r.key === 'string') return r.key;
    if (r.edge === Edge.DICT_VALUE && r.from && r.key instanceof PyStr) {
      const owner = ix.dictOwner.get(r.from);
      if (owner instanceof PyModule && owner.name === '__main__') return r.key.v;
    }
  }
  return null;
}

/** "list `b`" when a name is bound to the container, else "list" */
function named(ix: HeapIndex, container: PyObject, what: string): string {
  const n = boundName(ix, container) ?? ownerAttr(ix, container);
  return n ? `${what} \`${n}\`` : what;
}

/** "sys.stdout", "sys.stderr", "file `f`": a text stream holding writes not yet flushed */
function streamLabel(ix: HeapIndex, stream: PyObject): string {
  if (stream instanceof PyStdStream) return stream.stderr ? '`sys.stderr`' : '`sys.stdout`';
  return named(ix, stream, 'file');
}

/** The text stream whose pending writes (textio's pending_bytes) are the list `c`, if any. */
function pendingOwner(ix: HeapIndex, c: PyObject): PyObject | null {
  for (const r of ix.referrers.get(c) ?? []) if (r.from && r.edge === Edge.OTHER && r.key === 'pending_bytes') return r.from;
  return null;
}

/** "Node.__mro__", "f.__defaults__": the class or function attribute a tuple/dict is, if any */
function ownerAttr(ix: HeapIndex, c: PyObject): string | null {
  for (const r of ix.referrers.get(c) ?? []) {
    if (!r.from) continue;
    const key =
      r.edge === Edge.DEFAULTS ? '__defaults__' : r.edge === Edge.KWDEFAULTS ? '__kwdefaults__' : r.edge === Edge.CLOSURE ? '__closure__' : r.edge === Edge.OTHER && typeof r.key === 'string' && r.key.startsWith('__') ? r.key : null;
    if (!key) continue;
    const owner = r.from instanceof PyType ? r.from.qualname : r.from instanceof PyFunction ? r.from.qualname : null;
    if (owner) return `${owner}.${key}`;
  }
  return null;
}

/** The variable a cell stands for and the function whose closure has it. */
function cellInfo(ix: HeapIndex, cell: PyObject): { name: string; func: string | null; frame: string | null } {
  let name = '?';
  let func: string | null = null;
  let frame: string | null = null;
  for (const r of ix.referrers.get(cell) ?? []) {
    if (r.edge === Edge.ITEM && r.from instanceof PyTuple) {
      for (const fr of ix.referrers.get(r.from) ?? []) {
        if (fr.edge === Edge.CLOSURE && fr.from instanceof PyFunction) {
          const u = fr.from.code.unit;
          const n = u.localsplusNames[u.localsplusNames.length - u.nfrees + (r.key as number)];
          if (n) name = n;
          func = func ?? fr.from.qualname;
        }
      }
    } else if (r.edge === Edge.LOCAL && typeof r.key === 'string') {
      name = r.key;
      const f = r.frame ?? (r.from instanceof Frame ? r.from : null);
      if (f) frame = frame ?? frameLabel(f);
    }
  }
  return { name, func, frame };
}

function mk(kind: HolderKind, template: string, args: string[], holder?: PyObject): Holder {
  return { kind, name: fill(template, args).replace(/`/g, ''), template, args, count: 1, holder };
}
export function fill(template: string, args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

const ROOT_NAMES: Record<string, [HolderKind, string]> = {
  'sys.modules': ['other', 'sys.modules (the interpreter)'],
  'start-up modules': ['other', 'the modules Python imported before your code ran (they interned this string)'],
  'start-up references': ['other', 'the modules Python imported before your code ran (they hold it)'],
  'interp.builtins': ['other', 'the interpreter (its builtins)'],
  'interp.builtins module': ['other', 'the interpreter (its builtins module)'],
  'script arena': ['const', "the script's AST arena (constants, while __main__ runs)"],
  'run_mod code': ['const', 'the running module code (run_mod)'],
  'run_mod function': ['frame', 'the interpreter running the module (PyEval_EvalCode)'],
  exc_info: ['other', 'the exception being handled (sys.exc_info())'],
  'atexit callbacks': ['other', 'the functions registered with atexit (run at exit)'],
  'fork handlers': ['other', 'the interpreter (os.register_at_fork keeps its functions)'],
  'run_file __main__': ['other', 'the interpreter running your file (_PyRun_SimpleFileObject, until the file has run)'],
  'builtin tp_subclasses': ['other', "a builtin type's __subclasses__ registry"],
  frame_obj: ['frame', 'the running frame (frame_obj)'],
};

/** Describe one reference in English. */
export function describeRef(ix: HeapIndex, r: RefEdge): Holder {
  if (!r.from) {
    if (r.root === 'extra') {
      const x = r.key as ExtraRoot;
      return mk(x.kind, x.template, x.args);
    }
    if (r.frame && r.root !== 'frame_obj') return frameRef(r.frame, r.edge, r.key);
    const [kind, text] = ROOT_NAMES[r.root ?? ''] ?? ['other', r.root ?? 'the interpreter'];
    return mk(kind, text, []);
  }
  const c = r.from;
  const h = (kind: HolderKind, template: string, args: string[]) => {
    const x = mk(kind, template, args, c);
    x.holderId = addrOf(c);
    return x;
  };
  if (c instanceof Frame) return { ...frameRef(c, r.edge, r.key), holder: c, holderId: addrOf(c) };
  // a suspended generator holds its (unmaterialized) frame's contents itself
  if (c instanceof PyGenerator && r.edge !== Edge.FRAME) return { ...frameRef(c.frame, r.edge, r.key), holder: c, holderId: addrOf(c) };
  switch (r.edge) {
    case Edge.ITEM: {
      // a text stream's pending writes, once two pieces wait: a list (_io_TextIOWrapper_write_impl)
      const stream = c instanceof PyList ? pendingOwner(ix, c) : null;
      if (stream) return h('other', "item [{0}] of {1}'s output not yet written (its pending_bytes list, until the stream flushes)", [String(r.key), streamLabel(ix, stream)]);
      const forkers = c instanceof PyList ? forkListName(c) : null;
      if (forkers) return h('other', "item [{0}] of the interpreter's `{1}` list (the functions os.register_at_fork keeps)", [String(r.key), forkers]);
      return h('item', 'item [{0}] of {1}', [String(r.key), named(ix, c, shortTypeName(c.type))]);
    }
    case Edge.SET_ITEM:
      return h('item', 'element of {0}', [named(ix, c, shortTypeName(c.type))]);
    case Edge.DICT_VALUE: {
      const owner = ix.dictOwner.get(c);
      const k = r.key instanceof PyStr ? r.key.v : shortKey(r.key);
      if (owner instanceof PyModule) {
        if (owner.name === '__main__') return h('global', 'global `{0}`', [k]);
        return h('global', 'global `{0}` of module `{1}`', [k, owner.name]);
      }
      if (owner instanceof PyType) return h('attribute', 'attribute `.{0}` of class `{1}`', [k, owner.name]);
      if (owner) return h('attribute', 'attribute `.{0}` of {1}', [k, shortTypeName(owner.type)]);
      if (c === ix.interp.modules) return h('dictValue', 'entry `{0}` of `sys.modules`', [k]);
      return h('dictValue', 'value of key `{0}` in {1}', [shortKey(r.key), named(ix, c, shortTypeName(c.type))]);
    }
    case Edge.DICT_KEY: {
      const owner = ix.dictOwner.get(c);
      if (owner instanceof PyModule) return h('dictKey', 'the name of global `{0}`', [shortKey(r.key)]);
      return h('dictKey', 'key `{0}` of {1}', [shortKey(r.key), named(ix, c, shortTypeName(c.type))]);
    }
    case Edge.ATTR:
      return h('attribute', 'attribute `.{0}` of {1}', [r.key instanceof PyStr ? r.key.v : String(r.key), named(ix, c, shortTypeName(c.type))]);
    case Edge.SLOT:
      return h('attribute', 'slot `.{0}` of {1}', [String(r.key), named(ix, c, shortTypeName(c.type))]);
    case Edge.DICT:
      return h('other', '`__dict__` of {0}', [typeNameOf(c)]);
    case Edge.TYPE: {
      if (c instanceof PyType) return mk('type', 'the metaclass of classes', []);
      return mk('type', 'the class of its instances (ob_type)', []);
    }
    case Edge.CELL: {
      const ci = cellInfo(ix, c);
      if (ci.func) return h('cell', 'cell for `{0}` (closure of `{1}`)', [ci.name, ci.func]);
      if (ci.frame) return h('cell', 'cell for `{0}` in `{1}`', [ci.name, ci.frame]);
      return h('cell', 'cell for `{0}`', [ci.name]);
    }
    case Edge.CLOSURE:
      return h('other', '`__closure__` of function `{0}`', [fname(c)]);
    case Edge.GLOBALS:
      return h('other', '`__globals__` of function `{0}`', [fname(c)]);
    case Edge.DEFAULTS:
      return h('other', '`__defaults__` of function `{0}`', [fname(c)]);
    case Edge.KWDEFAULTS:
      return h('other', '`__kwdefaults__` of function `{0}`', [fname(c)]);
    case Edge.CODE:
      return h('other', '`__code__` of function `{0}`', [fname(c)]);
    case Edge.CONST: {
      const u = c instanceof PyCode ? c.unit : null;
      return h('const', '`co_consts` of `{0}`', [u ? (u.name === '<module>' ? '<module>' : u.qualname) : '?']);
    }
    case Edge.SELF:
      // a module's builtin functions each hold the module (m_self): one line for all of them
      if (c.type.name === 'builtin_function_or_method') return mk('other', 'its builtin functions (`__self__`)', []);
      return h('other', '`__self__` of bound method `{0}`', [methodName(c)]);
    case Edge.FUNC:
      return h('other', '`__func__` of bound method `{0}`', [methodName(c)]);
    case Edge.ITERATED: {
      // GET_ITER left the iterator on a frame's stack: a running for loop (or comprehension)
      for (const r2 of ix.referrers.get(c) ?? []) {
        const f = r2.edge === Edge.STACK ? (r2.frame ?? (r2.from instanceof Frame ? r2.from : r2.from instanceof PyGenerator ? r2.from.frame : null)) : null;
        if (f) return h('iterator', 'the `{0}` of a running `for` loop in `{1}`', [shortTypeName(c.type), frameLabel(f)]);
      }
      return h('iterator', 'iterator (`{0}`)', [shortTypeName(c.type)]);
    }
    case Edge.FRAME:
      if (c instanceof PyGenerator) return h('frame', 'frame of generator `{0}`', [c.qualname]);
      if (c instanceof PyTraceback) return h('frame', 'tb_frame of a traceback', []);
      return h('frame', 'frame of {0}', [shortTypeName(c.type)]);
    case Edge.OTHER:
    default: {
      const key = typeof r.key === 'string' ? r.key : String(r.key);
      if (key === 'attribute name') return h('dictKey', 'an attribute name of {0}', [c.type.name]);
      if (key === 'pending_bytes') return h('other', "{0}'s output not yet written (pending_bytes, until the stream flushes)", [streamLabel(ix, c)]);
      return h('other', '`{0}` of {1}', [key, typeNameOf(c)]);
    }
  }
}

function frameRef(f: Frame, edge: Edge, key: unknown): Holder {
  const where = frameLabel(f);
  if (edge === Edge.LOCAL) {
    const name = String(key);
    const u = f.code.unit;
    const i = u.localsplusNames.indexOf(name);
    if (i >= 0 && i < u.argcount + u.kwonlyargcount) return mk('local', 'parameter `{0}` of `{1}`', [name, where]);
    return mk('local', 'local `{0}` in `{1}`', [name, where]);
  }
  if (edge === Edge.STACK) return mk('stack', 'stack temporary in `{0}`', [where]);
  if (edge === Edge.FRAME) return mk('frame', 'the running frame (frame_obj)', []);
  const k = String(key);
  if (k === 'f_func') return mk('frame', 'the running frame of `{0}`', [where]);
  if (k === 'f_locals') return mk('frame', '`f_locals` of the frame of `{0}`', [where]);
  if (k === 'f_code') return mk('frame', '`f_code` of the frame of `{0}`', [where]);
  return mk('frame', '`{0}` of the frame of `{1}`', [k, where]);
}

function fname(c: PyObject): string {
  return c instanceof PyFunction ? c.qualname : c.type.name;
}
function methodName(c: PyObject): string {
  if (c instanceof PyMethod) return c.func instanceof PyFunction ? c.func.qualname : c.func.type.name;
  return c.type.name;
}
function addrOf(o: PyObject): number | undefined {
  return o.addr || undefined;
}

// ------------------------------------------------------------------------------ holders

/**
 * Every holder of obj with its number of references. For an ordinary object at a line boundary
 * the counts add up to obj's refcount (the audit's invariant). When native code is running (a C
 * function called a Python function: type.__call__ -> __init__, map, sorted's key, ...) it holds
 * references the heap cannot see: they are reported as one "held by native code" entry.
 * Shared objects (isSharedObject) have counts that no breakdown explains.
 */
export function holdersOf(interp: Interpreter, obj: PyObject): Holder[] {
  const ix = heapIndex(interp);
  const out: Holder[] = [];
  const byKey = new Map<string, Holder>();
  for (const r of ix.referrers.get(obj) ?? []) {
    const h = describeRef(ix, r);
    const key = `${h.kind}\u0000${h.name}\u0000${h.holderId ?? ''}`;
    const prev = byKey.get(key);
    if (prev) prev.count++;
    else {
      byKey.set(key, h);
      out.push(h);
    }
  }
  if (!isSharedObject(obj)) {
    const sum = out.reduce((s, h) => s + h.count, 0);
    if (sum < obj.rc) {
      const rest = mk('other', 'native code that is running (a builtin calling Python code)', []);
      rest.count = obj.rc - sum;
      out.push(rest);
    }
  }
  return out;
}

/** The number of references the holders account for. */
export function holderTotal(hs: Holder[]): number {
  return hs.reduce((s, h) => s + h.count, 0);
}

/** Is obj reachable from the interpreter's roots? (a backward search through its holders, which
 * ends quickly for anything a root reaches in a few steps) */
export function isReachable(interp: Interpreter, obj: PyObject): boolean {
  if (isSharedObject(obj)) return true;
  const ix = heapIndex(interp);
  if (ix.reachableDone()) return ix.reachable().has(obj);
  // breadth first: the holders nearest to obj first (a global's module dict, a local's frame),
  // which usually meet a root at once; a search that grows walks forward from the roots instead
  // (once for the state: ix.reachable)
  const seen = new Set<PyObject>([obj]);
  const work = [obj];
  for (let i = 0; i < work.length; i++) {
    if (i >= BACKWARD_SEARCH_MAX) return ix.reachable().has(obj);
    // a root's reference ends the search without the object's other holders
    if (ix.referrers.rootRefs(work[i])) return true;
    for (const r of ix.referrers.get(work[i]) ?? []) {
      if (!r.from) return true; // a root
      if (!seen.has(r.from)) {
        seen.add(r.from);
        work.push(r.from);
      }
    }
  }
  return false;
}
/** objects whose referrers a backward reachability search looks up before it walks forward */
const BACKWARD_SEARCH_MAX = 12;

/** The objects the next full collection (gc.collect()) would find unreachable: live objects
 * no root reaches (their counts come only from other garbage, i.e. from cycles). */
export function wouldCollect(interp: Interpreter): PyObject[] {
  return heapIndex(interp).unreachable();
}

/** All reference cycles (strongly connected components) of the live heap. */
export function stronglyConnectedComponents(interp: Interpreter): PyObject[][] {
  return heapIndex(interp).cycles().list;
}

/** objects of these exact types refer to nothing, so no cycle goes through them (a list of
 * 10,000,000 ints is walked without a map entry per int) */
const LEAF_TYPES = new Set<PyType>([IntType, BoolType, FloatType, StrType, BytesType]);

/** The cycle obj belongs to (its strongly connected component, leaving classes and modules
 * out as cycles() does), or null: what obj reaches that also reaches obj. */
export function cycleOf(interp: Interpreter, obj: PyObject): PyObject[] | null {
  const ix = heapIndex(interp);
  if (ix.cyclesDone()) {
    const c = ix.cycles();
    const i = c.comp.get(obj);
    return i === undefined ? null : c.list[i];
  }
  if (ix.skipped(obj)) return null;
  const fwd = new Set<PyObject>();
  const work = [obj];
  let selfLoop = false;
  // the references among what obj reaches, reversed (the referrers the backward pass needs; a
  // scan of the whole heap's referrers for each would cost far more)
  const rev = new Map<PyObject, PyObject[]>();
  const live = heap.live;
  while (work.length) {
    const o = work.pop()!;
    const counted = !live || live.has(o);
    traverseFull(o, (c) => {
      if (c === obj) selfLoop = true;
      if (ix.skipped(c) || LEAF_TYPES.has(c.type)) return;
      if (counted) {
        const l = rev.get(c);
        if (l) l.push(o);
        else rev.set(c, [o]);
      }
      if (!fwd.has(c)) {
        fwd.add(c);
        work.push(c);
      }
    });
  }
  if (!fwd.has(obj)) return null;
  const back = new Set<PyObject>([obj]);
  work.push(obj);
  while (work.length) {
    const o = work.pop()!;
    for (const f of rev.get(o) ?? []) {
      if (fwd.has(f) && !back.has(f)) {
        back.add(f);
        work.push(f);
      }
    }
  }
  return back.size > 1 || selfLoop ? [...back] : null;
}

/** gc facts of one object. */
export interface GcFacts {
  /** a gc type (HAVE_GC) */
  gcType: boolean;
  tracked: boolean;
  generation: number | null;
  inCycle: boolean;
  cycleSize: number;
  reachable: boolean;
  weakrefs: number;
  hasDel: boolean;
  finalized: boolean;
}
export function gcFacts(interp: Interpreter, obj: PyObject): GcFacts {
  const cyc = isSharedObject(obj) ? null : cycleOf(interp, obj);
  return {
    gcType: (obj.type.flags & TypeFlags.HAVE_GC) !== 0,
    tracked: obj.gcGen >= 0,
    generation: obj.gcGen >= 0 ? obj.gcGen : null,
    inCycle: cyc !== null,
    cycleSize: cyc ? cyc.length : 0,
    reachable: isReachable(interp, obj),
    weakrefs: obj.weakrefs ? obj.weakrefs.length : 0,
    hasDel: obj.type.hasFinalizer,
    finalized: obj.finalized,
  };
}

void PyList;
void PyDict;
void PyCell;
