#!/usr/bin/env node
// What V8 did to the interpreter while it ran each benchmark program: how often the dispatch loop
// (evalLoop) was compiled by TurboFan, how many optimised functions were thrown away and why. A
// short program's time is mostly V8 warming the interpreter up, and every deoptimisation of a hot
// function sends it back to V8's slow tiers until it is compiled again; unlike wall time, these
// counts barely move between runs on a noisy machine, so a change meant to avoid deoptimisations
// can be checked here first (then measured with `npm run bench`).
//
//   node bench/deopts.mjs [NAME...] [--runs N] [--sites]   (NAME: a file in bench/programs, without .py)
//
// --sites also lists where evalLoop was deoptimized and why, as lines of src/ (through the
// bundle's source map): a path of evalLoop first taken after its compile ("Insufficient type
// feedback"), or a hidden class new to a site ("wrong map").
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { originalPosition } from './sourcemap.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const ri = argv.indexOf('--runs');
const runs = ri >= 0 ? Math.max(1, Number(argv[ri + 1]) || 1) : 3;
const names = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs');
const sites = argv.includes('--sites');
const siteCounts = new Map();
/** `line:col` of dist/worker.js as `src/...:line  text` */
function originalSite(line, col) {
  const p = originalPosition(join(ROOT, 'dist', 'worker.js'), line - 1, col - 1);
  if (!p) return `worker.js:${line}:${col}`;
  let text = '';
  try {
    text = readFileSync(join(ROOT, p.source), 'utf8').split('\n')[p.line].trim();
  } catch {
    /* not a file of this checkout */
  }
  return `${p.source}:${p.line + 1}  ${text}`;
}
const all = readdirSync(join(ROOT, 'bench', 'programs'))
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3));
const programs = names.length ? names : all;
for (const n of programs) {
  if (!all.includes(n)) {
    console.error(`bench/deopts: no program bench/programs/${n}.py`);
    process.exit(2);
  }
}

/** counts of one run's --trace-opt/--trace-deopt lines */
function traceCounts(name) {
  const flags = ['--trace-opt', sites ? '--trace-deopt-verbose' : '--trace-deopt'];
  const r = spawnSync(process.execPath, [...flags, join(ROOT, 'dist', 'cli.js'), 'run', `${name}.py`], {
    cwd: join(ROOT, 'bench', 'programs'),
    encoding: 'utf8',
    maxBuffer: 512 << 20,
  });
  if (r.status !== 0) throw new Error(`${name}.py failed (exit ${r.status}): ${r.stderr.slice(-300)}`);
  const c = { compiles: 0, evalLoop: 0, aborted: 0, wrongMap: 0, feedback: 0, dependency: 0, other: 0 };
  let evalLoopReason = null;
  for (const line of r.stdout.split('\n')) {
    if (evalLoopReason !== null) {
      const at = /deoptimize at <[^>]*worker\.js:(\d+):(\d+)>/.exec(line);
      if (at) {
        const k = `${name}: ${evalLoopReason} at ${originalSite(Number(at[1]), Number(at[2]))}`;
        siteCounts.set(k, (siteCounts.get(k) ?? 0) + 1);
        evalLoopReason = null;
      }
    }
    if (sites && line.startsWith('[bailout (') && line.includes('<JSFunction evalLoop ')) evalLoopReason = /reason: ([^)]*)/.exec(line)?.[1] ?? '?';
    if (line.startsWith('[completed optimizing')) {
      c.compiles++;
      if (line.includes('<JSFunction evalLoop ')) c.evalLoop++;
    } else if (line.startsWith('[aborted optimizing')) c.aborted++;
    else if (line.startsWith('[marking dependent code')) c.dependency++;
    else if (line.startsWith('[bailout (')) {
      if (line.includes('reason: wrong map')) c.wrongMap++;
      else if (line.includes('reason: Insufficient type feedback')) c.feedback++;
      else c.other++;
    }
  }
  return c;
}

const cols = ['compiles', 'evalLoop', 'aborted', 'wrongMap', 'feedback', 'dependency', 'other'];
console.log(`mean per run of ${runs} (node ${process.version}; TurboFan compiles, of which evalLoop; compiles aborted; deopts: wrong map, too little type feedback, code dependencies, other)`);
console.log(['program'.padEnd(14), ...cols.map((k) => k.padStart(11))].join(''));
for (const n of programs) {
  const sum = Object.fromEntries(cols.map((k) => [k, 0]));
  for (let i = 0; i < runs; i++) {
    const c = traceCounts(n);
    for (const k of cols) sum[k] += c[k];
  }
  console.log([n.padEnd(14), ...cols.map((k) => (sum[k] / runs).toFixed(1).padStart(11))].join(''));
}
if (sites) {
  console.log(`\nevalLoop deoptimized (times in ${runs} run(s) of each program; reason at source line):`);
  for (const [k, v] of [...siteCounts].sort((a, b) => b[1] - a[1])) console.log(`${String(v).padStart(4)}  ${k}`);
}
