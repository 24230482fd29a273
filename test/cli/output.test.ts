// `refscope run` writes the program's output with writeSync (src/cli/main.ts writeOut): all of it,
// in order, through a pipe, and through a non-blocking descriptor that fills up (EAGAIN: the rest
// goes through node's stream).
import { test } from 'node:test';
import assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist/cli.js');
const LINES = 200_000;
const PROGRAM = `import sys\nfor i in range(${LINES}):\n    print(i, 'x' * 20)\nprint('done', file=sys.stderr)\n`;
const EXPECTED = Array.from({ length: LINES }, (_, i) => `${i} ${'x'.repeat(20)}\n`).join('');

function programDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-out-'));
  writeFileSync(join(dir, 'big.py'), PROGRAM);
  return dir;
}

test('refscope run: 5 MB of output through a pipe arrives whole, stderr apart', () => {
  const dir = programDir();
  const r = spawnSync(process.execPath, [CLI, 'run', 'big.py'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout.length, EXPECTED.length);
  assert.ok(r.stdout === EXPECTED, 'stdout differs');
  assert.strictEqual(r.stderr, 'done\n');
});

// node's own child processes always get blocking stdio (libuv clears O_NONBLOCK on fds 0-2), so a
// small Python parent makes the non-blocking pipe, as a shell or another runtime may
const PY = spawnSync('python3', ['-c', 'pass']).status === 0 ? 'python3' : null;
const PARENT = `import os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'run', 'big.py'], stdout=w, stderr=subprocess.PIPE)
os.close(w)
time.sleep(1.0)  # nobody reads: the child's first write fills the pipe and gets EAGAIN
data = b''
while True:
    chunk = os.read(r, 1 << 16)
    if not chunk:
        break
    data += chunk
err = p.stderr.read()
p.wait()
sys.stdout.buffer.write(data)
sys.stderr.buffer.write(err)
sys.exit(p.returncode)
`;

test('refscope run: a non-blocking stdout that fills up (EAGAIN) still gets all the output', { skip: PY ? false : 'python3 is not installed (it makes the non-blocking pipe)' }, () => {
  const dir = programDir();
  writeFileSync(join(dir, 'parent.py'), PARENT);
  const r = spawnSync(PY!, ['parent.py', process.execPath, CLI], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout.length, EXPECTED.length);
  assert.ok(r.stdout === EXPECTED, 'stdout differs');
  assert.strictEqual(r.stderr, 'done\n');
});

// stdout and stderr into one file (`> log 2>&1`): the bytes in the order CPython 3.11 writes them
// on the descriptors (stderr line buffered, stdout in its 8 KiB text and 4 KiB binary buffers,
// flushed before the exit's message), recorded from `python3 shared.py > log 2>&1`
const SHARED = `import sys
for i in range(3):
    print('out', i)
    print('err', i, file=sys.stderr)
print('x' * 5000)
print('y' * 5000)
print('flushed', flush=True)
sys.stdout.buffer.write(b'bytes\\n')
print('last out')
raise SystemExit('bye')
`;
const SHARED_EXPECTED = `err 0\nerr 1\nerr 2\nout 0\nout 1\nout 2\n${'x'.repeat(5000)}\n${'y'.repeat(5000)}\nflushed\nbytes\nlast out\nbye\n`;

test('refscope run: stdout and stderr sharing a file get CPython\'s order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-out-'));
  writeFileSync(join(dir, 'shared.py'), SHARED);
  const env = { ...process.env };
  delete env.PYTHONUNBUFFERED;
  const log = join(dir, 'log');
  const fd = openSync(log, 'w');
  let status: number | null;
  try {
    status = spawnSync(process.execPath, [CLI, 'run', 'shared.py'], { cwd: dir, env, stdio: ['ignore', fd, fd] }).status;
  } finally {
    closeSync(fd);
  }
  assert.strictEqual(status, 1);
  assert.strictEqual(readFileSync(log, 'utf8'), SHARED_EXPECTED);
  if (PY) {
    // (the recording, checked against the live interpreter when there is one)
    const fd2 = openSync(log, 'w');
    try {
      spawnSync(PY, ['shared.py'], { cwd: dir, env, stdio: ['ignore', fd2, fd2] });
    } finally {
      closeSync(fd2);
    }
    const live = readFileSync(log, 'utf8');
    if (spawnSync(PY, ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' }).stdout.trim() === 'True') assert.strictEqual(live, SHARED_EXPECTED);
  }
});
