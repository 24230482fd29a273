// Scope analysis, after CPython's Python/symtable.c: decides for each name of each block whether
// it is local, global (explicit or implicit), free, or a cell, and which blocks need `__class__`.

import type * as A from '../parser/ast';

export const enum Flag {
  DEF_LOCAL = 1, // assigned in this block
  DEF_GLOBAL = 2, // `global` statement
  DEF_NONLOCAL = 4,
  DEF_PARAM = 8,
  USE = 16,
  DEF_IMPORT = 32,
  DEF_FREE_CLASS = 64,
  DEF_COMP_ITER = 128,
  DEF_ANNOT = 256, // an annotated name (`x: int`)
}

export const enum Scope {
  LOCAL = 1,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  FREE,
  CELL,
}

export type BlockType = 'module' | 'function' | 'class';

export class SymbolError {
  constructor(
    public msg: string,
    public node: A.Pos,
    public type: 'SyntaxError' = 'SyntaxError',
  ) {}
}

export class Block {
  flags = new Map<string, number>();
  scopes = new Map<string, Scope>();
  children: Block[] = [];
  varnames: string[] = []; // parameters first, in order
  isGenerator = false;
  isCoroutine = false;
  isComprehension = false;
  isLambda = false;
  hasVarargs = false;
  hasVarkw = false;
  /** A method that uses `super` or `__class__`: its class needs a `__class__` cell. */
  needsClassClosure = false;
  childFree = new Set<string>();
  /** Position of the first `global`/`nonlocal` statement per name (for error messages). */
  declPos = new Map<string, A.Pos>();
  usePos = new Map<string, A.Pos>();
  constructor(
    public type: BlockType,
    public name: string,
    public node: A.Node,
    public lineno: number,
    public parent: Block | null,
  ) {}

  add(name: string, flag: number, pos?: A.Pos) {
    const old = this.flags.get(name) ?? 0;
    this.flags.set(name, old | flag);
    if (flag & Flag.DEF_PARAM) this.varnames.push(name);
    if (pos && !this.usePos.has(name)) this.usePos.set(name, pos);
  }
  scopeOf(name: string): Scope | undefined {
    return this.scopes.get(name);
  }
}

/** Name mangling of `__private` names inside classes (Python/compile.c `_Py_Mangle`). */
export function mangle(className: string | null, name: string): string {
  if (!className || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const stripped = className.replace(/^_+/, '');
  if (!stripped) return name;
  return '_' + stripped + name;
}

export class SymbolTable {
  top!: Block;
  blocks = new Map<A.Node, Block>();
  private cur!: Block;
  private className: string | null = null;

  static build(mod: A.Module): SymbolTable {
    const st = new SymbolTable();
    st.top = st.enter('module', 'top', mod, 0);
    for (const s of mod.body) st.visitStmt(s);
    st.analyze(st.top, null, new Set(), new Set());
    return st;
  }

  private enter(type: BlockType, name: string, node: A.Node, lineno: number): Block {
    const b = new Block(type, name, node, lineno, this.cur ?? null);
    if (this.cur) this.cur.children.push(b);
    this.blocks.set(node, b);
    this.cur = b;
    return b;
  }

  private addDef(name: string, flag: number, pos?: A.Pos) {
    const m = mangle(this.className, name);
    const b = this.cur;
    const old = b.flags.get(m) ?? 0;
    if (flag & Flag.DEF_PARAM && old & Flag.DEF_PARAM) {
      throw new SymbolError(`duplicate argument '${name}' in function definition`, pos!);
    }
    b.add(m, flag, pos);
  }

  private visitStmts(ss: A.Stmt[]) {
    for (const s of ss) this.visitStmt(s);
  }

  private visitStmt(s: A.Stmt): void {
    switch (s.kind) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        this.addDef(s.name, Flag.DEF_LOCAL, s);
        this.visitDefaults(s.args);
        for (const d of s.decorator_list) this.visitExpr(d);
        this.visitAnnotations(s.args, s.returns);
        const saved = this.cur;
        const b = this.enter('function', s.name, s, s.lineno);
        if (s.kind === 'AsyncFunctionDef') b.isCoroutine = true;
        this.visitParams(s.args);
        this.visitStmts(s.body);
        this.cur = saved;
        return;
      }
      case 'ClassDef': {
        this.addDef(s.name, Flag.DEF_LOCAL, s);
        for (const e of s.bases) this.visitExpr(e);
        for (const k of s.keywords) this.visitExpr(k.value);
        for (const d of s.decorator_list) this.visitExpr(d);
        const saved = this.cur;
        const savedClass = this.className;
        this.enter('class', s.name, s, s.lineno);
        this.className = s.name;
        this.visitStmts(s.body);
        this.className = savedClass;
        this.cur = saved;
        return;
      }
      case 'Return':
        if (s.value) this.visitExpr(s.value);
        return;
      case 'Delete':
        for (const t of s.targets) this.visitExpr(t);
        return;
      case 'Assign':
        for (const t of s.targets) this.visitExpr(t);
        this.visitExpr(s.value);
        return;
      case 'AugAssign':
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        return;
      case 'AnnAssign':
        if (s.target.kind === 'Name') {
          const cur = this.cur.flags.get(mangle(this.className, s.target.id)) ?? 0;
          // (a module-level `global x` before `x: int` is allowed: st_cur is st_global there)
          if (cur & (Flag.DEF_GLOBAL | Flag.DEF_NONLOCAL) && s.simple && this.cur.type !== 'module') {
            const kind = cur & Flag.DEF_GLOBAL ? 'global' : 'nonlocal';
            throw new SymbolError(`annotated name '${s.target.id}' can't be ${kind}`, s);
          }
          if (s.simple) this.addDef(s.target.id, Flag.DEF_LOCAL | Flag.DEF_ANNOT, s.target);
          else if (s.value) this.addDef(s.target.id, Flag.DEF_LOCAL, s.target);
        } else {
          this.visitExpr(s.target);
        }
        if (this.cur.type !== 'function') this.visitExpr(s.annotation);
        if (s.value) this.visitExpr(s.value);
        return;
      case 'For':
      case 'AsyncFor':
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        return;
      case 'While':
      case 'If':
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        return;
      case 'With':
      case 'AsyncWith':
        for (const it of s.items) {
          this.visitExpr(it.context_expr);
          if (it.optional_vars) this.visitExpr(it.optional_vars);
        }
        this.visitStmts(s.body);
        return;
      case 'Match':
        this.visitExpr(s.subject);
        for (const c of s.cases) {
          this.visitPattern(c.pattern);
          if (c.guard) this.visitExpr(c.guard);
          this.visitStmts(c.body);
        }
        return;
      case 'Raise':
        if (s.exc) this.visitExpr(s.exc);
        if (s.cause) this.visitExpr(s.cause);
        return;
      case 'Try':
      case 'TryStar':
        this.visitStmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name) this.addDef(h.name, Flag.DEF_LOCAL, h);
          this.visitStmts(h.body);
        }
        this.visitStmts(s.orelse);
        this.visitStmts(s.finalbody);
        return;
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        return;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (this.cur.type !== 'module') throw new SymbolError('import * only allowed at module level', s);
            continue;
          }
          const store = a.asname ?? (s.kind === 'Import' ? a.name.split('.')[0] : a.name);
          this.addDef(store, Flag.DEF_IMPORT, a);
        }
        return;
      case 'Global':
      case 'Nonlocal': {
        const isGlobal = s.kind === 'Global';
        for (const name of s.names) {
          const m = mangle(this.className, name);
          const cur = this.cur.flags.get(m) ?? 0;
          if (cur & (Flag.DEF_PARAM | Flag.DEF_LOCAL | Flag.USE | Flag.DEF_ANNOT)) {
            // symtable.c's GLOBAL_PARAM, GLOBAL_AFTER_USE, GLOBAL_ANNOT, GLOBAL_AFTER_ASSIGN (and
            // the NONLOCAL_ ones), in that order
            const decl = isGlobal ? 'global' : 'nonlocal';
            const msg =
              cur & Flag.DEF_PARAM
                ? `name '${name}' is parameter and ${decl}`
                : cur & Flag.USE
                  ? `name '${name}' is used prior to ${decl} declaration`
                  : cur & Flag.DEF_ANNOT
                    ? `annotated name '${name}' can't be ${decl}`
                    : `name '${name}' is assigned to before ${decl} declaration`;
            throw new SymbolError(msg, s);
          }
          if (!isGlobal && this.cur.type === 'module') throw new SymbolError('nonlocal declaration not allowed at module level', s);
          this.cur.add(m, isGlobal ? Flag.DEF_GLOBAL : Flag.DEF_NONLOCAL);
          this.cur.declPos.set(m, s);
        }
        return;
      }
      case 'Expr':
        this.visitExpr(s.value);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
    }
  }

  private visitPattern(p: A.Pattern): void {
    switch (p.kind) {
      case 'MatchValue':
        this.visitExpr(p.value);
        return;
      case 'MatchSingleton':
        return;
      case 'MatchSequence':
      case 'MatchOr':
        for (const q of p.patterns) this.visitPattern(q);
        return;
      case 'MatchMapping':
        for (const k of p.keys) this.visitExpr(k);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest) this.addDef(p.rest, Flag.DEF_LOCAL, p);
        return;
      case 'MatchClass':
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        return;
      case 'MatchStar':
        if (p.name) this.addDef(p.name, Flag.DEF_LOCAL, p);
        return;
      case 'MatchAs':
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name) this.addDef(p.name, Flag.DEF_LOCAL, p);
        return;
    }
  }

  private visitDefaults(a: A.Arguments) {
    for (const d of a.defaults) this.visitExpr(d);
    for (const d of a.kw_defaults) if (d) this.visitExpr(d);
  }
  private visitAnnotations(a: A.Arguments, returns: A.Expr | null) {
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
    for (const p of all) if (p.annotation) this.visitExpr(p.annotation);
    if (returns) this.visitExpr(returns);
  }
  private visitParams(a: A.Arguments) {
    for (const p of a.posonlyargs) this.addDef(p.arg, Flag.DEF_PARAM, p);
    for (const p of a.args) this.addDef(p.arg, Flag.DEF_PARAM, p);
    for (const p of a.kwonlyargs) this.addDef(p.arg, Flag.DEF_PARAM, p);
    if (a.vararg) {
      this.addDef(a.vararg.arg, Flag.DEF_PARAM, a.vararg);
      this.cur.hasVarargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, Flag.DEF_PARAM, a.kwarg);
      this.cur.hasVarkw = true;
    }
  }

  private visitExprs(es: (A.Expr | null)[]) {
    for (const e of es) if (e) this.visitExpr(e);
  }

  private visitExpr(e: A.Expr): void {
    switch (e.kind) {
      case 'Name': {
        this.addDef(e.id, e.ctx === 'Load' ? Flag.USE : Flag.DEF_LOCAL, e);
        // `super()` (and a bare `__class__`) inside a function need the implicit __class__ cell
        if (e.ctx === 'Load' && this.cur.type === 'function' && (e.id === 'super' || e.id === '__class__')) {
          this.addDef('__class__', Flag.USE, e);
        }
        return;
      }
      case 'NamedExpr': {
        // PEP 572 (symtable_extend_namedexpr_scope): the target binds in the nearest enclosing
        // scope that is not a comprehension
        this.visitExpr(e.value);
        if (this.cur.isComprehension) {
          let b: Block = this.cur;
          while (b.isComprehension && b.parent) b = b.parent;
          if (b.type === 'class') throw new SymbolError('assignment expression within a comprehension cannot be used in a class body', e);
          const outer = b.flags.get(e.target.id) ?? 0;
          const inner = b.type === 'module' || outer & Flag.DEF_GLOBAL ? Flag.DEF_GLOBAL : Flag.DEF_NONLOCAL;
          for (let c: Block = this.cur; c !== b; c = c.parent!) c.add(e.target.id, inner);
          if (!(outer & Flag.DEF_GLOBAL)) b.add(e.target.id, Flag.DEF_LOCAL);
        } else {
          this.visitExpr(e.target);
        }
        return;
      }
      case 'BoolOp':
        this.visitExprs(e.values);
        return;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        return;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        return;
      case 'Lambda': {
        this.visitDefaults(e.args);
        const saved = this.cur;
        const b = this.enter('function', 'lambda', e, e.lineno);
        b.isLambda = true;
        this.visitParams(e.args);
        this.visitExpr(e.body);
        this.cur = saved;
        return;
      }
      case 'IfExp':
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        return;
      case 'Dict':
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        return;
      case 'Set':
        this.visitExprs(e.elts);
        return;
      case 'ListComp':
        this.visitComprehension(e, 'listcomp', e.generators, [e.elt]);
        return;
      case 'SetComp':
        this.visitComprehension(e, 'setcomp', e.generators, [e.elt]);
        return;
      case 'DictComp':
        this.visitComprehension(e, 'dictcomp', e.generators, [e.key, e.value]);
        return;
      case 'GeneratorExp':
        this.visitComprehension(e, 'genexpr', e.generators, [e.elt]);
        return;
      case 'Await':
        this.visitExpr(e.value);
        return;
      case 'Yield':
      case 'YieldFrom':
        if (this.cur.type !== 'function') throw new SymbolError(`'yield' outside function`, e);
        if (this.cur.isComprehension) throw new SymbolError(`'yield' inside ${this.compName(this.cur.name)}`, e);
        this.cur.isGenerator = true;
        if (e.value) this.visitExpr(e.value);
        return;
      case 'Compare':
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        return;
      case 'Call':
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        return;
      case 'FormattedValue':
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        return;
      case 'JoinedStr':
        this.visitExprs(e.values);
        return;
      case 'Constant':
        return;
      case 'Attribute':
        this.visitExpr(e.value);
        return;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        return;
      case 'Starred':
        this.visitExpr(e.value);
        return;
      case 'List':
      case 'Tuple':
        this.visitExprs(e.elts);
        return;
      case 'Slice':
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        return;
    }
  }

  private compName(n: string): string {
    return (
      { listcomp: 'list comprehension', setcomp: 'set comprehension', dictcomp: 'dict comprehension', genexpr: 'generator expression' } as Record<string, string>
    )[n] ?? n;
  }

  private visitComprehension(e: A.Expr, name: string, gens: A.Comprehension[], elts: A.Expr[]) {
    // the outermost iterable is evaluated in the enclosing scope
    this.visitExpr(gens[0].iter);
    const saved = this.cur;
    const b = this.enter('function', `<${name}>`, e, e.lineno);
    b.isComprehension = true;
    if (name === 'genexpr') b.isGenerator = true;
    b.add('.0', Flag.DEF_PARAM);
    gens.forEach((g, i) => {
      this.visitExpr(g.target);
      if (i > 0) this.visitExpr(g.iter);
      for (const c of g.ifs) this.visitExpr(c);
    });
    for (const x of elts) this.visitExpr(x);
    this.cur = saved;
  }

  // ------------------------------------------------------------ analysis (symtable.c analyze_block)
  private analyze(b: Block, bound: Set<string> | null, free: Set<string>, global: Set<string>): void {
    const local = new Set<string>();
    const scopes = b.scopes;
    const newGlobal = new Set<string>();
    const newBound = new Set<string>();
    if (b.type === 'class') {
      for (const n of global) newGlobal.add(n);
      if (bound) for (const n of bound) newBound.add(n);
    }
    for (const [name, flags] of b.flags) {
      // analyze_name
      if (flags & Flag.DEF_GLOBAL) {
        scopes.set(name, Scope.GLOBAL_EXPLICIT);
        global.add(name);
        if (bound) bound.delete(name);
      } else if (flags & Flag.DEF_NONLOCAL) {
        if (!bound || !bound.has(name)) {
          throw new SymbolError(`no binding for nonlocal '${name}' found`, b.declPos.get(name) ?? (b.node as A.Pos));
        }
        scopes.set(name, Scope.FREE);
        free.add(name);
      } else if (flags & (Flag.DEF_LOCAL | Flag.DEF_PARAM | Flag.DEF_IMPORT)) {
        scopes.set(name, Scope.LOCAL);
        local.add(name);
        global.delete(name);
      } else if (bound && bound.has(name)) {
        scopes.set(name, Scope.FREE);
        free.add(name);
      } else {
        scopes.set(name, Scope.GLOBAL_IMPLICIT);
      }
    }
    if (b.type !== 'class') {
      if (b.type === 'function') for (const n of local) newBound.add(n);
      if (bound) for (const n of bound) newBound.add(n);
      for (const n of global) newGlobal.add(n);
    } else {
      newBound.add('__class__');
    }
    const newFree = new Set<string>();
    for (const child of b.children) {
      const childFree = new Set<string>();
      this.analyze(child, new Set(newBound), childFree, new Set(newGlobal));
      for (const n of childFree) newFree.add(n);
    }
    if (b.type === 'function') {
      // analyze_cells
      for (const [n, s] of scopes) {
        if (s === Scope.LOCAL && newFree.has(n)) {
          scopes.set(n, Scope.CELL);
          newFree.delete(n);
        }
      }
    } else if (b.type === 'class' && newFree.has('__class__')) {
      // drop_class_free
      newFree.delete('__class__');
      b.needsClassClosure = true;
    }
    // update_symbols: free names of children pass through this block
    for (const n of newFree) {
      const s = scopes.get(n);
      if (s !== undefined) {
        if (b.type === 'class' && s !== Scope.FREE) b.flags.set(n, (b.flags.get(n) ?? 0) | Flag.DEF_FREE_CLASS);
        continue;
      }
      if (bound && !bound.has(n)) continue;
      if (!bound) continue;
      scopes.set(n, Scope.FREE);
      b.flags.set(n, Flag.DEF_FREE_CLASS);
    }
    for (const n of newFree) free.add(n);
  }
}
