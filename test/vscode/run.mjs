#!/usr/bin/env node
// `npm run test:vscode`: the extension-host suite (test/vscode/suite, a module exporting run()) through
// @vscode/test-electron's runTests(): the desktop `code` when installed (REFSCOPE_VSCODE=server forces
// the server), otherwise the VS Code server bundled with code-server via test/vscode/code-shim.mjs.
// The suite is bundled, and examples/ copied as the workspace, into one temporary directory that is
// removed at the end (REFSCOPE_E2E_KEEP=1 keeps it).
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '../..');
const t0 = Date.now();
if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const setup = spawnSync(process.execPath, [resolve(root, 'scripts/e2e-setup.mjs')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (setup.status !== 0) process.exit(setup.status ?? 2);
const found = JSON.parse(setup.stdout.trim().split('\n').pop());
const desktop = found.code && process.env.REFSCOPE_VSCODE !== 'server';

const tmp = mkdtempSync(join(process.env.REFSCOPE_E2E_TMP || tmpdir(), 'refscope-vscode-suite-'));
let code = 0;
try {
  const out = join(tmp, 'suite.js');
  await esbuild.build({ entryPoints: [resolve(root, 'test/vscode/suite/index.ts')], outfile: out, bundle: true, platform: 'node',
    format: 'cjs', target: 'node20', external: ['vscode'], sourcemap: 'inline', logLevel: 'error' });
  const workspace = join(tmp, 'workspace');
  cpSync(resolve(root, 'examples'), workspace, { recursive: true });
  await runTests({
    vscodeExecutablePath: desktop ? found.code : resolve(root, 'test/vscode/code-shim.mjs'),
    extensionDevelopmentPath: root, extensionTestsPath: out,
    launchArgs: [workspace, ...(desktop ? ['--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(tmp, 'ud')] : [])],
  });
  console.log(`test:vscode passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`test:vscode failed after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${e.message ?? e}`);
  code = 1;
} finally {
  if (!process.env.REFSCOPE_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
