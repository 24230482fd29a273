// Editor-side figures on the lesson's own allocation (bench/programs/listcomp_10m.py: a
// 10,000,000-int list built by a comprehension in a function): what a learner who opens the
// lesson's example waits for, through the extension's own path (SessionClient talking to
// dist/session-worker.js, the extension's default options, the background prefetch of the file's
// hovers). The run is the recorded run (line events, every object's id() address); the hover on
// `a` in the function is answered by a replay of the program to that line (src/core/inspect/
// session.ts), or from the prefetch when it got there first.
//   node bench/editor/lesson.mjs [--quick]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, quick, importBundle, figure, missing, ms, now } from './lib/common.mjs';

const WORKER = join(DIST, 'session-worker.js');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const OPTIONS = { stdin: '', stepLimit: PKG.contributes.configuration.properties['refscope.stepLimit'].default, maxHeapBytes: 2048 * 1024 * 1024 };
const PREFETCH = { commandLinks: true };
const HOVER_DELAY_MS = 300;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!existsSync(WORKER)) {
  for (const m of ['lesson 10M list: run', 'lesson 10M list: hover']) missing(m, 'dist/session-worker.js (run node esbuild.mjs)');
  process.exit(0);
}
const { SessionClient } = await importBundle('session-client', "export { SessionClient } from './src/extension/session-client';");

const file = join(ROOT, 'bench', 'programs', 'listcomp_10m.py');
let src = readFileSync(file, 'utf8');
if (quick) src = src.replace('10000000', '1000000').replace('5000000]', '500000]');
const lines = src.split('\n');
const line = lines.findIndex((l) => l.trim() === 'return a') + 1;
if (line === 0) throw new Error('lesson: no `return a` line in listcomp_10m.py');
const col = lines[line - 1].indexOf('a', lines[line - 1].indexOf('return') + 6) + 1;
const n = quick ? '1,000,000' : '10,000,000';

const client = new SessionClient(WORKER);
const t0 = now();
const r = await client.run(src, 'listcomp_10m.py', 1, OPTIONS, null, 300_000, PREFETCH);
const runMs = now() - t0;
if (r.status !== 'done' || r.summary.error) throw new Error(`the lesson's program did not run: ${JSON.stringify(r).slice(0, 300)}`);
await sleep(HOVER_DELAY_MS);
const t1 = now();
const h = await client.hover(line, col, true);
const hoverMs = now() - t1;
client.dispose();
if (!h || !/\*\*list\*\*/.test(h.markdown ?? '')) throw new Error(`lesson: the hover on \`a\` (${line}:${col}) shows no list: ${JSON.stringify(h).slice(0, 300)}`);
figure('lesson 10M list: run', ms(runMs), 'ms', `the lesson's ${n}-int comprehension (listcomp_10m.py) in a fresh document worker, host → worker → host (the run alone: ${ms(r.summary.durationMs)} ms)`);
figure('lesson 10M list: hover', ms(hoverMs), 'ms', `\`a\` on line ${line}, ${HOVER_DELAY_MS} ms after the run's reply: a replay of the program to that line (or the background prefetch's)`);
process.exit(0);
