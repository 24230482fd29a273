#!/usr/bin/env node
// `npm run test:vscode`: the extension-host suite (test/extension/suite, a module exporting run())
// through @vscode/test-electron's runTests(): the desktop `code` when installed (REFSCOPE_VSCODE=desktop),
// otherwise the VS Code server bundled with code-server via test/vscode/code-shim.mjs.
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '../..');
const suiteSrc = ['test/extension/suite/index.ts', 'test/extension/suite/index.js'].map((p) => resolve(root, p)).find(existsSync);
if (!suiteSrc) { console.error('test:vscode: no extension-host suite at test/extension/suite/index.ts'); process.exit(1); }
const t0 = Date.now();
spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
const out = resolve(root, 'out/test/extension/suite.js');
await esbuild.build({ entryPoints: [suiteSrc], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  external: ['vscode'], sourcemap: true, logLevel: 'warning' });

const setup = spawnSync(process.execPath, [resolve(root, 'scripts/e2e-setup.mjs')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (setup.status !== 0) process.exit(setup.status ?? 2);
const found = JSON.parse(setup.stdout.trim().split('\n').pop());
const desktop = found.code && process.env.REFSCOPE_VSCODE !== 'server';
try {
  await runTests({
    vscodeExecutablePath: desktop ? found.code : resolve(root, 'test/vscode/code-shim.mjs'),
    extensionDevelopmentPath: root, extensionTestsPath: out,
    launchArgs: [resolve(root, 'examples'), ...(desktop ? ['--disable-extensions', '--disable-workspace-trust'] : [])],
  });
  console.log(`test:vscode passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`test:vscode failed: ${e.message ?? e}`);
  process.exit(1);
}
