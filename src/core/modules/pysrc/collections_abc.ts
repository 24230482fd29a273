// Python source of RefScope's collections.abc module: CPython 3.11.7's Lib/_collections_abc.py
// with the docstrings left out and without what RefScope cannot build: the asynchronous ABCs
// (Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator: no async def here), the
// longrange_iterator and memoryview registrations, and _CallableGenericAlias (Callable[...] is a
// plain types.GenericAlias). Callable.__subclasshook__ also accepts a class whose instances
// are callable through a native slot (_has_call_slot): RefScope's builtin types do not all list
// __call__ in their __dict__.

export const COLLECTIONS_ABC_SRC = String.raw`
#@9
from abc import ABCMeta, abstractmethod
import sys
#@12
GenericAlias = type(list[int])
EllipsisType = type(...)
def _f():
    pass
FunctionType = type(_f)
del _f
__all__ = ['Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container', 'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString']
#@33
__name__ = "collections.abc"
#@42
bytes_iterator = type(iter(b''))
bytearray_iterator = type(iter(bytearray()))
#@45
dict_keyiterator = type(iter({}.keys()))
dict_valueiterator = type(iter({}.values()))
dict_itemiterator = type(iter({}.items()))
list_iterator = type(iter([]))
list_reverseiterator = type(iter(reversed([])))
range_iterator = type(iter(range(0)))
#@52
set_iterator = type(iter(set()))
str_iterator = type(iter(""))
tuple_iterator = type(iter(()))
zip_iterator = type(iter(zip()))
#@57
dict_keys = type({}.keys())
dict_values = type({}.values())
dict_items = type({}.items())
#@61
mappingproxy = type(type.__dict__)
generator = type((lambda: (yield))())

#@78
def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True

class Hashable(metaclass=ABCMeta):
#@92
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hashable:
            return _check_methods(C, "__hash__")
        return NotImplemented

#@253
class Iterable(metaclass=ABCMeta):
#@255
    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterable:
            return _check_methods(C, "__iter__")
        return NotImplemented
#@268
    __class_getitem__ = classmethod(GenericAlias)

#@271
class Iterator(Iterable):
#@273
    __slots__ = ()

    @abstractmethod
    def __next__(self):
#@278
        raise StopIteration

    def __iter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterator:
            return _check_methods(C, '__iter__', '__next__')
        return NotImplemented
#@290
Iterator.register(bytes_iterator)
Iterator.register(bytearray_iterator)
#@293
Iterator.register(dict_keyiterator)
Iterator.register(dict_valueiterator)
Iterator.register(dict_itemiterator)
Iterator.register(list_iterator)
Iterator.register(list_reverseiterator)
Iterator.register(range_iterator)
#@300
Iterator.register(set_iterator)
Iterator.register(str_iterator)
Iterator.register(tuple_iterator)
Iterator.register(zip_iterator)

#@306
class Reversible(Iterable):
#@308
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Reversible:
            return _check_methods(C, "__reversed__", "__iter__")
        return NotImplemented

#@322
class Generator(Iterator):
#@324
    __slots__ = ()

    def __next__(self):
#@330
        return self.send(None)

    @abstractmethod
    def send(self, value):
#@337
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
#@344
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
#@355
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("generator ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Generator:
            return _check_methods(C, '__iter__', '__next__', 'send', 'throw', 'close')
#@367
        return NotImplemented
#@370
Generator.register(generator)

#@373
class Sized(metaclass=ABCMeta):
#@375
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return _check_methods(C, "__len__")
        return NotImplemented

#@388
class Container(metaclass=ABCMeta):
#@390
    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Container:
            return _check_methods(C, "__contains__")
        return NotImplemented
#@402
    __class_getitem__ = classmethod(GenericAlias)

#@405
class Collection(Sized, Iterable, Container):
#@407
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            return _check_methods(C,  "__len__", "__iter__", "__contains__")
        return NotImplemented

#@477
def _is_param_expr(obj):
#@481
    if obj is Ellipsis:
        return True
    if isinstance(obj, list):
        return True
    obj = type(obj)
    names = ('ParamSpec', '_ConcatenateGenericAlias')
    return obj.__module__ == 'typing' and any((obj.__name__ == name for name in names))

def _type_repr(obj):
#@495
    if isinstance(obj, GenericAlias):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is Ellipsis:
        return '...'
    if isinstance(obj, FunctionType):
        return obj.__name__
    return repr(obj)

#@508
class Callable(metaclass=ABCMeta):
#@510
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Callable:
            r = _check_methods(C, '__call__')
            if r is NotImplemented and _has_call_slot(C):
                return True
            return r
        return NotImplemented
    __class_getitem__ = classmethod(GenericAlias)

#@528
class Set(Collection):
#@539
    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
#@583
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable((value for value in other if value in self))
#@590
    __rand__ = __and__

    def isdisjoint(self, other):
#@594
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        chain = (e for s in (self, other) for e in s)
        return self._from_iterable(chain)
#@605
    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable((value for value in self if value not in other))

#@615
    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable((value for value in other if value not in self))

#@623
    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self - other | other - self
#@630
    __rxor__ = __xor__

    def _hash(self):
#@647
        MAX = sys.maxsize
        MASK = 2 * MAX + 1
        n = len(self)
        h = 1927868237 * (n + 1)
        h &= MASK
        for x in self:
            hx = hash(x)
            h ^= (hx ^ hx << 16 ^ 89869747) * 3644798167
            h &= MASK
        h ^= h >> 11 ^ h >> 25
        h = h * 69069 + 907133923
        h &= MASK
        if h > MAX:
            h -= MASK + 1
        if h == -1:
            h = 590923713
        return h
#@666
Set.register(frozenset)

#@669
class MutableSet(Set):
#@681
    __slots__ = ()

    @abstractmethod
    def add(self, value):
#@686
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
#@691
        raise NotImplementedError

    def remove(self, value):
#@695
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
#@701
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
#@711
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self
#@749
MutableSet.register(set)

#@754
class Mapping(Collection):
#@762
    __slots__ = ()
#@765
    __abc_tpflags__ = 1 << 6 # Py_TPFLAGS_MAPPING

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
#@773
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
#@788
        return KeysView(self)

    def items(self):
#@792
        return ItemsView(self)

    def values(self):
#@796
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())
#@803
    __reversed__ = None
#@805
Mapping.register(mappingproxy)

#@808
class MappingView(Sized):
    __slots__ = ('_mapping',)

#@812
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)
#@821
    __class_getitem__ = classmethod(GenericAlias)

#@824
class KeysView(MappingView, Set):
#@826
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping
#@839
KeysView.register(dict_keys)

#@842
class ItemsView(MappingView, Set):
#@844
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])
#@864
ItemsView.register(dict_items)

#@867
class ValuesView(MappingView, Collection):
#@869
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]
#@883
ValuesView.register(dict_values)

#@886
class MutableMapping(Mapping):
#@895
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError
#@905
    __marker = object()

    def pop(self, key, default=__marker):
#@911
        try:
            value = self[key]
        except KeyError:
            if default is self.__marker:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
#@925
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return (key, value)

    def clear(self):
#@935
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
#@947
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
#@961
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default
#@968
MutableMapping.register(dict)

#@973
class Sequence(Reversible, Collection):
#@980
    __slots__ = ()
#@983
    __abc_tpflags__ = 1 << 5 # Py_TPFLAGS_SEQUENCE

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
#@1016
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
#@1021
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum((1 for v in self if v is value or v == value))
#@1036
Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)

#@1042
class ByteString(Sequence):
#@1048
    __slots__ = ()
#@1050
ByteString.register(bytes)
ByteString.register(bytearray)

#@1054
class MutableSequence(Sequence):
#@1061
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
#@1074
        raise IndexError

    def append(self, value):
#@1078
        self.insert(len(self), value)

    def clear(self):
#@1082
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
#@1090
        n = len(self)
        for i in range(n//2):
            self[i], self[n - i - 1] = (self[n - i - 1], self[i])

    def extend(self, values):
#@1096
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
#@1105
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
#@1113
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self
#@1120
MutableSequence.register(list)
MutableSequence.register(bytearray)  # Multiply inheriting, see ByteString
`;
