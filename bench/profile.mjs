#!/usr/bin/env node
// Where the interpreter spends its time on one benchmark program: runs `node --cpu-prof
// dist/cli.js run bench/programs/NAME.py` (node writes one profile per thread; the interpreter runs
// in the worker thread) and prints the functions with the most self time, each with the source
// file it was bundled from (through dist/worker.js.map).
//
//   node bench/profile.mjs NAME [--top N] [--keep DIR]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { originalPosition } from './sourcemap.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const name = argv.find((a) => !a.startsWith('--') && argv[argv.indexOf(a) - 1] !== '--top' && argv[argv.indexOf(a) - 1] !== '--keep');
const top = Number(argv[argv.indexOf('--top') + 1]) || 25;
const keep = argv.includes('--keep') ? argv[argv.indexOf('--keep') + 1] : null;
if (!name) {
  console.error('usage: node bench/profile.mjs NAME [--top N] [--keep DIR]   (NAME: a file in bench/programs, without .py)');
  process.exit(2);
}
const program = join(ROOT, 'bench', 'programs', name.endsWith('.py') ? name : `${name}.py`);
if (!existsSync(program)) {
  console.error(`bench/profile: no such program ${program}`);
  process.exit(2);
}
const dir = keep ?? mkdtempSync(join(tmpdir(), 'refscope-prof-'));
const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, join(ROOT, 'dist', 'cli.js'), 'run', basename(program)], {
  cwd: dirname(program),
  encoding: 'utf8',
  env: { ...process.env, PYTHONHASHSEED: '0' },
  maxBuffer: 256 << 20,
});
if (r.status !== 0) {
  console.error(`the program failed (exit ${r.status}): ${r.stderr.slice(-500)}`);
  process.exit(1);
}

// the source file of a position in a bundle: through the bundle's source map (the interpreter
// bundles are minified), else esbuild's module markers (line -> source file)
const markers = new Map();
function sourceOf(url, line, column) {
  if (!url.startsWith('file://')) return url || '(native)';
  const file = fileURLToPath(url);
  const mapped = originalPosition(file, line, column);
  if (mapped) return mapped.source;
  if (!markers.has(file)) {
    const m = [];
    if (existsSync(file)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((l, i) => {
          const x = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(l);
          if (x) m.push([i, x[1]]);
        });
    }
    markers.set(file, m);
  }
  let src = basename(file);
  for (const [l, s] of markers.get(file)) {
    if (l > line) break;
    src = s;
  }
  return src;
}

// the largest profile is the interpreter's thread
const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
profiles.sort((a, b) => statSync(b).size - statSync(a).size);
const prof = JSON.parse(readFileSync(profiles[0], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
let total = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const n = byId.get(prof.samples[i]);
  const d = dt[i] ?? 0;
  total += d;
  const cf = n.callFrame;
  const key = cf.url
    ? `${cf.functionName || '(anonymous)'}  ${sourceOf(cf.url, cf.lineNumber, cf.columnNumber)}  (${cf.url.startsWith('file://') ? basename(fileURLToPath(cf.url)) : cf.url}:${cf.lineNumber + 1})`
    : cf.functionName || '(native)';
  self.set(key, (self.get(key) ?? 0) + d);
}
const bySource = new Map();
for (const [k, v] of self) {
  const src = k.includes('  ') ? k.split('  ')[1] : '(V8: gc, idle, program)';
  bySource.set(src, (bySource.get(src) ?? 0) + v);
}
const pct = (v) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
console.log(`${name}: ${(total / 1e6).toFixed(2)} s sampled in the interpreter's thread (${profiles.length} profiles in ${dir})`);
console.log('\nself time by function:');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
console.log('\nself time by source file:');
for (const [k, v] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(v)}  ${k}`);
if (!keep) rmSync(dir, { recursive: true, force: true });
