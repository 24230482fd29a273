// Editor-side figure: the size of the packaged extension (.vsix), packaged as the e2e suite does
// (@vscode/vsce package, files chosen by .vscodeignore) into a temporary directory.
//   node bench/editor/vsix.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, tmpDir, figure, missing } from './lib/common.mjs';

const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
if (!existsSync(VSCE)) {
  missing('.vsix size', '@vscode/vsce is not installed (npm install)');
  process.exit(0);
}
const out = join(tmpDir, 'refscope.vsix');
// The package is made from a staging copy of exactly the files vsce would take (`vsce ls`, which
// applies .vscodeignore), with README.md's relative links made absolute: vsce refuses relative
// image links when package.json names no repository (the size is the same give or take the prefix).
const ls = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
if (ls.status !== 0) throw new Error(`vsce ls failed: ${ls.stderr.trim().split('\n')[0]}`);
const stage = join(tmpDir, 'stage');
for (const f of ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean)) {
  if (!existsSync(join(ROOT, f))) continue;
  mkdirSync(dirname(join(stage, f)), { recursive: true });
  copyFileSync(join(ROOT, f), join(stage, f));
}
copyFileSync(join(ROOT, '.vscodeignore'), join(stage, '.vscodeignore'));
const BASE = 'https://example.invalid/refscope';
const readme = join(stage, 'README.md');
if (existsSync(readme)) writeFileSync(readme, readFileSync(readme, 'utf8').replace(/\]\((?![a-z]+:|#)([^)\s]+)\)/g, (_m, p) => `](${BASE}/${p})`));
const r = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--baseContentUrl', BASE, '--baseImagesUrl', BASE, '-o', out], {
  cwd: stage,
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
