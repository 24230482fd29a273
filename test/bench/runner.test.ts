// `npm run bench`'s runner (bench/run.mjs) in its quick mode on the smallest benchmark: it prints the
// table row with both sides, the ratio and the output check, and says clearly when CPython is not
// there. No timing is asserted (speed is judged by the benchmark itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const RUNNER = join(process.cwd(), 'bench', 'run.mjs');

function bench(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [RUNNER, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

const hasPython = spawnSync(process.env.REFSCOPE_PYTHON || 'python3', ['--version']).status === 0;

test(`--quick --only startup prints the table row with ${hasPython ? 'the ratio to CPython' : 'no ratio (python3 is not installed)'}`, () => {
  const { out, err, code } = bench(['--quick', '--only', 'startup', '--no-write']);
  assert.equal(code, 0, err);
  const row = out.split('\n').find((l) => l.startsWith('| `startup`'));
  assert.ok(row, `no table row for startup in:\n${out}`);
  const cells = row.split('|').map((c) => c.trim());
  // | name | RefScope | CPython | ratio | RefScope RSS | CPython RSS | memory ratio | output |
  assert.match(cells[2], /^\d+\.\d\d s$/);
  assert.match(cells[5], /^\d+ MiB$/);
  if (hasPython) {
    assert.match(cells[3], /^\d+\.\d\d s$/);
    assert.match(cells[4], /^\d+\.\d\d×$/);
    assert.match(cells[7], /^\d+\.\d\d×$/);
    assert.equal(cells[8], 'same as CPython');
  } else {
    assert.equal(cells[4], '—');
    assert.equal(cells[8], 'same as recording');
  }
  assert.match(out, /median of 1 run per side/);
  assert.doesNotMatch(out, /VOID/);
});

test('without python3 it says so and checks the output against the recording', () => {
  const { out, err, code } = bench(['--quick', '--only', 'startup', '--no-write'], { REFSCOPE_PYTHON: 'refscope-no-such-python' });
  assert.equal(code, 0, err);
  assert.match(out, /CPython was not measured: `refscope-no-such-python` is not installed/);
  const row = out.split('\n').find((l) => l.startsWith('| `startup`'));
  assert.ok(row);
  assert.match(row, /\| — \| — \|/);
  assert.match(row, /same as recording/);
});

test('an unknown benchmark name is a clear error', () => {
  const { err, code } = bench(['--quick', '--only', 'no_such_bench', '--no-write']);
  assert.equal(code, 2);
  assert.match(err, /unknown benchmark no_such_bench/);
});
