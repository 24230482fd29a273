// The `refscope` command line (built bundle, worker thread with a deep stack).
import { test } from 'node:test';
import assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { cacheFileFor, loadCached, scriptSource, WRAP_HEAD, WRAP_TAIL } from '../../src/worker/code-cache';
import { runSource } from '../../src/core/run';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist/cli.js');

function run(args: string[], cwd = process.cwd()) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
}

test('refscope run prints the lesson example as CPython 3.11', () => {
  const r = run(['run', 'examples/lesson24_refcount.py']);
  assert.strictEqual(r.stdout, '2\n3\n2\n8\n');
  assert.strictEqual(r.status, 0);
});

test('refscope run reaches the recursion limit of 1000 without a JS stack overflow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-'));
  writeFileSync(
    join(dir, 'deep.py'),
    'def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(990))\ndef g(n):\n    return g(n + 1)\ntry:\n    g(0)\nexcept RecursionError as e:\n    print(e)\n',
  );
  const r = run(['run', 'deep.py', '--audit'], dir);
  assert.strictEqual(r.stdout, '990\nmaximum recursion depth exceeded\n');
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.status, 0);
});

test('refscope run: on the main thread first, repeated in a deep-stack worker when that stack runs out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-'));
  writeFileSync(join(dir, 'deep.py'), 'def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(900))\n');
  const mainOnly = spawnSync(process.execPath, [CLI, 'run', 'deep.py'], { cwd: dir, encoding: 'utf8', env: { ...process.env, REFSCOPE_RUN_IN: 'main' } });
  // the main thread's stack alone does not hold 900 Python frames...
  assert.notStrictEqual(mainOnly.stdout, '900\n');
  // ...so the run is repeated in the worker, and nothing of the first attempt shows
  const r = run(['run', 'deep.py'], dir);
  assert.strictEqual(r.stdout, '900\n');
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.status, 0);
  const shallow = run(['run', 'examples/lesson24_refcount.py']);
  assert.strictEqual(shallow.stdout, '2\n3\n2\n8\n');
});

test('the V8 code cache is written after the first load and accepted by the next', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-cache-'));
  const bundle = join(dir, 'b.js');
  writeFileSync(bundle, 'exports.twice = (n) => 2 * n;\n');
  const first = loadCached<{ twice(n: number): number }>(bundle);
  assert.strictEqual(first.exports.twice(21), 42);
  assert.strictEqual(first.cacheAccepted, false);
  assert.ok(!existsSync(cacheFileFor(bundle)));
  first.saveCache();
  assert.ok(existsSync(cacheFileFor(bundle)));
  const second = loadCached<{ twice(n: number): number }>(bundle);
  assert.strictEqual(second.cacheAccepted, true);
  assert.strictEqual(second.exports.twice(4), 8);
  // a changed bundle: V8 rejects the cache, the code still runs and a new cache is written
  writeFileSync(bundle, 'exports.twice = (n) => n + n + 0;\n// longer\n');
  const third = loadCached<{ twice(n: number): number }>(bundle);
  assert.strictEqual(third.exports.twice(5), 10);
  assert.strictEqual(third.cacheAccepted, false);
  third.saveCache();
  assert.strictEqual(loadCached<{ twice(n: number): number }>(bundle).cacheAccepted, true);
  // a rebuilt bundle of the same length: V8 would take the cache (it checks the source's length
  // only) and run the old functions; the cache's stamp (size, modification time) tells them apart
  writeFileSync(bundle, 'exports.twice = (n) => n * 2 + 1;\n// longer\n');
  utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
  const fourth = loadCached<{ twice(n: number): number }>(bundle);
  assert.strictEqual(fourth.cacheAccepted, false);
  assert.strictEqual(fourth.exports.twice(5), 11);
});

test('loadCached compiles a self-wrapped bundle as a slice of its text, and require() runs it as a module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-cache-'));
  const bundle = join(dir, 'w.js');
  const text = `${WRAP_HEAD}\n"use strict";\nexports.where = () => typeof module + ':' + __filename;\n${WRAP_TAIL}\n//# sourceMappingURL=w.js.map\n`;
  writeFileSync(bundle, text);
  const src = scriptSource(text);
  assert.strictEqual(src, text.slice(0, text.lastIndexOf(WRAP_TAIL) + 2));
  assert.ok(src.endsWith('})'));
  const first = loadCached<{ where(): string }>(bundle);
  assert.strictEqual(first.exports.where(), `object:${bundle}`);
  first.saveCache();
  const second = loadCached<{ where(): string }>(bundle);
  assert.strictEqual(second.cacheAccepted, true);
  assert.strictEqual(second.exports.where(), `object:${bundle}`);
  assert.strictEqual((require(bundle) as { where(): string }).where(), `object:${bundle}`);
  // a plain module, or one with code after the call, is wrapped as node wraps it
  assert.strictEqual(scriptSource('exports.a = 1;\n'), Module.wrap('exports.a = 1;\n'));
  const more = `${WRAP_HEAD}\n${WRAP_TAIL}\nexports.b = 2;\n`;
  assert.strictEqual(scriptSource(more), Module.wrap(more));
  // the interpreter bundles are built so, with the same text as code-cache.ts (esbuild.mjs)
  const build = readFileSync('esbuild.mjs', 'utf8');
  assert.ok(build.includes(`'${WRAP_HEAD}'`) && build.includes(`'${WRAP_TAIL}'`));
  for (const b of ['worker.js', 'session-core.js', 'hover-core.js', 'exercise-core.js']) {
    const t = readFileSync(join('dist', b), 'latin1');
    assert.ok(t.startsWith(WRAP_HEAD) && scriptSource(t) !== Module.wrap(t), b);
  }
});

test('refscope run reports an uncaught exception with a traceback and exit code 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-'));
  writeFileSync(join(dir, 'err.py'), 'print(derange(3))\n');
  const r = run(['run', 'err.py'], dir);
  assert.strictEqual(
    r.stderr,
    `Traceback (most recent call last):\n  File "${realpathSync(dir)}/err.py", line 1, in <module>` +
      '\n    print(derange(3))\n          ^^^^^^^\nNameError: name \'derange\' is not defined. Did you mean: \'range\'?\n',
  );
  assert.strictEqual(r.status, 1);
});

test('refscope run: an uncaught KeyboardInterrupt ends the process by SIGINT after the traceback and the exit finalizers (a shell sees 130), as CPython 3.8+', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-'));
  writeFileSync(join(dir, 'ki.py'), "class C:\n    def __del__(self):\n        print('finalized')\nc = C()\nprint('a')\nraise KeyboardInterrupt\n");
  const r = run(['run', 'ki.py'], dir);
  assert.strictEqual(r.signal, 'SIGINT');
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.stdout, 'a\nfinalized\n');
  assert.match(r.stderr, /^Traceback \(most recent call last\):\n[^]*\n    raise KeyboardInterrupt\nKeyboardInterrupt\n$/);
  // the same run in process reports 130
  assert.strictEqual(runSource("raise KeyboardInterrupt('x')\n", 'k.py', {}).exitCode, 130);
  assert.strictEqual(runSource("raise KeyboardInterrupt('x')\n", 'k.py', {}).signal, 'SIGINT');
});

test('refscope run names the script as CPython does: __file__ and tracebacks absolute, argv[0] as typed, sys.path[0] its real directory', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'refscope-')));
  mkdirSync(join(root, 'real'));
  symlinkSync(join(root, 'real'), join(root, 'link'));
  writeFileSync(
    join(root, 'real', 'paths.py'),
    'import sys, traceback\nprint(__file__)\nprint(sys.argv[0])\nprint(sys.path[0])\n' +
      // linecache finds a file by a relative name from the working directory
      "print(traceback.FrameSummary('paths.py', 1, 'f').line)\n" +
      "print(repr(traceback.FrameSummary('nofile.py', 1, 'f').line))\n" +
      'raise ValueError(1)\n',
  );
  // CPython 3.11 (python3 link/./paths.py from root, python3 paths.py from root/real)
  const a = run(['run', 'link/./paths.py'], root);
  assert.strictEqual(a.stdout, `${root}/link/./paths.py\nlink/./paths.py\n${root}/real\nimport sys, traceback\n''\n`);
  assert.strictEqual(a.stderr, `Traceback (most recent call last):\n  File "${root}/link/./paths.py", line 7, in <module>\n    raise ValueError(1)\nValueError: 1\n`);
  assert.strictEqual(a.status, 1);
  const b = run(['run', 'paths.py'], join(root, 'real'));
  assert.strictEqual(b.stdout, `${root}/real/paths.py\npaths.py\n${root}/real\nimport sys, traceback\n''\n`);
  // a file that is not there, and a directory without __main__.py (pymain_run_file's messages)
  const c = run(['run', 'nothere.py'], root);
  assert.strictEqual(c.stderr, `refscope: can't open file '${root}/nothere.py': [Errno 2] No such file or directory\n`);
  assert.strictEqual(c.status, 2);
  const d = run(['run', 'real'], root);
  assert.strictEqual(d.stderr, `refscope: can't find '__main__' module in '${root}/real'\n`);
  assert.strictEqual(d.status, 1);
});

test("refscope run: sys.stdout's buffering follows the process as CPython's (a pipe keeps a printed str until it flushes; PYTHONUNBUFFERED writes through)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-'));
  writeFileSync(join(dir, 'held.py'), 'import sys\ns = "".join(["ab", "c"])\nprint(s)\nprint(sys.getrefcount(s))\n');
  const env = { ...process.env };
  delete env.PYTHONUNBUFFERED;
  // (CPython 3.11.7 prints the same: 3 into a pipe, 2 with PYTHONUNBUFFERED=1)
  const pipe = spawnSync(process.execPath, [CLI, 'run', 'held.py'], { cwd: dir, env, encoding: 'utf8' });
  assert.strictEqual(pipe.stdout, 'abc\n3\n');
  const unbuffered = spawnSync(process.execPath, [CLI, 'run', 'held.py'], { cwd: dir, env: { ...env, PYTHONUNBUFFERED: '1' }, encoding: 'utf8' });
  assert.strictEqual(unbuffered.stdout, 'abc\n2\n');
  // a terminal's stdout is line buffered: the same as the in-process run with stdio 'tty'
  const tty = runSource('import sys\ns = "".join(["ab", "c"])\nprint(s)\nprint(sys.getrefcount(s))\n', 'held.py', { stdio: 'tty', audit: true });
  assert.strictEqual(tty.stdout, 'abc\n2\n');
  assert.strictEqual(tty.auditError ?? null, null);
});

test('refscope dis disassembles with the opcode table', () => {
  const r = run(['dis', 'examples/lesson24_refcount.py']);
  assert.strictEqual(r.status, 0);
  assert.match(r.stdout, /LOAD_NAME\s+\d+ \(sys\)/);
  assert.match(r.stdout, /CALL\s+1/);
  assert.match(r.stdout, /Disassembly of <code object func, line 9>/);
});

test('refscope with no command prints usage and exits 2', () => {
  const r = run([]);
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /usage: refscope run FILE\.py/);
});

test('refscope run: open() reads files from the working directory and the files written are on disk after the run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-open-'));
  writeFileSync(join(dir, 'in.txt'), 'one\r\ntwo\n');
  writeFileSync(join(dir, 'old.txt'), 'kept\n');
  writeFileSync(
    join(dir, 'files.py'),
    [
      "with open('in.txt') as f:",
      '    lines = f.readlines()',
      'print(lines)',
      "with open('out.txt', 'w') as w:",
      "    w.write('written ' + str(len(lines)) + '\\n')",
      "open('old.txt', 'a').write('appended\\n')",
      "b = open('data.bin', 'wb')",
      "b.write(bytes([0, 255, 10]))",
      "print(open('out.txt').read(), end='')",
      'try:',
      "    open('missing.txt')",
      'except FileNotFoundError as e:',
      '    print(e)',
      '',
    ].join('\n'),
  );
  const r = run(['run', 'files.py'], dir);
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, "['one\\n', 'two\\n']\nwritten 2\n[Errno 2] No such file or directory: 'missing.txt'\n");
  assert.strictEqual(readFileSync(join(dir, 'out.txt'), 'utf8'), 'written 2\n');
  // an unclosed file is flushed when the run ends, as CPython's finalization does
  assert.strictEqual(readFileSync(join(dir, 'old.txt'), 'utf8'), 'kept\nappended\n');
  assert.deepStrictEqual([...readFileSync(join(dir, 'data.bin'))], [0, 255, 10]);
  assert.strictEqual(existsSync(join(dir, 'missing.txt')), false);
});

test('refscope run: what os.remove and os.rename did is done on disk after the run, and os.listdir sees the run\'s files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-os-'));
  writeFileSync(join(dir, 'gone.txt'), 'x\n');
  writeFileSync(join(dir, 'old_name.txt'), 'moved\n');
  writeFileSync(join(dir, 'kept.txt'), 'kept\n');
  writeFileSync(
    join(dir, 'ops.py'),
    [
      'import os',
      "os.remove('gone.txt')",
      "os.rename('old_name.txt', 'new_name.txt')",
      "open('made.txt', 'w').close()",
      "open('temp.txt', 'w').close()",
      "os.unlink('temp.txt')",
      "print(sorted(os.listdir('.')))",
      '',
    ].join('\n'),
  );
  const r = run(['run', 'ops.py'], dir);
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, "['kept.txt', 'made.txt', 'new_name.txt', 'ops.py']\n");
  assert.strictEqual(existsSync(join(dir, 'gone.txt')), false);
  assert.strictEqual(existsSync(join(dir, 'old_name.txt')), false);
  assert.strictEqual(readFileSync(join(dir, 'new_name.txt'), 'utf8'), 'moved\n');
  assert.strictEqual(readFileSync(join(dir, 'kept.txt'), 'utf8'), 'kept\n');
  assert.strictEqual(existsSync(join(dir, 'made.txt')), true);
  assert.strictEqual(existsSync(join(dir, 'temp.txt')), false);
  assert.strictEqual(r.status, 0);
});

test('refscope run: directories the program made, removed and renamed are so on disk after the run; chdir moves where relative paths go', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-dirs-'));
  mkdirSync(join(dir, 'old_dir', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'old_dir', 'sub', 'kept.txt'), 'kept\n');
  mkdirSync(join(dir, 'empty_dir'));
  writeFileSync(
    join(dir, 'dirs.py'),
    [
      'import os',
      "os.makedirs('made/a/b')",
      "open('made/a/b/f.txt', 'w').write('in b\\n')",
      "os.rename('old_dir', 'new_dir')",
      "os.rmdir('empty_dir')",
      "os.mkdir('gone')",
      "os.rmdir('gone')",
      "os.chdir('made')",
      "open('here.txt', 'w').write('here\\n')",
      "os.chdir('..')",
      "print(sorted(os.listdir('.')), sorted(os.listdir('made')), os.listdir('new_dir/sub'))",
      "for root, dirs, files in sorted(os.walk('made')):",
      '    print(root, sorted(dirs), sorted(files))',
      '',
    ].join('\n'),
  );
  const r = run(['run', 'dirs.py'], dir);
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, "['dirs.py', 'made', 'new_dir'] ['a', 'here.txt'] ['kept.txt']\nmade ['a'] ['here.txt']\nmade/a ['b'] []\nmade/a/b [] ['f.txt']\n");
  assert.strictEqual(readFileSync(join(dir, 'made', 'a', 'b', 'f.txt'), 'utf8'), 'in b\n');
  assert.strictEqual(readFileSync(join(dir, 'made', 'here.txt'), 'utf8'), 'here\n');
  assert.strictEqual(readFileSync(join(dir, 'new_dir', 'sub', 'kept.txt'), 'utf8'), 'kept\n');
  assert.strictEqual(existsSync(join(dir, 'old_dir')), false);
  assert.strictEqual(existsSync(join(dir, 'empty_dir')), false);
  assert.strictEqual(existsSync(join(dir, 'gone')), false);
  assert.strictEqual(r.status, 0);
});

test('refscope run: input() and sys.stdin read the process\'s stdin, only when the program asks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-stdin-'));
  writeFileSync(join(dir, 'ask.py'), "import sys\nname = input('name? ')\nprint('hello', name)\nprint(repr(sys.stdin.read(3)), repr(sys.stdin.readline()))\nprint([line for line in sys.stdin])\n");
  const r = spawnSync(process.execPath, [CLI, 'run', 'ask.py'], { cwd: dir, encoding: 'utf8', input: 'Ada\nxyz\nrest of line\nlast\nno newline', timeout: 60_000 });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, "name? hello Ada\n'xyz' '\\n'\n['rest of line\\n', 'last\\n', 'no newline']\n");
  assert.strictEqual(r.status, 0);
  // a program that never reads input does not wait for it (stdin left open by the parent)
  writeFileSync(join(dir, 'quiet.py'), "print('no input needed')\n");
  const child = spawnSync(process.execPath, [CLI, 'run', 'quiet.py'], { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 });
  assert.strictEqual(child.stdout, 'no input needed\n');
});

test('in a terminal refscope run shows stdout and stderr in the order the program wrote them', () => {
  // (RunResult.order) `script` (util-linux, in every Debian) gives the run a terminal; into pipes
  // each stream gets its whole text
  const dir = mkdtempSync(join(tmpdir(), 'refscope-tty-'));
  writeFileSync(join(dir, 'o.py'), "import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')\n");
  const tty = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} run o.py`, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.strictEqual(tty.error, undefined, 'the script command (util-linux) is needed for this test');
  assert.strictEqual(tty.stdout.replace(/\r\n/g, '\n'), 'a\nb\nc\n');
  const piped = run(['run', 'o.py'], dir);
  assert.strictEqual(piped.stdout, 'a\nc\n');
  assert.strictEqual(piped.stderr, 'b\n');
});
