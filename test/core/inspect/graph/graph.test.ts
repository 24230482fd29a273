// The objgraph-style graph: the interpreter's objgraph against real objgraph's DOT on CPython 3.11
// (recorded once with Debian's python3-objgraph into NAME.cpython.dot), and the editor's graph at a
// recorded state with its facts.
import { test, describe } from 'node:test';
import assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSource } from '../../../../src/core/run';
import { InspectSession } from '../../../../src/core/inspect/session';
import { graphAt } from '../../../../src/core/inspect/graph';
import { toDot } from '../../../../src/core/inspect/dot';

const DIR = __dirname;

/** Node ids renamed N1, N2, ... by first appearance; addresses in reprs blanked. */
function canonical(dot: string): string[] {
  const names = new Map<string, string>();
  return dot
    .replace(/0x[0-9a-f]+/g, '0x…')
    .replace(/\b(too_many_)?o(\d+)(_has_a_del)?\b/g, (_m, tm: string | undefined, id: string, del: string | undefined) => {
      if (!names.has(id)) names.set(id, `N${names.size + 1}`);
      return `${tm ?? ''}${names.get(id)}${del ?? ''}`;
    })
    .split('\n');
}

function ours(file: string): string {
  const r = runSource(readFileSync(join(DIR, file), 'utf8'), file, { audit: true });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.auditError ?? null, null);
  return r.stdout;
}

describe('objgraph inside the interpreter matches objgraph on CPython 3.11', () => {
  test('the lesson: show_refs([a]) and show_backrefs([a]) on two lists in a cycle', () => {
    const want = canonical(readFileSync(join(DIR, 'lesson_refs.cpython.dot'), 'utf8'));
    const got = canonical(ours('lesson_refs.py'));
    assert.deepStrictEqual(got, want);
    // the two graphs: 8 nodes (both lists, six ints) and 5 (a, b, globals, module, <module> function)
    const graphs = got.join('\n').split('digraph ObjectGraph {').slice(1);
    const count = (g: string) => new Set([...g.matchAll(/^\s+(N\d+)\[label=/gm)].map((m) => m[1])).size;
    assert.deepStrictEqual(graphs.map(count), [8, 5]);
  });

  test('instances, __del__ markers, dict keys, too many, filters, refcounts: same graphs plus attribute names', () => {
    const want = canonical(readFileSync(join(DIR, 'instances.cpython.dot'), 'utf8'));
    const got = canonical(ours('instances.py'));
    assert.strictEqual(got.length, want.length);
    const improved = new Set<string>();
    for (let i = 0; i < want.length; i++) {
      if (got[i] === want[i]) continue;
      // our one addition: an instance -> attribute value edge carries the attribute's name
      const m = /^(\s+N\d+ -> N\d+) \[label="(\w+)"\];$/.exec(got[i]);
      assert.ok(m && `${m[1]};` === want[i], `line ${i + 1}: got ${got[i]}, objgraph ${want[i]}`);
      improved.add(m[2]);
    }
    assert.deepStrictEqual([...improved].sort(), ['children', 'name', 'parent']);
  });
});

const LESSON = ['a = [1, 2, 3]', 'b = [4, 5, 6]', 'a.append(b)', 'b.append(a)', 'c = a', 'del a, b, c', 'x = 1', ''].join('\n');

describe('the editor graph at a recorded state', () => {
  const s = new InspectSession(LESSON, 'lesson.py');
  s.run();

  test('references of a after the cycle is made: 8 nodes, exact counts and holders', () => {
    const g = graphAt(s, 4, 'a', { direction: 'refs' });
    assert.ok(g);
    const objs = g.model.nodes.filter((n) => n.kind === 'object');
    assert.strictEqual(objs.length, 8);
    const lists = objs.filter((n) => n.typeName === 'list');
    assert.deepStrictEqual(lists.map((n) => n.label), ['list\n4 items', 'list\n4 items']);
    const a = lists.find((n) => n.isRoot)!;
    assert.strictEqual(a.refcount, 2, 'global a and item [3] of b');
    assert.deepStrictEqual(a.holders.map((h) => h.name).sort(), ['global a', 'item [3] of list b']);
    for (const n of objs) if (!n.shared) assert.strictEqual(n.holders.reduce((t, h) => t + h.count, 0), n.refcount, n.label);
    assert.ok(lists[0].scc !== undefined && lists[0].scc === lists[1].scc, 'both lists are one cycle');
    assert.ok(objs.filter((n) => n.typeName === 'int').every((n) => n.shared && n.scc === undefined));
    assert.ok(!objs.some((n) => n.unreachable));
    assert.strictEqual(a.size, 88);
    assert.strictEqual(a.allocLine, 1, 'a was made on line 1');
    assert.strictEqual(lists.find((n) => !n.isRoot)!.allocLine, 2, 'b on line 2');
    assert.ok(objs.filter((n) => n.typeName === 'int').every((n) => n.allocLine === null), 'ints are not containers');
    assert.strictEqual(g.model.line, 4);
    assert.strictEqual(g.model.expr, 'a');
  });

  test('back-references of a: b, the globals, the module and the module function', () => {
    const g = graphAt(s, 5, 'a', { direction: 'backrefs' });
    assert.ok(g);
    const labels = g.model.nodes.map((n) => n.label.split('\n')[0]).sort();
    assert.deepStrictEqual(labels, ['dict', 'function', 'list', 'list', 'module']);
    const edgeLabels = g.model.edges.map((e) => e.label).sort();
    // one referrer edge from the globals for both names holding a (objgraph would say only 'a')
    assert.deepStrictEqual(edgeLabels, ['', '', '__dict__', '__globals__', 'a, c', 'b']);
  });

  test('each dict edge carries its own key (objgraph labels both with the first)', () => {
    const s2 = new InspectSession(['v = [0]', "d = {'p': v, 'q': v, 3: v}", 'y = 0'].join('\n'), 'keys.py');
    s2.run();
    const g = graphAt(s2, 2, 'd', { direction: 'refs', maxDepth: 1 })!;
    const v = g.model.nodes.find((n) => n.label === 'list\n1 items')!;
    const toV = g.model.edges.filter((e) => e.from === g.model.roots[0] && e.to === v.id);
    assert.deepStrictEqual(toV.map((e) => e.label), ['p', 'q', 'int\n3'], 'three edges to the same list');
    // with a non-str key the table's keys are referents too (dict_traverse), unlabelled
    assert.strictEqual(g.model.edges.filter((e) => e.from === g.model.roots[0] && e.to !== v.id && e.label === '').length, 3);
    assert.deepStrictEqual(toV.map((e) => e.weight), [2, 2, undefined]);
  });

  test('a back-reference from an instance names the attributes holding the object', () => {
    const src = ['class A:', '    pass', 'x = [1]', 'a = A()', 'a.first = 0', 'a.items = x', 'a.again = x', 'y = 0'].join('\n');
    const s2 = new InspectSession(src, 'attrs.py');
    s2.run();
    const g = graphAt(s2, 8, 'x', { direction: 'backrefs', maxDepth: 1 })!;
    const inst = g.model.nodes.find((n) => n.label.startsWith('A\n'))!;
    assert.ok(inst, 'the instance refers to x');
    const e = g.model.edges.find((x) => x.from === inst.id && x.to === g.model.roots[0])!;
    assert.strictEqual(e.label, 'items, again');
  });

  test('garbage kept by a cycle is marked unreachable', () => {
    const s2 = new InspectSession(['g = [1]', 'junk = [g]', 'junk.append(junk)', 'del junk', 'y = 0'].join('\n'), 'junk.py');
    s2.run();
    const g = graphAt(s2, 4, 'g', { direction: 'backrefs', maxDepth: 1 })!;
    const junk = g.model.nodes.find((n) => n.label === 'list\n2 items')!;
    assert.ok(junk, 'the junk list refers to g');
    assert.strictEqual(junk.unreachable, true);
    assert.ok(junk.scc !== undefined, 'a self-cycle');
    const root = g.model.nodes.find((n) => n.isRoot)!;
    assert.ok(!root.unreachable, 'g is still a global');
    assert.strictEqual(graphAt(s2, 4, 'junk', { direction: 'refs' }), null, 'junk no longer resolves');
  });

  test('max depth, too many, expand', () => {
    const src = ['xs = [[i] for i in range(15)]', 'y = 0'].join('\n');
    const s2 = new InspectSession(src, 'many.py');
    s2.run();
    const g = graphAt(s2, 1, 'xs', { direction: 'refs', maxDepth: 1, tooMany: 10 })!;
    const more = g.model.nodes.filter((n) => n.kind === 'more');
    assert.deepStrictEqual(more.map((n) => [n.label, n.more]), [['5 more references', 5]]);
    const inner = g.model.nodes.filter((n) => n.kind === 'object' && n.depth === 1);
    assert.strictEqual(inner.length, 10);
    assert.ok(inner.every((n) => n.truncated), 'each inner list has an item beyond max depth');
    const g2 = graphAt(s2, 1, 'xs', { direction: 'refs', maxDepth: 1, tooMany: 10, expand: [inner[0].id] })!;
    assert.strictEqual(g2.model.nodes.filter((n) => n.kind === 'object').length, 12, 'the expanded list shows its item');
  });

  test('a list of ints kept unboxed by the run: the graph and the holders show every int', () => {
    // (objects/list.ts keeps ints only a list holds as numbers; the walk makes them objects again)
    const src = ['import sys', 'xs = [i * 1000 for i in range(12)]', 'y = xs[4]', 'n = sys.getrefcount(xs[5])', ''].join('\n');
    const s2 = new InspectSession(src, 'ints.py');
    s2.run();
    const g = graphAt(s2, 3, 'xs', { direction: 'refs', maxDepth: 1, tooMany: 20 })!;
    const ints = g.model.nodes.filter((n) => n.kind === 'object' && n.typeName === 'int');
    assert.deepStrictEqual(ints.map((n) => n.label.split('\n')[0]).length, 12);
    const four = ints.filter((n) => !n.shared && n.holders.some((h) => h.name === 'global y'));
    assert.strictEqual(four.length, 1, 'xs[4] is the object y names');
    assert.strictEqual(four[0].refcount, 2);
    for (const n of ints) if (!n.shared) assert.strictEqual(n.holders.reduce((t, h) => t + h.count, 0), n.refcount, n.label);
    assert.strictEqual(ints.filter((n) => !n.shared && n.refcount === 1).length, 10, 'the other ten (0 is shared) are held by the list only');
  });

  test('show frames: holders that are not objects (a local, the argument on the stack)', () => {
    const src = ['import sys', 'def f(x):', '    y = x', '    return sys.getrefcount(y)', 'v = [1]', 'print(f(v))', ''].join('\n');
    const s2 = new InspectSession(src, 'frames.py');
    assert.strictEqual(s2.run().stdout, '4\n');
    const g = graphAt(s2, 3, 'x', { direction: 'backrefs', maxDepth: 1, showFrames: true })!;
    const holders = g.model.nodes.filter((n) => n.kind === 'holder').map((n) => n.label).sort();
    assert.deepStrictEqual(holders, ['local y in f()', 'parameter x of f()']);
    const without = graphAt(s2, 3, 'x', { direction: 'backrefs', maxDepth: 1 })!;
    assert.strictEqual(without.model.nodes.filter((n) => n.kind === 'holder').length, 0);
    assert.match(toDot(g.model), /shape=ellipse,style=dashed/);
  });

  test('DOT export has objgraph structure', () => {
    const g = graphAt(s, 4, 'a', { direction: 'refs' })!;
    const dot = toDot(g.model);
    assert.ok(dot.startsWith('digraph ObjectGraph {\n  node[shape=box, style=filled, fillcolor=white];\n'));
    assert.strictEqual([...dot.matchAll(/\[label="/g)].length, 8);
    assert.match(dot, /\[fontcolor=red\];/);
    assert.match(dot, /label="list\\n4 items"/);
  });
});
