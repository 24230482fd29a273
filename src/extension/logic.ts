// Pure helpers behind the status bar and the diagnostics (no 'vscode' import: unit-tested).

import type { ProgramError, RunSummary } from '../core/inspect/session';
import type { Translate } from '../core/inspect/translate';

/** `RefScope: 12 ms · 1,234 objects · 2 gc runs`, or the error. */
export function statusText(s: RunSummary, t: Translate): string {
  if (s.error) return t('RefScope: {0}', firstLine(s.error.message));
  return t('RefScope: {0} ms · {1} objects · {2} gc runs', Math.round(s.durationMs), s.liveObjects.toLocaleString('en-US'), s.gcCollections);
}

function firstLine(m: string): string {
  const i = m.indexOf('\n');
  return i < 0 ? m : m.slice(0, i);
}

export type Severity = 'error' | 'warning';
export interface DiagnosticInfo {
  severity: Severity;
  /** 0-based, as VS Code ranges */
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  message: string;
  related: { line: number; message: string; filename: string }[];
}

/** One diagnostic for a run's error: the raising line with the traceback frames as related
 *  information; unsupported constructs and budget limits are warnings. */
export function diagnosticFor(e: ProgramError | null, filename: string, t: Translate): DiagnosticInfo | null {
  if (!e || e.kind === 'internal') return null;
  const line = Math.max(0, e.line - 1);
  const endLine = e.endLine !== undefined ? Math.max(line, e.endLine - 1) : line;
  const endCol = e.endCol !== undefined && e.endCol > e.col ? e.endCol : e.endLine === undefined ? 10_000 : e.col + 1;
  const message = e.kind === 'unsupported' ? t('Not supported by RefScope yet: {0}', e.message) : e.kind === 'limit' ? t('RefScope stopped the program: {0}', e.message) : e.message;
  return {
    severity: e.kind === 'exception' || e.kind === 'syntax' ? 'error' : 'warning',
    line,
    col: Math.max(0, e.col),
    endLine,
    endCol,
    message,
    related: e.frames.filter((f) => f.filename === filename).map((f) => ({ line: Math.max(0, f.line - 1), filename: f.filename, message: t('in {0}', f.name) })),
  };
}

/** refscope.stdout: sys.stdout buffered as into a pipe or an output panel ('pipe', the default:
 * a printed str stays referenced by the stream until it flushes) or as in a terminal ('terminal':
 * line buffered, released at each newline), where `python3 FILE` in VS Code's terminal runs */
export function stdioSetting(value: string | undefined): 'pipe' | 'tty' {
  return value === 'terminal' ? 'tty' : 'pipe';
}

/** The settings that change what a run computes: a change runs the open documents again. */
export const RUN_SETTINGS = ['refscope.stdout', 'refscope.stdin', 'refscope.stepLimit', 'refscope.maxHeapMB', 'refscope.timeLimitSeconds'];
