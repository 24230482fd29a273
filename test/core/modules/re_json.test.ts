// re, json, io, time, copy, textwrap and fractions against CPython 3.11 recordings
// (re_json.expected.json, made by re_json_record.py), with the refcount audit on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSource } from '../../../src/core/run';

const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(readFileSync(join(here, 're_json.expected.json'), 'utf8')) as {
  cases: Record<string, { src: string; stdout: string; exit: number }>;
};

for (const [name, exp] of Object.entries(expected.cases)) {
  test(`re/json ${name}`, () => {
    const r = runSource(exp.src, name + '.py', { audit: true });
    assert.equal(r.stdout, exp.stdout);
    assert.equal(r.exitCode, exp.exit);
    assert.equal(r.auditError ?? null, null);
  });
}
