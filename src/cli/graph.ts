// `refscope graph FILE --line L --name EXPR [--refs|--backrefs] [--max-depth N] [--too-many N]
// [--format dot|json|svg]`: the reference graph of EXPR at the state right after line L last ran,
// computed in the session worker by the same code as the editor's graph panel.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SessionClient } from '../extension/session-client';
import { toSvg } from '../core/inspect/svg';
import type { GraphOptions } from '../core/inspect/graph-types';

const USAGE = 'usage: refscope graph FILE.py --line L --name EXPR [--refs|--backrefs] [--max-depth N] [--too-many N] [--format dot|json|svg]\n';

function fail(message: string, code = 2): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(code);
}

function intOption(v: string | undefined, name: string): number {
  if (v === undefined || !/^\d+$/.test(v)) fail(`refscope graph: ${name} needs a whole number\n${USAGE}`);
  return Number(v);
}

export async function main(argv: string[]): Promise<void> {
  let file: string | null = null;
  let line: number | null = null;
  let name: string | null = null;
  let format = 'dot';
  const opts: GraphOptions = { direction: 'backrefs' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--line') line = intOption(argv[++i], '--line');
    else if (a === '--name') name = argv[++i] ?? fail(USAGE);
    else if (a === '--refs') opts.direction = 'refs';
    else if (a === '--backrefs') opts.direction = 'backrefs';
    else if (a === '--max-depth') opts.maxDepth = intOption(argv[++i], '--max-depth');
    else if (a === '--too-many') opts.tooMany = intOption(argv[++i], '--too-many');
    else if (a === '--hide-shared') opts.hideShared = true;
    else if (a === '--format') format = argv[++i] ?? fail(USAGE);
    else if (a.startsWith('--')) fail(`refscope graph: unknown option ${a}\n${USAGE}`);
    else if (file === null) file = a;
    else fail(USAGE);
  }
  if (!file || line === null || !name) fail(USAGE);
  if (!['dot', 'json', 'svg'].includes(format)) fail(`refscope graph: --format is dot, json or svg\n${USAGE}`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    fail(`refscope: can't open file '${file}': [Errno 2] No such file or directory`);
  }
  const client = new SessionClient(join(__dirname, 'session-worker.js'));
  try {
    const r = await client.run(source, file, 1, { hostFiles: process.cwd() }, null, 60_000);
    if (r.status === 'timeout') fail(`refscope graph: the program did not finish within ${r.ms / 1000} s`, 1);
    if (r.status !== 'done') fail(`refscope graph: the run failed${r.status === 'crashed' ? `: ${r.message}` : ''}`, 1);
    const g = await client.graph(line, name, opts);
    if (!g) fail(`refscope graph: \`${name}\` has no value after line ${line} (the name is not bound there)`, 1);
    if (!g.ran) process.stderr.write(`refscope graph: line ${line} never ran; the graph shows the state where the program stopped\n`);
    if (format === 'json') process.stdout.write(JSON.stringify(g.model, null, 2) + '\n');
    else if (format === 'svg') process.stdout.write(toSvg(g.model));
    else process.stdout.write(g.dot);
  } finally {
    client.dispose();
  }
}
