// runSource: version profiles, unsupported constructs, budgets.
import { test } from 'node:test';
import assert from 'node:assert';
import { runSource } from '../../src/core/run';
import { setProfile, PROFILE_311 } from '../../src/core/runtime/profile';

const E5 = `import sys
a = []
print(sys.getrefcount(a))
def func(a):
    print(sys.getrefcount(a))
func(a)
print(sys.getrefcount(a))
`;

test('lesson E5 prints CPython 3.11 counts (2 3 2) with the audit on', () => {
  const r = runSource(E5, 'e5.py', { audit: true });
  assert.strictEqual(r.stdout, '2\n3\n2\n');
  assert.strictEqual(r.auditError, null);
});

test('a profile where CALL does not move arguments gives 3.10 counts (2 4 2)', () => {
  setProfile({ ...PROFILE_311, version: '3.10', callMovesArguments: false });
  try {
    const r = runSource(E5, 'e5.py', { audit: true });
    assert.strictEqual(r.stdout, '2\n4\n2\n');
    assert.strictEqual(r.auditError, null);
  } finally {
    setProfile(PROFILE_311);
  }
});

test('an unsupported construct names itself and its line, with no JS stack trace', () => {
  const r = runSource('x = 1\nasync def f():\n    pass\n', 'u.py');
  assert.strictEqual(r.exitCode, 1);
  assert.strictEqual(r.stdout, '');
  assert.match(r.stderr, /^RefScope: async def \(line 2\) is not supported by RefScope yet\n$/);
});

test('an endless loop stops at the step budget with a clear message', () => {
  const r = runSource('while True:\n    pass\n', 'loop.py', { stepLimit: 100_000 });
  assert.strictEqual(r.exitCode, 1);
  assert.match(r.stderr, /RefScope: a run longer than 100000 instructions is not supported yet/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('a syntax error is reported as CPython prints it', () => {
  const r = runSource('if x\n    pass\n', 's.py');
  assert.strictEqual(r.exitCode, 1);
  assert.strictEqual(r.stderr, '  File "s.py", line 1\n    if x\n        ^\nSyntaxError: expected \':\'\n');
});

test('a standard library module RefScope lacks is reported as not supported; a module that does not exist is a ModuleNotFoundError', () => {
  const lacking = runSource('import tracemalloc\n', 'm.py');
  assert.strictEqual(lacking.stderr, "RefScope: the standard library module 'tracemalloc' is not supported yet\n");
  assert.strictEqual(lacking.exitCode, 1);
  const missing = runSource('try:\n    import no_such_module_xyz\nexcept ModuleNotFoundError as e:\n    print(e)\ntry:\n    import winreg\nexcept ModuleNotFoundError as e:\n    print(e)\n', 'm.py');
  assert.strictEqual(missing.stdout, "No module named 'no_such_module_xyz'\nNo module named 'winreg'\n");
});

test('a standard library function a RefScope module lacks is reported as not supported; other missing attributes stay AttributeErrors', () => {
  const lacking = runSource('import os\nprint("start")\nos.chmod("d", 0o755)\n', 'm.py');
  assert.strictEqual(lacking.stdout, 'start\n');
  assert.strictEqual(lacking.stderr, 'RefScope: os.chmod is not supported yet\n');
  assert.strictEqual(lacking.exitCode, 1);
  const path = runSource('import os\nos.path.ismount("x")\n', 'm.py');
  assert.strictEqual(path.stderr, 'RefScope: os.path.ismount is not supported yet\n');
  const other = runSource('import os\nprint(hasattr(os, "chmod"), getattr(os, "chown", None))\ntry:\n    os.no_such_function\nexcept AttributeError as e:\n    print(e)\n', 'm.py');
  assert.strictEqual(other.stdout, "False None\nmodule 'os' has no attribute 'no_such_function'\n");
  const fromImport = runSource('from os.path import join, ismount\n', 'm.py');
  assert.strictEqual(fromImport.stderr, 'RefScope: os.path.ismount is not supported yet\n');
  const fromMissing = runSource('try:\n    from os import no_such_function\nexcept ImportError as e:\n    print(e.name)\n', 'm.py');
  assert.strictEqual(fromMissing.stdout, 'os\n');
});

test('threads: starting one, a lock that would wait forever, and logging.handlers/config are reported as not supported', () => {
  const start = runSource('import threading\nprint("a")\nthreading.Thread(target=print).start()\n', 't.py');
  assert.strictEqual(start.stdout, 'a\n');
  assert.strictEqual(start.stderr, "RefScope: starting a thread (_thread.start_new_thread(); RefScope runs only the main thread) is not supported yet\n");
  const dead = runSource('import threading\nl = threading.Lock()\nl.acquire()\nprint(l.acquire(timeout=0.5))\nl.acquire()\n', 't.py');
  assert.strictEqual(dead.stdout, 'False\n');
  assert.match(dead.stderr, /^RefScope: waiting for a lock the program already holds \(lock\.acquire\(\) with no timeout/);
  const rdead = runSource('import threading\nc = threading.Condition()\nwith c:\n    c.wait()\n', 't.py');
  assert.match(rdead.stderr, /^RefScope: waiting for a lock the program already holds/);
  const local = runSource('import threading\nthreading.local()\n', 't.py');
  assert.strictEqual(local.stderr, 'RefScope: threading.local is not supported yet\n');
  for (const src of ['import logging.handlers\n', 'from logging import handlers\n', 'import logging.config\n']) {
    const r = runSource(src, 'l.py');
    assert.match(r.stderr, /^RefScope: the standard library module 'logging\.(handlers|config)' is not supported yet\n$/);
  }
  const attr = runSource('import logging\ntry:\n    logging.config\nexcept AttributeError as e:\n    print(e)\n', 'l.py');
  assert.strictEqual(attr.stdout, "module 'logging' has no attribute 'config'\n");
});

test('queue: a wait only another thread could end is reported as not supported; a timed one raises Empty/Full after its timeout', () => {
  const cases: [string, string][] = [
    ['q = queue.Queue()\nq.get()\n', 'Queue.get() on an empty queue with no timeout'],
    ['q = queue.LifoQueue(maxsize=1)\nq.put(1)\nq.put(2)\n', 'LifoQueue.put() on a full queue with no timeout'],
    ['q = queue.PriorityQueue()\nq.put(1)\nq.join()\n', 'PriorityQueue.join() with tasks not marked done'],
    ['q = queue.SimpleQueue()\nq.get(block=True)\n', 'SimpleQueue.get() on an empty queue with no timeout'],
  ];
  for (const [src, what] of cases) {
    const r = runSource(`import queue\nprint("a")\n${src}`, 'q.py');
    assert.strictEqual(r.stdout, 'a\n');
    assert.ok(r.stderr.startsWith(`RefScope: ${what} (no other thread runs`), r.stderr);
    assert.ok(r.stderr.endsWith('so CPython would wait forever) is not supported yet\n'), r.stderr);
    assert.strictEqual(r.exitCode, 1);
  }
  const timed = runSource(
    'import queue, time\nt = time.monotonic()\ntry:\n    queue.Queue().get(timeout=30)\nexcept queue.Empty:\n    print(time.monotonic() - t >= 30)\n' +
      'q = queue.Queue(1)\nq.put(0)\ntry:\n    q.put(1, timeout=2.5)\nexcept queue.Full:\n    print(time.monotonic() - t >= 32.5)\n',
    'q.py',
  );
  assert.strictEqual(timed.stderr, '');
  assert.strictEqual(timed.stdout, 'True\nTrue\n');
});

test('help(obj) is reported as not supported (pydoc), not a NameError', () => {
  const r = runSource('print(help)\nhelp(len)\n', 'h.py');
  assert.strictEqual(r.stdout, 'Type help() for interactive help, or help(object) for help about object.\n');
  assert.strictEqual(r.stderr, 'RefScope: help() (pydoc) is not supported yet\n');
});

test("a builtin CPython 3.11 has and RefScope lacks is reported as not supported, not as a NameError", () => {
  const r = runSource('print("a")\nv = aiter([])\n', 'm.py');
  assert.strictEqual(r.stdout, 'a\n');
  assert.strictEqual(r.stderr, "RefScope: the builtin 'aiter' is not supported yet\n");
  const u = runSource('try:\n    raise UnicodeTranslateError("x", 0, 1, "r")\nexcept Exception as e:\n    print(e)\n', 'm.py');
  assert.strictEqual(u.stderr, "RefScope: the builtin 'UnicodeTranslateError' is not supported yet\n");
  // (exception groups are there now)
  const g = runSource('try:\n    raise ExceptionGroup("g", [ValueError(1)])\nexcept Exception as e:\n    print(e)\n', 'm.py');
  assert.strictEqual(g.stdout, 'g (1 sub-exception)\n');
  const other = runSource('try:\n    no_such_name_here\nexcept NameError as e:\n    print(e)\n', 'm.py');
  assert.strictEqual(other.stdout, "name 'no_such_name_here' is not defined\n");
});

test('the writes to stdout and stderr in the order the program made them (RunResult.order)', () => {
  // a warning and gc.set_debug's report between prints: what a terminal shows in that order
  const src = "import sys, gc, warnings\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')\nwarnings.warn('w')\ngc.set_debug(gc.DEBUG_STATS)\ngc.collect()\ngc.set_debug(0)\nprint('d')\n1 / 0\n";
  const r = runSource(src, 'order.py');
  assert.strictEqual(r.stdout, 'a\nc\nd\n');
  const order = r.order!;
  assert.deepStrictEqual(order.map(([fd]) => fd), [1, 2, 1, 2, 1, 2]);
  assert.deepStrictEqual(order.filter(([fd]) => fd === 1).map(([, t]) => t), ['a\n', 'c\n', 'd\n']);
  assert.strictEqual(order[1][1], 'b\n');
  assert.match(order[3][1], /^order\.py:5: UserWarning: w\n[^]*gc: collecting generation 2/);
  assert.match(order[5][1], /^Traceback \(most recent call last\):/);
  assert.strictEqual(order.filter(([fd]) => fd === 2).map(([, t]) => t).join(''), r.stderr);
  // all of stdout and then all of stderr: no order needed
  assert.strictEqual(runSource("print('x')\n1 / 0\n", 'o.py').order, undefined);
});
