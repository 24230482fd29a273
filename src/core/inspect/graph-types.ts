// The reference-graph model shared by the core (which builds it), the worker, the extension host and
// the webview (which draws it). Plain data only: no PyObject, so it crosses postMessage unchanged.

import type { Holder } from './holders';

export type GraphDirection = 'backrefs' | 'refs';

/** A node kind beyond "an object": objgraph's "N more references" box, its `__del__` marker, and
 * (the editor's "show frames and stack temporaries") a holder that is not an object: a frame's
 * local or value stack, or the interpreter itself. */
export type GraphNodeKind = 'object' | 'more' | 'del' | 'holder';

export interface GraphNode {
  /** objgraph's DOT id: `o<id(obj)>`; `o<id>_has_a_del` for the `__del__` marker;
   * `too_many_o<id>` for "N more"; `o<id>_holder<k>` for a holder that is not an object */
  id: string;
  kind: GraphNodeKind;
  /** `id(obj)` as the program would print it (0 for marker nodes) */
  objId: number;
  typeName: string;
  /** objgraph's label, e.g. "list\n3 items", "Node\n<__main__.Node object at 0x...>" */
  label: string;
  /** a longer repr for the details view */
  repr: string;
  /** breadth-first depth from the roots (roots are 0) */
  depth: number;
  isRoot: boolean;
  /** objgraph's fill colour, an HSV string "h,s,v" */
  color: string;
  /** objgraph's font colour ("red" for roots, "white" on dark fills), or "" for the default */
  fontColor: string;
  /** true reference count (ob_refcnt as the audit knows it) */
  refcount: number;
  /** who holds each reference (sums to refcount) */
  holders: Holder[];
  /** index of the strongly connected component (a reference cycle) the node is in, when in one */
  scc?: number;
  /** not reachable from the program's roots: the next gc.collect() frees it */
  unreachable?: boolean;
  /** for kind 'more': how many references were not drawn */
  more?: number;
  /** sys.getsizeof(obj) */
  size?: number;
  /** gc generation (0..2), 'untracked' as null */
  gcGeneration?: number | null;
  /** the line that allocated it, when known */
  allocLine?: number | null;
  /** a shared interpreter object (small int, None, ...): its count is not meaningful */
  shared?: boolean;
  /** the node was not expanded because it is at max depth (double-click expands it) */
  truncated?: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** objgraph's edge label ("" when unlabelled); dict edges carry their own key, instance edges the attribute */
  label: string;
  /** DOT attributes objgraph adds (weight, style) */
  weight?: number;
  style?: 'dotted';
}

export interface GraphOptions {
  direction: GraphDirection;
  /** default 3 */
  maxDepth?: number;
  /** default 10 */
  tooMany?: number;
  /** leave out shared interpreter objects (small ints, None, interned strings) */
  hideShared?: boolean;
  /** show stack temporaries and frames */
  showFrames?: boolean;
  /** node ids to expand beyond maxDepth */
  expand?: string[];
}

export interface GraphModel {
  direction: GraphDirection;
  roots: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  maxDepth: number;
  tooMany: number;
  /** the state the graph shows: after this 1-based line last ran (absent: the final state) */
  line?: number;
  /** the expression whose value is the root */
  expr?: string;
}
