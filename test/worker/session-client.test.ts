// The extension's session worker client (src/extension/session-client.ts) with the built worker
// (dist/session-worker.js): user code never blocks the host's thread.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { SessionClient as Client } from '../../src/extension/session-client';

const WORKER = join(process.cwd(), 'dist/session-worker.js');

// every client is disposed after its test, even a failing one (a live worker keeps node running)
const clients: Client[] = [];
class SessionClient extends Client {
  constructor(file: string) {
    super(file);
    clients.push(this);
  }
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

test('an infinite loop is stopped by the wall-time budget while the host keeps ticking', async () => {
  const c = new SessionClient(WORKER);
  let ticks = 0;
  const iv = setInterval(() => ticks++, 20);
  const started = Date.now();
  const r = await c.run('while True:\n    pass\n', 'loop.py', 1, {}, null, 1000);
  clearInterval(iv);
  assert.equal(r.status, 'timeout');
  assert.ok(Date.now() - started < 5000);
  assert.ok(ticks >= 20, `the host thread ticked only ${ticks} times during the run`);
  assert.equal(await c.hover(1, 1, false), null);
  c.dispose();
});

test('a newer run cancels a stale one', async () => {
  const c = new SessionClient(WORKER);
  const stale = c.run('while True:\n    pass\n', 'a.py', 1, {}, null, 30_000);
  const fresh = c.run('x = [1]\nprint(len(x))\n', 'a.py', 2, {}, null, 30_000);
  const [s, f] = await Promise.all([stale, fresh]);
  assert.equal(s.status, 'cancelled');
  assert.equal(f.status, 'done');
  if (f.status === 'done') assert.equal(f.summary.stdout, '1\n');
  assert.equal(c.version, 2);
  c.dispose();
});

test('runaway recursion ends with RecursionError at the limit of 1000, reported on its line', async () => {
  const c = new SessionClient(WORKER);
  const r = await c.run('def f(n):\n    return f(n + 1)\nf(0)\n', 'rec.py', 1, {}, null, 30_000);
  assert.equal(r.status, 'done');
  if (r.status !== 'done') return;
  assert.equal(r.summary.error?.kind, 'exception');
  assert.match(r.summary.error!.message, /^RecursionError: maximum recursion depth exceeded/);
  assert.equal(r.summary.error!.line, 2);
  c.dispose();
});

test('a memory bomb is stopped by the heap budget with a clear message', async () => {
  const c = new SessionClient(WORKER);
  const r = await c.run('a = []\nwhile True:\n    a.append([0] * 1000)\n', 'bomb.py', 1, { maxHeapBytes: 64 * 1024 * 1024 }, null, 60_000);
  assert.equal(r.status, 'done');
  if (r.status !== 'done') return;
  assert.equal(r.summary.error?.kind, 'limit');
  assert.match(r.summary.error!.message, /more than 64 MB/);
  assert.ok(r.summary.error!.line >= 2, `stopped at line ${r.summary.error!.line}`);
  c.dispose();
});

test('the hover of the lesson example answers from the worker: count and holders', async () => {
  const c = new SessionClient(WORKER);
  const src = readFileSync('examples/lesson24_refcount.py', 'utf8');
  const r = await c.run(src, 'examples/lesson24_refcount.py', 7, {}, null, 30_000);
  assert.equal(r.status, 'done');
  assert.equal(c.version, 7);
  // line 12: `print(sys.getrefcount(a))` inside func(a); column of `a` in getrefcount(a)
  const line = src.split('\n')[11];
  const h = await c.hover(12, line.lastIndexOf('a)') + 1, true, 'file:///x.py');
  assert.ok(h, 'a hover');
  assert.match(h!.markdown, /would print \*\*3\*\*/);
  assert.match(h!.markdown, /global `a`/);
  assert.match(h!.markdown, /command:refscope\.explainCount/);
  const ex = await c.explain(12, 'a');
  assert.ok(ex && ex.length > 0);
  c.dispose();
});

test('the graph request: the graph at a line, the timeline range, and the graphs objgraph drew', async () => {
  const c = new SessionClient(WORKER);
  const src = ['import objgraph', 'a = [1, 2, 3]', 'b = [4, 5, 6]', 'a.append(b)', 'b.append(a)', "objgraph.show_refs([a], filename='lesson.dot')", 'x = 1', ''].join('\n');
  const r = await c.run(src, 'lesson.py', 1, {}, null, 30_000);
  assert.equal(r.status, 'done');
  if (r.status !== 'done') return;
  assert.equal(r.summary.stdout, 'Graph written to lesson.dot (8 nodes)\n');
  assert.equal(r.summary.graphs?.length, 1);
  assert.equal(r.summary.graphs![0].line, 6);
  assert.equal(r.summary.graphs![0].model.nodes.length, 8);
  const g = await c.graph(5, 'a', { direction: 'refs' });
  assert.ok(g);
  assert.equal(g.ran, true);
  assert.equal(g.minLine, 1);
  assert.equal(g.maxLine, 7);
  assert.equal(g.model.nodes.filter((n) => n.kind === 'object').length, 8);
  assert.match(g.dot, /^digraph ObjectGraph \{/);
  const before = await c.graph(2, 'a', { direction: 'refs' });
  assert.equal(before!.model.nodes.length, 4, 'after line 2, a holds three ints');
  assert.equal(await c.graph(2, 'b', { direction: 'refs' }), null, 'b is not bound yet');
});

test('an idle worker is reused for the next run, and answers for the new source only', async () => {
  const c = new SessionClient(WORKER);
  const r1 = await c.run('a = [1]\nb = a\n', 'w.py', 1, {}, null, 30_000);
  assert.equal(r1.status, 'done');
  const worker1 = (c as unknown as { worker: unknown }).worker;
  assert.match((await c.hover(1, 1, false))!.markdown, /global `?a`?/);
  const r2 = await c.run('x = (1, [2])\na = x[1]\n', 'w.py', 2, {}, null, 30_000);
  assert.equal(r2.status, 'done');
  assert.equal((c as unknown as { worker: unknown }).worker, worker1, 'the same worker thread ran both');
  assert.equal(c.version, 2);
  const h = (await c.hover(2, 1, false))!.markdown;
  assert.match(h, /item \[1\] of tuple/);
});

test('open() in the editor reads the files of the hostFiles directory; what the program writes stays in the run', async () => {
  const { mkdtempSync, writeFileSync, existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'refscope-session-open-'));
  writeFileSync(join(dir, 'data.txt'), 'line one\nline two\n');
  const src = "rows = open('data.txt').read().splitlines()\nwith open('out.txt', 'w') as f:\n    f.write(str(len(rows)))\nprint(rows, open('out.txt').read())\n";
  const c = new SessionClient(WORKER);
  const r = await c.run(src, join(dir, 'prog.py'), 1, { hostFiles: dir }, null, 30_000);
  assert.equal(r.status, 'done');
  if (r.status !== 'done') return;
  assert.equal(r.summary.stdout, "['line one', 'line two'] 2\n");
  assert.equal(existsSync(join(dir, 'out.txt')), false);
  // without a directory the program sees only the files it wrote
  const r2 = await c.run("open('data.txt')\n", 'untitled.py', 2, {}, null, 30_000);
  assert.equal(r2.status, 'done');
  if (r2.status === 'done') assert.match(r2.summary.error!.message, /^FileNotFoundError: \[Errno 2\] No such file or directory: 'data.txt'/);
  c.dispose();
});
