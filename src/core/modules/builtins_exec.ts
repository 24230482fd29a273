// exec(), eval() and compile() (Python/bltinmodule.c builtin_exec_impl, builtin_eval_impl,
// builtin_compile_impl): source text is parsed and compiled by RefScope's own front end into a
// code object, which runs in a module-level frame with the given (or the caller's) globals and
// locals. A syntax error becomes a SyntaxError exception with CPython's attributes.

import { PyObject, newRef, decref } from '../runtime/object';
import * as abs from '../runtime/abstract';
import { PyStr, newStr } from '../runtime/objects/str';
import { PyBytes, utf8Decode } from '../runtime/objects/bytes';
import { PyDict } from '../runtime/objects/dict';
import { newTuple } from '../runtime/objects/tuple';
import { newInt } from '../runtime/objects/int';
import { None } from '../runtime/objects/singletons';
import { PyCode } from '../runtime/objects/function';
import * as E from '../runtime/objects/exception';
import { newException, typeError, raise, Unsupported } from '../runtime/errors';
import { vmState } from '../runtime/vm/eval';
import { fastToLocals, runFrame } from '../runtime/vm/call';
import { Frame } from '../runtime/vm/frame';
import { materializeCode } from '../runtime/consts';
import { parse } from '../parser/index';
import type { SyntaxErrorInfo } from '../parser/errors';
import { compileModule, compileEval, syntaxErrorInfo, type CompileWarning } from '../compiler/compiler';
import type { ModuleBuilder } from '../runtime/define';

type Mode = 'exec' | 'eval';

/** A SyntaxError (or subclass) instance with args (msg, (filename, lineno, offset, text,
 * end_lineno, end_offset)) and the same attributes (SyntaxError_init). */
function syntaxError(info: SyntaxErrorInfo): E.PyBaseException {
  const t = info.type === 'SyntaxError' ? E.SyntaxError : abs.excTypeByName(info.type);
  const text = info.text === null ? newRef(None) : newStr(info.text);
  const attrs: [string, PyObject][] = [
    ['filename', newStr(info.filename)],
    ['lineno', newInt(info.lineno)],
    ['offset', newInt(info.offset)],
    ['text', text],
    ['end_lineno', newInt(info.end_lineno)],
    ['end_offset', info.no_end ? newRef(None) : newInt(info.end_offset)],
  ];
  const e = newException(t, info.msg);
  const detail = newTuple(attrs.map(([, v]) => newRef(v)));
  const args = newTuple([newStr(info.msg), detail]);
  decref(e.args);
  e.args = args;
  e.extra = { msg: newStr(info.msg) };
  for (const [k, v] of attrs) e.extra[k] = v;
  return e;
}

/** compiler_warn during a run: PyErr_WarnExplicitObject(SyntaxWarning, msg, filename, lineno, NULL,
 * NULL), through the warnings module's filters ("<string>:1: SyntaxWarning: ...", no source line) */
function compileWarnings(ws: CompileWarning[], filename: string): void {
  if (ws.length === 0) return;
  const w = vmState.importModule!('warnings', vmState.current!);
  try {
    const warnExplicit = abs.getAttr(w, 'warn_explicit');
    try {
      for (const x of ws) {
        const args = [newStr(x.msg), E.SyntaxWarning, newStr(filename), newInt(x.lineno)];
        try {
          decref(abs.call(warnExplicit, args, null));
        } finally {
          decref(args[0]);
          decref(args[2]);
          decref(args[3]);
        }
      }
    } finally {
      decref(warnExplicit);
    }
  } finally {
    decref(w);
  }
}

/** source text -> a new code object (raises SyntaxError) */
function compileText(source: string, filename: string, mode: Mode): PyCode {
  const pr = parse(source, filename, mode);
  if (!pr.module) {
    const info = pr.error!;
    const offset = info.string_offset ?? info.offset;
    throw syntaxError(info.string_text !== undefined ? { ...info, text: info.string_text, offset } : info);
  }
  const mod = pr.module;
  const cr = mode === 'eval' ? compileEval(mod, filename, source) : compileModule(mod, filename, source);
  compileWarnings(cr.warnings, filename);
  if (!cr.code) {
    const e = cr.error!;
    if (e.type === 'Unsupported') throw new Unsupported(`${e.msg} (line ${e.lineno} of ${filename})`);
    // the compiler's errors take their text from the file named (PyErr_ProgramTextObject):
    // '<string>' and the like have none
    throw syntaxError({ ...syntaxErrorInfo(e, filename, source), text: null });
  }
  // tracebacks take lines from the file named (linecache): '<string>' or a name given to
  // compile() has none to show, so the code keeps none (the array is shared by the nested code
  // objects)
  cr.code.source.length = 0;
  return materializeCode(cr.code, null);
}

/** A file's source -> a new code object for its module body (raises SyntaxError with the file's
 * line as text; the code keeps the file's lines for tracebacks). */
export function compileFile(source: string, filename: string): PyCode {
  const pr = parse(source, filename, 'exec');
  if (!pr.module) throw syntaxError(pr.error!);
  const cr = compileModule(pr.module, filename, source);
  if (!cr.code) {
    const e = cr.error!;
    if (e.type === 'Unsupported') throw new Unsupported(`${e.msg} (line ${e.lineno} of ${filename})`);
    throw syntaxError(syntaxErrorInfo(e, filename, source));
  }
  return materializeCode(cr.code, null);
}

/** the source argument as text or a code object (source_as_string) */
function sourceOf(what: string, src: PyObject, mode: Mode): string | PyCode {
  if (src instanceof PyCode) return src;
  let text: string;
  if (src instanceof PyStr) text = src.v;
  else if (src instanceof PyBytes) text = utf8Decode(src.v, 'strict');
  else typeError(`${what}() arg 1 must be a string, bytes or code object`);
  if (text.includes('\0')) raise(E.SyntaxError, 'source code string cannot contain null bytes');
  // builtin_eval_impl strips leading spaces and tabs
  if (mode === 'eval' && what === 'eval') text = text.replace(/^[ \t]+/, '');
  return text;
}

/** exec() / eval(): globals and locals resolved as CPython does, then the code runs in a
 * module-level frame; returns the code's value (a new reference) */
function run(what: Mode, args: PyObject[]): PyObject {
  const src = args[0];
  let globals: PyObject = args.length > 1 ? args[1] : None;
  let locals: PyObject = args.length > 2 ? args[2] : None;
  if (what === 'eval') {
    if (locals !== None && !abs.mappingCheck(locals)) typeError('locals must be a mapping');
    if (globals !== None && !(globals instanceof PyDict)) {
      typeError(abs.mappingCheck(globals) ? 'globals must be a real dict; try eval(expr, {}, mapping)' : 'globals must be a dict');
    }
  }
  const caller = vmState.current!;
  if (globals === None) {
    globals = caller.globals;
    if (locals === None) locals = fastToLocals(caller);
  } else if (locals === None) locals = globals;
  if (what === 'exec') {
    if (!(globals instanceof PyDict)) typeError(`exec() globals must be a dict, not ${globals.type.name}`);
    if (!abs.mappingCheck(locals)) typeError(`locals must be a mapping or None, not ${locals.type.name}`);
  }
  const g = globals as PyDict;
  const bkey = abs.strKey('__builtins__');
  if (g.getItem(bkey) === undefined) g.setItem(bkey, vmState.builtins!);
  const s = sourceOf(what, src, what);
  const code = typeof s === 'string' ? compileText(s, '<string>', what) : newRef(s);
  try {
    if (code.unit.nfrees > 0) typeError(`code object passed to ${what}() may not contain free variables`);
    const f = new Frame(code, null, g, vmState.builtins!, newRef(locals));
    return runFrame(f);
  } finally {
    decref(code);
  }
}

export function installExec(m: ModuleBuilder): void {
  m.fn('exec', (args, kw) => {
    if (kw && kw.some((k) => k !== 'closure')) typeError(`'${kw.find((k) => k !== 'closure')}' is an invalid keyword argument for exec()`);
    const npos = args.length - (kw ? kw.length : 0);
    if (npos < 1) typeError(`exec expected at least 1 argument, got ${npos}`);
    if (npos > 3) typeError(`exec expected at most 3 arguments, got ${npos}`);
    if (kw && kw.length && args[npos] !== None) throw new Unsupported('exec() with a closure');
    decref(run('exec', args.slice(0, npos)));
    return newRef(None);
  });
  m.fn('eval', (args, kw) => {
    if (kw && kw.length) typeError('eval() takes no keyword arguments');
    if (args.length < 1) typeError(`eval expected at least 1 argument, got ${args.length}`);
    if (args.length > 3) typeError(`eval expected at most 3 arguments, got ${args.length}`);
    return run('eval', args);
  });
  m.fn('compile', (args, kw) => {
    const names = ['source', 'filename', 'mode', 'flags', 'dont_inherit', 'optimize', '_feature_version'];
    const npos = args.length - (kw ? kw.length : 0);
    const got: (PyObject | undefined)[] = args.slice(0, npos);
    for (let i = 0; kw && i < kw.length; i++) {
      const ix = names.indexOf(kw[i]);
      if (ix < 0) typeError(`'${kw[i]}' is an invalid keyword argument for compile()`);
      got[ix] = args[npos + i];
    }
    for (let i = 0; i < 3; i++) {
      if (got[i] === undefined) typeError(`compile() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
    const [src, fname, modeObj, flags] = got as PyObject[];
    if (!(modeObj instanceof PyStr)) typeError(`compile() argument 'mode' must be str, not ${modeObj.type.name}`);
    const mode = modeObj.v;
    if (mode !== 'exec' && mode !== 'eval' && mode !== 'single') raise(E.ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    if (mode === 'single') throw new Unsupported("compile() in 'single' mode");
    if (flags !== undefined && abs.isTrue(flags)) throw new Unsupported('compile() with flags');
    const filename = abs.str(fname);
    const s = sourceOf('compile', src, mode);
    if (typeof s !== 'string') return newRef(s);
    return compileText(s, filename, mode);
  });
}
