// The loop compiler (src/core/runtime/vm/jit.ts) against the recordings: every fixture runs with
// each loop compiled at its first back edge after quickening (`jit: 1`, where the CLI waits for 64)
// and entered under the refcount audit's line hook as well (`jitUnderHooks`: compiled and
// interpreted iterations alternate, and the audit checks the counts after each compiled one).
// stdout, stderr and exit code must equal CPython's, as in differential.test.ts.
import { test, describe } from 'node:test';
import assert from 'node:assert';
import { listFixtures, readExpected, readPending, fixtureSource, fixtureFilename, fixtureOptions } from './corpus';
import { runSource } from '../../src/core/run';
import { jitConfig } from '../../src/core/runtime/vm/jit';

const fixtures = listFixtures();
const pending = readPending();

describe('differential with compiled loops: RefScope vs CPython 3.11', () => {
  const compiledBefore = jitConfig.compiled;
  for (const fixture of fixtures) {
    const reason = pending[fixture];
    test(fixture, reason === undefined ? {} : { todo: reason }, () => {
      const want = readExpected(fixture);
      jitConfig.lastError = null;
      const got = runSource(fixtureSource(fixture), fixtureFilename(fixture), { ...fixtureOptions(fixture), audit: true, jit: 1, jitUnderHooks: true, stepLimit: 50_000_000 });
      assert.strictEqual(jitConfig.lastError, null, `${fixture}: a loop failed to compile`);
      assert.strictEqual(got.stdout, want.stdout, `${fixture}: stdout`);
      assert.strictEqual(got.stderr, want.stderr, `${fixture}: stderr`);
      assert.strictEqual(got.exitCode, want.exit, `${fixture}: exit code`);
      assert.strictEqual(got.auditError ?? null, null, `${fixture}: refcount audit`);
    });
  }
  test('the corpus exercises the compiler', () => {
    assert.ok(jitConfig.compiled - compiledBefore >= 50, `only ${jitConfig.compiled - compiledBefore} loops compiled`);
  });
});
