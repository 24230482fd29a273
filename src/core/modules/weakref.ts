// The weakref module (Modules/_weakref.c + Lib/weakref.py + Lib/_weakrefset.py, CPython 3.11).
// The reference types live in runtime/objects/weakref.ts; the containers (WeakValueDictionary,
// WeakKeyDictionary, WeakSet), KeyedRef, WeakMethod and finalize are Python source modelled on
// Lib/weakref.py and Lib/_weakrefset.py (same names, same algorithms: _IterationGuard,
// _pending_removals, _remove_dead_weakref, finalize._registry / _exitfunc).

import { PyObject, newRef, decref } from '../runtime/object';
import { atexitRegister } from './atexit';
import { registerModule, checkArgs, type ModuleBuilder } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { newInt } from '../runtime/objects/int';
import { newList } from '../runtime/objects/list';
import { None } from '../runtime/objects/singletons';
import { PyBaseException } from '../runtime/objects/exception';
import { PyModule } from '../runtime/objects/instance';
import {
  ReferenceType,
  ProxyType,
  CallableProxyType,
  installWeakrefs,
  newProxy,
  getWeakrefCount,
  getWeakrefs,
} from '../runtime/objects/weakref';
import { execStdlibSource } from './modutil';
import { newMethod } from '../runtime/objects/function';
import { formatException } from '../runtime/traceback';
import { vmState } from '../runtime/vm/eval';
import { newStr } from '../runtime/objects/str';

const WEAKREF_SRC = String.raw`
class KeyedRef(ref):
    __slots__ = "key",

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
#@66
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
def _remove_dead_weakref(d, key):
    try:
        wr = d[key]
    except KeyError:
        return
    if isinstance(wr, ref) and wr() is None:
        del d[key]
class _IterationGuard:
    def __init__(self, weakcontainer):
        self.weakcontainer = ref(weakcontainer)
    def __enter__(self):
        w = self.weakcontainer()
        if w is not None:
            w._iterating.add(self)
        return self
    def __exit__(self, e, t, b):
        w = self.weakcontainer()
        if w is not None:
            s = w._iterating
            s.remove(self)
            if not s:
                w._commit_removals()
class WeakSet:
    __module__ = '_weakrefset'
    def __init__(self, data=None):
        self.data = set()
        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(item)
                else:
                    self.data.discard(item)
        self._remove = _remove
        self._pending_removals = []
        self._iterating = set()
        if data is not None:
            self.update(data)
    def _commit_removals(self):
        pop = self._pending_removals.pop
        discard = self.data.discard
        while True:
            try:
                item = pop()
            except IndexError:
                return
            discard(item)
    def __iter__(self):
        with _IterationGuard(self):
            for itemref in self.data:
                item = itemref()
                if item is not None:
                    yield item
    def __len__(self):
        return len(self.data) - len(self._pending_removals)
    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data
    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))
    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()
    def copy(self):
        return self.__class__(self)
    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = itemref()
            if item is not None:
                return item
    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))
    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))
    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for element in other:
            self.add(element)
    def __ior__(self, other):
        self.update(other)
        return self
    def difference(self, other):
        newset = self.copy()
        newset.difference_update(other)
        return newset
    __sub__ = difference
    def difference_update(self, other):
        self.__isub__(other)
    def __isub__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self
    def intersection(self, other):
        return self.__class__(item for item in other if item in self)
    __and__ = intersection
    def intersection_update(self, other):
        self.__iand__(other)
    def __iand__(self, other):
        if self._pending_removals:
            self._commit_removals()
        self.data.intersection_update(ref(item) for item in other)
        return self
    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)
    __le__ = issubset
    def __lt__(self, other):
        return self.data < set(map(ref, other))
    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)
    __ge__ = issuperset
    def __gt__(self, other):
        return self.data > set(map(ref, other))
    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))
    def symmetric_difference(self, other):
        newset = self.copy()
        newset.symmetric_difference_update(other)
        return newset
    __xor__ = symmetric_difference
    def symmetric_difference_update(self, other):
        self.__ixor__(other)
    def __ixor__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self
    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)
    __or__ = union
    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0
    def __repr__(self):
        return repr(self.data)
_IterationGuard.__module__ = '_weakrefset'
class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self), _atomic_removal=_remove_dead_weakref):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(wr.key)
                else:
                    _atomic_removal(self.data, wr.key)
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        self.data = {}
        self.update(other, **kw)
    def _commit_removals(self, _atomic_removal=_remove_dead_weakref):
        pop = self._pending_removals.pop
        d = self.data
        while True:
            try:
                key = pop()
            except IndexError:
                return
            _atomic_removal(d, key)
    def __getitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        else:
            return o
    def __delitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        del self.data[key]
    def __len__(self):
        if self._pending_removals:
            self._commit_removals()
        return len(self.data)
    def __contains__(self, key):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None
    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))
    def __setitem__(self, key, value):
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = KeyedRef(value, self._remove, key)
    def copy(self):
        if self._pending_removals:
            self._commit_removals()
        new = WeakValueDictionary()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[key] = o
        return new
    __copy__ = copy
    def get(self, key, default=None):
        if self._pending_removals:
            self._commit_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        else:
            o = wr()
            if o is None:
                return default
            else:
                return o
    def items(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                v = wr()
                if v is not None:
                    yield k, v
    def keys(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k
    __iter__ = keys
    def itervaluerefs(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            yield from self.data.values()
    def values(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for wr in self.data.values():
                obj = wr()
                if obj is not None:
                    yield obj
    def popitem(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o
    def pop(self, key, *args):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            else:
                raise KeyError(key)
        else:
            return o
    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            if self._pending_removals:
                self._commit_removals()
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        else:
            return o
    def update(self, other=None, /, **kwargs):
        if self._pending_removals:
            self._commit_removals()
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)
    def valuerefs(self):
        if self._pending_removals:
            self._commit_removals()
        return list(self.data.values())
    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()
    def __eq__(self, other):
        if not hasattr(other, 'items'):
            return NotImplemented
        return dict(self.items()) == dict(other.items())
class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(k)
                else:
                    try:
                        del self.data[k]
                    except KeyError:
                        pass
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        self._dirty_len = False
        if dict is not None:
            self.update(dict)
    def _commit_removals(self):
        pop = self._pending_removals.pop
        d = self.data
        while True:
            try:
                key = pop()
            except IndexError:
                return
            try:
                del d[key]
            except KeyError:
                pass
    def _scrub_removals(self):
        d = self.data
        self._pending_removals = [k for k in self._pending_removals if k in d]
        self._dirty_len = False
    def __delitem__(self, key):
        self._dirty_len = True
        del self.data[ref(key)]
    def __getitem__(self, key):
        return self.data[ref(key)]
    def __len__(self):
        if self._dirty_len and self._pending_removals:
            self._scrub_removals()
        return len(self.data) - len(self._pending_removals)
    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))
    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value
    def copy(self):
        new = WeakKeyDictionary()
        with _IterationGuard(self):
            for key, value in self.data.items():
                o = key()
                if o is not None:
                    new[o] = value
        return new
    __copy__ = copy

#@451
    def get(self, key, default=None):
        return self.data.get(ref(key),default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    yield key, value

    def keys(self):
        with _IterationGuard(self):
            for wr in self.data:
                obj = wr()
                if obj is not None:
                    yield obj

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value

    def keyrefs(self):
#@493
        return list(self.data)

    def popitem(self):
        self._dirty_len = True
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        self._dirty_len = True
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove),default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)
    def clear(self):
        self.data.clear()
class WeakMethod(ref):
    __slots__ = "_func_ref", "_meth_type", "_alive", "__weakref__"
    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        def _cb(arg):
            self = self_wr()
            if self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)
        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self
    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return _method(func, obj)
    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented
    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented
    __hash__ = ref.__hash__
class _FinalizeInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")
def _count():
    n = 0
    while True:
        yield n
        n += 1
class finalize:
    __slots__ = ()
    _registry = {}
    _shutdown = False
    _index_iter = _count()
    _dirty = False
    _registered_with_atexit = False
    _Info = _FinalizeInfo
    def __init__(self, obj, func, /, *args, **kwargs):
        if not self._registered_with_atexit:
            _atexit_register()
            finalize._registered_with_atexit = True
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = next(self._index_iter)
        self._registry[self] = info
        finalize._dirty = True
    def __call__(self, _=None):
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))
    def detach(self):
#@595
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
#@603
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
#@611
        return self in self._registry

    @property
    def atexit(self):
#@616
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        else:
            return '<%s object at %#x; for %r at %#x>' % \
                (type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
#@637
        L = [(f,i) for (f,i) in cls._registry.items() if i.atexit]
        L.sort(key=lambda item:item[1].index)
        return [f for (f,i) in L]

    @classmethod
    def _exitfunc(cls):
#@647
        try:
            if cls._registry:
#@653
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
#@666
                        f()
                    except Exception as e:
                        _excepthook(e)
                    assert f not in cls._registry
        finally:
#@672
            finalize._shutdown = True

_FinalizeInfo.__name__ = '_Info'
_FinalizeInfo.__qualname__ = 'finalize._Info'
ProxyTypes = (ProxyType, CallableProxyType)
`;

registerModule('weakref', (m: ModuleBuilder) => {
  // its functions are _weakref's in CPython (their __self__)
  m.functionsOf('_weakref');
  installWeakrefs();
  m.set('ref', ReferenceType);
  m.set('ReferenceType', ReferenceType);
  m.set('ProxyType', ProxyType);
  m.set('CallableProxyType', CallableProxyType);
  m.fn('getweakrefcount', (args, kw) => {
    checkArgs('_weakref.getweakrefcount', args, kw, 1, 1);
    return newInt(getWeakrefCount(args[0]));
  });
  m.fn('getweakrefs', (args, kw) => {
    checkArgs('_weakref.getweakrefs', args, kw, 1, 1);
    return newList(getWeakrefs(args[0]).map((w) => newRef(w)));
  });
  m.fn('proxy', (args, kw) => {
    checkArgs('_weakref.proxy', args, kw, 1, 2);
    return newProxy(args[0], args.length > 1 ? args[1] : null);
  });
  // types.MethodType(func, obj) (WeakMethod.__call__: self._meth_type(func, obj))
  m.fn('_method', (args, kw) => {
    checkArgs('_method', args, kw, 2, 2);
    return newMethod(args[0], args[1]);
  });
  // finalize's first instance: atexit.register(finalize._exitfunc), in order with the program's
  // own exit functions
  m.fn('_atexit_register', () => {
    const fin = m.module.dict.getStr(abs.strKey('finalize'));
    if (fin) {
      const f = abs.getAttr(fin, '_exitfunc');
      try {
        atexitRegister(f, [], null);
      } finally {
        decref(f);
      }
    }
    return newRef(None);
  });
  m.fn('_excepthook', (args) => {
    // sys.excepthook(*sys.exc_info()): the traceback on sys.stderr
    const text = formatException(args[0] as PyBaseException);
    const sys = vmState.importModule!('sys', vmState.current!);
    try {
      const err = abs.getAttr(sys, 'stderr');
      try {
        const s = newStr(text);
        try {
          decref(abs.callMethodObj(abs.typeLookup(err.type, 'write') ?? None, err, [s]));
        } finally {
          decref(s);
        }
      } finally {
        decref(err);
      }
    } finally {
      decref(sys);
    }
    return newRef(None);
  });
  execStdlibSource(m, WEAKREF_SRC, 'weakref.py');
});
