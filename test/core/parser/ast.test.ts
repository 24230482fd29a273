// Differential AST test: our dump of every cases/*.py must equal python3.11's recorded
// `ast.dump(ast.parse(src), include_attributes=True)` (cases/*.ast, made by record.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpAst, parse } from '../../../src/core/parser/index';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

for (const f of readdirSync(dir).filter((x) => x.endsWith('.py')).sort()) {
  test(`ast of cases/${f} matches python3.11`, () => {
    const src = readFileSync(join(dir, f), 'utf8');
    const expected = readFileSync(join(dir, f.slice(0, -3) + '.ast'), 'utf8').replace(/\n$/, '');
    const r = parse(src, f);
    assert.equal(r.error, null, r.error ? `unexpected error: ${r.error.msg} (line ${r.error.lineno})` : '');
    assert.equal(dumpAst(r.module!), expected);
  });
}
