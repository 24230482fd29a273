// enum (Lib/enum.py behaviour of CPython 3.11): EnumType/EnumMeta, Enum, ReprEnum, IntEnum,
// StrEnum, Flag, IntFlag, FlagBoundary, auto, unique, member/nonmember, written as Python source.
// As in CPython, EnumType.__prepare__ gives the class body an _EnumDict, which resolves auto()
// as the body assigns it (so `RW = R | W` sees the values) and records the member names; the
// functional API (_create_) hands __new__ a plain dict, which __new__ scans instead. Simplified:
// members are stored in the class dict (no enum.property redirect for members named
// `name`/`value`), and a class defined inside an enum body gives no DeprecationWarning.

import { registerModule } from '../runtime/define';
import { execStdlibSource } from './modutil';

const ENUM_SRC = String.raw`
import sys as _sys

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
           'auto', 'unique', 'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
           'member', 'nonmember']


#@24
class nonmember(object):
#@28
    def __init__(self, value):
        self.value = value

class member(object):
#@35
    def __init__(self, value):
        self.value = value

def _is_descriptor(obj):
    # see _is_descriptor (the isinstance test: RefScope's functions do not expose __get__ yet)
    return (isinstance(obj, _descriptor_types)
            or hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__'))


def _f():
    pass
_descriptor_types = (type(_f), property, classmethod, staticmethod)
del _f
def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


#@59
def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1:2] != '_' and name[-2:-1] != '_')


#@79
def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'), )
    n = len(pattern)
    if len(name) > n and name.startswith(pattern) and name[n:n+1] != '_' and (name[-1] != '_' or name[-2] != '_'):
#@89
        return True
    return False


def _is_single_bit(num):
#@97
    if num == 0:
        return False
    num &= num - 1
    return num == 0


#@117
def _iter_bits_lsb(num):
#@119
    original = num
    if isinstance(num, Enum):
        num = num.value
    if num < 0:
        raise ValueError('%r is not a positive integer' % original)
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b

def show_flag_values(value):
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    # two's complement binary with a sign digit (enum.bin)
#@144
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _bltn_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _bltn_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


import builtins as _builtins
_bltn_bin = _builtins.bin


_mappingproxy = type(type.__dict__)


#@169
class _auto_null:
    def __repr__(self):
        return '_auto_null'
_auto_null = _auto_null()

class auto:
#@178
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value, )


#@351
class _EnumDict(dict):
    # the class body's namespace (Lib/enum.py 3.11 _EnumDict): member names in order, auto()
    # resolved at assignment
#@358
    def __init__(self):
        super().__init__()
        self._member_names = {} # use a dict to keep insertion order
        self._last_values = []
        self._ignore = []
        self._auto_called = False

    def __setitem__(self, key, value):
#@382
        if _is_private(self._cls_name, key):
#@384
            pass
        elif _is_sunder(key):
            if key not in (
                    '_order_',
                    '_generate_next_value_', '_numeric_repr_', '_missing_', '_ignore_',
                    '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_',
                    ):
                raise ValueError(
                        '_sunder_ names, such as %r, are reserved for future Enum use'
                        % (key, )
                        )
            if key == '_generate_next_value_':
#@397
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined before members")
                _gnv = value.__func__ if isinstance(value, staticmethod) else value
                setattr(self, '_generate_next_value', _gnv)
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',',' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError(
                            '_ignore_ cannot specify already set names: %r'
                            % (already, )
                            )
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
#@418
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
#@423
            value = value.value
        elif _is_descriptor(value):
            pass
#@430
        else:
            if key in self:
#@433
                raise TypeError('%r already defined as %r' % (key, self[key]))
            elif isinstance(value, member):
#@436
                value = value.value
            non_auto_store = True
            single = False
            if isinstance(value, auto):
                single = True
                value = (value, )
            if type(value) is tuple and any(isinstance(v, auto) for v in value):
#@445
                auto_valued = []
                for v in value:
                    if isinstance(v, auto):
                        non_auto_store = False
                        if v.value == _auto_null:
                            v.value = self._generate_next_value(
                                    key, 1, len(self._member_names), self._last_values[:],
                                    )
                            self._auto_called = True
                        v = v.value
                        self._last_values.append(v)
                    auto_valued.append(v)
                if single:
                    value = auto_valued[0]
                else:
                    value = tuple(auto_valued)
            self._member_names[key] = None
            if non_auto_store:
                self._last_values.append(value)
        super().__setitem__(key, value)


#@477
class EnumType(type):
#@482
    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
#@485
        metacls._check_for_existing_members_(cls, bases)
#@487
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
#@490
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            enum_dict['_generate_next_value_'] = getattr(
                    first_enum, '_generate_next_value_', None,
                    )
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
#@503
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        if isinstance(classdict, _EnumDict):
            classdict.setdefault('_ignore_', []).append('_ignore_')
            ignore = classdict['_ignore_']
            for key in ignore:
                classdict.pop(key, None)
            member_names = classdict._member_names
            invalid_names = set(member_names) & {'mro', ''}
            if invalid_names:
                raise ValueError('invalid enum member name(s) %s'  % (
                        ','.join(repr(n) for n in invalid_names)
                        ))
            names = list(member_names)
            values = [classdict[key] for key in names]
            classdict = dict(classdict.items())
            for key in names:
                del classdict[key]
            member_type, first_enum = metacls._get_mixins_(cls, bases)
        else:
            ignore = classdict.get('_ignore_', [])
            if isinstance(ignore, str):
                ignore = ignore.replace(',', ' ').split()
            for key in list(ignore) + ['_ignore_']:
                classdict.pop(key, None)
            member_type, first_enum = metacls._get_mixins_(cls, bases)
            gnv = classdict.get('_generate_next_value_')
            if gnv is None:
                gnv = getattr(first_enum, '_generate_next_value_', None)
            elif isinstance(gnv, staticmethod):
                gnv = gnv.__func__
            names = []
            values = []
            last_values = []
            for key in list(classdict):
                value = classdict[key]
                if _is_private(cls, key) or _is_dunder(key) or _is_sunder(key):
                    continue
                if isinstance(value, nonmember):
                    classdict[key] = value.value
                    continue
                if isinstance(value, member):
                    value = value.value
                elif _is_descriptor(value):
                    continue
                if key in ('mro', ''):
                    raise ValueError('invalid enum member name(s) %r' % (key, ))
                if isinstance(value, auto):
                    if value.value is _auto_null:
                        value.value = gnv(key, 1, len(names), last_values[:])
                    value = value.value
                elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                    parts = []
                    for v in value:
                        if isinstance(v, auto):
                            if v.value is _auto_null:
                                v.value = gnv(key, 1, len(names), last_values[:])
                            v = v.value
                        parts.append(v)
                    value = tuple(parts)
                names.append(key)
                values.append(value)
                last_values.append(value)
                del classdict[key]
        _order_ = classdict.pop('_order_', None)
        new, save_new, use_args = metacls._find_new_(classdict, member_type, first_enum)
        classdict['_new_member_'] = new
        classdict['_use_args_'] = use_args
        if save_new:
            classdict['__new_member__'] = new
        if Enum is not None:
            classdict['__new__'] = Enum.__dict__['__new__']
        classdict['_member_names_'] = []
        classdict['_member_map_'] = {}
        classdict['_value2member_map_'] = {}
        classdict['_unhashable_values_'] = []
        classdict['_member_type_'] = member_type
        classdict['_value_repr_'] = metacls._find_data_repr_(cls, bases)
        is_flag = Flag is not None and any(issubclass(b, Flag) for b in bases)
        if is_flag or cls == 'Flag':
            classdict['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
            classdict['_flag_mask_'] = 0
            classdict['_singles_mask_'] = 0
            classdict['_all_bits_'] = 0
            classdict['_inverted_'] = None
        own = set(classdict)
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type (i.e.'
                                ' int, str, float, etc.)')
            if '__format__' not in own:
                classdict['__format__'] = member_type.__format__
                own.add('__format__')
            if '__str__' not in own:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                classdict['__str__'] = method
                own.add('__str__')
#@618
        if Enum is not None:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name not in own:
                    owner = _defining_class(bases, name)
                    if owner is None or owner in member_type.__mro__:
                        classdict[name] = first_enum.__dict__.get(name) or getattr(first_enum, name)
        if is_flag:
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__'):
                if name not in own:
                    classdict[name] = Flag.__dict__[name]
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        for name, value in zip(names, values):
            _add_member_(enum_class, name, value)
        if is_flag:
            member_list = [m._value_ for m in enum_class]
            if member_list != sorted(member_list):
                setattr(enum_class, '_iter_member_', enum_class._iter_member_by_def_)
        if _order_ is not None:
            if isinstance(_order_, str):
                _order_ = _order_.replace(',', ' ').split()
            _order_ = [o for o in _order_
                       if o not in enum_class._member_map_ or o in enum_class._member_names_]
#@672
            if _order_ != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, _order_))
#@678
        return enum_class

    def __bool__(cls):
#@684
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
#@711
        if names is None:  # simple value lookup
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

#@724
    def __contains__(cls, member):
#@732
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, cls.__class__.__qualname__))
#@743
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
#@748
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set(['__class__', '__contains__', '__doc__', '__getitem__',
                           '__iter__', '__len__', '__members__', '__module__',
                           '__name__', '__qualname__'] + cls._member_names_)
#@760
        if cls._new_member_ is not object.__new__:
            interesting.add('__new__')
#@764
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)

#@786
    def __getitem__(cls, name):
#@790
        return cls._member_map_[name]

    def __iter__(cls):
#@796
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
#@802
        return len(cls._member_names_)

    @property
    def __members__(cls):
        return _mappingproxy(cls._member_map_)

#@814
    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

#@820
    def __reversed__(cls):
#@824
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
#@834
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name, ))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        # the functional API: Enum('Animal', 'ANT BEE')
#@851
        metacls = cls.__class__
        bases = (cls, ) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = {}
#@857
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if names is None:
            names = ()
#@870
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
#@879
        if module is None:
            try:
                module = _sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        classdict['__module__'] = module if module is not None else '<unknown>'
#@888
        if qualname is not None:
            classdict['__qualname__'] = qualname
#@891
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

#@931
    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (class_name, base))

#@941
    @classmethod
    def _get_mixins_(mcls, class_name, bases):
#@949
        if not bases:
            return object, Enum
#@952
        mcls._check_for_existing_members_(class_name, bases)
#@956
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "${'`'}EnumName([mixin_type, ...] [data_type,] enum_type)${'`'}")
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                elif isinstance(base, EnumType):
                    return base.__dict__.get('_value_repr_')
#@972
                elif '__repr__' in base.__dict__:
#@974
                    return base.__dict__['__repr__']
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
#@980
        data_types = set()
#@982
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
#@986
                if base is object:
                    continue
                elif isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.add(base._member_type_)
                        break
                elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
#@995
                    data_types.add(candidate or base)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, data_types))
        elif data_types:
            return data_types.pop()
        return None

#@1006
    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        new = classdict.get('__new__', None)
        if isinstance(new, staticmethod):
            new = new.__func__
        save_new = first_enum is not None and new is not None
        if new is None:
#@1026
            for method in ('__new_member__', '__new__'):
                for possible in (member_type, first_enum):
                    if possible is None:
                        continue
                    target = getattr(possible, method, None)
                    if target is not None and target is not object.__new__ and (
                            Enum is None or target is not Enum.__new__):
                        new = target
#@1036
                        break
                if new is not None:
                    break
            else:
                new = object.__new__
        if first_enum is None or new is object.__new__ or (Enum is not None and new is Enum.__new__):
#@1046
            use_args = False
        else:
            use_args = True
        return new, save_new, use_args
EnumMeta = EnumType
def _defining_class(bases, name):
    for chain in bases:
        for base in chain.__mro__:
            if base is not object and name in base.__dict__:
                return base
    if name in object.__dict__:
        return object
    return None
def _add_member_(enum_class, member_name, value):
    args = value if isinstance(value, tuple) else (value, )
    if enum_class._member_type_ is tuple:
        args = (args, )
    if not enum_class._use_args_:
        enum_member = enum_class._new_member_(enum_class)
    else:
        enum_member = enum_class._new_member_(enum_class, *args)
    if not hasattr(enum_member, '_value_'):
        if enum_class._member_type_ is object:
            enum_member._value_ = value
        else:
            try:
                enum_member._value_ = enum_class._member_type_(*args)
            except Exception as exc:
                new_exc = TypeError('_value_ not set in __new__, unable to create it')
                new_exc.__cause__ = exc
                raise new_exc
    value = enum_member._value_
    enum_member._name_ = member_name
    enum_member.__objclass__ = enum_class
    enum_member.__init__(*args)
    enum_member._sort_order_ = len(enum_class._member_names_)
    is_flag = Flag is not None and issubclass(enum_class, Flag)
    if is_flag:
        setattr(enum_class, '_flag_mask_', enum_class._flag_mask_ | value)
        if _is_single_bit(value):
            setattr(enum_class, '_singles_mask_', enum_class._singles_mask_ | value)
        setattr(enum_class, '_all_bits_', 2 ** ((enum_class._flag_mask_).bit_length()) - 1)
    try:
        try:
            enum_member = enum_class._value2member_map_[value]
        except TypeError:
            for name, canonical_member in enum_class._member_map_.items():
                if canonical_member._value_ == value:
                    enum_member = canonical_member
                    break
            else:
                raise KeyError
    except KeyError:
        if not is_flag or _is_single_bit(value):
            enum_class._member_names_.append(member_name)
    setattr(enum_class, member_name, enum_member)
    enum_class._member_map_[member_name] = enum_member
    try:
        enum_class._value2member_map_.setdefault(value, enum_member)
    except TypeError:
        enum_class._unhashable_values_.append(value)
Enum = None
Flag = None
_extra = {}
ReprEnum = None
class Enum(metaclass=EnumType):
    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        try:
            if isinstance(result, cls):
                return result
            elif (Flag is not None and issubclass(cls, Flag)
                    and cls._boundary_ is EJECT and isinstance(result, int)):
                return result
            else:
                ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
                if result is None and exc is None:
                    raise ve_exc
                elif exc is None:
                    exc = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                                    % (cls.__name__, result))
                if not isinstance(exc, ValueError):
                    exc.__context__ = ve_exc
                raise exc
        finally:
            exc = None
            ve_exc = None
    def __init__(self, *args, **kwds):
        pass
    def __setattr__(self, name, value):
        try:
            object.__setattr__(self, name, value)
        except AttributeError:
            cls = type(self)
            if cls.__dict__.get('_member_type_', object) is object or isinstance(getattr(cls, name, None), property):
                raise
            _extra.setdefault(id(self), (self, {}))[1][name] = value
    def __getattr__(self, name):
        entry = _extra.get(id(self))
        if entry is not None and entry[0] is self and name in entry[1]:
            return entry[1][name]
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values.sort()
            if last == last_values[-1]:
                return last + 1
            raise TypeError
        except TypeError:
#@1180
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_, )

    def __dir__(self):
#@1202
        interesting = set()
        if self.__class__._member_type_ is not object:
            interesting = set(object.__dir__(self))
        for name in getattr(self, '__dict__', []):
            if name[0] != '_' and name not in self._member_map_:
                interesting.add(name)
        for cls in self.__class__.mro():
            for name, obj in cls.__dict__.items():
                if name[0] == '_':
                    continue
                if name not in self._member_map_:
#@1220
                    interesting.add(name)
        return sorted(set(['__class__', '__doc__', '__eq__', '__hash__', '__module__']) | interesting)

#@1227
    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_, )

    def __deepcopy__(self,memo):
        return self

    def __copy__(self):
        return self

#@1250
    @property
    def name(self):
#@1253
        return self._name_

    @property
    def value(self):
#@1258
        return self._value_
    @name.setter
    def name(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")
    @name.deleter
    def name(self):
        raise AttributeError("<enum 'Enum'> cannot delete attribute 'name'")
    @value.setter
    def value(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")
    @value.deleter
    def value(self):
        raise AttributeError("<enum 'Enum'> cannot delete attribute 'value'")
class ReprEnum(Enum):
    pass
class IntEnum(int, ReprEnum):
    pass
class StrEnum(str, ReprEnum):
#@1278
    def __new__(cls, *values):
#@1280
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values, ))
        if len(values) == 1:
#@1284
            if not isinstance(values[0], str):
                raise TypeError('%r is not a string' % (values[0], ))
        if len(values) >= 2:
#@1288
            if not isinstance(values[1], str):
                raise TypeError('encoding must be a string, not %r' % (values[1], ))
        if len(values) == 3:
#@1292
            if not isinstance(values[2], str):
                raise TypeError('errors must be a string, not %r' % (values[2]))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def _generate_next_value_(name, start, count, last_values):
#@1303
        return name.lower()


#@1315
class FlagBoundary(StrEnum):
#@1323
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()
STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
#@1335
    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
#@1346
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit+1)

    @classmethod
    def _iter_member_by_value_(cls, value):
#@1360
        for val in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(val)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

#@1375
    @classmethod
    def _missing_(cls, value):
        # Flag._missing_: a pseudo-member for a combination of flags (by boundary)
#@1382
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
#@1390
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
#@1398
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s" % (
                    cls, value, bin(value, max_bits), bin(flag_mask, max_bits)))
#@1404
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** (value.bit_length())) + value
#@1414
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, cls._boundary_, ))
#@1418
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
#@1422
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
#@1431
        if cls._member_type_ is object:
#@1433
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, '_value_'):
            pseudo_member._value_ = value
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pm in cls._member_map_.items():
                    if pm not in members and pm._value_ and pm._value_ & value == pm._value_:
                        members.append(pm)
                        combined_value |= pm._value_
            unknown = value ^ combined_value
            pseudo_member._name_ = '|'.join([m._name_ for m in members])
            if not combined_value:
                pseudo_member._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                pseudo_member._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo_member._name_ = None
#@1463
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
#@1472
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
#@1476
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
#@1482
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

#@1495
    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

#@1502
    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

#@1515
    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

#@1525
    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

#@1535
    def __invert__(self):
        inverted = self._inverted_
        if inverted is None:
            if self._boundary_ in (EJECT, KEEP):
                inverted = self.__class__(~self._value_)
            else:
                inverted = self.__class__(self._singles_mask_ & ~self._value_)
            self._inverted_ = inverted
        return inverted
    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__

class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    pass


#@1554
def _high_bit(value):
#@1558
    return value.bit_length() - 1

def unique(enumeration):
#@1564
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
#@1573
    return enumeration

def _power_of_two(value):
    if value < 1:
        return False
    return value == 2 ** _high_bit(value)
`;

registerModule('enum', (m) => {
  execStdlibSource(m, ENUM_SRC, 'enum.py');
});
