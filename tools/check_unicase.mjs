#!/usr/bin/env node
// Compares str's case methods and predicates (upper, lower, title, swapcase, casefold,
// capitalize; isupper ... isidentifier) of every code point between RefScope and python3 (3.11):
// tools/unicase_probe.py runs on both, range by range. Prints the differences per method and exits 1
// when there are any.
//
//   node tools/check_unicase.mjs            (builds nothing: run `node esbuild.mjs` first)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const probe = join(ROOT, 'tools', 'unicase_probe.py');
const env = { ...process.env, PYTHONHASHSEED: '0' };
delete env.PYTHONUNBUFFERED;
const RANGES = [[0, 0x10000], [0x10000, 0x30000], [0x30000, 0x110000]];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return new Map(r.stdout.split('\n').filter(Boolean).map((l) => {
    const i = l.indexOf(' ');
    return i < 0 ? [l, ''] : [l.slice(0, i), l.slice(i + 1)];
  }));
}

let bad = 0;
for (const [lo, hi] of RANGES) {
  const args = [probe, lo.toString(16), hi.toString(16)];
  const want = run('python3', args);
  const got = run(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'run', ...args]);
  for (const [k, v] of want) {
    const a = new Set(v.split(' ').filter(Boolean));
    const b = new Set((got.get(k) ?? '').split(' ').filter(Boolean));
    const diff = [...a].filter((x) => !b.has(x)).concat([...b].filter((x) => !a.has(x)));
    if (diff.length) {
      bad += diff.length;
      console.log(`${lo.toString(16)}..${hi.toString(16)} ${k}: ${diff.length} differing runs/entries, e.g. ${diff.slice(0, 6).join(' ')}`);
    }
  }
}
console.log(bad ? `${bad} differences` : 'str case methods and predicates: every code point as python3');
process.exit(bad ? 1 : 0);
