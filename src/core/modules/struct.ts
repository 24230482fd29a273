// struct (Lib/struct.py over Modules/_struct.c): the module functions, which compile their
// format once and keep the Struct in the module's cache (cache_struct_converter: a dict of at
// most 100, emptied when full), Struct, struct.error and _clearcache. The engine and the types
// are runtime/objects/struct.ts.

import { PyObject, PyType, decref, newRef } from '../runtime/object';
import { registerModule, parseArgs } from '../runtime/define';
import { PyModule } from '../runtime/objects/instance';
import { PyDict, DictType } from '../runtime/objects/dict';
import { newTuple } from '../runtime/objects/tuple';
import { gcTransientFree } from '../runtime/gc';
import { newInt } from '../runtime/objects/int';
import { newStr } from '../runtime/objects/str';
import { newList } from '../runtime/objects/list';
import * as abs from '../runtime/abstract';
import { None } from '../runtime/objects/singletons';
import { typeError } from '../runtime/errors';
import { posArgs } from '../runtime/objects/common_methods';
import { execSource } from './modutil';
import {
  StructType, PyStruct, installStruct, setStructError, newStruct, structPack, structPackInto, structUnpack, structUnpackFrom, structIterUnpack,
} from '../runtime/objects/struct';

const MAXCACHE = 100;

const STRUCT_DOC =
  "Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\nand also as format strings (explained below) to describe the layout of data\nin the C struct.\n\nThe optional first format char indicates byte order, size and alignment:\n  @: native order, size & alignment (default)\n  =: native order, std. size & alignment\n  <: little-endian, std. size & alignment\n  >: big-endian, std. size & alignment\n  !: same as >\n\nThe remaining chars indicate types of args and must match exactly;\nthese can be preceded by a decimal repeat count:\n  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n  ?: _Bool (requires C99; if not available, char is used instead)\n  h:short; H:unsigned short; i:int; I:unsigned int;\n  l:long; L:unsigned long; f:float; d:double; e:half-float.\nSpecial cases (preceding decimal count indicates length):\n  s:string (array of char); p: pascal string (with count byte).\nSpecial cases (only available in native format):\n  n:ssize_t; N:size_t;\n  P:an integer type that is wide enough to hold a pointer.\nSpecial case (not in native mode unless 'long long' in platform C):\n  q:long long; Q:unsigned long long\nWhitespace between formats is ignored.\n\nThe variable struct.error is an exception raised on errors.\n";

/** CPython's start-up leaves Structs in the cache (the imports of `site` unpack zip headers):
 * six entries, of which five are freed when the cache is emptied (the sixth, '<HH', is held
 * elsewhere). They count towards MAXCACHE, and their release moves gc.get_count(). */
const STARTUP_ENTRIES = 6;
const STARTUP_FREED = 5;
let startupEntries = 0;

function clearCache(cache: PyDict | null): void {
  if (cache !== null) cache.clear();
  if (startupEntries > 0) {
    startupEntries = 0;
    for (let i = 0; i < STARTUP_FREED; i++) gcTransientFree();
  }
}

/** cache_struct_converter: the module's Struct for `fmt` (a new reference) */
function cached(module: PyObject | null, fmt: PyObject): PyStruct {
  const m = module as PyModule;
  // (the dict exists from CPython's start: made here without counting an allocation)
  if (m.state === null) m.state = new PyDict(DictType);
  const cache = m.state as PyDict;
  const hit = cache.getItem(fmt);
  if (hit !== undefined) return newRef(hit as PyStruct);
  // PyObject_CallOneArg(Struct, fmt): Struct has no vectorcall in 3.11, an argument tuple is made
  const callArgs = newTuple([newRef(fmt)]);
  let s: PyStruct;
  try {
    s = newStruct(StructType, fmt);
  } finally {
    decref(callArgs);
  }
  if (cache.size + startupEntries >= MAXCACHE) clearCache(cache);
  cache.setItem(fmt, s);
  return s;
}

function withStruct(module: PyObject | null, fmt: PyObject, f: (s: PyStruct) => PyObject): PyObject {
  const s = cached(module, fmt);
  try {
    return f(s);
  } finally {
    decref(s);
  }
}

registerModule('struct', (m) => {
  // its functions are _struct's in CPython (their __self__)
  m.functionsOf('_struct');
  installStruct();
  startupEntries = STARTUP_ENTRIES;
  m.own('__doc__', newStr(STRUCT_DOC));
  // PyErr_NewException("struct.error", NULL, NULL)
  execSource(m, 'class error(Exception):\n    pass\n', '<frozen struct>');
  setStructError(m.dict.getStr(abs.strKey('error')) as PyType);
  m.fn('calcsize', (args, kw, self) => {
    if (kw && kw.length) typeError('_struct.calcsize() takes no keyword arguments');
    if (args.length !== 1) typeError(`_struct.calcsize() takes exactly one argument (${args.length} given)`);
    return withStruct(self, args[0], (s) => newInt(s.L!.sizeBig));
  });
  m.fn('pack', (args, kw, self) => {
    if (kw && kw.length) typeError('_struct.pack() takes no keyword arguments');
    if (args.length < 1) typeError('missing format argument');
    return withStruct(self, args[0], (s) => structPack(s, args.slice(1)));
  });
  m.fn('pack_into', (args, kw, self) => {
    if (kw && kw.length) typeError('_struct.pack_into() takes no keyword arguments');
    if (args.length < 1) typeError('missing format argument');
    return withStruct(self, args[0], (s) => structPackInto(s, args.slice(1)));
  });
  m.fn('unpack', (args, kw, self) => {
    posArgs('_struct.unpack', args, kw, 2, 2);
    return withStruct(self, args[0], (s) => structUnpack(s, args[1]));
  });
  m.fn('unpack_from', (args, kw, self) => {
    const [fmt, buffer, offset] = parseArgs({ name: 'unpack_from', params: ['format', '/', 'buffer', 'offset'], required: 2 }, args, kw);
    return withStruct(self, fmt!, (s) => structUnpackFrom(s, buffer!, offset));
  });
  m.fn('iter_unpack', (args, kw, self) => {
    posArgs('_struct.iter_unpack', args, kw, 2, 2);
    return withStruct(self, args[0], (s) => structIterUnpack(s, args[1]));
  });
  m.fn('_clearcache', (args, kw, self) => {
    if (kw && kw.length) typeError('_struct._clearcache() takes no keyword arguments');
    if (args.length) typeError(`_struct._clearcache() takes no arguments (${args.length} given)`);
    clearCache((self as PyModule).state as PyDict | null);
    return newRef(None);
  });
  m.set('Struct', StructType);
  // Lib/struct.py's __all__
  const names = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct', 'error'];
  m.own('__all__', newList(names.map((n) => newStr(n))));
});
