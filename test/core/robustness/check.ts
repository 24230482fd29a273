// Shared by the robustness tests and minimize.ts: run one program and classify internal failures.
import { runSource, type RunResult } from '../../../src/core/run';

export const RUN_OPTIONS = { audit: true, stepLimit: 2_000_000 } as const;

/** A JS stack frame such as `    at foo (/x/y.ts:12:3)` or `    at file:///x/y.js:1:2`. */
const JS_FRAME = /^\s{4}at .*(?:\.(?:[cm]?[jt]s|tsx?)|node:[\w/]+|<anonymous>)(?::\d+)+\)?\s*$/m;

export interface Outcome {
  result: RunResult | null;
  /** why this run counts as a RefScope crash or audit failure, or null when it is well-behaved */
  failure: string | null;
}

export function runChecked(source: string, filename = 'prog.py'): Outcome {
  let result: RunResult;
  try {
    result = runSource(source, filename, RUN_OPTIONS);
  } catch (e) {
    return { result: null, failure: `runSource threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
  }
  return { result, failure: classify(result) };
}

export function classify(r: RunResult): string | null {
  const lines = r.stderr.split('\n');
  const internal = lines.find((l) => l.includes('internal error'));
  if (internal) return internal.trim();
  if (r.stderr.includes('RangeError')) return lines.find((l) => l.includes('RangeError'))!.trim();
  if (r.stderr.includes('ran out of stack')) return lines.find((l) => l.includes('ran out of stack'))!.trim();
  const frame = JS_FRAME.exec(r.stderr);
  if (frame) return `JS stack frame in stderr: ${frame[0].trim()}`;
  if (r.auditError) return r.auditError;
  return null;
}

/** A short, number-free key grouping failures by cause. */
export function causeKey(failure: string): string {
  return failure
    .replace(/\(line \d+ of [^)]*\)/g, '')
    .replace(/0x[0-9a-f]+/g, '0x…')
    .replace(/\d+/g, 'N')
    .replace(/<function [^>]*>/g, '<function>')
    .replace(/\{'__module__'.*?(has refcount)/, "{class namespace…} $1")
    .slice(0, 120)
    .trim();
}
