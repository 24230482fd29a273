// queue: runs from CPython 3.11's source (pysrc/queue.ts, Lib/queue.py verbatim) over _queue
// (Modules/_queuemodule.c: SimpleQueue and Empty), written here for RefScope's one thread.
//
// Nothing but the main thread ever runs, so a get() that has to wait can only end by its
// timeout: with one, the clocks the program sees advance by it (as time.sleep does) and Empty is
// raised, as CPython does once the time has passed; with none (block=True, timeout=None on an
// empty queue, CPython would wait forever) the run stops with "not supported" instead of hanging.
// Queue.get() of Lib/queue.py waits through threading.Condition, whose lock (thread.ts) does the
// same.

import { PyObject, PyType, TypeFlags, Edge, newRef, incref, decref, type Visit } from '../runtime/object';
import { registerModule, parseArgs, checkArgs, defClassMethod, type ModuleBuilder } from '../runtime/define';
import { makeType, inModule } from '../runtime/types';
import * as abs from '../runtime/abstract';
import { PyInt, newInt, newBool } from '../runtime/objects/int';
import { PyFloat } from '../runtime/objects/float';
import { PyList, newList, listAppend } from '../runtime/objects/list';
import { listAssSlice } from '../runtime/objects/list_methods';
import { None } from '../runtime/objects/singletons';
import { raise, typeError, Unsupported } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { gcNewObject } from '../runtime/gc';
import { genericAlias } from '../runtime/bootstrap';
import { defMethod, execSource, execStdlibSource, toDouble } from './modutil';
import { advanceClock } from './time';
import { QUEUE_SRC } from './pysrc/queue';
import './threading';

/** simplequeueobject (3.11): the items wait in a list (`lst`, traversed as one object) */
class PySimpleQueue extends PyObject {
  lst: PyList | null = null;
  override traverse(visit: Visit): void {
    if (this.lst) visit(this.lst, Edge.OTHER, 'items');
    // (a heap type in CPython 3.11, visited: gc.get_referents shows it)
    visit(this.type, Edge.TYPE, '__class__');
  }
  override clear(): void {
    const l = this.lst;
    this.lst = null;
    if (l) decref(l);
  }
  override dealloc(): void {
    this.clear();
  }
}

// PyType_Spec "_queue.SimpleQueue": DEFAULT | BASETYPE | HAVE_GC, basicsize 56 (3.11)
export const SimpleQueueType = inModule(makeType('SimpleQueue', null, TypeFlags.BASETYPE | TypeFlags.HAVE_GC, 56), '_queue');
SimpleQueueType.weakrefable = true;

let emptyError: PyType | null = null;

function sq(o: PyObject | null): PySimpleQueue {
  if (!(o instanceof PySimpleQueue)) typeError("descriptor requires a '_queue.SimpleQueue' object");
  return o;
}

SimpleQueueType.slots.new = (t, args, kw) => {
  // simplequeue_new (Argument Clinic): no arguments for SimpleQueue itself
  if (t === SimpleQueueType) {
    const npos = args.length - (kw ? kw.length : 0);
    if (npos > 0) typeError('SimpleQueue() takes no positional arguments');
    if (kw && kw.length) typeError('SimpleQueue() takes no keyword arguments');
  }
  const q = new PySimpleQueue(t);
  if (t.flags & TypeFlags.HEAPTYPE) incref(t);
  gcNewObject(q, true);
  q.lst = newList([]);
  return q;
};

/** _PyTime_FromSecondsObject(timeout, _PyTime_ROUND_CEILING), in seconds */
function timeoutSeconds(t: PyObject): number {
  if (!(t instanceof PyInt) && !(t instanceof PyFloat)) typeError(`'${t.type.name}' object cannot be interpreted as an integer`);
  const x = toDouble(t);
  if (Number.isNaN(x)) raise(E.ValueError, 'Invalid value NaN (not a number)');
  if (Math.abs(x) >= 9.223372036854776e9) raise(E.OverflowError, 'timestamp too large to convert to C _PyTime_t');
  return x;
}

function emptyRaise(): never {
  // PyErr_SetNone(state->EmptyError): the exception is made by calling its class
  throw abs.call(emptyError!, [], null);
}

/** _queue_SimpleQueue_get_impl (3.11) */
function sqGet(q: PySimpleQueue, block: boolean, timeout: PyObject | null): PyObject {
  let secs = -1;
  if (block && timeout !== null && timeout !== None) {
    secs = timeoutSeconds(timeout);
    if (secs < 0) raise(E.ValueError, "'timeout' must be a non-negative number");
  }
  const l = q.lst!;
  if (l.size === 0) {
    if (!block || secs === 0) emptyRaise();
    if (secs < 0) {
      throw new Unsupported(`${abs.typeQualname(q.type)}.get() on an empty queue with no timeout (no other thread runs to put an item, so CPython would wait forever)`);
    }
    // PyThread_acquire_lock_timed gives up after the timeout: that much time passes
    advanceClock(secs);
    emptyRaise();
  }
  // simplequeue_pop_item: the first item leaves the list
  const item = newRef(l.itemAt(0));
  listAssSlice(l, 0, 1, []);
  return item;
}

defMethod(SimpleQueueType, 'put', (args, kw, self) => {
  const [item] = parseArgs({ name: 'put', params: ['item', 'block', 'timeout'], required: 1 }, args, kw);
  const q = sq(self);
  listAppend(q.lst!, newRef(item!));
  return newRef(None);
});
defMethod(SimpleQueueType, 'put_nowait', (args, kw, self) => {
  const [item] = parseArgs({ name: 'put_nowait', params: ['item'], required: 1 }, args, kw);
  const q = sq(self);
  listAppend(q.lst!, newRef(item!));
  return newRef(None);
});
defMethod(SimpleQueueType, 'get', (args, kw, self) => {
  const [b, t] = parseArgs({ name: 'get', params: ['block', 'timeout'] }, args, kw);
  const q = sq(self);
  return sqGet(q, b === undefined ? true : abs.isTrue(b), t ?? null);
});
defMethod(SimpleQueueType, 'get_nowait', (args, kw, self) => {
  // (Argument Clinic, defining_class and no parameters)
  if (args.length) typeError('get_nowait() takes no arguments');
  return sqGet(sq(self), false, null);
});
defMethod(SimpleQueueType, 'empty', (args, kw, self) => {
  checkArgs('SimpleQueue.empty', args, kw, 0, 0);
  return newBool(sq(self).lst!.size === 0);
});
defMethod(SimpleQueueType, 'qsize', (args, kw, self) => {
  checkArgs('SimpleQueue.qsize', args, kw, 0, 0);
  return newInt(sq(self).lst!.size);
});
// {"__class_getitem__", Py_GenericAlias, METH_O|METH_CLASS}
defClassMethod(SimpleQueueType, '__class_getitem__', (args, _kw, cls) => {
  return genericAlias(cls!, args[0]);
});

registerModule('_queue', (m: ModuleBuilder) => {
  m.set('SimpleQueue', SimpleQueueType);
  // PyErr_NewExceptionWithDoc("_queue.Empty", ...)
  execSource(m, "class Empty(Exception):\n    'Exception raised by Queue.get(block=0)/get_nowait().'\n", '<frozen _queue>');
  emptyError = m.dict.getStr(abs.strKey('Empty')) as PyType;
});

registerModule('queue', (m: ModuleBuilder) => {
  execStdlibSource(m, QUEUE_SRC, 'queue.py');
});
