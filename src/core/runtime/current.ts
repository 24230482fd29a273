// The interpreter that is running (set by Interpreter.start): for modules that need the whole
// interpreter (objgraph's sys.modules and recorded graphs) without importing interp.ts, which
// imports them.

import type { Interpreter } from './interp';

export const currentInterp: { interp: Interpreter | null } = { interp: null };
