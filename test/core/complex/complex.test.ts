// complex (Objects/complexobject.c) against CPython 3.11 recordings (expected.json, made by
// record.mjs), with the refcount audit on. Until the runtime calls installComplex() at start-up
// this test installs it itself; literals.py needs the compiler hook (constObject 'complex') and
// is skipped while `1j` is unsupported, float_pow_negative.py until float_methods.ts uses
// floatPowComplex.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSource } from '../../../src/core/run';
import { installComplex } from '../../../src/core/runtime/objects/complex';

installComplex();
const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as {
  cases: Record<string, { stdout: string; stderr: string; exit: number }>;
};
const literals = runSource('print(1j)\n', 'probe.py').stdout === '1j\n';
const floatPow = runSource('print((-1) ** 0.5)\n', 'probe.py').stdout === '(6.123233995736766e-17+1j)\n';

for (const [name, exp] of Object.entries(expected.cases)) {
  const skip =
    name === 'literals.py' && !literals ? 'complex literals need the interp.ts constObject hook'
    : name === 'float_pow_negative.py' && !floatPow ? 'needs float_methods.ts pw() to call floatPowComplex'
    : false;
  test(`complex ${name}`, { skip }, () => {
    const src = readFileSync(join(here, 'cases', name), 'utf8');
    const r = runSource(src, name, { audit: true });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.stderr, exp.stderr);
    assert.equal(r.exitCode, exp.exit);
    assert.equal(r.auditError ?? null, null);
  });
}
