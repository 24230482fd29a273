// gcbaseline.ts's calibration: RefScope's own generation-2 size after `import M; gc.collect()`
// must be the one the table was computed from (a runtime change that tracks more or fewer objects
// at start-up shows here, with the number to write), and when python3 is CPython 3.11.7 its side
// of the table is re-measured too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CPYTHON_GEN2_AT_START, OURS_GEN2_AT_START, GEN2_AFTER_IMPORT, interpreterObjectsOfModule } from '../../../src/core/runtime/gcbaseline';

const script = (m: string) => `import gc\n${m ? `import ${m}\n` : ''}gc.collect()\nprint(len(gc.get_objects(2)))\n`;
const cli = join(dirname(fileURLToPath(import.meta.url)), '../../../dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'refscope-gcbase-'));
// each measurement in a fresh process (the CLI), as the table's numbers were taken
function ours(m: string): { stdout: string; stderr: string } {
  const file = join(dir, `m_${m.replace(/\W+/g, '_') || 'plain'}.py`);
  writeFileSync(file, script(m));
  return spawnSync(process.execPath, [cli, 'run', file], { encoding: 'utf8' });
}
const cpython3117 = spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout?.trim() === 'Python 3.11.7';

test('RefScope: generation 2 after gc.collect() at the start of a script', () => {
  assert.equal(ours('').stdout, `${OURS_GEN2_AT_START}\n`);
});

for (const [m, v] of Object.entries(GEN2_AFTER_IMPORT)) {
  test(`RefScope: generation 2 after importing ${m}`, () => {
    const r = ours(m);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `${v.ours}\n`);
    assert.ok(interpreterObjectsOfModule(m) >= 0, `${m}: CPython's share cannot be negative`);
  });
  const start = v.startModules;
  if (start) {
    test(`RefScope: generation 2 after importing ${start.names.join(' and ')} (loaded at CPython's start; ${m} imports them)`, () => {
      const r = ours(start.names.join(', '));
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, `${OURS_GEN2_AT_START + start.objects}\n`);
    });
  }
}

test('CPython 3.11.7: the recorded generation-2 sizes', { skip: cpython3117 ? false : 'python3 is not CPython 3.11.7' }, () => {
  const run = (m: string) => {
    const file = join(dir, `c_${m || 'plain'}.py`);
    writeFileSync(file, script(m));
    return spawnSync('python3', [file], { encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  };
  const start = run('');
  assert.equal(start.stdout, `${CPYTHON_GEN2_AT_START}\n`);
  for (const [m, v] of Object.entries(GEN2_AFTER_IMPORT)) {
    const r = run(m);
    if (r.status !== 0 && /No module named/.test(r.stderr)) continue; // objgraph is Debian's, not on this path
    assert.equal(r.stdout, `${v.cpython}\n`, m);
  }
});
