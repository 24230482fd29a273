// A fast layered layout for large reference graphs (the panel uses dagre for small ones). Pure: no
// DOM and no cytoscape import, so node's test runner checks it directly; the panel hands the result
// to cytoscape's `preset` layout.
//
// It follows the phases of Graphviz dot (Gansner, Koutsofios, North, Vo: "A Technique for Drawing
// Directed Graphs", 1993), each replaced by a linear or n·log n step that fits objgraph's graphs,
// which are breadth-first trees from the root(s) plus cross edges:
//   1. ranks: the breadth-first depth from the roots along the graph's direction (refs: from the
//      root down its references; backrefs: from the root up its referrers, so the root is at the
//      bottom). Every edge u -> v then goes down one rank or stays or points back up: a tree edge
//      never spans two ranks, so no virtual nodes are needed. Nodes the walk does not reach (a
//      `__del__` marker in a backrefs graph, a frame holder) take the rank next to a neighbour.
//   2. order in each rank: depth-first preorder from the roots (a tree is drawn without
//      crossings), then barycenter sweeps down and up (dot's mincross, without transposition),
//      keeping the order with the fewest crossings.
//   3. x: the nodes of a rank packed in their order at least `nodeSep` apart, then sweeps that pull
//      each node toward the mean x of its neighbours in the rank above (down sweeps) or below (up
//      sweeps): per rank a least-squares fit under the order and spacing constraints, solved
//      exactly by pooling adjacent violators (isotonic regression). Parents end centred over their
//      children, as dot's priority method does.
//   4. y: ranks `rankSep` apart, each node centred in its rank's height (as dagre does).

export interface LayeredNode {
  id: string;
  /** box width and height in px */
  w: number;
  h: number;
}

export interface LayeredEdge {
  source: string;
  target: string;
}

export interface LayeredInput {
  nodes: LayeredNode[];
  edges: LayeredEdge[];
  roots: string[];
  /** refs: the roots are at the top; backrefs: the roots are at the bottom (edges referrer -> referent) */
  direction: 'refs' | 'backrefs';
  nodeSep?: number;
  rankSep?: number;
}

export interface LayeredResult {
  /** node centres, index-aligned with input.nodes */
  x: Float64Array;
  y: Float64Array;
  /** rank of each node (0 = top), index-aligned with input.nodes */
  rank: Int32Array;
  /** node indices in each rank, left to right */
  ranks: number[][];
  /** edge crossings between adjacent ranks of the chosen order (edges spanning more ranks not counted) */
  crossings: number;
}

export function layeredLayout(input: LayeredInput): LayeredResult {
  const nodeSep = input.nodeSep ?? 24;
  const rankSep = input.rankSep ?? 56;
  const n = input.nodes.length;
  const index = new Map<string, number>();
  input.nodes.forEach((node, i) => { if (!index.has(node.id)) index.set(node.id, i); });

  // adjacency (self-loops and edges to unknown nodes are left out; they do not affect the layout)
  const outs: number[][] = Array.from({ length: n }, () => []);
  const ins: number[][] = Array.from({ length: n }, () => []);
  for (const e of input.edges) {
    const a = index.get(e.source), b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    outs[a].push(b);
    ins[b].push(a);
  }
  const refs = input.direction !== 'backrefs';
  // the direction the breadth-first walk expands in
  const next = refs ? outs : ins;

  // --- 1. ranks ------------------------------------------------------------------------------
  const UNSET = -1;
  const depth = new Int32Array(n).fill(UNSET);
  const queue: number[] = [];
  const rootIdx: number[] = [];
  for (const r of input.roots) {
    const i = index.get(r);
    if (i !== undefined && depth[i] === UNSET) { depth[i] = 0; queue.push(i); rootIdx.push(i); }
  }
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q];
    for (const v of next[u]) if (depth[v] === UNSET) { depth[v] = depth[u] + 1; queue.push(v); }
  }
  let maxDepth = 0;
  for (const u of queue) if (depth[u] > maxDepth) maxDepth = depth[u];
  // signed rank before normalisation: an edge u -> v wants rank(v) = rank(u) + 1
  const rankOf = new Int32Array(n);
  const known = new Uint8Array(n);
  for (const u of queue) { rankOf[u] = refs ? depth[u] : maxDepth - depth[u]; known[u] = 1; }
  // the rest: next to a placed neighbour (breadth-first over both directions), then any component
  // not joined to the roots from its first node
  const order: number[] = [...queue];
  const spread = (from: number) => {
    for (let q = from; q < order.length; q++) {
      const u = order[q];
      for (const v of outs[u]) if (!known[v]) { known[v] = 1; rankOf[v] = rankOf[u] + 1; order.push(v); }
      for (const v of ins[u]) if (!known[v]) { known[v] = 1; rankOf[v] = rankOf[u] - 1; order.push(v); }
    }
  };
  spread(0);
  for (let i = 0; i < n; i++) {
    if (known[i]) continue;
    known[i] = 1;
    rankOf[i] = 0;
    const from = order.length;
    order.push(i);
    spread(from);
  }
  let minRank = Infinity, maxRank = -Infinity;
  for (let i = 0; i < n; i++) { if (rankOf[i] < minRank) minRank = rankOf[i]; if (rankOf[i] > maxRank) maxRank = rankOf[i]; }
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = rankOf[i] - minRank;
  const nRanks = n ? maxRank - minRank + 1 : 0;

  // neighbours in the rank above and below (either edge direction; duplicates weigh more)
  const above: number[][] = Array.from({ length: n }, () => []);
  const below: number[][] = Array.from({ length: n }, () => []);
  for (let u = 0; u < n; u++) {
    for (const v of outs[u]) {
      if (rank[v] === rank[u] + 1) { below[u].push(v); above[v].push(u); }
      else if (rank[v] === rank[u] - 1) { above[u].push(v); below[v].push(u); }
    }
  }

  // --- 2. order ------------------------------------------------------------------------------
  // depth-first preorder along the walk's direction from the roots, then the nodes not reached
  const seen = new Uint8Array(n);
  const pre: number[] = [];
  const stack: number[] = [];
  const child: number[] = [];
  for (const r of rootIdx) {
    if (seen[r]) continue;
    seen[r] = 1; pre.push(r); stack.push(r); child.push(0);
    while (stack.length) {
      const top = stack.length - 1, u = stack[top];
      const kids = next[u];
      let k = child[top];
      while (k < kids.length && seen[kids[k]]) k++;
      if (k < kids.length) {
        child[top] = k + 1;
        const v = kids[k];
        seen[v] = 1; pre.push(v); stack.push(v); child.push(0);
      } else { stack.pop(); child.pop(); }
    }
  }
  for (const u of order) if (!seen[u]) { seen[u] = 1; pre.push(u); }
  const ranks: number[][] = Array.from({ length: nRanks }, () => []);
  for (const u of pre) ranks[rank[u]].push(u);
  const pos = new Float64Array(n);
  const setPos = (rs: number[][]) => { for (const r of rs) r.forEach((u, i) => { pos[u] = i; }); };
  setPos(ranks);

  let best = ranks.map((r) => r.slice());
  let bestCrossings = countCrossings(ranks, below, pos, n);
  const key = new Float64Array(n);
  const sweep = (down: boolean) => {
    for (let s = 1; s < nRanks; s++) {
      const r = down ? s : nRanks - 1 - s;
      const layer = ranks[r];
      for (const u of layer) {
        const nb = down ? above[u] : below[u];
        if (!nb.length) { key[u] = pos[u]; continue; }
        let sum = 0;
        for (const v of nb) sum += pos[v];
        key[u] = sum / nb.length;
      }
      // stable: ties keep the current order; the position breaks ties between a node's key and a
      // neighbour-less node's own place
      layer.sort((a, b) => key[a] - key[b] || pos[a] - pos[b]);
      layer.forEach((u, i) => { pos[u] = i; });
    }
  };
  for (let it = 0; it < 4 && bestCrossings > 0; it++) {
    sweep(it % 2 === 0);
    const c = countCrossings(ranks, below, pos, n);
    if (c < bestCrossings) { bestCrossings = c; best = ranks.map((r) => r.slice()); }
  }
  setPos(best);

  // --- 3. x ----------------------------------------------------------------------------------
  const w = input.nodes.map((node) => (Number.isFinite(node.w) && node.w > 0 ? node.w : 1));
  const h = input.nodes.map((node) => (Number.isFinite(node.h) && node.h > 0 ? node.h : 1));
  const x = new Float64Array(n);
  // the minimum centre offsets of each rank's nodes from its first one
  const offsets = best.map((layer) => {
    const off = new Float64Array(layer.length);
    for (let i = 1; i < layer.length; i++) off[i] = off[i - 1] + (w[layer[i - 1]] + w[layer[i]]) / 2 + nodeSep;
    return off;
  });
  best.forEach((layer, r) => {
    const off = offsets[r];
    const mid = layer.length ? off[layer.length - 1] / 2 : 0;
    layer.forEach((u, i) => { x[u] = off[i] - mid; });
  });
  const want = new Float64Array(n);
  const weight = new Float64Array(n);
  const place = (down: boolean) => {
    for (let s = 1; s < nRanks; s++) {
      const r = down ? s : nRanks - 1 - s;
      const layer = best[r];
      for (const u of layer) {
        const nb = down ? above[u] : below[u];
        if (!nb.length) { want[u] = x[u]; weight[u] = 1e-3; continue; }
        let sum = 0;
        for (const v of nb) sum += x[v];
        want[u] = sum / nb.length;
        weight[u] = nb.length;
      }
      fitInOrder(layer, offsets[r], want, weight, x);
    }
  };
  // down, up, down, up, down, up: the last sweep goes up, so parents end centred over their children
  for (let it = 0; it < 6; it++) place(it % 2 === 0);

  // --- 4. y ----------------------------------------------------------------------------------
  const y = new Float64Array(n);
  let top = 0;
  for (const layer of best) {
    let height = 0;
    for (const u of layer) if (h[u] > height) height = h[u];
    for (const u of layer) y[u] = top + height / 2;
    top += height + rankSep;
  }
  return { x, y, rank, ranks: best, crossings: bestCrossings };
}

/** Least-squares x for a rank's nodes in their order: minimise Σ weight·(x − want)² subject to
 *  x[i+1] − x[i] ≥ off[i+1] − off[i]. With y = x − off it is isotonic regression of want − off,
 *  solved by pooling adjacent violators (Ayer et al. 1955) in one pass. */
function fitInOrder(layer: number[], off: Float64Array, want: Float64Array, weight: Float64Array, x: Float64Array) {
  const m = layer.length;
  const sumW = new Float64Array(m), sumWY = new Float64Array(m), start = new Int32Array(m);
  let blocks = 0;
  for (let i = 0; i < m; i++) {
    const u = layer[i];
    sumW[blocks] = weight[u];
    sumWY[blocks] = weight[u] * (want[u] - off[i]);
    start[blocks] = i;
    blocks++;
    while (blocks > 1 && sumWY[blocks - 2] / sumW[blocks - 2] >= sumWY[blocks - 1] / sumW[blocks - 1]) {
      sumW[blocks - 2] += sumW[blocks - 1];
      sumWY[blocks - 2] += sumWY[blocks - 1];
      blocks--;
    }
  }
  for (let b = 0; b < blocks; b++) {
    const yb = sumWY[b] / sumW[b];
    const end = b + 1 < blocks ? start[b + 1] : m;
    for (let i = start[b]; i < end; i++) x[layer[i]] = yb + off[i];
  }
}

/** Crossings between adjacent ranks: per pair of ranks, the inversions of the lower ends when the
 *  edges are sorted by their upper ends (Barth, Jünger, Mutzel 2002, with a Fenwick tree). */
export function countCrossings(ranks: number[][], below: number[][], pos: Float64Array, n: number): number {
  let total = 0;
  const tree = new Int32Array(n + 1);
  for (let r = 0; r + 1 < ranks.length; r++) {
    const size = ranks[r + 1].length;
    const ends: number[] = [];
    const upper = ranks[r].slice().sort((a, b) => pos[a] - pos[b]);
    for (const u of upper) {
      const lows = below[u].map((v) => pos[v]).sort((a, b) => a - b);
      for (const p of lows) ends.push(p);
    }
    tree.fill(0, 0, size + 1);
    for (let k = 0; k < ends.length; k++) {
      const p = ends[k] + 1;
      // edges already inserted whose lower end lies right of p cross this one
      let le = 0;
      for (let i = p; i > 0; i -= i & -i) le += tree[i];
      total += k - le;
      for (let i = p; i <= size; i += i & -i) tree[i]++;
    }
  }
  return total;
}
