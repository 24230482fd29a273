/**
 * libm_glibc.ts vs CPython 3.11 on glibc 2.36 (x86_64): the committed recording
 * (fixtures/libm_glibc.json, made by record_libm_glibc.py) and, when python3 is 3.11 on the same C
 * library, a live recording with a second seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as G from '../../../../src/core/runtime/primitives/libm_glibc';
import { toBits, mismatches, liveRecording } from './libm-table';

const here = dirname(fileURLToPath(import.meta.url));
const RECORDER = join(here, 'record_libm_glibc.py');
const LIBC = 'glibc 2.36 x86_64';

const FUNCS: Record<string, (x: number) => number> = {
  sinh: G.sinh, cosh: G.cosh, tanh: G.tanh, asinh: G.asinh, acosh: G.acosh, atanh: G.atanh,
  expm1: G.expm1, log1p: G.log1p, exp: G.exp, cbrt: G.cbrt, exp2: G.exp2,
};

// Arguments (of ~2000 per function) whose result differs from CPython's, measured on the
// committed recording (seed 2026) and on the live one (seed 20261205). V8's Math.* (`2 ** x` for
// exp2) differ on the committed recording for: sinh 64, cosh 103, tanh 18, asinh 17, acosh 18,
// atanh 2, expm1 1, log1p 1, exp 121, cbrt 995, exp2 181. asinh and acosh go through libm.ts's
// log, which rounds correctly where glibc's does not for ~1 in 20000 arguments (3 of 60000 with
// seed 99), so other seeds can show one or two there.
const MAX_BAD: Record<string, number> = {
  sinh: 0, cosh: 0, tanh: 0, asinh: 0, acosh: 0, atanh: 0, expm1: 0, log1p: 0, exp: 0, cbrt: 0, exp2: 0,
};

/** per function: the mismatches (count and the first few), at least ~2000 rows each */
function check(table: Record<string, [string, string][]>): ReturnType<typeof mismatches> {
  const res = mismatches(FUNCS, table);
  for (const [name, { rows }] of Object.entries(res)) assert.ok(rows > 1900, `${name}: ${rows} rows`);
  return res;
}

function assertCounts(res: ReturnType<typeof check>, what: string): void {
  for (const [name, { bad, first }] of Object.entries(res)) {
    assert.ok(bad <= MAX_BAD[name], `${what}: ${name} differs for ${bad} arguments\n${first.join('\n')}`);
  }
}

test('libm_glibc matches the committed CPython 3.11 recording', () => {
  const data = JSON.parse(readFileSync(join(here, 'fixtures', 'libm_glibc.json'), 'utf8'));
  assert.match(data.python, /^3\.11\./);
  assert.equal(data.libc, LIBC);
  assertCounts(check(data.table), 'committed recording');
});

test('libm_glibc matches a live CPython 3.11 recording with a second seed', (t) => {
  const seed = 20261205;
  const live = liveRecording(RECORDER, seed, LIBC);
  if (typeof live === 'string') {
    t.skip(live);
    return;
  }
  assertCounts(check(live.table), `seed ${seed}`);
});

/** a * b + c rounded once, through exact BigInt arithmetic (finite, normal, no overflow) */
function exactFma(a: number, b: number, c: number): number {
  const parts = (x: number): [bigint, number] => {
    // x = m * 2**e with an integer m
    const b = BigInt('0x' + toBits(x));
    const ex = Number((b >> 52n) & 0x7ffn);
    let m = b & ((1n << 52n) - 1n);
    if (ex) m |= 1n << 52n;
    return [x < 0 ? -m : m, (ex || 1) - 1075];
  };
  const [ma, ea] = parts(a);
  const [mb, eb] = parts(b);
  const [mc, ec] = parts(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const m = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (m === 0n) return a * b + c;
  // Number(bigint) rounds to nearest (ties to even); scaling by 2**e is then exact
  let y = Number(m);
  let k = e;
  while (k > 0) { const s = Math.min(k, 1000); y *= 2 ** s; k -= s; }
  while (k < 0) { const s = Math.min(-k, 1000); y /= 2 ** s; k += s; }
  return y;
}

test('fma rounds a * b + c once', () => {
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const num = (lo: number, hi: number) => (rnd() < 0.5 ? -1 : 1) * (1 + rnd()) * 2 ** Math.floor(lo + rnd() * (hi - lo));
  for (let i = 0; i < 20000; i++) {
    const a = num(-60, 60);
    const b = num(-60, 60);
    // c near -a*b half the time, so the sum cancels
    const c = i % 2 ? num(-120, 120) : -(a * b) * (1 + (rnd() - 0.5) * 2 ** -Math.floor(rnd() * 60));
    const want = exactFma(a, b, c);
    assert.equal(toBits(G.fma(a, b, c)), toBits(want), `fma(${a}, ${b}, ${c})`);
  }
  // ties and products that are exact
  assert.equal(G.fma(1 + 2 ** -52, 1 - 2 ** -53, -1), exactFma(1 + 2 ** -52, 1 - 2 ** -53, -1));
  assert.equal(G.fma(0.5, 3, 1), 2.5);
  assert.equal(G.fma(2 ** 27 + 1, 2 ** 27 - 1, -(2 ** 54)), -1);
});

// CPython 3.11's values on glibc 2.36 where it returns a float; where it raises OverflowError or
// ValueError, the C library's inf or NaN
test('libm_glibc special values', () => {
  const same = (x: number, y: number) => assert.equal(toBits(x), toBits(y), `${x} vs ${y}`);
  for (const f of Object.values(FUNCS)) assert.ok(Number.isNaN(f(NaN)));
  same(G.sinh(-0), -0); same(G.sinh(Infinity), Infinity); same(G.sinh(-Infinity), -Infinity);
  same(G.sinh(-1000), -Infinity); same(G.sinh(1e-300), 1e-300);
  same(G.cosh(0), 1); same(G.cosh(-Infinity), Infinity); same(G.cosh(711), Infinity);
  same(G.tanh(-0), -0); same(G.tanh(Infinity), 1); same(G.tanh(-30), -1);
  same(G.asinh(-0), -0); same(G.asinh(-Infinity), -Infinity);
  same(G.acosh(1), 0); same(G.acosh(Infinity), Infinity); assert.ok(Number.isNaN(G.acosh(0.5)));
  same(G.atanh(-0), -0); same(G.atanh(1), Infinity); same(G.atanh(-1), -Infinity); assert.ok(Number.isNaN(G.atanh(2)));
  same(G.expm1(-0), -0); same(G.expm1(-Infinity), -1); same(G.expm1(Infinity), Infinity); same(G.expm1(710), Infinity);
  same(G.log1p(-0), -0); same(G.log1p(-1), -Infinity); same(G.log1p(Infinity), Infinity); assert.ok(Number.isNaN(G.log1p(-2)));
  same(G.exp(0), 1); same(G.exp(-Infinity), 0); same(G.exp(710), Infinity); same(G.exp(-746), 0); same(G.exp(-745), 5e-324);
  same(G.cbrt(-0), -0); same(G.cbrt(-Infinity), -Infinity); same(G.cbrt(-8), -2); same(G.cbrt(5e-324), 1.7031839360032601e-108);
  same(G.exp2(0), 1); same(G.exp2(10), 1024); same(G.exp2(-1074), 5e-324); same(G.exp2(-1076), 0);
  same(G.exp2(1024), Infinity); same(G.exp2(-Infinity), 0); same(G.exp2(1023.5), 1.2711610061536464e308);
});

// glibc's hypot (abs() of a complex, cmath) is one unit off the exact value for ~0.6% of
// arguments: the first value below is one of them (its correctly rounded value ends ...921)
test('libm_glibc hypot: CPython\'s abs(complex) values and special values', () => {
  const same = (x: number, y: number) => assert.equal(toBits(x), toBits(y), `${x} vs ${y}`);
  same(G.hypot(0.21133544084631906, -0.32148308053882735), 0.38472592794149213);
  same(G.hypot(1e-310, 1e-310), 1.4142135623731e-310);
  same(G.hypot(3e-320, 4e-320), 5e-320);
  same(G.hypot(3, 4), 5);
  same(G.hypot(NaN, -Infinity), Infinity);
  same(G.hypot(1e308, 1e308), 1.4142135623730951e308);
  same(G.hypot(1.5e308, 1.5e308), Infinity);
  same(G.hypot(0, -0), 0);
  assert.ok(Number.isNaN(G.hypot(NaN, 1)));
});
