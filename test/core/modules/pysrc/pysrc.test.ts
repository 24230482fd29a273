// abc, contextlib and dataclasses (modules written in Python: src/core/modules/pysrc/*.ts)
// against CPython 3.11 recordings (expected.json, made by record.mjs), with the refcount audit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSource } from '../../../../src/core/run';

const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as {
  cases: Record<string, { stdout: string; stderr: string; exit: number }>;
};

for (const [name, exp] of Object.entries(expected.cases)) {
  test(`pysrc ${name}`, () => {
    const src = readFileSync(join(here, 'cases', name), 'utf8');
    const r = runSource(src, name, { audit: true });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.stderr, exp.stderr);
    assert.equal(r.exitCode, exp.exit);
  });
  test(`pysrc ${name} (audit)`, () => {
    const src = readFileSync(join(here, 'cases', name), 'utf8');
    const r = runSource(src, name, { audit: true });
    assert.equal(r.auditError ?? null, null);
  });
}
