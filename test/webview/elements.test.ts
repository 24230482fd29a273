// Pure helpers of the panel: objgraph's HSV colours, the model -> cytoscape elements mapping, the
// SVG export, and the commands' argument parsing and name-under-the-cursor rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hsvToCss, toElements, labelSize, badgeUrl, cssColorForCanvas } from '../../webview/elements';
import { toSvg } from '../../webview/svg';
import { exprAt, parseGraphArgs, isWebviewToHost, isPanelOptions, DEFAULT_PANEL_OPTIONS } from '../../src/protocol/graph';
import type { GraphModel, GraphNode } from '../../src/core/inspect/graph-types';
import type { SetGraphMessage } from '../../src/protocol/graph';

const lesson = (JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/lesson-refs.message.json'), 'utf8')) as SetGraphMessage).model!;

test('hsvToCss: Graphviz HSV strings as objgraph writes them', () => {
  assert.equal(hsvToCss('0,0,1'), '#ffffff');
  assert.equal(hsvToCss('0,0,0'), '#000000');
  // objgraph's grey for depth 1 and 2 of max_depth 3, and 0.3 at max_depth
  assert.equal(hsvToCss('0,0,0.766667'), '#c4c4c4');
  assert.equal(hsvToCss('0,0,0.533333'), '#888888');
  assert.equal(hsvToCss('0,0,0.3'), '#4d4d4d');
  // the "more" box's red and the __del__ marker's "0,.5,1"
  assert.equal(hsvToCss('0,1,1'), '#ff0000');
  assert.equal(hsvToCss('0,.5,1'), '#ff8080');
  // modules: h=0.3, s=1 (green); highlight: h=0.6, s=0.6
  assert.equal(hsvToCss('0.3,1,1'), '#33ff00');
  assert.equal(hsvToCss('0.6,0.6,0.75'), '#4d7abf'); // python3: colorsys.hsv_to_rgb(0.6, 0.6, 0.75)
  assert.equal(hsvToCss('1,1,1'), '#ff0000', 'h=1 wraps to red');
  assert.equal(hsvToCss(' 0 , 0 , 1 '), '#ffffff');
  // names and hex pass through; anything else is the fallback
  assert.equal(hsvToCss('red'), 'red');
  assert.equal(hsvToCss('#ABCDEF'), '#abcdef');
  assert.equal(hsvToCss('url(javascript:alert(1))'), '#ffffff');
  assert.equal(hsvToCss('0,0', '#123456'), '#123456');
  assert.equal(hsvToCss(undefined), '#ffffff');
  assert.equal(hsvToCss('2,-1,7'), '#ffffff', 'out-of-range parts are clamped (h=1 -> 0, s=0, v=1)');
});

test('cssColorForCanvas turns VS Code #rrggbbaa colours into rgba()', () => {
  assert.equal(cssColorForCanvas('#cccccc80'), 'rgba(204, 204, 204, 0.502)');
  assert.equal(cssColorForCanvas('#fff8'), 'rgba(255, 255, 255, 0.533)');
  assert.equal(cssColorForCanvas('#123456'), '#123456');
  assert.equal(cssColorForCanvas('rgb(1, 2, 3)'), 'rgb(1, 2, 3)');
});

test('toElements on the lesson refs graph: 8 nodes, 8 edges, the a <-> b cycle, red root, badges', () => {
  const els = toElements(lesson);
  assert.equal(els.nodes.length, 8);
  assert.equal(els.edges.length, 8);
  const root = els.nodes.find((n) => n.data.id === lesson.roots[0])!;
  assert.equal(root.data.label, 'list\n4 items');
  assert.equal(root.data.fill, '#ffffff');
  assert.equal(root.data.font, 'red');
  assert.match(root.classes, /\broot\b/);
  assert.match(root.classes, /\bcycle\b/);
  assert.equal(root.data.badge, '2');
  assert.match(root.classes, /\bbadged\b/);
  // the small ints are shared interpreter objects: no badge
  const ints = els.nodes.filter((n) => n.data.label.startsWith('int'));
  assert.equal(ints.length, 6);
  for (const n of ints) { assert.equal(n.data.badge, ''); assert.match(n.classes, /\bshared\b/); assert.doesNotMatch(n.classes, /\bcycle\b/); }
  assert.deepEqual([...new Set(ints.map((n) => n.data.fill))].sort(), ['#888888', '#c4c4c4']);
  // exactly the two edges between a and b are cycle edges
  const cycle = els.edges.filter((e) => /\bcycle\b/.test(e.classes));
  assert.equal(cycle.length, 2);
  assert.deepEqual(new Set(cycle.flatMap((e) => [e.data.source, e.data.target])).size, 2);
});

function node(over: Partial<GraphNode> & { id: string }): GraphNode {
  return { kind: 'object', objId: 1, typeName: 'Node', label: 'Node\n<Node>', repr: '<Node>', depth: 0, isRoot: false, color: '0,0,1',
    fontColor: '', refcount: 1, holders: [], ...over };
}

test('toElements: __del__ markers, "more" boxes, unreachable and truncated nodes, dangling edges', () => {
  const model: GraphModel = {
    direction: 'backrefs', roots: ['o1'], maxDepth: 3, tooMany: 10,
    nodes: [
      node({ id: 'o1', isRoot: true, fontColor: 'red', refcount: 3, unreachable: true }),
      node({ id: 'o1_has_a_del', kind: 'del', label: '__del__', color: '0,.5,1', objId: 0, refcount: 0 }),
      node({ id: 'o2_more', kind: 'more', label: '12 more backreferences', color: '0,1,0.766667', fontColor: 'white', more: 12 }),
      node({ id: 'o3', truncated: true, depth: 3, color: '0,0,0.3', fontColor: 'white' }),
      node({ id: 'o1', label: 'duplicate' }),
    ],
    edges: [
      { from: 'o1', to: 'o1_has_a_del', label: '', style: 'dotted', weight: 10 },
      { from: 'o3', to: 'o1', label: 'next' },
      { from: 'o1', to: 'o2_more', label: '', style: 'dotted' },
      { from: 'o1', to: 'o404', label: 'gone' },
    ],
  };
  const els = toElements(model);
  assert.deepEqual(els.nodes.map((n) => n.data.id), ['o1', 'o1_has_a_del', 'o2_more', 'o3']);
  const [o1, del, more, o3] = els.nodes;
  assert.match(o1.classes, /\bunreachable\b/);
  assert.equal(o1.data.badge, '3');
  assert.match(del.classes, /^del\b/);
  assert.equal(del.data.badge, '');
  assert.equal(del.data.fill, '#ff8080');
  assert.match(more.classes, /^more\b/);
  assert.equal(more.data.fill, '#c40000');
  assert.equal(more.data.font, 'white');
  assert.match(o3.classes, /\btruncated\b/);
  assert.equal(o3.data.fill, '#4d4d4d');
  assert.equal(els.edges.length, 3, 'the edge to a node that is not drawn is left out');
  assert.deepEqual(els.edges.map((e) => e.classes), ['dotted', '', 'dotted']);
  assert.equal(els.edges[1].data.label, 'next');
});

test('labelSize grows with the longest line and the number of lines', () => {
  const a = labelSize('list\n3 items', false), b = labelSize('list\n3 items', true);
  assert.ok(b.w > a.w);
  assert.ok(labelSize('str\n' + 'x'.repeat(40), false).w > a.w);
  assert.ok(labelSize('a\nb\nc', false).h > labelSize('a', false).h);
});

test('badgeUrl is an SVG data URL with the count as text', () => {
  const u = badgeUrl('12', '#616161', '#ffffff');
  assert.match(u, /^data:image\/svg\+xml;charset=utf-8,/);
  const svg = decodeURIComponent(u.slice(u.indexOf(',') + 1));
  assert.match(svg, />12<\/text>/);
  assert.ok(!decodeURIComponent(badgeUrl('<b>', '"x', '#fff')).includes('<b>'));
});

test('toSvg escapes labels and draws every node and edge', () => {
  const svg = toSvg({
    background: '#1f1f1f', text: '#ccc', fontFamily: 'monospace, "x"',
    nodes: [
      { x: 0, y: 0, w: 80, h: 40, label: "str\n'<img src=x onerror=alert(1)>'", fill: '#fff', font: '#000', shape: 'box', border: '#999', borderStyle: 'solid', borderWidth: 1, badge: '2' },
      { x: 0, y: 100, w: 40, h: 40, label: '__del__', fill: '#ff8080', font: '#000', shape: 'doublecircle', border: 'red', borderStyle: 'dashed', borderWidth: 2 },
    ],
    edges: [{ x1: 0, y1: 20, x2: 0, y2: 80, label: 'a & b', color: '#999', dotted: true }],
  });
  assert.ok(svg.startsWith('<?xml'));
  assert.ok(!svg.includes('<img'));
  assert.ok(svg.includes('&#39;&lt;img src=x onerror=alert(1)&gt;&#39;'));
  assert.ok(svg.includes('a &amp; b'));
  assert.ok(svg.includes('font-family="monospace, &quot;x&quot;"'));
  assert.equal((svg.match(/<circle/g) ?? []).length, 2, 'a double circle');
  assert.equal((svg.match(/<line /g) ?? []).length, 1);
  assert.ok(svg.includes('stroke-dasharray="6 3"'));
});

test('parseGraphArgs: the hover links’ [uri, line, expr], spread or not', () => {
  assert.deepEqual(parseGraphArgs(['file:///a.py', 3, 'a']), { uri: 'file:///a.py', line: 3, expr: 'a' });
  assert.deepEqual(parseGraphArgs([['file:///a.py', 3, ' node.next ']]), { uri: 'file:///a.py', line: 3, expr: 'node.next' });
  assert.deepEqual(parseGraphArgs([null, 1, 'x']), { uri: null, line: 1, expr: 'x' });
  assert.equal(parseGraphArgs(['file:///a.py', 0, 'a']), null);
  assert.equal(parseGraphArgs(['file:///a.py', '3', 'a']), null);
  assert.equal(parseGraphArgs(['file:///a.py', 3, '']), null);
  assert.equal(parseGraphArgs([42, 3, 'a']), null);
  assert.equal(parseGraphArgs([]), null);
});

test('exprAt: the (dotted) name under the cursor', () => {
  const line = 'result = node.next.value + len(items)  # note';
  assert.equal(exprAt(line, 0), 'result');
  assert.equal(exprAt(line, 6), 'result', 'just after the name');
  assert.equal(exprAt(line, 10), 'node');
  assert.equal(exprAt(line, 15), 'node.next');
  assert.equal(exprAt(line, 20), 'node.next.value');
  assert.equal(exprAt(line, 32), 'items');
  assert.equal(exprAt(line, 8), null, 'on the = sign');
  assert.equal(exprAt('for x in xs:', 1), null, 'a keyword');
  assert.equal(exprAt('for x in xs:', 4), 'x');
  assert.equal(exprAt('y = 1e5', 5), null, 'inside a number');
  assert.equal(exprAt('f(a).b', 5), null, 'an attribute of a call result');
  assert.equal(exprAt('列表 = [1]', 1), '列表');
  assert.equal(exprAt('', 0), null);
});

test('isWebviewToHost / isPanelOptions reject malformed messages', () => {
  assert.ok(isWebviewToHost({ type: 'ready' }));
  assert.ok(isWebviewToHost({ type: 'options', options: DEFAULT_PANEL_OPTIONS }));
  assert.ok(isWebviewToHost({ type: 'export', format: 'png', data: 'data:image/png;base64,' }));
  assert.ok(!isWebviewToHost({ type: 'export', format: 'exe', data: '' }));
  assert.ok(!isWebviewToHost({ type: 'timeline', line: 0 }));
  assert.ok(!isWebviewToHost({ type: 'revealLine', line: 2.5 }));
  assert.ok(!isWebviewToHost({ type: 'expand' }));
  assert.ok(!isWebviewToHost({ type: 'nope' }));
  assert.ok(!isWebviewToHost(null));
  assert.ok(!isPanelOptions({ ...DEFAULT_PANEL_OPTIONS, maxDepth: 0 }));
  assert.ok(!isPanelOptions({ ...DEFAULT_PANEL_OPTIONS, direction: 'sideways' }));
});
