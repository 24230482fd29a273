// Benchmark (not a test): hovering a generated 2,000-line program.
//   node --stack-size=3800 --import tsx test/core/inspect/hover.bench.ts
// Prints the run time, single hovers at several depths (each one replay), a cached hover, and
// prefetchHovers over the whole file (one replay for every expression of every line).
import { InspectSession } from '../../../src/core/inspect/session';
import { hoverAt, prefetchHovers } from '../../../src/core/inspect/hover';
import { makeTranslator } from '../../../src/core/inspect/translate';

const lines = ['import sys', 'data = []'];
for (let i = 0; i < 400; i++) {
  lines.push(`def f${i}(x):`, `    y = [x, ${i}]`, '    return y', `v${i} = f${i}(data)`, `data.append(v${i})`);
}
const src = lines.join('\n') + '\n';
const t = makeTranslator(null);
const ms = (t0: number) => `${(performance.now() - t0).toFixed(1)} ms`;

let t0 = performance.now();
const s = new InspectSession(src, 'big.py');
const r = s.run();
console.log(`${lines.length} lines: run ${ms(t0)} (${r.liveObjects} live objects)`);
for (const line of [7, 502, 1002, 1502, 2002]) {
  t0 = performance.now();
  const h = hoverAt(s, line, 1, t);
  console.log(`hover line ${line} (${h?.expr}): ${ms(t0)}`);
}
t0 = performance.now();
hoverAt(s, 2002, 1, t);
console.log(`same hover again (cached): ${ms(t0)}`);
const s2 = new InspectSession(src, 'big.py');
s2.run();
t0 = performance.now();
const n = prefetchHovers(s2, t);
console.log(`prefetchHovers: ${n} hovers in ${ms(t0)}`);
