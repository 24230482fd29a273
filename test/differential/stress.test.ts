// The refcount audit under gc stress: every fixture runs with a collection at (almost) every gc
// allocation. Output may legitimately differ from CPython (collections run at other moments), so
// only the invariants are checked: no internal error, and every count equals the references held.
import { test } from 'node:test';
import assert from 'node:assert';
import { listFixtures, fixtureSource, fixtureFilename, fixtureOptions } from './corpus';
import { runSource } from '../../src/core/run';

for (const fixture of listFixtures()) {
  test(`gc stress + audit: ${fixture}`, () => {
    const r = runSource(fixtureSource(fixture), fixtureFilename(fixture), { ...fixtureOptions(fixture), audit: true, gcStress: true, stepLimit: 20_000_000 });
    assert.doesNotMatch(r.stderr, /internal error|RangeError|ran out of stack/, `${fixture}: ${r.stderr.slice(0, 500)}`);
    assert.strictEqual(r.auditError ?? null, null, `${fixture}: refcount audit under gc stress`);
  });
}
