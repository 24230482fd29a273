// Shared by the exercise tests: run a fixture (or the pack's solution) through the core runner.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExercise } from '../../src/cli/check';
import { runExercise, type ExerciseRunOptions } from '../../src/core/exercises/runner';
import type { ExerciseResult, CheckResult } from '../../src/core/exercises/types';

export const PACK = join(process.cwd(), 'exercises');

export function check(id: string, file: string, options: ExerciseRunOptions = {}): ExerciseResult {
  const files = loadExercise(PACK, id);
  return runExercise(files, readFileSync(file, 'utf8'), file, options);
}
export function solution(id: string): string {
  return join(PACK, ...id.split('/'), 'solution.py');
}
export function fixture(name: string, file: string): string {
  return join(process.cwd(), 'test/exercises/fixtures', name, file);
}
export function byId(r: ExerciseResult): Record<string, CheckResult> {
  return Object.fromEntries(r.checks.map((c) => [c.id, c]));
}
export function statuses(r: ExerciseResult): Record<string, string> {
  return Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
}
