// InspectSession: the run the user sees, the state after any line (replays are deterministic and
// silent), and the program errors the editor turns into diagnostics.
import { test, describe } from 'node:test';
import assert from 'node:assert';
import { InspectSession, DEFAULT_STEP_LIMIT, importedModules } from '../../../src/core/inspect/session';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { holdersOf } from '../../../src/core/inspect/holders';
import { PyInt } from '../../../src/core/runtime/objects/int';
import { PyStr } from '../../../src/core/runtime/objects/str';
import { addressOf } from '../../../src/core/runtime/object';
import { jitConfig } from '../../../src/core/runtime/vm/jit';
import { hoverAt } from '../../../src/core/inspect/hover';
import { makeTranslator } from '../../../src/core/inspect/translate';

describe('run summary', () => {
  test('output, exit code, counts', () => {
    const s = new InspectSession('import gc\na = [1]\nprint(a)\ngc.collect()\n', 'm.py');
    const r = s.run();
    assert.strictEqual(r.stdout, '[1]\n');
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.exitCode, 0);
    assert.strictEqual(r.error, null);
    assert.ok(r.liveObjects > 100, `${r.liveObjects} live objects`);
    assert.ok(r.gcCollections >= 1);
    assert.strictEqual(r.traceTruncated, false);
    assert.strictEqual(s.run(), r, 'the run happens once');
  });
  test('stdin and argv', () => {
    const s = new InspectSession('import sys\nprint(input(), sys.argv[1:])\n', 'in.py', { stdin: 'hello\n', argv: ['x'] });
    assert.strictEqual(s.run().stdout, "hello ['x']\n");
  });
  test("sys.stdout buffered as into a pipe (default) or as in a terminal (stdio: 'tty')", () => {
    // CPython 3.11.7, `s = ' '.join(['ab', 'cd']); print(s); print(sys.getrefcount(s))`: 3 into
    // a pipe (the printed str waits in the stream's pending writes), 2 in a terminal (flushed at
    // the newline)
    const src = "import sys\ns = ' '.join(['ab', 'cd'])\nprint(s)\nn = sys.getrefcount(s)\nprint(n)\n";
    const pipe = new InspectSession(src, 'p.py');
    assert.strictEqual(pipe.run().stdout, 'ab cd\n3\n');
    pipe.at(4, (v) => {
      const names = holdersOf(v.interp, v.resolve('s')!).map((h) => h.name);
      assert.deepStrictEqual(names, ['global s', "item [0] of sys.stdout's output not yet written (its pending_bytes list, until the stream flushes)"]);
    });
    const tty = new InspectSession(src, 't.py', { stdio: 'tty' });
    assert.strictEqual(tty.run().stdout, 'ab cd\n2\n');
    tty.at(4, (v) => assert.strictEqual(holdersOf(v.interp, v.resolve('s')!).map((h) => h.name).join(), 'global s'));
    // one piece waiting is held by the stream itself; a file's pending writes name the file
    const one = new InspectSession("import sys\ns = ' '.join(['ab', 'cd'])\nsys.stdout.write(s)\nf = open('x.txt', 'w')\nt = ' '.join(['x', 'y'])\nf.write(t)\n", 'o.py', {
      fs: { readFile: () => 2, stat: (p) => (p.endsWith('x.txt') ? 2 : 'dir') },
    });
    one.run();
    one.at(6, (v) => {
      assert.deepStrictEqual(holdersOf(v.interp, v.resolve('s')!).map((h) => h.name), ["sys.stdout's output not yet written (pending_bytes, until the stream flushes)", 'global s']);
      assert.deepStrictEqual(holdersOf(v.interp, v.resolve('t')!).map((h) => h.name), ['global t', "file f's output not yet written (pending_bytes, until the stream flushes)"]);
    });
  });
  test('replays print nothing more and the summary stays the same', () => {
    const s = new InspectSession('x = [1]\nprint("once")\ny = x\n', 'p.py');
    const r = s.run();
    s.at(1, () => 0);
    s.at(3, () => 0);
    s.final(() => 0);
    assert.strictEqual(s.run().stdout, 'once\n');
    assert.strictEqual(r.stdout, 'once\n');
  });
});

describe('state after a line', () => {
  const src = ['def f(n):', '    acc = []', '    for i in range(n):', '        acc.append(i)', '    return acc', '', 'r = f(3)', 'r2 = f(5)', 'del r'].join('\n');
  test('the last run of the line, in its frame', () => {
    const s = new InspectSession(src, 'f.py');
    s.run();
    s.at(4, (v) => {
      assert.strictEqual(v.ran, true);
      assert.strictEqual(v.frameName, 'f()');
      const acc = v.resolve('acc')!;
      assert.strictEqual(Number((v.resolve('acc[-1]') as PyInt).v), 4, 'the last iteration of the second call');
      assert.strictEqual(holdersOf(v.interp, acc).map((h) => h.name).join(), 'local acc in f()');
      assert.ok(v.resolve('r'), 'r is bound (the first call returned)');
    });
    s.at(5, (v) => {
      // the frame returns: the value in flight is a holder, so the count still adds up
      const acc = v.resolve('acc')!;
      assert.deepStrictEqual(
        holdersOf(v.interp, acc).map((h) => h.name).sort(),
        ['local acc in f()', 'the return value of f() (in flight)'],
      );
    });
    s.at(9, (v) => assert.strictEqual(v.resolve('r'), null));
    s.at(7, (v) => {
      assert.strictEqual(v.frameName, '<module>');
      assert.strictEqual(v.resolve('r2'), null, 'line 8 has not run yet at that point');
    });
  });
  test('lines that never ran and lines out of range give the final state', () => {
    const s = new InspectSession('x = 1\nif x > 5:\n    y = 2\nz = [x]\n', 'n.py');
    s.at(3, (v) => {
      assert.strictEqual(v.ran, false);
      assert.ok(v.resolve('z'));
    });
    s.at(99, (v) => assert.strictEqual(v.ran, false));
    s.final((v) => {
      assert.strictEqual(v.ran, true);
      assert.strictEqual(v.frame, null);
      assert.strictEqual(Number((v.resolve('z[0]') as PyInt).v), 1);
    });
  });
  test('resolve: names, attributes, constant subscripts; nothing else', () => {
    const s = new InspectSession("class C:\n    k = 'cls'\nc = C()\nc.a = {'x': [10, 20]}\nk = 'x'\ni = 1\n", 'r.py');
    s.final((v) => {
      assert.strictEqual(Number((v.resolve("c.a['x'][1]") as PyInt).v), 20);
      assert.strictEqual((v.resolve('c.k') as PyStr).v, 'cls');
      assert.strictEqual(v.resolve('c.missing'), null);
      assert.strictEqual(v.resolve('c.a["y"]'), null);
      assert.strictEqual(v.resolve('c.a + 1'), null);
      assert.strictEqual(Number((v.resolve("c.a[k][i]") as PyInt).v), 20);
      assert.strictEqual(v.resolve('len'), v.resolve('len'), 'builtins');
    });
  });
  test('replays are deterministic: random, time and id() as in the first run', () => {
    const code = 'import random, time\nr = random.random()\nt = time.time()\no = object()\ni = id(o)\nprint(r, t, i)\nend = 1\n';
    const s = new InspectSession(code, 'd.py');
    const out = s.run().stdout.trim().split(' ');
    s.at(7, (v) => {
      assert.strictEqual(String((v.resolve('r') as unknown as { v: number }).v), out[0]);
      assert.strictEqual(String((v.resolve('i') as PyInt).v), out[2]);
      assert.strictEqual(addressOf(v.resolve('o')!), Number(out[2]));
    });
    const again = new InspectSession(code, 'd.py').run().stdout.trim().split(' ');
    assert.strictEqual(again[0], out[0], 'the same random numbers in every session');
  });
});

describe('program errors', () => {
  test('an uncaught exception: the raising line and column in the user\'s file, the traceback', () => {
    const s = new InspectSession('def f(d):\n    return d["k"]\n\nx = {}\nf(x)\n', 'e.py');
    const e = s.run().error!;
    assert.strictEqual(e.kind, 'exception');
    assert.strictEqual(e.message, "KeyError: 'k'");
    assert.strictEqual(e.line, 2);
    assert.strictEqual(e.col, 11);
    assert.strictEqual(e.endLine, 2);
    assert.strictEqual(e.endCol, 17);
    assert.deepStrictEqual(e.frames.map((f) => [f.line, f.name]), [[5, '<module>'], [2, 'f']]);
    assert.match(e.traceback, /^Traceback \(most recent call last\):\n {2}File "e.py", line 5, in <module>/);
    assert.strictEqual(s.run().exitCode, 1);
    // the state where it stopped: x still bound
    s.final((v) => assert.ok(v.resolve('x')));
  });
  test('SystemExit is not an error', () => {
    const s = new InspectSession('import sys\nsys.exit(3)\n', 'x.py');
    assert.strictEqual(s.run().error, null);
    assert.strictEqual(s.run().exitCode, 3);
  });
  test('a SyntaxError: its position (UTF-16 columns)', () => {
    const s = new InspectSession("s = '中'\nx = (1,\n", 's.py');
    const e = s.run().error!;
    assert.strictEqual(e.kind, 'syntax');
    assert.match(e.message, /^SyntaxError: '\(' was never closed/);
    assert.strictEqual(e.line, 2);
    assert.strictEqual(e.col, 4);
    s.final((v) => assert.strictEqual(v.resolve('s'), null, 'nothing ran'));
  });
  test('a compiler SyntaxError', () => {
    const e = new InspectSession('def f():\n    return 1\nreturn 2\n', 'c.py').run().error!;
    assert.strictEqual(e.kind, 'syntax');
    assert.strictEqual(e.message, "SyntaxError: 'return' outside function");
    assert.strictEqual(e.line, 3);
  });
  test('an unsupported construct names itself and its line', () => {
    const e = new InspectSession('x = 1\nasync def f():\n    pass\n', 'a.py').run().error!;
    assert.strictEqual(e.kind, 'unsupported');
    assert.match(e.message, /async/);
    assert.strictEqual(e.line, 2);
  });
  test('the step limit', () => {
    const s = new InspectSession('n = 0\nwhile True:\n    n += 1\n', 'l.py', { stepLimit: 100_000 });
    const r = s.run();
    assert.strictEqual(r.error!.kind, 'limit');
    assert.match(r.error!.message, /ran longer than 100000 steps/);
    assert.ok(r.error!.line === 2 || r.error!.line === 3);
    s.final((v) => assert.ok(Number((v.resolve('n') as PyInt).v) > 1000, 'the view is where it stopped'));
    s.at(1, (v) => assert.strictEqual(Number((v.resolve('n') as PyInt).v), 0));
  });
  test('the heap budget', () => {
    const s = new InspectSession('keep = []\nwhile True:\n    keep.append([0])\n', 'm.py', { maxHeapBytes: 2_000_000 });
    const r = s.run();
    assert.strictEqual(r.error!.kind, 'limit');
    assert.match(r.error!.message, /more than 2 MB/);
  });
  test('a disposed session says so', () => {
    const s = new InspectSession('x = 1\n', 'z.py');
    s.run();
    s.dispose();
    assert.throws(() => s.final(() => 0), /disposed/);
  });
});

test('the final state survives other runs in the same thread (it is replayed)', async () => {
  const { runSource } = await import('../../../src/core/run');
  const s = new InspectSession('keep = [1, 2]\n', 'k.py');
  s.final((v) => assert.ok(v.resolve('keep')));
  runSource('other = 1\n', 'o.py', { audit: true });
  new InspectSession('x = 2\n', 'x.py').final(() => 0);
  s.final((v) => {
    assert.strictEqual(Number((v.resolve('keep[1]') as PyInt).v), 2);
    assert.deepStrictEqual(holdersOf(v.interp, v.resolve('keep')!).map((h) => h.name), ['global keep']);
  });
});

describe('a replay steered from outside (ReplayControl)', () => {
  const src = ['xs = []', ...Array.from({ length: 30 }, (_, i) => `xs.append(${i})`), 'n = len(xs)', ''].join('\n');
  const value = (v: { resolve(e: string): unknown }) => {
    const x = v.resolve('xs');
    return x && 'items' in (x as object) ? (x as { items: unknown[] }).items.length : -1;
  };
  test('stop: the views taken so far, nothing after', () => {
    const s = new InspectSession(src, 'c.py');
    s.run();
    let views = 0;
    const seen = s.atMany(
      Array.from({ length: 32 }, (_, i) => i + 1),
      (_l, v) => (views++, value(v)),
      undefined,
      // (asked between views, and every 1,024 line events from the first)
      { poll: () => (views === 5 ? 'stop' : 'go') },
    );
    assert.deepStrictEqual([...seen.keys()], [1, 2, 3, 4, 5]);
    assert.deepStrictEqual([...seen.values()], [0, 1, 2, 3, 4]);
    // the session is intact: a later replay gives every line
    assert.strictEqual(s.at(32, (v) => value(v)), 30);
  });
  test('a line number: the lines before it are skipped, its view and the later ones are taken', () => {
    const s = new InspectSession(src, 'c.py');
    s.run();
    let asked = false;
    const seen = s.atMany(
      Array.from({ length: 32 }, (_, i) => i + 1),
      (_l, v) => value(v),
      undefined,
      {
        poll: () => {
          if (asked) return 'go';
          asked = true;
          return 20;
        },
      },
    );
    // (the first poll comes with the first line event: line 1 is skipped too)
    assert.deepStrictEqual([...seen.keys()], Array.from({ length: 13 }, (_, i) => i + 20));
    assert.strictEqual(seen.get(20), 19);
    assert.strictEqual(seen.get(32), 30);
    // a line already passed is not gone back to
    let n = 0;
    const again = s.atMany([5, 6, 7], (_l, v) => value(v), undefined, { poll: () => (n++ === 2 ? 2 : 'go') });
    assert.ok(n > 2);
    assert.deepStrictEqual([...again.entries()], [[5, 4], [6, 5], [7, 6]]);
  });
});

test("a session's default step limit is the extension's refscope.stepLimit default", () => {
  const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'package.json'), 'utf8'));
  assert.strictEqual(DEFAULT_STEP_LIMIT, pkg.contributes.configuration.properties['refscope.stepLimit'].default);
});

test("a session's live set holds ints and floats only once id() gives them an address", () => {
  // (heap.lazyLeaves) ctypes still reads the count of an int whose id() was taken before
  // `import ctypes` (objectAt's walk of the live set), and the status line's object count still
  // counts the floats a list keeps (and not the ints and floats the loop made and freed)
  const src = "n = int('123456789')\na = id(n)\nm = n\nimport ctypes\nprint(ctypes.c_long.from_address(a).value)\nt = 0\nfor i in range(100000):\n    t += i * 1.5\nfl = [i * 0.5 for i in range(100000)]\nprint(t, len(fl))\n";
  const s = new InspectSession(src, 'c.py');
  const r = s.run();
  assert.equal(r.stdout, '2\n7499925000.0 100000\n');
  assert.ok(r.liveObjects > 100_000 && r.liveObjects < 110_000, `${r.liveObjects} live objects`);
});

test('a loop on one line runs compiled in a recorded run and its replays, with the same views', () => {
  // (jit.ts oneLineLoop) the lines' last events, the replays' stops and the state they show do
  // not depend on whether the comprehension ran compiled
  const src = 'def func():\n    a = [i for i in range(5000)]\n    b = a\n    return a\n\nx = func()\ny = [v * 2 for v in x if v % 3]\nprint(len(x), len(y))\n';
  const views = (): string[] => {
    const s = new InspectSession(src, 'oneline.py');
    assert.equal(s.run().stdout, '5000 3333\n');
    const tr = makeTranslator(null);
    return [hoverAt(s, 3, 9, tr)!.markdown, hoverAt(s, 6, 1, tr)!.markdown, hoverAt(s, 7, 1, tr)!.markdown];
  };
  const saved = { ...jitConfig };
  try {
    jitConfig.enabled = false;
    const interpreted = views();
    jitConfig.enabled = true;
    jitConfig.hot = 1;
    jitConfig.minSteps = 0;
    const before = jitConfig.compiled;
    const compiled = views();
    assert.ok(jitConfig.compiled - before >= 2, `${jitConfig.compiled - before} loops compiled`);
    assert.deepEqual(compiled, interpreted);
    assert.match(compiled[0], /`a`: \*\*list\*\*/);
  } finally {
    Object.assign(jitConfig, saved);
  }
});

test('the warm-up imports the modules the program imports (importedModules)', () => {
  const src = 'import sys, gc as g\nfrom os.path import join\n  import json  # indented\nfrom . import x\nx = "import enum"\nimport objgraph;import psutil\n';
  assert.deepEqual(importedModules(src).sort(), ['gc', 'json', 'objgraph', 'os', 'sys']);
  assert.deepEqual(importedModules('print(1)\n'), []);
});

test("a call's frame takes no id() address unless it becomes an object", () => {
  // (PyType.liveWhenMaterialized) in a session every object gets its address at creation; the
  // interpreter's frames are not objects until materialized (sys._getframe, a traceback), so
  // 1,000 calls leave the next object's address where 10 calls do
  const src = (n: number) => `import sys\ndef f(x):\n    return x\nfor i in range(${n}):\n    f(i)\no = object()\nfr = sys._getframe()\nprint(id(o), id(fr) - id(o))\n`;
  const a = new InspectSession(src(10), 'f.py').run().stdout;
  const b = new InspectSession(src(1000), 'f.py').run().stdout;
  assert.match(a, /^\d+ \d+\n$/);
  assert.equal(b, a);
});
