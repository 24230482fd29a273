// A seeded random Python program generator for the robustness tests.
//
// generate(seed) returns a deterministic program of 5-40 lines (by default) that mixes the
// language broadly: arithmetic on ints (incl. big ints), floats, strs and bools, comparisons,
// containers and their methods, indexing and slicing, comprehensions, control flow with bounded
// loops, functions (defaults, *args, **kwargs, keyword-only), closures, lambdas, bounded
// recursion, classes with dunder methods, inheritance, exceptions, context managers,
// generators, string formatting, unpacking, del, assert, walrus and sys.getrefcount. Some
// snippets raise on purpose (mostly inside try/except, sometimes uncaught at top level) and a
// few programs get a syntax error by deleting or duplicating one token.
//
// Every loop is bounded and recursion is bounded (or capped by a small recursion limit), so
// programs finish quickly. Programs never print ids or default object reprs (addresses).

export interface GenOptions {
  /** maximum number of lines (default 40) */
  maxLines?: number;
  /** minimum number of lines (default 5) */
  minLines?: number;
  /** probability that the program gets a token deleted or duplicated (default 0.04) */
  syntaxErrorRate?: number;
}

export interface Generated {
  seed: number;
  source: string;
  /** names of the snippet kinds used, in order (for coverage reporting) */
  kinds: string[];
  /** set when a token was deleted or duplicated */
  mutation: string | null;
}

/** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IND = '    ';
const indent = (lines: string[], n = 1): string[] => lines.map((l) => IND.repeat(n) + l);

type Snippet = (g: Gen, k: number) => string[];

const WORDS = ['spam', 'eggs', 'ham', 'foo', 'bar', 'baz', 'Alpha', 'beta gamma', 'x-y', '', 'a,b,c', '  pad  ', 'héllo', 'ünï', 'tab\\t', "it's"];
const ERR_TYPES = ['ValueError', 'TypeError', 'KeyError', 'IndexError', 'RuntimeError', 'ZeroDivisionError', 'AttributeError', 'LookupError', 'ArithmeticError', 'Exception'];

class Gen {
  readonly r: () => number;
  constructor(seed: number) {
    this.r = prng(seed * 2654435761);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.r() * a.length)];
  }

  // ---- literals ----
  intLit(): string {
    const c = this.r();
    if (c < 0.55) return String(this.int(-5, 12));
    if (c < 0.75) return String(this.int(13, 1000));
    if (c < 0.85) return String(this.pick([2 ** 31, 2 ** 32 + 1, 2 ** 53, 123456789012, -987654321]));
    if (c < 0.95) return this.pick(['10**20', '2**64', '-(3**40)', '12345678901234567890123', '0x7fffffffffffffff', '0b1011', '0o777', '1_000_000']);
    return this.pick(['0', 'True', 'False']);
  }
  floatLit(): string {
    return this.pick(['1.5', '0.1', '-2.25', '3.0', '1e10', '2.5e-3', '1e300', '0.0', '-0.0', '7.125', '1/3', "float('inf')", '100.0', '1e16', '123.456']);
  }
  strLit(): string {
    const w = this.pick(WORDS);
    return this.chance(0.8) ? `'${w.replace(/'/g, "\\'")}'` : `"${w}"`;
  }

  // ---- expressions (n: int, x: float, s: str, L: list of ints, t: tuple, d: dict str->int) ----
  intExpr(depth = 0): string {
    if (depth > 2 || this.chance(0.35)) {
      const c = this.r();
      if (c < 0.6) return this.intLit();
      if (c < 0.75) return 'n';
      if (c < 0.85) return 'len(L)';
      if (c < 0.92) return 'len(s)';
      return this.pick(['sum(L)', 'len(d)', 'int(x)', 't[0]', "d.get('a', 0)"]);
    }
    const c = this.r();
    if (c < 0.6) {
      const op = this.pick(['+', '-', '*', '//', '%', '&', '|', '^', '+', '*', '-']);
      return `(${this.intExpr(depth + 1)} ${op} ${this.intExpr(depth + 1)})`;
    }
    if (c < 0.7) return `(${this.intExpr(depth + 1)} ** ${this.int(0, 5)})`;
    if (c < 0.75) return `(${this.intExpr(depth + 1)} << ${this.int(0, 70)})`;
    if (c < 0.8) return `(${this.intExpr(depth + 1)} >> ${this.int(0, 5)})`;
    if (c < 0.87) return `${this.pick(['-', '~', '+', 'abs', 'int'])}(${this.intExpr(depth + 1)})`;
    if (c < 0.93) return `${this.pick(['max', 'min'])}(${this.intExpr(depth + 1)}, ${this.intExpr(depth + 1)})`;
    return `(${this.intExpr(depth + 1)} if ${this.boolExpr(depth + 1)} else ${this.intExpr(depth + 1)})`;
  }
  floatExpr(depth = 0): string {
    if (depth > 2 || this.chance(0.35)) return this.chance(0.7) ? this.floatLit() : this.pick(['x', 'float(n)', 'x * 2']);
    const c = this.r();
    if (c < 0.6) return `(${this.floatExpr(depth + 1)} ${this.pick(['+', '-', '*', '/', '//', '%'])} ${this.chance(0.7) ? this.floatExpr(depth + 1) : this.intExpr(depth + 1)})`;
    if (c < 0.7) return `(${this.floatExpr(depth + 1)} ** ${this.pick(['2', '0.5', '-1', '3'])})`;
    if (c < 0.85) return `round(${this.floatExpr(depth + 1)}, ${this.int(0, 4)})`;
    return `${this.pick(['abs', 'float', '-'])}(${this.floatExpr(depth + 1)})`;
  }
  strExpr(depth = 0): string {
    if (depth > 2 || this.chance(0.4)) return this.chance(0.6) ? this.strLit() : this.pick(['s', 'str(n)', 'repr(s)', 'str(L)', 's[::-1]']);
    const c = this.r();
    if (c < 0.3) return `(${this.strExpr(depth + 1)} + ${this.strExpr(depth + 1)})`;
    if (c < 0.4) return `(${this.strExpr(depth + 1)} * ${this.int(-1, 3)})`;
    if (c < 0.75) {
      const m = this.pick(['upper()', 'lower()', 'strip()', 'title()', 'capitalize()', 'swapcase()', "replace('a', 'o')", "center(11, '*')", 'zfill(6)', "lstrip('s')", 'casefold()', "rjust(7, '.')"]);
      return `${this.strExpr(depth + 1)}.${m}`;
    }
    if (c < 0.85) return `'-'.join(${this.pick(['[s, s]', "['a', 'b', 'c']", 'str(v) for v in L', "sorted(d)", "s.split()"])})`;
    return `${this.strExpr(depth + 1)}[${this.int(-3, 3)}:${this.int(-2, 8)}]`;
  }
  boolExpr(depth = 0): string {
    const c = this.r();
    if (depth > 2 || c < 0.35) {
      const a = this.intExpr(depth + 1);
      const b = this.intExpr(depth + 1);
      if (this.chance(0.3)) return `${a} ${this.pick(['<', '<=', '=='])} ${b} ${this.pick(['<', '<=', '!=', '>'])} ${this.intExpr(depth + 1)}`;
      return `${a} ${this.pick(['<', '<=', '>', '>=', '==', '!='])} ${b}`;
    }
    if (c < 0.5) return `${this.strExpr(depth + 1)} ${this.pick(['<', '==', '!=', 'in', 'not in', '>='])} ${this.strExpr(depth + 1)}`;
    if (c < 0.6) return `${this.intExpr(depth + 1)} ${this.pick(['in', 'not in'])} ${this.pick(['L', 't', 'range(5)', '{1, 2, 3}', 'd.values()'])}`;
    if (c < 0.75) return `(${this.boolExpr(depth + 1)} ${this.pick(['and', 'or'])} ${this.boolExpr(depth + 1)})`;
    if (c < 0.85) return `not ${this.boolExpr(depth + 1)}`;
    if (c < 0.92) return `${this.floatExpr(depth + 1)} ${this.pick(['<', '==', '>='])} ${this.intExpr(depth + 1)}`;
    return this.pick(['bool(L)', 'isinstance(n, int)', 'L is L', 'None is None', "bool('')", 'all(L)', 'any([])', 'x != x', 's.isalpha()']);
  }
  anyExpr(depth = 0): string {
    const c = this.r();
    if (c < 0.3) return this.intExpr(depth);
    if (c < 0.45) return this.floatExpr(depth);
    if (c < 0.6) return this.strExpr(depth);
    if (c < 0.7) return this.boolExpr(depth);
    if (c < 0.8) return this.listExpr();
    if (c < 0.9) return this.pick(['t', 'd', 'L', 'None', '(1, "a", None)', "{'k': [1, 2], 'j': (3,)}", '[[], [[]], ()]', 'frozenset({1})', 'set()', '{}', 'range(3)']);
    // mixed-type arithmetic: often a TypeError (repetition counts stay small)
    const op = this.pick(['+', '*', '-', '<']);
    const right = op === '*' ? this.pick([String(this.int(-1, 3)), this.strLit(), this.floatLit(), 'None', '[1]']) : this.pick([this.intExpr(depth + 1), this.strExpr(depth + 1), this.floatExpr(depth + 1), 'None']);
    return `(${this.pick([this.intExpr(depth + 1), this.strExpr(depth + 1), this.listExpr()])} ${op} ${right})`;
  }
  listExpr(): string {
    const c = this.r();
    if (c < 0.4) {
      const n = this.int(0, 5);
      return `[${Array.from({ length: n }, () => this.intLit()).join(', ')}]`;
    }
    if (c < 0.6) return `[${this.intExpr(2)}, ${this.strLit()}, ${this.floatLit()}]`;
    if (c < 0.75) return `list(range(${this.int(-2, 8)}))`;
    if (c < 0.85) return 'L[:]';
    return `sorted(L${this.chance(0.5) ? ', reverse=True' : ''})`;
  }
  smallInt(): number {
    return this.int(-3, 7);
  }
}

// The wrapper that catches and prints an exception.
const CATCH = ['except Exception as e:', `${IND}print('caught', type(e).__name__, e)`];
function tryWrap(body: string[]): string[] {
  return ['try:', ...indent(body), ...CATCH];
}

// ---------------------------------------------------------------------------------------------
// snippets. Each returns lines at indentation 0; k makes local names unique.

const S: Record<string, Snippet> = {
  int_arith: (g, k) => [`v${k} = ${g.intExpr()}`, `print(v${k}${g.chance(0.3) ? `, type(v${k}).__name__` : ''})`],
  float_arith: (g) => [`print(${g.floatExpr()})`, ...(g.chance(0.4) ? [`print(divmod(${g.floatExpr(1)}, ${g.pick(['2', '0.5', '-3', '0'])}))`] : [])],
  int_div: (g) => [`print(${g.intExpr(1)} ${g.pick(['//', '%', '/'])} ${g.pick(['0', '3', '-7', 'n', '(n - n)', '0.0', '2**70'])})`],
  big_int: (g) => [
    `b = ${g.pick(['2 ** 100', '3 ** 80', '-(7 ** 45)', '10 ** 30 + 1', '(1 << 90) - 1'])}`,
    `print(b, b // ${g.pick(['7', '-3', '10**9', 'n or 1'])}, b % ${g.pick(['1000', '-9', '2**64'])}, -b >> ${g.int(1, 40)})`,
    ...(g.chance(0.5) ? [`print(${g.pick(['hex(b)', 'bin(b)[:20]', 'str(b)[-5:]', 'b.bit_length()', 'float(b)', 'b == b + 0', 'abs(-b) == b', 'pow(b, 2, 97)', 'divmod(b, 12345)', 'len(str(10 ** 5000))', 'int(\'9\' * 5000)'])})`] : []),
  ],
  str_ops: (g, k) => [
    `w${k} = ${g.strExpr()}`,
    `print(w${k}, len(w${k}), ${g.pick([`w${k}.split(',')`, `w${k}.find('a')`, `w${k}.count('a')`, `w${k}.startswith('s')`, `w${k}.partition(' ')`, `w${k}.encode('utf-8') == w${k}`, `list(w${k})[:4]`, `w${k}.index('q')`, `ord(w${k}[0])`, `w${k}.isdigit()`, `w${k} * 2`])})`,
  ],
  bool_cmp: (g) => [`print(${g.boolExpr()}, ${g.boolExpr()})`],
  chained: (g) => [`print(${g.intExpr(1)} < ${g.intExpr(1)} <= ${g.intExpr(1)}, ${g.pick(["'a' < 'b' < 'c'", '1 == 1.0 == True', '[1] < [1, 0] < [2]', '(1, 2) <= (1, 2) != (2,)', 'None == 0', '0.1 + 0.2 == 0.3'])})`],
  print_misc: (g) => [`print(${g.anyExpr()}${g.chance(0.3) ? `, sep=${g.pick(["'|'", "''", "', '"])}` : ''}${g.chance(0.3) ? `, end=${g.pick(["'!\\n'", "'\\n\\n'"])}` : ''})`],
  list_methods: (g, k) => {
    const out = [`q${k} = ${g.listExpr()}`];
    for (let i = g.int(1, 4); i > 0; i--) {
      out.push(g.pick([`q${k}.append(${g.intExpr(2)})`, `q${k}.extend(${g.pick(['L', 'range(3)', "'ab'", '(9, 8)'])})`, `q${k}.insert(${g.smallInt()}, ${g.intLit()})`, `print(q${k}.pop())`, `q${k}.remove(${g.intLit()})`, `q${k}.sort(key=str)`, `q${k}.reverse()`, `print(q${k}.index(${g.intLit()}))`, `print(q${k}.count(1))`, `q${k} += [${g.intLit()}]`, `q${k} *= 2`, `q${k}.clear()`, `print(q${k}.copy() == q${k}, q${k}.copy() is q${k})`]));
    }
    out.push(`print(q${k})`);
    return out;
  },
  tuple_ops: (g, k) => [`tu${k} = (${g.intLit()}, ${g.strLit()}, ${g.pick(['None', '[1, 2]', '(3,)', g.floatLit()])})`, `print(tu${k}, tu${k}[${g.smallInt()}], tu${k}.count(None), tu${k} + (1,), len(tu${k} * 2))`],
  dict_ops: (g, k) => {
    const out = [`m${k} = {${Array.from({ length: g.int(0, 4) }, () => `${g.strLit()}: ${g.intLit()}`).join(', ')}}`];
    for (let i = g.int(1, 4); i > 0; i--) {
      out.push(g.pick([`m${k}['z'] = ${g.intExpr(2)}`, `print(m${k}.get('spam', -1))`, `print(m${k}.setdefault('eggs', []))`, `m${k}.update(d)`, `print(m${k}.pop('foo', None))`, `print(m${k}['missing'])`, `print(sorted(m${k}.items()))`, `print(list(m${k}.keys()), list(m${k}.values()))`, `del m${k}['z']`, `print('a' in m${k}, len(m${k}))`, `m${k} |= {'q': 1}`, `print(m${k}.popitem())`, `print(dict(zip('abc', range(3))))`, `print({**m${k}, 'n': n})`]));
    }
    out.push(`print(m${k})`);
    return out;
  },
  set_ops: (g, k) => [
    `st${k} = {${Array.from({ length: g.int(0, 5) }, () => String(g.int(-3, 9))).join(', ')}}`,
    g.pick([`st${k}.add(${g.int(0, 9)})`, `st${k}.discard(3)`, `st${k}.remove(${g.int(0, 9)})`, `st${k} |= {7, 8}`, `st${k} -= {1}`]),
    `print(sorted(st${k}), sorted(st${k} | {1, 2}), sorted(st${k} & set(L)), sorted(st${k} ^ {0}), st${k} <= {1, 2, 3}, len(st${k}))`,
  ],
  indexing: (g) => [`print(${g.pick(['L', 's', 't', 'list(range(10))', "'abcdef'"])}[${g.int(-12, 12)}])`],
  slicing: (g) => {
    const p = () => (g.chance(0.3) ? '' : String(g.int(-12, 12)));
    const step = g.chance(0.6) ? '' : `:${g.pick(['1', '2', '-1', '-2', '3', '0'])}`;
    return [`print(${g.pick(['L', 's', 't', 'list(range(10))', "'abcdef'", 'range(20)'])}[${p()}:${p()}${step}])`, ...(g.chance(0.3) ? [`L[${g.int(0, 3)}:${g.int(0, 3)}] = [${g.intLit()}, ${g.intLit()}]`, 'print(L)'] : [])];
  },
  comprehension: (g) => [
    g.pick([
      `print([${g.pick(['v * 2', 'v % 3', 'str(v)', '(v, -v)', 'v ** 2'])} for v in ${g.pick(['L', 'range(6)', 't', 'sorted(d.values())'])} if ${g.pick(['v', 'v % 2', 'v > 1', 'True'])}])`,
      `print({v: ${g.pick(['v * v', 'str(v)', 'None'])} for v in range(${g.int(0, 6)})})`,
      `print(sorted({v % ${g.int(1, 4)} for v in L}))`,
      `print(${g.pick(['sum', 'max', 'min', 'any', 'all', 'list', 'tuple', 'sorted'])}(v ${g.pick(['+', '*', '%', '//'])} ${g.int(0, 3)} for v in ${g.pick(['L', 'range(5)', '[]', 't[:1]'])}))`,
      `print([[a * b for b in range(${g.int(1, 3)})] for a in range(${g.int(1, 4)})])`,
      `print([(a, c) for a in range(3) for c in ${g.strLit()} if a])`,
      `print(list(zip(*[(v, -v) for v in range(${g.int(0, 4)})])))`,
    ]),
  ],
  genexpr_next: (g) => [`gx = (v * ${g.int(1, 3)} for v in ${g.pick(['range(3)', 'L', "'ab'", '[]'])})`, `print(next(gx, 'end'), list(gx), next(gx, 'end'))`, ...(g.chance(0.3) ? ['print(next(gx))'] : [])],
  if_chain: (g) => [
    `if ${g.boolExpr()}:`,
    `${IND}print('A', ${g.anyExpr(1)})`,
    ...(g.chance(0.6) ? [`elif ${g.boolExpr()}:`, `${IND}print('B')`] : []),
    ...(g.chance(0.6) ? ['else:', `${IND}print('C', ${g.intExpr(1)})`] : []),
  ],
  while_loop: (g, k) => {
    const out = [`i${k} = 0`, `acc${k} = ${g.pick(['0', '[]', "''"])}`, `while i${k} < ${g.int(0, 12)}:`, `${IND}i${k} += 1`];
    if (g.chance(0.5)) out.push(`${IND}if i${k} % ${g.int(2, 4)} == 0:`, `${IND}${IND}continue`);
    if (g.chance(0.4)) out.push(`${IND}if i${k} > ${g.int(2, 9)}:`, `${IND}${IND}break`);
    out.push(`${IND}acc${k} += ${g.pick([`i${k}`, `[i${k}]`, `str(i${k})`, `i${k} * 2`])}`);
    if (g.chance(0.3)) out.push('else:', `${IND}print('no break')`);
    out.push(`print(i${k}, acc${k})`);
    return out;
  },
  for_loop: (g, k) => {
    const it = g.pick(['range(5)', 'range(2, 20, 3)', 'range(5, 0, -2)', 'L', 's', 'enumerate(L)', "zip(L, 'abc')", 'd', 'd.items()', 't', 'reversed(L)', 'sorted(d, key=len)', 'range(0)']);
    const out = [`tot${k} = []`, `for e${k} in ${it}:`];
    if (g.chance(0.4)) out.push(`${IND}if e${k} == ${g.pick(['1', "'a'", '(0, 1)', '3'])}:`, `${IND}${IND}${g.pick(['break', 'continue'])}`);
    out.push(`${IND}tot${k}.append(e${k})`);
    if (g.chance(0.3)) out.push('else:', `${IND}print('for-else')`);
    out.push(`print(tot${k})`);
    return out;
  },
  nested_loops: (g, k) => [
    `for a${k} in range(${g.int(1, 4)}):`,
    `${IND}for b${k} in range(${g.int(1, 4)}):`,
    `${IND}${IND}if a${k} == b${k}:`,
    `${IND}${IND}${IND}${g.pick(['break', 'continue'])}`,
    `${IND}${IND}print(a${k}, b${k}, end=' ')`,
    'print()',
  ],
  func_args: (g, k) => {
    const sig = g.pick(['a, b=2, *args, c, d=4, **kw', 'a, /, b=1, *, c=3', 'a=1, b=[]', '*args', '**kw', 'a, b', 'a, *rest']);
    const body = g.pick(['return (a, b, args, c, d, sorted(kw.items()))', 'return (a, b, c)', 'b.append(a)\n    return b', 'return args', 'return sorted(kw)', 'return a - b', 'return a, rest']);
    const call = () => g.pick(['1', '1, 2', '1, c=5', "1, 2, 3, c=0, e='x'", 'a=1, b=2', '*L', '**d', '*t, c=1', '', '1, 2, 3, 4', 'c=1', 'b=9, a=8']);
    return [`def f${k}(${sig}):`, ...body.split('\n').map((l) => (l.startsWith(IND) ? IND + l : IND + l)), `print(f${k}(${call()}))`, ...(g.chance(0.5) ? [`print(f${k}(${call()}))`] : [])];
  },
  closure: (g, k) => [
    `def mk${k}(start):`,
    `${IND}count = start`,
    `${IND}def inc(by=1):`,
    `${IND}${IND}nonlocal count`,
    `${IND}${IND}count += by`,
    `${IND}${IND}return count`,
    `${IND}return inc`,
    `c${k} = mk${k}(${g.intLit()})`,
    `print(c${k}(), c${k}(${g.int(-2, 5)}), c${k}.__name__)`,
  ],
  global_stmt: (g, k) => [`def gl${k}():`, `${IND}global n`, `${IND}n = n + ${g.int(1, 3)}`, `${IND}return n`, `print(gl${k}(), n)`],
  unbound_local: (_g, k) => [`def ul${k}():`, `${IND}print(n)`, `${IND}n = 1`, `ul${k}()`],
  lambdas: (g) => [
    g.pick([
      `print(sorted(${g.pick(['L', "['bb', 'a', 'ccc']", 'd'])}, key=lambda v: ${g.pick(['-v', 'str(v)', 'len(str(v))', '(v % 2, v)'])}))`,
      `print(list(map(lambda v: v * ${g.int(0, 3)}, ${g.pick(['L', 'range(4)', "'ab'"])})))`,
      `print(list(filter(lambda v: v ${g.pick(['> 1', '% 2', '!= 0'])}, ${g.pick(['L', 'range(6)', 't'])})))`,
      `print((lambda a, b=${g.intLit()}: a * b)(${g.pick(['3', "'x'", '[1]', '2.5'])}))`,
      `adder = lambda *a, **kw: (sum(a), sorted(kw))`,
    ]),
  ],
  recursion: (g, k) => [
    `def rec${k}(m):`,
    `${IND}if m <= ${g.int(0, 1)}:`,
    `${IND}${IND}return ${g.pick(['1', 'm', '[m]', "'s'"])}`,
    `${IND}return ${g.pick([`m * len(str(rec${k}(m - 1)))`, `rec${k}(m - 1) + rec${k}(m - 2)`, `rec${k}(m // 2)`, `[rec${k}(m - 1)]`])}`,
    `print(rec${k}(${g.int(0, 14)}))`,
  ],
  recursion_error: (g, k) => [
    'import sys',
    `sys.setrecursionlimit(${g.int(40, 120)})`,
    `def deep${k}(m):`,
    `${IND}return deep${k}(m + 1) + 1`,
    ...(g.chance(0.75) ? tryWrap([`deep${k}(0)`]).map((l) => l.replace('except Exception as e:', 'except RecursionError as e:')) : [`deep${k}(0)`]),
  ],
  class_full: (g, k) => {
    const out = [
      `class P${k}:`,
      `${IND}def __init__(self, a, b=${g.intLit()}):`,
      `${IND}${IND}self.a = a`,
      `${IND}${IND}self.b = b`,
      `${IND}def __repr__(self):`,
      `${IND}${IND}return f'P${k}({self.a!r}, {self.b!r})'`,
    ];
    if (g.chance(0.5)) out.push(`${IND}def __eq__(self, other):`, `${IND}${IND}return isinstance(other, P${k}) and self.a == other.a`);
    if (g.chance(0.5)) out.push(`${IND}def __lt__(self, other):`, `${IND}${IND}return self.a < other.a`);
    if (g.chance(0.4)) out.push(`${IND}def __len__(self):`, `${IND}${IND}return ${g.pick(['2', 'self.a', '-1', 'len(str(self.a))'])}`);
    if (g.chance(0.4)) out.push(`${IND}def __getitem__(self, i):`, `${IND}${IND}return (self.a, self.b)[i]`);
    if (g.chance(0.3)) out.push(`${IND}def __iter__(self):`, `${IND}${IND}yield self.a`, `${IND}${IND}yield self.b`);
    if (g.chance(0.4)) out.push(`${IND}@property`, `${IND}def total(self):`, `${IND}${IND}return self.a + self.b`);
    if (g.chance(0.3)) out.push(`${IND}def __del__(self):`, `${IND}${IND}print('del', self.a)`);
    out.push(`p${k} = P${k}(${g.pick(['1', '5', "'x'", '[1]', '2.5', 'n'])})`, `q${k} = P${k}(${g.pick(['1', '3', '0'])}, ${g.intLit()})`);
    for (let i = g.int(1, 3); i > 0; i--) {
      out.push(g.pick([`print(p${k}, [q${k}])`, `print(p${k} == q${k}, p${k} != q${k})`, `print(sorted([q${k}, p${k}]))`, `print(len(p${k}))`, `print(p${k}[0], p${k}[${g.int(-3, 3)}])`, `print(list(p${k}))`, `print(p${k}.total)`, `p${k}.total = 3`, `print(p${k}.missing)`, `print(p${k} < q${k})`, `del p${k}`, `p${k}.b = p${k}`, `print(getattr(q${k}, 'b'), hasattr(q${k}, 'zz'))`, `print(P${k}.__name__, type(p${k}).__name__)`]));
    }
    return out;
  },
  inheritance: (g, k) => [
    `class Base${k}:`,
    `${IND}def __init__(self, v):`,
    `${IND}${IND}self.v = v`,
    `${IND}def describe(self):`,
    `${IND}${IND}return 'base ' + str(self.v)`,
    `class Kid${k}(Base${k}):`,
    `${IND}def __init__(self, v, w):`,
    `${IND}${IND}super().__init__(v)`,
    `${IND}${IND}self.w = w`,
    `${IND}def describe(self):`,
    `${IND}${IND}return super().describe() + ' kid ' + ${g.pick(['str(self.w)', 'self.w', 'repr(self.w)'])}`,
    `o${k} = Kid${k}(${g.intLit()}, ${g.pick(['1', "'w'", 'None'])})`,
    `print(o${k}.describe(), isinstance(o${k}, Base${k}), issubclass(Kid${k}, Base${k}), Kid${k}.__mro__[1].__name__)`,
  ],
  exceptions: (g, k) => {
    const et = g.pick(ERR_TYPES);
    const out = ['try:'];
    out.push(`${IND}${g.pick([`raise ${et}(${g.strLit()})`, `print(${g.intExpr(2)} // ${g.pick(['0', '1'])})`, `print(L[${g.int(-8, 8)}])`, `print(d[${g.strLit()}])`, 'print(undefined_name)', `print(int(${g.strLit()}))`, 'pass'])}`);
    out.push(`except ${g.pick([et, '(KeyError, IndexError)', 'ZeroDivisionError', 'LookupError', 'Exception', 'ArithmeticError'])} as e${k}:`);
    out.push(`${IND}print('except', repr(e${k}))`);
    if (g.chance(0.3)) out.push(`${IND}${g.pick(['raise', `raise RuntimeError('wrapped') from e${k}`, `raise ValueError('during') `, 'pass'])}`);
    if (g.chance(0.5)) out.push('else:', `${IND}print('else')`);
    if (g.chance(0.6)) out.push('finally:', `${IND}print('finally')`);
    return g.chance(0.7) ? tryWrap(out) : out;
  },
  custom_exc: (g, k) => [
    `class Err${k}(${g.pick(['Exception', 'ValueError', 'KeyError'])}):`,
    `${IND}def __init__(self, code):`,
    `${IND}${IND}super().__init__('code', code)`,
    `${IND}${IND}self.code = code`,
    `def thrower${k}(c):`,
    `${IND}if c > ${g.int(0, 3)}:`,
    `${IND}${IND}raise Err${k}(c)`,
    `${IND}return c`,
    'try:',
    `${IND}print(thrower${k}(${g.int(0, 2)}), thrower${k}(${g.int(2, 5)}))`,
    `except Err${k} as ex:`,
    `${IND}print(ex.code, ex.args, str(ex))`,
  ],
  raise_from: (g) => {
    const body = ['try:', `${IND}{}['k']`, 'except KeyError as e:', `${IND}raise ${g.pick(['ValueError', 'TypeError'])}('bad') ${g.pick(['from e', 'from None', ''])}`];
    return g.chance(0.6) ? ['try:', ...indent(body), 'except ValueError as e2:', `${IND}print(repr(e2), repr(e2.__cause__), e2.__suppress_context__)`, 'except TypeError as e2:', `${IND}print(repr(e2.__context__))`] : body;
  },
  finally_return: (g, k) => [`def fr${k}():`, `${IND}try:`, `${IND}${IND}${g.pick(['return 1', '1 / 0', 'return [n]'])}`, `${IND}finally:`, `${IND}${IND}print('cleanup')`, `${IND}${IND}${g.pick(['pass', 'return 2'])}`, `print(fr${k}())`],
  with_stmt: (g, k) => [
    `class Ctx${k}:`,
    `${IND}def __init__(self, name):`,
    `${IND}${IND}self.name = name`,
    `${IND}def __enter__(self):`,
    `${IND}${IND}print('enter', self.name)`,
    `${IND}${IND}return ${g.pick(['self', 'self.name', 'None', '42'])}`,
    `${IND}def __exit__(self, et, ev, tb):`,
    `${IND}${IND}print('exit', self.name, et.__name__ if et else None)`,
    `${IND}${IND}return ${g.pick(['False', 'True', 'None', 'et is KeyError'])}`,
    `with Ctx${k}('a') as cm${k}${g.chance(0.3) ? `, Ctx${k}('b')` : ''}:`,
    `${IND}print('body', ${g.chance(0.5) ? `cm${k}` : `type(cm${k}).__name__`})`,
    ...(g.chance(0.5) ? [`${IND}${g.pick(["raise KeyError('k')", 'print(1 / 0)', 'pass'])}`] : []),
    `print('after with')`,
  ],
  generator: (g, k) => [
    `def gen${k}(m):`,
    `${IND}for j in range(m):`,
    `${IND}${IND}got = yield j * ${g.int(1, 3)}`,
    `${IND}${IND}if got:`,
    `${IND}${IND}${IND}print('got', got)`,
    `${IND}return 'fin'`,
    `def outer${k}():`,
    `${IND}r = yield from gen${k}(${g.int(0, 4)})`,
    `${IND}yield r`,
    `print(list(outer${k}()), list(gen${k}(${g.int(0, 3)})))`,
    ...(g.chance(0.5) ? [`gg${k} = gen${k}(3)`, `print(next(gg${k}), gg${k}.send(${g.pick(['None', "'hi'", '5'])}), next(gg${k}))`, `print(next(gg${k}, 'stop'))`] : []),
  ],
  iter_protocol: (g, k) => [
    `class Count${k}:`,
    `${IND}def __init__(self, lim):`,
    `${IND}${IND}self.i = 0`,
    `${IND}${IND}self.lim = lim`,
    `${IND}def __iter__(self):`,
    `${IND}${IND}return self`,
    `${IND}def __next__(self):`,
    `${IND}${IND}if self.i >= self.lim:`,
    `${IND}${IND}${IND}raise StopIteration`,
    `${IND}${IND}self.i += 1`,
    `${IND}${IND}return self.i`,
    `print(list(Count${k}(${g.int(0, 5)})), sum(Count${k}(${g.int(0, 5)})), ${g.int(0, 3)} in Count${k}(3))`,
  ],
  fstring: (g) => {
    const spec = g.pick([':>8', ':<6', ':^9', ':08.3f', ':.2e', ':,', ':_', ':x', ':#o', ':08b', ':+d', ':.1%', ':g', '!r', '!s', '=', ':*^12', ':10.4', ':e']);
    const v = spec.match(/[fe%g]/) ? g.floatExpr(2) : spec.match(/[xob,_d]|#/) ? g.intExpr(2) : g.anyExpr(2);
    return [`fv = ${v}`, `print(f'[{fv${spec}}] {n} {s!r:>10} {${g.intExpr(2)}}')`];
  },
  percent_format: (g) => [
    g.pick([
      `print('%d items, %s, %r, %.3f, %5s|%-5s|' % (${g.intExpr(2)}, s, s, ${g.floatExpr(2)}, 'ab', 'cd'))`,
      `print('%x %o %e %%' % (${g.int(0, 5000)}, ${g.int(0, 300)}, ${g.floatLit()}))`,
      `print('%(a)s-%(b)d' % {'a': s, 'b': n})`,
      `print('%d' % ${g.pick(["'x'", '(1, 2)', '3.7', 'n'])})`,
      `print('{} {!r} {:>6} {x}'.format(${g.anyExpr(2)}, s, n, x=${g.intLit()}))`,
      `print('{0}{1}{0}'.format(${g.strLit()}, ${g.intLit()}), '{:.3}'.format(${g.floatLit()}))`,
      `print('{:{w}}|'.format(s, w=${g.int(0, 10)}), '{2}'.format(1, 2))`,
    ]),
  ],
  unpacking: (g, k) => [
    g.pick([
      `a${k}, b${k} = ${g.pick(['1, 2', '[3, 4]', "'xy'", 'L[:2]', '(1, 2, 3)', 'range(2)', 'd'])}`,
      `a${k}, *b${k} = ${g.pick(['L', "'hello'", 'range(5)', 't', '[1]'])}`,
      `*a${k}, b${k} = ${g.pick(['L', 't', '[9]', '()'])}`,
      `(a${k}, (b${k}, c${k})) = ${g.pick(['(1, (2, 3))', '(1, [2, 3])', '(1, 2)'])}`,
    ]),
    `print(a${k}, b${k}, [*L, *t], {**d, 'x': 0}, ${g.pick([`*range(3),`, `*'ab', 1`, `*L`])})`,
  ],
  swap: (g, k) => [`u${k}, w${k} = ${g.intLit()}, ${g.strLit()}`, `u${k}, w${k} = w${k}, u${k}`, `print(u${k}, w${k})`],
  del_stmt: (g, k) => [
    `z${k} = [1, 2, 3, 4]`,
    g.pick([`del z${k}[${g.int(-5, 4)}]`, `del z${k}[1:3]`, `del z${k}`, `del d['a']`, `del z${k}[::2]`]),
    `print(${g.pick([`z${k}`, 'd', `len(z${k})`])})`,
  ],
  assert_stmt: (g) => [`assert ${g.boolExpr(1)}${g.chance(0.5) ? `, ${g.pick(["'assertion message'", 'n', 's'])}` : ''}`, "print('assert ok')"],
  walrus: (g, k) => [
    g.pick([`if (wl${k} := ${g.intExpr(1)}) > ${g.int(-5, 10)}:`, `if (wl${k} := len(L)) ${g.pick(['>', '<', '=='])} ${g.int(0, 5)}:`]),
    `${IND}print('walrus', wl${k})`,
    `print([yy for v in range(${g.int(0, 5)}) if (yy := v * v) ${g.pick(['> 2', '% 2', '!= 1'])}], yy if 'yy' in dir() else None)`,
  ],
  refcount: (g, k) => [
    'import sys',
    `rl${k} = [${g.intLit()}, ${g.strLit()}]`,
    `print(sys.getrefcount(rl${k}))`,
    `alias${k} = rl${k}`,
    `hold${k} = [rl${k}, rl${k}]`,
    `print(sys.getrefcount(rl${k}), sys.getrefcount(L))`,
    ...(g.chance(0.5) ? [`del hold${k}`, `print(sys.getrefcount(rl${k}))`] : []),
  ],
  refcount_instance: (g, k) => [
    'import sys',
    `class R${k}:`,
    `${IND}pass`,
    `ri${k} = R${k}()`,
    `ri${k}.me = ${g.pick([`ri${k}`, '1', `[ri${k}]`])}`,
    `print(sys.getrefcount(ri${k}), sys.getrefcount(R${k}) > 1)`,
  ],
  errors: (g) => {
    const e = g.pick([
      'print(undefined_var)',
      "print(1 + 'a')",
      "print('a' * 'b')",
      'print(None.attr)',
      "print(s.no_such_method())",
      "print({}['missing'])",
      'print([][0])',
      'print(n / 0)',
      'print(1.5 // 0)',
      "print(int('12x'))",
      'print(len(5))',
      "print(float('abc'))",
      'print([1, 2].index(7))',
      'a, b = [1, 2, 3]',
      'print(L())',
      "print(sorted([1, 'a']))",
      'print(t.append)',
      't[0] = 1',
      "print(d.missing)",
      'print(next(iter([])))',
      'print(abs())',
      "print(hash([]))",
      'print(chr(-1))',
      'print(divmod(1, 0))',
      'print(10 ** -1 % 0)',
      "print({1: 2}[[]])",
      "print(f'{n:q}')",
      "print(range(3)[5])",
      "raise SystemExit(3)",
      'print(object().foo)',
      "print('%d %d' % (1,))",
      "print(pow(2, -1, 0))",
      "print(max([]))",
    ]);
    return g.chance(0.8) ? tryWrap([e]) : [e];
  },
  del_exc: (g, k) => [
    `class DX${k}:`,
    `${IND}def __del__(self):`,
    `${IND}${IND}${g.pick(["raise ValueError('in del')", "print('bye')", 'print(1 / 0)'])}`,
    `dx${k} = DX${k}()`,
    `dx${k} = None`,
    `print('after del')`,
  ],
  builtins: (g) => [
    `print(${g.pick(['len', 'sorted', 'list', 'tuple', 'str', 'repr', 'bool', 'type', 'reversed', 'enumerate', 'sum', 'min', 'max', 'abs', 'set', 'frozenset', 'dict', 'iter', 'bin', 'hex', 'chr', 'ord', 'round', 'hash', 'int', 'float'])}(${g.anyExpr(2)}))`,
  ],
  // protocol misuse and mutation during iteration
  tricky: (g, k) =>
    g.pick([
      () => [`sr${k} = [1]`, `sr${k}.append(sr${k})`, `print(sr${k}, sr${k} == sr${k}, len(str(sr${k})))`],
      () => [`dm${k} = {'a': 1}`, `for key in dm${k}:`, `${IND}dm${k}[key + 'x'] = 2`],
      () => [`sm${k} = {1, 2}`, `for v in sm${k}:`, `${IND}sm${k}.add(v + 10)`],
      () => [`class E${k}:`, `${IND}def __eq__(self, o):`, `${IND}${IND}raise ValueError('eq')`, `print(${g.pick([`[E${k}()].index(1)`, `E${k}() in [1]`, `[E${k}()] == [E${k}()]`, `{E${k}(): 1}`])})`],
      () => [`class H${k}:`, `${IND}def __hash__(self):`, `${IND}${IND}return ${g.pick(["'x'", '2**100', '-1', 'None'])}`, `print(len({H${k}(), H${k}()}))`],
      () => [`class I${k}:`, `${IND}def __iter__(self):`, `${IND}${IND}return ${g.pick(['5', 'iter([1])', 'self'])}`, `print(list(I${k}()))`],
      () => [`class G${k}:`, `${IND}def __getitem__(self, i):`, `${IND}${IND}if i > ${g.int(0, 4)}:`, `${IND}${IND}${IND}raise IndexError`, `${IND}${IND}return i * 2`, `print(list(G${k}()), 4 in G${k}(), [*G${k}()])`],
      () => [`def cg${k}():`, `${IND}try:`, `${IND}${IND}yield 1`, `${IND}${IND}yield 2`, `${IND}finally:`, `${IND}${IND}print('closing')`, `gi${k} = cg${k}()`, `print(next(gi${k}))`, g.pick([`del gi${k}`, `gi${k}.close()`, `print(gi${k}.throw(KeyError('t')))`, `gi${k} = None`]), "print('after')"],
      () => [`class Res${k}:`, `${IND}def __del__(self):`, `${IND}${IND}global kept${k}`, `${IND}${IND}kept${k} = self`, `r${k} = Res${k}()`, `del r${k}`, `print(type(kept${k}).__name__)`],
      () => ['import sys', `sys.setrecursionlimit(${g.int(30, 80)})`, `class RR${k}:`, `${IND}def __repr__(self):`, `${IND}${IND}return repr(self)`, ...tryWrap([`print(RR${k}())`])],
      () => ['import sys', `sys.setrecursionlimit(${g.int(40, 100)})`, `nest${k} = []`, `for _ in range(${g.int(20, 200)}):`, `${IND}nest${k} = [nest${k}]`, ...tryWrap([`print(len(str(nest${k})))`])],
      () => [`xs${k} = [3, 1, 2]`, `xs${k}[1:2] = xs${k}`, `print(xs${k})`, `xs${k}.sort(key=lambda v: ${g.pick([`xs${k}.append(v)`, '-v', `len(xs${k})`])})`, `print(xs${k})`],
      () => [`class Meta${k}(type):`, `${IND}def __call__(cls, *a):`, `${IND}${IND}print('meta call', a)`, `${IND}${IND}return super().__call__(*a)`, `class Mc${k}(metaclass=Meta${k}):`, `${IND}def __init__(self, v=0):`, `${IND}${IND}self.v = v`, `print(Mc${k}(${g.int(0, 3)}).v)`],
      () => [`def kw${k}(*, a): return a`, `print(kw${k}(**{'a': 1${g.chance(0.5) ? ", 'b': 2" : ''}}))`],
    ])(),
  uncaught_chain: (g, k) => [
    `def inner${k}(v):`,
    `${IND}return v[${g.pick(["'key'", '10', '0'])}] + ${g.pick(['1', "'s'", 'None'])}`,
    `def outer${k}(v):`,
    `${IND}return inner${k}(v) * 2`,
    `print(outer${k}(${g.pick(['L', 'd', 't', 's', '[5]', "{'key': 1}"])}))`,
  ],
};

// Snippet kinds that define names used later or may fail; weights give the mix.
const WEIGHTS: [string, number][] = [
  ['int_arith', 5], ['float_arith', 3], ['int_div', 2], ['big_int', 2], ['str_ops', 3], ['bool_cmp', 2], ['chained', 2], ['print_misc', 3],
  ['list_methods', 3], ['tuple_ops', 2], ['dict_ops', 3], ['set_ops', 2], ['indexing', 2], ['slicing', 2], ['comprehension', 3], ['genexpr_next', 1],
  ['if_chain', 3], ['while_loop', 2], ['for_loop', 3], ['nested_loops', 1], ['func_args', 3], ['closure', 2], ['global_stmt', 1], ['unbound_local', 0.3],
  ['lambdas', 2], ['recursion', 2], ['recursion_error', 0.7], ['class_full', 3], ['inheritance', 2], ['exceptions', 3], ['custom_exc', 1], ['raise_from', 1],
  ['finally_return', 1], ['with_stmt', 2], ['generator', 2], ['iter_protocol', 1], ['fstring', 3], ['percent_format', 2], ['unpacking', 2], ['swap', 1],
  ['del_stmt', 2], ['assert_stmt', 1], ['walrus', 1], ['refcount', 1.5], ['refcount_instance', 1], ['errors', 4], ['del_exc', 0.7], ['builtins', 2],
  ['uncaught_chain', 0.5], ['tricky', 3],
];
const TOTAL = WEIGHTS.reduce((a, [, w]) => a + w, 0);
export const SNIPPET_KINDS = WEIGHTS.map(([name]) => name);

function pickKind(g: Gen): string {
  let x = g.r() * TOTAL;
  for (const [name, w] of WEIGHTS) {
    x -= w;
    if (x < 0) return name;
  }
  return WEIGHTS[0][0];
}

// How a snippet is embedded: as is, inside try/except, inside a function that is then called,
// or inside a bounded for loop.
function embed(g: Gen, lines: string[], k: number): string[] {
  const c = g.r();
  if (c < 0.62) return lines;
  if (c < 0.8) return tryWrap(lines);
  if (c < 0.92) return [`def w${k}():`, ...indent(lines), `${g.chance(0.5) ? `print(w${k}())` : `w${k}()`}`];
  return [`for _r${k} in range(${g.int(1, 2)}):`, ...indent(lines)];
}

const PRELUDES = [
  (g: Gen) => `n = ${g.pick(['3', '7', '-2', '0', '10**12', '42'])}`,
  (g: Gen) => `x = ${g.pick(['2.5', '0.1', '-1.75', '3.0', '1e-5'])}`,
  (g: Gen) => `s = ${g.pick(["'spam'", "'hello world'", "'a,b'", "''", "'Ünïcode'"])}`,
  (g: Gen) => `L = ${g.pick(['[3, 1, 2]', '[]', '[5, 0, -4, 5]', 'list(range(4))', '[10**20, 1]'])}`,
  (g: Gen) => `t = ${g.pick(['(1, 2, 3)', "(0, 'x')", '(7,)'])}`,
  (g: Gen) => `d = ${g.pick(["{'a': 1, 'b': 2}", '{}', "{'a': 0, 'bb': 3, 'ccc': 6}"])}`,
];

/** One token deleted or duplicated on a random non-empty line. */
function mutate(g: Gen, lines: string[]): string {
  const candidates = lines.map((l, i) => i).filter((i) => lines[i].trim() !== '');
  const i = g.pick(candidates);
  const line = lines[i];
  const toks: { a: number; b: number }[] = [];
  const re = /[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d+)?|'[^']*'|"[^"]*"|\*\*|\/\/|[<>=!]=|:=|->|\S/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) toks.push({ a: m.index, b: m.index + m[0].length });
  if (toks.length === 0) return 'none';
  const t = g.pick(toks);
  const tok = line.slice(t.a, t.b);
  if (g.chance(0.5)) {
    lines[i] = line.slice(0, t.a) + line.slice(t.b);
    return `line ${i + 1}: deleted ${JSON.stringify(tok)}`;
  }
  lines[i] = line.slice(0, t.b) + ' ' + tok + line.slice(t.b);
  return `line ${i + 1}: duplicated ${JSON.stringify(tok)}`;
}

export function generate(seed: number, opts: GenOptions = {}): Generated {
  const maxLines = opts.maxLines ?? 40;
  const minLines = opts.minLines ?? 5;
  const g = new Gen(seed);
  const target = g.int(minLines, maxLines);
  const lines: string[] = [];
  const kinds: string[] = [];
  for (const p of PRELUDES) lines.push(p(g));
  let k = 0;
  let misses = 0;
  while (lines.length < target && misses < 12) {
    const kind = pickKind(g);
    k++;
    const snippet = embed(g, S[kind](g, k), k);
    if (lines.length + snippet.length > maxLines) {
      misses++;
      continue;
    }
    kinds.push(kind);
    lines.push(...snippet);
  }
  // sometimes end with an uncaught exception at top level (a traceback and exit code 1)
  if (g.chance(0.08) && lines.length < maxLines) {
    lines.push(g.pick([`raise ${g.pick(ERR_TYPES)}('top level')`, 'print(L[99])', 'undefined_at_end()', "print(int('nope'))"]));
    kinds.push('uncaught_end');
  }
  let mutation: string | null = null;
  if (g.chance(opts.syntaxErrorRate ?? 0.04)) mutation = mutate(g, lines);
  return { seed, source: lines.join('\n') + '\n', kinds, mutation };
}
