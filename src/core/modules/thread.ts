// _thread (Modules/_threadmodule.c, CPython 3.11) for a program with one thread, the main one:
// the lock and RLock types (gc-tracked, weak-referenceable, with CPython's reprs, sizes and
// argument errors), get_ident/get_native_id and TIMEOUT_MAX. No other thread ever runs, so a
// blocking acquire() of a lock that is already held would wait forever: that is reported as a
// deadlock (unsupported) instead of hanging; with a timeout it gives up (False) at once, the
// clocks the program sees advanced by the timeout (as if it had waited).
// start_new_thread is reported as not supported. threading runs from source over it
// (pysrc/threading.ts).

import { PyObject, TypeFlags, newRef, addressOf } from '../runtime/object';
import { registerModule, parseArgs, checkArgs, type ModuleBuilder } from '../runtime/define';
import { makeType, inModule } from '../runtime/types';
import * as abs from '../runtime/abstract';
import { PyInt, newInt, newBool } from '../runtime/objects/int';
import { PyFloat, newFloat } from '../runtime/objects/float';
import { newTuple, PyTuple } from '../runtime/objects/tuple';
import { None } from '../runtime/objects/singletons';
import { raise, typeError, Unsupported } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { gcNewObject } from '../runtime/gc';
import { defMethod, toDouble } from './modutil';
import { PID } from './os';
import { advanceClock } from './time';
import { vmState } from '../runtime/vm/eval';

/** the main thread's identifier (pthread_self(): an address; fixed, so replays agree) */
export const MAIN_THREAD_IDENT = 140234563327808n;
/** the main thread's native id: the process id, as Linux gives its first thread */
const NATIVE_ID = PID;
/** PY_TIMEOUT_MAX / 1e6 (lock_PyThread_acquire_lock's limit) */
const TIMEOUT_MAX = 9223372036.0;

class PyLock extends PyObject {
  locked = false;
}
class PyRLock extends PyObject {
  owner = 0n;
  count = 0n;
}

// (heap types of the module state in 3.11: Py_TPFLAGS_HAVE_GC, tp_weaklistoffset)
export const LockType = inModule(makeType('lock', null, TypeFlags.HAVE_GC, 40), '_thread');
LockType.weakrefable = true;
export const RLockType = inModule(makeType('RLock', null, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 48), '_thread');
RLockType.weakrefable = true;

function newLock(): PyLock {
  const l = new PyLock(LockType);
  gcNewObject(l, true);
  return l;
}

function lockSelf(o: PyObject | null): PyLock {
  if (!(o instanceof PyLock)) typeError("descriptor requires a '_thread.lock' object");
  return o;
}
function rlockSelf(o: PyObject | null): PyRLock {
  if (!(o instanceof PyRLock)) typeError("descriptor requires a '_thread.RLock' object");
  return o;
}

/** lock_acquire_parse_args: (blocking, timeout in seconds; -1 for none) */
function acquireArgs(args: PyObject[], kw: string[] | null): { blocking: boolean; timeout: number } {
  const [b, t] = parseArgs({ name: 'acquire', params: ['blocking', 'timeout'] }, args, kw);
  const blocking = b === undefined ? true : abs.isTrue(b);
  let timeout = -1;
  if (t !== undefined) {
    if (!(t instanceof PyInt) && !(t instanceof PyFloat)) {
      // _PyTime_FromSecondsObject
      typeError(`'${t.type.name}' object cannot be interpreted as an integer`);
    }
    timeout = toDouble(t);
    if (Math.abs(timeout) >= 9.223372036854776e9) raise(E.OverflowError, 'timestamp out of range for platform time_t');
  }
  if (!blocking && timeout !== -1) raise(E.ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) raise(E.ValueError, 'timeout value must be positive');
  if (timeout > TIMEOUT_MAX) raise(E.OverflowError, 'timeout value is too large');
  return { blocking, timeout };
}

/** Lib/queue.py's waits (Queue.get/put/join through a threading.Condition), said as such: the
 * program's own call, not the lock under it, is what would wait forever */
function queueWait(): string | null {
  for (let f = vmState.current; f; f = f.back) {
    const u = f.code.unit;
    if (!u.filename.endsWith('/queue.py') || !u.qualname.startsWith('Queue.')) continue;
    const cls = f.fast[0] ? f.fast[0].type.name : 'Queue';
    if (u.name === 'get') return `${cls}.get() on an empty queue with no timeout (no other thread runs to put an item, so CPython would wait forever)`;
    if (u.name === 'put') return `${cls}.put() on a full queue with no timeout (no other thread runs to take an item, so CPython would wait forever)`;
    if (u.name === 'join') return `${cls}.join() with tasks not marked done (no other thread runs to call task_done(), so CPython would wait forever)`;
  }
  return null;
}

/** a held lock that only another thread could release: nothing else runs here */
function waitForever(what: string): never {
  const q = queueWait();
  if (q) throw new Unsupported(q);
  throw new Unsupported(`waiting for a lock the program already holds (${what} with no timeout: no other thread runs to release it, so CPython would wait forever)`);
}

/** a blocking acquire with a timeout gives up once the timeout has passed
 * (PyThread_acquire_lock_timed): that much time passes for the program (time.ts) */
function timedOut(blocking: boolean, timeout: number): void {
  if (blocking && timeout > 0) advanceClock(timeout);
}

function lockAcquire(self: PyLock, args: PyObject[], kw: string[] | null): PyObject {
  const { blocking, timeout } = acquireArgs(args, kw);
  if (!self.locked) {
    self.locked = true;
    return newBool(true);
  }
  if (blocking && timeout === -1) waitForever('lock.acquire()');
  timedOut(blocking, timeout);
  return newBool(false);
}
function lockRelease(self: PyLock): PyObject {
  if (!self.locked) raise(E.RuntimeError, 'release unlocked lock');
  self.locked = false;
  return newRef(None);
}

LockType.slots.repr = (o) => `<${(o as PyLock).locked ? 'locked' : 'unlocked'} _thread.lock object at 0x${addressOf(o).toString(16)}>`;
for (const name of ['acquire', 'acquire_lock', '__enter__']) defMethod(LockType, name, (args, kw, self) => lockAcquire(lockSelf(self), args, kw));
for (const name of ['release', 'release_lock']) {
  defMethod(LockType, name, (args, kw, self) => (checkArgs(name, args, kw, 0, 0), lockRelease(lockSelf(self))));
}
defMethod(LockType, '__exit__', (args, _kw, self) => lockRelease(lockSelf(self)));
for (const name of ['locked', 'locked_lock']) {
  defMethod(LockType, name, (args, kw, self) => (checkArgs(name, args, kw, 0, 0), newBool(lockSelf(self).locked)));
}
defMethod(LockType, '_at_fork_reinit', (args, kw, self) => {
  checkArgs('_at_fork_reinit', args, kw, 0, 0);
  lockSelf(self).locked = false;
  return newRef(None);
});

RLockType.slots.new = (t, args, kw) => {
  // rlock_new takes no arguments (it is called through the type only)
  void args;
  void kw;
  const r = new PyRLock(t);
  gcNewObject(r, true);
  return r;
};
RLockType.slots.repr = (o) => {
  const r = o as PyRLock;
  return `<${r.count > 0n ? 'locked' : 'unlocked'} ${o.type.name} object owner=${r.owner} count=${r.count} at 0x${addressOf(o).toString(16)}>`;
};
function rlockAcquire(self: PyRLock, args: PyObject[], kw: string[] | null): PyObject {
  const { blocking, timeout } = acquireArgs(args, kw);
  // rlock_acquire: the owner (the only thread) takes it again
  if (self.count > 0n && self.owner === MAIN_THREAD_IDENT) {
    self.count++;
    return newBool(true);
  }
  if (self.count > 0n) {
    if (blocking && timeout === -1) waitForever('RLock.acquire()');
    timedOut(blocking, timeout);
    return newBool(false);
  }
  self.owner = MAIN_THREAD_IDENT;
  self.count = 1n;
  return newBool(true);
}
function rlockRelease(self: PyRLock): PyObject {
  if (self.count === 0n || self.owner !== MAIN_THREAD_IDENT) raise(E.RuntimeError, 'cannot release un-acquired lock');
  if (--self.count === 0n) self.owner = 0n;
  return newRef(None);
}
defMethod(RLockType, 'acquire', (args, kw, self) => rlockAcquire(rlockSelf(self), args, kw));
defMethod(RLockType, '__enter__', (args, kw, self) => rlockAcquire(rlockSelf(self), args, kw));
defMethod(RLockType, 'release', (args, kw, self) => (checkArgs('release', args, kw, 0, 0), rlockRelease(rlockSelf(self))));
defMethod(RLockType, '__exit__', (_args, _kw, self) => rlockRelease(rlockSelf(self)));
defMethod(RLockType, '_is_owned', (args, kw, self) => {
  checkArgs('_is_owned', args, kw, 0, 0);
  const r = rlockSelf(self);
  return newBool(r.count > 0n && r.owner === MAIN_THREAD_IDENT);
});
defMethod(RLockType, '_recursion_count', (args, kw, self) => {
  checkArgs('_recursion_count', args, kw, 0, 0);
  const r = rlockSelf(self);
  return newInt(r.owner === MAIN_THREAD_IDENT ? r.count : 0n);
});
defMethod(RLockType, '_release_save', (args, kw, self) => {
  checkArgs('_release_save', args, kw, 0, 0);
  const r = rlockSelf(self);
  if (r.count === 0n) raise(E.RuntimeError, 'cannot release un-acquired lock');
  const count = newInt(r.count);
  const owner = newInt(r.owner);
  r.count = 0n;
  r.owner = 0n;
  return newTuple([count, owner]);
});
defMethod(RLockType, '_acquire_restore', (args, kw, self) => {
  checkArgs('_acquire_restore', args, kw, 1, 1);
  const r = rlockSelf(self);
  const state = args[0];
  // PyArg_ParseTuple(arg, "(nk)")
  if (!(state instanceof PyTuple) || state.items.length !== 2) typeError('_acquire_restore() argument must be a pair (count, owner)');
  const count = abs.index(state.items[0]);
  const owner = abs.index(state.items[1]);
  if (r.count > 0n) waitForever('RLock._acquire_restore()');
  r.count = BigInt(count);
  r.owner = BigInt(owner);
  return newRef(None);
});
defMethod(RLockType, '_at_fork_reinit', (args, kw, self) => {
  checkArgs('_at_fork_reinit', args, kw, 0, 0);
  const r = rlockSelf(self);
  r.count = 0n;
  r.owner = 0n;
  return newRef(None);
});

registerModule('_thread', (m: ModuleBuilder) => {
  m.set('LockType', LockType);
  m.set('RLock', RLockType);
  m.set('error', E.RuntimeError);
  m.own('TIMEOUT_MAX', newFloat(TIMEOUT_MAX));
  for (const name of ['allocate_lock', 'allocate']) {
    m.fn(name, (args, kw) => (checkArgs(name, args, kw, 0, 0), newLock()));
  }
  m.fn('get_ident', (args, kw) => (checkArgs('get_ident', args, kw, 0, 0), newInt(MAIN_THREAD_IDENT)));
  m.fn('get_native_id', (args, kw) => (checkArgs('get_native_id', args, kw, 0, 0), newInt(BigInt(NATIVE_ID))));
  m.fn('_count', (args, kw) => (checkArgs('_count', args, kw, 0, 0), newInt(0n)));
  // (the main thread's lock that a finished thread's state releases: never, here)
  m.fn('_set_sentinel', (args, kw) => (checkArgs('_set_sentinel', args, kw, 0, 0), newLock()));
  m.fn('stack_size', (args, kw) => {
    checkArgs('stack_size', args, kw, 0, 1);
    if (args.length && abs.index(args[0]) !== 0 && abs.index(args[0]) !== 0n) throw new Unsupported('threading.stack_size() with a size (RefScope runs only the main thread)');
    return newInt(0n);
  });
  m.fn('interrupt_main', () => {
    throw new Unsupported('_thread.interrupt_main() (a simulated signal)');
  });
  for (const name of ['start_new_thread', 'start_new']) {
    m.fn(name, () => {
      throw new Unsupported(`starting a thread (_thread.${name}(); RefScope runs only the main thread)`);
    });
  }
});
