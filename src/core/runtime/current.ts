// The interpreter that is running (set by Interpreter.start): for modules that need the whole
// interpreter (objgraph's sys.modules and recorded graphs) without importing interp.ts, which
// imports them.

import type { Interpreter } from './interp';

export const currentInterp: { interp: Interpreter | null } = { interp: null };

/** How many times the JS stack ran out (and became a RecursionError or an error message): a run
 * on a thread with a small stack (the CLI's main thread) is repeated on a deep-stack worker when
 * this moved, so that only the Python recursion limit decides where recursion stops. */
export const jsStack = { overflows: 0 };
