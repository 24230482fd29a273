// lesson24/unreachable against its reference solution and wrong solutions.
import { test } from 'node:test';
import assert from 'node:assert';
import { check, solution, fixture, byId, statuses } from './helpers';

const ID = 'lesson24/unreachable';
const F = (f: string) => fixture('unreachable', f);

test('the reference solution passes every check (100,000-node chain and random graphs vs the collector)', () => {
  const r = check(ID, solution(ID));
  assert.deepStrictEqual(Object.values(statuses(r)), ['passed', 'passed', 'passed', 'passed', 'passed', 'passed'], JSON.stringify(r.checks, null, 1));
  assert.strictEqual(r.passed, true);
  assert.strictEqual(r.fileError, null);
});

test('a correct recursive DFS gets RecursionError on the 100,000-node chain, reported with the explicit-stack advice', () => {
  const r = check(ID, F('recursive.py'));
  const c = byId(r);
  assert.strictEqual(c.check_large_graph.status, 'failed');
  assert.match(c.check_large_graph.message, /RecursionError on a chain of 100,000 nodes/);
  assert.match(c.check_large_graph.message, /explicit stack/);
  // the small cases and the random graphs still pass
  for (const id of ['check_simple_cases', 'check_cycles_and_self_loops', 'check_nodes_only_as_targets', 'check_random_graphs_vs_collector']) assert.strictEqual(c[id].status, 'passed', id);
  assert.strictEqual(r.passed, false);
});

test('forgetting nodes that appear only as successors fails with expected/actual, and against the collector', () => {
  const c = byId(check(ID, F('keys_only.py')));
  assert.strictEqual(c.check_nodes_only_as_targets.status, 'failed');
  assert.strictEqual(c.check_nodes_only_as_targets.message, "Wrong answer for nodes without their own key (start = 'a')");
  assert.strictEqual(c.check_nodes_only_as_targets.expected, "{'c', 'd'}");
  assert.strictEqual(c.check_nodes_only_as_targets.actual, "{'c'}");
  assert.strictEqual(c.check_random_graphs_vs_collector.status, 'failed');
  assert.match(c.check_random_graphs_vs_collector.message, /differs from the objects the garbage collector frees/);
  assert.strictEqual(c.check_simple_cases.status, 'passed');
});

test('returning a list is named', () => {
  const c = byId(check(ID, F('returns_list.py')));
  assert.strictEqual(c.check_returns_set.status, 'failed');
  assert.strictEqual(c.check_returns_set.message, 'unreachable() must return a set, it returned list');
  assert.strictEqual(c.check_returns_set.actual, '[]');
});

test('an endless loop on a cycle stops at the step budget with a clear verdict and the line', () => {
  const r = check(ID, F('no_seen_set.py'), { stepLimit: 300_000 });
  const c = byId(r);
  assert.strictEqual(c.check_cycles_and_self_loops.status, 'error');
  assert.match(c.check_cycles_and_self_loops.message, /Stopped after 300000 steps: the code does not seem to finish/);
  assert.ok(c.check_cycles_and_self_loops.line && c.check_cycles_and_self_loops.line >= 10 && c.check_cycles_and_self_loops.line <= 16, String(c.check_cycles_and_self_loops.line));
  assert.strictEqual(c.check_simple_cases.status, 'passed');
});

test('a loop that swallows every exception is stopped for good; the other checks are reported as not run', () => {
  const r = check(ID, F('swallow_forever.py'), { stepLimit: 200_000 });
  assert.strictEqual(r.fileError?.kind, 'limit');
  assert.strictEqual(r.checks[0].status, 'error');
  assert.match(r.checks[0].message, /did not stop/);
  assert.ok(r.checks.slice(1).every((c) => c.status === 'skipped' && /Not run/.test(c.message)));
});

test('a syntax error, an exception while loading and a missing function give clear verdicts', () => {
  const s = check(ID, F('syntax_error.py'));
  assert.strictEqual(s.fileError?.kind, 'syntax');
  assert.strictEqual(s.fileError?.line, 4);
  assert.ok(s.checks.every((c) => c.status === 'error' && c.message === "Your file has a syntax error at line 4: SyntaxError: expected ':'" && c.line === 4));
  const l = check(ID, F('crash_on_load.py'));
  assert.strictEqual(l.fileError?.kind, 'exception');
  assert.strictEqual(l.fileError?.line, 3);
  assert.ok(l.checks.every((c) => c.status === 'error' && c.message === "Your file raised KeyError while loading: 'missing'"));
  const m = check(ID, F('missing.py'));
  assert.ok(m.checks.every((c) => c.status === 'failed' && c.message === 'Your file does not define unreachable.'));
});
