// Python source of the dataclasses module (Lib/dataclasses.py of CPython 3.11). The generated
// methods are made as CPython makes them (_create_fn: their source text exec'd with the class's
// module globals), so a wrong call of __init__ fails in argument binding and a traceback through
// a generated method names File "<string>".

export const DATACLASSES_SRC = String.raw`
import sys
import copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


#@173
class FrozenInstanceError(AttributeError): pass


#@178
class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()
def _formatannotation(annotation):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if type(annotation).__name__ == 'GenericAlias':
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)
_NO = object()
def _param_text(name, annotation, default):
    text = name
    if annotation is not _NO:
        text += ': ' + _formatannotation(annotation)
    if default is not _NO:
        text += (' = ' if annotation is not _NO else '=') + repr(default)
    return text
def _func_params(fn):
    co = fn.__code__
    names = co.co_varnames
    npos, nposonly, nkw = co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount
    defaults = fn.__defaults__ or ()
    kwdefaults = fn.__kwdefaults__ or {}
    ann = fn.__annotations__
    parts = []
    first_default = npos - len(defaults)
    for i in range(npos):
        n = names[i]
        parts.append(_param_text(n, ann.get(n, _NO), defaults[i - first_default] if i >= first_default else _NO))
        if nposonly and i == nposonly - 1:
            parts.append('/')
    i = npos + nkw
    if co.co_flags & 4:
        parts.append(_param_text('*' + names[i], ann.get(names[i], _NO), _NO))
        i += 1
    elif nkw:
        parts.append('*')
    for n in names[npos:npos + nkw]:
        parts.append(_param_text(n, ann.get(n, _NO), kwdefaults.get(n, _NO)))
    if co.co_flags & 8:
        parts.append(_param_text('**' + names[i], ann.get(names[i], _NO), _NO))
    if parts and parts[0] != '/':
        parts = parts[1:]
        if parts and parts[0] == '/':
            parts = parts[1:]
    ret = ' -> ' + _formatannotation(ann['return']) if 'return' in ann else ''
    return '(' + ', '.join(parts) + ')' + ret
def _text_signature(cls, std_fields, kw_fields, generated_init):
    if generated_init is not None and cls.__dict__.get('__init__') is generated_init:
        def field_text(f):
            if f.default is not MISSING:
                default = f.default
            elif f.default_factory is not MISSING:
                default = _HAS_DEFAULT_FACTORY
            else:
                default = _NO
            return _param_text(f.name, f.type, default)
        parts = [field_text(f) for f in std_fields]
        if kw_fields:
            parts.append('*')
            parts += [field_text(f) for f in kw_fields]
        return '(' + ', '.join(parts) + ')'
    init_fn = getattr(cls, '__init__')
    if hasattr(init_fn, '__code__'):
        return _func_params(init_fn).replace(' -> None', '')
    return '()'
class _MISSING_TYPE:
    pass
MISSING = _MISSING_TYPE()
class _KW_ONLY_TYPE:
    pass
KW_ONLY = _KW_ONLY_TYPE()
class _FIELD_BASE:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')
_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'
class InitVar:
    __slots__ = ('type', )
    def __init__(self, type):
        self.type = type
    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'
    def __class_getitem__(cls, type):
        return InitVar(type)
class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

#@287
    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
#@300
        self.kw_only = kw_only
        self._field_type = None

#@304
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata=mappingproxy({self.metadata!r}),'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

#@327
    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
#@332
            func(self.default, owner, name)


#@337
class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

#@346
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


#@368
def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
#@386
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _fields_in_init_order(fields):
#@396
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _set_qualname(cls, value):
    if isinstance(value, type(_set_qualname)):
        value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
    return value


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False

def _create_fn(name, args, body, *, globals=None, locals=None,
               return_type=MISSING):
    # (Lib/dataclasses.py: the method's source text, exec'd with the class's module globals; a
    # traceback through it names File "<string>")
#@418
    if locals is None:
        locals = {}
    return_annotation = ''
    if return_type is not MISSING:
        locals['_return_type'] = return_type
        return_annotation = '->_return_type'
    args = ','.join(args)
    body = '\n'.join(f'  {b}' for b in body)
#@428
    txt = f' def {name}({args}){return_annotation}:\n{body}'
#@430
    local_vars = ', '.join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    ns = {}
    exec(txt, globals, ns)
    return ns['__create_fn__'](**locals)


def _field_assign(frozen, name, value, self_name):
#@444
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})'
    return f'{self_name}.{name}={value}'


def _field_init(f, frozen, globals, self_name, slots):
#@453
    default_name = f'_dflt_{f.name}'
    if f.default_factory is not MISSING:
        if f.init:
#@458
            globals[default_name] = f.default_factory
            value = (f'{default_name}() '
                     f'if {f.name} is _HAS_DEFAULT_FACTORY '
                     f'else {f.name}')
        else:
#@477
            globals[default_name] = f.default_factory
            value = f'{default_name}()'
    else:
#@481
        if f.init:
            if f.default is MISSING:
#@484
                value = f.name
            elif f.default is not MISSING:
                globals[default_name] = f.default
                value = f.name
        else:
#@490
            if slots and f.default is not MISSING:
                globals[default_name] = f.default
                value = default_name
            else:
#@497
                return None
#@502
    if f._field_type is _FIELD_INITVAR:
        return None
#@506
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
#@514
    if f.default is MISSING and f.default_factory is MISSING:
#@517
        default = ''
    elif f.default is not MISSING:
#@521
        default = f'=_dflt_{f.name}'
    elif f.default_factory is not MISSING:
#@524
        default = '=_HAS_DEFAULT_FACTORY'
    return f'{f.name}:_type_{f.name}{default}'


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init,
             self_name, globals, slots):
#@538
    seen_default = False
    for f in std_fields:
#@541
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} '
                                'follows default argument')

    locals = {f'_type_{f.name}': f.type for f in fields}
    locals.update({
        'MISSING': MISSING,
        '_HAS_DEFAULT_FACTORY': _HAS_DEFAULT_FACTORY,
        '__dataclass_builtins_object__': object,
    })

    body_lines = []
    for f in fields:
        line = _field_init(f, frozen, locals, self_name, slots)
#@560
        if line:
            body_lines.append(line)

#@564
    if has_post_init:
        params_str = ','.join(f.name for f in fields
                              if f._field_type is _FIELD_INITVAR)
        body_lines.append(f'{self_name}.{_POST_INIT_NAME}({params_str})')

#@570
    if not body_lines:
        body_lines = ['pass']

    _init_params = [_init_param(f) for f in std_fields]
    if kw_only_fields:
#@578
        _init_params += ['*']
        _init_params += [_init_param(f) for f in kw_only_fields]
    return _create_fn('__init__',
                      [self_name] + _init_params,
                      body_lines,
                      locals=locals,
                      globals=globals,
                      return_type=None)


def _repr_fn(fields, globals):
    fn = _create_fn('__repr__',
                    ('self',),
                    ['return self.__class__.__qualname__ + f"(' +
                     ', '.join([f"{f.name}={{self.{f.name}!r}}"
                                for f in fields]) +
                     ')"'],
                     globals=globals)
    return _recursive_repr(fn)
def _recursive_repr(user_function):
    repr_running = set()
    def wrapper(self):
        key = id(self), 1  # (CPython's second item is _thread.get_ident())
        if key in repr_running:
            return '...'
        repr_running.add(key)
        try:
            result = user_function(self)
        finally:
            repr_running.discard(key)
        return result
    wrapper.__module__ = user_function.__module__
    wrapper.__name__ = user_function.__name__
    wrapper.__qualname__ = user_function.__qualname__
    wrapper.__doc__ = user_function.__doc__
    wrapper.__wrapped__ = user_function
    return wrapper
def _frozen_get_del_attr(cls, fields, globals):
    locals = {'cls': cls,
              'FrozenInstanceError': FrozenInstanceError}
    if fields:
        fields_str = '(' + ','.join(repr(f.name) for f in fields) + ',)'
    else:
        fields_str = '()'
    return (_create_fn('__setattr__',
                      ('self', 'name', 'value'),
                      (f'if type(self) is cls or name in {fields_str}:',
                        ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                       f'super(cls, self).__setattr__(name, value)'),
                       locals=locals,
                       globals=globals),
            _create_fn('__delattr__',
                      ('self', 'name'),
                      (f'if type(self) is cls or name in {fields_str}:',
                        ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
                       f'super(cls, self).__delattr__(name)'),
                       locals=locals,
                       globals=globals),
            )
def _tuple_str(obj_name, fields):
    if not fields:
        return '()'
    return f'({",".join([f"{obj_name}.{f.name}" for f in fields])},)'
def _cmp_fn(name, op, self_tuple, other_tuple, globals):
    return _create_fn(name,
                      ('self', 'other'),
                      [ 'if other.__class__ is self.__class__:',
                       f' return {self_tuple}{op}{other_tuple}',
                        'return NotImplemented'],
                      globals=globals)
def _hash_fn(fields, globals):
    self_tuple = _tuple_str('self', fields)
    return _create_fn('__hash__',
                      ('self',),
                      [f'return hash({self_tuple})'],
                      globals=globals)
def _is_classvar(a_type):
    typing = sys.modules.get('typing')
    if typing is None:
        return False
    return (a_type is typing.ClassVar
            or (type(a_type) is getattr(typing, '_GenericAlias', None)
                and a_type.__origin__ is typing.ClassVar))


#@723
def _get_field(cls, a_name, a_type, default_kw_only):
#@731
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
#@738
        f = field(default=default)
#@741
    f.name = a_name
    f.type = a_type
#@747
    f._field_type = _FIELD
    if _is_classvar(a_type) or (isinstance(a_type, str) and a_type.startswith(('ClassVar', 'typing.ClassVar'))):
        f._field_type = _FIELD_CLASSVAR
    if a_type is InitVar or isinstance(a_type, InitVar):
        f._field_type = _FIELD_INITVAR
#@788
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
#@799
    if f._field_type in (_FIELD, _FIELD_INITVAR):
#@802
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
#@807
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
#@814
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
#@818
    return f


#@884
def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
#@890
    fields = {}
#@892
    if cls.__module__ in sys.modules:
        globals = sys.modules[cls.__module__].__dict__
    else:
#@900
        globals = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

#@909
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
#@914
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

#@934
    cls_annotations = cls.__dict__.get('__annotations__', {})
#@939
    cls_fields = []
#@941
    KW_ONLY_seen = False
#@943
    for name, type in cls_annotations.items():
        if type is KW_ONLY or (isinstance(type, str) and type in ('KW_ONLY', 'dataclasses.KW_ONLY')):
#@951
            if KW_ONLY_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
#@954
            KW_ONLY_seen = True
            kw_only = True
        else:
#@958
            cls_fields.append(_get_field(cls, name, type, kw_only))

    for f in cls_fields:
        fields[f.name] = f
#@967
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
#@975
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

#@980
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and not name in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

#@985
    if has_dataclass_bases:
#@987
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
#@992
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

#@998
    setattr(cls, _FIELDS, fields)

#@1005
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

#@1011
    if order and not eq:
        raise ValueError('eq must be true if order is true')

#@1017
    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    (std_init_fields,
     kw_only_init_fields) = _fields_in_init_order(all_init_fields)
    generated_init = None
    if init:
#@1024
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        had_init = '__init__' in cls.__dict__
        _set_new_attribute(cls, '__init__',
                           _init_fn(all_init_fields,
                                    std_init_fields,
                                    kw_only_init_fields,
                                    frozen,
                                    has_post_init,
                                    # The name to use for the "self"
                                    # param in __init__.  Use "self"
                                    # if possible.
                                    '__dataclass_self__' if 'self' in fields
                                            else 'self',
                                    globals,
                                    slots,
                          ))
        generated_init = None if had_init else cls.__dict__['__init__']

#@1043
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        flds = [f for f in field_list if f.repr]
        _set_new_attribute(cls, '__repr__', _repr_fn(flds, globals))

    if eq:
#@1052
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str('self', flds)
        other_tuple = _tuple_str('other', flds)
        _set_new_attribute(cls, '__eq__', _cmp_fn('__eq__', '==', self_tuple, other_tuple, globals=globals))

#@1060
    if order:
#@1062
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str('self', flds)
        other_tuple = _tuple_str('other', flds)
        for name, op in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')]:
            if _set_new_attribute(cls, name, _cmp_fn(name, op, self_tuple, other_tuple, globals=globals)):
#@1073
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')

    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list, globals):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                f'in class {cls.__name__}')
    hash_flds = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _set_qualname(cls, _hash_fn(hash_flds, globals))
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _set_qualname(cls, _hash_fn(hash_flds, globals))
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None
    if not getattr(cls, '__doc__'):
        # str(inspect.signature(cls)).replace(' -> None', ''): the generated __init__'s fields, or
        try:
            text_sig = _text_signature(cls, std_init_fields, kw_only_init_fields, generated_init)
#@1099
        except (TypeError, ValueError):
            text_sig = ''
        cls.__doc__ = cls.__name__ + text_sig

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))

#@1109
    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    abc = sys.modules.get('abc')
    if abc is not None and hasattr(cls, '__abstractmethods__'):
        abc.update_abstractmethods(cls)
    _fixup_slots(cls)
    return cls
def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    if hasattr(slots, '__next__'):
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")
    return tuple(slots)
def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]
def _dataclass_setstate(self, state):
    for field, value in zip(fields(self), state):
        object.__setattr__(self, field.name, value)


#@1147
def _add_slots(cls, is_frozen, weakref_slot):
    # as Lib/dataclasses.py: __slots__ cannot be added to an existing class, so the class is
    # created again from its namespace with __slots__ naming the fields
#@1152
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
#@1156
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_get_slots(base))
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(n for n in wanted if n not in inherited)
    for name in field_names:
        cls_dict.pop(name, None)
#@1181
    cls_dict.pop('__dict__', None)
#@1184
    cls_dict.pop('__weakref__', None)  # gh-102069
#@1187
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
#@1192
    if is_frozen:
#@1194
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate
#@1199
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
#@1219
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)
#@1225
    if cls is None:
#@1227
        return wrap
#@1230
    return wrap(cls)


def fields(class_or_instance):
#@1241
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
#@1248
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
#@1253
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
#@1259
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
#@1282
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
#@1314
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
#@1319
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
#@1347
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _astuple_inner(getattr(obj, f.name), tuple_factory)
            result.append(value)
        return tuple_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
#@1366
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
#@1371
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                          for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
#@1406
    if namespace is None:
        namespace = {}
#@1412
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
#@1434
        annotations[name] = tp
    ns = dict(namespace)
    ns.update(defaults)
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)


#@1453
def replace(obj, /, **changes):
#@1471
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
#@1477
    for f in getattr(obj, _FIELDS).values():
#@1479
        if f._field_type is _FIELD_CLASSVAR:
            continue
#@1482
        if not f.init:
#@1484
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue
#@1490
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
#@1501
    return obj.__class__(**changes)
`;
