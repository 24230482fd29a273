// Quickening (CPython 3.11 Python/specialize.c, Include/internal/pycore_code.h): a code object
// runs its generic instructions until `co_warmup` reaches 0 after QUICKENING_WARMUP_DELAY (8)
// calls of _PyCode_Warmup, made by RESUME (each entry into the frame: a call, or a generator
// resumed by next()/send()) and by JUMP_BACKWARD (for loops, `while True`, `continue`, the loop
// of a comprehension). Then _PyCode_Quicken makes CALL adaptive and its first run specializes it.
// It shows in the recursion depth: a generic CALL of a builtin counts a C level
// (cfunction_enter_call / method_enter_call), while PRECALL_BUILTIN_FAST and friends do not.

import type { CodeUnit } from '../../compiler/code';
import { Op, OPS } from '../../compiler/opcodes';
import type { PyCode } from '../objects/function';

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

// UNPACK_SEQUENCE's specialization (3.11 Python/ceval.c, Python/specialize.c
// _Py_Specialize_UnpackSequence, Include/internal/pycore_code.h). The generic instruction has no
// fast path in 3.11: unpack_iterable takes an iterator of the sequence (a gc object: a
// tuple_iterator or list_iterator counts in gc.get_count() and can start a collection). Only the
// specialized forms (UNPACK_SEQUENCE_TWO_TUPLE, _TUPLE, _LIST) read the items directly. Before
// quickening every run is generic; after it, UNPACK_SEQUENCE_ADAPTIVE specializes on its first
// run for an exact tuple or list of the right length (else backs off), and a specialized form
// that misses goes generic and after 53 misses turns adaptive again.

const ADAPTIVE_BACKOFF_BITS = 4;
/** adaptive_counter_start(): value 31, backoff 5 */
const ADAPTIVE_COUNTER_START = (31 << ADAPTIVE_BACKOFF_BITS) | 5;
/** miss_counter_start() */
const MISS_COUNTER_START = 53;

const enum Unpack {
  ADAPTIVE = 0,
  TWO_TUPLE = 1,
  TUPLE = 2,
  LIST = 3,
}

/** adaptive_counter_backoff */
function backoff(counter: number): number {
  let b = (counter & ((1 << ADAPTIVE_BACKOFF_BITS) - 1)) + 1;
  if (b > 16 - ADAPTIVE_BACKOFF_BITS) b = 16 - ADAPTIVE_BACKOFF_BITS;
  return (((1 << b) - 1) << ADAPTIVE_BACKOFF_BITS) | b;
}

/**
 * Whether CPython 3.11 unpacks a sequence into `n` targets at instruction `i` without an
 * iterator; `kind` is 1 for an exact tuple, 2 for an exact list, 0 otherwise, `len` their length.
 * Advances the instruction's adaptive state (kept per code object, like the inline cache).
 */
export function unpackWithoutIterator(code: PyCode, i: number, kind: number, len: number, n: number): boolean {
  if (code.warmup > 0) return false;
  const ins = code.unit.code;
  let st = code.unpackCaches;
  if (st === null) st = code.unpackCaches = new Uint16Array(ins.length);
  const k = 2 * i;
  for (;;) {
    const spec = st[k];
    if (spec === Unpack.ADAPTIVE) {
      const counter = st[k + 1];
      if (counter >> ADAPTIVE_BACKOFF_BITS !== 0) {
        st[k + 1] = counter - (1 << ADAPTIVE_BACKOFF_BITS);
        return false;
      }
      // _Py_Specialize_UnpackSequence, then the instruction runs again
      if (kind !== 0 && len === n) {
        st[k] = kind === 2 ? Unpack.LIST : n === 2 ? Unpack.TWO_TUPLE : Unpack.TUPLE;
        st[k + 1] = MISS_COUNTER_START;
      } else st[k + 1] = backoff(counter);
      continue;
    }
    const hit = spec === Unpack.LIST ? kind === 2 && len === n : kind === 1 && len === (spec === Unpack.TWO_TUPLE ? 2 : n);
    if (hit) return true;
    // DEOPT_IF: the miss counter, then the generic instruction
    if (--st[k + 1] === 0) {
      st[k] = Unpack.ADAPTIVE;
      st[k + 1] = ADAPTIVE_COUNTER_START;
    }
    return false;
  }
}
