// The session worker's background prefetch (src/worker/session-runner.ts) with the built worker
// (dist/session-worker.js): after a run that asks for it, the worker computes the hovers of the
// whole file between requests; a hover that arrives meanwhile is answered before the prefetch
// ends; a new run stops it and no hover of the old text is served afterwards. Every hover equals
// the one hoverAt computes in a session of its own (the CLI's path).
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerReply } from '../../src/protocol/worker';
import { InspectSession } from '../../src/core/inspect/session';
import { hoverAt, type HoverResult } from '../../src/core/inspect/hover';
import { makeTranslator } from '../../src/core/inspect/translate';
import { courseBlocks } from './course-program';

const WORKER = join(process.cwd(), 'dist/session-worker.js');
const t = makeTranslator(null);

type Body = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** A raw session worker: requests in, replies by id, in the order they came. */
class Raw {
  readonly w = new Worker(WORKER, { resourceLimits: { stackSizeMb: 256 } });
  private next = 1;
  private waiting = new Map<number, (r: WorkerReply) => void>();
  /** the ids of the replies, in arrival order */
  readonly order: number[] = [];
  constructor() {
    this.w.on('message', (r: WorkerReply) => {
      this.order.push(r.id);
      this.waiting.get(r.id)?.(r);
      this.waiting.delete(r.id);
    });
  }
  send(body: Body): { id: number; reply: Promise<WorkerReply> } {
    const id = this.next++;
    const reply = new Promise<WorkerReply>((resolve) => this.waiting.set(id, resolve));
    this.w.postMessage({ ...body, id });
    return { id, reply };
  }
  async status(): Promise<{ prefetching: boolean; hovers: number }> {
    const r = await this.send({ kind: 'status' }).reply;
    assert.equal(r.kind, 'status');
    return r as { prefetching: boolean; hovers: number };
  }
  async hover(line: number, col: number): Promise<HoverResult | null> {
    const r = await this.send({ kind: 'hover', line, col, commandLinks: true }).reply;
    assert.equal(r.kind, 'hovered', JSON.stringify(r));
    return (r as { result: HoverResult | null }).result;
  }
  async idle(timeoutMs = 120_000): Promise<number> {
    const t0 = Date.now();
    for (;;) {
      const s = await this.status();
      if (!s.prefetching) return s.hovers;
      if (Date.now() - t0 > timeoutMs) throw new Error('the prefetch did not end');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
const raws: Raw[] = [];
afterEach(async () => {
  for (const r of raws.splice(0)) await r.w.terminate();
});
function raw(): Raw {
  const r = new Raw();
  raws.push(r);
  return r;
}

function program(n: number, k = 3): string {
  return courseBlocks(n, k).join('\n') + '\n';
}
/** (line, col) of r<b>, items and self.tags in block b */
const targets = (b: number) => [
  [b * 10 + 10, 1],
  [b * 10 + 8, 5],
  [b * 10 + 4, 14],
];
function expected(src: string, line: number, col: number): HoverResult | null {
  const s = new InspectSession(src, 'p.py', {});
  s.run();
  const h = hoverAt(s, line, col, t, { commandLinks: true });
  s.dispose();
  return h;
}
async function run(r: Raw, src: string, viewDelayMs?: number): Promise<void> {
  const reply = await r.send({ kind: 'run', source: src, filename: 'p.py', options: {}, bundle: null, prefetch: { commandLinks: true, viewDelayMs } }).reply;
  assert.equal(reply.kind, 'ran', JSON.stringify(reply).slice(0, 300));
}

test('after a run the worker computes every hover of the file in the background; hovers then read it', async () => {
  const src = program(6);
  const r = raw();
  await run(r, src);
  const n = await r.idle();
  // 6 blocks: every name, attribute and subscript of every line
  assert.ok(n > 6 * 20, `only ${n} hovers were computed`);
  for (const b of [0, 3, 5]) {
    for (const [line, col] of targets(b)) {
      const h = await r.hover(line, col);
      assert.ok(h && h.markdown.includes('Who holds it'), `no hover at ${line}:${col}`);
      assert.deepEqual(h, expected(src, line, col));
    }
  }
  // reading the cache computed nothing new
  assert.equal((await r.status()).hovers, n);
});

test('a hover that arrives during the prefetch is answered before the prefetch ends', async () => {
  const src = program(60);
  const r = raw();
  // 2 ms after each view: the prefetch of the 600 lines takes over a second however fast the
  // interpreter is, so the hover below surely arrives while it goes
  await run(r, src, 2);
  await new Promise((res) => setTimeout(res, 100));
  assert.equal((await r.status()).prefetching, true);
  // the last block's lines: the prefetch reaches them last
  const [line, col] = targets(59)[0];
  const hr = await r.send({ kind: 'hover', line, col, commandLinks: true }).reply;
  assert.equal(hr.kind, 'hovered');
  assert.deepEqual((hr as { result: HoverResult | null }).result, expected(src, line, col));
  const sr = await r.status();
  assert.equal(sr.prefetching, true, 'the prefetch had ended: the program is too small for this test');
  // the lines the prefetch skipped to answer it come later: everything ends computed
  const n = await r.idle();
  assert.ok(n > sr.hovers, `${sr.hovers} hovers were computed when the hover was answered, ${n} in the end`);
  for (const [l, c] of [targets(1)[2], targets(30)[1], targets(58)[0]]) assert.deepEqual(await r.hover(l, c), expected(src, l, c));
});

test('a new run during the prefetch stops it, and the hovers are those of the new text', async () => {
  const old = program(40, 3);
  const fresh = program(40, 5);
  const r = raw();
  await run(r, old, 2);
  // the run is answered while the old prefetch was going (it stops for the request)
  assert.equal((await r.status()).prefetching, true);
  await run(r, fresh);
  const [line, col] = targets(2)[1];
  const h = await r.hover(line, col);
  assert.deepEqual(h, expected(fresh, line, col));
  assert.notDeepEqual(h, expected(old, line, col));
  await r.idle();
  for (const [l, c] of [targets(0)[0], targets(39)[1]]) {
    const x = await r.hover(l, c);
    assert.deepEqual(x, expected(fresh, l, c));
  }
});

test('explain and graph requests during the prefetch are answered, and the prefetch goes on', async () => {
  const src = program(40);
  const r = raw();
  await run(r, src);
  const e = await r.send({ kind: 'explain', line: 30, expr: 'r2' }).reply;
  assert.equal(e.kind, 'explained');
  assert.match((e as { markdown: string | null }).markdown ?? '', /r2/);
  const n = await r.idle();
  assert.ok(n > 40 * 20, `only ${n} hovers were computed`);
});

test('without prefetch options the worker computes hovers only when asked', async () => {
  const src = program(3);
  const r = raw();
  const reply = await r.send({ kind: 'run', source: src, filename: 'p.py', options: {}, bundle: null }).reply;
  assert.equal(reply.kind, 'ran');
  const s = await r.status();
  assert.equal(s.prefetching, false);
  assert.equal(s.hovers, 0);
  const [line, col] = targets(1)[0];
  assert.deepEqual(await r.hover(line, col), expected(src, line, col));
});
