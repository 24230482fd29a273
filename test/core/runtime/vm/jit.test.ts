// The loop compiler (src/core/runtime/vm/jit.ts): hot loops run compiled, and a compiled loop is
// indistinguishable from the interpreted one (output, tracebacks, step budget, counts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSource, type RunOptions } from '../../../../src/core/run';
import { jitConfig } from '../../../../src/core/runtime/vm/jit';

function both(src: string, opts: RunOptions = {}): { interpreted: ReturnType<typeof runSource>; compiled: ReturnType<typeof runSource>; loops: number } {
  const interpreted = runSource(src, 'prog.py', { ...opts, jit: false });
  const before = jitConfig.compiled;
  jitConfig.lastError = null;
  const compiled = runSource(src, 'prog.py', { ...opts, jit: 1 });
  assert.equal(jitConfig.lastError, null);
  return { interpreted, compiled, loops: jitConfig.compiled - before };
}

const LOOP = `
def f(n):
    x = 1
    s = []
    for i in range(n):
        x = (x * 31 + i) % 1000003
        if x % 3 == 0:
            s.append(x)
    return x, len(s), sum(s)
print(f(2000))
`;

test('a hot loop is compiled and prints what the interpreter prints', () => {
  const r = both(LOOP);
  assert.ok(r.loops >= 1, 'no loop was compiled');
  assert.equal(r.compiled.stdout, r.interpreted.stdout);
  assert.equal(r.compiled.exitCode, 0);
});

test('the default thresholds compile a long loop, and jit: false compiles nothing', () => {
  let before = jitConfig.compiled;
  // (past jitConfig.minSteps instructions)
  const long = LOOP.replace('f(2000)', 'f(400000)');
  const r = runSource(long, 'prog.py');
  assert.equal(r.stdout, runSource(long, 'prog.py', { jit: false }).stdout);
  assert.ok(jitConfig.compiled > before, 'the default run compiled no loop');
  before = jitConfig.compiled;
  runSource(long, 'prog.py', { jit: false });
  runSource(LOOP, 'prog.py');
  assert.equal(jitConfig.compiled, before, 'a short run compiled a loop');
});

test('a while loop in a function called once is compiled although its code never warms up', () => {
  // compiler_while's test keeps the code unquickened (CPython 3.11: POP_JUMP_BACKWARD_IF_TRUE does
  // not warm up), and such loops were left to the interpreter however long they ran
  const src = `
def f(n):
    i = 0
    t = 0
    while i < n:
        if i % 3 == 0:
            t += i
        i += 1
    return t
print(f(600000))
`;
  const before = jitConfig.compiled;
  const r = runSource(src, 'prog.py');
  assert.ok(jitConfig.compiled > before, 'the while loop was not compiled');
  assert.equal(r.stdout, '59999700000\n');
  assert.equal(r.stdout, runSource(src, 'prog.py', { jit: false }).stdout);
});

test('an exception raised in a compiled loop has the interpreter traceback', () => {
  const src = `
def g(n):
    data = list(range(20))
    t = 0
    for i in range(n):
        t += data[i] * 2
    return t
print(g(15))
print(g(30))
`;
  const r = both(src);
  assert.ok(r.loops >= 1);
  assert.equal(r.compiled.stdout, r.interpreted.stdout);
  assert.equal(r.compiled.stderr, r.interpreted.stderr);
  assert.match(r.compiled.stderr, /line 6, in g\n {4}t \+= data\[i\] \* 2\n/);
  assert.equal(r.compiled.exitCode, 1);
});

test('the step budget stops an endless compiled loop', () => {
  const src = `
i = 0
def spin():
    n = 0
    while True:
        n += 1
spin()
`;
  const r = both(src, { stepLimit: 200_000 });
  assert.ok(r.loops >= 1);
  assert.equal(r.compiled.stderr, r.interpreted.stderr);
  assert.match(r.compiled.stderr, /a run longer than 200000 instructions/);
});

test('no compiled loop is entered while a line hook runs (the audit) unless asked', () => {
  const before = jitConfig.compiled;
  const r = runSource(LOOP, 'prog.py', { audit: true, jit: 1 });
  assert.equal(r.auditError ?? null, null);
  assert.equal(jitConfig.compiled, before);
  const r2 = runSource(LOOP, 'prog.py', { audit: true, jit: 1, jitUnderHooks: true });
  assert.equal(r2.auditError ?? null, null);
  assert.ok(jitConfig.compiled > before);
  assert.equal(r2.stdout, r.stdout);
});

test('a loop on one line runs compiled under a line hook: no line event can happen inside it', () => {
  // (jit.ts oneLineLoop) the comprehension is compiled under the audit's hook, the multi-line
  // loop of f is not; the audit checks the counts at every line event as before
  const src = `${LOOP}a = [i * 2 for i in range(3000)]\nk = 0\nwhile k < 500: k += 1\nprint(len(a), a[-1], k)\n`;
  const before = jitConfig.compiled;
  const r = runSource(src, 'prog.py', { audit: true, jit: 1 });
  assert.equal(r.auditError ?? null, null);
  assert.equal(jitConfig.compiled - before, 2);
  assert.equal(r.stdout, runSource(src, 'prog.py', { jit: false }).stdout);
  assert.match(r.stdout, /\n3000 5998 500\n$/);
});
