// psutil (src/core/modules/psutil.ts): lesson 24's memory examples (E2, E3, E8, E9) scaled to
// 1,000,000 ints, against the shapes CPython 3.11.7 shows (E2 at 1M: 9.09 -> 47.50 -> 10.17 MB):
// the growth after building the list is within 25% of CPython's, the memory returns to the
// baseline when the list dies, stays with `global`, stays after return when a cycle holds the
// lists, and is released by gc.collect(). The model itself is described in psutil.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSource } from '../../../src/core/run';

const N = 1_000_000;
/** CPython 3.11.7, E2 scaled to 1M ints: after-created minus initial, in MB */
const CPY_DELTA_1M = 47.5 - 9.09;

const helper = `import os
import gc
import psutil

def show_memory_info(hint):
    pid = os.getpid()
    p = psutil.Process(pid)

    info = p.memory_full_info()
    memory = info.uss / 1024. / 1024
    print('{} memory used: {} MB'.format(hint, memory))
`;

function run(body: string): number[] {
  const r = runSource(helper + body, 'lesson24.py');
  assert.equal(r.stderr, '');
  assert.equal(r.exitCode, 0);
  return [...r.stdout.matchAll(/memory used: ([0-9.]+) MB/g)].map((m) => Number(m[1]));
}

const near = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (±${tol})`);

test('E2: a local list is freed when the function returns', () => {
  const [initial, created, finished] = run(`
def func():
    show_memory_info('initial')
    a = [i for i in range(${N})]
    show_memory_info('after a created')

func()
show_memory_info('finished')
`);
  near(initial, 9.07, 0.1, 'baseline like a fresh CPython');
  near(created - initial, CPY_DELTA_1M, 0.25 * CPY_DELTA_1M, 'growth');
  near(finished, initial, 1, 'back to baseline');
});

test('E3: `global a` keeps the list alive', () => {
  const [initial, created, finished] = run(`
def func():
    show_memory_info('initial')
    global a
    a = [i for i in range(${N})]
    show_memory_info('after a created')

func()
show_memory_info('finished')
`);
  near(created - initial, CPY_DELTA_1M, 0.25 * CPY_DELTA_1M, 'growth');
  near(finished, created, 0.1, 'unchanged after return');
});

test('E4 (with range): returning the list keeps it alive', () => {
  const [initial, created, finished] = run(`
def func():
    show_memory_info('initial')
    a = [i for i in range(${N})]
    show_memory_info('after a created')
    return a

a = func()
show_memory_info('finished')
`);
  near(created - initial, CPY_DELTA_1M, 0.25 * CPY_DELTA_1M, 'growth');
  near(finished, created, 0.1, 'unchanged after return');
});

const cycle = `
def func():
    show_memory_info('initial')
    a = [i for i in range(${N})]
    b = [i for i in range(${N})]
    show_memory_info('after a, b created')
    a.append(b)
    b.append(a)

func()
`;

test('E8: a reference cycle keeps both lists after the function returns', () => {
  const [initial, created, finished] = run(cycle + `show_memory_info('finished')\n`);
  near(created - initial, 2 * CPY_DELTA_1M, 0.25 * 2 * CPY_DELTA_1M, 'growth (two lists)');
  near(finished, created, 0.1, 'kept by the cycle');
});

test('E9: gc.collect() frees the cycle', () => {
  const [initial, created, finished] = run(cycle + `gc.collect()\nshow_memory_info('finished')\n`);
  near(created - initial, 2 * CPY_DELTA_1M, 0.25 * 2 * CPY_DELTA_1M, 'growth (two lists)');
  near(finished, initial, 1, 'back to baseline after gc.collect()');
});

test('E7: del + gc.collect() at module level, then NameError', () => {
  const r = runSource(
    helper +
      `
show_memory_info('initial')
a = [i for i in range(${N})]
show_memory_info('after a created')
del a
gc.collect()
show_memory_info('finish')
print(a)
`,
    'lesson24.py',
  );
  const v = [...r.stdout.matchAll(/memory used: ([0-9.]+) MB/g)].map((m) => Number(m[1]));
  near(v[1] - v[0], CPY_DELTA_1M, 0.25 * CPY_DELTA_1M, 'growth');
  near(v[2], v[0], 1, 'released');
  assert.match(r.stderr, /NameError: name 'a' is not defined/);
  assert.equal(r.exitCode, 1);
});

test('psutil API: Process, pmem/pfullmem, name, NoSuchProcess, virtual_memory', () => {
  const r = runSource(
    `import os, psutil
p = psutil.Process()
print(p.pid, p.pid == os.getpid(), p.name(), p == psutil.Process(os.getpid()))
mi = p.memory_info()
print(type(mi).__name__, mi._fields)
fi = p.memory_full_info()
print(type(fi).__name__, fi._fields)
print(abs(fi.rss - mi.rss) < 65536, fi.uss < fi.pss < fi.rss < fi.vms, fi.uss % 4096, fi.swap)
try:
    psutil.Process(12345)
except psutil.NoSuchProcess as e:
    print(type(e).__name__, isinstance(e, psutil.Error), e.pid, e)
print(psutil.pid_exists(os.getpid()), psutil.pid_exists(1))
vm = psutil.virtual_memory()
print(type(vm).__name__, vm.total, 0 < vm.percent < 100, vm.available < vm.total)
`,
    'api.py',
    { audit: true },
  );
  assert.equal(r.stderr, '');
  assert.equal(r.auditError ?? null, null);
  assert.equal(
    r.stdout,
    `4242 True python3 True
pmem ('rss', 'vms', 'shared', 'text', 'lib', 'data', 'dirty')
pfullmem ('rss', 'vms', 'shared', 'text', 'lib', 'data', 'dirty', 'uss', 'pss', 'swap')
True True 0 0
NoSuchProcess True 12345 process PID not found (pid=12345)
True False
svmem 8589934592 True True
`,
  );
});

test('psutil: small objects are measured too (dict of strings, audit on)', () => {
  const r = runSource(
    `import psutil
p = psutil.Process()
u0 = p.memory_full_info().uss
d = {str(i) * 10: str(i) * 20 for i in range(20000)}
u1 = p.memory_full_info().uss
del d
u2 = p.memory_full_info().uss
print((u1 - u0) // 1024 > 1500, abs(u2 - u0) < 65536)
`,
    'small.py',
    { audit: true },
  );
  assert.equal(r.stderr, '');
  assert.equal(r.auditError ?? null, null);
  assert.equal(r.stdout, 'True True\n');
});
