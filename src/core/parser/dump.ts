// `ast.dump(tree, include_attributes=True)` of CPython 3.11, for comparing trees in tests.

import type * as A from './ast';
import { isPrintable } from './tokenizer';

// Field order of every node (CPython's _fields); '?' marks optional fields (omitted when None).
const FIELDS: Record<string, string[]> = {
  Module: ['body', 'type_ignores'],
  FunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns?', 'type_comment?'],
  AsyncFunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns?', 'type_comment?'],
  ClassDef: ['name', 'bases', 'keywords', 'body', 'decorator_list'],
  Return: ['value?'],
  Delete: ['targets'],
  Assign: ['targets', 'value', 'type_comment?'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value?', 'simple'],
  For: ['target', 'iter', 'body', 'orelse', 'type_comment?'],
  AsyncFor: ['target', 'iter', 'body', 'orelse', 'type_comment?'],
  While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'],
  With: ['items', 'body', 'type_comment?'],
  AsyncWith: ['items', 'body', 'type_comment?'],
  Match: ['subject', 'cases'],
  Raise: ['exc?', 'cause?'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  TryStar: ['body', 'handlers', 'orelse', 'finalbody'],
  Assert: ['test', 'msg?'],
  Import: ['names'],
  ImportFrom: ['module?', 'names', 'level?'],
  Global: ['names'],
  Nonlocal: ['names'],
  Expr: ['value'],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ['op', 'values'],
  NamedExpr: ['target', 'value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  Dict: ['keys', 'values'],
  Set: ['elts'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Await: ['value'],
  Yield: ['value?'],
  YieldFrom: ['value'],
  Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords'],
  FormattedValue: ['value', 'conversion', 'format_spec?'],
  JoinedStr: ['values'],
  Constant: ['value', 'kind?'],
  Attribute: ['value', 'attr', 'ctx'],
  Subscript: ['value', 'slice', 'ctx'],
  Starred: ['value', 'ctx'],
  Name: ['id', 'ctx'],
  List: ['elts', 'ctx'],
  Tuple: ['elts', 'ctx'],
  Slice: ['lower?', 'upper?', 'step?'],
  comprehension: ['target', 'iter', 'ifs', 'is_async'],
  ExceptHandler: ['type?', 'name?', 'body'],
  arguments: ['posonlyargs', 'args', 'vararg?', 'kwonlyargs', 'kw_defaults', 'kwarg?', 'defaults'],
  arg: ['arg', 'annotation?', 'type_comment?'],
  keyword: ['arg?', 'value'],
  alias: ['name', 'asname?'],
  withitem: ['context_expr', 'optional_vars?'],
  match_case: ['pattern', 'guard?', 'body'],
  MatchValue: ['value'],
  MatchSingleton: ['value'],
  MatchSequence: ['patterns'],
  MatchMapping: ['keys', 'patterns', 'rest?'],
  MatchClass: ['cls', 'patterns', 'kwd_attrs', 'kwd_patterns'],
  MatchStar: ['name?'],
  MatchAs: ['pattern?', 'name?'],
  MatchOr: ['patterns'],
};

const NO_ATTRIBUTES = new Set(['Module', 'comprehension', 'arguments', 'withitem', 'match_case']);

/** Python's repr() of a str. */
export function reprStr(s: string): string {
  const quote = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c === 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 127) out += ch;
    else if (isPrintable(ch)) out += ch;
    else if (c <= 0xff) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c <= 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + quote;
}

/** Python's repr() of bytes. */
export function reprBytes(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 39) hasSingle = true;
    else if (c === 34) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 34 : 39;
  let out = 'b' + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c >= 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

/** Python's float repr ('r' format); `addDot0` false gives the form used inside complex reprs. */
export function reprFloat(x: number, addDot0 = true): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return (Object.is(x, -0) ? '-0' : '0') + (addDot0 ? '.0' : '');
  const neg = x < 0;
  const e = Math.abs(x).toExponential(); // shortest round-trip digits
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e)!;
  const digits = m[1] + (m[2] ?? '');
  const exp = parseInt(m[3], 10);
  const decpt = exp + 1;
  let s: string;
  if (decpt <= -4 || decpt > 16) {
    s = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '');
    const ae = Math.abs(exp);
    s += 'e' + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  } else if (decpt <= 0) {
    s = '0.' + '0'.repeat(-decpt) + digits;
  } else if (decpt >= digits.length) {
    s = digits + '0'.repeat(decpt - digits.length) + (addDot0 ? '.0' : '');
  } else {
    s = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  }
  return (neg ? '-' : '') + s;
}

export function reprConstant(v: A.ConstantValue): string {
  switch (v.type) {
    case 'None':
      return 'None';
    case 'Ellipsis':
      return 'Ellipsis';
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'int':
      return v.value.toString();
    case 'float':
      return reprFloat(v.value);
    case 'complex':
      return reprFloat(v.imag, false) + 'j';
    case 'str':
      return reprStr(v.value);
    case 'bytes':
      return reprBytes(v.value);
  }
}

function fmt(x: unknown): [string, boolean] {
  if (x === null || x === undefined) return ['None', true];
  if (Array.isArray(x)) {
    if (!x.length) return ['[]', true];
    return ['[' + x.map((y) => fmt(y)[0]).join(', ') + ']', false];
  }
  if (typeof x === 'string') {
    return [reprStr(x), true];
  }
  if (typeof x === 'number') return [String(x), true];
  return fmtNode(x as Record<string, unknown>);
}

function fmtNode(node: Record<string, unknown>): [string, boolean] {
  const kind = node.kind as string;
  const fields = FIELDS[kind];
  const args: string[] = [];
  let allSimple = true;
  if (kind === 'Module') {
    const [b] = fmt(node.body);
    return [`Module(body=${b}, type_ignores=[])`, false];
  }
  for (const f of fields) {
    const optional = f.endsWith('?');
    const name = optional ? f.slice(0, -1) : f;
    let value: unknown;
    if (kind === 'Constant' && name === 'value') {
      args.push('value=' + reprConstant(node.value as A.ConstantValue));
      continue;
    }
    if (kind === 'MatchSingleton' && name === 'value') {
      args.push('value=' + reprConstant(node.value as A.ConstantValue));
      continue;
    }
    if (kind === 'Constant' && name === 'kind') value = node.constKind;
    else value = node[name];
    if ((value === null || value === undefined) && optional) continue;
    if (name === 'op' || name === 'ctx') {
      args.push(`${name}=${value as string}()`);
      allSimple = false;
      continue;
    }
    if (name === 'ops') {
      args.push(`ops=[${(value as string[]).map((o) => o + '()').join(', ')}]`);
      allSimple = false;
      continue;
    }
    const [s, simple] = fmt(value);
    allSimple = allSimple && simple;
    args.push(`${name}=${s}`);
  }
  if (!NO_ATTRIBUTES.has(kind)) {
    const p = node as unknown as A.Pos;
    args.push(`lineno=${p.lineno}`, `col_offset=${p.col_offset}`, `end_lineno=${p.end_lineno}`, `end_col_offset=${p.end_col_offset}`);
  }
  const out = `${kind}(${args.join(', ')})`;
  return [out, allSimple && args.length <= 3 && args.length === 0];
}

/** Identical to python3.11's `ast.dump(tree, include_attributes=True)`. */
export function dumpAst(node: A.Module): string {
  return fmt(node)[0];
}
