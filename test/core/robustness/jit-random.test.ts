// The loop compiler (src/core/runtime/vm/jit.ts) against the interpreter on the random programs:
// each program runs interpreted and with every loop compiled at its first back edge after
// quickening, the second also under the refcount audit; output, exit code and the audit must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from './generator';
import { runSource } from '../../../src/core/run';
import { jitConfig } from '../../../src/core/runtime/vm/jit';

const COUNT = 200;
/** addresses depend on what ran before in this process */
const hide = (s: string): string => s.replace(/ at 0x[0-9a-f]+>/g, ' at 0x...>');

test(`compiled loops behave as interpreted ones: random programs 1..${COUNT}`, () => {
  const differ: string[] = [];
  const before = jitConfig.compiled;
  for (let seed = 1; seed <= COUNT; seed++) {
    const { source } = generate(seed);
    const a = runSource(source, 'prog.py', { jit: false, stepLimit: 2_000_000 });
    jitConfig.lastError = null;
    const b = runSource(source, 'prog.py', { jit: 1, audit: true, jitUnderHooks: true, stepLimit: 2_000_000 });
    if (jitConfig.lastError !== null) differ.push(`seed ${seed}: compile failed: ${String(jitConfig.lastError)}`);
    else if (hide(a.stdout) !== hide(b.stdout) || hide(a.stderr) !== hide(b.stderr) || a.exitCode !== b.exitCode) differ.push(`seed ${seed}: output differs`);
    else if (b.auditError) differ.push(`seed ${seed}: ${b.auditError}`);
  }
  assert.deepEqual(differ, []);
  assert.ok(jitConfig.compiled > before, 'no loop of the random programs was compiled');
});
