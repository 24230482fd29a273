// Worker-thread entry (node) for `refscope hover`: runs the file in an InspectSession with a large
// stack and posts the hover's Markdown back (the same code the extension's hover uses).

import { parentPort, workerData } from 'node:worker_threads';
import { withHostFiles } from './node-fs';
import { InspectSession, type SessionOptions, type ProgramError } from '../core/inspect/session';
import { hoverAt, type HoverResult } from '../core/inspect/hover';
import { makeTranslator } from '../core/inspect/translate';

export interface HoverRequest {
  source: string;
  filename: string;
  /** 1-based line and UTF-16 column */
  line: number;
  col: number;
  bundle: Record<string, string> | null;
  commandLinks: boolean;
  options: SessionOptions;
}

export type HoverReply = { ok: true; result: HoverResult | null; error: ProgramError | null } | { ok: false; message: string };

const req = workerData as HoverRequest;
let reply: HoverReply;
try {
  const s = new InspectSession(req.source, req.filename, withHostFiles(req.options));
  const summary = s.run();
  const result = hoverAt(s, req.line, req.col, makeTranslator(req.bundle), { commandLinks: req.commandLinks });
  reply = { ok: true, result, error: summary.error };
} catch (e) {
  reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
parentPort!.postMessage(reply);
