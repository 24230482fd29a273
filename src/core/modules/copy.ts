// The copy module (Lib/copy.py semantics: copy/deepcopy with the per-type dispatch, __copy__/
// __deepcopy__ hooks, __reduce_ex__-style reconstruction of plain instances (cls.__new__ +
// __dict__/__slots__ state, __getstate__/__setstate__), the memo for shared and cyclic
// structure), written as Python source for the interpreter.

import { registerModule, checkArgs } from '../runtime/define';
import { execSource } from './modutil';
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

const COPY_SRC = `
class Error(Exception):
    pass
error = Error

def _atomic_types():
    ts = [type(None), type(Ellipsis), type(NotImplemented), int, float, bool, str, type,
          range, type(len), type(_atomic_types), property, type(_atomic_types.__code__)]
    import builtins
    ts.append(_weakref_ref)
    for name in ('complex', 'bytes'):
        t = getattr(builtins, name, None)
        if t is not None:
            ts.append(t)
    return tuple(ts)
_ATOMIC = _atomic_types()
_MethodType = type(_atomic_types.__get__(0))  # (types.MethodType: a function bound to an object)
del _atomic_types


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


def _reconstruct(x, memo, deep):
    # Lib/copy.py _reconstruct on what __reduce_ex__(4) returned
    cls = type(x)
    if _own_reduce(cls) is not None:
        rv = x.__reduce_ex__(4) if hasattr(x, '__reduce_ex__') and _own_reduce(cls).__dict__.get('__reduce_ex__') else x.__reduce__()
        if isinstance(rv, str):
            return x
    else:
        rv = _builtin_reduce(x, cls)
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listiter = rv[3] if len(rv) > 3 else None
    dictiter = rv[4] if len(rv) > 4 else None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state, False)
    if listiter is not None:
        for item in listiter:
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls is _MethodType:
        # method_reduce: (getattr, (self, name))
        return getattr(x.__self__, x.__func__.__name__)
    return _reconstruct(x, None, False)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(a, memo) for a in x])
    elif cls is _MethodType:
        # _deepcopy_method
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, True)
    if y is not x:
        memo[d] = y
        try:
            memo[id(memo)].append(x)
        except KeyError:
            memo[id(memo)] = [x]
    return y

__all__ = ['Error', 'copy', 'deepcopy']
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
  execSource(m, COPY_SRC, '<frozen copy>');
});
