// Worker-thread entry (node): checks one learner file against one exercise with a deep stack
// (CPython's recursion limit of 1000 frames) and posts the ExerciseResult back.

import { runExercise, type ExerciseRunOptions } from '../core/exercises/runner';
import type { ExerciseFiles, ExerciseResult } from '../core/exercises/types';
import { installFrozenFile } from './frozen-file';

// the stdlib's Python sources compiled at build time (dist/stdlib.frozen), if there
installFrozenFile();

export interface ExerciseRequest {
  files: ExerciseFiles;
  source: string;
  filename: string;
  options: ExerciseRunOptions;
}

export type ExerciseReply = { ok: true; result: ExerciseResult } | { ok: false; message: string };

/** One check (the worker's whole job): src/worker/cached-entry.ts calls it with workerData. */
export function handle(req: ExerciseRequest): ExerciseReply {
  try {
    return { ok: true, result: runExercise(req.files, req.source, req.filename, req.options) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
