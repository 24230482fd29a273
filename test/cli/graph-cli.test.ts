// `refscope graph` and objgraph's files through `refscope run` (the built CLI, worker threads).
import { test } from 'node:test';
import assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphModel } from '../../src/core/inspect/graph-types';

const CLI = join(process.cwd(), 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'refscope-graph-cli-'));
const LESSON = join(dir, 'lesson.py');
writeFileSync(LESSON, ['a = [1, 2, 3]', 'b = [4, 5, 6]', 'a.append(b)', 'b.append(a)', 'x = 1', ''].join('\n'));

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, cwd: dir });
}

test('DOT of the references of a after line 4: objgraph structure, 8 nodes', () => {
  const r = cli(['graph', LESSON, '--line', '4', '--name', 'a', '--refs']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.ok(r.stdout.startsWith('digraph ObjectGraph {\n'));
  assert.strictEqual([...r.stdout.matchAll(/\[label="/g)].length, 8);
});

test('JSON model of the back-references, with counts and holders', () => {
  const r = cli(['graph', LESSON, '--line', '4', '--name', 'a', '--format', 'json', '--max-depth', '1']);
  assert.strictEqual(r.status, 0, r.stderr);
  const m = JSON.parse(r.stdout) as GraphModel;
  assert.strictEqual(m.direction, 'backrefs');
  assert.strictEqual(m.maxDepth, 1);
  const root = m.nodes.find((n) => n.isRoot)!;
  assert.strictEqual(root.refcount, 2);
  assert.deepStrictEqual(root.holders.map((h) => h.name).sort(), ['global a', 'item [3] of list b']);
  assert.deepStrictEqual(m.nodes.map((n) => n.typeName).sort(), ['dict', 'list', 'list']);
});

test('SVG with every label, escaped', () => {
  const f = join(dir, 'xss.py');
  writeFileSync(f, "s = ['<img src=x onerror=alert(1)>']\ny = 0\n");
  const r = cli(['graph', f, '--line', '1', '--name', 's', '--refs', '--format', 'svg']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.ok(r.stdout.startsWith('<svg '));
  assert.ok(!r.stdout.includes('<img'), 'the label is text');
  assert.match(r.stdout, /&lt;img src=x onerror=alert\(1\)&gt;/);
});

test('clear errors: unbound name, bad options, missing file', () => {
  let r = cli(['graph', LESSON, '--line', '2', '--name', 'zz']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /`zz` has no value after line 2/);
  r = cli(['graph', LESSON, '--line', 'x', '--name', 'a']);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /--line needs a whole number/);
  r = cli(['graph', join(dir, 'nope.py'), '--line', '1', '--name', 'a']);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /can't open file/);
});

test('refscope run writes the files objgraph names: .dot, and .svg rendered without Graphviz', () => {
  const f = join(dir, 'show.py');
  writeFileSync(f, ['import objgraph', 'a = [1]', 'a.append(a)', "objgraph.show_refs([a], filename='out.dot')", "objgraph.show_backrefs([a], filename='out.svg')", ''].join('\n'));
  const r = cli(['run', f]);
  assert.strictEqual(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.strictEqual(lines[0], 'Graph written to out.dot (2 nodes)');
  assert.match(lines[1], /^Graph written to \/tmp\/objgraph-[a-z0-9_]{8}\.dot \(4 nodes\)$/);
  assert.strictEqual(lines[2], 'Image generated as out.svg');
  assert.match(readFileSync(join(dir, 'out.dot'), 'utf8'), /^digraph ObjectGraph \{/);
  assert.ok(existsSync(join(dir, 'out.svg')));
  assert.match(readFileSync(join(dir, 'out.svg'), 'utf8'), /^<svg /);
});
