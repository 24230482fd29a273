// The build's frozen stdlib units (core/compiler/frozen.ts) on node: `dist/stdlib.frozen`, next to
// the bundles, written by esbuild.mjs (frozenFileText below, through freezeStdlib of the freshly
// built dist/worker.js). A run reads the file's index when its first Python-source module is
// imported, then only the entries it needs; a missing or unreadable file, or one written by another
// build, leaves every import compiling its source as before.
//
// Format (ASCII): a first line `REFSCOPE-FROZEN 1 BUILD` (BUILD: the id esbuild.mjs gives every
// bundle of one build, REFSCOPE_BUILD_ID), a second line holding a JSON index
// { key: [offset, length] } (frozenKey → the entry's place in the rest of the file, after the
// second newline), then the entries (serialize.ts text) one after another.

import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { setFrozenStore, frozenKey, type FrozenStore } from '../core/compiler/frozen';
import { serializeUnit } from '../core/compiler/serialize';
import type { CodeUnit } from '../core/compiler/code';

export const FROZEN_FILE = 'stdlib.frozen';
const MAGIC = 'REFSCOPE-FROZEN 1';

declare const REFSCOPE_BUILD_ID: string | undefined;
/** the id of the build this code is part of (esbuild.mjs defines it; null when run from source) */
export const BUILD_ID: string | null = typeof REFSCOPE_BUILD_ID === 'string' ? REFSCOPE_BUILD_ID : null;

/** The file's text for these compiled sources, made by build `build`. */
export function frozenFileText(sources: { source: string; filename: string; unit: CodeUnit }[], build: string | null = BUILD_ID): string {
  const index: Record<string, [number, number]> = {};
  const bodies: string[] = [];
  let at = 0;
  for (const { source, filename, unit } of sources) {
    const key = frozenKey(filename, source);
    if (key in index) throw new Error(`frozen: two stdlib sources have the key ${JSON.stringify(key)}`);
    const text = serializeUnit(unit);
    index[key] = [at, text.length];
    bodies.push(text);
    at += text.length;
  }
  // (keys hold NULs: JSON escapes them, the line stays one line)
  return `${MAGIC} ${build ?? '-'}\n${JSON.stringify(index)}\n${bodies.join('')}`;
}

/** Reads `length` bytes at `position` of the file (fewer at its end; null if it cannot be read). */
export type ReadAt = (position: number, length: number) => string | null;

/**
 * A store over a frozen file read through `read` (the index when first asked, then each entry when
 * asked). With `build` set, a file another build wrote serves nothing.
 */
export function frozenStoreOf(read: ReadAt, build: string | null): FrozenStore {
  let index: Record<string, [number, number]> | null = null;
  let bodyAt = 0;
  let failed = false;
  const open = (): boolean => {
    // the two header lines: read a piece, longer until both newlines are in it
    for (let len = 16384; ; len *= 4) {
      const head = read(0, len);
      if (head === null) return false;
      const nl1 = head.indexOf('\n');
      const nl2 = nl1 < 0 ? -1 : head.indexOf('\n', nl1 + 1);
      if (nl2 < 0) {
        if (head.length < len) return false;
        continue;
      }
      const first = head.slice(0, nl1);
      if (!first.startsWith(`${MAGIC} `) || (build !== null && first !== `${MAGIC} ${build}`)) return false;
      try {
        index = JSON.parse(head.slice(nl1 + 1, nl2)) as Record<string, [number, number]>;
      } catch {
        return false;
      }
      bodyAt = nl2 + 1;
      return true;
    }
  };
  return {
    get(key) {
      if (index === null) {
        if (failed) return null;
        if (!open()) {
          failed = true;
          return null;
        }
      }
      const e = Object.prototype.hasOwnProperty.call(index, key) ? index![key] : undefined;
      if (e === undefined) return null;
      const text = read(bodyAt + e[0], e[1]);
      return text !== null && text.length === e[1] ? text : null;
    },
  };
}

/** A ReadAt over a file on disk (latin1: the file is ASCII). */
export function fileReader(file: string): ReadAt {
  return (position, length) => {
    let fd = -1;
    try {
      fd = openSync(file, 'r');
      const buf = Buffer.allocUnsafe(length);
      let n = 0;
      while (n < length) {
        const r = readSync(fd, buf, n, length - n, position + n);
        if (r === 0) break;
        n += r;
      }
      return buf.toString('latin1', 0, n);
    } catch {
      return null;
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  };
}

/** Use `dir`/stdlib.frozen (default: the directory of this bundle) for the imports of this
 * thread's runs, if this code is a build's (from source there is no build id to check). */
export function installFrozenFile(dir: string | null = typeof __dirname === 'string' ? __dirname : null): void {
  if (dir === null || BUILD_ID === null) return;
  setFrozenStore(frozenStoreOf(fileReader(join(dir, FROZEN_FILE)), BUILD_ID));
}
