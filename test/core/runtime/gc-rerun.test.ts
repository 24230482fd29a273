// Runs in one process (the editor's session worker reruns a program in the same process): the
// second run must see the same gc state as the first. Objects the runtime creates once per process
// (sys.stdout's _io.TextIOWrapper type, a static type in CPython) must not sit in any run's
// generations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSource } from '../../../src/core/run';

const program = `import gc, sys
print(len(gc.get_objects()), gc.get_count())
T = type(sys.stdout)
print(gc.is_tracked(T), any(o is T for o in gc.get_objects()))
gc.collect()
print(len(gc.get_objects(0)), len(gc.get_objects(1)), len(gc.get_objects(2)), gc.get_count())
print(sys.getsizeof(sys.stdout), gc.is_tracked(sys.stdout))
`;

test('two runs in one process: the same gc.get_objects() sizes and gc.get_count()', () => {
  const first = runSource(program, 'rerun.py');
  const second = runSource(program, 'rerun.py');
  assert.equal(first.stderr, '');
  assert.equal(first.exitCode, 0);
  assert.equal(second.stdout, first.stdout);
  const lines = first.stdout.split('\n');
  // CPython 3.11: PyTextIOWrapper_Type is static (not tracked); sys.stdout itself is tracked
  assert.equal(lines[1], 'False False');
  assert.equal(lines[3], '208 True');
});

test('a run after a program that made classes: the same counts as the first run', () => {
  const first = runSource(program, 'rerun.py');
  const other = runSource('class A: pass\nclass B(A): pass\nimport json\nx = [A(), B()]\n', 'other.py');
  assert.equal(other.exitCode, 0);
  const again = runSource(program, 'rerun.py');
  assert.equal(again.stdout, first.stdout);
});

test('modules whose native types are finished on first import: the same counts in a second run', () => {
  // the first run in this process that imports them; their static types' dicts are made then
  const p = `import gc, io, collections, re, functools, random, string, itertools\nprint(gc.get_count(), len(gc.get_objects()))\n`;
  const first = runSource(p, 'mods.py');
  const second = runSource(p, 'mods.py');
  assert.equal(first.stderr, '');
  assert.equal(second.stdout, first.stdout);
});
