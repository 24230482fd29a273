// The weakref module (src/core/runtime/objects/weakref.ts, src/core/modules/weakref.ts) against
// CPython 3.11 recordings (expected.json, made by record.mjs), with the refcount audit. When
// python3 is 3.11 the cases are also re-run live against it. Addresses (0x...) and the absolute
// path CPython puts in tracebacks of __main__ are normalized.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runSource } from '../../../src/core/run';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, 'cases');
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as {
  python: string;
  cases: Record<string, { stdout: string; stderr: string; exit: number }>;
};

/** differences that need changes outside the weakref files (see the owner's report) */
const pending: Record<string, string> = {};

const norm = (s: string) => s.replace(/0x[0-9a-f]+/g, '0xADDR').replace(/File "[^"]*\/cases\//g, 'File "');

const live = (() => {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /^Python 3\.11\./.test(r.stdout.trim());
})();

for (const [name, exp] of Object.entries(expected.cases)) {
  const src = () => readFileSync(join(casesDir, name), 'utf8');
  test(`weakref ${name}`, { todo: pending[name] ?? false }, () => {
    const r = runSource(src(), name, { audit: true });
    assert.equal(norm(r.stdout), norm(exp.stdout));
    assert.equal(norm(r.stderr), norm(exp.stderr));
    assert.equal(r.exitCode, exp.exit);
  });
  test(`weakref ${name} (audit)`, () => {
    const r = runSource(src(), name, { audit: true });
    assert.equal(r.auditError ?? null, null);
  });
  test(`weakref ${name} (recording matches live python3 3.11)`, { skip: live ? false : 'python3 is not 3.11' }, () => {
    const r = spawnSync('python3', [name], { cwd: casesDir, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
    assert.equal(norm(r.stdout), norm(exp.stdout));
    assert.equal(norm(r.stderr), norm(exp.stderr));
    assert.equal(r.status, exp.exit);
  });
}
