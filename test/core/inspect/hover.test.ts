// The hover's content on the lesson's examples and the holder kinds, checked against what
// CPython 3.11 prints (fixtures/hover/NAME.expected.txt, recorded with python3.11 NAME.py).
import { test, describe } from 'node:test';
import assert from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { InspectSession } from '../../../src/core/inspect/session';
import { hoverAt, type HoverResult } from '../../../src/core/inspect/hover';
import { makeTranslator } from '../../../src/core/inspect/translate';
import { wouldCollect, holdersOf } from '../../../src/core/inspect/holders';
import { PyList } from '../../../src/core/runtime/objects/list';

const DIR = join(__dirname, 'fixtures', 'hover');
const t = makeTranslator(null);
const sessions = new Map<string, InspectSession>();

function session(name: string): InspectSession {
  let s = sessions.get(name);
  if (!s) {
    s = new InspectSession(readFileSync(join(DIR, name), 'utf8'), name);
    sessions.set(name, s);
  }
  return s;
}
function source(name: string): string[] {
  return readFileSync(join(DIR, name), 'utf8').split('\n');
}
/** hover on the first occurrence of `needle` on `line` (1-based), at its first character */
function hover(name: string, line: number, needle: string, nth = 0): HoverResult {
  const text = source(name)[line - 1];
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `'${needle}' not on line ${line} of ${name}: ${text}`);
  const r = hoverAt(session(name), line, at + 1, t, { commandLinks: true });
  assert.ok(r, `no hover at ${name}:${line} '${needle}'`);
  return r;
}
function printed(r: HoverResult): number | null {
  const m = /would print \*\*(\d+)\*\*/.exec(r.markdown);
  return m ? Number(m[1]) : null;
}
function holderLines(r: HoverResult): string[] {
  return r.markdown.split('\n').filter((l) => l.startsWith('- '));
}

describe('hover: every sys.getrefcount(EXPR) line of the fixtures shows what CPython 3.11 printed', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.py') && readFileSync(join(DIR, f), 'utf8').includes('print(sys.getrefcount('))) {
    test(name, () => {
      const lines = source(name);
      const expected = readFileSync(join(DIR, name.replace(/\.py$/, '.expected.txt')), 'utf8').split('\n').filter((l) => /^\d+$/.test(l)); // (then other prints)
      const calls = lines.map((l, i) => [i + 1, /print\(sys\.getrefcount\(([^()]+(?:\(\))?[^()]*)\)\)/.exec(l)] as const).filter(([, m]) => m);
      assert.ok(calls.length > 0 && calls.length <= expected.length, 'one printed number per getrefcount line');
      calls.forEach(([line, m], k) => {
        const expr = m![1];
        const text = lines[line - 1];
        const col = text.indexOf(`getrefcount(${expr})`) + 'getrefcount('.length + expr.length; // its last character
        const r = hoverAt(session(name), line, col, t);
        assert.ok(r, `hover at ${name}:${line}`);
        assert.strictEqual(r.expr, expr);
        assert.strictEqual(printed(r), Number(expected[k]), `${name}:${line} ${expr}\n${r.markdown}`);
        // the breakdown adds up: one line per reference (× n for several)
        const total = holderLines(r).reduce((a, l) => a + (/ × (\d+)$/.exec(l) ? Number(/ × (\d+)$/.exec(l)![1]) : 1), 0);
        assert.strictEqual(total, Number(expected[k]), `${name}:${line}: the holders add up\n${r.markdown}`);
      });
    });
  }
});

describe('hover content', () => {
  test('string constants: mortal interned strs with their own holders, plus the start-up modules\' for a value CPython had interned', () => {
    const r = hover('strings.py', 4, 'greeting)');
    assert.strictEqual(printed(r), 4);
    assert.ok(holderLines(r).includes('- `co_consts` of `<module>`'), r.markdown);
    assert.ok(!r.markdown.includes('shared by the whole interpreter'), r.markdown);
    const r2 = hover('strings.py', 10, 'pid_name)');
    assert.strictEqual(printed(r2), 6);
    assert.ok(holderLines(r2).includes('- the modules Python imported before your code ran (they interned this string) × 2'), r2.markdown);
  });
  test('modules and builtin functions: the references CPython\'s start-up holds, named as such', () => {
    const r = hover('start_counts.py', 3, 'sys)');
    assert.strictEqual(printed(r), 73);
    assert.ok(holderLines(r).includes('- entry `sys` of `sys.modules`'), r.markdown);
    assert.ok(holderLines(r).some((l) => l.startsWith('- the modules Python imported before your code ran (they hold it) × ')), r.markdown);
    const r2 = hover('start_counts.py', 6, 'len)');
    assert.strictEqual(printed(r2), 11);
    assert.ok(!r2.markdown.includes('shared by the whole interpreter'), r2.markdown);
    assert.ok(holderLines(r2).includes('- global `p`'), r2.markdown);
    assert.ok(holderLines(r2).includes('- the modules Python imported before your code ran (they hold it) × 8'), r2.markdown);
  });
  test('lesson E5 at module level: 2 = global a + the argument', () => {
    const r = hover('lesson_e5.py', 6, 'a)');
    assert.strictEqual(printed(r), 2);
    assert.deepStrictEqual(holderLines(r), ['- global `a`', '- the argument of `sys.getrefcount` (only while it runs)']);
    assert.match(r.markdown, /After line 6 last ran/);
  });
  test('lesson E5 inside func: 3 in 3.11, with the explanation of the lesson\'s 4', () => {
    const r = hover('lesson_e5.py', 10, 'a)');
    assert.strictEqual(printed(r), 3);
    assert.ok(holderLines(r).includes('- parameter `a` of `func()`'), r.markdown);
    assert.ok(holderLines(r).includes('- global `a`'));
    assert.match(r.markdown, /in func\(\)/);
    assert.match(r.markdown, /Python 3\.11 prints 3 here.*Python 3\.10, as in the lesson, printed 4/);
  });
  test('lesson E5 after the call: the frame is gone', () => {
    const r = hover('lesson_e5.py', 14, 'a)');
    assert.strictEqual(printed(r), 2);
    assert.ok(!r.markdown.includes('parameter'));
  });
  test('aliases b = a ... g = d: eight, one global each', () => {
    const r = hover('lesson_e6.py', 17, 'a)');
    assert.strictEqual(printed(r), 8);
    for (const n of 'abcdefg') assert.ok(holderLines(r).includes(`- global \`${n}\``), n);
    // on the line `b = a`, hovering b
    const rb = hover('lesson_e6.py', 7, 'b');
    assert.strictEqual(printed(rb), 3);
  });
  test('list items, dict values', () => {
    const r = hover('containers.py', 6, 'x)');
    assert.deepStrictEqual(holderLines(r).slice(0, 4), ['- global `x`', '- item [0] of list `lst`', '- item [1] of list `lst`', "- value of key `'k'` in dict `d`"]);
  });
  test('attribute of an instance', () => {
    const r = hover('containers.py', 18, 'n2)');
    assert.ok(holderLines(r).includes('- attribute `.next` of Node `n1`'), r.markdown);
    assert.match(r.markdown, /not in a cycle/);
  });
  test('closure cell', () => {
    const r = hover('containers.py', 27, 'v)');
    assert.strictEqual(printed(r), 2);
    assert.ok(holderLines(r).some((l) => l.startsWith('- cell for `v`')), r.markdown);
    const r2 = hover('containers.py', 32, 'cell_contents');
    assert.ok(holderLines(r2).includes('- cell for `v` (closure of `outer.<locals>.inner`)'), r2.markdown);
  });
  test('a cycle after del: in a cycle, then unreachable and collectable', () => {
    const r = hover('cycle_del.py', 14, 'keep)');
    assert.strictEqual(printed(r), 3);
    assert.match(r.markdown, /in a reference cycle of 2 objects/);
    assert.ok(holderLines(r).includes('- item [1] of list'), r.markdown);
    session('cycle_del.py').at(15, (v) => {
      const garbage = wouldCollect(v.interp).filter((o) => o instanceof PyList);
      assert.strictEqual(garbage.length, 2, 'the two lists of the cycle');
      for (const g of garbage) assert.strictEqual(holdersOf(v.interp, g).length, 1);
    });
    // ...and gc.collect() found them: CPython printed 2
    assert.strictEqual(readFileSync(join(DIR, 'cycle_del.expected.txt'), 'utf8').trim().split('\n').pop(), '2');
  });
  test('a line that never ran says so and shows where the program stopped', () => {
    const r = hover('never_ran.py', 5, 'n)');
    assert.match(r.markdown, /Line 5 has not run: showing the state where the program stopped/);
    assert.strictEqual(printed(r), 2); // n at the end: the global and the argument
    const p = hover('never_ran.py', 11, 'p');
    assert.match(p.markdown, /has not run/);
    assert.match(p.markdown, /no value at this point/);
  });
  test('a shared small int: no count, an explanation', () => {
    const r = hover('never_ran.py', 6, 's');
    assert.strictEqual(printed(r), null);
    assert.match(r.markdown, /shared by the whole interpreter/);
    assert.match(r.markdown, /not meaningful/);
  });
  test('a line that ran twice shows its last run (n.count_self() then m())', () => {
    const r = hover('consts_methods.py', 18, 'self)');
    const runs = readFileSync(join(DIR, 'consts_methods.expected.txt'), 'utf8').split('\n').filter((l) => l.endsWith(' in count_self'));
    assert.strictEqual(runs.length, 2);
    assert.strictEqual(printed(r), Number(runs[1].split(' ')[0]));
    assert.ok(holderLines(r).includes('- `__self__` of bound method `Node.count_self`'), r.markdown);
  });
  test('constants: co_consts and the script arena, with the explanation', () => {
    const r = hover('consts_methods.py', 4, 'x)');
    assert.strictEqual(printed(r), 4);
    assert.ok(holderLines(r).includes('- `co_consts` of `<module>`'), r.markdown);
    assert.ok(holderLines(r).some((l) => l.includes('AST arena')), r.markdown);
    assert.match(r.markdown, /Literal constants are also held/);
  });
  test('inside __init__ called by type.__call__: the caller\'s stack and the args tuple hold the argument too', () => {
    const r = hover('consts_methods.py', 15, 'name)');
    assert.strictEqual(printed(r), 8);
    assert.ok(holderLines(r).includes('- stack temporary in `<module>`'), r.markdown);
    assert.ok(holderLines(r).includes('- item [0] of tuple'), r.markdown);
    assert.match(r.markdown, /called through native code/);
  });
  test('an instance with __del__', () => {
    const r = hover('with_del.py', 15, 'r)');
    assert.strictEqual(printed(r), 3);
    assert.match(r.markdown, /has __del__/);
    assert.ok(holderLines(r).includes('- global `alias`'));
  });
  test('command links carry [uri, line, expr]', () => {
    const r = hoverAt(session('lesson_e5.py'), 6, 23, t, { commandLinks: true, uri: 'file:///x.py' });
    const m = /command:refscope\.showBackrefs\?([^)]+)\)/.exec(r!.markdown);
    assert.ok(m);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(m[1])), ['file:///x.py', 6, 'a']);
    assert.match(r!.markdown, /command:refscope\.showRefs\?/);
    assert.match(r!.markdown, /command:refscope\.explainCount\?/);
    const plain = hoverAt(session('lesson_e5.py'), 6, 23, t);
    assert.ok(!plain!.markdown.includes('command:'));
  });
  test('columns are UTF-16 and the AST is in UTF-8 bytes', () => {
    const s = new InspectSession("s = '中文'; x = [s]\nprint(x)\n", 'u.py');
    const r = hoverAt(s, 1, 11, t);
    assert.ok(r);
    assert.strictEqual(r.expr, 'x');
    assert.strictEqual(r.startCol, 11);
    assert.strictEqual(r.endCol, 12);
  });
  test('no hover on a comment or blank', () => {
    assert.strictEqual(hoverAt(session('lesson_e5.py'), 5, 3, t), null);
    assert.strictEqual(hoverAt(session('lesson_e5.py'), 999, 1, t), null);
  });
});

test('recordings match python3 3.11 when it is installed', (ctx) => {
  const v = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (v.status !== 0 || !/^Python 3\.11\./.test(v.stdout)) {
    ctx.skip(`python3 3.11 is not installed (${(v.stdout || v.stderr || 'not found').trim()})`);
    return;
  }
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.py'))) {
    const r = spawnSync('python3', [name], { cwd: DIR, encoding: 'utf8' });
    assert.strictEqual(r.stdout, readFileSync(join(DIR, name.replace(/\.py$/, '.expected.txt')), 'utf8'), name);
  }
});

describe('explain this count', () => {
  test('each holder with its rule, and the total', async () => {
    const { explainCount } = await import('../../../src/core/inspect/explain');
    const md = explainCount(session('lesson_e5.py'), 10, 'a', t)!;
    assert.match(md, /Why `sys\.getrefcount\(a\)` prints 3/);
    assert.match(md, /parameter `a` of `func\(\)`\*\* — Since Python 3\.11 the CALL instruction moves/);
    assert.match(md, /global `a`\*\* — A module's globals dict/);
    assert.match(md, /Total: 2 references held \+ 1 for the argument = 3\./);
    const shared = explainCount(session('never_ran.py'), 6, 's', t)!;
    assert.match(shared, /means nothing/);
    assert.strictEqual(explainCount(session('lesson_e5.py'), 6, 'nope', t), null);
  });
});

describe('views do not disturb the run', () => {
  test('every hover of a file computed in one replay equals the hovers computed one by one', async () => {
    const { prefetchHovers } = await import('../../../src/core/inspect/hover');
    for (const name of ['containers.py', 'consts_methods.py', 'cycle_del.py']) {
      const src = readFileSync(join(DIR, name), 'utf8');
      const all = new InspectSession(src, name);
      const n = prefetchHovers(all, t, {});
      assert.ok(n > 20, `${name}: ${n} hovers`);
      const lines = src.split('\n');
      let compared = 0;
      lines.forEach((text, i) => {
        for (const m of text.matchAll(/[A-Za-z_]\w*/g)) {
          const one = new InspectSession(src, name);
          const a = hoverAt(all, i + 1, m.index! + 1, t);
          const b = hoverAt(one, i + 1, m.index! + 1, t);
          assert.deepStrictEqual(a, b, `${name}:${i + 1}:${m.index! + 1}`);
          if (a) compared++;
        }
      });
      assert.ok(compared > 20);
    }
  });
  test('a suspended generator\'s locals are named by its frame', () => {
    const s = new InspectSession('def g():\n    x = [1]\n    yield x\n\nit = g()\ny = next(it)\nz = 1\n', 'g.py');
    const r = hoverAt(s, 6, 1, t)!;
    assert.ok(holderLines(r).includes('- local `x` in `g()`'), r.markdown);
    assert.ok(holderLines(r).includes('- global `y`'), r.markdown);
  });
});

describe('names a statement binds', () => {
  test('def and class names: the state after the statement, in the enclosing frame', () => {
    const f = hover('defs_imports.py', 6, 'func');
    assert.match(f.markdown, /^\*After line 6 last ran\*/);
    assert.ok(holderLines(f).includes('- global `func`'), f.markdown);
    const c = hover('defs_imports.py', 10, 'Node');
    assert.strictEqual(c.expr, 'Node');
    assert.strictEqual(printed(c), 5); // CPython prints 5 on the next line (fixtures/hover/defs_imports.expected.txt)
    assert.ok(holderLines(c).includes('- item [0] of tuple `Node.__mro__`'), c.markdown);
  });
  test('a parameter: its value in the last call, after the function\'s first statement', () => {
    const r = hoverAt(session('lesson_e5.py'), 8, 10, t, { commandLinks: true })!;
    assert.match(r.markdown, /^\*After line 10 last ran, in func\(\)\*/);
    assert.strictEqual(printed(r), 3);
    assert.ok(holderLines(r).includes('- parameter `a` of `func()`'));
    assert.match(r.markdown, /%2C10%2C%22a%22/, 'the command links name the line of the state');
  });
  test('import names', () => {
    const m = hover('defs_imports.py', 2, 'osp');
    assert.strictEqual(m.expr, 'osp');
    assert.ok(holderLines(m).includes('- global `osp`'), m.markdown);
    assert.ok(holderLines(m).includes('- entry `os.path` of `sys.modules`'), m.markdown);
    const s = hover('defs_imports.py', 1, 'sys');
    assert.ok(holderLines(s).some((l) => l.startsWith('- its builtin functions (`__self__`) × ')), s.markdown);
  });
  test('a comprehension\'s line is done when its frame returned and the result is stored', () => {
    const r = hover('defs_imports.py', 15, 'res');
    assert.strictEqual(printed(r), 2);
    assert.match(r.markdown, /^\*After line 15 last ran\*/);
  });
});

describe('gc facts and sizes agree with CPython 3.11 (fixtures/hover/gc_facts.py)', () => {
  const out = readFileSync(join(DIR, 'gc_facts.expected.txt'), 'utf8').split('\n');
  test('weak references, tracking, generation after gc.collect()', () => {
    const [nweak, tracked, inGen2] = out[0].split(' ');
    assert.deepStrictEqual([nweak, tracked, inGen2], ['2', 'True', 'True']);
    const r = hover('gc_facts.py', 14, 'c)');
    assert.match(r.markdown, new RegExp(`tracked, generation 2 · not in a cycle · reachable · ${nweak} weak references`));
  });
  test('an untracked tuple of atoms, an untracked dict of atoms, and their sizes', () => {
    const [tTracked, tSize] = out[1].split(' ');
    const [dTracked, dSize] = out[2].split(' ');
    assert.strictEqual(tTracked, 'False');
    assert.strictEqual(dTracked, 'False');
    const rt = hover('gc_facts.py', 16, 't)');
    assert.match(rt.markdown, /untracked by the collector/);
    assert.match(rt.markdown, new RegExp(`\`sys.getsizeof\\(t\\)\` = ${tSize} bytes`));
    const rd = hover('gc_facts.py', 18, 'd)');
    assert.match(rd.markdown, /untracked by the collector/);
    assert.match(rd.markdown, new RegExp(`\`sys.getsizeof\\(d\\)\` = ${dSize} bytes`));
  });
});

describe('del', () => {
  test('the object a deleted name named: still alive in a cycle, or freed', () => {
    const d = hover('cycle_del.py', 9, 'a');
    assert.match(d.markdown, /`del a` removed one reference; the object it named is still alive/);
    assert.match(d.markdown, /Its reference count is now \*\*1\*\*/);
    assert.ok(holderLines(d).includes('- item [1] of list `b`'), d.markdown);
    assert.match(d.markdown, /in a reference cycle of 2 objects · reachable/);
    assert.ok(!d.markdown.includes('command:'));
    const k = hover('cycle_del.py', 15, 'keep');
    assert.match(k.markdown, /in a reference cycle of 2 objects · unreachable/);
    assert.match(k.markdown, /Unreachable: only a reference cycle keeps it alive/);
    const s = new InspectSession('x = [3]\ndel x\n', 'd.py');
    assert.match(hoverAt(s, 2, 5, t)!.markdown, /`del x` dropped the last reference: the object \(list\) was freed at once\./);

  });
  test("ints and floats, which a session's live set holds only once they have an id()", () => {
    // (heap.lazyLeaves: an exact int or float joins the live set when id() gives it an address)
    const src = "x = int('1000000')\ny = x\ndel x\nf = float('2.5')\ndel f\nn = int('40353607')\ni = id(n)\ndel n\nprint(i > 0)\n";
    const s = new InspectSession(src, 'd.py');
    assert.equal(s.run().stdout, 'True\n');
    const x = hoverAt(s, 3, 5, t)!.markdown;
    assert.match(x, /`del x` removed one reference; the object it named is still alive/);
    assert.match(x, /Its reference count is now \*\*1\*\*/);
    assert.match(hoverAt(s, 5, 5, t)!.markdown, /`del f` dropped the last reference: the object \(float\) was freed at once\./);
    assert.match(hoverAt(s, 8, 5, t)!.markdown, /`del n` dropped the last reference: the object \(int\) was freed at once\./);
  });
});

test('a for loop\'s iterator holds the list while the loop runs', () => {
  const r = hover('loops.py', 5, 'lst)');
  const last = readFileSync(join(DIR, 'loops.expected.txt'), 'utf8').split('\n').filter((l) => l.endsWith(' in loop')).pop()!;
  assert.strictEqual(printed(r), Number(last.split(' ')[0]));
  assert.ok(holderLines(r).includes('- the `list_iterator` of a running `for` loop in `<module>`'), r.markdown);
});


test('a file object shows its repr in the hover (name, mode, encoding), and who holds each layer', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { nodeFS } = await import('../../../src/worker/node-fs');
  const dir = mkdtempSync(join(tmpdir(), 'refscope-hover-file-'));
  writeFileSync(join(dir, 'data.txt'), 'x\n');
  const s = new InspectSession("f = open('data.txt')\nb = f.buffer\nprint(f.read())\n", 'files.py', { fs: nodeFS(dir) });
  assert.strictEqual(s.run().stdout, 'x\n\n');
  const t = makeTranslator(null);
  const f = hoverAt(s, 3, 7, t)!;
  assert.match(f.markdown, /`<_io\.TextIOWrapper name='data\.txt' mode='r' encoding='UTF-8/);
  const b = hoverAt(s, 2, 1, t)!;
  assert.match(b.markdown, /`<_io\.BufferedReader name='data\.txt'>`/);
  assert.match(b.markdown, /- `buffer` of TextIOWrapper/);
});
