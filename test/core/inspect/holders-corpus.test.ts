// Over the whole differential corpus: at the end of each program and after each of its lines,
// every live object's holders add up to its reference count (the refcount audit's invariant seen
// through the editor's view), and the session's run prints what CPython 3.11 printed.
import { test, describe } from 'node:test';
import assert from 'node:assert';
import '../../../src/core/inspect/session';
import { heap } from '../../../src/core/runtime/object';
import { vmState } from '../../../src/core/runtime/vm/eval';
import { InspectSession, type StateView } from '../../../src/core/inspect/session';
import { heapIndex, holdersOf, isSharedObject, describeRef } from '../../../src/core/inspect/holders';
import { listFixtures, readExpected, readPending, fixtureSource, fixtureFilename, fixtureOptions } from '../../differential/corpus';

const fixtures = listFixtures();
const pending = readPending();

/** Objects whose holders do not add up (at most a few, described). */
function mismatches(view: StateView): string[] {
  const ix = heapIndex(view.interp);
  const bad: string[] = [];
  const nativeRunning = vmState.native > 0 || heap.deallocDepth > 0;
  for (const o of heap.live ?? []) {
    if (isSharedObject(o) || o.rc <= 0) continue;
    const refs = ix.referrers.get(o) ?? [];
    for (const r of refs) describeRef(ix, r); // every reference gets a name
    if (refs.length !== o.rc && !(nativeRunning && refs.length < o.rc)) {
      bad.push(`${o.type.name} rc=${o.rc} held=${refs.length}`);
      if (bad.length > 3) break;
    }
  }
  return bad;
}

describe('holders add up over the differential corpus', () => {
  assert.ok(fixtures.length > 100);
  for (const fixture of fixtures) {
    test(fixture, pending[fixture] ? { todo: pending[fixture] } : {}, () => {
      const src = fixtureSource(fixture);
      const s = new InspectSession(src, fixtureFilename(fixture), { ...fixtureOptions(fixture), stepLimit: 50_000_000 });
      const sum = s.run();
      const want = readExpected(fixture);
      assert.strictEqual(sum.stdout, want.stdout, 'the session prints what CPython printed');
      assert.strictEqual(sum.exitCode, want.exit);
      s.final((v) => {
        assert.deepStrictEqual(mismatches(v), [], 'final state');
        // holdersOf agrees with the index for a global of the program
        for (const o of heap.live ?? []) {
          if (isSharedObject(o)) continue;
          const hs = holdersOf(v.interp, o);
          assert.strictEqual(hs.reduce((a, h) => a + h.count, 0), o.rc);
          assert.ok(!hs.some((h) => h.template?.startsWith('native code')), 'no unexplained references at the end');
          break;
        }
      });
      // after every line (one replay visits them all)
      const n = src.split('\n').length;
      const lines = Array.from({ length: n }, (_, i) => i + 1);
      const seen = s.atMany(lines, (line, v) => {
        assert.deepStrictEqual(mismatches(v), [], `after line ${line}`);
        return v.ran;
      });
      assert.strictEqual(seen.size, n);
      s.dispose();
    });
  }
});
