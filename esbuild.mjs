// Bundles RefScope. `node esbuild.mjs` builds everything once; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const common = { bundle: true, sourcemap: true, target: 'node20', logLevel: 'warning' };

const builds = [
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs',
    banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/worker/node-runner.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/worker/session-runner.ts'], outfile: 'dist/session-worker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { ...common, entryPoints: ['src/worker/hover-runner.ts'], outfile: 'dist/hover-worker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/worker/exercise-runner.ts'], outfile: 'dist/exercise-worker.js', platform: 'node', format: 'cjs' },
  webviewBuild,
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('dist/cli.js', 0o755);
}
