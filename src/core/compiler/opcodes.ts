// The opcode table: the single source of truth for RefScope's bytecode.
//
// Modelled on CPython 3.11 (Include/opcode.h, Python/compile.c `stack_effect`). Instructions are
// (op, arg) pairs stored in an Int32Array, so there is no EXTENDED_ARG. `effect(arg, jump)` is the
// net stack effect; `jump` says whether the branch is taken (for conditional jumps and FOR_ITER).

import type { CodeUnit } from './code';

export const enum Op {
  NOP,
  POP_TOP,
  PUSH_NULL,
  COPY,
  SWAP,
  LOAD_CONST,
  LOAD_FAST,
  STORE_FAST,
  DELETE_FAST,
  LOAD_NAME,
  STORE_NAME,
  DELETE_NAME,
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,
  LOAD_DEREF,
  STORE_DEREF,
  DELETE_DEREF,
  LOAD_CLASSDEREF,
  LOAD_CLOSURE,
  LOAD_ATTR,
  STORE_ATTR,
  DELETE_ATTR,
  LOAD_METHOD,
  BINARY_OP,
  UNARY_POSITIVE,
  UNARY_NEGATIVE,
  UNARY_NOT,
  UNARY_INVERT,
  COMPARE_OP,
  IS_OP,
  CONTAINS_OP,
  BINARY_SUBSCR,
  STORE_SUBSCR,
  DELETE_SUBSCR,
  BUILD_SLICE,
  BUILD_TUPLE,
  BUILD_LIST,
  BUILD_SET,
  BUILD_MAP,
  BUILD_CONST_KEY_MAP,
  BUILD_STRING,
  LIST_APPEND,
  SET_ADD,
  MAP_ADD,
  LIST_EXTEND,
  SET_UPDATE,
  DICT_UPDATE,
  DICT_MERGE,
  LIST_TO_TUPLE,
  FORMAT_VALUE,
  JUMP_FORWARD,
  JUMP_BACKWARD,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  GET_ITER,
  FOR_ITER,
  KW_NAMES,
  CALL,
  CALL_FUNCTION_EX,
  MAKE_FUNCTION,
  RETURN_VALUE,
  RAISE_VARARGS,
  RERAISE,
  PUSH_EXC_INFO,
  POP_EXCEPT,
  CHECK_EXC_MATCH,
  CHECK_EG_MATCH,
  PREP_RERAISE_STAR,
  BEFORE_WITH,
  WITH_EXCEPT_START,
  UNPACK_SEQUENCE,
  UNPACK_EX,
  IMPORT_NAME,
  IMPORT_FROM,
  IMPORT_STAR,
  LOAD_BUILD_CLASS,
  YIELD_VALUE,
  GET_YIELD_FROM_ITER,
  SEND,
  LOAD_ASSERTION_ERROR,
  SETUP_ANNOTATIONS,
  GET_LEN,
  MATCH_MAPPING,
  MATCH_SEQUENCE,
  MATCH_KEYS,
  MATCH_CLASS,
  COPY_DICT_WITHOUT_KEYS,
  END_FOR_GEN,
  __COUNT,
}

export interface OpInfo {
  name: string;
  /** Net stack effect. `jump` is true when the branch is taken. */
  effect(arg: number, jump: boolean): number;
  /** The argument is a jump target (absolute instruction index). */
  jumps?: boolean;
  /** Unconditional transfer: the next instruction is not reached by fallthrough. */
  terminal?: boolean;
  /** How the disassembler shows the argument. */
  argKind?: 'const' | 'name' | 'local' | 'cell' | 'jump' | 'cmp' | 'binop' | 'int' | 'none';
}

const fixed = (n: number) => () => n;

export const BINOP_NAMES = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
// BINARY_OP arg: 0..12 plain, 13..25 in-place (NB_INPLACE_* = NB_* + 13), as CPython 3.11.
export const enum BinOp {
  ADD,
  AND,
  FLOOR_DIVIDE,
  LSHIFT,
  MATRIX_MULTIPLY,
  MULTIPLY,
  REMAINDER,
  OR,
  POWER,
  RSHIFT,
  SUBTRACT,
  TRUE_DIVIDE,
  XOR,
  INPLACE = 13,
}
export const CMP_NAMES = ['<', '<=', '==', '!=', '>', '>='];

export const OPS: OpInfo[] = [];
function def(op: Op, name: string, effect: (arg: number, jump: boolean) => number, extra: Partial<OpInfo> = {}) {
  OPS[op] = { name, effect, argKind: 'none', ...extra };
}
def(Op.NOP, 'NOP', fixed(0));
def(Op.POP_TOP, 'POP_TOP', fixed(-1));
def(Op.PUSH_NULL, 'PUSH_NULL', fixed(1));
def(Op.COPY, 'COPY', fixed(1), { argKind: 'int' });
def(Op.SWAP, 'SWAP', fixed(0), { argKind: 'int' });
def(Op.LOAD_CONST, 'LOAD_CONST', fixed(1), { argKind: 'const' });
def(Op.LOAD_FAST, 'LOAD_FAST', fixed(1), { argKind: 'local' });
def(Op.STORE_FAST, 'STORE_FAST', fixed(-1), { argKind: 'local' });
def(Op.DELETE_FAST, 'DELETE_FAST', fixed(0), { argKind: 'local' });
def(Op.LOAD_NAME, 'LOAD_NAME', fixed(1), { argKind: 'name' });
def(Op.STORE_NAME, 'STORE_NAME', fixed(-1), { argKind: 'name' });
def(Op.DELETE_NAME, 'DELETE_NAME', fixed(0), { argKind: 'name' });
// LOAD_GLOBAL arg = (nameIndex << 1) | pushNull, as CPython 3.11.
def(Op.LOAD_GLOBAL, 'LOAD_GLOBAL', (a) => 1 + (a & 1), { argKind: 'name' });
def(Op.STORE_GLOBAL, 'STORE_GLOBAL', fixed(-1), { argKind: 'name' });
def(Op.DELETE_GLOBAL, 'DELETE_GLOBAL', fixed(0), { argKind: 'name' });
def(Op.LOAD_DEREF, 'LOAD_DEREF', fixed(1), { argKind: 'cell' });
def(Op.STORE_DEREF, 'STORE_DEREF', fixed(-1), { argKind: 'cell' });
def(Op.DELETE_DEREF, 'DELETE_DEREF', fixed(0), { argKind: 'cell' });
def(Op.LOAD_CLASSDEREF, 'LOAD_CLASSDEREF', fixed(1), { argKind: 'cell' });
def(Op.LOAD_CLOSURE, 'LOAD_CLOSURE', fixed(1), { argKind: 'cell' });
def(Op.LOAD_ATTR, 'LOAD_ATTR', fixed(0), { argKind: 'name' });
def(Op.STORE_ATTR, 'STORE_ATTR', fixed(-2), { argKind: 'name' });
def(Op.DELETE_ATTR, 'DELETE_ATTR', fixed(-1), { argKind: 'name' });
// LOAD_METHOD: obj -> [meth, self] or [NULL, attr]
def(Op.LOAD_METHOD, 'LOAD_METHOD', fixed(1), { argKind: 'name' });
def(Op.BINARY_OP, 'BINARY_OP', fixed(-1), { argKind: 'binop' });
def(Op.UNARY_POSITIVE, 'UNARY_POSITIVE', fixed(0));
def(Op.UNARY_NEGATIVE, 'UNARY_NEGATIVE', fixed(0));
def(Op.UNARY_NOT, 'UNARY_NOT', fixed(0));
def(Op.UNARY_INVERT, 'UNARY_INVERT', fixed(0));
def(Op.COMPARE_OP, 'COMPARE_OP', fixed(-1), { argKind: 'cmp' });
def(Op.IS_OP, 'IS_OP', fixed(-1), { argKind: 'int' });
def(Op.CONTAINS_OP, 'CONTAINS_OP', fixed(-1), { argKind: 'int' });
def(Op.BINARY_SUBSCR, 'BINARY_SUBSCR', fixed(-1));
def(Op.STORE_SUBSCR, 'STORE_SUBSCR', fixed(-3));
def(Op.DELETE_SUBSCR, 'DELETE_SUBSCR', fixed(-2));
def(Op.BUILD_SLICE, 'BUILD_SLICE', (a) => 1 - a, { argKind: 'int' });
def(Op.BUILD_TUPLE, 'BUILD_TUPLE', (a) => 1 - a, { argKind: 'int' });
def(Op.BUILD_LIST, 'BUILD_LIST', (a) => 1 - a, { argKind: 'int' });
def(Op.BUILD_SET, 'BUILD_SET', (a) => 1 - a, { argKind: 'int' });
def(Op.BUILD_MAP, 'BUILD_MAP', (a) => 1 - 2 * a, { argKind: 'int' });
def(Op.BUILD_CONST_KEY_MAP, 'BUILD_CONST_KEY_MAP', (a) => -a, { argKind: 'int' });
def(Op.BUILD_STRING, 'BUILD_STRING', (a) => 1 - a, { argKind: 'int' });
def(Op.LIST_APPEND, 'LIST_APPEND', fixed(-1), { argKind: 'int' });
def(Op.SET_ADD, 'SET_ADD', fixed(-1), { argKind: 'int' });
def(Op.MAP_ADD, 'MAP_ADD', fixed(-2), { argKind: 'int' });
def(Op.LIST_EXTEND, 'LIST_EXTEND', fixed(-1), { argKind: 'int' });
def(Op.SET_UPDATE, 'SET_UPDATE', fixed(-1), { argKind: 'int' });
def(Op.DICT_UPDATE, 'DICT_UPDATE', fixed(-1), { argKind: 'int' });
def(Op.DICT_MERGE, 'DICT_MERGE', fixed(-1), { argKind: 'int' });
def(Op.LIST_TO_TUPLE, 'LIST_TO_TUPLE', fixed(0));
// FORMAT_VALUE arg: (conversion & 3) | (hasSpec << 2); conversion 0 none, 1 str, 2 repr, 3 ascii
def(Op.FORMAT_VALUE, 'FORMAT_VALUE', (a) => (a & 4 ? -1 : 0), { argKind: 'int' });
def(Op.JUMP_FORWARD, 'JUMP_FORWARD', fixed(0), { jumps: true, terminal: true, argKind: 'jump' });
def(Op.JUMP_BACKWARD, 'JUMP_BACKWARD', fixed(0), { jumps: true, terminal: true, argKind: 'jump' });
def(Op.POP_JUMP_IF_FALSE, 'POP_JUMP_IF_FALSE', fixed(-1), { jumps: true, argKind: 'jump' });
def(Op.POP_JUMP_IF_TRUE, 'POP_JUMP_IF_TRUE', fixed(-1), { jumps: true, argKind: 'jump' });
def(Op.POP_JUMP_IF_NONE, 'POP_JUMP_IF_NONE', fixed(-1), { jumps: true, argKind: 'jump' });
def(Op.POP_JUMP_IF_NOT_NONE, 'POP_JUMP_IF_NOT_NONE', fixed(-1), { jumps: true, argKind: 'jump' });
def(Op.JUMP_IF_FALSE_OR_POP, 'JUMP_IF_FALSE_OR_POP', (_a, j) => (j ? 0 : -1), { jumps: true, argKind: 'jump' });
def(Op.JUMP_IF_TRUE_OR_POP, 'JUMP_IF_TRUE_OR_POP', (_a, j) => (j ? 0 : -1), { jumps: true, argKind: 'jump' });
def(Op.GET_ITER, 'GET_ITER', fixed(0));
// FOR_ITER: iterator -> iterator, item; when exhausted pops the iterator and jumps.
def(Op.FOR_ITER, 'FOR_ITER', (_a, j) => (j ? -1 : 1), { jumps: true, argKind: 'jump' });
def(Op.KW_NAMES, 'KW_NAMES', fixed(0), { argKind: 'const' });
// CALL n: [NULL|meth, callable|self, arg1..argn] -> result
def(Op.CALL, 'CALL', (a) => -a - 1, { argKind: 'int' });
// CALL_FUNCTION_EX flags: [NULL, callable, args_tuple, (kwargs)] -> result
def(Op.CALL_FUNCTION_EX, 'CALL_FUNCTION_EX', (a) => -2 - (a & 1), { argKind: 'int' });
// MAKE_FUNCTION flags: 1 defaults, 2 kwdefaults, 4 annotations, 8 closure; code on top
def(Op.MAKE_FUNCTION, 'MAKE_FUNCTION', (a) => -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)), { argKind: 'int' });
def(Op.RETURN_VALUE, 'RETURN_VALUE', fixed(-1), { terminal: true });
def(Op.RAISE_VARARGS, 'RAISE_VARARGS', (a) => -a, { terminal: true, argKind: 'int' });
def(Op.RERAISE, 'RERAISE', fixed(-1), { terminal: true, argKind: 'int' });
def(Op.PUSH_EXC_INFO, 'PUSH_EXC_INFO', fixed(1));
def(Op.POP_EXCEPT, 'POP_EXCEPT', fixed(-1));
def(Op.CHECK_EXC_MATCH, 'CHECK_EXC_MATCH', fixed(0));
// CHECK_EG_MATCH: [exc, type] -> [rest, match] (match None: [exc, None])
def(Op.CHECK_EG_MATCH, 'CHECK_EG_MATCH', fixed(0));
// PREP_RERAISE_STAR: [orig, list] -> [exception to re-raise, or None]
def(Op.PREP_RERAISE_STAR, 'PREP_RERAISE_STAR', fixed(-1));
// BEFORE_WITH: mgr -> exit, enter_result
def(Op.BEFORE_WITH, 'BEFORE_WITH', fixed(1));
def(Op.WITH_EXCEPT_START, 'WITH_EXCEPT_START', fixed(1));
def(Op.UNPACK_SEQUENCE, 'UNPACK_SEQUENCE', (a) => a - 1, { argKind: 'int' });
def(Op.UNPACK_EX, 'UNPACK_EX', (a) => (a & 0xff) + (a >> 8), { argKind: 'int' });
def(Op.IMPORT_NAME, 'IMPORT_NAME', fixed(-1), { argKind: 'name' });
def(Op.IMPORT_FROM, 'IMPORT_FROM', fixed(1), { argKind: 'name' });
def(Op.IMPORT_STAR, 'IMPORT_STAR', fixed(-1));
def(Op.LOAD_BUILD_CLASS, 'LOAD_BUILD_CLASS', fixed(1));
def(Op.YIELD_VALUE, 'YIELD_VALUE', fixed(0));
def(Op.GET_YIELD_FROM_ITER, 'GET_YIELD_FROM_ITER', fixed(0));
// SEND: [iter, value] -> [iter, yielded] or, when the sub-iterator returns, [result] and jump
def(Op.SEND, 'SEND', (_a, j) => (j ? -1 : 0), { jumps: true, argKind: 'jump' });
def(Op.LOAD_ASSERTION_ERROR, 'LOAD_ASSERTION_ERROR', fixed(1));
def(Op.SETUP_ANNOTATIONS, 'SETUP_ANNOTATIONS', fixed(0));
def(Op.GET_LEN, 'GET_LEN', fixed(1));
def(Op.MATCH_MAPPING, 'MATCH_MAPPING', fixed(1));
def(Op.MATCH_SEQUENCE, 'MATCH_SEQUENCE', fixed(1));
def(Op.MATCH_KEYS, 'MATCH_KEYS', fixed(1));
// MATCH_CLASS 0: [x, cls] -> [isinstance]; 3 + n: the same, then a subject of the class must take n
// positional sub-patterns; 1: [x, cls, i] -> [attr, found]; 2: [x, name] -> [attr, found]
def(Op.MATCH_CLASS, 'MATCH_CLASS', (a) => (a === 2 ? 0 : -1), { argKind: 'int' });
// [mapping, keys] -> [dict without those keys]
def(Op.COPY_DICT_WITHOUT_KEYS, 'COPY_DICT_WITHOUT_KEYS', fixed(-1));
def(Op.END_FOR_GEN, 'END_FOR_GEN', fixed(0));

for (let i = 0; i < Op.__COUNT; i++) if (!OPS[i]) throw new Error(`opcode ${i} has no table entry`);

/** First instructions of basic blocks: jump targets, handlers, after jumps and terminals. */
export function blockStarts(u: CodeUnit): Uint8Array {
  const code = u.code;
  const n = code.length >> 1;
  const st = new Uint8Array(n + 1);
  st[0] = 1;
  for (let i = 0; i < n; i++) {
    const info = OPS[code[2 * i]];
    if (info.jumps) {
      st[code[2 * i + 1]] = 1;
      st[i + 1] = 1;
    }
    if (info.terminal) st[i + 1] = 1;
  }
  const et = u.exceptionTable;
  for (let k = 0; k < et.length; k += 5) st[et[k + 2]] = 1;
  return st;
}
