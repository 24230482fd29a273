// The heap index's referrers (src/core/inspect/holders.ts Referrers): found by walking the heap
// only as far as the references add up to the count, they must equal, in order, what a walk of
// the whole heap finds (every live object's tp_traverse in the heap's order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InspectSession } from '../../../src/core/inspect/session';
import { HeapIndex, heapIndex, invalidateHeapIndex, holdersOf, isReachable } from '../../../src/core/inspect/holders';
import { heap, traverseFull, type PyObject } from '../../../src/core/runtime/object';

const SRC = `
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.kids = []
        self.parent = None
def tree(n):
    root = Node('root')
    for i in range(n):
        k = Node('k%d' % i)
        k.parent = root
        root.kids.append(k)
    return root
t = tree(6)
shared = [t, t.kids[0], (t, 'x')]
d = {'a': t, 'b': shared}
cyc = Node('c')
cyc.parent = cyc
del cyc
x = [1, 2, 3]
y = x
del t
gc.collect()
`;

test('referrers found by a partial walk equal those of a walk of the whole heap, in order', () => {
  const s = new InspectSession(SRC, 'r.py');
  s.run();
  const lines = SRC.split('\n').map((_, i) => i + 1);
  let checked = 0;
  s.atMany(lines, (_line, view) => {
    const live = [...(heap.live ?? [])];
    const all = new Map<PyObject, { from: PyObject; edge: number; key: unknown }[]>();
    for (const from of live) {
      traverseFull(from, (c, edge, key) => {
        let l = all.get(c);
        if (!l) all.set(c, (l = []));
        l.push({ from, edge, key });
      });
    }
    // a fresh index per object: each lookup starts from an empty walk
    for (const o of live) {
      invalidateHeapIndex(view.interp);
      const got = (heapIndex(view.interp).referrers.get(o) ?? []).filter((r) => r.from).map((r) => ({ from: r.from, edge: r.edge, key: r.key }));
      assert.deepEqual(got, all.get(o) ?? []);
      checked++;
    }
    // and the lookups of one index share its walk
    invalidateHeapIndex(view.interp);
    const ix = heapIndex(view.interp);
    for (const o of live.slice().reverse()) {
      const got = (ix.referrers.get(o) ?? []).filter((r) => r.from).map((r) => ({ from: r.from, edge: r.edge, key: r.key }));
      assert.deepEqual(got, all.get(o) ?? []);
    }
    // the holders of every object add up to its count, and the backward reachability search
    // (a fresh index each time) agrees with a walk from the roots
    const reach = new HeapIndex(view.interp, 'whole').reachable();
    for (const o of live) {
      const shared = o.rc >= 100_000_000;
      invalidateHeapIndex(view.interp);
      if (!shared) assert.equal(holdersOf(view.interp, o).reduce((n, h) => n + h.count, 0), o.rc);
      invalidateHeapIndex(view.interp);
      assert.equal(isReachable(view.interp, o), shared || reach.has(o));
    }
  });
  assert.ok(checked > 1000, `only ${checked} objects checked`);
});
