// Messages between the extension host and the session worker (node worker_threads today, a Web
// Worker later): the host sends requests with an id, the worker answers each with the same id.

import type { SessionOptions, RunSummary } from '../core/inspect/session';
import type { HoverResult } from '../core/inspect/hover';
import type { GraphModel, GraphOptions } from '../core/inspect/graph-types';

/** A graph at a recorded state, with its DOT text and the lines the timeline can move through. */
export interface GraphReply {
  model: GraphModel;
  dot: string;
  /** false when the line never ran: the graph shows where the program stopped */
  ran: boolean;
  /** the lines that ran (first and last), for the timeline */
  minLine: number;
  maxLine: number;
}

export type WorkerRequest =
  | {
      kind: 'run';
      id: number;
      source: string;
      filename: string;
      options: SessionOptions;
      bundle: Record<string, string> | null;
      /** compute the hovers of the whole file with these options in the background after the run */
      prefetch?: {
        commandLinks: boolean;
        uri?: string;
        /** tests only: wait this long after each line's view, so that a prefetch is surely still
         * going when a test's next request arrives (a fast interpreter finishes small files first) */
        viewDelayMs?: number;
      } | null;
    }
  | { kind: 'hover'; id: number; line: number; col: number; commandLinks: boolean; uri?: string }
  | { kind: 'explain'; id: number; line: number; expr: string }
  | { kind: 'graph'; id: number; line: number; expr: string; options: GraphOptions }
  /** is the background prefetch going, and how many hovers are computed (answered at once, even
   * during a prefetch) */
  | { kind: 'status'; id: number };

export type WorkerReply =
  | { kind: 'ran'; id: number; summary: RunSummary }
  | { kind: 'hovered'; id: number; result: HoverResult | null }
  | { kind: 'explained'; id: number; markdown: string | null }
  | { kind: 'graphed'; id: number; result: GraphReply | null }
  | { kind: 'status'; id: number; prefetching: boolean; hovers: number }
  | { kind: 'failed'; id: number; message: string };
