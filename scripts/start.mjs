#!/usr/bin/env node
// `npm start`: builds RefScope and opens it on examples/ — the desktop `code` with
// --extensionDevelopmentPath when installed, otherwise a local code-server (URL printed; Ctrl+C stops it).
import { spawnSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { locate } from './e2e-setup.mjs';
import { makeRunDir, runEnv, startServer, killGroup } from './vscode-host.mjs';

const root = resolve(import.meta.dirname, '..');
const examples = resolve(root, 'examples');
if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
let found = locate();
if (found.code && process.env.REFSCOPE_VSCODE !== 'server') {
  const r = spawnSync(found.code, ['--extensionDevelopmentPath=' + root, examples, examples + '/lesson24_refcount.py'], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}
if (!found.codeServer || !found.node) {
  const r = spawnSync(process.execPath, [resolve(root, 'scripts/e2e-setup.mjs')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) process.exit(r.status ?? 2);
  found = locate();
}
const run = makeRunDir();
const env = runEnv(run, found.nodeDir);
const server = await startServer({ env, run, codeServer: found.codeServer, node: found.node, kind: 'server' });
const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${root}`], ['extensionDevelopmentKind', 'workspace']];
console.log(`\nRefScope is running in VS Code (code-server's bundled server). Open:\n\n  ${server.url}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify(payload))}\n\nPress Ctrl+C to stop.`);
const stop = () => { killGroup(server.pid); rmSync(run, { recursive: true, force: true }); process.exit(0); };
process.on('SIGINT', stop); process.on('SIGTERM', stop);
server.child.on('exit', () => process.exit(1));
