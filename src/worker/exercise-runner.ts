// Worker-thread entry (node): checks one learner file against one exercise with a deep stack
// (CPython's recursion limit of 1000 frames) and posts the ExerciseResult back.

import { parentPort, workerData } from 'node:worker_threads';
import { runExercise, type ExerciseRunOptions } from '../core/exercises/runner';
import type { ExerciseFiles, ExerciseResult } from '../core/exercises/types';

export interface ExerciseRequest {
  files: ExerciseFiles;
  source: string;
  filename: string;
  options: ExerciseRunOptions;
}

export type ExerciseReply = { ok: true; result: ExerciseResult } | { ok: false; message: string };

if (parentPort && workerData) {
  const req = workerData as ExerciseRequest;
  let reply: ExerciseReply;
  try {
    reply = { ok: true, result: runExercise(req.files, req.source, req.filename, req.options) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort.postMessage(reply);
}
