// The exercise pack format (see exercises/FORMAT.md) and the result of checking a learner's file.
// Pure data: the host (CLI, extension, tests) reads the files and passes their text in.

/** exercise.json */
export interface ExerciseMeta {
  /** "lesson24/unreachable": the folder under exercises/ */
  id: string;
  title: string;
  /** localised titles, e.g. { "zh-cn": "不可达的节点" } */
  titles?: Record<string, string>;
  /** names the learner's file must define (a missing one fails every check with a clear message) */
  requires?: string[];
  /** bytecode steps one check may run (default 20,000,000) */
  stepLimit?: number;
  /** keep the index of live objects that refscope_check.holders() and trace_getrefcount() need (slower) */
  inspectHeap?: boolean;
  /** wall-clock budget for the whole run in the host, in seconds (default 60) */
  timeLimitSeconds?: number;
}

/** Everything of one exercise folder, as text. */
export interface ExerciseFiles {
  meta: ExerciseMeta;
  /** check.py */
  checkSource: string;
  /** starter.py */
  starter: string;
  /** README.md, README.<lang>.md */
  statements: Record<string, string>;
  /** messages.<lang>.json: English message template -> translation */
  messages: Record<string, Record<string, string>>;
}

export type CheckStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface CheckResult {
  /** the check function's name, e.g. "check_large_graph" */
  id: string;
  /** its docstring's first line (localised), or the name */
  title: string;
  status: CheckStatus;
  /** the verdict (localised); empty when passed */
  message: string;
  /** repr-like text of what was expected / what the learner's code gave (TestMessage.diff) */
  expected?: string;
  actual?: string;
  /** 1-based line in the learner's file the failure points at, when known */
  line?: number;
  durationMs?: number;
}

export interface ExerciseResult {
  exerciseId: string;
  /** true when every check passed */
  passed: boolean;
  checks: CheckResult[];
  /** a problem of the whole file (syntax error, exception while loading, time budget): the checks are then 'error' or 'skipped' */
  fileError?: { kind: 'syntax' | 'exception' | 'limit' | 'internal'; message: string; line?: number; col?: number } | null;
  /** what the learner's code printed while loading and during the checks */
  stdout: string;
  stderr: string;
  /** the two in the order they were written, when not all of stdout came first (RunResult.order) */
  order?: [1 | 2, string][];
}

/** A check as listed before running (parsed from check.py's text). */
export interface CheckInfo {
  id: string;
  title: string;
  /** 1-based line of its def in check.py */
  line: number;
}

/** The marker on the first line of an exercise file: `# refscope-exercise: lesson24/unreachable` */
export const MARKER_RE = /^\s*#\s*refscope-exercise:\s*([A-Za-z0-9_\-]+\/[A-Za-z0-9_\-]+)\s*$/;
