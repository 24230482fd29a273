// Where a position of a bundle in dist/ came from, through the bundle's source map (the
// interpreter bundles are minified): bench/profile.mjs and bench/deopts.mjs name src/ files so.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

const maps = new Map();

/** The source of 0-based `line`, `column` of bundle `file`: `{ source: 'src/...', line }` (line
 * 0-based), or null when the bundle has no source map or the position none. */
export function originalPosition(file, line, column) {
  if (!maps.has(file)) {
    let map = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      /* no source map */
    }
    maps.set(file, map);
  }
  const e = maps.get(file)?.findEntry(line, column);
  if (!e?.originalSource) return null;
  const i = e.originalSource.lastIndexOf('src/');
  return { source: i >= 0 ? e.originalSource.slice(i) : e.originalSource.replace(/^(\.\.\/)+/, ''), line: e.originalLine };
}
