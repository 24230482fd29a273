// Python source of the abc module (Lib/abc.py with the registry logic of Lib/_py_abc.py, as the
// C module _abc implements it). The registry and caches are plain sets (CPython keeps weak
// references there: RefScope has no weakref module yet).

export const ABC_SRC = String.raw`
#@7
def abstractmethod(funcobj):
#@24
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
#@41
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
#@61
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
#@81
    __isabstractmethod__ = True
def get_cache_token():
    return _abc_state[0]
_abc_state = [0]
class _abc_data:
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_cache_version')
    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = _abc_state[0]
def _isabstract(value):
    if isinstance(value, property):
        for f in (value.fget, value.fset, value.fdel):
            if getattr(f, "__isabstractmethod__", False):
                return True
        return False
    if isinstance(value, (classmethod, staticmethod)):
        if getattr(value.__func__, "__isabstractmethod__", False):
            return True
    return getattr(value, "__isabstractmethod__", False)
def _compute_abstracts(cls):
#@168
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _isabstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _isabstract(value):
                abstracts.add(name)
    return frozenset(abstracts)
def _abc_init(cls):
    cls.__abstractmethods__ = _compute_abstracts(cls)
    cls._abc_impl = _abc_data()
class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = _type_new(mcls, name, bases, namespace, **kwargs)
        _abc_init(cls)
        return cls
    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        _abc_state[0] += 1
        return subclass
    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == _abc_state[0] and
                    subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))
    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_cache_version < _abc_state[0]:
            impl.negative_cache = set()
            impl.negative_cache_version = _abc_state[0]
        elif subclass in impl.negative_cache:
            return False
        hook = getattr(cls, '__subclasshook__', None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            assert isinstance(ok, bool)
            if ok:
                impl.cache.add(subclass)
            else:
                impl.negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            impl.cache.add(subclass)
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        for scls in _subclasses(cls):
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False
    def _abc_registry_clear(cls):
        cls._abc_impl.registry.clear()
    def _abc_caches_clear(cls):
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()
def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _isabstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _isabstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls
class ABC(metaclass=ABCMeta):
    __slots__ = ()
`;
