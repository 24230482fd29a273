// Shrink a failing generated program by deleting lines while it still fails with the same cause.
//   node --stack-size=3800 --import tsx test/core/robustness/minimize.ts SEED [SEED…]
// Prints each minimized program with its failure text.
import { generate } from './generator';
import { causeKey, runChecked } from './check';

export function minimize(source: string): { source: string; failure: string } | null {
  const first = runChecked(source).failure;
  if (!first) return null;
  const key = causeKey(first);
  const fails = (lines: string[]) => {
    const f = runChecked(lines.join('\n') + '\n').failure;
    return f !== null && causeKey(f) === key;
  };
  let lines = source.replace(/\n$/, '').split('\n');
  // delete chunks, halving the chunk size, until no single line can go
  for (let size = Math.max(1, lines.length >> 1); size >= 1; size = size >> 1) {
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i + size <= lines.length; ) {
        const cand = [...lines.slice(0, i), ...lines.slice(i + size)];
        if (cand.length && fails(cand)) {
          lines = cand;
          changed = true;
        } else i++;
      }
    }
  }
  const src = lines.join('\n') + '\n';
  return { source: src, failure: runChecked(src).failure! };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''));
if (isMain) {
  for (const a of process.argv.slice(2)) {
    const seed = Number(a);
    const m = minimize(generate(seed).source);
    if (!m) console.log(`# seed ${seed}: does not fail`);
    else console.log(`# seed ${seed}: ${m.failure}\n${m.source}`);
  }
}
