// CPython's own long-lived gc objects, for the 25% rule of full collections.
//
// gc_collect_generations skips a generation-2 collection while long_lived_pending <
// long_lived_total / 4, and long_lived_total is the size of generation 2 after the last full
// collection, which in CPython includes thousands of the interpreter's own objects (modules,
// functions, classes of the standard library that `site` and the program imported). RefScope
// tracks far fewer (its builtins are not heap objects), so without them a program would get full
// collections CPython skips. The difference is added to long_lived_total.
//
// Measured with `import gc; import M; gc.collect(); print(len(gc.get_objects(2)))` as a script:
// CPython 3.11.7 (objgraph from Debian's python3-objgraph on the path) against RefScope's own run of
// the same script; test/core/runtime/gc-baseline.test.ts re-measures RefScope's side.

/** a plain script: generation 2 after a gc.collect() at its start */
export const CPYTHON_GEN2_AT_START = 11092;
export const OURS_GEN2_AT_START = 21;

/** the same after importing one module that `site` had not imported already */
/** RefScope's generation-2 objects added by `import re` alone (re and enum are loaded at
 * CPython's start, so CPython's numbers for a module importing re leave them out) */
export const OURS_RE_OBJECTS = 74 - OURS_GEN2_AT_START;

/** (importsRe: the module imports re, whose objects CPython had at start; startModules: the other
 * modules it imports that CPython had loaded at start, and RefScope's generation-2 objects of
 * those) */
export const GEN2_AFTER_IMPORT: Record<string, { cpython: number; ours: number; importsRe?: boolean; startModules?: { names: string[]; objects: number } }> = {
  copy: { cpython: 11130, ours: 81, startModules: { names: ['types'], objects: 33 } },
  cmath: { cpython: 11129, ours: 23 },
  json: { cpython: 11232, ours: 174, importsRe: true, startModules: { names: ['codecs'], objects: 19 } },
  string: { cpython: 11151, ours: 189, importsRe: true, startModules: { names: ['collections'], objects: 72 } },
  textwrap: { cpython: 11133, ours: 103, importsRe: true },
  heapq: { cpython: 11129, ours: 24 },
  dataclasses: { cpython: 12396, ours: 210 },
  decimal: { cpython: 11577, ours: 413, importsRe: true },
  fractions: { cpython: 11684, ours: 327, importsRe: true },
  objgraph: { cpython: 12810, ours: 124 },
  ctypes: { cpython: 11619, ours: 62 },
  datetime: { cpython: 11291, ours: 25 },
  unicodedata: { cpython: 11139, ours: 23 },
  timeit: { cpython: 11131, ours: 79, startModules: { names: ['time', 'itertools'], objects: 36 } },
  array: { cpython: 11170, ours: 23 },
  csv: { cpython: 11216, ours: 152, importsRe: true, startModules: { names: ['io'], objects: 3 } },
  base64: { cpython: 11139, ours: 45 },
  hashlib: { cpython: 11215, ours: 79 },
  logging: {
    cpython: 11743,
    ours: 1587,
    importsRe: true,
    startModules: {
      names: ['_thread', 'abc', 'atexit', 'collections', 'collections.abc', 'functools', 'io', 'itertools', 'os', 'os.path', 'posixpath', 'threading', 'time', 'types', 'warnings', 'weakref'],
      objects: 1146,
    },
  },
  pickle: { cpython: 11329, ours: 392, importsRe: true, startModules: { names: ['codecs', 'copyreg', 'functools', 'io', 'itertools', 'struct', 'types'], objects: 131 } },
  glob: { cpython: 11131, ours: 506, startModules: { names: ['abc', 'contextlib', 'fnmatch', 'functools', 'itertools', 'os', 'stat'], objects: 451 } },
  shlex: { cpython: 11133, ours: 216, importsRe: true, startModules: { names: ['collections', 'io', 'os'], objects: 112 } },
  difflib: { cpython: 11253, ours: 268, importsRe: true, startModules: { names: ['collections', 'types'], objects: 105 } },
  queue: {
    cpython: 11217,
    ours: 795,
    startModules: { names: ['_thread', 'collections', 'functools', 'itertools', 'os', 'os.path', 'posixpath', 'threading', 'time', 'types', 'weakref'], objects: 698 },
  },
  argparse: { cpython: 11492, ours: 551, importsRe: true, startModules: { names: ['operator', 'os', 'os.path', 'posixpath', 'warnings'], objects: 86 } },
};

/**
 * CPython's free lists when a script starts running (numfree: tuples by size 1..19, lists, dicts),
 * left there by its start-up (`site` and the rest) and by compiling the script. A program that
 * allocates a list, a dict or a small tuple before any full collection gets one of these without a
 * gc allocation (no change to gc.get_count()), as print()'s argument tuple and its first repr of a
 * container do. Measured with CPython 3.11.7 running small scripts (allocate until gc.get_count()
 * moves; the scripts are in test/core/runtime/gc-baseline.test.ts, which re-measures them); a full
 * collection empties the lists (clear_freelists), after which RefScope's counts are exact.
 */
export const CPYTHON_FREELISTS_AT_START = {
  tuple: [0, 4, 0, 2, 2, 3, 0, 7, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 2, 1],
  list: 41,
  dict: 14,
};

/** the objects CPython would have in generation 2 that RefScope does not, at start */
export function interpreterObjectsAtStart(): number {
  return CPYTHON_GEN2_AT_START - OURS_GEN2_AT_START;
}

/** what importing `name` adds to that (0 for modules CPython had loaded at start) */
export function interpreterObjectsOfModule(name: string): number {
  const m = GEN2_AFTER_IMPORT[name];
  if (!m) return 0;
  return m.cpython - CPYTHON_GEN2_AT_START - (m.ours - OURS_GEN2_AT_START - (m.importsRe ? OURS_RE_OBJECTS : 0) - (m.startModules?.objects ?? 0));
}
