// Editor-side figure: the extension's own activation cost — loading dist/extension.js and running
// activate() — in a fresh node process with a stand-in `vscode` module whose every API is a no-op.
// VS Code's part (starting the extension host, reading the manifest) is not included; the real
// activation in code-server is what the e2e suite exercises.
//   node bench/editor/activation.mjs [--quick]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, DIST, quick, figure, missing, percentile, ms, now } from './lib/common.mjs';

const EXT = join(DIST, 'extension.js');
const METRIC = 'extension activation';

if (process.argv.includes('--child')) {
  const require = createRequire(import.meta.url);
  const Module = require('node:module');
  // every property, call and construction gives the stand-in again; no editor is active
  const handler = {
    get: (_t, p) => (p === 'activeTextEditor' || p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : any),
    apply: () => any,
    construct: () => any,
  };
  const any = new Proxy(function vscodeStandIn() {}, handler);
  // the module: every top-level name of the API (@types/vscode) is the stand-in
  const api = {};
  const dts = require('node:fs').readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  for (const m of dts.matchAll(/^(?:\t| {4})export (?:namespace|class|enum|const|let|function) (\w+)/gm)) api[m[1]] = any;
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? api : load.call(this, request, ...rest);
  };
  const context = new Proxy({ subscriptions: [], extensionPath: ROOT, extensionUri: any, globalState: any, workspaceState: any }, {
    get: (t, p) => (p in t ? t[p] : any),
  });
  const t0 = now();
  const ext = require(EXT);
  ext.activate(context);
  const t = now() - t0;
  console.log(JSON.stringify({ ms: t, subscriptions: context.subscriptions.length }));
  process.exit(0);
}

if (!existsSync(EXT)) {
  missing(METRIC, 'dist/extension.js (run node esbuild.mjs)');
  process.exit(0);
}
const times = [];
let subs = 0;
for (let k = 0; k < (quick ? 2 : 9); k++) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const line = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !line?.startsWith('{')) throw new Error(`activation child failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const o = JSON.parse(line);
  times.push(o.ms);
  subs = o.subscriptions;
}
if (subs === 0) throw new Error('activate() registered nothing: the stand-in did not reach the extension');
figure(METRIC, ms(percentile(times, 50)), 'ms', `require(dist/extension.js) + activate() with a no-op vscode stand-in (${subs} registrations), fresh process, median of ${times.length}; VS Code's own share not included`);
process.exit(0);
