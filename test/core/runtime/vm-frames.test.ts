// Calls, reused frames and LOAD_GLOBAL's caches (vm/eval.ts, vm/call.ts, vm/frame.ts) against
// CPython 3.11's recorded output: recursion, defaults and keyword calls, argument errors,
// tracebacks and sys._getframe() through frames that were reused, generators, closures,
// getrefcount of arguments; globals and builtins rebound, shadowed, deleted and changed through
// globals() and the builtins module. Each case runs with the refcount audit on and off (frames
// are reused in both modes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSource } from '../../../src/core/run';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'vm-cases');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
  cases: Record<string, { stdout: string; stderr: string; exit: number }>;
};
const names = Object.keys(expected.cases);
assert.ok(names.length >= 2, 'vm-cases: recorded cases missing');
for (const name of names) {
  const exp = expected.cases[name];
  for (const audit of [true, false]) {
    test(`vm ${name} (audit ${audit ? 'on' : 'off'})`, () => {
      const r = runSource(readFileSync(join(dir, name), 'utf8'), name, { audit });
      assert.equal(r.stdout, exp.stdout);
      // python3 names the script by its absolute path in tracebacks
      assert.equal(r.stderr, exp.stderr.replace(/File "[^"]*\/([^"/]+\.py)"/g, 'File "$1"'));
      assert.equal(r.exitCode, exp.exit);
      assert.equal(r.auditError ?? null, null);
    });
  }
}
