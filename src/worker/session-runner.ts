// The session worker: keeps one InspectSession (one document's run) and answers the host's
// hover and explain queries against it. Only the message port is node-specific.

import { parentPort } from 'node:worker_threads';
import { InspectSession } from '../core/inspect/session';
import { hoverAt, prefetchHovers } from '../core/inspect/hover';
import { explainCount } from '../core/inspect/explain';
import { graphAt } from '../core/inspect/graph';
import { makeTranslator, type Translate } from '../core/inspect/translate';
import type { WorkerRequest, WorkerReply } from '../protocol/worker';

let session: InspectSession | null = null;
let t: Translate = makeTranslator(null);
/** per hover options: the lines whose hovers were computed for this session */
let prefetched = new Map<string, Set<number>>();
const PREFETCH_RADIUS = 20;

export function handle(req: WorkerRequest): WorkerReply {
  try {
    switch (req.kind) {
      case 'run': {
        session?.dispose();
        t = makeTranslator(req.bundle);
        session = new InspectSession(req.source, req.filename, req.options);
        prefetched = new Map();
        return { kind: 'ran', id: req.id, summary: session.run() };
      }
      case 'hover':
        if (!session) return { kind: 'failed', id: req.id, message: 'no run yet' };
        {
          // a hover on a line not seen yet computes the hovers of the lines around it in one
          // replay of the program (each line's view costs a heap index): the next hovers nearby
          // are cache reads
          const opts = { commandLinks: req.commandLinks, uri: req.uri };
          const key = `${opts.commandLinks}:${opts.uri ?? ''}`;
          let done = prefetched.get(key);
          if (!done) prefetched.set(key, (done = new Set()));
          if (!done.has(req.line)) {
            const lines: number[] = [];
            for (let l = Math.max(1, req.line - PREFETCH_RADIUS); l <= req.line + PREFETCH_RADIUS; l++) {
              if (!done.has(l)) {
                done.add(l);
                lines.push(l);
              }
            }
            prefetchHovers(session, t, opts, lines);
          }
          return { kind: 'hovered', id: req.id, result: hoverAt(session, req.line, req.col, t, opts) };
        }
      case 'explain':
        if (!session) return { kind: 'failed', id: req.id, message: 'no run yet' };
        return { kind: 'explained', id: req.id, markdown: explainCount(session, req.line, req.expr, t) };
      case 'graph': {
        if (!session) return { kind: 'failed', id: req.id, message: 'no run yet' };
        const g = graphAt(session, req.line, req.expr, req.options);
        const lines = session.linesRun();
        return { kind: 'graphed', id: req.id, result: g && { ...g, minLine: lines.length ? lines[0] : 1, maxLine: lines.length ? lines[lines.length - 1] : 1 } };
      }
    }
  } catch (e) {
    return { kind: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on('message', (req: WorkerRequest) => parentPort!.postMessage(handle(req)));
