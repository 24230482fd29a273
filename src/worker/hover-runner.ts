// The worker thread (node) of `refscope hover` (dist/hover-core.js, loaded by cached-entry.ts): runs the file in an InspectSession with a large
// stack and posts the hover's Markdown back (the same code the extension's hover uses).

import { withHostFiles } from './node-fs';
import { installFrozenFile } from './frozen-file';

// the stdlib's Python sources compiled at build time (dist/stdlib.frozen), if there
installFrozenFile();
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

/** One hover (the worker's whole job): src/worker/cached-entry.ts calls it with workerData. */
export function handle(req: HoverRequest): HoverReply {
  try {
    const s = new InspectSession(req.source, req.filename, withHostFiles(req.options));
    const summary = s.run();
    const result = hoverAt(s, req.line, req.col, makeTranslator(req.bundle), { commandLinks: req.commandLinks });
    return { ok: true, result, error: summary.error };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
