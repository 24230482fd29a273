// Differential tests: every fixture under fixtures/ must produce CPython 3.11.7's stdout, stderr and
// exit code (recorded in NAME.expected.json by record.mjs) when run by RefScope's interpreter with
// the refcount audit on. Fixtures listed in pending.json are registered as `todo` (they still run;
// a failure is reported as todo, a pass is reported so the entry can be removed with
// `node test/differential/update-pending.mjs`).
import { test, describe } from 'node:test';
import assert from 'node:assert';
import { existsSync } from 'node:fs';
import { expectedPath } from './record.mjs';
import { listFixtures, readExpected, readPending, runWithRefScope, PENDING_PATH } from './corpus';

const fixtures = listFixtures();
const pending = readPending();

describe('differential corpus bookkeeping', () => {
  test('the corpus is not empty', () => {
    assert.ok(fixtures.length >= 170, `only ${fixtures.length} fixtures found`);
  });

  test('pending.json names only existing fixtures, each with a written reason', () => {
    const unknown = Object.keys(pending).filter((f) => !fixtures.includes(f));
    assert.deepStrictEqual(unknown, [], `pending.json (${PENDING_PATH}) names fixtures that do not exist`);
    const noReason = Object.entries(pending)
      .filter(([, reason]) => typeof reason !== 'string' || reason.trim() === '')
      .map(([f]) => f);
    assert.deepStrictEqual(noReason, [], 'pending.json entries without a reason');
  });

  test('every fixture has a recording made with CPython 3.11', () => {
    const missing = fixtures.filter((f) => !existsSync(expectedPath(f)));
    assert.deepStrictEqual(missing, [], 'run `node test/differential/record.mjs` with python3.11');
    const wrongVersion = fixtures.filter((f) => !readExpected(f).python.startsWith('3.11.'));
    assert.deepStrictEqual(wrongVersion, []);
  });
});

describe('differential: RefScope vs CPython 3.11', () => {
  for (const fixture of fixtures) {
    const reason = pending[fixture];
    test(fixture, reason === undefined ? {} : { todo: reason }, () => {
      const want = readExpected(fixture);
      const got = runWithRefScope(fixture);
      assert.strictEqual(got.stdout, want.stdout, `${fixture}: stdout`);
      assert.strictEqual(got.stderr, want.stderr, `${fixture}: stderr`);
      assert.strictEqual(got.exitCode, want.exit, `${fixture}: exit code`);
      assert.strictEqual(got.auditError ?? null, null, `${fixture}: refcount audit`);
    });
  }
});
