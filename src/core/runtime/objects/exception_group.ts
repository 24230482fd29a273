// BaseExceptionGroup and ExceptionGroup (Objects/exceptions.c of CPython 3.11), and the two
// helpers the interpreter's except* uses: exception_group_match (Python/ceval.c, CHECK_EG_MATCH)
// and _PyExc_PrepReraiseStar (PREP_RERAISE_STAR).
//
// A group is a PyBaseException whose `extra` holds `message` and `exceptions` (the struct's msg
// and excs: BaseExceptionGroup_traverse visits them first, BaseExceptionGroup_clear clears them
// first, as PyBaseException does with `extra`).

import { PyObject, PyType, newRef, decref, xdecref } from '../object';
import * as abs from '../abstract';
import { PyStr, newStr, internStr } from './str';
import { PyTuple, TupleType, newTuple } from './tuple';
import { PyList, newList, listAppend } from './list';
import { DictType } from './dict';
import { None } from './singletons';
import { PyFunction } from './function';
import { PyBaseException, BaseException, BaseExceptionGroup, ExceptionGroup, Exception } from './exception';
import { defMethod, defClassMethod, defGetter, defAttr } from '../define';
import { typeError, raise } from '../errors';
import * as E from './exception';
import { gcNewObject } from '../gc';

let newGenericAlias: ((origin: PyType, arg: PyObject) => PyObject) | null = null;

export function isGroup(o: PyObject): o is PyBaseException {
  return o instanceof PyBaseException && o.type.isSubtype(BaseExceptionGroup);
}

function groupExcs(g: PyBaseException): PyTuple {
  return g.extra!.exceptions as PyTuple;
}

/** PyExceptionClass_Check */
function isExcClass(o: PyObject): boolean {
  return o instanceof PyType && o.isSubtype(BaseException);
}

/** PyErr_GivenExceptionMatches (a class or a tuple of them, recursively) */
export function givenExceptionMatches(exc: PyObject, t: PyObject): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => givenExceptionMatches(exc, x));
  return t instanceof PyType && exc.type.isSubtype(t);
}

/** PySequence_Check: sq_item, and not a dict */
function sequenceCheck(o: PyObject): boolean {
  if (o.type.isSubtype(DictType)) return false;
  return abs.typeLookup(o.type, '__getitem__') !== null;
}

function typeNameForArg(o: PyObject): string {
  return o === None ? 'None' : o.type.name;
}

/** BaseExceptionGroup_new */
function groupNew(type: PyType, args: PyObject[], kw: string[] | null): PyObject {
  const npos = args.length - (kw ? kw.length : 0);
  // PyArg_ParseTuple(args, "UO:BaseExceptionGroup.__new__", ...)
  if (npos !== 2) typeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${npos} given)`);
  const message = args[0];
  if (!(message instanceof PyStr)) typeError(`BaseExceptionGroup.__new__() argument 1 must be str, not ${typeNameForArg(message)}`);
  if (!sequenceCheck(args[1])) typeError('second argument (exceptions) must be a sequence');
  const excs = abs.call(TupleType, [args[1]], null) as PyTuple;
  let self: PyBaseException;
  try {
    const n = excs.items.length;
    if (n === 0) raise(E.ValueError, 'second argument (exceptions) must be a non-empty sequence');
    let nestedBase = false;
    for (let i = 0; i < n; i++) {
      const exc = excs.items[i];
      if (!(exc instanceof PyBaseException)) raise(E.ValueError, `Item ${i} of second argument (exceptions) is not an exception`);
      if (!exc.type.isSubtype(Exception)) nestedBase = true;
    }
    let cls = type;
    if (cls === ExceptionGroup) {
      if (nestedBase) typeError('Cannot nest BaseExceptions in an ExceptionGroup');
    } else if (cls === BaseExceptionGroup) {
      // all nested exceptions are Exception subclasses: wrap them in an ExceptionGroup
      if (!nestedBase) cls = ExceptionGroup;
    } else if (nestedBase && cls.isSubtype(Exception)) {
      typeError(`Cannot nest BaseExceptions in '${cls.name}'`);
    }
    self = BaseException.slots.new!(cls, args, kw) as PyBaseException;
  } catch (e) {
    decref(excs);
    throw e;
  }
  self.extra = { message: newRef(message), exceptions: excs };
  return self;
}

/** _PyExc_CreateExceptionGroup: BaseExceptionGroup(msg, excs) */
export function createExceptionGroup(msg: string, excs: PyObject): PyObject {
  // (CPython packs (msg, excs) into the call's tuple, which becomes the group's args)
  const m = newStr(msg);
  try {
    return abs.call(BaseExceptionGroup, [m, excs], null);
  } finally {
    decref(m);
  }
}

// ------------------------------------------------------------------ split / subgroup
const enum Matcher {
  TYPE = 0,
  PREDICATE = 1,
  /** a set of leaf exceptions (the interpreter's reraise projection) */
  INSTANCES = 2,
}

/** get_matcher_type (3.11: a predicate must be a Python function) */
function getMatcherType(v: PyObject): Matcher {
  if (v instanceof PyFunction) return Matcher.PREDICATE;
  if (isExcClass(v)) return Matcher.TYPE;
  if (v.type === TupleType && (v as PyTuple).items.every(isExcClass)) return Matcher.TYPE;
  typeError('expected a function, exception type or tuple of exception types');
}

function checkMatch(exc: PyObject, kind: Matcher, v: PyObject | Set<PyObject>): boolean {
  switch (kind) {
    case Matcher.TYPE:
      return givenExceptionMatches(exc, v as PyObject);
    case Matcher.PREDICATE: {
      const r = abs.call(v as PyObject, [exc], null);
      try {
        return abs.isTrue(r);
      } finally {
        decref(r);
      }
    }
    default:
      // (CPython keeps the leaves' ids as ints in a set; RefScope keeps the objects in a JS set)
      return !isGroup(exc) && (v as Set<PyObject>).has(exc);
  }
}

/** exceptiongroup_subset: orig.derive(excs) with orig's traceback, context, cause and a copy of
 * its __notes__; null when excs is empty */
function subset(orig: PyBaseException, excs: PyList): PyObject | null {
  if (excs.size === 0) return null;
  const derive = abs.getAttr(orig, 'derive');
  let eg: PyObject;
  try {
    eg = abs.call(derive, [excs], null);
  } finally {
    decref(derive);
  }
  try {
    if (!isGroup(eg)) typeError('derive must return an instance of BaseExceptionGroup');
    if (orig.traceback) {
      const old = eg.traceback;
      eg.traceback = newRef(orig.traceback);
      xdecref(old);
    }
    // PyException_SetContext / PyException_SetCause (which sets __suppress_context__)
    const oldCtx = eg.context;
    eg.context = orig.context ? newRef(orig.context) : null;
    xdecref(oldCtx);
    const oldCause = eg.cause;
    eg.cause = orig.cause ? newRef(orig.cause) : null;
    eg.suppressContext = true;
    xdecref(oldCause);
    const notes = abs.lookupAttr(orig, '__notes__');
    if (notes !== null) {
      try {
        if (sequenceCheck(notes)) {
          // a copy, so the parts have independent notes lists
          const copy = newList(abs.toArray(notes));
          try {
            abs.setAttr(eg, '__notes__', copy);
          } finally {
            decref(copy);
          }
        }
      } finally {
        decref(notes);
      }
    }
  } catch (e) {
    decref(eg);
    throw e;
  }
  return eg;
}

interface SplitResult {
  match: PyObject | null;
  rest: PyObject | null;
}

/** exceptiongroup_split_recursive */
function splitRecursive(exc: PyObject, kind: Matcher, v: PyObject | Set<PyObject>, constructRest: boolean, depth = 0): SplitResult {
  if (checkMatch(exc, kind, v)) return { match: newRef(exc), rest: null };
  if (!isGroup(exc)) return { match: null, rest: constructRest ? newRef(exc) : null };
  if (depth > 1000) raise(E.RecursionError, 'maximum recursion depth exceeded in exceptiongroup_split_recursive');
  const excs = groupExcs(exc).items;
  const matchList = newList([]);
  const restList = constructRest ? newList([]) : null;
  try {
    for (const e of excs) {
      const r = splitRecursive(e, kind, v, constructRest, depth + 1);
      if (r.match) listAppend(matchList, r.match);
      if (r.rest) listAppend(restList!, r.rest);
    }
    const match = subset(exc, matchList);
    let rest: PyObject | null = null;
    if (restList) {
      try {
        rest = subset(exc, restList);
      } catch (e) {
        xdecref(match);
        throw e;
      }
    }
    return { match, rest };
  } finally {
    decref(matchList);
    if (restList) decref(restList);
  }
}

function oneArg(name: string, args: PyObject[], kw: string[] | null): PyObject {
  if (kw && kw.length) typeError(`BaseExceptionGroup.${name}() takes no keyword arguments`);
  if (args.length !== 1) typeError(`${name} expected 1 argument, got ${args.length}`);
  return args[0];
}

// ------------------------------------------------------------------ except* support
/** collect_exception_group_leaf_ids */
function collectLeaves(exc: PyObject, out: Set<PyObject>): void {
  if (exc === None) return;
  if (!isGroup(exc)) {
    out.add(exc);
    return;
  }
  for (const e of groupExcs(exc).items) collectLeaves(e, out);
}

/** exception_group_projection: the part of eg whose leaves are in the groups of `keep` */
function projection(eg: PyBaseException, keep: PyObject[]): PyObject {
  const leaves = new Set<PyObject>();
  for (const e of keep) collectLeaves(e, leaves);
  const r = splitRecursive(eg, Matcher.INSTANCES, leaves, false);
  return r.match ?? newRef(None);
}

/** is_same_exception_metadata (3.11's notes field is never set: __notes__ lives in the dict) */
function sameMetadata(a: PyBaseException, b: PyBaseException): boolean {
  return a.traceback === b.traceback && a.cause === b.cause && a.context === b.context;
}

/** _PyExc_PrepReraiseStar: what a try-except* raises at its end (new reference, None: nothing).
 * `excs`: what each except* clause raised or re-raised, then the unhandled rest (or None). */
export function prepReraiseStar(orig: PyObject, excs: PyList): PyObject {
  const n = excs.size;
  if (n === 0) return newRef(None);
  const items: PyObject[] = [];
  for (let i = 0; i < n; i++) items.push(excs.itemAt(i));
  if (!isGroup(orig)) {
    // a naked exception was caught and wrapped: only one except* clause could have run
    return newRef(items[0]);
  }
  const raised = newList([]);
  const reraised = newList([]);
  try {
    for (const e of items) {
      if (e === None) continue;
      listAppend(sameMetadata(e as PyBaseException, orig) ? reraised : raised, newRef(e));
    }
    const reraisedItems: PyObject[] = [];
    for (let i = 0; i < reraised.size; i++) reraisedItems.push(reraised.itemAt(i));
    const reraisedEg = projection(orig, reraisedItems);
    if (raised.size === 0) return reraisedEg;
    if (reraisedEg !== None) listAppend(raised, reraisedEg);
    else decref(reraisedEg);
    if (raised.size > 1) return createExceptionGroup('', raised);
    return newRef(raised.itemAt(0));
  } finally {
    decref(raised);
    decref(reraised);
  }
}

/** exception_group_match (Python/ceval.c): [match, rest] as new references */
export function exceptionGroupMatch(exc: PyObject, matchType: PyObject): [PyObject, PyObject] {
  if (exc === None) return [newRef(None), newRef(None)];
  if (givenExceptionMatches(exc, matchType)) {
    // full match of exc itself
    if (isGroup(exc)) return [newRef(exc), newRef(None)];
    // a naked exception: wrap it
    const t = newTuple([newRef(exc)]);
    let wrapped: PyObject;
    try {
      wrapped = createExceptionGroup('', t);
    } finally {
      decref(t);
    }
    return [wrapped, newRef(None)];
  }
  if (isGroup(exc)) {
    const split = abs.getAttr(exc, 'split');
    let pair: PyObject;
    try {
      pair = abs.call(split, [matchType], null);
    } finally {
      decref(split);
    }
    const items = (pair as PyTuple).items;
    const r: [PyObject, PyObject] = [newRef(items[0]), newRef(items[1])];
    decref(pair);
    return r;
  }
  return [newRef(None), newRef(None)];
}

/** check_except_star_type_valid */
export function checkExceptStarType(t: PyObject): void {
  const bad = t instanceof PyTuple ? t.items.some((x) => x instanceof PyType && x.isSubtype(BaseExceptionGroup)) : t instanceof PyType && t.isSubtype(BaseExceptionGroup);
  if (bad) typeError('catching ExceptionGroup with except* is not allowed. Use except instead.');
}

// ------------------------------------------------------------------ the types' methods
export function installExceptionGroups(genericAlias: (origin: PyType, arg: PyObject) => PyObject): void {
  newGenericAlias = genericAlias;
  const B = BaseExceptionGroup;
  B.slots.new = groupNew;
  // BaseExceptionGroup_init: no keywords, then BaseException_init
  B.slots.init = (self, args, kw) => {
    if (kw && kw.length) typeError(`${self.type.name}() takes no keyword arguments`);
    BaseException.slots.init!(self, args, null);
  };
  // BaseExceptionGroup_str
  B.slots.str = (o) => {
    const g = o as PyBaseException;
    const n = groupExcs(g).items.length;
    return `${abs.str(g.extra!.message!)} (${n} sub-exception${n > 1 ? 's' : ''})`;
  };
  // ExceptionGroup inherits them; its dict is a PyErr_NewException class's: __module__,
  // __weakref__ (and __doc__, None)
  ExceptionGroup.slots.new = B.slots.new;
  ExceptionGroup.slots.init = B.slots.init;
  ExceptionGroup.slots.str = B.slots.str;
  defAttr(ExceptionGroup, '__module__', internStr('builtins'));
  defGetter(ExceptionGroup, '__weakref__', () => newRef(None));
  defMethod(BaseExceptionGroup, '__init__', (args, kw, self) => {
    BaseExceptionGroup.slots.init!(self!, args, kw);
    return newRef(None);
  });
  defClassMethod(BaseExceptionGroup, '__class_getitem__', (args, _kw, self) => newGenericAlias!(self as PyType, args[0]));
  defMethod(BaseExceptionGroup, 'derive', (args, kw, self) => {
    if (kw && kw.length) typeError('BaseExceptionGroup.derive() takes no keyword arguments');
    if (args.length !== 1) typeError(`function takes exactly 1 argument (${args.length} given)`);
    const g = self as PyBaseException;
    return abs.call(BaseExceptionGroup, [g.extra!.message!, args[0]], null);
  });
  defMethod(BaseExceptionGroup, 'split', (args, kw, self) => {
    const v = oneArg('split', args, kw);
    const kind = getMatcherType(v);
    const r = splitRecursive(self!, kind, v, true);
    return newTuple([r.match ?? newRef(None), r.rest ?? newRef(None)]);
  });
  defMethod(BaseExceptionGroup, 'subgroup', (args, kw, self) => {
    const v = oneArg('subgroup', args, kw);
    const kind = getMatcherType(v);
    const r = splitRecursive(self!, kind, v, false);
    return r.match ?? newRef(None);
  });
  // BaseExceptionGroup_members: READONLY T_OBJECT members
  const readonly = () => raise(E.AttributeError, 'readonly attribute');
  defGetter(BaseExceptionGroup, 'message', (o) => newRef((o as PyBaseException).extra?.message ?? None), readonly);
  defGetter(BaseExceptionGroup, 'exceptions', (o) => newRef((o as PyBaseException).extra?.exceptions ?? None), readonly);
  void gcNewObject;
}
