#!/usr/bin/env node
// `npm run bench`: RefScope's interpreter (the CLI, `node dist/cli.js run`) against CPython 3.11
// (`python3`) on the same programs, in the same run and interleaved, so that the ratio is fair on
// a noisy shared machine. Writes the figures and the machine description into BENCHMARKS.md
// (between the `bench:` markers; the rest of the file is kept).
//
//   node bench/run.mjs [--runs N] [--quick] [--only name,name] [--no-write] [--no-editor]
//
//   --runs N      runs per side and benchmark (default 5); the median is reported
//   --quick       one run per side (a smoke test; the figures are noisier)
//   --only a,b    only these benchmarks (names from the table; `suite` is the fixture suite,
//                 `editor` the editor-side scripts, which otherwise do not run with --only)
//   --fixtures S  the suite runs only the fixtures whose path contains S (a partial suite)
//   --no-write    print the table, leave BENCHMARKS.md alone
//   --no-editor   do not run the editor-side scripts (bench/editor/*.mjs)
//
// Per run: wall time from spawn to exit (process start included on both sides), peak resident
// memory from GNU time's %M (the maximum resident set size of the process, in KiB), or, without
// /usr/bin/time, from polling VmHWM in /proc/<pid>/status every 5 ms. A benchmark whose stdout
// differs from CPython's (or, without python3, from the recording in bench/expected/) is VOID:
// its figures are printed but it computed the wrong answer.
//
// dist/ is built first (node esbuild.mjs) when a bundle is missing or older than its sources.
// Without python3 the CPython side is skipped with a note, and outputs are checked against
// bench/expected/ and the fixtures' recordings instead.
//
// Environment: REFSCOPE_PYTHON overrides `python3` (the binary it names, sys.executable, is what
// runs: launchers such as pyenv's shims would otherwise add their own start-up to CPython's time). Both sides run with PYTHONHASHSEED=0 and a
// minimal environment, like the differential corpus's recordings.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, listFixtures, needsObjgraph, objgraphDir } from '../test/differential/record.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
/** set to the run's snapshot of dist/ once it is built (see snapshotDist) */
let DIST = join(ROOT, 'dist');
let CLI = join(DIST, 'cli.js');
const PYTHON = process.env.REFSCOPE_PYTHON || 'python3';
const FIXTURES = join(ROOT, 'test', 'differential', 'fixtures');
const TIME = '/usr/bin/time';

// ------------------------------------------------------------------------------ options
const argv = process.argv.slice(2);
function opt(name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}
const quick = argv.includes('--quick');
let runs = Number(opt('--runs') ?? (quick ? 1 : 5));
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench: --runs needs a positive integer');
  process.exit(2);
}
const only = opt('--only')?.split(',').map((s) => s.trim()).filter(Boolean) ?? null;
const write = !argv.includes('--no-write');
const fixtureFilter = opt('--fixtures') ?? null;
// with --only, the editor scripts run when `editor` is one of the names
const editor = !argv.includes('--no-editor') && (!only || only.includes('editor'));

/** The interpreter benchmarks: programs in bench/programs, plus the fixture suite. */
const BENCHMARKS = [
  { name: 'startup', file: 'startup.py', what: "`print('ok')`: the fixed cost of starting each side" },
  { name: 'listcomp_10m', file: 'listcomp_10m.py', what: "lesson: `[i for i in range(10000000)]` in a function, returned" },
  { name: 'graph_dfs', file: 'graph_dfs.py', what: '200,000-node `__slots__` graph, 450,000 LCG edges, iterative DFS + unreachable scan' },
  { name: 'cycle_churn', file: 'cycle_churn.py', what: '20,000 two-instance cycles, default gc thresholds' },
  { name: 'attr_calls', file: 'attr_calls.py', what: 'attribute reads/writes, method calls, super(), properties' },
  { name: 'strings', file: 'strings.py', what: 'f-strings, %-format, str.format, join, +=, split, replace' },
  { name: 'suite', file: null, what: 'the differential fixture suite end to end (each fixture a process)' },
];

// ------------------------------------------------------------------------------ environment
const ENV = cleanEnv();

/** The interpreter binary itself: `python3` is often a launcher (a pyenv shim is a shell script
 * that costs ~0.25 s per start), which is not CPython's cost. */
let pythonExe = PYTHON;

function pythonVersion() {
  const r = spawnSync(PYTHON, ['-c', 'import sys; print(sys.executable); print(sys.version.split()[0])'], { encoding: 'utf8', env: ENV });
  if (r.error || r.status !== 0) return null;
  const [exe, ver] = r.stdout.trim().split('\n');
  if (exe && existsSync(exe)) pythonExe = exe;
  return `Python ${ver} (${pythonExe})`;
}

function machine(pyver) {
  const cpu = cpus();
  let model = cpu[0]?.model ?? 'unknown CPU';
  try {
    // cpus() reports what the kernel says; add the MHz and cache when /proc has them
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const mhz = /cpu MHz\s*:\s*([\d.]+)/.exec(info)?.[1];
    const cache = /cache size\s*:\s*(.+)/.exec(info)?.[1];
    if (mhz) model += ` @ ${Math.round(Number(mhz))} MHz`;
    if (cache) model += `, ${cache.trim()} cache`;
  } catch {
    /* not Linux */
  }
  let os = `${process.platform} ${release()}`;
  try {
    const m = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) os = `${m[1]} (${release()})`;
  } catch {
    /* no os-release */
  }
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' });
  return {
    cpu: model,
    cores: cpu.length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os,
    node: process.version,
    python: pyver ?? `${PYTHON} not found`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: git.status === 0 ? git.stdout.trim() + (dirty.stdout.trim() ? ' (+ uncommitted changes in src/)' : '') : 'unknown',
    load: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

// ------------------------------------------------------------------------------ measuring
const haveTime = existsSync(TIME);
const tmp = mkdtempSync(join(tmpdir(), 'refscope-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));

/**
 * Run a command; resolves { ms, kb, stdout, stderr, code }. kb is the peak resident set size
 * (GNU time's %M, or VmHWM polled from /proc).
 */
function measure(cmd, args, cwd, env = ENV, timeoutMs = 600_000) {
  return new Promise((resolve) => {
    const memFile = join(tmp, 'mem');
    const [c, a] = haveTime ? [TIME, ['-f', '%M', '-o', memFile, cmd, ...args]] : [cmd, args];
    const t0 = process.hrtime.bigint();
    const p = spawn(c, a, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => err.push(d));
    let hwm = 0;
    const poll = haveTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
            if (m) hwm = Math.max(hwm, Number(m[1]));
          } catch {
            /* exited */
          }
        }, 5);
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let kb = hwm;
      if (haveTime) {
        try {
          // the last line is %M (GNU time writes "Command exited with non-zero status" before it)
          const lines = readFileSync(memFile, 'utf8').trim().split('\n');
          kb = Number(lines[lines.length - 1]) || 0;
        } catch {
          kb = 0;
        }
      }
      resolve({ ms, kb, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: signal ? `signal ${signal}` : code });
    });
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// ------------------------------------------------------------------------------ one side
const ours = (file, cwd) => measure(process.execPath, [CLI, 'run', file], cwd);
const cpython = (file, cwd, env) => measure(pythonExe, [file], cwd, env);

/** CPython prints absolute script paths; the recordings (and RefScope) say just the name. */
function stripDir(text, dir) {
  return text.split(dir + sep).join('');
}

/** The fixture suite as one run: every fixture in turn (as test/differential/record.mjs and
 * tools/corpus.mjs run them: `NAME.py` with cwd = its directory); total time, largest peak, and each
 * fixture's stdout, stderr and exit code (the fixture directory stripped, as the recordings are). */
async function suiteRun(side, fixtures) {
  let ms = 0;
  let kb = 0;
  const outputs = new Map();
  for (const fx of fixtures) {
    const dir = join(FIXTURES, dirname(fx));
    let r;
    if (side === 'ours') r = await ours(basename(fx), dir);
    else {
      // as record.mjs records them: objgraph from python3's path or Debian's python3-objgraph
      const og = needsObjgraph(fx) ? objgraphDir() : '';
      r = await cpython(basename(fx), dir, og ? { ...ENV, PYTHONPATH: og } : ENV);
    }
    ms += r.ms;
    kb = Math.max(kb, r.kb);
    outputs.set(fx, { stdout: stripDir(r.stdout, dir), stderr: stripDir(r.stderr, dir), code: r.code });
  }
  return { ms, kb, outputs };
}

/** The first way a suite run differs from the recordings (stdout, stderr, exit code), or null. */
function suiteDifference(run, fixtures, compareStderr) {
  for (const fx of fixtures) {
    const want = JSON.parse(readFileSync(join(FIXTURES, fx.replace(/\.py$/, '.expected.json')), 'utf8'));
    const got = run.outputs.get(fx);
    if (got.stdout !== want.stdout) return `stdout of ${fx} differs from its recording`;
    if (compareStderr && got.stderr !== want.stderr) return `stderr of ${fx} differs from its recording`;
    if (got.code !== want.exit) return `${fx} exited with ${got.code}, recorded ${want.exit}`;
  }
  return null;
}

// ------------------------------------------------------------------------------ build
/** The bundles the benchmarks run (the CLI and its worker; the editor scripts use the session worker). */
const OUTPUTS = ['cli.js', 'worker.js', 'session-worker.js'].map((f) => join(ROOT, 'dist', f));
/** What the bundles are built from. */
const INPUTS = ['src', 'webview', 'l10n/parts', 'esbuild.mjs', 'package.json'].map((f) => join(ROOT, f));

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const name of readdirSync(p)) t = Math.max(t, newestMtime(join(p, name)));
  return t;
}

/** Why dist/ must be rebuilt (a missing bundle, or a source newer than the oldest bundle), or null. */
function buildState() {
  const missing = OUTPUTS.filter((f) => !existsSync(f));
  if (missing.length) return `${missing.map((f) => relative(ROOT, f)).join(', ')} missing`;
  const built = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  const src = Math.max(...INPUTS.map(newestMtime));
  return src > built ? 'dist/ is older than its sources' : null;
}

/** Others may rebuild dist/ while a long run goes on: the run measures its own copy of the bundles
 * (source maps left out), made right after the build check. */
function snapshotDist() {
  const to = join(tmp, 'dist');
  mkdirSync(to);
  for (const f of readdirSync(join(ROOT, 'dist'))) {
    if (!f.endsWith('.map') && statSync(join(ROOT, 'dist', f)).isFile()) copyFileSync(join(ROOT, 'dist', f), join(to, f));
  }
  DIST = to;
  CLI = join(DIST, 'cli.js');
}

// ------------------------------------------------------------------------------ main
async function main() {
  const selected = BENCHMARKS.filter((b) => !only || only.includes(b.name));
  const unknown = only?.filter((n) => n !== 'editor' && !BENCHMARKS.some((b) => b.name === n)) ?? [];
  if (unknown.length) {
    console.error(`bench: unknown benchmark ${unknown.join(', ')} in --only (known: ${BENCHMARKS.map((b) => b.name).join(', ')}, editor)`);
    process.exit(2);
  }
  const stale = buildState();
  if (stale) {
    console.log(`bench: ${stale}; building (node esbuild.mjs)`);
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) {
      console.error('bench: the build failed');
      process.exit(1);
    }
  }
  snapshotDist();
  const pyver = pythonVersion();
  const m = machine(pyver);
  const notes = [];
  if (!pyver) notes.push(`CPython was not measured: \`${PYTHON}\` is not installed (set REFSCOPE_PYTHON to use another command). Outputs were checked against the recordings in bench/expected/.`);
  else if (!/^Python 3\.11\./.test(pyver)) notes.push(`\`${PYTHON}\` is ${pyver}, not 3.11: ratios are against that version, and outputs may differ for reasons unrelated to RefScope.`);
  if (!pyver) console.log(`bench: ${notes[0]}`);
  if (!haveTime) notes.push('Peak memory: /usr/bin/time is missing, so VmHWM was polled from /proc every 5 ms (short peaks can be missed).');

  console.log(`bench: ${runs} run(s) per side; ${m.cpu}, ${m.cores} cores, node ${m.node}, ${m.python}; load ${m.load}`);

  const results = [];
  for (const b of selected) {
    const fixtures = b.file ? null : listFixtures().filter((f) => !fixtureFilter || f.includes(fixtureFilter));
    const oursRuns = [];
    const pyRuns = [];
    let void_ = null;
    for (let i = 0; i < runs; i++) {
      // alternate which side goes first, so that neither always runs on a warmer machine
      const order = i % 2 ? ['py', 'ours'] : ['ours', 'py'];
      for (const side of order) {
        if (side === 'py' && !pyver) continue;
        const s = side === 'ours' ? 'ours' : 'cpython';
        const r = fixtures ? await suiteRun(s, fixtures) : await (side === 'ours' ? ours : cpython)(b.file, join(BENCH, 'programs'));
        (side === 'ours' ? oursRuns : pyRuns).push(r);
        process.stdout.write(`  ${b.name} ${s} #${i + 1}: ${(r.ms / 1000).toFixed(2)} s, ${(r.kb / 1024).toFixed(0)} MiB\n`);
      }
    }
    // correctness: our stdout equals CPython's (every run), or the recording
    const check = (got, want, label) => {
      if (void_ || got === want) return;
      void_ = label;
    };
    if (fixtures) {
      // ours against the recordings (stdout, stderr, exit code: what the differential test checks)
      // and against this run's CPython (stdout); CPython against the recordings is a note (drift)
      // (a fixture CPython cannot reproduce here — objgraph not installed, say — is compared with
      // its recording only, and named in a note)
      const unreproduced = new Set();
      for (const py of pyRuns) {
        for (const fx of fixtures) if (suiteDifference(py, [fx], true)) unreproduced.add(fx);
      }
      for (const r of oursRuns) {
        const d = suiteDifference(r, fixtures, true);
        if (d) check('', 'x', d);
        for (const py of pyRuns) {
          for (const fx of fixtures) {
            if (!unreproduced.has(fx)) check(r.outputs.get(fx).stdout, py.outputs.get(fx).stdout, `stdout of ${fx} differs from CPython's`);
          }
        }
      }
      if (unreproduced.size) {
        const first = [...unreproduced][0];
        notes.push(
          `suite: CPython here did not reproduce the recordings of ${[...unreproduced].join(', ')} (${suiteDifference(pyRuns.find((p) => suiteDifference(p, [first], true)), [first], true)}); ` +
            'RefScope was compared with the recordings there. `node test/differential/record.mjs --check` lists the drift.',
        );
      }
    } else {
      const recorded = join(BENCH, 'expected', b.file.replace(/\.py$/, '.txt'));
      const want = pyRuns.length ? pyRuns[0].stdout : existsSync(recorded) ? readFileSync(recorded, 'utf8') : null;
      if (want === null) void_ = 'no CPython and no recording to compare with';
      for (const r of oursRuns) check(r.stdout, want, `stdout differs from ${pyRuns.length ? 'CPython' : 'the recording'}: ${JSON.stringify(r.stdout.slice(0, 200))}${r.stderr ? ` (stderr: ${JSON.stringify(r.stderr.slice(0, 300))})` : ''}`);
      for (const r of pyRuns) check(r.stdout, pyRuns[0].stdout, 'CPython printed different outputs in different runs');
      if (pyRuns.length && existsSync(recorded) && readFileSync(recorded, 'utf8') !== pyRuns[0].stdout) {
        notes.push(`${b.name}: CPython's output differs from bench/expected/${basename(recorded)} (re-record it).`);
      }
    }
    const res = {
      name: b.name,
      what: fixtures ? `${b.what}: ${fixtures.length} fixtures${fixtureFilter ? ` matching \`${fixtureFilter}\`` : ''}` : b.what,
      oursMs: median(oursRuns.map((r) => r.ms)),
      oursKb: median(oursRuns.map((r) => r.kb)),
      pyMs: pyRuns.length ? median(pyRuns.map((r) => r.ms)) : null,
      pyKb: pyRuns.length ? median(pyRuns.map((r) => r.kb)) : null,
      void: void_,
    };
    res.ratio = res.pyMs ? res.oursMs / res.pyMs : null;
    res.memRatio = res.pyKb ? res.oursKb / res.pyKb : null;
    results.push(res);
    console.log(`${b.name}: ours ${(res.oursMs / 1000).toFixed(2)} s, CPython ${res.pyMs ? (res.pyMs / 1000).toFixed(2) + ' s' : '-'}, ratio ${res.ratio ? res.ratio.toFixed(2) + '×' : '-'}${void_ ? `  VOID: ${void_}` : ''}`);
  }

  const editorRows = editor ? runEditorScripts(notes) : [];
  const table = render(m, results, editorRows, notes);
  console.log('\n' + table);
  if (write) writeBenchmarks(table);
  if (results.some((r) => r.void)) process.exitCode = 1;
}

// ------------------------------------------------------------------------------ editor side
/** The editor-side figures the report has slots for, in order (bench/editor/*.mjs report them). */
const EDITOR_SLOTS = [
  ['hover latency p50', '≤ 20 ms (p95)'],
  ['hover latency p95', '≤ 20 ms'],
  ['hover latency back to back p95', ''],
  ['re-run latency p50', '≤ 50 ms'],
  ['re-run latency p95', '≤ 50 ms'],
  ['first run of a file p50', ''],
  ['lesson 10M list: run', ''],
  ['lesson 10M list: hover', ''],
  ['graph model build', ''],
  ['webview layout', '≤ 500 ms'],
  ['extension activation', ''],
  ['.vsix size', ''],
];

/**
 * Each bench/editor/*.mjs prints one JSON object per line, either a figure
 *   {"metric": "hover latency p95", "value": 12.5, "unit": "ms", "detail": "...", "target": "..."}
 * or, when what it measures does not exist yet, {"metric": "...", "missing": "dist/webview.js"}
 * (shown as "not measured: ..."; never a number). Other lines are progress text.
 */
function runEditorScripts(notes) {
  const dir = join(BENCH, 'editor');
  const rows = [];
  if (!existsSync(dir)) return rows;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.mjs')).sort()) {
    console.log(`bench: editor script ${f}`);
    const args = [join(dir, f), ...(quick ? ['--quick'] : [])];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 << 20, env: { ...process.env, REFSCOPE_BENCH_DIST: DIST } });
    let n = 0;
    for (const line of (r.stdout ?? '').split('\n')) {
      const t = line.trim();
      if (!t.startsWith('{')) {
        if (t) console.log(`  ${t}`);
        continue;
      }
      try {
        const o = JSON.parse(t);
        if (typeof o.metric === 'string' && (o.value !== undefined || typeof o.missing === 'string')) {
          rows.push({ ...o, source: f });
          n++;
          console.log(`  ${o.metric}: ${o.missing ? `not measured: ${o.missing}` : `${o.value}${o.unit ? ' ' + o.unit : ''}`}`);
        }
      } catch {
        /* not a figure */
      }
    }
    if (r.status !== 0) {
      const lines = (r.stderr || String(r.error ?? '')).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !l.startsWith('Node.js'));
      const last = lines.filter((l) => /Error/.test(l)).pop() ?? lines.pop() ?? '';
      notes.push(`bench/editor/${f} failed (exit ${r.status ?? r.signal}) after ${n} figure(s): ${last}`);
    }
  }
  return rows;
}

// ------------------------------------------------------------------------------ report
const fmtS = (ms) => (ms === null ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const fmtMB = (kb) => (kb === null ? '—' : `${Math.round(kb / 1024)} MiB`);
const fmtX = (x) => (x === null ? '—' : `${x.toFixed(2)}×`);

function render(m, results, editorRows, notes) {
  const L = [];
  L.push(`Run of ${m.date} — \`node bench/run.mjs${argv.length ? ' ' + argv.join(' ') : ''}\`, median of ${runs} run${runs > 1 ? 's' : ''} per side, interleaved.`);
  L.push('');
  L.push(`- Machine: ${m.cpu}; ${m.cores} cores (shared); ${m.memory} RAM; ${m.os}; load average at start ${m.load}`);
  L.push(`- Node ${m.node}; ${m.python}; RefScope commit ${m.commit}`);
  L.push('');
  L.push('| benchmark | RefScope | CPython | time ratio | RefScope peak RSS | CPython peak RSS | memory ratio | output |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const ok = r.void ? `**VOID**: ${r.void}` : r.pyMs !== null ? 'same as CPython' : 'same as recording';
    L.push(`| \`${r.name}\` — ${r.what} | ${fmtS(r.oursMs)} | ${fmtS(r.pyMs)} | ${fmtX(r.ratio)} | ${fmtMB(r.oursKb)} | ${fmtMB(r.pyKb)} | ${fmtX(r.memRatio)} | ${ok} |`);
  }
  L.push('');
  L.push('Times are wall-clock from spawn to exit, so they include process start-up (the `startup` row). Peak RSS is the process\'s maximum resident set size' + (haveTime ? ' (GNU time %M).' : ' (VmHWM polled from /proc).') + ' The fixture suite runs each fixture as its own process; its time is the sum and its memory the largest peak.');
  L.push('');
  const above3 = results.filter((r) => r.ratio !== null && r.ratio > 3);
  const above1 = results.filter((r) => r.ratio !== null && r.ratio > 1 && r.ratio <= 3);
  if (results.some((r) => r.ratio !== null)) {
    const names = (rs) => (rs.length ? rs.map((r) => `\`${r.name}\` ${fmtX(r.ratio)}`).join(', ') : 'none');
    L.push(`Target (time): at or below 1.0× CPython 3.11, none above 3×. Above 3×: ${names(above3)}. Between 1× and 3×: ${names(above1)}.`);
    L.push('');
  }
  L.push('### Editor side');
  L.push('');
  if (!editor) L.push('Not run in this run (`--no-editor`, or `--only` without `editor`).');
  else L.push('| figure | detail | value | target |');
  if (editor) L.push('| --- | --- | ---: | --- |');
  const cell = (r) => (r.missing ? `not measured: ${r.missing}` : `${r.value}${r.unit ? ' ' + r.unit : ''}`);
  const used = new Set();
  for (const [metric, target] of editor ? EDITOR_SLOTS : []) {
    const rs = editorRows.filter((x) => x.metric === metric);
    for (const r of rs) {
      used.add(r);
      L.push(`| ${metric} | ${r.detail ?? ''} | ${cell(r)} | ${r.target ?? target} |`);
    }
    if (!rs.length) L.push(`| ${metric} | | not measured: ${editor ? 'no bench/editor script reported it' : 'run with --no-editor'} | ${target} |`);
  }
  for (const r of editorRows) if (!used.has(r)) L.push(`| ${r.metric} | ${r.detail ?? ''} | ${cell(r)} | ${r.target ?? ''} |`);
  if (notes.length) {
    L.push('');
    for (const n of notes) L.push(`> ${n}`);
  }
  return L.join('\n');
}

const BEGIN = '<!-- bench:begin (written by bench/run.mjs; edit outside the markers) -->';
const END = '<!-- bench:end -->';

function writeBenchmarks(table) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const block = `${BEGIN}\n${table}\n${END}`;
  let text;
  if (existsSync(file)) {
    const old = readFileSync(file, 'utf8');
    const a = old.indexOf(BEGIN);
    const b = old.indexOf(END);
    text = a >= 0 && b > a ? old.slice(0, a) + block + old.slice(b + END.length) : `${old.trimEnd()}\n\n${block}\n`;
  } else {
    text = `# Benchmarks\n\n\`npm run bench\` (bench/run.mjs) writes the latest run between the markers below.\n\n## Latest run\n\n${block}\n`;
  }
  writeFileSync(file, text);
  console.log('bench: wrote BENCHMARKS.md');
}

await main();
