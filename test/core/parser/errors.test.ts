// Syntax-error test: formatSyntaxError(parse(errors/X.py).error) must equal the stderr that
// `PYTHONHASHSEED=0 python3 X.py` printed (errors/X.stderr, recorded by record.mjs from errors/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSyntaxError, parse } from '../../../src/core/parser/index';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'errors');

for (const f of readdirSync(dir).filter((x) => x.endsWith('.py')).sort()) {
  test(`syntax error of errors/${f} prints as python3.11`, () => {
    const src = readFileSync(join(dir, f), 'utf8');
    const expected = readFileSync(join(dir, f.slice(0, -3) + '.stderr'), 'utf8');
    const r = parse(src, f);
    assert.equal(r.module, null, 'expected a syntax error');
    assert.ok(r.error);
    assert.equal(formatSyntaxError(r.error), expected);
  });
}
