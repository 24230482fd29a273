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
    const w = new Worker(workerFile, { workerData: req, resourceLimits: { stackSizeMb: STACK_MB } });
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
    w.once('error', (e) => finish({ ok: false, message: e instanceof Error ? e.message : String(e) }));
    w.once('exit', (code) => finish({ ok: false, message: `the check worker stopped (exit code ${code})` }));
  });
}

export type { ExerciseResult };
