// An expression's source text as CPython writes it back from the AST (Python/ast_unparse.c,
// _PyAST_ExprAsUnicode): what `from __future__ import annotations` stores as each annotation.
// Precedence decides the parentheses, spacing is the unparser's own (`dict[str, int]`,
// `a + b`), constants are their repr.

import type * as A from '../parser/ast';
import { strRepr } from '../runtime/primitives/intstr';
import { floatRepr } from '../runtime/primitives/floatrepr';
import { bytesRepr } from '../runtime/primitives/bytesrepr';

// the precedence levels of ast_unparse.c
const enum PR {
  TUPLE,
  TEST, // 'if'-'else', 'lambda'
  OR,
  AND,
  NOT,
  CMP,
  EXPR, // '|' (PR_BOR)
  BXOR,
  BAND,
  SHIFT,
  ARITH,
  TERM,
  FACTOR,
  POWER,
  AWAIT,
  ATOM,
}

const BINOPS: Record<A.Operator, [string, PR]> = {
  Add: [' + ', PR.ARITH],
  Sub: [' - ', PR.ARITH],
  Mult: [' * ', PR.TERM],
  MatMult: [' @ ', PR.TERM],
  Div: [' / ', PR.TERM],
  Mod: [' % ', PR.TERM],
  LShift: [' << ', PR.SHIFT],
  RShift: [' >> ', PR.SHIFT],
  BitOr: [' | ', PR.EXPR],
  BitXor: [' ^ ', PR.BXOR],
  BitAnd: [' & ', PR.BAND],
  FloorDiv: [' // ', PR.TERM],
  Pow: [' ** ', PR.POWER],
};
const CMPOPS: Record<A.CmpOp, string> = { Eq: ' == ', NotEq: ' != ', Lt: ' < ', LtE: ' <= ', Gt: ' > ', GtE: ' >= ', Is: ' is ', IsNot: ' is not ', In: ' in ', NotIn: ' not in ' };

/** _PyAST_ExprAsUnicode: the annotation's text (level PR_TEST) */
export function unparseExpr(e: A.Expr): string {
  return expr(e, PR.TEST);
}

/** repr of an infinite float is "inf": the unparser writes 1e309 (_str_replace_inf) */
function floatText(x: number): string {
  if (x === Infinity) return '1e309';
  if (x === -Infinity) return '-1e309';
  return floatRepr(x);
}

function constant(v: A.ConstantValue, kind: string | null): string {
  switch (v.type) {
    case 'None':
      return 'None';
    case 'Ellipsis':
      return '...';
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'int':
      return v.value.toString();
    case 'float':
      return floatText(v.value);
    case 'complex': {
      // complex_repr of a pure imaginary: no ".0" on an integral value
      const t = floatText(v.imag);
      return (t.endsWith('.0') ? t.slice(0, -2) : t) + 'j';
    }
    case 'str':
      return (kind === 'u' ? 'u' : '') + strRepr(v.value);
    case 'bytes':
      return bytesRepr(v.value);
  }
}

function paren(cond: boolean, s: string): string {
  return cond ? `(${s})` : s;
}

function comprehensions(gens: A.Comprehension[]): string {
  let out = '';
  for (const g of gens) {
    out += g.is_async ? ' async for ' : ' for ';
    out += expr(g.target, PR.TUPLE) + ' in ' + expr(g.iter, PR.TEST + 1);
    for (const c of g.ifs) out += ' if ' + expr(c, PR.TEST + 1);
  }
  return out;
}

/** append_ast_args (a lambda's parameters) */
function args(a: A.Arguments): string {
  const parts: string[] = [];
  const positional = [...a.posonlyargs, ...a.args];
  const firstDefault = positional.length - a.defaults.length;
  positional.forEach((p, i) => {
    parts.push(i >= firstDefault ? `${p.arg}=${expr(a.defaults[i - firstDefault], PR.TEST)}` : p.arg);
    if (a.posonlyargs.length && i === a.posonlyargs.length - 1) parts.push('/');
  });
  if (a.vararg) parts.push('*' + a.vararg.arg);
  else if (a.kwonlyargs.length) parts.push('*');
  a.kwonlyargs.forEach((p, i) => {
    const d = a.kw_defaults[i];
    parts.push(d ? `${p.arg}=${expr(d, PR.TEST)}` : p.arg);
  });
  if (a.kwarg) parts.push('**' + a.kwarg.arg);
  return parts.join(', ');
}

/** an f-string: build_fstring_body, then the repr of the whole text with an f prefix */
function fstringBody(values: A.Expr[]): string {
  let body = '';
  for (const v of values) {
    if (v.kind === 'Constant' && v.value.type === 'str') body += v.value.value.replace(/\{/g, '{{').replace(/\}/g, '}}');
    else if (v.kind === 'FormattedValue') body += formattedValue(v);
    else if (v.kind === 'JoinedStr') body += fstringBody(v.values);
  }
  return body;
}
function formattedValue(v: A.FormattedValue): string {
  // a value starting with "{" gets a space, so that "{{" is not read as an escaped brace
  let inner = expr(v.value, PR.TEST + 1);
  if (inner.startsWith('{')) inner = ' ' + inner;
  let out = '{' + inner;
  if (v.conversion !== -1) out += '!' + String.fromCharCode(v.conversion);
  if (v.format_spec) out += ':' + fstringBody(v.format_spec.values);
  return out + '}';
}

function expr(e: A.Expr, level: PR): string {
  switch (e.kind) {
    case 'BoolOp': {
      const pr = e.op === 'And' ? PR.AND : PR.OR;
      return paren(level > pr, e.values.map((v) => expr(v, pr + 1)).join(e.op === 'And' ? ' and ' : ' or '));
    }
    case 'BinOp': {
      const [op, pr] = BINOPS[e.op];
      const rassoc = e.op === 'Pow' ? 1 : 0;
      return paren(level > pr, expr(e.left, pr + rassoc) + op + expr(e.right, pr + 1 - rassoc));
    }
    case 'UnaryOp': {
      const [op, pr] = e.op === 'Not' ? ['not ', PR.NOT] : [e.op === 'Invert' ? '~' : e.op === 'UAdd' ? '+' : '-', PR.FACTOR];
      return paren(level > pr, op + expr(e.operand, pr));
    }
    case 'Lambda': {
      // "lambda " only when there are positional parameters: `lambda*, a: 0` (append_ast_lambda)
      const positional = e.args.args.length + e.args.posonlyargs.length;
      return paren(level > PR.TEST, `lambda${positional ? ' ' : ''}${args(e.args)}: ${expr(e.body, PR.TEST)}`);
    }
    case 'IfExp':
      return paren(level > PR.TEST, `${expr(e.body, PR.TEST + 1)} if ${expr(e.test, PR.TEST + 1)} else ${expr(e.orelse, PR.TEST)}`);
    case 'Dict':
      return '{' + e.keys.map((k, i) => (k === null ? '**' + expr(e.values[i], PR.EXPR) : `${expr(k, PR.TEST)}: ${expr(e.values[i], PR.TEST)}`)).join(', ') + '}';
    case 'Set':
      return e.elts.length ? '{' + e.elts.map((x) => expr(x, PR.TEST)).join(', ') + '}' : '{*()}';
    case 'ListComp':
      return '[' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + ']';
    case 'SetComp':
      return '{' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + '}';
    case 'DictComp':
      return '{' + expr(e.key, PR.TEST) + ': ' + expr(e.value, PR.TEST) + comprehensions(e.generators) + '}';
    case 'GeneratorExp':
      return '(' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + ')';
    case 'Await':
      return paren(level > PR.AWAIT, 'await ' + expr(e.value, PR.ATOM));
    case 'Yield':
      return e.value ? `(yield ${expr(e.value, PR.TEST)})` : '(yield)';
    case 'YieldFrom':
      return `(yield from ${expr(e.value, PR.TEST)})`;
    case 'Compare': {
      let s = expr(e.left, PR.CMP + 1);
      e.ops.forEach((op, i) => (s += CMPOPS[op] + expr(e.comparators[i], PR.CMP + 1)));
      return paren(level > PR.CMP, s);
    }
    case 'Call': {
      let s = expr(e.func, PR.ATOM) + '(';
      if (e.args.length === 1 && e.keywords.length === 0 && e.args[0].kind === 'GeneratorExp') return s + expr(e.args[0], PR.TEST).slice(1, -1) + ')';
      const parts = e.args.map((a) => expr(a, PR.TEST));
      for (const k of e.keywords) parts.push(k.arg === null ? '**' + expr(k.value, PR.TEST) : `${k.arg}=${expr(k.value, PR.TEST)}`);
      return s + parts.join(', ') + ')';
    }
    case 'FormattedValue':
      return 'f' + strRepr(formattedValue(e));
    case 'JoinedStr':
      return 'f' + strRepr(fstringBody(e.values));
    case 'Constant':
      return constant(e.value, e.constKind);
    case 'Attribute': {
      // an int needs a space before the period ("1 .real")
      const v = e.value;
      const period = v.kind === 'Constant' && v.value.type === 'int' ? ' .' : '.';
      return expr(v, PR.ATOM) + period + e.attr;
    }
    case 'Subscript':
      return expr(e.value, PR.ATOM) + '[' + expr(e.slice, PR.TUPLE) + ']';
    case 'Starred':
      return '*' + expr(e.value, PR.EXPR);
    case 'Name':
      return e.id;
    case 'List':
      return '[' + e.elts.map((x) => expr(x, PR.TEST)).join(', ') + ']';
    case 'Tuple': {
      if (!e.elts.length) return '()';
      const body = e.elts.map((x) => expr(x, PR.TEST)).join(', ') + (e.elts.length === 1 ? ',' : '');
      return paren(level > PR.TUPLE, body);
    }
    case 'Slice': {
      let s = (e.lower ? expr(e.lower, PR.TEST) : '') + ':' + (e.upper ? expr(e.upper, PR.TEST) : '');
      if (e.step) s += ':' + expr(e.step, PR.TEST);
      return s;
    }
    case 'NamedExpr':
      return paren(level > PR.TUPLE, `${expr(e.target, PR.ATOM)} := ${expr(e.value, PR.ATOM)}`);
  }
}
