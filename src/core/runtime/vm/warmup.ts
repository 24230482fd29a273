// Quickening (CPython 3.11 Python/specialize.c, Include/internal/pycore_code.h): a code object
// runs its generic instructions until `co_warmup` reaches 0 after QUICKENING_WARMUP_DELAY (8)
// calls of _PyCode_Warmup, made by RESUME (each entry into the frame: a call, or a generator
// resumed by next()/send()) and by JUMP_BACKWARD (for loops, `while True`, `continue`, the loop
// of a comprehension). Then _PyCode_Quicken makes CALL adaptive and its first run specializes it.
// It shows in the recursion depth: a generic CALL of a builtin counts a C level
// (cfunction_enter_call / method_enter_call), while PRECALL_BUILTIN_FAST and friends do not.

import type { CodeUnit } from '../../compiler/code';
import { Op, OPS } from '../../compiler/opcodes';

/**
 * Whether RefScope's JUMP_BACKWARD at instruction `j` is one where CPython calls _PyCode_Warmup.
 * compiler_while (3.11) tests a non-constant condition again at the bottom of the body and jumps
 * back with POP_JUMP_BACKWARD_IF_TRUE, which does not warm up; RefScope jumps back to the test
 * at the top instead (the loop's last JUMP_BACKWARD, recognised as sizes.ts whileTests does: a
 * conditional jump on the `while` line to the instruction after it, unless the test is one
 * constant). compiler_yield_from's JUMP_BACKWARD_NO_INTERRUPT (back to SEND) does not warm up
 * either.
 */
export function jumpWarms(u: CodeUnit, j: number): boolean {
  const code = u.code;
  const t = code[2 * j + 1];
  const top = code[2 * t];
  if (top === Op.SEND) return false;
  if (top === Op.FOR_ITER) return true;
  for (let i = t; i < j; i++) {
    const op = code[2 * i];
    if (OPS[op].jumps && !OPS[op].terminal && op !== Op.FOR_ITER && code[2 * i + 1] === j + 1 && u.lines[i] === u.lines[t]) {
      // a constant test (`while True:`, `while 1:`): compiler_while emits no test, the loop
      // ends with JUMP_BACKWARD
      return i === t + 1 && code[2 * t] === Op.LOAD_CONST;
    }
  }
  return true;
}
