// The extension-host suite's entry (the @vscode/test-electron contract: a module exporting run()).
// Mocha comes from the extension's own node_modules (the bundle lives in a temporary directory).
import * as vscode from 'vscode';
import { join } from 'node:path';
import { format } from 'node:util';

export const EXTENSION_ID = 'refscope.refscope';

export function run(): Promise<void> {
  const root = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath;
  if (!root) return Promise.reject(new Error(`extension ${EXTENSION_ID} is not loaded`));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(join(root, 'node_modules', 'mocha')) as typeof import('mocha');
  // The runner prints the lines marked [mocha] (the workbench forwards every console line).
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    for (const line of format(...args).split('\n')) console.log(`[mocha] ${line}`);
  };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'refscope.test.ts', mocha);
  require('./refscope.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
