// A subset of the typing module (Lib/typing.py behaviour for annotations): special forms and
// generic aliases with typing.X[...] reprs, TypeVar, Generic (Generic[T] is a real class here,
// since the VM has no __mro_entries__), cast, overload, TYPE_CHECKING, NamedTuple is absent.

import { registerModule } from '../runtime/define';
import { execSource } from './modutil';

const TYPING_SRC = `
TYPE_CHECKING = False

def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)

class _GenericAlias:
    def __init__(self, name, origin, args):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
    def __repr__(self):
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in self.__args__))
    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)
    def __eq__(self, other):
        return isinstance(other, _GenericAlias) and self.__origin__ == other.__origin__ and self.__args__ == other.__args__
    def __hash__(self):
        return hash((self.__origin__, self.__args__))
    def __getitem__(self, params):
        return self

class _Special:
    def __init__(self, name, origin=None, nparams=-1):
        self._name = name
        self._origin = origin
    def __repr__(self):
        return 'typing.' + self._name
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = self._name
        if name == 'Optional':
            return _GenericAlias('Optional', Union, (params[0],))
        if name == 'Union':
            flat = []
            for p in params:
                if p is None:
                    p = type(None)
                if p not in flat:
                    flat.append(p)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and type(None) in flat:
                other = flat[0] if flat[1] is type(None) else flat[1]
                return _GenericAlias('Optional', Union, (other,))
            return _GenericAlias('Union', Union, tuple(flat))
        if name == 'Callable' and len(params) == 2:
            args, res = params
            return _GenericAlias('Callable', self._origin, (args, res))
        return _GenericAlias(name, self._origin, params)
    def __call__(self, *args, **kwargs):
        if self._origin is None:
            raise TypeError('Cannot instantiate typing.%s' % self._name)
        return self._origin(*args, **kwargs)

Any = _Special('Any')
Union = _Special('Union')
Optional = _Special('Optional')
ClassVar = _Special('ClassVar')
Final = _Special('Final')
Literal = _Special('Literal')
for _n, _o in [('List', list), ('Dict', dict), ('Set', set), ('FrozenSet', frozenset), ('Tuple', tuple),
               ('Type', type), ('Callable', None), ('Iterable', None), ('Iterator', None), ('Generator', None),
               ('Sequence', None), ('Mapping', None), ('MutableMapping', None), ('MutableSequence', None),
               ('DefaultDict', None), ('Deque', None), ('Counter', None), ('OrderedDict', None)]:
    globals()[_n] = _Special(_n, _o)
del _n, _o

class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

class Generic:
    __parameters__ = ()
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            return type(cls.__name__, (cls,), {'__parameters__': params, '__module__': 'typing', '_gp': params})
        return _GenericAlias(cls.__qualname__, cls, params)
    def __init_subclass__(cls, **kwargs):
        params = ()
        for b in cls.__bases__:
            if b.__dict__.get('_gp') is not None:
                params = b._gp
        cls.__parameters__ = params
Generic.__module__ = 'typing'

class Protocol(Generic):
    pass
Protocol.__module__ = 'typing'

def cast(typ, val):
    return val

def overload(func):
    return func

def no_type_check(arg):
    return arg

def get_type_hints(obj):
    return dict(getattr(obj, '__annotations__', {}))

def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type
`;

registerModule('typing', (m) => {
  execSource(m, TYPING_SRC, '<frozen typing>');
});
