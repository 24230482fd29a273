// Node-side helpers shared by `refscope check` and the extension: read the exercise pack from disk
// and run a check in a worker thread (never on the caller's thread), with a wall-clock budget.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseMeta } from '../core/exercises/pack';
import type { ExerciseFiles, ExerciseResult } from '../core/exercises/types';
import type { ExerciseRequest, ExerciseReply } from '../worker/exercise-runner';
import type { ExerciseRunOptions } from '../core/exercises/runner';

/** Worker stack: as the session worker's (src/worker/node-client.ts) */
const STACK_MB = 256;
/** the worker's JavaScript heap: far above what the lesson's exercises need */
const HEAP_MB = 1536;

/** The exercises/ folder: next to dist/ (the packaged extension, the CLI bundle) or the checkout. */
export function findPackDir(distDir: string): string | null {
  for (const d of [join(distDir, '..', 'exercises'), join(process.cwd(), 'exercises')]) if (existsSync(d)) return d;
  return null;
}

function readOpt(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}

/** One exercise folder (id "lesson24/unreachable" under packDir). Throws with a clear message. */
export function loadExercise(packDir: string, id: string): ExerciseFiles {
  if (!/^[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/.test(id)) throw new Error(`'${id}' is not an exercise id (like lesson24/unreachable)`);
  const dir = join(packDir, ...id.split('/'));
  const metaText = readOpt(join(dir, 'exercise.json'));
  if (metaText === null) throw new Error(`no exercise '${id}' (no ${join(dir, 'exercise.json')})`);
  const meta = parseMeta(metaText, id);
  const checkSource = readOpt(join(dir, 'check.py'));
  if (checkSource === null) throw new Error(`${id}: check.py is missing`);
  const statements: Record<string, string> = {};
  const messages: Record<string, Record<string, string>> = {};
  for (const f of readdirSync(dir)) {
    const s = /^README(?:\.([a-z-]+))?\.md$/i.exec(f);
    if (s) statements[(s[1] ?? 'en').toLowerCase()] = readFileSync(join(dir, f), 'utf8');
    const m = /^messages\.([a-z-]+)\.json$/i.exec(f);
    if (m) {
      try {
        messages[m[1].toLowerCase()] = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>;
      } catch (e) {
        throw new Error(`${id}/${f} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return { meta, checkSource, starter: readOpt(join(dir, 'starter.py')) ?? '', statements, messages };
}

/** Every exercise id of the pack (folders holding an exercise.json), sorted. */
export function listExercises(packDir: string): string[] {
  const out: string[] = [];
  for (const group of readdirSync(packDir).sort()) {
    const g = join(packDir, group);
    if (!statSync(g).isDirectory()) continue;
    for (const name of readdirSync(g).sort()) if (existsSync(join(g, name, 'exercise.json'))) out.push(`${group}/${name}`);
  }
  return out;
}

/** Run the checks in a worker thread; the wall-clock budget ends it (a clear verdict, never a hang). */
export function checkInWorker(workerFile: string, files: ExerciseFiles, source: string, filename: string, options: ExerciseRunOptions, timeoutMs?: number): Promise<ExerciseReply> {
  const budget = timeoutMs ?? (files.meta.timeLimitSeconds ?? 60) * 1000;
  const req: ExerciseRequest = { files, source, filename, options };
  return new Promise((resolve) => {
    // a program that allocates without end ends the worker (ERR_WORKER_OUT_OF_MEMORY), not the host
    const w = new Worker(workerFile, { workerData: req, resourceLimits: { stackSizeMb: STACK_MB, maxOldGenerationSizeMb: HEAP_MB } });
    let done = false;
    const finish = (r: ExerciseReply) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
      void w.terminate();
    };
    const timer = setTimeout(() => finish({ ok: false, message: `the checks did not finish within ${budget / 1000} s` }), budget);
    w.once('message', (r: ExerciseReply) => finish(r));
    w.once('error', (e) =>
      finish({
        ok: false,
        message: (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the checks used more than ${HEAP_MB} MB of memory and were stopped` : e instanceof Error ? e.message : String(e),
      }),
    );
    w.once('exit', (code) => finish({ ok: false, message: `the check worker stopped (exit code ${code})` }));
  });
}

export type { ExerciseResult };

// ------------------------------------------------------------------ `refscope check` / `refscope exercises`

import { exerciseIdOf, exerciseTitle, listChecks, packLang } from '../core/exercises/pack';
import { makeTranslator } from '../core/inspect/translate';
import { loadBundle } from './hover';

function usage(): never {
  process.stderr.write('usage: refscope check [EXERCISE_ID] FILE.py [--lang zh-cn] [--json]\n       refscope exercises [--lang zh-cn]\n');
  process.exit(2);
}

const MARK: Record<string, string> = { passed: 'PASS', failed: 'FAIL', error: 'ERROR', skipped: 'SKIP' };

/** `refscope exercises`: the shipped pack, one line per exercise with its checks. */
export function listMain(argv: string[]): void {
  let lang = 'en';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') lang = packLang(argv[++i] ?? usage());
    else usage();
  }
  const dir = findPackDir(__dirname);
  if (!dir) {
    process.stderr.write('refscope exercises: no exercises/ folder found\n');
    process.exitCode = 1;
    return;
  }
  for (const id of listExercises(dir)) {
    const files = loadExercise(dir, id);
    process.stdout.write(`${id}\t${exerciseTitle(files.meta, lang)}\t(${listChecks(files.checkSource).length} checks)\n`);
  }
}

/** `refscope check [ID] FILE.py`: each check's verdict; exit 0 only when all pass, 1 when some fail, 2 on bad usage. */
export async function main(argv: string[]): Promise<void> {
  let lang = 'en';
  let json = false;
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') lang = packLang(argv[++i] ?? usage());
    else if (a === '--json') json = true;
    else if (a.startsWith('--')) usage();
    else pos.push(a);
  }
  if (pos.length < 1 || pos.length > 2) usage();
  const file = pos[pos.length - 1];
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`refscope: can't open file '${file}': [Errno 2] No such file or directory\n`);
    process.exit(2);
  }
  const id = pos.length === 2 ? pos[0] : exerciseIdOf(source);
  if (!id) {
    process.stderr.write(`refscope check: name the exercise (refscope check lesson24/unreachable ${file}) or start the file with '# refscope-exercise: <id>'\n`);
    process.exit(2);
  }
  const dir = findPackDir(__dirname);
  if (!dir) {
    process.stderr.write('refscope check: no exercises/ folder found\n');
    process.exit(2);
  }
  let files: ExerciseFiles;
  try {
    files = loadExercise(dir, id);
  } catch (e) {
    process.stderr.write(`refscope check: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
  const bundle = lang === 'en' ? null : loadBundle(lang);
  const t = makeTranslator(bundle);
  const reply = await checkInWorker(join(__dirname, 'exercise-worker.js'), files, source, file, { lang, bundle });
  if (!reply.ok) {
    process.stderr.write(`refscope check: ${reply.message}\n`);
    process.exitCode = 1;
    return;
  }
  const r = reply.result;
  if (json) {
    process.stdout.write(JSON.stringify(r, null, 2) + '\n');
  } else {
    process.stdout.write(`${id}: ${exerciseTitle(files.meta, lang)}\n`);
    for (const c of r.checks) {
      process.stdout.write(`${MARK[c.status]}  ${c.title}${c.line ? `  (${file}:${c.line})` : ''}\n`);
      if (c.message) process.stdout.write(c.message.replace(/^/gm, '      ') + '\n');
      if (c.expected !== undefined) process.stdout.write(`      ${t('expected:')} ${c.expected}\n`);
      if (c.actual !== undefined) process.stdout.write(`      ${t('actual:')}   ${c.actual}\n`);
    }
    const n = r.checks.filter((c) => c.status === 'passed').length;
    process.stdout.write(t('{0} of {1} checks passed', n, r.checks.length) + '\n');
  }
  process.exitCode = r.passed ? 0 : 1;
}
