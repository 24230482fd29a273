#!/usr/bin/env node
// Stands in for a desktop VS Code executable for @vscode/test-electron's runTests(): parses
// --extensionDevelopmentPath=, --extensionTestsPath= and the workspace argument, and runs the tests in
// the VS Code server bundled with code-server (node extension host) driven by headless Chromium.
import { locate } from '../../scripts/e2e-setup.mjs';
import { runExtensionTests } from '../../scripts/vscode-host.mjs';

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const workspace = args.find((a) => !a.startsWith('-'));
const found = locate();
if (!found.codeServer || !found.chromium || !found.node || !found.playwright) {
  console.error('code-shim: run `node scripts/e2e-setup.mjs` first (code-server, node 24, chromium, playwright-core)');
  process.exit(2);
}
const code = await runExtensionTests({ found, extensionDevelopmentPath: opt('extensionDevelopmentPath'),
  extensionTestsPath: opt('extensionTestsPath'), workspace });
process.exit(code);
