// Constant folding of the AST, after CPython 3.11's Python/ast_opt.c. Folded results are source
// constants too (the script runner's arena owns one reference to each), which is why this matters
// for reference counts.

import type * as A from '../parser/ast';
import * as N from '../runtime/numeric';
import { countValue, type ArenaCounts } from '../parser/arena';

/** A folded tuple / frozenset constant (only produced here). */
export type FoldedSeq = { type: 'ftuple'; elts: A.Constant[] } | { type: 'ffrozenset'; elts: A.Constant[] };

/** foldExpr's results for the nodes of the module being compiled (compileModule clears it when
 * done): a Map, not a WeakMap keyed by every expression node, whose ephemeron entries each
 * young-generation garbage collection during the compile would have to visit. */
let cache: Map<A.Expr, A.Expr> | null = null;

/** The arena references of the module being compiled (parser/arena.ts): make_const adds the
 *  objects it makes (a folded tuple holds its items) */
let arenaCounts: ArenaCounts | null = null;

/** Forget the folded nodes (compileModule, before and after a module). */
export function resetFoldCache(): void {
  cache = null;
  arenaCounts = null;
}

/** Count the folds' arena references from here on, on top of the parser's `counts`. */
export function beginFoldArena(counts: ArenaCounts | undefined): ArenaCounts {
  return (arenaCounts = new Map(counts));
}

// ast_opt.c limits
const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;

function mk(e: A.Pos, value: A.ConstantValue | FoldedSeq): A.Constant {
  if (arenaCounts !== null) {
    countValue(arenaCounts, value);
    if (value.type === 'ftuple' || value.type === 'ffrozenset') {
      for (const x of value.elts) countValue(arenaCounts, x.value as A.ConstantValue | FoldedSeq);
    }
  }
  return {
    kind: 'Constant',
    value: value as A.ConstantValue,
    constKind: null,
    lineno: e.lineno,
    col_offset: e.col_offset,
    end_lineno: e.end_lineno,
    end_col_offset: e.end_col_offset,
  };
}

export function foldExpr(e: A.Expr): A.Expr {
  const m = cache ?? (cache = new Map());
  const c = m.get(e);
  if (c) return c;
  const r = fold(e);
  m.set(e, r);
  return r;
}

function fold(e: A.Expr): A.Expr {
  switch (e.kind) {
    case 'Name':
      // ast_opt.c fold_expr: `__debug__` is the constant True (not -O)
      return e.ctx === 'Load' && e.id === '__debug__' ? mk(e, { type: 'bool', value: true }) : e;
    case 'UnaryOp': {
      const o = foldExpr(e.operand);
      if (o.kind !== 'Constant') return e;
      const v = o.value;
      try {
        const r = foldUnary(e.op, v);
        return r ? mk(e, r) : e;
      } catch {
        return e;
      }
    }
    case 'BinOp': {
      const l = foldExpr(e.left);
      const r = foldExpr(e.right);
      if (e.op === 'Mod' && l.kind === 'Constant' && l.value.type === 'str' && r.kind === 'Tuple' && !r.elts.some((x) => x.kind === 'Starred')) {
        return optimizeFormat(e, l.value.value, r.elts) ?? e;
      }
      if (l.kind !== 'Constant' || r.kind !== 'Constant') return e;
      try {
        const v = foldBin(e.op, l.value, r.value);
        return v ? mk(e, v) : e;
      } catch {
        return e;
      }
    }
    case 'Subscript': {
      // fold_subscr: a constant subscripted by a constant (PyObject_GetItem; an error, such as an
      // index out of range, leaves it to run)
      if (e.ctx !== 'Load') return e;
      const v = foldExpr(e.value);
      const s = foldExpr(e.slice);
      if (v.kind !== 'Constant' || s.kind !== 'Constant') return e;
      const r = foldSubscr(v.value as A.ConstantValue | FoldedSeq, s.value);
      return r ? mk(e, r) : e;
    }
    case 'Tuple': {
      if (e.ctx !== 'Load') return e;
      const elts = e.elts.map(foldExpr);
      if (!elts.every((x) => x.kind === 'Constant')) return e;
      return mk(e, { type: 'ftuple', elts: elts as A.Constant[] });
    }
    default:
      return e;
  }
}

/** str[i], bytes[i] and a folded tuple's [i] with an int (or bool) index, as PyObject_GetItem
 * gives them; null where it would raise */
function foldSubscr(v: A.ConstantValue | FoldedSeq, k: A.ConstantValue): A.ConstantValue | FoldedSeq | null {
  let i: number;
  if (k.type === 'bool') i = k.value ? 1 : 0;
  else if (k.type === 'int' && k.value >= -(2n ** 53n) && k.value <= 2n ** 53n) i = Number(k.value);
  else return null;
  const at = (n: number): number => (i < 0 ? i + n : i);
  if (v.type === 'str') {
    const cps = [...v.value];
    const j = at(cps.length);
    return j >= 0 && j < cps.length ? { type: 'str', value: cps[j] } : null;
  }
  if (v.type === 'bytes') {
    const j = at(v.value.length);
    return j >= 0 && j < v.value.length ? { type: 'int', value: BigInt(v.value[j]) } : null;
  }
  if (v.type === 'ftuple') {
    const j = at(v.elts.length);
    return j >= 0 && j < v.elts.length ? (v.elts[j].value as A.ConstantValue | FoldedSeq) : null;
  }
  return null;
}

/** A constant without a source position (ast_opt.c makes the literal parts of an optimized
 *  format that way). */
function noPos(value: A.ConstantValue): A.Constant {
  if (arenaCounts !== null) countValue(arenaCounts, value);
  return { kind: 'Constant', value, constKind: null, lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
}

/** optimize_format (ast_opt.c, 3.11): `'...%s...%r...' % (a, b)` with only %s / %r / %a (flags,
 *  width and precision of at most 2 digits) becomes the f-string f'...{a!s}...{b!r}...'. */
function optimizeFormat(node: A.BinOp, fmt: string, elts: A.Expr[]): A.JoinedStr | null {
  const values: A.Expr[] = [];
  let pos = 0;
  let cnt = 0;
  const len = fmt.length;
  for (;;) {
    // parse_literal: up to the next single '%', with '%%' as '%'
    let lit = '';
    while (pos < len) {
      const ch = fmt[pos];
      if (ch === '%') {
        if (pos + 1 < len && fmt[pos + 1] === '%') {
          lit += '%';
          pos += 2;
          continue;
        }
        break;
      }
      lit += ch;
      pos++;
    }
    if (lit) values.push(noPos({ type: 'str', value: lit }));
    if (pos >= len) break;
    if (cnt >= elts.length) return null;
    const arg = elts[cnt++];
    // simple_format_arg_parse, after the '%'
    pos++;
    let ljust = false;
    let width = -1;
    let prec = -1;
    let ch = '';
    const next = (): boolean => {
      if (pos >= len) return false;
      ch = fmt[pos++];
      return true;
    };
    if (!next()) return null;
    while ('-+ #0'.includes(ch)) {
      if (ch === '-') ljust = true;
      if (!next()) return null;
    }
    if (ch >= '0' && ch <= '9') {
      width = 0;
      let digits = 0;
      while (ch >= '0' && ch <= '9') {
        width = width * 10 + Number(ch);
        if (!next()) return null;
        if (++digits >= 3) return null;
      }
    }
    if (ch === '.') {
      if (!next()) return null;
      prec = 0;
      let digits = 0;
      while (ch >= '0' && ch <= '9') {
        prec = prec * 10 + Number(ch);
        if (!next()) return null;
        if (++digits >= 3) return null;
      }
    }
    if (ch !== 's' && ch !== 'r' && ch !== 'a') return null;
    let spec = '';
    if (!ljust && width > 0) spec += '>';
    if (width >= 0) spec += String(width);
    if (prec >= 0) spec += '.' + prec;
    const fv: A.FormattedValue = {
      kind: 'FormattedValue',
      value: arg,
      conversion: ch.charCodeAt(0),
      format_spec: spec ? { kind: 'JoinedStr', values: [noPos({ type: 'str', value: spec })], lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 } : null,
      lineno: arg.lineno,
      col_offset: arg.col_offset,
      end_lineno: arg.end_lineno,
      end_col_offset: arg.end_col_offset,
    };
    values.push(fv);
  }
  if (cnt < elts.length) return null;
  return { kind: 'JoinedStr', values, lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
}

/** fold_iter: `for x in [1, 2]` and `x in [1, 2]` use a constant tuple / frozenset; a list that
 *  is not constant becomes a tuple display. */
export function foldIter(e: A.Expr): A.Expr {
  if (e.kind === 'List' && e.ctx === 'Load' && !e.elts.some((x) => x.kind === 'Starred')) {
    const elts = e.elts.map(foldExpr);
    if (elts.every((x) => x.kind === 'Constant')) return mk(e, { type: 'ftuple', elts: elts as A.Constant[] });
    const t: A.Tuple = { ...e, kind: 'Tuple' };
    return t;
  }
  if (e.kind === 'Set') {
    const elts = e.elts.map(foldExpr);
    if (elts.every((x) => x.kind === 'Constant')) return mk(e, { type: 'ffrozenset', elts: elts as A.Constant[] });
  }
  return foldExpr(e);
}

type CV = A.ConstantValue | FoldedSeq;

function asInt(v: CV): N.Int | null {
  if (v.type === 'int') return N.norm(v.value);
  if (v.type === 'bool') return v.value ? 1 : 0;
  return null;
}
function intConst(i: N.Int): CV {
  return { type: 'int', value: N.big(i) };
}
function bits(i: N.Int): number {
  const b = N.big(i);
  return (b < 0n ? -b : b).toString(2).length;
}

function foldUnary(op: A.UnaryOp['op'], v: CV): CV | null {
  const i = asInt(v);
  if (op === 'Not') {
    const t = truth(v);
    return t === null ? null : { type: 'bool', value: !t };
  }
  if (i !== null) {
    if (op === 'USub') return intConst(N.intNeg(i));
    if (op === 'UAdd') return intConst(i);
    if (op === 'Invert') return intConst(N.intInvert(i));
  }
  if (v.type === 'float') {
    if (op === 'USub') return { type: 'float', value: -v.value };
    if (op === 'UAdd') return v;
    return null;
  }
  if (v.type === 'complex') {
    if (op === 'USub') return null; // -1j is complex(-0.0, -1.0): keep it unfolded for simplicity
    if (op === 'UAdd') return v;
  }
  return null;
}

function truth(v: CV): boolean | null {
  switch (v.type) {
    case 'None':
      return false;
    case 'Ellipsis':
      return true;
    case 'bool':
      return v.value;
    case 'int':
      return v.value !== 0n;
    case 'float':
      return v.value !== 0;
    case 'complex':
      return v.imag !== 0;
    case 'str':
      return v.value.length > 0;
    case 'bytes':
      return v.value.length > 0;
    case 'ftuple':
    case 'ffrozenset':
      return v.elts.length > 0;
  }
}

function foldBin(op: A.Operator, l: CV, r: CV): CV | null {
  if (l.type === 'bool' && r.type === 'bool' && (op === 'BitAnd' || op === 'BitOr' || op === 'BitXor')) {
    // bool.__and__ / __or__ / __xor__ keep the bool type
    const v = op === 'BitAnd' ? l.value && r.value : op === 'BitOr' ? l.value || r.value : l.value !== r.value;
    return { type: 'bool', value: v };
  }
  const a = asInt(l);
  const b = asInt(r);
  if (a !== null && b !== null) {
    switch (op) {
      case 'Add':
        return intConst(N.intAdd(a, b));
      case 'Sub':
        return intConst(N.intSub(a, b));
      case 'Mult':
        // safe_multiply
        if (bits(a) + bits(b) > MAX_INT_SIZE && N.intSign(a) !== 0 && N.intSign(b) !== 0) return null;
        return intConst(N.intMul(a, b));
      case 'FloorDiv':
        return intConst(N.intFloorDiv(a, b));
      case 'Mod':
        return intConst(N.intMod(a, b));
      case 'Div':
        return { type: 'float', value: N.intTrueDiv(a, b) };
      case 'Pow': {
        // safe_power
        if (N.intSign(b) >= 0 && N.intSign(a) !== 0) {
          const eb = Number(N.big(b));
          if (bits(a) * eb > MAX_INT_SIZE) return null;
        }
        const p = N.intPow(a, b);
        return typeof p === 'number' && N.intSign(b) < 0 ? { type: 'float', value: p } : intConst(p as N.Int);
      }
      case 'LShift': {
        // safe_lshift
        if (N.intSign(b) < 0) return null;
        if (N.intSign(a) !== 0 && (N.intCmp(b, MAX_INT_SIZE) > 0 || bits(a) > MAX_INT_SIZE - Number(N.big(b)))) return null;
        return intConst(N.intLshift(a, b));
      }
      case 'RShift':
        return intConst(N.intRshift(a, b));
      case 'BitAnd':
        return intConst(N.intAnd(a, b));
      case 'BitOr':
        return intConst(N.intOr(a, b));
      case 'BitXor':
        return intConst(N.intXor(a, b));
      default:
        return null;
    }
  }
  const fa = l.type === 'float' ? l.value : a !== null ? safeFloat(a) : null;
  const fb = r.type === 'float' ? r.value : b !== null ? safeFloat(b) : null;
  if ((l.type === 'float' || r.type === 'float') && fa !== null && fb !== null) {
    switch (op) {
      case 'Add':
        return { type: 'float', value: fa + fb };
      case 'Sub':
        return { type: 'float', value: fa - fb };
      case 'Mult':
        return { type: 'float', value: fa * fb };
      case 'Div':
        return { type: 'float', value: N.floatDiv(fa, fb) };
      case 'FloorDiv':
        return { type: 'float', value: N.floatFloorDiv(fa, fb) };
      case 'Mod':
        return { type: 'float', value: N.floatMod(fa, fb) };
      case 'Pow': {
        const p = N.floatPow(fa, fb);
        return p === null ? null : { type: 'float', value: p };
      }
      default:
        return null;
    }
  }
  // fold_binop's Add is PyNumber_Add with no size limit (3.11 Python/ast_opt.c)
  if (l.type === 'str' && r.type === 'str' && op === 'Add') return { type: 'str', value: l.value + r.value };
  if (l.type === 'bytes' && r.type === 'bytes' && op === 'Add') {
    const v = new Uint8Array(l.value.length + r.value.length);
    v.set(l.value, 0);
    v.set(r.value, l.value.length);
    return { type: 'bytes', value: v };
  }
  if (op === 'Mult') {
    // safe_multiply for sequences
    const [s, n] = l.type === 'str' && b !== null ? [l, b] : r.type === 'str' && a !== null ? [r, a] : [null, null];
    // an empty sequence is multiplied by any count that fits Py_ssize_t (safe_multiply calls
    // PyNumber_Multiply; beyond it the OverflowError leaves the expression unfolded)
    const fitsSsize = (x: bigint) => x <= 0x7fffffffffffffffn && x >= -0x8000000000000000n;
    if (s && n !== null && s.type === 'str') {
      if (s.value.length === 0) return fitsSsize(BigInt(n)) ? { type: 'str', value: '' } : null;
      const k = Number(n);
      // n < 0 || n > MAX_STR_SIZE / size: not folded
      if (k < 0 || s.value.length * k > MAX_STR_SIZE) return null;
      return { type: 'str', value: s.value.repeat(k) };
    }
    const [y, c] = l.type === 'bytes' && b !== null ? [l, b] : r.type === 'bytes' && a !== null ? [r, a] : [null, null];
    if (y && c !== null && y.type === 'bytes') {
      if (y.value.length === 0) return fitsSsize(BigInt(c)) ? { type: 'bytes', value: new Uint8Array(0) } : null;
      const k = Number(c);
      if (k < 0 || y.value.length * k > MAX_STR_SIZE) return null;
      const v = new Uint8Array(y.value.length * k);
      for (let i = 0; i < k; i++) v.set(y.value, i * y.value.length);
      return { type: 'bytes', value: v };
    }
    const [t, m] = l.type === 'ftuple' && b !== null ? [l, b] : r.type === 'ftuple' && a !== null ? [r, a] : [null, null];
    if (t && m !== null && t.type === 'ftuple') {
      if (t.elts.length === 0) return fitsSsize(BigInt(m)) ? { type: 'ftuple', elts: [] } : null;
      const k = Number(m);
      if (k < 0 || t.elts.length * k > MAX_COLLECTION_SIZE) return null;
      const elts: A.Constant[] = [];
      for (let i = 0; i < k; i++) elts.push(...t.elts);
      return { type: 'ftuple', elts };
    }
  }
  if (op === 'Add' && l.type === 'ftuple' && r.type === 'ftuple') return { type: 'ftuple', elts: [...l.elts, ...r.elts] };
  return null;
}

function safeFloat(i: N.Int): number | null {
  try {
    return N.intToFloat(i);
  } catch {
    return null;
  }
}
