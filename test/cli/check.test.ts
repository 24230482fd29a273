// `refscope check` and `refscope exercises` through the built bundle (the checks run in the
// exercise worker thread with its deep stack).
import { test } from 'node:test';
import assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { checkInWorker, loadExercise } from '../../src/cli/check';

const CLI = join(process.cwd(), 'dist/cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 240_000 });
const fx = (d: string, f: string) => join('test/exercises/fixtures', d, f);

test('refscope exercises lists the lesson-24 pack', () => {
  const r = run(['exercises']);
  assert.strictEqual(r.status, 0);
  const ids = r.stdout.trim().split('\n').map((l) => l.split('\t')[0]);
  assert.deepStrictEqual(ids, ['lesson24/break-the-cycle', 'lesson24/fix-the-leak', 'lesson24/refcount-predict', 'lesson24/unreachable']);
  assert.match(run(['exercises', '--lang', 'zh-cn']).stdout, /打破循环引用/);
});

test('refscope check: exit 0 when all pass (id from the marker line), 1 with the failing verdicts', () => {
  const ok = run(['check', 'exercises/lesson24/break-the-cycle/solution.py']);
  assert.strictEqual(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /3 of 3 checks passed/);
  const bad = run(['check', 'lesson24/break-the-cycle', fx('break-the-cycle', 'unchanged.py')]);
  assert.strictEqual(bad.status, 1);
  assert.match(bad.stdout, /^FAIL  With gc.disable\(\), del frees every node$/m);
  assert.match(bad.stdout, /^ {6}expected: 0$/m);
  assert.match(bad.stdout, /^ {6}actual: {3}1000$/m);
  assert.match(bad.stdout, /1 of 3 checks passed/);
});

test('refscope check: a recursive DFS on the 100,000-node chain is a RecursionError verdict in the worker, not a crash', () => {
  const r = run(['check', 'lesson24/unreachable', fx('unreachable', 'recursive.py'), '--json']);
  assert.strictEqual(r.status, 1, r.stderr);
  const j = JSON.parse(r.stdout) as { checks: { id: string; status: string; message: string }[] };
  const big = j.checks.find((c) => c.id === 'check_large_graph')!;
  assert.strictEqual(big.status, 'failed');
  assert.match(big.message, /RecursionError on a chain of 100,000 nodes.*explicit stack/s);
  assert.strictEqual(j.checks.filter((c) => c.status === 'passed').length, 5);
});

test('refscope check: bad usage and unknown exercises exit 2 with a message', () => {
  const u = run(['check', 'lesson24/nope', 'exercises/lesson24/unreachable/solution.py']);
  assert.strictEqual(u.status, 2);
  assert.match(u.stderr, /no exercise 'lesson24\/nope'/);
  const n = run(['check', 'README.md']);
  assert.strictEqual(n.status, 2);
  assert.match(n.stderr, /name the exercise/);
});

test('the exercise worker: a result from the worker thread, and the wall-clock budget gives a clear answer instead of a hang', async () => {
  const files = loadExercise(join(process.cwd(), 'exercises'), 'lesson24/refcount-predict');
  const sol = 'exercises/lesson24/refcount-predict/solution.py';
  const ok = await checkInWorker(join(process.cwd(), 'dist/exercise-worker.js'), files, readFileSync(sol, 'utf8'), sol, {});
  assert.ok(ok.ok && ok.result.passed, JSON.stringify(ok));
  const slow = await checkInWorker(join(process.cwd(), 'dist/exercise-worker.js'), files, 'while True:\n    pass\n', 'loop.py', { stepLimit: 1e12 }, 300);
  assert.deepStrictEqual(slow, { ok: false, message: 'the checks did not finish within 0.3 s' });
});
