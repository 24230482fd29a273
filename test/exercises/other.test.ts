// lesson24/refcount-predict, fix-the-leak and break-the-cycle against their reference solutions
// and wrong solutions.
import { test } from 'node:test';
import assert from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, solution, fixture, byId, statuses } from './helpers';

const all = (r: ReturnType<typeof check>) => Object.values(statuses(r));

test('refcount-predict: the reference solution (numbers CPython 3.11 prints) passes', () => {
  const r = check('lesson24/refcount-predict', solution('lesson24/refcount-predict'));
  assert.deepStrictEqual(all(r), ['passed', 'passed', 'passed', 'passed'], JSON.stringify(r.checks, null, 1));
});

test('refcount-predict: 3.10 thinking is explained with the holders', () => {
  const c = byId(check('lesson24/refcount-predict', fixture('refcount-predict', 'python310.py')));
  assert.strictEqual(c.check_program_3.status, 'failed');
  assert.strictEqual(
    c.check_program_3.message,
    'Program 3, call 1 (line 3): sys.getrefcount prints 3, not 4. The 3 references are held by: global `data` of module `program_3` (1), parameter `obj` of `f()` (1), stack temporary in `f()` (1).',
  );
  assert.strictEqual(c.check_program_3.expected, '[3, 2]');
  assert.strictEqual(c.check_program_3.actual, '[4, 2]');
  assert.strictEqual(c.check_program_3.line, 6);
  assert.strictEqual(c.check_program_1.status, 'passed');
});

test('refcount-predict: forgetting the argument, a missed holder, wrong lengths and a wrong type', () => {
  const f = byId(check('lesson24/refcount-predict', fixture('refcount-predict', 'forgot_argument.py')));
  assert.ok(Object.values(f).every((c) => c.status === 'failed'));
  assert.match(f.check_program_1.message, /prints 3, not 2\. The 3 references are held by: global `a` of module `program_1` \(1\), global `b` of module `program_1` \(1\), /);
  const m = byId(check('lesson24/refcount-predict', fixture('refcount-predict', 'missed_item.py')));
  assert.strictEqual(m.check_program_4.status, 'failed');
  assert.match(m.check_program_4.message, /prints 5, not 4\./);
  assert.match(m.check_program_4.message, /item \[0\] of list/);
  const w = byId(check('lesson24/refcount-predict', fixture('refcount-predict', 'wrong_length.py')));
  assert.strictEqual(w.check_program_1.message, 'Program 1 calls sys.getrefcount 2 times: ANSWERS[1] needs 2 numbers');
  assert.strictEqual(w.check_program_3.message, 'ANSWERS has no entry for program 3');
  assert.strictEqual(w.check_program_2.status, 'passed');
  const n = byId(check('lesson24/refcount-predict', fixture('refcount-predict', 'not_a_dict.py')));
  assert.strictEqual(n.check_program_1.message, 'ANSWERS must be a dict mapping each program number to the list of numbers it prints, not a list');
});

test('fix-the-leak: the reference solution passes; the unchanged program fails three ways', () => {
  assert.deepStrictEqual(all(check('lesson24/fix-the-leak', solution('lesson24/fix-the-leak'))), ['passed', 'passed', 'passed', 'passed']);
  const c = byId(check('lesson24/fix-the-leak', fixture('fix-the-leak', 'unchanged.py')));
  assert.strictEqual(c.check_notifications_still_work.status, 'passed');
  assert.match(c.check_widget_freed_by_refcounting.message, /^The widget stays alive after its last variable is gone, even after gc.collect\(\)\. Its references: item \[0\] of list/);
  assert.match(c.check_gc_finds_nothing.message, /^gc.collect\(\) found \d+ unreachable objects after the workload \(reference cycles: .*Widget/);
  assert.match(c.check_memory_returns_to_baseline.message, /^Memory grew by \d+ KB after workload\(bus, 200\)/);
});

test('fix-the-leak: weak bound methods, a self cycle, clearing at the end', () => {
  const w = byId(check('lesson24/fix-the-leak', fixture('fix-the-leak', 'weak_bound_method.py')));
  assert.strictEqual(w.check_notifications_still_work.status, 'failed');
  assert.strictEqual(w.check_notifications_still_work.actual, '[]');
  const s = byId(check('lesson24/fix-the-leak', fixture('fix-the-leak', 'self_cycle.py')));
  assert.match(s.check_widget_freed_by_refcounting.message, /^The widget is in a reference cycle: .*bound method `Widget.notify`/);
  assert.strictEqual(s.check_gc_finds_nothing.status, 'failed');
  const e = byId(check('lesson24/fix-the-leak', fixture('fix-the-leak', 'clear_at_end.py')));
  assert.strictEqual(e.check_widget_freed_by_refcounting.status, 'failed');
  assert.strictEqual(e.check_memory_returns_to_baseline.status, 'passed');
});

test('break-the-cycle: the reference solution passes; the unchanged list is left to the collector', () => {
  assert.deepStrictEqual(all(check('lesson24/break-the-cycle', solution('lesson24/break-the-cycle'))), ['passed', 'passed', 'passed']);
  const c = byId(check('lesson24/break-the-cycle', fixture('break-the-cycle', 'unchanged.py')));
  assert.strictEqual(c.check_both_directions.status, 'passed');
  assert.match(c.check_freed_by_refcounting.message, /^1000 of 1000 nodes are still alive after del lst with the gc disabled: .* References to a surviving node: attribute `\.prev` of Node \(1\)$/);
  assert.strictEqual(c.check_gc_finds_nothing.message, 'gc.collect() found 200 unreachable objects after del lst: the list was left to the cyclic collector.');
});

test('break-the-cycle: a raw weakref as prev, no prev, a weak next', () => {
  const p = byId(check('lesson24/break-the-cycle', fixture('break-the-cycle', 'prev_is_weakref.py')));
  assert.strictEqual(p.check_both_directions.status, 'error');
  // (CPython names the type by its tp_name, 'weakref.ReferenceType')
  assert.match(p.check_both_directions.message, /AttributeError: 'weakref\.ReferenceType' object has no attribute 'value'/);
  assert.ok(p.check_both_directions.line, 'the line in the learner file');
  const n = byId(check('lesson24/break-the-cycle', fixture('break-the-cycle', 'no_prev.py')));
  assert.strictEqual(n.check_both_directions.actual, '[4]');
  const w = byId(check('lesson24/break-the-cycle', fixture('break-the-cycle', 'weak_next.py')));
  assert.strictEqual(w.check_freed_by_refcounting.status, 'error');
  assert.match(w.check_freed_by_refcounting.message, /has no attribute 'next'/);
});

test("the learner's output keeps the order of stdout and stderr (ExerciseResult.order)", () => {
  // the Test Explorer's output shows it so: a print to stderr between two prints
  const dir = mkdtempSync(join(tmpdir(), 'refscope-ex-'));
  const file = join(dir, 'solution.py');
  writeFileSync(file, `import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')\n${readFileSync(solution('lesson24/refcount-predict'), 'utf8')}`);
  const r = check('lesson24/refcount-predict', file);
  assert.deepStrictEqual(all(r), ['passed', 'passed', 'passed', 'passed'], JSON.stringify(r.checks, null, 1));
  assert.ok(r.order, 'no order');
  assert.deepStrictEqual(r.order!.slice(0, 2), [[1, 'a\n'], [2, 'b\n']]);
  assert.strictEqual(r.order![2][0], 1);
  assert.ok(r.order![2][1].startsWith('c\n'));
  assert.strictEqual(r.order!.filter(([fd]) => fd === 1).map(([, t]) => t).join(''), r.stdout);
});
