// Builtin type methods: small programs run through the interpreter with the refcount audit on,
// compared with outputs recorded from CPython 3.11 (record.py -> expected.json). When python3 is
// 3.11, the recording is also re-checked live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runSource } from '../../../../src/core/run';

const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as {
  python: string;
  cases: Record<string, { stdout: string; stderr: string; exit: number }>;
};

for (const name of readdirSync(join(here, 'cases')).filter((f) => f.endsWith('.py')).sort()) {
  test(`methods: ${name}`, () => {
    const exp = expected.cases[name];
    assert.ok(exp, `no recording for ${name}: run record.py`);
    const src = readFileSync(join(here, 'cases', name), 'utf8');
    const r = runSource(src, name, { audit: true });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.stderr, exp.stderr);
    assert.equal(r.exitCode, exp.exit);
    assert.equal(r.auditError ?? null, null);
  });
}

test('methods: recording matches live CPython 3.11', (t) => {
  const v = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' });
  if (v.status !== 0 || v.stdout.trim() !== 'True') {
    t.skip('python3 is not 3.11');
    return;
  }
  const r = spawnSync('python3', [join(here, 'record.py'), '--stdout'], { encoding: 'utf8' });
  const live = JSON.parse(r.stdout);
  assert.deepEqual(live.cases, expected.cases);
});
