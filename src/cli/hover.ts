// `refscope hover FILE LINE COL [--lang zh-cn] [--links]`: prints the Markdown the editor's hover
// shows for the expression at LINE:COL (both 1-based; COL in UTF-16 code units as VS Code counts),
// computed in a worker thread by the same code as the extension.

import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WORKER_STACK_MB } from '../worker/node-client';
import type { HoverRequest, HoverReply } from '../worker/hover-runner';

function usage(): never {
  process.stderr.write('usage: refscope hover FILE LINE COL [--lang zh-cn] [--links]\n');
  process.exit(2);
}

/** The zh-cn bundle next to dist (built by esbuild.mjs), or the parts it is merged from. */
export function loadBundle(lang: string, dir = __dirname): Record<string, string> | null {
  if (lang === 'en' || lang === 'en-us') return null;
  for (const root of [join(dir, '..'), process.cwd()]) {
    const bundle = join(root, 'l10n', `bundle.l10n.${lang}.json`);
    if (existsSync(bundle)) return JSON.parse(readFileSync(bundle, 'utf8')) as Record<string, string>;
    const parts = join(root, 'l10n', 'parts');
    if (existsSync(parts)) {
      const merged: Record<string, string> = {};
      for (const f of readdirSync(parts).filter((n) => n.endsWith(`.${lang}.json`))) Object.assign(merged, JSON.parse(readFileSync(join(parts, f), 'utf8')));
      if (Object.keys(merged).length) return merged;
    }
  }
  return null;
}

function hoverInWorker(workerFile: string, req: HoverRequest, timeoutMs: number): Promise<HoverReply> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerFile, { workerData: req, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      void w.terminate();
      resolve({ ok: false, message: `the program did not finish within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    w.once('message', (r: HoverReply) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
      void w.terminate();
    });
    w.once('error', (e) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(e);
    });
  });
}

export async function main(argv: string[]): Promise<void> {
  let lang = 'en';
  let links = false;
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') lang = (argv[++i] ?? usage()).toLowerCase();
    else if (a.startsWith('--lang=')) lang = a.slice(7).toLowerCase();
    else if (a === '--links') links = true;
    else if (a.startsWith('--')) usage();
    else pos.push(a);
  }
  if (pos.length !== 3) usage();
  const [file, ls, cs] = pos;
  const line = Number(ls);
  const col = Number(cs);
  if (!Number.isInteger(line) || !Number.isInteger(col) || line < 1 || col < 1) {
    process.stderr.write('refscope hover: LINE and COL are 1-based numbers\n');
    process.exit(2);
  }
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`refscope: can't open file '${file}': [Errno 2] No such file or directory\n`);
    process.exit(2);
  }
  const bundle = loadBundle(lang);
  if (lang !== 'en' && lang !== 'en-us' && !bundle) process.stderr.write(`refscope hover: no translations for '${lang}', using English\n`);
  const reply = await hoverInWorker(join(__dirname, 'hover-worker.js'), { source, filename: file, line, col, bundle, commandLinks: links, options: { hostFiles: process.cwd() } }, 60_000);
  if (!reply.ok) {
    process.stderr.write(`refscope hover: ${reply.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (reply.error) process.stderr.write(`refscope hover: the program stopped at line ${reply.error.line}: ${reply.error.message}\n`);
  if (!reply.result) {
    process.stderr.write(`refscope hover: no name, attribute or subscript at ${file}:${line}:${col}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(reply.result.markdown + '\n');
}
