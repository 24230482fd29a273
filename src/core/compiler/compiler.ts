// AST -> bytecode, after CPython 3.11's Python/compile.c (function names cited where copied).
//
// Stack depth is tracked while emitting, from the opcode table (opcodes.ts), which also gives the
// depth of every exception handler (CPython's SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH pseudo
// instructions become entries of the exception table).

import type * as A from '../parser/ast';
import { Op, OPS, BinOp } from './opcodes';
import { CoFlags, SlotKind, constKey, type CodeUnit, type ConstLit, type ConstSlot } from './code';
import { Block, Scope, SymbolTable, SymbolError, mangle, Flag } from './symtable';
import { foldExpr, foldIter, resetFoldCache, beginFoldArena, type FoldedSeq } from './fold';
import type { ConstantValue } from '../parser/ast';
import { byteToCol, type SyntaxErrorInfo } from '../parser/errors';
import { unparseExpr } from './unparse';

/** Lib/__future__.py all_feature_names */
const FUTURE_FEATURES = new Set(['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations']);

export class CompileError {
  constructor(
    public type: 'SyntaxError' | 'Unsupported',
    public msg: string,
    public lineno: number,
    public col: number, // UTF-8 byte offset, 0-based
    public endLineno: number,
    /** -1: no end (SyntaxError.end_offset None) */
    public endCol: number,
  ) {}
}

interface Label {
  pos: number; // instruction index, -1 until placed
  depth: number; // stack depth at the label, -1 unknown
}

interface Handler {
  label: Label;
  depth: number;
  lasti: boolean;
}

type FBlockKind =
  | 'WHILE_LOOP'
  | 'FOR_LOOP'
  | 'TRY_EXCEPT'
  | 'FINALLY_TRY'
  | 'FINALLY_END'
  | 'WITH'
  | 'HANDLER_CLEANUP'
  | 'EXCEPTION_HANDLER'
  | 'EXCEPTION_GROUP_HANDLER'
  | 'POP_VALUE';

interface FBlock {
  kind: FBlockKind;
  start?: Label;
  exit?: Label;
  finalbody?: A.Stmt[];
  name?: string | null;
}

const BINOPS: Record<A.Operator, number> = {
  Add: BinOp.ADD,
  BitAnd: BinOp.AND,
  FloorDiv: BinOp.FLOOR_DIVIDE,
  LShift: BinOp.LSHIFT,
  MatMult: BinOp.MATRIX_MULTIPLY,
  Mult: BinOp.MULTIPLY,
  Mod: BinOp.REMAINDER,
  BitOr: BinOp.OR,
  Pow: BinOp.POWER,
  RShift: BinOp.RSHIFT,
  Sub: BinOp.SUBTRACT,
  Div: BinOp.TRUE_DIVIDE,
  BitXor: BinOp.XOR,
};
const CMPOPS: Partial<Record<A.CmpOp, number>> = { Lt: 0, LtE: 1, Eq: 2, NotEq: 3, Gt: 4, GtE: 5 };

type Loc = { lineno: number; end_lineno: number; col_offset: number; end_col_offset: number };
/** Python/compile.c: the stack items a display or a call pushes before it builds incrementally */
const STACK_USE_GUIDELINE = 30;
const NO_LOC: Loc = { lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 };

class Unit {
  ops: number[] = [];
  args: number[] = [];
  handlers: (Handler | null)[] = [];
  lines: number[] = [];
  endLines: number[] = [];
  cols: number[] = [];
  endCols: number[] = [];
  consts: ConstSlot[] = [];
  constIndex = new Map<ConstSlot, number>();
  /** LOAD_CONSTs of tuples folded from constants (see constTuple): their co_consts index is
   * assigned when the unit is assembled, after every constant the code loads */
  folds: { at: number; slot: ConstSlot }[] = [];
  names: string[] = [];
  nameIndex = new Map<string, number>();
  varnames: string[] = [];
  cellvars: string[] = [];
  freevars: string[] = [];
  slotIndex = new Map<string, number>();
  handlerStack: Handler[] = [];
  fblocks: FBlock[] = [];
  depth = 0;
  maxDepth = 0;
  /** emitting unreachable code (after a terminal instruction, before a label some reachable
   * jump targets): its depth is a guess that must not become a label's */
  dead = false;
  loc: Loc = NO_LOC;
  flags = 0;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  constructor(
    public block: Block,
    public name: string,
    public qualname: string,
    public firstlineno: number,
    public className: string | null,
  ) {}
}

export interface CompileWarning {
  category: 'SyntaxWarning';
  msg: string;
  lineno: number;
}

export interface CompileResult {
  code: CodeUnit | null;
  error: CompileError | null;
  warnings: CompileWarning[];
}

export function compileModule(mod: A.Module, filename: string, source: string): CompileResult {
  return compileWith(filename, source, (c) => {
    const counts = beginFoldArena(mod.arena);
    const u = c.compileModule(mod);
    u.arenaShared = counts;
    return u;
  });
}

/** compile(..., 'eval'): `mod` holds one expression statement; the code returns its value
 * (Python/compile.c compiler_mod, Expression_kind) */
export function compileEval(mod: A.Module, filename: string, source: string): CompileResult {
  return compileWith(filename, source, (c) => c.compileExpression(mod));
}

function compileWith(filename: string, source: string, how: (c: Compiler) => CodeUnit): CompileResult {
  const c = new Compiler(filename, source);
  resetFoldCache();
  try {
    return { code: how(c), error: null, warnings: c.warnings };
  } catch (e) {
    if (e instanceof CompileError) return { code: null, error: e, warnings: c.warnings };
    if (e instanceof SymbolError) {
      const p = e.node;
      return { code: null, error: new CompileError('SyntaxError', e.msg, p.lineno, p.col_offset, p.end_lineno, p.end_col_offset), warnings: c.warnings };
    }
    throw e;
  } finally {
    resetFoldCache();
  }
}

/** A compile error as the SyntaxError CPython raises (offsets in code points of the line). */
export function syntaxErrorInfo(e: CompileError, filename: string, source: string): SyntaxErrorInfo {
  const lines = source.split(/\r?\n/);
  const text = lines[e.lineno - 1] ?? '';
  return {
    type: 'SyntaxError',
    msg: e.msg,
    filename,
    lineno: e.lineno,
    offset: byteToCol(text, e.col) + 1,
    end_lineno: e.endLineno,
    end_offset: e.endCol < 0 ? byteToCol(text, e.col) + 2 : byteToCol(lines[e.endLineno - 1] ?? '', e.endCol) + 1,
    ...(e.endCol < 0 ? { no_end: true } : {}),
    text: text + '\n',
  };
}

class Compiler {
  private st!: SymbolTable;
  private u!: Unit;
  private stack: Unit[] = [];
  private constCache = new Map<string, ConstSlot>();
  private lines: string[];
  private interactive = false;
  /** `from __future__ import annotations` (CO_FUTURE_ANNOTATIONS): annotations become their text */
  private futureAnnotations = false;
  /** the line of the module's last `from __future__` import (future.c ff_lineno) */
  private futureLine = 0;
  warnings: CompileWarning[] = [];

  constructor(
    private filename: string,
    source: string,
  ) {
    this.lines = source.split(/\r?\n/);
  }

  /**
   * future_parse (Python/future.c): the `from __future__ import ...` statements at the start of
   * the module (after its docstring) name the features; `annotations` is the one that changes
   * code (PEP 563), the others are mandatory in Python 3 already. `braces` is "not a chance".
   */
  private parseFuture(body: A.Stmt[]): void {
    let i = body.length && isDocstring(body[0]) ? 1 : 0;
    for (; i < body.length; i++) {
      const st = body[i];
      if (st.kind !== 'ImportFrom' || st.module !== '__future__' || st.level !== 0) break;
      for (const a of st.names) {
        if (a.name === 'annotations') this.futureAnnotations = true;
        else if (a.name === 'braces') this.futureError('not a chance', st);
        else if (!FUTURE_FEATURES.has(a.name)) this.futureError(`future feature ${a.name} is not defined`, st);
      }
      this.futureLine = st.lineno;
    }
  }
  /** PyErr_SyntaxLocationObject(filename, lineno, col_offset + 1): a location without an end */
  private futureError(msg: string, st: A.Stmt): never {
    throw new CompileError('SyntaxError', msg, st.lineno, st.col_offset, st.lineno, -1);
  }
  /** An annotation's value: the expression, or its text under `from __future__ import annotations`
   * (compiler_visit_annexpr) */
  private visitAnnotation(e: A.Expr): void {
    if (this.futureAnnotations) this.loadConstLit({ type: 'str', value: unparseExpr(e) }, false);
    else this.visitExpr(e);
  }

  // ------------------------------------------------------------------ errors
  private error(msg: string, node: Loc): never {
    throw new CompileError('SyntaxError', msg, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
  }
  /** compiler_warn: a SyntaxWarning each time the node is compiled (PyErr_WarnExplicitObject without
   * a registry: no once-per-location filtering; a finally body compiled twice warns twice) */
  private warn(msg: string, node: Loc): void {
    this.warnings.push({ category: 'SyntaxWarning', msg, lineno: node.lineno });
  }

  // infer_type
  private inferType(e: A.Expr): string | null {
    switch (e.kind) {
      case 'Tuple':
        return 'tuple';
      case 'List':
      case 'ListComp':
        return 'list';
      case 'Dict':
      case 'DictComp':
        return 'dict';
      case 'Set':
      case 'SetComp':
        return 'set';
      case 'GeneratorExp':
        return 'generator';
      case 'Lambda':
        return 'function';
      case 'JoinedStr':
      case 'FormattedValue':
        return 'str';
      case 'Constant': {
        const v = e.value as ConstantValue | FoldedSeq;
        switch (v.type) {
          case 'None':
            return 'NoneType';
          case 'Ellipsis':
            return 'ellipsis';
          case 'ftuple':
            return 'tuple';
          case 'ffrozenset':
            return 'frozenset';
          default:
            return v.type;
        }
      }
      default:
        return null;
    }
  }

  // check_caller
  private checkCaller(e0: A.Expr): void {
    const e = foldExpr(e0);
    switch (e.kind) {
      case 'Constant':
      case 'Tuple':
      case 'List':
      case 'ListComp':
      case 'Dict':
      case 'DictComp':
      case 'Set':
      case 'SetComp':
      case 'GeneratorExp':
      case 'JoinedStr':
      case 'FormattedValue':
        this.warn(`'${this.inferType(e)}' object is not callable; perhaps you missed a comma?`, locOf(e0));
    }
  }

  // check_subscripter and check_index
  private checkSubscript(e: A.Subscript): void {
    const v = foldExpr(e.value);
    let warnSub = false;
    if (v.kind === 'Constant') {
      const t = (v.value as ConstantValue | FoldedSeq).type;
      warnSub = ['None', 'Ellipsis', 'int', 'float', 'complex', 'ffrozenset', 'bool'].includes(t);
    } else warnSub = v.kind === 'Set' || v.kind === 'SetComp' || v.kind === 'GeneratorExp' || v.kind === 'Lambda';
    if (warnSub) {
      this.warn(`'${this.inferType(v)}' object is not subscriptable; perhaps you missed a comma?`, locOf(e));
      return;
    }
    const idx = this.inferType(foldExpr(e.slice));
    if (idx === null || idx === 'int' || idx === 'bool' || idx === 'slice') return;
    let warnIdx = false;
    if (v.kind === 'Constant') {
      const t = (v.value as ConstantValue | FoldedSeq).type;
      warnIdx = t === 'str' || t === 'bytes' || t === 'ftuple';
    } else warnIdx = v.kind === 'Tuple' || v.kind === 'List' || v.kind === 'ListComp' || v.kind === 'JoinedStr' || v.kind === 'FormattedValue';
    if (warnIdx) this.warn(`${this.inferType(v)} indices must be integers or slices, not ${idx}; perhaps you missed a comma?`, locOf(e));
  }

  private unsupported(what: string, node: Loc): never {
    throw new CompileError('Unsupported', what, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
  }

  // ------------------------------------------------------------------ units
  compileModule(mod: A.Module): CodeUnit {
    this.st = SymbolTable.build(mod);
    this.enterUnit(this.st.top, '<module>', '<module>', 1, null);
    void this.interactive;
    const body = mod.body;
    this.parseFuture(body);
    let i = 0;
    // module docstring -> __doc__
    if (body.length && isDocstring(body[0])) {
      this.u.loc = locOf(body[0]);
      this.loadConst((body[0] as A.ExprStmt).value as A.Constant);
      this.nameOp('__doc__', 'Store');
      i = 1;
    }
    if (findAnnAssign(body)) {
      this.u.loc = locOf(body[0]);
      this.emit(Op.SETUP_ANNOTATIONS, 0);
    }
    for (; i < body.length; i++) this.visitStmt(body[i]);
    this.u.loc = NO_LOC;
    this.loadConstLit({ type: 'None' }, false);
    this.emit(Op.RETURN_VALUE, 0);
    return this.leaveUnit();
  }

  compileExpression(mod: A.Module): CodeUnit {
    this.st = SymbolTable.build(mod);
    this.enterUnit(this.st.top, '<module>', '<module>', 1, null);
    const e = (mod.body[0] as A.ExprStmt).value;
    this.u.loc = locOf(mod.body[0]);
    this.visitExpr(e);
    this.emit(Op.RETURN_VALUE, 0);
    return this.leaveUnit();
  }

  private enterUnit(block: Block, name: string, qualname: string, firstlineno: number, className: string | null) {
    if (this.u) this.stack.push(this.u);
    const u = new Unit(block, name, qualname, firstlineno, className);
    this.u = u;
    // varnames: parameters first, then other locals in order of first appearance
    if (block.type === 'function') {
      for (const n of block.varnames) this.addVarname(n);
      for (const [n, s] of block.scopes) if ((s === Scope.LOCAL || s === Scope.CELL) && !u.slotIndex.has(n)) this.addVarname(n);
    }
    // cells that are not arguments, sorted as CPython's dictbytype
    const cells: string[] = [];
    const frees: string[] = [];
    const isClass = block.type === 'class';
    for (const [n, s] of block.scopes) {
      if (s === Scope.CELL) cells.push(n);
      if (s === Scope.FREE || (isClass && (block.flags.get(n) ?? 0) & 64 && s !== Scope.LOCAL)) frees.push(n);
    }
    if (isClass && block.needsClassClosure) cells.push('__class__');
    cells.sort();
    u.cellvars = cells;
    frees.sort();
    u.freevars = [...new Set(frees)];
  }

  private addVarname(n: string) {
    if (this.u.slotIndex.has(n)) return;
    this.u.slotIndex.set(n, this.u.varnames.length);
    this.u.varnames.push(n);
  }

  private leaveUnit(): CodeUnit {
    const u = this.u;
    for (const f of u.folds) u.args[f.at] = this.addConst(f.slot);
    this.resolveJumps(u);
    const n = u.ops.length;
    const code = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) {
      code[2 * i] = u.ops[i];
      code[2 * i + 1] = u.args[i];
    }
    // local slots: varnames, then cells that are not varnames, then frees
    const names = [...u.varnames];
    const kinds: number[] = names.map(() => SlotKind.LOCAL);
    for (const c of u.cellvars) {
      const i = names.indexOf(c);
      if (i >= 0) kinds[i] |= SlotKind.CELL;
      else {
        names.push(c);
        kinds.push(SlotKind.CELL);
      }
    }
    for (const f of u.freevars) {
      names.push(f);
      kinds.push(SlotKind.FREE);
    }
    // exception table: consecutive instructions with the same handler form one entry
    const table: number[] = [];
    let i = 0;
    while (i < n) {
      const h = u.handlers[i];
      if (!h) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && u.handlers[j] === h) j++;
      table.push(i, j, h.label.pos, h.depth, h.lasti ? 1 : 0);
      i = j;
    }
    for (const s of u.consts) s.users++;
    const unit: CodeUnit = {
      name: u.name,
      qualname: u.qualname,
      filename: this.filename,
      firstlineno: u.firstlineno,
      argcount: u.argcount,
      posonlyargcount: u.posonlyargcount,
      kwonlyargcount: u.kwonlyargcount,
      flags: u.flags,
      code,
      // (the constructor copies an array directly; TypedArray.from goes through its iterator)
      lines: new Int32Array(u.lines),
      endLines: new Int32Array(u.endLines),
      cols: new Int32Array(u.cols),
      endCols: new Int32Array(u.endCols),
      consts: u.consts,
      names: u.names,
      localsplusNames: names,
      localsplusKinds: new Uint8Array(kinds),
      nlocals: u.varnames.length,
      ncells: u.cellvars.length,
      nfrees: u.freevars.length,
      exceptionTable: new Int32Array(table),
      stacksize: u.maxDepth,
      source: this.lines,
    };
    this.u = this.stack.pop()!;
    return unit;
  }

  // ------------------------------------------------------------------ emission
  private emit(op: Op, arg: number): void {
    const u = this.u;
    if (u.depth < 0) {
      u.depth = 0; // unreachable code after a terminal instruction
      u.dead = true;
    }
    u.ops.push(op);
    u.args.push(arg);
    u.handlers.push(u.handlerStack.length ? u.handlerStack[u.handlerStack.length - 1] : null);
    const l = u.loc;
    u.lines.push(l.lineno);
    u.endLines.push(l.end_lineno);
    u.cols.push(l.col_offset);
    u.endCols.push(l.end_col_offset);
    const info = OPS[op];
    u.depth += info.effect(arg, false);
    if (u.depth > u.maxDepth) u.maxDepth = u.depth;
    if (info.terminal) u.depth = -1;
  }
  private newLabel(): Label {
    return { pos: -1, depth: -1 };
  }
  private emitJump(op: Op, label: Label): void {
    const u = this.u;
    if (u.depth < 0) {
      u.depth = 0;
      u.dead = true;
    }
    const info = OPS[op];
    const jd = u.depth + info.effect(0, true);
    // (a jump in unreachable code, as `return` in a try's else block leaves before the jump to
    // the try's end, does not decide the depth there: CPython's stackdepth() never visits it)
    if (label.depth < 0 && !u.dead) label.depth = jd;
    this.emit(op, 0);
    (u as unknown as { args: (number | Label)[] }).args[u.args.length - 1] = label as unknown as number;
  }
  private place(label: Label): void {
    label.pos = this.u.ops.length;
    const u = this.u;
    if (u.depth < 0 || u.dead) {
      if (label.depth >= 0) {
        u.depth = label.depth;
        u.dead = false;
      } else u.depth = 0;
    } else if (label.depth < 0) label.depth = u.depth;
  }
  private placeHandler(label: Label, h: Handler): void {
    label.pos = this.u.ops.length;
    this.u.depth = h.depth + 1 + (h.lasti ? 1 : 0);
    this.u.dead = false;
    if (this.u.depth > this.u.maxDepth) this.u.maxDepth = this.u.depth;
  }
  private setupHandler(label: Label, lasti: boolean): Handler {
    const h: Handler = { label, depth: this.u.depth, lasti };
    this.u.handlerStack.push(h);
    return h;
  }
  private popBlock(): Handler {
    return this.u.handlerStack.pop()!;
  }
  /** Resolve label objects stored in args into instruction indexes. */
  private resolveJumps(u: Unit) {
    for (let i = 0; i < u.args.length; i++) {
      const a = u.args[i] as unknown;
      if (typeof a === 'object' && a !== null) u.args[i] = (a as Label).pos;
    }
  }

  private withLoc<T>(node: Loc, f: () => T): T {
    const saved = this.u.loc;
    this.u.loc = node;
    try {
      return f();
    } finally {
      this.u.loc = saved;
    }
  }

  // ------------------------------------------------------------------ constants
  private constSlot(lit: ConstLit, arena: boolean): ConstSlot {
    if (lit.type === 'code') {
      return { lit, arena: false, users: 0 };
    }
    const key = constKey(lit);
    let s = this.constCache.get(key);
    if (!s) {
      s = { lit, arena, users: 0 };
      this.constCache.set(key, s);
    } else if (arena) {
      s.arena = true;
    }
    return s;
  }
  private addConst(slot: ConstSlot): number {
    let i = this.u.constIndex.get(slot);
    if (i === undefined) {
      i = this.u.consts.length;
      this.u.consts.push(slot);
      this.u.constIndex.set(slot, i);
    }
    return i;
  }
  private loadConstLit(lit: ConstLit, arena: boolean): void {
    this.emit(Op.LOAD_CONST, this.addConst(this.constSlot(lit, arena)));
  }
  private loadConst(c: A.Constant): void {
    this.emit(Op.LOAD_CONST, this.addConst(this.constFromNode(c)));
  }
  private constFromNode(c: A.Constant): ConstSlot {
    const v = c.value as ConstantValue | FoldedSeq;
    if (v.type === 'ftuple' || v.type === 'ffrozenset') {
      const items = v.elts.map((x) => this.constFromNode(x));
      return this.constSlot({ type: v.type === 'ftuple' ? 'tuple' : 'frozenset', items }, true);
    }
    return this.constSlot(v, true);
  }
  private name(n: string): number {
    let i = this.u.nameIndex.get(n);
    if (i === undefined) {
      i = this.u.names.length;
      this.u.names.push(n);
      this.u.nameIndex.set(n, i);
    }
    return i;
  }

  // ------------------------------------------------------------------ names (compiler_nameop)
  private nameOp(rawName: string, ctx: A.ExprContext): void {
    const u = this.u;
    const name = mangle(u.className, rawName);
    const b = u.block;
    let scope = b.scopeOf(name);
    if (scope === undefined) scope = Scope.GLOBAL_IMPLICIT;
    let kind: 'FAST' | 'DEREF' | 'GLOBAL' | 'NAME' | 'CLASSDEREF';
    if (scope === Scope.FREE || scope === Scope.CELL) {
      kind = b.type === 'class' && scope === Scope.FREE && ctx === 'Load' ? 'CLASSDEREF' : 'DEREF';
      if (b.type === 'class' && scope === Scope.CELL && name !== '__class__') kind = 'NAME';
    } else if (scope === Scope.LOCAL) {
      kind = b.type === 'function' ? 'FAST' : 'NAME';
    } else if (scope === Scope.GLOBAL_IMPLICIT) {
      kind = b.type === 'function' ? 'GLOBAL' : 'NAME';
    } else {
      kind = b.type === 'module' ? 'NAME' : 'GLOBAL';
    }
    switch (kind) {
      case 'FAST': {
        const i = u.slotIndex.get(name)!;
        this.emit(ctx === 'Load' ? Op.LOAD_FAST : ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST, i);
        return;
      }
      case 'DEREF':
      case 'CLASSDEREF': {
        const i = this.derefIndex(name);
        if (kind === 'CLASSDEREF') this.emit(Op.LOAD_CLASSDEREF, i);
        else this.emit(ctx === 'Load' ? Op.LOAD_DEREF : ctx === 'Store' ? Op.STORE_DEREF : Op.DELETE_DEREF, i);
        return;
      }
      case 'GLOBAL':
        if (ctx === 'Load') this.emit(Op.LOAD_GLOBAL, this.name(name) << 1);
        else this.emit(ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, this.name(name));
        return;
      case 'NAME':
        this.emit(ctx === 'Load' ? Op.LOAD_NAME : ctx === 'Store' ? Op.STORE_NAME : Op.DELETE_NAME, this.name(name));
        return;
    }
  }

  /** Index into localsplus of a cell or free variable. */
  private derefIndex(name: string): number {
    const u = this.u;
    const vi = u.varnames.indexOf(name);
    if (vi >= 0 && u.cellvars.includes(name)) return vi;
    let idx = u.varnames.length;
    for (const c of u.cellvars) {
      if (u.varnames.includes(c)) continue;
      if (c === name) return idx;
      idx++;
    }
    const fi = u.freevars.indexOf(name);
    if (fi >= 0) return idx + fi;
    throw new Error(`internal: no cell or free variable ${name} in ${u.name}`);
  }

  // ------------------------------------------------------------------ statements
  private visitStmts(ss: A.Stmt[]) {
    for (const s of ss) this.visitStmt(s);
  }

  private visitStmt(s: A.Stmt): void {
    this.withLoc(locOf(s), () => this.visitStmtInner(s));
  }

  private visitStmtInner(s: A.Stmt): void {
    switch (s.kind) {
      case 'FunctionDef':
        return this.functionDef(s, false);
      case 'AsyncFunctionDef':
        return this.unsupported('async def', s);
      case 'ClassDef':
        return this.classDef(s);
      case 'Return': {
        if (this.u.block.type !== 'function') this.error("'return' outside function", s);
        const preserve = s.value !== null && !(foldExpr(s.value).kind === 'Constant');
        if (preserve) this.visitExpr(s.value!);
        // (compiler_return: the location is the statement's, but a constant value's on its line)
        this.checkExceptStar(false, !preserve && s.value !== null && s.value.lineno === s.lineno ? locOf(s.value) : locOf(s));
        this.unwindAll(preserve, locOf(s));
        if (!s.value) this.loadConstLit({ type: 'None' }, false);
        else if (!preserve) this.visitExpr(s.value);
        this.emit(Op.RETURN_VALUE, 0);
        return;
      }
      case 'Delete':
        for (const t of s.targets) this.visitExpr(t);
        return;
      case 'Assign': {
        if (s.targets.length === 1 && this.assignSwap(s.targets[0], s.value)) return;
        this.visitExpr(s.value);
        for (let i = 0; i < s.targets.length; i++) {
          if (i < s.targets.length - 1) this.emit(Op.COPY, 1);
          this.visitExpr(s.targets[i]);
        }
        return;
      }
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign':
        return this.annAssign(s);
      case 'For':
        return this.forStmt(s);
      case 'AsyncFor':
        return this.unsupported('async for', s);
      case 'While':
        return this.whileStmt(s);
      case 'If': {
        const end = this.newLabel();
        const next = s.orelse.length ? this.newLabel() : end;
        this.jumpIf(s.test, next, false);
        this.visitStmts(s.body);
        if (s.orelse.length) {
          this.u.loc = NO_LOC;
          this.emitJump(Op.JUMP_FORWARD, end);
          this.place(next);
          this.visitStmts(s.orelse);
        }
        this.place(end);
        return;
      }
      case 'With':
        return this.withStmt(s, 0);
      case 'AsyncWith':
        return this.unsupported('async with', s);
      case 'Match':
        return this.matchStmt(s);
      case 'Raise': {
        let n = 0;
        if (s.exc) {
          this.visitExpr(s.exc);
          n++;
          if (s.cause) {
            this.visitExpr(s.cause);
            n++;
          }
        }
        this.u.loc = locOf(s);
        this.emit(Op.RAISE_VARARGS, n);
        return;
      }
      case 'Try':
        if (s.finalbody.length) return this.tryFinally(s);
        return this.tryExcept(s);
      case 'TryStar':
        // compiler_try_star
        if (s.finalbody.length) return this.tryFinally(s as unknown as A.Try, true);
        return this.tryStarExcept(s);
      case 'Assert': {
        // compiler_assert: a non-empty tuple (or one folded to a constant) is always true
        const t = foldExpr(s.test);
        if ((s.test.kind === 'Tuple' && s.test.elts.length > 0) || (t.kind === 'Constant' && (t.value as ConstantValue | FoldedSeq).type === 'ftuple' && (t.value as unknown as FoldedSeq).elts.length > 0)) {
          this.warn('assertion is always true, perhaps remove parentheses?', s);
        }
        const end = this.newLabel();
        this.jumpIf(s.test, end, true);
        // compiler_jump_if (3.11.7) sets the location of a Compare it tests and does not restore
        // it: the raise takes the last such comparison's, else the statement's
        const cmp = this.lastTestedCompare(s.test);
        if (cmp) this.u.loc = locOf(cmp);
        this.emit(Op.LOAD_ASSERTION_ERROR, 0);
        if (s.msg) {
          this.visitExpr(s.msg);
          this.emit(Op.CALL, 0);
        }
        this.emit(Op.RAISE_VARARGS, 1);
        this.place(end);
        return;
      }
      case 'Import':
        for (const a of s.names) {
          this.u.loc = locOf(s);
          this.loadConstLit({ type: 'int', value: 0n }, false);
          this.loadConstLit({ type: 'None' }, false);
          this.emit(Op.IMPORT_NAME, this.name(a.name));
          if (a.asname) {
            const parts = a.name.split('.');
            for (let i = 1; i < parts.length; i++) {
              this.emit(Op.IMPORT_FROM, this.name(parts[i]));
              this.emit(Op.SWAP, 2);
              this.emit(Op.POP_TOP, 0);
            }
            this.nameOp(a.asname, 'Store');
          } else {
            this.nameOp(a.name.split('.')[0], 'Store');
          }
        }
        return;
      case 'ImportFrom': {
        if (s.module === '__future__' && s.lineno > this.futureLine) this.error('from __future__ imports must occur at the beginning of the file', s);
        const names = s.names.map((a) => this.constSlot({ type: 'str', value: a.name }, false));
        this.loadConstLit({ type: 'int', value: BigInt(s.level) }, false);
        this.emit(Op.LOAD_CONST, this.addConst(this.constSlot({ type: 'tuple', items: names }, false)));
        this.emit(Op.IMPORT_NAME, this.name(s.module ?? ''));
        if (s.names.length === 1 && s.names[0].name === '*') {
          this.emit(Op.IMPORT_STAR, 0);
          return;
        }
        for (const a of s.names) {
          this.emit(Op.IMPORT_FROM, this.name(a.name));
          this.nameOp(a.asname ?? a.name, 'Store');
        }
        this.emit(Op.POP_TOP, 0);
        return;
      }
      case 'Global':
      case 'Nonlocal':
        return;
      case 'Expr': {
        if (s.value.kind === 'Constant') {
          this.emit(Op.NOP, 0);
          return;
        }
        this.visitExpr(s.value);
        this.u.loc = locOf(s);
        this.emit(Op.POP_TOP, 0);
        return;
      }
      case 'Pass':
        this.emit(Op.NOP, 0);
        return;
      case 'Break': {
        this.checkExceptStar(true, locOf(s));
        const loop = this.unwindToLoop(false, locOf(s));
        if (!loop) this.error("'break' outside loop", s);
        return;
      }
      case 'Continue': {
        this.checkExceptStar(true, locOf(s));
        const loop = this.unwindToLoop(true, locOf(s));
        if (!loop) this.error("'continue' not properly in loop", s);
        return;
      }
    }
  }

  private augAssign(s: A.AugAssign) {
    const t = s.target;
    const op = BINOPS[s.op] + BinOp.INPLACE;
    switch (t.kind) {
      case 'Name':
        this.withLoc(locOf(t), () => this.nameOp(t.id, 'Load'));
        this.visitExpr(s.value);
        this.emit(Op.BINARY_OP, op);
        this.withLoc(locOf(t), () => this.nameOp(t.id, 'Store'));
        return;
      case 'Attribute':
        this.visitExpr(t.value);
        this.withLoc(locOf(t), () => this.emit(Op.COPY, 1));
        this.withLoc(attrLoc(locOf(t), t), () => this.emit(Op.LOAD_ATTR, this.name(mangle(this.u.className, t.attr))));
        this.visitExpr(s.value);
        this.emit(Op.BINARY_OP, op);
        this.withLoc(attrLoc(locOf(t), t), () => {
          this.emit(Op.SWAP, 2);
          this.emit(Op.STORE_ATTR, this.name(mangle(this.u.className, t.attr)));
        });
        return;
      case 'Subscript':
        this.visitExpr(t.value);
        this.visitExpr(t.slice);
        this.withLoc(locOf(t), () => {
          this.emit(Op.COPY, 2);
          this.emit(Op.COPY, 2);
          this.emit(Op.BINARY_SUBSCR, 0);
        });
        this.visitExpr(s.value);
        this.emit(Op.BINARY_OP, op);
        this.withLoc(locOf(t), () => {
          this.emit(Op.SWAP, 3);
          this.emit(Op.SWAP, 2);
          this.emit(Op.STORE_SUBSCR, 0);
        });
        return;
      default:
        this.error("'" + exprName(t) + "' is an illegal expression for augmented assignment", t);
    }
  }

  private annAssign(s: A.AnnAssign) {
    const t = s.target;
    if (s.value) {
      this.visitExpr(s.value);
      this.visitExpr(t);
    }
    if (t.kind === 'Name') {
      if (s.simple && this.u.block.type !== 'function') {
        // __annotations__['x'] = annotation (module and class bodies)
        this.visitAnnotation(s.annotation);
        this.emit(Op.LOAD_NAME, this.name('__annotations__'));
        this.loadConstLit({ type: 'str', value: mangle(this.u.className, t.id) }, false);
        this.emit(Op.STORE_SUBSCR, 0);
      }
    } else if (t.kind === 'Attribute') {
      if (!s.value) {
        this.visitExpr(t.value);
        this.emit(Op.POP_TOP, 0);
      }
    } else if (t.kind === 'Subscript') {
      if (!s.value) {
        this.visitExpr(t.value);
        this.emit(Op.POP_TOP, 0);
        this.visitExpr(t.slice);
        this.emit(Op.POP_TOP, 0);
      }
    }
    // check_annotation: the annotation of any other target is evaluated last, and dropped (in a
    // module or class body, unless annotations are text)
    if (!s.simple && !this.futureAnnotations && this.u.block.type !== 'function') {
      this.visitExpr(s.annotation);
      this.emit(Op.POP_TOP, 0);
    }
  }

  private forStmt(s: A.For) {
    const start = this.newLabel();
    const cleanup = this.newLabel();
    const end = this.newLabel();
    this.visitExpr(foldIter(s.iter));
    this.emit(Op.GET_ITER, 0);
    this.place(start);
    this.u.fblocks.push({ kind: 'FOR_LOOP', start, exit: end });
    this.emitJump(Op.FOR_ITER, cleanup);
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.u.loc = NO_LOC;
    this.emitJump(Op.JUMP_BACKWARD, start);
    this.u.fblocks.pop();
    this.place(cleanup);
    this.visitStmts(s.orelse);
    this.place(end);
  }

  private whileStmt(s: A.While) {
    const loop = this.newLabel();
    const body = this.newLabel();
    const anchor = this.newLabel();
    const end = this.newLabel();
    this.place(loop);
    this.u.fblocks.push({ kind: 'WHILE_LOOP', start: loop, exit: end });
    this.jumpIf(s.test, anchor, false);
    this.place(body);
    this.visitStmts(s.body);
    this.u.loc = locOf(s.test);
    this.emitJump(Op.JUMP_BACKWARD, loop);
    this.u.fblocks.pop();
    this.place(anchor);
    this.visitStmts(s.orelse);
    this.place(end);
  }

  // compiler_try_except
  private tryExcept(s: A.Try) {
    const body = this.newLabel();
    const except = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    void body;
    const h = this.setupHandler(except, false);
    this.u.fblocks.push({ kind: 'TRY_EXCEPT' });
    this.visitStmts(s.body);
    this.u.fblocks.pop();
    this.popBlock();
    this.u.loc = NO_LOC;
    if (s.orelse.length) this.visitStmts(s.orelse);
    this.u.loc = NO_LOC;
    this.emitJump(Op.JUMP_FORWARD, end);
    this.placeHandler(except, h);
    const ch = this.setupHandler(cleanup, true);
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.u.fblocks.push({ kind: 'EXCEPTION_HANDLER' });
    const n = s.handlers.length;
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i];
      this.u.loc = locOf(handler);
      if (!handler.type && i < n - 1) this.error("default 'except:' must be last", handler);
      const next = this.newLabel();
      if (handler.type) {
        this.visitExpr(handler.type);
        this.emit(Op.CHECK_EXC_MATCH, 0);
        this.emitJump(Op.POP_JUMP_IF_FALSE, next);
      }
      const depthAtBody = this.u.depth;
      if (handler.name) {
        const cleanupEnd = this.newLabel();
        this.nameOp(handler.name, 'Store');
        const h2 = this.setupHandler(cleanupEnd, true);
        this.u.fblocks.push({ kind: 'HANDLER_CLEANUP', name: handler.name });
        this.visitStmts(handler.body);
        this.u.fblocks.pop();
        this.u.loc = NO_LOC;
        this.popBlock();
        this.popBlock();
        this.emit(Op.POP_EXCEPT, 0);
        this.loadConstLit({ type: 'None' }, false);
        this.nameOp(handler.name, 'Store');
        this.nameOp(handler.name, 'Del');
        this.emitJump(Op.JUMP_FORWARD, end);
        this.u.handlerStack.push(ch);
        this.placeHandler(cleanupEnd, h2);
        this.loadConstLit({ type: 'None' }, false);
        this.nameOp(handler.name, 'Store');
        this.nameOp(handler.name, 'Del');
        this.emit(Op.RERAISE, 1);
      } else {
        this.emit(Op.POP_TOP, 0);
        this.u.fblocks.push({ kind: 'HANDLER_CLEANUP', name: null });
        this.visitStmts(handler.body);
        this.u.fblocks.pop();
        this.u.loc = NO_LOC;
        this.popBlock();
        this.emit(Op.POP_EXCEPT, 0);
        this.emitJump(Op.JUMP_FORWARD, end);
        this.u.handlerStack.push(ch);
      }
      void depthAtBody;
      this.place(next);
    }
    this.u.loc = NO_LOC;
    this.u.fblocks.pop();
    this.emit(Op.RERAISE, 0);
    this.popBlock();
    this.placeHandler(cleanup, ch);
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.RERAISE, 1);
    this.place(end);
  }

  /** compiler_unwind_fblock_stack: unwinding into an except* block (before the loop, for
   * break and continue) is an error */
  private checkExceptStar(stopAtLoop: boolean, loc: Loc): void {
    const fbs = this.u.fblocks;
    for (let i = fbs.length - 1; i >= 0; i--) {
      const k = fbs[i].kind;
      if (k === 'EXCEPTION_GROUP_HANDLER') this.error("'break', 'continue' and 'return' cannot appear in an except* block", loc);
      if (stopAtLoop && (k === 'WHILE_LOOP' || k === 'FOR_LOOP')) return;
    }
  }

  // compiler_try_star_except (CPython 3.11). Stack in the handlers: [prev_exc, orig, list, rest];
  // each clause's CHECK_EG_MATCH splits rest into [rest, match]; what a clause raises is appended
  // to the list, then the unmatched rest, and PREP_RERAISE_STAR makes what is re-raised.
  private tryStarExcept(s: A.TryStar) {
    const end = this.newLabel();
    const orelse = this.newLabel();
    const except = this.newLabel();
    const cleanup = this.newLabel();
    const reraiseStar = this.newLabel();
    const reraise = this.newLabel();
    const h = this.setupHandler(except, false);
    this.u.fblocks.push({ kind: 'TRY_EXCEPT' });
    this.visitStmts(s.body);
    this.u.fblocks.pop();
    this.popBlock();
    this.u.loc = NO_LOC;
    this.emitJump(Op.JUMP_FORWARD, orelse);
    this.placeHandler(except, h);
    const ch = this.setupHandler(cleanup, true);
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.u.fblocks.push({ kind: 'EXCEPTION_GROUP_HANDLER' });
    const n = s.handlers.length;
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i];
      this.u.loc = locOf(handler);
      const exceptL = this.newLabel();
      const exceptWithError = this.newLabel();
      const noMatch = this.newLabel();
      if (i === 0) {
        // [orig, [], exc]: the original group, and the list of what the clauses raise
        this.emit(Op.COPY, 1);
        this.emit(Op.BUILD_LIST, 0);
        this.emit(Op.SWAP, 2);
      }
      this.visitExpr(handler.type!);
      this.emit(Op.CHECK_EG_MATCH, 0);
      this.emit(Op.COPY, 1);
      this.emitJump(Op.POP_JUMP_IF_NONE, noMatch);
      const cleanupEnd = this.newLabel();
      if (handler.name) this.nameOp(handler.name, 'Store');
      else this.emit(Op.POP_TOP, 0);
      const h2 = this.setupHandler(cleanupEnd, true);
      this.u.fblocks.push({ kind: 'HANDLER_CLEANUP', name: handler.name });
      this.visitStmts(handler.body);
      this.u.fblocks.pop();
      this.u.loc = NO_LOC;
      this.popBlock();
      if (handler.name) {
        this.loadConstLit({ type: 'None' }, false);
        this.nameOp(handler.name, 'Store');
        this.nameOp(handler.name, 'Del');
      }
      this.emitJump(Op.JUMP_FORWARD, exceptL);
      this.placeHandler(cleanupEnd, h2);
      if (handler.name) {
        this.loadConstLit({ type: 'None' }, false);
        this.nameOp(handler.name, 'Store');
        this.nameOp(handler.name, 'Del');
      }
      // add the exception raised in the clause to the list
      this.emit(Op.LIST_APPEND, 3);
      this.emit(Op.POP_TOP, 0); // lasti
      this.emitJump(Op.JUMP_FORWARD, exceptWithError);
      this.place(exceptL);
      this.emitJump(Op.JUMP_FORWARD, exceptWithError);
      this.place(noMatch);
      this.u.loc = locOf(handler);
      this.emit(Op.POP_TOP, 0); // match (None)
      this.place(exceptWithError);
      if (i === n - 1) {
        // add the unhandled rest (None if everything matched)
        this.emit(Op.LIST_APPEND, 1);
      }
    }
    this.u.loc = NO_LOC;
    this.u.fblocks.pop();
    this.place(reraiseStar);
    this.emit(Op.PREP_RERAISE_STAR, 0);
    this.emit(Op.COPY, 1);
    this.emitJump(Op.POP_JUMP_IF_NOT_NONE, reraise);
    // nothing to re-raise
    this.emit(Op.POP_TOP, 0);
    this.popBlock();
    this.emit(Op.POP_EXCEPT, 0);
    this.emitJump(Op.JUMP_FORWARD, end);
    this.place(reraise);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.RERAISE, 0);
    this.placeHandler(cleanup, ch);
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.RERAISE, 1);
    this.place(orelse);
    this.visitStmts(s.orelse);
    this.place(end);
  }

  // compiler_try_finally (compiler_try_star_finally: the same around compiler_try_star_except)
  private tryFinally(s: A.Try, star = false) {
    const end = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    const h = this.setupHandler(end, false);
    this.u.fblocks.push({ kind: 'FINALLY_TRY', finalbody: s.finalbody });
    if (s.handlers.length) {
      if (star) this.tryStarExcept({ ...s, kind: 'TryStar', finalbody: [] } as unknown as A.TryStar);
      else this.tryExcept({ ...s, finalbody: [] });
    } else this.visitStmts(s.body);
    this.u.fblocks.pop();
    this.popBlock();
    this.visitStmts(s.finalbody);
    this.u.loc = NO_LOC;
    this.emitJump(Op.JUMP_FORWARD, exit);
    // exceptional path
    this.placeHandler(end, h);
    const ch = this.setupHandler(cleanup, true);
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.u.fblocks.push({ kind: 'FINALLY_END' });
    this.visitStmts(s.finalbody);
    this.u.fblocks.pop();
    this.u.loc = NO_LOC;
    this.emit(Op.RERAISE, 0);
    this.popBlock();
    this.placeHandler(cleanup, ch);
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.RERAISE, 1);
    this.place(exit);
  }

  // compiler_with
  private withStmt(s: A.With, pos: number) {
    const item = s.items[pos];
    const final = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.visitExpr(item.context_expr);
    this.u.loc = locOf(s);
    this.emit(Op.BEFORE_WITH, 0);
    // handler depth: [exit] (the __enter__ result is not part of it)
    this.u.depth -= 1;
    const h = this.setupHandler(final, true);
    this.u.depth += 1;
    this.u.fblocks.push({ kind: 'WITH' });
    if (item.optional_vars) this.visitExpr(item.optional_vars);
    else this.emit(Op.POP_TOP, 0);
    if (pos + 1 === s.items.length) this.visitStmts(s.body);
    else this.withStmt(s, pos + 1);
    this.u.fblocks.pop();
    this.popBlock();
    this.u.loc = locOf(s);
    this.callExitWithNones();
    this.emitJump(Op.JUMP_FORWARD, exit);
    this.placeHandler(final, h);
    const ch = this.setupHandler(cleanup, true);
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.emit(Op.WITH_EXCEPT_START, 0);
    // compiler_with_except_finish
    const suppress = this.newLabel();
    this.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
    this.emit(Op.RERAISE, 2);
    this.place(suppress);
    this.emit(Op.POP_TOP, 0);
    this.popBlock();
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.POP_TOP, 0);
    this.emit(Op.POP_TOP, 0);
    this.emitJump(Op.JUMP_FORWARD, exit);
    this.placeHandler(cleanup, ch);
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.RERAISE, 1);
    this.place(exit);
  }

  // compiler_match: the subject stays on the stack while each case's pattern is tried
  private matchStmt(s: A.Match) {
    this.visitExpr(s.subject);
    const end = this.newLabel();
    const n = s.cases.length;
    s.cases.forEach((c, i) => {
      const p = c.pattern;
      if (i < n - 1 && !c.guard && p.kind === 'MatchAs' && !p.pattern) {
        if (p.name) this.error(`name capture '${p.name}' makes remaining patterns unreachable`, p);
        this.error('wildcard makes remaining patterns unreachable', p);
      }
      const next = this.newLabel();
      this.u.loc = locOf(p);
      this.pattern(p, next);
      if (c.guard) this.jumpIf(c.guard, next, false);
      this.u.loc = locOf(p);
      this.emit(Op.POP_TOP, 0);
      this.visitStmts(c.body);
      this.u.loc = NO_LOC;
      this.emitJump(Op.JUMP_FORWARD, end);
      this.place(next);
    });
    this.u.loc = NO_LOC;
    this.emit(Op.POP_TOP, 0);
    this.place(end);
  }

  /** Match `p` against the value on top of the stack (kept); jump to `fail` (same depth) on mismatch. */
  private pattern(p: A.Pattern, fail: Label): void {
    this.withLoc(locOf(p), () => this.patternInner(p, fail));
  }

  private patternInner(p: A.Pattern, fail: Label): void {
    switch (p.kind) {
      case 'MatchValue':
        this.emit(Op.COPY, 1);
        this.visitExpr(p.value);
        this.emit(Op.COMPARE_OP, 2);
        this.emitJump(Op.POP_JUMP_IF_FALSE, fail);
        return;
      case 'MatchSingleton':
        this.emit(Op.COPY, 1);
        this.loadConstLit(p.value, false);
        this.emit(Op.IS_OP, 0);
        this.emitJump(Op.POP_JUMP_IF_FALSE, fail);
        return;
      case 'MatchAs':
        if (p.pattern) this.pattern(p.pattern, fail);
        if (p.name) {
          this.emit(Op.COPY, 1);
          this.nameOp(p.name, 'Store');
        }
        return;
      case 'MatchStar':
        this.error("can't use starred name here", p);
        return;
      case 'MatchOr': {
        const ok = this.newLabel();
        p.patterns.forEach((alt, i) => {
          if (i === p.patterns.length - 1) {
            this.pattern(alt, fail);
            return;
          }
          const next = this.newLabel();
          this.pattern(alt, next);
          this.emitJump(Op.JUMP_FORWARD, ok);
          this.place(next);
        });
        this.place(ok);
        return;
      }
      case 'MatchSequence': {
        this.emit(Op.MATCH_SEQUENCE, 0);
        this.emitJump(Op.POP_JUMP_IF_FALSE, fail);
        const star = p.patterns.findIndex((q) => q.kind === 'MatchStar');
        const n = p.patterns.length;
        this.emit(Op.GET_LEN, 0);
        this.loadConstLit({ type: 'int', value: BigInt(star >= 0 ? n - 1 : n) }, false);
        this.emit(Op.COMPARE_OP, star >= 0 ? 5 : 2);
        this.emitJump(Op.POP_JUMP_IF_FALSE, fail);
        const subfail = this.newLabel();
        p.patterns.forEach((q, i) => {
          if (q.kind === 'MatchStar') {
            // the starred part as a list: subject[i:len-after]
            const after = n - i - 1;
            this.emit(Op.BUILD_LIST, 0);
            this.emit(Op.COPY, 2);
            this.loadConstLit({ type: 'int', value: BigInt(i) }, false);
            if (after) this.loadConstLit({ type: 'int', value: BigInt(-after) }, false);
            else this.loadConstLit({ type: 'None' }, false);
            this.emit(Op.BUILD_SLICE, 2);
            this.emit(Op.BINARY_SUBSCR, 0);
            this.emit(Op.LIST_EXTEND, 1);
            if (q.name) this.nameOp(q.name, 'Store');
            else this.emit(Op.POP_TOP, 0);
            return;
          }
          if (q.kind === 'MatchAs' && !q.pattern && !q.name) return; // wildcard
          this.emit(Op.COPY, 1);
          const idx = star >= 0 && i > star ? -(n - i) : i;
          this.loadConstLit({ type: 'int', value: BigInt(idx) }, false);
          this.emit(Op.BINARY_SUBSCR, 0);
          this.pattern(q, subfail);
          this.emit(Op.POP_TOP, 0);
        });
        this.closeSubfail(subfail, fail);
        return;
      }
      case 'MatchMapping': {
        this.emit(Op.MATCH_MAPPING, 0);
        this.emitJump(Op.POP_JUMP_IF_FALSE, fail);
        if (p.keys.length) {
          this.emit(Op.GET_LEN, 0);
          this.loadConstLit({ type: 'int', value: BigInt(p.keys.length) }, false);
          this.emit(Op.COMPARE_OP, 5);
          this.emitJump(Op.POP_JUMP_IF_FALSE, fail);
        }
        const subfail = this.newLabel();
        p.keys.forEach((k, i) => {
          this.visitExpr(k);
          this.emit(Op.COPY, 2);
          this.emit(Op.CONTAINS_OP, 0);
          this.emitJump(Op.POP_JUMP_IF_FALSE, fail);
          this.emit(Op.COPY, 1);
          this.visitExpr(k);
          this.emit(Op.BINARY_SUBSCR, 0);
          this.pattern(p.patterns[i], subfail);
          this.emit(Op.POP_TOP, 0);
        });
        this.closeSubfail(subfail, fail);
        if (p.rest) {
          this.emit(Op.COPY, 1);
          for (const k of p.keys) this.visitExpr(k);
          this.emit(Op.BUILD_TUPLE, p.keys.length);
          this.emit(Op.COPY_DICT_WITHOUT_KEYS, 0);
          this.nameOp(p.rest, 'Store');
        }
        return;
      }
      case 'MatchClass': {
        this.emit(Op.COPY, 1);
        this.visitExpr(p.cls);
        this.emit(Op.MATCH_CLASS, p.patterns.length ? 3 + p.patterns.length : 0);
        this.emitJump(Op.POP_JUMP_IF_FALSE, fail);
        const subfail = this.newLabel();
        p.patterns.forEach((q, i) => {
          this.emit(Op.COPY, 1);
          this.visitExpr(p.cls);
          this.loadConstLit({ type: 'int', value: BigInt(i) }, false);
          this.emit(Op.MATCH_CLASS, 1);
          this.emitJump(Op.POP_JUMP_IF_FALSE, subfail);
          this.pattern(q, subfail);
          this.emit(Op.POP_TOP, 0);
        });
        p.kwd_attrs.forEach((name, i) => {
          this.emit(Op.COPY, 1);
          this.loadConstLit({ type: 'str', value: name }, false);
          this.emit(Op.MATCH_CLASS, 2);
          this.emitJump(Op.POP_JUMP_IF_FALSE, subfail);
          this.pattern(p.kwd_patterns[i], subfail);
          this.emit(Op.POP_TOP, 0);
        });
        this.closeSubfail(subfail, fail);
        return;
      }
    }
  }

  /** A sub-pattern failed with its item on the stack: drop it and fail the whole pattern. */
  private closeSubfail(subfail: Label, fail: Label) {
    if (subfail.depth < 0) return; // never jumped to
    const ok = this.newLabel();
    this.emitJump(Op.JUMP_FORWARD, ok);
    this.place(subfail);
    this.emit(Op.POP_TOP, 0);
    this.emitJump(Op.JUMP_FORWARD, fail);
    this.place(ok);
  }

  private callExitWithNones() {
    this.loadConstLit({ type: 'None' }, false);
    this.loadConstLit({ type: 'None' }, false);
    this.loadConstLit({ type: 'None' }, false);
    this.emit(Op.CALL, 2);
    this.emit(Op.POP_TOP, 0);
  }

  // compiler_unwind_fblock
  private unwindFBlock(f: FBlock, preserveTos: boolean): void {
    switch (f.kind) {
      case 'WHILE_LOOP':
      case 'EXCEPTION_HANDLER':
      case 'EXCEPTION_GROUP_HANDLER':
        return;
      case 'FOR_LOOP':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP, 0);
        return;
      case 'TRY_EXCEPT':
        this.popBlock();
        return;
      case 'FINALLY_TRY': {
        this.popBlock();
        if (preserveTos) this.u.fblocks.push({ kind: 'POP_VALUE' });
        // the finally body runs with the fblocks outside this one
        this.visitStmts(f.finalbody!);
        if (preserveTos) this.u.fblocks.pop();
        return;
      }
      case 'FINALLY_END':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP, 0);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.popBlock();
        this.emit(Op.POP_EXCEPT, 0);
        return;
      case 'WITH':
        this.popBlock();
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.callExitWithNones();
        return;
      case 'HANDLER_CLEANUP':
        if (f.name) this.popBlock();
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.popBlock();
        this.emit(Op.POP_EXCEPT, 0);
        if (f.name) {
          this.loadConstLit({ type: 'None' }, false);
          this.nameOp(f.name, 'Store');
          this.nameOp(f.name, 'Del');
        }
        return;
      case 'POP_VALUE':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP, 0);
        return;
    }
  }

  private saveState() {
    return { handlers: [...this.u.handlerStack], fblocks: [...this.u.fblocks] };
  }
  private restoreState(st: { handlers: Handler[]; fblocks: FBlock[] }) {
    this.u.handlerStack = st.handlers;
    this.u.fblocks = st.fblocks;
  }

  private unwindAll(preserveTos: boolean, loc: Loc) {
    const st = this.saveState();
    const depth = this.u.depth;
    while (this.u.fblocks.length) {
      const f = this.u.fblocks.pop()!;
      this.u.loc = loc;
      this.unwindFBlock(f, preserveTos);
    }
    this.u.loc = loc;
    this.restoreState(st);
    void depth;
  }

  private unwindToLoop(isContinue: boolean, loc: Loc): FBlock | null {
    const st = this.saveState();
    const fbs = this.u.fblocks;
    let loopIdx = -1;
    for (let i = fbs.length - 1; i >= 0; i--) {
      if (fbs[i].kind === 'WHILE_LOOP' || fbs[i].kind === 'FOR_LOOP') {
        loopIdx = i;
        break;
      }
      if (fbs[i].kind === 'EXCEPTION_HANDLER' && false) break;
    }
    if (loopIdx < 0) return null;
    const loop = fbs[loopIdx];
    const depth = this.u.depth;
    while (this.u.fblocks.length > loopIdx + 1) {
      const f = this.u.fblocks.pop()!;
      this.u.loc = loc;
      this.unwindFBlock(f, false);
    }
    this.u.loc = loc;
    if (isContinue) {
      this.emitJump(Op.JUMP_BACKWARD, loop.start!);
    } else {
      this.unwindFBlock(loop, false);
      this.emitJump(Op.JUMP_FORWARD, loop.exit!);
    }
    this.restoreState(st);
    void depth;
    return loop;
  }

  // ------------------------------------------------------------------ functions and classes
  /**
   * The tuple of `elts` when every one is a constant: NOPs and one LOAD_CONST, as 3.11's
   * optimize_basic_block makes of LOAD_CONST... BUILD_TUPLE (fold_tuple_on_constants). The items
   * stay in co_consts where the code put them; the tuple is appended after every constant the
   * code loads (the optimizer runs once the code is generated), merged with an equal constant.
   * False (nothing emitted) when an item is not a constant.
   */
  private constTuple(elts: A.Expr[]): boolean {
    const folded = elts.map((e) => foldExpr(e));
    if (!folded.every((e) => e.kind === 'Constant')) return false;
    const items = folded.map((e) => this.constFromNode(e as A.Constant));
    // each LOAD_CONST becomes a NOP with its line, which CPython keeps only where it alone
    // carries a line (clean_basic_block; sizes.ts counts them so)
    elts.forEach((e, i) => {
      this.addConst(items[i]);
      this.withLoc(e, () => this.emit(Op.NOP, 0));
    });
    this.emit(Op.LOAD_CONST, 0);
    this.u.folds.push({ at: this.u.ops.length - 1, slot: this.constSlot({ type: 'tuple', items }, false) });
    return true;
  }

  private visitDefaults(a: A.Arguments): number {
    let flags = 0;
    if (a.defaults.length) {
      if (!this.constTuple(a.defaults)) {
        for (const d of a.defaults) this.visitExpr(d);
        this.emit(Op.BUILD_TUPLE, a.defaults.length);
      }
      flags |= 1;
    }
    const kw: [string, A.Expr][] = [];
    a.kwonlyargs.forEach((arg, i) => {
      const d = a.kw_defaults[i];
      if (d) kw.push([arg.arg, d]);
    });
    if (kw.length) {
      // compiler_visit_kwonlydefaults: the values, then a constant tuple of the (mangled) names
      for (const [, d] of kw) this.visitExpr(d);
      const names = kw.map(([k]) => this.constSlot({ type: 'str', value: mangle(this.u.className, k) }, false));
      this.emit(Op.LOAD_CONST, this.addConst(this.constSlot({ type: 'tuple', items: names }, false)));
      this.emit(Op.BUILD_CONST_KEY_MAP, kw.length);
      flags |= 2;
    }
    return flags;
  }

  private visitAnnotations(a: A.Arguments, returns: A.Expr | null): number {
    const pairs: [string, A.Expr][] = [];
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
    for (const p of all) if (p.annotation) pairs.push([mangle(this.u.className, p.arg), p.annotation]);
    if (returns) pairs.push(['return', returns]);
    if (!pairs.length) return 0;
    for (const [k, v] of pairs) {
      this.loadConstLit({ type: 'str', value: k }, false);
      this.visitAnnotation(v);
    }
    this.emit(Op.BUILD_TUPLE, pairs.length * 2);
    return 4;
  }

  private makeClosure(code: CodeUnit, flags: number, qualname: string) {
    void qualname;
    if (code.nfrees) {
      const frees = code.localsplusNames.slice(code.localsplusNames.length - code.nfrees);
      for (const f of frees) {
        // LOAD_CLOSURE of the enclosing slot (a cell here, or a free variable passed through)
        const b = this.u.block;
        const sc = b.scopeOf(f);
        if (b.type === 'class' && f === '__class__') this.emit(Op.LOAD_CLOSURE, this.derefIndex(f));
        else if (sc === Scope.CELL || sc === Scope.FREE || this.u.freevars.includes(f) || this.u.cellvars.includes(f)) this.emit(Op.LOAD_CLOSURE, this.derefIndex(f));
        else throw new Error(`internal: closure variable ${f} not found in ${this.u.name}`);
      }
      this.emit(Op.BUILD_TUPLE, code.nfrees);
      flags |= 8;
    }
    this.emit(Op.LOAD_CONST, this.addConst(this.constSlot({ type: 'code', code }, false)));
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  private qualname(name: string): string {
    const parent = this.u;
    if (parent.block.type === 'module') return name;
    // a function whose name is declared global in the enclosing scope gets a plain qualname
    if (parent.block.scopeOf(name) === Scope.GLOBAL_EXPLICIT) return name;
    if (parent.block.type === 'function') return parent.qualname + '.<locals>.' + name;
    return parent.qualname + '.' + name;
  }

  private functionDef(s: A.FunctionDef, isAsync: boolean) {
    void isAsync;
    for (const d of s.decorator_list) this.visitExpr(d);
    const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
    let flags = this.visitDefaults(s.args);
    flags |= this.visitAnnotations(s.args, s.returns);
    const qn = this.qualname(s.name);
    const block = this.st.blocks.get(s)!;
    this.enterUnit(block, s.name, qn, firstlineno, this.u.className);
    this.setupArgs(s.args, block);
    // docstring: co_consts[0]
    let body = s.body;
    if (body.length && isDocstring(body[0])) {
      this.addConst(this.constFromNode((body[0] as A.ExprStmt).value as A.Constant));
      body = body.slice(1);
    } else {
      this.addConst(this.constSlot({ type: 'None' }, false));
    }
    this.u.loc = locOf(s);
    for (const st of body) this.visitStmt(st);
    this.u.loc = NO_LOC;
    this.loadConstLit({ type: 'None' }, false);
    this.emit(Op.RETURN_VALUE, 0);
    this.resolveJumps(this.u);
    const code = this.leaveUnit();
    this.u.loc = locOf(s);
    this.makeClosure(code, flags, qn);
    this.applyDecorators(s.decorator_list);
    this.nameOp(s.name, 'Store');
  }

  /** compiler_apply_decorators: one CALL per decorator, the last first, each at its decorator's
   * location (a decorator that raises shows the `@` line, with carets under its expression) */
  private applyDecorators(decos: A.Expr[]) {
    for (let i = decos.length - 1; i >= 0; i--) this.withLoc(locOf(decos[i]), () => this.emit(Op.CALL, 0));
  }

  private setupArgs(a: A.Arguments, block: Block) {
    const u = this.u;
    u.argcount = a.posonlyargs.length + a.args.length;
    u.posonlyargcount = a.posonlyargs.length;
    u.kwonlyargcount = a.kwonlyargs.length;
    u.flags = CoFlags.OPTIMIZED | CoFlags.NEWLOCALS;
    if (a.vararg) u.flags |= CoFlags.VARARGS;
    if (a.kwarg) u.flags |= CoFlags.VARKEYWORDS;
    if (block.isGenerator) u.flags |= CoFlags.GENERATOR;
    if (this.stack.length > 1) u.flags |= CoFlags.NESTED;
    // CPython orders varnames: positional, keyword-only, *args, **kwargs
    const order = [...a.posonlyargs, ...a.args, ...a.kwonlyargs, ...(a.vararg ? [a.vararg] : []), ...(a.kwarg ? [a.kwarg] : [])].map((p) => p.arg);
    const rest = u.varnames.filter((n) => !order.includes(n));
    u.varnames = [...order, ...rest];
    u.slotIndex = new Map(u.varnames.map((n, i) => [n, i]));
  }

  private lambda(e: A.Lambda) {
    let flags = this.visitDefaults(e.args);
    void flags;
    const block = this.st.blocks.get(e)!;
    const qn = this.qualname('<lambda>');
    this.enterUnit(block, '<lambda>', qn, e.lineno, this.u.className);
    this.setupArgs(e.args, block);
    this.addConst(this.constSlot({ type: 'None' }, false));
    this.u.loc = locOf(e.body);
    this.visitExpr(e.body);
    if (block.isGenerator) {
      this.emit(Op.POP_TOP, 0);
      this.loadConstLit({ type: 'None' }, false);
    }
    this.emit(Op.RETURN_VALUE, 0);
    this.resolveJumps(this.u);
    const code = this.leaveUnit();
    this.makeClosure(code, flags, qn);
    flags = 0;
  }

  private classDef(s: A.ClassDef) {
    for (const d of s.decorator_list) this.visitExpr(d);
    const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
    const block = this.st.blocks.get(s)!;
    const qn = this.qualname(s.name);
    this.enterUnit(block, s.name, qn, firstlineno, s.name);
    this.u.loc = locOf(s);
    this.u.flags = 0;
    this.emit(Op.LOAD_NAME, this.name('__name__'));
    this.emit(Op.STORE_NAME, this.name('__module__'));
    this.loadConstLit({ type: 'str', value: qn }, false);
    this.emit(Op.STORE_NAME, this.name('__qualname__'));
    let body = s.body;
    if (body.length && isDocstring(body[0])) {
      this.loadConst((body[0] as A.ExprStmt).value as A.Constant);
      this.emit(Op.STORE_NAME, this.name('__doc__'));
      body = body.slice(1);
    }
    if (findAnnAssign(body)) this.emit(Op.SETUP_ANNOTATIONS, 0);
    for (const st of body) this.visitStmt(st);
    this.u.loc = NO_LOC;
    if (block.needsClassClosure) {
      const i = this.derefIndex('__class__');
      this.emit(Op.LOAD_CLOSURE, i);
      this.emit(Op.COPY, 1);
      this.emit(Op.STORE_NAME, this.name('__classcell__'));
    } else {
      this.loadConstLit({ type: 'None' }, false);
    }
    this.emit(Op.RETURN_VALUE, 0);
    this.resolveJumps(this.u);
    const code = this.leaveUnit();
    this.u.loc = locOf(s);
    this.emit(Op.PUSH_NULL, 0);
    this.emit(Op.LOAD_BUILD_CLASS, 0);
    this.makeClosure(code, 0, qn);
    this.loadConstLit({ type: 'str', value: s.name }, false);
    this.callHelper(2, s.bases, s.keywords, locOf(s));
    this.applyDecorators(s.decorator_list);
    this.nameOp(s.name, 'Store');
  }

  // ------------------------------------------------------------------ expressions
  private visitExpr(e0: A.Expr): void {
    const e = foldExpr(e0);
    this.withLoc(locOf(e), () => this.visitExprInner(e));
  }

  private visitExprInner(e: A.Expr): void {
    switch (e.kind) {
      case 'Constant':
        return this.loadConst(e);
      case 'Name':
        return this.nameOp(e.id, e.ctx);
      case 'BoolOp': {
        const end = this.newLabel();
        const op = e.op === 'And' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
        for (let i = 0; i < e.values.length - 1; i++) {
          this.visitExpr(e.values[i]);
          this.emitJump(op, end);
        }
        this.visitExpr(e.values[e.values.length - 1]);
        this.place(end);
        return;
      }
      case 'NamedExpr':
        this.visitExpr(e.value);
        this.emit(Op.COPY, 1);
        this.visitExpr(e.target);
        return;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        this.emit(Op.BINARY_OP, BINOPS[e.op]);
        return;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        this.emit(
          e.op === 'Not' ? Op.UNARY_NOT : e.op === 'USub' ? Op.UNARY_NEGATIVE : e.op === 'UAdd' ? Op.UNARY_POSITIVE : Op.UNARY_INVERT,
          0,
        );
        return;
      case 'Lambda':
        return this.lambda(e);
      case 'IfExp': {
        const end = this.newLabel();
        const next = this.newLabel();
        this.jumpIf(e.test, next, false);
        this.visitExpr(e.body);
        this.emitJump(Op.JUMP_FORWARD, end);
        this.place(next);
        this.visitExpr(e.orelse);
        this.place(end);
        return;
      }
      case 'Dict':
        return this.dict(e);
      case 'Set':
        return this.starunpack(e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
      case 'List':
        if (e.ctx === 'Store') return this.assignSequence(e.elts, e);
        if (e.ctx === 'Del') {
          for (const x of e.elts) this.visitExpr(x);
          return;
        }
        return this.starunpack(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
      case 'Tuple':
        if (e.ctx === 'Store') return this.assignSequence(e.elts, e);
        if (e.ctx === 'Del') {
          for (const x of e.elts) this.visitExpr(x);
          return;
        }
        return this.starunpack(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return this.comprehension(e);
      case 'Await':
        // compiler_visit_expr: outside a function, or in a function that is not async (RefScope
        // runs no async def), a SyntaxError; in a comprehension, not supported
        if (this.u.block.type !== 'function') this.error("'await' outside function", e);
        if (!this.u.block.isComprehension) this.error("'await' outside async function", e);
        return this.unsupported('await', e);
      case 'Yield':
        if (this.u.block.type !== 'function') this.error("'yield' outside function", e);
        if (e.value) this.visitExpr(e.value);
        else this.loadConstLit({ type: 'None' }, false);
        this.emit(Op.YIELD_VALUE, 0);
        return;
      case 'YieldFrom': {
        if (this.u.block.type !== 'function') this.error("'yield' outside function", e);
        this.visitExpr(e.value);
        this.emit(Op.GET_YIELD_FROM_ITER, 0);
        this.loadConstLit({ type: 'None' }, false);
        this.yieldFromLoop();
        return;
      }
      case 'Compare':
        return this.compare(e);
      case 'Call':
        return this.call(e);
      case 'FormattedValue': {
        this.visitExpr(e.value);
        let conv = 0;
        if (e.conversion === 115) conv = 1;
        else if (e.conversion === 114) conv = 2;
        else if (e.conversion === 97) conv = 3;
        if (e.format_spec) {
          this.visitExpr(e.format_spec);
          conv |= 4;
        }
        this.emit(Op.FORMAT_VALUE, conv);
        return;
      }
      case 'JoinedStr': {
        if (e.values.length === 0) {
          this.loadConstLit({ type: 'str', value: '' }, false);
          return;
        }
        for (const v of e.values) this.visitExpr(v);
        if (e.values.length > 1) this.emit(Op.BUILD_STRING, e.values.length);
        return;
      }
      case 'Attribute': {
        this.visitExpr(e.value);
        this.u.loc = attrLoc(locOf(e), e);
        const n = this.name(mangle(this.u.className, e.attr));
        if (e.ctx === 'Load') this.emit(Op.LOAD_ATTR, n);
        else if (e.ctx === 'Store') this.emit(Op.STORE_ATTR, n);
        else this.emit(Op.DELETE_ATTR, n);
        return;
      }
      case 'Subscript': {
        if (e.ctx === 'Load') this.checkSubscript(e);
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        this.u.loc = locOf(e);
        this.emit(e.ctx === 'Load' ? Op.BINARY_SUBSCR : e.ctx === 'Store' ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR, 0);
        return;
      }
      case 'Starred':
        if (e.ctx === 'Store') this.error('starred assignment target must be in a list or tuple', e);
        this.error("can't use starred expression here", e);
        return;
      case 'Slice': {
        let n = 2;
        if (e.lower) this.visitExpr(e.lower);
        else this.loadConstLit({ type: 'None' }, false);
        if (e.upper) this.visitExpr(e.upper);
        else this.loadConstLit({ type: 'None' }, false);
        if (e.step) {
          this.visitExpr(e.step);
          n = 3;
        }
        this.emit(Op.BUILD_SLICE, n);
        return;
      }
    }
  }

  /** SEND / YIELD_VALUE loop of `yield from` (compiler_add_yield_from). */
  private yieldFromLoop() {
    const send = this.newLabel();
    const exit = this.newLabel();
    this.place(send);
    this.emitJump(Op.SEND, exit);
    this.emit(Op.YIELD_VALUE, 1);
    this.emitJump(Op.JUMP_BACKWARD, send);
    this.place(exit);
  }

  private dict(e: A.Dict) {
    // compiler_dict: runs of up to 16 keyed items become BUILD_MAP; `**x` become DICT_UPDATE
    let haveDict = false;
    let elements = 0;
    const n = e.values.length;
    for (let i = 0; i < n; i++) {
      const k = e.keys[i];
      if (k === null) {
        if (elements) {
          this.subdict(e, i - elements, i);
          if (haveDict) this.emit(Op.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.emit(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        this.visitExpr(e.values[i]);
        this.emit(Op.DICT_UPDATE, 1);
      } else {
        // (compiler_dict: a run of more than STACK_USE_GUIDELINE / 2 items is built with this one)
        if (elements * 2 > STACK_USE_GUIDELINE) {
          this.subdict(e, i - elements, i + 1);
          if (haveDict) this.emit(Op.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        } else elements++;
      }
    }
    if (elements) {
      this.subdict(e, n - elements, n);
      if (haveDict) this.emit(Op.DICT_UPDATE, 1);
      haveDict = true;
    }
    if (!haveDict) this.emit(Op.BUILD_MAP, 0);
  }

  private subdict(e: A.Dict, begin: number, end: number) {
    const n = end - begin;
    const keys = e.keys.slice(begin, end).map((k) => foldExpr(k!));
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && keys.every((k) => k.kind === 'Constant')) {
      for (let i = begin; i < end; i++) this.visitExpr(e.values[i]);
      const items = keys.map((k) => this.constFromNode(k as A.Constant));
      this.emit(Op.LOAD_CONST, this.addConst(this.constSlot({ type: 'tuple', items }, false)));
      this.emit(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) {
      this.emit(Op.BUILD_MAP, 0);
      for (let i = begin; i < end; i++) {
        this.visitExpr(e.keys[i]!);
        this.visitExpr(e.values[i]);
        this.emit(Op.MAP_ADD, 1);
      }
      return;
    }
    for (let i = begin; i < end; i++) {
      this.visitExpr(e.keys[i]!);
      this.visitExpr(e.values[i]);
    }
    this.emit(Op.BUILD_MAP, n);
  }

  /**
   * starunpack_helper (3.11 Python/compile.c): a display (or a call's positional arguments, with
   * `pushed` items already on the stack) of all-constant items (more than two) is a constant
   * tuple; more than STACK_USE_GUIDELINE (30) items, or a starred one, build the sequence empty
   * and add or extend item by item (a tuple as a list, then LIST_TO_TUPLE).
   */
  private starunpack(elts: A.Expr[], pushed: number, build: Op, add: Op, extend: Op, tuple: boolean) {
    const n = elts.length;
    if (n > 2 && elts.every((x) => x.kind !== 'Starred' && foldExpr(x).kind === 'Constant')) {
      const items = elts.map((x) => this.constFromNode(foldExpr(x) as A.Constant));
      const folded = this.constSlot({ type: 'tuple', items }, false);
      if (tuple && !pushed) {
        this.emit(Op.LOAD_CONST, this.addConst(folded));
        return;
      }
      this.emit(build, pushed);
      this.emit(Op.LOAD_CONST, this.addConst(add === Op.SET_ADD ? this.constSlot({ type: 'frozenset', items }, false) : folded));
      this.emit(extend, 1);
      if (tuple) this.emit(Op.LIST_TO_TUPLE, 0);
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    const seenStar = elts.some((x) => x.kind === 'Starred');
    if (!seenStar && !big) {
      for (const x of elts) this.visitExpr(x);
      this.emit(tuple ? Op.BUILD_TUPLE : build, n + pushed);
      return;
    }
    let built = false;
    if (big) {
      this.emit(build, pushed);
      built = true;
    }
    for (let i = 0; i < n; i++) {
      const x = elts[i];
      if (x.kind === 'Starred') {
        if (!built) {
          this.emit(build, i + pushed);
          built = true;
        }
        this.visitExpr(x.value);
        this.emit(extend, 1);
      } else {
        this.visitExpr(x);
        if (built) this.emit(add, 1);
      }
    }
    if (tuple) this.emit(Op.LIST_TO_TUPLE, 0);
  }

  /**
   * `a, b = x, y`: CPython 3.11's optimize_basic_block turns BUILD_TUPLE n + UNPACK_SEQUENCE n
   * (n <= 3) into nothing (n = 1) or SWAP n, and apply_static_swaps then drops the SWAP and
   * exchanges the first and last stores when they are STORE_FASTs to distinct locals on one line
   * (next_swappable_instruction, STORES_TO). No tuple is made either way. False when the
   * statement is not of that form (the generic path compiles it).
   */
  private assignSwap(t: A.Expr, v0: A.Expr): boolean {
    // (a tuple of constants is one constant: LOAD_CONST + UNPACK_SEQUENCE)
    const v = foldExpr(v0);
    if ((t.kind !== 'Tuple' && t.kind !== 'List') || v.kind !== 'Tuple') return false;
    const n = t.elts.length;
    if (n < 1 || n > 3 || v.elts.length !== n) return false;
    if (t.elts.some((x) => x.kind === 'Starred') || v.elts.some((x) => x.kind === 'Starred')) return false;
    for (const x of v.elts) this.visitExpr(x);
    if (n === 1) {
      this.visitExpr(t.elts[0]);
      return true;
    }
    const names = t.elts.map((x) => (x.kind === 'Name' && this.storesFast(x.id) ? mangle(this.u.className, x.id) : null));
    const line = t.elts[0].lineno;
    const statik = names.every((x) => x !== null) && new Set(names).size === n && t.elts.every((x) => x.lineno === line);
    if (statik) {
      for (let i = n - 1; i >= 0; i--) this.visitExpr(t.elts[i]);
      return true;
    }
    this.withLoc(t, () => this.emit(Op.SWAP, n));
    for (const x of t.elts) this.visitExpr(x);
    return true;
  }

  /** Whether storing `rawName` here is a STORE_FAST (nameOp's FAST case). */
  private storesFast(rawName: string): boolean {
    const b = this.u.block;
    return b.type === 'function' && b.scopeOf(mangle(this.u.className, rawName)) === Scope.LOCAL;
  }

  private assignSequence(elts: A.Expr[], node: A.Expr) {
    const starIdx = elts.findIndex((x) => x.kind === 'Starred');
    if (starIdx >= 0) {
      if (elts.filter((x) => x.kind === 'Starred').length > 1) this.error('multiple starred expressions in assignment', node);
      const after = elts.length - starIdx - 1;
      if (starIdx >= 256 || after >= 1 << 24) this.error('too many expressions in star-unpacking assignment', node);
      this.emit(Op.UNPACK_EX, starIdx + (after << 8));
    } else {
      this.emit(Op.UNPACK_SEQUENCE, elts.length);
    }
    for (const x of elts) {
      if (x.kind === 'Starred') this.visitExpr(x.value);
      else this.visitExpr(x);
    }
  }

  // check_is_arg: an operand of `is` that is a constant other than None, True, False, ...
  private isLiteralOperand(e0: A.Expr): boolean {
    const e = foldExpr(e0);
    if (e.kind !== 'Constant') return false;
    const t = (e.value as ConstantValue | FoldedSeq).type;
    return t !== 'None' && t !== 'bool' && t !== 'Ellipsis';
  }

  // check_compare: `x is 1` / `x is not "a"` compare identities of literals
  private checkCompare(e: A.Compare): void {
    let left = this.isLiteralOperand(e.left);
    for (let i = 0; i < e.ops.length; i++) {
      const right = this.isLiteralOperand(e.comparators[i]);
      const op = e.ops[i];
      if ((op === 'Is' || op === 'IsNot') && (left || right)) {
        this.warn(op === 'Is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?', locOf(e));
        return;
      }
      left = right;
    }
  }

  private compare(e: A.Compare) {
    this.checkCompare(e);
    this.visitExpr(e.left);
    const n = e.ops.length;
    // fold_compare: the last comparator of `in` / `not in` goes through fold_iter
    const last = e.ops[n - 1] === 'In' || e.ops[n - 1] === 'NotIn' ? foldIter(e.comparators[n - 1]) : e.comparators[n - 1];
    if (n === 1) {
      this.visitExpr(last);
      this.u.loc = locOf(e);
      this.cmpOp(e.ops[0]);
      return;
    }
    const cleanup = this.newLabel();
    const end = this.newLabel();
    for (let i = 0; i < n - 1; i++) {
      this.visitExpr(e.comparators[i]);
      this.emit(Op.SWAP, 2);
      this.emit(Op.COPY, 2);
      this.cmpOp(e.ops[i]);
      this.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.visitExpr(last);
    this.cmpOp(e.ops[n - 1]);
    this.emitJump(Op.JUMP_FORWARD, end);
    this.place(cleanup);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_TOP, 0);
    this.place(end);
  }

  private cmpOp(op: A.CmpOp) {
    switch (op) {
      case 'Is':
        return this.emit(Op.IS_OP, 0);
      case 'IsNot':
        return this.emit(Op.IS_OP, 1);
      case 'In':
        return this.emit(Op.CONTAINS_OP, 0);
      case 'NotIn':
        return this.emit(Op.CONTAINS_OP, 1);
      default:
        return this.emit(Op.COMPARE_OP, CMPOPS[op]!);
    }
  }

  /** compiler_jump_if: jump to `label` when the truth of `e` equals `cond`. */
  /** The last Compare that jumpIf tests directly (through not, and/or, conditional expressions). */
  private lastTestedCompare(e0: A.Expr): A.Expr | null {
    const e = foldExpr(e0);
    if (e.kind === 'Compare') return e;
    if (e.kind === 'UnaryOp' && e.op === 'Not') return this.lastTestedCompare(e.operand);
    let found: A.Expr | null = null;
    const parts = e.kind === 'BoolOp' ? e.values : e.kind === 'IfExp' ? [e.test, e.body, e.orelse] : [];
    for (const p of parts) found = this.lastTestedCompare(p) ?? found;
    return found;
  }

  private jumpIf(e0: A.Expr, label: Label, cond: boolean): void {
    const e = foldExpr(e0);
    if (e.kind === 'UnaryOp' && e.op === 'Not') return this.jumpIf(e.operand, label, !cond);
    if (e.kind === 'BoolOp') {
      const isOr = e.op === 'Or';
      const next2 = isOr === cond ? label : this.newLabel();
      for (let i = 0; i < e.values.length - 1; i++) this.jumpIf(e.values[i], next2, isOr);
      this.jumpIf(e.values[e.values.length - 1], label, cond);
      if (next2 !== label) this.place(next2);
      return;
    }
    if (e.kind === 'IfExp') {
      const end = this.newLabel();
      const next2 = this.newLabel();
      this.jumpIf(e.test, next2, false);
      this.jumpIf(e.body, label, cond);
      this.emitJump(Op.JUMP_FORWARD, end);
      this.place(next2);
      this.jumpIf(e.orelse, label, cond);
      this.place(end);
      return;
    }
    if (e.kind === 'Compare' && e.ops.length > 1) {
      this.checkCompare(e);
      const saved = this.u.loc;
      this.u.loc = locOf(e);
      const cleanup = this.newLabel();
      this.visitExpr(e.left);
      const n = e.ops.length;
      for (let i = 0; i < n - 1; i++) {
        this.visitExpr(e.comparators[i]);
        this.emit(Op.SWAP, 2);
        this.emit(Op.COPY, 2);
        this.cmpOp(e.ops[i]);
        this.emitJump(Op.POP_JUMP_IF_FALSE, cleanup);
      }
      const op = e.ops[n - 1];
      this.visitExpr(op === 'In' || op === 'NotIn' ? foldIter(e.comparators[n - 1]) : e.comparators[n - 1]);
      this.cmpOp(op);
      this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label);
      const end = this.newLabel();
      this.emitJump(Op.JUMP_FORWARD, end);
      this.place(cleanup);
      this.emit(Op.POP_TOP, 0);
      if (!cond) this.emitJump(Op.JUMP_FORWARD, label);
      this.place(end);
      this.u.loc = saved;
      return;
    }
    this.visitExpr(e);
    // compiler_jump_if's Compare case starts with SET_LOC(c, e): the jump has the comparison's
    // location, so a __bool__ of its result that raises points at the comparison
    const saved = this.u.loc;
    if (e.kind === 'Compare') this.u.loc = locOf(e);
    this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label);
    this.u.loc = saved;
  }

  private call(e: A.Call) {
    this.checkCaller(e.func);
    // maybe_optimize_method_call (not when the object is a name imported at module level:
    // is_import_originated)
    if (
      e.func.kind === 'Attribute' &&
      e.func.ctx === 'Load' &&
      !(e.func.value.kind === 'Name' && (this.st.top.flags.get(e.func.value.id) ?? 0) & Flag.DEF_IMPORT) &&
      !e.args.some((a) => a.kind === 'Starred') &&
      !e.keywords.some((k) => k.arg === null) &&
      e.args.length + e.keywords.length + (e.keywords.length !== 0 ? 1 : 0) < STACK_USE_GUIDELINE
    ) {
      const f = e.func;
      this.visitExpr(f.value);
      this.u.loc = attrLoc(locOf(f), f);
      this.emit(Op.LOAD_METHOD, this.name(mangle(this.u.className, f.attr)));
      for (const a of e.args) this.visitExpr(a);
      this.kwAndCall(e.args.length, e.keywords, attrLoc(locOf(e), f));
      return;
    }
    this.emit(Op.PUSH_NULL, 0);
    this.visitExpr(e.func);
    this.callHelper(0, e.args, e.keywords, locOf(e));
  }

  private kwAndCall(nargs: number, keywords: A.Keyword[], loc: Loc) {
    this.checkKeywords(keywords);
    for (const k of keywords) this.visitExpr(k.value);
    this.u.loc = loc;
    if (keywords.length) {
      const names = keywords.map((k) => this.constSlot({ type: 'str', value: k.arg! }, false));
      this.emit(Op.KW_NAMES, this.addConst(this.constSlot({ type: 'tuple', items: names }, false)));
    }
    this.emit(Op.CALL, nargs + keywords.length);
  }

  private checkKeywords(keywords: A.Keyword[]) {
    const seen = new Set<string>();
    for (const k of keywords) {
      if (k.arg === null) continue;
      if (seen.has(k.arg)) this.error(`keyword argument repeated: ${k.arg}`, k);
      seen.add(k.arg);
    }
  }

  /** compiler_call_helper: `n` arguments are already on the stack. */
  private callHelper(n: number, args: A.Expr[], keywords: A.Keyword[], loc: Loc) {
    const hasStar = args.some((a) => a.kind === 'Starred');
    const hasDStar = keywords.some((k) => k.arg === null);
    // (compiler_call_helper: more than STACK_USE_GUIDELINE stack items go through CALL_FUNCTION_EX)
    if (!hasStar && !hasDStar && args.length + keywords.length * 2 <= STACK_USE_GUIDELINE) {
      for (const a of args) this.visitExpr(a);
      this.kwAndCall(n + args.length, keywords, loc);
      return;
    }
    // CALL_FUNCTION_EX: positional arguments become a tuple
    if (n === 0 && args.length === 1 && args[0].kind === 'Starred' && true) {
      this.visitExpr((args[0] as A.Starred).value);
      // CPython converts a non-tuple with LIST_TO_TUPLE-equivalent inside CALL_FUNCTION_EX
    } else {
      // previously pushed arguments (class name etc.) count as leading plain items
      this.starunpack(args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
    }
    let flags = 0;
    if (keywords.length) {
      this.checkKeywords(keywords);
      let haveDict = false;
      let nseen = 0;
      for (const k of keywords) {
        if (k.arg === null) {
          if (nseen) {
            this.emitKwDict(keywords, k, nseen);
            if (haveDict) this.emit(Op.DICT_MERGE, 1);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.emit(Op.BUILD_MAP, 0);
            haveDict = true;
          }
          this.visitExpr(k.value);
          this.emit(Op.DICT_MERGE, 1);
        } else nseen++;
      }
      if (nseen) {
        this.emitKwDict(keywords, null, nseen);
        if (haveDict) this.emit(Op.DICT_MERGE, 1);
        haveDict = true;
      }
      flags = 1;
    }
    this.u.loc = loc;
    this.emit(Op.CALL_FUNCTION_EX, flags);
  }

  private emitKwDict(keywords: A.Keyword[], stopAt: A.Keyword | null, count: number) {
    const stop = stopAt ? keywords.indexOf(stopAt) : keywords.length;
    const group = keywords.slice(stop - count, stop);
    // compiler_subkwargs: several named keywords use a constant tuple of their names; more than
    // STACK_USE_GUIDELINE / 2 are added one by one
    const n = group.length;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      for (const k of group) this.visitExpr(k.value);
      const names = group.map((k) => this.constSlot({ type: 'str', value: k.arg! }, false));
      this.emit(Op.LOAD_CONST, this.addConst(this.constSlot({ type: 'tuple', items: names }, false)));
      this.emit(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.emit(Op.BUILD_MAP, 0);
    for (const k of group) {
      this.loadConstLit({ type: 'str', value: k.arg! }, false);
      this.visitExpr(k.value);
      if (big) this.emit(Op.MAP_ADD, 1);
    }
    if (!big) this.emit(Op.BUILD_MAP, n);
  }

  // compiler_comprehension: a hidden function called with the outermost iterator
  private comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp) {
    const block = this.st.blocks.get(e)!;
    const name = block.name;
    const qn = this.qualname(name);
    const isGen = e.kind === 'GeneratorExp';
    const outer = e.generators[0];
    this.enterUnit(block, name, qn, e.lineno, this.u.className);
    const u = this.u;
    u.argcount = 1;
    u.flags = CoFlags.OPTIMIZED | CoFlags.NEWLOCALS | (isGen ? CoFlags.GENERATOR : 0);
    if (this.stack.length > 1) u.flags |= CoFlags.NESTED;
    u.varnames = ['.0', ...u.varnames.filter((n) => n !== '.0')];
    u.slotIndex = new Map(u.varnames.map((n, i) => [n, i]));
    u.loc = locOf(e);
    if (!isGen) this.emit(e.kind === 'ListComp' ? Op.BUILD_LIST : e.kind === 'SetComp' ? Op.BUILD_SET : Op.BUILD_MAP, 0);
    this.comprehensionGenerator(e, 0, isGen ? 0 : 1);
    u.loc = locOf(e);
    if (isGen) this.loadConstLit({ type: 'None' }, false);
    this.emit(Op.RETURN_VALUE, 0);
    this.resolveJumps(u);
    const code = this.leaveUnit();
    this.makeClosure(code, 0, qn);
    this.visitExpr(foldIter(outer.iter));
    this.u.loc = locOf(e);
    this.emit(Op.GET_ITER, 0);
    this.emit(Op.CALL, 0);
  }

  private comprehensionGenerator(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, gi: number, depth: number) {
    const gen = e.generators[gi];
    const start = this.newLabel();
    const ifCleanup = this.newLabel();
    const anchor = this.newLabel();
    if (gi === 0) {
      this.emit(Op.LOAD_FAST, 0);
    } else {
      this.visitExpr(foldIter(gen.iter));
      this.emit(Op.GET_ITER, 0);
    }
    this.place(start);
    this.emitJump(Op.FOR_ITER, anchor);
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false);
    if (gi + 1 < e.generators.length) {
      this.comprehensionGenerator(e, gi + 1, depth + 1);
    } else {
      switch (e.kind) {
        case 'GeneratorExp':
          this.visitExpr(e.elt);
          this.emit(Op.YIELD_VALUE, 0);
          this.emit(Op.POP_TOP, 0);
          break;
        case 'ListComp':
          this.visitExpr(e.elt);
          this.emit(Op.LIST_APPEND, depth + 1);
          break;
        case 'SetComp':
          this.visitExpr(e.elt);
          this.emit(Op.SET_ADD, depth + 1);
          break;
        case 'DictComp':
          this.visitExpr(e.key);
          this.visitExpr(e.value);
          this.emit(Op.MAP_ADD, depth + 1);
          break;
      }
    }
    this.place(ifCleanup);
    this.u.loc = locOf(e);
    this.emitJump(Op.JUMP_BACKWARD, start);
    this.place(anchor);
  }
}

/** update_start_location_to_match_attr (Python/compile.c): an attribute whose name is on a later
 * line than the object starts at the name (its length in code points back from the end column,
 * which counts UTF-8 bytes, as CPython does) */
function attrLoc(loc: Loc, attr: A.Attribute): Loc {
  if (loc.lineno === attr.end_lineno) return loc;
  const len = [...attr.attr].length;
  let col = attr.end_col_offset - len;
  let endCol = loc.end_col_offset;
  if (len > attr.end_col_offset) col = endCol = -1;
  const endLine = Math.max(attr.end_lineno, loc.end_lineno);
  if (attr.end_lineno === endLine) endCol = Math.max(col, endCol);
  return { lineno: attr.end_lineno, end_lineno: endLine, col_offset: col, end_col_offset: endCol };
}

function locOf(n: A.Pos | { lineno?: number }): Loc {
  const p = n as A.Pos;
  return { lineno: p.lineno, end_lineno: p.end_lineno, col_offset: p.col_offset, end_col_offset: p.end_col_offset };
}

function isDocstring(s: A.Stmt): boolean {
  return s.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str';
}

function findAnnAssign(ss: A.Stmt[]): boolean {
  for (const s of ss) {
    switch (s.kind) {
      case 'AnnAssign':
        return true;
      case 'For':
      case 'While':
      case 'If':
        if (findAnnAssign(s.body) || findAnnAssign(s.orelse)) return true;
        break;
      case 'With':
        if (findAnnAssign(s.body)) return true;
        break;
      case 'Try':
        if (findAnnAssign(s.body) || findAnnAssign(s.orelse) || findAnnAssign(s.finalbody) || s.handlers.some((h) => findAnnAssign(h.body))) return true;
        break;
      default:
    }
  }
  return false;
}

function exprName(e: A.Expr): string {
  switch (e.kind) {
    case 'Constant':
      return 'literal';
    case 'Call':
      return 'function call';
    case 'Tuple':
      return 'tuple';
    case 'List':
      return 'list';
    default:
      return 'expression';
  }
}
