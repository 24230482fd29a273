// The names of CPython 3.11's standard library modules (sys.stdlib_module_names, the public ones
// that import on Linux): importing one RefScope does not provide is reported as not supported yet,
// instead of the ModuleNotFoundError of a module that does not exist (which would tell a learner
// that Python has no such module). Windows-only modules (msvcrt, winreg, ...) stay
// ModuleNotFoundError, as on CPython here.

export const STDLIB_MODULES: ReadonlySet<string> = new Set([
  'abc', 'aifc', 'antigravity', 'argparse', 'array', 'ast', 'asynchat', 'asyncio', 'asyncore',
  'atexit', 'audioop', 'base64', 'bdb', 'binascii', 'bisect', 'builtins', 'bz2', 'cProfile',
  'calendar', 'cgi', 'cgitb', 'chunk', 'cmath', 'cmd', 'code', 'codecs', 'codeop', 'collections',
  'colorsys', 'compileall', 'concurrent', 'configparser', 'contextlib', 'contextvars', 'copy',
  'copyreg', 'crypt', 'csv', 'ctypes', 'curses', 'dataclasses', 'datetime', 'dbm', 'decimal',
  'difflib', 'dis', 'distutils', 'doctest', 'email', 'encodings', 'ensurepip', 'enum', 'errno',
  'faulthandler', 'fcntl', 'filecmp', 'fileinput', 'fnmatch', 'fractions', 'ftplib', 'functools',
  'gc', 'genericpath', 'getopt', 'getpass', 'gettext', 'glob', 'graphlib', 'grp', 'gzip',
  'hashlib', 'heapq', 'hmac', 'html', 'http', 'idlelib', 'imaplib', 'imghdr', 'imp', 'importlib',
  'inspect', 'io', 'ipaddress', 'itertools', 'json', 'keyword', 'lib2to3', 'linecache', 'locale',
  'logging', 'lzma', 'mailbox', 'mailcap', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder',
  'multiprocessing', 'netrc', 'nis', 'nntplib', 'ntpath', 'nturl2path', 'numbers', 'opcode',
  'operator', 'optparse', 'os', 'ossaudiodev', 'pathlib', 'pdb', 'pickle', 'pickletools', 'pipes',
  'pkgutil', 'platform', 'plistlib', 'poplib', 'posix', 'posixpath', 'pprint', 'profile',
  'pstats', 'pty', 'pwd', 'py_compile', 'pyclbr', 'pydoc', 'pydoc_data', 'pyexpat', 'queue',
  'quopri', 'random', 're', 'readline', 'reprlib', 'resource', 'rlcompleter', 'runpy', 'sched',
  'secrets', 'select', 'selectors', 'shelve', 'shlex', 'shutil', 'signal', 'site', 'smtpd',
  'smtplib', 'sndhdr', 'socket', 'socketserver', 'spwd', 'sqlite3', 'sre_compile',
  'sre_constants', 'sre_parse', 'ssl', 'stat', 'statistics', 'string', 'stringprep', 'struct',
  'subprocess', 'sunau', 'symtable', 'sys', 'sysconfig', 'syslog', 'tabnanny', 'tarfile',
  'telnetlib', 'tempfile', 'termios', 'textwrap', 'this', 'threading', 'time', 'timeit',
  'tkinter', 'token', 'tokenize', 'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty', 'turtle',
  'turtledemo', 'types', 'typing', 'unicodedata', 'unittest', 'urllib', 'uu', 'uuid', 'venv',
  'warnings', 'wave', 'weakref', 'webbrowser', 'wsgiref', 'xdrlib', 'xml', 'xmlrpc', 'zipapp',
  'zipfile', 'zipimport', 'zlib', 'zoneinfo'
]);

/** CPython 3.11.7's standard library directory on the machine the recordings come from
 * (sys._stdlib_dir): a module RefScope runs from its Lib source has its __file__ there. */
export const STDLIB_DIR = '/root/.pyenv/versions/3.11.7/lib/python3.11';

/** The modules CPython 3.11 freezes (Tools/build/freeze_modules.py; `_imp.is_frozen`): their
 * code objects say `<frozen NAME>` (a traceback shows no line of them: linecache finds no file
 * of that name), their repr says `(frozen)`, and they have no __cached__. */
export const CPYTHON_FROZEN: ReadonlySet<string> = new Set([
  'abc', 'codecs', 'io', '_collections_abc', '_sitebuiltins', 'genericpath', 'ntpath', 'posixpath',
  'os', 'os.path', 'site', 'stat', 'importlib.util', 'importlib.machinery', 'runpy', 'zipimport',
]);

/** The submodules of the standard packages RefScope provides (CPython 3.11 on Linux, less tests
 * and private ones): `from logging import handlers` imports the submodule (_handle_fromlist), so
 * one RefScope lacks is reported as not supported, not as a name the package does not have. */
export const STDLIB_SUBMODULES: ReadonlySet<string> = new Set([
  'collections.abc', 'ctypes.util', 'ctypes.wintypes', 'json.decoder', 'json.encoder', 'json.scanner', 'json.tool',
  'logging.config', 'logging.handlers',
]);
