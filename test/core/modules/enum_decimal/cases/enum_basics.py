from enum import Enum, IntEnum, StrEnum, auto, unique, EnumMeta, EnumType
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color['RED'], list(Color), Color.CRIMSON is Color.RED)
print(len(Color), Color.RED in Color, Color.RED.name, Color.RED.value, Color._member_names_)
print(f"{Color.RED}", format(Color.RED, '>12'), Color.__members__)
print(repr(Color), Color.RED.__class__, type(Color), EnumMeta is EnumType, list(reversed(Color)))
print(isinstance(Color.RED, Color), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
class Pri(IntEnum):
    LOW = auto()
    HIGH = auto()
print(Pri.HIGH, repr(Pri.HIGH), f"{Pri.HIGH}", Pri.HIGH + 1, Pri(2), Pri.LOW < 2, [p.value for p in Pri])
print(sorted([Pri.HIGH, Pri.LOW]), Pri.HIGH * 10, int(Pri.LOW), Pri.LOW == 1, {Pri.LOW: 'x'}[1])
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, repr(S.A), S.B == 'bee', f"{S.B}", S.B.upper())
class M(str, Enum):
    A = 'a'
print(M.A, repr(M.A), f"{M.A}")
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def double_mass(self):
        return self.mass * 2
print(Planet.EARTH.mass, Planet.MERCURY.radius, Planet.EARTH.value, Planet.EARTH.double_mass)
try:
    @unique
    class D(Enum):
        A = 1
        B = 1
        C = 2
        E = 2
except ValueError as e:
    print(e)
for bad in (9, 'RED'):
    try:
        Color(bad)
    except ValueError as e:
        print(e)
try:
    Color['PINK']
except KeyError as e:
    print(repr(e))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), repr(Animal.ANT), Animal(2))
Num = IntEnum('Num', [('ONE', 1), ('TWO', 2)])
print(Num.TWO + Num.ONE, list(Num))
print(auto(), repr(auto()))
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    def describe(self):
        return self.name.lower()
    @classmethod
    def default(cls):
        return cls.SQUARE
print(Shape.DIAMOND.describe(), Shape.default(), [s.name for s in Shape])
class Ordered(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
print(list(Ordered))
try:
    class Bad(Color):
        PINK = 4
except TypeError as e:
    print(e)
