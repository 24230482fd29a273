// Starts the VS Code server bundled in code-server (or code-server itself) in its own process group,
// with every file it writes inside one run directory, and stops it by process group.
// Recipe: server-main.js --enable-smoke-test-driver makes the web workbench read the `payload` URL
// parameter (extensionDevelopmentPath / extensionTestsPath), as @vscode/test-web does.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { join, resolve } from 'node:path';

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'window.commandCenter': false,
};

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

/** A run directory holding TMPDIR, XDG dirs, user data, extensions and the browser profile. */
export function makeRunDir(base = process.env.REFSCOPE_E2E_TMP || tmpdir()) {
  const dir = mkdtempSync(join(base, 'refscope-vscode-'));
  for (const d of ['tmp', 'xdg-data', 'xdg-config', 'xdg-cache', 'ud/User', 'sd', 'ext', 'browser']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'ud/User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\n');
  return dir;
}

export function runEnv(run, nodeDir) {
  return {
    ...process.env,
    HOME: process.env.HOME, TMPDIR: join(run, 'tmp'),
    XDG_DATA_HOME: join(run, 'xdg-data'), XDG_CONFIG_HOME: join(run, 'xdg-config'), XDG_CACHE_HOME: join(run, 'xdg-cache'),
    PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
    VSCODE_CLI_DATA_DIR: join(run, 'cli'),
  };
}

/** kind 'server' = bundled server-main.js (smoke-test driver on); kind 'code-server' = code-server's CLI. */
export async function startServer({ env, run, codeServer, node, kind = 'server', folder }) {
  const port = await freePort();
  const logFile = createWriteStream(join(run, `${kind}.log`));
  const args = kind === 'server'
    ? [join(codeServer, 'lib/vscode/out/server-main.js'), '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
       '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
       '--reconnection-grace-time', '5', '--user-data-dir', join(run, 'ud'), '--server-data-dir', join(run, 'sd'),
       '--extensions-dir', join(run, 'ext')]
    : [join(codeServer, 'out/node/entry.js'), '--config', join(run, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
       '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--reconnection-grace-time', '5',
       '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'ext'), ...(folder ? [folder] : [])];
  const child = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(logFile); child.stderr.pipe(logFile);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}; log: ${join(run, kind + '.log')}`);
    try { const r = await fetch(kind === 'server' ? url + '/version' : url + '/healthz'); if (r.status < 500) break; } catch { /* not up */ }
    if (Date.now() > deadline) throw new Error(`${kind} did not answer on ${url} within 60 s`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, port, pid: child.pid, child, stop: () => killGroup(child.pid) };
}

export function killGroup(pid) {
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    try { process.kill(-pid, sig); } catch { return; }
    const until = Date.now() + 2000;
    while (Date.now() < until) { try { process.kill(-pid, 0); } catch { return; } Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); }
  }
}

export async function launchBrowser(found, run) {
  const { chromium } = await import(join(found.playwright, 'index.mjs'));
  return chromium.launchPersistentContext(join(run, 'browser'), {
    executablePath: found.chromium, headless: true, viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    env: { ...process.env, TMPDIR: join(run, 'tmp'), XDG_CONFIG_HOME: join(run, 'xdg-config'), XDG_CACHE_HOME: join(run, 'xdg-cache') },
  });
}

/** Runs an extension-host test module (exports run()) through the web workbench; resolves its exit code. */
export async function runExtensionTests({ found, extensionDevelopmentPath, extensionTestsPath, workspace, timeoutMs = 300_000 }) {
  const run = makeRunDir();
  const env = runEnv(run, found.nodeDir);
  let server, browser;
  try {
    server = await startServer({ env, run, codeServer: found.codeServer, node: found.node, kind: 'server' });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${resolve(p)}`;
    const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)], ['extensionTestsPath', remote(extensionTestsPath)],
      ['extensionDevelopmentKind', 'workspace']];
    browser = await launchBrowser(found, run);
    const page = browser.pages()[0] ?? await browser.newPage();
    let done;
    const exited = new Promise((r) => { done = r; });
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    // Every console line of the workbench and the extension host arrives here: the suite's reporter
    // lines (marked [mocha]) go to stdout, the rest to workbench.log in the run directory
    // (REFSCOPE_E2E_KEEP=1 keeps it; REFSCOPE_E2E_VERBOSE=1 prints it too).
    const wbLog = createWriteStream(join(run, 'workbench.log'));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      wbLog.write(`[${type}] ${text}\n`);
      for (const line of text.split('\n')) {
        if (line.startsWith('[mocha] ')) process.stdout.write(line.slice(8) + '\n');
        else if (process.env.REFSCOPE_E2E_VERBOSE) process.stdout.write(line + '\n');
      }
    });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(resolve(workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timer = new Promise((r) => setTimeout(() => r('timeout'), timeoutMs));
    const code = await Promise.race([exited, timer]);
    if (code === 'timeout') { process.stderr.write(`extension-host tests did not finish within ${timeoutMs / 1000} s\n`); return 1; }
    return Number(code) || 0;
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    if (!process.env.REFSCOPE_E2E_KEEP) rmSync(run, { recursive: true, force: true });
  }
}
