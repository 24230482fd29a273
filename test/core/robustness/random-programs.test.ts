// Robustness: 1,000 generated Python programs (seeds 1..1000, see generator.ts) never crash
// RefScope: runSource does not throw, stderr shows no internal error, JS stack frame or
// RangeError, and the refcount audit finds nothing. Seeds listed in known-failures.json are
// registered as todo with their cause (reproducers: `minimize.ts SEED`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generator';
import { runChecked } from './check';

const here = dirname(fileURLToPath(import.meta.url));
const known = JSON.parse(readFileSync(join(here, 'known-failures.json'), 'utf8')) as { seeds: Record<string, string> };

export const SEEDS = 1000;

for (let seed = 1; seed <= SEEDS; seed++) {
  const cause = known.seeds[String(seed)];
  test(`random program seed ${seed}`, cause ? { todo: cause } : {}, () => {
    const { source, mutation } = generate(seed);
    const { failure } = runChecked(source);
    if (failure) {
      const numbered = source
        .split('\n')
        .map((l, i) => `${String(i + 1).padStart(3)}| ${l}`)
        .join('\n');
      assert.fail(
        `seed ${seed}: ${failure}\n` +
          `reproduce: node --stack-size=3800 --import tsx test/core/robustness/minimize.ts ${seed}\n` +
          (mutation ? `(syntax mutation: ${mutation})\n` : '') +
          `--- prog.py ---\n${numbered}`,
      );
    }
  });
}
