// A subset of the typing module (Lib/typing.py behaviour for annotations): special forms and
// generic aliases with typing.X[...] reprs, TypeVar, Generic (Generic[T] is a real class here,
// since the VM has no __mro_entries__), cast, overload, TYPE_CHECKING,
// NamedTuple and TypedDict (classes with a metaclass here: class syntax reaches the metaclass
// without __mro_entries__, and calling the root class is the functional form).

import { registerModule } from '../runtime/define';
import { execStdlibSource } from './modutil';

const TYPING_SRC = `
TYPE_CHECKING = False

#@230
def _type_repr(obj):
#@240
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None:
        return 'NoneType'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)

class ForwardRef:
#@852
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
#@868
        self.__forward_arg__ = arg
#@870
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module
#@902
    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__ and self.__forward_module__ == other.__forward_module__
#@911
    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))
#@920
    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

def _type_convert(arg):
    # a str argument of a generic alias is a ForwardRef (typing._type_convert)
    return ForwardRef(arg) if isinstance(arg, str) else arg

class _GenericAlias:
    def __init__(self, name, origin, args):
#@1267
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
    def __repr__(self):
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if self._name == 'Literal':
            return '%s[%s]' % (name, ', '.join(repr(a) for a in self.__args__))
        return '%s[%s]' % (name, ', '.join(_type_repr(a) for a in self.__args__))
    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)
#@1372
    def __eq__(self, other):
        return isinstance(other, _GenericAlias) and self.__origin__ == other.__origin__ and self.__args__ == other.__args__
#@1378
    def __hash__(self):
        return hash((self.__origin__, self.__args__))
#@1571
    def __getitem__(self, params):
        return self

class _UnionGenericAlias(_GenericAlias):
#@1679
    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            elif args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return super().__repr__()
#@1706
    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)
#@1712
    def __hash__(self):
        return hash(frozenset(self.__args__))

class _Special:
    def __init__(self, name, origin=None, nparams=-1):
        self._name = name
        self._origin = origin
#@1761
    def __repr__(self):
        return 'typing.' + self._name
    def __getitem__(self, params):
#@1822
        if not isinstance(params, tuple):
            params = (params,)
        name = self._name
        if name not in ('Literal', 'Annotated'):
            params = tuple(_type_convert(p) for p in params)
        if name == 'Optional':
            # Optional[X] is Union[X, None]
            return Union[params[0], type(None)]
        if name == 'Union':
            # _remove_dups_flatten: None is NoneType, nested unions give their arguments
            flat = []
            for p in params:
                if p is None:
                    p = type(None)
                if isinstance(p, _UnionGenericAlias):
                    flat.extend(p.__args__)
#@1851
                else:
                    flat.append(p)
            uniq = []
            for p in flat:
                if p not in uniq:
                    uniq.append(p)
            if len(uniq) == 1:
                return uniq[0]
            return _UnionGenericAlias('Union', Union, tuple(uniq))
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

class _BoundVarianceMixin:
#@2140
    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

class TypeVar(_BoundVarianceMixin):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

class Generic:
    __parameters__ = ()
#@2217
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            return type(cls.__name__, (cls,), {'__parameters__': params, '__module__': 'typing', '_gp': params})
        return _GenericAlias(None, cls, params)
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

def _caller_module(depth=2):
    import sys
#@2555
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None

#@2872
def _make_nmtuple(name, types, module, defaults = ()):
    import collections
    fields = [n for n, t in types]
    types = {n: t for n, t in types}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = types
    try:
        nm_tpl.__new__.__annotations__ = types
    except AttributeError:
        pass  # RefScope's namedtuple __new__ is a builtin
    return nm_tpl
_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults',
                         '_make', '_replace', '_asdict', '_source'})

_special = frozenset({'__module__', '__name__', '__annotations__'})

#@2890
class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
#@2898
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
#@2916
        for key in ns:
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
#@2923
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        # NamedTuple('Name', [('x', int)]) or NamedTuple('Name', x=int)
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords"
                            " can be provided to NamedTuple, not both")
        return _make_nmtuple(typename, fields, module=_caller_module())

NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {'__module__': 'typing'})

#@2962
class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
#@2971
        for base in bases:
            if type(base) is not _TypedDictMeta:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
#@2983
        annotations = {}
        own_annotations = ns.get('__annotations__', {})
#@2990
        required_keys = set()
        optional_keys = set()
#@2993
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
#@3004
        annotations.update(own_annotations)
        for annotation_key in own_annotations:
            if total:
#@3021
                required_keys.add(annotation_key)
#@3023
            else:
                optional_keys.add(annotation_key)
#@3031
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict
    def __init__(cls, name, bases, ns, total=True):
        pass
    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            return _typeddict_functional(*args, **kwargs)
        return dict(*args, **kwargs)
    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')
    __instancecheck__ = __subclasscheck__

def _typeddict_functional(typename, fields=None, /, *, total=True, **kwargs):
#@3094
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments,"
                        " but not both")
#@3108
    ns = {'__annotations__': dict(fields)}
    module = _caller_module(3)
    if module is not None:
#@3112
        ns['__module__'] = module
#@3114
    return _TypedDictMeta(typename, (), ns, total=total)

TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {'__module__': 'typing'})

def cast(typ, val):
    return val

NoReturn = _Special('NoReturn')
Never = _Special('Never')
Self = _Special('Self')
LiteralString = _Special('LiteralString')
TypeAlias = _Special('TypeAlias')
Required = _Special('Required')
NotRequired = _Special('NotRequired')
class Annotated:
#@3246
    __slots__ = ()
    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments "
                            "(a type and an annotation).")
        return _GenericAlias('Annotated', cls, params)
Annotated.__module__ = 'typing'
Concatenate = _Special('Concatenate')
TypeGuard = _Special('TypeGuard')
for _n in ('Hashable', 'Sized', 'Container', 'Collection', 'Reversible', 'AbstractSet',
           'MutableSet', 'KeysView', 'ItemsView', 'ValuesView', 'MappingView', 'Awaitable',
           'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'ContextManager',
           'AsyncContextManager', 'ChainMap', 'Pattern', 'Match', 'SupportsInt', 'SupportsFloat',
           'SupportsComplex', 'SupportsBytes', 'SupportsIndex', 'SupportsAbs', 'SupportsRound',
           'ByteString'):
    globals()[_n] = _Special(_n)
del _n
Text = str
AnyStr = TypeVar('AnyStr', bytes, str)
class ParamSpec(_BoundVarianceMixin):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name
    def __repr__(self):
        return self.__name__
def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f

def runtime_checkable(cls):
    return cls

def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None

def get_args(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()

def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")

def assert_type(val, typ, /):
    return val

def reveal_type(obj, /):
    import sys
#@3436
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj

def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
#@3510
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator

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
  execStdlibSource(m, TYPING_SRC, 'typing.py');
});
