// enum, decimal and os.environ (modules written in Python: src/core/modules/enum.ts, decimal.ts,
// os.ts) against CPython 3.11 recordings (expected.json, made by record.mjs), with the refcount
// audit. When python3 is 3.11 the cases are also re-run live against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runSource } from '../../../../src/core/run';

const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as {
  python: string;
  cases: Record<string, { stdout: string; stderr: string; exit: number }>;
};

const live = (() => {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /^Python 3\.11\./.test(r.stdout.trim());
})();

for (const [name, exp] of Object.entries(expected.cases)) {
  const src = () => readFileSync(join(here, 'cases', name), 'utf8');
  test(`enum_decimal ${name}`, () => {
    const r = runSource(src(), name, { audit: true });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.stderr, exp.stderr);
    assert.equal(r.exitCode, exp.exit);
  });
  test(`enum_decimal ${name} (audit)`, () => {
    const r = runSource(src(), name, { audit: true });
    assert.equal(r.auditError ?? null, null);
  });
  test(`enum_decimal ${name} (recording matches live python3 3.11)`, { skip: live ? false : 'python3 is not 3.11' }, () => {
    const r = spawnSync('python3', [name], { cwd: join(here, 'cases'), encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.stderr, exp.stderr);
    assert.equal(r.status, exp.exit);
  });
}
