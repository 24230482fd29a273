# EnumType.__prepare__'s _EnumDict: auto() resolved as the class body assigns it (so a later
# line of the body can use the value), duplicate names, _ignore_, member()/nonmember(), and the
# metaclass's __setattr__/__delattr__ guarding members
from enum import Enum, Flag, IntFlag, IntEnum, StrEnum, auto, member, nonmember
class Color(Enum):
    RED = 1
    GREEN = 2
print(hash(Color.RED) == hash('RED'))
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
try:
    del Color.GREEN
except AttributeError as e:
    print(e)
Color.extra = 'fine'
print(Color.extra, '_generate_next_value_' in Color.__dict__)
class Perm(Flag):
    R = auto()
    W = auto()
    RW = R | W
    X = auto()
print(Perm.R | Perm.W, list(Perm), Perm.RW, Perm.X.value, Perm(3))
class Sizes(IntEnum):
    SMALL = auto()
    LARGE = SMALL * 10
    HUGE = auto()
print(list(Sizes), [s.value for s in Sizes])
class Names(StrEnum):
    ALPHA = auto()
    BETA = ALPHA + '_b'
print(list(Names), Names.BETA.value)
class Pair(Enum):
    A = (auto(), 'a')
    B = (auto(), 'b')
print([p.value for p in Pair])
class Opts(Enum):
    _ignore_ = 'tmp i'
    tmp = 3
    ONE = 1
    i = 2
    helper = nonmember(10)
    wrapped = member(7)
print(list(Opts), Opts.helper, Opts.wrapped.value, hasattr(Opts, 'tmp'))
try:
    class T1(Enum):
        A = 1
        A = 2
except TypeError as e:
    print('TypeError', e)
try:
    class T2(Enum):
        A = 1
        def A(self):
            pass
except TypeError as e:
    print('TypeError', e)
try:
    class T3(Enum):
        _bad_ = 1
except ValueError as e:
    print('ValueError', e)
try:
    class T4(Enum):
        mro = 1
except ValueError as e:
    print('ValueError', e)
try:
    class Late(Enum):
        A = auto()
        def _generate_next_value_(name, start, count, last_values):
            return name
except TypeError as e:
    print('TypeError', e)
class Early(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    A = auto()
    B = auto()
print(list(Early), Early.B.value)
class Bits(IntFlag):
    A = auto()
    B = auto()
    AB = A | B
print(Bits.AB, Bits.A | Bits.B, int(Bits.AB))
