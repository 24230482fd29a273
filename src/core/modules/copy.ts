// The copy module (Lib/copy.py semantics: copy/deepcopy with the per-type dispatch, __copy__/
// __deepcopy__ hooks, __reduce_ex__-style reconstruction of plain instances (cls.__new__ +
// __dict__/__slots__ state, __getstate__/__setstate__), the memo for shared and cyclic
// structure), written as Python source for the interpreter.

import { registerModule } from '../runtime/define';
import { execSource } from './modutil';

const COPY_SRC = `
class Error(Exception):
    pass
error = Error

def _atomic_types():
    ts = [type(None), type(Ellipsis), type(NotImplemented), int, float, bool, str, type,
          range, type(len), type(_atomic_types), property]
    import builtins
    for name in ('complex', 'bytes'):
        t = getattr(builtins, name, None)
        if t is not None:
            ts.append(t)
    return tuple(ts)
_ATOMIC = _atomic_types()
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


def _reconstruct(x, memo, deep):
    cls = type(x)
    rx = cls.__dict__.get('__reduce_ex__') or cls.__dict__.get('__reduce__')
    if rx is not None:
        rv = x.__reduce_ex__(4) if '__reduce_ex__' in cls.__dict__ else x.__reduce__()
        if isinstance(rv, str):
            return x
        func, args = rv[0], rv[1]
        state = rv[2] if len(rv) > 2 else None
        if deep:
            args = deepcopy(args, memo)
        y = func(*args)
        if deep:
            memo[id(x)] = y
        if state is not None:
            if deep:
                state = deepcopy(state, memo)
            _set_state(y, state, True)
        return y
    if isinstance(x, BaseException) or cls.__new__ is not object.__new__ and not hasattr(x, '__dict__'):
        raise Error("un(deep)copyable object of type %s" % cls)
    y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state, custom = _state_of(x)
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        elif not custom and isinstance(state, dict):
            state = state
        _set_state(y, state, custom)
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
`;

registerModule('copy', (m) => {
  execSource(m, COPY_SRC, '<frozen copy>');
});
