// The loop compiler: a hot loop of a code object becomes a JavaScript function, and so does the
// body of a function called often (bodyFor: from its first instruction, its loops inside it; a short
// method called from a loop then pays no dispatch for its instructions).
//
// The dispatch loop (eval.ts evalLoop) pays for every instruction with a fetch, a decode and an
// indirect jump, and V8 sees one `v.rc++` site for every LOAD_FAST of every program. Once a run has
// executed MIN_STEPS instructions, a JUMP_BACKWARD that has run LOOP_HOT times (in quickened code
// or not: a `while` loop's test keeps its code from warming up, as in CPython 3.11) has the
// instructions from its target (the loop head) to the jump translated into straight-line
// JavaScript with the arguments, the stack positions and the inline-cache indices as constants,
// compiled with `new Function`: V8 then optimises each loop on its own, with type feedback per
// site. (Where `new Function` is not allowed, as under a CSP without 'unsafe-eval',
// the compile fails, is recorded in jitConfig.lastError, and the loop stays interpreted.)
//
// The compiled loop runs on the frame itself: it reads and writes `f.fast` and `f.stack`, and sets
// `f.pc` and `f.sp` before every instruction that can call out or raise, as evalLoop does before
// each instruction, so the collector, tracebacks, `sys._getframe()` and the refcount audit see
// exactly what the interpreter would show. Within straight-line code the top of the value stack is
// deferred (Deferred, below): pushed locals and constants and the results of translated operations
// stay in JS variables, and are written to `f.stack` with their references before anything that
// could look at the frame, and at every block boundary. Each instruction's code is evalLoop's for that opcode
// (the longer ones are functions both call: callInstr, loadGlobalSlow, formatValue, coldOp...). An
// instruction the compiler does not translate ends the compiled code there: the function returns
// its index, the interpreter goes on from it and enters the compiled loop again at the next
// JUMP_BACKWARD. Instructions executed are counted into vmState.steps; a back edge leaves for the
// interpreter when the step budget trips (or a line hook is set), and loops are only entered while
// no line hook runs (the editor's recorded runs, the audit), except those on one line
// (oneLineLoop), where no line event can happen. A loop that goes
// round only a few times per entry goes back to the interpreter (entering costs more than it
// saves).

import { Op, OPS } from '../../compiler/opcodes';
import type { PyCode } from '../objects/function';
import { CoFlags } from '../../compiler/code';
import type { Frame } from './frame';
import { vmState } from './eval';
import { jumpWarms } from './warmup';
import { MUL_ADD_MOD_MAX } from '../numeric';
import type { PyInt } from '../objects/int';

/** a compiled loop: runs frame f from the loop head, returns the instruction index to go on at */
export type CompiledLoop = (f: Frame) => number;

/** back edges of one loop before it is compiled */
const LOOP_HOT = 64;
/** calls of a function before its body is compiled (see bodyFor) */
const BODY_HOT = 512;
/** see jitConfig.minSteps */
const MIN_STEPS = 4_000_000;
/** entries of a compiled loop before its back edges per entry are checked */
const ENTRIES_CHECKED = 256;
/** back edges per entry (on average) a compiled loop needs to stay compiled */
const MIN_ROUNDS = 8;
/** longer loops stay interpreted (V8's compile time grows with the function) */
const MAX_LOOP = 3000;

export const jitConfig = {
  /** compile hot loops (false: everything is interpreted) */
  enabled: true,
  /** back edges before a loop is compiled (tests set 1 to compile every loop at once) */
  hot: LOOP_HOT,
  /** instructions the run executes before any loop is compiled: V8 is still optimising the
   * interpreter itself then, and a compiled loop's first calls run in V8's unoptimised tiers and
   * add compile work to V8's queue (measured: short programs got 10-15% slower). Tests set 0. */
  minSteps: MIN_STEPS,
  /** calls of a function before its body is compiled (tests set 1) */
  bodyHot: BODY_HOT,
  /** why the last loop could not be compiled (a bug: tests assert that it stays null) */
  lastError: null as unknown,
  /** tests: enter compiled loops while a line hook (the refcount audit) runs too; each back edge
   * then hands over to the interpreter, so compiled and interpreted iterations alternate and the
   * audit checks the counts the compiled code left */
  underHooks: false,
  /** loops and function bodies compiled so far (for tests) */
  compiled: 0,
  /** called once, before the run's first loop or body is compiled (node-runner.ts: V8's inlining
   * budget back to its default for the compiled loops) */
  onFirstCompile: null as (() => void) | null,
  /** of those, function bodies (for tests) */
  bodies: 0,
};

/**
 * The compiled loop for the JUMP_BACKWARD at `jump` to `head` (`sp`: the stack depth there), once
 * the loop is hot; null while it is not (or cannot be compiled). The state lives in
 * `code.jitLoops`, which evalLoop reads first.
 */
export function loopFor(code: PyCode, head: number, jump: number, sp: number, helpers: JitHelpers): CompiledLoop | null {
  if (vmState.steps < jitConfig.minSteps) return null;
  let m = code.jitLoops;
  if (m === null) m = code.jitLoops = [];
  const e = m[head];
  if (typeof e === 'function') return e as CompiledLoop;
  if (e === null) return null;
  const n = (e ?? 0) + 1;
  if (n < jitConfig.hot) {
    m[head] = n;
    return null;
  }
  let fn: CompiledLoop | null = null;
  try {
    fn = compileLoop(code, head, jump, sp, helpers);
  } catch (e) {
    jitConfig.lastError = e;
    fn = null;
  }
  m[head] = fn as ((f: never) => number) | null;
  if (fn !== null) jitConfig.compiled++;
  return fn;
}

/**
 * Whether the loop at `head` is on one line: every instruction from `head` to the last jump
 * back to it (the compiled range, whichever of its back edges compiled it) is on the line of
 * `jump`, a JUMP_BACKWARD to head, or on none. Under a line hook (the editor's recorded runs, the
 * audit) such a loop runs compiled: evalLoop reports a line when the instruction's line differs
 * from the last one it reported in that frame, and entering the loop from its JUMP_BACKWARD that
 * line is the loop's, so no event can happen until the loop is left (a call from it runs in its
 * own evalLoop, with its events). The lesson's `[i for i in range(10000000)]` is one.
 */
export function oneLineLoop(code: PyCode, head: number, jump: number): boolean {
  let m = code.oneLineLoops;
  if (m === null) m = code.oneLineLoops = new Int8Array(code.unit.code.length >> 1);
  const known = m[head];
  if (known !== 0) return known === 1;
  const ins = code.unit.code;
  const lines = code.unit.lines;
  const line = lines[jump];
  let last = jump;
  for (let pc = jump + 1; pc < ins.length >> 1; pc++) if (OPS[ins[pc << 1]].jumps && ins[(pc << 1) + 1] === head) last = pc;
  let one = line >= 0 && head <= jump;
  for (let pc = head; one && pc <= last; pc++) if (lines[pc] !== line && lines[pc] >= 0) one = false;
  m[head] = one ? 1 : 2;
  return one;
}

/**
 * The compiled body of a function's code, entered by evalLoop when a frame starts (pc 0): the
 * whole code (its loops go round inside), as far as the instructions translate; the first one
 * that does not (RETURN_VALUE always) hands over to the interpreter. A short method called in a
 * hot loop then pays no dispatch for its instructions. null while the code is not hot, or when it
 * cannot be compiled (generators, which are resumed in the middle; module and class bodies run
 * once). State in `code.jitBody`.
 */
export function bodyFor(code: PyCode, helpers: JitHelpers): CompiledLoop | null {
  const e = code.jitBody;
  if (typeof e === 'function') return e as CompiledLoop;
  if (e === null || vmState.steps < jitConfig.minSteps) return null;
  const n = (e ?? 0) + 1;
  if (n < jitConfig.bodyHot) {
    code.jitBody = n;
    return null;
  }
  let fn: CompiledLoop | null = null;
  const u = code.unit;
  if ((u.flags & (CoFlags.GENERATOR | CoFlags.COROUTINE)) === 0 && (u.flags & CoFlags.OPTIMIZED) !== 0) {
    try {
      fn = compileRegion(code, 0, (u.code.length >> 1) - 1, 0, false, helpers);
    } catch (err) {
      jitConfig.lastError = err;
      fn = null;
    }
  }
  code.jitBody = fn as ((f: never) => number) | null;
  if (fn !== null) {
    jitConfig.compiled++;
    jitConfig.bodies++;
  }
  return fn;
}

/** what the generated code calls: the interpreter's own functions (eval.ts passes them) */
export interface JitHelpers {
  /** `throw e` from a small function (eval.ts throwFrom: V8's cost of a throw grows with the
   * throwing function's size) */
  throwFrom: (e: unknown) => never;
  [name: string]: unknown;
}

const JUMPS = new Set<number>([
  Op.JUMP_FORWARD,
  Op.JUMP_BACKWARD,
  Op.POP_JUMP_IF_FALSE,
  Op.POP_JUMP_IF_TRUE,
  Op.POP_JUMP_IF_NONE,
  Op.POP_JUMP_IF_NOT_NONE,
  Op.JUMP_IF_FALSE_OR_POP,
  Op.JUMP_IF_TRUE_OR_POP,
  Op.FOR_ITER,
]);
/** instructions that neither call out nor raise: they leave f.pc and f.sp alone (the next
 * instruction that can call out or raise sets both, so anything that looks at the frame sees
 * the interpreter's values) */
const PURE = new Set<number>([Op.NOP, Op.PUSH_NULL, Op.COPY, Op.SWAP, Op.LOAD_CONST, Op.LOAD_FAST, Op.LOAD_GLOBAL, Op.LOAD_DEREF, Op.KW_NAMES]);

/**
 * BINARY_OP on two exact ints held as numbers (x, y): code that sets `r` to the result when the
 * operation stays in safe integers, leaving `r` null for binaryOp otherwise. Each is the
 * operation's number path in numeric.ts (intAdd, intMul, intMod, intFloorDiv, the shifts,
 * bitwise): the same values, without the call and the dispatch on the operator. Never -0.
 */
function intBinaryFast(arg: number): string {
  const SAFE = 'z<=9007199254740991&&z>=-9007199254740991';
  const INT32 = (v: string) => `(${v}|0)===${v}`;
  switch (arg % 13) {
    case 0: // + and +=
      return `const z=x+y;if(${SAFE})r=newInt(z);`;
    case 10: // -
      return `const z=x-y;if(${SAFE})r=newInt(z);`;
    case 5: // * : a product within 2**53 is exact in doubles (intMul)
      return `const z=x*y;if(${SAFE})r=newInt(z===0?0:z);`;
    case 6: // % : floored (long_mod); the remainder of a safe modulus is exact (intMod)
      return `if(y!==0){let z=x%y;if(z!==0&&z<0!==y<0)z+=y;r=newInt(z===0?0:z);}`;
    case 2: // // : for 32-bit operands the rounded quotient is never closer to the next
      // integer than the error of one division, so floor() is exact
      return `if(y!==0&&${INT32('x')}&&${INT32('y')}){const z=Math.floor(x/y);r=newInt(z===0?0:z);}`;
    case 9: // >> : floor(x / 2**y), an arithmetic shift of a 32-bit value (intRshift)
      return `if(y>=0&&y<32&&${INT32('x')})r=newInt(x>>y);`;
    case 3: // << (intLshift)
      return `if(y>=0&&y<31){const z=x*(1<<y);if(${SAFE})r=newInt(z===0?0:z);}`;
    case 1: // &
      return `if(${INT32('x')}&&${INT32('y')})r=newInt(x&y);`;
    case 7: // |
      return `if(${INT32('x')}&&${INT32('y')})r=newInt(x|y);`;
    case 12: // ^
      return `if(${INT32('x')}&&${INT32('y')})r=newInt(x^y);`;
    default:
      return '';
  }
}

/** instructions the interpreter keeps out of its dispatch loop (eval.ts coldOp), with a fixed stack
 * effect and no jump: the compiled code calls coldOp for them too */
const COLD = [
  Op.STORE_GLOBAL,
  Op.DELETE_GLOBAL,
  Op.DELETE_ATTR,
  Op.UNARY_NEGATIVE,
  Op.UNARY_POSITIVE,
  Op.UNARY_INVERT,
  Op.DELETE_SUBSCR,
  Op.BUILD_SLICE,
  Op.BUILD_SET,
  Op.BUILD_MAP,
  Op.BUILD_CONST_KEY_MAP,
  Op.SET_ADD,
  Op.MAP_ADD,
  Op.LIST_EXTEND,
  Op.SET_UPDATE,
  Op.DICT_UPDATE,
  Op.DICT_MERGE,
  Op.LIST_TO_TUPLE,
  Op.GET_LEN,
  Op.MAKE_FUNCTION,
];
const COLD_SET = new Set<number>(COLD);

/** the opcodes translated; any other instruction ends the compiled code (back to the interpreter) */
const SUPPORTED = new Set<number>([
  Op.NOP,
  Op.POP_TOP,
  Op.PUSH_NULL,
  Op.COPY,
  Op.SWAP,
  Op.LOAD_CONST,
  Op.LOAD_FAST,
  Op.STORE_FAST,
  Op.LOAD_GLOBAL,
  Op.LOAD_ATTR,
  Op.LOAD_METHOD,
  Op.STORE_ATTR,
  Op.BINARY_OP,
  Op.COMPARE_OP,
  Op.IS_OP,
  Op.CONTAINS_OP,
  Op.BINARY_SUBSCR,
  Op.STORE_SUBSCR,
  Op.LIST_APPEND,
  Op.UNARY_NOT,
  Op.CALL,
  Op.KW_NAMES,
  Op.GET_ITER,
  Op.FORMAT_VALUE,
  Op.BUILD_STRING,
  Op.BUILD_TUPLE,
  Op.BUILD_LIST,
  Op.LOAD_DEREF,
  Op.LOAD_NAME,
  Op.STORE_NAME,
  Op.UNPACK_SEQUENCE,
  Op.RETURN_VALUE,
  Op.YIELD_VALUE,
  ...COLD,
  ...JUMPS,
]);

/**
 * Static stack depths of the instructions in [head, jump] reachable from head through translated
 * instructions (dataflow over the opcode table's stack effects); null when two paths disagree.
 */
function depths(ins: Int32Array, head: number, jump: number, d0: number): (number | undefined)[] | null {
  const depth: (number | undefined)[] = [];
  const work: number[] = [head];
  depth[head] = d0;
  const set = (pc: number, d: number): boolean => {
    if (pc < head || pc > jump) return true; // leaves the loop
    const old = depth[pc];
    if (old === undefined) {
      depth[pc] = d;
      work.push(pc);
      return true;
    }
    return old === d;
  };
  while (work.length) {
    const pc = work.pop()!;
    const op = ins[pc << 1];
    const arg = ins[(pc << 1) + 1];
    const d = depth[pc]!;
    if (!SUPPORTED.has(op)) continue; // the interpreter takes over here
    if (op === Op.RETURN_VALUE) continue; // (no next instruction)
    const info = OPS[op];
    if (op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD) {
      if (!set(arg, d)) return null;
      continue;
    }
    if (JUMPS.has(op)) {
      if (!set(arg, d + info.effect(arg, true))) return null;
    }
    if (!set(pc + 1, d + info.effect(arg, false))) return null;
  }
  return depth;
}

/** JavaScript's operator for each COMPARE_OP argument (Cmp: < <= == != > >=) */
const CMP_JS = ['<', '<=', '===', '!==', '>', '>='];

/** COMPARE_OP, IS_OP or CONTAINS_OP at `pc` (stack depth `d` before it) and the
 * POP_JUMP_IF_FALSE/TRUE `jumpOp` after it: the jump taken on the test itself, the bool never made
 * (same references released in the same order: the operands, then the bool); a comparison other
 * than of two number ints runs both instructions' own code */
function compareJump(op: number, arg: number, pc: number, d: number, jumpOp: number, target: number, jumpTo: (t: number, d: number) => string): string {
  const S = 'S';
  const ifTrue = jumpOp === Op.POP_JUMP_IF_TRUE;
  const test =
    op === Op.IS_OP
      ? `(a===b)!==${arg === 1}`
      : op === Op.CONTAINS_OP
        ? `contains(b,a)!==${arg === 1}`
        : `a.v${CMP_JS[arg]}b.v`;
  const fast = `{const t=${test};${S}[${d - 1}]=null;${S}[${d - 2}]=null;f.sp=${d - 2};decref(a);decref(b);if(t===${ifTrue}){${jumpTo(target, d - 2)}}}`;
  if (op !== Op.COMPARE_OP) return `{const b=${S}[${d - 1}],a=${S}[${d - 2}];${fast}}`;
  return (
    `{const b=${S}[${d - 1}],a=${S}[${d - 2}];` +
    `if(a.type===IntType&&b.type===IntType&&typeof a.v==='number'&&typeof b.v==='number')${fast}` +
    `else{${compareThenJump(Op.COMPARE_OP, arg, pc, d, jumpOp, target, jumpTo)}}}`
  );
}

/** a fused comparison's general case: each instruction's own code, the bool made and popped */
function compareThenJump(op: number, arg: number, pc: number, d: number, jumpOp: number, target: number, jumpTo: (t: number, d: number) => string): string {
  return `${translate(op, arg, pc, d, 'null', jumpTo)}f.pc=${pc + 1};f.sp=${d - 1};${translate(jumpOp, target, pc + 1, d - 1, 'null', jumpTo)}`;
}

/** compareJump with the two operands deferred (q's top entries; the entries below are flushed) */
function compareJumpDeferred(q: Deferred, op: number, arg: number, pc: number, d: number, jumpOp: number, target: number, jumpTo: (t: number, d: number) => string): string {
  const t = q.take2(d);
  const p = t.p;
  const ifTrue = jumpOp === Op.POP_JUMP_IF_TRUE;
  const head = `${t.below}{${t.load}`;
  if (op === Op.IS_OP) return `${head}const t=(a===b)!==${arg === 1};f.pc=${pc};f.sp=${p};${t.own}if(t===${ifTrue}){${jumpTo(target, p)}}}`;
  return (
    head +
    `if(a.type===IntType&&b.type===IntType&&typeof a.v==='number'&&typeof b.v==='number'){const t=a.v${CMP_JS[arg]}b.v;${t.own}if(t===${ifTrue}){${jumpTo(target, p)}}}` +
    `else{${t.store}f.pc=${pc};f.sp=${d};${compareThenJump(op, arg, pc, d, jumpOp, target, jumpTo)}}}`
  );
}

/** the JavaScript of one instruction at `pc` with stack depth `d` (before it) */
function translate(op: number, arg: number, pc: number, d: number, kw: string, jumpTo: (t: number, d: number) => string, toReg = false): string {
  const S = 'S';
  // what an instruction that raises only on a rare path sets first there
  const at = `f.pc=${pc};f.sp=${d};`;
  switch (op) {
    case Op.NOP:
      return '';
    case Op.POP_TOP:
      return `{const v=${S}[${d - 1}];${S}[${d - 1}]=null;f.sp=${d - 1};decref(v);}`;
    case Op.PUSH_NULL:
      return `${S}[${d}]=null;`;
    case Op.COPY:
      return `{const v=${S}[${d - arg}];v.rc++;${S}[${d}]=v;}`;
    case Op.SWAP:
      return `{const t=${S}[${d - 1}];${S}[${d - 1}]=${S}[${d - arg}];${S}[${d - arg}]=t;}`;
    case Op.LOAD_CONST:
      return `{const v=K[${arg}];v.rc++;${S}[${d}]=v;}`;
    case Op.LOAD_FAST:
      return `{const v=F[${arg}];if(v===null){${at}unboundLocal(LP[${arg}]);}v.rc++;${S}[${d}]=v;}`;
    case Op.LOAD_DEREF:
      return `{const v=F[${arg}].ref;if(v===null){${at}derefError(U,${arg});}v.rc++;${S}[${d}]=v;}`;
    case Op.KW_NAMES:
      return '';
    case Op.UNPACK_SEQUENCE:
      return `unpackSequence(f,${S},${d},${arg},${pc + 1});`;
    case Op.LOAD_NAME:
      return `${S}[${d}]=loadName(f,N[${arg}]);`;
    case Op.STORE_NAME:
      return `{const v=${S}[${d - 1}];storeName(f,nameKey(N[${arg}]),v);${S}[${d - 1}]=null;f.sp=${d - 1};decref(v);}`;
    case Op.STORE_FAST:
      return `{const v=${S}[${d - 1}];${S}[${d - 1}]=null;const old=F[${arg}];F[${arg}]=v;f.sp=${d - 1};if(old)decref(old);}`;
    case Op.LOAD_GLOBAL: {
      const push = arg & 1 ? `${S}[${d}]=null;` : '';
      const top = d + (arg & 1);
      return (
        `{const gt=f.globals.t,bt=st.builtins.t;const c=GC[${pc + 1}];let v;` +
        `if(c!==null&&c.gt===gt&&c.gv===gt.version&&c.bt===bt&&c.bv===bt.version)v=c.value;else{${at}v=loadGlobalSlow(f,GC,${pc + 1},N,${arg});}` +
        `${push}v.rc++;${S}[${top}]=v;}`
      );
    }
    case Op.LOAD_ATTR:
      return `{const o=${S}[${d - 1}];const r=loadAttr(AC,${pc + 1},o,N[${arg}]);${S}[${d - 1}]=r;decref(o);}`;
    case Op.LOAD_METHOD:
      return (
        `{const o=${S}[${d - 1}];const m=methodHit(AC,${pc + 1},o)??loadMethod(AC,${pc + 1},o,N[${arg}]);` +
        `if(m){m.rc++;${S}[${d - 1}]=m;${S}[${d}]=o;}` +
        `else{const r=getAttr(o,N[${arg}]);${S}[${d - 1}]=null;${S}[${d}]=r;f.sp=${d + 1};decref(o);}}`
      );
    case Op.STORE_ATTR:
      return `{const o=${S}[${d - 1}],v=${S}[${d - 2}];storeAttr(AC,${pc + 1},o,N[${arg}],v);${S}[${d - 2}]=${S}[${d - 1}]=null;f.sp=${d - 2};decref(v);decref(o);}`;
    case Op.BINARY_OP: {
      const fast = intBinaryFast(arg);
      const guard = fast === '' ? '' : `if(a.type===IntType&&b.type===IntType){const x=a.v,y=b.v;if(typeof x==='number'&&typeof y==='number'){${fast}}}`;
      return `{const b=${S}[${d - 1}],a=${S}[${d - 2}];let r=null;${guard}if(r===null)r=binaryOp(a,b,${arg});${S}[${d - 1}]=null;${S}[${d - 2}]=r;f.sp=${d - 1};decref(a);decref(b);}`;
    }
    case Op.COMPARE_OP: {
      const cmp = CMP_JS[arg];
      return (
        `{const b=${S}[${d - 1}],a=${S}[${d - 2}];let r=null;` +
        `if(a.type===IntType&&b.type===IntType){const x=a.v,y=b.v;if(typeof x==='number'&&typeof y==='number')r=newBool(x${cmp}y);}` +
        `if(r===null)r=richCompare(a,b,${arg});${S}[${d - 1}]=null;${S}[${d - 2}]=r;f.sp=${d - 1};decref(a);decref(b);}`
      );
    }
    case Op.IS_OP:
      return `{const b=${S}[${d - 1}],a=${S}[${d - 2}];const r=newBool((a===b)!==${arg === 1});${S}[${d - 1}]=null;${S}[${d - 2}]=r;f.sp=${d - 1};decref(a);decref(b);}`;
    case Op.CONTAINS_OP:
      return `{const c=${S}[${d - 1}],x=${S}[${d - 2}];const r=newBool(contains(c,x)!==${arg === 1});${S}[${d - 1}]=null;${S}[${d - 2}]=r;f.sp=${d - 1};decref(x);decref(c);}`;
    case Op.BINARY_SUBSCR:
      return (
        `{const k=${S}[${d - 1}],o=${S}[${d - 2}];let r;` +
        `if(o.type===ListType&&k.type===IntType&&typeof k.v==='number'){const n=o.raw.length;let i=k.v;if(i<0)i+=n;if(i<0||i>=n)listIndexError();r=o.itemAt(i);r.rc++;}` +
        `else r=getItem(o,k);${S}[${d - 1}]=null;${S}[${d - 2}]=r;f.sp=${d - 1};decref(o);decref(k);}`
      );
    case Op.STORE_SUBSCR:
      return (
        `{const k=${S}[${d - 1}],o=${S}[${d - 2}],v=${S}[${d - 3}];if(o.type===DictType)o.setItem(k,v);else setItem(o,k,v);` +
        `${S}[${d - 3}]=${S}[${d - 2}]=${S}[${d - 1}]=null;f.sp=${d - 3};decref(v);decref(o);decref(k);}`
      );
    case Op.LIST_APPEND:
      return `{const v=${S}[${d - 1}];${S}[${d - 1}]=null;listAppend(${S}[${d - 1 - arg}],v);}`;
    case Op.UNARY_NOT:
      return `{const a=${S}[${d - 1}];const r=newBool(!isTrue(a));${S}[${d - 1}]=r;decref(a);}`;
    case Op.CALL: {
      const b = d - arg - 2;
      if (arg === 1 && kw === 'null') {
        // list.append(x) on a list (PRECALL_NO_KW_LIST_APPEND: callOther's test, made at the
        // call site, where V8 sees one kind of callable): x moves into the list, then the list
        // and the method are released as callOther does
        return (
          `{const c=${S}[${b}],o=${S}[${b + 1}];let r;` +
          `if(c===listAppendMethod&&o.type===ListType&&f.code.warmup<=0){const v=${S}[${b + 2}];${S}[${b + 2}]=null;f.sp=${b + 2};listAppend(o,v);` +
          `${S}[${b + 1}]=null;f.sp=${b + 1};decref(o);${S}[${b}]=null;f.sp=${b};decref(c);None.rc++;r=None;}` +
          // (list.append before quickening, or on a list subclass: callOther's own way)
          `else if(c!==null&&c!==listAppendMethod&&c.type===MethodDescriptorType)r=callNative(f,${S},${b},${b + 1},2,${d},c,null);` +
          `else r=callInstr(f,${S},${d},1,null);${S}[${b}]=r;}`
        );
      }
      // a builtin type's method called on an instance (callInstr and callOther hand it to
      // callNative after tests that find nothing else)
      return (
        `{const c=${S}[${b}];let r;if(c!==null&&c.type===MethodDescriptorType)r=callNative(f,${S},${b},${b + 1},${arg + 1},${d},c,${kw});` +
        `else r=callInstr(f,${S},${d},${arg},${kw});${S}[${b}]=r;}`
      );
    }
    case Op.GET_ITER:
      return `{const o=${S}[${d - 1}];const it=getIter(o);${S}[${d - 1}]=it;decref(o);}`;
    case Op.FORMAT_VALUE:
      return `formatValue(f,${S},${d},${arg});`;
    case Op.BUILD_STRING:
      return `{const t=concatStrs(${S},${d - arg},${d});for(let i=${d - arg};i<${d};i++){decref(${S}[i]);${S}[i]=null;}${S}[${d - arg}]=newStr(t);}`;
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
      return `{const items=${S}.slice(${d - arg},${d});for(let i=${d - arg};i<${d};i++)${S}[i]=null;${S}[${d - arg}]=${op === Op.BUILD_TUPLE ? 'newTuple' : 'newList'}(items);}`;
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
      return `{const v=${S}[${d - 1}];const t=isTrue(v);if(t===${op === Op.JUMP_IF_TRUE_OR_POP}){${jumpTo(arg, d)}}else{${S}[${d - 1}]=null;f.sp=${d - 1};decref(v);}}`;
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE:
      return (
        `{const v=${S}[${d - 1}];const t=v===True?true:v===False?false:isTrue(v);${S}[${d - 1}]=null;f.sp=${d - 1};decref(v);` +
        `if(t===${op === Op.POP_JUMP_IF_TRUE}){${jumpTo(arg, d - 1)}}}`
      );
    case Op.POP_JUMP_IF_NONE:
    case Op.POP_JUMP_IF_NOT_NONE:
      return `{const v=${S}[${d - 1}];${S}[${d - 1}]=null;f.sp=${d - 1};decref(v);if((v===None)===${op === Op.POP_JUMP_IF_NONE}){${jumpTo(arg, d - 1)}}}`;
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD:
      return jumpTo(arg, d);
    case Op.RETURN_VALUE:
      // evalLoop's RETURN_VALUE; the value leaves through f.ret and the index -1
      return (
        `{const r=${S}[${d - 1}];${S}[${d - 1}]=null;f.sp=${d - 1};f.pc=${pc + 1};f.running=false;f.yielded=false;` +
        `if(st.onFrameExit)st.onFrameExit(f,r,false);st.steps+=s;f.ret=r;return -1;}`
      );
    case Op.YIELD_VALUE:
      // evalLoop's YIELD_VALUE, leaving as RETURN_VALUE does (genResume sees f.yielded). A
      // generator's loop is entered again at its back edge after each resumption, so a yield
      // counts as a whole entry's rounds (the check that sends loops entered for a few rounds
      // back to the interpreter)
      return (
        `{const r=${S}[${d - 1}];${S}[${d - 1}]=null;f.sp=${d - 1};f.pc=${pc + 1};f.running=false;f.yielded=true;` +
        `if(st.onFrameExit)st.onFrameExit(f,r,false);st.steps+=s;backs+=${MIN_ROUNDS};f.ret=r;return -1;}`
      );
    case Op.FOR_ITER:
      return (
        `{const it=${S}[${d - 1}];let v;` +
        `if(it.type===ListIterType){const seq=it.seq;if(seq&&it.index<seq.raw.length){v=iterItem(seq,it.index++);v.rc++;}else{v=null;it.exhaust();}}` +
        `else if(it.type===RangeIterType){if(it.remaining>0){it.remaining--;v=newInt(it.next);it.next+=it.step;}else v=null;}` +
        `else if(it.type===GeneratorType)v=genNext(it);else v=iterNext(it);` +
        `if(v===null){${S}[${d - 1}]=null;f.sp=${d - 1};decref(it);${jumpTo(arg, d - 1)}}else ${toReg ? `R${d}` : `${S}[${d}]`}=v;}`
      );
  }
  // (f.sp is d here: the instruction is not PURE)
  if (COLD_SET.has(op)) return `coldOp(f,${op},${arg},${pc + 1});`;
  throw new Error(`jit: no translation for opcode ${op}`);
}

/**
 * The top of the value stack while straight-line code is emitted: values pushed by LOAD_FAST,
 * LOAD_CONST or a translated operation are not written to `f.stack` at once. An entry is a
 * local's or a constant's value, read where it is used (a borrowed reference: the local cannot
 * change before, as only other deferred pushes come between), or a register `R<position>` that
 * owns its reference. An instruction that uses them on its fast path (an int operation, a
 * comparison, a store to a local) reads them there and takes no references; any other path first
 * writes them to the stack with their references, exactly as the interpreter holds them, before
 * anything that can call out, raise, collect or run a finalizer (which may look at the frame:
 * `gc.get_referrers`, `sys.getrefcount`, a traceback). Every block boundary (a label, a jump, an
 * exit) writes them first, so the interpreter and other blocks always find the real stack.
 */
const enum Src {
  FAST,
  CONST,
  REG,
}
interface Pending {
  src: Src;
  idx: number;
}
class Deferred {
  pend: Pending[] = [];
  /** registers used (R0..R<max-1>) */
  regs = 0;
  /** the JavaScript value of the entry at stack position p */
  static expr(e: Pending, p: number): string {
    return e.src === Src.FAST ? `F[${e.idx}]` : e.src === Src.CONST ? `K[${e.idx}]` : `R${p}`;
  }
  /** writes the entry at position p to the stack (a borrowed value gets its reference) */
  static store(e: Pending, p: number): string {
    return e.src === Src.REG ? `S[${p}]=R${p};` : `{const v=${Deferred.expr(e, p)};v.rc++;S[${p}]=v;}`;
  }
  push(e: Pending, d: number): void {
    this.pend.push(e);
    if (e.src === Src.REG && d + 1 > this.regs) this.regs = d + 1;
  }
  /** the code writing the bottom `n` entries to the stack (d: the depth) */
  private stores(d: number, n: number): string {
    let c = '';
    for (let i = 0; i < n; i++) c += Deferred.store(this.pend[i], d - this.pend.length + i);
    return c;
  }
  /** the code writing all but the top `keep` entries to the stack (d: the depth); they leave */
  flush(d: number, keep = 0): string {
    const n = this.pend.length - keep;
    if (n <= 0) return '';
    const c = this.stores(d, n);
    this.pend.splice(0, n);
    return c;
  }
  /** the two operands of a binary instruction at depth d, deferred (the entries below them are
   * written first, by `below`): `a` and `b` in the code, `own` drops the references the
   * registers among them hold, `store` writes both to the stack */
  take2(d: number): { below: string; ea: Pending; eb: Pending; p: number; load: string; own: string; store: string } {
    const below = this.flush(d, 2);
    const eb = this.pend.pop()!;
    const ea = this.pend.pop()!;
    const p = d - 2;
    return {
      below,
      ea,
      eb,
      p,
      load: `const a=${Deferred.expr(ea, p)},b=${Deferred.expr(eb, p + 1)};`,
      own: (ea.src === Src.REG ? 'decref(a);' : '') + (eb.src === Src.REG ? 'decref(b);' : ''),
      store: Deferred.store(ea, p) + Deferred.store(eb, p + 1),
    };
  }
  /** the code writing every entry, for a path that leaves (the entries stay deferred for the others) */
  storeAll(d: number): string {
    return this.stores(d, this.pend.length);
  }
  /** a copy, to translate an alternative path on */
  clone(): Deferred {
    const c = new Deferred();
    c.pend = this.pend.slice();
    c.regs = this.regs;
    return c;
  }
}

/** a binary instruction's slow path on the written stack: `call` (of `a` and `b`) as the
 * interpreter runs it, its result left in `r` (the caller puts it in the register) */
function slowBinary(t: { p: number; store: string }, pc: number, d: number, call: string): string {
  const p = t.p;
  return `${t.store}f.pc=${pc};f.sp=${d};r=${call};S[${p + 1}]=null;S[${p}]=r;f.sp=${p + 1};decref(a);decref(b);S[${p}]=null;`;
}

/**
 * The instruction at `pc` (depth `d`) on deferred operands, or null when it is not one of these
 * (the caller then flushes the deferred entries and translates it as usual).
 */
function deferredOp(q: Deferred, op: number, arg: number, pc: number, d: number): string | null {
  const pend = q.pend;
  switch (op) {
    case Op.LOAD_CONST:
      q.push({ src: Src.CONST, idx: arg }, d);
      return '';
    case Op.LOAD_FAST: {
      // an unbound local raises here, with the stack as the interpreter has it
      const code = `if(F[${arg}]===null){${q.storeAll(d)}f.pc=${pc};f.sp=${d};unboundLocal(LP[${arg}]);}`;
      q.push({ src: Src.FAST, idx: arg }, d);
      return code;
    }
    case Op.STORE_FAST: {
      if (pend.length === 0) return null;
      const below = q.flush(d, 1);
      const e = pend.pop()!;
      const p = d - 1;
      const v = e.src === Src.REG ? `const v=R${p};` : `const v=${Deferred.expr(e, p)};v.rc++;`;
      return `${below}{${v}const old=F[${arg}];F[${arg}]=v;f.pc=${pc};f.sp=${p};if(old)decref(old);}`;
    }
    case Op.BINARY_OP: {
      if (pend.length < 2) return null;
      // (ints beyond the doubles' fast path, and true division: intOp, which never raises)
      const fast = intBinaryFast(arg);
      if (fast === '' && arg % 13 !== 11) return null;
      const t = q.take2(d);
      q.push({ src: Src.REG, idx: 0 }, t.p);
      return (
        `${t.below}{${t.load}let r=null;` +
        `if(a.type===IntType&&b.type===IntType){const x=a.v,y=b.v;if(typeof x==='number'&&typeof y==='number'){${fast}}if(r===null)r=intOp(${arg % 13},x,y);}` +
        `if(r!==null){${t.own}}else{${slowBinary(t, pc, d, `binaryOp(a,b,${arg})`)}}R${t.p}=r;}`
      );
    }
    case Op.LOAD_ATTR: {
      // an instance's inline value or slot (attrHit); an owned object must stay alive after
      // its reference is dropped (its last one would free it, which may run a finalizer)
      if (pend.length < 1) return null;
      const below = q.flush(d, 1);
      const e = pend.pop()!;
      const p = d - 1;
      const own = e.src === Src.REG;
      q.push({ src: Src.REG, idx: 0 }, p);
      return (
        `${below}{const o=${Deferred.expr(e, p)};let r=${own ? `o.rc>1?attrHit(AC,${pc + 1},o):undefined` : `attrHit(AC,${pc + 1},o)`};` +
        `if(r!==undefined){r.rc++;${own ? 'o.rc--;' : ''}}else{${Deferred.store(e, p)}f.pc=${pc};f.sp=${d};` +
        `r=loadAttr(AC,${pc + 1},o,N[${arg}]);S[${p}]=r;decref(o);S[${p}]=null;}R${p}=r;}`
      );
    }
    case Op.STORE_ATTR: {
      if (pend.length < 2 || pend[pend.length - 1].src === Src.REG) return null;
      const below = q.flush(d, 2);
      const eo = pend.pop()!;
      const ev = pend.pop()!;
      const p = d - 2;
      // (storeAttrHit took its own reference to v: an owned v is still alive after the drop)
      return (
        `${below}{const v=${Deferred.expr(ev, p)},o=${Deferred.expr(eo, p + 1)};` +
        `if(storeAttrHit(AC,${pc + 1},o,v)){${ev.src === Src.REG ? 'v.rc--;' : ''}}` +
        `else{${Deferred.store(ev, p)}${Deferred.store(eo, p + 1)}f.pc=${pc};f.sp=${d};` +
        `storeAttr(AC,${pc + 1},o,N[${arg}],v);S[${p}]=S[${p + 1}]=null;f.sp=${p};decref(v);decref(o);}}`
      );
    }
    case Op.BINARY_SUBSCR: {
      // list[int] in range; an owned list must stay alive after its reference is dropped
      if (pend.length < 2) return null;
      const t = q.take2(d);
      const ownA = t.ea.src === Src.REG;
      q.push({ src: Src.REG, idx: 0 }, t.p);
      return (
        `${t.below}{${t.load}let r;` +
        `if(a.type===ListType&&b.type===IntType&&typeof b.v==='number'${ownA ? '&&a.rc>1' : ''}){const n=a.raw.length;let i=b.v;if(i<0)i+=n;` +
        `if(i>=0&&i<n){r=a.itemAt(i);r.rc++;${ownA ? 'a.rc--;' : ''}${t.eb.src === Src.REG ? 'decref(b);' : ''}}}` +
        `if(r===undefined){${slowBinary(t, pc, d, 'getItem(a,b)')}}R${t.p}=r;}`
      );
    }
    case Op.COMPARE_OP: {
      if (pend.length < 2) return null;
      const t = q.take2(d);
      q.push({ src: Src.REG, idx: 0 }, t.p);
      return (
        `${t.below}{${t.load}let r;` +
        `if(a.type===IntType&&b.type===IntType&&typeof a.v==='number'&&typeof b.v==='number'){r=newBool(a.v${CMP_JS[arg]}b.v);${t.own}}` +
        `else{${slowBinary(t, pc, d, `richCompare(a,b,${arg})`)}}R${t.p}=r;}`
      );
    }
  }
  return null;
}

/**
 * `(x * a + c) % m` and `(x * a - c) % m`: BINARY_OP * at `pc` on two deferred operands, then
 * LOAD_CONST c, BINARY_OP + or -, LOAD_CONST m, BINARY_OP %, where c is an int constant and m one
 * with 0 < |m| <= 2**51 (a linear congruential generator's step, a modular hash). When x and a
 * are exact ints held as numbers, numeric.ts mulAddMod gives the result exactly, without the two
 * ints in between (nothing can see them: ints are untracked and freed at once) and without BigInt
 * when the product passes 2**53; otherwise the three operations run one by one as deferredOp
 * translates them. Null when the instructions are not these (depth `d` at pc).
 */
function mulAddModFused(q: Deferred, code: PyCode, pc: number, d: number, jump: number, labels: Set<number>, depth: (number | undefined)[], intType: unknown): string | null {
  const ins = code.unit.code;
  if (q.pend.length < 2 || pc + 4 >= jump) return null;
  for (let k = 1; k <= 4; k++) if (labels.has(pc + k) || depth[pc + k] === undefined) return null;
  const op = (k: number): number => ins[(pc + k) << 1];
  const arg = (k: number): number => ins[((pc + k) << 1) + 1];
  if (op(1) !== Op.LOAD_CONST || op(2) !== Op.BINARY_OP || (arg(2) !== 0 && arg(2) !== 10) || op(3) !== Op.LOAD_CONST || op(4) !== Op.BINARY_OP || arg(4) !== 6) return null;
  const c = code.consts[arg(1)];
  const m = code.consts[arg(3)];
  if (c.type !== intType || m.type !== intType) return null;
  const cv = (c as PyInt).v;
  const mv = (m as PyInt).v;
  if (typeof cv !== 'number' || typeof mv !== 'number' || mv === 0 || Math.abs(mv) > MUL_ADD_MOD_MAX) return null;
  const below = q.flush(d, 2);
  // the one-by-one path, translated on a copy of the deferred entries (the same registers)
  const alt = q.clone();
  let slow = '';
  slow += deferredOp(alt, Op.BINARY_OP, 5, pc, d);
  for (let k = 1; k <= 4; k++) slow += deferredOp(alt, op(k), arg(k), pc + k, depth[pc + k]!);
  const t = q.take2(d);
  q.push({ src: Src.REG, idx: 0 }, t.p);
  if (alt.regs > q.regs) q.regs = alt.regs;
  const addend = arg(2) === 10 ? -cv : cv;
  return (
    `${below}{${t.load}if(a.type===IntType&&b.type===IntType&&typeof a.v==='number'&&typeof b.v==='number'){` +
    `const r=newInt(mulAddMod(a.v,b.v,${addend},${mv}));${t.own}R${t.p}=r;}else{${slow}}}`
  );
}

/** POP_JUMP_IF_FALSE/TRUE on a deferred value: True, False, None and exact ints decide without a
 * call (isTrue otherwise, from the stack); the jump itself is `jumpTo`'s */
function deferredTest(q: Deferred, op: number, arg: number, pc: number, d: number, jumpTo: (t: number, d: number) => string): string {
  const below = q.flush(d, 1);
  const e = q.pend.pop()!;
  const p = d - 1;
  const drop = e.src === Src.REG ? 'decref(v);' : '';
  return (
    `${below}{const v=${Deferred.expr(e, p)};let t;` +
    `if(v===True||v===False||v===None){t=v===True;${e.src === Src.REG ? 'v.rc--;' : ''}}` +
    `else if(v.type===IntType){t=v.v!==0;${drop}}` +
    `else{${Deferred.store(e, p)}f.pc=${pc};f.sp=${d};t=isTrue(v);S[${p}]=null;f.sp=${p};decref(v);}` +
    `if(t===${op === Op.POP_JUMP_IF_TRUE}){${jumpTo(arg, p)}}}`
  );
}

/** `dj`: the stack depth at the jump, which is the depth at the head (a stack depth is a property of
 * the instruction in CPython's bytecode; the dataflow below checks it) */
function compileLoop(code: PyCode, head: number, jump: number, dj: number, helpers: JitHelpers): CompiledLoop | null {
  return compileRegion(code, head, jump, dj, true, helpers);
}

/**
 * The instructions from `head` (stack depth `dj`) to `jump` as one JavaScript function (`loop`: a
 * loop whose back edge is `jump`; else a function body from its first instruction, `jump` its
 * last, whose own loops go round inside it).
 */
function compileRegion(code: PyCode, head: number, jump: number, dj: number, loop: boolean, helpers: JitHelpers): CompiledLoop | null {
  const u = code.unit;
  const ins = u.code;
  if (jump - head > MAX_LOOP) return null;
  const depth = depths(ins, head, jump, dj);
  if (depth === null) return null;
  if (loop && depth[jump] !== dj) return null;
  // instructions that begin a block: the head and every jump target inside the loop
  const labels = new Set<number>([head]);
  for (let pc = head; pc <= jump; pc++) {
    if (depth[pc] === undefined) continue;
    const op = ins[pc << 1];
    if (JUMPS.has(op)) {
      const t = ins[(pc << 1) + 1];
      if (t >= head && t <= jump) labels.add(t);
    }
  }
  const exit = (t: number, d: number): string => `st.steps+=s;f.pc=${t};f.sp=${d};return ${t};`;
  // a loop on one line goes round under a line hook too (no line event can happen inside it)
  const trip = loop && oneLineLoop(code, head, jump) ? 'budgetTrip' : 'trip';
  let at = head;
  const jumpTo = (t: number, d: number): string => {
    if (t < head || t > jump) return exit(t, d);
    // a back edge: the steps so far count, and a tripped budget (or a line hook) hands over.
    // Code that is not quickened yet counts its warm-up as evalLoop's JUMP_BACKWARD does (a
    // `while` test's jump never does), so the helpers that behave differently before quickening
    // (callOther, unpackWithoutIterator) see the same code.warmup as in the interpreter.
    if (t <= at) {
      const warm = ins[at << 1] === Op.JUMP_BACKWARD && jumpWarms(u, at) ? 'if(f.code.warmup>0)f.code.warmup--;' : '';
      return `${warm}st.steps+=s;s=0;backs++;if(st.steps>st.${trip}){${exit(t, d)}}pc=${t};continue;`;
    }
    return `pc=${t};continue;`;
  };
  const kwNamesOf = helpers.kwNamesOf as (code: PyCode, arg: number) => string[];
  const kws: string[][] = [];
  let body = '';
  let open = false; // straight-line code is being emitted (the previous instruction falls through)
  let counted = false; // the instructions up to the next jump or label are counted already
  const q = new Deferred();
  for (let pc = head; pc <= jump; pc++) {
    const d = depth[pc];
    at = pc;
    if (d === undefined) {
      if (q.pend.length) throw new Error('jit: deferred stack entries at an unreachable instruction');
      open = false;
      continue;
    }
    const op = ins[pc << 1];
    const arg = ins[(pc << 1) + 1];
    if (labels.has(pc) || !open) {
      // (a block is entered with the whole stack written: the entries of the code falling into
      // it are written before its label)
      if (q.pend.length && !open) throw new Error('jit: deferred stack entries at a block entry');
      body += q.flush(d) + `case ${pc}:`;
      counted = false;
    }
    if (!SUPPORTED.has(op) || (op === Op.RETURN_VALUE && d !== 1)) {
      body += q.flush(d) + exit(pc, d);
      open = false;
      continue;
    }
    if (!counted) {
      // steps: one add for the run of instructions up to the next jump, label or exit
      let n = 0;
      for (let q = pc; q <= jump; q++) {
        const o = ins[q << 1];
        if (depth[q] === undefined || !SUPPORTED.has(o) || (o === Op.RETURN_VALUE && depth[q] !== 1) || (q > pc && labels.has(q))) break;
        n++;
        if (JUMPS.has(o) || o === Op.RETURN_VALUE || o === Op.YIELD_VALUE) break;
      }
      body += `s+=${n};`;
      counted = true;
    }
    let kw = 'null';
    if (op === Op.CALL && pc > head && ins[(pc - 1) << 1] === Op.KW_NAMES) {
      kws.push(kwNamesOf(code, ins[((pc - 1) << 1) + 1]));
      kw = `KW[${kws.length - 1}]`;
    }
    const next = ins[(pc + 1) << 1];
    if (
      (op === Op.COMPARE_OP || op === Op.IS_OP || op === Op.CONTAINS_OP) &&
      pc < jump &&
      !labels.has(pc + 1) &&
      depth[pc + 1] === d - 1 &&
      (next === Op.POP_JUMP_IF_FALSE || next === Op.POP_JUMP_IF_TRUE)
    ) {
      // a comparison and the conditional jump after it, as one (as 3.11's fused
      // COMPARE_OP_INT_JUMP): the jump is taken on the test itself, without the bool the
      // interpreter pushes and pops
      at = pc + 1;
      const target = ins[((pc + 1) << 1) + 1];
      if (op !== Op.CONTAINS_OP && q.pend.length >= 2) body += compareJumpDeferred(q, op, arg, pc, d, next, target, jumpTo) + '\n';
      else body += q.flush(d) + `f.pc=${pc};f.sp=${d};` + compareJump(op, arg, pc, d, next, target, jumpTo) + '\n';
      pc++;
      counted = false;
      open = true;
      if (pc === jump) body += exit(pc + 1, d - 2);
      continue;
    }
    if (op === Op.BINARY_OP && arg === 5) {
      const fused = mulAddModFused(q, code, pc, d, jump, labels, depth, helpers.IntType);
      if (fused !== null) {
        // (its five instructions are counted with the block's; the last is never the loop's jump)
        body += fused + '\n';
        pc += 4;
        at = pc;
        open = true;
        continue;
      }
    }
    const dc =
      (op === Op.POP_JUMP_IF_FALSE || op === Op.POP_JUMP_IF_TRUE) && q.pend.length !== 0
        ? deferredTest(q, op, arg, pc, d, jumpTo)
        : deferredOp(q, op, arg, pc, d);
    if (dc !== null) {
      body += dc + '\n';
      if (JUMPS.has(op)) counted = false;
      open = true;
      const after = d + OPS[op].effect(arg, false);
      if (pc === jump) body += q.flush(after) + exit(pc + 1, after);
      continue;
    }
    body += q.flush(d);
    if (!PURE.has(op)) body += `f.pc=${pc};f.sp=${d};`;
    // (a FOR_ITER's next value stays in a register when the instruction after it is translated)
    const toReg = op === Op.FOR_ITER && pc < jump && !labels.has(pc + 1) && depth[pc + 1] === d + 1 && SUPPORTED.has(next);
    body += translate(op, arg, pc, d, kw, jumpTo, toReg) + '\n';
    if (toReg) q.push({ src: Src.REG, idx: 0 }, d);
    if (JUMPS.has(op)) counted = false;
    // (what follows a yield runs after the generator resumes: in the interpreter, which enters
    // the loop again at its back edge)
    open = !(op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD || op === Op.RETURN_VALUE || op === Op.YIELD_VALUE);
    if (open && pc === jump) body += q.flush(d + OPS[op].effect(arg, false)) + exit(pc + 1, d + OPS[op].effect(arg, false));
  }
  if (q.pend.length) throw new Error('jit: deferred stack entries at the end');
  if (open) body += exit(jump + 1, depth[jump]!);
  const names = Object.keys(helpers);
  const src =
    `'use strict';const {${names.join(',')}}=H;` +
    // (a loop that goes round only a few times per entry costs more to enter than it saves: after
    // ENTRIES_CHECKED entries with fewer than MIN_ROUNDS back edges each on average, it is left to
    // the interpreter)
    `let entries=0,backs=0;` +
    `return function ${loop ? 'loop' : 'body'}_${sanitize(u.name)}_${head}(f){const S=f.stack,F=f.fast,st=vmState;let s=0;let pc=${head};` +
    (q.regs ? `let ${Array.from({ length: q.regs }, (_, i) => `R${i}=null`).join(',')};` : '') +
    (loop ? `if(++entries===${ENTRIES_CHECKED}&&backs<${ENTRIES_CHECKED * MIN_ROUNDS})J[${head}]=null;` : '') +
    `try{for(;;){switch(pc){${body}default:throw new Error('jit: no block '+pc);}}}catch(e){st.steps+=s;throwFrom(e);}}`;
  const first = jitConfig.onFirstCompile;
  if (first !== null) {
    jitConfig.onFirstCompile = null;
    first();
  }
  const make = new Function('H', 'K', 'N', 'LP', 'GC', 'AC', 'KW', 'U', 'J', src) as (...a: unknown[]) => CompiledLoop;
  return make(helpers, code.consts, u.names, u.localsplusNames, code.globalCaches, code.attrCaches, kws, u, code.jitLoops);
}

function sanitize(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, '_');
}
