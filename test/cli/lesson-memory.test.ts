// Lesson 24's show_memory_info examples at their real size (10,000,000 ints) through the CLI:
// they run to completion and show CPython 3.11's shape. CPython 3.11.7 measured for E2:
// 9.07 MB -> 391.86 MB -> 10.32 MB (../shared/docs/lesson24-examples.md; psutil cannot be installed
// here, so the figures for the other examples are derived from it: E3 keeps E2's growth, E8/E9
// build two such lists). Each growth must be within 25% of CPython's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist/cli.js');
/** CPython 3.11.7, E2 at 10M ints: after-created minus initial, MB */
const CPY_GROWTH = 391.86 - 9.07;

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

const examples: Record<string, string> = {
  e2: `def func():
    show_memory_info('initial')
    a = [i for i in range(10000000)]
    show_memory_info('after a created')

func()
show_memory_info('finished')
`,
  e3: `def func():
    show_memory_info('initial')
    global a
    a = [i for i in range(10000000)]
    show_memory_info('after a created')

func()
show_memory_info('finished')
`,
  e8: `def func():
    show_memory_info('initial')
    a = [i for i in range(10000000)]
    b = [i for i in range(10000000)]
    show_memory_info('after a, b created')
    a.append(b)
    b.append(a)

func()
show_memory_info('finished')
`,
  e9: `def func():
    show_memory_info('initial')
    a = [i for i in range(10000000)]
    b = [i for i in range(10000000)]
    show_memory_info('after a, b created')
    a.append(b)
    b.append(a)

func()
print(gc.collect())
show_memory_info('finished')
`,
};

function runExample(name: string): Promise<{ stdout: string; mb: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-mem-'));
  const file = join(dir, `${name}.py`);
  writeFileSync(file, helper + examples[name]);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, 'run', file], { encoding: 'utf8', maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${name}: ${err.message}\n${stderr}`));
      resolve({ stdout, mb: [...stdout.matchAll(/memory used: ([0-9.]+) MB/g)].map((m) => Number(m[1])) });
    });
  });
}

const within = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) <= 0.25 * want, `${what}: ${got.toFixed(1)} MB vs CPython's ${want.toFixed(1)} MB (±25%)`);

test('lesson 24 memory examples at 10M ints: CPython 3.11 shapes, growth within 25%', async () => {
  // two at a time: each holds 1-3 GB while it runs
  const [e2, e3] = await Promise.all([runExample('e2'), runExample('e3')]);
  const [e8, e9] = await Promise.all([runExample('e8'), runExample('e9')]);

  // E2: a local list is freed when the function returns
  assert.equal(e2.mb.length, 3);
  within(e2.mb[1] - e2.mb[0], CPY_GROWTH, 'E2 growth');
  assert.ok(Math.abs(e2.mb[2] - e2.mb[0]) < 0.05 * CPY_GROWTH, `E2 back to the baseline: ${e2.mb}`);
  // E3: `global a` keeps it
  within(e3.mb[1] - e3.mb[0], CPY_GROWTH, 'E3 growth');
  assert.ok(Math.abs(e3.mb[2] - e3.mb[1]) < 0.05 * CPY_GROWTH, `E3 kept: ${e3.mb}`);
  // E8: the cycle keeps both lists after the return
  within(e8.mb[1] - e8.mb[0], 2 * CPY_GROWTH, 'E8 growth');
  assert.ok(Math.abs(e8.mb[2] - e8.mb[1]) < 0.05 * CPY_GROWTH, `E8 kept by the cycle: ${e8.mb}`);
  // E9: gc.collect() finds the two lists and the memory returns
  assert.match(e9.stdout, /^2$/m);
  within(e9.mb[1] - e9.mb[0], 2 * CPY_GROWTH, 'E9 growth');
  assert.ok(Math.abs(e9.mb[2] - e9.mb[0]) < 0.05 * CPY_GROWTH, `E9 back to the baseline: ${e9.mb}`);
});
