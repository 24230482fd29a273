#!/usr/bin/env node
// The interpreter with V8 warm: each benchmark program run 7 times in one process on each side
// (RefScope's interpreter bundle loaded once, as `refscope run` loads it, with the same V8 flag;
// CPython exec()s the compiled program in a fresh __main__ dict each time), reporting the fastest
// and the median run. `npm run bench` measures what a user waits for (a fresh process each run:
// start-up, and for RefScope V8's unoptimised first pass through the interpreter); this separates
// the interpreter's own speed from those. Not a target figure; for finding where the time goes.
//
//   node bench/warm.mjs [NAME ...]     (NAME: a file in bench/programs, without .py; default: all
//                                      but startup, which is nothing in one process, and
//                                      listcomp_10m, whose runs are mostly memory)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROGRAMS = join(ROOT, 'bench', 'programs');
const RUNS = 7;
const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(PROGRAMS)
      .filter((f) => f.endsWith('.py') && f !== 'listcomp_10m.py' && f !== 'startup.py')
      .map((f) => f.slice(0, -3))
      .sort();
const files = names.map((n) => join(PROGRAMS, `${n}.py`));
for (const f of files) if (!existsSync(f)) throw new Error(`bench/warm: no such program ${f}`);
const bundle = join(ROOT, 'dist', 'worker.js');
if (!existsSync(bundle)) throw new Error('bench/warm: dist/worker.js is missing (run node esbuild.mjs)');

// one line per program: "name min med"
const NODE_SIDE = `
require('v8').setFlagsFromString('--max-valid-polymorphic-map-count=64');
const m = require(${JSON.stringify(bundle)});
const fs = require('fs');
for (const p of ${JSON.stringify(files)}) {
  const src = fs.readFileSync(p, 'utf8');
  const ts = [];
  for (let i = 0; i < ${RUNS}; i++) {
    const t = performance.now();
    const r = m.runSource(src, require('path').basename(p), {});
    ts.push(performance.now() - t);
    if (r.exitCode !== 0) throw new Error(p + ': ' + r.stderr);
  }
  ts.sort((a, b) => a - b);
  console.log(p, ts[0], ts[${RUNS >> 1}]);
}`;
const PY_SIDE = `
import contextlib, io, sys, time
for p in sys.argv[1:]:
    code = compile(open(p).read(), p.rsplit('/', 1)[-1], 'exec')
    ts = []
    for i in range(${RUNS}):
        t = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, {'__name__': '__main__'})
        ts.append((time.perf_counter() - t) * 1000)
    ts.sort()
    print(p, ts[0], ts[${RUNS >> 1}])
`;
const env = { ...process.env, PYTHONHASHSEED: '0' };
function side(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, cwd: PROGRAMS, maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) return { error: (r.error?.message ?? r.stderr).trim().split('\n').pop() };
  const out = new Map();
  for (const line of r.stdout.trim().split('\n')) {
    const [p, min, med] = line.split(' ');
    out.set(p, { min: Number(min), med: Number(med) });
  }
  return { out };
}
const ours = side(process.execPath, ['--stack-size=20000', '-e', NODE_SIDE]);
if (ours.error) throw new Error(`bench/warm: RefScope's side failed: ${ours.error}`);
const python = process.env.REFSCOPE_PYTHON || 'python3';
const cpy = side(python, ['-c', PY_SIDE, ...files]);
const f1 = (x) => (x === undefined ? '-' : x.toFixed(1));
console.log(`${RUNS} runs in one process per side; ms (fastest / median)${cpy.error ? `; CPython not measured: ${cpy.error}` : ''}`);
console.log('| program | RefScope | CPython | ratio (fastest) |');
console.log('| --- | ---: | ---: | ---: |');
for (let i = 0; i < files.length; i++) {
  const a = ours.out.get(files[i]);
  const b = cpy.out?.get(files[i]);
  console.log(`| ${names[i]} | ${f1(a.min)} / ${f1(a.med)} | ${b ? `${f1(b.min)} / ${f1(b.med)}` : '-'} | ${b ? `${(a.min / b.min).toFixed(2)}×` : '-'} |`);
}
