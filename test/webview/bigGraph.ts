// Large GraphModels shaped like objgraph's drawings of the benchmark's tree program
// (bench/editor/lib/graph.mjs: `class Node` instances, each with a list of up to 3 children):
// per instance a `Node` box, its `kids` list and, for i >= 256, its `i` int (smaller ints are shared
// and hidden), plus one `type Node` box every instance points to (the cross edges that make the
// graph more than a tree). Depths are the breadth-first depths from the root, as buildGraph sets them.
import type { GraphModel, GraphNode, GraphEdge } from '../../src/core/inspect/graph-types';

export interface TreeOptions {
  /** 'backrefs': the same boxes with every edge reversed (referrer -> referent), the root at the bottom */
  direction?: 'refs' | 'backrefs';
  /** give every 10th instance a class-with-__del__ marker (objgraph's dotted edge to a double circle) */
  delMarkers?: boolean;
}

/** number of nodes the model of `instances` instances has (without markers) */
export const treeNodeCount = (instances: number) => 2 * instances + 1 + Math.max(0, instances - 256);

export function objgraphTree(instances: number, opts: TreeOptions = {}): GraphModel {
  const direction = opts.direction ?? 'refs';
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const node = (id: string, typeName: string, label: string, extra: Partial<GraphNode> = {}): GraphNode => {
    const n: GraphNode = {
      id, kind: 'object', objId: nodes.length + 1, typeName, label, repr: label.split('\n').pop()!, depth: -1, isRoot: false,
      color: '0,0,1', fontColor: '', refcount: 1, holders: [], shared: false, ...extra,
    };
    nodes.push(n);
    return n;
  };
  const edge = (from: string, to: string, label = '', extra: Partial<GraphEdge> = {}) => {
    edges.push(direction === 'refs' ? { from, to, label, ...extra } : { from: to, to: from, label, ...extra });
  };
  const hex = (i: number) => `0x7f5a3c${(0x1000 + i * 0x40).toString(16).padStart(6, '0')}`;
  node('type', 'type', 'type\nNode', { refcount: instances + 4 });
  for (let i = 0; i < instances; i++) {
    node(`n${i}`, 'Node', `Node\n<__main__.Node object at ${hex(i)}>`, { isRoot: i === 0, fontColor: i === 0 ? 'red' : '' });
    node(`k${i}`, 'list', `list\n${Math.min(3, Math.max(0, instances - 1 - 3 * i))} items`);
    edge(`n${i}`, `k${i}`, 'kids');
    edge(`n${i}`, 'type');
    if (i >= 256) { node(`i${i}`, 'int', `int\n${i}`); edge(`n${i}`, `i${i}`, 'i'); }
    if (i > 0) edge(`k${Math.floor((i - 1) / 3)}`, `n${i}`);
    if (opts.delMarkers && i % 10 === 0) {
      nodes.push({ id: `n${i}_has_a_del`, kind: 'del', objId: 0, typeName: '', label: '__del__', repr: '', depth: -1, isRoot: false, color: '0,.5,1', fontColor: '', refcount: 0, holders: [] });
      // objgraph draws the marker edge from the instance in both directions of the graph
      edges.push({ from: `n${i}`, to: `n${i}_has_a_del`, label: '', weight: 10, style: 'dotted' });
    }
  }
  // breadth-first depths from the root along the graph's direction
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = direction === 'refs' ? [e.from, e.to] : [e.to, e.from];
    if (!next.has(a)) next.set(a, []);
    next.get(a)!.push(b);
  }
  const queue = ['n0'];
  byId.get('n0')!.depth = 0;
  for (let q = 0; q < queue.length; q++) {
    const u = byId.get(queue[q])!;
    for (const v of next.get(u.id) ?? []) {
      const n = byId.get(v)!;
      if (n.depth < 0) { n.depth = u.depth + 1; queue.push(v); }
    }
  }
  // markers not reached in a backrefs graph: one below their instance, as buildGraph gives them
  for (const n of nodes) if (n.depth < 0) n.depth = byId.get(n.id.replace(/_has_a_del$/, ''))!.depth + 1;
  return { direction, roots: ['n0'], nodes, edges, maxDepth: 1000, tooMany: 100_000 };
}
