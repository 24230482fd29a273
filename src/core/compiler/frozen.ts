// The standard library's Python sources compiled at build time (CPython freezes some modules and
// caches the others' code in .pyc files, so `import json` does not parse json's source again).
// RefScope's Python-source modules (modules/modutil.ts execSource) are compiled when imported;
// cold, that is most of an import's time (`import logging` compiles ~4,000 lines). The build
// (esbuild.mjs) runs every such source through the compiler once and writes the units
// (serialize.ts) to a file next to the bundles; a host that can read it (the node entries,
// src/worker/frozen-file.ts) installs a store here, and execSource takes a unit from it when one
// was made for exactly that file name and source text, else compiles as before. The units are
// the compiler's own output: test/core/compiler/frozen.test.ts compiles every frozen source again
// and checks that the stored unit is the same.

import type { CodeUnit } from './code';
import { deserializeUnit } from './serialize';

/** Serialized units by frozenKey (a host's: reads them when first asked) */
export interface FrozenStore {
  get(key: string): string | null;
}

let store: FrozenStore | null = null;

/** Install (or, with null, remove) the store execSource consults. */
export function setFrozenStore(s: FrozenStore | null): void {
  store = s;
}

/** 32-bit FNV-1a of the UTF-16 code units s[from..to), as 8 hex digits */
function fnv1a(s: string, from: number, to: number): string {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** characters of each end of a source that go into its key */
const KEY_ENDS = 512;

/** The key of a source compiled under `filename`: the name, the source's length and a hash of its
 * first and last KEY_ENDS characters. That tells apart the sources one build runs under one name
 * (the test checks every one); a store only serves units made by the same build as the code asking
 * (frozen-file.ts checks the build's id), so a source never changes under its key. */
export function frozenKey(filename: string, source: string): string {
  const n = source.length;
  const ends = n <= 2 * KEY_ENDS ? fnv1a(source, 0, n) : fnv1a(source, 0, KEY_ENDS) + fnv1a(source, n - KEY_ENDS, n);
  return `${filename}\u0000${n}\u0000${ends}`;
}

/** The lines the compiler splits a module's source into (Compiler's constructor): every unit of
 * a module shares them. */
export function sourceLines(source: string): string[] {
  return source.split(/\r?\n/);
}

/** The frozen unit of `source` compiled under `filename`, or null (no store, none made for this
 * source, or unreadable: the caller compiles). */
export function frozenUnit(filename: string, source: string): CodeUnit | null {
  if (store === null) return null;
  let text: string | null;
  try {
    text = store.get(frozenKey(filename, source));
    if (text === null) return null;
    const u = deserializeUnit(text, sourceLines(source));
    return u.filename === filename ? u : null;
  } catch {
    return null;
  }
}
