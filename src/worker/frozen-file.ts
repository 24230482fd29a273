// The build's frozen stdlib units (core/compiler/frozen.ts) on node: `dist/stdlib.frozen`, next to
// the bundles, written by esbuild.mjs (writeFrozenFile below, run from the freshly built
// dist/worker.js). Read once, when the first Python-source module is imported; a missing or
// unreadable file leaves every import compiling its source as before.
//
// Format (ASCII): a first line `REFSCOPE-FROZEN 1`, a second line holding a JSON index
// { key: [offset, length] } (frozenKey → the entry's place in the rest of the file, after the
// second newline), then the entries (serialize.ts text) one after another.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFrozenStore, frozenKey } from '../core/compiler/frozen';
import { serializeUnit } from '../core/compiler/serialize';
import type { CodeUnit } from '../core/compiler/code';

export const FROZEN_FILE = 'stdlib.frozen';
const MAGIC = 'REFSCOPE-FROZEN 1';

/** The file's text for these compiled sources. */
export function frozenFileText(sources: { source: string; filename: string; unit: CodeUnit }[]): string {
  const index: Record<string, [number, number]> = {};
  const bodies: string[] = [];
  let at = 0;
  for (const { source, filename, unit } of sources) {
    const key = frozenKey(filename, source);
    if (key in index) continue;
    const text = serializeUnit(unit);
    index[key] = [at, text.length];
    bodies.push(text);
    at += text.length;
  }
  // (keys hold NULs: JSON escapes them, the line stays one line)
  return `${MAGIC}\n${JSON.stringify(index)}\n${bodies.join('')}`;
}

/** A store over the file's text (parsed when first asked). */
export function frozenStoreOf(read: () => string | null): { get(key: string): string | null } {
  let index: Record<string, [number, number]> | null = null;
  let body = '';
  let failed = false;
  return {
    get(key) {
      if (index === null) {
        if (failed) return null;
        const text = read();
        const nl1 = text === null ? -1 : text.indexOf('\n');
        const nl2 = nl1 < 0 ? -1 : text!.indexOf('\n', nl1 + 1);
        if (text === null || nl2 < 0 || text.slice(0, nl1) !== MAGIC) {
          failed = true;
          return null;
        }
        try {
          index = JSON.parse(text.slice(nl1 + 1, nl2)) as Record<string, [number, number]>;
        } catch {
          failed = true;
          return null;
        }
        body = text.slice(nl2 + 1);
      }
      const e = Object.prototype.hasOwnProperty.call(index, key) ? index[key] : undefined;
      return e === undefined ? null : body.slice(e[0], e[0] + e[1]);
    },
  };
}

/** Use `dir`/stdlib.frozen (default: the directory of this bundle) for the imports of this thread's runs. */
export function installFrozenFile(dir: string | null = typeof __dirname === 'string' ? __dirname : null): void {
  if (dir === null) return;
  const file = join(dir, FROZEN_FILE);
  setFrozenStore(
    frozenStoreOf(() => {
      try {
        // (ASCII: latin1 decodes it exactly, faster than UTF-8)
        return readFileSync(file, 'latin1');
      } catch {
        return null;
      }
    }),
  );
}
