// The session worker's idle warm-up (src/worker/session-runner.ts): after a run, while no request
// waits, the worker parses and compiles the file again and rehearses its run in a session of its
// own, so that V8 has compiled the interpreter's code before the next run. These tests drive the
// worker's message loop (serve) in this thread through a port of their own, which lets a request
// "arrive" exactly while a rehearsal runs. They check behaviour only: a request stops the
// rehearsal and is answered first; the warm-up changes no hover, no count and no later run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, resetWarmUp, warmUpState, type Port } from '../../src/worker/session-runner';
import type { WorkerRequest, WorkerReply } from '../../src/protocol/worker';
import { InspectSession, type RunSummary } from '../../src/core/inspect/session';
import { hoverAt, type HoverResult } from '../../src/core/inspect/hover';
import { makeTranslator } from '../../src/core/inspect/translate';
import { Interpreter } from '../../src/core/runtime/interp';
import { courseBlocks } from './course-program';

const t = makeTranslator(null);

/** the course blocks, then a loop long enough for a rehearsal to poll several times */
function program(n: number, k = 3): string {
  const L = courseBlocks(n, k);
  // a loop long enough that a rehearsal polls for requests several times (every 1,024 line events)
  L.push('acc = []', 'for i in range(3000):', '    acc.append(i * 2)', "print(len(acc), r0['sum'])");
  return L.join('\n') + '\n';
}

// ------------------------------------------------------------------------------ the worker

type Sent = { reply: WorkerReply; warm: ReturnType<typeof warmUpState> };
let deliver: ((m: WorkerRequest) => void) | null = null;
/** messages waiting on the port (what receiveMessageOnPort would return) */
const waitingOnPort: WorkerRequest[] = [];
/** a request to put on the port as soon as a rehearsal polls it */
let duringRehearsal: WorkerRequest | null = null;
const replies: Sent[] = [];
const port: Port = {
  postMessage: (reply) => void replies.push({ reply, warm: warmUpState() }),
  on: (_event, fn) => {
    deliver = fn;
  },
};
serve(port, () => {
  if (duringRehearsal && warmUpState().going === 'rehearse') {
    const m = duringRehearsal;
    duringRehearsal = null;
    return m;
  }
  return waitingOnPort.shift();
});

let nextId = 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function request(body: Record<string, unknown>): Promise<Sent> {
  const id = nextId++;
  deliver!({ ...body, id } as WorkerRequest);
  for (let i = 0; i < 6000; i++) {
    const s = replies.find((r) => r.reply.id === id);
    if (s) return s;
    await sleep(10);
  }
  throw new Error(`no reply to ${JSON.stringify(body).slice(0, 80)}`);
}
async function run(src: string): Promise<RunSummary> {
  const s = await request({ kind: 'run', source: src, filename: 'p.py', options: {}, bundle: null });
  assert.equal(s.reply.kind, 'ran', JSON.stringify(s.reply).slice(0, 300));
  return (s.reply as { summary: RunSummary }).summary;
}
async function hover(line: number, col: number): Promise<HoverResult | null> {
  const s = await request({ kind: 'hover', line, col, commandLinks: true });
  assert.equal(s.reply.kind, 'hovered');
  return (s.reply as { result: HoverResult | null }).result;
}
async function hoverCount(): Promise<number> {
  const s = await request({ kind: 'status' });
  return (s.reply as { hovers: number }).hovers;
}
async function warmedUp(): Promise<void> {
  for (let i = 0; i < 6000 && warmUpState().pending; i++) await sleep(10);
  assert.equal(warmUpState().pending, false, 'the warm-up did not end');
}

/** What a session of its own shows (the CLI's path). */
function expected(src: string, line: number, col: number): HoverResult | null {
  const s = new InspectSession(src, 'p.py', {});
  s.run();
  const h = hoverAt(s, line, col, t, { commandLinks: true });
  s.dispose();
  return h;
}
function fresh(src: string): RunSummary {
  const s = new InspectSession(src, 'p.py', {});
  const r = s.run();
  s.dispose();
  return r;
}
const comparable = (s: RunSummary) => ({ ...s, durationMs: 0 });

// ------------------------------------------------------------------------------ tests

test('a re-run in the worker runs the program once (no second recording for the builtins every run makes)', async () => {
  await run(program(2));
  await warmedUp();
  resetWarmUp(0);
  const start = Interpreter.prototype.start;
  let starts = 0;
  Interpreter.prototype.start = function (this: Interpreter, filename: string) {
    starts++;
    return start.call(this, filename);
  };
  try {
    await run(program(2, 5));
  } finally {
    Interpreter.prototype.start = start;
  }
  assert.equal(starts, 1);
  assert.equal(warmUpState().pending, false, 'a worker without rounds left rehearsed');
});

test('the warm-up rehearses while idle; a request that arrives during a rehearsal stops it and is answered first', async () => {
  const src = program(6);
  resetWarmUp(2, Infinity);
  await run(src);
  assert.equal(warmUpState().pending, true);
  // a hover on a line no view has computed yet: the worker computes it on demand
  const [line, col] = [4 * 10 + 4, 14];
  duringRehearsal = { kind: 'hover', id: 9_000, line, col, commandLinks: true };
  await warmedUp();
  assert.equal(duringRehearsal, null, 'no rehearsal polled the port');
  const answered = replies.find((r) => r.reply.id === 9_000);
  assert.ok(answered, 'the hover was not answered');
  // answered while the interrupted rehearsal had not finished (none had), then the rounds were done
  assert.equal(answered.warm.rehearsals, 0);
  assert.equal(answered.warm.stopped, 1);
  const end = warmUpState();
  assert.equal(end.stopped, 1);
  assert.equal(end.rehearsals, 2);
  assert.ok(end.compiles >= 2, `${end.compiles} compiles`);
  assert.deepEqual((answered.reply as { result: HoverResult | null }).result, expected(src, line, col));
});

test('the warm-up changes no hover, no count and no later run', async () => {
  const src = program(5);
  resetWarmUp(3, Infinity);
  const summary = await run(src);
  const before = await hover(2 * 10 + 8, 5);
  const n = await hoverCount();
  await warmedUp();
  assert.equal(warmUpState().rehearsals, 3);
  // the session's computed hovers are the same, and those computed after it are a fresh session's
  assert.equal(await hoverCount(), n);
  assert.deepEqual(await hover(2 * 10 + 8, 5), before);
  for (const [l, c] of [
    [10, 1],
    [3 * 10 + 4, 14],
    [53, 5],
  ]) {
    assert.deepEqual(await hover(l, c), expected(src, l, c));
  }
  assert.deepEqual(comparable(summary), comparable(fresh(src)));
  // the next run (an edited text) shows what a fresh session shows
  const edited = program(5, 4);
  resetWarmUp(1, Infinity);
  const next = await run(edited);
  await warmedUp();
  assert.deepEqual(comparable(next), comparable(fresh(edited)));
  assert.deepEqual(await hover(3 * 10 + 10, 1), expected(edited, 3 * 10 + 10, 1));
});

test('a slice that takes too long ends the warm-up of the session', async () => {
  resetWarmUp(2, 0);
  await run(program(2));
  assert.equal(warmUpState().pending, true);
  await warmedUp();
  // the first slice (the parse) took longer than 0 ms: nothing followed it
  const s = warmUpState();
  assert.equal(s.compiles, 0);
  assert.equal(s.rehearsals, 0);
  assert.equal(s.left, 2);
});

test('a long program is not rehearsed', async () => {
  resetWarmUp(2, Infinity);
  await run('x = 0\nfor i in range(120000):\n    x += i\nprint(x)\n');
  assert.equal(warmUpState().pending, false);
  await sleep(100);
  assert.equal(warmUpState().compiles, 0);
});
