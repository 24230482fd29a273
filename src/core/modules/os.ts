// os and os.path (Modules/posixmodule.c facts, Lib/posixpath.py semantics): a virtual, read-only
// view of the host (getpid, getcwd, environ); exists()/isfile()/isdir()/getsize() see the files
// open() sees (modules/fileio.ts).

import { PyObject, newRef, decref } from '../runtime/object';
import { registerModule, checkArgs, parseArgs, ModuleBuilder } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { newInt, newBool } from '../runtime/objects/int';
import { PyStr, newStr } from '../runtime/objects/str';
import { newTuple } from '../runtime/objects/tuple';
import { newDict } from '../runtime/objects/dict';
import { None } from '../runtime/objects/singletons';
import { newList } from '../runtime/objects/list';
import { typeError, raise, Unsupported, ProcessExit } from '../runtime/errors';
import { currentInterp } from '../runtime/current';
import { vmState } from '../runtime/vm/eval';
import { execSource } from './modutil';
import { pathKind, fileSize, removeFile, renameFile, listDir, PyStdStream, unwrittenBytes } from './fileio';
import { newOSError } from '../runtime/objects/oserror';

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

const PID = 4242;
const CWD = '/home/user';

function s(o: PyObject, fname: string): string {
  if (!(o instanceof PyStr)) typeError(`${fname}() argument must be str, not ${o.type.name}`);
  return o.v;
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
      const b = s(a, 'join');
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
  str1('abspath', (p) => newStr(normpath(p.startsWith('/') ? p : CWD + '/' + p)));
  // the files open() sees: what the run wrote, else the host's (none without a host)
  str1('exists', (p) => newBool(pathKind(p) !== null));
  str1('isfile', (p) => newBool(pathKind(p) === 'file'));
  str1('isdir', (p) => newBool(pathKind(p) === 'dir'));
  str1('getsize', (p) => {
    const n = fileSize(p);
    if (typeof n !== 'number') throw newOSError(n.errno, p);
    return newInt(n);
  });
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
}

// (Lib/genericpath.py and Lib/posixpath.py of CPython 3.11; no symbolic links here: realpath is
// abspath, islink is False)
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
registerModule('posixpath', (m) => initPath(m));

registerModule('os', (m) => {
  m.fn('getpid', (args, kw) => (checkArgs('getpid', args, kw, 0, 0), newInt(PID)));
  m.fn('getppid', (args, kw) => (checkArgs('getppid', args, kw, 0, 0), newInt(PID - 1)));
  m.fn('getcwd', (args, kw) => (checkArgs('getcwd', args, kw, 0, 0), newStr(CWD)));
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
  const pathArg = (fn: string, name: string, o: PyObject): string => {
    if (o instanceof PyStr) return o.v;
    typeError(`${fn}: ${name} should be string, bytes or os.PathLike, not ${o.type.name}`);
  };
  const remove = (fn: string) => (args: PyObject[], kw: string[] | null) => {
    checkArgs(fn, args, kw, 1, 1);
    const p = pathArg(fn, 'path', args[0]);
    const errno = removeFile(p);
    if (errno !== 0) throw newOSError(errno, p);
    return newRef(abs.None);
  };
  m.fn('remove', remove('remove'));
  m.fn('unlink', remove('unlink'));
  const rename = (fn: string) => (args: PyObject[], kw: string[] | null) => {
    checkArgs(fn, args, kw, 2, 2);
    const src = pathArg(fn, 'src', args[0]);
    const dst = pathArg(fn, 'dst', args[1]);
    const errno = renameFile(src, dst);
    if (errno === null) throw new Unsupported(`os.${fn} of a directory`);
    if (errno !== 0) throw newOSError(errno, src, dst);
    return newRef(abs.None);
  };
  m.fn('rename', rename('rename'));
  m.fn('replace', rename('replace'));
  m.fn('listdir', (args, kw) => {
    checkArgs('listdir', args, kw, 0, 1);
    const p = args.length ? pathArg('listdir', 'path', args[0]) : '.';
    const names = listDir(p);
    if (typeof names === 'number') throw newOSError(names, p);
    const items = names.map((n) => newStr(n));
    return newList(items);
  });
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
