// The strings CPython 3.11 has interned when a script starts (src/core/runtime/startstrings.ts,
// written by tools/startstrings.mjs): startCount finds every record of the table, and, when
// python3 is CPython 3.11, a sample of the table is measured again the way the tool measured it
// (sys.getrefcount of each as a constant, less what a fresh constant prints).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { START_STRINGS } from '../../../src/core/runtime/startstrings';
import { startCount, STATIC_MIN } from '../../../src/core/runtime/objects/str';
import { checkPython, cleanEnv, PYTHON } from '../../differential/record.mjs';

const records = START_STRINGS.split('\n')
  .filter((l) => l !== '')
  .map((l) => {
    const [name, n] = l.split(' ');
    return [name, Number(n)] as const;
  });

test('the table is sorted, and startCount finds each record and nothing else', () => {
  assert.ok(records.length > 3000);
  for (let i = 1; i < records.length; i++) assert.ok(records[i - 1][0] < records[i][0], `${records[i - 1][0]} < ${records[i][0]}`);
  for (const [name, n] of records) assert.equal(startCount(name), n, name);
  for (const absent of ['hello', 'Alice', 'zzzz_not_there', 'AAAA', '', 'a']) assert.equal(startCount(absent), 0, absent);
});

const py = checkPython();
test('a sample of the table measured again on the live CPython 3.11', { skip: py.ok ? false : `no CPython 3.11: ${py.reason}` }, () => {
  const sample = records.filter((_, i) => i % 37 === 0).map(([name]) => name);
  const words = ['zzq_refscope_fresh', ...sample, 'hello', 'Alice', 'carrot'];
  const dir = mkdtempSync(join(tmpdir(), 'refscope-startstrings-test-'));
  try {
    writeFileSync(join(dir, 'measure.py'), `import sys\np = sys.getrefcount\nprint([${words.map((w) => `p(${JSON.stringify(w)})`).join(', ')}])\n`);
    const r = spawnSync(PYTHON, ['measure.py'], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const counts = JSON.parse(r.stdout) as number[];
    const fresh = counts[0];
    words.forEach((w, i) => {
      if (i === 0) return;
      const live = counts[i] - fresh;
      const ours = startCount(w);
      if (ours >= STATIC_MIN) assert.ok(live >= STATIC_MIN, `${w}: static in the table, ${live} live`);
      // values no start-up module interns: exactly a fresh constant's count
      else if (i > sample.length) assert.equal(live, 0, w);
      // (the start-up's references move from run to run, by up to 6 for enum's internal names:
      // 389 of the 4,694 strings moved in 8 runs in one directory)
      else assert.ok(Math.abs(live - ours) <= 10, `${w}: ${ours} in the table, ${live} live`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
