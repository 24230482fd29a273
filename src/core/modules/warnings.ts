// warnings (Lib/warnings.py and Python/_warnings.c of CPython 3.11, written as Python source for
// the interpreter): warn / warn_explicit with the filters and per-module registries, the default
// filters of a release build, simplefilter / filterwarnings / resetwarnings, showwarning /
// formatwarning (and replacing them), WarningMessage and catch_warnings (record, and 3.11's
// action/category/lineno/append). The caller's globals, file and line come from the running
// frames without making frame objects (_warnings.c setup_context reads the interpreter frame).

import { registerModule, checkArgs } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { sourceFileLines } from './fileio';
import { vmState } from '../runtime/vm/eval';
import { newRef, type PyObject } from '../runtime/object';
import { newInt, PyInt } from '../runtime/objects/int';
import { newStr, PyStr } from '../runtime/objects/str';
import { newTuple } from '../runtime/objects/tuple';
import { None } from '../runtime/objects/singletons';

const SOURCE = String.raw`
#@3
import sys
__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]
defaultaction = "default"
onceregistry = {}
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
_filters_version = 1
def _filters_mutated():
    global _filters_version
    _filters_version += 1
def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)
def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)
def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass
def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s =  f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        line = _getline(msg.filename, msg.lineno)
#@48
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\n" % line
#@91
    return s


_showwarning_orig = showwarning

def _showwarnmsg(msg):
#@98
    try:
        sw = showwarning
    except NameError:
        pass
    else:
        if sw is not _showwarning_orig:
#@105
            if not callable(sw):
                raise TypeError("warnings.showwarning() must be set to a function or method")
            sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
#@111
            return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning

def _formatwarnmsg(msg):
#@119
    try:
        fw = formatwarning
    except NameError:
        pass
    else:
        if fw is not _formatwarning_orig:
            return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
#@128
    return _formatwarnmsg_impl(msg)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    assert action in ("error", "ignore", "always", "default", "module", "once"), "invalid action: %r" % (action,)
#@144
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
#@151
    if message or module:
        import re
#@154
    if message:
        message = re.compile(message, re.I)
    else:
        message = None
    if module:
        module = re.compile(module)
    else:
        module = None
#@163
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    assert action in ("error", "ignore", "always", "default", "module", "once"), "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
#@179
    _add_filter(action, None, category, None, lineno, append=append)

def _add_filter(*item, append):
#@184
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()

def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return pattern.match(text)


#@287
def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
#@290
    if isinstance(message, Warning):
        category = message.__class__
#@293
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    globals, filename, lineno = _caller(stacklevel)
    if globals is None:
#@312
        globals = sys.__dict__
#@319
    if '__name__' in globals:
        module = globals['__name__']
    else:
        module = "<string>"
    registry = globals.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry, globals, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
#@330
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3] # XXX What about leading pathname?
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
#@348
    if registry.get(key):
        return
#@351
    for item in filters:
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module) and (ln == 0 or lineno == ln)):
#@357
            break
    else:
        action = defaultaction
#@361
    if action == "ignore":
        return
#@369
    if action == "error":
        raise message
#@372
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    msg = WarningMessage(message, category, filename, lineno, source=source)
#@395
    _showwarnmsg(msg)


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
#@405
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name, self.filename, self.lineno, self.line))


#@420
class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon exiting the context."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
#@449
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
#@482
            self._module.showwarning = self._module._showwarning_orig
            return log
        else:
            return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl
`;

registerModule('warnings', (m) => {
  // setup_context: the globals, file name and line of the frame `stacklevel` levels above warn()
  // (warn's own Python frame is level 0); (None, 'sys', 1) above the outermost frame
  m.fn('_caller', (args, kw) => {
    checkArgs('_caller', args, kw, 1, 1);
    let level = Number((args[0] as PyInt).v);
    let f = vmState.current;
    while (f !== null && level > 0) {
      f = f.back;
      level--;
    }
    if (f === null) return newTuple([newRef(None), newStr('sys'), newInt(1)]);
    return newTuple([newRef(f.globals as PyObject), newStr(f.code.unit.filename), newInt(f.lineno)]);
  });
  // linecache.getline for the files the running frames come from, else the file of that name
  // ('' when unknown)
  m.fn('_getline', (args, kw) => {
    checkArgs('_getline', args, kw, 2, 2);
    const name = args[0] instanceof PyStr ? args[0].v : '';
    const lineno = args[1] instanceof PyInt ? Number(args[1].v) : 0;
    for (let f = vmState.current; f !== null; f = f.back) {
      const u = f.code.unit;
      if (u.filename === name && !name.startsWith('<')) return newStr(u.source[lineno - 1] ?? '');
    }
    return newStr((lineno >= 1 && sourceFileLines(name)?.[lineno - 1]) || '');
  });
  execStdlibSource(m, SOURCE, 'warnings.py');
});
