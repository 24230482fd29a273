// The builtins module (Python/bltinmodule.c): functions and the iterator types it owns
// (enumerate, zip, map, filter, reversed). Constructors and methods of the data types live with
// those types (runtime/objects/*_methods.ts).

import { PyObject, PyType, TypeFlags, newRef, decref, incref, addressOf } from '../runtime/object';
import { bytesLike, PyBytes, BytesType, newBytes } from '../runtime/objects/bytes';
import { currentInterp } from '../runtime/current';
import { TypeType, ObjectType, PyBuiltinFunction, builtinTypes } from '../runtime/types';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { PyInt, IntType, BoolType, newInt, newBool, True, False } from '../runtime/objects/int';
import { PyFloat, FloatType, newFloat } from '../runtime/objects/float';
import { PyStr, StrType, newStr, attrKey } from '../runtime/objects/str';
import { PyTuple, newTuple, TupleType, newTupleSized, releaseUnfilledTuple } from '../runtime/objects/tuple';
import { PyList, newList, ListType } from '../runtime/objects/list';
import { listExtend } from '../runtime/objects/list_methods';
import { PyDict, DictType, newDict } from '../runtime/objects/dict';
import { None, NoneType, Ellipsis, NotImplemented } from '../runtime/objects/singletons';
import { PyFunction, PyMethod, PropertyType, ClassMethodType, StaticMethodType } from '../runtime/objects/function';
import { PyModule } from '../runtime/objects/instance';
import { excTypes, PyBaseException, StopIteration } from '../runtime/objects/exception';
import * as E from '../runtime/objects/exception';
import * as misc from '../runtime/objects/misc';
import { SuperType, buildClass, varargsCall } from '../runtime/typeobject';
import { checkArgs, parseArgs, builtinFunction, ModuleBuilder, argParserInit } from '../runtime/define';
import { raise, typeError, numErrException } from '../runtime/errors';
import { vmState, genSend } from '../runtime/vm/eval';
import { fastToLocals } from '../runtime/vm/call';
import { PyGenerator } from '../runtime/objects/generator';
import { gcNewObject, gcTransientAlloc, gcTransientFree } from '../runtime/gc';
import * as N from '../runtime/numeric';
import { intToHex, intToOct, intToBin } from '../runtime/primitives/intstr';
import { formatObject, sortList } from './shared';
import type { RuntimeIO } from './io_shared';
import { installExec } from './builtins_exec';
import { installSite } from './builtins_site';
import { installFileIO, openFile, PyStdStream, PyStdinStream, stdStreamWrite } from './fileio';
import { callMethodNoArgs } from '../runtime/vm/attrcache';
import { UnionType, PyGenericAlias } from '../runtime/bootstrap';

const PRINT_KEYWORDS = ['sep', 'end', 'file', 'flush'];


/** PyFile_WriteObject(v, f, Py_PRINT_RAW): f.write(str(v)), the stream's `write` taken first (a
 * bound method: a gc allocation, released after the call). sys.stdout or sys.stderr with the
 * type's own write: the bound method is made and dropped in C, where nothing can see it but the
 * gc count; the text goes to the stream's output. */
function fileWriteObject(out: PyObject, v: PyObject): void {
  if (out instanceof PyStdStream && out.getAttrValue(attrKey('write')) === undefined) {
    gcTransientAlloc();
    try {
      const s = abs.strObj(v);
      try {
        stdStreamWrite(out, s);
      } finally {
        decref(s);
      }
    } finally {
      gcTransientFree();
    }
    return;
  }
  const w = abs.getAttr(out, 'write');
  try {
    const s = abs.strObj(v);
    try {
      decref(abs.call(w, [s], null));
    } finally {
      decref(s);
    }
  } finally {
    decref(w);
  }
}

/** PyObject_CallMethodNoArgs(o, name) whose error is cleared (PyErr_Clear) */
function callDropping(o: PyObject, name: string): void {
  try {
    decref(callMethodNoArgs(o, name));
  } catch (e) {
    if (e instanceof E.PyBaseException) decref(e);
    else throw e;
  }
}

/** PyFile_GetLine(f, -1): f.readline(), a str or bytes, without its newline; empty: EOFError */
function fileGetLine(f: PyObject): PyObject {
  const r = callMethodNoArgs(f, 'readline');
  if (!(r instanceof PyStr) && !(r instanceof PyBytes && r.type.isSubtype(BytesType))) {
    decref(r);
    typeError('object.readline() returned non-string');
  }
  const n = r instanceof PyStr ? abs.length(r) : (r as PyBytes).v.length;
  if (n === 0) {
    decref(r);
    raise(E.EOFError, 'EOF when reading a line');
  }
  if (r instanceof PyStr) {
    if (!r.v.endsWith('\n')) return r;
    const s = newStr(r.v.slice(0, -1));
    decref(r);
    return s;
  }
  const b = r as PyBytes;
  if (b.v[n - 1] !== 10) return r;
  const out = newBytes(b.v.slice(0, n - 1));
  decref(r);
  return out;
}

export function initBuiltins(m: ModuleBuilder, io: RuntimeIO): void {
  const fn = (name: string, f: (args: PyObject[], kw: string[] | null, self: PyObject | null) => PyObject) => m.fn(name, f);

  fn('print', (args, kw) => {
    const nkw = kw ? kw.length : 0;
    const npos = args.length - nkw;
    // Argument Clinic (3.11 _PyArg_UnpackKeywordsWithVararg): parser_init makes the parser's
    // keyword tuple on the first call, then the positional arguments are packed in a new tuple
    // (PyTuple_New: the tuple free list, or a gc allocation), released when print returns
    argParserInit('print', PRINT_KEYWORDS);
    let varargs: PyObject | null = null;
    if (npos > 0) {
      const items = args.slice(0, npos);
      for (const x of items) x.rc++;
      varargs = newTuple(items);
    }
    try {
      return printImpl(args, kw, nkw, npos);
    } finally {
      if (varargs !== null) decref(varargs);
    }
  });
  /** builtin_print_impl */
  const printImpl = (args: PyObject[], kw: string[] | null, nkw: number, npos: number): PyObject => {
    let sep = ' ';
    let end = '\n';
    let file: PyObject | null = null;
    let flush = false;
    for (let i = 0; i < nkw; i++) {
      const k = kw![i];
      const v = args[npos + i];
      if (k === 'sep') {
        if (v !== None) {
          if (!(v instanceof PyStr)) typeError(`sep must be None or a string, not ${v.type.name}`);
          sep = v.v;
        }
      } else if (k === 'end') {
        if (v !== None) {
          if (!(v instanceof PyStr)) typeError(`end must be None or a string, not ${v.type.name}`);
          end = v.v;
        }
      } else if (k === 'file') {
        if (v !== None) file = v;
      } else if (k === 'flush') {
        flush = abs.isTrue(v);
      } else typeError(`'${k}' is an invalid keyword argument for print()`);
    }
    if (!file && vmState.stdout) file = vmState.stdout();
    // (sys.stdout is None: nothing is printed)
    if (file === None) return newRef(None);
    if (!file) raise(E.RuntimeError, 'lost sys.stdout');
    // builtin_print: each argument, separator and the end go out as they come, so the pieces
    // before an argument whose str() raises are already written. PyFile_WriteObject takes the
    // stream's `write` first (a bound method: a gc allocation, released after the call), then
    // str() of the object; PyFile_WriteString makes its str first.
    const out = file;
    const write = (v: PyObject): void => fileWriteObject(out, v);
    const writeText = (t: string): void => {
      const s = newStr(t);
      try {
        write(s);
      } finally {
        decref(s);
      }
    };
    for (let i = 0; i < npos; i++) {
      if (i > 0) writeText(sep);
      write(args[i]);
    }
    writeText(end);
    // (PyObject_CallMethodNoArgs(file, flush): a std stream's flush releases its pending writes)
    if (flush) decref(callMethodNoArgs(out, 'flush'));
    return newRef(None);
  };

  fn('len', (args, kw) => {
    checkArgs('len', args, kw, 1, 1);
    return newInt(abs.length(args[0]));
  });
  vmState.lenBuiltin = m.dict.getStr(abs.strKey('len'))!;
  fn('repr', (args, kw) => {
    checkArgs('repr', args, kw, 1, 1);
    return newStr(abs.repr(args[0]));
  });
  fn('ascii', (args, kw) => {
    checkArgs('ascii', args, kw, 1, 1);
    return newStr(asciiRepr(abs.repr(args[0])));
  });
  fn('id', (args, kw) => {
    checkArgs('id', args, kw, 1, 1);
    return newInt(addressOf(args[0]));
  });
  fn('hash', (args, kw) => {
    checkArgs('hash', args, kw, 1, 1);
    return newInt(abs.hash(args[0]));
  });
  fn('callable', (args, kw) => {
    checkArgs('callable', args, kw, 1, 1);
    const o = args[0];
    return newBool(abs.isCallable(o));
  });
  fn('isinstance', (args, kw) => {
    checkArgs('isinstance', args, kw, 2, 2);
    return newBool(isInstanceOf(args[0], args[1]));
  });
  fn('issubclass', (args, kw) => {
    checkArgs('issubclass', args, kw, 2, 2);
    if (!(args[0] instanceof PyType)) typeError('issubclass() arg 1 must be a class');
    return newBool(isSubclassOf(args[0], args[1]));
  });
  fn('getattr', (args, kw) => {
    checkArgs('getattr', args, kw, 2, 3);
    const name = args[1];
    if (!(name instanceof PyStr)) typeError(`attribute name must be string, not '${name.type.name}'`);
    if (args.length === 3) {
      const r = abs.lookupAttr(args[0], name.v);
      return r ?? newRef(args[2]);
    }
    return abs.getAttr(args[0], name.v);
  });
  fn('setattr', (args, kw) => {
    checkArgs('setattr', args, kw, 3, 3);
    const name = args[1];
    if (!(name instanceof PyStr)) typeError(`attribute name must be string, not '${name.type.name}'`);
    abs.setAttr(args[0], name.v, args[2]);
    return newRef(None);
  });
  fn('delattr', (args, kw) => {
    checkArgs('delattr', args, kw, 2, 2);
    const name = args[1];
    if (!(name instanceof PyStr)) typeError(`attribute name must be string, not '${name.type.name}'`);
    abs.setAttr(args[0], name.v, null);
    return newRef(None);
  });
  fn('hasattr', (args, kw) => {
    checkArgs('hasattr', args, kw, 2, 2);
    const name = args[1];
    if (!(name instanceof PyStr)) typeError(`attribute name must be string, not '${name.type.name}'`);
    const r = abs.lookupAttr(args[0], name.v);
    if (r) decref(r);
    return newBool(r !== null);
  });
  fn('iter', (args, kw) => {
    checkArgs('iter', args, kw, 1, 2);
    if (args.length === 2) {
      if (!abs.isCallable(args[0])) typeError('iter(v, w): v must be callable');
      const it = new misc.PyChainIter(misc.CallIterType, [newRef(args[0]), newRef(args[1])]);
      gcNewObject(it, true);
      return it;
    }
    return abs.getIter(args[0]);
  });
  misc.CallIterType.slots.next = (o) => {
    // calliter_iternext: the sentinel compared with the result (sentinel == result), and a
    // StopIteration from the callable ends it too; at the end it lets go of both
    const it = o as misc.PyChainIter;
    if (!it.parts.length) return null;
    const end = () => {
      const p = it.parts;
      it.parts = [];
      for (const x of p) decref(x);
      return null;
    };
    let r: PyObject;
    try {
      r = abs.call(it.parts[0], [], null);
    } catch (e) {
      if (!(e instanceof PyBaseException && e.type.isSubtype(E.StopIteration))) throw e;
      decref(e);
      return end();
    }
    let same: boolean;
    try {
      same = abs.richCompareBool(it.parts[1], r, Cmp.EQ);
    } catch (e) {
      decref(r);
      throw e;
    }
    if (!same) return r;
    decref(r);
    return end();
  };
  fn('next', (args, kw) => {
    checkArgs('next', args, kw, 1, 2);
    const it = args[0];
    if (!abs.hasNext(it)) typeError(`'${it.type.name}' object is not an iterator`);
    if (args.length === 2) {
      const r = abs.iterNext(it);
      return r ?? newRef(args[1]);
    }
    if (it instanceof PyGenerator) {
      // gen_iternext: a generator's return value travels in StopIteration.value
      const r = genSend(it, None);
      if (r.done) {
        // (StopIteration_init: `value` holds the value too, None when there is none)
        const args = r.value === None ? newTuple([]) : newTuple([newRef(r.value)]);
        const e = new PyBaseException(StopIteration, args);
        e.extra = { value: r.value };
        gcNewObject(e, true);
        throw e;
      }
      return r.value;
    }
    const n = it.type.slots.next;
    if (n) {
      const r = n(it);
      if (!r) raise(StopIteration, null);
      return r;
    }
    return abs.callSpecial(it, '__next__', [])!;
  });
  fn('abs', (args, kw) => {
    checkArgs('abs', args, kw, 1, 1);
    const o = args[0];
    if (o.type === IntType || o.type === BoolType) return newInt(N.intAbs((o as PyInt).v));
    if (o.type === FloatType) return newFloat(Math.abs((o as PyFloat).v));
    const r = abs.callSpecial(o, '__abs__', []);
    if (!r) typeError(`bad operand type for abs(): '${o.type.name}'`);
    return r;
  });
  fn('divmod', (args, kw) => {
    checkArgs('divmod', args, kw, 2, 2);
    const [a, b] = args;
    const r = abs.binaryDispatch(a, b, '__divmod__', '__rdivmod__');
    if (!r) typeError(`unsupported operand type(s) for divmod(): '${a.type.name}' and '${b.type.name}'`);
    return r;
  });
  fn('pow', (args, kw) => {
    const [base, exp, mod] = parseArgs({ name: 'pow', params: ['base', 'exp', 'mod'], required: 2 }, args, kw);
    if (mod && mod !== None) {
      if (!(base instanceof PyInt) || !(exp instanceof PyInt) || !(mod instanceof PyInt)) {
        // ternary_op: a class's own __pow__ (slot_nb_power, three-argument: no __rpow__), then
        // complex_pow / float_pow refusing the modulus, else no nb_power took them
        const f = base!.type.flags & TypeFlags.HEAPTYPE ? abs.typeLookup(base!.type, '__pow__') : null;
        if (f !== null && !(f instanceof PyBuiltinFunction)) {
          const r = abs.callMethodObj(f, base!, [exp!, mod]);
          if (r !== NotImplemented) return r;
          decref(r);
        }
        const isA = (o: PyObject, name: string) => o.type.mro.some((t) => t.name === name && !(t.flags & TypeFlags.HEAPTYPE));
        if (isA(base!, 'complex') || isA(exp!, 'complex')) raise(excTypes.get('ValueError')!, 'complex modulo');
        if (isA(base!, 'float') || isA(exp!, 'float')) typeError('pow() 3rd argument not allowed unless all arguments are integers');
        typeError(`unsupported operand type(s) for ** or pow(): '${base!.type.name}', '${exp!.type.name}', '${mod.type.name}'`);
      }
      try {
        return newInt(N.intPowMod(base.v, exp.v, mod.v));
      } catch (e) {
        if (e instanceof N.NumErr) throw numErrException(excTypes.get(e.pyType)!, e);
        throw e;
      }
    }
    return abs.binaryOp(base!, exp!, 8);
  });
  fn('round', (args, kw) => {
    const [num, nd] = parseArgs({ name: 'round', params: ['number', 'ndigits'], required: 1, clinic: 'round' }, args, kw);
    const f = abs.typeLookup(num!.type, '__round__');
    if (!f) typeError(`type ${num!.type.name} doesn't define __round__ method`);
    return abs.callMethodObj(f, num!, nd && nd !== None ? [nd] : []);
  });
  fn('min', (args, kw) => varargsCall(args, kw, () => minmax(args, kw, 'min', Cmp.LT)));
  fn('max', (args, kw) => varargsCall(args, kw, () => minmax(args, kw, 'max', Cmp.GT)));
  fn('sum', (args, kw) => {
    const [iterable, start] = parseArgs({ name: 'sum', params: ['iterable', '/', 'start'], required: 1, clinic: 'sum' }, args, kw);
    if (start instanceof PyStr) typeError("sum() can't sum strings [use ''.join(seq) instead]");
    // (PyBytes_Check / PyByteArray_Check: subclasses too)
    const bt = start ? start.type.mro.find((t) => !(t.flags & TypeFlags.HEAPTYPE) && (t.name === 'bytes' || t.name === 'bytearray')) : undefined;
    if (bt) typeError(`sum() can't sum ${bt.name} [use b''.join(seq) instead]`);
    if (start) return sumOf(iterable!, start);
    const zero = newInt(0);
    try {
      return sumOf(iterable!, zero);
    } finally {
      decref(zero);
    }
  });
  fn('any', (args, kw) => {
    checkArgs('any', args, kw, 1, 1);
    return anyAll(args[0], true);
  });
  fn('all', (args, kw) => {
    checkArgs('all', args, kw, 1, 1);
    return anyAll(args[0], false);
  });
  fn('sorted', (args, kw) => {
    const nkw = kw ? kw.length : 0;
    if (args.length - nkw !== 1) typeError(`sorted expected 1 argument, got ${args.length - nkw}`);
    const l = newList([]); // PySequence_List: list_extend into an empty list (its allocation)
    try {
      listExtend(l, args[0]);
      const [key, reverse] = parseArgs({ name: 'sort', params: ['*', 'key', 'reverse'], clinic: 'list.sort' }, args.slice(1), kw);
      // builtin_sorted calls the new list's bound sort through its vectorcall, which counts a
      // recursion level while the key function runs
      abs.enterRecursiveCall(' while calling a Python object');
      try {
        // (clinic's `reverse: bool(accept={int})`: an int, or something with __index__)
        sortList(l, key && key !== None ? key : null, reverse ? abs.asIndex(reverse) !== 0 : false);
      } finally {
        abs.leaveRecursiveCall();
      }
    } catch (e) {
      decref(l);
      throw e;
    }
    return l;
  });
  fn('chr', (args, kw) => {
    checkArgs('chr', args, kw, 1, 1);
    const v = abs.index(args[0]);
    // builtin_chr's argument is a C int (_PyLong_AsInt)
    if (typeof v === 'bigint' || v > 0x7fffffff || v < -0x80000000) raise(E.OverflowError, 'Python int too large to convert to C int');
    if (v < 0 || v > 0x10ffff) raise(E.ValueError, 'chr() arg not in range(0x110000)');
    return newStr(String.fromCodePoint(v));
  });
  fn('ord', (args, kw) => {
    checkArgs('ord', args, kw, 1, 1);
    const s = args[0];
    if (!(s instanceof PyStr)) {
      // ord() of a bytes or bytearray of length 1: its byte
      const b = bytesLike(s);
      if (b !== null && s.type.mro.some((t) => !(t.flags & TypeFlags.HEAPTYPE) && (t.name === 'bytes' || t.name === 'bytearray'))) {
        if (b.length !== 1) typeError(`ord() expected a character, but string of length ${b.length} found`);
        return newInt(b[0]);
      }
      typeError(`ord() expected string of length 1, but ${s.type.name} found`);
    }
    if (s.length !== 1) typeError(`ord() expected a character, but string of length ${s.length} found`);
    return newInt(s.v.codePointAt(0)!);
  });
  fn('hex', (args, kw) => {
    checkArgs('hex', args, kw, 1, 1);
    return newStr(intToHex(abs.index(args[0])));
  });
  fn('oct', (args, kw) => {
    checkArgs('oct', args, kw, 1, 1);
    return newStr(intToOct(abs.index(args[0])));
  });
  fn('bin', (args, kw) => {
    checkArgs('bin', args, kw, 1, 1);
    return newStr(intToBin(abs.index(args[0])));
  });
  fn('format', (args, kw) => {
    checkArgs('format', args, kw, 1, 2);
    const spec = args[1] ?? null;
    if (spec && !(spec instanceof PyStr)) typeError(`format() argument 2 must be str, not ${spec.type.name}`);
    // PyObject_Format: an exact str with an empty spec is itself
    if (args[0].type === StrType && (!spec || (spec as PyStr).v === '')) return newRef(args[0]);
    return newStr(formatObject(args[0], spec ? (spec as PyStr).v : ''));
  });
  fn('input', (args, kw) => {
    checkArgs('input', args, kw, 0, 1);
    // builtin_input_impl (not a terminal): sys.stdin, sys.stdout and sys.stderr must be there;
    // stderr flushed, stdin asked for its fileno (to tell a terminal), the prompt written to
    // sys.stdout and stdout flushed (those errors cleared), then PyFile_GetLine(stdin)
    const sysd = currentInterp.interp!.sys.dict;
    const fin = sysd.getStr(abs.strKey('stdin'));
    const fout = sysd.getStr(abs.strKey('stdout'));
    const ferr = sysd.getStr(abs.strKey('stderr'));
    if (fin === undefined || fin === None) raise(E.RuntimeError, 'input(): lost sys.stdin');
    if (fout === undefined || fout === None) raise(E.RuntimeError, 'input(): lost sys.stdout');
    if (ferr === undefined || ferr === None) raise(E.RuntimeError, 'input(): lost sys.stderr');
    callDropping(ferr, 'flush');
    let fd: PyObject | null = null;
    try {
      fd = callMethodNoArgs(fin, 'fileno');
    } catch (e) {
      if (e instanceof E.PyBaseException) decref(e);
      else throw e;
    }
    if (fd !== null) {
      // (PyLong_AsLong: an error propagates)
      try {
        abs.index(fd);
      } finally {
        decref(fd);
      }
    }
    if (args.length) fileWriteObject(fout, args[0]);
    callDropping(fout, 'flush');
    // the run's own stdin, not replaced: its lines
    if (fin instanceof PyStdinStream && !fin.closed && fin.getAttrValue(attrKey('readline')) === undefined) {
      const line = io.readLine();
      if (line === null) raise(E.EOFError, 'EOF when reading a line');
      return newStr(line);
    }
    return fileGetLine(fin);
  });
  installExec(m);
  installSite(m);
  installFileIO();
  m.fn('open', openFile);
  fn('globals', (args, kw) => {
    checkArgs('globals', args, kw, 0, 0);
    return newRef(vmState.current!.globals);
  });
  fn('locals', (args, kw) => {
    checkArgs('locals', args, kw, 0, 0);
    // PyEval_GetLocals: the frame's f_locals dict, refreshed from its fast locals (kept by the
    // frame, so `locals() is locals()` and the dict's references last as long as the call)
    return newRef(fastToLocals(vmState.current!));
  });
  fn('vars', (args, kw) => varargsCall(args, kw, () => {
    checkArgs('vars', args, kw, 0, 1);
    if (!args.length) return newRef(fastToLocals(vmState.current!));
    const r = abs.lookupAttr(args[0], '__dict__');
    if (!r) typeError('vars() argument must have __dict__ attribute');
    return r;
  }));
  fn('dir', (args, kw) => varargsCall(args, kw, () => {
    checkArgs('dir', args, kw, 0, 1);
    let names: PyObject;
    if (!args.length) {
      // _dir_locals: PyMapping_Keys of the frame's locals
      const d = fastToLocals(vmState.current!);
      if (d instanceof PyDict && d.type === DictType) names = newList(d.keyList().map(newRef));
      else {
        const keys = abs.callSpecial(d, 'keys', []);
        if (!keys) typeError(`'${d.type.name}' object has no attribute 'keys'`);
        try {
          names = newList(abs.toArray(keys));
        } finally {
          decref(keys);
        }
      }
    } else {
      const o = args[0];
      if (o instanceof PyModule) names = newList(o.dict.keyList().map(newRef));
      else if (o instanceof PyType) {
        const s = new Map<string, PyObject>();
        for (const t of o.mro) for (const k of t.dict.keyList()) if (k instanceof PyStr && !s.has(k.v)) s.set(k.v, k);
        names = newList([...s.values()].map(newRef));
      } else {
        const d = abs.callSpecial(o, '__dir__', []);
        if (!d) typeError('object does not provide __dir__');
        names = newList(abs.toArray(d));
        decref(d);
      }
    }
    sortList(names as PyList, null, false);
    return names;
  }));
  fn('__build_class__', (args, kw) => buildClass(args, kw));
  fn('__import__', (args, kw) => {
    const [name, , , fromlist] = parseArgs({ name: '__import__', params: ['name', 'globals', 'locals', 'fromlist', 'level'], required: 1 }, args, kw);
    // PyImport_ImportModuleLevelObject
    if (!(name instanceof PyStr)) typeError('module name must be a string');
    const f = vmState.current!;
    // importlib.__import__: without a fromlist, 'a.b.c' imports a, a.b, a.b.c and returns a
    if ((!fromlist || !abs.isTrue(fromlist)) && name.v.includes('.')) {
      const parts = name.v.split('.');
      const top = vmState.importModule!(parts[0], f);
      try {
        for (let i = 2; i <= parts.length; i++) decref(vmState.importModule!(parts.slice(0, i).join('.'), f));
      } catch (e) {
        decref(top);
        throw e;
      }
      return top;
    }
    return vmState.importModule!(name.v, f);
  });

  // iterator types owned by builtins
  /** PyTuple_New(n) filled with PyObject_GetIter(args[start + i]) (zip_new, map_vectorcall) */
  const iterTuple = (args: PyObject[], start: number, n: number): PyTuple => {
    if (n === 0) return newTuple([]);
    const t = newTupleSized(n);
    try {
      for (let i = 0; i < n; i++) t.items.push(abs.getIter(args[start + i]));
    } catch (e) {
      decref(t);
      throw e;
    }
    return t;
  };
  misc.EnumerateType.slots.new = (_t, args, kw) => {
    // enum_vectorcall's own argument checks
    const nkw = kw ? kw.length : 0;
    const npos = args.length - nkw;
    const badKw = (i: number, want: string) => {
      if (kw![i] !== want) typeError(`'${kw![i]}' is an invalid keyword argument for enumerate()`);
    };
    if (args.length === 2) {
      if (nkw === 1) badKw(0, 'start');
      else if (nkw === 2 && kw![0] !== 'start') {
        badKw(0, 'iterable');
        badKw(1, 'start');
      } else if (nkw === 2) badKw(1, 'iterable');
    } else if (args.length === 1) {
      if (nkw === 1) badKw(0, 'iterable');
    } else if (npos === 0) typeError("enumerate() missing required argument 'iterable'");
    else typeError(`enumerate() takes at most 2 arguments (${args.length} given)`);
    const [iterable, start] = parseArgs({ name: 'enumerate', params: ['iterable', 'start'], required: 1 }, args, kw);
    const it = abs.getIter(iterable!);
    const e = new misc.PyChainIter(misc.EnumerateType, [it]);
    e.count = start ? abs.index(start) : 0;
    e.result = newTuple([newRef(None), newRef(None)]);
    gcNewObject(e, true);
    return e;
  };
  misc.EnumerateType.slots.next = (o) => {
    const e = o as misc.PyChainIter;
    const x = abs.iterNext(e.parts[0]);
    if (!x) return null;
    const i = newInt(e.count);
    e.count = N.intAdd(e.count, 1);
    return misc.reuseResult(e.result, [i, x]) ?? newTuple([i, x]);
  };
  misc.ZipType.slots.new = (_t, args, kw) => {
    const nkw = kw ? kw.length : 0;
    let strict = false;
    for (let i = 0; i < nkw; i++) {
      if (kw![i] !== 'strict') typeError(`'${kw![i]}' is an invalid keyword argument for zip()`);
      strict = abs.isTrue(args[args.length - nkw + i]);
    }
    // zip_new: the tuple of iterators is allocated first, then filled; then the result holder
    const n = args.length - nkw;
    const ittuple = iterTuple(args, 0, n);
    const z = new misc.PyChainIter(misc.ZipType, n ? [ittuple] : []);
    if (!n) decref(ittuple);
    z.count = strict ? 1 : 0;
    if (n) {
      const nones: PyObject[] = [];
      for (let i = 0; i < n; i++) nones.push(newRef(None));
      z.result = newTuple(nones);
    }
    gcNewObject(z, true);
    return z;
  };
  misc.ZipType.slots.next = (o) => {
    const z = o as misc.PyChainIter;
    if (!z.parts.length) return null;
    const its = (z.parts[0] as PyTuple).items;
    const n = its.length;
    // zip_next: when the result holder is shared, a new tuple is allocated before the
    // iterators are asked (and released, with its empty slots, when one is exhausted)
    const fresh = z.result !== null && z.result.rc === 1 ? null : newTupleSized(n);
    const items: PyObject[] = fresh ? fresh.items : [];
    const dropFresh = () => releaseUnfilledTuple(fresh!, n);
    for (let i = 0; i < n; i++) {
      let x: PyObject | null;
      try {
        x = abs.iterNext(its[i]);
      } catch (e) {
        if (fresh) dropFresh();
        else for (const y of items) decref(y);
        throw e;
      }
      if (!x) {
        if (fresh) dropFresh();
        else for (const y of items) decref(y);
        if (z.count === 1) {
          if (i > 0) raise(E.ValueError, `zip() argument ${i + 1} is shorter than argument${i > 1 ? `s 1-${i}` : ' 1'}`);
          for (let j = 1; j < its.length; j++) {
            const y = abs.iterNext(its[j]);
            if (y) {
              decref(y);
              raise(E.ValueError, `zip() argument ${j + 1} is longer than argument${j > 1 ? `s 1-${j}` : ' 1'}`);
            }
          }
        }
        return null;
      }
      items.push(x);
    }
    if (fresh) return fresh;
    return misc.reuseResult(z.result, items) ?? newTuple(items);
  };
  misc.MapType.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('map() takes no keyword arguments');
    if (args.length < 2) typeError('map() must have at least two arguments.');
    // map_vectorcall: a tuple of the iterators (allocated first, then filled), then the map
    // object; map_traverse visits the tuple, then the function
    const iters = iterTuple(args, 1, args.length - 1);
    const mo = new misc.PyChainIter(misc.MapType, [iters, newRef(args[0])]);
    gcNewObject(mo, true);
    return mo;
  };
  misc.MapType.slots.next = (o) => {
    const mo = o as misc.PyChainIter;
    const vals: PyObject[] = [];
    try {
      const its = (mo.parts[0] as PyTuple).items;
      for (let i = 0; i < its.length; i++) {
        const x = abs.iterNext(its[i]);
        if (!x) return null;
        vals.push(x);
      }
      return abs.call(mo.parts[1], vals, null);
    } finally {
      for (const x of vals) decref(x);
    }
  };
  misc.FilterType.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('filter() takes no keyword arguments');
    if (args.length !== 2) typeError(`filter expected 2 arguments, got ${args.length}`);
    const it = abs.getIter(args[1]);
    const fo = new misc.PyChainIter(misc.FilterType, [newRef(args[0]), it]);
    gcNewObject(fo, true);
    return fo;
  };
  misc.FilterType.slots.next = (o) => {
    const fo = o as misc.PyChainIter;
    const [pred, it] = fo.parts;
    for (;;) {
      const x = abs.iterNext(it);
      if (!x) return null;
      let ok: boolean;
      try {
        if (pred === None) ok = abs.isTrue(x);
        else {
          const r = abs.call(pred, [x], null);
          ok = abs.isTrue(r);
          decref(r);
        }
      } catch (e) {
        decref(x);
        throw e;
      }
      if (ok) return x;
      decref(x);
    }
  };
  misc.ReversedType.slots.new = (_t, args, kw) => {
    checkArgs('reversed', args, kw, 1, 1);
    const seq = args[0];
    const rev = abs.callSpecial(seq, '__reversed__', []);
    if (rev) return rev;
    if (!abs.typeLookup(seq.type, '__getitem__') || !abs.typeLookup(seq.type, '__len__')) typeError(`'${seq.type.name}' object is not reversible`);
    const r = new misc.PyChainIter(misc.ReversedType, [newRef(seq)]);
    r.count = abs.length(seq) - 1;
    gcNewObject(r, true);
    return r;
  };
  misc.ReversedType.slots.next = (o) => {
    // reversed_next: at the end, or on an error from __getitem__, it lets go of the sequence
    // (index -1); an IndexError or StopIteration is the end
    const r = o as misc.PyChainIter;
    const end = () => {
      r.count = -1;
      const p = r.parts;
      r.parts = [];
      for (const x of p) decref(x);
    };
    if (r.parts.length && (r.count as number) >= 0) {
      const k = newInt(r.count);
      try {
        const x = abs.getItem(r.parts[0], k);
        r.count = (r.count as number) - 1;
        return x;
      } catch (e) {
        end();
        if (!(e instanceof PyBaseException && (e.type.isSubtype(E.IndexError) || e.type.isSubtype(E.StopIteration)))) throw e;
        decref(e);
        return null;
      } finally {
        decref(k);
      }
    }
    end();
    return null;
  };

  // types and constants
  for (const t of builtinTypes) {
    if (isPublicBuiltinType(t)) m.set(t.name, t);
  }
  m.set('super', SuperType);
  m.set('property', PropertyType);
  m.set('classmethod', ClassMethodType);
  m.set('staticmethod', StaticMethodType);
  m.set('None', None);
  m.set('Ellipsis', Ellipsis);
  m.set('NotImplemented', NotImplemented);
  m.set('True', True);
  m.set('False', False);
  m.set('__debug__', True);
  for (const [name, t] of excTypes) m.set(name, t);
  m.set('EnvironmentError', E.OSError);
  m.set('IOError', E.OSError);
  m.own('__name__', newStr('builtins'));
  void TupleType;
  void ListType;
  void StrType;
  void ObjectType;
  void TypeType;
  void PyDict;
  void PyBaseException;
  void builtinFunction;
  void incref;
  void PyTuple;
}

const PUBLIC_TYPES = new Set(['type', 'object', 'int', 'bool', 'float', 'complex', 'str', 'bytes', 'bytearray', 'list', 'tuple', 'dict', 'set', 'frozenset', 'range', 'slice', 'enumerate', 'zip', 'map', 'filter', 'reversed', 'memoryview']);
function isPublicBuiltinType(t: PyType): boolean {
  return PUBLIC_TYPES.has(t.name);
}

export function isInstanceOf(o: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyType) {
    if (o.type.isSubtype(cls)) return true;
    const ic = abs.typeLookup(cls.type, '__instancecheck__');
    if (ic && !(ic instanceof PyBuiltinFunction)) {
      const r = abs.callMethodObj(ic, cls, [o]);
      const b = abs.isTrue(r);
      decref(r);
      return b;
    }
    return false;
  }
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstanceOf(o, c));
  // object_isinstance: a union (int | str) checks its arguments as a tuple
  if (cls.type === UnionType) return unionArgs(cls).some((c) => isInstanceOf(o, c));
  const ic = abs.typeLookup(cls.type, '__instancecheck__');
  if (ic) {
    const r = abs.callMethodObj(ic, cls, [o]);
    const b = abs.isTrue(r);
    decref(r);
    return b;
  }
  // (ga_instancecheck: a GenericAlias has no __instancecheck__ here)
  if (cls.type.name === 'types.GenericAlias') typeError('isinstance() argument 2 cannot be a parameterized generic');
  typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
}

export function isSubclassOf(c: PyType, cls: PyObject): boolean {
  if (cls instanceof PyType) {
    const sc = abs.typeLookup(cls.type, '__subclasscheck__');
    if (sc && !(sc instanceof PyBuiltinFunction)) {
      const r = abs.callMethodObj(sc, cls, [c]);
      const b = abs.isTrue(r);
      decref(r);
      return b;
    }
    return c.isSubtype(cls);
  }
  if (cls instanceof PyTuple) return cls.items.some((x) => isSubclassOf(c, x));
  if (cls.type === UnionType) return unionArgs(cls).some((x) => isSubclassOf(c, x));
  if (cls.type.name === 'types.GenericAlias') typeError('issubclass() argument 2 cannot be a parameterized generic');
  typeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
}

/** a union's arguments as types (None stands for NoneType) */
function unionArgs(u: PyObject): PyObject[] {
  return (u as PyGenericAlias).argsList().map((x) => (x === None ? NoneType : x));
}

/**
 * sum(iterable, start) as Python/bltinmodule.c builtin_sum_impl (3.11): while the total is an
 * exact int and each item an exact int or a bool, the total is a machine integer and no int object
 * is made per item; then, while it is an exact float, items that are floats or ints (added as
 * (double)value) go into a C double. The first item that does not fit makes the total an object
 * again and is added with PyNumber_Add, and so is every item after the float phase. The result of
 * a fast phase is a new object (`sum([], 1000) is not` its start, as in CPython). RefScope's
 * machine integer is a double within 2**53 (CPython's C long goes further; where it would stay
 * in the fast phase RefScope adds objects, to the same value).
 */
function sumOf(iterable: PyObject, start: PyObject): PyObject {
  const it = abs.getIter(iterable);
  let acc: PyObject | null = newRef(start);
  let x: PyObject | null = null;
  try {
    if (acc.type === IntType && typeof (acc as PyInt).v === 'number') {
      let i = (acc as PyInt).v as number;
      decref(acc);
      acc = null;
      while (acc === null) {
        x = abs.iterNext(it);
        if (x === null) return newInt(i);
        if (x.type === IntType || x.type === BoolType) {
          const b = (x as PyInt).v;
          if (typeof b === 'number') {
            const t = i + b;
            if (t <= Number.MAX_SAFE_INTEGER && t >= -Number.MAX_SAFE_INTEGER) {
              i = t;
              decref(x);
              x = null;
              continue;
            }
          }
        }
        const y = x;
        x = null;
        acc = addReleasing(newInt(i), y);
      }
    }
    if (acc.type === FloatType) {
      let f = (acc as PyFloat).v;
      decref(acc);
      acc = null;
      while (acc === null) {
        x = abs.iterNext(it);
        if (x === null) return newFloat(f);
        if (x.type === FloatType) {
          f += (x as PyFloat).v;
          decref(x);
          x = null;
          continue;
        }
        if (x instanceof PyInt) {
          // PyLong_Check, PyLong_AsLongAndOverflow: a C long (64 bits), converted with rounding
          // to nearest
          const v = x.v;
          if (typeof v === 'number' || (v >= -(2n ** 63n) && v < 2n ** 63n)) {
            f += Number(v);
            decref(x);
            x = null;
            continue;
          }
        }
        const y = x;
        x = null;
        acc = addReleasing(newFloat(f), y);
      }
    }
    for (;;) {
      x = abs.iterNext(it);
      if (x === null) {
        const r = acc;
        acc = null;
        return r;
      }
      let r: PyObject;
      try {
        r = abs.binaryOp(acc, x, 0);
      } catch (e) {
        // (the total, then the item, then the iterator: builtin_sum_impl's order)
        const a = acc;
        acc = null;
        decref(a);
        throw e;
      }
      decref(acc);
      acc = r;
      decref(x);
      x = null;
    }
  } catch (e) {
    if (x !== null) decref(x);
    throw e;
  } finally {
    if (acc !== null) decref(acc);
    decref(it);
  }
}

/** sumOf's way out of a fast phase: the total made an object again plus the item, both released
 * (the total first, as builtin_sum_impl does) */
function addReleasing(total: PyObject, item: PyObject): PyObject {
  try {
    return abs.binaryOp(total, item, 0);
  } finally {
    decref(total);
    decref(item);
  }
}

function anyAll(iterable: PyObject, isAny: boolean): PyObject {
  const it = abs.getIter(iterable);
  try {
    for (;;) {
      const x = abs.iterNext(it);
      if (!x) return newBool(!isAny);
      const t = abs.isTrue(x);
      decref(x);
      if (t === isAny) return newBool(isAny);
    }
  } finally {
    decref(it);
  }
}

function minmax(args: PyObject[], kw: string[] | null, name: string, op: Cmp): PyObject {
  const nkw = kw ? kw.length : 0;
  const npos = args.length - nkw;
  let key: PyObject | null = null;
  let dflt: PyObject | null = null;
  for (let i = 0; i < nkw; i++) {
    if (kw![i] === 'key') key = args[npos + i] === None ? null : args[npos + i];
    else if (kw![i] === 'default') dflt = args[npos + i];
    else typeError(`'${kw![i]}' is an invalid keyword argument for ${name}()`);
  }
  if (npos === 0) typeError(`${name} expected at least 1 argument, got 0`);
  let items: PyObject[];
  if (npos === 1) {
    items = abs.toArray(args[0]);
  } else {
    if (dflt) typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args.slice(0, npos).map(newRef);
  }
  try {
    if (!items.length) {
      if (dflt) return newRef(dflt);
      raise(E.ValueError, `${name}() arg is an empty sequence`);
    }
    let best = items[0];
    let bestKey = key ? abs.call(key, [best], null) : newRef(best);
    for (let i = 1; i < items.length; i++) {
      const k = key ? abs.call(key, [items[i]], null) : newRef(items[i]);
      if (abs.richCompareBool(k, bestKey, op)) {
        decref(bestKey);
        bestKey = k;
        best = items[i];
      } else decref(k);
    }
    decref(bestKey);
    return newRef(best);
  } finally {
    for (const x of items) decref(x);
  }
}

export function asciiRepr(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 128) out += ch;
    else if (c < 256) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 65536) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}
