/**
 * libm_glibc_sin.ts vs CPython 3.11 on glibc 2.36 (x86_64): the committed recording
 * (fixtures/libm_glibc_sin.json, made by record_libm_glibc_sin.py) and, when python3 is 3.11 on
 * the same C library, a live recording with a second seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as G from '../../../../src/core/runtime/primitives/libm_glibc_sin';
import { toBits, mismatches, liveRecording } from './libm-table';

const here = dirname(fileURLToPath(import.meta.url));
const RECORDER = join(here, 'record_libm_glibc_sin.py');
const LIBC = 'glibc 2.36 x86_64';

// Of the 3000 arguments per function of the committed recording (seed 2026), libm.ts's correctly
// rounded sin and cos differ from CPython's for 3 and 4 (and for 187 and 246 of 200000 with seed
// 5); the port differs for none.
const FUNCS: Record<string, (x: number) => number> = { sin: G.sin, cos: G.cos };

function assertSame(table: Record<string, [string, string][]>, what: string): void {
  for (const [name, { bad, rows, first }] of Object.entries(mismatches(FUNCS, table))) {
    assert.ok(rows >= 3000, `${name}: ${rows} rows`);
    assert.equal(bad, 0, `${what}: ${name} differs for ${bad} arguments\n${first.join('\n')}`);
  }
}

test('libm_glibc_sin matches the committed CPython 3.11 recording', () => {
  const data = JSON.parse(readFileSync(join(here, 'fixtures', 'libm_glibc_sin.json'), 'utf8'));
  assert.match(data.python, /^3\.11\./);
  assert.equal(data.libc, LIBC);
  assertSame(data.table, 'committed recording');
});

test('libm_glibc_sin matches a live CPython 3.11 recording with a second seed', (t) => {
  const seed = 20261205;
  const live = liveRecording(RECORDER, seed, LIBC);
  if (typeof live === 'string') {
    t.skip(live);
    return;
  }
  assertSame(live.table, `seed ${seed}`);
});

// CPython 3.11's values on glibc 2.36 where it returns a float; where it raises ValueError (sin
// and cos of an infinity), the C library's NaN
test('libm_glibc_sin special values', () => {
  const same = (x: number, y: number) => assert.equal(toBits(x), toBits(y), `${x} vs ${y}`);
  for (const f of Object.values(FUNCS)) {
    assert.ok(Number.isNaN(f(NaN)));
    assert.ok(Number.isNaN(f(Infinity)));
    assert.ok(Number.isNaN(f(-Infinity)));
  }
  same(G.sin(0), 0); same(G.sin(-0), -0);
  same(G.cos(0), 1); same(G.cos(-0), 1);
  // subnormals and the smallest normal: sin(x) = x, cos(x) = 1
  same(G.sin(5e-324), 5e-324); same(G.sin(-5e-324), -5e-324);
  same(G.sin(2.2250738585072e-308), 2.2250738585072e-308); same(G.sin(-2.2250738585072014e-308), -2.2250738585072014e-308);
  same(G.cos(5e-324), 1); same(G.cos(-1e-310), 1);
  // the largest finite doubles (__branred)
  same(G.sin(1.7976931348623157e308), 0.004961954789184062); same(G.sin(-1.7976931348623157e308), -0.004961954789184062);
  same(G.cos(1.7976931348623157e308), -0.9999876894265599);
  // near multiples of pi/2, where the reduced argument is small
  same(G.sin(Math.PI), 1.2246467991473532e-16); same(G.cos(Math.PI / 2), 6.123233995736766e-17);
  same(G.sin(1e22), -0.8522008497671888); same(G.cos(1e22), 0.523214785395139);
  // arguments where glibc is one unit off the correctly rounded value (libm.ts's)
  same(G.sin(-0.16890195249905293), -0.16810002840192062); same(G.sin(89880.75922507702), -0.2051276480977836);
  same(G.cos(1.5707963267948968), -1.6081226496766364e-16); same(G.cos(95682596.9598545), -0.15041442991132586);
  same(G.cos(6.345243077251083e255), 0.6599368644734718);
});
