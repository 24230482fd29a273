// The loop compiler (src/core/runtime/vm/jit.ts): hot loops run compiled, and a compiled loop is
// indistinguishable from the interpreted one (output, tracebacks, step budget, counts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

const METHODS = `
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return V(self.x + o.x, self.y + o.y)
    def norm1(self):
        t = 0
        for c in (self.x, self.y):
            t += c if c >= 0 else -c
        return t
def gen(n):
    for i in range(n):
        yield V(i, -i)
def walk(n):
    v = V(0, 0)
    s = 0
    for w in gen(n):
        v = v.add(w)
        s += v.norm1()
    return v.x, v.y, s
print(walk(300))
`;

function bodies(src: string, opts: RunOptions = {}): { r: ReturnType<typeof both>; bodies: number } {
  const before = jitConfig.bodies;
  const r = both(src, opts);
  return { r, bodies: jitConfig.bodies - before };
}

test("a hot function's body is compiled (its loops inside it) and prints what the interpreter prints", () => {
  const { r, bodies: n } = bodies(METHODS);
  // __init__, add, norm1, walk (a generator's body is not compiled: it is resumed in the middle)
  assert.equal(n, 4);
  assert.equal(r.compiled.stdout, r.interpreted.stdout);
  assert.equal(r.compiled.stdout, '(44850, -44850, 8999900)\n');
  const audited = runSource(METHODS, 'prog.py', { audit: true, jit: 1, jitUnderHooks: true });
  assert.equal(audited.auditError ?? null, null);
  assert.equal(audited.stdout, r.interpreted.stdout);
});

test('an exception raised in a compiled body has the interpreter traceback, and a handler in it runs', () => {
  const src = `
def pick(d, k):
    v = d[k]
    return v * 2
def safe(d, k):
    try:
        return pick(d, k)
    except KeyError as e:
        return 'missing ' + str(e)
d = {i: i for i in range(10)}
print([safe(d, k) for k in range(12)])
print(pick(d, 3), pick(d, 'nope'))
`;
  const { r, bodies: n } = bodies(src);
  assert.ok(n >= 2, `${n} bodies compiled`);
  assert.equal(r.compiled.stdout, r.interpreted.stdout);
  assert.equal(r.compiled.stderr, r.interpreted.stderr);
  assert.match(r.compiled.stdout, /'missing 10', 'missing 11'\]/);
  assert.match(r.compiled.stderr, /line 3, in pick\n {4}v = d\[k\]\n/);
  assert.equal(r.compiled.exitCode, 1);
});

test('the default thresholds compile the body of a function called often in a long run only', () => {
  const src = (n: number) => `
def inc(c):
    return c + 1
c = 0
for i in range(${n}):
    c = inc(c)
print(c)
`;
  let before = jitConfig.bodies;
  runSource(src(1000), 'prog.py');
  assert.equal(jitConfig.bodies, before, 'a short run compiled a body');
  const r = runSource(src(600_000), 'prog.py');
  assert.equal(r.stdout, '600000\n');
  assert.equal(jitConfig.bodies, before + 1);
  before = jitConfig.bodies;
  runSource(src(600_000), 'prog.py', { jit: false });
  assert.equal(jitConfig.bodies, before);
});

// The deferred stack (jit.ts Deferred): values pushed by LOAD_FAST / LOAD_CONST and the results of
// translated operations stay out of f.stack until something can look at the frame. Each fixture
// looks at it from a slow path: a dunder or property of an operand, a finalizer run by a store, an
// error raised with deferred values below (jit_method_calls: the CALL fast paths at the call site,
// list.append and builtin methods, beside what still goes through callOther; jit_mul_add_mod: an
// LCG step computed at once, and its one-by-one path for other operands; jit_generator_yield: a
// generator that yields from its compiled loop). The compiled run must print the counts, referrers and
// tracebacks the interpreter prints (the recordings hold CPython's), and the audit must agree.
const DEFERRED = ['deferred_dunder_sees_stack', 'deferred_property_and_slot', 'deferred_store_finalizer', 'deferred_errors', 'deferred_bigint_truth', 'jit_method_calls', 'jit_mul_add_mod', 'jit_generator_yield'];

for (const name of DEFERRED) {
  test(`deferred stack: refcount/${name}.py`, () => {
    const src = readFileSync(new URL(`../../../differential/fixtures/refcount/${name}.py`, import.meta.url), 'utf8');
    const r = both(src);
    assert.ok(r.loops >= 1, 'no loop was compiled');
    assert.equal(r.compiled.stdout, r.interpreted.stdout);
    assert.equal(r.compiled.stderr, r.interpreted.stderr);
    assert.equal(r.compiled.exitCode, r.interpreted.exitCode);
    const audited = runSource(src, 'prog.py', { audit: true, jit: 1, jitUnderHooks: true });
    assert.equal(audited.auditError ?? null, null);
    assert.equal(audited.stdout, r.interpreted.stdout);
  });
}

test('onFirstCompile runs once, just before the first loop is compiled, and is then cleared', () => {
  let calls = 0;
  let compiledAtCall = -1;
  const before = jitConfig.compiled;
  jitConfig.onFirstCompile = () => {
    calls++;
    compiledAtCall = jitConfig.compiled;
  };
  try {
    runSource(LOOP + 'print(f(10))\n', 'prog.py', { jit: 1 });
    assert.equal(calls, 1);
    assert.equal(compiledAtCall, before);
    assert.ok(jitConfig.compiled > before);
    assert.equal(jitConfig.onFirstCompile, null);
    // nothing compiled: never called
    let called = false;
    jitConfig.onFirstCompile = () => void (called = true);
    runSource('print(1)\n', 'prog.py', { jit: 1 });
    assert.equal(called, false);
  } finally {
    jitConfig.onFirstCompile = null;
  }
});
