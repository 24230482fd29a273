// Compiled code as plain data (no heap objects): what the compiler produces and the runtime
// turns into `code` objects. Mirrors CPython 3.11's PyCodeObject fields.

import type { ConstantValue } from '../parser/ast';

export const enum CoFlags {
  OPTIMIZED = 0x1,
  NEWLOCALS = 0x2,
  VARARGS = 0x4,
  VARKEYWORDS = 0x8,
  NESTED = 0x10,
  GENERATOR = 0x20,
  COROUTINE = 0x80,
}

/** Kinds of a local slot (CPython's CO_FAST_LOCAL / CELL / FREE). */
export const enum SlotKind {
  LOCAL = 0x20,
  CELL = 0x40,
  FREE = 0x80,
}

/**
 * One constant of the compilation unit. Equal constants are merged across all code objects of
 * the unit (compile.c `merge_consts_recursive`): every ConstSlot is one runtime object.
 * `arena` is true when the object came from the source (an AST `Constant` node, or a folded
 * one): a script run keeps it alive one more time until the module finishes (pythonrun.c). Not
 * for the objects all occurrences share (small ints, one-character strs...): CodeUnit.arenaShared
 * counts their every occurrence.
 */
export interface ConstSlot {
  lit: ConstLit;
  arena: boolean;
  /** How many code objects list this slot in co_consts (each holds one reference). */
  users: number;
}

export type ConstLit =
  | ConstantValue
  | { type: 'code'; code: CodeUnit }
  | { type: 'tuple'; items: ConstSlot[] }
  | { type: 'frozenset'; items: ConstSlot[] };

export interface CodeUnit {
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  /** (op, arg) pairs */
  code: Int32Array;
  /** per instruction: line, end line, column and end column (UTF-8 byte offsets; -1 = none) */
  lines: Int32Array;
  endLines: Int32Array;
  cols: Int32Array;
  endCols: Int32Array;
  consts: ConstSlot[];
  names: string[];
  /** All local slots: varnames, then cell variables that are not arguments, then free variables. */
  localsplusNames: string[];
  localsplusKinds: Uint8Array;
  nlocals: number; // number of plain varnames (arguments first)
  ncells: number;
  nfrees: number;
  /** For each cell slot that is also an argument: the argument index, else -1 (indexed by slot). */
  exceptionTable: Int32Array; // (start, end, target, depth, lasti) per entry, innermost first
  stacksize: number;
  /** The module's source lines (shared), for tracebacks. */
  source: string[];
  /** A module's: the AST arena's references to shared objects (parser/arena.ts), which no
   *  ConstSlot.arena stands for */
  arenaShared?: Map<string, number>;
}

let codeKeyCounter = 0;

export function constKey(lit: ConstLit): string {
  switch (lit.type) {
    case 'None':
      return 'N';
    case 'Ellipsis':
      return 'E';
    case 'bool':
      return lit.value ? 'T' : 'F';
    case 'int':
      return 'i' + lit.value.toString();
    case 'float':
      return 'f' + (Object.is(lit.value, -0) ? '-0' : String(lit.value));
    case 'complex':
      return 'c' + (Object.is(lit.imag, -0) ? '-0' : String(lit.imag));
    case 'str':
      return 's' + lit.value;
    case 'bytes':
      return 'b' + Array.from(lit.value).join(',');
    case 'code':
      return 'C' + ++codeKeyCounter;
    case 'tuple':
      return 't(' + lit.items.map((s) => constKey(s.lit)).join('|') + ')';
    case 'frozenset':
      return 'z(' + lit.items.map((s) => constKey(s.lit)).join('|') + ')';
  }
}
