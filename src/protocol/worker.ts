// Messages between the extension host and the session worker (node worker_threads today, a Web
// Worker later): the host sends requests with an id, the worker answers each with the same id.

import type { SessionOptions, RunSummary } from '../core/inspect/session';
import type { HoverResult } from '../core/inspect/hover';

export type WorkerRequest =
  | { kind: 'run'; id: number; source: string; filename: string; options: SessionOptions; bundle: Record<string, string> | null }
  | { kind: 'hover'; id: number; line: number; col: number; commandLinks: boolean; uri?: string }
  | { kind: 'explain'; id: number; line: number; expr: string };

export type WorkerReply =
  | { kind: 'ran'; id: number; summary: RunSummary }
  | { kind: 'hovered'; id: number; result: HoverResult | null }
  | { kind: 'explained'; id: number; markdown: string | null }
  | { kind: 'failed'; id: number; message: string };
