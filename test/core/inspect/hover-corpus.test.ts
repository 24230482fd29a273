// Robustness: every hover of every differential corpus program (all names, attributes and
// subscripts of every line) renders, and each breakdown adds up to the count it announces.
import { test, describe } from 'node:test';
import assert from 'node:assert';
import { InspectSession } from '../../../src/core/inspect/session';
import { prefetchHovers, hoverAt } from '../../../src/core/inspect/hover';
import { makeTranslator } from '../../../src/core/inspect/translate';
import { listFixtures, fixtureSource, fixtureFilename, fixtureOptions } from '../../differential/corpus';

const t = makeTranslator(null);
let checked = 0;

describe('every hover of the corpus', () => {
  for (const fixture of listFixtures()) {
    test(fixture, () => {
      const src = fixtureSource(fixture);
      const s = new InspectSession(src, fixtureFilename(fixture), { ...fixtureOptions(fixture), stepLimit: 50_000_000 });
      s.run();
      prefetchHovers(s, t, { commandLinks: true });
      src.split('\n').forEach((text, i) => {
        for (const m of text.matchAll(/[A-Za-z_]\w*/g)) {
          const r = hoverAt(s, i + 1, m.index! + 1, t, { commandLinks: true });
          if (!r) continue;
          const want = /would print \*\*(\d+)\*\*/.exec(r.markdown);
          if (!want) continue; // shared objects and names without a value
          const held = r.markdown
            .split('\n')
            .filter((l) => l.startsWith('- '))
            .reduce((a, l) => a + (/ × (\d+)$/.exec(l) ? Number(/ × (\d+)$/.exec(l)![1]) : 1), 0);
          assert.strictEqual(held, Number(want[1]), `${fixture}:${i + 1}:${m.index! + 1}\n${r.markdown}`);
          checked++;
        }
      });
      s.dispose();
    });
  }
});

test('the corpus gave many hovers with counts', () => {
  assert.ok(checked > 2000, `${checked} hovers checked`);
});
