#!/usr/bin/env node
// Records CPython 3.11's output of every case here into expected.json:
//   node test/core/runtime/attr-cases/record.mjs   (also used for str-cases/ and dict-cases/: pass the directory)
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = resolve(process.argv[2] ?? dirname(fileURLToPath(import.meta.url)));
const version = spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim();
if (!/^Python 3\.11\./.test(version)) {
  console.error(`record: python3 must be CPython 3.11 (found ${version || 'none'})`);
  process.exit(1);
}
const cases = {};
for (const f of readdirSync(dir).filter((n) => n.endsWith('.py')).sort()) {
  const r = spawnSync('python3', [f], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  cases[f] = { stdout: r.stdout, stderr: r.stderr, exit: r.status };
}
writeFileSync(join(dir, 'expected.json'), JSON.stringify({ python: version, cases }, null, 1) + '\n');
console.log(`recorded ${Object.keys(cases).length} cases with ${version}`);
