// "Explain this count": the longer text behind the hover's link — each holder of the object with
// the CPython 3.11 rule that made it a reference (Python/ceval.c, Objects/*.c), and what the
// cyclic collector thinks of the object.

import { PyObject } from '../runtime/object';
import type { InspectSession, StateView } from './session';
import { holdersOf, gcFacts, isSharedObject, type Holder, type HolderKind } from './holders';
import { holderText } from './hover';
import type { Translate } from './translate';

/** Why each kind of holder holds a reference (one sentence each). */
function ruleFor(h: Holder, t: Translate): string {
  const kind: HolderKind = h.kind;
  if (kind === 'local' && h.template?.startsWith('parameter ')) {
    return t('Since Python 3.11 the CALL instruction moves the argument the caller pushed into the callee\'s local slot (the new frame steals it), so the call adds one reference, not two as in 3.10.');
  }
  switch (kind) {
    case 'global':
      return t('A module\'s globals dict holds one reference for each name bound to the object (STORE_NAME / STORE_GLOBAL); rebinding the name or `del` releases it.');
    case 'local':
      return t('A fast local slot of a running frame holds it (STORE_FAST moves the stack\'s reference into the slot); it is released when the name is rebound or the function returns.');
    case 'cell':
      return t('A variable that an inner function uses lives in a cell: the cell holds the one reference, and the frame and every closure share the cell.');
    case 'item':
      return t('A container holds one reference per slot: the same object stored twice counts twice.');
    case 'dictValue':
    case 'dictKey':
      return t('A dict holds one reference to each key and one to each value.');
    case 'attribute':
      return t('An object holds one reference per attribute (3.11 keeps them in the instance\'s inline values or its __dict__).');
    case 'iterator':
      return t('An iterator holds the sequence it walks until it is exhausted or deleted (a for loop keeps its iterator on the stack).');
    case 'const':
      return t('Constants are held by the code object\'s co_consts; while a script runs, pyrun_file also keeps the AST arena, which holds every constant once more.');
    case 'stack':
      return t('A value on the evaluation stack: the result of an expression that is still being used.');
    case 'argument':
      return t('The argument of a call that is running: the caller\'s stack slot.');
    case 'frame':
      return t('A frame object (made by a traceback, a generator or sys._getframe()) keeps the frame, and so all its locals, alive.');
    case 'type':
      return t('Every instance holds a reference to its class (ob_type), so a class\'s count grows with its instances.');
    default:
      return t('An internal reference of the interpreter or of another object.');
  }
}

/** The Markdown of "Explain this count" for `expr` in the state after `line` (null when the
 * expression has no value there). */
export function explainCount(session: InspectSession, line: number, expr: string, t: Translate): string | null {
  return session.at(line, (view) => {
    const obj = view.resolve(expr);
    if (!obj) return null;
    return explainObject(view, obj, expr, t);
  });
}

export function explainObject(view: StateView, obj: PyObject, expr: string, t: Translate): string {
  const out: string[] = [];
  const code = (s: string) => '`' + s + '`';
  if (isSharedObject(obj)) {
    out.push(`### ${t('Why the count of {0} means nothing', code(expr))}`);
    out.push('');
    out.push(t('CPython 3.11 allocates small ints (-5..256), None, True/False, the empty str, bytes and tuple, one-character strings and the identifiers it uses statically with a count of about 1e9 (_PyObject_IMMORTAL_INIT) and still counts every use, so the number depends on everything the interpreter did before your code ran. Python 3.12 makes them immortal: their count never changes.'));
    return out.join('\n');
  }
  const hs = holdersOf(view.interp, obj);
  const rc = obj.rc;
  out.push(`### ${t('Why {0} prints {1}', code(`sys.getrefcount(${expr})`), rc + 1)}`);
  out.push('');
  out.push(t('sys.getrefcount returns the object\'s reference count (ob_refcnt, Python/sysmodule.c). Every reference has exactly one owner:'));
  out.push('');
  let n = 1;
  for (const h of hs) {
    out.push(`${n++}. **${holderText(h, t)}**${h.count > 1 ? ` × ${h.count}` : ''} — ${ruleFor(h, t)}`);
  }
  out.push(`${n}. **${t('the argument of `sys.getrefcount` (only while it runs)')}** — ${t('Loading the name for the call pushed a new reference on the stack; it is released when the call returns, so the printed number is one more than the references that stay.')}`);
  out.push('');
  out.push(t('Total: {0} references held + 1 for the argument = {1}.', rc, rc + 1));
  const f = gcFacts(view.interp, obj);
  out.push('');
  if (!f.reachable) {
    out.push(t('Nothing reachable from the program holds this object any more: the references above all come from garbage that refers to itself (a reference cycle). Reference counting never frees a cycle; the cyclic collector finds it when it runs (automatically when generation 0 passes its threshold of 700 allocations, or with gc.collect()).'));
  } else if (f.inCycle) {
    out.push(t('It is part of a reference cycle of {0} objects: if the outside references go away, its count will not reach 0 and only the cyclic collector can free it.', f.cycleSize));
  } else if (!f.gcType) {
    out.push(t('Objects of this type cannot hold references to other objects, so they never take part in a cycle: the collector does not track them.'));
  }
  return out.join('\n');
}
