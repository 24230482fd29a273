// The host side of one document's session worker. No 'vscode' import: unit-tested directly.
// User code never runs on the host's thread: a run that exceeds its wall-time budget, or that a
// newer run replaces, is stopped by terminating the worker.

import { Worker } from 'node:worker_threads';
import type { SessionOptions, RunSummary } from '../core/inspect/session';
import type { HoverResult } from '../core/inspect/hover';
import type { WorkerRequest, WorkerReply, GraphReply } from '../protocol/worker';
import type { GraphOptions } from '../core/inspect/graph-types';

/** the stack CPython's recursion limit of 1000 needs in our interpreter */
export const SESSION_STACK_MB = 256;

export type RunOutcome =
  | { status: 'done'; summary: RunSummary }
  | { status: 'timeout'; ms: number }
  | { status: 'cancelled' }
  | { status: 'crashed'; message: string };

type Pending = { resolve: (r: WorkerReply | null) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export class SessionClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** the document version of the last finished run */
  version: number | null = null;
  private runToken = 0;

  constructor(private readonly workerFile: string) {}

  /** Run `source`: in the same worker when it is idle (a warm worker re-runs a file many times
   * faster than a fresh thread), else in a fresh one; a run or query still going is cancelled
   * by terminating its worker. With `prefetch` (the options of the hovers to come), the worker
   * computes the hovers of the whole file in the background after the run (it stays idle for
   * requests: they are answered between views, a new run stops it). */
  async run(
    source: string,
    filename: string,
    version: number,
    options: SessionOptions,
    bundle: Record<string, string> | null,
    timeoutMs: number,
    prefetch: { commandLinks: boolean; uri?: string } | null = null,
  ): Promise<RunOutcome> {
    const token = ++this.runToken;
    const idle = this.worker !== null && this.pending.size === 0;
    if (!idle) this.stop();
    this.version = null;
    const w = idle ? this.worker! : this.start();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const reply = this.request(w, { kind: 'run', source, filename, options, bundle, prefetch });
    const r = await Promise.race([reply, timedOut]);
    if (timer) clearTimeout(timer);
    if (token !== this.runToken) return { status: 'cancelled' };
    if (r === 'timeout') {
      this.stop();
      return { status: 'timeout', ms: timeoutMs };
    }
    if (!r) return { status: 'cancelled' };
    if (r.kind === 'failed') return { status: 'crashed', message: r.message };
    if (r.kind !== 'ran') return { status: 'crashed', message: `unexpected reply ${r.kind}` };
    this.version = version;
    return { status: 'done', summary: r.summary };
  }

  /** The hover at a 1-based line and UTF-16 column of the last finished run. */
  async hover(line: number, col: number, commandLinks: boolean, uri?: string): Promise<HoverResult | null> {
    if (!this.worker || this.version === null) return null;
    const r = await this.request(this.worker, { kind: 'hover', line, col, commandLinks, uri });
    return r && r.kind === 'hovered' ? r.result : null;
  }

  async explain(line: number, expr: string): Promise<string | null> {
    if (!this.worker || this.version === null) return null;
    const r = await this.request(this.worker, { kind: 'explain', line, expr });
    return r && r.kind === 'explained' ? r.markdown : null;
  }

  /** The reference graph of `expr` at the state after `line` last ran, for the graph panel. */
  async graph(line: number, expr: string, options: GraphOptions): Promise<GraphReply | null> {
    if (!this.worker || this.version === null) return null;
    const r = await this.request(this.worker, { kind: 'graph', line, expr, options });
    return r && r.kind === 'graphed' ? r.result : null;
  }

  /** Cancel a run that is going, and forget the session. */
  stop(): void {
    const w = this.worker;
    this.worker = null;
    this.version = null;
    for (const p of this.pending.values()) p.resolve(null);
    this.pending.clear();
    if (w) void w.terminate();
  }

  dispose(): void {
    this.runToken++;
    this.stop();
  }

  private start(): Worker {
    const w = new Worker(this.workerFile, { resourceLimits: { stackSizeMb: SESSION_STACK_MB } });
    w.on('message', (r: WorkerReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      p.resolve(r);
    });
    w.on('error', (e) => {
      if (this.worker !== w) return;
      for (const [id, p] of this.pending) p.resolve({ kind: 'failed', id, message: e.message });
      this.pending.clear();
      this.worker = null;
      this.version = null;
    });
    this.worker = w;
    return w;
  }

  private request(w: Worker, body: RequestBody): Promise<WorkerReply | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      w.postMessage({ ...body, id } as WorkerRequest);
    });
  }
}
