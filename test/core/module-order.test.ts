// Each module an entry point may import first must load on its own: in an import cycle a module
// can run before one it extends (`class extends PyDict` while dict.ts has not run), which fails only
// when the bundle's entry reaches the cycle from that side, as bench/editor's graph bundle did. Each
// case bundles one module as the entry (esbuild, as esbuild.mjs and bench/editor do) and loads it in
// a fresh process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'refscope-order-'));
const FIRST = ['inspect/graph', 'inspect/session', 'run', 'runtime/typeobject', 'runtime/abstract', 'modules/builtins'];

for (const m of FIRST) {
  test(`src/core/${m} as a bundle's entry loads`, () => {
    const outfile = join(dir, `${m.replace(/\//g, '_')}.mjs`);
    buildSync({ stdin: { contents: `export * from './src/core/${m}';\n`, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
    const r = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
    assert.equal(r.stderr.match(/\w*Error: .*/)?.[0] ?? '', '');
    assert.equal(r.status, 0);
  });
}
