// os and os.path (Modules/posixmodule.c facts, Lib/posixpath.py semantics): a virtual view of
// the host (getpid, environ); the file system functions (exists(), stat(), mkdir(), walk(), ...)
// see and change the run's view of the files (modules/runfs.ts), which open() shares.

import { PyObject, newRef, decref } from '../runtime/object';
import { registerModule, checkArgs, parseArgs, ModuleBuilder } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { newInt, newBool, PyInt } from '../runtime/objects/int';
import { PyStr, newStr } from '../runtime/objects/str';
import { newTuple } from '../runtime/objects/tuple';
import { newDict } from '../runtime/objects/dict';
import { None } from '../runtime/objects/singletons';
import { newList, listAppend, PyList } from '../runtime/objects/list';
import { typeError, raise, Unsupported, ProcessExit } from '../runtime/errors';
import { currentInterp } from '../runtime/current';
import { vmState } from '../runtime/vm/eval';
import { execSource, setStdlibFile } from './modutil';
import { pathKind, PyStdStream, unwrittenBytes } from './fileio';
import { runFilesOf, fspath, type RunFiles } from './runfs';
import type { HostStat } from './io_shared';
import { newOSError } from '../runtime/objects/oserror';
import { PyBytes } from '../runtime/objects/bytes';
import { newFloat, PyFloat } from '../runtime/objects/float';
import { structSeqType, newStructSeq } from '../runtime/structseq';
import { pyInt } from './modutil';

// os._Environ (Lib/os.py): a MutableMapping over the environment strings. collections.abc is not
// available in RefScope yet, so the mixin methods of MutableMapping are written out here;
// keys()/items()/values() return the underlying dict's views.
const ENVIRON_SRC = String.raw`
class _Environ(object):
    def __init__(self, data):
        self._data = data

    def _check(self, what):
        if not isinstance(what, str):
            raise TypeError("str expected, not %s" % type(what).__name__)
        return what

    def __getitem__(self, key):
        try:
            return self._data[self._check(key)]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        self._data[self._check(key)] = self._check(value)

    def __delitem__(self, key):
        try:
            del self._data[self._check(key)]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        keys = list(self._data)
        for key in keys:
            yield key

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        if not isinstance(other, dict):
            return NotImplemented
        return self._data == other

    __hash__ = None

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return self._data.keys()

    def items(self):
        return self._data.items()

    def values(self):
        return self._data.values()

    def pop(self, key, *default):
        try:
            value = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        while self._data:
            self.popitem()

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def copy(self):
        return dict(self)

    def __repr__(self):
        formatted_items = ", ".join("%r: %r" % (key, value) for key, value in self._data.items())
        return "environ({%s})" % formatted_items

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict) and not isinstance(other, _Environ):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict) and not isinstance(other, _Environ):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


environ = _Environ(_environ_data)
del _environ_data
`;

export const PID = 4242;

/** the run's files (what open() sees) */
function run(): RunFiles {
  return runFilesOf(currentInterp.interp!.io);
}

/** Python source whose blocks start at the given lines (so that a traceback through them shows
 * CPython's line numbers for its frozen module) */
function placed(blocks: [number, string][]): string {
  let out = '';
  let line = 1;
  for (const [at, text] of blocks) {
    if (at < line) throw new Error(`internal: source block at line ${at} overlaps the one before`);
    out += '\n'.repeat(at - line) + text;
    line = at + text.split('\n').length - 1;
  }
  return out;
}

/** a path argument of posixpath's functions: `os.fspath(a)` (a str, or what __fspath__ gives) */
function s(o: PyObject, _fname: string): string {
  if (o instanceof PyStr) return o.v;
  const p = fspath(o);
  if (p === null) typeError(`expected str, bytes or os.PathLike object, not ${o.type.name}`);
  return p;
}

/** posixpath.normpath */
function normpath(p: string): string {
  if (!p) return '.';
  let initial = p.startsWith('/') ? 1 : 0;
  if (initial && p.startsWith('//') && !p.startsWith('///')) initial = 2;
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (!c || c === '.') continue;
    if (c !== '..' || (!initial && !out.length) || (out.length && out[out.length - 1] === '..')) out.push(c);
    else if (out.length) out.pop();
  }
  const r = '/'.repeat(initial) + out.join('/');
  return r || '.';
}
function split(p: string): [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  const tail = p.slice(i);
  if (head && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return [head, tail];
}
function splitext(p: string): [string, string] {
  const sep = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  if (dot > sep) {
    let i = sep + 1;
    while (i < dot) {
      if (p[i] !== '.') return [p.slice(0, dot), p.slice(dot)];
      i++;
    }
  }
  return [p, ''];
}

/** an os.stat_result of the facts (_pystat_fromstructstat: the int times, the float times
 * (seconds + nanoseconds * 1e-9), the nanosecond times, blksize, blocks, rdev) */
function statResult(osModule: PyObject, st: HostStat): PyObject {
  const G = 1000000000n;
  const sec = (ns: bigint) => pyInt(ns >= 0n ? ns / G : -((-ns + G - 1n) / G));
  const float = (ns: bigint) => {
    const s = ns >= 0n ? ns / G : -((-ns + G - 1n) / G);
    return newFloat(Number(s) + Number(ns - s * G) * 1e-9);
  };
  const items = [
    newInt(st.mode), pyInt(st.ino), pyInt(st.dev), newInt(st.nlink), newInt(st.uid), newInt(st.gid), newInt(st.size),
    sec(st.atimeNs), sec(st.mtimeNs), sec(st.ctimeNs),
    float(st.atimeNs), float(st.mtimeNs), float(st.ctimeNs),
    pyInt(st.atimeNs), pyInt(st.mtimeNs), pyInt(st.ctimeNs),
    newInt(st.blksize), newInt(st.blocks), newInt(st.rdev),
  ];
  const t = newTuple(items);
  const cls = abs.getAttr(osModule, 'stat_result');
  try {
    return abs.call(cls, [t], null);
  } finally {
    decref(cls);
    decref(t);
  }
}

// The parts of Lib/os.py (3.11.7) and posixmodule.c's types written in Python: stat_result (a
// struct sequence: 10 items, the float and nanosecond times and the rest by name only),
// DirEntry and ScandirIterator (posix's), makedirs, removedirs and walk, their raising lines at
// CPython's line numbers (a traceback shows them).
const OS_FS_SRC = placed([
  [
    1,
    `class stat_result(tuple):
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        if len(seq) < 10:
            raise TypeError('os.stat_result() takes an at least 10-sequence (%d-sequence given)' % len(seq))
        if len(seq) > 19:
            raise TypeError('os.stat_result() takes an at most 19-sequence (%d-sequence given)' % len(seq))
        self = tuple.__new__(cls, seq[:10])
        object.__setattr__(self, '_rest', seq[10:] + (None,) * (19 - len(seq)))
        return self

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        return 'os.stat_result(' + ', '.join('%s=%r' % (n, v) for n, v in zip(_STAT_FIELDS, self)) + ')'

    def __reduce__(self):
        return (stat_result, (tuple(self) + self._rest,))

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._rest[0])
    st_mtime = property(lambda self: self._rest[1])
    st_ctime = property(lambda self: self._rest[2])
    st_atime_ns = property(lambda self: self._rest[3])
    st_mtime_ns = property(lambda self: self._rest[4])
    st_ctime_ns = property(lambda self: self._rest[5])
    st_blksize = property(lambda self: self._rest[6])
    st_blocks = property(lambda self: self._rest[7])
    st_rdev = property(lambda self: self._rest[8])

stat_result.__module__ = 'os'
_STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime')


class DirEntry:
    __slots__ = ('name', 'path', '_is_dir', '_stat')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    def is_dir(self, *, follow_symlinks=True):
        return self._is_dir

    def is_file(self, *, follow_symlinks=True):
        return not self._is_dir

    def is_symlink(self):
        return False

    def stat(self, *, follow_symlinks=True):
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat().st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

DirEntry.__module__ = 'posix'


class ScandirIterator:
    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'posix.ScandirIterator' instances")

    def __iter__(self):
        return self

    def __next__(self):
        rest = self._rest
        if self._next >= len(rest):
            self._rest = []
            raise StopIteration
        name, path, is_dir = rest[self._next]
        self._next += 1
        entry = object.__new__(DirEntry)
        entry.name = name
        entry.path = path
        entry._is_dir = is_dir
        entry._stat = None
        return entry

    def close(self):
        self._rest = []

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self._rest = []

ScandirIterator.__module__ = 'posix'


def _scandir(entries):
    it = object.__new__(ScandirIterator)
    it._rest = entries
    it._next = 0
    return it
`,
  ],
  [
    200,
    `def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
`,
  ],
  [
    213,
    `    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
`,
  ],
  [
    225,
    `        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise

`,
  ],
  [
    241,
    `def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)

`,
  ],
  [
    282,
    `def walk(top, topdown=True, onerror=None, followlinks=False):
    return _walk(fspath(top), topdown, onerror, followlinks)

`,
  ],
  [
    345,
    `def _walk(top, topdown, onerror, followlinks):
    dirs = []
    nondirs = []
    walk_dirs = []
`,
  ],
  [
    355,
    `    try:
`,
  ],
  [
    358,
    `        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return

    with scandir_it:
        for entry in scandir_it:
            is_dir = entry.is_dir()
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir and (followlinks or not entry.is_symlink()):
                walk_dirs.append(entry.path)

    if topdown:
        yield top, dirs, nondirs
        for dirname in dirs:
            new_path = path.join(top, dirname)
            if followlinks or not path.islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs
`,
  ],
]);

// os.PathLike (Lib/os.py 3.11.7), defined on first use: an ABC whose __subclasshook__ accepts a
// class with __fspath__ (what pathlib registers PurePath with)
const OS_PATHLIKE_SRC = placed([
  [25, 'import abc\n'],
  [29, 'from collections.abc import _check_methods\n'],
  [31, 'GenericAlias = type(list[int])\n'],
  [
    1072,
    `class PathLike(abc.ABC):

    """Abstract base class for implementing the file system path protocol."""

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return _check_methods(subclass, '__fspath__')
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)
`,
  ],
]);

// os.fsencode / os.fsdecode (Lib/os.py 3.11.7's _fscodec), defined on first use
const OS_FSCODEC_SRC = placed([
  [26, 'import sys\n'],
  [
    802,
    `def _fscodec():
    encoding = sys.getfilesystemencoding()
    errors = sys.getfilesystemencodeerrors()

    def fsencode(filename):
        """Encode filename (an os.PathLike, bytes, or str) to the filesystem
        encoding with 'surrogateescape' error handler, return bytes unchanged.
        On Windows, use 'strict' error handler if the file system encoding is
        'mbcs' (which is the default encoding).
        """
        filename = fspath(filename)  # Does type-checking of \`filename\`.
        if isinstance(filename, str):
            return filename.encode(encoding, errors)
        else:
            return filename

    def fsdecode(filename):
        """Decode filename (an os.PathLike, bytes, or str) from the filesystem
        encoding with 'surrogateescape' error handler, return str unchanged. On
        Windows, use 'strict' error handler if the file system encoding is
        'mbcs' (which is the default encoding).
        """
        filename = fspath(filename)  # Does type-checking of \`filename\`.
        if isinstance(filename, bytes):
            return filename.decode(encoding, errors)
        else:
            return filename

    return fsencode, fsdecode

fsencode, fsdecode = _fscodec()
del _fscodec
`,
  ],
]);

function initPath(m: ModuleBuilder): void {
  const str1 = (name: string, f: (p: string) => PyObject) =>
    m.fn(name, (args, kw) => {
      checkArgs(name, args, kw, 1, 1);
      return f(s(args[0], name));
    });
  m.fn('join', (args, kw) => {
    if (kw && kw.length) typeError('join() takes no keyword arguments');
    if (!args.length) typeError('join() missing 1 required positional argument: \'a\'');
    let path = s(args[0], 'join');
    for (const a of args.slice(1)) {
      // (genericpath._check_arg_types for a later argument)
      const pb = a instanceof PyStr ? a.v : fspath(a);
      if (pb === null) typeError(`join() argument must be str, bytes, or os.PathLike object, not '${a.type.name}'`);
      const b = pb;
      if (b.startsWith('/')) path = b;
      else if (!path || path.endsWith('/')) path += b;
      else path += '/' + b;
    }
    return newStr(path);
  });
  str1('basename', (p) => newStr(split(p)[1]));
  str1('dirname', (p) => newStr(split(p)[0]));
  str1('split', (p) => newTuple(split(p).map((x) => newStr(x))));
  str1('splitext', (p) => newTuple(splitext(p).map((x) => newStr(x))));
  str1('normpath', (p) => newStr(normpath(p)));
  str1('isabs', (p) => newBool(p.startsWith('/')));
  str1('abspath', (p) => newStr(normpath(p.startsWith('/') ? p : run().cwd + '/' + p)));
  // the files open() sees: what the run wrote, else the host's (none without a host)
  // (genericpath: os.stat(path), False on an OSError or ValueError; a path may be an os.PathLike)
  const statPath = (name: string, f: (p: string) => PyObject) =>
    m.fn(name, (args, kw) => {
      checkArgs(name, args, kw, 1, 1);
      const o = args[0];
      if (o instanceof PyInt) throw new Unsupported(`os.path.${name} of a file descriptor`);
      const p = fspath(o);
      if (p === null) typeError(`stat: path should be string, bytes, os.PathLike or integer, not ${o.type.name}`);
      return p.includes('\0') ? newBool(false) : f(p);
    });
  statPath('exists', (p) => newBool(pathKind(p) !== null));
  statPath('isfile', (p) => newBool(pathKind(p) === 'file'));
  statPath('isdir', (p) => newBool(pathKind(p) === 'dir'));
  str1('expanduser', (p) => newStr(p.startsWith('~') ? '/home/user' + p.slice(1) : p));
  m.own('sep', newStr('/'));
  m.own('curdir', newStr('.'));
  m.own('pardir', newStr('..'));
  m.own('extsep', newStr('.'));
  m.set('altsep', None);
  m.own('pathsep', newStr(':'));
  m.own('defpath', newStr('/bin:/usr/bin'));
  m.own('devnull', newStr('/dev/null'));
  // the pure path functions of posixpath / genericpath, as Python source run on first use
  const mod = m.module;
  for (const name of ['commonprefix', 'commonpath', 'relpath', 'realpath', 'normcase', 'splitdrive', 'islink', 'lexists']) {
    abs.lazyModuleAttrs.set(`posixpath.${name}`, () => {
      execSource(new ModuleBuilder(mod), PATH_EXTRA_SRC, '<frozen posixpath>');
      return abs.getAttr(mod, name);
    });
  }
  // genericpath's functions over os.stat, as Python source (a traceback shows their frames)
  for (const name of ['getsize', 'getmtime', 'getatime', 'getctime', 'samestat', 'samefile']) {
    abs.lazyModuleAttrs.set(`posixpath.${name}`, () => {
      execSource(new ModuleBuilder(mod), GENERICPATH_SRC, '<frozen genericpath>');
      return abs.getAttr(mod, name);
    });
  }
}

// Lib/genericpath.py's functions over os.stat (3.11.7: each raising line where CPython's is)
const GENERICPATH_SRC = placed([
  [1, 'import os\n'],
  [
    49,
    `def getsize(filename):
    return os.stat(filename).st_size

`,
  ],
  [
    54,
    `def getmtime(filename):
    return os.stat(filename).st_mtime

`,
  ],
  [
    59,
    `def getatime(filename):
    return os.stat(filename).st_atime

`,
  ],
  [
    64,
    `def getctime(filename):
    return os.stat(filename).st_ctime

`,
  ],
  [
    87,
    `def samestat(s1, s2):
    return (s1.st_ino == s2.st_ino and
            s1.st_dev == s2.st_dev)

`,
  ],
  [
    99,
    `def samefile(f1, f2):
    s1 = os.stat(f1)
    s2 = os.stat(f2)
    return samestat(s1, s2)
`,
  ],
]);

// (Lib/genericpath.py and Lib/posixpath.py of CPython 3.11; no symbolic links here: realpath is
// abspath (strict: os.stat of the whole path, where CPython's _joinrealpath lstats each
// component and names the first one missing), islink is False)
const PATH_EXTRA_SRC = `
def commonprefix(m):
    if not m: return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(m)
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1

def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(paths)
    sep = '/'
    curdir = '.'
    split_paths = [path.split(sep) for path in paths]
    try:
        isabs, = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs else sep[:0]
    return prefix + sep.join(common)

def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    curdir = '.'
    sep = '/'
    pardir = '..'
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list)-i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)

def realpath(filename, *, strict=False):
    if strict:
        from os import stat
        stat(filename)
    return abspath(filename)

def normcase(s):
    return s

def splitdrive(p):
    return p[:0], p

def islink(path):
    return False

def lexists(path):
    return exists(path)
`;

// os.path is posixpath (sys.modules['os.path'] is set by os's import, as Lib/os.py does)
registerModule('posixpath', (m) => {
  setStdlibFile(m, 'posixpath.py');
  // its functions are Python functions in CPython (they hold no module)
  m.functionsOf('posixpath');
  initPath(m);
});

/** os.register_at_fork's lists (interp->before_forkers, after_forkers_parent,
 * after_forkers_child: lists the interpreter holds, made on first use). No fork ever happens in
 * a run, so they are only kept. */
let forkers: (PyList | null)[] = [null, null, null];

/** A new run starts with none (what an earlier run left is dropped with its heap). */
export function resetForkHandlers(): void {
  forkers = [null, null, null];
}

/** 'before_forkers', 'after_forkers_parent' or 'after_forkers_child' when `l` is that list of the
 * interpreter (for the hover), else null */
export function forkListName(l: PyObject): string | null {
  const i = forkers.indexOf(l as PyList);
  return i < 0 ? null : ['before_forkers', 'after_forkers_parent', 'after_forkers_child'][i];
}

/** the interpreter's references to those lists (for the refcount audit and the hover) */
export function visitForkHandlers(v: (o: PyObject) => void): void {
  for (const l of forkers) if (l !== null) v(l);
}

registerModule('os', (m) => {
  setStdlibFile(m, 'os.py');
  // its functions are posix's in CPython (their __self__: `from posix import *`)
  m.functionsOf('posix');
  // os_register_at_fork_impl
  m.fn('register_at_fork', (args, kw) => {
    // (_PyArg_UnpackKeywords with keyword-only parameters alone)
    if (args.length > (kw ? kw.length : 0)) typeError('register_at_fork() takes no positional arguments');
    const given = parseArgs({ name: 'register_at_fork', params: ['*', 'before', 'after_in_child', 'after_in_parent'] }, args, kw);
    const names = ['before', 'after_in_child', 'after_in_parent'];
    if (given.every((o) => o === undefined)) typeError('At least one argument is required.');
    given.forEach((o, i) => {
      if (o !== undefined && !abs.isCallable(o)) typeError(`'${names[i]}' must be callable, not ${o.type.name}`);
    });
    // (before -> before_forkers, after_in_child -> after_forkers_child, after_in_parent ->
    // after_forkers_parent, in that order)
    given.forEach((o, i) => {
      if (o === undefined) return;
      const slot = i === 0 ? 0 : i === 1 ? 2 : 1;
      forkers[slot] ??= newList([]);
      listAppend(forkers[slot]!, newRef(o));
    });
    return newRef(None);
  });
  m.fn('getpid', (args, kw) => (checkArgs('getpid', args, kw, 0, 0), newInt(PID)));
  // os.terminal_size (posixmodule.c's TerminalSizeType, a struct sequence) and
  // os.get_terminal_size: a run's output goes to the editor (or a pipe), never to a terminal, so
  // the standard descriptors are not terminals (ENOTTY, what CPython finds for a pipe) and no
  // other descriptor is open (EBADF); shutil.get_terminal_size then falls back to COLUMNS/LINES
  // or (80, 24)
  const TS = structSeqType('os', 'terminal_size', ['columns', 'lines']);
  TS.slots.new = (_t, args, kw) => {
    // structseq_new(sequence, dict=None)
    const [seq] = parseArgs({ name: 'structseq', params: ['sequence', 'dict'], required: 1 }, args, kw);
    if (abs.typeLookup(seq!.type, '__iter__') === null && abs.typeLookup(seq!.type, '__getitem__') === null) {
      typeError('constructor requires a sequence');
    }
    const items = abs.toArray(seq!);
    if (items.length !== 2) {
      for (const x of items) decref(x);
      typeError(`os.terminal_size() takes a 2-sequence (${items.length}-sequence given)`);
    }
    return newStructSeq(TS, items);
  };
  m.set('terminal_size', TS);
  m.fn('get_terminal_size', (args, kw) => {
    if (kw && kw.length) typeError('posix.get_terminal_size() takes no keyword arguments');
    if (args.length > 1) typeError(`get_terminal_size expected at most 1 argument, got ${args.length}`);
    let fd = 1;
    if (args.length) {
      // _PyLong_AsInt
      if (args[0] instanceof PyFloat) typeError("'float' object cannot be interpreted as an integer");
      fd = Number(abs.index(args[0]));
    }
    throw newOSError(fd >= 0 && fd <= 2 ? 25 : 9, null);
  });
  m.fn('getppid', (args, kw) => (checkArgs('getppid', args, kw, 0, 0), newInt(PID - 1)));
  // os._exit: the process ends now (_exit(2)): what sys.stdout's and sys.stderr's buffers still
  // hold is lost, and no finally clause, atexit function or finalizer runs
  m.fn('_exit', (args, kw) => {
    const [status] = parseArgs({ name: '_exit', params: ['status'], required: 1 }, args, kw);
    const code = abs.asIndex(status!);
    const interp = currentInterp.interp!;
    const held = (name: string): number => {
      const s = interp.sys.dict.getStr(abs.strKey(name));
      return s instanceof PyStdStream ? unwrittenBytes(s.pending) : 0;
    };
    interp.io.abandon?.({ 1: held('__stdout__'), 2: held('__stderr__') });
    throw new ProcessExit(code & 0xff);
  });
  m.fn('cpu_count', (args, kw) => (checkArgs('cpu_count', args, kw, 0, 0), newInt(4)));
  // the run's view of the files (fileio.ts RunFiles): what it wrote, else the host's; what a run
  // removes or renames leaves the view, and `refscope run` does the same on disk at the end
  const pathArg = (fn: string, name: string, o: PyObject, fd = false): string => {
    const p = fspath(o, false);
    if (p !== null) return p;
    typeError(`${fn}: ${name} should be string, bytes${fd ? ', os.PathLike or integer' : ' or os.PathLike'}, not ${o.type.name}`);
  };
  const fail = (errno: number, ...names: string[]): never => {
    throw newOSError(errno, names[0], names[1] ?? null);
  };
  const remove = (fn: string) => (args: PyObject[], kw: string[] | null) => {
    const [path] = parseArgs({ name: fn, params: ['path', '*', 'dir_fd'], required: 1 }, args, kw);
    const p = pathArg(fn, 'path', path!);
    const errno = run().remove(p);
    if (errno !== 0) fail(errno, p);
    return newRef(abs.None);
  };
  m.fn('remove', remove('remove'));
  m.fn('unlink', remove('unlink'));
  const rename = (fn: string) => (args: PyObject[], kw: string[] | null) => {
    const [a, b] = parseArgs({ name: fn, params: ['src', 'dst', '*', 'src_dir_fd', 'dst_dir_fd'], required: 2 }, args, kw);
    const src = pathArg(fn, 'src', a!);
    const dst = pathArg(fn, 'dst', b!);
    const errno = run().rename(src, dst);
    if (errno !== 0) fail(errno, src, dst);
    return newRef(abs.None);
  };
  m.fn('rename', rename('rename'));
  m.fn('replace', rename('replace'));
  m.fn('listdir', (args, kw) => {
    const [path] = parseArgs({ name: 'listdir', params: ['path'], required: 0 }, args, kw);
    const p = path === undefined || path === abs.None ? '.' : pathArg('listdir', 'path', path, true);
    const r = run();
    const names = r.names(p === '' ? '' : r.key(p));
    if (typeof names === 'number') fail(names, p);
    return newList((names as string[]).map((n) => newStr(n)));
  });
  // os.mkdir (posix_mkdir_impl): the mode, less the umask (022), is the new directory's
  m.fn('mkdir', (args, kw) => {
    const [path, mode] = parseArgs({ name: 'mkdir', params: ['path', 'mode', '*', 'dir_fd'], required: 1 }, args, kw);
    const p = pathArg('mkdir', 'path', path!);
    const errno = run().mkdir(p, mode === undefined ? 0o777 : abs.asIndex(mode));
    if (errno !== 0) fail(errno, p);
    return newRef(abs.None);
  });
  m.fn('rmdir', (args, kw) => {
    const [path] = parseArgs({ name: 'rmdir', params: ['path', '*', 'dir_fd'], required: 1 }, args, kw);
    const p = pathArg('rmdir', 'path', path!);
    const errno = run().rmdir(p);
    if (errno !== 0) fail(errno, p);
    return newRef(abs.None);
  });
  // the working directory: where relative paths start from, for open() too
  m.fn('getcwd', (args, kw) => (checkArgs('getcwd', args, kw, 0, 0), newStr(run().cwd)));
  m.fn('chdir', (args, kw) => {
    const [path] = parseArgs({ name: 'chdir', params: ['path'], required: 1 }, args, kw);
    const p = pathArg('chdir', 'path', path!, true);
    const errno = run().chdir(p);
    if (errno !== 0) fail(errno, p);
    return newRef(abs.None);
  });
  // os.stat / os.lstat (no symbolic links here: the same): an os.stat_result
  const stat = (fn: string) => (args: PyObject[], kw: string[] | null) => {
    const params = fn === 'stat' ? ['path', '*', 'dir_fd', 'follow_symlinks'] : ['path', '*', 'dir_fd'];
    const [path] = parseArgs({ name: fn, params, required: 1 }, args, kw);
    const p = pathArg(fn, 'path', path!, fn === 'stat');
    const info = run().stat(p);
    if (typeof info === 'number') fail(info, p);
    return statResult(m.module, info as HostStat);
  };
  m.fn('stat', stat('stat'));
  m.fn('lstat', stat('lstat'));
  // os.scandir: the entries are read now (CPython reads them as the iterator goes)
  m.fn('scandir', (args, kw) => {
    const [path] = parseArgs({ name: 'scandir', params: ['path'], required: 0 }, args, kw);
    const p = path === undefined || path === abs.None ? '.' : pathArg('scandir', 'path', path, true);
    const r = run();
    const key = p === '' ? '' : r.key(p);
    const names = r.names(key);
    if (typeof names === 'number') fail(names, p);
    const entries = (names as string[]).map((n) => {
      const full = p.endsWith('/') ? p + n : `${p}/${n}`;
      return newTuple([newStr(n), newStr(full), newBool(r.kindOf(key === '/' ? '/' + n : `${key}/${n}`) === 'dir')]);
    });
    const list = newList(entries);
    const make = abs.getAttr(m.module, '_scandir');
    try {
      return abs.call(make, [list], null);
    } finally {
      decref(make);
      decref(list);
    }
  });
  // os.utime (os_utime_impl) with times=None: the times become now (no other times: Unsupported)
  m.fn('utime', (args, kw) => {
    const [path, times, ns] = parseArgs({ name: 'utime', params: ['path', 'times', '*', 'ns', 'dir_fd', 'follow_symlinks'], required: 1 }, args, kw);
    if ((times !== undefined && times !== abs.None) || ns !== undefined) throw new Unsupported('os.utime with times');
    const p = pathArg('utime', 'path', path!, true);
    const errno = run().touch(p);
    // (os_utime_impl raises posix_error(): no file name)
    if (errno !== 0) throw newOSError(errno, null);
    return newRef(abs.None);
  });
  // os.open / os.close (posix's open(2) and close(2)) as far as Path.touch needs them: the file
  // is made (O_CREAT; O_EXCL: it must not be there; O_TRUNC: emptied) and a descriptor given,
  // which only os.close takes (os.read, os.write are not provided)
  const O = { RDONLY: 0, WRONLY: 1, RDWR: 2, CREAT: 0o100, EXCL: 0o200, TRUNC: 0o1000, APPEND: 0o2000 };
  for (const [k, v] of Object.entries(O)) m.own(`O_${k}`, newInt(v));
  m.fn('open', (args, kw) => {
    const [path, flagsO] = parseArgs({ name: 'open', params: ['path', 'flags', 'mode', '*', 'dir_fd'], required: 2 }, args, kw);
    const p = pathArg('open', 'path', path!);
    const flags = abs.asIndex(flagsO!);
    const r = run();
    const writing = (flags & 3) !== O.RDONLY;
    const { kind } = r.resolve(p);
    let errno = 0;
    if (kind === 'dir') errno = writing || flags & O.CREAT ? 21 : 0;
    else if (kind === 'file' && flags & O.CREAT && flags & O.EXCL) errno = 17;
    else if (kind === 'file' ? writing && flags & O.TRUNC : flags & O.CREAT) {
      const d = r.create(p, false);
      if (typeof d === 'number') errno = d;
    } else if (kind !== 'file') errno = kind as number;
    else {
      const d = r.load(p);
      if (typeof d === 'number') errno = d;
    }
    if (errno !== 0) fail(errno, p);
    const fd = r.fd();
    r.rawFds.add(fd);
    return newInt(fd);
  });
  m.fn('close', (args, kw) => {
    const [fdO] = parseArgs({ name: 'close', params: ['fd'], required: 1 }, args, kw);
    const fd = abs.asIndex(fdO!);
    const r = run();
    if (!r.rawFds.has(fd)) {
      if (r.fds.has(fd) || (fd >= 0 && fd <= 2)) throw new Unsupported("os.close of a file object's descriptor");
      throw newOSError(9, null, null);
    }
    r.rawFds.delete(fd);
    r.fds.delete(fd);
    return newRef(abs.None);
  });
  m.fn('fspath', (args, kw) => {
    const [path] = parseArgs({ name: 'fspath', params: ['path'], required: 1 }, args, kw);
    if (path instanceof PyStr || path instanceof PyBytes) return newRef(path);
    const p = fspath(path!, true);
    if (p === null) typeError(`expected str, bytes or os.PathLike object, not ${path!.type.name}`);
    return newStr(p);
  });
  const osMod = m.module;
  for (const name of ['stat_result', 'DirEntry', '_scandir', 'makedirs', 'removedirs', 'walk', '_walk']) {
    abs.lazyModuleAttrs.set(`os.${name}`, () => {
      execSource(new ModuleBuilder(osMod), OS_FS_SRC, '<frozen os>');
      return abs.getAttr(osMod, name);
    });
  }
  for (const name of ['fsencode', 'fsdecode']) {
    abs.lazyModuleAttrs.set(`os.${name}`, () => {
      execSource(new ModuleBuilder(osMod), OS_FSCODEC_SRC, '<frozen os>');
      return abs.getAttr(osMod, name);
    });
  }
  for (const name of ['PathLike', 'GenericAlias']) {
    abs.lazyModuleAttrs.set(`os.${name}`, () => {
      execSource(new ModuleBuilder(osMod), OS_PATHLIKE_SRC, '<frozen os>');
      return abs.getAttr(osMod, name);
    });
  }
  m.own('sep', newStr('/'));
  m.own('altsep', newRef(abs.None));
  m.own('extsep', newStr('.'));
  m.own('pathsep', newStr(':'));
  m.own('linesep', newStr('\n'));
  m.own('curdir', newStr('.'));
  m.own('pardir', newStr('..'));
  m.own('devnull', newStr('/dev/null'));
  m.own('name', newStr('posix'));
  const env = newDict();
  for (const [k, v] of [
    ['HOME', '/home/user'],
    ['PATH', '/usr/local/bin:/usr/bin:/bin'],
    ['LANG', 'C.UTF-8'],
    ['USER', 'user'],
  ]) {
    const ks = newStr(k);
    const vs = newStr(v);
    env.setItem(ks, vs);
    decref(ks);
    decref(vs);
  }
  // os.environ is an os._Environ (Lib/os.py) over the dict that getenv reads
  m.set('_environ_data', env);
  execSource(m, ENVIRON_SRC, '<frozen os>');
  decref(env);
  m.fn('getenv', (args, kw) => {
    checkArgs('getenv', args, kw, 1, 2);
    const v = env.getItem(args[0]);
    return newRef(v ?? args[1] ?? abs.None);
  });
  // Lib/os.py: `import posixpath as path` and sys.modules['os.path'] = path
  const path = vmState.importModule!('posixpath', vmState.current!);
  const sys = vmState.importModule!('sys', vmState.current!);
  const modules = abs.getAttr(sys, 'modules');
  const key = newStr('os.path');
  abs.setItem(modules, key, path);
  decref(key);
  decref(modules);
  decref(sys);
  m.own('path', path);
});
