// ctypes reads the count at an address id() gave, and says clearly what it cannot read instead of
// making a number up (CPython would read raw memory there).
import { test } from 'node:test';
import assert from 'node:assert';
import { runSource } from '../../../src/core/run';

const run = (src: string) => runSource(src, 'c.py', { audit: true });

test('a count read by address equals sys.getrefcount minus its argument, audited', () => {
  const r = run('import ctypes, sys\na = []\nb = a\nprint(ctypes.c_long.from_address(id(a)).value, sys.getrefcount(a) - 1)\n');
  assert.strictEqual(r.stdout, '2 2\n');
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.auditError, null);
});

test('an address id() gave before `import ctypes` is found too (a tracked object)', () => {
  const r = run('a = {}\naddress = id(a)\nimport ctypes\nprint(ctypes.c_long.from_address(address).value)\n');
  assert.strictEqual(r.stdout, '1\n');
});

test('freed memory, an address no object has, and a write through an address are reported as unsupported', () => {
  const freed = run('import ctypes\na = [1]\naddress = id(a)\ndel a\nprint(ctypes.c_long.from_address(address).value)\n');
  assert.strictEqual(freed.stdout, '');
  assert.match(freed.stderr, /ctypes: reading the memory of a freed list object is not supported yet/);
  assert.strictEqual(freed.exitCode, 1);
  const nowhere = run('import ctypes\na = [1]\nprint(ctypes.c_long.from_address(id(a) + 8).value)\n');
  assert.match(nowhere.stderr, /ctypes: reading memory at \d+ \(RefScope can read the reference count at an address id\(\) gave, nothing else\)/);
  const write = run('import ctypes\na = [1]\nw = ctypes.c_long.from_address(id(a))\nw.value = 5\n');
  assert.match(write.stderr, /ctypes: writing memory through ctypes is not supported yet/);
});
