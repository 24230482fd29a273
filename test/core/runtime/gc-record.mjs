// Records the expected output of test/core/runtime/gc-cases/*.py with python3 (CPython 3.11):
//   node test/core/runtime/gc-record.mjs
import { readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'gc-cases');
const out = {};
for (const f of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
  const r = spawnSync('python3', [f], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  out[f] = { stdout: r.stdout, stderr: r.stderr, exit: r.status };
}
const v = spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim();
writeFileSync(join(dir, 'expected.json'), JSON.stringify({ python: v, cases: out }, null, 2) + '\n');
console.log(`recorded ${Object.keys(out).length} cases with ${v}`);
