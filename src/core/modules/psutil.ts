// psutil (the subset lessons use: Process(pid).memory_info()/memory_full_info()/name(),
// virtual_memory(), pid_exists(), NoSuchProcess). RefScope is not a real process, so the memory
// figures come from a documented model of RefScope's own heap, calibrated on CPython 3.11.7 on
// 64-bit Linux (glibc, pymalloc):
//
//   uss = page_round(BASELINE + heap_bytes() - heap_bytes_at_import)
//
// * BASELINE = 9.07 MiB: the USS CPython 3.11.7 reports for a fresh `python3 script.py` that has
//   imported os, gc and psutil (lesson 24, E2: "initial memory used: 9.07 MB"). Everything alive
//   when `import psutil` runs (builtins, sys, the modules, shared objects) is part of it.
// * heap_bytes() = the sum over live, non-shared heap objects of the memory CPython would use:
//     - one block for the object: sys.getsizeof()-style size (runtime/sizes.ts getsizeof, which
//       includes the 16-byte gc header of gc objects) rounded up to pymalloc's size classes
//       (multiples of 16 up to 512 bytes; larger requests go to malloc, modelled as rounded to 16);
//       an int below 2**30 is 28 bytes -> a 32-byte block;
//     - a second block for the variable part CPython allocates separately: a list's item array
//       (8 * allocated, so over-allocation counts) and a dict's keys table / a set's table
//       (getsizeof(o) - basicsize - gc header), rounded the same way.
//   Shared objects (small ints, None, True/False, interned/immortal objects: refcount >= 10**6)
//   belong to the baseline and are not counted. Arena/pool granularity and fragmentation are not
//   modelled (CPython keeps ~1 MB more after a big list dies; the model returns to baseline).
// * Walk (runtime files keep no running total): the roots are the gc generations
//   (gcState.gens[0..2] + permanent: every tracked container) and the frames on the call stack
//   (vmState.current chain; not counted themselves: 3.11 frames live in the data stack). From
//   each root, traverseFull() finds the referents; untracked referents (ints, strs, floats,
//   untracked tuples/dicts, ...) are counted and walked in turn (iteratively). Tracked referents
//   are skipped (counted as roots). Deduplication: an object with refcount 1 has exactly one
//   holder and so is reached once; only objects with refcount > 1 go into the `seen` Set (this
//   keeps the Set small: the ints of `[i for i in range(N)]` all have refcount 1, and stays under
//   V8's 2**24 Set limit). The walk is O(live objects) per query; an exact list's or tuple's
//   items that are exact ints held once are counted in place without the visit (a 10,000,000-int
//   list takes ~0.1 s a query). An O(1) running total would need a hook in runtime/object.ts at
//   every allocation and free, which every program would pay for.
//
// Other fields (rss, vms, shared, ...) are uss plus constants measured once on the same CPython
// (shared library pages etc.), so they move with uss exactly like the real ones do.

import { PyArray } from '../runtime/objects/array';
import { PyObject, IMMORTAL_RC, TypeFlags, traverseFull } from '../runtime/object';
import { registerModule, checkArgs } from '../runtime/define';
import { newInt, PyInt, IntType, intSizeof } from '../runtime/objects/int';
import { newTuple, PyTuple, TupleType } from '../runtime/objects/tuple';
import { newFloat } from '../runtime/objects/float';
import { PyList, ListType } from '../runtime/objects/list';
import { PyDict } from '../runtime/objects/dict';
import { PySet } from '../runtime/objects/set';
import { getsizeof } from '../runtime/sizes';
import { gcState } from '../runtime/gc';
import { vmState } from '../runtime/vm/eval';
import { makeNamedTuple } from './collections';
import { execSource } from './modutil';

const MiB = 1024 * 1024;
const PAGE = 4096;
/** USS of a fresh CPython 3.11.7 process that imported os, gc and psutil (lesson 24 E2) */
export const BASELINE_USS = 9.07 * MiB;
/** resident pages shared with other processes (libc, libpython mapped read-only) */
const SHARED = 3_571_712;
const TEXT = 2_818_048;
/** address space reserved beyond what is resident (arenas, thread stack, locale archive) */
const VMS_EXTRA = 12_066_816;
const DATA_EXTRA = 1_081_344;
/** os.getpid() in RefScope (src/core/modules/os.ts) */
const PID = 4242;
const TOTAL = 8 * 1024 * MiB;

/** refcount at or above which an object is shared by the interpreter (part of the baseline) */
const SHARED_RC = IMMORTAL_RC / 1000;

/** bytes a request of n bytes occupies: pymalloc size class up to 512, malloc (16-aligned) above */
export function blockSize(n: number): number {
  if (n <= 0) return 0;
  // pymalloc: size classes are multiples of 16 up to 512; malloc chunks are 16-aligned as well
  return Math.ceil(n / 16) * 16;
}

/** the memory CPython uses for one object (object block + separately allocated storage) */
export function objectBytes(o: PyObject): number {
  const size = getsizeof(o);
  if (o instanceof PyList) {
    const items = 8 * o.allocated;
    return blockSize(size - items) + blockSize(items);
  }
  if (o instanceof PyArray) {
    // the array object and its item buffer (PyMem_Realloc'd apart: array_resize)
    const items = o.allocated * o.d.itemsize;
    return blockSize(size - items) + blockSize(items);
  }
  if (o instanceof PyDict || o instanceof PySet) {
    const head = o.type.solidBase.basicsize + (o.type.flags & TypeFlags.HAVE_GC ? 16 : 0);
    if (size > head) return blockSize(head) + blockSize(size - head);
  }
  return blockSize(size);
}

/** heap_bytes(): the model's sum over live non-shared objects (see the header) */
export function heapBytes(): number {
  let total = 0;
  const seen = new Set<PyObject>();
  const stack: PyObject[] = [];
  const visit = (c: PyObject): void => {
    if (c.gcGen >= 0 || c.rc >= SHARED_RC || c.rc <= 0) return;
    if (c.rc > 1) {
      if (seen.has(c)) return;
      seen.add(c);
    }
    stack.push(c);
  };
  // the referents of o; an exact list's or tuple's items that are exact ints held only there
  // (the lesson's `[i for i in range(N)]`) are counted on the spot
  const referents = (o: PyObject): void => {
    if (o.type === ListType || o.type === TupleType) {
      // (a list's unboxed ints: objects/list.ts)
      const it = o.type === ListType ? (o as PyList).raw : (o as PyTuple).items;
      for (let i = 0; i < it.length; i++) {
        const c = it[i];
        if (typeof c === 'number') total += blockSize(intSizeof(c));
        else if (c.rc === 1 && c.type === IntType) total += blockSize(intSizeof((c as PyInt).v));
        else visit(c);
      }
      return;
    }
    traverseFull(o, visit);
  };
  const drain = (): void => {
    while (stack.length) {
      const o = stack.pop()!;
      total += objectBytes(o);
      referents(o);
    }
  };
  const roots = (set: Iterable<PyObject>): void => {
    for (const o of set) {
      if (o.rc < SHARED_RC) total += objectBytes(o);
      referents(o);
      drain();
    }
  };
  for (const g of gcState.gens) roots(g);
  roots(gcState.permanent);
  for (let f = vmState.current; f; f = f.back) {
    if (f.gcGen >= 0) continue;
    traverseFull(f, visit);
    drain();
  }
  return total;
}

const PSUTIL_SRC = String.raw`
__version__ = '5.9.8'
version_info = (5, 9, 8)
LINUX = True
POSIX = True
WINDOWS = False
MACOS = False
STATUS_RUNNING = 'running'


class Error(Exception):
    """Base exception class. All other psutil exceptions inherit from this one."""

    def __init__(self, msg=''):
        Exception.__init__(self, msg)
        self.msg = msg

    def __str__(self):
        return self.msg


class NoSuchProcess(Error):
    """Exception raised when a process with a certain PID doesn't or no longer exists."""

    def __init__(self, pid, name=None, msg=None):
        Error.__init__(self)
        self.pid = pid
        self.name = name
        self.msg = msg or "process no longer exists"

    def __str__(self):
        if self.name:
            return "%s (pid=%s, name=%r)" % (self.msg, self.pid, self.name)
        return "%s (pid=%s)" % (self.msg, self.pid)


class AccessDenied(Error):
    pass


class TimeoutExpired(Error):
    pass


class Process(object):
    """Represents an OS process with the given PID (RefScope: only this process exists)."""

    def __init__(self, pid=None):
        if pid is None:
            pid = _PID
        else:
            if not isinstance(pid, int):
                raise TypeError('pid must be an integer (got %r)' % (pid,))
            if pid < 0:
                raise ValueError('pid must be a positive integer (got %s)' % pid)
            if pid != _PID:
                raise NoSuchProcess(pid, msg='process PID not found')
        self._pid = pid

    @property
    def pid(self):
        """The process PID."""
        return self._pid

    def __repr__(self):
        return "psutil.Process(pid=%s, name='python3', status='running')" % self._pid

    __str__ = __repr__

    def __eq__(self, other):
        if not isinstance(other, Process):
            return NotImplemented
        return self._pid == other._pid

    def __hash__(self):
        return hash(self._pid)

    def name(self):
        return 'python3'

    def status(self):
        return STATUS_RUNNING

    def is_running(self):
        return True

    def ppid(self):
        return _PID - 1

    def memory_info(self):
        return pmem(*_memory(False))

    def memory_full_info(self):
        return pfullmem(*_memory(True))

    def memory_percent(self, memtype='rss'):
        value = getattr(self.memory_full_info(), memtype)
        return (value / _TOTAL) * 100


def pid_exists(pid):
    return pid == _PID


def pids():
    return [_PID]


def virtual_memory():
    return svmem(*_virtual_memory())
`;

registerModule('psutil', (m) => {
  // everything alive now is the baseline (see the header)
  let start = heapBytes();
  const uss = (): number => {
    const delta = heapBytes() - start;
    return Math.ceil(Math.max(BASELINE_USS, BASELINE_USS + delta) / PAGE) * PAGE;
  };
  m.fn('_memory', (args, kw) => {
    checkArgs('_memory', args, kw, 1, 1);
    const full = args[0] instanceof PyInt && args[0].v !== 0 && args[0].v !== 0n;
    const u = uss();
    const rss = u + SHARED;
    const vals = [rss, rss + VMS_EXTRA, SHARED, TEXT, 0, u + DATA_EXTRA, 0];
    if (full) vals.push(u, u + Math.floor(SHARED / 4 / PAGE) * PAGE, 0);
    return newTuple(vals.map((v) => newInt(v)));
  });
  m.fn('_virtual_memory', (args, kw) => {
    checkArgs('_virtual_memory', args, kw, 0, 0);
    const used = 2 * 1024 * MiB + uss();
    const available = TOTAL - used;
    const free = available - 1024 * MiB;
    return newTuple([
      newInt(TOTAL),
      newInt(available),
      newFloat(Math.round(((TOTAL - available) / TOTAL) * 1000) / 10),
      newInt(used),
      newInt(free),
      newInt(3 * 1024 * MiB),
      newInt(1024 * MiB),
      newInt(64 * MiB),
      newInt(960 * MiB),
      newInt(128 * MiB),
      newInt(256 * MiB),
    ]);
  });
  m.own('_PID', newInt(PID));
  m.own('_TOTAL', newInt(TOTAL));
  const own = (name: string, fields: string[]) => m.own(name, makeNamedTuple(name, fields, 'psutil'));
  own('pmem', ['rss', 'vms', 'shared', 'text', 'lib', 'data', 'dirty']);
  own('pfullmem', ['rss', 'vms', 'shared', 'text', 'lib', 'data', 'dirty', 'uss', 'pss', 'swap']);
  own('svmem', ['total', 'available', 'percent', 'used', 'free', 'active', 'inactive', 'buffers', 'cached', 'shared', 'slab']);
  execSource(m, PSUTIL_SRC, '<frozen psutil>');
  // the objects psutil itself created are part of the baseline too
  start = heapBytes();
});
