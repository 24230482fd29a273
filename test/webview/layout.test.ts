// The layered layout the panel uses for large graphs (webview/layout.ts), on objgraph-shaped graphs
// of ~2,000 nodes: every node placed, no two boxes overlap, ranks are the breadth-first depths (the
// root on top for refs, at the bottom for backrefs), every edge to a lower rank points down, and a
// tree is drawn without crossings. Its speed is measured by bench/editor/layout.mjs, not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layeredLayout, type LayeredResult } from '../../webview/layout';
import { toElements } from '../../webview/elements';
import type { GraphModel } from '../../src/core/inspect/graph-types';
import { objgraphTree, treeNodeCount } from './bigGraph';

interface Laid { model: GraphModel; ids: string[]; w: number[]; h: number[]; r: LayeredResult; at: Map<string, number> }

function lay(model: GraphModel): Laid {
  const els = toElements(model);
  const ids = els.nodes.map((n) => n.data.id);
  const r = layeredLayout({
    nodes: els.nodes.map((n) => ({ id: n.data.id, w: n.data.w, h: n.data.h })),
    edges: els.edges.map((e) => e.data),
    roots: model.roots,
    direction: model.direction,
  });
  return { model, ids, w: els.nodes.map((n) => n.data.w), h: els.nodes.map((n) => n.data.h), r, at: new Map(ids.map((id, i) => [id, i])) };
}

function assertPlaced(l: Laid) {
  assert.equal(l.r.x.length, l.ids.length);
  for (let i = 0; i < l.ids.length; i++) assert.ok(Number.isFinite(l.r.x[i]) && Number.isFinite(l.r.y[i]), `${l.ids[i]} has no place`);
  assert.equal(l.r.ranks.flat().length, l.ids.length, 'every node is in exactly one rank');
  assert.equal(new Set(l.r.ranks.flat()).size, l.ids.length);
}

/** no two boxes overlap: sorted by left edge, each box is compared with the boxes starting before its right edge */
function assertNoOverlap(l: Laid) {
  const n = l.ids.length;
  const order = [...Array(n).keys()].sort((a, b) => l.r.x[a] - l.w[a] / 2 - (l.r.x[b] - l.w[b] / 2));
  let pairs = 0;
  for (let p = 0; p < n; p++) {
    const a = order[p];
    const ax2 = l.r.x[a] + l.w[a] / 2;
    for (let q = p + 1; q < n; q++) {
      const b = order[q];
      if (l.r.x[b] - l.w[b] / 2 >= ax2) break;
      pairs++;
      const yOverlap = Math.abs(l.r.y[a] - l.r.y[b]) < (l.h[a] + l.h[b]) / 2;
      assert.ok(!yOverlap, `${l.ids[a]} and ${l.ids[b]} overlap`);
    }
  }
  return pairs;
}

/** an edge whose target is in a lower rank goes down: its target's top is below its source's bottom */
function assertEdgesDown(l: Laid) {
  let down = 0;
  for (const e of l.model.edges) {
    const a = l.at.get(e.from)!, b = l.at.get(e.to)!;
    if (l.r.rank[b] > l.r.rank[a]) {
      down++;
      assert.ok(l.r.y[b] - l.h[b] / 2 > l.r.y[a] + l.h[a] / 2, `${e.from} -> ${e.to} does not point down`);
    }
  }
  return down;
}

test('refs: a 2,000-node objgraph tree is placed, without overlaps, ranks = breadth-first depth, edges down', () => {
  const model = objgraphTree(753);
  assert.equal(model.nodes.length, treeNodeCount(753));
  assert.ok(model.nodes.length >= 2000);
  const l = lay(model);
  assertPlaced(l);
  assert.ok(assertNoOverlap(l) > 0, 'the overlap check compared boxes that share x');
  // ranks are the model's breadth-first depths, and ranks are ordered top to bottom
  for (const n of model.nodes) assert.equal(l.r.rank[l.at.get(n.id)!], n.depth, n.id);
  assert.equal(l.r.ranks.length, Math.max(...model.nodes.map((n) => n.depth)) + 1);
  for (let k = 0; k + 1 < l.r.ranks.length; k++) {
    const bottom = Math.max(...l.r.ranks[k].map((i) => l.r.y[i] + l.h[i] / 2));
    const top = Math.min(...l.r.ranks[k + 1].map((i) => l.r.y[i] - l.h[i] / 2));
    assert.ok(top - bottom >= 56 - 1e-9, `rank ${k + 1} starts ${top - bottom}px below rank ${k}`);
  }
  // the tree edges (everything but the edges to the shared class) go down; the class's edges point up
  const down = assertEdgesDown(l);
  assert.equal(down, model.edges.filter((e) => e.to !== 'type').length + 1, 'only the root -> type edge of the class edges goes down');
  for (const e of model.edges) if (e.to === 'type' && e.from !== 'n0') assert.ok(l.r.rank[l.at.get(e.from)!] >= l.r.rank[l.at.get('type')!]);
  // the nodes of a rank are left to right in their order, at least nodeSep apart
  for (const rank of l.r.ranks) {
    for (let i = 1; i < rank.length; i++) {
      const a = rank[i - 1], b = rank[i];
      assert.ok(l.r.x[b] - l.r.x[a] >= (l.w[a] + l.w[b]) / 2 + 24 - 1e-6, `${l.ids[a]} and ${l.ids[b]} closer than nodeSep`);
    }
  }
  // every node is centred in its rank: one y per rank
  for (const rank of l.r.ranks) assert.equal(new Set(rank.map((i) => l.r.y[i])).size, 1);
});

test('refs: parents are centred over their children and a tree has no crossings', () => {
  // without the class and int nodes: a plain tree (Node -> list -> Nodes)
  const full = objgraphTree(400);
  const model: GraphModel = { ...full, nodes: full.nodes.filter((n) => n.typeName !== 'type' && n.typeName !== 'int'), edges: full.edges.filter((e) => e.to !== 'type' && !e.to.startsWith('i')) };
  const l = lay(model);
  assert.equal(l.r.crossings, 0);
  assertNoOverlap(l);
  // a list with children sits over the middle of them (its x between the first and the last child)
  let checked = 0;
  for (const n of model.nodes.filter((x) => x.typeName === 'list')) {
    const kids = model.edges.filter((e) => e.from === n.id).map((e) => l.r.x[l.at.get(e.to)!]);
    if (kids.length < 2) continue;
    const x = l.r.x[l.at.get(n.id)!];
    assert.ok(x >= Math.min(...kids) - 1e-6 && x <= Math.max(...kids) + 1e-6, `${n.id} is not over its children`);
    checked++;
  }
  assert.ok(checked > 100);
  // the children of one list are neighbours in their rank, in the edges' order (the depth-first order)
  for (const n of model.nodes.filter((x) => x.typeName === 'list')) {
    const kids = model.edges.filter((e) => e.from === n.id).map((e) => l.at.get(e.to)!);
    const rank = l.r.ranks[l.r.rank[kids[0] ?? 0]];
    const pos = kids.map((k) => rank.indexOf(k));
    for (let i = 1; i < pos.length; i++) assert.equal(pos[i], pos[i - 1] + 1);
  }
});

test('backrefs: the root is at the bottom, ranks are the depth counted up from it, markers sit below their instance', () => {
  const model = objgraphTree(753, { direction: 'backrefs', delMarkers: true });
  assert.ok(model.nodes.length > 2000);
  const l = lay(model);
  assertPlaced(l);
  assertNoOverlap(l);
  const maxDepth = Math.max(...model.nodes.filter((n) => n.kind === 'object').map((n) => n.depth));
  const root = l.at.get('n0')!;
  assert.equal(l.r.rank[root], maxDepth, 'the root is in the last object rank');
  for (const n of model.nodes) {
    const i = l.at.get(n.id)!;
    if (n.kind === 'object') assert.equal(l.r.rank[i], maxDepth - n.depth, n.id);
    else assert.equal(l.r.rank[i], l.r.rank[l.at.get(n.id.replace(/_has_a_del$/, ''))!] + 1, `${n.id} is one rank below its instance`);
  }
  assert.ok(l.r.y[root] > Math.max(...model.nodes.filter((n) => n.kind === 'object' && n.id !== 'n0' && n.depth > 0).map((n) => l.r.y[l.at.get(n.id)!])));
  assert.ok(assertEdgesDown(l) > 1000);
});

test('odd input: unknown ends, self-loops, duplicate ids, no roots, disconnected parts, empty graph', () => {
  const r = layeredLayout({
    nodes: [{ id: 'a', w: 50, h: 20 }, { id: 'b', w: 50, h: 20 }, { id: 'c', w: 0, h: NaN }, { id: 'a', w: 80, h: 20 }, { id: 'x', w: 40, h: 20 }, { id: 'y', w: 40, h: 20 }],
    edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'b' }, { source: 'b', target: 'zz' }, { source: 'c', target: 'a' }, { source: 'x', target: 'y' }],
    roots: ['a', 'nope'],
    direction: 'refs',
  });
  for (let i = 0; i < 6; i++) assert.ok(Number.isFinite(r.x[i]) && Number.isFinite(r.y[i]), `node ${i}`);
  // c points at the root: it takes the rank above it, and every rank is >= 0
  assert.ok(r.rank[2] < r.rank[0] && r.rank[0] < r.rank[1]);
  assert.ok(Math.min(...r.rank) === 0);
  // the part not joined to the root (x -> y) is laid out too, y below x
  assert.equal(r.rank[5], r.rank[4] + 1);
  const empty = layeredLayout({ nodes: [], edges: [], roots: [], direction: 'backrefs' });
  assert.equal(empty.x.length, 0);
  assert.deepEqual(empty.ranks, []);
  // no roots at all: still a layered drawing, edges down
  const noRoot = layeredLayout({ nodes: [{ id: 'p', w: 10, h: 10 }, { id: 'q', w: 10, h: 10 }], edges: [{ source: 'p', target: 'q' }], roots: [], direction: 'refs' });
  assert.ok(noRoot.y[1] > noRoot.y[0]);
});

test('the layout is deterministic', () => {
  const model = objgraphTree(300, { delMarkers: true });
  const a = lay(model).r, b = lay(model).r;
  assert.deepEqual([...a.x], [...b.x]);
  assert.deepEqual([...a.y], [...b.y]);
});
