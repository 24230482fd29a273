// Stdlib modules against CPython 3.11 recordings (expected.json, made by cases.py.json.mjs),
// with the refcount audit on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSource } from '../../../src/core/run';

const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as {
  cases: Record<string, { stdout: string; stderr: string; exit: number }>;
};

for (const [name, exp] of Object.entries(expected.cases)) {
  test(`stdlib ${name}`, () => {
    const src = readFileSync(join(here, 'cases', name), 'utf8');
    const r = runSource(src, name, { audit: true });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.exitCode, exp.exit);
    assert.equal(r.auditError ?? null, null);
  });
}
