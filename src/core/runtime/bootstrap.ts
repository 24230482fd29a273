// Start-up: wire the native slots of the core types (repr, iteration, construction, calls) and
// the factories the protocol layer needs. Methods of the builtin types live in objects/*_methods.ts.

import { CPYTHON_FROZEN } from './stdlibnames';
import { PyObject, PyType, TypeFlags, newRef, decref, xdecref, incref, addressOf, Edge, type Visit } from './object';
import { makeType, TypeType, ObjectType, PyBuiltinFunction, BuiltinFunctionType, MethodDescriptorType, WrapperDescriptorType, ClassMethodDescriptorType, builtinTypes, GetSetDescriptorType, tpName } from './types';
import * as abs from './abstract';
import { PyInt, IntType, BoolType, newInt, True, False } from './objects/int';
import { PyFloat, FloatType } from './objects/float';
import { PyStr, StrType, newStr, internStr } from './objects/str';
import { PyTuple, TupleType, setGcAllocHook, newTuple } from './objects/tuple';
import { PyList, ListType, iterItem, listAppend } from './objects/list';
import { PyDict, DictType, newDict, setDictTrackHook } from './objects/dict';
import { PySet, SetType, FrozenSetType } from './objects/set';
import { None, NoneType, NotImplementedType, EllipsisType, Ellipsis } from './objects/singletons';
import { PyFunction, FunctionType, PyMethod, MethodType, newMethod, PyCode, CodeType, PyCell, CellType, newCell, ClassMethodType, StaticMethodType, PropertyType, PyWrapper, PyProperty } from './objects/function';
import { PyInstance, PyModule, ModuleType, setMaterializeHook } from './objects/instance';
import { PyBaseException, BaseException, AttributeError, excTypes } from './objects/exception';
import * as misc from './objects/misc';
import { hashTupleCombine } from './primitives/hash';
import { ComplexType } from './objects/complex';
import { BytesType, ByteArrayType } from './objects/bytes';
import { PyGenerator, GeneratorType } from './objects/generator';
import { TracebackType, PyTraceback } from './objects/traceback';
import { FrameType, setFrameGcHook, Frame, frameBack } from './vm/frame';
import { fastToLocals } from './vm/call';
import { floatRepr } from './primitives/floatrepr';
import { strRepr } from './primitives/intstr';
import { registerTpCallOnly, fixupSlots, typeCall, packedArgsTuple, typeTypeNew, objectNew, objectInit, superNew, superGetAttr, SuperType, setCellFactory, memberGet, memberSet, isMember } from './typeobject';
import { genNext } from './vm/eval';
import { gcState, gcNewObject, gcTrackObject } from './gc';
import { defMethod, defClassMethod, defGetter, typeDict, parseArgs, checkArgs } from './define';
import { typeError, raise, unsupported } from './errors';
import * as E from './objects/exception';
import { unicodeErrorInit, unicodeErrorStr } from './objects/codec_errors';
import { installOSError, osErrorInit } from './objects/oserror';
import { installExceptionGroups } from './objects/exception_group';
import { DictTableIter } from './tables/dicttable';
import { installObjectReduce, installBuiltinReduces } from './objreduce';
import { SetTableIter } from './tables/settable';

let booted = false;

export function bootstrap(): void {
  if (booted) return;
  booted = true;
  setGcAllocHook(gcNewObject);
  setDictTrackHook((d) => gcTrackObject(d));
  // (Objects/*.c: these types have no tp_vectorcall in 3.11)
  registerTpCallOnly(IntType, StrType, ComplexType, misc.SliceType, BytesType, ByteArrayType, PropertyType, StaticMethodType, ClassMethodType, misc.ZipType);
  setMaterializeHook((d) => gcNewObject(d, d.gcGen >= 0 || dictMayTrack(d)));
  setFrameGcHook(
    (f, track) => gcNewObject(f, track),
    (f) => gcTrackObject(f),
  );
  abs.setAbstractGcHook((o) => gcNewObject(o, true));
  abs.setDictFactory(newDict);
  abs.setKeyFactory((name) => internStr(name));
  setCellFactory(() => newCell(null));
  abs.setRefreshSlots((t) => {
    const fix = (x: PyType) => {
      fixupSlots(x);
      for (const sub of x.subclasses) fix(sub);
    };
    fix(t);
  });
  abs.setSeqIterFactory((o) => misc.newSeqIter(misc.SeqIterType, o));
  misc.setRetrackHook((o) => gcTrackObject(o));
  for (const t of builtinTypes) typeDict(t);
  abs.setTypeDictMaker(typeDict);
  for (const t of builtinTypes) if (t !== ObjectType && t.mro.length === 0) t.mro = [t, ObjectType];

  // ---------------------------------------------------------------- type and object
  TypeType.slots.call = typeCall;
  TypeType.slots.new = typeTypeNew;
  TypeType.slots.repr = (o) => {
    // type_repr
    const t = o as PyType;
    const m = abs.typeModule(t);
    const mod = m && m !== 'builtins' ? m + '.' : '';
    return `<class '${mod}${abs.typeQualname(t)}'>`;
  };
  ObjectType.slots.new = objectNew;
  ObjectType.slots.init = objectInit;
  for (const t of builtinTypes) {
    if (t === ObjectType) continue;
    if (!t.slots.new) t.slots.new = undefined;
  }
  // none_new / notimplemented_new / ellipsis_new (Objects/object.c, sliceobject.c): the singleton
  for (const [T, v] of [[NoneType, None], [NotImplementedType, abs.NotImplemented], [EllipsisType, Ellipsis]] as const) {
    T.slots.new = (t, args, kw) => {
      if (args.length || (kw && kw.length)) typeError(`${t.name} takes no arguments`);
      return newRef(v);
    };
  }
  defMethod(ObjectType, '__init__', (args, kw, self) => {
    objectInit(self!, args, kw);
    return newRef(None);
  });
  defMethod(ObjectType, '__repr__', (_a, _k, self) => newStr(abs.defaultRepr(self!)));
  defMethod(ObjectType, '__str__', (_a, _k, self) => newStr(abs.repr(self!)));
  defMethod(ObjectType, '__hash__', (_a, _k, self) => newInt(abs.hash(self!) as number));
  defMethod(ObjectType, '__eq__', (args, _k, self) => newRef(self === args[0] ? True : abs.NotImplemented));
  defMethod(ObjectType, '__ne__', (args, _k, self) => {
    const eq = abs.typeLookup(self!.type, '__eq__');
    if (eq && !(eq instanceof PyBuiltinFunction)) {
      const r = abs.callMethodObj(eq, self!, [args[0]]);
      if (r === abs.NotImplemented) return r;
      const b = abs.isTrue(r);
      decref(r);
      return newRef(b ? False : True);
    }
    return newRef(self === args[0] ? False : abs.NotImplemented);
  });
  defMethod(ObjectType, '__setattr__', (args, _k, self) => {
    abs.genericSetAttr(self!, (args[0] as PyStr).v, args[1]);
    return newRef(None);
  });
  defMethod(ObjectType, '__delattr__', (args, _k, self) => {
    abs.genericSetAttr(self!, (args[0] as PyStr).v, null);
    return newRef(None);
  });
  defMethod(ObjectType, '__getattribute__', (args, _k, self) => {
    const name = (args[0] as PyStr).v;
    const r = abs.genericGetAttr(self!, name, true);
    if (!r) abs.raiseNoAttr(self!, name);
    return r;
  });
  defMethod(ObjectType, '__format__', (args, _k, self) => {
    const spec = args[0] as PyStr;
    if (spec.v !== '') typeError(`unsupported format string passed to ${self!.type.name}.__format__`);
    return newStr(abs.str(self!));
  });
  // the rest of object's dict (Objects/typeobject.c object_methods / object_getsets and its
  // tp_richcompare wrappers), so dir() of any class lists them as CPython's does (but __doc__:
  // in object's dict it would shadow the docstrings functions compute)
  for (const n of ['__lt__', '__le__', '__gt__', '__ge__']) defMethod(ObjectType, n, () => newRef(abs.NotImplemented));
  installObjectReduce();
  installBuiltinReduces();
  // object___getstate___impl -> object_getstate_default(obj, required=0): the instance dict (None
  // when absent or empty), and with __slots__ values (copyreg._slotnames: each class of the MRO's
  // own __slots__, private names mangled) the pair (state, {slot: value}); the copy module and
  // datetime's tzinfo.__reduce__ call it
  defMethod(ObjectType, '__getstate__', (args, kw, self) => {
    checkArgs('object.__getstate__', args, kw, 0, 0);
    const o = self!;
    let state: PyObject | null = abs.lookupAttr(o, '__dict__');
    if (state !== null && (!(state instanceof PyDict) || state.t.used === 0)) {
      decref(state);
      state = null;
    }
    const names: string[] = [];
    for (const c of o.type.mro) {
      const spec = c.dict.getItem(abs.strKey('__slots__'));
      if (spec === undefined) continue;
      const items = spec instanceof PyStr ? [newRef(spec)] : abs.toArray(spec);
      for (const x of items) {
        if (x instanceof PyStr && x.v !== '__dict__' && x.v !== '__weakref__') {
          const cls = c.name.replace(/^_+/, '');
          names.push(x.v.startsWith('__') && !x.v.endsWith('__') && cls ? `_${cls}${x.v}` : x.v);
        }
        decref(x);
      }
    }
    if (names.length) {
      const slots = newDict();
      try {
        for (const n of names) {
          const v = abs.lookupAttr(o, n);
          if (v === null) continue;
          slots.setItem(abs.strKey(n), v);
          decref(v);
        }
      } catch (e) {
        decref(slots);
        if (state) decref(state);
        throw e;
      }
      if (slots.t.used > 0) return newTuple([state ?? newRef(None), slots]);
      decref(slots);
    }
    return state ?? newRef(None);
  });
  defClassMethod(ObjectType, '__subclasshook__', () => newRef(abs.NotImplemented));
  defGetter(ObjectType, '__class__', (o) => newRef(o.type), (o, v) => abs.setClass(o, v));
  defClassMethod(ObjectType, '__init_subclass__', (args, kw) => {
    if (args.length || (kw && kw.length)) typeError(`${'object'}.__init_subclass__() takes no keyword arguments`);
    return newRef(None);
  });
  // type.__new__(mcs, name, bases, ns) and type.__call__ for metaclasses
  const typeNewFn = new PyBuiltinFunction(BuiltinFunctionType, '__new__', (args, kw) => {
    const meta = args[0];
    if (!(meta instanceof PyType) || !meta.isSubtype(TypeType)) typeError(`type.__new__(X): X is not a type object (${meta ? meta.type.name : 'nothing'})`);
    return typeTypeNew(meta, args.slice(1), kw);
  }, TypeType, null, 'type.__new__');
  typeDict(TypeType).setItem(internStr('__new__'), typeNewFn);
  decref(typeNewFn);
  defMethod(TypeType, '__call__', (args, kw, self) => typeCall(self!, args, kw));
  // type_setattro as type.__setattr__ / __delattr__ (what a metaclass's super() reaches)
  const typeSetattrName = (method: string, args: PyObject[], kw: string[] | null, n: number): string => {
    checkArgs(method, args, kw, n, n);
    const name = args[0];
    if (!(name instanceof PyStr)) typeError(`attribute name must be string, not '${name.type.name}'`);
    return name.v;
  };
  defMethod(TypeType, '__setattr__', (args, kw, self) => {
    abs.typeSetAttr(self as PyType, typeSetattrName('__setattr__', args, kw, 2), args[1]);
    return newRef(None);
  });
  defMethod(TypeType, '__delattr__', (args, kw, self) => {
    abs.typeSetAttr(self as PyType, typeSetattrName('__delattr__', args, kw, 1), null);
    return newRef(None);
  });
  // type___prepare__: the namespace of a class body is a new dict
  defClassMethod(TypeType, '__prepare__', () => newDict());
  defMethod(TypeType, '__init__', () => newRef(None));
  // PEP 604: int | None
  const unionOr = (args: PyObject[], _k: string[] | null, self: PyObject | null) => makeUnion(self!, args[0]);
  const unionRor = (args: PyObject[], _k: string[] | null, self: PyObject | null) => makeUnion(args[0], self!);
  defMethod(TypeType, '__or__', unionOr);
  defMethod(TypeType, '__ror__', unionRor);
  defMethod(TypeType, 'mro', (_a, _k, self) => {
    const t = self as PyType;
    const l = new PyList(ListType, t.mro.map((m) => newRef(m)));
    gcNewObject(l, true);
    return l;
  });
  // type___subclasses___impl (_PyType_GetSubclasses): the live direct subclasses, in the order
  // they were made: a builtin type's builtin subtypes (RefScope's own set), then classes
  defMethod(TypeType, '__subclasses__', (args, kw, self) => {
    const t = self as PyType;
    checkArgs(`${t.qualname}.__subclasses__`, args, kw, 0, 0);
    const out: PyObject[] = [];
    if (!(t.flags & TypeFlags.HEAPTYPE)) {
      const subs = builtinTypes.filter((s) => s !== t && (s.base === t || s.bases.includes(t)));
      // the builtin exceptions subclass their base in the order of static_exceptions[]
      // (Objects/exceptions.c, _PyExc_InitTypes), which lists each level's classes by name;
      // the stdlib's (io.UnsupportedOperation) come later, in the order their modules made them
      if (t.isSubtype(BaseException)) {
        // (ExceptionGroup is made after the static exceptions: create_exception_group_class)
        const rank = (x: PyType) => (x.module === 'builtins' && x !== E.ExceptionGroup ? 0 : 1);
        subs.sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? 0 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      }
      for (const s of subs) out.push(newRef(s));
    }
    for (const s of t.subclasses) if (s.rc > 0) out.push(newRef(s));
    const l = new PyList(ListType, out);
    gcNewObject(l, true);
    return l;
  });
  defMethod(ObjectType, '__dir__', (_a, _k, self) => {
    const names = new Set<string>();
    // object___dir___impl gets `self.__dict__` (an instance's values become its dict)
    const own = self instanceof PyInstance && self.type.hasDict ? self.materializeDict() : null;
    const d = own ?? abs.instanceDict(self!);
    if (d) for (const k of d.keyList()) if (k instanceof PyStr) names.add(k.v);
    if (own) decref(own);
    for (const t of self!.type.mro) for (const k of t.dict.keyList()) if (k instanceof PyStr) names.add(k.v);
    return newListOfStr([...names]);
  });
  // object.__new__ as a callable (used by `super().__new__(cls)` and `object.__new__(cls)`)
  const objectNewFn = new PyBuiltinFunction(BuiltinFunctionType, '__new__', (args, kw) => {
    if (!args.length) typeError('object.__new__(): not enough arguments');
    const t = args[0];
    if (!(t instanceof PyType)) typeError(`object.__new__(X): X is not a type object (${t.type.name})`);
    // tp_new_wrapper: "the most derived base that's not a heap type" (past the classes whose
    // __new__ is Python code, slot_tp_new) must use object's __new__
    let staticbase: PyType | null = t;
    while (staticbase !== null && staticbase.flags & TypeFlags.HEAPTYPE && pythonNew(staticbase)) staticbase = staticbase.base;
    if (staticbase !== null && abs.typeLookup(staticbase, '__new__') !== objectNewFn) {
      typeError(`object.__new__(${t.name}) is not safe, use ${staticbase.name}.__new__()`);
    }
    // tp_new_wrapper hands the rest to object_new, whose excess-argument checks look at the
    // subtype's own tp_new and tp_init
    return objectNew(t, args.slice(1), kw);
  }, ObjectType, null, 'object.__new__');
  /** tp_new is slot_tp_new: the __new__ the class finds is a Python function */
  const pythonNew = (c: PyType): boolean => {
    let n = abs.typeLookup(c, '__new__');
    if (n instanceof PyWrapper && n.type === StaticMethodType) n = n.callable;
    return n instanceof PyFunction;
  };
  typeDict(ObjectType).setItem(internStr('__new__'), objectNewFn);
  decref(objectNewFn);
  ObjectType.slots.new = objectNew;

  // ---------------------------------------------------------------- reprs of core objects
  NoneType.slots.repr = () => 'None';
  NoneType.slots.bool = () => false;
  NoneType.slots.hash = (o) => abs.hash === undefined ? 0 : hashPtr(o);
  NotImplementedType.slots.repr = () => 'NotImplemented';
  EllipsisType.slots.repr = () => 'Ellipsis';
  BoolType.slots.repr = (o) => (o === True ? 'True' : 'False');
  FloatType.slots.repr = (o) => floatRepr((o as PyFloat).v);
  StrType.slots.repr = (o) => strRepr((o as PyStr).v);
  StrType.slots.str = (o) => (o as PyStr).v;
  ListType.slots.repr = (o) => seqRepr(o, '[', ']', (o as PyList).items);
  TupleType.slots.repr = (o) => {
    const items = (o as PyTuple).items;
    if (items.length === 1) return seqRepr(o, '(', ',)', items);
    return seqRepr(o, '(', ')', items);
  };
  DictType.slots.repr = (o) => {
    const d = o as PyDict;
    // dict_repr: Py_ReprEnter before the empty check
    if (!abs.reprEnter(o)) return '{...}';
    try {
      if (d.t.used === 0) return '{}';
      const parts: string[] = [];
      for (const [k, v] of d.entries()) parts.push(abs.repr(k) + ': ' + abs.repr(v));
      return '{' + parts.join(', ') + '}';
    } finally {
      abs.reprLeave(o);
    }
  };
  SetType.slots.repr = (o) => setRepr(o, 'set');
  FrozenSetType.slots.repr = (o) => setRepr(o, 'frozenset');
  FunctionType.slots.repr = (o) => `<function ${(o as PyFunction).qualname} at 0x${addressOf(o).toString(16)}>`;
  // method_new (Objects/classobject.c): types.MethodType(function, instance)
  MethodType.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('method() takes no keyword arguments');
    if (args.length !== 2) typeError(`method expected 2 arguments, got ${args.length}`);
    if (!abs.isCallable(args[0])) typeError('first argument must be callable');
    if (args[1] === None) typeError('instance must not be None');
    return newMethod(args[0], args[1]);
  };
  MethodType.slots.repr = (o) => {
    const m = o as PyMethod;
    const fn = m.func instanceof PyFunction ? m.func.qualname : '?';
    return `<bound method ${fn} of ${abs.repr(m.self)}>`;
  };
  defMethod(MethodType, '__eq__', (args, _k, self) => {
    const a = self as PyMethod;
    const b = args[0];
    if (!(b instanceof PyMethod)) return newRef(abs.NotImplemented);
    return newRef(a.self === b.self && abs.richCompareBool(a.func, b.func, abs.Cmp.EQ) ? True : False);
  });
  MethodType.slots.hash = (o) => {
    const m = o as PyMethod;
    const a = hashPtr(m.self) as number;
    const b = abs.hash(m.func) as number;
    return Number(BigInt.asIntN(64, BigInt(a) ^ BigInt(b)));
  };
  BuiltinFunctionType.slots.repr = (o) => {
    const f = o as PyBuiltinFunction;
    if (!f.self || f.self instanceof PyModule) return `<built-in function ${f.name}>`;
    return `<built-in method ${f.name} of ${tpName(f.self.type)} object at 0x${addressOf(f.self).toString(16)}>`;
  };
  MethodDescriptorType.slots.repr = (o) => `<method '${(o as PyBuiltinFunction).name}' of '${tpName((o as PyBuiltinFunction).owner!)}' objects>`;
  WrapperDescriptorType.slots.repr = (o) => `<slot wrapper '${(o as PyBuiltinFunction).name}' of '${tpName((o as PyBuiltinFunction).owner!)}' objects>`;
  ClassMethodDescriptorType.slots.repr = (o) => `<method '${(o as PyBuiltinFunction).name}' of '${tpName((o as PyBuiltinFunction).owner!)}' objects>`;
  // module.__new__ + module___init___impl: ModuleType(name, doc=None)
  ModuleType.slots.new = (t, args, kw) => {
    if (t !== ModuleType) unsupported('subclasses of types.ModuleType');
    const [name, doc] = parseArgs({ name: 'module', params: ['name', 'doc'], required: 1 }, args, kw);
    if (!(name instanceof PyStr)) typeError(`module.__init__() argument 'name' must be str, not ${name!.type.name}`);
    const d = newDict();
    const m = new PyModule(name.v, d);
    gcNewObject(m, true);
    d.setItem(internStr('__name__'), name);
    for (const [k, v] of [['__doc__', doc ?? None], ['__package__', None], ['__loader__', None], ['__spec__', None]] as const) d.setItem(internStr(k), v);
    return m;
  };
  ModuleType.slots.repr = (o) => {
    const m = o as PyModule;
    // (importlib's _module_repr_from_spec for a file's module: its __file__)
    // (a frozen module's spec has no location: `(frozen)`)
    if (CPYTHON_FROZEN.has(m.name)) return `<module '${m.name}' (frozen)>`;
    const file = (m.dict as PyDict).getStr(abs.strKey('__file__'));
    if (file instanceof PyStr) return `<module '${m.name}' from '${file.v}'>`;
    return builtinModuleNames.has(m.name) ? `<module '${m.name}' (built-in)>` : `<module '${m.name}'>`;
  };
  CodeType.slots.repr = (o) => {
    const c = (o as PyCode).unit;
    return `<code object ${c.name} at 0x${addressOf(o).toString(16)}, file "${c.filename}", line ${c.firstlineno}>`;
  };
  CellType.slots.repr = (o) => {
    const c = o as PyCell;
    if (!c.ref) return `<cell at 0x${addressOf(o).toString(16)}: empty>`;
    return `<cell at 0x${addressOf(o).toString(16)}: ${c.ref.type.name} object at 0x${addressOf(c.ref).toString(16)}>`;
  };
  GeneratorType.slots.repr = (o) => `<generator object ${(o as PyGenerator).qualname} at 0x${addressOf(o).toString(16)}>`;
  misc.RangeType.slots.repr = (o) => {
    const r = o as misc.PyRange;
    return r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`;
  };
  misc.SliceType.slots.repr = (o) => {
    const s = o as misc.PySlice;
    return `slice(${abs.repr(s.start)}, ${abs.repr(s.stop)}, ${abs.repr(s.step)})`;
  };
  BaseException.slots.repr = (o) => {
    const e = o as PyBaseException;
    const items = e.args.items;
    const n = e.type.name;
    if (items.length === 1) return `${n}(${abs.repr(items[0])})`;
    return `${n}${abs.repr(e.args)}`;
  };
  BaseException.slots.str = (o) => {
    const e = o as PyBaseException;
    const items = e.args.items;
    if (items.length === 0) return '';
    if (items.length === 1) return abs.str(items[0]);
    return abs.str(e.args);
  };
  E.KeyError.slots.str = (o) => {
    const items = (o as PyBaseException).args.items;
    if (items.length === 1) return abs.repr(items[0]);
    return BaseException.slots.str!(o);
  };
  // SyntaxError_str: "msg (file, line N)" once the error knows where it is
  E.SyntaxError.slots.str = (o) => {
    const ex = (o as PyBaseException).extra;
    const fn = ex?.filename;
    const ln = ex?.lineno;
    const filename = fn instanceof PyStr ? fn.v.slice(fn.v.lastIndexOf('/') + 1) : null;
    const lineno = ln instanceof PyInt && ln.type === IntType ? abs.str(ln) : null;
    if (filename === null && lineno === null) return BaseException.slots.str!(o);
    const msg = abs.str(ex?.msg ?? None);
    if (filename !== null && lineno !== null) return `${msg} (${filename}, line ${lineno})`;
    if (filename !== null) return `${msg} (${filename})`;
    return `${msg} (line ${lineno})`;
  };
  for (const t of excTypes.values()) {
    if (t === BaseException) continue;
    t.slots.repr = BaseException.slots.repr;
    if (t === E.SyntaxError || t.isSubtype(E.SyntaxError)) t.slots.str = E.SyntaxError.slots.str;
    else if (t !== E.KeyError) t.slots.str = t.isSubtype(E.KeyError) ? E.KeyError.slots.str : BaseException.slots.str;
  }
  for (const t of [E.UnicodeEncodeError, E.UnicodeDecodeError]) t.slots.str = (o) => unicodeErrorStr(o as PyBaseException, abs.str) ?? BaseException.slots.str!(o);
  // BaseException_new keeps the call's argument tuple as `args`, and BaseException_init, called
  // by type_call with the same tuple, sets it again: one tuple for `ValueError("x")`. (init called
  // any other way, `super().__init__(...)`, gets the tuple of that call.)
  let madeBy: { e: PyObject; args: PyObject[] } | null = null;
  BaseException.slots.new = (t, args, kw) => {
    void kw;
    const npos = args.length - (kw ? kw.length : 0);
    const call = packedArgsTuple(args);
    const e = new PyBaseException(t, call !== null ? newRef(call) : newTuple(args.slice(0, npos).map(newRef)));
    if (t.flags & TypeFlags.HEAPTYPE) incref(t);
    gcNewObject(e, true);
    madeBy = { e, args };
    return e;
  };
  BaseException.slots.init = (self, args, kw) => {
    const npos = args.length - (kw ? kw.length : 0);
    if (kw && kw.length && self.type.isSubtype(E.ImportError)) {
      // ImportError_init: the keyword-only name and path
      const x = self as PyBaseException;
      for (let i = 0; i < kw.length; i++) {
        if (kw[i] !== 'name' && kw[i] !== 'path') typeError(`'${kw[i]}' is an invalid keyword argument for ImportError()`);
      }
      for (let i = 0; i < kw.length; i++) {
        x.extra ??= {};
        const old = x.extra[kw[i]];
        x.extra[kw[i]] = newRef(args[npos + i]);
        if (old) decref(old);
      }
      kw = null;
    }
    // AttributeError_init / NameError_init: the keyword-only name (and obj), "|$OO:AttributeError"
    const kwFields = self.type.isSubtype(E.AttributeError) ? ['name', 'obj'] : self.type.isSubtype(E.NameError) ? ['name'] : null;
    const setField = (x: PyBaseException, k: string, v: PyObject | null) => {
      const ex = (x.extra ??= {});
      const old = ex[k] ?? null;
      ex[k] = v === null ? null : newRef(v);
      xdecref(old);
    };
    if (kwFields !== null) {
      const n = kw ? kw.length : 0;
      const owner = self.type.isSubtype(E.AttributeError) ? 'AttributeError' : 'NameError';
      if (n > kwFields.length) typeError(`${owner}() takes at most ${kwFields.length} keyword argument${kwFields.length > 1 ? 's' : ''} (${n} given)`);
      for (let i = 0; i < n; i++) if (!kwFields.includes(kw![i])) typeError(`'${kw![i]}' is an invalid keyword argument for ${owner}()`);
      for (const k of kwFields) {
        const i = kw ? kw.indexOf(k) : -1;
        setField(self as PyBaseException, k, i >= 0 ? args[npos + i] : null);
      }
      kw = null;
    }
    if (kw && kw.length && !(self.type.flags & TypeFlags.HEAPTYPE)) typeError(`${self.type.name}() takes no keyword arguments`);
    const e = self as PyBaseException;
    const same = madeBy !== null && madeBy.e === self && madeBy.args === args;
    madeBy = null;
    if (!same) {
      const old = e.args;
      e.args = newTuple(args.slice(0, npos).map(newRef));
      decref(old);
    }
    // SystemExit_init: code is the argument, or the tuple of them (none: unset);
    // StopIteration_init: value is the first argument or None; ImportError_init: msg is the one
    // positional argument
    const pos = e.args.items;
    if (self.type.isSubtype(E.SystemExit)) {
      if (pos.length === 1) setField(e, 'code', pos[0]);
      else if (pos.length > 1) setField(e, 'code', e.args);
    } else if (self.type.isSubtype(E.StopIteration)) setField(e, 'value', pos.length > 0 ? pos[0] : None);
    else if (self.type.isSubtype(E.ImportError)) setField(e, 'msg', pos.length === 1 ? pos[0] : null);
    // UnicodeEncodeError_init / UnicodeDecodeError_init: the five fields
    if (self.type.isSubtype(E.UnicodeEncodeError) || self.type.isSubtype(E.UnicodeDecodeError)) unicodeErrorInit(e, e.args.items);
  };
  for (const t of excTypes.values()) {
    t.slots.new = BaseException.slots.new;
    t.slots.init = BaseException.slots.init;
  }
  defMethod(BaseException, '__init__', (args, kw, self) => {
    BaseException.slots.init!(self!, args, kw);
    return newRef(None);
  });
  installOSError();
  installExceptionGroups(genericAlias);
  defMethod(E.OSError, '__init__', (args, kw, self) => {
    osErrorInit(self!, args, kw);
    return newRef(None);
  });
  defMethod(BaseException, 'with_traceback', (args, _kw, self) => {
    const e = self as PyBaseException;
    const old = e.traceback;
    e.traceback = args[0] === None ? null : newRef(args[0]);
    if (old) decref(old);
    return newRef(self!);
  });
  defMethod(BaseException, 'add_note', (args, _kw, self) => {
    // BaseException_add_note: __notes__ is an ordinary attribute (the instance's __dict__)
    if (!(args[0] instanceof PyStr)) typeError(`note must be a str, not '${args[0].type.name}'`);
    let notes = abs.lookupAttr(self!, '__notes__');
    if (notes === null) {
      notes = newListOfStr([]);
      try {
        abs.setAttr(self!, '__notes__', notes);
      } catch (err) {
        decref(notes);
        throw err;
      }
    } else if (!(notes instanceof PyList)) {
      decref(notes);
      typeError('Cannot add note: __notes__ is not a list');
    }
    try {
      listAppend(notes as PyList, newRef(args[0]));
    } finally {
      decref(notes);
    }
    return newRef(None);
  });

  // ---------------------------------------------------------------- iteration
  ListType.slots.iter = (o) => misc.newSeqIter(misc.ListIterType, o);
  TupleType.slots.iter = (o) => misc.newSeqIter(misc.TupleIterType, o);
  StrType.slots.iter = (o) => misc.newStrIter(o as PyStr);
  SetType.slots.iter = (o) => setIter(o);
  FrozenSetType.slots.iter = (o) => setIter(o);
  DictType.slots.iter = (o) => dictIter(o, misc.DictKeyIterType);
  misc.DictKeysType.slots.iter = (o) => dictIter((o as misc.PyDictView).dict, misc.DictKeyIterType);
  misc.DictValuesType.slots.iter = (o) => dictIter((o as misc.PyDictView).dict, misc.DictValueIterType);
  misc.DictItemsType.slots.iter = (o) => dictIter((o as misc.PyDictView).dict, misc.DictItemIterType);
  misc.RangeType.slots.iter = (o) => {
    const r = o as misc.PyRange;
    if (typeof r.start !== 'number' || typeof r.step !== 'number' || typeof r.len !== 'number') typeError('range too large (longrange_iterator not supported yet)');
    return new misc.PyRangeIter(r.start as number, r.step as number, r.len as number);
  };
  const selfIter = (o: PyObject) => newRef(o);
  for (const t of [misc.ListIterType, misc.ListRevIterType, misc.TupleIterType, misc.StrIterType, misc.StrUnicodeIterType, misc.SetIterType, misc.DictKeyIterType, misc.DictValueIterType, misc.DictItemIterType, misc.DictRevKeyIterType, misc.DictRevValueIterType, misc.DictRevItemIterType, misc.RangeIterType, misc.SeqIterType, misc.CallIterType, GeneratorType, misc.EnumerateType, misc.ZipType, misc.MapType, misc.FilterType, misc.ReversedType]) {
    t.slots.iter = selfIter;
  }
  misc.ListIterType.slots.next = (o) => {
    const it = o as misc.PySeqIter;
    const l = it.seq as PyList | null;
    if (l && it.index < l.size) return newRef(iterItem(l, it.index++));
    it.exhaust();
    return null;
  };
  misc.ListRevIterType.slots.next = (o) => {
    const it = o as misc.PySeqIter;
    const l = it.seq as PyList | null;
    if (l && it.index >= 0 && it.index < l.size) return newRef(l.itemAt(it.index--));
    it.exhaust();
    return null;
  };
  misc.TupleIterType.slots.next = (o) => {
    const it = o as misc.PySeqIter;
    const l = it.seq as PyTuple | null;
    if (l && it.index < l.items.length) return newRef(l.items[it.index++]);
    it.exhaust();
    return null;
  };
  misc.StrUnicodeIterType.slots.next = misc.StrIterType.slots.next = (o) => {
    const it = o as misc.PySeqIter;
    const s = it.seq as PyStr | null;
    if (!s) return null;
    const cps = s.codePoints();
    if (cps) {
      if (it.index < cps.length) return newStr(String.fromCodePoint(cps[it.index++]));
    } else if (it.index < s.v.length) return newStr(s.v[it.index++]);
    it.exhaust();
    return null;
  };
  misc.RangeIterType.slots.next = (o) => {
    const it = o as misc.PyRangeIter;
    if (it.remaining <= 0) return null;
    it.remaining--;
    const v = it.next;
    it.next += it.step;
    return newInt(v);
  };
  misc.SetIterType.slots.next = (o) => {
    const it = o as misc.PySeqIter;
    const s = it.seq as PySet | null;
    if (!s) return null;
    const ti = it.state as SetTableIter<PyObject>;
    const i = ti.next();
    if (i === -2) raise(E.RuntimeError, 'Set changed size during iteration');
    if (i < 0) {
      it.exhaust();
      return null;
    }
    return newRef(s.t.keyAt(i));
  };
  const dictNext = (kind: 0 | 1 | 2) => (o: PyObject) => {
    const it = o as misc.PySeqIter;
    const d = it.seq as PyDict | null;
    if (!d) return null;
    const ti = it.state as DictTableIter<PyObject, PyObject>;
    const i = ti.next();
    if (i === -2) raise(E.RuntimeError, 'dictionary changed size during iteration');
    if (i === -3) raise(E.RuntimeError, 'dictionary keys changed during iteration');
    if (i < 0) {
      it.exhaust();
      return null;
    }
    if (kind === 0) return newRef(d.t.keyAt(i));
    if (kind === 1) return newRef(d.t.valueAt(i));
    const kv = [newRef(d.t.keyAt(i)), newRef(d.t.valueAt(i))];
    return misc.reuseResult(it.result, kv) ?? newTuple(kv);
  };
  misc.DictKeyIterType.slots.next = dictNext(0);
  misc.DictValueIterType.slots.next = dictNext(1);
  misc.DictItemIterType.slots.next = dictNext(2);
  misc.DictRevKeyIterType.slots.next = dictNext(0);
  misc.DictRevValueIterType.slots.next = dictNext(1);
  misc.DictRevItemIterType.slots.next = dictNext(2);
  misc.SeqIterType.slots.next = (o) => {
    const it = o as misc.PySeqIter;
    if (!it.seq) return null;
    try {
      const k = newInt(it.index);
      try {
        const v = abs.getItem(it.seq, k);
        it.index++;
        return v;
      } finally {
        decref(k);
      }
    } catch (e) {
      if (e instanceof PyBaseException && (e.type.isSubtype(E.IndexError) || e.type.isSubtype(E.StopIteration))) {
        decref(e);
        it.exhaust();
        return null;
      }
      throw e;
    }
  };
  GeneratorType.slots.next = (o) => genNext(o as PyGenerator);

  // ---------------------------------------------------------------- lengths and misc slots
  misc.DictKeysType.slots.len = (o) => ((o as misc.PyDictView).dict as PyDict).t.used;
  misc.DictValuesType.slots.len = misc.DictKeysType.slots.len;
  misc.DictItemsType.slots.len = misc.DictKeysType.slots.len;
  misc.RangeType.slots.len = (o) => Number((o as misc.PyRange).len);
  misc.RangeType.slots.bool = (o) => Number((o as misc.PyRange).len) > 0;

  // member descriptors of __slots__
  void memberGet;
  void memberSet;
  void isMember;

  // super
  SuperType.slots.new = superNew;
  SuperType.slots.getattr = superGetAttr;
  // super_members (T_OBJECT, READONLY): None where the field is NULL (an unbound super)
  const superField = (k: 'thisType' | 'obj' | 'objType') => (o: PyObject) => newRef((o as import('./typeobject').PySuper)[k] ?? None);
  defGetter(SuperType, '__thisclass__', superField('thisType'));
  defGetter(SuperType, '__self__', superField('obj'));
  defGetter(SuperType, '__self_class__', superField('objType'));
  // super_repr
  SuperType.slots.repr = (o) => {
    const s = o as import('./typeobject').PySuper;
    return `<super: <class '${s.thisType.name}'>, ${s.objType !== null ? `<${s.objType.name} object>` : 'NULL'}>`;
  };

  // classmethod / staticmethod / property construction
  const wrapNew = (t: PyType) => (type: PyType, args: PyObject[]) => {
    if (args.length !== 1) typeError(`${t.name} expected 1 argument, got ${args.length}`);
    const w = new PyWrapper(type, args[0]);
    if (type.flags & TypeFlags.HEAPTYPE) incref(type);
    gcNewObject(w, true);
    // cm_init / sm_init: functools_wraps copies these attributes of the callable into the
    // wrapper's __dict__ (created by the first one); missing ones are skipped
    try {
      for (const name of ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__']) {
        // functools_copy_attr: PyObject_GetAttr, an AttributeError cleared
        let v: PyObject;
        try {
          v = abs.getAttr(args[0], name);
        } catch (e) {
          if (!(e instanceof PyBaseException && e.type.isSubtype(AttributeError))) throw e;
          decref(e);
          continue;
        }
        try {
          abs.setAttr(w, name, v);
        } finally {
          decref(v);
        }
      }
    } catch (e) {
      decref(w);
      throw e;
    }
    return w;
  };
  ClassMethodType.slots.new = wrapNew(ClassMethodType);
  StaticMethodType.slots.new = wrapNew(StaticMethodType);
  StaticMethodType.slots.call = (o, args, kw) => abs.call((o as PyWrapper).callable, args, kw);
  // sm_repr / cm_repr
  StaticMethodType.slots.repr = (o) => `<staticmethod(${abs.repr((o as PyWrapper).callable)})>`;
  ClassMethodType.slots.repr = (o) => `<classmethod(${abs.repr((o as PyWrapper).callable)})>`;
  PropertyType.slots.new = (type, args, kw) => {
    const [fget, fset, fdel, doc] = parseArgs({ name: 'property', params: ['fget', 'fset', 'fdel', 'doc'] }, args, kw);
    const n = (x: PyObject | undefined) => (x && x !== None ? newRef(x) : null);
    const p = new PyProperty(type, n(fget), n(fset), n(fdel), n(doc));
    if (type.flags & TypeFlags.HEAPTYPE) incref(type);
    gcNewObject(p, true);
    propertyDocFromGetter(p);
    return p;
  };
  // property_init_impl: without a doc, fget's __doc__ (if it has one) is the property's
  const propertyDocFromGetter = (p: PyProperty) => {
    if (p.doc !== null || p.fget === null) return;
    const d = abs.lookupAttr(p.fget, '__doc__');
    if (d === null) return;
    if (d === None) {
      decref(d);
      return;
    }
    p.doc = d;
    p.getterDoc = true;
  };
  const propCopy = (which: 'fget' | 'fset' | 'fdel') => (args: PyObject[], _kw: string[] | null, self: PyObject | null) => {
    const p = self as PyProperty;
    const parts = { fget: p.fget, fset: p.fset, fdel: p.fdel } as Record<string, PyObject | null>;
    parts[which] = args[0] === None ? null : args[0];
    // property_copy: a doc taken from the getter is taken again from the new getter
    const doc = p.getterDoc && parts.fget ? null : p.doc;
    const q = new PyProperty(p.type, parts.fget ? newRef(parts.fget) : null, parts.fset ? newRef(parts.fset) : null, parts.fdel ? newRef(parts.fdel) : null, doc ? newRef(doc) : null);
    // (and the name __set_name__ gave)
    q.name = p.name ? newRef(p.name) : null;
    gcNewObject(q, true);
    propertyDocFromGetter(q);
    return q;
  };
  // property_set_name
  defMethod(PropertyType, '__set_name__', (args, kw, self) => {
    if (kw && kw.length) typeError('__set_name__() takes no keyword arguments');
    if (args.length !== 2) typeError(`__set_name__() takes 2 positional arguments but ${args.length} were given`);
    const p = self as PyProperty;
    const old = p.name;
    p.name = newRef(args[1]);
    if (old) decref(old);
    return newRef(None);
  });
  defMethod(PropertyType, 'getter', propCopy('fget'));
  defMethod(PropertyType, 'setter', propCopy('fset'));
  defMethod(PropertyType, 'deleter', propCopy('fdel'));

  // types.GenericAlias: list[int], dict[str, int] (Objects/genericaliasobject.c)
  for (const t of [ListType, DictType, TupleType, SetType, FrozenSetType, TypeType, misc.EnumerateType]) defClassGetitem(t);
  // GenericAlias(origin, args) (ga_new): collections.abc's __class_getitem__ makes them
  GenericAliasType.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('GenericAlias() takes no keyword arguments');
    if (args.length !== 2) typeError(`GenericAlias expected 2 arguments, got ${args.length}`);
    const ga = genericAlias(args[0], args[1]);
    return ga;
  };
  GenericAliasType.slots.repr = (o) => {
    const g = o as PyGenericAlias;
    // ga_repr_item, and ga_repr_items_list for a list argument (Callable[[int], str])
    const one = (x: PyObject): string => {
      if (x === abs.Ellipsis) return '...';
      // (__module__ and __qualname__: a C type's tp_name 'module.Name' gives both)
      if (x instanceof PyType) return abs.typeModule(x) === 'builtins' ? abs.typeQualname(x) : `${abs.typeModule(x)}.${abs.typeQualname(x)}`;
      if (x instanceof PyList) return `[${x.items.map(one).join(', ')}]`;
      return abs.repr(x);
    };
    const items = g.args instanceof PyTuple ? g.args.items : [g.args];
    return `${one(g.origin)}[${items.length ? items.map(one).join(', ') : '()'}]`;
  };
  GenericAliasType.slots.call = (o, args, kw) => abs.call((o as PyGenericAlias).origin, args, kw);
  // ga_richcompare: == and != of two aliases compare their origins, then their args tuples
  const gaEq = (a: PyGenericAlias, b: PyObject): PyObject => {
    if (!(b instanceof PyGenericAlias) || b.type !== GenericAliasType) return newRef(abs.NotImplemented);
    if (!abs.richCompareBool(a.origin, b.origin, abs.Cmp.EQ)) return newRef(False);
    const x = a.argsList();
    const y = b.argsList();
    if (x.length !== y.length) return newRef(False);
    for (let i = 0; i < x.length; i++) if (!abs.richCompareBool(x[i], y[i], abs.Cmp.EQ)) return newRef(False);
    return newRef(True);
  };
  defMethod(GenericAliasType, '__eq__', (args, _k, self) => gaEq(self as PyGenericAlias, args[0]));
  defMethod(GenericAliasType, '__ne__', (args, _k, self) => {
    const r = gaEq(self as PyGenericAlias, args[0]);
    if (r === abs.NotImplemented) return r;
    const ne = r === False;
    decref(r);
    return newRef(ne ? True : False);
  });
  // ga_hash: hash(origin) ^ hash(args)
  GenericAliasType.slots.hash = (o) => {
    const g = o as PyGenericAlias;
    const h0 = abs.hash(g.origin);
    const h1 = hashTupleCombine(g.argsList().map(abs.hash));
    const h = BigInt.asIntN(64, BigInt(h0) ^ BigInt(h1));
    return Number.isSafeInteger(Number(h)) ? Number(h) : h;
  };
  defMethod(GenericAliasType, '__or__', unionOr);
  defMethod(GenericAliasType, '__ror__', unionRor);
  defMethod(UnionType, '__or__', unionOr);
  defMethod(UnionType, '__ror__', unionRor);
  UnionType.slots.repr = (o) => {
    const one = (x: PyObject): string => {
      if (x === None || x === NoneType) return 'None';
      if (x instanceof PyType) return x.module === 'builtins' ? x.qualname : `${x.module}.${x.qualname}`;
      return abs.repr(x);
    };
    return (o as PyGenericAlias).argsList().map(one).join(' | ');
  };
  UnionType.slots.getattr = (o, name) => {
    if (name === '__args__') return newTuple((o as PyGenericAlias).argsList().map((x) => newRef(x)));
    return null;
  };
  GenericAliasType.slots.getattr = (o, name) => {
    const g = o as PyGenericAlias;
    if (name === '__origin__') return newRef(g.origin);
    if (name === '__args__') return g.args instanceof PyTuple ? newRef(g.args) : newTuple([newRef(g.args)]);
    // ga_getattro (Objects/genericaliasobject.c): all but its own attributes are the origin's,
    // with the origin's error ("type object 'list' has no attribute 'x'")
    if (name === '__parameters__') return gaParameters(g);
    if (GA_ATTR_EXCEPTIONS.has(name)) return null;
    return abs.getAttr(g.origin, name);
  };

  // frames and tracebacks
  FrameType.slots.repr = (o) => {
    const f = o as Frame;
    return `<frame at 0x${addressOf(o).toString(16)}, file '${f.code.unit.filename}', line ${f.lineno}, code ${f.code.unit.name}>`;
  };
  // frame_getsetlist / frame_memberlist (Objects/frameobject.c, 3.11)
  FrameType.slots.getattr = (o, name) => {
    const f = o as Frame;
    switch (name) {
      case 'f_back':
        return frameBack(f) ?? newRef(None);
      case 'f_code':
        return newRef(f.code);
      case 'f_globals':
        return newRef(f.globals);
      case 'f_builtins':
        return newRef(f.builtins);
      case 'f_locals':
        // frame_getlocals: PyFrame_FastToLocalsWithError, then the frame's own f_locals dict
        return newRef(fastToLocals(f));
      case 'f_lineno':
        return newInt(f.lineno);
      case 'f_trace':
        return newRef(None);
      case 'f_trace_lines':
        return newRef(True);
      case 'f_trace_opcodes':
        return newRef(False);
      case 'f_lasti':
        // a byte offset into CPython's own bytecode, which RefScope's compiler does not lay out
        unsupported('frame.f_lasti');
    }
    // (PyObject_GenericGetAttr: the rest of the type's and object's attributes, __class__,
    // __reduce_ex__...)
    return abs.genericGetAttr(o, name, true);
  };
  // tb_getsetters / tb_memberlist (Python/traceback.c)
  TracebackType.slots.getattr = (o, name) => {
    const tb = o as PyTraceback;
    switch (name) {
      case 'tb_next':
        return newRef(tb.next ?? None);
      case 'tb_frame':
        return newRef(tb.frame);
      case 'tb_lineno':
        return newInt(tb.lineno);
      case 'tb_lasti':
        unsupported('traceback.tb_lasti');
    }
    return abs.genericGetAttr(o, name, true);
  };
  void gcState;
  void GetSetDescriptorType;
  void PyInstance;
  void PyInt;
  void IntType;
}

/** _Py_make_parameters (Objects/genericaliasobject.c): the type variables among the args (a
 * TypeVar, ParamSpec or TypeVarTuple of typing) and the args' own __parameters__, each once */
function gaParameters(g: PyGenericAlias): PyObject {
  const out: PyObject[] = [];
  const add = (p: PyObject): void => {
    if (!out.includes(p)) out.push(p);
  };
  for (const a of g.argsList()) {
    if (a instanceof PyType) continue;
    const tn = a.type.name;
    if (a.type.module === 'typing' && (tn === 'TypeVar' || tn === 'ParamSpec' || tn === 'TypeVarTuple')) {
      add(a);
      continue;
    }
    const ps = abs.lookupAttr(a, '__parameters__');
    if (ps === null) continue;
    if (ps instanceof PyTuple) for (const p of ps.items) add(p);
    decref(ps);
  }
  return newTuple(out.map((p) => newRef(p)));
}
/** attr_exceptions (Objects/genericaliasobject.c): names a GenericAlias answers itself */
const GA_ATTR_EXCEPTIONS = new Set(['__class__', '__origin__', '__args__', '__unpacked__', '__parameters__', '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__']);
export const GenericAliasType = makeType('types.GenericAlias', null, TypeFlags.HAVE_GC, 64);
export class PyGenericAlias extends PyObject {
  constructor(
    public origin: PyObject,
    public args: PyObject,
  ) {
    super(GenericAliasType);
  }
  override traverse(visit: Visit): void {
    visit(this.origin, Edge.OTHER, '__origin__');
    visit(this.args, Edge.OTHER, '__args__');
  }
  override dealloc(): void {
    decref(this.origin);
    decref(this.args);
  }
  argsList(): PyObject[] {
    return this.args instanceof PyTuple ? this.args.items : [this.args];
  }
}

export const UnionType = makeType('types.UnionType', null, TypeFlags.HAVE_GC, 32);

/** _Py_union_type_or: flatten, deduplicate, None stands for NoneType */
function makeUnion(a: PyObject, b: PyObject): PyObject {
  const ok = (x: PyObject) => x === None || x instanceof PyType || x.type === GenericAliasType || x.type === UnionType;
  if (!ok(a) || !ok(b)) return newRef(abs.NotImplemented);
  const items: PyObject[] = [];
  for (const x of [a, b]) {
    const parts = x.type === UnionType ? (x as PyGenericAlias).argsList() : [x === None ? NoneType : x];
    for (const p of parts) if (!items.includes(p)) items.push(p);
  }
  if (items.length === 1) return newRef(items[0]);
  const u = new PyGenericAlias(newRef(UnionType), newTuple(items.map((x) => newRef(x))));
  u.type = UnionType;
  gcNewObject(u, true);
  return u;
}

export const builtinModuleNames = new Set<string>(['sys', 'builtins', 'gc', 'math', 'time', 'itertools', 'functools', 'collections', 'random', 'os', 'io', 're', 'typing', 'weakref', 'errno']);

function hashPtr(o: PyObject): number | bigint {
  return abs.hash === undefined ? 0 : Number(addressOf(o) >> 4);
}

function dictMayTrack(d: PyDict): boolean {
  for (const [k, v] of d.entries()) if (k.type.flags & TypeFlags.HAVE_GC || v.type.flags & TypeFlags.HAVE_GC) return true;
  return false;
}

export function seqRepr(o: PyObject, open: string, close: string, items: PyObject[]): string {
  if (items.length === 0) return open === '(' ? '()' : open + close;
  if (!abs.reprEnter(o)) return open === '[' ? '[...]' : '(...)';
  try {
    return open + items.map((x) => abs.repr(x)).join(', ') + close;
  } finally {
    abs.reprLeave(o);
  }
}

function setRepr(o: PyObject, name: string): string {
  const s = o as PySet;
  const typeName = o.type.name;
  if (s.t.used === 0) return `${typeName}()`;
  if (!abs.reprEnter(o)) return `${typeName}(...)`;
  try {
    const body = '{' + s.t.keys().map((k) => abs.repr(k)).join(', ') + '}';
    return name === 'set' && o.type === SetType ? body : `${typeName}(${body})`;
  } finally {
    abs.reprLeave(o);
  }
}

function setIter(o: PyObject): PyObject {
  const it = misc.newSeqIter(misc.SetIterType, o);
  it.state = new SetTableIter((o as PySet).t);
  return it;
}
function dictIter(d: PyObject, t: PyType): PyObject {
  const it = misc.newSeqIter(t, d);
  it.state = new DictTableIter((d as PyDict).t);
  if (t === misc.DictItemIterType) it.result = newTuple([newRef(None), newRef(None)]);
  return it;
}

export function newListOfStr(xs: string[]): PyList {
  const l = new PyList(ListType, xs.map((x) => newStr(x)));
  gcNewObject(l, true);
  return l;
}


/** `{"__class_getitem__", Py_GenericAlias, METH_O|METH_CLASS, ...}` of a C type's methods: T[x] is
 * types.GenericAlias(T, x) */
export function defClassGetitem(t: PyType): void {
  defClassMethod(t, '__class_getitem__', (args, _kw, self) => genericAlias(self!, args[0]));
}

/** Py_GenericAlias (Objects/genericaliasobject.c): the alias is allocated (and tracked) first,
 * then setup_ga packs a non-tuple `args` into a 1-tuple; a new reference */
export function genericAlias(origin: PyObject, args: PyObject): PyGenericAlias {
  const ga = new PyGenericAlias(newRef(origin), newRef(args));
  gcNewObject(ga, true);
  if (!(args instanceof PyTuple)) {
    ga.args = newTuple([args]);
    // (the reference taken above moves into the tuple)
  }
  return ga;
}
