// Editor-side figure: the size of the packaged extension (.vsix), packaged as the e2e suite does
// (@vscode/vsce package, files chosen by .vscodeignore) into a temporary directory.
//   node bench/editor/vsix.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tmpDir, figure, missing } from './lib/common.mjs';

const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
if (!existsSync(VSCE)) {
  missing('.vsix size', '@vscode/vsce is not installed (npm install)');
  process.exit(0);
}
const out = join(tmpDir, 'refscope.vsix');
// (relative links in README.md need a base URL when package.json names no repository; the size
// does not depend on it)
const BASE = 'https://example.invalid/refscope';
const r = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--baseContentUrl', BASE, '--baseImagesUrl', BASE, '-o', out], {
  cwd: ROOT,
  encoding: 'utf8',
  env: { ...process.env, TMPDIR: tmpDir },
  timeout: 300_000,
});
if (r.status !== 0 || !existsSync(out)) {
  const why = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => /ERROR/.test(l)) ?? '';
  process.stderr.write(`${r.stdout}\n${r.stderr}`);
  throw new Error(`vsce package failed (exit ${r.status ?? r.signal}): ${why.trim()}`);
}
// vsce prints "Packaged: <file> (N files, S KB)"
const files = /Packaged: .*\((\d+) files?/.exec(r.stdout)?.[1];
const bytes = statSync(out).size;
figure('.vsix size', `${(bytes / 1024 / 1024).toFixed(2)}`, 'MiB', `${bytes.toLocaleString('en-US')} bytes${files ? `, ${files} files` : ''} (vsce package --no-dependencies)`);
process.exit(0);
