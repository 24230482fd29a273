// The sys module (Python/sysmodule.c): what learners use to look at references and sizes.

import { STDLIB_DIR } from '../runtime/stdlibnames';
import { PyObject, PyType, newRef, decref } from '../runtime/object';
import { ModuleBuilder, checkArgs, builtinFunction, parseArgs } from '../runtime/define';
import { newInt, PyInt, False, newBool } from '../runtime/objects/int';
import { newStr, PyStr, internExisting } from '../runtime/objects/str';
import { newTuple } from '../runtime/objects/tuple';
import { newList } from '../runtime/objects/list';
import { None } from '../runtime/objects/singletons';
import { PyInstance } from '../runtime/objects/instance';
import { vmState, topmostException } from '../runtime/vm/eval';
import { materialize } from '../runtime/vm/frame';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import * as abs from '../runtime/abstract';
import { sysGetsizeof } from '../runtime/sizes';
import { structSeqType, newStructSeq } from '../runtime/structseq';
import { newFloat } from '../runtime/objects/float';
import type { Interpreter } from '../runtime/interp';
import { toDouble } from './modutil';
import { getIntMaxStrDigits, setIntMaxStrDigits, DEFAULT_MAX_STR_DIGITS } from '../runtime/primitives/intstr';
import { defaultHooks, displayException, defaultUnraisableHook, isUnraisableHookArgs } from '../runtime/unraisable';

export function initSys(m: ModuleBuilder, interp: Interpreter, filename: string): void {
  // sys_getrefcount_impl: the argument is the caller's stack slot; nothing is added by the call
  m.fn('getrefcount', (args, kw) => {
    checkArgs('sys.getrefcount', args, kw, 1, 1);
    return newInt(args[0].rc);
  });
  m.fn('getsizeof', (args, kw) => {
    // PyArg_ParseTupleAndKeywords("O|O:getsizeof"): the parameters in order, then any other keyword
    const nkw = kw ? kw.length : 0;
    const npos = args.length - nkw;
    if (npos > 2) typeError(`getsizeof() takes at most 2 arguments (${npos} given)`);
    const [o, dflt] = [0, 1].map((i) => (i < npos ? args[i] : kw ? (args[npos + kw.indexOf(i === 0 ? 'object' : 'default')] ?? undefined) : undefined));
    if (o === undefined) typeError("getsizeof() missing required argument 'object' (pos 1)");
    if (kw) {
      for (let i = 0; i < kw.length; i++) {
        const at = kw[i] === 'object' ? 0 : kw[i] === 'default' ? 1 : -1;
        if (at < 0) typeError(`'${kw[i]}' is an invalid keyword argument for getsizeof()`);
        if (at < npos) typeError(`argument for getsizeof() given by name ('${kw[i]}') and position (${at + 1})`);
      }
    }
    return sysGetsizeof(o, dflt);
  });
  // sys_audit (METH_FASTCALL): no audit hook is ever added in a run (sys.addaudithook is not
  // provided), so it returns None before looking at the event
  m.fn('audit', (args, kw) => {
    if (kw && kw.length) typeError('sys.audit() takes no keyword arguments');
    if (!args.length) typeError("audit() missing 1 required positional argument: 'event'");
    return newRef(None);
  });
  m.fn('intern', (args, kw) => {
    checkArgs('sys.intern', args, kw, 1, 1);
    const s = args[0];
    if (!(s instanceof PyStr) || s.type.name !== 'str') typeError(`intern() argument must be str, not ${s.type.name}`);
    return internExisting(s);
  });
  m.fn('getrecursionlimit', (args, kw) => {
    checkArgs('sys.getrecursionlimit', args, kw, 0, 0);
    return newInt(vmState.recursionLimit);
  });
  m.fn('setrecursionlimit', (args, kw) => {
    checkArgs('sys.setrecursionlimit', args, kw, 1, 1);
    const n = args[0];
    if (!(n instanceof PyInt)) typeError("'" + n.type.name + "' object cannot be interpreted as an integer");
    const v = Number(n.v);
    if (v < 1) raise(E.ValueError, 'recursion limit must be greater or equal than 1');
    vmState.recursionLimit = Math.min(v, 20000);
    return newRef(None);
  });
  m.fn('exit', (args, kw) => {
    checkArgs('sys.exit', args, kw, 0, 1);
    const e = abs.call(E.SystemExit, args, null);
    throw e;
  });
  m.fn('_getframe', (args, kw) => {
    checkArgs('sys._getframe', args, kw, 0, 1);
    let depth = args.length ? abs.asIndex(args[0]) : 0;
    let f = vmState.current;
    while (f && depth > 0) {
      f = f.back;
      depth--;
    }
    if (!f) raise(E.ValueError, 'call stack is not deep enough');
    return materialize(f);
  });
  m.fn('exc_info', (args, kw) => {
    checkArgs('sys.exc_info', args, kw, 0, 0);
    const e = topmostException();
    if (!e || e === None) return newTuple([newRef(None), newRef(None), newRef(None)]);
    const ex = e as E.PyBaseException;
    return newTuple([newRef(e.type), newRef(e), newRef(ex.traceback ?? None)]);
  });
  // the GIL's switch interval (no threads here: kept for the value only)
  let switchInterval = 0.005;
  m.fn('getswitchinterval', (args, kw) => (checkArgs('sys.getswitchinterval', args, kw, 0, 0), newFloat(switchInterval)));
  m.fn('setswitchinterval', (args, kw) => {
    checkArgs('sys.setswitchinterval', args, kw, 1, 1);
    const v = toDouble(args[0]);
    if (v <= 0) raise(E.ValueError, 'switch interval must be strictly positive');
    switchInterval = v;
    return newRef(None);
  });
  m.fn('is_finalizing', (args, kw) => {
    checkArgs('sys.is_finalizing', args, kw, 0, 0);
    return newBool(interp.finalizing);
  });
  m.fn('exception', (args, kw) => {
    checkArgs('sys.exception', args, kw, 0, 0);
    return newRef(topmostException() ?? None);
  });
  m.own('argv', newList([newStr(interp.opts.argv0 ?? filename), ...(interp.opts.argv ?? []).map((a) => newStr(a))]));
  m.own('version', newStr('3.11.7 (main, Dec  8 2023, 14:22:46) [GCC 12.2.0]'));
  const vi = structSeqType('sys', 'version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial']);
  m.own('version_info', newStructSeq(vi, [newInt(3), newInt(11), newInt(7), newStr('final'), newInt(0)]));
  const fi = structSeqType('sys', 'float_info', ['max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds']);
  m.own(
    'float_info',
    newStructSeq(fi, [newFloat(Number.MAX_VALUE), newInt(1024), newInt(308), newFloat(2.2250738585072014e-308), newInt(-1021), newInt(-307), newInt(15), newInt(53), newFloat(Number.EPSILON), newInt(2), newInt(1)]),
  );
  const ii = structSeqType('sys', 'int_info', ['bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold']);
  m.own('int_info', newStructSeq(ii, [newInt(30), newInt(4), newInt(4300), newInt(640)]));
  // sys.flags of `python3 script.py` (hash_randomization 0: RefScope hashes as PYTHONHASHSEED=0)
  const fl = structSeqType('sys', 'flags', ['debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site', 'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits']);
  m.own('flags', newStructSeq(fl, [...Array.from({ length: 13 }, () => newInt(0)), newRef(False), newInt(0), newInt(0), newRef(False), newInt(-1)]));
  m.fn('getdefaultencoding', (args, kw) => (checkArgs('sys.getdefaultencoding', args, kw, 0, 0), newStr('utf-8')));
  m.fn('getfilesystemencoding', (args, kw) => (checkArgs('sys.getfilesystemencoding', args, kw, 0, 0), newStr('utf-8')));
  m.fn('getfilesystemencodeerrors', (args, kw) => (checkArgs('sys.getfilesystemencodeerrors', args, kw, 0, 0), newStr('surrogateescape')));
  m.own('float_repr_style', newStr('short'));
  m.own('hexversion', newInt(0x30b07f0));
  abs.lazyModuleAttrs.set('sys.implementation', () => {
    const types = vmState.importModule!('types', vmState.current!);
    try {
      const ns = abs.getAttr(types, 'SimpleNamespace');
      const version = abs.getAttr(m.module, 'version_info');
      const args = [newStr('cpython'), newStr('cpython-311'), version, newInt(0x30b07f0), newStr('x86_64-linux-gnu')];
      try {
        return abs.call(ns, args, ['name', 'cache_tag', 'version', 'hexversion', '_multiarch']);
      } finally {
        decref(ns);
        for (const a of args) decref(a);
      }
    } finally {
      decref(types);
    }
  });
  m.own('platform', newStr('linux'));
  m.own('byteorder', newStr('little'));
  m.own('maxsize', newInt(9223372036854775807n));
  m.own('maxunicode', newInt(0x10ffff));
  m.own('executable', newStr('/usr/bin/python3'));
  // the installation the standard library's files come from (STDLIB_DIR is PREFIX/lib/python3.11):
  // gettext's default locale directory is made from base_prefix
  const prefix = STDLIB_DIR.replace(/\/lib\/python3\.11$/, '');
  for (const name of ['prefix', 'base_prefix', 'exec_prefix', 'base_exec_prefix']) m.own(name, newStr(prefix));
  m.own('implementation_name', newStr('cpython'));
  m.set('modules', interp.modules);
  m.own('path', newList([newStr(interp.opts.path0 ?? '.')]));
  m.own('builtin_module_names', newTuple(['builtins', 'sys', 'gc', 'math', 'time'].map((n) => newStr(n))));
  m.own('stdin', stdinObject());
  m.own('__stdin__', abs.getAttr(m.module, 'stdin'));
  m.own('stdout', makeStream('stdout', interp.opts.stdio ?? 'pipe', interp.io, interp.opts.fdOrder === true));
  m.own('stderr', makeStream('stderr', interp.opts.stdio ?? 'pipe', interp.io, interp.opts.fdOrder === true));
  m.own('__stdout__', abs.getAttr(m.module, 'stdout'));
  m.own('__stderr__', abs.getAttr(m.module, 'stderr'));
  // sys_excepthook_impl: PyErr_Display on sys.stderr (nothing when it is None)
  m.fn('excepthook', (args, kw) => {
    checkArgs('sys.excepthook', args, kw, 3, 3);
    displayException(args[1]);
    return newRef(None);
  });
  m.own('__excepthook__', abs.getAttr(m.module, 'excepthook'));
  // sys_unraisablehook: the default hook, write_unraisable_exc_file's text on sys.stderr
  m.fn('unraisablehook', (args, kw) => {
    checkArgs('sys.unraisablehook', args, kw, 1, 1);
    if (!isUnraisableHookArgs(args[0])) typeError('sys.unraisablehook argument type must be UnraisableHookArgs');
    defaultUnraisableHook(args[0]);
    return newRef(None);
  });
  m.own('__unraisablehook__', abs.getAttr(m.module, 'unraisablehook'));
  // the limit of int <-> decimal str conversions (3.11: 4300 digits by default, 0 = none)
  setIntMaxStrDigits(DEFAULT_MAX_STR_DIGITS);
  m.fn('get_int_max_str_digits', (args, kw) => {
    checkArgs('sys.get_int_max_str_digits', args, kw, 0, 0);
    return newInt(getIntMaxStrDigits());
  });
  m.fn('set_int_max_str_digits', (args, kw) => {
    const [n] = parseArgs({ name: 'set_int_max_str_digits', params: ['maxdigits'], required: 1 }, args, kw);
    const v = abs.index(n!);
    setIntMaxStrDigits(typeof v === 'bigint' ? Number(v) : v);
    return newRef(None);
  });
  for (const name of ['excepthook', 'unraisablehook']) defaultHooks.add(m.module.dict.getStr(abs.strKey(name))!);
  void PyType;
  void PyObject;
  void PyInstance;
  void decref;
}

/** sys.stdout / sys.stderr: TextIOWrapper instances whose write() and flush() (the type's
 * methods, fileio.ts) go to the run's output. create_stdio: stderr is line buffered, stdout when
 * it is a terminal; both write through under PYTHONUNBUFFERED. */
function makeStream(which: 'stdout' | 'stderr', stdio: StdioMode, io: RuntimeIO, fdOrder: boolean): PyObject {
  const p = new PendingWrites(which === 'stderr' || stdio === 'tty', stdio === 'unbuffered', stdio === 'unbuffered' ? 0 : 4096);
  p.sink = new StdSink(which === 'stderr' ? 2 : 1, io);
  // (InterpOptions.fdOrder: the data wait in the layers as in CPython from the start)
  if (fdOrder) p.sink.lazy = true;
  const o = new PyStdStream(streamType, p, which === 'stderr');
  gcNewTracked(o);
  registerStdStream(io, o);
  return streamObject(o, which);
}

import { makeType } from '../runtime/types';
import { TypeFlags } from '../runtime/object';
import { attrKey } from '../runtime/objects/str';
import { SharedKeys } from '../runtime/objects/dict';
import { TextIOWrapperType, PyStdStream, PyStdinStream, PendingWrites, StdSink, registerStdStream } from './fileio';
import type { RuntimeIO } from './io_shared';
import { gcNewTracked } from '../runtime/objects/tuple';
import type { StdioMode } from '../runtime/interp';

// _io.TextIOWrapper is a static type in CPython (Modules/_io/textio.c PyTextIOWrapper_Type): never
// in gc.get_objects(), the same in every run of the process. sizeof(textio) = 192 (+ gc header).
// with its bases' chain: TextIOWrapper -> _TextIOBase -> _IOBase -> object
const streamType = TextIOWrapperType;
// the attributes below live in the object's values, as an instance's do
streamType.sharedKeys = new SharedKeys();
function streamObject(o: PyInstance, name: string): PyObject {
  const nm = newStr(`<${name}>`);
  o.storeAttrValue(attrKey('name'), nm);
  decref(nm);
  // (the one attribute CPython's std streams keep in their __dict__: io.open sets it)
  const mode = newStr('w');
  o.storeAttrValue(attrKey('mode'), mode);
  decref(mode);
  return o;
}
/** sys.stdin: read through the run's input lines (fileio.ts stdinRead/stdinReadline) */
function stdinObject(): PyObject {
  const o = new PyStdinStream(streamType);
  gcNewTracked(o);
  for (const [k, v] of [
    ['name', '<stdin>'],
    ['mode', 'r'],
  ]) {
    const s = newStr(v);
    o.storeAttrValue(attrKey(k), s);
    decref(s);
  }
  return o;
}
