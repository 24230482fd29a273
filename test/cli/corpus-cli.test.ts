// Every differential fixture through `refscope run` (the built CLI, one process per fixture, as
// CPython was recorded: `NAME.py` with cwd = its directory) matches its CPython recording. The
// in-process corpus tests (test/differential) run the interpreter many times in one process and
// always carry out the exit; the CLI's process ends with its run, so there an exit that could show
// nothing is skipped (RunOptions.processExits): this is what checks that skipping it never loses a
// finalizer's print, a weakref or gc callback, a generator's finally block or a file's last flush.
import { test } from 'node:test';
import assert from 'node:assert';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { FIXTURES_DIR, listFixtures, readExpected } from '../differential/corpus';
import { readPending } from '../differential/corpus';

const CLI = join(process.cwd(), 'dist/cli.js');

function runCli(fixture: string): Promise<{ stdout: string; stderr: string; exit: number | null }> {
  const cwd = dirname(join(FIXTURES_DIR, fixture));
  const strip = (s: string) => s.split(cwd + sep).join('');
  return new Promise((resolve) => {
    // (as the recordings were made: stdout a pipe, PYTHONUNBUFFERED unset)
    const env = { ...process.env };
    delete env.PYTHONUNBUFFERED;
    const child = spawn(process.execPath, [CLI, 'run', basename(fixture)], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout: strip(Buffer.concat(out).toString('utf8')), stderr: strip(Buffer.concat(err).toString('utf8')), exit: code });
    });
  });
}

test('every differential fixture through refscope run matches its CPython recording', async () => {
  const pending = readPending();
  const fixtures = listFixtures().filter((f: string) => !(f in pending));
  assert.ok(fixtures.length > 300, `the corpus has ${fixtures.length} fixtures`);
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < fixtures.length) {
      const fixture = fixtures[next++];
      const got = await runCli(fixture);
      const want = readExpected(fixture);
      if (got.stdout !== want.stdout) problems.push(`${fixture}: stdout ${JSON.stringify(got.stdout.slice(-300))}`);
      else if (got.stderr !== want.stderr) problems.push(`${fixture}: stderr ${JSON.stringify(got.stderr.slice(-300))}`);
      else if (got.exit !== want.exit) problems.push(`${fixture}: exit ${got.exit}, recorded ${want.exit}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, worker));
  assert.deepStrictEqual(problems, []);
});
