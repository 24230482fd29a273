// Small factories for AST nodes. Every node is created with all its fields in one fixed order
// (one hidden class per node kind) and its CPython position taken from a start and an end Pos.

import type * as A from './ast';

type P = A.Pos;

export function name(id: string, ctx: A.ExprContext, s: P, e: P): A.Name {
  return { kind: 'Name', id, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function constant(value: A.ConstantValue, constKind: string | null, s: P, e: P): A.Constant {
  return { kind: 'Constant', value, constKind, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function binop(left: A.Expr, op: A.Operator, right: A.Expr, s: P, e: P): A.BinOp {
  return { kind: 'BinOp', left, op, right, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function unaryop(op: A.UnaryOp['op'], operand: A.Expr, s: P, e: P): A.UnaryOp {
  return { kind: 'UnaryOp', op, operand, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function boolop(op: 'And' | 'Or', values: A.Expr[], s: P, e: P): A.BoolOp {
  return { kind: 'BoolOp', op, values, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function compare(left: A.Expr, ops: A.CmpOp[], comparators: A.Expr[], s: P, e: P): A.Compare {
  return { kind: 'Compare', left, ops, comparators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function namedExpr(target: A.Name, value: A.Expr, s: P, e: P): A.NamedExpr {
  return { kind: 'NamedExpr', target, value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function ifExp(test: A.Expr, body: A.Expr, orelse: A.Expr, s: P, e: P): A.IfExp {
  return { kind: 'IfExp', test, body, orelse, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function lambda(args: A.Arguments, body: A.Expr, s: P, e: P): A.Lambda {
  return { kind: 'Lambda', args, body, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function attribute(value: A.Expr, attr: string, ctx: A.ExprContext, s: P, e: P): A.Attribute {
  return { kind: 'Attribute', value, attr, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function subscript(value: A.Expr, slice: A.Expr, ctx: A.ExprContext, s: P, e: P): A.Subscript {
  return { kind: 'Subscript', value, slice, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function starred(value: A.Expr, ctx: A.ExprContext, s: P, e: P): A.Starred {
  return { kind: 'Starred', value, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function call(func: A.Expr, args: A.Expr[], keywords: A.Keyword[], s: P, e: P): A.Call {
  return { kind: 'Call', func, args, keywords, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function slice(lower: A.Expr | null, upper: A.Expr | null, step: A.Expr | null, s: P, e: P): A.Slice {
  return { kind: 'Slice', lower, upper, step, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function tuple(elts: A.Expr[], ctx: A.ExprContext, s: P, e: P): A.Tuple {
  return { kind: 'Tuple', elts, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function list(elts: A.Expr[], ctx: A.ExprContext, s: P, e: P): A.List {
  return { kind: 'List', elts, ctx, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function set(elts: A.Expr[], s: P, e: P): A.SetExpr {
  return { kind: 'Set', elts, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function dict(keys: (A.Expr | null)[], values: A.Expr[], s: P, e: P): A.Dict {
  return { kind: 'Dict', keys, values, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function listComp(elt: A.Expr, generators: A.Comprehension[], s: P, e: P): A.ListComp {
  return { kind: 'ListComp', elt, generators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function setComp(elt: A.Expr, generators: A.Comprehension[], s: P, e: P): A.SetComp {
  return { kind: 'SetComp', elt, generators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function genExp(elt: A.Expr, generators: A.Comprehension[], s: P, e: P): A.GeneratorExp {
  return { kind: 'GeneratorExp', elt, generators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function dictComp(key: A.Expr, value: A.Expr, generators: A.Comprehension[], s: P, e: P): A.DictComp {
  return { kind: 'DictComp', key, value, generators, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function comprehension(target: A.Expr, iter: A.Expr, ifs: A.Expr[], isAsync: number): A.Comprehension {
  return { kind: 'comprehension', target, iter, ifs, is_async: isAsync };
}
export function await_(value: A.Expr, s: P, e: P): A.Await {
  return { kind: 'Await', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function yield_(value: A.Expr | null, s: P, e: P): A.Yield {
  return { kind: 'Yield', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function yieldFrom(value: A.Expr, s: P, e: P): A.YieldFrom {
  return { kind: 'YieldFrom', value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function joinedStr(values: A.Expr[], s: P, e: P): A.JoinedStr {
  return { kind: 'JoinedStr', values, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function formattedValue(value: A.Expr, conversion: number, formatSpec: A.JoinedStr | null, s: P, e: P): A.FormattedValue {
  return {
    kind: 'FormattedValue',
    value,
    conversion,
    format_spec: formatSpec,
    lineno: s.lineno,
    col_offset: s.col_offset,
    end_lineno: e.end_lineno,
    end_col_offset: e.end_col_offset,
  };
}
export function keyword(arg: string | null, value: A.Expr, s: P, e: P): A.Keyword {
  return { kind: 'keyword', arg, value, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function arg(argName: string, annotation: A.Expr | null, s: P, e: P): A.Arg {
  return { kind: 'arg', arg: argName, annotation, type_comment: null, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}
export function emptyArguments(): A.Arguments {
  return { kind: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}
export function alias(n: string, asname: string | null, s: P, e: P): A.Alias {
  return { kind: 'alias', name: n, asname, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}

/** Copy a span. */
export function spanOf(s: P, e: P): P {
  return { lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}

/** Statement with a span (fields given by the caller; the span is appended last). */
export function stmt<T extends A.Stmt>(fields: Omit<T, keyof A.Pos>, s: P, e: P): T {
  const n = fields as T;
  n.lineno = s.lineno;
  n.col_offset = s.col_offset;
  n.end_lineno = e.end_lineno;
  n.end_col_offset = e.end_col_offset;
  return n;
}
export function pattern<T extends A.Pattern>(fields: Omit<T, keyof A.Pos>, s: P, e: P): T {
  const n = fields as T;
  n.lineno = s.lineno;
  n.col_offset = s.col_offset;
  n.end_lineno = e.end_lineno;
  n.end_col_offset = e.end_col_offset;
  return n;
}
