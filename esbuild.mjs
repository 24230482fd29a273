// Bundles RefScope. `node esbuild.mjs` builds everything once; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { webviewBuild } from './webview/bundle.mjs';

// Localisation: each area keeps its 简体中文 strings in l10n/parts/<area>.zh-cn.json (keyed by the
// English text, as vscode.l10n expects); the bundle VS Code loads is their merge, made here so that
// no two areas edit one file. A key translated differently by two parts is an error.
function mergeL10n() {
  const dir = 'l10n/parts';
  if (!existsSync(dir)) return;
  const merged = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.zh-cn.json')).sort()) {
    const part = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
    for (const [k, v] of Object.entries(part)) {
      if (k in merged && merged[k] !== v) throw new Error(`l10n: '${k}' is translated twice differently (${f})`);
      merged[k] = v;
    }
  }
  mkdirSync('l10n', { recursive: true });
  writeFileSync('l10n/bundle.l10n.zh-cn.json', JSON.stringify(merged, null, 2) + '\n');
}
mergeL10n();

const watch = process.argv.includes('--watch');
// Every bundle of one build knows the build's id (src/worker/frozen-file.ts: a frozen stdlib file
// serves only the build that wrote it).
const buildId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const common = { bundle: true, sourcemap: true, target: 'node20', logLevel: 'warning', define: { REFSCOPE_BUILD_ID: JSON.stringify(buildId) } };

// Node bundles are written as pure ASCII: V8 keeps a source with a single non-ASCII character as a
// two-byte string and node decodes it through the slow UTF-8 path (15 ms of the CLI's start-up for
// the interpreter bundle). esbuild already escapes strings; what it leaves (comments, regular
// expression literals) gets \uXXXX escapes, which mean the same there. String.raw templates (the
// Python sources of modules) would change meaning, so they are left alone.
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length) return;
      const file = build.initialOptions.outfile;
      const text = readFileSync(file, 'utf8');
      if (!/[^\x00-\x7f]/.test(text)) return;
      const escape = (part) => part.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
      const out = text.split(/(String\.raw`[^`]*`)/).map((part, i) => (i % 2 ? part : escape(part))).join('');
      writeFileSync(file, out);
    });
  },
};
const nodeCommon = { ...common, plugins: [asciiOnly] };
// The bundles src/worker/code-cache.ts loads (loadCached) are one function expression with
// CommonJS's parameters, called at the end (WRAP_HEAD and WRAP_TAIL there, the same text): node
// runs the file as any module, and loadCached compiles a slice of it rather than a wrapped copy.
// They are also written without whitespace and comments and with esbuild's syntax minification
// (names kept, so that profiles and V8's traces still read): every run reads the interpreter
// bundle into a buffer and copies it into a string, 1.5 MB each instead of 2 MB: ~400 fewer fresh
// pages (~4 ms of the CLI's start-up here). bench/profile.mjs names source files through the
// source maps.
const selfWrapped = {
  ...nodeCommon,
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '}).call(this, exports, require, module, __filename, __dirname);' },
};

const builds = [
  { ...nodeCommon, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs',
    banner: { js: '#!/usr/bin/env node' } },
  { ...nodeCommon, entryPoints: ['src/cli/tools.ts'], outfile: 'dist/cli-tools.js', platform: 'node', format: 'cjs' },
  { ...selfWrapped, entryPoints: ['src/worker/node-runner.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs' },
  { ...selfWrapped, entryPoints: ['src/worker/session-runner.ts'], outfile: 'dist/session-core.js', platform: 'node', format: 'cjs' },
  { ...nodeCommon, entryPoints: ['src/worker/session-entry.ts'], outfile: 'dist/session-worker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { ...selfWrapped, entryPoints: ['src/worker/hover-runner.ts'], outfile: 'dist/hover-core.js', platform: 'node', format: 'cjs' },
  { ...nodeCommon, entryPoints: ['src/worker/hover-entry.ts'], outfile: 'dist/hover-worker.js', platform: 'node', format: 'cjs' },
  { ...selfWrapped, entryPoints: ['src/worker/exercise-runner.ts'], outfile: 'dist/exercise-core.js', platform: 'node', format: 'cjs' },
  { ...nodeCommon, entryPoints: ['src/worker/exercise-entry.ts'], outfile: 'dist/exercise-worker.js', platform: 'node', format: 'cjs' },
  webviewBuild,
];

if (watch) {
  // (rebuilds do not freeze: a frozen file from before could hold units an edited compiler would
  // no longer make, so there is none while watching; imports compile their sources)
  rmSync('dist/stdlib.frozen', { force: true });
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('dist/cli.js', 0o755);
  freezeStdlib();
}

// The standard library's Python sources compiled once, here, by the interpreter just built
// (src/core/compiler/frozen.ts, src/worker/frozen-file.ts): dist/stdlib.frozen, which the node
// entries read instead of compiling a module's source on each import. The file names the build
// that wrote it: bundles of another build (rebuilt without this step) do not use it and compile
// their sources as before.
function freezeStdlib() {
  const require = createRequire(import.meta.url);
  const { freezeStdlib: freeze } = require('./dist/worker.js');
  const { text, sources } = freeze();
  writeFileSync('dist/stdlib.frozen.tmp', text);
  renameSync('dist/stdlib.frozen.tmp', 'dist/stdlib.frozen');
  if (sources < 10) throw new Error(`esbuild.mjs: only ${sources} stdlib sources were frozen`);
}
