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
/** hover options whose hovers were all computed in one replay for this session */
let prefetched = new Set<string>();

export function handle(req: WorkerRequest): WorkerReply {
  try {
    switch (req.kind) {
      case 'run': {
        session?.dispose();
        t = makeTranslator(req.bundle);
        session = new InspectSession(req.source, req.filename, req.options);
        prefetched = new Set();
        return { kind: 'ran', id: req.id, summary: session.run() };
      }
      case 'hover':
        if (!session) return { kind: 'failed', id: req.id, message: 'no run yet' };
        {
          // the first hover computes every line's hovers in one replay of the program; the
          // others are then answered from the cache instead of a replay each
          const opts = { commandLinks: req.commandLinks, uri: req.uri };
          const key = `${opts.commandLinks}:${opts.uri ?? ''}`;
          if (!prefetched.has(key)) {
            prefetched.add(key);
            prefetchHovers(session, t, opts);
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
