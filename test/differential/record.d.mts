// Types for record.mjs (imported by the TypeScript tests).
export interface Recording {
  python: string;
  stdout: string;
  stderr: string;
  exit: number;
}
export interface LiveRun {
  stdout: string;
  stderr: string;
  exit: number | null;
  error?: string;
}
export interface Drift {
  fixture: string;
  problem: string;
}
export type PythonCheck =
  | { ok: true; version: string }
  | { ok: false; version: string | null; reason: string };

export const DIFF_DIR: string;
export const FIXTURES_DIR: string;
export const TIMEOUT_MS: number;
export const PYTHON: string;
export function listFixtures(): string[];
export function expectedPath(fixture: string): string;
export function readExpected(fixture: string): Recording;
export function checkPython(): PythonCheck;
export function runFixture(fixture: string): Promise<LiveRun>;
export function runFixtures(fixtures: string[], jobs?: number): Promise<Map<string, LiveRun>>;
export function checkRecordings(fixtures?: string[]): Promise<Drift[]>;
export function objgraphDir(): string | null;
export function needsObjgraph(fixture: string): boolean;
export function unrunnableFixtures(fixtures?: string[]): { fixture: string; reason: string }[];
export function cleanEnv(): Record<string, string>;
