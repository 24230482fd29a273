// The cyclic collector (src/core/runtime/gc.ts) on programs whose output depends on its exact
// behaviour — collection counts, gc.callbacks, untracking, freeze, list order, finalizers that
// touch their own garbage, weakref callbacks — against CPython 3.11 recordings
// (gc-cases/expected.json, made by gc-record.mjs), re-run live when python3 is 3.11. The small
// cases also run with the refcount audit on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runSource } from '../../../src/core/run';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'gc-cases');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
  python: string;
  cases: Record<string, { stdout: string; stderr: string; exit: number }>;
};
/** cases too big for the audit (it checks the whole heap at every line) */
const noAudit = new Set(['many.py']);

const live = (() => {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /^Python 3\.11\./.test(r.stdout.trim());
})();

for (const [name, exp] of Object.entries(expected.cases)) {
  const src = () => readFileSync(join(dir, name), 'utf8');
  test(`gc ${name}`, () => {
    const r = runSource(src(), name, { audit: !noAudit.has(name) });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.stderr, exp.stderr);
    assert.equal(r.exitCode, exp.exit);
    assert.equal(r.auditError ?? null, null);
  });
  test(`gc ${name} (recording matches live python3 3.11)`, { skip: live ? false : 'python3 is not 3.11' }, () => {
    const r = spawnSync('python3', [name], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.stderr, exp.stderr);
    assert.equal(r.status, exp.exit);
  });
}
