/**
 * numeric.ts mulAddMod, the exact `(x * y + c) % m` that compiled code uses for an LCG step
 * (jit.ts mulAddModFused): against BigInt on random operands of every size up to its limits, on
 * the limits themselves, and on the signs (Python's floored modulo, never -0).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { mulAddMod, MUL_ADD_MOD_MAX } from '../../../src/core/runtime/numeric';

function exact(x: number, y: number, c: number, m: number): number {
  let r = (BigInt(x) * BigInt(y) + BigInt(c)) % BigInt(m);
  if (r !== 0n && r < 0n !== m < 0) r += BigInt(m);
  return Number(r);
}

test('mulAddMod: equals the BigInt computation on random safe operands', () => {
  let seed = 0x9e3779b97f4a7c15n;
  const next = (): bigint => (seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn);
  const pick = (bits: number): number => {
    const v = Number(next() >> BigInt(64 - bits));
    return next() & 1n ? -v : v;
  };
  for (let i = 0; i < 100_000; i++) {
    const x = pick(1 + Number(next() % 53n));
    const y = pick(1 + Number(next() % 53n));
    const c = pick(1 + Number(next() % 53n));
    const m = pick(1 + Number(next() % 51n)) || 7;
    const got = mulAddMod(x, y, c, m);
    assert.ok(Object.is(got, exact(x, y, c, m)), `(${x} * ${y} + ${c}) % ${m}: ${got}, want ${exact(x, y, c, m)}`);
  }
});

test('mulAddMod: the limits, the signs, no -0', () => {
  const S = Number.MAX_SAFE_INTEGER;
  const cases: [number, number, number, number][] = [
    [S, S, S, MUL_ADD_MOD_MAX],
    [-S, S, -S, MUL_ADD_MOD_MAX],
    [S, -S, S, -MUL_ADD_MOD_MAX],
    [S, S, -S, -MUL_ADD_MOD_MAX + 1],
    [20240601, 1103515245, 12345, 2147483648],
    [2147483647, 1103515245, 12345, 2147483648],
    [-3, 5, 0, 15],
    [-3, 5, 0, -15],
    [0, 0, 0, 7],
    [0, 5, -7, 7],
    [3, 5, 1, 1],
    [-1, 1, 0, -1],
    [123456789, 987654321, -1, 1],
  ];
  for (const [x, y, c, m] of cases) {
    const got = mulAddMod(x, y, c, m);
    assert.ok(Object.is(got, exact(x, y, c, m)), `(${x} * ${y} + ${c}) % ${m}: ${got}`);
  }
});
