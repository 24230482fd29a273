// Shared helpers of the differential corpus: fixture list, recordings, pending list, and running a
// fixture through RefScope's interpreter.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runSource, type RunOptions, type RunResult } from '../../src/core/run';
import { nodeFS } from '../../src/worker/node-fs';
import { DIFF_DIR, FIXTURES_DIR, listFixtures, readExpected, type Recording } from './record.mjs';

export { listFixtures, readExpected, FIXTURES_DIR };
export type { Recording };

export const PENDING_PATH = join(DIFF_DIR, 'pending.json');

/** fixture path (relative to fixtures/) -> written reason why it does not pass yet. */
export function readPending(): Record<string, string> {
  return JSON.parse(readFileSync(PENDING_PATH, 'utf8')) as Record<string, string>;
}

export function fixtureSource(fixture: string): string {
  return readFileSync(join(FIXTURES_DIR, fixture), 'utf8');
}

/** The file name the script sees (tracebacks say File "NAME.py"). */
export function fixtureFilename(fixture: string): string {
  return fixture.slice(fixture.lastIndexOf('/') + 1);
}

/** What every run of a fixture gets: open() reads the files of the fixture's directory, the
 * working directory of its CPython recording (record.mjs). */
export function fixtureOptions(fixture: string): RunOptions {
  return { fs: nodeFS(dirname(join(FIXTURES_DIR, fixture))) };
}

/** Runs a fixture through RefScope's interpreter with the refcount audit enabled. */
export function runWithRefScope(fixture: string): RunResult {
  return runSource(fixtureSource(fixture), fixtureFilename(fixture), { ...fixtureOptions(fixture), audit: true, stepLimit: 50_000_000 });
}

/** First difference between a RefScope run and the recording, or null when they agree. */
export function firstDifference(got: RunResult, want: Recording): string | null {
  if (got.stdout !== want.stdout) return `stdout differs: got ${JSON.stringify(got.stdout.slice(0, 300))}`;
  if (got.stderr !== want.stderr) return `stderr differs: got ${JSON.stringify(got.stderr.slice(0, 300))}`;
  if (got.exitCode !== want.exit) return `exit code ${got.exitCode}, expected ${want.exit}`;
  if (got.auditError) return got.auditError;
  return null;
}
