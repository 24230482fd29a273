// The session worker: keeps one InspectSession (one document's run) and answers the host's
// hover and explain queries against it. Only the message port is node-specific.

import { parentPort } from 'node:worker_threads';
import { InspectSession } from '../core/inspect/session';
import { hoverAt } from '../core/inspect/hover';
import { explainCount } from '../core/inspect/explain';
import { graphAt } from '../core/inspect/graph';
import { makeTranslator, type Translate } from '../core/inspect/translate';
import type { WorkerRequest, WorkerReply } from '../protocol/worker';

let session: InspectSession | null = null;
let t: Translate = makeTranslator(null);

export function handle(req: WorkerRequest): WorkerReply {
  try {
    switch (req.kind) {
      case 'run': {
        session?.dispose();
        t = makeTranslator(req.bundle);
        session = new InspectSession(req.source, req.filename, req.options);
        return { kind: 'ran', id: req.id, summary: session.run() };
      }
      case 'hover':
        if (!session) return { kind: 'failed', id: req.id, message: 'no run yet' };
        return { kind: 'hovered', id: req.id, result: hoverAt(session, req.line, req.col, t, { commandLinks: req.commandLinks, uri: req.uri }) };
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
