// Checking a learner's file against an exercise, inside RefScope's interpreter.
//
// One run = one fresh interpreter. Its __main__ is a two-line driver that imports the
// `refscope_check` module (rcmodule.ts: native helpers + Python code) and calls its _main():
//   1. the learner's file runs as the module `solution` (so `if __name__ == '__main__':` blocks
//      stay quiet, as with an import); an exception there fails every check, naming the line;
//   2. the names exercise.json "requires" are looked up (a missing one fails every check);
//   3. check.py runs as the module `exercise_check`; each of its check_*(learner) functions, in
//      definition order, is one verdict: it passes when it returns, fails with the message of the
//      AssertionError it raises (refscope_check.CheckFailure carries expected/actual), and is an
//      error for any other exception (type, message and the learner's line);
//   4. each check has its own step budget: when it runs out, refscope_check.StepLimitExceeded
//      (a BaseException, so `except Exception` in the learner's code does not swallow it) is
//      raised where the code is; code that swallows it anyway is stopped for good shortly after,
//      and the remaining checks are reported as not run.
// Syntax errors in the learner's file are found before anything runs.

import '../runtime/interp';
import { Interpreter } from '../runtime/interp';
import { decref } from '../runtime/object';
import { bufferIO, writeOrder } from '../modules/io_shared';
import { vmState } from '../runtime/vm/eval';
import { evalFrame } from '../runtime/vm/eval';
import { PyBaseException } from '../runtime/objects/exception';
import { Unsupported } from '../runtime/errors';
import { parse } from '../parser/index';
import { compileModule } from '../compiler/compiler';
import { makeTranslator, type Translate } from '../inspect/translate';
import { listChecks, translateMessage } from './pack';
import type { ExerciseFiles, ExerciseResult, CheckResult } from './types';
import { beginRun, endRun, HardStop, type RunnerState } from './rcmodule';

export interface ExerciseRunOptions {
  /** "en" or "zh-cn" */
  lang?: string;
  /** the host's l10n bundle (l10n/bundle.l10n.zh-cn.json) for the runner's own messages */
  bundle?: Record<string, string> | null;
  /** overrides exercise.json's stepLimit (per check) */
  stepLimit?: number;
}

export const DEFAULT_STEP_LIMIT = 20_000_000;

const DRIVER = 'import refscope_check\nrefscope_check._main()\n';
const DRIVER_FILE = '<refscope check>';

/** Where the learner's file has a syntax error (the parser's and compiler's, as CPython's), or null. */
export function syntaxErrorOf(source: string, filename: string): { message: string; line: number; col: number } | null {
  const pr = parse(source, filename);
  if (!pr.module) {
    const e = pr.error!;
    return { message: `${e.type}: ${e.msg}`, line: e.lineno, col: Math.max(0, (e.offset ?? 1) - 1) };
  }
  const cr = compileModule(pr.module, filename, source);
  if (!cr.code) {
    const e = cr.error!;
    if (e.type === 'Unsupported') return { message: `${e.msg} (line ${e.lineno}) is not supported by RefScope yet`, line: e.lineno, col: 0 };
    return { message: `${e.type}: ${e.msg}`, line: e.lineno, col: 0 };
  }
  return null;
}

export function runExercise(files: ExerciseFiles, learnerSource: string, learnerFile: string, options: ExerciseRunOptions = {}): ExerciseResult {
  const lang = options.lang ?? 'en';
  const t: Translate = makeTranslator(lang === 'en' ? null : options.bundle ?? null);
  const infos = listChecks(files.checkSource);
  const title = (id: string) => {
    const info = infos.find((i) => i.id === id);
    return translateMessage(files, lang, info ? info.title : id);
  };
  const result: ExerciseResult = { exerciseId: files.meta.id, passed: false, checks: [], fileError: null, stdout: '', stderr: '' };
  const allWith = (status: CheckResult['status'], message: string, line?: number): CheckResult[] =>
    infos.map((i) => ({ id: i.id, title: title(i.id), status, message, ...(line ? { line } : {}) }));

  const syn = syntaxErrorOf(learnerSource, learnerFile);
  if (syn) {
    result.fileError = { kind: 'syntax', message: syn.message, line: syn.line, col: syn.col };
    result.checks = allWith('error', t('Your file has a syntax error at line {0}: {1}', syn.line, syn.message), syn.line);
    return result;
  }
  const checkErr = syntaxErrorOf(files.checkSource, `${files.meta.id}/check.py`);
  if (checkErr) {
    result.fileError = { kind: 'internal', message: `${files.meta.id}/check.py: ${checkErr.message} (line ${checkErr.line})` };
    result.checks = allWith('error', t('The exercise pack is broken: {0}', result.fileError.message));
    return result;
  }

  const io = bufferIO('');
  const stepLimit = options.stepLimit ?? files.meta.stepLimit ?? DEFAULT_STEP_LIMIT;
  const state: RunnerState = {
    files,
    lang,
    t,
    learnerSource,
    learnerFile,
    checkFile: `${files.meta.id}/check.py`,
    stepLimit,
    results: [],
    current: null,
    title,
  };
  // heap.live (audit mode without the per-line audit) is what holders() needs; it costs time, so only
  // exercises that ask for it (exercise.json "inspectHeap") get it
  const interp = new Interpreter(io, { audit: files.meta.inspectHeap === true });
  let abandoned: unknown = null;
  beginRun(state, interp);
  try {
    interp.start(DRIVER_FILE);
    vmState.onLine = null; // heap.live is kept (the holders need it) but the audit does not run
    // the driver's own code is tiny; the checks' budgets are set by refscope_check._begin
    vmState.stepLimit = stepLimit;
    const code = interp.compile(DRIVER, DRIVER_FILE)!;
    const f = interp.enterMain(code);
    let exc: PyBaseException | null = null;
    vmState.depth = 1;
    vmState.current = f;
    try {
      decref(evalFrame(f));
    } catch (e) {
      if (e instanceof PyBaseException) exc = e;
      else abandoned = e;
    } finally {
      vmState.current = null;
      vmState.depth = 0;
    }
    if (!abandoned) {
      interp.leaveMain(f);
      interp.flushIo();
      if (exc) interp.handleUncaught(exc); // a bug of the pack's check code outside a check
      interp.endOfMain();
    }
  } catch (e) {
    abandoned = e;
  } finally {
    endRun();
  }
  result.stdout = io.out.join('');
  result.stderr = io.err.join('');
  const order = writeOrder(io);
  if (order) result.order = order;
  const done = new Map(state.results.map((r) => [r.id, r]));
  if (abandoned) {
    let msg: string;
    let kind: 'limit' | 'internal' = 'internal';
    if (abandoned instanceof HardStop) {
      kind = 'limit';
      msg = t('The code did not stop after {0} steps even when asked to (an infinite loop that catches every exception?)', stepLimit);
    } else if (abandoned instanceof RangeError && /call stack/i.test(abandoned.message)) msg = t('The interpreter ran out of stack (deep recursion in native code)');
    else if (abandoned instanceof Unsupported) msg = t('{0} is not supported by RefScope yet', abandoned.what);
    else msg = t('Internal error of RefScope: {0}', abandoned instanceof Error ? abandoned.message : String(abandoned));
    result.fileError = { kind, message: msg, ...(state.current?.line ? { line: state.current.line } : {}) };
    if (state.current && !done.has(state.current.id)) {
      done.set(state.current.id, { id: state.current.id, title: title(state.current.id), status: 'error', message: msg, ...(state.current.line ? { line: state.current.line } : {}) });
    }
  } else if (state.loadError) {
    result.fileError = state.loadError;
    const le = state.loadError;
    for (const c of allWith('error', le.message, le.line)) if (!done.has(c.id)) done.set(c.id, c);
  }
  for (const r of state.results) if (!infos.some((i) => i.id === r.id)) infos.push({ id: r.id, title: r.title, line: 0 });
  result.checks = infos.map(
    (i) => done.get(i.id) ?? { id: i.id, title: title(i.id), status: 'skipped', message: abandoned ? t('Not run: an earlier check did not stop.') : t('Not run.') },
  );
  result.passed = result.checks.length > 0 && result.checks.every((c) => c.status === 'passed');
  return result;
}

