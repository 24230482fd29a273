// Runs every .py case of a directory against its CPython 3.11 recording (expected.json, made by
// attr-cases/record.mjs) with the refcount audit on; when python3 is 3.11 the recording is also
// checked against a live run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runSource } from '../../../../src/core/run';

const live = (() => {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /^Python 3\.11\./.test(r.stdout.trim());
})();

export function runCaseDir(dir: string, label: string): void {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    cases: Record<string, { stdout: string; stderr: string; exit: number }>;
  };
  const names = Object.keys(expected.cases);
  assert.ok(names.length > 0, `${dir}: no recorded cases`);
  for (const name of names) {
    const exp = expected.cases[name];
    const src = () => readFileSync(join(dir, name), 'utf8');
    test(`${label} ${name} (audit on)`, () => {
      const r = runSource(src(), name, { audit: true });
      assert.equal(r.stdout, exp.stdout);
      assert.equal(r.stderr, exp.stderr);
      assert.equal(r.exitCode, exp.exit);
      assert.equal(r.auditError ?? null, null);
    });
    test(`${label} ${name} (recording matches live python3 3.11)`, { skip: live ? false : 'python3 is not 3.11' }, () => {
      const r = spawnSync('python3', [name], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
      assert.equal(r.stdout, exp.stdout);
      assert.equal(r.stderr, exp.stderr);
      assert.equal(r.status, exp.exit);
    });
  }
}
