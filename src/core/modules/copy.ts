// The copy module (Lib/copy.py semantics: copy/deepcopy with the per-type dispatch, __copy__/
// __deepcopy__ hooks, __reduce_ex__-style reconstruction of plain instances (cls.__new__ +
// __dict__/__slots__ state, __getstate__/__setstate__), the memo for shared and cyclic
// structure), written as Python source for the interpreter.

import { registerModule, checkArgs } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { PyObject, newRef } from '../runtime/object';
import { None } from '../runtime/objects/singletons';
import { PyList } from '../runtime/objects/list';
import { PyDict } from '../runtime/objects/dict';
import { typeLookup } from '../runtime/abstract';
import { typeError } from '../runtime/errors';
import { ReferenceType } from '../runtime/objects/weakref';

/**
 * What object.__reduce_ex__(4) refuses before it builds anything (Objects/typeobject.c
 * reduce_newobj and object_getstate_default with `required`): a type without tp_new, and an
 * object with no __getnewargs__ (not a list or dict) whose type's basic size is more than
 * object's plus its dict and weakref pointers and __slots__ (its C fields would be lost).
 */
function reduceCheck(x: PyObject): void {
  const t = x.type;
  if (!t.slots.new) typeError(`cannot pickle '${t.name}' object`);
  if (typeLookup(t, '__getnewargs_ex__') || typeLookup(t, '__getnewargs__')) return;
  if (x instanceof PyList || x instanceof PyDict) return;
  const size = 16 + (t.hasDict && !t.managedDict ? 8 : 0) + (t.weakrefable ? 8 : 0) + 8 * (t.slotNames?.length ?? 0);
  if (t.basicsize > size) typeError(`cannot pickle '${t.name}' object`);
}

const COPY_SRC = `"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)        # make a shallow copy of y
        x = copy.deepcopy(y)    # make a deep copy of y

For module specific errors, copy.Error is raised.

The difference between shallow and deep copying is only relevant for
compound objects (objects that contain other objects, like lists or
class instances).

- A shallow copy constructs a new compound object and then (to the
  extent possible) inserts *the same objects* into it that the
  original contains.

- A deep copy constructs a new compound object and then, recursively,
  inserts *copies* into it of the objects found in the original.

Two problems often exist with deep copy operations that don't exist
with shallow copy operations:

 a) recursive objects (compound objects that, directly or indirectly,
    contain a reference to themselves) may cause a recursive loop

 b) because deep copy copies *everything* it may copy too much, e.g.
    administrative data structures that should be shared even between
    copies

Python's deep copy operation avoids these problems by:

 a) keeping a table of objects already copied during the current
    copying pass

 b) letting user-defined classes override the copying operation or the
    set of components copied

This version does not copy types like module, class, function, method,
nor stack trace, stack frame, nor file, socket, window, nor any
similar types.

Classes can use the same interfaces to control copying that they use
to control pickling: they can define methods called __getinitargs__(),
__getstate__() and __setstate__().  See the documentation for module
"pickle" for information on these methods.
"""

import types
# (_weakref_ref: _weakref_ref, bound by copy.ts)
dispatch_table = {}  # (copyreg.dispatch_table: complex and re.Pattern copy otherwise)

class Error(Exception):
    pass
error = Error   # backward compatibility

try:
    from org.python.core import PyStringMap
except ImportError:
    PyStringMap = None

__all__ = ["Error", "copy", "deepcopy"]

def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # treat it as a regular class:
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    reductor = dispatch_table.get(cls)
    if reductor is not None:
        rv = reductor(x)
    else:
        reductor = _reductor(x)  # (object.__reduce_ex__: _builtin_reduce)
        if reductor is not None:
            rv = reductor(4)
        else:
            reductor = getattr(x, "__reduce__", None)
            if reductor:
                rv = reductor()
            else:
                raise Error("un(shallow)copyable object of type %s" % cls)

    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}

def _copy_immutable(x):
    return x
for t in (type(None), int, float, bool, complex, str, tuple,
          bytes, frozenset, type, range, slice, property,
          types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          types.FunctionType, _weakref_ref):
    d[t] = _copy_immutable
t = getattr(types, "CodeType", None)
if t is not None:
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy

if PyStringMap is not None:
    d[PyStringMap] = PyStringMap.copy

del d, t

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                reductor = dispatch_table.get(cls)
                if reductor:
                    rv = reductor(x)
                else:
                    reductor = _reductor(x)  # (object.__reduce_ex__: _builtin_reduce)
                    if reductor is not None:
                        rv = reductor(4)
                    else:
                        reductor = getattr(x, "__reduce__", None)
                        if reductor:
                            rv = reductor()
                        else:
                            raise Error(
                                "un(deep)copyable object of type %s" % cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo) # Make sure x lives at least as long as d
    return y

_deepcopy_dispatch = d = {}

def _deepcopy_atomic(x, memo):
    return x
d[type(None)] = _deepcopy_atomic
d[type(Ellipsis)] = _deepcopy_atomic
d[type(NotImplemented)] = _deepcopy_atomic
d[int] = _deepcopy_atomic
d[float] = _deepcopy_atomic
d[bool] = _deepcopy_atomic
d[complex] = _deepcopy_atomic
d[bytes] = _deepcopy_atomic
d[str] = _deepcopy_atomic
d[types.CodeType] = _deepcopy_atomic
d[type] = _deepcopy_atomic
d[range] = _deepcopy_atomic
d[types.BuiltinFunctionType] = _deepcopy_atomic
d[types.FunctionType] = _deepcopy_atomic
d[_weakref_ref] = _deepcopy_atomic
d[property] = _deepcopy_atomic

def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list

def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple

def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict
if PyStringMap is not None:
    d[PyStringMap] = _deepcopy_dict

def _deepcopy_method(x, memo): # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))
d[types.MethodType] = _deepcopy_method

del d

def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    We store a reference at the id of the memo, which should
    normally not be used unless someone tries to deepcopy
    the memo itself...
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)]=[x]

def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = (deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y

_MethodType = types.MethodType; del types, PyStringMap  # (and weakref)

# RefScope: what object.__reduce_ex__(4) (typeobject.c object___reduce_ex___impl, copyreg's
# reduce_newobj) returns, for the classes that do not define their own reduce
def _state_of(x):
    gs = getattr(x, '__getstate__', None)
    if gs is not None and getattr(type(x), '__getstate__', None) is not None and type(x).__getstate__ is not getattr(object, '__getstate__', None):
        return gs(), True
    state = None
    d = getattr(x, '__dict__', None)
    if d:
        state = d
    slots = []
    for k in type(x).__mro__:
        s = k.__dict__.get('__slots__', ())
        if isinstance(s, str):
            s = (s,)
        for n in s:
            if n not in ('__dict__', '__weakref__') and n not in slots:
                slots.append(n)
    if slots:
        sv = {}
        for n in slots:
            try:
                sv[n] = getattr(x, n)
            except AttributeError:
                pass
        if sv:
            state = (state, sv)
    return state, False


def _set_state(y, state, custom):
    if custom or hasattr(y, '__setstate__'):
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
            return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for k, v in slotstate.items():
            setattr(y, k, v)


def _builtin_reduce(x, cls, _check=_reduce_check):
    # what __reduce_ex__(4) gives for the builtin types whose reduce RefScope does not define:
    # (func, args, state, listitems, dictitems) as set_reduce, bytearray_reduce_ex, slice's,
    # BaseException.__reduce__, the collections types' and typeobject.c reduce_newobj do
    d = getattr(x, '__dict__', None) or None
    coll = [k.__name__ for k in cls.__mro__ if k.__module__ == 'collections']
    if 'defaultdict' in coll:
        f = x.default_factory
        return cls, ((f,) if f is not None else ()), None, None, iter(x.items())
    if 'Counter' in coll:
        return cls, (dict(x),), d, None, None
    if 'OrderedDict' in coll:
        return cls, (), d, None, iter(x.items())
    if isinstance(x, BaseException):
        return cls, x.args, d, None, None
    if isinstance(x, (set, frozenset)):
        return cls, (list(x),), d, None, None
    if isinstance(x, bytearray):
        return cls, (bytes(x),), d, None, None
    if cls is _MethodType:
        # method_reduce: (getattr, (self, name))
        return getattr, (x.__self__, x.__func__.__name__)
    if cls is slice:
        return cls, (x.start, x.stop, x.step), None, None, None
    if isinstance(x, tuple) and hasattr(cls, '_make') and hasattr(cls, '_fields'):
        # a namedtuple: its __new__(_cls, *fields) (RefScope's namedtuples have it as a slot)
        return cls._make, (list(x),), None, None, None
    _check(x)
    # reduce_newobj: cls.__new__(cls, *__getnewargs__()), the state, a list's or dict's items
    gna = getattr(x, '__getnewargs__', None)
    args = gna() if gna is not None else ()
    state, custom = _state_of(x)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, (cls,) + tuple(args), state, listitems, dictitems


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _own_reduce(cls):
    for k in cls.__mro__:
        if k is object:
            return None
        if '__reduce_ex__' in k.__dict__ or '__reduce__' in k.__dict__:
            return k
    return None


def _reductor(x):
    # getattr(x, "__reduce_ex__", None): the class's own __reduce_ex__, else its __reduce__, else
    # object's (_builtin_reduce)
    cls = type(x)
    own = _own_reduce(cls)
    if own is None:
        return lambda proto: _builtin_reduce(x, cls)
    if '__reduce_ex__' in own.__dict__:
        return x.__reduce_ex__
    return lambda proto: x.__reduce__()

del _reduce_check, _weakref_ref
`;

registerModule('copy', (m) => {
  // its functions are Python functions in CPython (they hold no module)
  m.functionsOf('copy');
  // (weakref.ref, which Lib/copy.py takes from the weakref module CPython has loaded at start)
  m.set('_weakref_ref', ReferenceType);
  // (bound as _builtin_reduce's default and deleted: the module's names stay Lib/copy.py's)
  m.fn('_reduce_check', (args, kw) => {
    checkArgs('_reduce_check', args, kw, 1, 1);
    reduceCheck(args[0]);
    return newRef(None);
  });
  execStdlibSource(m, COPY_SRC, 'copy.py');
});
