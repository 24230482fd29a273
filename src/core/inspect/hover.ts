// The hover: the value under the cursor, its reference count as `sys.getrefcount` would print it
// and the true count, one line per holder (the breakdown adds up), gc facts, sys.getsizeof, and a
// one-line explanation where a learner's intuition usually goes wrong. Markdown, every string
// through the translator (English keys; 简体中文 in l10n/parts/hover.zh-cn.json).

// the runtime's modules initialise in the interpreter's order (as src/core/run.ts imports them)
import '../runtime/interp';
import { PyObject, PyType, TypeFlags, inLiveSet } from '../runtime/object';
import { getsizeof } from '../runtime/sizes';
import { typeModule, typeQualname } from '../runtime/abstract';
import { Frame } from '../runtime/vm/frame';
import { PyStr } from '../runtime/objects/str';
import { PyInt } from '../runtime/objects/int';
import { PyList } from '../runtime/objects/list';
import { PyTuple } from '../runtime/objects/tuple';
import { PyDict } from '../runtime/objects/dict';
import { PySet } from '../runtime/objects/set';
import { PyInstance, PyModule } from '../runtime/objects/instance';
import { PyFunction } from '../runtime/objects/function';
import { plainFileRepr } from '../modules/fileio';
import { parse } from '../parser/index';
import type * as A from '../parser/ast';
import type { InspectSession, StateView, ReplayControl } from './session';
import { lookupName, peekAttr, dictGetStr, utf16Col } from './session';
import { holdersOf, gcFacts, isSharedObject, fill, type Holder, type GcFacts } from './holders';
import type { Translate } from './translate';

export type { Translate } from './translate';

export interface HoverResult {
  markdown: string;
  /** 1-based */
  line: number;
  /** 1-based UTF-16 columns of the expression (end exclusive) */
  startCol: number;
  endCol: number;
  expr: string;
}

export interface HoverOptions {
  commandLinks?: boolean;
  /** the document's URI, passed to the command links */
  uri?: string;
}

// ------------------------------------------------------------------------------ the expression

type ExprNode = A.Name | A.Attribute | A.Subscript;

interface Found {
  node: ExprNode;
  line: number;
  /** the line whose state the hover shows (a parameter: the function's first statement) */
  viewLine: number;
  startCol: number;
  endCol: number;
  text: string;
}

const parsedCache = new WeakMap<InspectSession, A.Module | null>();

function moduleOf(session: InspectSession): A.Module | null {
  if (parsedCache.has(session)) return parsedCache.get(session)!;
  const pr = parse(session.source, session.filename);
  parsedCache.set(session, pr.module);
  return pr.module;
}

/** UTF-16 column (0-based) -> UTF-8 byte offset in line */
function utf8Offset(line: string, col: number): number {
  let bytes = 0;
  for (let i = 0; i < col && i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Names, attribute accesses and subscripts that lie on one line (per parsed module, cached). */
const candidatesCache = new WeakMap<A.Module, Map<number, ExprNode[]>>();
function candidates(mod: A.Module, lines: string[], line: number): ExprNode[] {
  let byLine = candidatesCache.get(mod);
  if (!byLine) {
    // one walk over the tree files every single-line expression under its line
    const m = new Map<number, ExprNode[]>();
    const visit = (n: unknown): void => {
      if (Array.isArray(n)) {
        for (const x of n) visit(x);
        return;
      }
      if (!n || typeof n !== 'object') return;
      const node = n as { kind?: string } & Partial<A.Pos>;
      const add = (e: ExprNode) => {
        const l = m.get(e.lineno);
        if (l) l.push(e);
        else m.set(e.lineno, [e]);
      };
      if ((node.kind === 'Name' || node.kind === 'Attribute' || node.kind === 'Subscript') && node.lineno === node.end_lineno) add(node as ExprNode);
      else if (node.kind === 'FunctionDef' || node.kind === 'AsyncFunctionDef' || node.kind === 'ClassDef') {
        // the name after def/class binds like an assignment: a Name there
        const d = node as A.FunctionDef | A.ClassDef;
        const text = lines[d.lineno - 1] ?? '';
        const at = new RegExp(`\\b(?:def|class)\\s+(${d.name})\\b`, 'u').exec(text.slice(utf16Col(text, d.col_offset)));
        if (at) {
          const start = utf8Offset(text, utf16Col(text, d.col_offset) + at.index + at[0].length - d.name.length);
          add(synthName(d.name, d.lineno, start, start + utf8Offset(d.name, d.name.length)));
        }
        if (d.kind !== 'ClassDef') {
          // parameters: their value in the last call, after the function's first statement ran
          const first = d.body.find((st, i) => !(i === 0 && st.kind === 'Expr' && st.value.kind === 'Constant' && st.value.value.type === 'str'));
          const a = d.args;
          for (const p of [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])]) {
            if (!first || p.lineno !== p.end_lineno) continue;
            const n = synthName(p.arg, p.lineno, p.col_offset, p.col_offset + utf8Offset(p.arg, p.arg.length));
            paramView.set(n, first.lineno);
            add(n);
          }
        }
      } else if (node.kind === 'alias') {
        // import a.b as c / from m import x: the alias names what the statement binds
        const a = node as A.Alias;
        if (a.name !== '*' && a.lineno === a.end_lineno && typeof a.col_offset === 'number') add(synthName(a.asname ?? a.name.split('.')[0], a.lineno, a.col_offset, a.end_col_offset));
      }
      for (const k in node) {
        if (k === 'kind' || k === 'lineno' || k === 'col_offset' || k === 'end_lineno' || k === 'end_col_offset') continue;
        const v = (node as Record<string, unknown>)[k];
        if (v && typeof v === 'object') visit(v);
      }
    };
    visit(mod.body);
    candidatesCache.set(mod, (byLine = m));
  }
  return byLine.get(line) ?? [];
}

/** synthetic names of parameters -> the line whose state shows them */
const paramView = new WeakMap<A.Name, number>();

function synthName(id: string, line: number, start: number, end: number): A.Name {
  return { kind: 'Name', id, ctx: 'Store', lineno: line, col_offset: start, end_lineno: line, end_col_offset: end } as A.Name;
}

function foundOf(b: ExprNode, line: number, text: string): Found {
  const s = utf16Col(text, b.col_offset);
  const e = utf16Col(text, b.end_col_offset);
  // (a def/class/import name stands for the name it binds)
  const viewLine = (b.kind === 'Name' && paramView.get(b)) || line;
  return { node: b, line, viewLine, startCol: s + 1, endCol: e + 1, text: b.kind === 'Name' ? b.id : text.slice(s, e) };
}

/** The smallest name, attribute access or subscript at (line, col), 1-based, col in UTF-16. */
export function findExpression(mod: A.Module, lines: string[], line: number, col1: number): Found | null {
  const text = lines[line - 1];
  if (text === undefined) return null;
  const byte = utf8Offset(text, Math.max(0, col1 - 1));
  let best: ExprNode | null = null;
  let bestSpan = Infinity;
  for (const p of candidates(mod, lines, line)) {
    if (p.col_offset <= byte && byte < p.end_col_offset) {
      const span = p.end_col_offset - p.col_offset;
      if (span < bestSpan) {
        best = p;
        bestSpan = span;
      }
    }
  }
  return best ? foundOf(best, line, text) : null;
}

/** Evaluate a name / attribute / subscript against a view without running user code. */
export function resolveNode(view: StateView, n: A.Expr): PyObject | null {
  switch (n.kind) {
    case 'Name':
      return lookupName(view.interp, view.frame, n.id);
    case 'Attribute': {
      const v = resolveNode(view, n.value);
      return v ? peekAttr(v, n.attr) : null;
    }
    case 'Subscript': {
      const v = resolveNode(view, n.value);
      if (!v) return null;
      let key: number | string | null = null;
      const s = n.slice;
      if (s.kind === 'Constant') {
        if (s.value.type === 'int') key = Number(s.value.value);
        else if (s.value.type === 'str') key = s.value.value;
      } else if (s.kind === 'UnaryOp' && s.op === 'USub' && s.operand.kind === 'Constant' && s.operand.value.type === 'int') {
        key = -Number(s.operand.value.value);
      } else {
        const k = resolveNode(view, s);
        if (k instanceof PyInt) key = Number(k.v);
        else if (k instanceof PyStr) key = k.v;
      }
      if (key === null) return null;
      return peekKey(v, key);
    }
    default:
      return null;
  }
}

function peekKey(o: PyObject, key: number | string): PyObject | null {
  if (typeof key === 'number' && o instanceof PyList) {
    // (itemAt makes an unboxed int an object again, in its slot: the list's one reference)
    const j = key < 0 ? o.size + key : key;
    return j >= 0 && j < o.size ? o.itemAt(j) : null;
  }
  if (typeof key === 'number' && o instanceof PyTuple) {
    const j = key < 0 ? o.items.length + key : key;
    return j >= 0 && j < o.items.length ? o.items[j] : null;
  }
  if (o instanceof PyDict) {
    if (typeof key === 'string') return dictGetStr(o, key);
    for (const [k, v] of o.entries()) if (k instanceof PyInt && k.type.name === 'int' && Number(k.v) === key) return v;
  }
  return null;
}

// ------------------------------------------------------------------------------ values

/** A short repr that never runs user code (instances show as <C object at 0x...>). */
export function shortRepr(o: PyObject, budget = 60): string {
  const s = reprInner(o, 2);
  return s.length > budget ? s.slice(0, budget - 1) + '…' : s;
}

const ATOM_REPRS = new Set(['int', 'bool', 'float', 'complex', 'str', 'bytes', 'NoneType', 'NotImplementedType', 'ellipsis', 'range', 'function', 'builtin_function_or_method', 'module', 'code', 'type', 'method_descriptor']);

function reprInner(o: PyObject, depth: number): string {
  const t = o.type;
  const heapType = (t.flags & TypeFlags.HEAPTYPE) !== 0;
  if (o instanceof PyInt && !heapType && t.name === 'int') return String(o.v);
  if (!heapType && ATOM_REPRS.has(t.name) && t.slots.repr && !(o instanceof PyType && o.type.flags & TypeFlags.HEAPTYPE)) {
    try {
      const r = t.slots.repr(o);
      return r.length > 200 ? r.slice(0, 199) + '…' : r;
    } catch {
      return `<${t.name} object>`;
    }
  }
  if (!heapType && depth > 0) {
    // (a list's slots are read as they are: an unboxed int (objects/list.ts) is its value, and
    // the hover boxes nothing)
    const items = (xs: (PyObject | number)[], open: string, close: string, one = false) => {
      const parts = xs.slice(0, 8).map((x) => (typeof x === 'number' ? String(x) : reprInner(x, depth - 1)));
      if (xs.length > 8) parts.push('…');
      return open + parts.join(', ') + (one && xs.length === 1 ? ',' : '') + close;
    };
    if (o instanceof PyList) return items(o.raw, '[', ']');
    if (o instanceof PyTuple) return items(o.items, '(', ')', true);
    if (o instanceof PyDict) {
      const parts: string[] = [];
      let n = 0;
      for (const [k, v] of o.entries()) {
        if (n++ >= 6) {
          parts.push('…');
          break;
        }
        parts.push(`${reprInner(k, depth - 1)}: ${reprInner(v, depth - 1)}`);
      }
      return `{${parts.join(', ')}}`;
    }
    if (o instanceof PySet) {
      const ks: PyObject[] = [];
      for (const k of o.t.keys()) ks.push(k as PyObject);
      if (!ks.length) return `${t.name}()`;
      return t.name === 'set' ? items(ks, '{', '}') : `${t.name}(${items(ks, '{', '}')})`;
    }
  }
  const file = plainFileRepr(o);
  if (file !== null) return file;
  if (o instanceof PyList) return '[…]';
  if (o instanceof PyTuple) return '(…)';
  if (o instanceof PyDict) return '{…}';
  const mod = typeModule(t);
  return `<${mod && mod !== 'builtins' ? mod + '.' : ''}${typeQualname(t)} object${o.addr ? ` at 0x${o.addr.toString(16)}` : ''}>`;
}

// ------------------------------------------------------------------------------ the hover

/** the hovers computed so far, per session: "line:start:end:options" -> result */
const cache = new WeakMap<InspectSession, Map<string, HoverResult>>();

function optsKey(t: Translate, opts: HoverOptions): string {
  return `${opts.commandLinks ? 1 : 0}:${opts.uri ?? ''}:${t('refcount')}`;
}
function cacheOf(session: InspectSession): Map<string, HoverResult> {
  let c = cache.get(session);
  if (!c) cache.set(session, (c = new Map()));
  return c;
}
function sourceLines(session: InspectSession): string[] {
  return session.source.split(/\r\n|\r|\n/);
}

/** Every name, attribute access and subscript on a line. */
export function lineExpressions(mod: A.Module, lines: string[], line: number): Found[] {
  const text = lines[line - 1];
  if (text === undefined) return [];
  return candidates(mod, lines, line).map((n) => foundOf(n, line, text));
}

/**
 * The hover at (line, col), both 1-based (col in UTF-16 code units). The state is the one right
 * after the line last ran (InspectSession.at); all expressions of the line are described in the
 * same replay and cached.
 */
export function hoverAt(session: InspectSession, line: number, col: number, t: Translate, opts: HoverOptions = {}): HoverResult | null {
  const mod = moduleOf(session);
  if (!mod) return null;
  const lines = sourceLines(session);
  const found = findExpression(mod, lines, line, col);
  if (!found) return null;
  const c = cacheOf(session);
  const ok = optsKey(t, opts);
  const key = `${line}:${found.startCol}:${found.endCol}:${ok}`;
  const hit = c.get(key);
  if (hit) return hit;
  prefetchHovers(session, t, opts, [line]);
  return c.get(key) ?? null;
}

/** The hover at (line, col) when it was computed already; null when there is no expression
 * there; undefined when it was not computed yet. (No replay: the session worker answers with it
 * while a prefetch replays the program.) */
export function cachedHover(session: InspectSession, line: number, col: number, t: Translate, opts: HoverOptions = {}): HoverResult | null | undefined {
  const mod = moduleOf(session);
  if (!mod) return null;
  const found = findExpression(mod, sourceLines(session), line, col);
  if (!found) return null;
  return cacheOf(session).get(`${line}:${found.startCol}:${found.endCol}:${optsKey(t, opts)}`);
}

/** How many hovers of the session are computed (all options). */
export function cachedHoverCount(session: InspectSession): number {
  return cache.get(session)?.size ?? 0;
}

/** The line whose state the hover at (line, col) shows (a parameter: the function's first
 * statement), or null when there is no expression there. */
export function hoverViewLine(session: InspectSession, line: number, col: number): number | null {
  const mod = moduleOf(session);
  if (!mod) return null;
  const found = findExpression(mod, sourceLines(session), line, col);
  return found ? found.viewLine : null;
}

/** Steers a prefetch (see ReplayControl); `viewed(line)` is told after the hovers that show the
 * state after `line` are cached. */
export interface PrefetchControl extends ReplayControl {
  viewed?(line: number): void;
}

/** Compute (and cache) the hovers of every expression on the given lines (default: all) with one
 * replay of the program. Returns the number of hovers computed. With a control, the replay can
 * be stopped or made to skip ahead: the hovers not computed then are computed by a later call. */
export function prefetchHovers(session: InspectSession, t: Translate, opts: HoverOptions = {}, onLines?: number[], control?: PrefetchControl): number {
  const mod = moduleOf(session);
  if (!mod) return 0;
  const lines = sourceLines(session);
  const want = onLines ?? lines.map((_, i) => i + 1);
  const c = cacheOf(session);
  const ok = optsKey(t, opts);
  const todo = new Map<number, Found[]>(); // by the line whose state they show
  for (const line of want) {
    for (const f of lineExpressions(mod, lines, line)) {
      if (c.has(`${line}:${f.startCol}:${f.endCol}:${ok}`)) continue;
      const l = todo.get(f.viewLine);
      if (l) l.push(f);
      else todo.set(f.viewLine, [f]);
    }
  }
  if (!todo.size) return 0;
  let n = 0;
  // `del` targets: what they named just before the line ran (a JS reference only: no count taken)
  const before = new Map<Found, PyObject | null>();
  const dels = (line: number) => todo.get(line)!.filter((f) => (f.node as { ctx?: string }).ctx === 'Del');
  session.atMany(
    [...todo.keys()],
    (line, view) => {
      for (const f of todo.get(line)!) {
        const md = describe(view, f, lines, t, opts, before.has(f) ? { obj: before.get(f)! } : undefined);
        c.set(`${f.line}:${f.startCol}:${f.endCol}:${ok}`, { markdown: md, line: f.line, startCol: f.startCol, endCol: f.endCol, expr: f.text });
        n++;
      }
      control?.viewed?.(line);
    },
    (line, view) => {
      for (const f of dels(line)) before.set(f, resolveNode(view, f.node));
    },
    control,
  );
  return n;
}

function code(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s.replace(/\n/g, ' ')}${ticks}`;
}
function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

function describe(view: StateView, found: Found, lines: string[], t: Translate, opts: HoverOptions, deleted?: { obj: PyObject | null }): string {
  const out: string[] = [];
  const expr = found.text;
  // where the state comes from
  if (!view.ran) {
    out.push(`*${t('Line {0} has not run: showing the state where the program stopped (line {1}).', found.viewLine, view.line)}*`);
  } else if (view.frameName && view.frameName !== '<module>') {
    out.push(`*${t('After line {0} last ran, in {1}', found.viewLine, view.frameName)}*`);
  } else {
    out.push(`*${t('After line {0} last ran', found.viewLine)}*`);
  }
  out.push('');
  // `del x`: the object x named before the line, if it still lives
  const obj = deleted && deleted.obj ? deleted.obj : resolveNode(view, found.node);
  if (!obj) {
    out.push(`${code(expr)} — ${t('no value at this point')}`);
    return out.join('\n');
  }
  const shared = isSharedObject(obj);
  const viaDel = !!(deleted && deleted.obj);
  if (viaDel && !shared && !inLiveSet(obj)) {
    out.push(t('{0} dropped the last reference: the object ({1}) was freed at once.', code(`del ${expr}`), typeLabel(obj)));
    return out.join('\n');
  }
  if (viaDel) {
    out.push(t('{0} removed one reference; the object it named is still alive:', code(`del ${expr}`)));
    out.push('');
  }
  // every object of a session's run has its address from its creation, except strings, exact ints
  // and floats, and shared objects: those get one when the program asks id(); the hover never
  // assigns one (that would shift the addresses the rest of the run hands out)
  const id = obj.addr;
  out.push(`${code(expr)}: **${esc(typeLabel(obj))}** ${code(shortRepr(obj))}${id ? ` · id ${code('0x' + id.toString(16))}` : ''}`);
  out.push('');
  const lineText = lines[found.viewLine - 1] ?? '';
  if (shared) {
    out.push(t('{0} is shared by the whole interpreter (small ints -5..256, None, True/False, the empty str and tuple, one-character strings, the names the interpreter itself uses): CPython 3.11 gives such objects a huge count (about 1e9) that changes from run to run, so the count is not meaningful.', code(expr)));
    out.push('');
  } else {
    const hs = holdersOf(view.interp, obj);
    const rc = obj.rc;
    if (viaDel) out.push(t('Its reference count is now **{0}**', rc));
    else out.push(t('{0} would print **{1}**: the true count {2} + 1 for its own argument', code(`sys.getrefcount(${expr})`), rc + 1, rc));
    out.push('');
    out.push(`**${t('Who holds it')}**`);
    out.push('');
    for (const h of hs) out.push(`- ${holderText(h, t)}${h.count > 1 ? ` × ${h.count}` : ''}`);
    if (!viaDel) out.push(`- ${t('the argument of `sys.getrefcount` (only while it runs)')}`);
    out.push('');
    out.push(`${t('= {0} references', viaDel ? rc : rc + 1)}`);
    out.push('');
    const ex = explanation(view, obj, hs, lineText, expr, t);
    if (ex) {
      out.push(`💡 ${ex}`);
      out.push('');
    }
  }
  const facts = shared ? null : gcFacts(view.interp, obj);
  out.push(gcLine(obj, facts, t));
  out.push('');
  let size: number | null = null;
  try {
    size = getsizeof(obj);
  } catch {
    size = null;
  }
  if (size !== null) out.push(t('{0} = {1} bytes', code(`sys.getsizeof(${expr})`), size));
  if (facts && !facts.reachable) {
    out.push('');
    out.push(`⚠ ${t('Unreachable: only a reference cycle keeps it alive. Reference counting cannot free it; the next gc.collect() would.')}`);
  }
  // (after `del`, no name reaches the object any more: the links could not find it)
  if (opts.commandLinks && !viaDel) {
    const args = encodeURIComponent(JSON.stringify([opts.uri ?? null, found.viewLine, expr]));
    out.push('');
    out.push(
      [
        `[${t('Show back-references')}](command:refscope.showBackrefs?${args})`,
        `[${t('Show references')}](command:refscope.showRefs?${args})`,
        `[${t('Explain this count')}](command:refscope.explainCount?${args})`,
      ].join(' · '),
    );
  }
  return out.join('\n');
}

function typeLabel(o: PyObject): string {
  if (o instanceof PyType) return `class ${o.qualname}`;
  if (o instanceof PyModule) return `module ${o.name}`;
  return o.type.qualname;
}

export function holderText(h: Holder, t: Translate): string {
  if (h.template) return t(h.template, ...(h.args ?? []));
  return h.name;
}

function gcLine(obj: PyObject, f: GcFacts | null, t: Translate): string {
  const parts: string[] = [];
  if (!f) return `gc: ${t('shared interpreter object')}`;
  if (!f.gcType) parts.push(t('not a gc object (it cannot be part of a cycle)'));
  else if (!f.tracked) parts.push(t('untracked by the collector'));
  else parts.push(t('tracked, generation {0}', f.generation ?? 0));
  if (f.inCycle) parts.push(t('in a reference cycle of {0} objects', f.cycleSize));
  else if (f.gcType) parts.push(t('not in a cycle'));
  parts.push(f.reachable ? t('reachable') : t('unreachable'));
  parts.push(f.weakrefs ? t('{0} weak references', f.weakrefs) : t('no weak references'));
  if (f.hasDel) parts.push(f.finalized ? t('has __del__ (already run)') : t('has __del__'));
  void obj;
  return `gc: ${parts.join(' · ')}`;
}

function explanation(view: StateView, obj: PyObject, hs: Holder[], lineText: string, expr: string, t: Translate): string | null {
  const usesGetrefcount = /\bgetrefcount\s*\(/.test(lineText);
  const frame: Frame | null = view.frame;
  if (usesGetrefcount && frame && frame.func) {
    const param = hs.find((h) => h.kind === 'local' && h.template?.startsWith('parameter '));
    if (param && view.ran && hs.some((h) => h.kind === 'stack')) {
      return t('This function was called through native code (a class call running __init__, map, sorted, a decorator\'s wrapper...): the caller\'s stack still holds the argument while the function runs, and an arguments tuple may hold it too, so such calls add references as in Python 3.10.');
    }
    if (param && view.ran) {
      return t(
        'Python 3.11 prints {0} here: the call moved the argument into the frame of {1} (the caller keeps no copy on its stack). Python 3.10, as in the lesson, printed {2}.',
        obj.rc + 1,
        view.frameName ?? '',
        obj.rc + 2,
      );
    }
  }
  if (hs.some((h) => h.kind === 'const')) {
    return t('Literal constants are also held by the code object (co_consts) and, while the script runs, by its AST arena: the count is higher than the names you see.');
  }
  if (obj.type.hasFinalizer) {
    return t('It has __del__: it runs once when the count reaches 0, or when the collector frees a cycle holding it (PEP 442).');
  }
  if (usesGetrefcount) {
    return t('sys.getrefcount counts its own argument: the reference pushed for the call is one of the {0}.', obj.rc + 1);
  }
  if (obj instanceof PyInstance || obj instanceof PyFunction) void 0;
  void expr;
  return null;
}

export { fill };
