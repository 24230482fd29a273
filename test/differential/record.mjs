#!/usr/bin/env node
// Records the differential corpus against a live CPython 3.11.
//
//   node test/differential/record.mjs            re-record every fixture (writes NAME.expected.json)
//   node test/differential/record.mjs --check    write nothing; exit 1 listing fixtures whose
//                                                recording drifted from the live interpreter
//   node test/differential/record.mjs [--check] lang/closures.py ...   only these fixtures
//
// Each fixture runs as `PYTHONHASHSEED=0 python3 NAME.py` with cwd = the fixture's directory.
// CPython >= 3.9 makes the script path absolute (tracebacks say File "/abs/dir/NAME.py"), so the
// fixture directory prefix is stripped from stdout/stderr: recordings say File "NAME.py", which is
// what runSource(source, 'NAME.py') must print.

import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync, writeFileSync, existsSync, statSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DIFF_DIR = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = join(DIFF_DIR, 'fixtures');
export const TIMEOUT_MS = 20_000;
export const PYTHON = process.env.REFSCOPE_PYTHON || 'python3';

/** Fixture paths relative to fixtures/, with forward slashes, sorted. */
export function listFixtures() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.py')) out.push(relative(FIXTURES_DIR, p).split(sep).join('/'));
    }
  };
  walk(FIXTURES_DIR);
  return out;
}

export function expectedPath(fixture) {
  return join(FIXTURES_DIR, fixture.replace(/\.py$/, '.expected.json'));
}

export function readExpected(fixture) {
  return JSON.parse(readFileSync(expectedPath(fixture), 'utf8'));
}

/** Returns { ok: true, version } when `python3 --version` is 3.11.x, else { ok: false, version, reason }. */
export function checkPython() {
  const r = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
  if (r.error) {
    return { ok: false, version: null, reason: `cannot run ${PYTHON}: ${r.error.message}` };
  }
  const text = `${r.stdout}${r.stderr}`.trim();
  const m = /^Python (\d+)\.(\d+)\.(\d+)\S*$/.exec(text);
  if (!m) return { ok: false, version: null, reason: `${PYTHON} --version printed ${JSON.stringify(text)}` };
  const version = `${m[1]}.${m[2]}.${m[3]}`;
  if (m[1] !== '3' || m[2] !== '11') {
    return {
      ok: false,
      version,
      reason: `${PYTHON} is ${version}, but the corpus records CPython 3.11 behaviour ` +
        '(refcounts, tracebacks and GC differ in other versions)',
    };
  }
  return { ok: true, version };
}

/** The minimal environment CPython runs in for recordings (and the benchmarks). */
export function cleanEnv() {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    PYTHONHASHSEED: '0',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
    LC_ALL: 'C.UTF-8',
    LANG: 'C.UTF-8',
  };
  if (process.env.HOME) env.HOME = process.env.HOME;
  return env;
}

// Fixtures that `import objgraph` (a pure-Python package) need it on CPython's path: the live
// interpreter's own, or Debian's python3-objgraph (/usr/lib/python3/dist-packages/objgraph.py),
// linked alone into a temporary directory put on PYTHONPATH.
const DEBIAN_OBJGRAPH = '/usr/lib/python3/dist-packages/objgraph.py';
let objgraphPath;
/** '' when python3 imports objgraph by itself, a PYTHONPATH directory, or null when it is missing. */
export function objgraphDir() {
  if (objgraphPath !== undefined) return objgraphPath;
  const r = spawnSync(PYTHON, ['-c', 'import objgraph'], { encoding: 'utf8' });
  if (!r.error && r.status === 0) objgraphPath = '';
  else if (existsSync(DEBIAN_OBJGRAPH)) {
    const dir = mkdtempSync(join(tmpdir(), 'refscope-objgraph-'));
    symlinkSync(DEBIAN_OBJGRAPH, join(dir, 'objgraph.py'));
    objgraphPath = dir;
  } else objgraphPath = null;
  return objgraphPath;
}
export function needsObjgraph(fixture) {
  return /^\s*(import|from)\s+objgraph\b/m.test(readFileSync(join(FIXTURES_DIR, fixture), 'utf8'));
}
/** Fixtures the live interpreter cannot run here, with the reason. */
export function unrunnableFixtures(fixtures = listFixtures()) {
  if (objgraphDir() !== null) return [];
  return fixtures.filter(needsObjgraph).map((fixture) => ({ fixture, reason: `objgraph is not installed for ${PYTHON} (apt-get install python3-objgraph)` }));
}

// Tracebacks through the standard library name its files (File "/root/.pyenv/versions/3.11.7/lib/
// python3.11/json/decoder.py"): RefScope prints the directory of the CPython the corpus was recorded
// with (src/core/runtime/stdlibnames.ts STDLIB_DIR), so a live interpreter installed elsewhere has
// its own directory written as that one.
export const STDLIB_DIR = '/root/.pyenv/versions/3.11.7/lib/python3.11';
let stdlibDir;
/** the live interpreter's sys._stdlib_dir (null when it cannot be asked) */
export function liveStdlibDir() {
  if (stdlibDir !== undefined) return stdlibDir;
  const r = spawnSync(PYTHON, ['-c', 'import sys; print(sys._stdlib_dir)'], { encoding: 'utf8', env: cleanEnv() });
  stdlibDir = !r.error && r.status === 0 ? r.stdout.trim() || null : null;
  return stdlibDir;
}

/** Runs one fixture under CPython; resolves to { stdout, stderr, exit } (exit is null on timeout/signal). */
export function runFixture(fixture) {
  const file = join(FIXTURES_DIR, fixture);
  const cwd = dirname(file);
  const base = fixture.split('/').pop();
  const stdlib = liveStdlibDir();
  const strip = (s) => {
    s = s.split(cwd + sep).join('');
    return stdlib && stdlib !== STDLIB_DIR ? s.split(stdlib + '/').join(STDLIB_DIR + '/') : s;
  };
  return new Promise((resolve) => {
    const env = cleanEnv();
    if (needsObjgraph(fixture)) {
      const dir = objgraphDir();
      if (dir === null) {
        resolve({ stdout: '', stderr: '', exit: null, error: `objgraph is not installed for ${PYTHON} (apt-get install python3-objgraph)` });
        return;
      }
      if (dir) env.PYTHONPATH = dir;
    }
    const child = spawn(PYTHON, [base], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ stdout: '', stderr: '', exit: null, error: e.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = strip(Buffer.concat(out).toString('utf8'));
      const stderr = strip(Buffer.concat(err).toString('utf8'));
      if (timedOut) resolve({ stdout, stderr, exit: null, error: `timed out after ${TIMEOUT_MS} ms` });
      else if (code === null) resolve({ stdout, stderr, exit: null, error: `killed by ${signal}` });
      else resolve({ stdout, stderr, exit: code });
    });
  });
}

/** Runs fixtures under CPython, several at a time; resolves to Map fixture -> live run. */
export async function runFixtures(fixtures, jobs = Math.max(1, Math.min(8, availableParallelism()))) {
  const results = new Map();
  let next = 0;
  const worker = async () => {
    while (next < fixtures.length) {
      const fixture = fixtures[next++];
      results.set(fixture, await runFixture(fixture));
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return results;
}

/** Compares recordings with the live interpreter. Resolves to a list of { fixture, problem }. */
export async function checkRecordings(fixtures = listFixtures()) {
  const drift = [];
  const recorded = fixtures.filter((f) => existsSync(expectedPath(f)));
  const live = await runFixtures(recorded);
  for (const fixture of fixtures) {
    if (!existsSync(expectedPath(fixture))) {
      drift.push({ fixture, problem: 'no recording (NAME.expected.json missing)' });
      continue;
    }
    const want = readExpected(fixture);
    const got = live.get(fixture);
    if (got.error) {
      drift.push({ fixture, problem: got.error });
      continue;
    }
    const parts = [];
    for (const key of ['stdout', 'stderr', 'exit']) {
      if (want[key] !== got[key]) parts.push(`${key} differs: recorded ${JSON.stringify(want[key])}, live ${JSON.stringify(got[key])}`);
    }
    if (parts.length) drift.push({ fixture, problem: parts.join('; ') });
  }
  return drift;
}

async function main(argv) {
  const check = argv.includes('--check');
  const named = argv.filter((a) => !a.startsWith('--'));
  const py = checkPython();
  if (!py.ok) {
    console.error(`record.mjs: refusing to run: ${py.reason}`);
    return 2;
  }
  const all = listFixtures();
  for (const n of named) {
    if (!all.includes(n)) {
      console.error(`record.mjs: no such fixture: ${n}`);
      return 2;
    }
  }
  const fixtures = named.length ? named : all;
  if (check) {
    const drift = await checkRecordings(fixtures);
    if (drift.length) {
      console.error(`${drift.length} of ${fixtures.length} fixtures drifted from Python ${py.version}:`);
      for (const d of drift) console.error(`  ${d.fixture}: ${d.problem}`);
      return 1;
    }
    console.log(`all ${fixtures.length} recordings match Python ${py.version}`);
    return 0;
  }
  let failed = 0;
  const live = await runFixtures(fixtures);
  for (const fixture of fixtures) {
    const got = live.get(fixture);
    if (got.error) {
      console.error(`  ${fixture}: ${got.error} (not recorded)`);
      failed++;
      continue;
    }
    const rec = { python: py.version, stdout: got.stdout, stderr: got.stderr, exit: got.exit };
    writeFileSync(expectedPath(fixture), JSON.stringify(rec, null, 2) + '\n');
  }
  console.log(`recorded ${fixtures.length - failed} of ${fixtures.length} fixtures with Python ${py.version}`);
  return failed ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
