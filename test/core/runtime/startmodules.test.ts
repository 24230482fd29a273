// The module objects and builtin functions CPython 3.11's start-up has made, with their counts
// (src/core/runtime/startmodules.ts, written by tools/startstrings.mjs --modules): when python3 is
// CPython 3.11, the modules' counts and a sample of the functions' are measured again the way the
// tool measured them, and a RefScope run prints the same for each (runtime/startrefs.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { MODULE_START_COUNTS, FUNCTION_START_COUNTS } from '../../../src/core/runtime/startmodules';
import { runSource } from '../../../src/core/run';
import { checkPython, cleanEnv, PYTHON } from '../../differential/record.mjs';

const modules = [...MODULE_START_COUNTS.keys()];
const functions = [...FUNCTION_START_COUNTS.keys()].filter((_, i) => i % 3 === 0).concat(['builtins.len', 'builtins.print', 'sys.getrefcount']);

test('the tables hold sys, builtins and their functions', () => {
  assert.ok(MODULE_START_COUNTS.get('sys')! > 50);
  assert.ok(MODULE_START_COUNTS.get('builtins')! > 40);
  assert.ok(FUNCTION_START_COUNTS.get('builtins.len')! > 1);
});

// each measured as the tool does: nothing bound but g (sys.getrefcount: its global and the
// callable on the stack are its own) and the module dict
const SCRIPT = `g = __import__('sys').getrefcount
mods = __import__('sys').modules
out = []
${modules.map((m) => `out.append(g(mods[${JSON.stringify(m)}]) - 1)`).join('\n')}
${functions.map((f) => `out.append(g(vars(mods[${JSON.stringify(f.slice(0, f.lastIndexOf('.')))}])[${JSON.stringify(f.slice(f.lastIndexOf('.') + 1))}]) - 1${f === 'sys.getrefcount' ? ' - 2' : ''})`).join('\n')}
print(out)
`;
const want = [...modules.map((m) => MODULE_START_COUNTS.get(m)!), ...functions.map((f) => FUNCTION_START_COUNTS.get(f)!)];

const py = checkPython();
test('the tables measured again on the live CPython 3.11', { skip: py.ok ? false : `no CPython 3.11: ${py.reason}` }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-startmodules-test-'));
  try {
    writeFileSync(join(dir, 'measure.py'), SCRIPT);
    const r = spawnSync(PYTHON, ['measure.py'], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a RefScope run that imports them prints the same counts (the functions it has)', () => {
  // (the imports first: then each module's count is its start count plus the global)
  const imports = modules.map((m, i) => `import ${m} as m${i}`).join('\n');
  const src = `${imports}
g = __import__('sys').getrefcount
mods = __import__('sys').modules
out = []
${modules.map((m) => `out.append(g(mods[${JSON.stringify(m)}]) - 2)`).join('\n')}
${functions
  .map((f) => {
    const [m, n] = [JSON.stringify(f.slice(0, f.lastIndexOf('.'))), JSON.stringify(f.slice(f.lastIndexOf('.') + 1))];
    return `out.append(g(vars(mods[${m}])[${n}]) - 1${f === 'sys.getrefcount' ? ' - 2' : ''} if ${n} in vars(mods[${m}]) else None)`;
  })
  .join('\n')}
print(out)
`;
  const r = runSource(src, 'measure.py', { audit: true });
  assert.equal(r.stderr, '');
  const got = JSON.parse(r.stdout.replace(/None/g, 'null')) as (number | null)[];
  const names = [...modules, ...functions];
  const diff = got.map((n, i) => (n === null || n === want[i] ? null : `${names[i]}: ${n}, CPython ${want[i]}`)).filter((x) => x !== null);
  assert.deepEqual(diff, []);
  assert.ok(got.filter((n) => n !== null).length > modules.length + 20);
});
