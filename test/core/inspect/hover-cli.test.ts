// `refscope hover FILE LINE COL` (the built CLI, worker thread): the same Markdown as hoverAt.
import { test } from 'node:test';
import assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InspectSession } from '../../../src/core/inspect/session';
import { hoverAt } from '../../../src/core/inspect/hover';
import { makeTranslator } from '../../../src/core/inspect/translate';

const CLI = join(process.cwd(), 'dist/cli.js');
const FILE = 'test/core/inspect/fixtures/hover/lesson_e5.py';

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, 'hover', ...args], { encoding: 'utf8', timeout: 60_000 });
}

test('prints the hover of the extension, produced by the same code', () => {
  const r = cli([FILE, '10', '27']);
  assert.strictEqual(r.status, 0, r.stderr);
  const s = new InspectSession(readFileSync(FILE, 'utf8'), FILE);
  assert.strictEqual(r.stdout, hoverAt(s, 10, 27, makeTranslator(null))!.markdown + '\n');
  assert.match(r.stdout, /would print \*\*3\*\*/);
});

test('--lang zh-cn and --links', () => {
  const r = cli([FILE, '10', '27', '--lang', 'zh-cn', '--links']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.match(r.stdout, /会打印 \*\*3\*\*/);
  assert.match(r.stdout, /\(command:refscope\.showBackrefs\?/);
});

test('bad input: clear messages and exit codes', () => {
  const usage = cli([FILE, '10']);
  assert.strictEqual(usage.status, 2);
  assert.match(usage.stderr, /usage: refscope hover FILE LINE COL/);
  const missing = cli(['nope.py', '1', '1']);
  assert.strictEqual(missing.status, 2);
  assert.match(missing.stderr, /can't open file 'nope\.py'/);
  const nothing = cli([FILE, '2', '1']);
  assert.strictEqual(nothing.status, 1);
  assert.match(nothing.stderr, /no name, attribute or subscript at/);
});

test('a program that raises: the hover shows the state where it stopped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-hover-'));
  const f = join(dir, 'err.py');
  writeFileSync(f, 'x = [1]\ny = x\nprint(1 / 0)\nz = x\n');
  const r = cli([f, '4', '5']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.match(r.stderr, /the program stopped at line 3: ZeroDivisionError: division by zero/);
  assert.match(r.stdout, /Line 4 has not run/);
  assert.match(r.stdout, /would print \*\*3\*\*/);
});

test('an endless loop ends with the step limit, not a hang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-hover-'));
  const f = join(dir, 'loop.py');
  writeFileSync(f, 'a = []\nwhile True:\n    a = a\n');
  const r = cli([f, '1', '1']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.match(r.stderr, /the program stopped at line \d: The program ran longer than/);
  assert.match(r.stdout, /`a`: \*\*list\*\*/);
});
